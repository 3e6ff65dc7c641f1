/*
 * my_cases: /my/cases, the occupier's support cases, newest first. An
 * occupier admin sees every case of its occupier; an occupier user sees the
 * cases it raised itself. Both may raise one.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/helpdesk.h"
#include "../store/store.h"
#include "../store/store_account.h"
#include "../store/store_case.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define MAX_CASES	500

void
page_my_cases(struct req *r)
{
	struct tpl_dict		*d, *row;
	struct store_case	*c;
	struct store_case_filter f;
	size_t			 n, i, shown = 0;
	enum hd_status		 st;
	int			 admin = r->user.role == ROLE_OCCUPIER_ADMIN;

	if ((d = page_begin(r, "Cases", "my_cases.tpl", "mycases")) == NULL)
		return;
	memset(&f, 0, sizeof(f));
	f.op = r->user.operator_id;
	f.occ = r->user.occupier_id;
	f.raised_by = admin ? 0 : r->user.id;
	if (store_case_list(r->a, &f, 0, MAX_CASES, &c, &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		if (c[i].occupier_id != r->user.occupier_id)
			continue;	/* never: the list is scoped */
		if (!admin && c[i].created_by_id != r->user.id)
			continue;	/* never: the list is scoped */
		shown++;
		row = tpl_section(d, TN_CASE);
		tpl_set_int(row, TN_ID, c[i].id);
		tpl_set(row, TN_SUBJECT, c[i].subject);
		tpl_set(row, TN_SITE, c[i].site_name);
		tpl_set(row, TN_SERVICE, c[i].service_name);
		page_set_time(r, row, TN_RAISED, TN_RAISED_ISO, c[i].created_at);
		tpl_set_int(row, TN_COMMENTS, c[i].ncomments);
		if ((st = hd_status_parse(c[i].status)) == HD_STATUS__MAX)
			st = HD_OPEN;
		tpl_set(row, TN_STATUS, hd_status_labels[st]);
		tpl_set(row, TN_STATUS_CLASS, hd_status_classes[st]);
	}
	tpl_show(d, shown > 0 ? TN_HAS_CASES : TN_NO_CASES);
	tpl_show(d, admin ? TN_ALL_CASES : TN_OWN_CASES);
	tpl_show(d, TN_CAN_RAISE);
	page_end(r);
}
