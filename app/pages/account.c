/*
 * account: /account, for every role: the profile (name, which the user
 * may change; email, role, operator and occupier shown), a new password
 * (the current one required, Argon2id, every other session ends), and the
 * live sessions of the user (created, last seen, address, browser; this
 * one marked) each with a revoke button: POST /account/sessions/ID ends
 * that session (ending this one signs out). A wrong current password
 * counts against the account like a failed sign-in.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../config.h"
#include "../domain/account.h"
#include "../log.h"
#include "../ops/accounts.h"
#include "../ops/users.h"
#include "../session.h"
#include "../store/store_account.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

enum acc_field {
	AF_NAME,	/* name */
	AF_CURRENT,	/* current_password */
	AF_NEW,		/* new_password */
	AF_CONFIRM,	/* confirm_password */
	AF__MAX
};

static const struct field fields[AF__MAX] = {
	[AF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[AF_CURRENT] = { "current_password", "Current password", FT_PASSWORD,
	    1024, 1, 1, 0, NULL },
	[AF_NEW] = { "new_password", "New password", FT_PASSWORD, 1024, 1, 1,
	    0, NULL, 0 },
	[AF_CONFIRM] = { "confirm_password", "New password again", FT_PASSWORD,
	    1024, 1, 1, 0, NULL },
};

/* What ending session s does, named. */
static const char *
end_consequence(struct req *r, const struct store_account_session *s)
{
	const char	*agent = *s->user_agent ? s->user_agent :
			    "an unknown browser";

	if (s->id == r->session_id)
		return "This is the session you are using: you will be signed "
		    "out here and must sign in again.";
	return arena_printf(r->a, "The session of %s at %s ends now: that "
	    "browser is signed out and must sign in again.", agent,
	    s->remote_addr);
}

static void
fill(struct req *r, struct tpl_dict *d)
{
	struct store_account_session	*s;
	struct tpl_dict			*row;
	const char			*occ = NULL;
	size_t				 n, i;

	if (r->user.occupier_id > 0 &&
	    store_account_occupier_name(r->a, r->user.operator_id,
	    r->user.occupier_id, &occ) < 0) {
		page_store_error(r);
		return;
	}
	if (store_account_session_list(r->a, r->user.operator_id, r->user.id,
	    r->now - (int64_t)cfg.idle_minutes * 60,
	    r->now - (int64_t)cfg.absolute_hours * 3600, &s, &n) < 0) {
		page_store_error(r);
		return;
	}
	tpl_set(d, TN_EMAIL, r->user.email);
	tpl_set(d, TN_ROLE_LABEL, role_labels[r->user.role]);
	tpl_set(d, TN_OPERATOR, r->user.operator_name);
	if (occ != NULL)
		tpl_set(tpl_section(d, TN_OCCUPIER), TN_OCCUPIER_NAME, occ);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_SESSION);
		tpl_set_int(row, TN_ID, s[i].id);
		page_set_time(r, row, TN_CREATED, TN_CREATED_ISO, s[i].created_at);
		page_set_time(r, row, TN_LAST_SEEN, TN_LAST_SEEN_ISO, s[i].last_seen);
		tpl_set(row, TN_ADDRESS, s[i].remote_addr);
		tpl_set(row, TN_AGENT, *s[i].user_agent ? s[i].user_agent :
		    "Unknown");
		if (s[i].id == r->session_id)
			tpl_show(row, TN_THIS);
		tpl_set(row, TN_CONFIRM, end_consequence(r, &s[i]));
	}
	page_end(r);
}

/* Every hashing slot this worker may use is taken: answer at once. */
static int
account_busy(struct req *r)
{
	http_header(r, "Retry-After", "2");
	http_error_msg(r, 503, "Too many passwords are being checked at this "
	    "moment. Nothing was changed: wait a few seconds and try again.");
	return 1;
}

/* The sign-in throttle of the user's email: 1 go on, 0 refused (the
 * message in d, 429), -1 error. */
static int
throttle_check(struct req *r, struct tpl_dict *d)
{
	int64_t	 wait, min;
	int	 rc;

	if ((rc = session_throttle_check(r, r->user.email, &wait)) <= 0)
		return rc < 0 ? -1 : 1;
	min = account_wait_minutes(wait);
	r->status = 429;
	form_error(r, d, NULL, arena_printf(r->a, "Too many wrong passwords "
	    "for this account. Wait %lld minute%s and try again.",
	    (long long)min, min == 1 ? "" : "s"));
	return 0;
}

/* The current password typed: 1 right, 0 wrong (counted like a failed
 * sign-in; the message in d, 422), -2 busy, -1 error. */
static int
current_check(struct req *r, struct tpl_dict *d, const char *typed)
{
	const char	*hash;
	int64_t		 wait;
	int		 rc;

	if (store_account_user_hash(r->a, r->user.operator_id, r->user.id,
	    &hash) <= 0)
		return -1;
	if ((rc = session_verify_password(hash, typed)) != 0)
		return rc;
	if (session_throttle_fail(r, r->user.email, &wait) < 0)
		return -1;
	r->status = 422;
	form_error(r, d, "current_password", "The current password is not "
	    "correct.");
	return 0;
}

/* The new password's hash into the operation. 1 answered, 0 for the
 * page. */
