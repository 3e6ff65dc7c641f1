/*
 * store_contract: contracts. See store.h.
 */
#include <stdlib.h>
#include <string.h>

#include <mysqld_error.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store.h"

static void
contract_dates(const struct store_contract *c, char *s, char *e)
{
	date_format(c->start, s, DATE_STRLEN);
	date_format(c->end, e, DATE_STRLEN);
}

static void
contract_from_row(const struct dbrow *r, struct store_contract *c)
{
	c->id = dbrow_int(r, 0);
	c->occupier_id = dbrow_int(r, 1);
	c->site_id = dbrow_int(r, 2);
	c->reference = dbrow_str(r, 3);
	c->start = dbrow_day(r, 4);
	c->end = dbrow_day(r, 5);
	c->version = dbrow_int(r, 6);
	store_contract_terms_row(r, 7, c);
	c->moved_out = DATE_NONE;	/* store_contract_get reads it */
}

/* Newest first: start day descending, then id descending. */
static int
contract_order(const void *a, const void *b)
{
	const struct store_contract	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? 1 : -1;
	return (x->id < y->id) - (x->id > y->id);
}

void
store_contract_row(const struct dbrow *r, size_t k, int64_t occupier,
    int64_t site, struct store_contract *c)
{
	c->id = dbrow_int(r, k);
	c->occupier_id = occupier;
	c->site_id = site;
	c->reference = dbrow_str(r, k + 1);
	c->start = dbrow_day(r, k + 2);
	c->end = dbrow_day(r, k + 3);
	c->version = dbrow_int(r, k + 4);
}

void
store_contract_terms_row(const struct dbrow *r, size_t k,
    struct store_contract *c)
{
	c->value = dbrow_int(r, k);
	c->notice_months = dbrow_int(r, k + 1);
	c->deposit = dbrow_int(r, k + 2);
}

void
store_contract_sort(struct store_contract *c, size_t n)
{
	qsort(c, n, sizeof(*c), contract_order);
}

int
store_contract_list(struct arena *a, int64_t op, int64_t occupier,
    int64_t site, struct store_contract **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occupier), DBP_I(site) };
	struct dbres		 res;
	struct store_contract	*c;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_CONTRACT_LIST, p, NPARAMS(p), &res)) <= 0)
		return rc;
	c = arena_calloc(a, res.nrows, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		store_contract_row(&res.rows[i], 0, occupier, site, &c[i]);
		store_contract_terms_row(&res.rows[i], 5, &c[i]);
	}
	store_contract_sort(c, res.nrows);
	*out = c;
	*n = res.nrows;
	return 1;
}

int
store_contract_get(struct arena *a, int64_t op, int64_t id,
    struct store_contract *c)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((rc = db_query(a, STMT_CONTRACT_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	contract_from_row(&res.rows[0], c);
	c->moved_out = dbrow_day(&res.rows[0], 10);
	return 1;
}

int
store_contract_insert(int64_t op, const struct store_contract *c,
    int32_t day, int64_t *id)
{
	char		 s[DATE_STRLEN], e[DATE_STRLEN];
	struct dbp	 p[10];
	uint64_t	 iid = 0;
	int64_t		 n;

	contract_dates(c, s, e);
	p[0] = DBP_S(c->reference);
	p[1] = DBP_S(s);
	p[2] = c->end == DATE_NONE ? DBP_NUL : DBP_S(e);
	p[3] = DBP_I(c->value);
	p[4] = DBP_I(c->notice_months);
	p[5] = DBP_I(c->deposit);
	p[6] = c->end != DATE_NONE && c->end < day ? DBP_S(e) : DBP_NUL;
	p[7] = DBP_I(op);
	p[8] = DBP_I(c->occupier_id);
	p[9] = DBP_I(c->site_id);
	if ((n = db_exec(STMT_CONTRACT_INSERT, p, 10, &iid)) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	if (n == 0)
		return 0;
	*id = (int64_t)iid;
	return 1;
}

int
store_contract_update(int64_t op, const struct store_contract *c)
{
	char		 s[DATE_STRLEN], e[DATE_STRLEN];
	struct dbp	 p[9];
	int64_t		 n;

	contract_dates(c, s, e);
	p[0] = DBP_S(c->reference);
	p[1] = DBP_S(s);
	p[2] = c->end == DATE_NONE ? DBP_NUL : DBP_S(e);
	p[3] = DBP_I(c->value);
	p[4] = DBP_I(c->notice_months);
	p[5] = DBP_I(c->deposit);
	p[6] = DBP_I(op);
	p[7] = DBP_I(c->id);
	p[8] = DBP_I(c->version);
	if ((n = db_exec(STMT_CONTRACT_UPDATE, p, 9, NULL)) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	return n > 0 ? 1 : 0;
}

int
store_contract_sites(struct arena *a, int64_t op, int64_t occupier,
    int64_t **ids, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occupier) };
	struct dbres	 res;
	size_t		 i;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_CONTRACT_SITES_OF_OCCUPIER, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	*ids = arena_calloc(a, res.nrows, sizeof(**ids));
	for (i = 0; i < res.nrows; i++)
		(*ids)[i] = dbrow_int(&res.rows[i], 0);
	*n = res.nrows;
	return 1;
}

int
store_contract_page(struct arena *a, int64_t op, int64_t occ, int64_t site,
    int64_t key_site, int64_t since, int64_t after, int64_t limit,
    struct store_contract **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(after), DBP_I(occ), DBP_I(occ),
	    DBP_I(site), DBP_I(site), DBP_I(key_site), DBP_I(key_site),
	    DBP_I(since), DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_API_CONTRACTS, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		contract_from_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}
