/*
 * store_usage: the SQL of usage billing. See store_usage.h.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/usage.h"
#include "db.h"
#include "store_usage.h"
#include "txn.h"

/* Rows per array-bound execution: large enough that a round trip is
 * nothing per row, small enough for the server's packet size. */
#define BULK_ROWS	2048

int
store_usage_site(struct arena *a, int64_t op, int64_t site, const char **name)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_USAGE_SITE, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*name = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_usage_site_operator(struct arena *a, int64_t site, int64_t *op,
    const char **name)
{
	struct dbp	 p[] = { DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_USAGE_SITE_OPERATOR, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	*op = dbrow_int(&res.rows[0], 0);
	*name = dbrow_str(&res.rows[0], 1);
	return 1;
}

int
store_usage_numbers(struct arena *a, int64_t op, int64_t site,
    struct su_number **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_NUMBERS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].number = dbrow_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_holdings(struct arena *a, int64_t op, int64_t site,
    struct su_holding **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_HOLDINGS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].number_id = dbrow_int(&res.rows[i], 0);
		(*out)[i].occupier = dbrow_int(&res.rows[i], 1);
		(*out)[i].from = dbrow_int(&res.rows[i], 2);
		(*out)[i].until = dbrow_int(&res.rows[i], 3);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_services(struct arena *a, int64_t op, int64_t site, int64_t occ,
    struct su_service **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(occ) };
	struct dbres	 res;
	struct su_service *s;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_SERVICES, p, NPARAMS(p), &res) < 0)
		return -1;
	s = arena_calloc(a, res.nrows + 1, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		const char *cat = dbrow_str(&res.rows[i], 1);

		s[i].occupier = dbrow_int(&res.rows[i], 0);
		s[i].cat = strcmp(cat, "Tariff") == 0 ? SU_TARIFF :
		    strcmp(cat, "Voice") == 0 ? SU_VOICE : SU_BANDWIDTH;
		s[i].p.service = dbrow_int(&res.rows[i], 2);
		s[i].p.qty = dbrow_int(&res.rows[i], 3);
		s[i].p.from = dbrow_day(&res.rows[i], 4);
		s[i].p.to = dbrow_day(&res.rows[i], 5);
		s[i].name = dbrow_str(&res.rows[i], 6);
	}
	*out = s;
	*n = res.nrows;
	return 1;
}

int
store_usage_rates(struct arena *a, int64_t op, struct su_rate **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	struct su_rate	*r;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_RATES, p, NPARAMS(p), &res) < 0)
		return -1;
	r = arena_calloc(a, res.nrows + 1, sizeof(*r));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *w = &res.rows[i];

		r[i].service = dbrow_int(w, 0);
		r[i].r.prefix = dbrow_str(w, 1);
		r[i].r.group = dbrow_int(w, 2);
		r[i].r.per_minute = dbrow_int(w, 3);
		r[i].r.setup = dbrow_int(w, 4);
		r[i].r.minimum = dbrow_int(w, 5);
		r[i].r.first = (int32_t)dbrow_int(w, 6);
		r[i].r.step = (int32_t)dbrow_int(w, 7);
	}
	*out = r;
	*n = res.nrows;
	return 1;
}

int
store_usage_allowances(struct arena *a, int64_t op, struct su_allowance **out,
    size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_ALLOWANCES, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].service = dbrow_int(&res.rows[i], 0);
		(*out)[i].group = dbrow_int(&res.rows[i], 1);
		(*out)[i].minutes = dbrow_int(&res.rows[i], 2);
		(*out)[i].per_line = dbrow_int(&res.rows[i], 3) != 0;
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_groups(struct arena *a, int64_t op, struct su_group **out,
    size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_GROUPS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].code = dbrow_str(&res.rows[i], 1);
		(*out)[i].name = dbrow_str(&res.rows[i], 2);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_tiers(struct arena *a, int64_t op, struct su_tier **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_TIERS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].service = dbrow_int(&res.rows[i], 0);
		(*out)[i].name = dbrow_str(&res.rows[i], 1);
		(*out)[i].mbps = dbrow_int(&res.rows[i], 2);
		(*out)[i].per_mbps = dbrow_int(&res.rows[i], 3);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_occupier(struct arena *a, int64_t op, int64_t occ, int64_t site,
    const char **name, int *has_contract)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(op), DBP_I(occ) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_USAGE_OCCUPIER, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*name = dbrow_str(&res.rows[0], 0);
	*has_contract = dbrow_int(&res.rows[0], 1) != 0;
	return 1;
}

