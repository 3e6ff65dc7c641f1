/*
 * my_cases: /my/cases, the occupier's support cases, newest first. An
 * occupier admin sees every case of its occupier and may raise one; an
 * occupier user sees the cases it raised itself.
 */
#include <stdio.h>
#include <string.h>

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
	int64_t			*mine = NULL;
	size_t			 n, nmine = 0, i, k, shown = 0;
	int			 admin = r->user.role == ROLE_OCCUPIER_ADMIN;

	if ((d = page_begin(r, "Cases", "my_cases.tpl", "mycases")) == NULL) {
		http_error(r, 500);
		return;
	}
	if (store_case_list(r->a, r->user.operator_id, NULL,
	    r->user.occupier_id, 0, 0, MAX_CASES, &c, &n) < 0 ||
	    (!admin && store_account_cases_by(r->a, r->user.operator_id,
	    r->user.occupier_id, r->user.id, &mine, &nmine) < 0)) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++) {
		if (c[i].occupier_id != r->user.occupier_id)
			continue;	/* never: the list is scoped */
		if (!admin) {
			for (k = 0; k < nmine && mine[k] != c[i].id; k++)
				continue;
			if (k == nmine)
				continue;
		}
		shown++;
		row = tpl_section(d, "CASE");
		tpl_set_int(row, "ID", c[i].id);
		tpl_set(row, "SUBJECT", c[i].subject);
		tpl_set(row, "SITE", c[i].site_name);
		tpl_set(row, "SERVICE", c[i].service_name);
		page_set_time(r, row, "RAISED", c[i].created_at);
		tpl_set_int(row, "COMMENTS", c[i].ncomments);
		if (strcmp(c[i].status, "open") == 0) {
			tpl_set(row, "STATUS", "Open");
			tpl_set(row, "STATUS_CLASS", "active");
		} else {
			tpl_set(row, "STATUS", "Closed");
			tpl_set(row, "STATUS_CLASS", "inactive");
		}
	}
	tpl_show(d, shown > 0 ? "HAS_CASES" : "NO_CASES");
	tpl_show(d, admin ? "ALL_CASES" : "OWN_CASES");
	if (admin)
		tpl_show(d, "CAN_RAISE");
	page_end(r);
}
