/*
 * occupier_pick: the one occupier picker of the operator's screens. A
 * plain text field (templates/occupier_pick.tpl) naming an occupier by its
 * billing reference or its name, resolved by the server when the form is
 * submitted (works without JavaScript); app.js turns it into search as
 * you type with page_occupier_search, GET /occupiers/search?q=[&site=],
 * which answers at most PICK_MAX <option>s for the field's datalist. Every
 * search and resolution is scoped to the signed-in operator; site > 0
 * narrows it to occupiers with a contract at that site.
 */
#include <string.h>

#include "../domain/lookup.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PICK_MAX	20	/* options one search answers */
#define PICK_CAP	200	/* bytes of a typed name or reference */

static const char *
pick_url(struct req *r, int64_t site)
{
	if (site > 0)
		return arena_printf(r->a, "/occupiers/search?site=%lld",
		    (long long)site);
	return "/occupiers/search";
}

void
pick_fill(struct req *r, struct tpl_dict *d, enum tpl_name inc,
    const struct pick *p, const char *value, int invalid)
{
	struct tpl_dict	*x = tpl_include(d, inc, "occupier_pick.tpl");

	tpl_set(x, TN_PICK_ID, p->html_id);
	tpl_set(x, TN_PICK_NAME, p->key);
	tpl_set(x, TN_PICK_LABEL, p->label);
	tpl_set(x, TN_PICK_VALUE, value != NULL ? value : "");
	tpl_set(x, TN_PICK_URL, pick_url(r, p->site));
	if (p->sr_label)
		tpl_show(x, TN_PICK_SR);
	if (invalid)
		tpl_show(x, TN_PICK_INVALID);
}

const char *
pick_text(struct req *r, const struct pick *p)
{
	const char	*v = r->method == M_GET ? query_text(r, p->key,
			    PICK_CAP) : form_text(r, p->key, PICK_CAP);
	char		*t;
	size_t		 cap;

	if (v == NULL)
		return "";
	/* Blanks at the ends are not part of a name or reference. */
	cap = strlen(v) + 1;
	t = arena_alloc(r->a, cap);
	lookup_trim(v, t, cap);
	return t;
}

int
pick_lookup(struct req *r, const struct pick *p, const char *text,
    int64_t *id, const char **name, const char **msg)
{
	struct store_occupier	 o;
	const char		*where = p->site > 0 ?
				    " with a contract at this site" : "";
	int			 rc;

	*id = 0;
	*msg = NULL;
	if (text[0] == '\0') {
		*msg = arena_printf(r->a, "%s: type the occupier's name or "
		    "billing reference.", p->label);
		return 0;
	}
	if ((rc = store_occupier_resolve(r->a, r->user.operator_id, p->site,
	    text, &o)) < 0)
		return -1;
	if (rc == 0)
		*msg = arena_printf(r->a, "%s: no occupier%s matches "
		    "\xe2\x80\x9c%s\xe2\x80\x9d.", p->label, where, text);
	else if (rc == 2)
		*msg = arena_printf(r->a, "%s: \xe2\x80\x9c%s\xe2\x80\x9d "
		    "matches more than one occupier%s: type its billing "
		    "reference or more of its name.", p->label, text, where);
	if (rc != 1)
		return 0;
	*id = o.id;
	if (name != NULL)
		*name = o.name;
	return 1;
}

int
pick_resolve(struct req *r, struct tpl_dict *d, const struct pick *p,
    const char *text, int64_t *id, const char **name)
{
	const char	*msg;
	int		 rc;

	if ((rc = pick_lookup(r, p, text, id, name, &msg)) == 0)
		form_error(r, d, p->key, msg);
	return rc;
}

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

void
page_occupier_search(struct req *r)
{
	struct store_occupier	*o;
	struct tpl_dict		*d, *opt;
	const char		*q;
	int64_t			 site;
	size_t			 n = 0, i;

	if (query_search(r, "q", PICK_CAP, &q) < 0) {
		http_error(r, 400);
		return;
	}
	if (query_id(r, "site", &site) != 1)
		site = 0;
	if ((d = tpl_dict_new("pick")) == NULL) {
		http_error(r, 500);
		return;
	}
	arena_defer(r->a, tpl_dict_free, d);
	if (q[0] != '\0' && store_occupier_pick(r->a, r->user.operator_id,
	    site, q, PICK_MAX, &o, &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		opt = tpl_section(d, TN_OPT);
		tpl_set(opt, TN_VALUE, o[i].billing_ref[0] != '\0' ?
		    o[i].billing_ref : o[i].name);
		tpl_set(opt, TN_NAME, o[i].name);
		if (o[i].billing_ref[0] != '\0') {
			tpl_show(opt, TN_REF);
			tpl_set(opt, TN_BILLING_REF, o[i].billing_ref);
		}
	}
	r->body.len = 0;
	if (tpl_render("occupier_search.tpl", d, emit, &r->body) == -1) {
		http_error(r, 500);
		return;
	}
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	r->done = 1;
}
