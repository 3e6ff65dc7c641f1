/*
 * invoices: every invoice and credit note of the operator (/invoices),
 * newest first, with its status (draft, issued, paid, credited), filtered
 * by status, month billed, bill run or occupier; totals of the filter.
 */
#include <stdio.h>
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

static const char *const status_keys[] = { "all", "draft", "issued", "paid",
    "credited", "credit", NULL };

/* The filter of the query string into f (month: as given, or NULL). 0, or
 * -1 when it cannot be read. */
static int
read_filter(struct req *r, struct store_invfilter *f, int64_t *page,
    const char **month)
{
	int	 st = 0, y, m;

	memset(f, 0, sizeof(*f));
	f->period = DATE_NONE;
	*month = NULL;
	if (query_has(r, "status") &&
	    (st = query_enum(r, "status", status_keys)) < 0)
		return -1;
	f->status = status_keys[st];
	if (query_id(r, "run", &f->run_id) < 0 ||
	    query_id(r, "occupier", &f->occupier_id) < 0 ||
	    query_id(r, "page", page) < 0)
		return -1;
	if (query_has(r, "month")) {
		if ((*month = query_text(r, "month", 16)) == NULL ||
		    charges_month_parse(*month, &y, &m) == -1)
			return -1;
		f->period = date_from_ymd(y, m, 1);
	}
	if (*page == 0)
		*page = 1;
	return 0;
}

/* The filter's controls and what it names. */
static void
filter_fill(struct req *r, struct tpl_dict *d, const struct store_invfilter *f,
    const char *month)
{
	struct tpl_dict	*s;
	const char	*done;
	size_t		 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		s = tpl_section(d, TN_STATUS_OPT);
		tpl_set(s, TN_VALUE, statuses[i].key);
		tpl_set(s, TN_LABEL, statuses[i].label);
		if (strcmp(f->status, statuses[i].key) == 0)
			tpl_show(s, TN_SELECTED);
	}
	if (month != NULL)
		tpl_set(d, TN_MONTH, month);
	tpl_set(d, TN_STATUS_KEY, f->status);
	if (f->run_id) {
		tpl_set_int(tpl_section(d, TN_RUN), TN_RUN_ID, f->run_id);
		tpl_set_int(d, TN_RUN_Q, f->run_id);
	}
	if (f->occupier_id) {
		tpl_set_int(tpl_section(d, TN_OCC), TN_OCC_ID, f->occupier_id);
		tpl_set_int(d, TN_OCC_Q, f->occupier_id);
	}
	if ((done = http_flash_take(r)) != NULL &&
	    strcmp(done, "discarded") == 0)
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, "The draft is "
		    "discarded.");
}

static void
pager_fill(struct tpl_dict *d, int64_t page, int64_t count)
{
	struct tpl_dict	*s;
	int64_t		 pages = (count + PER_PAGE - 1) / PER_PAGE;

	if (pages <= 1)
		return;
	s = tpl_section(d, TN_PAGER);
	tpl_set_int(s, TN_PAGE, page);
	tpl_set_int(s, TN_PAGES, pages);
	if (page > 1)
		tpl_set_int(tpl_section(s, TN_PREV), TN_N, page - 1);
	if (page < pages)
		tpl_set_int(tpl_section(s, TN_NEXT), TN_N, page + 1);
}

void
page_invoices(struct req *r)
{
	struct tpl_dict		*d;
	struct store_invfilter	 f;
	struct store_invitem	*it;
	const char		*month;
	int64_t			 page, count, net, vat, gross;
	size_t			 n, i;

	if ((d = page_begin(r, "Invoices", "invoices.tpl", "invoices")) ==
	    NULL)
		return;
	if (read_filter(r, &f, &page, &month) < 0) {
		http_error_msg(r, 400, "The filter could not be read: status, "
		    "month (YYYY-MM), run, occupier and page.");
		return;
	}
	filter_fill(r, d, &f, month);
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
	pager_fill(d, page, count);
	page_end(r);
}
