/*
 * store_mail: see store_mail.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "db.h"
#include "store_lease.h"
#include "store_mail.h"

int
store_mail_insert(const struct store_mail_new *n, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(n->operator_id), DBP_S(n->kind),
	    DBP_S(n->message_id), DBP_S(n->rcpt), DBP_S(n->rcpt_name),
	    DBP_S(n->subject), DBP_S(n->body_text), DBP_S(n->body_html),
	    DBP_I(n->sensitive ? 1 : 0), DBP_I(n->now), DBP_I(n->now) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_MAIL_INSERT, p, NPARAMS(p), &iid) <= 0)
		return -1;
	if (id != NULL)
		*id = (int64_t)iid;
	return 1;
}

int
store_mail_operator_name(struct arena *a, int64_t op, const char **name)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	int		 rc;

	*name = "";
	if ((rc = db_query(a, STMT_MAIL_OPERATOR_NAME, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*name = dbrow_str(&res.rows[0], 0);
	return 1;
}

/* Columns of STMT_MAIL_LIST / STMT_MAIL_GET. */
static void
list_row(const struct dbrow *r, struct store_mail *m)
{
	memset(m, 0, sizeof(*m));
	m->id = dbrow_int(r, 0);
	m->kind = dbrow_str(r, 1);
	m->rcpt = dbrow_str(r, 2);
	m->rcpt_name = dbrow_str(r, 3);
	m->subject = dbrow_str(r, 4);
	m->state = dbrow_str(r, 5);
	m->attempts = dbrow_int(r, 6);
	m->next_attempt_at = dbrow_int(r, 7);
	m->last_error = dbrow_str(r, 8);
	m->created_at = dbrow_int(r, 9);
	m->sent_at = dbrow_int(r, 10);
	m->message_id = dbrow_str(r, 11);
	m->sensitive = (int)dbrow_int(r, 12);
	m->body_text = "";
	m->body_html = "";
	m->operator_name = "";
}

int
store_mail_claim(struct arena *a, const char *owner, int64_t now,
    int64_t lease_until, struct store_mail *m)
{
	const struct dbrow *r;
	int		 rc;

	memset(m, 0, sizeof(*m));
	if ((rc = store_lease_claim(a, STMT_MAIL_CLAIM, STMT_MAIL_CLAIMED,
	    owner, now, lease_until, &r)) <= 0)
		return rc;
	m->id = dbrow_int(r, 0);
	m->operator_id = dbrow_int(r, 1);
	m->operator_name = dbrow_str(r, 2);
	m->kind = dbrow_str(r, 3);
	m->message_id = dbrow_str(r, 4);
	m->rcpt = dbrow_str(r, 5);
	m->rcpt_name = dbrow_str(r, 6);
	m->subject = dbrow_str(r, 7);
	m->body_text = dbrow_str(r, 8);
	m->body_html = dbrow_str(r, 9);
	m->attempts = dbrow_int(r, 10);
	m->created_at = dbrow_int(r, 11);
	m->state = "sending";
	m->last_error = "";
	return 1;
}

static int
change(enum stmt st, const struct dbp *p, size_t n)
{
	int64_t	 rc;

	if ((rc = db_exec(st, p, n, NULL)) < 0)
		return -1;
	return rc > 0 ? 1 : 0;
}

int
store_mail_sent(int64_t id, const char *owner, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(id), DBP_S(owner) };

	return change(STMT_MAIL_SENT, p, NPARAMS(p));
}

int
store_mail_failed(int64_t id, const char *owner, int64_t max_attempts,
    int64_t retry_at, const char *error)
{
	struct dbp	 p[] = { DBP_I(max_attempts), DBP_I(retry_at),
	    DBP_S(error), DBP_I(id), DBP_S(owner) };

	return change(STMT_MAIL_FAILED, p, NPARAMS(p));
}

int
store_mail_release(int64_t id, const char *owner, int64_t retry_at,
    const char *error)
{
	struct dbp	 p[] = { DBP_I(retry_at), DBP_S(error), DBP_I(id),
	    DBP_S(owner) };

	return change(STMT_MAIL_RELEASE, p, NPARAMS(p));
}

int
store_mail_counts(struct arena *a, int64_t op, int64_t *pending,
    int64_t *sent, int64_t *dead)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*pending = *sent = *dead = 0;
	if (db_query(a, STMT_MAIL_COUNTS, p, NPARAMS(p), &res) < 0)
		return -1;
	for (i = 0; i < res.nrows; i++) {
		const char *s = dbrow_str(&res.rows[i], 0);
		int64_t n = dbrow_int(&res.rows[i], 1);

		if (strcmp(s, "sent") == 0)
			*sent += n;
		else if (strcmp(s, "dead") == 0)
			*dead += n;
		else
			*pending += n;
	}
	return 1;
}

