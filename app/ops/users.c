/*
 * ops/users: see users.h.
 */
#include <string.h>

#include <sodium.h>

#include "../arena.h"
#include "../domain/account.h"
#include "../http/http.h"
#include "../log.h"
#include "../notify.h"
#include "../session.h"
#include "../store/store.h"
#include "../store/store_mail.h"
#include "users.h"

#define RESET_SECONDS	3600	/* a reset link lives an hour */
#define RESET_MAX	3	/* reset e-mails per address per hour */

const char *const user_changes[USER_CHANGE__MAX + 1] = {
	"disable",	/* USER_DISABLE */
	"enable",	/* USER_ENABLE */
	"remove",	/* USER_REMOVE */
	"link",		/* USER_LINK */
	"role",		/* USER_ROLE */
	NULL,
};

/* The paces of ops_user_pace: per user, then per operator, in a window. */
static const struct {
	const char	*name;		/* key prefix */
	int64_t		 window;	/* seconds */
	int64_t		 per_user, per_operator;
	const char	*what;		/* for the message */
} paces[PACE__MAX] = {
	[PACE_PASSWORD] = { "pw", 900, 10, 100, "password changes" },
	[PACE_ACCOUNTS] = { "acct", 600, 30, 200,
	    "new users and set-password links" },
};

int
ops_user_pace(struct ops_ctx *c, enum pace_kind k, struct user_pace_out *out)
{
	struct txn	*t = &c->t;
	int64_t		 n, wait, min;
	const char	*who;

	memset(out, 0, sizeof(*out));
	if (store_pace_take(t->a, arena_printf(t->a, "%s:u:%lld",
	    paces[k].name, (long long)t->user_id), t->now, paces[k].window,
	    paces[k].per_user, &n) < 0)
		return -1;
	who = "from your account";
	if (n <= paces[k].per_user) {
		if (store_pace_take(t->a, arena_printf(t->a, "%s:o:%lld",
		    paces[k].name, (long long)t->operator_id), t->now,
		    paces[k].window, paces[k].per_operator, &n) < 0)
			return -1;
		if (n <= paces[k].per_operator)
			return 1;
		who = "in your organisation";
	}
	wait = account_window_left(t->now, paces[k].window);
	min = account_wait_minutes(wait);
	out->retry_after = wait;
	return ops_refuse(&out->why, OPS_TOO_MANY, NULL, arena_printf(t->a,
	    "Too many %s %s in a short time. Wait %lld minute%s and try "
	    "again; nothing was changed.", paces[k].what, who, (long long)min,
	    min == 1 ? "" : "s"));
}

int
ops_user_role_ok(int64_t occ, const char *role)
{
	enum role	 rl = role_parse(role);

	return rl != ROLE__MAX && ((occ == 0 ? R_OPERATOR : R_OCCUPIER) &
	    (1u << rl)) != 0;
}

static const char *
user_text(struct arena *a, const char *name, const char *email,
    const char *role, int disabled)
{
	return arena_printf(a, "name=%s\nemail=%s\nrole=%s\ndisabled=%d",
	    name, email, role, disabled);
}

/*
 * A new set-password link for user, valid ttl seconds, inside t: drops
 * the user's older unused links, keeps the hash of the new one and queues
 * its e-mail (kind). by: who gave it (0: asked for). *link (may be NULL):
 * the link, absolute. 1, or -1 (also when the user is not t's operator's).
 */
static int
link_issue(struct txn *t, int64_t user, int64_t ttl, enum notify_link kind,
    int64_t by, const char **link)
{
	unsigned char	 h[32];
	char		 hex[65];
	int		 rc;

	session_token_new(hex, h);
	if ((rc = store_account_tokens_drop(t->operator_id, user)) > 0)
		rc = store_account_token_insert(t->operator_id, user, h, t->now,
		    t->now + ttl, by);
	if (rc > 0 && link != NULL)
		*link = notify_url(t->a, arena_printf(t->a,
		    "/set-password?token=%s", hex));
	if (rc > 0)
		rc = notify_password_link(t->a, t->operator_id, user, hex,
		    t->now + ttl, kind, t->now);
	sodium_memzero(hex, sizeof(hex));
	return rc > 0 ? 1 : -1;
}

/* ---- adding a user ---- */

struct create {
	const struct user_create_in	*in;
	struct user_create_out		*out;
	const char			*hash;
};

static int
email_taken(struct user_create_out *out)
{
	return ops_refuse(&out->why, OPS_INVALID, "email", "Email is already "
	    "used by another user: each user signs in with their own email.");
}

