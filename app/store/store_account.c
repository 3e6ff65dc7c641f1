/*
 * store_account: see store_account.h.
 */
#include <string.h>

#include <mysqld_error.h>

#include "../arena.h"
#include "db.h"
#include "store_account.h"

static void
user_row(const struct dbrow *row, struct store_account_user *u)
{
	u->id = dbrow_int(row, 0);
	u->occupier_id = dbrow_int(row, 1);
	u->email = dbrow_str(row, 2);
	u->name = dbrow_str(row, 3);
	u->role = dbrow_str(row, 4);
	u->disabled = (int)dbrow_int(row, 5);
	u->invited = (int)dbrow_int(row, 6);
	u->nsessions = dbrow_int(row, 7);
	u->last_seen = dbrow_int(row, 8);
}

int
store_account_user_list(struct arena *a, int64_t op, int64_t occ,
    int64_t seen_after, int64_t created_after,
    struct store_account_user **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(seen_after), DBP_I(created_after),
	    DBP_I(op), DBP_I(occ) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_ACCOUNT_USER_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		user_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_account_user_get(struct arena *a, int64_t op, int64_t occ, int64_t id,
    int lock, struct store_account_user *u)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(u, 0, sizeof(*u));
	if ((rc = db_query(a, lock ? STMT_ACCOUNT_USER_LOCK :
	    STMT_ACCOUNT_USER_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	user_row(&res.rows[0], u);
	return 1;
}

int
store_account_user_hash(struct arena *a, int64_t op, int64_t id,
    const char **hash)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	*hash = NULL;
	if ((rc = db_query(a, STMT_ACCOUNT_USER_HASH, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*hash = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_account_email_taken(struct arena *a, int64_t op, const char *email)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(email) };
	struct dbres	 res;

	if (db_query(a, STMT_ACCOUNT_EMAIL_TAKEN, p, NPARAMS(p), &res) < 0)
		return -1;
	return dbrow_int(&res.rows[0], 0) > 0;
}

int
store_account_user_insert(int64_t op, int64_t occ, const char *email,
    const char *name, const char *role, const char *hash, int invited,
    int64_t *id)
{
	struct dbp	 p[] = { occ > 0 ? DBP_I(occ) : DBP_NUL, DBP_S(email),
	    DBP_S(name), DBP_S(role), DBP_S(hash), DBP_I(invited != 0),
	    DBP_I(op),
	    occ > 0 ? DBP_I(occ) : DBP_NUL, occ > 0 ? DBP_I(occ) : DBP_NUL };
	uint64_t	 iid = 0;
	int64_t		 n;

	*id = 0;
	if ((n = db_exec(STMT_ACCOUNT_USER_INSERT, p, NPARAMS(p), &iid)) < 0)
		return db_errno() == ER_DUP_ENTRY ? -2 : -1;
	if (n == 0)
		return 0;
	*id = (int64_t)iid;
	return 1;
}

/* Run a changing statement: 1 when a row changed, 0 none, -1 error. */
static int
change(enum stmt st, const struct dbp *p, size_t n)
{
	int64_t	 rc;

	if ((rc = db_exec(st, p, n, NULL)) < 0)
		return -1;
	return rc > 0 ? 1 : 0;
}

int
store_account_user_set_disabled(int64_t op, int64_t occ, int64_t id,
    int disabled)
{
	struct dbp	 p[] = { DBP_I(disabled ? 1 : 0), DBP_I(op), DBP_I(occ),
	    DBP_I(id) };

	return change(STMT_ACCOUNT_USER_SET_DISABLED, p, NPARAMS(p));
}

int
store_account_user_set_role(int64_t op, int64_t id, const char *role)
{
	struct dbp	 p[] = { DBP_S(role), DBP_I(op), DBP_I(id) };

	return change(STMT_ACCOUNT_USER_SET_ROLE, p, NPARAMS(p));
}

int
store_account_user_remove(int64_t op, int64_t occ, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(id) };

	return change(STMT_ACCOUNT_USER_REMOVE, p, NPARAMS(p));
}

int
store_account_user_set_name(int64_t op, int64_t id, const char *name)
{
	struct dbp	 p[] = { DBP_S(name), DBP_I(op), DBP_I(id) };

	/* The same name again changes no row: still "found". */
	return db_exec(STMT_ACCOUNT_USER_SET_NAME, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_account_user_set_hash(int64_t op, int64_t id, const char *hash)
{
	struct dbp	 p[] = { DBP_S(hash), DBP_I(op), DBP_I(id) };

	return change(STMT_ACCOUNT_USER_SET_HASH, p, NPARAMS(p));
}

int
store_account_admins_lock(struct arena *a, int64_t op, int64_t *count)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;

	*count = 0;
	if (db_query(a, STMT_ACCOUNT_ADMINS_LOCK, p, NPARAMS(p), &res) < 0)
		return -1;
	*count = (int64_t)res.nrows;
	return 1;
}

int
store_account_occupier_name(struct arena *a, int64_t op, int64_t occ,
    const char **name)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ) };
	struct dbres	 res;
	int		 rc;

	*name = NULL;
	if ((rc = db_query(a, STMT_ACCOUNT_OCCUPIER_NAME, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	*name = dbrow_str(&res.rows[0], 0);
	return 1;
}

int
store_account_token_insert(int64_t op, int64_t user,
    const unsigned char hash[32], int64_t now, int64_t expires, int64_t by)
{
	struct dbp	 p[] = { DBP_B(hash, 32), DBP_I(now), DBP_I(expires),
	    by > 0 ? DBP_I(by) : DBP_NUL, DBP_I(op), DBP_I(user) };

	return change(STMT_ACCOUNT_TOKEN_INSERT, p, NPARAMS(p));
}

int
store_account_tokens_drop(int64_t op, int64_t user)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(user) };

	return db_exec(STMT_ACCOUNT_TOKENS_DROP, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_account_token_find(struct arena *a, const unsigned char hash[32],
    int64_t now, int lock, struct store_account_token *t)
{
	struct dbp	 p[] = { DBP_B(hash, 32), DBP_I(now) };
	struct dbres	 res;
	int		 rc;

	memset(t, 0, sizeof(*t));
	if ((rc = db_query(a, lock ? STMT_ACCOUNT_TOKEN_FIND_LOCK :
	    STMT_ACCOUNT_TOKEN_FIND, p, NPARAMS(p), &res)) <= 0)
		return rc;
	t->id = dbrow_int(&res.rows[0], 0);
	t->operator_id = dbrow_int(&res.rows[0], 1);
	t->user_id = dbrow_int(&res.rows[0], 2);
	t->expires_at = dbrow_int(&res.rows[0], 3);
	t->email = dbrow_str(&res.rows[0], 4);
	t->name = dbrow_str(&res.rows[0], 5);
	t->occupier_id = dbrow_int(&res.rows[0], 6);
	return 1;
}

int
store_account_token_use(int64_t op, int64_t id, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(op), DBP_I(id) };

	return change(STMT_ACCOUNT_TOKEN_USE, p, NPARAMS(p));
}

int
store_account_session_list(struct arena *a, int64_t op, int64_t user,
    int64_t seen_after, int64_t created_after,
    struct store_account_session **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(user), DBP_I(seen_after),
	    DBP_I(created_after) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_ACCOUNT_SESSION_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].created_at = dbrow_int(&res.rows[i], 1);
		(*out)[i].last_seen = dbrow_int(&res.rows[i], 2);
		(*out)[i].remote_addr = dbrow_str(&res.rows[i], 3);
		(*out)[i].user_agent = dbrow_str(&res.rows[i], 4);
	}
	*n = res.nrows;
	return 1;
}

int
store_account_session_delete(int64_t op, int64_t user, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(user), DBP_I(id) };

	return change(STMT_ACCOUNT_SESSION_DELETE, p, NPARAMS(p));
}

int
store_account_sessions_end(int64_t op, int64_t user, int64_t keep)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(user), DBP_I(keep) };

	return db_exec(STMT_ACCOUNT_SESSIONS_END, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}

int
store_account_cases_by(struct arena *a, int64_t op, int64_t occ,
    int64_t user, int64_t **ids, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ), DBP_I(user) };
	struct dbres	 res;
	size_t		 i;

	*ids = NULL;
	*n = 0;
	if (db_query(a, STMT_ACCOUNT_CASES_BY, p, NPARAMS(p), &res) < 0)
		return -1;
	*ids = arena_calloc(a, res.nrows, sizeof(**ids));
	for (i = 0; i < res.nrows; i++)
		(*ids)[i] = dbrow_int(&res.rows[i], 0);
	*n = res.nrows;
	return 1;
}
