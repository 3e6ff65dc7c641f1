/*
 * forgot_password: /forgot-password, "Forgot your password?" of the
 * sign-in page. Public. POST (email) answers the same page whatever the
 * address: whether an account uses it is never told. For each enabled
 * account with that address (one per operator), in one transaction
 * (ops_user_reset): its unused set-password links are dropped, a new
 * one-time link is stored (only the hash of its token, as every
 * set-password link: it works once, for an hour, and a newer link replaces
 * it) and e-mailed through the outbox. At most 3 links an hour go to one
 * address, so the form cannot be used to flood a mailbox; past that,
 * nothing is sent and the answer is still the same.
 */
#include <stdio.h>

#include "../ops/users.h"
#include "../session.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const struct field email_field =
    { "email", "Email", FT_EMAIL, 254, 1, 0, 0, NULL, 0 };

void
page_forgot_password(struct req *r)
{
	struct tpl_dict		*d;
	struct fval		 v;
	struct ops_ctx		 c;
	struct user_reset_in	 in;
	struct user_reset_out	 out;

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
	in.email = v.s;
	page_ops_ctx(r, &c);
	if (ops_user_reset(&c, &in, &out) < 0) {
		page_store_error(r);
		return;
	}
	tpl_show(d, TN_SENT);
	tpl_set(d, TN_EMAIL, v.s);
	page_end(r);
}
