/*
 * store_report: see store_report.h.
 */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store.h"
#include "store_report.h"

int
store_report_occ_key(struct arena *a, int64_t op, int64_t id,
    struct store_occ_key *out)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_REPORT_OCCUPIER_KEY, p, 2, &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	out->id = dbrow_int(&res.rows[0], 0);
	out->name = dbrow_str(&res.rows[0], 1);
	return 1;
}

/*
 * Keep an aggregate: one INSERT ... SELECT, autocommit. It locks what it
 * reads, so a save that changes what it sums waits or deadlocks with it
 * (the save's trigger drops the kept rows the keep is writing); the keep
 * changed nothing when it lost, and is idempotent (INSERT IGNORE), so it
 * is tried again, a little later each time, rather than failing the page.
 */
#define KEEP_TRIES	8

static int
keep_exec(enum stmt id, const struct dbp *p, size_t np)
{
	unsigned	 k;

	for (k = 0;; k++) {
		if (db_exec(id, p, np, NULL) >= 0)
			return 0;
		if (!db_retryable() || k + 1 >= KEEP_TRIES)
			return -1;
		usleep((useconds_t)(2000 * (k + 1) * (1 + getpid() % 5)));
	}
}

static void
keys_of(struct arena *a, const struct dbres *res, struct store_occ_key **out,
    size_t *n)
{
	size_t	 i;

	*out = arena_calloc(a, res->nrows + 1, sizeof(**out));
	for (i = 0; i < res->nrows; i++) {
		(*out)[i].id = dbrow_int(&res->rows[i], 0);
		(*out)[i].name = dbrow_str(&res->rows[i], 1);
	}
	*n = res->nrows;
}

int
store_report_charged(struct arena *a, int64_t op, int32_t first,
    int32_t last, const struct store_occ_key *key, int before, size_t limit,
    struct store_occ_key **out, size_t *n)
{
	char		 f[DATE_STRLEN], l[DATE_STRLEN];
	const char	*name = key != NULL ? key->name : "";
	struct dbp	 p[9];
	struct dbres	 res;

	*n = 0;
	date_format(first, f, sizeof(f));
	date_format(last, l, sizeof(l));
	p[0] = DBP_I(op);
	p[1] = DBP_S(name);
	p[2] = DBP_S(name);
	/* No key: after ("", 0), every name. */
	p[3] = DBP_I(key != NULL ? key->id : 0);
	p[4] = DBP_S(l);
	p[5] = DBP_S(f);
	p[6] = DBP_S(l);
	p[7] = DBP_S(f);
	p[8] = DBP_I((int64_t)limit);
	if (db_query(a, before ? STMT_REPORT_CHARGED_BEFORE :
	    STMT_REPORT_CHARGED_AFTER, p, 9, &res) < 0)
		return -1;
	keys_of(a, &res, out, n);
	return 1;
}

int
store_report_occupiers(struct arena *a, int64_t op,
    const struct store_occ_key *key, size_t limit, struct store_occ_key **out,
    size_t *n)
{
	const char	*name = key != NULL ? key->name : "";
	struct dbp	 p[] = { DBP_I(op), DBP_S(name), DBP_S(name),
			    DBP_I(key != NULL ? key->id : 0), DBP_I((int64_t)limit) };
	struct dbres	 res;

	*n = 0;
	if (db_query(a, STMT_REPORT_OCCUPIERS_AFTER, p, 5, &res) < 0)
		return -1;
	keys_of(a, &res, out, n);
	return 1;
}

/* The kept totals of op's month (first day f): rows into *out. */
static int
totals_read(struct arena *a, int64_t op, const char *f,
    struct store_charge_total **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(f) };
	struct dbres	 res;
	size_t		 i;

	if (db_query(a, STMT_REPORT_CHARGE_TOTALS, p, 2, &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		(*out)[i].site_id = dbrow_int(r, 0);
		(*out)[i].site_name = dbrow_str(r, 1);
		(*out)[i].nlines = dbrow_int(r, 2);
		(*out)[i].noccupiers = dbrow_int(r, 3);
		(*out)[i].amount = dbrow_int(r, 4);
	}
	*n = res.nrows;
	return 1;
}

int
store_report_charge_totals(struct arena *a, int64_t op, int32_t first,
    int32_t last, struct store_charge_total **out, size_t *n)
{
	char		 f[DATE_STRLEN], nx[DATE_STRLEN];
	struct dbp	 p[8];

	*n = 0;
	date_format(first, f, sizeof(f));
	date_format(last + 1, nx, sizeof(nx));
	if (totals_read(a, op, f, out, n) < 0)
		return -1;
	if (*n > 0)
		return 1;
	p[0] = DBP_I(op);
	p[1] = DBP_S(f);
	p[2] = DBP_S(f);
	p[3] = DBP_S(nx);
	p[4] = DBP_I(last - first + 1);
	p[5] = DBP_I(op);
	if (keep_exec(STMT_REPORT_CHARGE_TOTALS_KEEP, p, 6) < 0 ||
	    totals_read(a, op, f, out, n) < 0)
		return -1;
	if (*n == 0) {
		/* Nothing charged: nothing kept, the grand total is zero. */
		(*out)[0].site_name = "";
		*n = 1;
	}
	return 1;
}

