/*
 * set_password: /set-password?token=T, the one-time link given to a new
 * user (or to one who needs a new password). Public: the token is the
 * credential (256 bits; only its hash is stored). GET shows the form for
 * a live link; POST (token, password, confirm) sets the password
 * (ops_account_password_by_link, one transaction: the link is marked used,
 * the user's other links and every session of the user end, and an audit
 * event is written). A used, expired, superseded or unknown link, or one
 * of a disabled or removed user, is dead: 404 with a short explanation,
 * the same for each.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../log.h"
#include "../ops/accounts.h"
#include "../session.h"
#include "../store/store_account.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

/* A token is 64 hex digits: anything longer is not one. */
#define TOKEN_CAP	128

enum sp_field {
	SPF_PASSWORD,	/* password */
	SPF_CONFIRM,	/* confirm */
	SPF__MAX
};

static const struct field fields[SPF__MAX] = {
	[SPF_PASSWORD] = { "password", "New password", FT_PASSWORD, 1024, 1, 1,
	    0, NULL, 0 },
	[SPF_CONFIRM] = { "confirm", "New password again", FT_PASSWORD, 1024,
	    1, 1, 0, NULL, 0 },
};

static void
dead(struct req *r)
{
	http_error_msg(r, 404, "This link does not work any more: it was "
	    "used already, it expired, or a newer link replaced it. Ask the "
	    "person who gave it to you for a new one.");
}

/* The link's token: of the form (POST) or the query string (GET). */
static const char *
token_of(struct req *r)
{
	return r->method == M_POST ? form_text(r, "token", TOKEN_CAP) :
	    query_text(r, "token", TOKEN_CAP);
}

/* POST: set the password. Answers every case. */
static void
password_post(struct req *r, struct tpl_dict *d,
    const struct store_account_token *t, const unsigned char h[32])
{
	struct fval		 v[SPF__MAX];
	struct ops_ctx		 c;
	struct account_link_in	 in;
	struct account_link_out	 out;
	char			 nh[crypto_pwhash_STRBYTES];
	int			 rc, errors;

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
	in.token = t;
	in.token_hash = h;
	in.hash = nh;
	page_ops_ctx(r, &c);
	rc = ops_account_password_by_link(&c, &in, &out);
	sodium_memzero(nh, sizeof(nh));
	if (rc <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			dead(r);
		return;
	}
	/* Whoever was signed in in this browser is not the user any more. */
	if (r->signed_in)
		session_logout(r);
	http_redirect(r, "/login?done=password_set");
}

void
page_set_password(struct req *r)
{
	struct tpl_dict			*d;
	struct store_account_token	 t;
	unsigned char			 h[32];
	const char			*tok;
	int				 rc;

	if ((tok = token_of(r)) == NULL || session_token_hash(tok, h) == -1) {
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
	if (r->method == M_GET)
		page_end(r);
	else
		password_post(r, d, &t, h);
}
