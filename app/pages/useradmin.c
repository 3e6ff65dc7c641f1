/*
 * useradmin: see useradmin.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../config.h"
#include "../log.h"
#include "../notify.h"
#include "../session.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

#define SAVE_TRIES	3

const char *const useradmin_ops[UAO__MAX] = {
	"disable",	/* UAO_DISABLE */
	"enable",	/* UAO_ENABLE */
	"remove",	/* UAO_REMOVE */
	"link",		/* UAO_LINK */
	"role",		/* UAO_ROLE */
};

enum ua_field {
	UAF_NAME,	/* name */
	UAF_EMAIL,	/* email */
	UAF_ROLE,	/* role */
	UAF__MAX
};

static const struct field fields[UAF__MAX] = {
	[UAF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL },
	[UAF_EMAIL] = { "email", "Email", FT_EMAIL, 254, 1, 0, 0, NULL },
	[UAF_ROLE] = { "role", "Role", FT_TEXT, 24, 1, 0, 0, NULL },
};

enum useradmin_op
useradmin_op_parse(const char *s)
{
	int	 i;

	for (i = 0; i < UAO__MAX; i++)
		if (s != NULL && strcmp(s, useradmin_ops[i]) == 0)
			return (enum useradmin_op)i;
	return UAO__MAX;
}

