/*
 * occupier_site: the site selector's target (a GET form, so it works
 * without JavaScript): /occupiers/N/site?site=S&tab=T redirects to the tab;
 * with tab=contracts&new=1 (the "Start a contract at" form) to a new
 * contract's form at that site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store.h"
#include "pages.h"

void
page_occupier_site(struct req *r)
{
	struct store_site	 s;
	struct store_occupier	 o;
	const char		*tv, *tab = "services";
	int64_t			 site;
	int			 rc;

	if (query_id(r, "site", &site) != 1) {
		http_error(r, 404);
		return;
	}
	if ((tv = query_text(r, "tab", 32)) != NULL && occupier_tab_known(tv))
		tab = tv;
	if ((rc = store_occupier_get(r->a, r->user.operator_id, r->ids[0],
	    &o)) == 0) {
		http_error(r, 404);
		return;
	}
	if (rc < 0 || (rc = store_site_get(r->a, r->user.operator_id, site,
	    &s)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/occupiers/%lld/sites/%lld/%s%s",
	    (long long)r->ids[0], (long long)site, tab,
	    strcmp(tab, "contracts") == 0 && query_has(r, "new") ?
	    "/new" : ""));
}
