/*
 * set_password: /set-password?token=T, the one-time link given to a new
 * user (or to one who needs a new password). Public: the token is the
 * credential (256 bits; only its hash is stored). GET shows the form for
 * a live link; POST (token, password, confirm) sets the password in one
 * transaction: the link is marked used, the user's other links and every
 * session of the user end, and an audit event is written. A used, expired,
 * superseded or unknown link, or one of a disabled or removed user, is
 * dead: 404 with a short explanation, the same for each.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../log.h"
#include "../session.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_account.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

#define SAVE_TRIES	3

enum sp_field {
	SPF_PASSWORD,	/* password */
	SPF_CONFIRM,	/* confirm */
	SPF__MAX
};

static const struct field fields[SPF__MAX] = {
	[SPF_PASSWORD] = { "password", "New password", FT_PASSWORD, 1024, 1, 1,
	    0, NULL },
	[SPF_CONFIRM] = { "confirm", "New password again", FT_PASSWORD, 1024,
	    1, 1, 0, NULL },
};

static void
dead(struct req *r)
{
	http_error_msg(r, 404, "This link does not work any more: it was "
	    "used already, it expired, or a newer link replaced it. Ask the "
	    "person who gave it to you for a new one.");
}

/* 1 set, 0 the link died meanwhile, -1 error. */
static int
set_once(struct req *r, const unsigned char h[32], const char *hash)
{
	struct store_account_token	 t;
	int				 rc;

	if (db_begin() < 0)
		return -1;
	if ((rc = store_account_token_find(r->a, h, r->now, 1, &t)) <= 0)
		goto out;
	if ((rc = store_account_user_set_hash(t.operator_id, t.user_id,
	    hash)) <= 0 ||
	    (rc = store_account_token_use(t.operator_id, t.id, r->now)) <= 0)
		goto out;
	if (store_account_tokens_drop(t.operator_id, t.user_id) < 0 ||
	    store_account_sessions_end(t.operator_id, t.user_id, 0) < 0 ||
	    store_login_clear(t.email, r->remote_addr) < 0 ||
	    store_audit(t.operator_id, t.occupier_id, 0, t.user_id, "user", t.user_id,
	    "password", NULL, "password set through a set-password link") < 0) {
		rc = -1;
		goto out;
	}
	if (db_commit() < 0) {
		rc = -1;
		goto out;
	}
	return 1;
out:
	db_rollback();
	return rc < 0 ? -1 : 0;
}

void
page_set_password(struct req *r)
{
	struct tpl_dict			*d;
	struct store_account_token	 t;
	struct fval			 v[SPF__MAX];
	unsigned char			 h[32];
	char				 nh[crypto_pwhash_STRBYTES];
	const char			*tok;
	int				 rc, attempt, errors;

	tok = kv_get(r->method == M_POST ? &r->form : &r->query, "token");
	if (tok == NULL || session_token_hash(tok, h) == -1) {
		dead(r);
		return;
	}
	if ((rc = store_account_token_find(r->a, h, r->now, 0, &t)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		dead(r);
		return;
	}
	session_presession(r);
	if ((d = page_begin(r, "Set your password", "set_password.tpl",
	    NULL)) == NULL)
		return;
	tpl_set(d, TN_TOKEN, tok);
	tpl_set(d, TN_NAME, t.name);
	tpl_set(d, TN_EMAIL, t.email);
	page_set_time(r, d, TN_EXPIRES, TN__MAX, t.expires_at);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	errors = form_read(r, d, fields, SPF__MAX, v);
	errors += useradmin_password_check(r, d, &v[SPF_PASSWORD], "password",
	    &v[SPF_CONFIRM], "confirm");
	if (errors > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	if ((rc = session_hash_password(v[SPF_PASSWORD].raw, nh,
	    sizeof(nh))) == -2) {
		http_header(r, "Retry-After", "2");
		http_error_msg(r, 503, "Too many passwords are being set at this "
		    "moment. Nothing was changed: wait a few seconds and send "
		    "the form again; the link still works.");
		return;
	}
	if (rc < 0) {
		log_warnx("set_password: hashing failed");
		http_error(r, 500);
		return;
	}
	for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
		rc = set_once(r, h, nh);
		if (rc >= 0 || !db_retryable())
			break;
	}
	sodium_memzero(nh, sizeof(nh));
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		dead(r);
		return;
	}
	/* Whoever was signed in in this browser is not the user any more. */
	if (r->signed_in)
		session_logout(r);
	http_redirect(r, "/login?done=password_set");
}
