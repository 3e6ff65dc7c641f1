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
#include "../log.h"
#include "../session.h"
#include "../store/db.h"
#include "../store/store.h"
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
	[AF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL },
	[AF_CURRENT] = { "current_password", "Current password", FT_PASSWORD,
	    1024, 1, 1, 0, NULL },
	[AF_NEW] = { "new_password", "New password", FT_PASSWORD, 1024, 1, 1,
	    0, NULL },
	[AF_CONFIRM] = { "confirm_password", "New password again", FT_PASSWORD,
	    1024, 1, 1, 0, NULL },
};

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
	}
	page_end(r);
}

static int
profile_once(struct req *r, const char *name)
{
	if (db_begin() < 0)
		return -1;
	if (store_account_user_set_name(r->user.operator_id, r->user.id,
	    name) > 0 && store_audit(r->user.operator_id, r->user.occupier_id,
	    0, r->user.id, "user", r->user.id, "update",
	    arena_printf(r->a, "name=%s", r->user.name),
	    arena_printf(r->a, "name=%s", name)) > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return -1;
}

static int
password_once(struct req *r, const char *hash)
{
	if (db_begin() < 0)
		return -1;
	/* The new password also voids any unused set-password link. */
	if (store_account_user_set_hash(r->user.operator_id, r->user.id,
	    hash) > 0 && store_account_sessions_end(r->user.operator_id,
	    r->user.id, r->session_id) > 0 &&
	    store_account_tokens_drop(r->user.operator_id, r->user.id) >= 0 &&
	    store_audit(r->user.operator_id, r->user.occupier_id, 0,
	    r->user.id, "user", r->user.id, "password", NULL,
	    "password changed; other sessions and set-password links "
	    "ended") > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return -1;
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

/* POST /account op=password. Answers, or returns 0 for the page. */
static int
password_change(struct req *r, struct tpl_dict *d)
{
	struct fval	 v[AF__MAX];
	char		 nh[crypto_pwhash_STRBYTES];
	const char	*hash;
	int64_t		 wait;
	int		 errors, rc;

	errors = form_read(r, d, fields + AF_CURRENT, 3, v + AF_CURRENT);
	errors += useradmin_password_check(r, d, &v[AF_NEW], "new_password",
	    &v[AF_CONFIRM], "confirm_password");
	if (errors > 0) {
		r->status = 422;
		return 0;
	}
	if ((rc = session_throttle_check(r, r->user.email, &wait)) < 0)
		goto err;
	if (rc > 0) {
		r->status = 429;
		form_error(r, d, NULL, arena_printf(r->a, "Too many wrong "
		    "passwords for this account. Wait %lld minute%s and try "
		    "again.", (long long)(wait + 59) / 60,
		    (wait + 59) / 60 == 1 ? "" : "s"));
		return 0;
	}
	/* Up to two hashes an attempt: paced per user and per operator, so
	 * that one account cannot keep the hashing slots (and the CPU) from
	 * everybody else. */
	if ((rc = useradmin_pace(r, d, PACE_PASSWORD)) != 1)
		return rc < 0 ? (page_store_error(r), 1) : 0;
	if ((rc = store_account_user_hash(r->a, r->user.operator_id,
	    r->user.id, &hash)) <= 0)
		goto err;
	if ((rc = session_verify_password(hash, v[AF_CURRENT].raw)) == -2)
		return account_busy(r);
	if (rc == 0) {
		if (session_throttle_fail(r, r->user.email, &wait) < 0)
			goto err;
		r->status = 422;
		form_error(r, d, "current_password", "The current password is "
		    "not correct.");
		return 0;
	}
	if ((rc = session_hash_password(v[AF_NEW].raw, nh, sizeof(nh))) == -2)
		return account_busy(r);
	if (rc < 0) {
		log_warnx("account: password hashing failed");
		http_error(r, 500);
		return 1;
	}
	rc = password_once(r, nh);
	sodium_memzero(nh, sizeof(nh));
	if (rc < 0)
		goto err;
	http_redirect(r, "/account?done=password_changed");
	return 1;
err:
	page_store_error(r);
	return 1;
}

static void
session_revoke(struct req *r)
{
	int	 rc;

	if (db_begin() < 0) {
		page_store_error(r);
		return;
	}
	rc = store_account_session_delete(r->user.operator_id, r->user.id,
	    r->ids[0]);
	if (rc > 0)
		rc = store_audit(r->user.operator_id, r->user.occupier_id, 0,
		    r->user.id, "session", r->ids[0], "revoke", NULL, NULL);
	if (rc <= 0 || db_commit() < 0) {
		db_rollback();
		if (rc == 0)
			http_error(r, 404);
		else
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

void
page_account(struct req *r)
{
	struct tpl_dict	*d;
	struct fval	 v;
	const char	*op;

	if (r->nids > 0) {
		session_revoke(r);
		return;
	}
	if ((d = page_begin(r, "Account", "account.tpl", "account")) == NULL)
		return;
	form_fill(r, d, "name", r->user.name);
	if (r->method == M_POST) {
		op = kv_get(&r->form, "op");
		if (op != NULL && strcmp(op, "profile") == 0) {
			if (form_read(r, d, &fields[AF_NAME], 1, &v) > 0)
				r->status = 422;
			else if (profile_once(r, v.s) < 0) {
				page_store_error(r);
				return;
			} else {
				http_redirect(r, "/account?done=saved");
				return;
			}
		} else if (op != NULL && strcmp(op, "password") == 0) {
			if (password_change(r, d))
				return;
		} else {
			http_error_msg(r, 400, "This change is not one the "
			    "screen offers.");
			return;
		}
	}
	fill(r, d);
}
