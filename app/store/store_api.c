/*
 * store_api: see store_api.h.
 */
#include <string.h>

#include <mysqld_error.h>

#include "../arena.h"
#include "db.h"
#include "store_api.h"

int
store_apikey_list(struct arena *a, int64_t op, struct store_apikey **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_apikey	*k;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_API_KEY_LIST, p, NPARAMS(p), &res)) <= 0)
		return rc;
	k = arena_calloc(a, res.nrows, sizeof(*k));
	for (i = 0; i < res.nrows; i++) {
		k[i].id = dbrow_int(&res.rows[i], 0);
		k[i].name = dbrow_str(&res.rows[i], 1);
		k[i].prefix = dbrow_str(&res.rows[i], 2);
		k[i].can_write = dbrow_int(&res.rows[i], 3) != 0;
		k[i].site_name = dbrow_str(&res.rows[i], 4);
		k[i].created = dbrow_str(&res.rows[i], 5);
		k[i].last_used = dbrow_str(&res.rows[i], 6);
		k[i].revoked = dbrow_int(&res.rows[i], 7) != 0;
	}
	*out = k;
	*n = res.nrows;
	return 1;
}

int
store_apikey_auth(struct arena *a, const unsigned char hash[32],
    struct store_apikey_auth *k)
{
	struct dbp	 p[] = { DBP_B(hash, 32) };
	struct dbres	 res;
	struct dbrow	*w;
	int		 rc;

	memset(k, 0, sizeof(*k));
	if ((rc = db_query(a, STMT_API_KEY_AUTH, p, NPARAMS(p), &res)) <= 0)
		return rc;
	w = &res.rows[0];
	k->id = dbrow_int(w, 0);
	k->operator_id = dbrow_int(w, 1);
	k->can_write = dbrow_int(w, 2) != 0;
	k->site_id = dbrow_int(w, 3);
	k->revoked = dbrow_int(w, 4) != 0;
	k->created_by = dbrow_int(w, 5);
	k->operator_name = dbrow_str(w, 6);
	k->currency = dbrow_str(w, 7);
	k->timezone = dbrow_str(w, 8);
	return 1;
}

int
store_apikey_use(struct arena *a, int64_t id, int64_t window, int64_t *count)
{
	struct dbp	 p[] = { DBP_I(window), DBP_I(window), DBP_I(id) };
	struct dbp	 q[] = { DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	*count = 0;
	if (db_exec(STMT_API_KEY_USE, p, NPARAMS(p), NULL) < 0)
		return -1;
	if ((rc = db_query(a, STMT_API_KEY_COUNT, q, NPARAMS(q), &res)) <= 0)
		return rc;
	*count = dbrow_int(&res.rows[0], 0);
	return 1;
}

static void
occ_row(const struct dbrow *w, struct store_api_occupier *o)
{
	o->id = dbrow_int(w, 0);
	o->name = dbrow_str(w, 1);
	o->billing_ref = dbrow_str(w, 2);
	o->contact_email = dbrow_str(w, 3);
	o->notes = dbrow_str(w, 4);
	o->version = dbrow_int(w, 5);
	o->updated = dbrow_int(w, 6);
}

int
store_api_occupiers(struct arena *a, int64_t op, int64_t site, int64_t after,
    int64_t since, int64_t limit, struct store_api_occupier **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(after), DBP_I(since),
	    DBP_I(site), DBP_I(site), DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_API_OCCUPIERS, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		occ_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_api_occupier(struct arena *a, int64_t op, int64_t site, int64_t id,
    struct store_api_occupier *o)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), DBP_I(site), DBP_I(site) };
	struct dbres	 res;
	int		 rc;

	memset(o, 0, sizeof(*o));
	if ((rc = db_query(a, STMT_API_OCCUPIER, p, NPARAMS(p), &res)) <= 0)
		return rc;
	occ_row(&res.rows[0], o);
	return 1;
}

int
store_api_idem_get(struct arena *a, int64_t key_id, const char *idem,
    struct store_api_idem *e)
{
	struct dbp	 p[] = { DBP_I(key_id), DBP_S(idem) };
	struct dbres	 res;
	struct dbrow	*w;
	int		 rc;

	memset(e, 0, sizeof(*e));
	if ((rc = db_query(a, STMT_API_IDEM_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	w = &res.rows[0];
	e->request_hash = dbrow_str(w, 0);
	e->status = (int)dbrow_int(w, 1);
	e->location = dbrow_str(w, 2);
	e->etag = dbrow_str(w, 3);
	e->body = dbrow_str(w, 4);
	return 1;
}

int
store_api_idem_put(int64_t key_id, const char *idem,
    const struct store_api_idem *e)
{
	struct dbp	 p[] = { DBP_I(key_id), DBP_S(idem),
	    DBP_S(e->request_hash), DBP_I(e->status), DBP_S(e->location),
	    DBP_S(e->etag), DBP_S(e->body) };

	return db_exec(STMT_API_IDEM_INSERT, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_extid_list(struct arena *a, int64_t op, const char *entity, int64_t id,
    struct store_extid **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(entity), DBP_I(id) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_EXTID_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows + 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].integration = dbrow_str(&res.rows[i], 0);
		(*out)[i].external_id = dbrow_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_extid_find(struct arena *a, int64_t op, const char *entity,
    const char *integration, const char *external_id, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(integration), DBP_S(entity),
	    DBP_S(external_id) };
	struct dbres	 res;

	*id = 0;
	if (db_query(a, STMT_EXTID_FIND, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*id = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_extid_set(int64_t op, const char *entity, int64_t id,
    const char *integration, const char *external_id, int64_t now)
{
	struct dbp	 pd[] = { DBP_I(op), DBP_S(entity), DBP_I(id),
	    DBP_S(integration) };
	struct dbp	 pi[] = { DBP_I(op), DBP_S(integration), DBP_S(entity),
	    DBP_I(id), DBP_S(external_id), DBP_I(now) };

	if (db_exec(STMT_EXTID_DELETE, pd, NPARAMS(pd), NULL) < 0)
		return -1;
	if (external_id == NULL)
		return 1;
	if (db_exec(STMT_EXTID_INSERT, pi, NPARAMS(pi), NULL) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	return 1;
}