static int
create_txn(struct txn *t, void *arg)
{
	struct create			*s = arg;
	const struct user_create_in	*in = s->in;
	int64_t				 occ = in->occupier_id;
	int				 rc;

	rc = store_account_user_insert(t->operator_id, occ, s->out->email,
	    in->name, in->role, s->hash, in->password_hash == NULL,
	    &s->out->id);
	if (rc == -2)
		return email_taken(s->out);
	if (rc == 0)	/* only the shell names them by id */
		return ops_refuse(&s->out->why, OPS_NOT_FOUND, NULL, occ > 0 ?
		    "No such occupier." : "No such operator.");
	if (rc < 0 || (in->password_hash == NULL && link_issue(t,
	    s->out->id, ACCOUNT_LINK_SECONDS, NOTIFY_LINK_ADMIN, t->user_id,
	    &s->out->link) < 0))
		return -1;
	return txn_audit(t, occ, 0, "user", s->out->id, "create", NULL,
	    user_text(t->a, in->name, s->out->email, in->role, 0));
}

int
ops_user_create(struct ops_ctx *c, const struct user_create_in *in,
    struct user_create_out *out)
{
	struct create		 s = { in, out, NULL };
	struct user_pace_out	 pace;
	char			 hash[crypto_pwhash_STRBYTES];
	int			 rc;

	memset(out, 0, sizeof(*out));
	if (!ops_user_role_ok(in->occupier_id, in->role))
		return ops_refuse(&out->why, OPS_INVALID, "role",
		    "Role must be one of the choices.");
	out->email = account_email_fold(arena_strdup(c->t.a, in->email));
	/* Only ctx's own operator is asked: whether another operator has a
	 * user of this address is none of its business. */
	if ((rc = store_account_email_taken(c->t.a, c->t.operator_id,
	    out->email)) != 0)
		return rc < 0 ? -1 : email_taken(out);
	if (in->password_hash != NULL) {
		/* Chosen by its user: no link is mailed, nothing to pace. */
		s.hash = in->password_hash;
		return db_txn(&c->t, create_txn, &s);
	}
	if ((rc = ops_user_pace(c, PACE_ACCOUNTS, &pace)) <= 0) {
		out->why = pace.why;
		out->retry_after = pace.retry_after;
		return rc;
	}
	if (session_hash_unusable(hash, sizeof(hash)) < 0) {
		log_warnx("ops_user_create: password hashing failed");
		return -1;
	}
	s.hash = hash;
	return db_txn(&c->t, create_txn, &s);
}

/* ---- changing one ---- */

struct change {
	struct txn			*t;
	const struct user_change_in	*in;
	struct user_change_out		*out;
	struct store_account_user	*u;
	int				 lastadmin;	/* u is the last admin */
	const char			*from, *to;	/* the audit's; NULL: none */
};

static int
change_refuse(struct change *s, const char *why)
{
	return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, why);
}

static int
last_admin(struct change *s)
{
	return change_refuse(s, arena_printf(s->t->a, "%s is the last "
	    "operator admin: make another team member an admin first.",
	    s->u->name));
}

/* A disabled or removed user ends every session and unused link. */
static int
user_cut_off(struct change *s)
{
	int64_t	 op = s->t->operator_id, id = s->in->id;

	return store_account_sessions_end(op, id, 0) < 0 ||
	    store_account_tokens_drop(op, id) < 0 ? -1 : 1;
}

static int
change_disable(struct change *s)
{
	if (s->u->id == s->t->user_id)
		return change_refuse(s, "You cannot disable your own account.");
	if (s->lastadmin)
		return last_admin(s);
	if (s->u->disabled)
		return 1;
	if (store_account_user_set_disabled(s->t->operator_id,
	    s->in->occupier_id, s->in->id, 1) < 0 || user_cut_off(s) < 0)
		return -1;
	s->from = "disabled=0";
	s->to = "disabled=1";
	return 1;
}

static int
change_enable(struct change *s)
{
	if (!s->u->disabled)
		return 1;
	if (store_account_user_set_disabled(s->t->operator_id,
	    s->in->occupier_id, s->in->id, 0) < 0)
		return -1;
	s->from = "disabled=1";
	s->to = "disabled=0";
	return 1;
}

static int
change_remove(struct change *s)
{
	const struct store_account_user	*u = s->u;

	if (s->in->occupier_id == 0)
		return change_refuse(s, "Team members are disabled, not "
		    "removed.");
	if (u->id == s->t->user_id)
		return change_refuse(s, "You cannot remove your own account.");
	if (store_account_user_remove(s->t->operator_id, s->in->occupier_id,
	    s->in->id) < 0 || user_cut_off(s) < 0)
		return -1;
	s->from = user_text(s->t->a, u->name, u->email, u->role, u->disabled);
	return 1;
}

static int
change_link(struct change *s)
{
	if (s->u->disabled)
		return change_refuse(s, arena_printf(s->t->a, "%s is disabled: "
		    "enable the user before giving them a set-password link.",
		    s->u->name));
	if (link_issue(s->t, s->in->id, ACCOUNT_LINK_SECONDS,
	    NOTIFY_LINK_ADMIN, s->t->user_id, &s->out->link) < 0)
		return -1;
	s->to = "set-password link issued (valid 72 hours)";
	return 1;
}

