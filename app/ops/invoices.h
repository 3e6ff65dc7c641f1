/*
 * ops/invoices: invoices and credit notes (drafts edited, approved with
 * gap-free numbers, credited, paid), their export to an accounting
 * system, and the billing details they carry (the operator's invoice
 * settings, each occupier's billing details). See ops.h for the contract
 * of every operation.
 *
 * Each action on a document is one transaction on its locked row and
 * names the version the form was made from: a concurrent change is
 * refused (OPS_CONFLICT), never overwritten. An issued invoice never
 * changes: it is paid, or corrected with a credit note of its own number.
 */
#ifndef TENANTRY_OPS_INVOICES_H
#define TENANTRY_OPS_INVOICES_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/acct_export.h"
#include "../domain/invoice.h"
#include "../store/store_invoice.h"
#include "ops.h"

/* A document, as the form that acts on it saw it. */
struct invoice_ref {
	int64_t		 id;
	int64_t		 version;	/* the version the form was made from */
};

struct invoice_out {
	struct ops_result	 why;
	const char		*number;	/* approve: the number given */
	int64_t			 credit_id;	/* credit: the credit note made */
};

struct invoice_approve_in {
	int64_t		 id;
	int64_t		 version;	/* 0: whatever the current version */
	int		 issued;	/* issued when the page read it */
};

/*
 * Issue draft id: the operator's next gap-free number, the issue date
 * (ctx's day) and due date (payment terms), the occupier's and the
 * operator's billing details copied, in one transaction. An invoice
 * issued already (in->issued, or found so), or a draft changed since
 * in->version, is OPS_CONFLICT; a draft without lines OPS_INVALID.
 */
int	 ops_invoice_approve(struct ops_ctx *, const struct invoice_approve_in *,
	    struct invoice_out *);

struct invoice_line_in {
	struct invoice_ref	 doc;
	struct inv_line		 line;	/* inv_oneoff_line, inv_discount_line */
};

/* Add a one-off line or a discount to a draft, its totals updated. */
int	 ops_invoice_add_line(struct ops_ctx *, const struct invoice_line_in *,
	    struct invoice_out *);

struct invoice_remove_in {
	struct invoice_ref	 doc;
	int64_t			 line_id;
};

/* Remove a one-off line or a discount of a draft (any other line is
 * OPS_INVALID), its totals updated. */
int	 ops_invoice_remove_line(struct ops_ctx *,
	    const struct invoice_remove_in *, struct invoice_out *);

/* Discard a draft: it is gone, and the next bill run bills it again. */
int	 ops_invoice_discard(struct ops_ctx *, const struct invoice_ref *,
	    struct invoice_out *);

struct invoice_pay_in {
	struct invoice_ref	 doc;
	int32_t			 day;		/* received on */
	int64_t			 amount;
	const char		*reference;
};

/* Mark a payment of an issued invoice: more than 0.00 and at most what
 * is due (else OPS_INVALID). A credit note is never paid. */
int	 ops_invoice_pay(struct ops_ctx *, const struct invoice_pay_in *,
	    struct invoice_out *);

struct invoice_credit_in {
	struct invoice_ref		 doc;
	const int64_t			*lines;	/* the lines ticked */
	size_t				 nlines;
	int				 all;	/* every line not credited yet */
	const struct store_invoice	*invoice; /* as read: its details go on the note */
};

/* Credit lines of an issued invoice (those ticked, or all) with a credit
 * note issued at once under its own number, each line reversed exactly;
 * out->credit_id. Lines credited already are not credited again. */
int	 ops_invoice_credit(struct ops_ctx *, const struct invoice_credit_in *,
	    struct invoice_out *);

struct invoice_export_in {
	enum acct_format	 format;
	int32_t			 from, to;	/* first days of the months */
	int			 again;		/* documents exported before too */
};

struct invoice_export_out {
	struct ops_result	 why;
	int64_t			 id, documents;
};

/* Export the documents issued in months [from, to] not exported yet (all
 * when again; invoices only for QuickBooks Online) and mark them
 * exported: one export, kept. Nothing to export is OPS_INVALID (field
 * "format"). */
int	 ops_invoice_export(struct ops_ctx *, const struct invoice_export_in *,
	    struct invoice_export_out *);

/* What a save of billing details says. */
struct billing_out {
	struct ops_result	 why;
};

/* Save the operator's invoice settings at in->version (0: never saved
 * before); saved meanwhile by someone else is OPS_CONFLICT. */
int	 ops_billing_settings_save(struct ops_ctx *,
	    const struct store_billset *, struct billing_out *);

struct occupier_billing_in {
	const struct store_occbill	*old;	/* as read for the form */
	struct store_occbill		 new_;	/* at new_.version */
};

/* Save an occupier's billing details; changed meanwhile by someone else
 * is OPS_CONFLICT. The VAT number is checked and normalised as the
 * occupier record's (occrec.h: vat_check): one that breaks its rule is
 * OPS_INVALID by the field vat_number, nothing written. */
int	 ops_occupier_billing_save(struct ops_ctx *,
	    const struct occupier_billing_in *, struct billing_out *);

#endif