int
store_mail_list(struct arena *a, int64_t op, const char *state,
    int64_t offset, int64_t limit, struct store_mail **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(state), DBP_S(state),
	    DBP_I(limit), DBP_I(offset) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_MAIL_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		list_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_mail_get(struct arena *a, int64_t op, int64_t id, struct store_mail *m)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(m, 0, sizeof(*m));
	if ((rc = db_query(a, STMT_MAIL_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	list_row(&res.rows[0], m);
	m->body_text = dbrow_str(&res.rows[0], 13);
	return 1;
}

int
store_mail_retry(int64_t op, int64_t id, int64_t now)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(op), DBP_I(id) };

	return change(STMT_MAIL_RETRY, p, NPARAMS(p));
}

int
store_mail_recent(struct arena *a, const char *rcpt, const char *kind,
    int64_t since, int64_t *count)
{
	struct dbp	 p[] = { DBP_S(rcpt), DBP_S(kind), DBP_I(since) };
	struct dbres	 res;

	*count = 0;
	if (db_query(a, STMT_MAIL_RECENT, p, NPARAMS(p), &res) < 0)
		return -1;
	*count = dbrow_int(&res.rows[0], 0);
	return 1;
}

static int
rcpts(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    struct store_mail_rcpt **out, size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].email = dbrow_str(&res.rows[i], 0);
		(*out)[i].name = dbrow_str(&res.rows[i], 1);
	}
	*n = res.nrows;
	return 1;
}

int
store_mail_team(struct arena *a, int64_t op, const char *role,
    struct store_mail_rcpt **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(role), DBP_S(role) };

	return rcpts(a, STMT_MAIL_TEAM, p, NPARAMS(p), out, n);
}

int
store_mail_occ_admins(struct arena *a, int64_t op, int64_t occ,
    struct store_mail_rcpt **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ) };

	return rcpts(a, STMT_MAIL_OCC_ADMINS, p, NPARAMS(p), out, n);
}

int
store_mail_user(struct arena *a, int64_t op, int64_t id,
    struct store_mail_rcpt *u, const char **role, int64_t *occ, int *invited)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(u, 0, sizeof(*u));
	if ((rc = db_query(a, STMT_MAIL_USER, p, NPARAMS(p), &res)) <= 0)
		return rc;
	u->email = dbrow_str(&res.rows[0], 0);
	u->name = dbrow_str(&res.rows[0], 1);
	if (role != NULL)
		*role = dbrow_str(&res.rows[0], 2);
	if (occ != NULL)
		*occ = dbrow_int(&res.rows[0], 3);
	if (invited != NULL)
		*invited = (int)dbrow_int(&res.rows[0], 4);
	return 1;
}

int
store_mail_occupier(struct arena *a, int64_t op, int64_t occ,
    const char **name, const char **contact)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ) };
	struct dbres	 res;
	int		 rc;

	*name = *contact = "";
	if ((rc = db_query(a, STMT_MAIL_OCCUPIER, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*name = dbrow_str(&res.rows[0], 0);
	*contact = dbrow_str(&res.rows[0], 1);
	return 1;
}

int
store_mail_reset_users(struct arena *a, const char *email,
    struct store_mail_account **out, size_t *n)
{
	struct dbp	 p[] = { DBP_S(email) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_MAIL_RESET_USERS, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		(*out)[i].id = dbrow_int(&res.rows[i], 0);
		(*out)[i].operator_id = dbrow_int(&res.rows[i], 1);
		(*out)[i].email = dbrow_str(&res.rows[i], 2);
		(*out)[i].name = dbrow_str(&res.rows[i], 3);
	}
	*n = res.nrows;
	return 1;
}

int
store_mail_contracts_due(struct arena *a, int32_t low, int32_t high, int days,
    struct store_mail_contract **out, size_t *n)
{
	char		 lb[DATE_STRLEN], hb[DATE_STRLEN];
	struct dbp	 p[] = { dbp_day(low, lb), dbp_day(high, hb), DBP_I(days) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_MAIL_CONTRACTS_DUE, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];
		struct store_mail_contract *c = &(*out)[i];

		c->id = dbrow_int(r, 0);
		c->operator_id = dbrow_int(r, 1);
		c->occupier_id = dbrow_int(r, 2);
		c->site_id = dbrow_int(r, 3);
		c->reference = dbrow_str(r, 4);
		c->end_date = dbrow_day(r, 5);
		c->occupier_name = dbrow_str(r, 6);
		c->site_name = dbrow_str(r, 7);
	}
	*n = res.nrows;
	return 1;
}

int
store_mail_notice(int64_t contract, int days, int32_t end_date, int64_t op,
    int32_t today)
{
	char		 eb[DATE_STRLEN], tb[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(contract), DBP_I(days),
	    dbp_day(end_date, eb), DBP_I(op), dbp_day(today, tb) };

	return change(STMT_MAIL_NOTICE_INSERT, p, NPARAMS(p));
}

int64_t
store_mail_purge(int64_t before)
{
	struct dbp	 p[] = { DBP_I(before) };

	return db_exec(STMT_MAIL_PURGE, p, NPARAMS(p), NULL);
}
