/*
 * occupiers: the list, with search by name and paging.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/date.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define PER_PAGE	25
#define QUERY_CAP	200

void
page_occupiers(struct req *r)
{
	struct tpl_dict		*d, *row, *pg;
	struct store_occupier	*o;
	const char		*q;
	int64_t			 total, page, pages;
	size_t			 n, i;

	if (query_search(r, "q", QUERY_CAP, &q) < 0) {
		http_error_msg(r, 400, "The search text is too long "
		    "(200 bytes at most).");
		return;
	}
	/* A page number that is not one is page 1. */
	if (query_id(r, "page", &page) != 1 || page > 1000000)
		page = 1;
	if ((d = page_begin(r, "Occupiers", "occupiers.tpl", "occupiers")) ==
	    NULL)
		return;
	if (store_occupier_page(r->a, r->user.operator_id, q, r->today, &page,
	    PER_PAGE, &total, &o, &n) < 0) {
		page_store_error(r);
		return;
	}
	pages = total == 0 ? 1 : (total + PER_PAGE - 1) / PER_PAGE;
	tpl_set(d, TN_Q, q);
	tpl_set_int(d, TN_TOTAL, total);
	tpl_set(d, TN_TOTAL_NOUN, total == 1 ? "occupier" : "occupiers");
	for (i = 0; i < n; i++) {
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, o[i].id);
		tpl_set(row, TN_NAME, o[i].name);
		tpl_set(row, TN_BILLING_REF, o[i].billing_ref);
		tpl_set(row, TN_SITES, o[i].sites[0] ? o[i].sites : "—");
		tpl_set_int(row, TN_ACTIVE, o[i].active_contracts);
	}
	if (n == 0) {
		if (*q != '\0')
			tpl_show(d, TN_NO_MATCH);
		else
			tpl_show(d, TN_EMPTY);
	} else
		tpl_show(d, TN_HAS_ROWS);
	if (pages > 1) {
		pg = tpl_section(d, TN_PAGER);
		tpl_set_int(pg, TN_PAGE, page);
		tpl_set_int(pg, TN_PAGES, pages);
		if (page > 1) {
			struct tpl_dict *p = tpl_section(pg, TN_PREV);
			tpl_set_int(p, TN_N, page - 1);
			tpl_set(p, TN_Q, q);
		}
		if (page < pages) {
			struct tpl_dict *p = tpl_section(pg, TN_NEXT);
			tpl_set_int(p, TN_N, page + 1);
			tpl_set(p, TN_Q, q);
		}
	}
	page_end(r);
}