static int
password_save(struct req *r, const char *password)
{
	struct ops_ctx			 c;
	struct account_password_in	 in;
	struct account_password_out	 out;
	char				 nh[crypto_pwhash_STRBYTES];
	int				 rc;

	if ((rc = session_hash_password(password, nh, sizeof(nh))) == -2)
		return account_busy(r);
	if (rc < 0) {
		log_warnx("account: password hashing failed");
		http_error(r, 500);
		return 1;
	}
	in.hash = nh;
	in.keep_session = r->session_id;
	page_ops_ctx(r, &c);
	rc = ops_account_password(&c, &in, &out);
	sodium_memzero(nh, sizeof(nh));
	if (rc <= 0)
		page_store_error(r);
	else
		http_redirect(r, "/account?done=password_changed");
	return 1;
}

/* POST /account op=password. Answers, or returns 0 for the page. */
static int
password_change(struct req *r, struct tpl_dict *d)
{
	struct fval		 v[AF__MAX];
	struct ops_ctx		 c;
	struct user_pace_out	 pace;
	int			 errors, rc;

	errors = form_read(r, d, fields + AF_CURRENT, 3, v + AF_CURRENT);
	errors += useradmin_password_check(r, d, &v[AF_NEW], "new_password",
	    &v[AF_CONFIRM], "confirm_password");
	if (errors > 0) {
		r->status = 422;
		return 0;
	}
	if ((rc = throttle_check(r, d)) <= 0)
		goto out;
	/* Up to two hashes an attempt: paced per user and per operator, so
	 * that one account cannot keep the hashing slots (and the CPU) from
	 * everybody else. */
	page_ops_ctx(r, &c);
	if ((rc = ops_user_pace(&c, PACE_PASSWORD, &pace)) == 0)
		useradmin_refused(r, d, &pace.why, pace.retry_after);
	if (rc <= 0)
		goto out;
	if ((rc = current_check(r, d, v[AF_CURRENT].raw)) == -2)
		return account_busy(r);
	if (rc <= 0)
		goto out;
	return password_save(r, v[AF_NEW].raw);
out:
	if (rc == 0)
		return 0;
	page_store_error(r);
	return 1;
}

/* Ending session r->ids[0] asks first, naming the consequence: 1 go on
 * (confirmed, or no such session of the user: the operation says so), 0
 * the question answered. */
static int
end_confirmed(struct req *r)
{
	struct store_account_session	*s;
	struct page_confirm		 q;
	size_t				 n, i;

	if (store_account_session_list(r->a, r->user.operator_id, r->user.id,
	    r->now - (int64_t)cfg.idle_minutes * 60,
	    r->now - (int64_t)cfg.absolute_hours * 3600, &s, &n) < 0) {
		page_store_error(r);
		return 0;
	}
	for (i = 0; i < n && s[i].id != r->ids[0]; i++)
		;
	if (i == n)
		return 1;
	memset(&q, 0, sizeof(q));
	q.title = "End this session?";
	q.consequence = end_consequence(r, &s[i]);
	q.button = "End the session";
	q.back = "/account";
	q.back_label = "Account";
	q.menu = "account";
	return page_confirmed(r, &q);
}

/* POST /account/sessions/ID: end that session (this one: signed out). */
static void
session_revoke(struct req *r)
{
	struct ops_ctx			 c;
	struct account_session_in	 in;
	struct account_session_out	 out;
	int				 rc;

	if (!end_confirmed(r))
		return;
	in.session_id = r->ids[0];
	page_ops_ctx(r, &c);
	if ((rc = ops_account_session_end(&c, &in, &out)) <= 0) {
		if (rc < 0 || !page_refused_bare(r, &out.why))
			page_store_error(r);
		return;
	}
	if (r->ids[0] == r->session_id) {
		session_logout(r);
		http_redirect(r, "/login?done=signedout");
		return;
	}
	http_redirect(r, "/account?done=session_revoked");
}

static const char *const account_ops[] = { "profile", "password", NULL };

/* POST /account op=profile: the new name. 1 answered, 0 for the page. */
static int
profile_change(struct req *r, struct tpl_dict *d)
{
	struct ops_ctx			 c;
	struct account_rename_in	 in;
	struct account_rename_out	 out;
	struct fval			 v;

	if (form_read(r, d, &fields[AF_NAME], 1, &v) > 0) {
		r->status = 422;
		return 0;
	}
	in.name = v.s;
	in.was = r->user.name;
	page_ops_ctx(r, &c);
	if (ops_account_rename(&c, &in, &out) <= 0)
		page_store_error(r);
	else
		http_redirect(r, "/account?done=saved");
	return 1;
}

void
page_account(struct req *r)
{
	struct tpl_dict	*d;
	int		 op;

	if (r->nids > 0) {
		session_revoke(r);
		return;
	}
	if ((d = page_begin(r, "Account", "account.tpl", "account")) == NULL)
		return;
	form_fill(r, d, "name", r->user.name);
	if (r->method == M_POST) {
		if ((op = form_enum(r, "op", account_ops)) < 0) {
			http_error_msg(r, 400, "This change is not one the "
			    "screen offers.");
			return;
		}
		if (op == 0 ? profile_change(r, d) : password_change(r, d))
			return;
	}
	fill(r, d);
}
