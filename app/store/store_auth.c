/*
 * store_auth: users, sessions, sign-in throttling. See store.h.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store.h"

static void
user_from_row(const struct dbrow *row, size_t c, struct store_user *u)
{
	u->id = dbrow_int(row, c);
	u->operator_id = dbrow_int(row, c + 1);
	u->occupier_id = dbrow_int(row, c + 2);
	u->role = dbrow_str(row, c + 3);
	u->email = dbrow_str(row, c + 4);
	u->name = dbrow_str(row, c + 5);
}

int
store_user_by_email(struct arena *a, const char *email, struct store_user *u)
{
	struct dbp	 p[] = { DBP_S(email) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_USER_BY_EMAIL, p, NPARAMS(p), &res)) <= 0)
		return rc;
	user_from_row(&res.rows[0], 0, u);
	u->pw_hash = dbrow_str(&res.rows[0], 6);
	u->disabled = (int)dbrow_int(&res.rows[0], 7);
	return 1;
}

int
store_user_set_hash(int64_t user_id, const char *hash)
{
	struct dbp	 p[] = { DBP_S(hash), DBP_I(user_id) };

	return db_exec(STMT_USER_SET_HASH, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_user_insert(int64_t op, int64_t occ, const char *email,
    const char *name, const char *role, const char *hash, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), occ > 0 ? DBP_I(occ) : DBP_NUL,
	    DBP_S(email), DBP_S(name), DBP_S(role), DBP_S(hash) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_USER_INSERT, p, NPARAMS(p), &iid) < 0)
		return -1;
	if (id != NULL)
		*id = (int64_t)iid;
	return 1;
}

int
store_throttle_get(struct arena *a, const char *email, int64_t *failures,
    int64_t *locked_until)
{
	struct dbp	 p[] = { DBP_S(email) };
	struct dbres	 res;
	int		 rc;

	*failures = *locked_until = 0;
	if ((rc = db_query(a, STMT_THROTTLE_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*failures = dbrow_int(&res.rows[0], 0);
	*locked_until = dbrow_int(&res.rows[0], 2);
	return 1;
}

int
store_throttle_fail(const char *email, int64_t now, int64_t after,
    int64_t lock_seconds)
{
	/* ON DUPLICATE KEY UPDATE assigns left to right: "failures" in the
	 * IF() is already the count including this failure. */
	struct dbp	 p[] = { DBP_S(email), DBP_I(now), DBP_I(after),
	    DBP_I(lock_seconds) };

	return db_exec(STMT_THROTTLE_FAIL, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_throttle_clear(const char *email)
{
	struct dbp	 p[] = { DBP_S(email) };

	return db_exec(STMT_THROTTLE_CLEAR, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_session_insert(const unsigned char hash[32], int64_t user_id,
    const char *csrf, int64_t now, const char *addr, const char *ua)
{
	char		 uabuf[256];
	struct dbp	 p[7];

	size_t		 n;

	/* Keep whole UTF-8 characters when cutting the user agent. */
	snprintf(uabuf, sizeof(uabuf), "%s", ua ? ua : "");
	n = strlen(uabuf);
	if (n == sizeof(uabuf) - 1) {
		while (n > 0 && ((unsigned char)uabuf[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)uabuf[n - 1] & 0x80))
			n--;	/* drop the lead byte of the cut character */
		uabuf[n] = '\0';
	}
	p[0] = DBP_B(hash, 32);
	p[1] = DBP_I(user_id);
	p[2] = DBP_S(csrf);
	p[3] = DBP_I(now);
	p[4] = DBP_I(now);
	p[5] = DBP_S(addr ? addr : "");
	p[6] = DBP_S(uabuf);
	return db_exec(STMT_SESSION_INSERT, p, 7, NULL) < 0 ? -1 : 1;
}

int
store_session_load(struct arena *a, const unsigned char hash[32],
    struct store_session *s)
{
	struct dbp	 p[] = { DBP_B(hash, 32) };
	struct dbres	 res;
	int		 rc;

	if ((rc = db_query(a, STMT_SESSION_LOAD, p, NPARAMS(p), &res)) <= 0)
		return rc;
	s->id = dbrow_int(&res.rows[0], 0);
	s->created_at = dbrow_int(&res.rows[0], 1);
	s->last_seen = dbrow_int(&res.rows[0], 2);
	s->csrf = dbrow_str(&res.rows[0], 3);
	user_from_row(&res.rows[0], 4, &s->user);
	s->disabled = (int)dbrow_int(&res.rows[0], 10);
	s->operator_name = dbrow_str(&res.rows[0], 11);
	return 1;
}

int
store_session_touch(int64_t id, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(id) };

	return db_exec(STMT_SESSION_TOUCH, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_session_delete(int64_t id)
{
	struct dbp	 p[] = { DBP_I(id) };

	return db_exec(STMT_SESSION_DELETE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_session_delete_user(int64_t user_id)
{
	struct dbp	 p[] = { DBP_I(user_id) };

	return db_exec(STMT_SESSION_DELETE_USER, p, NPARAMS(p), NULL) < 0 ?
	    -1 : 1;
}
