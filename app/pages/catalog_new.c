/*
 * catalog_new: an operator admin adds a service to the catalog (GET the
 * form, POST it: route table, operator admins only): code, name,
 * category, description, cost, RRP, the five entitlements per unit, the
 * sites offering it and each site's own RRP (catalog_form.h), whether it
 * needs a case or its switch ports. One transaction, an audit event, the
 * catalog version bumped (ops_catalog_service_add); then the service's
 * page.
 */
#include <string.h>

#include "../ops/catalog.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "catalog_form.h"
#include "pages.h"

/* The form (f: as sent, or NULL: empty). */
static void
fill(struct req *r, struct tpl_dict *d, const struct store_site *sites,
    size_t ns, const struct catalog_form *f)
{
	catalog_form_categories(d, f != NULL ? f->def.category : NULL);
	catalog_form_sites(r, d, NULL, NULL, 0, sites, ns, f);
	if (f != NULL && f->def.needs_case)
		tpl_show(d, TN_NEEDS_CASE);
	if (f != NULL && f->def.needs_device)
		tpl_show(d, TN_NEEDS_DEVICE);
}

/* The POST: the service added (redirect to it), or the form again. */
static void
add(struct req *r, struct tpl_dict *d, const struct store_catalog *cat,
    const struct store_site *sites, size_t ns)
{
	struct catalog_service_in	 in;
	struct catalog_form		 f;
	struct catalog_out		 out;
	struct ops_ctx			 c;
	int64_t				*ids;
	int				 rc;

	memset(&f, 0, sizeof(f));
	memset(&out, 0, sizeof(out));
	if (form_ids(r, "site", ns + 64, &ids, &f.nchecked) < 0) {
		http_error_msg(r, 400, "This form could not be read: a choice "
		    "it sends is not one the screen offers.");
		return;
	}
	f.checked = ids;
	if (catalog_form_read(r, d, NULL, sites, ns, &f) > 0)
		rc = ops_refuse(&out.why, OPS_INVALID, NULL, NULL);
	else {
		memset(&in, 0, sizeof(in));
		in.cat = cat;
		in.sites = sites;
		in.nsites = ns;
		in.def = f.def;
		in.checked = f.checked;
		in.nchecked = f.nchecked;
		in.site_rrp = f.site_rrp;
		page_ops_ctx(r, &c);
		rc = ops_catalog_service_add(&c, &in, &out);
	}
	if (rc < 0)
		page_store_error(r);
	else if (rc > 0)
		http_redirect(r, arena_printf(r->a, "/catalog/%lld?done=created",
		    (long long)out.id));
	else if (!page_refused_bare(r, &out.why)) {
		page_refused(r, d, &out.why);
		fill(r, d, sites, ns, &f);
		page_end(r);
	}
}

void
page_catalog_new(struct req *r)
{
	struct tpl_dict		*d;
	struct store_catalog	 c;
	struct store_site	*sites;
	size_t			 ns;

	if (store_catalog_load(r->a, r->user.operator_id, 0, &c) < 0 ||
	    store_site_list_in_use(r->a, r->user.operator_id, &sites, &ns) < 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, "Add a service", "catalog_new.tpl",
	    "catalog")) == NULL)
		return;
	if (r->method == M_GET) {
		fill(r, d, sites, ns, NULL);
		page_end(r);
		return;
	}
	add(r, d, &c, sites, ns);
}
