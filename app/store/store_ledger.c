/*
 * store_ledger: see store_ledger.h.
 */
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

int
store_ledger_month(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int32_t first, int32_t last, struct store_ledger_svc **out, size_t *n)
{
	char			 f[DATE_STRLEN], l[DATE_STRLEN];
	struct dbp		 p[7];
	struct dbres		 res;
	struct store_ledger_svc	*s = NULL;
	struct ledger_row	*rows;
	size_t			 i, k = 0;

	*out = NULL;
	*n = 0;
	date_format(first, f, sizeof(f));
	date_format(last, l, sizeof(l));
	p[0] = DBP_I(op);
	p[1] = DBP_I(occ > 0 ? occ : site);
	p[2] = DBP_I(site);
	p[3] = DBP_S(l);
	p[4] = DBP_S(f);
	p[5] = DBP_S(l);
	p[6] = DBP_S(f);
	if (db_query(a, occ > 0 ? STMT_LEDGER_MONTH_OCC : STMT_LEDGER_MONTH_ALL,
	    p, 7, &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	rows = arena_calloc(a, res.nrows, sizeof(*rows));
	/* At most one service a row; rows of a service are consecutive. */
	s = arena_calloc(a, res.nrows, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct ledger_row	*lr = &rows[i];

		lr->occsvc_id = dbrow_int(r, 0);
		lr->from = dbrow_day(r, 1);
		lr->to = dbrow_day(r, 2);
		lr->price = dbrow_int(r, 3);
		lr->qty = dbrow_int(r, 4);
		if (k == 0 || s[k - 1].id != lr->occsvc_id) {
			struct store_ledger_svc *v = &s[k++];

			v->id = lr->occsvc_id;
			v->occ_id = dbrow_int(r, 5);
			v->occ_name = dbrow_str(r, 6);
			v->site_id = dbrow_int(r, 7);
			v->site_name = dbrow_str(r, 8);
			v->service_id = dbrow_int(r, 9);
			v->service_name = dbrow_str(r, 10);
			v->activated = dbrow_day(r, 11);
			v->ended = dbrow_day(r, 12);
			v->rows = lr;
		}
		s[k - 1].nrows++;
	}
	*out = s;
	*n = k;
	return 1;
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
