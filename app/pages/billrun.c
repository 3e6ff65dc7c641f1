/*
 * billrun: see billrun.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/invoice.h"
#include "../domain/money.h"
#include "../log.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "billrun.h"
#include "billsrc.h"

#define CHUNK		250	/* occupiers a transaction */
#define TRIES		5	/* attempts of a chunk (deadlocks, lock waits) */
#define DESC_MAX	300	/* invoice_line.description */

struct run {
	const struct billrun_req	*q;
	int32_t				 period;	/* first day of the month billed */
	struct store_svcrate		*svc;
	size_t				 nsvc;
	struct store_site		*sites;
	size_t				 nsites;
	struct store_period		*open;		/* billed, not closed, before */
	size_t				 nopen;
	int32_t				*months;	/* distinct open months, ascending */
	size_t				 nmonths;
	int64_t				 run_id;
};

const char *
billrun_check(const struct billrun_req *q)
{
	int	 y, m, d, now, want;

	if (q->year < 2000 || q->year > 9999 || q->month < 1 || q->month > 12)
		return "The month must be written YYYY-MM.";
	date_to_ymd(q->today, &y, &m, &d);
	now = y * 12 + m - 1;
	want = q->year * 12 + q->month - 1;
	if (!q->advance && want >= now)
		return "A run in arrears bills a month that has ended: choose "
		    "last month or an earlier one.";
	if (q->advance && (want < now || want > now + 1))
		return "A run in advance bills this month or next month.";
	return NULL;
}

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

	for (i = 0; i < x->nsites; i++)
		if (x->sites[i].id == id)
			return x->sites[i].name;
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
want_month(struct arena *a, const struct run *x, int64_t lo, int64_t hi,
    int32_t month, int open, struct segs *w)
{
	struct bill_line	*bl;
	size_t			 n, i;
	int			 y, m, d, rc;

	date_to_ymd(month, &y, &m, &d);
	if ((rc = billsrc_month(a, x->q->op, x->q->site, lo, hi, y, m, &bl,
	    &n)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (bl[i].l.amount == 0)
			continue;
		if (open && !is_open(x, bl[i].row->site_id, month))
			continue;
		inv_seg_from_charge(segs_add(a, w), &bl[i].l, bl[i].row->id,
		    bl[i].row->service_id, bl[i].row->site_id,
		    bl[i].row->occ_id, w->n);
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
line_of(struct arena *a, const struct run *x, const struct inv_seg *s,
    struct inv_line *l)
{
	const struct store_svcrate	*v = svc_of(x, s->service_id);
	const char			*desc;

	desc = arena_printf(a, "%s \u00b7 %s%s", v ? v->name : "Service",
	    site_name(x, s->site_id), s->sign < 0 ?
	    " (reversal of a line invoiced before)" : s->adjust ?
	    " (adjustment)" : "");
	if (strlen(desc) > DESC_MAX)
		desc = arena_strndup(a, desc, DESC_MAX);
	return inv_line_from_seg(s, v ? v->rate : VAT_STANDARD, desc, l);
}

struct chunk_out {
	struct store_draft	*d;
	size_t			 nd;
	struct inv_line		*l;
	int64_t			*occ, *no;
	size_t			 nl, capl;
	int64_t			 net;
};

/* The drafts of one occupier: wanted w[0..nw) against invoiced h[0..nh). */
static int
occupier_lines(struct arena *a, const struct run *x, int64_t occ,
    struct inv_seg *w, size_t nw, struct inv_seg *h, size_t nh,
    struct chunk_out *o)
{
	struct inv_seg	*out;
	size_t		 n, i, cap = nw + nh + 1;

	out = arena_calloc(a, cap, sizeof(*out));
	n = inv_diff(w, nw, h, nh, x->period, out, cap);
	if (n == (size_t)-1) {
		log_warnx("bill run: diff overflow for occupier %lld",
		    (long long)occ);
		return -2;
	}
	if (n == 0)
		return 1;
	if (o->nl + n > o->capl) {
		size_t ncap = (o->nl + n) * 2;

		o->l = arena_realloc(a, o->l, o->capl * sizeof(*o->l),
		    ncap * sizeof(*o->l));
		o->occ = arena_realloc(a, o->occ, o->capl * sizeof(*o->occ),
		    ncap * sizeof(*o->occ));
		o->no = arena_realloc(a, o->no, o->capl * sizeof(*o->no),
		    ncap * sizeof(*o->no));
		o->capl = ncap;
	}
	for (i = 0; i < n; i++) {
		if (line_of(a, x, &out[i], &o->l[o->nl + i]) == -1)
			return -2;
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

/*
 * One chunk: the occupiers after *after, in a transaction of its own.
 * 1 done (*after moves on; 0 occupiers left: *nocc 0), -1 store error,
 * -2 overflow.
 */
static int
chunk_once(struct arena *a, const struct run *x, int64_t *after,
    struct billrun_result *res, size_t *nocc)
{
	const struct billrun_req	*q = x->q;
	struct segs			 w = { NULL, 0, 0 }, h = { NULL, 0, 0 };
	struct store_invoiced		*iv;
	struct chunk_out		 o;
	int64_t				*ids, lo, hi;
	size_t				 nids, niv, i, k, wi, hj;
	int				 rc;

	memset(&o, 0, sizeof(o));
	*nocc = 0;
	if (db_begin() < 0)
		return -1;
	if (store_run_lock(q->op) < 0 ||
	    store_run_occupiers(a, q->op, *after, CHUNK, &ids, &nids) < 0)
		goto err;
	if (nids == 0) {
		db_rollback();
		return 1;
	}
	lo = ids[0];
	hi = ids[nids - 1];
	if ((rc = want_month(a, x, lo, hi, x->period, 0, &w)) < 0)
		goto fail;
	for (k = 0; k < x->nmonths; k++)
		if ((rc = want_month(a, x, lo, hi, x->months[k], 1, &w)) < 0)
			goto fail;
	if (store_run_invoiced(a, q->op, lo, hi, q->site, x->nmonths ?
	    x->months[0] : x->period, x->period, &iv, &niv) < 0)
		goto err;
	for (i = 0; i < niv; i++) {
		struct inv_seg *s;

		if (iv[i].net == 0 || (iv[i].month != x->period &&
		    !is_open(x, iv[i].site_id, iv[i].month)))
			continue;
		s = segs_add(a, &h);
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
	if (w.n > 1)
		qsort(w.v, w.n, sizeof(*w.v), cmp_occ_ord);
	if (h.n > 1)
		qsort(h.v, h.n, sizeof(*h.v), cmp_occ_ord);
	o.d = arena_calloc(a, nids, sizeof(*o.d));
	for (wi = 0, hj = 0; wi < w.n || hj < h.n; ) {
		int64_t	 occ;
		size_t	 w0 = wi, h0 = hj;

		occ = hj >= h.n || (wi < w.n && w.v[wi].occ_id <= h.v[hj].occ_id) ?
		    w.v[wi].occ_id : h.v[hj].occ_id;
		while (wi < w.n && w.v[wi].occ_id == occ)
			wi++;
		while (hj < h.n && h.v[hj].occ_id == occ)
			hj++;
		if ((rc = occupier_lines(a, x, occ, w.v + w0, wi - w0,
		    h.v + h0, hj - h0, &o)) < 0)
			goto fail;
	}
	if (store_run_insert_drafts(a, q->op, x->run_id, q->site, x->period,
	    q->advance ? "advance" : "arrears", q->user, o.d, o.nd, o.l, o.occ,
	    o.no, o.nl) < 0 ||
	    store_run_progress(q->op, x->run_id, (int64_t)nids, (int64_t)o.nd,
	    (int64_t)o.nl, o.net) < 0)
		goto err;
	if (db_commit() < 0)
		return -1;
	res->occupiers += (int64_t)nids;
	res->invoices += (int64_t)o.nd;
	res->lines += (int64_t)o.nl;
	res->net += o.net;
	*after = hi;
	*nocc = nids;
	return 1;
err:
	db_rollback();
	return -1;
fail:
	db_rollback();
	return rc;
}

/* Close the months: the month billed (arrears: closed; advance: billed),
 * and the open months before it that have ended. Then the run is done. */
static int
finish(const struct run *x)
{
	const struct billrun_req	*q = x->q;
	const char			*state = q->advance ? "billed" : "closed";
	size_t				 i;
	int				 y, m, d;

	if (db_begin() < 0)
		return -1;
	for (i = 0; i < x->nsites; i++) {
		if (q->site != 0 && x->sites[i].id != q->site)
			continue;
		if (store_run_period_mark(q->op, x->sites[i].id, x->period,
		    state, x->run_id) < 0)
			goto err;
	}
	for (i = 0; i < x->nopen; i++) {
		date_to_ymd(x->open[i].month, &y, &m, &d);
		if (x->open[i].month + date_days_in_month(y, m) > q->today)
			continue;	/* not ended: stays open */
		if (store_run_period_mark(q->op, x->open[i].site_id,
		    x->open[i].month, "closed", x->run_id) < 0)
			goto err;
	}
	if (store_run_done(q->op, x->run_id) < 0)
		goto err;
	return db_commit() < 0 ? -1 : 1;
err:
	db_rollback();
	return -1;
}

int
billrun_run(struct arena *ra, const struct billrun_req *q,
    struct billrun_result *res)
{
	struct run	 x;
	struct arena	*a;
	int64_t		 after = 0;
	size_t		 i, j, nocc;
	int		 rc = 1, attempt;

	memset(res, 0, sizeof(*res));
	memset(&x, 0, sizeof(x));
	x.q = q;
	x.period = date_from_ymd(q->year, q->month, 1);
	if (store_run_rates(ra, q->op, &x.svc, &x.nsvc) < 0 ||
	    store_site_list(ra, q->op, 0, &x.sites, &x.nsites) < 0 ||
	    store_run_open_periods(ra, q->op, q->site, x.period, &x.open,
	    &x.nopen) < 0)
		return -1;
	x.months = arena_calloc(ra, x.nopen + 1, sizeof(*x.months));
	for (i = 0; i < x.nopen; i++) {
		for (j = 0; j < x.nmonths && x.months[j] != x.open[i].month; j++)
			continue;
		if (j < x.nmonths)
			continue;
		for (j = x.nmonths; j > 0 && x.months[j - 1] > x.open[i].month;
		    j--)
			x.months[j] = x.months[j - 1];
		x.months[j] = x.open[i].month;
		x.nmonths++;
	}
	if (store_run_insert(q->op, q->site, x.period, q->advance ? "advance" :
	    "arrears", q->user, &x.run_id) < 0)
		return -1;
	res->run_id = x.run_id;
	/* One chunk's memory at a time, whatever the number of occupiers. */
	a = arena_new(256 * 1024);
	arena_defer(ra, free_arena, a);
	for (;;) {
		for (attempt = 0; attempt < TRIES; attempt++) {
			arena_reset(a);
			rc = chunk_once(a, &x, &after, res, &nocc);
			if (rc != -1 || !db_retryable())
				break;
			log_info("bill run %lld: retrying a chunk after %u",
			    (long long)x.run_id, db_errno());
			usleep((useconds_t)(1000 * (attempt + 1) *
			    (1 + getpid() % 7)));
		}
		if (rc < 0)
			return rc;
		if (nocc == 0)
			break;
	}
	arena_reset(a);
	for (attempt = 0; attempt < TRIES; attempt++)
		if ((rc = finish(&x)) > 0 || !db_retryable())
			break;
	if (rc < 0)
		return -1;
	{
		char n[MONEY_STRLEN];

		money_format(res->net, n, sizeof(n));
		if (store_audit(q->op, 0, 0, q->user, "bill_run", x.run_id,
		    "run", NULL, arena_printf(ra, "period=%04d-%02d\nmode=%s\n"
		    "site=%lld\ninvoices=%lld\nnet=%s", q->year, q->month,
		    q->advance ? "advance" : "arrears", (long long)q->site,
		    (long long)res->invoices, n)) < 0)
			return -1;
	}
	return 1;
}
