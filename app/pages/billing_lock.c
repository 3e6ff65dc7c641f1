/*
 * billing_lock: see billing_lock.h.
 */
#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../http/http.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "billing_lock.h"

int
billing_lock_check(struct req *r, int64_t site, int32_t from, int32_t to,
    const char **msg)
{
	char	 label[32];
	int32_t	 month;
	int	 rc;

	if (from > to) {
		int32_t t = from;

		from = to;
		to = t;
	}
	if ((rc = store_period_locked(r->a, r->user.operator_id, site, from, to,
	    &month)) <= 0)
		return rc;
	inv_month_label(month, label, sizeof(label));
	*msg = arena_printf(r->a, "%s is invoiced at this site and locked: a "
	    "change dated in it cannot be saved. Nothing was saved; correct "
	    "what was invoiced with a credit note.", label);
	return 1;
}

/* [a, b] of the days between two dates of which one may be open. */
static void
span(int32_t x, int32_t y, int32_t *a, int32_t *b)
{
	int32_t	 far = date_from_ymd(9999, 12, 1);

	if (x == DATE_NONE)
		x = far;
	if (y == DATE_NONE)
		y = far;
	*a = x < y ? x : y;
	*b = x < y ? y : x;
}

int
billing_lock_contract(struct req *r, const struct store_contract *old,
    const struct store_contract *new_, const char **msg)
{
	int32_t	 a, b;
	int	 rc;

	if (old->start != new_->start) {
		span(old->start, new_->start, &a, &b);
		if ((rc = billing_lock_check(r, old->site_id, a, b, msg)) != 0)
			return rc;
	}
	if (old->end != new_->end) {
		span(old->end, new_->end, &a, &b);
		if ((rc = billing_lock_check(r, old->site_id, a, b, msg)) != 0)
			return rc;
	}
	return 0;
}