int
store_report_active_keep(struct arena *a, int64_t op, int32_t day)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[5];
	struct dbres	 res;

	date_format(day, d, sizeof(d));
	p[0] = DBP_I(op);
	p[1] = DBP_S(d);
	if (db_query(a, STMT_REPORT_ACTIVE_KEPT, p, 2, &res) < 0)
		return -1;
	if (res.nrows > 0 && dbrow_int(&res.rows[0], 0) > 0)
		return 1;
	if (keep_exec(STMT_REPORT_ACTIVE_DROP, p, 2) < 0)
		return -1;
	p[2] = DBP_I(op);
	p[3] = DBP_S(d);
	p[4] = DBP_S(d);
	return keep_exec(STMT_REPORT_ACTIVE_KEEP, p, 5) < 0 ? -1 : 1;
}

int
store_report_active_page(struct arena *a, int64_t op, int32_t day,
    int64_t key_site, int64_t key_service, int before, size_t limit,
    struct store_active_group **out, size_t *n)
{
	char			 d[DATE_STRLEN];
	struct dbp		 p[9];
	struct dbres		 res;
	struct store_active_group *g;
	size_t			 i, np = 0;
	enum stmt		 st = STMT_REPORT_ACTIVE_ALL;

	*n = 0;
	date_format(day, d, sizeof(d));
	p[np++] = DBP_I(op);
	p[np++] = DBP_S(d);
	if (key_site > 0) {
		p[np++] = DBP_I(key_site);
		p[np++] = DBP_I(op);
		p[np++] = DBP_I(key_site);
		p[np++] = DBP_I(key_service);
		p[np++] = DBP_I(op);
		p[np++] = DBP_I(key_service);
		st = before ? STMT_REPORT_ACTIVE_BEFORE : STMT_REPORT_ACTIVE_AFTER;
	}
	p[np++] = DBP_I((int64_t)limit);
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	g = arena_calloc(a, res.nrows + 1, sizeof(*g));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		g[i].site_id = dbrow_int(r, 0);
		g[i].site_name = dbrow_str(r, 1);
		g[i].service_id = dbrow_int(r, 2);
		g[i].service_name = dbrow_str(r, 3);
		g[i].cost = dbrow_int(r, 4);
		g[i].rrp = dbrow_int(r, 5);
		g[i].qty = dbrow_int(r, 6);
		g[i].price_total = dbrow_int(r, 7);
		g[i].cost_total = dbrow_int(r, 8);
	}
	*out = g;
	*n = res.nrows;
	return 1;
}

int
store_report_active_totals(struct arena *a, int64_t op, int32_t day,
    struct store_active_total **out, size_t *n)
{
	char			 d[DATE_STRLEN];
	struct dbp		 p[2];
	struct dbres		 res;
	struct store_active_total *t;
	size_t			 i;

	*n = 0;
	date_format(day, d, sizeof(d));
	p[0] = DBP_I(op);
	p[1] = DBP_S(d);
	if (db_query(a, STMT_REPORT_ACTIVE_TOTALS, p, 2, &res) < 0)
		return -1;
	/* No group at all: ROLLUP has no row either; the total is zero. */
	t = arena_calloc(a, res.nrows + 1, sizeof(*t));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		t[i].site_id = dbrow_int(r, 0);
		t[i].site_name = dbrow_str(r, 1);
		t[i].ngroups = dbrow_int(r, 2);
		t[i].nservices = dbrow_int(r, 3);
		t[i].qty = dbrow_int(r, 4);
		t[i].price_total = dbrow_int(r, 5);
		t[i].cost_total = dbrow_int(r, 6);
	}
	if (res.nrows == 0)
		t[0].site_name = "";
	*out = t;
	*n = res.nrows ? res.nrows : 1;
	return 1;
}

struct each {
	const struct store_active_group	*g;
	int	(*fn)(void *, const struct store_active *);
	void	*ctx;
};

static int
active_row(void *ctx, const struct dbrow *r)
{
	struct each		*e = ctx;
	struct store_active	 c;

	memset(&c, 0, sizeof(c));
	c.site_id = e->g->site_id;
	c.site_name = e->g->site_name;
	c.service_id = e->g->service_id;
	c.service_name = e->g->service_name;
	c.cost = e->g->cost;
	c.rrp = e->g->rrp;
	c.price = dbrow_int(r, 0);
	c.qty = dbrow_int(r, 1);
	c.occ_name = dbrow_str(r, 2);
	c.contract_ref = dbrow_str(r, 3);
	return e->fn(e->ctx, &c);
}

int
store_report_active_each(struct arena *a, int64_t op, int32_t day,
    int (*fn)(void *, const struct store_active *), void *ctx)
{
	char				 d[DATE_STRLEN];
	struct dbp			 p[5];
	struct store_active_group	*g;
	struct each			 e = { NULL, fn, ctx };
	size_t				 n, i;
	int				 k, rows = 0;

	if (store_report_active_page(a, op, day, 0, 0, 0, (size_t)INT32_MAX,
	    &g, &n) < 0)
		return -1;
	date_format(day, d, sizeof(d));
	p[0] = DBP_I(op);
	p[3] = DBP_S(d);
	p[4] = DBP_S(d);
	for (i = 0; i < n; i++) {
		e.g = &g[i];
		p[1] = DBP_I(g[i].site_id);
		p[2] = DBP_I(g[i].service_id);
		if ((k = db_query_each(STMT_REPORT_ACTIVE_GROUP_ROWS, p, 5,
		    active_row, &e)) < 0)
			return -1;
		rows += k;
	}
	return rows;
}
