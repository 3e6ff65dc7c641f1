/*
 * svcplan: the services plan on pages (ops/plan.h has the plan itself):
 * the Provisioned infrastructure row, for the signed-in user's operator,
 * and the note shown where cost is 0.00.
 */
#ifndef TENANTRY_SVCPLAN_H
#define TENANTRY_SVCPLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/rules.h"
#include "../store/store.h"

struct req;
struct tpl_dict;

/* Provisioned infrastructure of occupier occ at site, as the Services tab
 * shows it: allocated (Y) by its current services, active and scheduled
 * (domain §3), and in use (X); plan_provisioned for r's user. 1 ok, -1
 * store error. */
int	 svcplan_provisioned(struct req *, int64_t occ, int64_t site,
	    struct rules_result *);
/* Section INFRA (LABEL, FRACTION, X, Y, OVER) for the five device types. */
void	 svcplan_fill_infra(struct tpl_dict *, const struct rules_result *);
/* The note shown where cost is 0.00 (seed: Price). */
extern const char svcplan_zero_cost_note[];

#endif
