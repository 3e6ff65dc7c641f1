/*
 * usage_report: what a month of usage comes to, per occupier and per
 * site: the usage charge lines (usage_month_lines, the API of the
 * charges and invoices), allocations, allowances and the Billing Usage
 * Report. Reads the monthly summaries kept by every import, never the
 * calls themselves, so a month of a site with thousands of occupiers is
 * a handful of statements. See usage.h.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "domain/date.h"
#include "domain/money.h"
#include "domain/usage.h"
#include "log.h"
#include "store/store_usage.h"
#include "usage.h"

/* What the month lines of any occupier need. */
struct common {
	int			 year, month;	/* month: YYYYMM */
	const struct su_group	*groups;
	size_t			 ngroups;
	const struct su_tier	*tiers;
	size_t			 ntiers;
	const struct su_allowance *allow;
	size_t			 nallow;
};

/* One occupier's rows. */
struct odata {
	const struct su_vm	*vm;
	size_t			 nvm;
	const struct su_bw	*bw;
	const struct su_service	*sv;
	size_t			 nsv;
	int64_t			 numbers, ports;
};

static int
common_load(struct arena *a, int64_t op, int year, int month,
    struct common *c)
{
	struct su_group		*g;
	struct su_tier		*t;
	struct su_allowance	*al;

	memset(c, 0, sizeof(*c));
	c->year = year;
	c->month = year * 100 + month;
	if (store_usage_groups(a, op, &g, &c->ngroups) < 0 ||
	    store_usage_tiers(a, op, &t, &c->ntiers) < 0 ||
	    store_usage_allowances(a, op, &al, &c->nallow) < 0)
		return -1;
	c->groups = g;
	c->tiers = t;
	c->allow = al;
	return 1;
}

/* The periods of one category of sv, and their services' names. */
static size_t
periods_of(struct arena *a, const struct odata *d, enum su_cat cat,
    struct usage_period **p, const char ***names)
{
	size_t	 i, n = 0;

	*p = arena_calloc(a, d->nsv + 1, sizeof(**p));
	*names = arena_calloc(a, d->nsv + 1, sizeof(**names));
	for (i = 0; i < d->nsv; i++)
		if (d->sv[i].cat == cat) {
			(*p)[n] = d->sv[i].p;
			(*names)[n++] = d->sv[i].name;
		}
	return n;
}

static void
add_line(struct usage_occ_month *o, const struct usage_line *l)
{
	o->lines_v[o->nlines++] = *l;
	o->total += l->amount;
}

const char *
usage_calls_detail(struct arena *a, int64_t calls, int64_t billed,
    int64_t included)
{
	char	 b[24], inc[24];

	usage_duration_format(billed, b, sizeof(b));
	usage_duration_format(included, inc, sizeof(inc));
	return included > 0 ? arena_printf(a, "%lld call%s, %s billed (%s "
	    "included)", (long long)calls, calls == 1 ? "" : "s", b, inc) :
	    arena_printf(a, "%lld call%s, %s billed", (long long)calls,
	    calls == 1 ? "" : "s", b);
}

/* The allowances of the tariff at the month's end, and what is used. */
static void
fill_allowances(struct arena *a, const struct common *c,
    const struct odata *d, const struct usage_period *tariff,
    struct usage_occ_month *o)
{
	size_t	 i, k;

	o->allow = arena_calloc(a, c->nallow + 1, sizeof(*o->allow));
	for (i = 0; i < c->nallow; i++) {
		struct usage_allow_view *v;

		if (c->allow[i].service != tariff->service)
			continue;
		v = &o->allow[o->nallow++];
		v->seconds = usage_allowance_seconds(c->allow[i].minutes,
		    c->allow[i].per_line, o->lines);
		v->group = "";
		for (k = 0; k < c->ngroups; k++)
			if (c->groups[k].id == c->allow[i].group)
				v->group = c->groups[k].name;
		for (k = 0; k < d->nvm; k++)
			if (d->vm[k].kind == USAGE_RATED &&
			    d->vm[k].group == c->allow[i].group)
				v->used += d->vm[k].included;
	}
}

/* Every call, and a line per group with rated calls. */
static void
call_lines(struct arena *a, const struct common *c, const struct odata *d,
    struct usage_occ_month *o)
{
	size_t	 i, k;

