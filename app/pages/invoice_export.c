/*
 * invoice_export: issued invoices and credit notes of a range of months
 * (by date of issue) for an accounting system (/invoices/export): Xero,
 * QuickBooks Online or Sage 50 (domain/acct_export.c names the templates
 * followed). Making an export is one transaction: it takes the documents
 * not exported yet (or all of them, when asked) and marks them exported,
 * so none is exported twice unless asked. Each export is kept: its file
 * is /invoices/exports/N, the same bytes every time (documents never
 * change; the codes are the catalog's at download time).
 */
#include <stdio.h>
#include <string.h>

#include "../domain/acct_export.h"
#include "../domain/charges.h"
#include "../domain/date.h"
#include "../ops/invoices.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"

static const char *
nonempty(const char *a, const char *b)
{
	return a != NULL && *a != '\0' ? a : b;
}

static void
download(struct req *r)
{
	struct store_export	 e;
	struct store_billset	 bs;
	struct store_exprow	*v;
	enum acct_format	 f;
	struct buf		 b;
	char			 detail[256], from[DATE_STRLEN], to[DATE_STRLEN];
	size_t			 n, i;
	int			 rc;

	if ((rc = store_export_get(r->a, r->user.operator_id, r->ids[0],
	    &e)) <= 0) {
		if (rc == 0)
			http_error(r, 404);
		else
			page_store_error(r);
		return;
	}
	if (store_billset_get(r->a, r->user.operator_id, &bs) <= 0 ||
	    store_export_rows(r->a, r->user.operator_id, e.id, &v, &n) < 0) {
		page_store_error(r);
		return;
	}
	f = acct_format_parse(e.format);
	buf_init(&b, r->a, 512 + n * 300);
	acct_header(&b, f);
	for (i = 0; i < n; i++) {
		struct acct_doc		 d;
		struct acct_line	 l;

		memset(&d, 0, sizeof(d));
		d.credit = v[i].credit;
		d.number = v[i].number;
		d.credit_of = v[i].credit_of;
		d.contact = v[i].name;
		d.email = v[i].email;
		d.address = v[i].address;
		d.account_ref = v[i].ref;
		d.issue = v[i].issue;
		d.due = v[i].due;
		d.terms_days = (int)v[i].terms_days;
		d.currency = v[i].currency;
		memset(&l, 0, sizeof(l));
		inv_line_detail(&v[i].l, detail, sizeof(detail));
		l.description = arena_printf(r->a, "%s: %s",
		    v[i].l.description, detail);
		l.brief = v[i].l.description;
		l.net = v[i].l.net;
		l.vat = v[i].l.vat;
		l.account = nonempty(v[i].xero_account, bs.xero_account);
		l.xero_tax = nonempty(v[i].xero_tax,
		    acct_default_tax(ACCT_XERO, v[i].l.rate));
		l.qbo_item = nonempty(v[i].qbo_item, bs.qbo_item);
		l.qbo_tax = nonempty(v[i].qbo_tax,
		    acct_default_tax(ACCT_QBO, v[i].l.rate));
		l.sage_nominal = nonempty(v[i].sage_nominal, bs.sage_nominal);
		l.sage_tax = nonempty(v[i].sage_tax,
		    acct_default_tax(ACCT_SAGE, v[i].l.rate));
		l.service_date = v[i].l.from;
		acct_row(&b, f, &d, &l);
	}
	date_format(e.from, from, sizeof(from));
	date_format(e.to, to, sizeof(to));
	from[7] = to[7] = '\0';
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"tenantry-%s-%s-to-%s-export-%lld.csv\"",
	    e.format, from, to, (long long)e.id));
	http_send(r, 200, "text/csv; charset=utf-8", b.p, b.len);
}

