/*
 * store_service: catalog, rules, occupier services, plan versions and
 * history. See store.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysqld_error.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store.h"

/* The catalog as the database has it now, allocated from a. */
static int
catalog_read(struct arena *a, int64_t op, int64_t site,
    struct store_catalog *c)
{
	struct dbp	 p1[] = { DBP_I(site), DBP_I(site), DBP_I(op) };
	struct dbp	 p2[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i, k;

	memset(c, 0, sizeof(*c));
	if (db_query(a, STMT_CATALOG_SERVICES, p1, NPARAMS(p1), &res) < 0)
		return -1;
	c->svc = arena_calloc(a, res.nrows, sizeof(*c->svc));
	c->nsvc = res.nrows;
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct store_service	*s = &c->svc[i];

		s->id = dbrow_int(r, 0);
		s->code = dbrow_str(r, 1);
		s->name = dbrow_str(r, 2);
		s->category = dbrow_str(r, 3);
		s->description = dbrow_str(r, 4);
		s->cost = dbrow_int(r, 5);
		s->rrp = dbrow_int(r, 6);
		s->needs_case = (int)dbrow_int(r, 7);
		s->needs_device = (int)dbrow_int(r, 8);
		for (k = 0; k < STORE_INFRA; k++)
			s->ent[k] = dbrow_int(r, 9 + k);
		s->available = (int)dbrow_int(r, 14);
		s->site_ids = dbrow_str(r, 15);
		s->retired = (int)dbrow_int(r, 16);
		s->rrp_base = s->rrp;
		if (!dbrow_isnull(r, 17))
			s->rrp = dbrow_int(r, 17);
	}
	if (db_query(a, STMT_CATALOG_RULES, p2, NPARAMS(p2), &res) < 0)
		return -1;
	c->rules = arena_calloc(a, res.nrows, sizeof(*c->rules));
	c->nrules = res.nrows;
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct store_rule	*u = &c->rules[i];

		u->id = dbrow_int(r, 0);
		u->kind = dbrow_str(r, 1);
		u->service_id = dbrow_int(r, 2);
		u->other_id = dbrow_int(r, 3);
		u->other_category = dbrow_str(r, 4);
		u->qty_le = (int)dbrow_int(r, 5);
		u->max_qty = dbrow_int(r, 6);
	}
	return 1;
}

/* A deep copy of from, allocated from a. */
static void
catalog_copy(struct arena *a, const struct store_catalog *from,
    struct store_catalog *to)
{
	size_t	 i;

	to->nsvc = from->nsvc;
	to->svc = arena_calloc(a, from->nsvc, sizeof(*to->svc));
	for (i = 0; i < from->nsvc; i++) {
		struct store_service	*s = &to->svc[i];

		*s = from->svc[i];
		s->code = arena_strdup(a, s->code);
		s->name = arena_strdup(a, s->name);
		s->category = arena_strdup(a, s->category);
		s->description = arena_strdup(a, s->description);
		s->site_ids = arena_strdup(a, s->site_ids);
	}
	to->nrules = from->nrules;
	to->rules = arena_calloc(a, from->nrules, sizeof(*to->rules));
	for (i = 0; i < from->nrules; i++) {
		to->rules[i] = from->rules[i];
		to->rules[i].kind = arena_strdup(a, to->rules[i].kind);
		to->rules[i].other_category = arena_strdup(a,
		    to->rules[i].other_category);
	}
}

/*
 * Per-worker catalog cache. Every catalog change bumps the operator's
 * catalog_version row in its own transaction, so a catalog read for the
 * same (operator, site, version) is the same catalog: a load reads the
 * version (one primary-key row, in the caller's transaction if any) and
 * copies the cached catalog into the request arena; only a version it
 * has not seen reads the services and rules. Each entry owns an arena of
 * its own, which lives as long as the worker and is reused when the
 * entry is replaced (oldest first). An operator without a version row is
 * never cached.
 */
#define CATALOG_CACHE	8

static struct catalog_entry {
	int64_t			 op, site, version;	/* op 0: empty */
	struct arena		*a;
	struct store_catalog	 c;
} catalog_cache[CATALOG_CACHE];
static size_t	catalog_next;