	for (k = 0; k < d->nvm; k++) {
		o->calls += d->vm[k].calls;
		o->seconds += d->vm[k].seconds;
		o->carrier += d->vm[k].carrier;
		if (d->vm[k].kind == USAGE_INTERNAL ||
		    d->vm[k].kind == USAGE_INBOUND)
			o->free_calls += d->vm[k].calls;
		else if (d->vm[k].kind == USAGE_NO_TARIFF ||
		    d->vm[k].kind == USAGE_NO_RATE)
			o->unrated_calls += d->vm[k].calls;
	}
	for (i = 0; i < c->ngroups; i++) {
		struct usage_line	 l;

		memset(&l, 0, sizeof(l));
		for (k = 0; k < d->nvm; k++)
			if (d->vm[k].kind == USAGE_RATED &&
			    d->vm[k].group == c->groups[i].id) {
				l.calls += d->vm[k].calls;
				l.seconds += d->vm[k].seconds;
				l.billed += d->vm[k].billed;
				l.included += d->vm[k].included;
				l.amount += d->vm[k].amount;
			}
		if (l.calls == 0)
			continue;
		l.code = c->groups[i].code;
		l.group = c->groups[i].name;
		l.label = arena_printf(a, "Calls: %s", c->groups[i].name);
		l.detail = usage_calls_detail(a, l.calls, l.billed, l.included);
		add_line(o, &l);
	}
}

/* The burst line: the 95th percentile above the tier's committed rate.
 * 1, -1 overflow. */
static int
burst_line(struct arena *a, const struct odata *d, struct usage_occ_month *o)
{
	struct usage_line	 l;
	char			 p95[32], burst[32], rate[MONEY_STRLEN];

	if (d->bw == NULL || o->committed_mbps < 0)
		return 1;
	memset(&l, 0, sizeof(l));
	o->burst_bits = usage_burst_bits(o->p95_bits, o->committed_mbps);
	if ((l.amount = usage_burst_charge(o->burst_bits,
	    o->per_mbps)) < 0) {
		log_warnx("usage: burst charge overflow");
		return -1;
	}
	usage_mbps_format(o->p95_bits, p95, sizeof(p95));
	usage_mbps_format(o->burst_bits, burst, sizeof(burst));
	money_format_display(o->per_mbps, rate, sizeof(rate));
	l.code = "burst";
	l.group = "";
	l.label = arena_printf(a, "Bandwidth burst above %lld Mbps",
	    (long long)o->committed_mbps);
	l.detail = arena_printf(a, "95th percentile %s Mbps of %lld "
	    "samples: %s Mbps over, at %s a Mbps", p95,
	    (long long)o->samples, burst, rate);
	add_line(o, &l);
	return 1;
}

static int
compose(struct arena *a, const struct common *c, const struct odata *d,
    struct usage_occ_month *o)
{
	struct usage_period		*tp, *vp, *bp;
	const struct usage_period	*tariff, *tierp;
	const char			**tn, **vn, **bn;
	size_t				 nt, nv, nb, k;
	int				 y = c->month / 100, m = c->month % 100;

	o->numbers = d->numbers;
	o->ports = d->ports;
	o->committed_mbps = -1;
	o->tariff = "";
	o->tier = "";
	nt = periods_of(a, d, SU_TARIFF, &tp, &tn);
	nv = periods_of(a, d, SU_VOICE, &vp, &vn);
	nb = periods_of(a, d, SU_BANDWIDTH, &bp, &bn);
	o->lines = usage_qty_in_month(vp, nv, y, m);
	o->lines_v = arena_calloc(a, c->ngroups + 2, sizeof(*o->lines_v));

	/* Allowances of the tariff at the month's end. */
	if ((tariff = usage_period_month(tp, nt, y, m)) != NULL) {
		o->tariff = tn[tariff - tp];
		fill_allowances(a, c, d, tariff, o);
	}

	call_lines(a, c, d, o);

	/* The bandwidth tier of the month and its burst. */
	if ((tierp = usage_period_month(bp, nb, y, m)) != NULL) {
		o->tier = bn[tierp - bp];
		for (k = 0; k < c->ntiers; k++)
			if (c->tiers[k].service == tierp->service) {
				o->committed_mbps = c->tiers[k].mbps;
				o->per_mbps = c->tiers[k].per_mbps;
			}
	}
	if (d->bw != NULL) {
		o->samples = d->bw->samples;
		o->p95_bits = d->bw->p95_in > d->bw->p95_out ? d->bw->p95_in :
		    d->bw->p95_out;
	}
	return burst_line(a, d, o);
}