static int
history_fill(struct req *r, struct tpl_dict *d)
{
	struct store_export	*e;
	char			 a[32], b[32];
	size_t			 n, i;

	if (store_export_list(r->a, r->user.operator_id, &e, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct tpl_dict		*s = tpl_section(d, TN_EXPORT);
		enum acct_format	 f = acct_format_parse(e[i].format);

		tpl_set_int(s, TN_ID, e[i].id);
		tpl_set(s, TN_FORMAT, f < ACCT__MAX ? acct_format_labels[f] :
		    e[i].format);
		inv_month_label(e[i].from, a, sizeof(a));
		inv_month_label(e[i].to, b, sizeof(b));
		tpl_set(s, TN_MONTHS, strcmp(a, b) == 0 ? a :
		    arena_printf(r->a, "%s to %s", a, b));
		tpl_set_int(s, TN_DOCS, e[i].documents);
		tpl_set(s, TN_BY, e[i].by);
		page_set_time(r, s, TN_AT, TN_AT_ISO, e[i].at);
	}
	tpl_show(d, n > 0 ? TN_HAS_EXPORTS : TN_NO_EXPORTS);
	return 1;
}

static void
formats_fill(struct tpl_dict *d, const char *cur)
{
	int	 i;

	for (i = 0; i < ACCT__MAX; i++) {
		struct tpl_dict *s = tpl_section(d, TN_FORMAT_OPT);

		tpl_set(s, TN_VALUE, acct_format_names[i]);
		tpl_set(s, TN_LABEL, acct_format_labels[i]);
		if (cur != NULL && strcmp(cur, acct_format_names[i]) == 0)
			tpl_show(s, TN_CHECKED);
	}
}

/* The export the form asks for into in: NULL, or why it cannot be read
 * (the form filled again with what was sent). */
static const char *
read_export(struct req *r, struct tpl_dict *d, struct invoice_export_in *in)
{
	const char	*fmt = form_text(r, "format", 16);
	const char	*from = form_text(r, "from", 16);
	const char	*to = form_text(r, "to", 16);
	int		 fy, fm, ty, tm;

	memset(in, 0, sizeof(*in));
	in->again = form_has(r, "again");
	form_fill(r, d, "from", from ? from : "");
	form_fill(r, d, "to", to ? to : "");
	formats_fill(d, fmt);
	if (in->again)
		tpl_show(d, TN_AGAIN);
	if ((in->format = acct_format_parse(fmt)) == ACCT__MAX)
		return "Choose the accounting system to export to.";
	if (from == NULL || charges_month_parse(from, &fy, &fm) == -1 ||
	    to == NULL || charges_month_parse(to, &ty, &tm) == -1)
		return "From and To must be months written YYYY-MM.";
	if (ty * 12 + tm < fy * 12 + fm)
		return "To must be the same month as From or a later one.";
	in->from = date_from_ymd(fy, fm, 1);
	in->to = date_from_ymd(ty, tm, 1);
	return NULL;
}

/* The form (this month, Xero) and the exports made. */
static void
show_form(struct req *r, struct tpl_dict *d)
{
	char	 b[32];
	int64_t	 done;
	int	 y, m, dd;

	date_to_ymd(r->today, &y, &m, &dd);
	snprintf(b, sizeof(b), "%04d-%02d", y, m);
	form_fill(r, d, "from", b);
	form_fill(r, d, "to", b);
	formats_fill(d, "xero");
	if (query_id(r, "done", &done) == 1)
		tpl_set_int(tpl_section(d, TN_DONE), TN_ID, done);
	if (history_fill(r, d) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}

void
page_invoice_export(struct req *r)
{
	struct tpl_dict			*d;
	struct invoice_export_in	 in;
	struct invoice_export_out	 out;
	struct ops_ctx			 c;
	const char			*why;
	int				 rc;

	if (r->nids == 1) {
		download(r);
		return;
	}
	if ((d = page_begin(r, "Export", "invoice_export.tpl", "invoices")) ==
	    NULL)
		return;
	if (r->method == M_GET) {
		show_form(r, d);
		return;
	}
	if ((why = read_export(r, d, &in)) != NULL) {
		form_error(r, d, "format", why);
		r->status = 422;
	} else {
		page_ops_ctx(r, &c);
		if ((rc = ops_invoice_export(&c, &in, &out)) < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/invoices/export?done=%lld", (long long)out.id));
			return;
		}
		page_refused(r, d, &out.why);
	}
	if (history_fill(r, d) < 0) {
		page_store_error(r);
		return;
	}
	page_end(r);
}
