/*
 * api_sites: GET /api/v1/sites, the key's operator's sites (only its own
 * site for a key restricted to one), in name order.
 */
#include <string.h>

#include "../http/http.h"
#include "../store/store.h"
#include "api.h"

void
api_sites(struct req *r, const struct api_key *k)
{
	struct store_site	*s;
	json_t			*items;
	size_t			 i, n;

	if (store_site_list(r->a, k->operator_id, 0, &s, &n) < 0) {
		api_store_error(r);
		return;
	}
	items = json_array();
	for (i = 0; i < n; i++) {
		if (k->site_id != 0 && s[i].id != k->site_id)
			continue;
		json_array_append_new(items, json_pack("{s:I, s:s, s:s, s:s?, "
		    "s:s?}", "id", (json_int_t)s[i].id, "name", s[i].name,
		    "address", s[i].address, "currency", *s[i].currency ?
		    s[i].currency : NULL, "timezone", *s[i].timezone ?
		    s[i].timezone : NULL));
	}
	api_json(r, 200, json_pack("{s:o}", "items", items));
}
