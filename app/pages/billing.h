/*
 * billing: charge lines of a month from stored services and their price
 * and QTY history (audit events), through the pure domain/charges.c.
 * Shared by the occupier Charges tab, the self-service view and reports.
 */
#ifndef TENANTRY_BILLING_H
#define TENANTRY_BILLING_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/charges.h"
#include "../store/store.h"

struct req;

struct bill_line {
	const struct store_charge_row	*row;	/* service, occupier, site */
	struct charge_line		 l;
};

/*
 * Lines of month (year, month) for the occupier at the site (0 for all
 * occupiers / all sites), in occupier, site, service order, and their
 * total. 1 ok, -1 store error, -2 arithmetic overflow (logged).
 */
int	 billing_month(struct req *, int64_t occ, int64_t site, int year,
	    int month, struct bill_line **out, size_t *n, int64_t *total);

#endif
