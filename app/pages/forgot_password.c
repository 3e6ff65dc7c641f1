/*
 * forgot_password: /forgot-password, "Forgot your password?" of the
 * sign-in page. Public. POST (email) answers the same page whatever the
 * address: whether an account uses it is never told. For each enabled
 * account with that address (one per operator), in one transaction: its
 * unused set-password links are dropped, a new one-time link is stored
 * (only the hash of its token, as every set-password link: it works once,
 * for RESET_SECONDS, and a newer link replaces it) and e-mailed through
 * the outbox. At most RESET_MAX links an hour go to one address, so the
 * form cannot be used to flood a mailbox; past that, nothing is sent and
 * the answer is still the same.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../log.h"
#include "../notify.h"
#include "../session.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_account.h"
#include "../store/store_mail.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define RESET_SECONDS	3600	/* a reset link lives an hour */
#define RESET_MAX	3	/* reset e-mails per address per hour */
#define SAVE_TRIES	3

static const struct field email_field =
    { "email", "Email", FT_EMAIL, 254, 1, 0, 0, NULL };

/* One account's new link and its e-mail. 1, -1. */
static int
reset_once(struct req *r, const struct store_mail_account *u)
{
	unsigned char	 h[32];
	char		 hex[65];
	int		 rc;

	if (db_begin() < 0)
		return -1;
	session_token_new(hex, h);
	rc = store_account_tokens_drop(u->operator_id, u->id);
	if (rc > 0)
		rc = store_account_token_insert(u->operator_id, u->id, h,
		    r->now, r->now + RESET_SECONDS, 0);
	if (rc > 0)
		rc = notify_password_link(r->a, u->operator_id, u->id, hex,
		    r->now + RESET_SECONDS, NOTIFY_LINK_RESET, r->now);
	if (rc > 0)
		rc = store_audit(u->operator_id, 0, 0, 0, "user", u->id,
		    "password_reset", NULL, "reset link e-mailed");
	sodium_memzero(hex, sizeof(hex));
	if (rc > 0 && db_commit() > 0)
		return 1;
	db_rollback();
	return -1;
}

void
page_forgot_password(struct req *r)
{
	struct tpl_dict			*d;
	struct store_mail_account	*u;
	struct fval			 v;
	char				*email, *p;
	size_t				 n, i;
	int64_t				 recent;
	int				 rc = 1, attempt;

	session_presession(r);
	if ((d = page_begin(r, "Forgot your password?", "forgot_password.tpl",
	    NULL)) == NULL)
		return;
	if (r->method == M_GET) {
		tpl_show(d, TN_FORM);
		page_end(r);
		return;
	}
	if (form_read(r, d, &email_field, 1, &v) > 0) {
		tpl_show(d, TN_FORM);
		r->status = 422;
		page_end(r);
		return;
	}
	email = arena_strdup(r->a, v.s);
	for (p = email; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (store_mail_recent(r->a, email, "password_reset", r->now - 3600,
	    &recent) < 0 || store_mail_reset_users(r->a, email, &u, &n) < 0) {
		page_store_error(r);
		return;
	}
	if (recent >= RESET_MAX) {
		log_info("forgot_password: %lld reset e-mails to one address "
		    "this hour: none more", (long long)recent);
		n = 0;
	}
	for (i = 0; i < n; i++) {
		for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
			rc = reset_once(r, &u[i]);
			if (rc >= 0 || !db_retryable())
				break;
		}
		if (rc < 0) {
			page_store_error(r);
			return;
		}
	}
	tpl_show(d, TN_SENT);
	tpl_set(d, TN_EMAIL, v.s);
	page_end(r);
}
