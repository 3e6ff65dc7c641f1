/*
 * ops/accounts: see accounts.h.
 */
#include <string.h>

#include "../arena.h"
#include "../store/store.h"
#include "accounts.h"

struct rename {
	struct ops_ctx			*c;
	const struct account_rename_in	*in;
};

static int
rename_txn(struct txn *t, void *arg)
{
	struct rename	*s = arg;

	if (store_account_user_set_name(t->operator_id, t->user_id,
	    s->in->name) <= 0)
		return -1;
	return txn_audit(t, s->c->occupier_id, 0, "user", t->user_id,
	    "update", arena_printf(t->a, "name=%s", s->in->was),
	    arena_printf(t->a, "name=%s", s->in->name));
}

int
ops_account_rename(struct ops_ctx *c, const struct account_rename_in *in,
    struct account_rename_out *out)
{
	struct rename	 s = { c, in };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, rename_txn, &s);
}

struct password {
	struct ops_ctx				*c;
	const struct account_password_in	*in;
};

static int
password_txn(struct txn *t, void *arg)
{
	struct password	*s = arg;
	int64_t		 op = t->operator_id, user = t->user_id;

	/* The new password also voids any unused set-password link. */
	if (store_account_user_set_hash(op, user, s->in->hash) <= 0 ||
	    store_account_sessions_end(op, user, s->in->keep_session) <= 0 ||
	    store_account_tokens_drop(op, user) < 0)
		return -1;
	return txn_audit(t, s->c->occupier_id, 0, "user", user, "password",
	    NULL, "password changed; other sessions and set-password links "
	    "ended");
}

int
ops_account_password(struct ops_ctx *c, const struct account_password_in *in,
    struct account_password_out *out)
{
	struct password	 s = { c, in };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, password_txn, &s);
}

struct session_end {
	struct ops_ctx				*c;
	const struct account_session_in		*in;
	struct account_session_out		*out;
};

static int
session_txn(struct txn *t, void *arg)
{
	struct session_end	*s = arg;
	int			 rc;

	if ((rc = store_account_session_delete(t->operator_id, t->user_id,
	    s->in->session_id)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	return txn_audit(t, s->c->occupier_id, 0, "session",
	    s->in->session_id, "revoke", NULL, NULL);
}

int
ops_account_session_end(struct ops_ctx *c, const struct account_session_in *in,
    struct account_session_out *out)
{
	struct session_end	 s = { c, in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, session_txn, &s);
}

struct by_link {
	struct ops_ctx			*c;
	const struct account_link_in	*in;
	struct account_link_out		*out;
};

static int
link_dead(struct by_link *s)
{
	return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL, NULL);
}

static int
by_link_txn(struct txn *t, void *arg)
{
	struct by_link			*s = arg;
	struct store_account_token	 k;
	int				 rc;

	if ((rc = store_account_token_find(t->a, s->in->token_hash, t->now, 1,
	    &k)) <= 0)
		return rc < 0 ? -1 : link_dead(s);
	if ((rc = store_account_user_set_hash(k.operator_id, k.user_id,
	    s->in->hash)) > 0)
		rc = store_account_token_use(k.operator_id, k.id, t->now);
	if (rc <= 0)
		return rc < 0 ? -1 : link_dead(s);
	if (store_account_tokens_drop(k.operator_id, k.user_id) < 0 ||
	    store_account_sessions_end(k.operator_id, k.user_id, 0) < 0 ||
	    store_login_clear(k.email, s->c->remote_addr) < 0)
		return -1;
	return txn_audit(t, k.occupier_id, 0, "user", k.user_id, "password",
	    NULL, "password set through a set-password link");
}

int
ops_account_password_by_link(struct ops_ctx *c,
    const struct account_link_in *in, struct account_link_out *out)
{
	struct by_link	 s = { c, in, out };
	struct txn	 t = c->t;

	memset(out, 0, sizeof(*out));
	/* The link's user acts, in their operator. */
	t.operator_id = in->token->operator_id;
	t.user_id = in->token->user_id;
	return db_txn(&t, by_link_txn, &s);
}
