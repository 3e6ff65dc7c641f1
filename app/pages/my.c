/*
 * my: /my, the occupier user's start page: its services at its first site
 * (the lowest site id where its occupier has a contract), or a short page
 * when it has none yet.
 */
#include <stdio.h>

#include "../tpl/tpl.h"
#include "pages.h"

void
page_my(struct req *r)
{
	struct tpl_dict	*d;
	int64_t		*ids;
	size_t		 n;

	if (my_sites(r, &ids, &n) < 0) {
		page_store_error(r);
		return;
	}
	if (n > 0) {
		http_redirect(r, arena_printf(r->a, "/my/sites/%lld/services",
		    (long long)ids[0]));
		return;
	}
	if ((d = page_begin(r, "Your services", "my_home.tpl", "my")) == NULL)
		return;
	tpl_set(d, TN_OPERATOR_NAME, r->user.operator_name);
	page_end(r);
}
