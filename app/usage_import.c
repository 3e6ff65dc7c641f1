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
#include "store/db.h"
#include "store/store_usage.h"
#include "store/txn.h"
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
	s->sa = a;
	s->imports = -1;
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

/* ---- the import state ---- */

static uint32_t
st_hash(int64_t occ, int month)
{
	uint64_t h = (uint64_t)occ * UINT64_C(0x9e3779b97f4a7c15) ^
	    (uint64_t)(unsigned)month * UINT64_C(0xc2b2ae3d27d4eb4f);

	return (uint32_t)(h >> 32);
}

void
usage_site_forget(struct usage_site *s)
{
	s->imports = -1;
	s->nst = 0;
	s->nmonths = 0;
	s->nd = 0;
	if (s->sth != NULL)
		memset(s->sth, 0xff, ((size_t)s->sthmask + 1) * sizeof(*s->sth));
	if (s->dh != NULL)
		memset(s->dh, 0xff, ((size_t)s->dhmask + 1) * sizeof(*s->dh));
}

/* ---- the run's summary rows ---- */

static uint32_t
d_hash(const struct su_vm *v)
{
	uint64_t h = (uint64_t)v->occupier * UINT64_C(0x9e3779b97f4a7c15) ^
	    (uint64_t)(unsigned)v->month * UINT64_C(0xc2b2ae3d27d4eb4f) ^
	    (uint64_t)v->group * UINT64_C(0x165667b19e3779f9) ^
	    (uint64_t)(unsigned)v->kind;

	return (uint32_t)(h >> 32);
}

static void
d_index(struct usage_site *s, size_t k)
{
	uint32_t	 i = d_hash(&s->d[k]) & s->dhmask;

	while (s->dh[i] >= 0)
		i = (i + 1) & s->dhmask;
	s->dh[i] = (int32_t)k;
}

/* Count call c in its month's summary row of the run. */
static void
d_add(struct usage_site *s, const struct su_call *c)
{
	struct su_vm	 key, *x = NULL;
	uint32_t	 i;
	int32_t		 k;
	size_t		 j;

	memset(&key, 0, sizeof(key));
	key.month = c->month;
	key.occupier = c->occupier;
	key.kind = c->kind;
	key.group = c->kind == USAGE_RATED ? c->group : 0;
	if (s->dh != NULL)
		for (i = d_hash(&key) & s->dhmask; (k = s->dh[i]) >= 0;
		    i = (i + 1) & s->dhmask)
			if (s->d[k].month == key.month &&
			    s->d[k].occupier == key.occupier &&
			    s->d[k].kind == key.kind &&
			    s->d[k].group == key.group) {
				x = &s->d[k];
				break;
			}
	if (x == NULL) {
		if (s->nd == s->dcap) {
			size_t ncap = s->dcap ? s->dcap * 2 : 1024;

			s->d = arena_realloc(s->sa, s->d, s->dcap *
			    sizeof(*s->d), ncap * sizeof(*s->d));
			s->dcap = ncap;
			s->dh = arena_alloc(s->sa, ncap * 2 * sizeof(*s->dh));
			memset(s->dh, 0xff, ncap * 2 * sizeof(*s->dh));
			s->dhmask = (uint32_t)(ncap * 2 - 1);
			for (j = 0; j < s->nd; j++)
				d_index(s, j);
		}
		x = &s->d[s->nd];
		*x = key;
		d_index(s, s->nd++);
	}
	x->calls++;
	x->seconds += c->duration;
	x->billed += c->billed;
	x->included += c->included;
	x->amount += c->amount;
	if (c->carrier_cost > 0)
		x->carrier += c->carrier_cost;
}

static struct usite_month *
month_meta(struct usage_site *s, int month)
{
	size_t	 i;

	for (i = 0; i < s->nmonths; i++)
		if (s->months[i].month == month)
			return &s->months[i];
	return NULL;
}

static int
vm_month_cmp(const void *pa, const void *pb)
{
	const struct su_vm	*a = pa, *b = pb;

	return a->month < b->month ? -1 : a->month > b->month;
}

/* Write the run's rows of the months it knows, in the caller's
 * transaction. */
