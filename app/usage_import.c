/*
 * usage_import: importing call detail records and traffic samples. See
 * usage.h. The site's numbers, holdings, services and rate tables are
 * loaded once (usage_site_load) and indexed in memory, so that rating a
 * call is a few lookups: the calling number in a hash table, its holder
 * by binary search, the tariff of the day, the rate by a walk down a
 * digit trie.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "domain/date.h"
#include "domain/usage.h"
#include "log.h"
#include "store/store_usage.h"
#include "usage.h"
#include "usage_site.h"

/* ---- the site ---- */

static uint32_t
hash_digits(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

const struct usite_num *
usage_site_number(const struct usage_site *s, const char *digits)
{
	uint32_t	 i;
	int32_t		 k;

	if (s->hmask == 0)
		return NULL;
	for (i = hash_digits(digits) & s->hmask; (k = s->hash[i]) >= 0;
	    i = (i + 1) & s->hmask)
		if (strcmp(s->num[k].digits, digits) == 0)
			return &s->num[k];
	return NULL;
}

const struct usite_occ *
usage_site_occ(const struct usage_site *s, int64_t id)
{
	size_t	 lo = 0, hi = s->nocc;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->occ[mid].id == id)
			return &s->occ[mid];
		if (s->occ[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct usite_tariff *
usage_site_tariff(const struct usage_site *s, int64_t service)
{
	size_t	 lo = 0, hi = s->ntar;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->tar[mid].service == service)
			return &s->tar[mid];
		if (s->tar[mid].service < service)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *
usage_group_name(const struct usage_site *s, int64_t group)
{
	size_t	 i;

	for (i = 0; i < s->ngroups; i++)
		if (s->groups[i].id == group)
			return s->groups[i].name;
	return "";
}

const char *
usage_site_name(const struct usage_site *s)
{
	return s->name;
}

const char *
usage_number_show(struct arena *a, const struct usage_site *s,
    const char *digits)
{
	const struct usite_num	*n = usage_site_number(s, digits);

	return n != NULL ? n->display : arena_printf(a, "+%s", digits);
}

static int
num_id_cmp(const void *pa, const void *pb)
{
	const struct usite_num	*a = pa, *b = pb;

	return a->id < b->id ? -1 : a->id > b->id;
}

static int
svc_occ_cmp(const void *pa, const void *pb)
{
	const struct su_service	*a = pa, *b = pb;

	if (a->occupier != b->occupier)
		return a->occupier < b->occupier ? -1 : 1;
	return (int)a->cat - (int)b->cat;
}

static int
allow_cmp(const void *pa, const void *pb)
{
	const struct su_allowance *a = pa, *b = pb;

	return a->service < b->service ? -1 : a->service > b->service;
}

static int
load_numbers(struct arena *a, struct usage_site *s, int holdings)
{
	struct su_number	*nums;
	struct su_holding	*h;
	size_t			 n, nh, i, j, cap;

	if (store_usage_numbers(a, s->op, s->site, &nums, &n) < 0)
		return -1;
	s->num = arena_calloc(a, n + 1, sizeof(*s->num));
	for (i = 0, s->nnum = 0; i < n; i++) {
		struct usite_num *x = &s->num[s->nnum];

		if (usage_number_norm(nums[i].number, strlen(nums[i].number),
		    x->digits) < 0)
			continue;	/* not a number: nothing calls from it */
		x->id = nums[i].id;
		x->display = nums[i].number;
		s->nnum++;
	}
	for (cap = 16; cap < s->nnum * 2; cap *= 2)
		continue;
	s->hash = arena_alloc(a, cap * sizeof(*s->hash));
	memset(s->hash, 0xff, cap * sizeof(*s->hash));
	s->hmask = (uint32_t)cap - 1;
	for (i = 0; i < s->nnum; i++) {
		uint32_t k = hash_digits(s->num[i].digits) & s->hmask;

		while (s->hash[k] >= 0)
			k = (k + 1) & s->hmask;
		s->hash[k] = (int32_t)i;
	}
	if (!holdings)
		return 1;
	/* Holdings come by number id then start: numbers by id too (and
	 * the hash table built again over the moved numbers). */
	qsort(s->num, s->nnum, sizeof(*s->num), num_id_cmp);
	memset(s->hash, 0xff, cap * sizeof(*s->hash));
	for (i = 0; i < s->nnum; i++) {
		uint32_t k = hash_digits(s->num[i].digits) & s->hmask;

		while (s->hash[k] >= 0)
			k = (k + 1) & s->hmask;
		s->hash[k] = (int32_t)i;
	}
	if (store_usage_holdings(a, s->op, s->site, &h, &nh) < 0)
		return -1;
	s->holdings = arena_calloc(a, nh + 1, sizeof(*s->holdings));
	for (i = 0, j = 0; i < nh; i++) {
		s->holdings[i].from = h[i].from;
		s->holdings[i].until = h[i].until;
		s->holdings[i].occupier = h[i].occupier;
		while (j < s->nnum && s->num[j].id < h[i].number_id)
			j++;
		if (j == s->nnum || s->num[j].id != h[i].number_id)
			continue;
		if (s->num[j].nh == 0)
			s->num[j].h = &s->holdings[i];
		s->num[j].nh++;
	}
	return 1;
}

static int
load_services(struct arena *a, struct usage_site *s)
{
	struct su_service	*v;
	size_t			 n, i, j;

	if (store_usage_services(a, s->op, s->site, 0, &v, &n) < 0)
		return -1;
	qsort(v, n, sizeof(*v), svc_occ_cmp);
	s->periods = arena_calloc(a, n + 1, sizeof(*s->periods));
	s->occ = arena_calloc(a, n + 1, sizeof(*s->occ));
	s->nocc = 0;
	for (i = 0; i < n; i = j) {
		struct usite_occ *o = &s->occ[s->nocc++];

		o->id = v[i].occupier;
		for (j = i; j < n && v[j].occupier == o->id; j++) {
			s->periods[j] = v[j].p;
			switch (v[j].cat) {
			case SU_TARIFF:
				if (o->nt++ == 0)
					o->tariff = &s->periods[j];
				break;
			case SU_VOICE:
				if (o->nv++ == 0)
					o->voice = &s->periods[j];
				break;
			default:
				if (o->nb++ == 0)
					o->bw = &s->periods[j];
				break;
			}
		}
	}
	return 1;
}

static int
load_tariffs(struct arena *a, struct usage_site *s)
{
	struct su_rate		*r;
	struct su_allowance	*al;
	struct usage_rate	*rates;
	size_t			 nr, nal, i, j, k;

	if (store_usage_rates(a, s->op, &r, &nr) < 0 ||
	    store_usage_allowances(a, s->op, &al, &nal) < 0)
		return -1;
	qsort(al, nal, sizeof(*al), allow_cmp);
	s->tar = arena_calloc(a, nr + nal + 1, sizeof(*s->tar));
	rates = arena_calloc(a, nr + 1, sizeof(*rates));
	for (i = 0; i < nr; i++)
		rates[i] = r[i].r;
	/* Rates come by tariff: one table each. */
	for (i = 0; i < nr; i = j) {
		struct usite_tariff *t = &s->tar[s->ntar++];

		for (j = i; j < nr && r[j].service == r[i].service; j++)
			continue;
		t->service = r[i].service;
		if ((t->tab = usage_ratetab_new(a, rates + i, j - i)) == NULL) {
			log_warnx("usage: tariff %lld has a prefix that is not "
			    "digits", (long long)t->service);
			return -1;
		}
	}
	/* Allowances of tariffs without rates still count (as no rate). */
	for (i = 0; i < nal; i = j) {
		for (j = i; j < nal && al[j].service == al[i].service; j++)
			continue;
		for (k = 0; k < s->ntar; k++)
			if (s->tar[k].service == al[i].service)
				break;
		if (k == s->ntar)
			s->tar[s->ntar++].service = al[i].service;
		s->tar[k].allow = &al[i];
		s->tar[k].nallow = j - i;
	}
	/* By service, for binary search. */
	for (i = 1; i < s->ntar; i++)
		for (k = i; k > 0 && s->tar[k - 1].service > s->tar[k].service;
		    k--) {
			struct usite_tariff t = s->tar[k];

			s->tar[k] = s->tar[k - 1];
			s->tar[k - 1] = t;
		}
	return 1;
}

int
usage_site_load(struct arena *a, int64_t op, int64_t site,
    enum usage_load what, struct usage_site **out)
{
	struct usage_site	*s;
	int			 rc;

	*out = NULL;
	s = arena_calloc(a, 1, sizeof(*s));
	s->op = op;
	s->site = site;
	if ((rc = store_usage_site(a, op, site, &s->name)) <= 0)
		return rc;
	if (load_numbers(a, s, what == USAGE_LOAD_RATING) < 0 ||
	    store_usage_groups(a, op, &s->groups, &s->ngroups) < 0)
		return -1;
	if (what == USAGE_LOAD_RATING && (load_services(a, s) < 0 ||
	    load_tariffs(a, s) < 0))
		return -1;
	*out = s;
	return 1;
}

int64_t
usage_site_limit(const struct usage_site *s, const struct usite_occ *o,
    int64_t service, int64_t group, int month)
{
	const struct usite_tariff	*t;
	size_t				 i;
	int64_t				 lines;

	if ((t = usage_site_tariff(s, service)) == NULL)
		return 0;
	for (i = 0; i < t->nallow; i++) {
		if (t->allow[i].group != group)
			continue;
		lines = 0;
		if (t->allow[i].per_line && o != NULL)
			lines = usage_qty_in_month(o->voice, o->nv, month / 100,
			    month % 100);
		return usage_allowance_seconds(t->allow[i].minutes,
		    t->allow[i].per_line, lines);
	}
	return 0;
}

/* ---- rating calls ---- */

/* The local day and month of a time, remembered for the calls of the
 * same day (a file's calls come sorted by start). */
struct daycache {
	int64_t		 from, to;
	int32_t		 day;
	int		 month;
};

static void
day_of(struct daycache *c, int64_t t)
{
	int	 y, m, d;

	if (t >= c->from && t < c->to)
		return;
	c->day = usage_day_of(t);
	c->from = usage_day_start(c->day);
	c->to = usage_day_start(c->day + 1);
	date_to_ymd(c->day, &y, &m, &d);
	c->month = y * 100 + m;
}

/* Attribute and price one call (allowances are taken later, in order). */
static void
rate_one(const struct usage_site *s, struct daycache *dc,
    const struct usage_cdr *c, struct su_call *x)
{
	const struct usite_num		*caller, *callee, *held;
	const struct usite_occ		*o = NULL;
	const struct usage_period	*tp = NULL;
	const struct usite_tariff	*t = NULL;
	const struct usage_rate		*r = NULL;
	int64_t				 holder = 0;

	memset(x, 0, sizeof(*x));
	x->started = c->start;
	x->calling = c->calling;
	x->called = c->called;
	x->dir = c->dir;
	x->duration = c->duration;
	x->carrier_cost = c->carrier_cost;
	day_of(dc, c->start);
	x->month = dc->month;
	caller = usage_site_number(s, c->calling);
	callee = usage_site_number(s, c->called);
	held = c->dir == USAGE_IN ? callee : caller;
	if (held != NULL)
		holder = usage_holder_at(held->h, held->nh, c->start);
	if (holder > 0 && (o = usage_site_occ(s, holder)) != NULL &&
	    (tp = usage_period_on(o->tariff, o->nt, dc->day)) != NULL &&
	    (t = usage_site_tariff(s, tp->service)) != NULL)
		r = usage_rate_match(t->tab, c->called);
	x->occupier = holder;
	x->kind = usage_classify(c->dir, caller != NULL, callee != NULL, holder,
	    tp != NULL ? tp->service : 0, r != NULL);
	if (tp != NULL)
		x->service = tp->service;
	if (x->kind != USAGE_RATED)
		return;
	x->group = r->group;
	x->billed = usage_billed(c->duration, r->first, r->step);
	x->per_minute = r->per_minute;
	x->setup = r->setup;
	x->minimum = r->minimum;
}

/* What a month of an occupier has stored: when its latest call started
 * and the allowance its rated calls took, per group. */
struct mstate {
	int		 month;
	int64_t		 occupier;
	int64_t		 last;
	int		 found;
	struct usage_used used[32];
	size_t		 nused;
};

/* Calls of the import, grouped: by occupier, month, then call order. */
struct ref {
	int64_t		 occupier;
	int		 month;
	size_t		 i;
};

static int
ref_cmp(const void *pa, const void *pb)
{
	const struct ref	*a = pa, *b = pb;

	if (a->occupier != b->occupier)
		return a->occupier < b->occupier ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static int
vm_key_cmp(const void *pa, const void *pb)
{
	const struct su_vm	*a = pa, *b = pb;

	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->occupier != b->occupier)
		return a->occupier < b->occupier ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	return a->group < b->group ? -1 : a->group > b->group;
}

/* Sum rows with equal keys (sorted first). Returns the new count. */
static size_t
vm_merge(struct su_vm *v, size_t n)
{
	size_t	 i, m = 0;

	qsort(v, n, sizeof(*v), vm_key_cmp);
	for (i = 0; i < n; i++) {
		if (m > 0 && vm_key_cmp(&v[m - 1], &v[i]) == 0) {
			struct su_vm *d = &v[m - 1];

			d->calls += v[i].calls;
			d->seconds += v[i].seconds;
			d->billed += v[i].billed;
			d->included += v[i].included;
			d->amount += v[i].amount;
			d->carrier += v[i].carrier;
			if (v[i].last_started > d->last_started)
				d->last_started = v[i].last_started;
			continue;
		}
		v[m++] = v[i];
	}
	return m;
}

static void
vm_of(const struct su_call *c, struct su_vm *v)
{
	memset(v, 0, sizeof(*v));
	v->month = c->month;
	v->occupier = c->occupier;
	v->kind = c->kind;
	v->group = c->kind == USAGE_RATED ? c->group : 0;
	v->calls = 1;
	v->seconds = c->duration;
	v->billed = c->billed;
	v->included = c->included;
	v->amount = c->amount;
	v->carrier = c->carrier_cost > 0 ? c->carrier_cost : 0;
	v->last_started = c->started;
}

/* The allowance items of calls c[0..n) of one occupier and month. */
static struct usage_item *
items_of(struct arena *a, const struct usage_site *s, const struct su_call *c,
    size_t n)
{
	struct usage_item	*it;
	const struct usite_occ	*o = NULL;
	size_t			 i;

	it = arena_calloc(a, n + 1, sizeof(*it));
	if (n > 0 && c[0].occupier > 0)
		o = usage_site_occ(s, c[0].occupier);
	for (i = 0; i < n; i++) {
		it[i].month = c[i].month;
		it[i].kind = c[i].kind;
		it[i].group = c[i].group;
		it[i].billed = c[i].billed;
		it[i].per_minute = c[i].per_minute;
		it[i].setup = c[i].setup;
		it[i].minimum = c[i].minimum;
		if (c[i].kind == USAGE_RATED)
			it[i].limit = usage_site_limit(s, o, c[i].service,
			    c[i].group, c[i].month);
	}
	return it;
}

/*
 * Rate a whole occupier-month again, from what is stored (an import
 * brought calls older than those already rated): every call's allowance
 * and charge in call order, the changed calls written back, the month's
 * summary rows replaced.
 */
static int
rerate_month(struct arena *a, const struct usage_site *s, int64_t occ,
    int month)
{
	struct su_call		*c, *changed;
	struct usage_item	*it;
	struct usage_used	 used[32];
	struct su_vm		*v;
	size_t			 n, i, nused = 0, nch = 0;

	if (store_usage_calls(a, s->op, s->site, occ, month, &c, &n) < 0)
		return -1;
	it = items_of(a, s, c, n);
	if (usage_rate_calls(it, n, used, &nused, 32) < 0) {
		log_warnx("usage: month %d of occupier %lld: allowance "
		    "arithmetic failed", month, (long long)occ);
		return -1;
	}
	changed = arena_calloc(a, n + 1, sizeof(*changed));
	v = arena_calloc(a, n + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		if (c[i].included != it[i].included ||
		    c[i].amount != it[i].amount) {
			c[i].included = it[i].included;
			c[i].amount = it[i].amount;
			changed[nch++] = c[i];
		}
		vm_of(&c[i], &v[i]);
	}
	n = vm_merge(v, n);
	if (store_usage_calls_rerate(s->op, s->site, changed, nch) < 0 ||
	    store_usage_vm_clear(s->op, s->site, month, occ) < 0 ||
	    store_usage_vm_add(a, s->op, s->site, v, n) < 0)
		return -1;
	return 1;
}

static int
mstate_cmp(const void *pa, const void *pb)
{
	const struct mstate	*a = pa, *b = pb;

	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->occupier < b->occupier ? -1 : a->occupier > b->occupier;
}

/* The stored state of every occupier-month of the site in the months of
 * refs (sorted by month: the refs' months, in any order, read once). */
static int
states_load(struct arena *a, const struct usage_site *s, const int *months,
    size_t nmonths, struct mstate **out, size_t *nout)
{
	struct mstate	*st = NULL;
	size_t		 cap = 0, n = 0, k, i, j;

	for (k = 0; k < nmonths; k++) {
		struct su_vm	*v;
		size_t		 nv;

		if (store_usage_vm(a, s->op, s->site, months[k], 0, 1, &v,
		    &nv) < 0)
			return -1;
		qsort(v, nv, sizeof(*v), vm_key_cmp);
		for (i = 0; i < nv; i = j) {
			struct mstate *m;

			if (n == cap) {
				size_t ncap = cap ? cap * 2 : 64;

				st = arena_realloc(a, st, cap * sizeof(*st),
				    ncap * sizeof(*st));
				cap = ncap;
			}
			m = &st[n++];
			memset(m, 0, sizeof(*m));
			m->month = months[k];
			m->occupier = v[i].occupier;
			m->found = 1;
			for (j = i; j < nv && v[j].occupier == v[i].occupier;
			    j++) {
				if (v[j].last_started > m->last)
					m->last = v[j].last_started;
				if (v[j].kind == USAGE_RATED && m->nused <
				    sizeof(m->used) / sizeof(m->used[0])) {
					m->used[m->nused].month = months[k];
					m->used[m->nused].group = v[j].group;
					m->used[m->nused].used = v[j].included;
					m->nused++;
				}
			}
		}
	}
	if (n > 1)
		qsort(st, n, sizeof(*st), mstate_cmp);
	*out = st;
	*nout = n;
	return 1;
}

static const struct mstate *
state_find(const struct mstate *st, size_t n, int month, int64_t occ)
{
	struct mstate	 key;

	memset(&key, 0, sizeof(key));
	key.month = month;
	key.occupier = occ;
	return n == 0 ? NULL : bsearch(&key, st, n, sizeof(*st), mstate_cmp);
}

static int
existing_cmp(const void *pa, const void *pb)
{
	const struct su_call	*a = pa, *b = pb;
	int			 c;

	if (a->started != b->started)
		return a->started < b->started ? -1 : 1;
	if ((c = strcmp(a->calling, b->calling)) != 0)
		return c;
	if ((c = strcmp(a->called, b->called)) != 0)
		return c;
	return a->dir - b->dir;
}

/* -1, 0, 1 as existing_cmp, of a file's call against a stored one. */
static int
cdr_vs_stored(const struct usage_cdr *a, const struct su_call *b)
{
	int	 c;

	if (a->start != b->started)
		return a->start < b->started ? -1 : 1;
	if ((c = strcmp(a->calling, b->calling)) != 0)
		return c;
	if ((c = strcmp(a->called, b->called)) != 0)
		return c;
	return a->dir - b->dir;
}

static int
int_cmp(const void *pa, const void *pb)
{
	int	 a = *(const int *)pa, b = *(const int *)pb;

	return a < b ? -1 : a > b;
}

int
usage_import_calls(struct arena *a, struct usage_site *s,
    const char *file_name, const char *data, size_t len, int64_t user,
    const char *via, struct usage_result *res)
{
	struct usage_cdr	*cdr;
	struct su_call		*ex, *calls;
	struct ref		*refs;
	struct mstate		*st;
	struct su_vm		*v;
	struct su_import	 im;
	struct daycache		 dc;
	int			*months, *rerate_m;
	int64_t			*rerate_o;
	size_t			 n, m, nex, i, j, k, nv, nst, nmonths, nre;
	long			 got;

	memset(res, 0, sizeof(*res));
	memset(&dc, 0, sizeof(dc));
	if ((got = usage_cdr_read(a, data, len, &cdr, &res->bad_line,
	    res->msg)) < 0)
		return -2;
	n = (size_t)got;
	res->records = got;
	qsort(cdr, n, sizeof(*cdr), usage_cdr_cmp);
	for (i = 0, m = 0; i < n; i++) {
		if (m > 0 && usage_cdr_same(&cdr[m - 1], &cdr[i])) {
			res->duplicates++;
			continue;
		}
		cdr[m++] = cdr[i];
	}
	if (store_usage_lock(s->op, s->site) <= 0)
		return -1;
	/* What is stored already of the file's time span. */
	if (store_usage_existing(a, s->op, s->site, cdr[0].start,
	    cdr[m - 1].start, &ex, &nex) < 0)
		return -1;
	qsort(ex, nex, sizeof(*ex), existing_cmp);
	calls = arena_calloc(a, m + 1, sizeof(*calls));
	for (i = 0, j = 0, k = 0; i < m; i++) {
		int c = 1;

		while (j < nex && (c = cdr_vs_stored(&cdr[i], &ex[j])) > 0)
			j++;
		if (j < nex && c == 0) {
			res->duplicates++;
			continue;
		}
		rate_one(s, &dc, &cdr[i], &calls[k]);
		if (calls[k].kind == USAGE_NO_HOLDER)
			res->unattributed++;
		else if (calls[k].kind == USAGE_NO_TARIFF ||
		    calls[k].kind == USAGE_NO_RATE)
			res->unrated++;
		k++;
	}
	res->added = (long)k;

	memset(&im, 0, sizeof(im));
	im.kind = "calls";
	im.file_name = file_name;
	im.records = res->records;
	im.added = res->added;
	im.duplicates = res->duplicates;
	im.unattributed = res->unattributed;
	im.user_id = user;
	im.via = via;
	if (store_usage_import_add(s->op, s->site, &im, &res->import_id) < 0)
		return -1;
	if (k == 0)
		return 1;

	/* Group by occupier and month, in call order within. */
	refs = arena_alloc(a, k * sizeof(*refs));
	months = arena_alloc(a, k * sizeof(*months));
	for (i = 0; i < k; i++) {
		refs[i].occupier = calls[i].occupier;
		refs[i].month = calls[i].month;
		refs[i].i = i;
		months[i] = calls[i].month;
	}
	qsort(refs, k, sizeof(*refs), ref_cmp);
	qsort(months, k, sizeof(*months), int_cmp);
	for (i = 0, nmonths = 0; i < k; i++)
		if (nmonths == 0 || months[nmonths - 1] != months[i])
			months[nmonths++] = months[i];
	if (states_load(a, s, months, nmonths, &st, &nst) < 0)
		return -1;

	v = arena_alloc(a, k * sizeof(*v));
	rerate_o = arena_alloc(a, k * sizeof(*rerate_o));
	rerate_m = arena_alloc(a, k * sizeof(*rerate_m));
	nv = nre = 0;
	for (i = 0; i < k; i = j) {
		const struct mstate	*ms;
		struct usage_item	*it;
		struct su_call		*g;
		struct usage_used	 used[32];
		size_t			 ng, nused = 0, x;

		for (j = i; j < k && refs[j].occupier == refs[i].occupier &&
		    refs[j].month == refs[i].month; j++)
			continue;
		ng = j - i;
		g = arena_alloc(a, ng * sizeof(*g));
		for (x = 0; x < ng; x++)
			g[x] = calls[refs[i + x].i];
		ms = state_find(st, nst, refs[i].month, refs[i].occupier);
		if (ms != NULL && ms->found && g[0].started <= ms->last) {
			/* Older than what is rated: the month again, after
			 * the insert. */
			rerate_o[nre] = refs[i].occupier;
			rerate_m[nre++] = refs[i].month;
		} else if (ms != NULL) {
			nused = ms->nused;
			memcpy(used, ms->used, nused * sizeof(used[0]));
		}
		it = items_of(a, s, g, ng);
		if (usage_rate_calls(it, ng, used, &nused, 32) < 0) {
			log_warnx("usage: allowance arithmetic failed");
			return -1;
		}
		for (x = 0; x < ng; x++) {
			struct su_call *c = &calls[refs[i + x].i];

			c->included = it[x].included;
			c->amount = it[x].amount;
			if (ms == NULL || !ms->found || g[0].started > ms->last)
				vm_of(c, &v[nv++]);
		}
	}
	if (store_usage_calls_add(a, s->op, s->site, res->import_id, calls,
	    k) < 0)
		return -1;
	nv = vm_merge(v, nv);
	if (store_usage_vm_add(a, s->op, s->site, v, nv) < 0)
		return -1;
	for (i = 0; i < nre; i++)
		if (rerate_month(a, s, rerate_o[i], rerate_m[i]) < 0)
			return -1;
	res->rerated = (long)nre;
	return 1;
}

/* ---- traffic ---- */

static int
interface_ok(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++, n++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return n > 0 && n <= 64;
}

int
usage_import_traffic(struct arena *a, int64_t op, int64_t site, int64_t occ,
    const char *interface, const char *file_name, const char *data,
    size_t len, int64_t user, const char *via, struct usage_result *res)
{
	struct usage_sample	*sm;
	struct su_import	 im;
	const char		*name;
	int64_t			 added;
	size_t			 n, i;
	long			 got;
	int			 rc, has, month = 0;

	memset(res, 0, sizeof(*res));
	if (!interface_ok(interface)) {
		snprintf(res->msg, sizeof(res->msg), "The port or VLAN must "
		    "be named (at most 64 characters).");
		return -2;
	}
	if ((rc = store_usage_occupier(a, op, occ, site, &name, &has)) <= 0)
		return rc;
	if ((rc = store_usage_site(a, op, site, &name)) <= 0)
		return rc;
	if (!has) {
		snprintf(res->msg, sizeof(res->msg), "The occupier has no "
		    "contract at this site.");
		return -2;
	}
	if ((got = usage_samples_read(a, data, len, &sm, &res->bad_line,
	    res->msg)) < 0)
		return -2;
	n = (size_t)got;
	res->records = got;
	if (store_usage_lock(op, site) <= 0)
		return -1;
	memset(&im, 0, sizeof(im));
	im.kind = "traffic";
	im.file_name = file_name;
	im.records = got;
	im.occupier_id = occ;
	im.interface = interface;
	im.user_id = user;
	im.via = via;
	if (store_usage_import_add(op, site, &im, &res->import_id) < 0)
		return -1;
	if ((added = store_usage_traffic_add(a, op, site, occ, interface,
	    res->import_id, sm, n)) < 0)
		return -1;
	res->added = (long)added;
	res->duplicates = got - (long)added;
	if (store_usage_import_counts(op, res->import_id, added,
	    res->duplicates) < 0)
		return -1;
	/* The 95th percentiles of every month the samples touch. */
	for (i = 0; i < n; i++) {
		int64_t		*in, *out;
		size_t		 ns;
		struct su_bw	 b;
		int		 mo = usage_month_of(sm[i].slot);

		if (mo == month)
			continue;
		month = mo;
		if (store_usage_traffic(a, op, site, occ, month, &in, &out,
		    &ns) < 0)
			return -1;
		memset(&b, 0, sizeof(b));
		b.occupier = occ;
		b.samples = (int64_t)ns;
		b.p95_in = usage_p95(in, ns);
		b.p95_out = usage_p95(out, ns);
		if (store_usage_bw_set(op, site, month, &b) < 0)
			return -1;
	}
	return 1;
}