int
usage_occ_month(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int year, int month, struct usage_occ_month *o)
{
	struct common		 c;
	struct odata		 d;
	struct su_vm		*vm;
	struct su_bw		*bw;
	struct su_service	*sv;
	struct su_count		*nums, *ports;
	const char		*name, *site_name;
	size_t			 nvm, nbw, nsv, nn, np;
	int64_t			 from, to;
	int			 rc, has, mo = year * 100 + month;

	memset(o, 0, sizeof(*o));
	if ((rc = store_usage_occupier(a, op, occ, site, &name, &has)) <= 0 ||
	    (rc = store_usage_site(a, op, site, &site_name)) <= 0)
		return rc;
	o->id = occ;
	o->name = name;
	o->billing_ref = "";
	usage_month_bounds(year, month, &from, &to);
	if (common_load(a, op, year, month, &c) < 0 ||
	    store_usage_month_fresh(a, op, site, mo, from, to) < 0 ||
	    store_usage_vm(a, op, site, mo, occ, 0, &vm, &nvm) < 0 ||
	    store_usage_bw(a, op, site, mo, occ, &bw, &nbw) < 0 ||
	    store_usage_services(a, op, site, occ, &sv, &nsv) < 0 ||
	    store_usage_numbers_held(a, op, site, occ, from, to, &nums,
	    &nn) < 0 ||
	    store_usage_ports_held(a, op, site, occ, &ports, &np) < 0)
		return -1;
	memset(&d, 0, sizeof(d));
	d.vm = vm;
	d.nvm = nvm;
	d.bw = nbw > 0 ? &bw[0] : NULL;
	d.sv = sv;
	d.nsv = nsv;
	d.numbers = nn > 0 ? nums[0].n : 0;
	d.ports = np > 0 ? ports[0].n : 0;
	return compose(a, &c, &d, o);
}

int
usage_month_lines(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int year, int month, struct usage_line **lines, size_t *n, int64_t *total)
{
	struct usage_occ_month	 o;
	int			 rc;

	*lines = NULL;
	*n = 0;
	*total = 0;
	if ((rc = usage_occ_month(a, op, occ, site, year, month, &o)) <= 0)
		return rc;
	*lines = o.lines_v;
	*n = o.nlines;
	*total = o.total;
	return 1;
}

/* ---- the site's report ---- */

static int
vm_occ_cmp(const void *pa, const void *pb)
{
	const struct su_vm	*a = pa, *b = pb;

	return a->occupier < b->occupier ? -1 : a->occupier > b->occupier;
}

static int
bw_occ_cmp(const void *pa, const void *pb)
{
	const struct su_bw	*a = pa, *b = pb;

	return a->occupier < b->occupier ? -1 : a->occupier > b->occupier;
}

static int
sv_occ_cmp(const void *pa, const void *pb)
{
	const struct su_service	*a = pa, *b = pb;

	return a->occupier < b->occupier ? -1 : a->occupier > b->occupier;
}

static int
count_cmp(const void *pa, const void *pb)
{
	const struct su_count	*a = pa, *b = pb;

	return a->occupier < b->occupier ? -1 : a->occupier > b->occupier;
}

/* First index of v[0..n) (elements of sz bytes, sorted by the occupier
 * id at offset off) whose occupier is >= occ. */
static size_t
lower(const void *v, size_t n, size_t sz, size_t off, int64_t occ)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t	 mid = lo + (hi - lo) / 2;
		int64_t	 x;

		memcpy(&x, (const char *)v + mid * sz + off, sizeof(x));
		if (x < occ)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The site's month, every occupier's rows sorted by occupier. */
struct site_month {
	struct su_vm		*vm;
	struct su_bw		*bw;
	struct su_service	*sv;
	struct su_count		*nums, *ports;
	size_t			 nvm, nbw, nsv, nn, np;
};

