/*
 * invoicing: see invoicing.h.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../log.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

const char *
invoicing_money(struct req *r, const char *currency, int64_t v)
{
	char	 b[MONEY_STRLEN + 8];

	money_format_cur(v, currency == NULL || *currency == '\0' ? "GBP" :
	    currency, b, sizeof(b));
	return arena_strdup(r->a, b);
}

const char *
invoicing_title(struct req *r, const struct store_invoice *v)
{
	if (v->issued)
		return v->number;
	return arena_printf(r->a, "Draft %s %lld", v->credit ? "credit note" :
	    "invoice", (long long)v->id);
}

int
invoicing_load(struct req *r, int64_t occ, int64_t id, struct invdoc *d)
{
	struct inv_line	*l;
	size_t		 i;
	int		 rc;

	memset(d, 0, sizeof(*d));
	if ((rc = store_invoice_get(r->a, r->user.operator_id, occ, id,
	    &d->v)) <= 0 || store_invoice_lines(r->a, r->user.operator_id, id,
	    &d->lines, &d->n) < 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return 0;
	}
	l = arena_calloc(r->a, d->n ? d->n : 1, sizeof(*l));
	for (i = 0; i < d->n; i++)
		l[i] = d->lines[i].l;
	if (inv_totals(l, d->n, &d->t) == -1) {
		log_warnx("invoice %lld: totals overflow", (long long)id);
		http_error(r, 500);
		return 0;
	}
	d->status = inv_status(d->v.credit, d->v.issued, d->v.gross,
	    d->v.credited, d->v.paid);
	return 1;
}

/* Address text as lines (section name of d, key LINE). */
static void
lines_fill(struct tpl_dict *d, enum tpl_name section, const char *text)
{
	const char	*p = text, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p && !(e - p == 1 && *p == '\r'))
			tpl_setn(tpl_section(d, section), TN_LINE, p,
			    (size_t)(e - p) - (e[-1] == '\r'));
		p = *e != '\0' ? e + 1 : e;
	}
}

/* Who sells and who pays. */
static void
parties_fill(struct tpl_dict *d, const struct store_invoice *v)
{
	tpl_set(d, TN_SELLER_NAME, v->seller.name);
	lines_fill(d, TN_SELLER_ADDR, v->seller.address);
	if (*v->seller.vat != '\0')
		tpl_set(tpl_section(d, TN_SELLER_VAT), TN_VAT, v->seller.vat);
	if (*v->seller.email != '\0')
		tpl_set(tpl_section(d, TN_SELLER_EMAIL), TN_EMAIL,
		    v->seller.email);
	tpl_set(d, TN_BILL_HEADING, v->credit ? "Credit to" : "Bill to");
	tpl_set(d, TN_BILL_NAME, v->bill.name);
	lines_fill(d, TN_BILL_ADDR, v->bill.address);
	if (*v->bill.vat != '\0')
		tpl_set(tpl_section(d, TN_BILL_VAT), TN_VAT, v->bill.vat);
	if (*v->bill.ref != '\0')
		tpl_set(tpl_section(d, TN_BILL_REF), TN_REF, v->bill.ref);
}

/* Number and dates, the month billed, the site, the invoice credited. */
static void
meta_fill(struct tpl_dict *d, const struct store_invoice *v)
{
	struct tpl_dict	*s;
	char		 b[64];

	if (v->issued) {
		s = tpl_section(d, TN_ISSUED);
		tpl_set(s, TN_NUMBER, v->number);
		page_set_date(s, TN_ISSUE, v->issue);
		if (!v->credit)
			page_set_date(tpl_section(s, TN_DUE), TN_DATE, v->due);
	}
	if (v->period != DATE_NONE) {
		inv_month_label(v->period, b, sizeof(b));
		s = tpl_section(d, TN_PERIOD);
		tpl_set(s, TN_MONTH, b);
		tpl_set(s, TN_MODE, strcmp(v->mode, "advance") == 0 ?
		    "in advance" : strcmp(v->mode, "arrears") == 0 ?
		    "in arrears" : "");
	}
	if (*v->site_name != '\0')
		tpl_set(tpl_section(d, TN_SITE), TN_NAME, v->site_name);
	if (v->credit && v->credit_of != 0) {
		s = tpl_section(d, TN_CREDIT_OF);
		tpl_set(s, TN_NUMBER, v->credit_of_number);
		tpl_set_int(s, TN_INV_ID, v->credit_of);
	}
}

