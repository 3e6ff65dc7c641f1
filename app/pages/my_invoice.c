/*
 * my_invoice: one of the occupier's own issued invoices or credit notes
 * (/my/invoices/N), as the operator's view shows the document, read-only.
 * A draft, or another occupier's document, is not found (404).
 */
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

void
page_my_invoice(struct req *r)
{
	struct tpl_dict	*d;
	struct invdoc	 x;

	if (!invoicing_load(r, r->user.occupier_id, r->ids[0], &x))
		return;
	if ((d = page_begin(r, invoicing_title(r, &x.v), "my_invoice.tpl",
	    "myinvoices")) == NULL)
		return;
	page_use_currency(x.v.currency);
	tpl_set_int(d, TN_ID, x.v.id);
	tpl_set(d, TN_TITLE, invoicing_title(r, &x.v));
	tpl_set(d, TN_STATUS, x.v.credit ? "Credit note" :
	    inv_status_labels[x.status]);
	tpl_set(d, TN_STATUS_KEY, x.v.credit ? "credit" :
	    inv_status_names[x.status]);
	if (!x.v.credit)
		tpl_set(tpl_section(d, TN_DUE), TN_AMOUNT, invoicing_money(r,
		    x.v.currency, inv_due(x.v.gross, x.v.credited, x.v.paid)));
	invoicing_doc_fill(r, d, &x, 0, "/my/invoices");
	page_end(r);
}
