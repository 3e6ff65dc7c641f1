/*
 * occupier_contracts: the Contracts tab of an occupier at a site, with
 * statuses derived from dates on the day viewed.
 */
#include <stdio.h>

#include "../domain/date.h"
#include "../domain/status.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

void
page_occupier_contracts(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_occupier	 o;
	struct store_contract	*c;
	size_t			 n, i;
	unsigned		 st;

	if ((d = page_begin(r, "Contracts", "occupier_contracts.tpl",
	    "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], r->ids[1], "contracts", &o))
		return;
	if (store_contract_list(r->a, r->user.operator_id, o.id, r->ids[1],
	    &c, &n) < 0) {
		page_store_error(r);
		return;
	}
	page_set_date(d, TN_TODAY, r->today);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		st = contract_status(c[i].start, c[i].end, r->today);
		tpl_set_int(row, TN_ID, c[i].id);
		tpl_set(row, TN_REFERENCE, c[i].reference);
		page_set_date(row, TN_START, c[i].start);
		if (c[i].end == DATE_NONE)
			tpl_set(row, TN_END, "Open-ended");
		else
			page_set_date(row, TN_END, c[i].end);
		tpl_set(row, TN_STATUS, status_label(st));
		tpl_set(row, TN_STATUS_CLASS, st & ST_INACTIVE ? "inactive" :
		    (st & ST_ACTIVE) ? "active" : "scheduled");
	}
	if (n == 0)
		tpl_show(d, TN_EMPTY);
	else
		tpl_show(d, TN_HAS_ROWS);
	page_end(r);
}
