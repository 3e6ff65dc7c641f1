/*
 * ops/billrun: see billrun.h.
 */
#include <sys/types.h>

#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../domain/ledger.h"
#include "../domain/money.h"
#include "../domain/usage.h"
#include "../log.h"
#include "../store/store_invoice.h"
#include "../store/store_usage.h"
#include "../usage.h"
#include "billrun.h"

#define CHUNK		250	/* occupiers a transaction */
#define DESC_MAX	300	/* invoice_line.description */

/* ---- the charge lines of a month ---- */

/* The lines of services svc[0..nsvc) in the month, and (total not NULL)
 * their total. 1, -2 overflow. */
static int
lines_of(struct arena *a, struct store_ledger_svc *svc, size_t nsvc,
    int year, int month, struct bill_line **out, size_t *n, int64_t *total)
{
	struct charge_line	*lines;
	struct bill_line	*bl;
	size_t			 i, k, nl, nrows = 0, most = 0;

	/* A ledger row makes at most one line a month. */
	for (i = 0; i < nsvc; i++) {
		nrows += svc[i].nrows;
		if (svc[i].nrows > most)
			most = svc[i].nrows;
	}
	if (nrows == 0)
		return 1;
	bl = arena_calloc(a, nrows, sizeof(*bl));
	lines = arena_calloc(a, most, sizeof(*lines));
	for (i = 0; i < nsvc; i++) {
		nl = ledger_month(svc[i].activated, svc[i].ended, svc[i].rows,
		    svc[i].nrows, year, month, lines);
		if (nl == (size_t)-1) {
			log_warnx("billing: overflow for occupier service %lld",
			    (long long)svc[i].id);
			return -2;
		}
		for (k = 0; k < nl; k++) {
			if (total != NULL) {
				if (*total > INT64_MAX - lines[k].amount) {
					log_warnx("billing: total overflow");
					return -2;
				}
				*total += lines[k].amount;
			}
			bl[*n].row = &svc[i];
			bl[*n].l = lines[k];
			(*n)++;
		}
	}
	*out = bl;
	return 1;
}

/* The lines of a month of one occupier at a site, of every occupier (occ
 * 0, site 0 or one), or of window w (not NULL). */
static int
month_lines(struct arena *a, int64_t op, int64_t occ, int64_t site,
    const struct store_name_window *w, int year, int month,
    struct bill_line **out, size_t *n, int64_t *total)
{
	struct store_ledger_svc	*svc;
	size_t			 nsvc;
	int32_t			 first, last;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (date_days_in_month(year, month) == 0)
		return 1;
	first = date_from_ymd(year, month, 1);
	last = first + date_days_in_month(year, month) - 1;
	if ((w != NULL ? store_ledger_month_window(a, op, w, first, last, &svc,
	    &nsvc) : store_ledger_month(a, op, occ, site, first, last, &svc,
	    &nsvc)) < 0)
		return -1;
	return lines_of(a, svc, nsvc, year, month, out, n, total);
}

int
billrun_lines(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int year, int month, struct bill_line **out, size_t *n, int64_t *total)
{
	return month_lines(a, op, occ, site, NULL, year, month, out, n, total);
}

int
billrun_lines_window(struct arena *a, int64_t op,
    const struct store_name_window *w, int year, int month,
    struct bill_line **out, size_t *n, int64_t *total)
{
	return month_lines(a, op, 0, 0, w, year, month, out, n, total);
}

/* billrun_lines_each: a service's lines of the month, each to fn. */
struct each {
	int			 year, month;
	struct charge_line	*lines;
	size_t			 cap;
	int			(*fn)(void *, const struct bill_line *);
	void			*ctx;
};

