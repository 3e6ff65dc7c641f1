/*
 * login: the sign-in page (GET shows it, POST checks it).
 */
#include <stdio.h>
#include <string.h>

#include "../session.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum login_field {
	LF_EMAIL,	/* email */
	LF_PASSWORD,	/* password */
	LF__MAX
};

static const struct field fields[LF__MAX] = {
	[LF_EMAIL] = { "email", "Email", FT_EMAIL, 254, 1, 0, 0 },
	[LF_PASSWORD] = { "password", "Password", FT_PASSWORD, 1024, 1, 1, 0 },
};

/* Only local paths are followed after sign-in. */
static const char *
next_path(struct req *r)
{
	const char	*n = kv_get(r->method == M_POST ? &r->form : &r->query,
	    "next");

	if (n == NULL || n[0] != '/' || n[1] == '/' || n[1] == '\\' ||
	    strpbrk(n, "\r\n") != NULL)
		return "/";
	return n;
}

void
page_login(struct req *r)
{
	struct tpl_dict		*d;
	struct fval		 v[LF__MAX];
	int64_t			 wait = 0;
	enum login_result	 res;

	if (r->method == M_GET && r->signed_in) {
		http_redirect(r, next_path(r));
		return;
	}
	session_presession(r);
	if ((d = page_begin(r, "Sign in", "login.tpl", NULL)) == NULL) {
		http_error(r, 500);
		return;
	}
	tpl_set(d, "NEXT", next_path(r));
	if (kv_get(&r->query, "expired") != NULL)
		tpl_show(d, "EXPIRED");
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, fields, LF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	res = session_login(r, v[LF_EMAIL].s, v[LF_PASSWORD].raw, &wait);
	switch (res) {
	case LOGIN_OK:
		http_redirect(r, next_path(r));
		return;
	case LOGIN_BAD:
		r->status = 401;
		form_error(r, d, NULL, "Email or password is incorrect.");
		break;
	case LOGIN_THROTTLED:
		r->status = 429;
		form_error(r, d, NULL, arena_printf(r->a, "Too many failed "
		    "sign-in attempts for this account. Wait %lld minute%s and "
		    "try again.", (long long)(wait + 59) / 60,
		    (wait + 59) / 60 == 1 ? "" : "s"));
		break;
	case LOGIN_BUSY:
		r->status = 503;
		http_header(r, "Retry-After", "2");
		form_error(r, d, NULL, "Too many people are signing in at this "
		    "moment. Wait a few seconds and try again.");
		break;
	default:
		page_store_error(r);
		return;
	}
	page_end(r);
}
