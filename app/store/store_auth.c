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
store_users_by_email(struct arena *a, const char *email,
    struct store_user **out, size_t *n)
{
	struct dbp		 p[] = { DBP_S(email) };
	struct dbres		 res;
	struct store_user	*u;
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(a, STMT_USER_BY_EMAIL, p, NPARAMS(p), &res)) <= 0)
		return rc;
	u = arena_calloc(a, res.nrows, sizeof(*u));
	for (i = 0; i < res.nrows; i++) {
		user_from_row(&res.rows[i], 0, &u[i]);
		u[i].pw_hash = dbrow_str(&res.rows[i], 6);
		u[i].disabled = (int)dbrow_int(&res.rows[i], 7);
		u[i].operator_name = dbrow_str(&res.rows[i], 8);
		u[i].tfa = (int)dbrow_int(&res.rows[i], 9);
	}
	*out = u;
	*n = res.nrows;
	return 1;
}

int
store_user_set_hash(int64_t user_id, const char *hash)
{
	struct dbp	 p[] = { DBP_S(hash), DBP_I(user_id) };

	return db_exec(STMT_USER_SET_HASH, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_login_window(struct arena *a, const char *email, const char *addr,
    int64_t since, struct store_login_window *w)
{
	struct dbp	 pe[] = { DBP_S(addr), DBP_S(email), DBP_I(since) };
	struct dbp	 pa[] = { DBP_S(addr), DBP_I(since),
	    DBP_I(LOGIN_ADDR_MAX - 1) };
	struct dbres	 res;
	size_t		 i;

	memset(w, 0, sizeof(*w));
	if (db_query(a, STMT_LOGIN_FAIL_EMAIL, pe, NPARAMS(pe), &res) < 0)
		return -1;
	/* Newest first: the Nth row seen is the one whose leaving the window
	 * takes the count below N. */
	for (i = 0; i < res.nrows; i++) {
		int64_t at = dbrow_int(&res.rows[i], 0);

		if (dbrow_int(&res.rows[i], 1) &&
		    ++w->pair == LOGIN_PAIR_MAX)
			w->pair_nth = at;
		if (++w->account == LOGIN_ACCOUNT_MAX)
			w->account_nth = at;
	}
	if (db_query(a, STMT_LOGIN_FAIL_ADDR, pa, NPARAMS(pa), &res) < 0)
		return -1;
	if (res.nrows > 0)
		w->addr_nth = dbrow_int(&res.rows[0], 0);
	return 1;
}

int
store_login_known(struct arena *a, const char *email, const char *addr,
    int64_t since)
{
	struct dbp	 p[] = { DBP_S(email), DBP_S(addr), DBP_I(since) };
	struct dbres	 res;

	if (db_query(a, STMT_LOGIN_KNOWN, p, NPARAMS(p), &res) < 0)
		return -1;
	return res.nrows > 0;
}

int
store_login_fail(const char *email, const char *addr, int64_t now)
{
	struct dbp	 p[] = { DBP_S(email), DBP_S(addr), DBP_I(now) };

	return db_exec(STMT_LOGIN_FAIL, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_login_ok(const char *email, const char *addr, int64_t now)
{
	struct dbp	 pc[] = { DBP_S(email), DBP_S(addr) };
	struct dbp	 pk[] = { DBP_S(email), DBP_S(addr), DBP_I(now) };

	if (db_exec(STMT_LOGIN_CLEAR, pc, NPARAMS(pc), NULL) < 0 ||
	    db_exec(STMT_LOGIN_OK, pk, NPARAMS(pk), NULL) < 0)
		return -1;
	return 1;
}

int
store_login_clear(const char *email, const char *addr)
{
	struct dbp	 p[] = { DBP_S(email), DBP_S(addr) };

	return db_exec(STMT_LOGIN_CLEAR, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_pace_take(struct arena *a, const char *key, int64_t now,
    int64_t window, int64_t max, int64_t *n)
{
	/* Windows start on multiples of their length, so that every worker
	 * agrees on the current one. */
	int64_t		 start = now - now % window;
	struct dbp	 p[] = { DBP_S(key), DBP_I(start), DBP_I(window),
	    DBP_I(window) };
	struct dbp	 pg[] = { DBP_S(key), DBP_I(start) };
	struct dbres	 res;
	uint64_t	 got = 0;

	/* Over the limit already: refused without a write, so that a flood of
	 * refused attempts costs the database a key read each. */
	if (db_query(a, STMT_PACE_GET, pg, NPARAMS(pg), &res) < 0)
		return -1;
	if (res.nrows > 0 && dbrow_int(&res.rows[0], 0) >= max) {
		*n = dbrow_int(&res.rows[0], 0) + 1;
		return 1;
	}
	if (db_exec(STMT_PACE_TAKE, p, NPARAMS(p), &got) < 0)
		return -1;
	/* LAST_INSERT_ID(n) on an update; a new row has no id: n is 1. */
	*n = got == 0 ? 1 : (int64_t)got;
	return 1;
}

int
store_purge(int64_t now, int64_t idle_seconds, int64_t absolute_seconds,
    int64_t *deleted)
{
	struct dbp	 pf[] = { DBP_I(now - LOGIN_WINDOW_SECONDS) };
	struct dbp	 pk[] = { DBP_I(now - LOGIN_KNOWN_SECONDS) };
	struct dbp	 pp[] = { DBP_I(now - 86400) };
	/* An idle session's row stays an hour past its end (it signs no one
	 * in): a form posted with it meanwhile is kept for the user's next
	 * sign-in (pages/draft.c) rather than lost. */
	struct dbp	 ps[] = { DBP_I(now - idle_seconds - 3600),
	    DBP_I(now - absolute_seconds) };
	int64_t		 n, total = 0;

	if ((n = db_exec(STMT_PURGE_FAILURES, pf, NPARAMS(pf), NULL)) < 0)
		return -1;
	total += n;
	if ((n = db_exec(STMT_PURGE_KNOWN, pk, NPARAMS(pk), NULL)) < 0)
		return -1;
	total += n;
	if ((n = db_exec(STMT_PURGE_PACE, pp, NPARAMS(pp), NULL)) < 0)
		return -1;
	total += n;
	if ((n = db_exec(STMT_PURGE_SESSIONS, ps, NPARAMS(ps), NULL)) < 0)
		return -1;
	total += n;
	/* Forms kept over a sign-in wait a day (ops/drafts.h). */
	if ((n = db_exec(STMT_PURGE_DRAFTS, pp, NPARAMS(pp), NULL)) < 0)
		return -1;
	total += n;
	if ((n = db_exec(STMT_PURGE_API_IDEM, pp, NPARAMS(pp), NULL)) < 0)
		return -1;
	total += n;
	*deleted = total;
	return 1;
}

int
store_session_insert(const unsigned char hash[32], int64_t user_id,
    const char *csrf, int64_t now, const char *addr, const char *ua,
    int mfa_pending)
{
	struct dbp	 p[8];

	p[0] = DBP_B(hash, 32);
	p[1] = DBP_I(user_id);
	p[2] = DBP_S(csrf);
	p[3] = DBP_I(now);
	p[4] = DBP_I(now);
	p[5] = DBP_S(addr ? addr : "");
	p[6] = DBP_S(ua ? ua : "");
	p[7] = DBP_I(mfa_pending ? 1 : 0);
	return db_exec(STMT_SESSION_INSERT, p, 8, NULL) < 0 ? -1 : 1;
}

/* The session columns of STMT_SESSION_LOAD (and _PAGEVER) into s. */
static void
session_from_row(const struct dbrow *row, struct store_session *s)
{
	s->id = dbrow_int(row, 0);
	s->created_at = dbrow_int(row, 1);
	s->last_seen = dbrow_int(row, 2);
	s->csrf = dbrow_str(row, 3);
	user_from_row(row, 4, &s->user);
	s->disabled = (int)dbrow_int(row, 10);
	s->operator_name = dbrow_str(row, 11);
	s->currency = dbrow_str(row, 12);
	s->timezone = dbrow_str(row, 13);
	s->mfa_pending = (int)dbrow_int(row, 14);
	s->user.tfa = (int)dbrow_int(row, 15);
	s->mfa_required = (int)dbrow_int(row, 16);
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
	session_from_row(&res.rows[0], s);
	return 1;
}

int
store_session_load_pagever(struct arena *a, const unsigned char hash[32],
    int64_t occ, int64_t site, struct store_session *s,
    struct store_pagever *pv)
{
	struct dbp	 p[] = { DBP_I(occ), DBP_I(site), DBP_B(hash, 32) };
	struct dbres	 res;
	int		 rc;

	memset(pv, 0, sizeof(*pv));
	if ((rc = db_query(a, STMT_SESSION_LOAD_PAGEVER, p, NPARAMS(p),
	    &res)) <= 0)
		return rc;
	session_from_row(&res.rows[0], s);
	pv->op = s->user.operator_id;
	pv->occ = occ;
	pv->site = site;
	pv->occupier_site = dbrow_int(&res.rows[0], 17);
	pv->catalog = dbrow_int(&res.rows[0], 18);
	pv->site_names = dbrow_int(&res.rows[0], 19);
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

int
store_draft_keep(int64_t op, int64_t user, const char *path, const char *body,
    int64_t now)
{
	struct dbp	 c[] = { DBP_I(user), DBP_S(path) };
	struct dbp	 p[] = { DBP_I(op), DBP_I(user), DBP_S(path), DBP_S(body),
	    DBP_I(now) };

	if (db_exec(STMT_DRAFT_CLEAR, c, NPARAMS(c), NULL) < 0 ||
	    db_exec(STMT_DRAFT_INSERT, p, NPARAMS(p), NULL) < 0)
		return -1;
	return 1;
}

int
store_draft_take(struct arena *a, int64_t op, int64_t user, const char *path,
    int64_t since, const char **body)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(user), DBP_S(path),
	    DBP_I(since) };
	struct dbp	 c[] = { DBP_I(user), DBP_S(path) };
	struct dbres	 res;

	*body = NULL;
	if (db_query(a, STMT_DRAFT_GET, p, NPARAMS(p), &res) < 0)
		return -1;
	if (res.nrows == 0)
		return 0;
	*body = dbrow_str(&res.rows[0], 1);
	if (db_exec(STMT_DRAFT_CLEAR, c, NPARAMS(c), NULL) < 0)
		return -1;
	return 1;
}