/* The catalog at a known version (have_version 0: no version row). */
static int
catalog_at(struct arena *a, int64_t op, int64_t site, int have_version,
    int64_t version, struct store_catalog *c)
{
	struct catalog_entry	*e;
	size_t			 i;

	if (!have_version)
		return catalog_read(a, op, site, c);
	for (i = 0; i < CATALOG_CACHE; i++) {
		e = &catalog_cache[i];
		if (e->op == op && e->site == site && e->version == version) {
			catalog_copy(a, &e->c, c);
			return 1;
		}
	}
	if (catalog_read(a, op, site, c) < 0)
		return -1;
	e = &catalog_cache[catalog_next];
	catalog_next = (catalog_next + 1) % CATALOG_CACHE;
	if (e->a == NULL)
		e->a = arena_new(16384);
	else
		arena_reset(e->a);
	catalog_copy(e->a, c, &e->c);
	e->op = op;
	e->site = site;
	e->version = version;
	return 1;
}

int
store_catalog_load(struct arena *a, int64_t op, int64_t site,
    struct store_catalog *c)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_CATALOG_VERSION, p, NPARAMS(p), &res)) < 0)
		return -1;
	return catalog_at(a, op, site, rc > 0, rc > 0 ?
	    dbrow_int(&res.rows[0], 0) : 0, c);
}

