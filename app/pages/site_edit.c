/*
 * site_edit: create (/sites/new) and edit (/sites/N/edit) a site: name,
 * address, time zone and currency (operator admins).
 */
#include <stdio.h>
#include <string.h>

#include "../ops/sites.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum site_field { SF_NAME, SF_ADDRESS, SF_TZ, SF_CURRENCY, SF__MAX };

static const struct field fields[SF__MAX] = {
	[SF_NAME] = { "name", "Name", FT_TEXT, 200, 1, 0, 0, NULL },
	[SF_ADDRESS] = { "address", "Address", FT_MULTILINE, 500, 0, 0, 0, NULL },
	[SF_TZ] = { "timezone", "Time zone", FT_TEXT, 64, 0, 0, 0, NULL },
	[SF_CURRENCY] = { "currency", "Currency", FT_TEXT, 8, 0, 0, 0, NULL },
};

/* The site being edited (none when creating): 1, 0 answered (404/500). */
static int
load(struct req *r, struct store_estate_site *cur)
{
	int		 rc;

	memset(cur, 0, sizeof(*cur));
	cur->name = cur->address = cur->timezone = cur->currency = "";
	if (r->nids == 0)
		return 1;
	if ((rc = store_estate_site_get(r->a, r->user.operator_id, r->ids[0],
	    cur)) < 0) {
		page_store_error(r);
		return 0;
	}
	if (rc == 0) {
		http_error(r, 404);
		return 0;
	}
	return 1;
}

static void
fill_head(struct req *r, struct tpl_dict *d, const struct store_estate_site *cur)
{
	if (cur->id != 0) {
		tpl_show(d, TN_EDITING);
		tpl_set_int(d, TN_SITE_ID, cur->id);
		tpl_set(d, TN_SITE_NAME, cur->name);
		tpl_set(d, TN_ACTION, arena_printf(r->a, "/sites/%lld/edit",
		    (long long)cur->id));
	} else {
		tpl_show(d, TN_CREATING);
		tpl_set(d, TN_ACTION, "/sites/new");
	}
}

void
page_site_edit(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 cur;
	struct fval			 v[SF__MAX];
	struct ops_ctx			 c;
	struct site_save_in		 in;
	struct site_save_out		 out;
	int				 rc;

	if (!load(r, &cur) || (d = page_begin(r, cur.id ? "Edit site" :
	    "New site", "site_edit.tpl", "sites")) == NULL)
		return;
	fill_head(r, d, &cur);
	if (r->method == M_GET) {
		form_fill(r, d, "name", cur.name);
		form_fill(r, d, "address", cur.address);
		form_fill(r, d, "timezone", cur.timezone);
		form_fill(r, d, "currency", cur.currency);
		page_end(r);
		return;
	}
	if (form_read(r, d, fields, SF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.id = cur.id;
	in.name = v[SF_NAME].s ? v[SF_NAME].s : "";
	in.address = v[SF_ADDRESS].s ? v[SF_ADDRESS].s : "";
	in.timezone = v[SF_TZ].s ? v[SF_TZ].s : "";
	in.currency = v[SF_CURRENCY].s ? v[SF_CURRENCY].s : "";
	page_ops_ctx(r, &c);
	if ((rc = ops_site_save(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		if (page_refused_bare(r, &out.why))
			return;
		page_refused(r, d, &out.why);
		page_end(r);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/sites/%lld?done=%s",
	    (long long)out.id, cur.id ? "saved" : "created"));
}
