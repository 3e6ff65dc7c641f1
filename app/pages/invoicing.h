/*
 * invoicing: what the invoice screens share (invoices.c, invoice.c,
 * bill_run.c, my_invoices.c, invoice_pdf.c): the document as HTML, the
 * list rows, approval, and loading a document with its lines.
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

enum invoicing_approve {
	APPROVE_ISSUED = 1,	/* issued now: *number set */
	APPROVE_ALREADY,	/* was issued before (by someone else) */
	APPROVE_CHANGED,	/* the draft changed since version */
	APPROVE_EMPTY,		/* no lines: nothing to issue */
};
/*
 * Approve draft id in one transaction (retried on deadlocks): the next
 * gap-free number of the operator, issue and due dates (payment terms),
 * the occupier's and the operator's billing details copied. version 0:
 * any version. Returns an enum invoicing_approve, 0 not found, -1 store
 * error.
 */
int	 invoicing_approve(struct req *, int64_t id, int64_t version,
	    const char **number);

/* In the caller's transaction, the draft's row locked: issue draft id
 * (its lines' totals, the next number, dates, billing details: from's
 * when not NULL, as a credit note copies its invoice's, else the live
 * ones). APPROVE_ISSUED, APPROVE_EMPTY, 0 not found, -1 store error. */
int	 invoicing_issue(struct req *, int64_t id,
	    const struct store_invoice *from, const char **number);

#endif
