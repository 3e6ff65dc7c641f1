/*
 * my_invoices: the occupier's own invoices and credit notes (/my/invoices),
 * issued ones only (drafts are the operator's), with status and PDFs.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

#define PER_PAGE	100

void
page_my_invoices(struct req *r)
{
	struct tpl_dict		*d;
	struct store_invfilter	 f;
	struct store_invitem	*it;
	size_t			 n, i;

	if ((d = page_begin(r, "Invoices", "my_invoices.tpl", "myinvoices")) ==
	    NULL)
		return;
	memset(&f, 0, sizeof(f));
	f.occupier_id = r->user.occupier_id;
	f.issued_only = 1;
	f.status = "all";
	f.period = DATE_NONE;
	if (store_invoice_list(r->a, r->user.operator_id, &f, PER_PAGE, 0, &it,
	    &n) < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n; i++)
		invoicing_row_fill(r, d, &it[i], "/my/invoices");
	tpl_show(d, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	page_end(r);
}
