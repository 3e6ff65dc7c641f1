/*
 * invoice: one invoice or credit note for the operator (/invoices/N): the
 * document, and what can be done to it. A draft: add a one-off line or a
 * discount, remove those, approve (issue) it, or discard it. An issued
 * invoice never changes: mark a payment, or credit it (whole, or the
 * lines ticked) with a credit note of its own number. Each action is one
 * transaction on the document's locked row; a form names the version it
 * was made from, so a concurrent change is refused, never overwritten.
 */
#include <stdio.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../ops/invoices.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

#define MAX_CREDIT	1000	/* lines ticked at most */

enum line_field {
	LF_DESC,	/* line_desc */
	LF_QTY,		/* line_qty */
	LF_PRICE,	/* line_price */
	LF__MAX
};

static const struct field line_fields[LF__MAX] = {
	[LF_DESC] = { "line_desc", "Description", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[LF_QTY] = { "line_qty", "QTY", FT_INT, 9, 1, 1, 100000, NULL, 0 },
	[LF_PRICE] = { "line_price", "Unit price", FT_MONEY, 20, 1, 0, 0, NULL, 0 },
};

enum disc_field {
	DF_DESC,	/* disc_desc */
	DF_AMOUNT,	/* disc_amount */
	DF__MAX
};

static const struct field disc_fields[DF__MAX] = {
	[DF_DESC] = { "disc_desc", "Description", FT_TEXT, 200, 1, 0, 0, NULL, 0 },
	[DF_AMOUNT] = { "disc_amount", "Discount", FT_MONEY, 20, 1, 0, 0, NULL, 0 },
};

enum pay_field {
	PF_DATE,	/* pay_date */
	PF_AMOUNT,	/* pay_amount */
	PF_REF,		/* pay_ref */
	PF__MAX
};

static const struct field pay_fields[PF__MAX] = {
	[PF_DATE] = { "pay_date", "Date received", FT_DATE, 10, 1, 0, 0, NULL, 0 },
	[PF_AMOUNT] = { "pay_amount", "Amount", FT_MONEY, 20, 1, 0, 0, NULL, 0 },
	[PF_REF] = { "pay_ref", "Reference", FT_TEXT, 100, 0, 0, 0, NULL, 0 },
};

static const struct {
	const char	*code;
	const char	*text;
} notices[] = {
	{ "line_added", "The line is added; the totals are updated." },
	{ "line_removed", "The line is removed; the totals are updated." },
	{ "approved", "Approved: the invoice is issued with its number." },
	{ "paid", "The payment is marked." },
	{ "credited", "The credit note is issued." },
};

/* What the form asks for: op=NAME. */
enum act_op {
	ACT_ADD_LINE,		/* add_line */
	ACT_ADD_DISCOUNT,	/* add_discount */
	ACT_REMOVE_LINE,	/* remove_line */
	ACT_DISCARD,		/* discard */
	ACT_PAYMENT,		/* payment */
	ACT_CREDIT,		/* credit */
	ACT_CREDIT_ALL,		/* credit_all */
	ACT_APPROVE,		/* approve */
	ACT__MAX
};

static const char *const act_names[ACT__MAX + 1] = { "add_line",
    "add_discount", "remove_line", "discard", "payment", "credit",
    "credit_all", "approve", NULL };

/* The ?done= of each action's redirect. */
static const char *const act_done[ACT__MAX] = { "line_added", "line_added",
    "line_removed", "discarded", "paid", "credited", "credited",
    "approved" };

/* One action: its input, by kind, and what the operation said. */
struct act {
	enum act_op			 op;
	struct invoice_ref		 doc;
	struct invoice_line_in		 line;
	struct invoice_remove_in	 remove;
	struct invoice_pay_in		 pay;
	struct invoice_credit_in	 credit;
	struct invoice_approve_in	 approve;
	struct invoice_out		 out;
};

/* The VAT rate posted as key (VAT__MAX: not a rate), standard if none. */
static enum vat_rate
rate_of(struct req *r, const char *key)
{
	if (!form_has(r, key))
		return VAT_STANDARD;
	return vat_rate_parse(form_text(r, key, 16));
}

/* The VAT rate options of a select (section of d), the one posted (or
 * standard) selected. */
static void
rate_options(struct req *r, struct tpl_dict *d, enum tpl_name section,
    const char *key)
{
	enum vat_rate	 cur = rate_of(r, key);
	int		 i;

	for (i = 0; i < VAT__MAX; i++) {
		struct tpl_dict *s = tpl_section(d, section);

		tpl_set(s, TN_VALUE, vat_rate_names[i]);
		tpl_set(s, TN_LABEL, i == VAT_STANDARD ? "Standard (20%)" :
		    i == VAT_ZERO ? "Zero-rated (0%)" : "Exempt");
		if ((int)cur == i)
			tpl_show(s, TN_SELECTED);
	}
}

/* Title, status, the run, the notice of ?done. */
static void
show_head(struct req *r, struct tpl_dict *d, const struct invdoc *x)
{
	const struct store_invoice	*v = &x->v;
	const char			*done;
	size_t				 i;

	tpl_set_int(d, TN_ID, v->id);
	tpl_set_int(d, TN_VERSION, v->version);
	tpl_set(d, TN_TITLE, invoicing_title(r, v));
	tpl_set_int(d, TN_OCC_ID, v->occupier_id);
	tpl_set(d, TN_OCC_NAME, v->occ_name);
	tpl_set(d, TN_STATUS, v->credit && v->issued ? "Credit note" :
	    inv_status_labels[x->status]);
	tpl_set(d, TN_STATUS_KEY, v->credit && v->issued ? "credit" :
	    inv_status_names[x->status]);
	if (v->run_id != 0)
		tpl_set_int(tpl_section(d, TN_RUN), TN_RUN_ID, v->run_id);
	if ((done = http_flash_take(r)) != NULL)
		for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
			if (strcmp(done, notices[i].code) == 0)
				tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT,
				    notices[i].text);
}

