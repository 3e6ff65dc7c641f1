/*
 * billsrc: where a bill run takes its charge lines from, for a range of
 * occupiers at a time (bounded memory for any number of occupiers).
 *
 * The lines are those of billing_lines (billing.c), which the Charges tab
 * and the Occupier Service Charges report show: each occupier service
 * charged in the month, from the charge ledger's rows in force that month,
 * through the pure domain/ledger.c. The bill run (billrun.c) sees only
 * billsrc_month.
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
