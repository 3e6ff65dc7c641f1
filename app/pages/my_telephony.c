/*
 * my_telephony: /my/sites/SITE/telephony, the occupier's phone numbers at
 * one of its sites, read-only: number, main number, state, active since,
 * and the Telephony extensions fraction. Changes are the operator's.
 */
#include <stdio.h>

#include "../domain/phone.h"
#include "../domain/rules.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

void
page_my_telephony(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_phone	*p;
	struct rules_result	 res;
	size_t			 n, i;
	int64_t			 site = r->ids[0];

	if ((d = page_begin(r, "Phone numbers", "my_telephony.tpl", "my")) ==
	    NULL)
		return;
	if (!my_nav(r, d, site, "telephony"))
		return;
	if (store_phone_list_occupier(r->a, r->user.operator_id,
	    r->user.occupier_id, site, r->today, &p, &n) < 0 ||
	    svcplan_provisioned(r, r->user.occupier_id, site, &res) < 0) {
		page_store_error(r);
		return;
	}
	page_set_fraction(d, TN_FRACTION, &res, INFRA_PHONE_EXT);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_NUMBER, p[i].number);
		tpl_set(row, TN_STATE, (unsigned)p[i].state < PHONE__MAX ?
		    phone_state_labels[p[i].state] : "");
		tpl_set(row, TN_STATE_CLASS, p[i].state == PHONE_ACTIVE ?
		    "active" : "scheduled");
		if (p[i].is_main && p[i].state == PHONE_ACTIVE)
			tpl_show(row, TN_MAIN);
		if (p[i].state == PHONE_ACTIVE)
			page_set_date(row, TN_SINCE, p[i].activated_at);
		else
			tpl_set(row, TN_SINCE, "Not active yet");
	}
	tpl_show(d, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	page_end(r);
}
