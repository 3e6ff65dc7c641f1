/*
 * billsrc: see billsrc.h. The loop is billing_month's (billing.c), over
 * the range statements of sql_invoice.def.
 */
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../log.h"
#include "../store/db.h"
#include "billsrc.h"

#define MAX_SEGS	256

/* A charge row with the catalog's display order of its service. */
struct srow {
	struct store_charge_row	 r;
	int64_t			 sort;
};

/* Occupier, site (by name), the catalog's order, then id: billing_month's
 * order but by occupier id rather than name. */
static int
srow_cmp(const void *pa, const void *pb)
{
	const struct srow	*a = pa, *b = pb;
	int			 c;

	if (a->r.occ_id != b->r.occ_id)
		return a->r.occ_id < b->r.occ_id ? -1 : 1;
	if ((c = strcmp(a->r.site_name, b->r.site_name)) != 0)
		return c;
	if (a->r.site_id != b->r.site_id)
		return a->r.site_id < b->r.site_id ? -1 : 1;
	if (a->sort != b->sort)
		return a->sort < b->sort ? -1 : 1;
	return a->r.id < b->r.id ? -1 : a->r.id > b->r.id;
}

static int
rows_read(struct arena *a, int64_t op, int64_t site, int64_t lo, int64_t hi,
    int32_t first, int32_t last, struct store_charge_row **out, size_t *n)
{
	char			 f[DATE_STRLEN], l[DATE_STRLEN];
	struct dbp		 p[] = { DBP_I(op), DBP_I(lo), DBP_I(hi),
	    DBP_I(site), DBP_I(site), dbp_day(last, l), dbp_day(first, f) };
	struct dbres		 res;
	struct store_charge_row	*c;
	struct srow		*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_CHARGE_ROWS, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		v[i].r.id = dbrow_int(r, 0);
		v[i].r.occ_id = dbrow_int(r, 1);
		v[i].r.occ_name = dbrow_str(r, 2);
		v[i].r.site_id = dbrow_int(r, 3);
		v[i].r.site_name = dbrow_str(r, 4);
		v[i].r.service_id = dbrow_int(r, 5);
		v[i].r.service_name = dbrow_str(r, 6);
		v[i].r.price = dbrow_int(r, 7);
		v[i].r.qty = dbrow_int(r, 8);
		v[i].r.activated = dbrow_day(r, 9);
		v[i].r.ended = dbrow_day(r, 10);
		v[i].sort = dbrow_int(r, 11);
	}
	if (res.nrows > 1)
		qsort(v, res.nrows, sizeof(*v), srow_cmp);
	c = arena_calloc(a, res.nrows, sizeof(*c));
	for (i = 0; i < res.nrows; i++)
		c[i] = v[i].r;
	*out = c;
	*n = res.nrows;
	return 1;
}

static int
changes_read(struct arena *a, int64_t op, int64_t site, int64_t lo,
    int64_t hi, int32_t last, struct store_charge_change **out, size_t *n)
{
	char				 l[DATE_STRLEN];
	struct dbp			 p[] = { DBP_I(op), DBP_I(lo),
	    DBP_I(hi), DBP_I(site), DBP_I(site), dbp_day(last, l) };
	struct dbres			 res;
	struct store_charge_change	*c;
	size_t				 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_CHARGE_CHANGES, p, NPARAMS(p), &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		c[i].occsvc_id = dbrow_int(&res.rows[i], 0);
		c[i].day = dbrow_day(&res.rows[i], 1);
		c[i].old_value = dbrow_str(&res.rows[i], 2);
		c[i].new_value = dbrow_str(&res.rows[i], 3);
	}
	*out = c;
	*n = res.nrows;
	return 1;
}

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
billsrc_month(struct arena *a, int64_t op, int64_t site, int64_t occ_lo,
    int64_t occ_hi, int year, int month, struct bill_line **out, size_t *n)
{
	struct store_charge_row		*rows;
	struct store_charge_change	*chg;
	struct charge_change		*ch;
	struct charge_seg		 segs[MAX_SEGS];
	struct charge_line		 lines[MAX_SEGS];
	struct bill_line		*bl;
	size_t				 nrows, nchg, i, j, k, nch, nseg, nl, cap;
	int32_t				 first, last;
	int64_t				 price, qty, p, q;

	*out = NULL;
	*n = 0;
	first = date_from_ymd(year, month, 1);
	last = first + date_days_in_month(year, month) - 1;
	if (rows_read(a, op, site, occ_lo, occ_hi, first, last, &rows,
	    &nrows) < 0 || changes_read(a, op, site, occ_lo, occ_hi, last,
	    &chg, &nchg) < 0)
		return -1;
	cap = nrows * 2 + 8;
	bl = arena_calloc(a, cap, sizeof(*bl));
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
			log_warnx("billsrc: unreadable audit values for %lld",
			    (long long)rows[i].id);
			return -2;
		}
		ch = arena_calloc(a, nch ? nch : 1, sizeof(*ch));
		for (k = 0, p = price, q = qty; k < nch; k++) {
			if (charges_parse_values(chg[j + k].new_value, &p,
			    &q) == -1) {
				log_warnx("billsrc: unreadable audit values "
				    "for %lld", (long long)rows[i].id);
				return -2;
			}
			ch[k].day = chg[j + k].day;
			ch[k].price = p;
			ch[k].qty = q;
		}
		nseg = charges_segments(rows[i].activated, rows[i].ended, price,
		    qty, ch, nch, segs, MAX_SEGS);
		nl = charges_month(segs, nseg, year, month, lines, MAX_SEGS);
		if (nl == (size_t)-1) {
			log_warnx("billsrc: overflow for %lld",
			    (long long)rows[i].id);
			return -2;
		}
		for (k = 0; k < nl; k++) {
			if (*n == cap) {
				size_t ncap = cap * 2;

				bl = arena_realloc(a, bl, cap * sizeof(*bl),
				    ncap * sizeof(*bl));
				cap = ncap;
			}
			bl[*n].row = &rows[i];
			bl[*n].l = lines[k];
			(*n)++;
		}
	}
	*out = bl;
	return 1;
}