static int
finish_txn(struct arena *a, struct usage_site *s)
{
	int64_t		 imports;
	size_t		 i, j, k;

	if (store_usage_lock(a, s->op, s->site, &imports, 0) <= 0)
		return -1;
	if (imports != s->imports)
		return 0;	/* someone imported since this run's last file */
	qsort(s->d, s->nd, sizeof(*s->d), vm_month_cmp);
	for (k = 0; k < s->nmonths; k++) {
		struct usite_month *m = &s->months[k];

		if (m->base == USITE_BASE_UNKNOWN)
			continue;
		/* This month's rows of the run (maybe none: all imported
		 * before), sorted by month. */
		for (i = 0; i < s->nd && s->d[i].month < m->month; i++)
			continue;
		for (j = i; j < s->nd && s->d[j].month == m->month; j++)
			continue;
		/* An empty month may have been built by a reader meanwhile
		 * (from this run's first files): start it afresh. */
		if ((m->base == USITE_BASE_EMPTY &&
		    store_usage_vm_clear(a, s->op, s->site, m->month) < 0) ||
		    store_usage_vm_put(a, s->op, s->site, s->d + i, j - i,
		    m->base == USITE_BASE_CURRENT) < 0 ||
		    store_usage_month_put(s->op, s->site, m->month, imports) < 0)
			return -1;
	}
	return 1;
}

static int
finish_run(struct txn *t, void *s)
{
	return finish_txn(t->a, s);
}

int
usage_site_finish(struct arena *a, struct usage_site *s)
{
	struct txn	 t;
	size_t		 i;
	int		 rc;

	if (s->imports < 0 || s->nmonths == 0)
		return 1;
	if (db_in_txn())
		rc = finish_txn(a, s);
	else {
		/* Summaries only: no audit event, no user. */
		memset(&t, 0, sizeof(t));
		t.a = a;
		t.operator_id = s->op;
		rc = db_txn(&t, finish_run, s);
	}
	/* Written (or left to be built when read): from here on these
	 * months are current only if written. */
	for (i = 0; i < s->nmonths; i++)
		s->months[i].base = rc > 0 && s->months[i].base !=
		    USITE_BASE_UNKNOWN ? USITE_BASE_CURRENT : USITE_BASE_UNKNOWN;
	s->nd = 0;
	if (s->dh != NULL)
		memset(s->dh, 0xff, ((size_t)s->dhmask + 1) * sizeof(*s->dh));
	return rc < 0 ? -1 : 1;
}

static void
st_index(struct usage_site *s, size_t k)
{
	uint32_t	 i = st_hash(s->st[k].occupier, s->st[k].month) &
	    s->sthmask;

	while (s->sth[i] >= 0)
		i = (i + 1) & s->sthmask;
	s->sth[i] = (int32_t)k;
}

/* The state of an occupier-month, created empty when there is none. */
static struct usite_state *
st_get(struct usage_site *s, int64_t occ, int month)
{
	struct usite_state	*x;
	uint32_t		 i;
	int32_t			 k;
	size_t			 j;

	if (s->sth != NULL)
		for (i = st_hash(occ, month) & s->sthmask; (k = s->sth[i]) >= 0;
		    i = (i + 1) & s->sthmask)
			if (s->st[k].occupier == occ && s->st[k].month == month)
				return &s->st[k];
	if (s->nst == s->stcap) {
		size_t ncap = s->stcap ? s->stcap * 2 : 1024;

		s->st = arena_realloc(s->sa, s->st, s->stcap * sizeof(*s->st),
		    ncap * sizeof(*s->st));
		s->stcap = ncap;
		s->sth = arena_alloc(s->sa, ncap * 2 * sizeof(*s->sth));
		memset(s->sth, 0xff, ncap * 2 * sizeof(*s->sth));
		s->sthmask = (uint32_t)(ncap * 2 - 1);
		for (j = 0; j < s->nst; j++)
			st_index(s, j);
	}
	x = &s->st[s->nst];
	memset(x, 0, sizeof(*x));
	x->occupier = occ;
	x->month = month;
	st_index(s, s->nst++);
	return x;
}

/* What the stored calls of month took and when the latest started, once
 * per month (later files of a run carry it on in memory). */
