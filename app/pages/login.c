/*
 * login: the sign-in page (GET shows it, POST checks it).
 */
#include <stdio.h>
#include <string.h>

#include "../session.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define NEXT_CAP	512	/* a longer path to follow is not ours */

enum login_field {
	LF_EMAIL,	/* email */
	LF_PASSWORD,	/* password */
	LF_OPERATOR,	/* operator: the workspace chosen, when asked */
	LF__MAX
};

static const struct field fields[LF__MAX] = {
	[LF_EMAIL] = { "email", "Email", FT_EMAIL, 254, 1, 0, 0, NULL, 0 },
	[LF_PASSWORD] = { "password", "Password", FT_PASSWORD, 1024, 1, 1, 0, NULL, 0 },
	[LF_OPERATOR] = { "operator", "Workspace", FT_INT, 20, 0, 1,
	    INT64_MAX, NULL, 0 },
};

/*
 * Only local paths are followed after sign-in: one '/' then a character
 * that is neither '/' nor '\\', and nothing but [A-Za-z0-9/_.?=&%-]
 * (browsers drop TAB, CR and LF anywhere in a URL, so "/\t/evil.example"
 * would leave the site). Anything else goes to the start page.
 */
const char *
page_next_path(struct req *r)
{
	const char	*n = r->method == M_POST ? form_text(r, "next",
	    NEXT_CAP) : query_text(r, "next", NEXT_CAP);
	const char	*p;

	if (n == NULL || n[0] != '/' || n[1] == '/' || n[1] == '\\')
		return "/";
	for (p = n; *p != '\0'; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && strchr("/_.?=&%-", *p) == NULL)
			return "/";
	return n;
}

void
page_login_throttled(struct req *r, struct tpl_dict *d, int64_t wait)
{
	r->status = 429;
	http_header(r, "Retry-After", arena_printf(r->a, "%lld",
	    (long long)wait));
	form_error(r, d, NULL, arena_printf(r->a, "Too many failed "
	    "sign-in attempts for this account. Wait %lld minute%s and "
	    "try again.", (long long)(wait + 59) / 60,
	    (wait + 59) / 60 == 1 ? "" : "s"));
}

void
page_login(struct req *r)
{
	struct tpl_dict		*d;
	struct fval		 v[LF__MAX];
	struct store_user	*choices;
	size_t			 nchoices, i;
	int64_t			 wait = 0;
	enum login_result	 res;

	if (r->method == M_GET && r->signed_in) {
		http_redirect(r, page_next_path(r));
		return;
	}
	session_presession(r);
	if ((d = page_begin(r, "Sign in", "login.tpl", NULL)) == NULL)
		return;
	tpl_set(d, TN_NEXT, page_next_path(r));
	if (query_has(r, "expired"))
		tpl_show(d, TN_EXPIRED);
	if (query_has(r, "draft"))
		tpl_show(d, TN_DRAFT_KEPT);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	if (form_read(r, d, fields, LF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	res = session_login(r, v[LF_EMAIL].s, v[LF_PASSWORD].raw,
	    v[LF_OPERATOR].i, &wait, &choices, &nchoices);
	switch (res) {
	case LOGIN_OK:
		http_redirect(r, page_next_path(r));
		return;
	case LOGIN_CODE:
		http_redirect(r, arena_printf(r->a, "/login/code?next=%s",
		    parse_urlencode(r->a, page_next_path(r))));
		return;
	case LOGIN_BAD:
		r->status = 401;
		form_error(r, d, NULL, "Email or password is incorrect.");
		break;
	case LOGIN_CHOOSE:
		/* Only someone who knows the password learns the names. */
		r->status = 200;
		tpl_show(d, TN_CHOOSE);
		for (i = 0; i < nchoices; i++) {
			struct tpl_dict *o = tpl_section(d, TN_WORKSPACE);

			tpl_set_int(o, TN_ID, choices[i].operator_id);
			tpl_set(o, TN_NAME, choices[i].operator_name);
			if (i == 0)
				tpl_show(o, TN_CHECKED);
		}
		break;
	case LOGIN_THROTTLED:
		page_login_throttled(r, d, wait);
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
