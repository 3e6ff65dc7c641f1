/*
 * site_numbers: add a range of phone numbers, or one number, to a site's
 * pool (/sites/N/numbers/new, operator admins), ported in from another
 * provider or not.
 */
#include <stdio.h>
#include <string.h>

#include "../ops/sites.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum range_field { RF_FROM, RF_TO, RF__MAX };

static const struct field fields[RF__MAX] = {
	[RF_FROM] = { "from", "From", FT_TEXT, 32, 1, 0, 0, NULL },
	[RF_TO] = { "to", "To", FT_TEXT, 32, 0, 0, 0, NULL },
};

void
page_site_numbers(struct req *r)
{
	struct tpl_dict			*d;
	struct store_estate_site	 s;
	struct fval			 v[RF__MAX];
	struct ops_ctx			 c;
	struct number_range_in		 in;
	struct number_range_out		 out;
	int				 rc;

	if ((rc = store_estate_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, "Add phone numbers", "site_numbers.tpl",
	    "sites")) == NULL)
		return;
	tpl_set_int(d, TN_SITE_ID, s.id);
	tpl_set(d, TN_SITE_NAME, s.name);
	if (r->method == M_GET) {
		page_end(r);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.ported_in = form_has(r, "ported_in");
	if (in.ported_in)
		tpl_show(d, TN_PORTED_IN);
	if (form_read(r, d, fields, RF__MAX, v) > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	in.site = s.id;
	in.from = v[RF_FROM].s;
	in.to = v[RF_TO].s;
	page_ops_ctx(r, &c);
	if ((rc = ops_number_range_add(&c, &in, &out)) < 0) {
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
	http_redirect(r, arena_printf(r->a, "/sites/%lld/telephony?added=%lld",
	    (long long)s.id, (long long)out.added));
}