static int
each_svc(void *ctx, const struct store_ledger_svc *svc)
{
	struct each		*e = ctx;
	struct bill_line	 bl;
	size_t			 nl, k;

	if (svc->nrows > e->cap) {
		struct charge_line	*q;

		if ((q = realloc(e->lines, svc->nrows * sizeof(*q))) == NULL)
			return -1;
		e->lines = q;
		e->cap = svc->nrows;
	}
	nl = ledger_month(svc->activated, svc->ended, svc->rows, svc->nrows,
	    e->year, e->month, e->lines);
	if (nl == (size_t)-1) {
		log_warnx("billing: overflow for occupier service %lld",
		    (long long)svc->id);
		return -1;
	}
	bl.row = svc;
	for (k = 0; k < nl; k++) {
		bl.l = e->lines[k];
		if (e->fn(e->ctx, &bl) == -1)
			return -1;
	}
	return 0;
}

int
billrun_lines_each(struct arena *a, int64_t op, int year, int month,
    int (*fn)(void *, const struct bill_line *), void *ctx)
{
	struct each	 e = { year, month, NULL, 0, fn, ctx };
	int32_t		 first;
	int		 rc;

	if (date_days_in_month(year, month) == 0)
		return 1;
	first = date_from_ymd(year, month, 1);
	rc = store_ledger_month_each(a, op, first,
	    first + date_days_in_month(year, month) - 1, each_svc, &e);
	free(e.lines);
	return rc;
}

int
billrun_source(struct arena *a, int64_t op, int64_t site, int64_t occ_lo,
    int64_t occ_hi, int year, int month, struct bill_line **out, size_t *n)
{
	struct store_ledger_svc	*svc;
	size_t			 nsvc;
	int32_t			 first;

	*out = NULL;
	*n = 0;
	if (date_days_in_month(year, month) == 0)
		return 1;
	first = date_from_ymd(year, month, 1);
	if (store_ledger_month_range(a, op, site, occ_lo, occ_hi, first, first +
	    date_days_in_month(year, month) - 1, &svc, &nsvc) < 0)
		return -1;
	return lines_of(a, svc, nsvc, year, month, out, n, NULL);
}

/* ---- invoiced periods are locked ---- */

