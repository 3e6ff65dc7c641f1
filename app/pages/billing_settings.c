/*
 * billing_settings: what the operator prints on its invoices
 * (/invoices/settings; operator admins change it): the seller's name,
 * address, VAT number and contact, how to pay, the number prefixes, the
 * default payment terms, and the accounting codes of lines no catalog
 * service maps (one-off lines, discounts). A prefix applies to numbers
 * given from then on: an issued number never changes.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/invoice.h"
#include "../ops/invoices.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "pages.h"

enum set_field {
	SF_NAME,	/* legal_name */
	SF_ADDRESS,	/* address */
	SF_VAT,		/* vat_number */
	SF_EMAIL,	/* email */
	SF_PAYMENT,	/* payment_details */
	SF_IPREFIX,	/* invoice_prefix */
	SF_CPREFIX,	/* credit_prefix */
	SF_TERMS,	/* terms_days */
	SF_XERO,	/* xero_account */
	SF_QBO,		/* qbo_item */
	SF_SAGE,	/* sage_nominal */
	SF_VERSION,	/* version */
	SF__MAX
};

static const struct field fields[SF__MAX] = {
	[SF_NAME] = { "legal_name", "Name on invoices", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[SF_ADDRESS] = { "address", "Address", FT_MULTILINE, 500, 0, 0, 0, NULL, 0 },
	[SF_VAT] = { "vat_number", "VAT registration number", FT_TEXT, 32, 0, 0, 0, NULL, 0 },
	[SF_EMAIL] = { "email", "Accounts email", FT_EMAIL, 254, 0, 0, 0, NULL, 0 },
	[SF_PAYMENT] = { "payment_details", "Payment details", FT_MULTILINE, 500, 0, 0, 0, NULL, 1 },
	[SF_IPREFIX] = { "invoice_prefix", "Invoice number prefix", FT_TEXT, 16, 1, 0, 0, NULL, 0 },
	[SF_CPREFIX] = { "credit_prefix", "Credit note number prefix", FT_TEXT, 16, 1, 0, 0, NULL, 0 },
	[SF_TERMS] = { "terms_days", "Payment terms (days)", FT_INT, 3, 1, 0, 365, NULL, 0 },
	[SF_XERO] = { "xero_account", "Xero account code", FT_TEXT, 16, 1, 0, 0, NULL, 0 },
	[SF_QBO] = { "qbo_item", "QuickBooks product/service", FT_TEXT, 100, 1, 0, 0, NULL, 0 },
	[SF_SAGE] = { "sage_nominal", "Sage nominal code", FT_TEXT, 8, 1, 0, 0, NULL, 0 },
	[SF_VERSION] = { "version", "Version", FT_INT, 10, 0, 0, INT32_MAX, NULL, 0 },
};

static void
fill(struct req *r, struct tpl_dict *d, const struct store_billset *s)
{
	char	 b[24];

	form_fill(r, d, "legal_name", *s->legal_name ? s->legal_name :
	    s->operator_name);
	form_fill(r, d, "address", s->address);
	form_fill(r, d, "vat_number", s->vat_number);
	form_fill(r, d, "email", s->email);
	form_fill(r, d, "payment_details", s->payment_details);
	form_fill(r, d, "invoice_prefix", s->invoice_prefix);
	form_fill(r, d, "credit_prefix", s->credit_prefix);
	snprintf(b, sizeof(b), "%lld", (long long)s->terms_days);
	form_fill(r, d, "terms_days", b);
	form_fill(r, d, "xero_account", s->xero_account);
	form_fill(r, d, "qbo_item", s->qbo_item);
	form_fill(r, d, "sage_nominal", s->sage_nominal);
	snprintf(b, sizeof(b), "%lld", (long long)s->version);
	form_fill(r, d, "version", b);
}

/* The form's rules beyond each field's own. The number of errors. */
static int
check(struct req *r, struct tpl_dict *d, const struct fval *v)
{
	int	 errors = 0;

	if (v[SF_IPREFIX].err == NULL && !inv_prefix_ok(v[SF_IPREFIX].s)) {
		form_error(r, d, "invoice_prefix", "Invoice number prefix may "
		    "hold letters, digits, - / _ and . only");
		errors++;
	}
	if (v[SF_CPREFIX].err == NULL && !inv_prefix_ok(v[SF_CPREFIX].s)) {
		form_error(r, d, "credit_prefix", "Credit note number prefix "
		    "may hold letters, digits, - / _ and . only");
		errors++;
	}
	return errors;
}

static void
settings_of(const struct fval *v, struct store_billset *s)
{
	memset(s, 0, sizeof(*s));
	s->legal_name = v[SF_NAME].s;
	s->address = v[SF_ADDRESS].s;
	s->vat_number = v[SF_VAT].s;
	s->email = v[SF_EMAIL].s;
	s->payment_details = v[SF_PAYMENT].s;
	s->invoice_prefix = v[SF_IPREFIX].s;
	s->credit_prefix = v[SF_CPREFIX].s;
	s->terms_days = v[SF_TERMS].i;
	s->xero_account = v[SF_XERO].s;
	s->qbo_item = v[SF_QBO].s;
	s->sage_nominal = v[SF_SAGE].s;
	s->version = v[SF_VERSION].i;
}

/* Read and save the form. */
static void
save(struct req *r, struct tpl_dict *d, const struct store_billset *cur)
{
	struct store_billset	 s;
	struct billing_out	 out;
	struct ops_ctx		 c;
	struct fval		 v[SF__MAX];
	char			 b[24];
	int			 errors, rc;

	errors = form_read(r, d, fields, SF__MAX, v);
	errors += check(r, d, v);
	if (errors == 0 && strcmp(v[SF_IPREFIX].s, v[SF_CPREFIX].s) == 0) {
		form_error(r, d, "credit_prefix", "Credit note number prefix "
		    "must differ from the invoice number prefix, so that no two "
		    "documents print the same number");
		errors++;
	}
	if (errors > 0) {
		r->status = 422;
		page_end(r);
		return;
	}
	settings_of(v, &s);
	page_ops_ctx(r, &c);
	if ((rc = ops_billing_settings_save(&c, &s, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, "/invoices/settings?done=saved");
		return;
	}
	page_refused(r, d, &out.why);
	snprintf(b, sizeof(b), "%lld", (long long)cur->version);
	form_fill(r, d, "version", b);
	page_end(r);
}

void
page_billing_settings(struct req *r)
{
	struct tpl_dict		*d;
	struct store_billset	 cur;

	if ((d = page_begin(r, "Invoice settings", "billing_settings.tpl",
	    "invoices")) == NULL)
		return;
	if (store_billset_get(r->a, r->user.operator_id, &cur) <= 0) {
		page_store_error(r);
		return;
	}
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_EDIT);
	else
		tpl_show(d, TN_READ_ONLY);
	if (r->method == M_GET) {
		fill(r, d, &cur);	/* "Changes saved.": the layout's flash */
		page_end(r);
		return;
	}
	save(r, d, &cur);
}
