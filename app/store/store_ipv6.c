/*
 * store_ipv6: see store_ipv6.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_ipv6.h"

/* 32 hex digits (HEX() of a BINARY(16)) and a length into *p. */
static void
prefix_of(const struct dbrow *row, size_t col, size_t lcol, struct net6 *p)
{
	const char	*h = dbrow_str(row, col);
	size_t		 i;
	int		 hi, lo;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < 16 && h[2 * i] != '\0' && h[2 * i + 1] != '\0'; i++) {
		hi = h[2 * i] <= '9' ? h[2 * i] - '0' : (h[2 * i] | 0x20) - 'a' + 10;
		lo = h[2 * i + 1] <= '9' ? h[2 * i + 1] - '0' :
		    (h[2 * i + 1] | 0x20) - 'a' + 10;
		p->addr[i] = (uint8_t)(hi << 4 | lo);
	}
	p->len = (int)dbrow_int(row, lcol);
}

int
store_v6_pool_list(struct arena *a, int64_t op, int64_t site,
    struct store_v6_pool **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_V6_POOL_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		prefix_of(&res.rows[i], 1, 2, &(*out)[i].prefix);
		(*out)[i].dlen = (int)dbrow_int(&res.rows[i], 3);
		(*out)[i].delegated = dbrow_int(&res.rows[i], 4);
	}
	*n = res.nrows;
	return 1;
}

int
store_v6_pool_all(struct arena *a, int64_t op, struct net6 **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_V6_POOL_ALL, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		prefix_of(&res.rows[i], 0, 1, &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_v6_pool_insert(int64_t op, int64_t site, const struct net6 *pf,
    int dlen)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_B(pf->addr, 16),
	    DBP_I(pf->len), DBP_I(dlen) };

	return db_exec(STMT_V6_POOL_INSERT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_v6_pool_lock(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct store_v6_pool *out)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_V6_POOL_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	memset(out, 0, sizeof(*out));
	out->id = id;
	prefix_of(&res.rows[0], 0, 1, &out->prefix);
	out->dlen = (int)dbrow_int(&res.rows[0], 2);
	return 1;
}

int64_t
store_v6_lowest_free(struct arena *a, int64_t pool)
{
	struct dbp	 p[] = { DBP_I(pool), DBP_I(pool) };
	struct dbres	 res;

	if (db_query(a, STMT_V6_LOWEST_FREE, p, NPARAMS(p), &res) < 0 ||
	    res.nrows != 1)
		return -1;
	return dbrow_int(&res.rows[0], 0);
}

int
store_v6_occupier_at(struct arena *a, int64_t op, int64_t site, int64_t occ)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(occ) };
	struct dbres	 res;

	if (db_query(a, STMT_V6_OCC_AT_SITE, p, NPARAMS(p), &res) < 0)
		return -1;
	return res.nrows > 0;
}

int
store_v6_delegation_insert(int64_t op, int64_t site, int64_t pool,
    int64_t idx, int64_t occ, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(pool), DBP_I(idx),
	    DBP_I(occ) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_V6_DELEGATION_INSERT, p, NPARAMS(p), &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

/* Columns: id?, pool, idx, occupier, name, hex, len, dlen from col c. */
static void
delegation_of(const struct dbrow *row, size_t c, struct store_v6_delegation *d)
{
	struct net6	 pool;

	d->pool = dbrow_int(row, c);
	d->idx = dbrow_int(row, c + 1);
	d->occupier = dbrow_int(row, c + 2);
	d->occupier_name = dbrow_str(row, c + 3);
	prefix_of(row, c + 4, c + 5, &pool);
	d->prefix = net6_nth(&pool, (int)dbrow_int(row, c + 6),
	    (uint64_t)d->idx);
}

int
store_v6_delegation_list(struct arena *a, int64_t op, int64_t site,
    int64_t after, size_t limit, struct store_v6_delegation **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(after),
	    DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_V6_DELEGATION_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		delegation_of(&res.rows[i], 1, &(*out)[i]);
		(*out)[i].since = dbrow_str(&res.rows[i], 8);
	}
	*n = res.nrows;
	return 1;
}

int
store_v6_delegation_get(struct arena *a, int64_t op, int64_t site,
    int64_t id, struct store_v6_delegation *d)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), DBP_I(id) };
	struct dbres	 res;

	if (db_query(a, STMT_V6_DELEGATION_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	memset(d, 0, sizeof(*d));
	d->id = id;
	delegation_of(&res.rows[0], 0, d);
	return 1;
}

int
store_v6_delegation_delete(int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };

	return db_exec(STMT_V6_DELEGATION_DELETE, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}
