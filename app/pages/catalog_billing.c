/*
 * catalog_billing: the VAT rate and the accounting codes of each catalog
 * service (/catalog/billing; operator admins change them): Xero account
 * and tax rate, QuickBooks Online product/service and tax code, Sage 50
 * nominal and tax code. An empty code means the default (the invoice
 * settings' account codes, the tax code of the VAT rate). The rate applies
 * to lines billed from then on: an invoice keeps the rate of its lines.
 * All rows are saved in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/acct_export.h"
#include "../domain/invoice.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "../tpl/tpl.h"
#include "pages.h"

/* The per-service inputs: name prefix, cap, label. */
static const struct {
	const char	*key;
	size_t		 cap;
	const char	*label;
} cols[] = {
	{ "xa", 16, "Xero account code" },
	{ "xt", 64, "Xero tax rate" },
	{ "qi", 100, "QuickBooks product/service" },
	{ "qt", 32, "QuickBooks tax code" },
	{ "sn", 8, "Sage nominal code" },
	{ "st", 4, "Sage tax code" },
};
#define NCOLS	(sizeof(cols) / sizeof(cols[0]))

static const char **
field_of(struct store_svcbill *s, size_t c)
{
	switch (c) {
	case 0: return &s->xero_account;
	case 1: return &s->xero_tax;
	case 2: return &s->qbo_item;
	case 3: return &s->qbo_tax;
	case 4: return &s->sage_nominal;
	default: return &s->sage_tax;
	}
}

/* No control characters, within cap. */
static int
code_ok(const char *s, size_t cap)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (strlen(s) > cap)
		return 0;
	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static void
fill(struct req *r, struct tpl_dict *d, const struct store_svcbill *v,
    size_t n, const char *const *bad, int edit)
{
	size_t	 i, c;
	int	 k;

	for (i = 0; i < n; i++) {
		struct tpl_dict *s = tpl_section(d, TN_SVC);

		tpl_set_int(s, TN_ID, v[i].id);
		tpl_set(s, TN_NAME, v[i].name);
		tpl_set(s, TN_CATEGORY, v[i].category);
		for (k = 0; k < VAT__MAX; k++) {
			struct tpl_dict *o = tpl_section(s, TN_RATE_OPT);

			tpl_set(o, TN_VALUE, vat_rate_names[k]);
			tpl_set(o, TN_LABEL, k == VAT_STANDARD ? "Standard 20%" :
			    k == VAT_ZERO ? "Zero 0%" : "Exempt");
			if ((int)v[i].rate == k)
				tpl_show(o, TN_SELECTED);
		}
		tpl_set(s, TN_RATE_LABEL, vat_rate_labels[v[i].rate]);
		for (c = 0; c < NCOLS; c++) {
			struct tpl_dict	*f = tpl_section(s, TN_CODE);
			const char	*val = *field_of((struct store_svcbill *)
			    &v[i], c);

			tpl_set(f, TN_KEY, arena_printf(r->a, "%s_%lld",
			    cols[c].key, (long long)v[i].id));
			tpl_set(f, TN_VALUE, val);
			tpl_set(f, TN_LABEL, cols[c].label);
			tpl_set_int(f, TN_CAP, (long long)cols[c].cap);
			tpl_set(f, TN_PLACEHOLDER, c == 1 ? acct_default_tax(
			    ACCT_XERO, v[i].rate) : c == 3 ? acct_default_tax(
			    ACCT_QBO, v[i].rate) : c == 5 ? acct_default_tax(
			    ACCT_SAGE, v[i].rate) : "default");
			if (bad != NULL && bad[i * NCOLS + c] != NULL)
				tpl_show(f, TN_INVALID);
			if (edit)
				tpl_show(f, TN_EDIT);
			else
				tpl_show(f, TN_SHOW);
		}
		tpl_show(s, edit ? TN_RATE_EDIT : TN_RATE_SHOW);
	}
}