static char *
lower(struct arena *a, const char *s)
{
	char	*p, *q;

	p = arena_strdup(a, s);
	for (q = p; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	return p;
}

/* The paces of useradmin_pace: per user, then per operator, in a window. */
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
useradmin_pace(struct req *r, struct tpl_dict *d, enum pace_kind k)
{
	int64_t		 n, wait;
	const char	*who;

	if (store_pace_take(r->a, arena_printf(r->a, "%s:u:%lld",
	    paces[k].name, (long long)r->user.id), r->now, paces[k].window,
	    paces[k].per_user, &n) < 0)
		return -1;
	who = "from your account";
	if (n <= paces[k].per_user) {
		if (store_pace_take(r->a, arena_printf(r->a, "%s:o:%lld",
		    paces[k].name, (long long)r->user.operator_id), r->now,
		    paces[k].window, paces[k].per_operator, &n) < 0)
			return -1;
		if (n <= paces[k].per_operator)
			return 1;
		who = "in your organisation";
	}
	wait = paces[k].window - r->now % paces[k].window;
	r->status = 429;
	http_header(r, "Retry-After", arena_printf(r->a, "%lld",
	    (long long)wait));
	form_error(r, d, NULL, arena_printf(r->a, "Too many %s %s in a short "
	    "time. Wait %lld minute%s and try again; nothing was changed.",
	    paces[k].what, who, (long long)(wait + 59) / 60,
	    (wait + 59) / 60 == 1 ? "" : "s"));
	return 0;
}

static const char *
user_text(struct req *r, const char *name, const char *email,
    const char *role, int disabled)
{
	return arena_printf(r->a, "name=%s\nemail=%s\nrole=%s\ndisabled=%d",
	    name, email, role, disabled);
}

/* A new link for user: drops the older unused ones, keeps the hash of the
 * new one. Inside the caller's transaction. */
static int
link_issue(struct req *r, int64_t user, const char **link)
{
	unsigned char	 h[32];
	char		 hex[65];
	int		 rc;

	if (store_account_tokens_drop(r->user.operator_id, user) < 0)
		return -1;
	session_token_new(hex, h);
	rc = store_account_token_insert(r->user.operator_id, user, h, r->now,
	    r->now + ACCOUNT_LINK_SECONDS, r->user.id);
	/* Shown absolute, and sent to the user in the same transaction. */
	if (rc > 0) {
		*link = notify_url(r->a, arena_printf(r->a,
		    "/set-password?token=%s", hex));
		rc = notify_password_link(r->a, r->user.operator_id, user, hex,
		    r->now + ACCOUNT_LINK_SECONDS, NOTIFY_LINK_ADMIN, r->now);
	}
	sodium_memzero(hex, sizeof(hex));
	return rc;
}

static int
create_once(struct req *r, int64_t occ, const char *name, const char *email,
    const char *role, const char *hash, int64_t *id, const char **link)
{
	int	 rc;

	if (db_begin() < 0)
		return -1;
	rc = store_account_user_insert(r->user.operator_id, occ, email, name,
	    role, hash, id);
	if (rc > 0)
		rc = link_issue(r, *id, link);
	if (rc > 0)
		rc = store_audit(r->user.operator_id, occ, 0, r->user.id,
		    "user", *id, "create", NULL,
		    user_text(r, name, email, role, 0));
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return rc > 0 ? -1 : rc;
}

int
useradmin_create(struct req *r, struct tpl_dict *d, int64_t occ,
    unsigned roles, int64_t *id, const char **link)
{
	struct tpl_dict	*scratch;
	struct fval	 v[UAF__MAX];
	char		 hash[crypto_pwhash_STRBYTES];
	const char	*email;
	enum role	 role;
	int		 errors, bad_role, rc = -1, attempt;

	*id = 0;
	*link = NULL;
	/* Read into a scratch dictionary: once the user is added, the form
	 * on the page starts empty again. */
	if ((scratch = tpl_dict_new("useradmin")) == NULL)
		return -1;
	arena_defer(r->a, tpl_dict_free, scratch);
	errors = form_read(r, scratch, fields, UAF__MAX, v);
	role = role_parse(v[UAF_ROLE].s);
	bad_role = v[UAF_ROLE].err == NULL &&
	    (role == ROLE__MAX || !(roles & (1u << role)));
	if (errors > 0 || bad_role) {
		(void)form_read(r, d, fields, UAF__MAX, v);
		if (bad_role)
			form_error(r, d, "role", "Role must be one of the "
			    "choices.");
		r->status = 422;
		return 0;
	}
	email = lower(r->a, v[UAF_EMAIL].s);
	/* Only the caller's own operator is asked: whether another operator
	 * has a user of this address is none of its business. */
	if ((rc = store_account_email_taken(r->a, r->user.operator_id,
	    email)) < 0)
		return -1;
	if (rc > 0) {
		(void)form_read(r, d, fields, UAF__MAX, v);
		form_error(r, d, "email", "Email is already used by another "
		    "user: each user signs in with their own email.");
		r->status = 422;
		return 0;
	}
	if ((rc = useradmin_pace(r, d, PACE_ACCOUNTS)) != 1) {
		if (rc == 0)
			(void)form_read(r, d, fields, UAF__MAX, v);
		return rc;
	}
	if (session_hash_unusable(hash, sizeof(hash)) < 0) {
		log_warnx("useradmin: password hashing failed");
		return -1;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = create_once(r, occ, v[UAF_NAME].s, email, role_names[role],
		    hash, id, link);
		if (rc >= 0 || rc == -2 || !db_retryable())
			break;
	}
	if (rc == -2) {
		(void)form_read(r, d, fields, UAF__MAX, v);
		form_error(r, d, "email", "Email is already used by another "
		    "user: each user signs in with their own email.");
		r->status = 422;
		return 0;
	}
	return rc > 0 ? 1 : -1;
}

/* The enabled operator admins, locked. 1, or -1. */
static int
admins(struct req *r, int64_t *count)
{
	return store_account_admins_lock(r->a, r->user.operator_id, count);
}

static int
apply_once(struct req *r, int64_t occ, int64_t id, enum useradmin_op op,
    const char *role, struct store_account_user *u, const char **why,
    const char **link)
{
	int64_t		 op_id = r->user.operator_id, nadmins = 0;
	const char	*action = useradmin_ops[op], *from = NULL, *to = NULL;
	int		 rc, lastadmin;

	if (db_begin() < 0)
		return -1;
	/* Admins first, then the user: every writer locks in that order. */
	if (occ == 0 && (op == UAO_DISABLE || op == UAO_ROLE) &&
	    admins(r, &nadmins) < 0)
		goto fail;
	if ((rc = store_account_user_get(r->a, op_id, occ, id, 1, u)) <= 0) {
		db_rollback();
		return rc;
	}
	lastadmin = occ == 0 && strcmp(u->role, "operator_admin") == 0 &&
	    !u->disabled && nadmins <= 1;
	switch (op) {
	case UAO_DISABLE:
		if (u->id == r->user.id) {
			*why = "You cannot disable your own account.";
			goto refuse;
		}
		if (lastadmin) {
			*why = arena_printf(r->a, "%s is the last operator "
			    "admin: make another team member an admin first.",
			    u->name);
			goto refuse;
		}
		if (u->disabled)
			break;
		if (store_account_user_set_disabled(op_id, occ, id, 1) < 0 ||
		    store_account_sessions_end(op_id, id, 0) < 0 ||
		    store_account_tokens_drop(op_id, id) < 0)
			goto fail;
		from = "disabled=0";
		to = "disabled=1";
		break;
	case UAO_ENABLE:
		if (!u->disabled)
			break;
		if (store_account_user_set_disabled(op_id, occ, id, 0) < 0)
			goto fail;
		from = "disabled=1";
		to = "disabled=0";
		break;
	case UAO_REMOVE:
		if (occ == 0) {
			*why = "Team members are disabled, not removed.";
			goto refuse;
		}
		if (u->id == r->user.id) {
			*why = "You cannot remove your own account.";
			goto refuse;
		}
		if (store_account_user_remove(op_id, occ, id) < 0 ||
		    store_account_sessions_end(op_id, id, 0) < 0 ||
		    store_account_tokens_drop(op_id, id) < 0)
			goto fail;
		from = user_text(r, u->name, u->email, u->role, u->disabled);
		break;
	case UAO_LINK:
		if (u->disabled) {
			*why = arena_printf(r->a, "%s is disabled: enable the "
			    "user before giving them a set-password link.",
			    u->name);
			goto refuse;
		}
		if (link_issue(r, id, link) <= 0)
			goto fail;
		to = "set-password link issued (valid 72 hours)";
		break;
	case UAO_ROLE:
		if (occ != 0) {
			*why = "The role of an occupier user is set when it is "
			    "added.";
			goto refuse;
		}
		if (u->id == r->user.id) {
			*why = "You cannot change your own role.";
			goto refuse;
		}
		if (strcmp(u->role, role) == 0)
			break;
		if (lastadmin) {
			*why = arena_printf(r->a, "%s is the last operator "
			    "admin: make another team member an admin first.",
			    u->name);
			goto refuse;
		}
		if (store_account_user_set_role(op_id, id, role) < 0)
			goto fail;
		from = arena_printf(r->a, "role=%s", u->role);
		to = arena_printf(r->a, "role=%s", role);
		break;
	default:
		goto fail;
	}
	if ((from != NULL || to != NULL) && store_audit(op_id, occ, 0,
	    r->user.id, "user", id, action, from, to) < 0)
		goto fail;
	if (db_commit() < 0)
		goto fail;
	return 1;
refuse:
	db_rollback();
	return -2;
fail:
	db_rollback();
	return -1;
}

int
useradmin_apply(struct req *r, int64_t occ, int64_t id, enum useradmin_op op,
    const char *role, unsigned roles, struct store_account_user *u,
    const char **why, const char **link)
{
	enum role	 rl;
	int		 rc = -1, attempt;

	*why = NULL;
	*link = NULL;
	memset(u, 0, sizeof(*u));
	if (op == UAO_ROLE) {
		rl = role_parse(role);
		if (rl == ROLE__MAX || !(roles & (1u << rl))) {
			*why = "Role must be one of the choices.";
			return -2;
		}
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = apply_once(r, occ, id, op, role, u, why, link);
		if (rc != -1 || !db_retryable())
			break;
	}
	return rc;
}

static void
role_options(struct tpl_dict *d, enum tpl_name section, unsigned roles,
    const char *selected)
{
	struct tpl_dict	*o;
	int		 i;

	for (i = 0; i < ROLE__MAX; i++) {
		if (!(roles & (1u << i)))
			continue;
		o = tpl_section(d, section);
		tpl_set(o, TN_KEY, role_names[i]);
		tpl_set(o, TN_LABEL, role_labels[i]);
		if (selected != NULL && strcmp(selected, role_names[i]) == 0)
			tpl_show(o, TN_SELECTED);
	}
}

int
useradmin_fill(struct req *r, struct tpl_dict *d, int64_t occ,
    const char *action, unsigned roles, int team)
{
	struct store_account_user	*u;
	struct tpl_dict			*row;
	const char			*sel;
	size_t				 n, i;
	enum role			 rl;

	if (store_account_user_list(r->a, r->user.operator_id, occ,
	    r->now - (int64_t)cfg.idle_minutes * 60,
	    r->now - (int64_t)cfg.absolute_hours * 3600, &u, &n) < 0)
		return -1;
	tpl_set(d, TN_ACTION, action);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_USER);
		tpl_set_int(row, TN_ID, u[i].id);
		tpl_set(row, TN_NAME, u[i].name);
		tpl_set(row, TN_EMAIL, u[i].email);
		rl = role_parse(u[i].role);
		tpl_set(row, TN_ROLE_LABEL, rl == ROLE__MAX ? u[i].role :
		    role_labels[rl]);
		if (u[i].disabled) {
			tpl_set(row, TN_STATUS, "Disabled");
			tpl_set(row, TN_STATUS_CLASS, "inactive");
		} else if (u[i].invited) {
			tpl_set(row, TN_STATUS, "Invitation pending");
			tpl_set(row, TN_STATUS_CLASS, "scheduled");
		} else {
			tpl_set(row, TN_STATUS, "Active");
			tpl_set(row, TN_STATUS_CLASS, "active");
		}
		tpl_set_int(row, TN_SESSIONS, u[i].nsessions);
		if (u[i].id == r->user.id) {
			tpl_show(row, TN_IS_ME);
			continue;	/* nothing to do to oneself here */
		}
		if (team) {
			tpl_show(row, TN_CAN_ROLE);
			role_options(row, TN_ROLE_OPT, roles, u[i].role);
		}
		tpl_show(row, u[i].disabled ? TN_CAN_ENABLE : TN_CAN_DISABLE);
		if (!u[i].disabled)
			tpl_show(row, TN_CAN_LINK);
		if (!team)
			tpl_show(row, TN_CAN_REMOVE);
	}
	tpl_show(d, n > 0 ? TN_HAS_USERS : TN_NO_USERS);
	/* The add form keeps its role only when it comes back with errors. */
	sel = r->status == 422 ? kv_get(&r->form, "role") : NULL;
	/* Otherwise the least privileged role: the last of the mask. */
	for (i = 0; sel == NULL && i < ROLE__MAX; i++)
		if ((roles & (1u << i)) && !(roles >> (i + 1)))
			sel = role_names[i];
	role_options(d, TN_ADD_ROLE_OPT, roles, sel);
	return 1;
}

