/*
 * acct_export: rows of the files accounting systems import, pure (writes
 * into a caller's buffer). One row per invoice line, with the columns of
 * the vendors' published import templates:
 *
 *   Xero, sales invoices (Business > Invoices > Import, its
 *     SalesInvoiceTemplate.csv): a credit note is written as an invoice
 *     with negative amounts, which Xero imports as a credit note.
 *   QuickBooks Online, invoices (Settings > Import data > Invoices, its
 *     sample invoice file, non-US columns with ItemTaxCode and
 *     ItemTaxAmount). That import takes invoices only: credit notes are
 *     not written to it.
 *   Sage 50 Accounts, audit trail transactions (File > Import, the "Audit
 *     Trail Transaction" template): SI rows for invoices, SC for credit
 *     notes; a negative line of an invoice (a reversal, a discount) is an
 *     SC row with the invoice's reference, as Sage takes positive amounts.
 *
 * Each line is written as quantity 1 at its net amount, so that the
 * importing system's line total is the invoice's line total to the penny
 * (a prorated price x QTY x days / days-in-month is not a product it can
 * repeat); the quantity, price and days are in the description. Dates are
 * DD/MM/YYYY (UK settings).
 */
#ifndef TENANTRY_ACCT_EXPORT_H
#define TENANTRY_ACCT_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "invoice.h"

struct buf;

enum acct_format {
	ACCT_XERO,	/* "xero" */
	ACCT_QBO,	/* "qbo" */
	ACCT_SAGE,	/* "sage" */
	ACCT__MAX
};
extern const char *const acct_format_names[ACCT__MAX];
extern const char *const acct_format_labels[ACCT__MAX];
enum acct_format	 acct_format_parse(const char *s);

/* The document a row belongs to. */
struct acct_doc {
	int		 credit;		/* 1: a credit note */
	const char	*number;		/* INV-000012 */
	const char	*credit_of;		/* credit notes: the invoice's number */
	const char	*contact;		/* billing name */
	const char	*email;
	const char	*address;		/* lines separated by '\n' */
	const char	*account_ref;		/* billing reference (Sage A/C) */
	int32_t		 issue, due;		/* day numbers */
	int		 terms_days;
	const char	*currency;
};

/* One line with its accounting codes (already defaulted: never empty). */
struct acct_line {
	const char	*description;		/* with the line's details */
	const char	*brief;			/* Sage's 60 bytes: NULL, description */
	int64_t		 net, vat;		/* as on the document (signed) */
	const char	*account;		/* Xero account code */
	const char	*xero_tax;		/* Xero tax rate name */
	const char	*qbo_item;		/* QuickBooks product/service */
	const char	*qbo_tax;		/* QuickBooks tax code */
	const char	*sage_nominal;		/* Sage nominal code */
	const char	*sage_tax;		/* Sage tax code */
	int32_t		 service_date;		/* first day charged, or DATE_NONE */
};

/* The tax code of a VAT rate when the catalog names none. */
const char	*acct_default_tax(enum acct_format, enum vat_rate);

/* The header row of a format's file. */
void	 acct_header(struct buf *, enum acct_format);
/* One line's row (0 rows for a credit note in QuickBooks: returns 0,
 * else 1). */
int	 acct_row(struct buf *, enum acct_format, const struct acct_doc *,
	    const struct acct_line *);

/* "16/02/2026". */
void	 acct_date(int32_t day, char *buf, size_t cap);
/* Up to 4 address lines of addr (the fourth takes the rest, joined by
 * ", "), written as NUL-terminated strings into buf (cap bytes); empty
 * lines when fewer. */
void	 acct_address_lines(const char *addr, char *buf, size_t cap,
	    const char *lines[4]);

#endif