void
page_catalog_billing(struct req *r)
{
	struct tpl_dict		*d;
	struct store_svcbill	*v, *nv;
	const char		**bad, *raw;
	size_t			 n, i, c;
	int			 errors = 0, rc = 1, edit;

	edit = r->user.role == ROLE_OPERATOR_ADMIN;
	if ((d = page_begin(r, "Billing codes", "catalog_billing.tpl",
	    "catalog")) == NULL)
		return;
	if (store_svcbill_list(r->a, r->user.operator_id, &v, &n) < 0) {
		page_store_error(r);
		return;
	}
	if (edit)
		tpl_show(d, TN_CAN_EDIT);
	if (r->method == M_GET) {
		if (kv_get(&r->query, "done") != NULL)
			tpl_show(d, TN_SAVED);
		fill(r, d, v, n, NULL, edit);
		page_end(r);
		return;
	}
	/* Every service's row must be in the form. */
	nv = arena_calloc(r->a, n ? n : 1, sizeof(*nv));
	bad = arena_calloc(r->a, n * NCOLS + 1, sizeof(*bad));
	for (i = 0; i < n; i++) {
		nv[i] = v[i];
		raw = kv_get(&r->form, arena_printf(r->a, "vat_%lld",
		    (long long)v[i].id));
		if (raw == NULL) {
			http_error_msg(r, 400, "The billing codes form could not "
			    "be read: it does not hold every service of the "
			    "catalog. Reload the page and try again.");
			return;
		}
		if ((nv[i].rate = vat_rate_parse(raw)) == VAT__MAX) {
			form_error(r, d, NULL, arena_printf(r->a, "%s: VAT rate "
			    "must be standard, zero or exempt", v[i].name));
			nv[i].rate = v[i].rate;
			errors++;
		}
		for (c = 0; c < NCOLS; c++) {
			raw = kv_get(&r->form, arena_printf(r->a, "%s_%lld",
			    cols[c].key, (long long)v[i].id));
			if (raw == NULL)
				raw = "";
			*field_of(&nv[i], c) = raw;
			if (!code_ok(raw, cols[c].cap)) {
				bad[i * NCOLS + c] = "";
				form_error(r, d, NULL, arena_printf(r->a,
				    "%s: %s must be at most %zu characters "
				    "on one line", v[i].name, cols[c].label,
				    cols[c].cap));
				errors++;
			}
		}
	}
	if (errors > 0) {
		r->status = 422;
		fill(r, d, nv, n, bad, edit);
		page_end(r);
		return;
	}
	if (db_begin() < 0) {
		page_store_error(r);
		return;
	}
	for (i = 0; i < n && rc > 0; i++) {
		int changed = nv[i].rate != v[i].rate;

		for (c = 0; c < NCOLS; c++)
			if (strcmp(*field_of(&nv[i], c), *field_of(&v[i], c)))
				changed = 1;
		if (!changed)
			continue;
		if ((rc = store_svcbill_save(r->user.operator_id, &nv[i])) > 0)
			rc = store_audit(r->user.operator_id, 0, 0, r->user.id,
			    "service", v[i].id, "billing_codes", arena_printf(
			    r->a, "vat=%s\nxero=%s/%s\nqbo=%s/%s\nsage=%s/%s",
			    vat_rate_names[v[i].rate], v[i].xero_account,
			    v[i].xero_tax, v[i].qbo_item, v[i].qbo_tax,
			    v[i].sage_nominal, v[i].sage_tax), arena_printf(
			    r->a, "vat=%s\nxero=%s/%s\nqbo=%s/%s\nsage=%s/%s",
			    vat_rate_names[nv[i].rate], nv[i].xero_account,
			    nv[i].xero_tax, nv[i].qbo_item, nv[i].qbo_tax,
			    nv[i].sage_nominal, nv[i].sage_tax));
	}
	if (rc > 0 && db_commit() > 0) {
		http_redirect(r, "/catalog/billing?done=saved");
		return;
	}
	db_rollback();
	page_store_error(r);
}
