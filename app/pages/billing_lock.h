/*
 * billing_lock: invoiced periods are locked. A month at a site is closed
 * once it is invoiced in full after it ended (a run in arrears, or the
 * adjustments of a run in advance made after the month ended; see
 * billrun.h). A change dated inside a closed month is refused: its
 * charges are on issued (or about to be issued) invoices, and a correction
 * is a credit note. A month invoiced in advance is not closed: a change
 * dated in it becomes adjustment lines on the next run.
 *
 * The save paths call these inside their transaction, before writing.
 */
#ifndef TENANTRY_BILLING_LOCK_H
#define TENANTRY_BILLING_LOCK_H

#include <stdint.h>

struct req;
struct store_contract;

/* 1 when a change at the site dated in [from, to] (day numbers) touches a
 * closed month (*msg: why it is refused, for the page), 0 when not, -1
 * store error. */
int	 billing_lock_check(struct req *, int64_t site, int32_t from,
	    int32_t to, const char **msg);
/* The same for a contract edit: the days its start and end move across
 * (an open end counts as the far future). */
int	 billing_lock_contract(struct req *, const struct store_contract *old,
	    const struct store_contract *new_, const char **msg);

#endif
