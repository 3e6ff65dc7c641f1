/*
 * catalog_billing: the VAT rate and the accounting codes of each catalog
 * service (/catalog/billing; operator admins change them): Xero account
 * and tax rate, QuickBooks Online product/service and tax code, Sage 50
 * nominal and tax code. An empty code means the default (the invoice
 * settings' account codes, the tax code of the VAT rate). The rate applies
 * to lines billed from then on: an invoice keeps the rate of its lines.
 * All rows are saved in one transaction.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../domain/acct_export.h"
#include "../domain/invoice.h"
#include "../ops/catalog.h"
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

/* The code of column c of service id as sent: 1 fit (*val), 0 not (*val:
 * as sent, or "" when it cannot be shown), "" when absent. */
static int
code_of(struct req *r, size_t c, int64_t id, const char **val)
{
	const char	*key = arena_printf(r->a, "%s_%lld", cols[c].key,
			    (long long)id);

	if ((*val = form_text(r, key, cols[c].cap)) != NULL)
		return 1;
	if (!form_has(r, key)) {
		*val = "";
		return 1;
	}
	if ((*val = form_text(r, key, SIZE_MAX)) == NULL)
		*val = "";
	return 0;
}

/* Every service's row of the form into nv (bad: the codes refused). The
 * number of errors (messages in d), or -1 when the form does not hold
 * every service (the 400 answered). */
static int
read_codes(struct req *r, struct tpl_dict *d, const struct store_svcbill *v,
    size_t n, struct store_svcbill *nv, const char **bad)
{
	const char	*key;
	size_t		 i, c;
	int		 errors = 0;

	for (i = 0; i < n; i++) {
		nv[i] = v[i];
		key = arena_printf(r->a, "vat_%lld", (long long)v[i].id);
		if (!form_has(r, key)) {
			http_error_msg(r, 400, "The billing codes form could "
			    "not be read: it does not hold every service of "
			    "the catalog. Reload the page and try again.");
			return -1;
		}
		if ((nv[i].rate = vat_rate_parse(form_text(r, key, 16))) ==
		    VAT__MAX) {
			form_error(r, d, NULL, arena_printf(r->a, "%s: VAT rate "
			    "must be standard, zero or exempt", v[i].name));
			nv[i].rate = v[i].rate;
			errors++;
		}
		for (c = 0; c < NCOLS; c++) {
			if (code_of(r, c, v[i].id, field_of(&nv[i], c)))
				continue;
			bad[i * NCOLS + c] = "";
			form_error(r, d, NULL, arena_printf(r->a, "%s: %s must "
			    "be at most %zu characters on one line", v[i].name,
			    cols[c].label, cols[c].cap));
			errors++;
		}
	}
	return errors;
}

/* Read and save the form. */
static void
save(struct req *r, struct tpl_dict *d, const struct store_svcbill *v,
    size_t n, int edit)
{
	struct catalog_codes_in	 in;
	struct catalog_out	 out;
	struct ops_ctx		 c;
	struct store_svcbill	*nv;
	const char		**bad;
	int			 errors;

	nv = arena_calloc(r->a, n ? n : 1, sizeof(*nv));
	bad = arena_calloc(r->a, n * NCOLS + 1, sizeof(*bad));
	if ((errors = read_codes(r, d, v, n, nv, bad)) < 0)
		return;
	if (errors > 0) {
		r->status = 422;
		fill(r, d, nv, n, bad, edit);
		page_end(r);
		return;
	}
	in.old = v;
	in.new_ = nv;
	in.n = n;
	page_ops_ctx(r, &c);
	if (ops_catalog_codes_save(&c, &in, &out) <= 0) {
		page_store_error(r);
		return;
	}
	http_redirect(r, "/catalog/billing?done=saved");
}

void
page_catalog_billing(struct req *r)
{
	struct tpl_dict		*d;
	struct store_svcbill	*v;
	size_t			 n;
	int			 edit;

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
		fill(r, d, v, n, NULL, edit);
		page_end(r);
		return;
	}
	save(r, d, v, n, edit);
}
