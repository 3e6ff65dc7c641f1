/*
 * billsrc: where a bill run takes its charge lines from, for a range of
 * occupiers at a time (bounded memory for any number of occupiers).
 *
 * Today the lines are computed as billing_month (billing.c) computes the
 * Charges tab and the Occupier Service Charges report: each occupier
 * service charged in the month, its price and QTY history from its
 * "update" audit events, through the pure domain/charges.c. When charges
 * come from somewhere else (a ledger of effective-dated price and QTY
 * rows), this file is the one to change: the bill run (billrun.c) sees
 * only billsrc_month.
 */
#ifndef TENANTRY_BILLSRC_H
#define TENANTRY_BILLSRC_H

#include <stddef.h>
#include <stdint.h>

#include "billing.h"

struct arena;

/*
 * Lines of month (year, month) of the occupiers with ids in [occ_lo,
 * occ_hi] at the site (0: all sites), in occupier id, site name, service
 * order, each pointing at its service row (arena memory). 1 ok, -1 store
 * error, -2 arithmetic overflow or unreadable history (logged).
 */
int	 billsrc_month(struct arena *, int64_t op, int64_t site,
	    int64_t occ_lo, int64_t occ_hi, int year, int month,
	    struct bill_line **out, size_t *n);

#endif
