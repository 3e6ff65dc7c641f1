/*
 * sites: the operator's buildings.
 */
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

void
page_sites(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_site	*s;
	size_t			 n, i;

	if ((d = page_begin(r, "Sites", "sites.tpl", "sites")) == NULL)
		return;
	if (store_site_list(r->a, r->user.operator_id, 1, &s, &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, s[i].id);
		tpl_set(row, TN_NAME, s[i].name);
		tpl_set(row, TN_ADDRESS, s[i].address);
		tpl_set_int(row, TN_FLOORS, s[i].nfloors);
		tpl_set_int(row, TN_PORTS, s[i].nports);
		tpl_set_int(row, TN_OCCUPIERS, s[i].noccupiers);
	}
	tpl_show(d, n == 0 ? TN_EMPTY : TN_HAS_ROWS);
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	page_end(r);
}