int
store_usage_lock(struct arena *a, int64_t op, int64_t site, int64_t *imports,
    int bump)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbp	 q[] = { DBP_I(site), DBP_I(op) };
	struct dbres	 res;
	int		 rc;

	if (db_exec(STMT_USAGE_SITE_ROW, p, NPARAMS(p), NULL) < 0 ||
	    (rc = db_query(a, STMT_USAGE_LOCK, q, NPARAMS(q), &res)) < 0)
		return -1;
	if (rc == 0)
		return 0;
	*imports = dbrow_int(&res.rows[0], 0);
	if (!bump)
		return 1;
	return db_exec(STMT_USAGE_BUMP, q, NPARAMS(q), NULL) < 0 ? -1 : 1;
}

int
store_usage_bump(int64_t op, int64_t site)
{
	struct dbp	 q[] = { DBP_I(site), DBP_I(op) };

	return db_exec(STMT_USAGE_BUMP, q, NPARAMS(q), NULL) < 0 ? -1 : 1;
}

int
store_usage_import_add(int64_t op, int64_t site, const struct su_import *im,
    int64_t *id)
{
	struct dbp	 p[12];
	uint64_t	 iid = 0;

	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = DBP_S(im->kind);
	p[3] = DBP_S(im->file_name);
	p[4] = DBP_I(im->records);
	p[5] = DBP_I(im->added);
	p[6] = DBP_I(im->duplicates);
	p[7] = DBP_I(im->unattributed);
	p[8] = im->occupier_id > 0 ? DBP_I(im->occupier_id) : DBP_NUL;
	p[9] = DBP_S(im->interface);
	p[10] = im->user_id > 0 ? DBP_I(im->user_id) : DBP_NUL;
	p[11] = DBP_S(im->via);
	if (db_exec(STMT_USAGE_IMPORT_ADD, p, NPARAMS(p), &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

int
store_usage_import_counts(int64_t op, int64_t id, int64_t added,
    int64_t duplicates)
{
	struct dbp	 p[] = { DBP_I(added), DBP_I(duplicates), DBP_I(id),
	    DBP_I(op) };

	return db_exec(STMT_USAGE_IMPORT_COUNTS, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

static void
import_row(const struct dbrow *w, struct su_import *im)
{
	memset(im, 0, sizeof(*im));
	im->id = dbrow_int(w, 0);
	im->kind = dbrow_str(w, 1);
	im->file_name = dbrow_str(w, 2);
	im->records = dbrow_int(w, 3);
	im->added = dbrow_int(w, 4);
	im->duplicates = dbrow_int(w, 5);
	im->unattributed = dbrow_int(w, 6);
	im->occupier_id = dbrow_int(w, 7);
	im->occupier_name = dbrow_str(w, 8);
	im->interface = dbrow_str(w, 9);
	im->user_id = dbrow_int(w, 10);
	im->user_name = dbrow_str(w, 11);
	im->via = dbrow_str(w, 12);
	im->at = dbrow_int(w, 13);
}

int
store_usage_imports(struct arena *a, int64_t op, int64_t site, size_t n,
    struct su_import **out, size_t *nout)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(n) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*nout = 0;
	if (db_query(a, STMT_USAGE_IMPORTS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		import_row(&res.rows[i], &(*out)[i]);
	*nout = res.nrows;
	return 1;
}

int
store_usage_import_get(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct su_import *im)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_USAGE_IMPORT_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	import_row(&res.rows[0], im);
	return 1;
}

int
store_usage_existing(struct arena *a, int64_t op, int64_t site, int64_t from,
    int64_t to, struct su_call **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(op), DBP_I(from), DBP_I(to) };
	struct dbres	 res;
	struct su_call	*c;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_EXISTING, p, NPARAMS(p), &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows + 1, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		c[i].started = dbrow_int(&res.rows[i], 0);
		c[i].calling = dbrow_str(&res.rows[i], 1);
		c[i].called = dbrow_str(&res.rows[i], 2);
		c[i].dir = dbrow_int(&res.rows[i], 3) != 0 ? USAGE_IN : USAGE_OUT;
	}
	*out = c;
	*n = res.nrows;
	return 1;
}

/* Normalised digits (at most 15, no leading 0) as the number they are. */
static int64_t
digits_num(const char *s)
{
	int64_t	 v = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

/* Column arrays of up to BULK_ROWS rows, allocated once per call. */
#define CALL_COLS	18

int
store_usage_calls_add(struct arena *a, int64_t op, int64_t site,
    int64_t import_id, const struct su_call *c, size_t n)
{
	/* No operator column: the caller's transaction checked the site is
	 * op's (store_usage_lock). */
	(void)op;
	struct dbcol	 col[CALL_COLS];
	int64_t		*iv;
	char		*nv;
	size_t		 done, k, i, m;

	if (n == 0)
		return 1;
	iv = arena_alloc(a, (size_t)CALL_COLS * BULK_ROWS * sizeof(*iv));
	nv = arena_alloc(a, (size_t)4 * BULK_ROWS);
	memset(col, 0, sizeof(col));
	for (k = 0; k < CALL_COLS; k++) {
		col[k].t = DBP_INT;
		col[k].i = iv + k * BULK_ROWS;
	}
	col[6].null = nv;			/* carrier_cost */
	col[7].null = nv + BULK_ROWS;		/* occupier_id */
	col[9].null = nv + 2 * BULK_ROWS;	/* service_id */
	col[10].null = nv + 3 * BULK_ROWS;	/* group_id */
	for (done = 0; done < n; done += m) {
		m = n - done < BULK_ROWS ? n - done : BULK_ROWS;
		for (i = 0; i < m; i++) {
			const struct su_call *x = &c[done + i];
			int64_t row[CALL_COLS] = { site, x->started,
			    digits_num(x->calling), digits_num(x->called),
			    x->dir == USAGE_IN, x->duration,
			    x->carrier_cost, x->occupier, x->kind,
			    x->service, x->group, x->billed, x->per_minute,
			    x->setup, x->minimum, x->included, x->amount,
			    import_id };

			for (k = 0; k < CALL_COLS; k++)
				iv[k * BULK_ROWS + i] = row[k];
			nv[i] = x->carrier_cost < 0;
			nv[BULK_ROWS + i] = x->occupier <= 0;
			nv[2 * BULK_ROWS + i] = x->service <= 0;
			nv[3 * BULK_ROWS + i] = x->group <= 0;
		}
		if (db_exec_bulk(STMT_USAGE_CALL_ADD, col, CALL_COLS, m) < 0)
			return -1;
	}
	return 1;
}

#define RERATE_COLS	8

int
store_usage_calls_rerate(struct arena *a, int64_t op, int64_t site,
    const struct su_call *c, size_t n)
{
	struct dbcol	 col[RERATE_COLS];
	int64_t		*iv;
	size_t		 done, k, i, m;

	if (n == 0)
		return 1;
	iv = arena_alloc(a, (size_t)RERATE_COLS * BULK_ROWS * sizeof(*iv));
	memset(col, 0, sizeof(col));
	for (k = 0; k < RERATE_COLS; k++) {
		col[k].t = DBP_INT;
		col[k].i = iv + k * BULK_ROWS;
	}
	for (done = 0; done < n; done += m) {
		m = n - done < BULK_ROWS ? n - done : BULK_ROWS;
		for (i = 0; i < m; i++) {
			const struct su_call *x = &c[done + i];
			int64_t row[RERATE_COLS] = { x->included, x->amount,
			    site, x->started, digits_num(x->calling),
			    digits_num(x->called), x->dir == USAGE_IN, op };

			for (k = 0; k < RERATE_COLS; k++)
				iv[k * BULK_ROWS + i] = row[k];
		}
		if (db_exec_bulk(STMT_USAGE_CALL_RERATE, col, RERATE_COLS,
		    m) < 0)
			return -1;
	}
	return 1;
}

int
store_usage_calls(struct arena *a, int64_t op, int64_t site, int64_t occ,
    int month, int64_t from, int64_t to, struct su_call **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(op), DBP_I(from), DBP_I(to),
	    DBP_I(occ) };
	struct dbres	 res;
	struct su_call	*c;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (occ > 0)
		rc = db_query(a, STMT_USAGE_CALLS_OF, p, 5, &res);
	else
		rc = db_query(a, occ == 0 ? STMT_USAGE_CALLS_NOBODY :
		    STMT_USAGE_CALLS_MONTH, p, 4, &res);
	if (rc < 0)
		return -1;
	c = arena_calloc(a, res.nrows + 1, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *w = &res.rows[i];

		c[i].started = dbrow_int(w, 0);
		c[i].calling = dbrow_str(w, 1);
		c[i].called = dbrow_str(w, 2);
		c[i].dir = dbrow_int(w, 3) != 0 ? USAGE_IN : USAGE_OUT;
		c[i].duration = dbrow_int(w, 4);
		c[i].carrier_cost = dbrow_int(w, 5);
		c[i].month = month;
		c[i].occupier = dbrow_int(w, 6);
		c[i].kind = (int)dbrow_int(w, 7);
		c[i].service = dbrow_int(w, 8);
		c[i].group = dbrow_int(w, 9);
		c[i].billed = dbrow_int(w, 10);
		c[i].per_minute = dbrow_int(w, 11);
		c[i].setup = dbrow_int(w, 12);
		c[i].minimum = dbrow_int(w, 13);
		c[i].included = dbrow_int(w, 14);
		c[i].amount = dbrow_int(w, 15);
	}
	*out = c;
	*n = res.nrows;
	return 1;
}

int
store_usage_state(struct arena *a, int64_t op, int64_t site, int month,
    int64_t from, int64_t to, struct su_vm **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(op), DBP_I(from), DBP_I(to) };
	struct dbres	 res;
	struct su_vm	*v;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_STATE, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows + 1, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *w = &res.rows[i];

		v[i].month = month;
		v[i].occupier = dbrow_int(w, 0);
		v[i].kind = (int)dbrow_int(w, 1);
		v[i].group = dbrow_int(w, 2);
		v[i].included = dbrow_int(w, 3);
		v[i].last_started = dbrow_int(w, 4);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

/* Inside a transaction: build the month again unless someone just did. */
static int
month_build(struct arena *a, int64_t op, int64_t site, int month,
    int64_t from, int64_t to)
{
	struct dbp	 row[] = { DBP_I(op), DBP_I(site), DBP_I(month) };
	struct dbp	 lk[] = { DBP_I(site), DBP_I(month), DBP_I(op) };
	struct dbp	 sh[] = { DBP_I(site), DBP_I(op) };
	struct dbp	 bd[] = { DBP_I(month), DBP_I(site), DBP_I(op),
	    DBP_I(from), DBP_I(to) };
	struct dbres	 res;
	int64_t		 have, now;

	if (db_exec(STMT_USAGE_MONTH_ROW, row, NPARAMS(row), NULL) < 0 ||
	    db_query(a, STMT_USAGE_MONTH_LOCK, lk, NPARAMS(lk), &res) <= 0)
		return -1;
	have = dbrow_int(&res.rows[0], 0);
	/* A running import of the site finishes first: the summary then
	 * holds everything up to the count it records. */
	if (db_query(a, STMT_USAGE_SITE_SHARE, sh, NPARAMS(sh), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	now = dbrow_int(&res.rows[0], 0);
	if (have == now)
		return 1;
	{
		struct dbp set[] = { DBP_I(now), DBP_I(site), DBP_I(month),
		    DBP_I(op) };

		if (store_usage_vm_clear(a, op, site, month) < 0 ||
		    db_exec(STMT_USAGE_VM_BUILD, bd, NPARAMS(bd), NULL) < 0 ||
		    db_exec(STMT_USAGE_MONTH_SET, set, NPARAMS(set), NULL) < 0)
			return -1;
	}
	return 1;
}

struct month {
	int64_t		 site, from, to;
	int		 month;
};

static int
month_build_txn(struct txn *t, void *arg)
{
	struct month	*m = arg;

	return month_build(t->a, t->operator_id, m->site, m->month, m->from,
	    m->to);
}

int
store_usage_month_fresh(struct arena *a, int64_t op, int64_t site, int month,
    int64_t from, int64_t to)
{
	struct dbp	 p[] = { DBP_I(month), DBP_I(site), DBP_I(op) };
	struct dbres	 res;
	struct month	 m = { site, from, to, month };
	struct txn	 t;

	if (db_query(a, STMT_USAGE_MONTH_FRESH, p, NPARAMS(p), &res) < 0)
		return -1;
	/* No import ever, or built at the current count: nothing to do. */
	if (res.nrows == 0 ||
	    dbrow_int(&res.rows[0], 0) == dbrow_int(&res.rows[0], 1))
		return 1;
	if (db_in_txn())
		return month_build(a, op, site, month, from, to);
	/* A summary, no business change: no audit event, no user. */
	memset(&t, 0, sizeof(t));
	t.a = a;
	t.operator_id = op;
	return db_txn(&t, month_build_txn, &m) > 0 ? 1 : -1;
}

int
store_usage_month_get(struct arena *a, int64_t op, int64_t site, int month,
    int64_t *imports)
{
	struct dbp	 p[] = { DBP_I(site), DBP_I(month), DBP_I(op) };
	struct dbres	 res;
	int		 rc;

	*imports = 0;
	if ((rc = db_query(a, STMT_USAGE_MONTH_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*imports = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_usage_month_put(int64_t op, int64_t site, int month, int64_t imports)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(month),
	    DBP_I(imports) };

	return db_exec(STMT_USAGE_MONTH_PUT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_usage_vm_clear(struct arena *a, int64_t op, int64_t site, int month)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(month) };
	struct dbres	 res;

	/* A DELETE that finds nothing still locks the gap it looked in,
	 * which makes imports of other sites writing their summaries at the
	 * same time deadlock: look first. */
	if (db_query(a, STMT_USAGE_VM_ANY, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0 || dbrow_int(&res.rows[0], 0) == 0)
		return 1;
	return db_exec(STMT_USAGE_VM_CLEAR, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

#define VM_COLS	12

int
store_usage_vm_put(struct arena *a, int64_t op, int64_t site,
    const struct su_vm *v, size_t n, int add)
{
	struct dbcol	 col[VM_COLS];
	int64_t		*iv;
	size_t		 done, i, k, m;

	if (n == 0)
		return 1;
	iv = arena_alloc(a, (size_t)VM_COLS * BULK_ROWS * sizeof(*iv));
	memset(col, 0, sizeof(col));
	for (k = 0; k < VM_COLS; k++) {
		col[k].t = DBP_INT;
		col[k].i = iv + k * BULK_ROWS;
	}
	for (done = 0; done < n; done += m) {
		m = n - done < BULK_ROWS ? n - done : BULK_ROWS;
		for (i = 0; i < m; i++) {
			const struct su_vm *x = &v[done + i];
			int64_t row[VM_COLS] = { op, site, x->month, x->occupier,
			    x->kind, x->group, x->calls, x->seconds, x->billed,
			    x->included, x->amount, x->carrier };

			for (k = 0; k < VM_COLS; k++)
				iv[k * BULK_ROWS + i] = row[k];
		}
		if (db_exec_bulk(add ? STMT_USAGE_VM_ADD : STMT_USAGE_VM_PUT,
		    col, VM_COLS, m) < 0)
			return -1;
	}
	return 1;
}

int
store_usage_vm(struct arena *a, int64_t op, int64_t site, int month,
    int64_t occ, int all, struct su_vm **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(month),
	    DBP_I(all ? 1 : 0), DBP_I(occ) };
	struct dbres	 res;
	struct su_vm	*v;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_VM, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows + 1, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *w = &res.rows[i];

		v[i].month = month;
		v[i].occupier = dbrow_int(w, 0);
		v[i].kind = (int)dbrow_int(w, 1);
		v[i].group = dbrow_int(w, 2);
		v[i].calls = dbrow_int(w, 3);
		v[i].seconds = dbrow_int(w, 4);
		v[i].billed = dbrow_int(w, 5);
		v[i].included = dbrow_int(w, 6);
		v[i].amount = dbrow_int(w, 7);
		v[i].carrier = dbrow_int(w, 8);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

#define TR_COLS	9

int64_t
store_usage_traffic_add(struct arena *a, int64_t op, int64_t site,
    int64_t occ, const char *interface, int64_t import_id,
    const struct usage_sample *s, size_t n)
{
	struct dbcol	 col[TR_COLS];
	int64_t		*iv, added = 0, r;
	const char	**sv;
	unsigned long	*lv;
	size_t		 done, i, k, m;

	if (n == 0)
		return 0;
	iv = arena_alloc(a, (size_t)TR_COLS * BULK_ROWS * sizeof(*iv));
	sv = arena_alloc(a, BULK_ROWS * sizeof(*sv));
	lv = arena_alloc(a, BULK_ROWS * sizeof(*lv));
	memset(col, 0, sizeof(col));
	for (k = 0; k < TR_COLS; k++) {
		col[k].t = DBP_INT;
		col[k].i = iv + k * BULK_ROWS;
	}
	col[3] = (struct dbcol){ DBP_STR, NULL, sv, lv, NULL };
	for (done = 0; done < n && added >= 0; done += m) {
		m = n - done < BULK_ROWS ? n - done : BULK_ROWS;
		for (i = 0; i < m; i++) {
			const struct usage_sample *x = &s[done + i];
			int64_t row[TR_COLS] = { op, site, occ, 0, x->slot,
			    usage_month_of(x->slot), x->bytes_in, x->bytes_out,
			    import_id };

			for (k = 0; k < TR_COLS; k++)
				iv[k * BULK_ROWS + i] = row[k];
			sv[i] = interface;
			lv[i] = (unsigned long)strlen(interface);
		}
		if ((r = db_exec_bulk(STMT_USAGE_TRAFFIC_ADD, col, TR_COLS,
		    m)) < 0)
			added = -1;
		else
			added += r;
	}
	return added;
}

int
store_usage_traffic(struct arena *a, int64_t op, int64_t site, int64_t occ,
    int month, int64_t **in, int64_t **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(month) };
	struct dbres	 res;
	size_t		 i;

	*in = *out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_TRAFFIC, p, NPARAMS(p), &res) < 0)
		return -1;
	*in = arena_calloc(a, res.nrows + 1, sizeof(**in));
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*in)[i] = dbrow_int(&res.rows[i], 1);
		(*out)[i] = dbrow_int(&res.rows[i], 2);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_bw_set(int64_t op, int64_t site, int month, const struct su_bw *b)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(month),
	    DBP_I(b->occupier), DBP_I(b->samples), DBP_I(b->p95_in),
	    DBP_I(b->p95_out) };

	return db_exec(STMT_USAGE_BW_SET, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_usage_bw(struct arena *a, int64_t op, int64_t site, int month,
    int64_t occ, struct su_bw **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(month), DBP_I(occ),
	    DBP_I(occ) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_BW, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].occupier = dbrow_int(&res.rows[i], 0);
		(*out)[i].samples = dbrow_int(&res.rows[i], 1);
		(*out)[i].p95_in = dbrow_int(&res.rows[i], 2);
		(*out)[i].p95_out = dbrow_int(&res.rows[i], 3);
	}
	*n = res.nrows;
	return 1;
}

static int
counts(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    struct su_count **out, size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].occupier = dbrow_int(&res.rows[i], 0);
		(*out)[i].n = dbrow_int(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_numbers_held(struct arena *a, int64_t op, int64_t site,
    int64_t occ, int64_t from, int64_t to, struct su_count **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(occ),
	    DBP_I(to), DBP_I(from) };

	return counts(a, STMT_USAGE_NUMBERS_HELD, p, NPARAMS(p), out, n);
}

int
store_usage_ports_held(struct arena *a, int64_t op, int64_t site, int64_t occ,
    struct su_count **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ), DBP_I(occ) };

	return counts(a, STMT_USAGE_PORTS_HELD, p, NPARAMS(p), out, n);
}

int
store_usage_report_occupiers(struct arena *a, int64_t op, int64_t site,
    int month, struct su_occupier **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(op), DBP_I(site),
	    DBP_I(month), DBP_I(op), DBP_I(site), DBP_I(month) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_USAGE_REPORT_OCCUPIERS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].name = dbrow_str(&res.rows[i], 1);
		(*out)[i].billing_ref = dbrow_str(&res.rows[i], 2);
	}
	*n = res.nrows;
	return 1;
}

int
store_usage_card(struct arena *a, int64_t op, struct su_card *k)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 g, r, l, t;
	size_t		 i;

	memset(k, 0, sizeof(*k));
	if (db_query(a, STMT_USAGE_CARD_GROUPS, p, 1, &g) < 0 ||
	    db_query(a, STMT_USAGE_CARD_RATES, p, 1, &r) < 0 ||
	    db_query(a, STMT_USAGE_CARD_ALLOWANCES, p, 1, &l) < 0 ||
	    db_query(a, STMT_USAGE_CARD_TIERS, p, 1, &t) < 0)
		return -1;
	k->g = arena_calloc(a, g.nrows + 1, sizeof(*k->g));
	for (i = 0; i < g.nrows; i++) {
		k->g[i].code = dbrow_str(&g.rows[i], 0);
		k->g[i].name = dbrow_str(&g.rows[i], 1);
	}
	k->r = arena_calloc(a, r.nrows + 1, sizeof(*k->r));
	k->rname = arena_calloc(a, r.nrows + 1, sizeof(*k->rname));
	for (i = 0; i < r.nrows; i++) {
		k->r[i].tariff = dbrow_str(&r.rows[i], 0);
		k->r[i].prefix = dbrow_str(&r.rows[i], 1);
		k->r[i].group = dbrow_str(&r.rows[i], 2);
		k->r[i].per_minute = dbrow_int(&r.rows[i], 3);
		k->r[i].setup = dbrow_int(&r.rows[i], 4);
		k->r[i].minimum = dbrow_int(&r.rows[i], 5);
		k->r[i].first = (int32_t)dbrow_int(&r.rows[i], 6);
		k->r[i].step = (int32_t)dbrow_int(&r.rows[i], 7);
		k->rname[i][0] = dbrow_str(&r.rows[i], 8);
		k->rname[i][1] = dbrow_str(&r.rows[i], 9);
	}
	k->l = arena_calloc(a, l.nrows + 1, sizeof(*k->l));
	k->lname = arena_calloc(a, l.nrows + 1, sizeof(*k->lname));
	for (i = 0; i < l.nrows; i++) {
		k->l[i].tariff = dbrow_str(&l.rows[i], 0);
		k->l[i].group = dbrow_str(&l.rows[i], 1);
		k->l[i].minutes = dbrow_int(&l.rows[i], 2);
		k->l[i].per_line = (int)dbrow_int(&l.rows[i], 3);
		k->lname[i][0] = dbrow_str(&l.rows[i], 4);
		k->lname[i][1] = dbrow_str(&l.rows[i], 5);
	}
	k->t = arena_calloc(a, t.nrows + 1, sizeof(*k->t));
	k->tname = arena_calloc(a, t.nrows + 1, sizeof(*k->tname));
	for (i = 0; i < t.nrows; i++) {
		k->t[i].service = dbrow_str(&t.rows[i], 0);
		k->t[i].mbps = dbrow_int(&t.rows[i], 1);
		k->t[i].per_mbps = dbrow_int(&t.rows[i], 2);
		k->tname[i] = dbrow_str(&t.rows[i], 3);
	}
	k->ng = g.nrows;
	k->nr = r.nrows;
	k->nl = l.nrows;
	k->nt = t.nrows;
	return 1;
}

