/*
 * occupier: /occupiers/N opens the occupier at its first site (the first
 * site with a contract, else the operator's first site), Services tab;
 * an occupier just created (the flash "created") with no contract goes
 * on to the move-in's step 2 (occupier_movein.c). The flash goes on with
 * the redirect, for the page it lands on.
 */
#include <stdio.h>
#include <string.h>

#include "../store/store.h"
#include "pages.h"

void
page_occupier(struct req *r)
{
	struct store_occupier	 o;
	struct store_site	*sites;
	int64_t			*ids, site = 0;
	const char		*done;
	size_t			 n, ns;
	int			 rc;

	if ((rc = store_occupier_get(r->a, r->user.operator_id, r->ids[0],
	    &o)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if (store_contract_sites(r->a, r->user.operator_id, o.id, &ids,
	    &n) < 0 || store_site_list(r->a, r->user.operator_id, 0, &sites,
	    &ns) < 0) {
		page_store_error(r);
		return;
	}
	done = http_flash_take(r);
	if (n == 0 && ns > 0 && done != NULL && strcmp(done, "created") == 0) {
		http_redirect(r, arena_printf(r->a,
		    "/occupiers/%lld/move-in?done=moving_in", (long long)o.id));
		return;
	}
	if (n > 0)
		site = ids[0];
	else if (ns > 0)
		site = sites[0].id;
	if (site == 0) {
		http_error_msg(r, 404, "There are no sites yet: add a site "
		    "before opening occupiers.");
		return;
	}
	http_redirect(r, arena_printf(r->a, "/occupiers/%lld/sites/%lld/"
	    "services%s%s", (long long)o.id, (long long)site,
	    done != NULL ? "?done=" : "", done != NULL ? done : ""));
}