/* The payments and credit notes of an issued invoice (section s). */
static void
show_history(struct req *r, struct tpl_dict *s, const struct invdoc *x)
{
	struct store_payment	*pay;
	struct store_credit_ref	*cr;
	size_t			 n, i;

	if (store_invoice_payments(r->a, r->user.operator_id, x->v.id, &pay,
	    &n) > 0)
		for (i = 0; i < n; i++) {
			struct tpl_dict *p = tpl_section(s, TN_PAYMENT);

			page_set_date(p, TN_DATE, pay[i].paid_on);
			page_set_money(p, TN_AMOUNT, pay[i].amount);
			if (*pay[i].reference != '\0')
				tpl_set(tpl_section(p, TN_HAS_REF), TN_REF,
				    pay[i].reference);
			tpl_set(p, TN_BY, pay[i].by);
		}
	if (store_invoice_credits(r->a, r->user.operator_id, x->v.id, &cr,
	    &n) > 0)
		for (i = 0; i < n; i++) {
			struct tpl_dict *c = tpl_section(s, TN_CREDIT_NOTE);

			tpl_set_int(c, TN_CN_ID, cr[i].id);
			tpl_set(c, TN_NUMBER, cr[i].number);
			page_set_date(c, TN_DATE, cr[i].issue);
			page_set_money(c, TN_GROSS, cr[i].gross);
		}
	for (i = 0; i < x->n; i++)
		if (x->lines[i].credited_by == 0) {
			tpl_show(s, TN_CAN_CREDIT);
			break;
		}
}

/* What an issued invoice can still have: payments, credit notes. */
static void
show_issued(struct req *r, struct tpl_dict *d, const struct invdoc *x,
    int from_form)
{
	const struct store_invoice	*v = &x->v;
	struct tpl_dict			*s;
	char				 b[MONEY_STRLEN], day[DATE_STRLEN];
	int64_t				 due = inv_due(v->gross, v->credited,
					    v->paid);

	s = tpl_section(d, TN_ISSUED_META);
	page_set_date(s, TN_ON, v->issue);
	tpl_set(s, TN_BY, v->issued_by);
	if (v->exported_at > 0)
		page_set_time(r, tpl_section(d, TN_EXPORTED), TN_AT, TN_AT_ISO,
		    v->exported_at);
	if (v->credit)
		return;
	s = tpl_section(d, TN_ISSUED_OPS);
	tpl_set(s, TN_GROSS, invoicing_money(r, v->currency, v->gross));
	tpl_set(s, TN_PAID, invoicing_money(r, v->currency, v->paid));
	tpl_set(s, TN_CREDITED, invoicing_money(r, v->currency, v->credited));
	tpl_set(s, TN_DUE, invoicing_money(r, v->currency, due));
	if (due > 0) {
		tpl_show(s, TN_CAN_PAY);
		if (!from_form) {
			money_format(due, b, sizeof(b));
			form_fill(r, d, "pay_amount", b);
			date_format(r->today, day, sizeof(day));
			form_fill(r, d, "pay_date", day);
		}
	}
	show_history(r, s, x);
}

