/*
 * draft: a form posted after its session ended, kept over the sign-in
 * (ops/drafts.h). Only the pages that give a draft back use it (front.c:
 * the Manage services dialog).
 */
#include <string.h>

#include <sodium.h>

#include "../ops/drafts.h"
#include "pages.h"

/* The form without its CSRF token, url-encoded again. */
static const char *
form_body(struct req *r)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, r->a, 256);
	for (i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].key, "csrf") == 0)
			continue;
		buf_printf(&b, "%s%s=%s", b.len > 0 ? "&" : "",
		    parse_urlencode(r->a, r->form.v[i].key),
		    parse_urlencode(r->a, r->form.v[i].val));
	}
	buf_putc(&b, '\0');
	return b.p;
}

int
page_draft_keep(struct req *r)
{
	struct ops_ctx	 c;
	const char	*sent;

	if (r->expired_user <= 0 || r->method != M_POST ||
	    (sent = form_text(r, "csrf", 64)) == NULL || strlen(sent) != 64 ||
	    strlen(r->expired_csrf) != 64 ||
	    sodium_memcmp(sent, r->expired_csrf, 64) != 0)
		return 0;
	page_ops_ctx(r, &c);
	c.t.operator_id = r->expired_operator;
	c.t.user_id = r->expired_user;
	if (ops_draft_keep(&c, r->path, form_body(r)) <= 0)
		return 0;
	http_redirect(r, arena_printf(r->a, "/login?expired=1&draft=1&next=%s",
	    parse_urlencode(r->a, arena_printf(r->a, "%s?draft=1", r->path))));
	return 1;
}

int
page_draft_take(struct req *r, struct kvlist *form)
{
	struct ops_ctx	 c;
	const char	*body, *bad;
	int		 rc;

	memset(form, 0, sizeof(*form));
	if (r->method != M_GET || !query_has(r, "draft"))
		return 0;
	page_ops_ctx(r, &c);
	if ((rc = ops_draft_take(&c, r->path, &body)) < 0) {
		page_store_error(r);
		return -1;
	}
	if (rc == 0)
		return 0;
	if (parse_urlencoded(r->a, body, strlen(body), form, &bad) < 0)
		return 0;	/* ours, so never; then nothing to give back */
	return 1;
}