/* One line (section LINE of d); ops: the operator's buttons. */
static void
line_fill(struct tpl_dict *d, const struct invdoc *x,
    const struct store_invline *sl, int ops)
{
	const struct inv_line	*l = &sl->l;
	struct tpl_dict		*s = tpl_section(d, TN_LINE);
	char			 b[256];

	tpl_set_int(s, TN_LINE_ID, l->id);
	tpl_set(s, TN_DESC, l->description);
	inv_line_detail(l, b, sizeof(b));
	tpl_set(s, TN_DETAIL, b);
	vat_rate_label(l->rate, l->bp, b, sizeof(b));
	tpl_set(s, TN_RATE, b);
	page_set_money(s, TN_NET, l->net);
	page_set_money(s, TN_VAT, l->vat);
	if (l->net < 0)
		tpl_show(s, TN_NEGATIVE);
	if (sl->credited_by != 0) {
		struct tpl_dict *c = tpl_section(s, TN_CREDITED);

		tpl_set(c, TN_NUMBER, sl->credited_by_number);
		tpl_set_int(c, TN_CN_ID, sl->credited_by);
	}
	if (ops && !x->v.issued && (l->kind == IL_ONEOFF ||
	    l->kind == IL_DISCOUNT))
		tpl_show(s, TN_REMOVABLE);
	if (ops && x->v.issued && !x->v.credit && sl->credited_by == 0)
		tpl_show(s, TN_CREDITABLE);
}

/* The sums per rate, the totals, how to pay. */
static void
totals_fill(struct req *r, struct tpl_dict *d, const struct invdoc *x)
{
	const struct store_invoice	*v = &x->v;
	struct tpl_dict			*s;
	char				 b[64];
	size_t				 i;

	for (i = 0; i < x->t.nrates; i++) {
		s = tpl_section(d, TN_RATE_SUM);
		vat_rate_label(x->t.rates[i].rate, x->t.rates[i].bp, b,
		    sizeof(b));
		tpl_set(s, TN_RATE, b);
		page_set_money(s, TN_NET, x->t.rates[i].net);
		page_set_money(s, TN_VAT, x->t.rates[i].vat);
	}
	tpl_set(d, TN_CURRENCY, v->currency);
	tpl_set(d, TN_NET, invoicing_money(r, v->currency, x->t.net));
	tpl_set(d, TN_VAT, invoicing_money(r, v->currency, x->t.vat));
	tpl_set(d, TN_GROSS, invoicing_money(r, v->currency, x->t.gross));
	if (!v->credit && *v->seller.payment != '\0') {
		s = tpl_section(d, TN_PAYMENT);
		lines_fill(s, TN_PAY_LINE, v->seller.payment);
		if (v->issued)
			tpl_set(tpl_section(s, TN_QUOTE), TN_NUMBER, v->number);
	}
}

void
invoicing_doc_fill(struct req *r, struct tpl_dict *body,
    const struct invdoc *x, int ops, const char *base)
{
	const struct store_invoice	*v = &x->v;
	struct tpl_dict			*d;
	size_t				 i;

	d = tpl_include(body, TN_DOC, "invoice_doc.tpl");
	tpl_set(d, TN_BASE, base);
	tpl_set(d, TN_CSRF, r->csrf);
	tpl_set_int(d, TN_ID, v->id);
	tpl_set_int(d, TN_VERSION, v->version);
	tpl_set(d, TN_KIND, v->credit ? "Credit note" : "Invoice");
	tpl_set(d, TN_TITLE, invoicing_title(r, v));
	if (!v->issued)
		tpl_show(d, TN_DRAFT);
	parties_fill(d, v);
	meta_fill(d, v);
	for (i = 0; i < x->n; i++)
		line_fill(d, x, &x->lines[i], ops);
	if (x->n == 0)
		tpl_show(d, TN_NO_LINES);
	totals_fill(r, d, x);
}

void
invoicing_row_fill(struct req *r, struct tpl_dict *d,
    const struct store_invitem *it, const char *base)
{
	struct tpl_dict	*s = tpl_section(d, TN_ROW);
	enum inv_status	 st;
	char		 b[64];

	st = inv_status(it->credit, it->issued, it->gross, it->credited,
	    it->paid);
	tpl_set(s, TN_HREF, arena_printf(r->a, "%s/%lld", base,
	    (long long)it->id));
	tpl_set(s, TN_NUMBER, it->issued ? it->number : arena_printf(r->a,
	    "Draft %lld", (long long)it->id));
	tpl_set(s, TN_KIND, it->credit ? "Credit note" : "Invoice");
	tpl_set_int(s, TN_OCC_ID, it->occupier_id);
	tpl_set(s, TN_OCCUPIER, it->occ_name);
	inv_month_label(it->period, b, sizeof(b));
	tpl_set(s, TN_PERIOD, b);
	tpl_set(s, TN_MODE, it->mode);
	page_set_date(s, TN_ISSUE, it->issue);
	page_set_date(s, TN_DUE, it->credit ? DATE_NONE : it->due);
	page_set_money(s, TN_NET, it->credit ? -it->net : it->net);
	page_set_money(s, TN_VAT, it->credit ? -it->vat : it->vat);
	page_set_money(s, TN_GROSS, it->credit ? -it->gross : it->gross);
	page_set_money(s, TN_DUE_AMOUNT, it->credit ? 0 :
	    inv_due(it->gross, it->credited, it->paid));
	tpl_set(s, TN_STATUS, it->credit && it->issued ? "Credit note" :
	    inv_status_labels[st]);
	tpl_set(s, TN_STATUS_KEY, it->credit && it->issued ? "credit" :
	    inv_status_names[st]);
	if (it->exported)
		tpl_show(s, TN_EXPORTED);
}
