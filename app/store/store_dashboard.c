/*
 * store_dashboard: see store_dashboard.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store_dashboard.h"
#include "store_report.h"

/* Rows of res into l, each through fill. */
static void
dash_rows(struct arena *a, const struct dbres *res, struct store_dash_list *l,
    void (*fill)(const struct dbrow *, struct store_dash_item *))
{
	size_t	 i;

	l->n = res->nrows;
	l->v = arena_calloc(a, res->nrows ? res->nrows : 1, sizeof(*l->v));
	for (i = 0; i < res->nrows; i++) {
		l->v[i].day = DATE_NONE;
		l->v[i].text = l->v[i].kind = l->v[i].state = l->v[i].extra =
		    l->v[i].occ_name = l->v[i].site_name = "";
		fill(&res->rows[i], &l->v[i]);
	}
}

static int
dash_query(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    struct store_dash_list *l,
    void (*fill)(const struct dbrow *, struct store_dash_item *))
{
	struct dbres	 res;

	l->v = NULL;
	l->n = 0;
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	dash_rows(a, &res, l, fill);
	return 1;
}

static int
dash_count(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    int64_t *c0, int64_t *c1)
{
	struct dbres	 res;
	int		 rc;

	*c0 = 0;
	if (c1 != NULL)
		*c1 = 0;
	if ((rc = db_query(a, st, p, np, &res)) <= 0)
		return rc;
	*c0 = dbrow_int(&res.rows[0], 0);
	if (c1 != NULL)
		*c1 = dbrow_int(&res.rows[0], 1);
	return 1;
}

static void
fill_case(const struct dbrow *r, struct store_dash_item *it)
{
	it->id = dbrow_int(r, 0);
	it->text = dbrow_str(r, 1);
	it->state = dbrow_str(r, 2);
	it->time = dbrow_int(r, 3);
	it->occ_id = dbrow_int(r, 4);
	it->occ_name = dbrow_str(r, 5);
	it->site_name = dbrow_str(r, 6);
}

int
store_dash_cases(struct arena *a, int64_t op, int64_t limit, int64_t *count,
    struct store_dash_list *l)
{
	struct dbp	 pc[] = { DBP_I(op) }, p[] = { DBP_I(op), DBP_I(limit) };

	if (dash_count(a, STMT_DASH_CASES_COUNT, pc, NPARAMS(pc), count,
	    NULL) < 0)
		return -1;
	return dash_query(a, STMT_DASH_CASES_OLDEST, p, NPARAMS(p), l,
	    fill_case);
}

static void
fill_contract(const struct dbrow *r, struct store_dash_item *it)
{
	it->kind = dbrow_str(r, 0);
	it->day = dbrow_day(r, 1);
	it->id = dbrow_int(r, 2);
	it->text = dbrow_str(r, 3);
	it->occ_id = dbrow_int(r, 4);
	it->occ_name = dbrow_str(r, 5);
	it->site_id = dbrow_int(r, 6);
	it->site_name = dbrow_str(r, 7);
}

int
store_dash_contracts(struct arena *a, int64_t op, int32_t from, int32_t to,
    int64_t limit, int64_t *starting, int64_t *ending,
    struct store_dash_list *l)
{
	char		 f[DATE_STRLEN], t[DATE_STRLEN];
	struct dbp	 pc[] = { DBP_I(op), dbp_day(from, f), dbp_day(to, t),
	    DBP_I(op), dbp_day(from, f), dbp_day(to, t) };
	struct dbp	 p[] = { DBP_I(op), dbp_day(from, f), dbp_day(to, t),
	    DBP_I(op), dbp_day(from, f), dbp_day(to, t), DBP_I(limit) };

	if (dash_count(a, STMT_DASH_CONTRACTS_COUNT, pc, NPARAMS(pc), starting,
	    ending) < 0)
		return -1;
	return dash_query(a, STMT_DASH_CONTRACTS, p, NPARAMS(p), l,
	    fill_contract);
}

static void
fill_pending(const struct dbrow *r, struct store_dash_item *it)
{
	it->id = dbrow_int(r, 0);
	it->day = dbrow_day(r, 1);
	it->n[0] = dbrow_int(r, 2);
	it->text = dbrow_str(r, 3);
	it->occ_id = dbrow_int(r, 4);
	it->occ_name = dbrow_str(r, 5);
	it->site_id = dbrow_int(r, 6);
	it->site_name = dbrow_str(r, 7);
}

int
store_dash_pending(struct arena *a, int64_t op, int32_t today, int64_t limit,
    int64_t *count, struct store_dash_list *l)
{
	char		 d[DATE_STRLEN];
	struct dbp	 pc[] = { DBP_I(op), dbp_day(today, d) };
	struct dbp	 p[] = { DBP_I(op), dbp_day(today, d), DBP_I(limit) };

	if (dash_count(a, STMT_DASH_PENDING_COUNT, pc, NPARAMS(pc), count,
	    NULL) < 0)
		return -1;
	return dash_query(a, STMT_DASH_PENDING, p, NPARAMS(p), l,
	    fill_pending);
}

