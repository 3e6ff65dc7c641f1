/*
 * store_ledger: see store_ledger.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store_ledger.h"

#define LEDGER_COLS	8

void
store_ledger_begin(struct store_ledger_batch *b, int64_t op)
{
	b->operator_id = op;
	b->n = 0;
}

int
store_ledger_flush(struct store_ledger_batch *b)
{
	static const enum stmt	 by_rows[STORE_LEDGER_BATCH] = {
	    STMT_LEDGER_PUT, STMT_LEDGER_PUT2, STMT_LEDGER_PUT3,
	    STMT_LEDGER_PUT4 };
	struct dbp		 p[STORE_LEDGER_BATCH * LEDGER_COLS];
	char			 d[STORE_LEDGER_BATCH][2][DATE_STRLEN];
	size_t			 i, n = b->n;

	if (n == 0)
		return 0;
	b->n = 0;
	for (i = 0; i < n; i++) {
		const struct store_ledger_put	*e = &b->p[i];
		struct dbp			*q = p + i * LEDGER_COLS;

		q[0] = DBP_I(b->operator_id);
		q[1] = DBP_I(e->row.occsvc_id);
		q[2] = dbp_day(e->row.from, d[i][0]);
		q[3] = dbp_day(e->row.to, d[i][1]);
		q[4] = DBP_I(e->occupier_id);
		q[5] = DBP_I(e->site_id);
		q[6] = DBP_I(e->row.price);
		q[7] = DBP_I(e->row.qty);
	}
	return db_exec(by_rows[n - 1], p, n * LEDGER_COLS, NULL) < 0 ? -1 : 1;
}

int
store_ledger_queue(struct store_ledger_batch *b, int64_t occ, int64_t site,
    const struct ledger_row *row)
{
	if (b->n == STORE_LEDGER_BATCH && store_ledger_flush(b) < 0)
		return -1;
	b->p[b->n].occupier_id = occ;
	b->p[b->n].site_id = site;
	b->p[b->n].row = *row;
	b->n++;
	return 1;
}

/* An id with its name and its place in the screens' order. */
struct ranked {
	int64_t		 id;
	const char	*name;
	int64_t		 rank;
};

static int
ranked_by_id(const void *a, const void *b)
{
	const struct ranked	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Rows id, name[, sort] of st, ranked by their order in the result (or by
 * the sort column), sorted by id for ranked_find. */
static int
ranked_read(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    int by_sort_col, struct ranked **out, size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*n = 0;
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].name = dbrow_str(&res.rows[i], 1);
		(*out)[i].rank = by_sort_col ? dbrow_int(&res.rows[i], 2) :
		    (int64_t)i;
	}
	*n = res.nrows;
	qsort(*out, *n, sizeof(**out), ranked_by_id);
	return 1;
}

static const struct ranked *
ranked_find(const struct ranked *r, size_t n, int64_t id)
{
	struct ranked	 key;

	key.id = id;
	return bsearch(&key, r, n, sizeof(*r), ranked_by_id);
}

/* The order of the charge screens: occupier name, site name, catalog
 * order, then the service's id (the ranks are in the keys). */
struct svc_key {
	int64_t			 occ, site, svc;
	struct store_ledger_svc	 v;
};

static int
svc_key_cmp(const void *a, const void *b)
{
	const struct svc_key	*x = *(const struct svc_key *const *)a;
	const struct svc_key	*y = *(const struct svc_key *const *)b;

	if (x->occ != y->occ)
		return (x->occ > y->occ) - (x->occ < y->occ);
	if (x->site != y->site)
		return (x->site > y->site) - (x->site < y->site);
	if (x->svc != y->svc)
		return (x->svc > y->svc) - (x->svc < y->svc);
	return (x->v.id > y->v.id) - (x->v.id < y->v.id);
}

/*
 * Rows of a month, fetched one at a time (db_query_each) into arrays that
 * grow with realloc, so that the arena keeps only their final size (a bill
 * run may read many months or occupiers in one arena); freed by
 * month_read_free.
 */
struct month_read {
	struct ledger_row	*rows;
	size_t			 nrows, caprows;
	struct svc_key		*keys;
	size_t			 nkeys, capkeys;
};

