/*
 * acct_export: see acct_export.h.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "acct_export.h"
#include "csv.h"
#include "date.h"

const char *const acct_format_names[ACCT__MAX] = {
	"xero",		/* ACCT_XERO */
	"qbo",		/* ACCT_QBO */
	"sage",		/* ACCT_SAGE */
};

const char *const acct_format_labels[ACCT__MAX] = {
	"Xero (sales invoices CSV)",			/* ACCT_XERO */
	"QuickBooks Online (invoices CSV)",		/* ACCT_QBO */
	"Sage 50 (audit trail transactions CSV)",	/* ACCT_SAGE */
};

/* Tax codes per format and VAT rate (standard, zero, exempt). */
static const char *const default_tax[ACCT__MAX][VAT__MAX] = {
	{ "20% (VAT on Income)", "Zero Rated Income", "Exempt Income" },
	{ "20.0% S", "0.0% Z", "Exempt" },
	{ "T1", "T0", "T2" },
};

/* The templates' column names, in order. */
static const char *const xero_cols[] = {
	"*ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2",
	"POAddressLine3", "POAddressLine4", "POCity", "PORegion",
	"POPostalCode", "POCountry", "*InvoiceNumber", "Reference",
	"*InvoiceDate", "*DueDate", "InventoryItemCode", "*Description",
	"*Quantity", "*UnitAmount", "Discount", "*AccountCode", "*TaxType",
	"TaxAmount", "TrackingName1", "TrackingOption1", "TrackingName2",
	"TrackingOption2", "Currency", "BrandingTheme",
};
static const char *const qbo_cols[] = {
	"InvoiceNo", "Customer", "InvoiceDate", "DueDate", "Terms", "Location",
	"Memo", "Item(Product/Service)", "ItemDescription", "ItemQuantity",
	"ItemRate", "ItemAmount", "ItemTaxCode", "ItemTaxAmount", "Currency",
	"Service Date",
};
static const char *const sage_cols[] = {
	"Type", "Account Reference", "Nominal A/C Ref", "Department Code",
	"Date", "Reference", "Details", "Net Amount", "Tax Code", "Tax Amount",
	"Exchange Rate", "Extra Reference", "User Name", "Project Refn",
	"Cost Code Refn",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define SAGE_DETAILS	60	/* bytes Sage keeps of Details */

enum acct_format
acct_format_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < ACCT__MAX; i++)
		if (strcmp(s, acct_format_names[i]) == 0)
			return (enum acct_format)i;
	return ACCT__MAX;
}

const char *
acct_default_tax(enum acct_format f, enum vat_rate r)
{
	if (f >= ACCT__MAX || r >= VAT__MAX)
		return "";
	return default_tax[f][r];
}

void
acct_date(int32_t day, char *buf, size_t cap)
{
	int	 y, m, d;

	if (day == DATE_NONE) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, cap, "%02d/%02d/%04d", d, m, y);
}

void
acct_address_lines(const char *addr, char *buf, size_t cap,
    const char *lines[4])
{
	size_t	 n = 0, k = 0;
	int	 start = 1;

	for (k = 0; k < 4; k++)
		lines[k] = "";
	if (cap == 0)
		return;
	k = 0;
	for (; addr != NULL && *addr != '\0' && n + 3 < cap; addr++) {
		if (*addr == '\r')
			continue;
		if (*addr == '\n') {
			if (start)
				continue;	/* blank line */
			if (k < 3) {
				buf[n++] = '\0';
				k++;
				start = 1;
			} else {
				buf[n++] = ',';
				buf[n++] = ' ';
			}
			continue;
		}
		if (start) {
			lines[k] = buf + n;
			start = 0;
		}
		buf[n++] = *addr;
	}
	/* A trailing ", " of the fourth line goes. */
	while (n >= 2 && k == 3 && buf[n - 1] == ' ' && buf[n - 2] == ',')
		n -= 2;
	buf[n] = '\0';
}

void
acct_header(struct buf *b, enum acct_format f)
{
	const char *const	*c = f == ACCT_XERO ? xero_cols :
	    f == ACCT_QBO ? qbo_cols : sage_cols;
	size_t			 n = f == ACCT_XERO ? NELEM(xero_cols) :
	    f == ACCT_QBO ? NELEM(qbo_cols) : NELEM(sage_cols);
	size_t			 i;

	for (i = 0; i < n; i++)
		csv_text(b, c[i], i == 0);
	csv_end(b);
}