static void
fill_over(const struct dbrow *r, struct store_dash_item *it)
{
	size_t	 k;

	it->occ_id = dbrow_int(r, 0);
	it->occ_name = dbrow_str(r, 1);
	it->site_id = dbrow_int(r, 2);
	it->site_name = dbrow_str(r, 3);
	for (k = 0; k < 10; k++)
		it->n[k] = dbrow_int(r, 4 + k);
}

int
store_dash_over(struct arena *a, int64_t op, int64_t limit, int64_t *count,
    struct store_dash_list *l)
{
	struct dbp	 pc[] = { DBP_I(op), DBP_I(DASH_OVER_COUNTED + 1) };
	struct dbp	 p[] = { DBP_I(op), DBP_I(limit) };

	if (dash_count(a, STMT_DASH_OVER_COUNT, pc, NPARAMS(pc), count,
	    NULL) < 0)
		return -1;
	if (*count == 0) {
		l->v = NULL;
		l->n = 0;
		return 0;
	}
	/* Few flagged rows: read them all and sort them by name. Many: walk
	 * the occupiers by name and stop at the limit, which takes about
	 * limit x occupiers / flagged rows steps (here at most 20 x limit). */
	return dash_query(a, *count > DASH_OVER_COUNTED ? STMT_DASH_OVER_DENSE :
	    STMT_DASH_OVER, p, NPARAMS(p), l, fill_over);
}

/* The 12 months' charges by site from the kept totals of each month
 * (store_report.h: computed by one aggregate the first time a month is
 * asked for, or by the daily tick, and kept until a change in that month
 * drops them), so a view reads 12 small key ranges instead of
 * aggregating a year of the ledger. */
int
store_dash_charges(struct arena *a, int64_t op, int32_t first,
    struct store_dash_list *l)
{
	struct store_charge_total	*t;
	size_t				 n, i, k, cap = 0;
	int				 y, m, d;

	l->v = NULL;
	l->n = 0;
	date_to_ymd(first, &y, &m, &d);
	for (k = 0; k < 12; k++) {
		int32_t	 f = date_from_ymd(y, m, 1);

		if (store_report_charge_totals(a, op, f,
		    f + date_days_in_month(y, m) - 1, &t, &n) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			struct store_dash_item	*it;

			if (t[i].site_id == 0)
				continue;	/* the grand total */
			if (l->n == cap) {
				size_t nc = cap ? cap * 2 : 32;

				l->v = arena_realloc(a, l->v,
				    cap * sizeof(*l->v), nc * sizeof(*l->v));
				cap = nc;
			}
			it = &l->v[l->n++];
			memset(it, 0, sizeof(*it));
			it->n[0] = (int64_t)k;
			it->site_id = t[i].site_id;
			it->site_name = t[i].site_name;
			it->n[1] = t[i].amount;
		}
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	return 1;
}

/* The columns the four searches share, from column k: id, text, state,
 * site id and name, occupier id and name (0/"" when it has none). */
static void
fill_found_at(const struct dbrow *r, size_t k, struct store_dash_item *it)
{
	it->id = dbrow_int(r, k);
	it->text = dbrow_str(r, k + 1);
	it->state = dbrow_str(r, k + 2);
	it->site_id = dbrow_int(r, k + 3);
	it->site_name = dbrow_str(r, k + 4);
	it->occ_id = dbrow_isnull(r, k + 5) ? 0 : dbrow_int(r, k + 5);
	it->occ_name = dbrow_str(r, k + 6);
}

static void
fill_found(const struct dbrow *r, struct store_dash_item *it)
{
	fill_found_at(r, 0, it);
}

static void
fill_ip(const struct dbrow *r, struct store_dash_item *it)
{
	fill_found_at(r, 0, it);
	it->extra = dbrow_str(r, 7);
}

/* Column 0 the kind, then the shared columns. */
static void
fill_mac(const struct dbrow *r, struct store_dash_item *it)
{
	it->kind = dbrow_str(r, 0);
	fill_found_at(r, 1, it);
}

static void
fill_port(const struct dbrow *r, struct store_dash_item *it)
{
	fill_found(r, it);
	it->extra = dbrow_str(r, 7);	/* floor */
	it->kind = dbrow_str(r, 8);	/* switch */
	it->n[0] = dbrow_int(r, 9);	/* switch port */
}

int
store_search_phone(struct arena *a, int64_t op, const char *digits,
    int64_t limit, struct store_dash_list *l)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(digits), DBP_S(digits),
	    DBP_I(limit) };

	return dash_query(a, STMT_SEARCH_PHONE, p, NPARAMS(p), l, fill_found);
}

int
store_search_ip(struct arena *a, int64_t op, const char *address,
    int64_t limit, struct store_dash_list *l)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(address), DBP_I(limit) };

	return dash_query(a, STMT_SEARCH_IP, p, NPARAMS(p), l, fill_ip);
}

int
store_search_mac(struct arena *a, int64_t op, const char *mac, int64_t limit,
    struct store_dash_list *l)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(mac), DBP_I(op), DBP_S(mac),
	    DBP_I(limit) };

	return dash_query(a, STMT_SEARCH_MAC, p, NPARAMS(p), l, fill_mac);
}

int
store_search_port(struct arena *a, int64_t op, const char *label,
    int64_t limit, struct store_dash_list *l)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(label), DBP_I(limit) };

	return dash_query(a, STMT_SEARCH_PORT, p, NPARAMS(p), l, fill_port);
}