int
store_usage_service_cat(struct arena *a, int64_t op, const char *code,
    int64_t *id, const char **category)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(code) };
	struct dbres	 res;
	int		 rc;

	*id = 0;
	*category = "";
	if ((rc = db_query(a, STMT_USAGE_SERVICE_CAT, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	*id = dbrow_int(&res.rows[0], 0);
	*category = dbrow_str(&res.rows[0], 1);
	return 1;
}

int
store_usage_group_id(struct arena *a, int64_t op, const char *code,
    int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(code) };
	struct dbres	 res;
	int		 rc;

	*id = 0;
	if ((rc = db_query(a, STMT_USAGE_GROUP_BY_CODE, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	*id = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_usage_group_put(struct arena *a, int64_t op, const char *code,
    const char *name, int64_t *id, int *added)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(code), DBP_S(name), DBP_I(op) };
	int64_t		 n;

	/* 1 row: added; 2: renamed; 0: the same name. */
	if ((n = db_exec(STMT_USAGE_GROUP_PUT, p, NPARAMS(p), NULL)) < 0)
		return -1;
	*added = n == 1;
	return store_usage_group_id(a, op, code, id) > 0 ? 1 : -1;
}

/* Drop the rows of service in st. 1, -1. */
static int
drop(enum stmt st, int64_t op, int64_t service)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(service) };

	return db_exec(st, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_usage_rates_drop(int64_t op, int64_t service)
{
	return drop(STMT_USAGE_RATES_DROP, op, service);
}

int
store_usage_allowances_drop(int64_t op, int64_t service)
{
	return drop(STMT_USAGE_ALLOWANCES_DROP, op, service);
}

int
store_usage_tier_drop(int64_t op, int64_t service)
{
	return drop(STMT_USAGE_TIER_DROP, op, service);
}

int
store_usage_rate_add(int64_t op, int64_t service, const struct usage_rate *r)
{
	struct dbp	 p[] = { DBP_S(r->prefix), DBP_I(r->group),
	    DBP_I(r->per_minute), DBP_I(r->setup), DBP_I(r->minimum),
	    DBP_I(r->first), DBP_I(r->step), DBP_I(op), DBP_I(service) };
	int64_t		 n;

	if ((n = db_exec(STMT_USAGE_RATE_ADD, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0;
}

int
store_usage_allowance_add(int64_t op, int64_t service, int64_t group,
    int64_t minutes, int per_line)
{
	struct dbp	 p[] = { DBP_I(group), minutes < 0 ? DBP_NUL :
	    DBP_I(minutes), DBP_I(per_line ? 1 : 0), DBP_I(op), DBP_I(service) };
	int64_t		 n;

	if ((n = db_exec(STMT_USAGE_ALLOWANCE_ADD, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0;
}

int
store_usage_tier_add(int64_t op, int64_t service, int64_t mbps,
    int64_t per_mbps)
{
	struct dbp	 p[] = { DBP_I(mbps), DBP_I(per_mbps), DBP_I(op),
	    DBP_I(service) };
	int64_t		 n;

	if ((n = db_exec(STMT_USAGE_TIER_ADD, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0;
}

int
store_usage_holding_add(int64_t op, int64_t site, int64_t number, int64_t occ,
    int64_t from, int64_t until)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(number), DBP_I(occ),
	    DBP_I(from), until == USAGE_OPEN ? DBP_NUL : DBP_I(until) };

	return db_exec(STMT_USAGE_HOLDING_ADD, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}