void
useradmin_show_link(struct req *r, struct tpl_dict *d, const char *name,
    const char *email, const char *link)
{
	struct tpl_dict	*l;

	l = tpl_section(d, TN_LINK);
	tpl_set(l, TN_NAME, name);
	tpl_set(l, TN_EMAIL, email);
	tpl_set(l, TN_URL, link);
	page_set_time(r, l, TN_EXPIRES, TN__MAX, r->now + ACCOUNT_LINK_SECONDS);
}

static const char *const done_codes[UAO__MAX] = {
	"user_disabled",	/* UAO_DISABLE */
	"user_enabled",		/* UAO_ENABLE */
	"user_removed",		/* UAO_REMOVE */
	NULL,			/* UAO_LINK: the page shows the link */
	"role_changed",		/* UAO_ROLE */
};

void
useradmin_screen(struct req *r, struct tpl_dict *d, int64_t occ, int64_t id,
    const char *base, unsigned roles, int team)
{
	struct store_account_user	 u;
	enum useradmin_op		 op;
	const char			*why, *link;
	int64_t				 nid;
	int				 rc;

	if (r->method == M_POST && id == 0) {
		rc = useradmin_create(r, d, occ, roles, &nid, &link);
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			if (store_account_user_get(r->a, r->user.operator_id,
			    occ, nid, 0, &u) <= 0) {
				page_store_error(r);
				return;
			}
			useradmin_show_link(r, d, u.name, u.email, link);
		}
	} else if (r->method == M_POST) {
		if ((op = useradmin_op_parse(kv_get(&r->form, "op"))) ==
		    UAO__MAX || (op == UAO_ROLE && !team) ||
		    (op == UAO_REMOVE && team)) {
			http_error_msg(r, 400, "This change is not one the "
			    "screen offers.");
			return;
		}
		if (op == UAO_LINK &&
		    (rc = useradmin_pace(r, d, PACE_ACCOUNTS)) != 1) {
			if (rc < 0)
				page_store_error(r);
			else if (useradmin_fill(r, d, occ, base, roles,
			    team) < 0)
				page_store_error(r);
			else
				page_end(r);
			return;
		}
		rc = useradmin_apply(r, occ, id, op, kv_get(&r->form, "role"),
		    roles, &u, &why, &link);
		if (rc == 0) {
			http_error(r, 404);
			return;
		}
		if (rc == -1) {
			page_store_error(r);
			return;
		}
		if (rc == -2) {
			r->status = 409;
			form_error(r, d, NULL, why);
		} else if (op == UAO_LINK)
			useradmin_show_link(r, d, u.name, u.email, link);
		else {
			http_redirect(r, arena_printf(r->a, "%s?done=%s", base,
			    done_codes[op]));
			return;
		}
	}
	if (useradmin_fill(r, d, occ, base, roles, team) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

/* Characters (UTF-8 code points) of s. */
static size_t
chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int
useradmin_password_check(struct req *r, struct tpl_dict *d,
    const struct fval *pw, const char *pw_key, const struct fval *cf,
    const char *cf_key)
{
	if (pw->err != NULL || cf->err != NULL)
		return 0;	/* already said */
	if (chars(pw->raw) < USERADMIN_PASSWORD_MIN) {
		form_error(r, d, pw_key, arena_printf(r->a, "The new password "
		    "must have at least %d characters.",
		    USERADMIN_PASSWORD_MIN));
		return 1;
	}
	if (strcmp(pw->raw, cf->raw) != 0) {
		form_error(r, d, cf_key, "The two new passwords are not the "
		    "same.");
		return 1;
	}
	return 0;
}