/* The page: the document and the forms its state allows. */
static void
show(struct req *r, struct tpl_dict *d, const struct invdoc *x, int from_form)
{
	struct tpl_dict	*s;

	show_head(r, d, x);
	invoicing_doc_fill(r, d, x, 1, "/invoices");
	if (x->v.issued) {
		show_issued(r, d, x, from_form);
		return;
	}
	s = tpl_section(d, TN_DRAFT_OPS);
	rate_options(r, s, TN_LINE_RATE, "line_vat");
	rate_options(r, s, TN_DISC_RATE, "disc_vat");
	if (!from_form) {
		form_fill(r, d, "line_qty", "1");
		form_fill(r, d, "disc_desc", "Discount");
	}
}

/* The VAT rate of key, or an error on the form (1). */
static int
read_rate(struct req *r, struct tpl_dict *d, const char *key,
    enum vat_rate *rate)
{
	if ((*rate = vat_rate_parse(form_text(r, key, 16))) != VAT__MAX)
		return 0;
	form_error(r, d, key, "VAT rate must be standard, zero or exempt");
	return 1;
}

/* A one-off line into a->line. The number of errors. */
static int
read_oneoff(struct req *r, struct tpl_dict *d, struct act *a)
{
	struct fval	 v[LF__MAX];
	enum vat_rate	 rate;
	int		 errors;

	errors = form_read(r, d, line_fields, LF__MAX, v);
	errors += read_rate(r, d, "line_vat", &rate);
	if (errors > 0)
		return errors;
	if (inv_oneoff_line(&a->line.line, v[LF_DESC].s, v[LF_QTY].i,
	    v[LF_PRICE].i, rate) == -1) {
		form_error(r, d, "line_price", "Unit price × QTY is too large");
		return 1;
	}
	return 0;
}

/* A discount into a->line. The number of errors. */
static int
read_discount(struct req *r, struct tpl_dict *d, struct act *a)
{
	struct fval	 v[DF__MAX];
	enum vat_rate	 rate;
	int		 errors;

	errors = form_read(r, d, disc_fields, DF__MAX, v);
	errors += read_rate(r, d, "disc_vat", &rate);
	if (errors == 0 && v[DF_AMOUNT].i == 0) {
		form_error(r, d, "disc_amount", "Discount must be more than "
		    "0.00");
		errors++;
	}
	if (errors > 0)
		return errors;
	return inv_discount_line(&a->line.line, v[DF_DESC].s, v[DF_AMOUNT].i,
	    rate) == -1 ? 1 : 0;
}

/* A payment into a->pay. The number of errors. */
static int
read_payment(struct req *r, struct tpl_dict *d, struct act *a)
{
	struct fval	 v[PF__MAX];
	int		 errors;

	if ((errors = form_read(r, d, pay_fields, PF__MAX, v)) > 0)
		return errors;
	if (v[PF_DATE].date > r->today) {
		form_error(r, d, "pay_date", "Date received cannot be in the "
		    "future");
		return 1;
	}
	a->pay.day = v[PF_DATE].date;
	a->pay.amount = v[PF_AMOUNT].i;
	a->pay.reference = v[PF_REF].s;
	return 0;
}

/* The action's input into a: 0 ok, else the number of errors (messages
 * in d), -1 a form no screen of ours sends (the 400 answered). */
static int
read_act(struct req *r, struct tpl_dict *d, const struct invdoc *x,
    struct act *a)
{
	int64_t	*ids;
	int	 op;

