/*
 * store_twofactor: see store_twofactor.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_twofactor.h"

static int
done(int64_t rc)
{
	return rc < 0 ? -1 : rc > 0;
}

int
store_tfa_user(struct arena *a, int64_t op, int64_t user,
    struct store_tfa_user *u)
{
	struct dbp	 p[] = { DBP_I(user), DBP_I(op) };
	struct dbres	 res;
	struct dbrow	*row;
	int		 rc;

	memset(u, 0, sizeof(*u));
	if ((rc = db_query(a, STMT_TFA_USER, p, NPARAMS(p), &res)) <= 0)
		return rc;
	row = &res.rows[0];
	if (!dbrow_isnull(row, 0)) {
		u->secret = (const unsigned char *)row->col[0];
		u->secret_len = row->len[0];
	}
	if (!dbrow_isnull(row, 1)) {
		u->pending = (const unsigned char *)row->col[1];
		u->pending_len = row->len[1];
	}
	u->last_step = dbrow_int(row, 2);
	u->pw_hash = dbrow_str(row, 3);
	u->email = dbrow_str(row, 4);
	return 1;
}

int
store_tfa_set_pending(int64_t op, int64_t user, const unsigned char *secret,
    size_t len)
{
	struct dbp	 p[] = { DBP_B(secret, len), DBP_I(user), DBP_I(op) };

	return done(db_exec(STMT_TFA_SET_PENDING, p, NPARAMS(p), NULL));
}

int
store_tfa_enable(int64_t op, int64_t user, const unsigned char *pending,
    size_t len, int64_t step)
{
	struct dbp	 p[] = { DBP_I(step), DBP_I(user), DBP_I(op),
	    DBP_B(pending, len) };

	return done(db_exec(STMT_TFA_ENABLE, p, NPARAMS(p), NULL));
}

int
store_tfa_disable(int64_t op, int64_t user)
{
	struct dbp	 p[] = { DBP_I(user), DBP_I(op) };

	return done(db_exec(STMT_TFA_DISABLE, p, NPARAMS(p), NULL));
}

int
store_tfa_use_step(int64_t user, int64_t step)
{
	struct dbp	 p[] = { DBP_I(step), DBP_I(user), DBP_I(step) };

	return done(db_exec(STMT_TFA_STEP, p, NPARAMS(p), NULL));
}

int
store_recovery_delete(int64_t user)
{
	struct dbp	 p[] = { DBP_I(user) };

	return db_exec(STMT_RECOVERY_DELETE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_recovery_replace(int64_t user, const unsigned char (*hash)[32], size_t n)
{
	size_t	 i;

	if (store_recovery_delete(user) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct dbp	 p[] = { DBP_I(user), DBP_B(hash[i], 32) };

		if (db_exec(STMT_RECOVERY_INSERT, p, NPARAMS(p), NULL) < 0)
			return -1;
	}
	return 1;
}

int
store_recovery_use(int64_t user, const unsigned char hash[32], int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(user), DBP_B(hash, 32) };

	return done(db_exec(STMT_RECOVERY_USE, p, NPARAMS(p), NULL));
}

int
store_recovery_left(struct arena *a, int64_t user)
{
	struct dbp	 p[] = { DBP_I(user) };
	struct dbres	 res;

	if (db_query(a, STMT_RECOVERY_LEFT, p, NPARAMS(p), &res) < 0 ||
	    res.nrows == 0)
		return -1;
	return (int)dbrow_int(&res.rows[0], 0);
}

int
store_session_mfa_done(int64_t session, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(session) };

	return done(db_exec(STMT_SESSION_MFA_DONE, p, NPARAMS(p), NULL));
}

int
store_operator_mfa_required(struct arena *a, int64_t op)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;

	if (db_query(a, STMT_OPERATOR_MFA_GET, p, NPARAMS(p), &res) < 0 ||
	    res.nrows == 0)
		return -1;
	return dbrow_int(&res.rows[0], 0) != 0;
}

int
store_operator_mfa_set(int64_t op, int required)
{
	struct dbp	 p[] = { DBP_I(required ? 1 : 0), DBP_I(op) };

	return db_exec(STMT_OPERATOR_MFA_SET, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}