/* Occupier id's part of the site's month. */
static void
odata_of(const struct site_month *sm, int64_t id, struct odata *d)
{
	size_t	 x, y;

	memset(d, 0, sizeof(*d));
	x = lower(sm->vm, sm->nvm, sizeof(*sm->vm),
	    offsetof(struct su_vm, occupier), id);
	for (y = x; y < sm->nvm && sm->vm[y].occupier == id; y++)
		continue;
	d->vm = sm->vm + x;
	d->nvm = y - x;
	x = lower(sm->sv, sm->nsv, sizeof(*sm->sv),
	    offsetof(struct su_service, occupier), id);
	for (y = x; y < sm->nsv && sm->sv[y].occupier == id; y++)
		continue;
	d->sv = sm->sv + x;
	d->nsv = y - x;
	x = lower(sm->bw, sm->nbw, sizeof(*sm->bw),
	    offsetof(struct su_bw, occupier), id);
	d->bw = x < sm->nbw && sm->bw[x].occupier == id ? &sm->bw[x] : NULL;
	x = lower(sm->nums, sm->nn, sizeof(*sm->nums),
	    offsetof(struct su_count, occupier), id);
	d->numbers = x < sm->nn && sm->nums[x].occupier == id ?
	    sm->nums[x].n : 0;
	x = lower(sm->ports, sm->np, sizeof(*sm->ports),
	    offsetof(struct su_count, occupier), id);
	d->ports = x < sm->np && sm->ports[x].occupier == id ?
	    sm->ports[x].n : 0;
}

/* An occupier's month into the report's totals. */
static void
add_totals(struct usage_report *r, const struct usage_occ_month *o)
{
	size_t	 k;

	r->nocc++;
	r->calls += o->calls;
	r->free_calls += o->free_calls;
	r->unrated_calls += o->unrated_calls;
	r->carrier += o->carrier;
	for (k = 0; k < o->nlines; k++) {
		if (strcmp(o->lines_v[k].code, "burst") == 0)
			r->burst_amount += o->lines_v[k].amount;
		else {
			r->billed += o->lines_v[k].billed;
			r->call_amount += o->lines_v[k].amount;
		}
	}
	r->total += o->total;
}

int
usage_report(struct arena *a, int64_t op, int64_t site, int year, int month,
    struct usage_report *r)
{
	struct common		 c;
	struct su_occupier	*occ;
	struct site_month	 sm;
	size_t			 nocc, i, k;
	int64_t			 from, to;
	int			 rc, mo = year * 100 + month;

	memset(r, 0, sizeof(*r));
	if ((rc = store_usage_site(a, op, site, &r->site_name)) <= 0)
		return rc;
	usage_month_bounds(year, month, &from, &to);
	if (common_load(a, op, year, month, &c) < 0 ||
	    store_usage_month_fresh(a, op, site, mo, from, to) < 0 ||
	    store_usage_report_occupiers(a, op, site, mo, &occ, &nocc) < 0 ||
	    store_usage_vm(a, op, site, mo, 0, 1, &sm.vm, &sm.nvm) < 0 ||
	    store_usage_bw(a, op, site, mo, 0, &sm.bw, &sm.nbw) < 0 ||
	    store_usage_services(a, op, site, 0, &sm.sv, &sm.nsv) < 0 ||
	    store_usage_numbers_held(a, op, site, 0, from, to, &sm.nums,
	    &sm.nn) < 0 ||
	    store_usage_ports_held(a, op, site, 0, &sm.ports, &sm.np) < 0)
		return -1;
	qsort(sm.vm, sm.nvm, sizeof(*sm.vm), vm_occ_cmp);
	qsort(sm.bw, sm.nbw, sizeof(*sm.bw), bw_occ_cmp);
	qsort(sm.sv, sm.nsv, sizeof(*sm.sv), sv_occ_cmp);
	qsort(sm.nums, sm.nn, sizeof(*sm.nums), count_cmp);
	qsort(sm.ports, sm.np, sizeof(*sm.ports), count_cmp);

	/* Calls of numbers nobody held (never charged). */
	for (k = lower(sm.vm, sm.nvm, sizeof(*sm.vm),
	    offsetof(struct su_vm, occupier), 0); k < sm.nvm &&
	    sm.vm[k].occupier == 0; k++) {
		r->nobody_calls += sm.vm[k].calls;
		r->nobody_seconds += sm.vm[k].seconds;
	}
	r->occ = arena_calloc(a, nocc + 1, sizeof(*r->occ));
	for (i = 0; i < nocc; i++) {
		struct usage_occ_month	*o = &r->occ[r->nocc];
		struct odata		 d;

		odata_of(&sm, occ[i].id, &d);
		/* An occupier with a contract but nothing of usage at the
		 * site is not in the report. */
		if (d.nvm == 0 && d.bw == NULL && d.nsv == 0 &&
		    d.numbers == 0)
			continue;
		memset(o, 0, sizeof(*o));
		o->id = occ[i].id;
		o->name = occ[i].name;
		o->billing_ref = occ[i].billing_ref;
		if (compose(a, &c, &d, o) < 0)
			return -1;
		add_totals(r, o);
	}
	return 1;
}
