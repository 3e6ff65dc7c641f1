/*
 * billing_lock: see billing_lock.h.
 */
#include "../ops/billrun.h"
#include "billing_lock.h"
#include "pages.h"

int
billing_lock_check(struct req *r, int64_t site, int32_t from, int32_t to,
    const char **msg)
{
	struct ops_ctx	 c;

	page_ops_ctx(r, &c);
	return billrun_locked(&c.t, site, from, to, msg);
}

int
billing_lock_contract(struct req *r, const struct store_contract *old,
    const struct store_contract *new_, const char **msg)
{
	struct ops_ctx	 c;

	page_ops_ctx(r, &c);
	return billrun_locked_contract(&c.t, old, new_, msg);
}
