/*
 * occupier_billing: an occupier's billing details and invoices
 * (/occupiers/N/billing): the name and address invoices are addressed to,
 * its VAT number and payment terms (empty: the operator's default), and
 * every invoice and credit note it has. Approval copies these details
 * into the invoice; an issued invoice keeps its copy.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../ops/invoices.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

enum ob_field {
	OB_NAME,	/* billing_name */
	OB_ADDRESS,	/* billing_address */
	OB_VAT,		/* vat_number */
	OB_TERMS,	/* terms_days */
	OB_VERSION,	/* version */
	OB__MAX
};

static const struct field fields[OB__MAX] = {
	[OB_NAME] = { "billing_name", "Billing name", FT_TEXT, 200, 0, 0, 0, NULL, 0 },
	[OB_ADDRESS] = { "billing_address", "Billing address", FT_MULTILINE, 500, 0, 0, 0, NULL, 0 },
	[OB_VAT] = { "vat_number", "VAT registration number", FT_TEXT, 32, 0, 0, 0, NULL, 0 },
	[OB_TERMS] = { "terms_days", "Payment terms (days)", FT_INT, 3, 0, 0, 365, NULL, 0 },
	[OB_VERSION] = { "version", "Version", FT_INT, 10, 1, 1, INT32_MAX, NULL, 0 },
};

static int
list_fill(struct req *r, struct tpl_dict *d, int64_t occ)
{
	struct store_invfilter	 f;
	struct store_invitem	*it;
	size_t			 n, i;

	memset(&f, 0, sizeof(f));
	f.occupier_id = occ;
	f.status = "all";
	f.period = DATE_NONE;
	if (store_invoice_list(r->a, r->user.operator_id, &f, 200, 0, &it,
	    &n) < 0)
		return -1;
	for (i = 0; i < n; i++)
		invoicing_row_fill(r, d, &it[i], "/invoices");
	tpl_show(d, n > 0 ? TN_HAS_ROWS : TN_EMPTY);
	return 1;
}

/* The form as stored, and the invoices below it. */
static void
show(struct req *r, struct tpl_dict *d, const struct store_occbill *o)
{
	char	 b[24];

	form_fill(r, d, "billing_name", o->billing_name);
	form_fill(r, d, "billing_address", o->billing_address);
	form_fill(r, d, "vat_number", o->vat_number);
	if (o->terms_days >= 0) {
		snprintf(b, sizeof(b), "%lld", (long long)o->terms_days);
		form_fill(r, d, "terms_days", b);
	}
	snprintf(b, sizeof(b), "%lld", (long long)o->version);
	form_fill(r, d, "version", b);
	if (list_fill(r, d, o->id) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

/* Read and save the form (o: as stored). */
static void
save(struct req *r, struct tpl_dict *d, const struct store_occbill *o)
{
	struct occupier_billing_in	 in;
	struct billing_out		 out;
	struct ops_ctx			 c;
	struct fval			 v[OB__MAX];
	char				 b[24];
	int				 rc;

	if (form_read(r, d, fields, OB__MAX, v) > 0)
		r->status = 422;
	else {
		in.old = o;
		in.new_ = *o;
		in.new_.billing_name = v[OB_NAME].s;
		in.new_.billing_address = v[OB_ADDRESS].s;
		in.new_.vat_number = v[OB_VAT].s;
		in.new_.terms_days = v[OB_TERMS].present ? v[OB_TERMS].i : -1;
		in.new_.version = v[OB_VERSION].i;
		page_ops_ctx(r, &c);
		if ((rc = ops_occupier_billing_save(&c, &in, &out)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/billing?done=saved",
			    (long long)o->id));
			return;
		}
		page_refused(r, d, &out.why);
		snprintf(b, sizeof(b), "%lld", (long long)o->version);
		form_fill(r, d, "version", b);
	}
	if (list_fill(r, d, o->id) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

void
page_occupier_billing(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occbill	 o;
	struct store_billset	 bs;
	int			 rc;

	if ((rc = store_occbill_get(r->a, r->user.operator_id, r->ids[0],
	    &o)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	if (store_billset_get(r->a, r->user.operator_id, &bs) <= 0) {
		page_store_error(r);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "%s: billing", o.name),
	    "occupier_billing.tpl", "occupiers")) == NULL)
		return;
	tpl_set_int(d, TN_OCC_ID, o.id);
	tpl_set(d, TN_OCC_NAME, o.name);
	tpl_set(d, TN_BILLING_REF, o.billing_ref);
	tpl_set(d, TN_CONTACT_EMAIL, o.contact_email);
	tpl_set_int(d, TN_DEFAULT_TERMS, bs.terms_days);
	if (r->method == M_GET)
		show(r, d, &o);
	else
		save(r, d, &o);
}
