/*
 * useradmin: see useradmin.h.
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../domain/account.h"
#include "../ops/users.h"
#include "../store/store_account.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

enum ua_field {
	UAF_NAME,	/* name */
	UAF_EMAIL,	/* email */
	UAF_ROLE,	/* role */
	UAF__MAX
};

static const struct field fields[UAF__MAX] = {
	[UAF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[UAF_EMAIL] = { "email", "Email", FT_EMAIL, 254, 1, 0, 0, NULL, 0 },
	[UAF_ROLE] = { "role", "Role", FT_TEXT, 24, 1, 0, 0, NULL, 0 },
};

/* ?done= after each change (the link has a page of its own). */
static const char *const done_codes[USER_CHANGE__MAX] = {
	"user_disabled",	/* USER_DISABLE */
	"user_enabled",		/* USER_ENABLE */
	"user_removed",		/* USER_REMOVE */
	NULL,			/* USER_LINK: the page shows the link */
	"role_changed",		/* USER_ROLE */
};

void
useradmin_refused(struct req *r, struct tpl_dict *d,
    const struct ops_result *why, int64_t retry_after)
{
	page_refused(r, d, why);
	if (why->why == OPS_TOO_MANY)
		http_header(r, "Retry-After", arena_printf(r->a, "%lld",
		    (long long)retry_after));
}

/* The roles a user of occupier occ (0: the team) may have. */
static unsigned
roles_of(int64_t occ)
{
	return occ == 0 ? R_OPERATOR : R_OCCUPIER;
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

/* Show the link block (LINK) for a user just given a link. */
static void
show_link(struct req *r, struct tpl_dict *d, const char *name,
    const char *email, const char *link)
{
	struct tpl_dict	*l;

	l = tpl_section(d, TN_LINK);
	tpl_set(l, TN_NAME, name);
	tpl_set(l, TN_EMAIL, email);
	tpl_set(l, TN_URL, link);
	page_set_time(r, l, TN_EXPIRES, TN__MAX, r->now + ACCOUNT_LINK_SECONDS);
}

/* What removing user u does, named. */
static const char *
remove_consequence(struct req *r, const struct store_account_user *u)
{
	return arena_printf(r->a, "%s (%s) will no longer be able to sign in: "
	    "their sessions end now and they leave this list. This cannot "
	    "be undone; to give them access again, add them as a new user.",
	    u->name, u->email);
}

/* Removing user id asks first, naming the consequence: 1 go on
 * (confirmed, or no such user: the operation says so), 0 the question
 * answered. */
static int
remove_confirmed(struct req *r, int64_t occ, int64_t id, const char *base)
{
	struct store_account_user	 u;
	struct page_confirm		 q;
	int				 rc;

	if ((rc = store_account_user_get(r->a, r->user.operator_id, occ, id, 0,
	    &u)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		return rc == 0;
	}
	memset(&q, 0, sizeof(q));
	q.title = arena_printf(r->a, "Remove %s?", u.name);
	q.consequence = remove_consequence(r, &u);
	q.button = "Remove the user";
	q.back = base;
	q.back_label = "Users";
	q.menu = r->user.occupier_id > 0 ? "myusers" : "occupiers";
	return page_confirmed(r, &q);
}

/* One row of the list, with the actions that apply to u. */
static void
fill_user(struct req *r, struct tpl_dict *d, int64_t occ,
    const struct store_account_user *u)
{
	struct tpl_dict	*row;
	enum role	 rl = role_parse(u->role);

	row = tpl_section(d, TN_USER);
	tpl_set_int(row, TN_ID, u->id);
	tpl_set(row, TN_NAME, u->name);
	tpl_set(row, TN_EMAIL, u->email);
	tpl_set(row, TN_ROLE_LABEL, rl == ROLE__MAX ? u->role : role_labels[rl]);
	if (u->disabled) {
		tpl_set(row, TN_STATUS, "Disabled");
		tpl_set(row, TN_STATUS_CLASS, "inactive");
	} else if (u->invited) {
		tpl_set(row, TN_STATUS, "Invitation pending");
		tpl_set(row, TN_STATUS_CLASS, "scheduled");
	} else {
		tpl_set(row, TN_STATUS, "Active");
		tpl_set(row, TN_STATUS_CLASS, "active");
	}
	tpl_set_int(row, TN_SESSIONS, u->nsessions);
	if (u->id == r->user.id) {
		tpl_show(row, TN_IS_ME);
		return;		/* nothing to do to oneself here */
	}
	if (occ == 0) {
		tpl_show(row, TN_CAN_ROLE);
		role_options(row, TN_ROLE_OPT, roles_of(occ), u->role);
	}
	tpl_show(row, u->disabled ? TN_CAN_ENABLE : TN_CAN_DISABLE);
	if (!u->disabled)
		tpl_show(row, TN_CAN_LINK);
	if (occ != 0)
		tpl_set(tpl_section(row, TN_CAN_REMOVE), TN_CONFIRM,
		    remove_consequence(r, u));
}

/* The list (its rows post to action/ID) and the add form. 1, -1. */
static int
fill_users(struct req *r, struct tpl_dict *d, int64_t occ, const char *action)
{
	struct store_account_user	*u;
	const char			*sel;
	unsigned			 roles = roles_of(occ);
	size_t				 n, i;

	if (store_account_user_list(r->a, r->user.operator_id, occ,
	    r->now - (int64_t)cfg.idle_minutes * 60,
	    r->now - (int64_t)cfg.absolute_hours * 3600, &u, &n) < 0)
		return -1;
	tpl_set(d, TN_ACTION, action);
	for (i = 0; i < n; i++)
		fill_user(r, d, occ, &u[i]);
	tpl_show(d, n > 0 ? TN_HAS_USERS : TN_NO_USERS);
	/* The add form keeps its role only when it comes back with errors. */
	sel = r->status == 422 ? form_text(r, "role", fields[UAF_ROLE].cap) :
	    NULL;
	/* Otherwise the least privileged role: the last of the mask. */
	for (i = 0; sel == NULL && i < ROLE__MAX; i++)
		if ((roles & (1u << i)) && !(roles >> (i + 1)))
			sel = role_names[i];
	role_options(d, TN_ADD_ROLE_OPT, roles, sel);
	return 1;
}

/* POST base: add a user. 1 answered (500), else 0 for the list: with the
 * new user's link, or the form back with its messages. */
static int
user_add(struct req *r, struct tpl_dict *d, int64_t occ)
{
	struct tpl_dict		*scratch;
	struct fval		 v[UAF__MAX];
	struct ops_ctx		 c;
	struct user_create_in	 in;
	struct user_create_out	 out;
	int			 errors, bad_role, rc;

	/* Read into a scratch dictionary: once the user is added, the form
	 * on the page starts empty again. */
	if ((scratch = tpl_dict_new("useradmin")) == NULL) {
		page_store_error(r);
		return 1;
	}
	arena_defer(r->a, tpl_dict_free, scratch);
	errors = form_read(r, scratch, fields, UAF__MAX, v);
	bad_role = v[UAF_ROLE].err == NULL &&
	    !ops_user_role_ok(occ, v[UAF_ROLE].s);
	if (errors > 0 || bad_role) {
		(void)form_read(r, d, fields, UAF__MAX, v);
		if (bad_role)
			form_error(r, d, "role", "Role must be one of the "
			    "choices.");
		r->status = 422;
		return 0;
	}
	memset(&in, 0, sizeof(in));
	in.occupier_id = occ;
	in.name = v[UAF_NAME].s;
	in.email = v[UAF_EMAIL].s;
	in.role = v[UAF_ROLE].s;
	page_ops_ctx(r, &c);
	if ((rc = ops_user_create(&c, &in, &out)) < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc == 0) {
		(void)form_read(r, d, fields, UAF__MAX, v);
		useradmin_refused(r, d, &out.why, out.retry_after);
		return 0;
	}
	show_link(r, d, in.name, out.email, out.link);
	return 0;
}

/* POST base/ID: change user id. 1 answered (a redirect or an error
 * page), else 0 for the list: with the user's new link, or the refusal. */
static int
user_change(struct req *r, struct tpl_dict *d, int64_t occ, int64_t id,
    const char *base)
{
	struct ops_ctx		 c;
	struct user_change_in	 in;
	struct user_change_out	 out;
	int			 k, rc;

	if ((k = form_enum(r, "op", user_changes)) < 0 ||
	    (k == USER_ROLE && occ != 0) || (k == USER_REMOVE && occ == 0)) {
		http_error_msg(r, 400, "This change is not one the screen "
		    "offers.");
		return 1;
	}
	if (k == USER_REMOVE && !remove_confirmed(r, occ, id, base))
		return 1;
	in.occupier_id = occ;
	in.id = id;
	in.change = (enum user_change)k;
	in.role = form_text(r, "role", fields[UAF_ROLE].cap);
	page_ops_ctx(r, &c);
	if ((rc = ops_user_change(&c, &in, &out)) < 0) {
		page_store_error(r);
		return 1;
	}
	if (rc == 0) {
		if (page_refused_bare(r, &out.why))
			return 1;
		useradmin_refused(r, d, &out.why, out.retry_after);
		return 0;
	}
	if (in.change == USER_LINK) {
		show_link(r, d, out.user.name, out.user.email, out.link);
		return 0;
	}
	http_redirect(r, arena_printf(r->a, "%s?done=%s", base,
	    done_codes[in.change]));
	return 1;
}

void
useradmin_screen(struct req *r, struct tpl_dict *d, int64_t occ, int64_t id,
    const char *base)
{
	if (r->method == M_POST &&
	    (id == 0 ? user_add(r, d, occ) : user_change(r, d, occ, id, base)))
		return;
	if (fill_users(r, d, occ, base) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

int
useradmin_password_check(struct req *r, struct tpl_dict *d,
    const struct fval *pw, const char *pw_key, const struct fval *cf,
    const char *cf_key)
{
	if (pw->err != NULL || cf->err != NULL)
		return 0;	/* already said */
	switch (account_password_check(pw->raw, cf->raw)) {
	case ACCOUNT_PW_SHORT:
		form_error(r, d, pw_key, arena_printf(r->a, "The new password "
		    "must have at least %d characters.", ACCOUNT_PASSWORD_MIN));
		return 1;
	case ACCOUNT_PW_MISMATCH:
		form_error(r, d, cf_key, "The two new passwords are not the "
		    "same.");
		return 1;
	default:
		return 0;
	}
}
