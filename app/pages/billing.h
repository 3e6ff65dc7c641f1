/*
 * billing: the charge lines of a month, computed from the charge ledger
 * (store/store_ledger.h: each occupier service's price and QTY over time)
 * through the pure domain/ledger.c. Shared by the occupier Charges tab, the
 * self-service view and the Occupier Service Charges report; the one
 * function a bill run needs for what it invoices.
 *
 * A month's lines depend only on what was in force during that month:
 * changes made later never alter them (the ledger never rewrites a day
 * that is over). A service is charged from the day it started to the day
 * before it ended (the removal day is not charged); each run of days at
 * one price and QTY is one line, amount = price x days x QTY / days in the
 * month rounded half-up to the penny. No fixed cap: a service with any
 * number of changes has all its lines.
 */
#ifndef TENANTRY_BILLING_H
#define TENANTRY_BILLING_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/charges.h"
#include "../store/store.h"
#include "../store/store_ledger.h"

struct arena;
struct req;

struct bill_line {
	const struct store_ledger_svc	*row;	/* service, occupier, site */
	struct charge_line		 l;
};

/*
 * Lines of month (year, month) of operator op for occupier occ at site
 * (both given), or for every occupier (occ 0) at every site (site 0) or
 * at one, in occupier name, site name and catalog order, and their total.
 * Everything in arena a. 1 ok, -1 store error, -2 arithmetic overflow
 * (logged). A run over every occupier reads the month once with occ 0 and
 * groups the lines (they come occupier by occupier), rather than calling
 * this once per occupier: at 200 000 services a whole month costs the
 * server about a third of a second (make verify, past-months).
 */
int	 billing_lines(struct arena *a, int64_t op, int64_t occ, int64_t site,
	    int year, int month, struct bill_line **out, size_t *n,
	    int64_t *total);

/* billing_lines for the signed-in user's operator, in the request arena. */
int	 billing_month(struct req *, int64_t occ, int64_t site, int year,
	    int month, struct bill_line **out, size_t *n, int64_t *total);

#endif