int
store_catalog_bump(int64_t op)
{
	struct dbp	 p[] = { DBP_I(op) };

	return db_exec(STMT_CATALOG_BUMP, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_service_update(int64_t op, int64_t id,
    const struct store_service_def *d)
{
	struct dbp	 p[] = { DBP_S(d->code), DBP_S(d->name),
	    DBP_S(d->category), DBP_S(d->description), DBP_I(d->cost),
	    DBP_I(d->rrp), DBP_I(d->ent[0]), DBP_I(d->ent[1]),
	    DBP_I(d->ent[2]), DBP_I(d->ent[3]), DBP_I(d->ent[4]), DBP_I(op),
	    DBP_I(id) };

	if (db_exec(STMT_SERVICE_UPDATE, p, NPARAMS(p), NULL) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	return 1;
}

int64_t
store_service_insert(int64_t op, const struct store_service_def *d)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(d->code), DBP_S(d->name),
	    DBP_S(d->category), DBP_S(d->description), DBP_I(d->cost),
	    DBP_I(d->rrp), DBP_I(d->needs_case), DBP_I(d->needs_device),
	    DBP_I(d->ent[0]), DBP_I(d->ent[1]), DBP_I(d->ent[2]),
	    DBP_I(d->ent[3]), DBP_I(d->ent[4]), DBP_I(op) };
	uint64_t	 id = 0;

	if (db_exec(STMT_SERVICE_INSERT, p, NPARAMS(p), &id) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	return id > 0 ? (int64_t)id : -1;
}

int
store_service_retire(int64_t op, int64_t id, int retired)
{
	struct dbp	 p[] = { DBP_I(retired), DBP_I(op), DBP_I(id),
	    DBP_I(retired) };
	int64_t		 n;

	if ((n = db_exec(STMT_SERVICE_RETIRE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0;
}

int
store_service_site_rrps(struct arena *a, int64_t op, int64_t service,
    struct store_site_rrp **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(service), DBP_I(service) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_SERVICE_SITE_RRPS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].service_id = dbrow_int(&res.rows[i], 0);
		(*out)[i].site_id = dbrow_int(&res.rows[i], 1);
		(*out)[i].rrp = dbrow_int(&res.rows[i], 2);
	}
	*n = res.nrows;
	return 1;
}

int
store_service_sites_set(int64_t op, int64_t id, const int64_t *sites,
    const int64_t *rrps, size_t n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	size_t		 i;

	if (db_exec(STMT_SERVICE_SITES_CLEAR, p, NPARAMS(p), NULL) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct dbp q[] = { rrps != NULL && rrps[i] >= 0 ?
		    DBP_I(rrps[i]) : DBP_NUL, DBP_I(op), DBP_I(id),
		    DBP_I(sites[i]) };

		if (db_exec(STMT_SERVICE_SITE_ADD, q, NPARAMS(q), NULL) < 0)
			return -1;
	}
	return 1;
}

int
store_rule_impact(struct arena *a, int64_t op, int64_t service, int32_t day,
    struct store_impact_row **out, size_t *n)
{
	char			 d1[DATE_STRLEN], d2[DATE_STRLEN];
	struct dbp		 p[4];
	struct dbres		 res;
	struct store_impact_row	*o;
	size_t			 i;

	*out = NULL;
	*n = 0;
	p[0] = DBP_I(op);
	p[1] = dbp_day(day, d1);
	p[2] = DBP_I(service);
	p[3] = dbp_day(day, d2);
	if (db_query(a, STMT_RULE_IMPACT, p, 4, &res) < 0)
		return -1;
	o = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		o[i].occ = dbrow_int(&res.rows[i], 0);
		o[i].site = dbrow_int(&res.rows[i], 1);
		o[i].occ_name = dbrow_str(&res.rows[i], 2);
		o[i].site_name = dbrow_str(&res.rows[i], 3);
		o[i].service_id = dbrow_int(&res.rows[i], 4);
		o[i].qty = dbrow_int(&res.rows[i], 5);
	}
	*out = o;
	*n = res.nrows;
	return 1;
}

int
store_rule_insert(int64_t op, const char *kind, int64_t service,
    int64_t other_id, const char *other_category, int qty_le, int64_t max_qty)
{
	struct dbp	 p[9];
	int64_t		 n;

	p[0] = DBP_S(kind);
	p[1] = other_id > 0 ? DBP_I(other_id) : DBP_NUL;
	p[2] = DBP_S(other_category);
	p[3] = DBP_I(qty_le ? 1 : 0);
	p[4] = max_qty > 0 ? DBP_I(max_qty) : DBP_NUL;
	p[5] = DBP_I(op);
	p[6] = DBP_I(service);
	p[7] = other_id > 0 ? DBP_I(other_id) : DBP_NUL;
	p[8] = other_id > 0 ? DBP_I(other_id) : DBP_NUL;
	if ((n = db_exec(STMT_RULE_INSERT, p, 9, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_rule_delete(int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_RULE_DELETE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

static void
occsvc_from_row(const struct dbrow *r, size_t k, struct store_occsvc *o)
{
	o->id = dbrow_int(r, k);
	o->service_id = dbrow_int(r, k + 1);
	o->contract_id = dbrow_int(r, k + 2);
	o->price = dbrow_int(r, k + 3);
	o->qty = dbrow_int(r, k + 4);
	o->start = dbrow_day(r, k + 5);
	o->activated = dbrow_day(r, k + 6);
	o->ended = dbrow_day(r, k + 7);
	o->contract_ref = dbrow_str(r, k + 8);
	o->contract_start = dbrow_day(r, k + 9);
	o->contract_end = dbrow_day(r, k + 10);
	o->ledger_from = DATE_NONE;
}

/* The order of the Services tab: current rows first, then by id. */
static int
occsvc_order(const void *a, const void *b)
{
	const struct store_occsvc	*x = a, *y = b;
	int				 ex = x->ended != DATE_NONE;
	int				 ey = y->ended != DATE_NONE;

	if (ex != ey)
		return ex - ey;
	return (x->id > y->id) - (x->id < y->id);
}

/*
 * Per-worker page cache of plan reads (doc/page-cache.md). An entry is
 * the answer of one STMT_PLAN_READ with the three versions it read in the
 * same snapshot: occupier_site_version, catalog_version and site_names,
 * which the triggers of sql/011 and sql/096 bump in the transaction of
 * every write that changes what the answer holds. A request whose session
 * statement read the same three versions for the same operator, occupier
 * and site is served the entry: nothing it covers changed since. A
 * version that has no row (0) is never kept: a write could not bump it.
 */
#define PLAN_CACHE	32

static struct plan_entry {
	int64_t		 op, occ, site;		/* op 0: empty */
	int64_t		 v_os, v_cat, v_sites;
	struct arena	*a;
	struct dbres	 res;
} plan_cache[PLAN_CACHE];
static size_t			plan_next;
static struct store_pagever	pagever;	/* this request's; occ 0: none */
static uint64_t			plan_hits, plan_reads;

void
store_pagever_set(const struct store_pagever *pv)
{
	if (pv == NULL)
		memset(&pagever, 0, sizeof(pagever));
	else
		pagever = *pv;
}

void
store_plan_cache_stats(uint64_t *hits, uint64_t *reads)
{
	*hits = plan_hits;
	*reads = plan_reads;
}

/* The kept answer for op, occ, site at this request's versions, or NULL. */
static const struct plan_entry *
plan_cached(int64_t op, int64_t occ, int64_t site)
{
	const struct store_pagever	*v = &pagever;
	size_t				 i;

	if (v->occ == 0 || v->op != op || v->occ != occ || v->site != site ||
	    v->occupier_site == 0 || v->catalog == 0 || v->site_names == 0)
		return NULL;
	for (i = 0; i < PLAN_CACHE; i++) {
		const struct plan_entry *e = &plan_cache[i];

		if (e->op == op && e->occ == occ && e->site == site &&
		    e->v_os == v->occupier_site && e->v_cat == v->catalog &&
		    e->v_sites == v->site_names)
			return e;
	}
	return NULL;
}

/* Keep res (one read of occ at site by op, its versions in its first
 * row), replacing the entry of the same page or the oldest. */
static void
plan_keep(int64_t op, int64_t occ, int64_t site, const struct dbres *res)
{
	const struct dbrow	*first = &res->rows[0];
	struct plan_entry	*e = NULL;
	size_t			 i;

	if (dbrow_isnull(first, 0) || dbrow_int(first, 27) == 0 ||
	    dbrow_int(first, 24) == 0 || dbrow_isnull(first, 18))
		return;	/* a version without a row, or not found */
	for (i = 0; i < PLAN_CACHE && e == NULL; i++)
		if (plan_cache[i].op == op && plan_cache[i].occ == occ &&
		    plan_cache[i].site == site)
			e = &plan_cache[i];
	if (e == NULL) {
		e = &plan_cache[plan_next];
		plan_next = (plan_next + 1) % PLAN_CACHE;
	}
	if (e->a == NULL)
		e->a = arena_new(8192);
	else
		arena_reset(e->a);
	dbres_copy(e->a, res, &e->res);
	e->op = op;
	e->occ = occ;
	e->site = site;
	e->v_cat = dbrow_int(first, 0);
	e->v_sites = dbrow_int(first, 24);
	e->v_os = dbrow_int(first, 27);
}

int
store_plan_read(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_catalog *c, int64_t in_use[STORE_INFRA],
    struct store_occsvc **out, size_t *n, int64_t *version,
    struct store_plan_head *head)
{
	struct dbp		 p[] = { DBP_I(occ), DBP_I(site), DBP_I(occ),
	    DBP_I(occ), DBP_I(site), DBP_I(occ), DBP_I(site), DBP_I(occ),
	    DBP_I(site), DBP_I(site), DBP_I(op) };
	struct dbres		 res;
	struct store_occsvc	*o;
	const struct dbrow	*first;
	const struct plan_entry	*e;
	size_t			 i, k;
	int			 rc;

	*out = NULL;
	*n = 0;
	*version = 1;	/* never saved: the row starts at 1 */
	if (head != NULL)
		memset(head, 0, sizeof(*head));
	memset(in_use, 0, sizeof(int64_t) * STORE_INFRA);
	if (head != NULL && (e = plan_cached(op, occ, site)) != NULL) {
		plan_hits++;
		dbres_copy(a, &e->res, &res);
		rc = 1;
	} else {
		if ((rc = db_query(a, STMT_PLAN_READ, p, NPARAMS(p), &res)) < 0)
			return -1;
		plan_reads++;
		if (head != NULL && rc > 0)
			plan_keep(op, occ, site, &res);
	}
	if (rc == 0)	/* no such operator: nothing */
		return catalog_at(a, op, site, 0, 0, c);
	first = &res.rows[0];
	if (!dbrow_isnull(first, 17))
		*version = dbrow_int(first, 17);
	if (head != NULL && !dbrow_isnull(first, 18)) {
		head->found = 1;
		store_occupier_row(first, 18, &head->o);
		store_occupier_csites(a, first, 26, &head->o);
		head->sites_version = dbrow_int(first, 24);
	}
	for (k = 0; k < STORE_INFRA; k++)
		in_use[k] = dbrow_int(first, 1 + k);
	o = arena_calloc(a, res.nrows, sizeof(*o));
	for (i = 0; i < res.nrows; i++)
		if (!dbrow_isnull(&res.rows[i], 6))
			occsvc_from_row(&res.rows[i], 6, &o[(*n)++]);
	qsort(o, *n, sizeof(*o), occsvc_order);
	*out = o;
	if (catalog_at(a, op, site, !dbrow_isnull(first, 0),
	    dbrow_int(first, 0), c) < 0)
		return -1;
	c->currency = dbrow_str(first, 25);
	return 1;
}

int
store_plan_context(struct arena *a, int64_t op, int64_t occ, int64_t site,
    struct store_catalog *c, int64_t in_use[STORE_INFRA],
    struct store_contract **contracts, size_t *ncontracts, int64_t *ips_held)
{
	struct dbp		 p[] = { DBP_I(occ), DBP_I(site), DBP_I(occ),
	    DBP_I(site), DBP_I(occ), DBP_I(site), DBP_I(site), DBP_I(op) };
	struct dbres		 res;
	struct store_contract	*ct;
	size_t			 i, k;
	int			 rc;

	memset(in_use, 0, sizeof(int64_t) * STORE_INFRA);
	*contracts = NULL;
	*ncontracts = 0;
	*ips_held = 0;
	if ((rc = db_query(a, STMT_PLAN_CONTEXT, p, NPARAMS(p), &res)) < 0)
		return -1;
	if (rc == 0)
		return catalog_at(a, op, site, 0, 0, c);
	for (k = 0; k < STORE_INFRA; k++)
		in_use[k] = dbrow_int(&res.rows[0], 1 + k);
	*ips_held = dbrow_int(&res.rows[0], 11);
	ct = arena_calloc(a, res.nrows, sizeof(*ct));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		if (!dbrow_isnull(r, 6))
			store_contract_row(r, 6, occ, site, &ct[(*ncontracts)++]);
	}
	store_contract_sort(ct, *ncontracts);
	*contracts = ct;
	if (catalog_at(a, op, site, !dbrow_isnull(&res.rows[0], 0),
	    dbrow_int(&res.rows[0], 0), c) < 0)
		return -1;
	c->currency = dbrow_str(&res.rows[0], 12);
	return 1;
}

int
store_plan_lock(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t *version, struct store_occsvc **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres		 res;
	struct store_occsvc	*o;
	size_t			 i;
	int			 rc;

	*version = 0;
	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_PLAN_LOCK, p, NPARAMS(p), &res)) < 0)
		return -1;
	/* Create the row only when it is missing: an INSERT IGNORE on an
	 * existing row takes a shared lock, and two savers holding it while
	 * both asking FOR UPDATE deadlock. */
	if (rc == 0) {
		if (db_exec(STMT_PLAN_ENSURE, p, NPARAMS(p), NULL) < 0 ||
		    (rc = db_query(a, STMT_PLAN_LOCK, p, NPARAMS(p),
		    &res)) < 0)
			return -1;
		if (rc == 0)
			return 0;	/* no such occupier or site */
	}
	*version = dbrow_int(&res.rows[0], 0);
	o = arena_calloc(a, res.nrows, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct store_occsvc	*s;

		if (dbrow_isnull(r, 1))
			continue;
		s = &o[(*n)++];
		occsvc_from_row(r, 1, s);
		s->ledger_from = dbrow_day(r, 12);
		s->ledger_price = dbrow_int(r, 13);
		s->ledger_qty = dbrow_int(r, 14);
	}
	qsort(o, *n, sizeof(*o), occsvc_order);
	*out = o;
	return 1;
}

int
store_plan_version(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t *version)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	*version = 0;
	if ((rc = db_query(a, STMT_PLAN_VERSION_LOCK, p, NPARAMS(p), &res)) < 0)
		return -1;
	/* Create the row only when it is missing: an INSERT IGNORE on an
	 * existing row takes a shared lock, and two savers holding it while
	 * both asking FOR UPDATE deadlock. */
	if (rc == 0 && (db_exec(STMT_PLAN_ENSURE, p, NPARAMS(p), NULL) < 0 ||
	    (rc = db_query(a, STMT_PLAN_VERSION_LOCK, p, NPARAMS(p),
	    &res)) < 0))
		return -1;
	if (rc == 0)
		return 0;	/* no such occupier or site */
	*version = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_plan_bump(int64_t op, int64_t occ, int64_t site)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site) };

	return db_exec(STMT_PLAN_BUMP, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_occsvc_insert(int64_t op, int64_t occ, int64_t site,
    const struct store_occsvc *o, int64_t user, int64_t *id)
{
	char		 sd[DATE_STRLEN], ad[DATE_STRLEN];
	struct dbp	 p[11];
	uint64_t	 iid = 0;

	p[0] = DBP_I(op);
	p[1] = DBP_I(occ);
	p[2] = DBP_I(site);
	p[3] = DBP_I(o->service_id);
	p[4] = DBP_I(o->contract_id);
	p[5] = DBP_I(o->price);
	p[6] = DBP_I(o->qty);
	p[7] = dbp_day(o->start, sd);
	p[8] = dbp_day(o->activated, ad);
	p[9] = DBP_I(user);
	p[10] = DBP_I(user);
	if (db_exec(STMT_OCCSVC_INSERT, p, 11, &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

int
store_occsvc_update(int64_t op, int64_t id, int64_t price, int64_t qty,
    int64_t user)
{
	struct dbp	 p[] = { DBP_I(price), DBP_I(qty), DBP_I(user), DBP_I(op),
	    DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_OCCSVC_UPDATE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_occsvc_end(int64_t op, int64_t id, int32_t day, int64_t user)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[4];
	int64_t		 n;

	p[0] = dbp_day(day, d);
	p[1] = DBP_I(user);
	p[2] = DBP_I(op);
	p[3] = DBP_I(id);
	if ((n = db_exec(STMT_OCCSVC_END, p, 4, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_occsvc_delete(int64_t op, int64_t id, int32_t today)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[3];
	int64_t		 n;

	p[0] = DBP_I(op);
	p[1] = DBP_I(id);
	p[2] = dbp_day(today, d);

	if ((n = db_exec(STMT_OCCSVC_DELETE, p, 3, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_occsvc_activate(int64_t op, int64_t id, int32_t day)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[3];
	int64_t		 n;

	p[0] = dbp_day(day, d);
	p[1] = DBP_I(op);
	p[2] = DBP_I(id);
	if ((n = db_exec(STMT_OCCSVC_ACTIVATE, p, 3, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_occsvc_unstarted(struct arena *a, int64_t op, int64_t contract,
    int32_t today, struct store_unstarted **out, size_t *n)
{
	char			 d[DATE_STRLEN];
	struct dbp		 p[3];
	struct dbres		 res;
	struct store_unstarted	*u;
	size_t			 i;

	*out = NULL;
	*n = 0;
	p[0] = DBP_I(op);
	p[1] = DBP_I(contract);
	p[2] = dbp_day(today, d);
	if (db_query(a, STMT_OCCSVC_UNSTARTED, p, 3, &res) < 0)
		return -1;
	u = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*u));
	for (i = 0; i < res.nrows; i++) {
		u[i].id = dbrow_int(&res.rows[i], 0);
		u[i].name = dbrow_str(&res.rows[i], 1);
		u[i].start = dbrow_day(&res.rows[i], 2);
		u[i].activated = dbrow_day(&res.rows[i], 3);
	}
	*out = u;
	*n = res.nrows;
	return 1;
}

int
store_occsvc_move(int64_t op, int64_t id, int32_t start, int32_t activated)
{
	char		 s[DATE_STRLEN], a[DATE_STRLEN];
	struct dbp	 p[4];

	p[0] = dbp_day(start, s);
	p[1] = dbp_day(activated, a);
	p[2] = DBP_I(op);
	p[3] = DBP_I(id);
	return db_exec(STMT_OCCSVC_MOVE, p, 4, NULL) < 0 ? -1 : 1;
}

int
store_history(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t offset, int64_t limit, struct store_event **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ), DBP_I(site),
	    DBP_I(limit), DBP_I(offset) };
	struct dbres		 res;
	struct store_event	*e;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_HISTORY_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	e = arena_calloc(a, res.nrows, sizeof(*e));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		e[i].at = dbrow_int(r, 0);
		e[i].who = dbrow_str(r, 1);
		e[i].entity = dbrow_str(r, 2);
		e[i].entity_id = dbrow_int(r, 3);
		e[i].action = dbrow_str(r, 4);
		e[i].old_value = dbrow_str(r, 5);
		e[i].new_value = dbrow_str(r, 6);
	}
	*out = e;
	*n = res.nrows;
	return 1;
}

int
store_charge_changes(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int32_t last, struct store_charge_change **out, size_t *n)
{
	char				 l[DATE_STRLEN];
	struct dbp			 p[6];
	struct dbres			 res;
	struct store_charge_change	*c;
	size_t				 i;

	*out = NULL;
	*n = 0;
	date_format(last, l, sizeof(l));
	p[0] = DBP_I(op);
	p[1] = DBP_I(occ);
	p[2] = DBP_I(occ);
	p[3] = DBP_I(site);
	p[4] = DBP_I(site);
	p[5] = DBP_S(l);
	if (db_query(a, STMT_CHARGE_CHANGES, p, 6, &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		c[i].occsvc_id = dbrow_int(r, 0);
		c[i].day = dbrow_day(r, 1);
		c[i].old_value = dbrow_str(r, 2);
		c[i].new_value = dbrow_str(r, 3);
	}
	*out = c;
	*n = res.nrows;
	return 1;
}

