/*
 * invoicing: what the invoice screens share (invoices.c, invoice.c,
 * my_invoices.c, invoice_pdf.c, occupier_billing.c): the document as
 * HTML, the list rows, and loading a document with its lines. What is
 * done to a document is ops/invoices.h's.
 */
#ifndef TENANTRY_INVOICING_H
#define TENANTRY_INVOICING_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/invoice.h"
#include "../store/store_invoice.h"

struct req;
struct tpl_dict;

/* A document with its lines and totals, as the screens show it. */
struct invdoc {
	struct store_invoice	 v;
	struct store_invline	*lines;
	size_t			 n;
	struct inv_totals	 t;		/* from the lines */
	enum inv_status		 status;
};

/* Load document id (occ != 0: an occupier user's own issued ones only).
 * 1 ok; 0 the response is made (404, or a store error). */
int	 invoicing_load(struct req *, int64_t occ, int64_t id, struct invdoc *);

/* Fill the document part (invoice_doc.tpl, included as DOC) of d; ops:
 * an operator's view (remove buttons on a draft's staff lines, credit
 * check boxes on an issued invoice's lines). base: "/invoices" or
 * "/my/invoices". */
void	 invoicing_doc_fill(struct req *, struct tpl_dict *,
	    const struct invdoc *, int ops, const char *base);

/* One row of a list (section ROW of d); base: "/invoices" or
 * "/my/invoices". */
void	 invoicing_row_fill(struct req *, struct tpl_dict *,
	    const struct store_invitem *, const char *base);

/* "£1,234.56" for GBP (and € for EUR), "USD 1,234.56" otherwise. */
const char *invoicing_money(struct req *, const char *currency, int64_t);

/* "Draft 12" or the number. */
const char *invoicing_title(struct req *, const struct store_invoice *);

#endif