static int
change_role(struct change *s)
{
	const char	*role = s->in->role;

	if (s->in->occupier_id != 0)
		return change_refuse(s, "The role of an occupier user is set "
		    "when it is added.");
	if (s->u->id == s->t->user_id)
		return change_refuse(s, "You cannot change your own role.");
	if (strcmp(s->u->role, role) == 0)
		return 1;
	if (s->lastadmin)
		return last_admin(s);
	if (store_account_user_set_role(s->t->operator_id, s->in->id,
	    role) < 0)
		return -1;
	s->from = arena_printf(s->t->a, "role=%s", s->u->role);
	s->to = arena_printf(s->t->a, "role=%s", role);
	return 1;
}

static int (*const changes[USER_CHANGE__MAX])(struct change *) = {
	change_disable,		/* USER_DISABLE */
	change_enable,		/* USER_ENABLE */
	change_remove,		/* USER_REMOVE */
	change_link,		/* USER_LINK */
	change_role,		/* USER_ROLE */
};

static int
change_txn(struct txn *t, void *arg)
{
	struct change			*s = arg;
	const struct user_change_in	*in = s->in;
	int64_t				 nadmins = 0;
	int				 rc;

	s->t = t;
	s->u = &s->out->user;
	s->from = s->to = NULL;
	/* Admins first, then the user: every writer locks in that order. */
	if (in->occupier_id == 0 && (in->change == USER_DISABLE ||
	    in->change == USER_ROLE) &&
	    store_account_admins_lock(t->a, t->operator_id, &nadmins) < 0)
		return -1;
	if ((rc = store_account_user_get(t->a, t->operator_id,
	    in->occupier_id, in->id, 1, s->u)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	s->lastadmin = in->occupier_id == 0 && !s->u->disabled &&
	    strcmp(s->u->role, "operator_admin") == 0 && nadmins <= 1;
	if ((rc = changes[in->change](s)) <= 0)
		return rc;
	if (s->from == NULL && s->to == NULL)
		return 1;
	return txn_audit(t, in->occupier_id, 0, "user", in->id,
	    user_changes[in->change], s->from, s->to);
}

int
ops_user_change(struct ops_ctx *c, const struct user_change_in *in,
    struct user_change_out *out)
{
	struct change		 s;
	struct user_pace_out	 pace;
	int			 rc;

	memset(out, 0, sizeof(*out));
	memset(&s, 0, sizeof(s));
	s.in = in;
	s.out = out;
	if (in->change >= USER_CHANGE__MAX)
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL, "This change "
		    "is not one the screen offers.");
	if (in->change == USER_ROLE && (in->role == NULL ||
	    !ops_user_role_ok(in->occupier_id, in->role)))
		return ops_refuse(&out->why, OPS_CONFLICT, NULL, "Role must be "
		    "one of the choices.");
	if (in->change == USER_LINK &&
	    (rc = ops_user_pace(c, PACE_ACCOUNTS, &pace)) <= 0) {
		out->why = pace.why;
		out->retry_after = pace.retry_after;
		return rc;
	}
	return db_txn(&c->t, change_txn, &s);
}

/* ---- "Forgot your password?" ---- */

static int
reset_txn(struct txn *t, void *arg)
{
	const struct store_mail_account	*u = arg;

	if (link_issue(t, u->id, RESET_SECONDS, NOTIFY_LINK_RESET, 0,
	    NULL) < 0)
		return -1;
	return txn_audit(t, 0, 0, "user", u->id, "password_reset", NULL,
	    "reset link e-mailed");
}

int
ops_user_reset(struct ops_ctx *c, const struct user_reset_in *in,
    struct user_reset_out *out)
{
	struct store_mail_account	*u;
	struct txn			 t;
	char				*email;
	int64_t				 recent;
	size_t				 n, i;

	memset(out, 0, sizeof(*out));
	email = account_email_fold(arena_strdup(c->t.a, in->email));
	if (store_mail_recent(c->t.a, email, "password_reset", c->t.now -
	    3600, &recent) < 0 || store_mail_reset_users(c->t.a, email, &u,
	    &n) < 0)
		return -1;
	if (recent >= RESET_MAX) {
		log_info("forgot_password: %lld reset e-mails to one address "
		    "this hour: none more", (long long)recent);
		n = 0;
	}
	/* Each account is its operator's, asked for by nobody signed in. */
	for (i = 0; i < n; i++) {
		t = c->t;
		t.operator_id = u[i].operator_id;
		t.user_id = 0;
		if (db_txn(&t, reset_txn, &u[i]) < 0)
			return -1;
		out->sent++;
	}
	return 1;
}
