/*
 * billing: see billing.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../log.h"
#include "billing.h"
#include "pages.h"

#define MAX_SEGS	256

/* First change of occupier service id in changes (sorted by id), or n. */
static size_t
first_change(const struct store_charge_change *c, size_t n, int64_t id)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c[mid].occsvc_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
billing_month(struct req *r, int64_t occ, int64_t site, int year, int month,
    struct bill_line **out, size_t *n, int64_t *total)
{
	struct store_charge_row		*rows;
	struct store_charge_change	*chg;
	struct charge_change		*ch;
	struct charge_seg		 segs[MAX_SEGS];
	struct charge_line		 lines[MAX_SEGS];
	struct bill_line		*bl;
	size_t				 nrows, nchg, i, j, k, nch, nseg, nl, cap;
	int32_t				 first, last;
	int64_t				 price, qty;

	*out = NULL;
	*n = 0;
	*total = 0;
	first = date_from_ymd(year, month, 1);
	last = first + date_days_in_month(year, month) - 1;
	if (store_charge_rows(r->a, r->user.operator_id, occ, site, first,
	    last, &rows, &nrows) < 0 ||
	    store_charge_changes(r->a, r->user.operator_id, occ, site, last,
	    &chg, &nchg) < 0)
		return -1;
	cap = nrows * 2 + 8;
	bl = arena_calloc(r->a, cap, sizeof(*bl));
	for (i = 0; i < nrows; i++) {
		j = first_change(chg, nchg, rows[i].id);
		for (k = j; k < nchg && chg[k].occsvc_id == rows[i].id; k++)
			continue;
		nch = k - j;
		price = rows[i].price;
		qty = rows[i].qty;
		/* Before its first change a service had that change's old
		 * values; the current row holds the latest. */
		if (nch > 0 && charges_parse_values(chg[j].old_value, &price,
		    &qty) == -1) {
			log_warnx("billing: unreadable audit values for %lld",
			    (long long)rows[i].id);
			return -1;
		}
		ch = arena_calloc(r->a, nch ? nch : 1, sizeof(*ch));
		{
			int64_t p = price, q = qty;

			for (k = 0; k < nch; k++) {
				if (charges_parse_values(chg[j + k].new_value,
				    &p, &q) == -1)
					return -1;
				ch[k].day = chg[j + k].day;
				ch[k].price = p;
				ch[k].qty = q;
			}
		}
		nseg = charges_segments(rows[i].activated, rows[i].ended, price,
		    qty, ch, nch, segs, MAX_SEGS);
		nl = charges_month(segs, nseg, year, month, lines, MAX_SEGS);
		if (nl == (size_t)-1) {
			log_warnx("billing: overflow for %lld",
			    (long long)rows[i].id);
			return -2;
		}
		for (k = 0; k < nl; k++) {
			if (*n == cap) {
				size_t ncap = cap * 2;

				bl = arena_realloc(r->a, bl, cap * sizeof(*bl),
				    ncap * sizeof(*bl));
				cap = ncap;
			}
			bl[*n].row = &rows[i];
			bl[*n].l = lines[k];
			if (*total > INT64_MAX - lines[k].amount)
				return -2;
			*total += lines[k].amount;
			(*n)++;
		}
	}
	*out = bl;
	return 1;
}