static void
xero_row(struct buf *b, const struct acct_doc *d, const struct acct_line *l)
{
	char		 ab[600], issue[16], due[16], ref[120];
	const char	*al[4];
	int		 i;

	acct_address_lines(d->address, ab, sizeof(ab), al);
	acct_date(d->issue, issue, sizeof(issue));
	acct_date(d->credit ? d->issue : d->due, due, sizeof(due));
	if (d->credit)
		snprintf(ref, sizeof(ref), "Credit for %s", d->credit_of ?
		    d->credit_of : "");
	else
		snprintf(ref, sizeof(ref), "%s", d->account_ref ?
		    d->account_ref : "");
	csv_text(b, d->contact, 1);
	csv_text(b, d->email, 0);
	for (i = 0; i < 4; i++)
		csv_text(b, al[i], 0);
	for (i = 0; i < 4; i++)		/* city, region, postcode, country */
		csv_text(b, "", 0);
	csv_text(b, d->number, 0);
	csv_text(b, ref, 0);
	csv_text(b, issue, 0);
	csv_text(b, due, 0);
	csv_text(b, "", 0);		/* InventoryItemCode */
	csv_text(b, l->description, 0);
	csv_int(b, 1, 0);
	/* A credit note is an invoice with negative amounts for Xero. */
	csv_money(b, d->credit ? -l->net : l->net, 0);
	csv_text(b, "", 0);		/* Discount */
	csv_text(b, l->account, 0);
	csv_text(b, l->xero_tax, 0);
	csv_money(b, d->credit ? -l->vat : l->vat, 0);
	for (i = 0; i < 4; i++)		/* tracking */
		csv_text(b, "", 0);
	csv_text(b, d->currency, 0);
	csv_text(b, "", 0);		/* BrandingTheme */
	csv_end(b);
}

static void
qbo_row(struct buf *b, const struct acct_doc *d, const struct acct_line *l)
{
	char	 issue[16], due[16], svc[16], terms[32];

	acct_date(d->issue, issue, sizeof(issue));
	acct_date(d->due, due, sizeof(due));
	acct_date(l->service_date, svc, sizeof(svc));
	snprintf(terms, sizeof(terms), "Net %d", d->terms_days);
	csv_text(b, d->number, 1);
	csv_text(b, d->contact, 0);
	csv_text(b, issue, 0);
	csv_text(b, due, 0);
	csv_text(b, terms, 0);
	csv_text(b, "", 0);		/* Location */
	csv_text(b, d->account_ref, 0);	/* Memo */
	csv_text(b, l->qbo_item, 0);
	csv_text(b, l->description, 0);
	csv_int(b, 1, 0);
	csv_money(b, l->net, 0);	/* ItemRate */
	csv_money(b, l->net, 0);	/* ItemAmount */
	csv_text(b, l->qbo_tax, 0);
	csv_money(b, l->vat, 0);
	csv_text(b, d->currency, 0);
	csv_text(b, svc, 0);
	csv_end(b);
}

/* Copy at most max bytes of s into out, never cutting a UTF-8 sequence. */
static void
utf8_clip(const char *s, size_t max, char *out, size_t cap)
{
	size_t	 n = strlen(s);

	if (n > max)
		n = max;
	if (n >= cap)
		n = cap - 1;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, s, n);
	out[n] = '\0';
}

static void
sage_row(struct buf *b, const struct acct_doc *d, const struct acct_line *l)
{
	char	 date[16], details[SAGE_DETAILS + 1];
	int	 credit;

	/* The sign as the customer's account sees it: a credit note's
	 * line, or an invoice's negative line, is a credit (SC). */
	credit = d->credit ? l->net > 0 || (l->net == 0 && l->vat > 0) :
	    l->net < 0 || (l->net == 0 && l->vat < 0);
	acct_date(d->issue, date, sizeof(date));
	utf8_clip(l->brief != NULL ? l->brief : l->description, SAGE_DETAILS,
	    details, sizeof(details));
	csv_text(b, credit ? "SC" : "SI", 1);
	csv_text(b, d->account_ref, 0);
	csv_text(b, l->sage_nominal, 0);
	csv_int(b, 0, 0);		/* Department Code */
	csv_text(b, date, 0);
	csv_text(b, d->number, 0);
	csv_text(b, details, 0);
	csv_money(b, l->net < 0 ? -l->net : l->net, 0);
	csv_text(b, l->sage_tax, 0);
	csv_money(b, l->vat < 0 ? -l->vat : l->vat, 0);
	csv_text(b, "", 0);		/* Exchange Rate: home currency */
	csv_text(b, d->credit && d->credit_of ? d->credit_of : "", 0);
	csv_text(b, "Tenantry", 0);	/* User Name */
	csv_text(b, "", 0);		/* Project Refn */
	csv_text(b, "", 0);		/* Cost Code Refn */
	csv_end(b);
}

int
acct_row(struct buf *b, enum acct_format f, const struct acct_doc *d,
    const struct acct_line *l)
{
	switch (f) {
	case ACCT_XERO:
		xero_row(b, d, l);
		return 1;
	case ACCT_QBO:
		if (d->credit)
			return 0;
		qbo_row(b, d, l);
		return 1;
	case ACCT_SAGE:
		/* Sage refuses a transaction of no value. */
		if (l->net == 0 && l->vat == 0)
			return 0;
		sage_row(b, d, l);
		return 1;
	default:
		return 0;
	}
}
