/*
 * billing_lock: invoiced periods are locked (ops/billrun.h says which and
 * why). The pages' form of billrun_locked and billrun_locked_contract:
 * the signed-in user's operator, the request's arena. Call them inside
 * the saving transaction, before writing; an operation that owns its
 * transaction calls billrun_locked(&ctx->t, ...) itself.
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