	memset(a, 0, sizeof(*a));
	if ((op = form_enum(r, "op", act_names)) < 0) {
		http_error_msg(r, 400, "The invoice form could not be read.");
		return -1;
	}
	a->op = (enum act_op)op;
	a->doc.id = x->v.id;
	if (form_id(r, "version", &a->doc.version) != 1)
		a->doc.version = 0;
	a->line.doc = a->remove.doc = a->pay.doc = a->credit.doc = a->doc;
	a->approve.id = a->doc.id;
	a->approve.version = a->doc.version;
	a->approve.issued = x->v.issued;
	a->credit.invoice = &x->v;
	a->credit.all = a->op == ACT_CREDIT_ALL;
	switch (a->op) {
	case ACT_ADD_LINE:
		return read_oneoff(r, d, a);
	case ACT_ADD_DISCOUNT:
		return read_discount(r, d, a);
	case ACT_PAYMENT:
		return read_payment(r, d, a);
	case ACT_REMOVE_LINE:
		if (form_id(r, "line", &a->remove.line_id) == 1)
			return 0;
		form_error(r, d, NULL, "The line to remove could not be read.");
		return 1;
	case ACT_CREDIT:
	case ACT_CREDIT_ALL:
		if (form_ids(r, "line", MAX_CREDIT, &ids,
		    &a->credit.nlines) == 0) {
			a->credit.lines = ids;
			return 0;
		}
		http_error_msg(r, 400, "The invoice form could not be read.");
		return -1;
	default:
		return 0;
	}
}

/* Run the action's operation (ops/invoices.h). */
static int
run_act(struct ops_ctx *c, struct act *a)
{
	switch (a->op) {
	case ACT_ADD_LINE:
	case ACT_ADD_DISCOUNT:
		return ops_invoice_add_line(c, &a->line, &a->out);
	case ACT_REMOVE_LINE:
		return ops_invoice_remove_line(c, &a->remove, &a->out);
	case ACT_DISCARD:
		return ops_invoice_discard(c, &a->doc, &a->out);
	case ACT_PAYMENT:
		return ops_invoice_pay(c, &a->pay, &a->out);
	case ACT_CREDIT:
	case ACT_CREDIT_ALL:
		return ops_invoice_credit(c, &a->credit, &a->out);
	default:
		return ops_invoice_approve(c, &a->approve, &a->out);
	}
}

static void
redirect_done(struct req *r, const struct act *a)
{
	if (a->op == ACT_DISCARD)
		http_redirect(r, "/invoices?done=discarded");
	else if (a->out.credit_id != 0)
		http_redirect(r, arena_printf(r->a,
		    "/invoices/%lld?done=credited", (long long)a->out.credit_id));
	else
		http_redirect(r, arena_printf(r->a, "/invoices/%lld?done=%s",
		    (long long)a->doc.id, act_done[a->op]));
}

void
page_invoice(struct req *r)
{
	struct tpl_dict	*d;
	struct invdoc	 x;
	struct act	 a;
	struct ops_ctx	 c;
	int		 rc;

	if (!invoicing_load(r, 0, r->ids[0], &x))
		return;
	if ((d = page_begin(r, invoicing_title(r, &x.v), "invoice.tpl",
	    "invoices")) == NULL)
		return;
	page_use_currency(x.v.currency);
	if (r->method == M_GET) {
		show(r, d, &x, 0);
		page_end(r);
		return;
	}
	if ((rc = read_act(r, d, &x, &a)) != 0) {
		if (rc < 0)
			return;
		r->status = 422;
		show(r, d, &x, 1);
		page_end(r);
		return;
	}
	page_ops_ctx(r, &c);
	if ((rc = run_act(&c, &a)) != 0) {
		if (rc < 0)
			page_store_error(r);
		else
			redirect_done(r, &a);
		return;
	}
	/* Refused: the current state, with why. */
	if (page_refused_bare(r, &a.out.why) ||
	    !invoicing_load(r, 0, r->ids[0], &x))
		return;
	page_refused(r, d, &a.out.why);
	show(r, d, &x, a.out.why.why == OPS_INVALID);
	page_end(r);
}
