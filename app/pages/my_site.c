/*
 * my_site: the self-service site selector's target (a GET form, so it
 * works without JavaScript): /my/site?site=S&tab=T redirects to the tab at
 * one of the occupier's sites; any other site is 404.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pages.h"

void
page_my_site(struct req *r)
{
	const char	*tv, *tab = "services";
	int64_t		 site;
	int		 rc;

	if (query_id(r, "site", &site) != 1) {
		http_error(r, 404);
		return;
	}
	if ((tv = query_text(r, "tab", 32)) != NULL && my_tab_known(tv))
		tab = tv;
	if ((rc = my_site_ok(r, site)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	http_redirect(r, arena_printf(r->a, "/my/sites/%lld/%s",
	    (long long)site, tab));
}