/* p grown to hold n more than *cap elements of size sz; -1 out of memory. */
static int
grow(void **p, size_t *cap, size_t sz)
{
	size_t	 n = *cap ? *cap * 2 : 256;
	void	*q;

	if (n > SIZE_MAX / sz || (q = realloc(*p, n * sz)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static void
month_read_free(struct month_read *m)
{
	free(m->rows);
	free(m->keys);
}

static int
month_row(void *ctx, const struct dbrow *x)
{
	struct month_read	*m = ctx;
	struct ledger_row	*r;

	if (m->nrows == m->caprows && grow((void **)&m->rows, &m->caprows,
	    sizeof(*m->rows)) == -1)
		return -1;
	r = &m->rows[m->nrows++];
	r->occsvc_id = dbrow_int(x, 0);
	r->from = dbrow_day(x, 1);
	r->to = dbrow_day(x, 2);
	r->price = dbrow_int(x, 3);
	r->qty = dbrow_int(x, 4);
	return 0;
}

static int
month_svc(void *ctx, const struct dbrow *x)
{
	struct month_read	*m = ctx;
	struct svc_key		*e;

	if (m->nkeys == m->capkeys && grow((void **)&m->keys, &m->capkeys,
	    sizeof(*m->keys)) == -1)
		return -1;
	e = &m->keys[m->nkeys++];
	memset(e, 0, sizeof(*e));
	e->v.id = dbrow_int(x, 0);
	e->v.occ_id = dbrow_int(x, 1);
	e->v.site_id = dbrow_int(x, 2);
	e->v.service_id = dbrow_int(x, 3);
	e->v.activated = dbrow_day(x, 4);
	e->v.ended = dbrow_day(x, 5);
	return 0;
}

/* The statements and parameters of a month_scope read. */
struct scope {
	char		 f[DATE_STRLEN], l[DATE_STRLEN];
	struct dbp	 p[9], po[7];
	size_t		 np, npo;
	enum stmt	 srows, ssvcs, socc;
};

/* The parameters of a window of occupiers by (name, id), both ends in. */
static size_t
window_params(struct dbp *p, const struct store_name_window *w)
{
	p[0] = DBP_S(w->first_name);
	p[1] = DBP_S(w->first_name);
	p[2] = DBP_I(w->first_id);
	p[3] = DBP_S(w->last_name);
	p[4] = DBP_S(w->last_name);
	p[5] = DBP_I(w->last_id);
	return 6;
}

static void
scope_of(struct scope *sc, int64_t op, int64_t occ, int64_t site, int64_t lo,
    int64_t hi, const struct store_name_window *w, int32_t first,
    int32_t last)
{
	sc->np = 0;
	sc->npo = 1;
	date_format(first, sc->f, sizeof(sc->f));
	date_format(last, sc->l, sizeof(sc->l));
	sc->p[sc->np++] = DBP_I(op);
	sc->po[0] = DBP_I(op);
	if (occ > 0) {
		sc->p[sc->np++] = DBP_I(occ);
		sc->p[sc->np++] = DBP_I(site);
		sc->po[sc->npo++] = DBP_I(occ);
		sc->srows = STMT_LEDGER_MONTH_ROWS_OCC;
		sc->ssvcs = STMT_LEDGER_MONTH_SVCS_OCC;
		sc->socc = STMT_LEDGER_OCCUPIER;
	} else if (lo > 0) {
		sc->p[sc->np++] = DBP_I(lo);
		sc->p[sc->np++] = DBP_I(hi);
		sc->po[sc->npo++] = DBP_I(lo);
		sc->po[sc->npo++] = DBP_I(hi);
		sc->srows = STMT_LEDGER_MONTH_ROWS_RANGE;
		sc->ssvcs = STMT_LEDGER_MONTH_SVCS_RANGE;
		sc->socc = STMT_LEDGER_OCCUPIER_RANGE;
	} else if (w != NULL) {
		sc->np += window_params(sc->p + sc->np, w);
		sc->npo += window_params(sc->po + sc->npo, w);
		sc->srows = STMT_LEDGER_MONTH_ROWS_WINDOW;
		sc->ssvcs = STMT_LEDGER_MONTH_SVCS_WINDOW;
		sc->socc = STMT_LEDGER_OCCUPIER_WINDOW;
	} else {
		sc->srows = STMT_LEDGER_MONTH_ROWS;
		sc->ssvcs = STMT_LEDGER_MONTH_SVCS;
		sc->socc = STMT_LEDGER_OCCUPIERS;
	}
	sc->p[sc->np++] = DBP_S(sc->l);
	sc->p[sc->np++] = DBP_S(sc->f);
}

/* The names and ranks a month's services are shown and sorted by. */
struct names {
	struct ranked	*occs, *sites, *svcs;
	size_t		 nocc, nsite, nsvc;
};

/*
 * Give each service key its run of rows (both by service id) and its
 * names and ranks; keep those in force in the month (at site when site >
 * 0 and not one occupier's). Returns how many were kept, at the front.
 */
static size_t
join_keys(struct arena *a, struct month_read *m, const struct names *nm,
    int one, int range, int64_t site)
{
	struct ledger_row	*rows;
	const struct ranked	*o, *t, *v;
	size_t			 i, r, k = 0;

	rows = arena_alloc(a, m->nrows * sizeof(*rows));
	memcpy(rows, m->rows, m->nrows * sizeof(*rows));
	for (i = r = 0; i < m->nkeys; i++) {
		struct svc_key	*e = &m->keys[i];
		size_t		 r0;

		while (r < m->nrows && rows[r].occsvc_id < e->v.id)
			r++;
		for (r0 = r; r < m->nrows && rows[r].occsvc_id == e->v.id; r++)
			continue;
		if (r == r0 || (!one && site > 0 && e->v.site_id != site))
			continue;	/* nothing in force that month */
		if ((o = ranked_find(nm->occs, nm->nocc, e->v.occ_id)) == NULL ||
		    (t = ranked_find(nm->sites, nm->nsite, e->v.site_id)) ==
		    NULL || (v = ranked_find(nm->svcs, nm->nsvc,
		    e->v.service_id)) == NULL)
			continue;	/* not the operator's (never happens) */
		e->v.rows = rows + r0;
		e->v.nrows = r - r0;
		e->v.occ_name = o->name;
		e->v.site_name = t->name;
		e->v.service_name = v->name;
		e->occ = range ? e->v.occ_id : o->rank;
		e->site = t->rank;
		e->svc = v->rank;
		if (k != i)
			m->keys[k] = *e;
		k++;
	}
	return k;
}

/*
 * The month's services of op in one of three scopes: occupier occ at site
 * (occ > 0), the occupiers with ids in [lo, hi] at every site (lo > 0), or
 * every occupier (site picked in C when site > 0).
 */
static int
month_scope(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t lo, int64_t hi, const struct store_name_window *w, int32_t first,
    int32_t last, struct store_ledger_svc **out, size_t *n)
{
	struct scope		 sc;
	struct names		 nm;
	size_t			 i, k;
	struct month_read	 m;
	struct svc_key		**order;
	int			 one = occ > 0, range = !one && lo > 0, rc = -1;

	*out = NULL;
	*n = 0;
	memset(&m, 0, sizeof(m));
	scope_of(&sc, op, occ, site, lo, hi, w, first, last);
	/* The two large reads go row by row into compact structs. */
	if (db_query_each(sc.srows, sc.p, sc.np, month_row, &m) < 0 ||
	    db_query_each(sc.ssvcs, sc.p, sc.np, month_svc, &m) < 0)
		goto out;
	rc = 1;
	if (m.nrows == 0 || m.nkeys == 0)
		goto out;
	rc = -1;
	if (ranked_read(a, sc.socc, sc.po, sc.npo, 0, &nm.occs,
	    &nm.nocc) < 0 ||
	    ranked_read(a, STMT_LEDGER_SITES, sc.po, 1, 0, &nm.sites,
	    &nm.nsite) < 0 ||
	    ranked_read(a, STMT_LEDGER_SERVICES, sc.po, 1, 1, &nm.svcs,
	    &nm.nsvc) < 0)
		goto out;
	k = join_keys(a, &m, &nm, one, range, site);
	/* Sorted by pointer: the keys are large to move. */
	if ((order = malloc((k + 1) * sizeof(*order))) == NULL)
		goto out;
	for (i = 0; i < k; i++)
		order[i] = &m.keys[i];
	qsort(order, k, sizeof(*order), svc_key_cmp);
	*out = arena_calloc(a, k + 1, sizeof(**out));
	for (i = 0; i < k; i++)
		(*out)[i] = order[i]->v;
	free(order);
	*n = k;
	rc = 1;
out:
	month_read_free(&m);
	return rc;
}

int
store_ledger_month(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int32_t first, int32_t last, struct store_ledger_svc **out, size_t *n)
{
	return month_scope(a, op, occ, site, 0, 0, NULL, first, last, out, n);
}

int
store_ledger_month_range(struct arena *a, int64_t op, int64_t site,
    int64_t lo, int64_t hi, int32_t first, int32_t last,
    struct store_ledger_svc **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (lo <= 0 || hi < lo)
		return 1;
	return month_scope(a, op, 0, site, lo, hi, NULL, first, last, out, n);
}

int
store_ledger_month_window(struct arena *a, int64_t op,
    const struct store_name_window *w, int32_t first, int32_t last,
    struct store_ledger_svc **out, size_t *n)
{
	return month_scope(a, op, 0, 0, 0, 0, w, first, last, out, n);
}

/* ---- the month as one stream ---- */

/* A ledger row of the stream with its service and their places in the
 * screens' order. */
struct stream_row {
	int64_t			 site_rank, svc_rank;
	int64_t			 site_id, service_id;
	int32_t			 activated, ended;
	const char		*site_name, *service_name;
	struct ledger_row	 r;
};

static int
stream_row_cmp(const void *a, const void *b)
{
	const struct stream_row	*x = a, *y = b;

	if (x->site_rank != y->site_rank)
		return (x->site_rank > y->site_rank) -
		    (x->site_rank < y->site_rank);
	if (x->svc_rank != y->svc_rank)
		return (x->svc_rank > y->svc_rank) - (x->svc_rank < y->svc_rank);
	if (x->r.occsvc_id != y->r.occsvc_id)
		return (x->r.occsvc_id > y->r.occsvc_id) -
		    (x->r.occsvc_id < y->r.occsvc_id);
	return (x->r.from > y->r.from) - (x->r.from < y->r.from);
}

/* The occupier being gathered from the stream (arrays grown with
 * realloc to the largest occupier's size, freed by stream_free). */
struct month_stream {
	struct names		 nm;
	int64_t			 occ_id;
	char			*occ_name;
	size_t			 namecap;
	struct stream_row	*v;
	size_t			 n, cap;
	struct ledger_row	*rows;
	size_t			 caprows;
	int			(*fn)(void *, const struct store_ledger_svc *);
	void			*ctx;
};

static void
stream_free(struct month_stream *m)
{
	free(m->occ_name);
	free(m->v);
	free(m->rows);
}

/* Hand the gathered occupier's services to fn, in order. 0, -1. */
static int
stream_flush(struct month_stream *m)
{
	struct store_ledger_svc	 sv;
	size_t			 i, j;

	if (m->n == 0)
		return 0;
	qsort(m->v, m->n, sizeof(*m->v), stream_row_cmp);
	while (m->caprows < m->n)
		if (grow((void **)&m->rows, &m->caprows,
		    sizeof(*m->rows)) == -1)
			return -1;
	for (i = 0; i < m->n; i++)
		m->rows[i] = m->v[i].r;
	for (i = 0; i < m->n; i = j) {
		for (j = i + 1; j < m->n &&
		    m->v[j].r.occsvc_id == m->v[i].r.occsvc_id; j++)
			continue;
		memset(&sv, 0, sizeof(sv));
		sv.id = m->v[i].r.occsvc_id;
		sv.occ_id = m->occ_id;
		sv.occ_name = m->occ_name;
		sv.site_id = m->v[i].site_id;
		sv.site_name = m->v[i].site_name;
		sv.service_id = m->v[i].service_id;
		sv.service_name = m->v[i].service_name;
		sv.activated = m->v[i].activated;
		sv.ended = m->v[i].ended;
		sv.rows = m->rows + i;
		sv.nrows = j - i;
		if (m->fn(m->ctx, &sv) == -1)
			return -1;
	}
	m->n = 0;
	return 0;
}

/* A row of the stream: a new occupier hands the last one's on first. */
static int
stream_add(struct month_stream *m, const struct dbrow *x)
{
	const struct ranked	*t, *v;
	struct stream_row	*e;
	int64_t			 occ = dbrow_int(x, 1);

	if (occ != m->occ_id || m->occ_name == NULL) {
		const char	*name = dbrow_str(x, 2);
		size_t		 len = strlen(name);
		char		*q;

		if (stream_flush(m) == -1)
			return -1;
		if (len + 1 > m->namecap) {
			if ((q = realloc(m->occ_name, len + 1)) == NULL)
				return -1;
			m->occ_name = q;
			m->namecap = len + 1;
		}
		memcpy(m->occ_name, name, len + 1);
		m->occ_id = occ;
	}
	if ((t = ranked_find(m->nm.sites, m->nm.nsite, dbrow_int(x, 3))) ==
	    NULL || (v = ranked_find(m->nm.svcs, m->nm.nsvc,
	    dbrow_int(x, 4))) == NULL)
		return 0;	/* not the operator's (never happens) */
	if (m->n == m->cap && grow((void **)&m->v, &m->cap,
	    sizeof(*m->v)) == -1)
		return -1;
	e = &m->v[m->n++];
	e->site_rank = t->rank;
	e->svc_rank = v->rank;
	e->site_id = t->id;
	e->site_name = t->name;
	e->service_id = v->id;
	e->service_name = v->name;
	e->activated = dbrow_day(x, 5);
	e->ended = dbrow_day(x, 6);
	e->r.occsvc_id = dbrow_int(x, 0);
	e->r.from = dbrow_day(x, 7);
	e->r.to = dbrow_day(x, 8);
	e->r.price = dbrow_int(x, 9);
	e->r.qty = dbrow_int(x, 10);
	return 0;
}

int
store_ledger_month_each(struct arena *a, int64_t op, int32_t first,
    int32_t last, int (*fn)(void *, const struct store_ledger_svc *),
    void *ctx)
{
	struct month_stream	 m;
	const struct dbrow	*x;
	char			 f[DATE_STRLEN], l[DATE_STRLEN];
	struct dbp		 p[5];
	int			 rc;

	memset(&m, 0, sizeof(m));
	m.fn = fn;
	m.ctx = ctx;
	p[0] = DBP_I(op);
	if (ranked_read(a, STMT_LEDGER_SITES, p, 1, 0, &m.nm.sites,
	    &m.nm.nsite) < 0 || ranked_read(a, STMT_LEDGER_SERVICES, p, 1, 1,
	    &m.nm.svcs, &m.nm.nsvc) < 0)
		return -1;
	date_format(first, f, sizeof(f));
	date_format(last, l, sizeof(l));
	p[1] = DBP_S(l);
	p[2] = DBP_S(f);
	p[3] = DBP_S(l);
	p[4] = DBP_S(f);
	if (db_stream_open(STMT_LEDGER_MONTH_STREAM, p, 5) < 0)
		return -1;
	while ((rc = db_stream_next(&x)) == 1)
		if (stream_add(&m, x) == -1) {
			rc = -2;
			break;
		}
	if (rc == 0 && stream_flush(&m) == -1)
		rc = -2;
	db_stream_close();
	stream_free(&m);
	return rc == 0 ? 1 : rc;
}

int
store_ledger_operators(struct arena *a, int64_t **ids, const char ***names,
    size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*n = 0;
	if (db_query(a, STMT_LEDGER_OPERATORS, NULL, 0, &res) < 0)
		return -1;
	*ids = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**ids));
	*names = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**names));
	for (i = 0; i < res.nrows; i++) {
		(*ids)[i] = dbrow_int(&res.rows[i], 0);
		(*names)[i] = dbrow_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_ledger_check_read(struct arena *a, int64_t op,
    struct store_ledger_check_svc **svc, size_t *nsvc,
    struct ledger_row **rows, size_t *nrows)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*nsvc = *nrows = 0;
	if (db_query(a, STMT_LEDGER_CHECK_SERVICES, p, 1, &res) < 0)
		return -1;
	*svc = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**svc));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		(*svc)[i].id = dbrow_int(r, 0);
		(*svc)[i].activated = dbrow_day(r, 1);
		(*svc)[i].ended = dbrow_day(r, 2);
		(*svc)[i].price = dbrow_int(r, 3);
		(*svc)[i].qty = dbrow_int(r, 4);
	}
	*nsvc = res.nrows;
	if (db_query(a, STMT_LEDGER_CHECK_ROWS, p, 1, &res) < 0)
		return -1;
	*rows = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**rows));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		(*rows)[i].occsvc_id = dbrow_int(r, 0);
		(*rows)[i].from = dbrow_day(r, 1);
		(*rows)[i].to = dbrow_day(r, 2);
		(*rows)[i].price = dbrow_int(r, 3);
		(*rows)[i].qty = dbrow_int(r, 4);
	}
	*nrows = res.nrows;
	return 1;
}
