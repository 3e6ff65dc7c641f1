/*
 * sites: the operator's buildings, those in use and then the archived.
 */
#include "../domain/date.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

void
page_sites(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_site	*s;
	size_t			 n, i, narchived = 0;
	char			 day[32];

	if ((d = page_begin(r, "Sites", "sites.tpl", "sites")) == NULL)
		return;
	if (store_site_list(r->a, r->user.operator_id, 1, &s, &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		row = tpl_section(d, s[i].archived == DATE_NONE ? TN_ROW :
		    TN_AROW);
		tpl_set_int(row, TN_ID, s[i].id);
		tpl_set(row, TN_NAME, s[i].name);
		tpl_set(row, TN_ADDRESS, s[i].address);
		tpl_set_int(row, TN_FLOORS, s[i].nfloors);
		tpl_set_int(row, TN_PORTS, s[i].nports);
		tpl_set_int(row, TN_OCCUPIERS, s[i].noccupiers);
		if (s[i].archived != DATE_NONE) {
			date_format_long(s[i].archived, day, sizeof(day));
			tpl_set(row, TN_DATE, day);
			narchived++;
		}
	}
	if (narchived > 0)
		tpl_show(d, TN_HAS_ARCHIVED);
	tpl_show(d, n == 0 ? TN_EMPTY : n > narchived ? TN_HAS_ROWS :
	    TN_NO_LIVE);
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	page_end(r);
}