int
billrun_locked(struct txn *t, int64_t site, int32_t from, int32_t to,
    const char **msg)
{
	char	 label[32];
	int32_t	 month;
	int	 rc;

	if (from > to) {
		int32_t x = from;

		from = to;
		to = x;
	}
	if ((rc = store_period_locked(t->a, t->operator_id, site, from, to,
	    &month)) <= 0)
		return rc;
	inv_month_label(month, label, sizeof(label));
	*msg = arena_printf(t->a, "%s is invoiced at this site and locked: a "
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
billrun_locked_contract(struct txn *t, const struct store_contract *old,
    const struct store_contract *new_, const char **msg)
{
	int32_t	 a, b;
	int	 rc;

	if (old->start != new_->start) {
		span(old->start, new_->start, &a, &b);
		if ((rc = billrun_locked(t, old->site_id, a, b, msg)) != 0)
			return rc;
	}
	if (old->end != new_->end) {
		span(old->end, new_->end, &a, &b);
		if ((rc = billrun_locked(t, old->site_id, a, b, msg)) != 0)
			return rc;
	}
	return 0;
}

/* ---- the bill run ---- */

/* An occupier's bandwidth burst at a site in the month of usage billed,
 * as the site's Billing Usage Report has it (amount > 0). */
struct run_burst {
	int64_t		 occ_id, site_id, amount;
	const char	*label, *detail;
};

/* What a chunk added (counted into the run's totals once committed). */
struct chunk_res {
	int64_t		 occupiers, invoices, lines, net;
	int64_t		 last;		/* the chunk's last occupier id */
	int		 finished;	/* no occupier left: the run is done */
};

struct run {
	const struct billrun_in		*in;
	struct billrun_out		*out;
	const char			*mode;		/* "advance", "arrears" */
	int32_t				 period;	/* first day of the month billed */
	struct store_svcrate		*svc;
	size_t				 nsvc;
	struct store_period		*open;		/* billed, not closed, before */
	size_t				 nopen;
	int32_t				*months;	/* distinct open months, ascending */
	size_t				 nmonths;
	int				 umonth;	/* YYYYMM of the usage billed */
	const char			*ulabel;	/* "November 2026" */
	struct run_burst		*bursts;	/* by occupier, site */
	size_t				 nbursts, bcap;
	struct arena			*ca;		/* one chunk's memory */
	int64_t				 after;		/* occupiers done: ids up to it */
	struct chunk_res		 c;
};

static void
free_arena(void *p)
{
	arena_free(p);
}

static const struct store_svcrate *
svc_of(const struct run *x, int64_t id)
{
	size_t	 lo = 0, hi = x->nsvc;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->svc[mid].id == id)
			return &x->svc[mid];
		if (x->svc[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *
site_name(const struct run *x, int64_t id)
{
	size_t	 i;

	for (i = 0; i < x->out->nsites; i++)
		if (x->out->sites[i].id == id)
			return x->out->sites[i].name;
	return "";
}

/* 1 when (site, month) was billed in advance and is not closed. */
static int
is_open(const struct run *x, int64_t site, int32_t month)
{
	size_t	 i;

	for (i = 0; i < x->nopen; i++)
		if (x->open[i].site_id == site && x->open[i].month == month)
			return 1;
	return 0;
}

/* A growable array of segments in arena a. */
struct segs {
	struct inv_seg	*v;
	size_t		 n, cap;
};

static struct inv_seg *
segs_add(struct arena *a, struct segs *s)
{
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 256;

		s->v = arena_realloc(a, s->v, s->cap * sizeof(*s->v),
		    ncap * sizeof(*s->v));
		s->cap = ncap;
	}
	return &s->v[s->n++];
}

/* The month's charge lines of occupiers [lo, hi] as wanted segments;
 * open: keep only lines of sites where the month is open. Lines of 0.00
 * (free services) are not billed. */
static int
want_month(const struct run *x, int64_t op, int64_t lo, int64_t hi,
    int32_t month, int open, struct segs *w)
{
	struct bill_line	*bl;
	size_t			 n, i;
	int			 y, m, d, rc;

	date_to_ymd(month, &y, &m, &d);
	if ((rc = billrun_source(x->ca, op, x->in->site, lo, hi, y, m, &bl,
	    &n)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (bl[i].l.amount == 0)
			continue;
		if (open && !is_open(x, bl[i].row->site_id, month))
			continue;
		inv_seg_from_charge(segs_add(x->ca, w), &bl[i].l, bl[i].row->id,
		    bl[i].row->service_id, bl[i].row->site_id,
		    bl[i].row->occ_id, w->n);
	}
	return 1;
}

/* What the chunk's occupiers have on invoices already (of the month
 * billed and the open months), as segments. */
static int
have_months(const struct run *x, int64_t op, int64_t lo, int64_t hi,
    struct segs *h)
{
	struct store_invoiced	*iv;
	size_t			 niv, i;

	if (store_run_invoiced(x->ca, op, lo, hi, x->in->site, x->nmonths ?
	    x->months[0] : x->period, x->period, &iv, &niv) < 0)
		return -1;
	for (i = 0; i < niv; i++) {
		struct inv_seg *s;

		if (iv[i].net == 0 || (iv[i].month != x->period &&
		    !is_open(x, iv[i].site_id, iv[i].month)))
			continue;
		s = segs_add(x->ca, h);
		memset(s, 0, sizeof(*s));
		s->occsvc_id = iv[i].occsvc_id;
		s->service_id = iv[i].service_id;
		s->site_id = iv[i].site_id;
		s->occ_id = iv[i].occ_id;
		s->month = iv[i].month;
		s->from = iv[i].from;
		s->to = iv[i].to;
		s->days = iv[i].days;
		s->dim = iv[i].dim;
		s->price = iv[i].price;
		s->qty = iv[i].qty;
		s->sign = iv[i].net < 0 ? -1 : 1;
		s->amount = iv[i].net < 0 ? -iv[i].net : iv[i].net;
	}
	return 1;
}

static int
cmp_occ_ord(const void *pa, const void *pb)
{
	const struct inv_seg	*a = pa, *b = pb;

	if (a->occ_id != b->occ_id)
		return a->occ_id < b->occ_id ? -1 : 1;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* The invoice line of segment s, described for the reader. */
static int
line_of(const struct run *x, const struct inv_seg *s, struct inv_line *l)
{
	const struct store_svcrate	*v = svc_of(x, s->service_id);
	const char			*desc;

	desc = arena_printf(x->ca, "%s \u00b7 %s%s", v ? v->name : "Service",
	    site_name(x, s->site_id), s->sign < 0 ?
	    " (reversal of a line invoiced before)" : s->adjust ?
	    " (adjustment)" : "");
	if (strlen(desc) > DESC_MAX)
		desc = arena_strndup(x->ca, desc, DESC_MAX);
	return inv_line_from_seg(s, v ? v->rate : VAT_STANDARD, desc, l);
}

/* The drafts of a chunk: invoices, their lines with occupier and number. */
struct drafts {
	struct store_draft	*d;
	size_t			 nd;
	struct inv_line		*l;
	int64_t			*occ, *no;
	size_t			 nl, capl;
	int64_t			 net;
};

static void
drafts_grow(struct arena *a, struct drafts *o, size_t n)
{
	size_t	 ncap;

	if (o->nl + n <= o->capl)
		return;
	ncap = (o->nl + n) * 2;
	o->l = arena_realloc(a, o->l, o->capl * sizeof(*o->l),
	    ncap * sizeof(*o->l));
	o->occ = arena_realloc(a, o->occ, o->capl * sizeof(*o->occ),
	    ncap * sizeof(*o->occ));
	o->no = arena_realloc(a, o->no, o->capl * sizeof(*o->no),
	    ncap * sizeof(*o->no));
	o->capl = ncap;
}

/* One occupier's usage not invoiced yet: its groups of calls u[0..nu)
 * and its bursts b[0..nb), both by site. */
struct usage_slice {
	const struct store_run_usage	*u;
	size_t				 nu;
	const struct run_burst		*b;
	size_t				 nb;
};

/* The line of a group of calls at l. 0, -1. */
static int
call_line(const struct run *x, const struct store_run_usage *u,
    struct inv_line *l)
{
	const char	*desc;

	desc = arena_printf(x->ca, "Calls: %s \u00b7 %s \u00b7 %s \u00b7 %s",
	    u->group, usage_calls_detail(x->ca, u->calls, u->billed,
	    u->included), site_name(x, u->site_id), x->ulabel);
	if (strlen(desc) > DESC_MAX)
		desc = arena_strndup(x->ca, desc, DESC_MAX);
	return inv_usage_line(l, u->site_id, x->umonth, u->group_id,
	    u->amount, VAT_STANDARD, desc);
}

/* The line of a burst at l. 0, -1. */
static int
burst_line(const struct run *x, const struct run_burst *b, struct inv_line *l)
{
	const char	*desc;

	desc = arena_printf(x->ca, "%s \u00b7 %s \u00b7 %s \u00b7 %s", b->label,
	    b->detail, site_name(x, b->site_id), x->ulabel);
	if (strlen(desc) > DESC_MAX)
		desc = arena_strndup(x->ca, desc, DESC_MAX);
	return inv_usage_line(l, b->site_id, x->umonth, INV_USAGE_BURST,
	    b->amount, VAT_STANDARD, desc);
}

/* The usage lines of s after the n lines at l, site by site: its groups
 * of calls, then its burst; calls charged 0.00 (all in an allowance) are
 * not billed. The number of lines added, or -1. */
static ssize_t
usage_lines(const struct run *x, const struct usage_slice *s,
    struct inv_line *l, size_t n)
{
	size_t	 i, j = 0, k = n;

	for (i = 0; i < s->nu; i++) {
		for (; j < s->nb && s->b[j].site_id < s->u[i].site_id; j++)
			if (burst_line(x, &s->b[j], &l[k++]) == -1)
				return -1;
		if (s->u[i].amount == 0)
			continue;
		if (call_line(x, &s->u[i], &l[k++]) == -1)
			return -1;
	}
	for (; j < s->nb; j++)
		if (burst_line(x, &s->b[j], &l[k++]) == -1)
			return -1;
	return (ssize_t)(k - n);
}

/* The draft of one occupier: wanted w[0..nw) against invoiced h[0..nh),
 * then its usage us. */
static int
occupier_lines(const struct run *x, int64_t occ, struct inv_seg *w,
    size_t nw, struct inv_seg *h, size_t nh, const struct usage_slice *us,
    struct drafts *o)
{
	struct inv_seg	*out;
	ssize_t		 nu2;
	size_t		 n, i, cap = nw + nh + 1;

	out = arena_calloc(x->ca, cap, sizeof(*out));
	n = inv_diff(w, nw, h, nh, x->period, out, cap);
	if (n == (size_t)-1) {
		log_warnx("bill run: diff overflow for occupier %lld",
		    (long long)occ);
		return -2;
	}
	drafts_grow(x->ca, o, n + us->nu + us->nb);
	for (i = 0; i < n; i++)
		if (line_of(x, &out[i], &o->l[o->nl + i]) == -1)
			return -2;
	if ((nu2 = usage_lines(x, us, &o->l[o->nl], n)) < 0)
		return -2;
	n += (size_t)nu2;
	if (n == 0)
		return 1;
	for (i = 0; i < n; i++) {
		o->occ[o->nl + i] = occ;
		o->no[o->nl + i] = (int64_t)i + 1;
	}
	o->d[o->nd].occ_id = occ;
	if (inv_totals(&o->l[o->nl], n, &o->d[o->nd].t) == -1)
		return -2;
	o->net += o->d[o->nd].t.net;
	o->nd++;
	o->nl += n;
	return 1;
}

/* The least occupier id of the lists' next elements. */
static int64_t
next_occ(const struct segs *w, size_t wi, const struct segs *h, size_t hj,
    const struct usage_slice *us, size_t uk, size_t bk)
{
	int64_t	 occ = INT64_MAX;

	if (wi < w->n)
		occ = w->v[wi].occ_id;
	if (hj < h->n && h->v[hj].occ_id < occ)
		occ = h->v[hj].occ_id;
	if (uk < us->nu && us->u[uk].occ_id < occ)
		occ = us->u[uk].occ_id;
	if (bk < us->nb && us->b[bk].occ_id < occ)
		occ = us->b[bk].occ_id;
	return occ;
}

/* Wanted w against invoiced h, and the usage of all (calls and bursts,
 * sorted by occupier), occupier by occupier, into o. */
static int
diff_chunk(const struct run *x, struct segs *w, struct segs *h,
    const struct usage_slice *all, struct drafts *o)
{
	struct usage_slice	 one;
	size_t			 wi, hj, uk, bk;
	int			 rc;

	if (w->n > 1)
		qsort(w->v, w->n, sizeof(*w->v), cmp_occ_ord);
	if (h->n > 1)
		qsort(h->v, h->n, sizeof(*h->v), cmp_occ_ord);
	for (wi = 0, hj = 0, uk = 0, bk = 0; wi < w->n || hj < h->n ||
	    uk < all->nu || bk < all->nb; ) {
		int64_t	 occ = next_occ(w, wi, h, hj, all, uk, bk);
		size_t	 w0 = wi, h0 = hj, u0 = uk, b0 = bk;

		while (wi < w->n && w->v[wi].occ_id == occ)
			wi++;
		while (hj < h->n && h->v[hj].occ_id == occ)
			hj++;
		while (uk < all->nu && all->u[uk].occ_id == occ)
			uk++;
		while (bk < all->nb && all->b[bk].occ_id == occ)
			bk++;
		one.u = uk > u0 ? all->u + u0 : NULL;
		one.nu = uk - u0;
		one.b = bk > b0 ? all->b + b0 : NULL;
		one.nb = bk - b0;
		if ((rc = occupier_lines(x, occ, w->v + w0, wi - w0,
		    h->v + h0, hj - h0, &one, o)) < 0)
			return rc;
	}
	return 1;
}

/*
 * The bursts of occupiers [lo, hi] that no invoice holds yet, into
 * us->b (the chunk's memory): the run's bursts less those invoiced
 * before (same key as the calls: occupier, site, month of usage). No
 * statement when the chunk has no burst. 1, -1.
 */
static int
chunk_bursts(const struct run *x, int64_t op, int64_t lo, int64_t hi,
    struct usage_slice *us)
{
	struct store_occ_site	*iv;
	struct run_burst	*b;
	size_t			 i, j = 0, niv, first = 0, end = x->nbursts;

	us->b = NULL;
	us->nb = 0;
	while (first < end) {	/* the first burst of an occupier >= lo */
		size_t mid = first + (end - first) / 2;

		if (x->bursts[mid].occ_id < lo)
			first = mid + 1;
		else
			end = mid;
	}
	if (first == x->nbursts || x->bursts[first].occ_id > hi)
		return 1;
	if (store_run_bursts_invoiced(x->ca, op, lo, hi, x->in->site,
	    x->umonth, &iv, &niv) < 0)
		return -1;
	b = arena_calloc(x->ca, x->nbursts - first, sizeof(*b));
	for (i = first; i < x->nbursts && x->bursts[i].occ_id <= hi; i++) {
		const struct run_burst *r = &x->bursts[i];

		while (j < niv && (iv[j].occ_id < r->occ_id ||
		    (iv[j].occ_id == r->occ_id && iv[j].site_id < r->site_id)))
			j++;
		if (j < niv && iv[j].occ_id == r->occ_id &&
		    iv[j].site_id == r->site_id)
			continue;	/* invoiced before */
		b[us->nb++] = *r;
	}
	us->b = b;
	return 1;
}

/* In the last chunk's transaction: close the months (the month billed,
 * in arrears: closed; in advance: billed; and the open months before it
 * that have ended), the run done, its audit event. */
static int
finish(struct txn *t, struct run *x)
{
	struct billrun_out	*out = x->out;
	const char		*state = x->in->advance ? "billed" : "closed";
	char			 net[MONEY_STRLEN];
	size_t			 i;
	int			 y, m, d;

	for (i = 0; i < out->nsites; i++) {
		if (x->in->site != 0 && out->sites[i].id != x->in->site)
			continue;
		if (store_run_period_mark(t->operator_id, out->sites[i].id,
		    x->period, state, out->run_id) < 0)
			return -1;
	}
	for (i = 0; i < x->nopen; i++) {
		date_to_ymd(x->open[i].month, &y, &m, &d);
		if (x->open[i].month + date_days_in_month(y, m) > t->day)
			continue;	/* not ended: stays open */
		if (store_run_period_mark(t->operator_id, x->open[i].site_id,
		    x->open[i].month, "closed", out->run_id) < 0)
			return -1;
	}
	if (store_run_done(t->operator_id, out->run_id) < 0)
		return -1;
	money_format(out->net, net, sizeof(net));
	x->c.finished = 1;
	return txn_audit(t, 0, 0, "bill_run", out->run_id, "run", NULL,
	    arena_printf(t->a, "period=%04d-%02d\nmode=%s\nsite=%lld\n"
	    "invoices=%lld\nnet=%s", x->in->year, x->in->month, x->mode,
	    (long long)x->in->site, (long long)out->invoices, net));
}

/*
 * One chunk: the occupiers after x->after, on the operator's run lock;
 * none left: finish the run. 1 (x->c says what it did), -1 store error,
 * -2 overflow.
 */
static int
chunk_txn(struct txn *t, void *arg)
{
	struct run	*x = arg;
	struct segs	 w = { NULL, 0, 0 }, h = { NULL, 0, 0 };
	struct drafts	 o;
	struct usage_slice us;
	struct store_run_usage *u;
	int64_t		*ids, lo, hi;
	size_t		 nids, k;
	int		 rc;

	arena_reset(x->ca);
	memset(&x->c, 0, sizeof(x->c));
	memset(&o, 0, sizeof(o));
	if (store_run_lock(t->operator_id) < 0 ||
	    store_run_occupiers(x->ca, t->operator_id, x->after, CHUNK, &ids,
	    &nids) < 0)
		return -1;
	if (nids == 0)
		return finish(t, x);
	lo = ids[0];
	hi = ids[nids - 1];
	if ((rc = want_month(x, t->operator_id, lo, hi, x->period, 0,
	    &w)) < 0)
		return rc;
	for (k = 0; k < x->nmonths; k++)
		if ((rc = want_month(x, t->operator_id, lo, hi, x->months[k], 1,
		    &w)) < 0)
			return rc;
	if (have_months(x, t->operator_id, lo, hi, &h) < 0 ||
	    store_run_usage(x->ca, t->operator_id, lo, hi, x->in->site,
	    x->umonth, &u, &us.nu) < 0 ||
	    chunk_bursts(x, t->operator_id, lo, hi, &us) < 0)
		return -1;
	us.u = u;
	o.d = arena_calloc(x->ca, nids, sizeof(*o.d));
	if ((rc = diff_chunk(x, &w, &h, &us, &o)) < 0)
		return rc;
	if (store_run_insert_drafts(x->ca, t->operator_id, x->out->run_id,
	    x->in->site, x->period, x->mode, t->user_id, o.d, o.nd, o.l, o.occ,
	    o.no, o.nl) < 0 ||
	    store_run_progress(t->operator_id, x->out->run_id, (int64_t)nids,
	    (int64_t)o.nd, (int64_t)o.nl, o.net) < 0)
		return -1;
	x->c = (struct chunk_res){ (int64_t)nids, (int64_t)o.nd,
	    (int64_t)o.nl, o.net, hi, 0 };
	return 1;
}

static int
insert_txn(struct txn *t, void *arg)
{
	struct run	*x = arg;

	return store_run_insert(t->operator_id, x->in->site, x->period,
	    x->mode, t->user_id, &x->out->run_id) < 0 ? -1 : 1;
}

/* The open months of x->open, distinct and ascending. */
static void
open_months(struct arena *a, struct run *x)
{
	size_t	 i, j;

	x->months = arena_calloc(a, x->nopen + 1, sizeof(*x->months));
	for (i = 0; i < x->nopen; i++) {
		for (j = 0; j < x->nmonths && x->months[j] != x->open[i].month;
		    j++)
			continue;
		if (j < x->nmonths)
			continue;
		for (j = x->nmonths; j > 0 &&
		    x->months[j - 1] > x->open[i].month; j--)
			x->months[j] = x->months[j - 1];
		x->months[j] = x->open[i].month;
		x->nmonths++;
	}
}

static int
cmp_burst(const void *pa, const void *pb)
{
	const struct run_burst	*a = pa, *b = pb;

	if (a->occ_id != b->occ_id)
		return a->occ_id < b->occ_id ? -1 : 1;
	return a->site_id < b->site_id ? -1 : a->site_id > b->site_id;
}

/*
 * The bursts of a site's month of usage (y, m) from its Billing Usage
 * Report, computed once for the run in memory of its own (kept: the
 * bursts, in c's arena). 1, -1.
 */
static int
site_bursts(struct ops_ctx *c, struct run *x, int64_t site, int y, int m)
{
	struct usage_report	 rep;
	struct arena		*sa = arena_new(256 * 1024);
	size_t			 i, k;
	int			 rc;

	if ((rc = usage_report(sa, c->t.operator_id, site, y, m, &rep)) < 0) {
		arena_free(sa);
		return -1;
	}
	for (i = 0; rc > 0 && i < rep.nocc; i++)
		for (k = 0; k < rep.occ[i].nlines; k++) {
			const struct usage_line *l = &rep.occ[i].lines_v[k];
			struct run_burst	*b;

			if (strcmp(l->code, "burst") != 0 || l->amount <= 0)
				continue;
			if (x->nbursts == x->bcap) {
				size_t ncap = x->bcap ? x->bcap * 2 : 16;

				x->bursts = arena_realloc(c->t.a, x->bursts,
				    x->bcap * sizeof(*b), ncap * sizeof(*b));
				x->bcap = ncap;
			}
			b = &x->bursts[x->nbursts++];
			b->occ_id = rep.occ[i].id;
			b->site_id = site;
			b->amount = l->amount;
			b->label = arena_strdup(c->t.a, l->label);
			b->detail = arena_strdup(c->t.a, l->detail);
		}
	arena_free(sa);
	return 1;
}

/*
 * The month of usage a run bills: in arrears, the month billed; in
 * advance, the last month that has ended (usage is only known after
 * it). Each month's usage is billed once, whichever run comes first
 * (STMT_RUN_USAGE and STMT_RUN_BURSTS_INVOICED leave out what invoices
 * hold). Each site's Billing Usage Report of the month is worked out once
 * a run (bringing its monthly summaries up to date): its bursts are
 * billed as it shows them. 1, -1.
 */
static int
usage_setup(struct ops_ctx *c, struct run *x)
{
	char		 label[32];
	size_t		 i;
	int		 y = x->in->year, m = x->in->month, d;

	if (x->in->advance) {
		date_to_ymd(c->t.day, &y, &m, &d);
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	x->umonth = y * 100 + m;
	inv_month_label(date_from_ymd(y, m, 1), label, sizeof(label));
	x->ulabel = arena_strdup(c->t.a, label);
	for (i = 0; i < x->out->nsites; i++) {
		if (x->in->site != 0 && x->out->sites[i].id != x->in->site)
			continue;
		if (site_bursts(c, x, x->out->sites[i].id, y, m) < 0)
			return -1;
	}
	if (x->nbursts > 1)
		qsort(x->bursts, x->nbursts, sizeof(*x->bursts), cmp_burst);
	return 1;
}

/* The run's site and month checked against the operator's sites and
 * today; what the chunks need read. 1, 0 refused, -1 store error. */
static int
run_setup(struct ops_ctx *c, struct run *x)
{
	struct billrun_out	*out = x->out;
	const char		*why;
	size_t			 i;

	if (store_site_list(c->t.a, c->t.operator_id, 0, &out->sites,
	    &out->nsites) < 0)
		return -1;
	for (i = 0; x->in->site != 0 && i < out->nsites &&
	    out->sites[i].id != x->in->site; i++)
		continue;
	if (x->in->site != 0 && i == out->nsites)
		return ops_refuse(&out->why, OPS_INVALID, "period",
		    "Site must be one of your sites, or all sites.");
	if ((why = inv_run_check(x->in->year, x->in->month, x->in->advance,
	    c->t.day)) != NULL)
		return ops_refuse(&out->why, OPS_INVALID, "period", why);
	if (store_run_rates(c->t.a, c->t.operator_id, &x->svc, &x->nsvc) < 0 ||
	    store_run_open_periods(c->t.a, c->t.operator_id, x->in->site,
	    x->period, &x->open, &x->nopen) < 0)
		return -1;
	open_months(c->t.a, x);
	return usage_setup(c, x);
}

int
ops_billrun_run(struct ops_ctx *c, const struct billrun_in *in,
    struct billrun_out *out)
{
	struct run	 x;
	int		 rc;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	x.in = in;
	x.out = out;
	x.mode = in->advance ? "advance" : "arrears";
	x.period = date_from_ymd(in->year, in->month, 1);
	if ((rc = run_setup(c, &x)) <= 0)
		return rc;
	/* The run row first, in a transaction of its own: a run that fails
	 * later shows as "did not finish". */
	if (db_txn(&c->t, insert_txn, &x) < 0)
		return -1;
	/* One chunk's memory at a time, whatever the number of occupiers. */
	x.ca = arena_new(256 * 1024);
	arena_defer(c->t.a, free_arena, x.ca);
	do {
		if ((rc = db_txn(&c->t, chunk_txn, &x)) < 0)
			return rc;
		out->occupiers += x.c.occupiers;
		out->invoices += x.c.invoices;
		out->lines += x.c.lines;
		out->net += x.c.net;
		x.after = x.c.last;
	} while (!x.c.finished);
	arena_reset(x.ca);
	return 1;
}
