/*
 * login_code: /login/code, the second step of a sign-in with two-factor
 * on. The session is pending (the password was right) and opens nothing
 * else; a current code or an unused recovery code completes it. Wrong
 * codes count against the account like failed sign-ins (the same
 * throttle); a pending session expires after SESSION_MFA_SECONDS.
 */
#include <string.h>

#include "../ops/twofactor.h"
#include "../session.h"
#include "../tpl/tpl.h"
#include "pages.h"

/* A refused code: counted; 429 when that closes the door. */
static void
refused(struct req *r, struct tpl_dict *d, const struct tfa_out *out)
{
	int64_t	 wait = 0;
	int	 rc = 0;

	if (out->why.why == OPS_INVALID &&
	    (rc = session_throttle_fail(r, r->user.email, &wait)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0)
		page_login_throttled(r, d, wait);
	else {
		page_refused(r, d, &out->why);
		if (form_text(r, "code", 32) != NULL)	/* the input kept */
			tpl_set(d, TN_F_CODE, form_text(r, "code", 32));
	}
	page_end(r);
}

void
page_login_code(struct req *r)
{
	struct tpl_dict		*d;
	struct ops_ctx		 c;
	struct tfa_code_in	 in = { NULL, NULL };
	struct tfa_out		 out;
	int64_t			 wait = 0;
	int			 rc;

	if (!r->mfa_pending) {
		/* No sign-in awaits a code: a code posted here is refused. */
		if (r->method == M_POST)
			http_error(r, 400);
		else
			http_redirect(r, r->signed_in ? page_next_path(r) :
			    "/login");
		return;
	}
	if ((d = page_begin(r, "Two-factor sign-in", "login_code.tpl",
	    NULL)) == NULL)
		return;
	tpl_set(d, TN_NEXT, page_next_path(r));
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if ((rc = session_throttle_check(r, r->user.email, &wait)) != 0) {
		if (rc < 0)
			page_store_error(r);
		else {
			page_login_throttled(r, d, wait);
			page_end(r);
		}
		return;
	}
	in.code = form_text(r, "code", 64);
	page_ops_ctx(r, &c);
	if ((rc = ops_twofactor_signin(&c, r->session_id, &in, &out)) == 0) {
		refused(r, d, &out);
		return;
	}
	if (rc < 0 || session_mfa_done(r, r->user.email) < 0) {
		page_store_error(r);
		return;
	}
	http_redirect(r, page_next_path(r));
}