static int
month_load(struct arena *a, struct usage_site *s, int month)
{
	struct su_vm	*v;
	size_t		 n, i;
	int64_t		 from, to;

	if (month_meta(s, month) != NULL)
		return 1;
	usage_month_bounds(month / 100, month % 100, &from, &to);
	if (store_usage_state(a, s->op, s->site, month, from, to, &v, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct usite_state *x = st_get(s, v[i].occupier, month);

		if (v[i].last_started > x->last)
			x->last = v[i].last_started;
		if (v[i].kind == USAGE_RATED && v[i].included > 0 &&
		    x->nused < USITE_GROUPS) {
			x->used[x->nused].month = month;
			x->used[x->nused].group = v[i].group;
			x->used[x->nused].used = v[i].included;
			x->nused++;
		}
	}
	if (s->nmonths == s->mcap) {
		size_t ncap = s->mcap ? s->mcap * 2 : 8;

		s->months = arena_realloc(s->sa, s->months, s->mcap *
		    sizeof(*s->months), ncap * sizeof(*s->months));
		s->mcap = ncap;
	}
	s->months[s->nmonths].month = month;
	s->months[s->nmonths].base = USITE_BASE_UNKNOWN;
	if (n == 0)
		s->months[s->nmonths].base = USITE_BASE_EMPTY;
	else {
		int64_t built;

		if (store_usage_month_get(a, s->op, s->site, month, &built) < 0)
			return -1;
		if (built == s->cur)
			s->months[s->nmonths].base = USITE_BASE_CURRENT;
	}
	s->nmonths++;
	return 1;
}

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
 * Rate calls g[0..n) (one occupier, one month, in call order) against
 * the state x, which they carry on: allowances taken and charges set on
 * the calls, x->used and x->last updated.
 */
static int
fold(struct arena *a, const struct usage_site *s, struct su_call *g, size_t n,
    struct usite_state *x)
{
	struct usage_item	*it;
	size_t			 i;

	it = items_of(a, s, g, n);
	if (usage_rate_calls(it, n, x->used, &x->nused, USITE_GROUPS) < 0) {
		log_warnx("usage: allowance arithmetic failed (occupier %lld, "
		    "month %d)", (long long)x->occupier, x->month);
		return -1;
	}
	for (i = 0; i < n; i++) {
		g[i].included = it[i].included;
		g[i].amount = it[i].amount;
		if (g[i].started > x->last)
			x->last = g[i].started;
	}
	return 1;
}

static int
vm_key_cmp(const void *pa, const void *pb)
{
	const struct su_vm	*a = pa, *b = pb;

	if (a->occupier != b->occupier)
		return a->occupier < b->occupier ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	return a->group < b->group ? -1 : a->group > b->group;
}

/*
 * Write the whole summary of month from its calls c[0..n) (all of the
 * site's, as stored): it is current from here on, so the run's own rows
 * of that month are dropped (they are in it).
 */
static int
month_summary(struct arena *a, struct usage_site *s, int month,
    const struct su_call *c, size_t n)
{
	struct usite_month	*mm;
	struct su_vm		*v;
	size_t			 i, m = 0, k;

	v = arena_alloc(a, (n + 1) * sizeof(*v));
	for (i = 0; i < n; i++) {
		memset(&v[i], 0, sizeof(v[i]));
		v[i].month = month;
		v[i].occupier = c[i].occupier;
		v[i].kind = c[i].kind;
		v[i].group = c[i].kind == USAGE_RATED ? c[i].group : 0;
		v[i].calls = 1;
		v[i].seconds = c[i].duration;
		v[i].billed = c[i].billed;
		v[i].included = c[i].included;
		v[i].amount = c[i].amount;
		v[i].carrier = c[i].carrier_cost > 0 ? c[i].carrier_cost : 0;
	}
	qsort(v, n, sizeof(*v), vm_key_cmp);
	for (i = 0; i < n; i++) {
		if (m > 0 && vm_key_cmp(&v[m - 1], &v[i]) == 0) {
			v[m - 1].calls++;
			v[m - 1].seconds += v[i].seconds;
			v[m - 1].billed += v[i].billed;
			v[m - 1].included += v[i].included;
			v[m - 1].amount += v[i].amount;
			v[m - 1].carrier += v[i].carrier;
		} else
			v[m++] = v[i];
	}
	if (store_usage_vm_clear(a, s->op, s->site, month) < 0 ||
	    store_usage_vm_put(a, s->op, s->site, v, m, 0) < 0)
		return -1;
	for (i = 0, k = 0; i < s->nd; i++)
		if (s->d[i].month != month)
			s->d[k++] = s->d[i];
	s->nd = k;
	if (s->dh != NULL) {
		memset(s->dh, 0xff, ((size_t)s->dhmask + 1) * sizeof(*s->dh));
		for (i = 0; i < s->nd; i++)
			d_index(s, i);
	}
	if ((mm = month_meta(s, month)) != NULL)
		mm->base = USITE_BASE_CURRENT;
	return 1;
}

/*
 * Rate a month of the site again from what is stored, every occupier's
 * calls in call order (an import brought calls older than some already
 * rated): the changed calls are written back, the state and the month's
 * summary rebuilt. Reads the whole month of the site once; rare (files
 * imported out of order), so its cost does not matter to the nightly
 * imports.
 */
static int
rerate_month(struct arena *a, struct usage_site *s, int month)
{
	struct su_call		*c, *g, *changed;
	struct ref		*refs;
	int64_t			 from, to;
	size_t			 n, i, j, x, nch = 0;

	usage_month_bounds(month / 100, month % 100, &from, &to);
	if (store_usage_calls(a, s->op, s->site, -1, month, from, to, &c,
	    &n) < 0)
		return -1;
	refs = arena_alloc(a, (n + 1) * sizeof(*refs));
	for (i = 0; i < n; i++) {
		refs[i].occupier = c[i].occupier;
		refs[i].month = month;
		refs[i].i = i;
	}
	qsort(refs, n, sizeof(*refs), ref_cmp);
	g = arena_alloc(a, (n + 1) * sizeof(*g));
	changed = arena_alloc(a, (n + 1) * sizeof(*changed));
	for (i = 0; i < n; i = j) {
		struct usite_state *st = st_get(s, refs[i].occupier, month);

		for (j = i; j < n && refs[j].occupier == refs[i].occupier; j++)
			g[j - i] = c[refs[j].i];
		st->nused = 0;
		st->last = 0;
		if (fold(a, s, g, j - i, st) < 0)
			return -1;
		for (x = 0; x < j - i; x++) {
			struct su_call *old = &c[refs[i + x].i];

			if (old->included != g[x].included ||
			    old->amount != g[x].amount) {
				changed[nch++] = g[x];
				old->included = g[x].included;
				old->amount = g[x].amount;
			}
		}
	}
	if (store_usage_calls_rerate(a, s->op, s->site, changed, nch) < 0)
		return -1;
	return month_summary(a, s, month, c, n);
}

/* -1, 0, 1: a file's call against a stored one, in call order. */
static int
cdr_vs_stored(const struct usage_cdr *a, const struct su_call *b)
{
	int	 c;

	if (a->start != b->started)
		return a->start < b->started ? -1 : 1;
	if ((c = usage_digits_cmp(a->calling, b->calling)) != 0)
		return c;
	if ((c = usage_digits_cmp(a->called, b->called)) != 0)
		return c;
	return a->dir - b->dir;
}

static int
stored_cmp(const void *pa, const void *pb)
{
	const struct su_call	*a = pa, *b = pb;
	int			 c;

	if (a->started != b->started)
		return a->started < b->started ? -1 : 1;
	if ((c = usage_digits_cmp(a->calling, b->calling)) != 0)
		return c;
	if ((c = usage_digits_cmp(a->called, b->called)) != 0)
		return c;
	return a->dir - b->dir;
}

static int
import_calls(struct arena *a, struct usage_site *s, const char *file_name,
    const char *data, size_t len, int64_t user, const char *via,
    struct usage_result *res)
{
	struct usage_cdr	*cdr;
	struct su_call		*ex, *calls, *g;
	struct ref		*refs;
	struct su_import	 im;
	struct daycache		 dc;
	int			 rerate[16];
	int64_t			 imports;
	size_t			 n, m, nex, i, j, k, nre = 0;
	long			 got;

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
	/* At most as many months as rerate[] holds (sorted: months rise). */
	for (i = 1, j = 1; i < m; i++)
		if (usage_month_of(cdr[i].start) != usage_month_of(cdr[i - 1].start))
			j++;
	if (j > sizeof(rerate) / sizeof(rerate[0])) {
		snprintf(res->msg, sizeof(res->msg), "The file spans %zu months; "
		    "split it into files of at most %zu months.", j,
		    sizeof(rerate) / sizeof(rerate[0]));
		return -2;
	}
	if (store_usage_lock(a, s->op, s->site, &imports, 0) <= 0)
		return -1;
	if (imports != s->imports)
		usage_site_forget(s);	/* someone else imported meanwhile */
	s->imports = -1;		/* until this import is done */
	s->cur = imports;
	/* What is stored already of the file's time span. */
	if (store_usage_existing(a, s->op, s->site, cdr[0].start,
	    cdr[m - 1].start, &ex, &nex) < 0)
		return -1;
	qsort(ex, nex, sizeof(*ex), stored_cmp);
	calls = arena_alloc(a, (m + 1) * sizeof(*calls));
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
	/* Counted when it changes calls (a file imported again does not
	 * make the summaries stale). */
	if (k > 0) {
		if (store_usage_bump(s->op, s->site) < 0)
			return -1;
		imports++;
	}

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
	if (k == 0) {
		s->imports = imports;
		return 1;
	}

	/* Allowances in call order, per occupier and month, carrying on
	 * from what the month has stored. */
	refs = arena_alloc(a, (k + 1) * sizeof(*refs));
	for (i = 0; i < k; i++) {
		refs[i].occupier = calls[i].occupier;
		refs[i].month = calls[i].month;
		refs[i].i = i;
	}
	qsort(refs, k, sizeof(*refs), ref_cmp);
	g = arena_alloc(a, (k + 1) * sizeof(*g));
	for (i = 0; i < k; i = j) {
		struct usite_state	*st;
		struct usite_month	*mm;
		size_t			 ng, x, r;

		for (j = i; j < k && refs[j].occupier == refs[i].occupier &&
		    refs[j].month == refs[i].month; j++)
			continue;
		ng = j - i;
		if (month_load(a, s, refs[i].month) < 0)
			return -1;
		st = st_get(s, refs[i].occupier, refs[i].month);
		for (x = 0; x < ng; x++)
			g[x] = calls[refs[i + x].i];
		if (st->last > 0 && g[0].started <= st->last) {
			/* Older than what is rated: the month again,
			 * once the calls are in. */
			for (r = 0; r < nre && rerate[r] != refs[i].month; r++)
				continue;
			if (r == nre)
				rerate[nre++] = refs[i].month;
		}
		if (fold(a, s, g, ng, st) < 0)
			return -1;
		mm = month_meta(s, refs[i].month);
		for (x = 0; x < ng; x++) {
			calls[refs[i + x].i].included = g[x].included;
			calls[refs[i + x].i].amount = g[x].amount;
			if (mm->base != USITE_BASE_UNKNOWN)
				d_add(s, &g[x]);
		}
	}
	if (store_usage_calls_add(a, s->op, s->site, res->import_id, calls,
	    k) < 0)
		return -1;
	for (i = 0; i < nre; i++)
		if (rerate_month(a, s, rerate[i]) < 0)
			return -1;
	res->rerated = (long)nre;
	s->imports = imports;
	return 1;
}

int
usage_import_calls(struct arena *a, struct usage_site *s,
    const char *file_name, const char *data, size_t len, int64_t user,
    const char *via, struct usage_result *res)
{
	int	 rc;

	memset(res, 0, sizeof(*res));
	if ((rc = import_calls(a, s, file_name, data, len, user, via,
	    res)) < 0 && rc != -2)
		usage_site_forget(s);
	return rc;
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
	int64_t			 added, imports;
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
	/* Serialised with the site's other imports, but not counted: the
	 * count stands for the calls (the summaries record it). */
	if (store_usage_lock(a, op, site, &imports, 0) <= 0)
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
