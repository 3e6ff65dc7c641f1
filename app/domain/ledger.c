/*
 * ledger: see ledger.h.
 */
#include "date.h"
#include "ledger.h"

size_t
ledger_change(const struct ledger_row *open, int64_t occsvc_id, int32_t day,
    int64_t price, int64_t qty, struct ledger_row out[2])
{
	size_t	 n = 0;

	if (open != NULL && open->from >= day) {
		/* The same day (or a day set back): the last change wins. */
		out[0] = *open;
		out[0].price = price;
		out[0].qty = qty;
		out[0].to = DATE_NONE;
		return 1;
	}
	if (open != NULL) {
		out[n] = *open;
		out[n].to = day;
		n++;
	}
	out[n].occsvc_id = occsvc_id;
	out[n].from = day;
	out[n].to = DATE_NONE;
	out[n].price = price;
	out[n].qty = qty;
	return n + 1;
}

void
ledger_close(const struct ledger_row *open, int32_t day, struct ledger_row *out)
{
	*out = *open;
	out->to = day > open->from ? day : open->from;
}

/* [from, to) of row r clipped to [lo, hi) (hi DATE_NONE: open); 1 when a
 * day is left. */
static int
clip(const struct ledger_row *r, int32_t lo, int32_t hi, int32_t *from,
    int32_t *to)
{
	int32_t	 f = r->from, t = r->to;

	if (lo != DATE_NONE && f < lo)
		f = lo;
	if (t == DATE_NONE || (hi != DATE_NONE && hi < t))
		t = hi;
	if (t != DATE_NONE && t <= f)
		return 0;
	*from = f;
	*to = t;
	return 1;
}

size_t
ledger_segments(int32_t start, int32_t end, const struct ledger_row *rows,
    size_t n, struct charge_seg *out)
{
	int32_t	 f, t;
	size_t	 i, k = 0;

	if (start == DATE_NONE)
		return 0;
	for (i = 0; i < n; i++) {
		if (!clip(&rows[i], start, end, &f, &t))
			continue;
		out[k].from = f;
		out[k].to = t == DATE_NONE ? DATE_NONE : t - 1;
		out[k].price = rows[i].price;
		out[k].qty = rows[i].qty;
		k++;
	}
	return k;
}

size_t
ledger_month(int32_t start, int32_t end, const struct ledger_row *rows,
    size_t n, int year, int month, struct charge_line *out)
{
	int32_t	 first, next, lo, hi, f, t;
	int	 dim;
	size_t	 i, k = 0;

	if (start == DATE_NONE || (dim = date_days_in_month(year, month)) == 0)
		return 0;
	first = date_from_ymd(year, month, 1);
	next = first + dim;
	/* The month and the charge window together. */
	lo = start > first ? start : first;
	hi = end != DATE_NONE && end < next ? end : next;
	if (hi <= lo)
		return 0;
	for (i = 0; i < n; i++) {
		if (!clip(&rows[i], lo, hi, &f, &t))
			continue;
		out[k].from = f;
		out[k].to = t - 1;
		out[k].days = t - f;
		out[k].dim = dim;
		out[k].price = rows[i].price;
		out[k].qty = rows[i].qty;
		if (charges_prorate(rows[i].price, rows[i].qty, out[k].days,
		    dim, &out[k].amount) == -1)
			return (size_t)-1;
		k++;
	}
	return k;
}

size_t
ledger_check_rows(const struct ledger_row *rows, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (rows[i].from == DATE_NONE)
			return i + 1;
		if (rows[i].to != DATE_NONE && rows[i].to < rows[i].from)
			return i + 1;
		if (i + 1 < n && rows[i].to != rows[i + 1].from)
			return i + 1;
	}
	return 0;
}
