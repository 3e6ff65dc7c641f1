/*
 * svcplan: the bridge between stored services and the rules engine, shared
 * by the Services tab, the Manage services dialog and the occupier's own
 * view. Loads the catalog and what is in use, converts them to the plain
 * structs of domain/rules.h, and fills the Provisioned infrastructure row.
 */
#ifndef TENANTRY_SVCPLAN_H
#define TENANTRY_SVCPLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/rules.h"
#include "../store/store.h"

struct req;
struct tpl_dict;

struct svcplan {
	struct store_catalog	 cat;
	struct rules_service	*rsvc;
	struct rules_rule	*rrules;
	struct rules_catalog	 rc;
	struct rules_state	 state;
	int64_t			 ips_held;	/* svcplan_load: public IPs held, any state */
	int64_t			 version;	/* svcplan_read: the plan's (1: never saved) */
};

/* Load the operator's catalog (availability for site), the occupier's
 * infrastructure in use and its contracts at site (newest first), in one
 * round trip. 1 ok, -1 store error. */
int	 svcplan_load(struct req *, int64_t occ, int64_t site, struct svcplan *,
	    struct store_contract **, size_t *);
/* The catalog and infrastructure in use (as svcplan_load, without the
 * contracts), every service row of occupier occ at site (current first,
 * then by id), the plan's version and, when head is not NULL, the tab's
 * header, in one round trip: for pages that only read. */
int	 svcplan_read(struct req *, int64_t occ, int64_t site, struct svcplan *,
	    struct store_occsvc **, size_t *, struct store_plan_head *);
/* Catalog entry of service id, or NULL. */
const struct store_service *svcplan_service(const struct svcplan *, int64_t id);
/* Evaluate plan rows against the catalog and state. */
size_t	 svcplan_check(const struct svcplan *, const struct rules_line *,
	    size_t n, struct rules_result *);
/* svcplan_check of the rows os[0..n) that have not ended by today: active
 * and scheduled, what is or will be allocated (Y). Returns their number. */
size_t	 svcplan_check_current(struct req *, const struct svcplan *,
	    const struct store_occsvc *os, size_t n, struct rules_result *);
/* Provisioned infrastructure of occupier occ at site, as the Services tab
 * shows it: allocated (Y) by its current services, active and scheduled
 * (DESIGN 3), and in use (X). 1 ok, -1 store error. */
int	 svcplan_provisioned(struct req *, int64_t occ, int64_t site,
	    struct rules_result *);
/* Section INFRA (LABEL, FRACTION, X, Y, OVER) for the five device types. */
void	 svcplan_fill_infra(struct tpl_dict *, const struct rules_result *);
/* The note shown where cost is 0.00 (seed: Price). */
extern const char svcplan_zero_cost_note[];

#endif
