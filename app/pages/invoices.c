/*
 * invoices: every invoice and credit note of the operator (/invoices),
 * newest first, with its status (draft, issued, paid, credited), filtered
 * by status, month billed, bill run or occupier; totals of the filter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/charges.h"
#include "../domain/date.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

#define PER_PAGE	50

static const struct {
	const char	*key;
	const char	*label;
} statuses[] = {
	{ "all", "All" },
	{ "draft", "Drafts" },
	{ "issued", "Issued, unpaid" },
	{ "paid", "Paid" },
	{ "credited", "Credited" },
	{ "credit", "Credit notes" },
};

/* A numeric id from the query string: 0 when absent, -1 malformed. */
static int64_t
query_id_or(struct req *r, const char *key)
{
	int64_t	 id;

	return query_id(r, key, &id) < 0 ? -1 : id;
}

void
page_invoices(struct req *r)
{
	struct tpl_dict		*d, *s;
	struct store_invfilter	 f;
	struct store_invitem	*it;
	const char		*st, *month, *done;
	int64_t			 page, count, net, vat, gross, pages;
	size_t			 n, i;
	int			 y, m, known = 0;

	if ((d = page_begin(r, "Invoices", "invoices.tpl", "invoices")) ==
	    NULL)
		return;
	memset(&f, 0, sizeof(f));
	f.period = DATE_NONE;
	st = kv_get(&r->query, "status");
	if (st == NULL || *st == '\0')
		st = "all";
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		s = tpl_section(d, TN_STATUS_OPT);
		tpl_set(s, TN_VALUE, statuses[i].key);
		tpl_set(s, TN_LABEL, statuses[i].label);
		if (strcmp(st, statuses[i].key) == 0) {
			tpl_show(s, TN_SELECTED);
			known = 1;
		}
	}
	month = kv_get(&r->query, "month");
	if (!known || (f.run_id = query_id_or(r, "run")) < 0 ||
	    (f.occupier_id = query_id_or(r, "occupier")) < 0 ||
	    (page = query_id_or(r, "page")) < 0 ||
	    (month != NULL && *month != '\0' &&
	    charges_month_parse(month, &y, &m) == -1)) {
		http_error_msg(r, 400, "The filter could not be read: status, "
		    "month (YYYY-MM), run, occupier and page.");
		return;
	}
	f.status = st;
	if (month != NULL && *month != '\0') {
		f.period = date_from_ymd(y, m, 1);
		tpl_set(d, TN_MONTH, month);
	}
	if (page == 0)
		page = 1;
	tpl_set(d, TN_STATUS_KEY, st);
	if (f.run_id) {
		tpl_set_int(tpl_section(d, TN_RUN), TN_RUN_ID, f.run_id);
		tpl_set_int(d, TN_RUN_Q, f.run_id);
	}
	if (f.occupier_id) {
		tpl_set_int(tpl_section(d, TN_OCC), TN_OCC_ID, f.occupier_id);
		tpl_set_int(d, TN_OCC_Q, f.occupier_id);
	}
	if ((done = kv_get(&r->query, "done")) != NULL &&
	    strcmp(done, "discarded") == 0)
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, "The draft is "
		    "discarded.");
	if (store_invoice_count(r->a, r->user.operator_id, &f, &count, &net,
	    &vat, &gross) < 0 ||
	    store_invoice_list(r->a, r->user.operator_id, &f, PER_PAGE,
	    (page - 1) * PER_PAGE, &it, &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++)
		invoicing_row_fill(r, d, &it[i], "/invoices");
	tpl_set_int(d, TN_COUNT, count);
	page_set_money(d, TN_SUM_NET, net);
	page_set_money(d, TN_SUM_VAT, vat);
	page_set_money(d, TN_SUM_GROSS, gross);
	tpl_show(d, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	pages = (count + PER_PAGE - 1) / PER_PAGE;
	if (pages > 1) {
		s = tpl_section(d, TN_PAGER);
		tpl_set_int(s, TN_PAGE, page);
		tpl_set_int(s, TN_PAGES, pages);
		if (page > 1)
			tpl_set_int(tpl_section(s, TN_PREV), TN_N, page - 1);
		if (page < pages)
			tpl_set_int(tpl_section(s, TN_NEXT), TN_N, page + 1);
	}
	page_end(r);
}
