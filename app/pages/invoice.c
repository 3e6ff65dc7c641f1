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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../log.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../tpl/tpl.h"
#include "invoicing.h"
#include "pages.h"

#define TRIES		5
#define MAX_CREDIT	1000	/* lines ticked at most */

static const char *const issued_msg = "This invoice is issued: an issued "
    "invoice never changes. Nothing was saved; correct it with a credit "
    "note.";
static const char *const changed_msg = "This invoice was changed by someone "
    "else meanwhile. Nothing was saved: the current invoice is shown below.";

enum line_field {
	LF_DESC,	/* line_desc */
	LF_QTY,		/* line_qty */
	LF_PRICE,	/* line_price */
	LF__MAX
};

static const struct field line_fields[LF__MAX] = {
	[LF_DESC] = { "line_desc", "Description", FT_TEXT, 200, 1, 0, 0, NULL },
	[LF_QTY] = { "line_qty", "QTY", FT_INT, 9, 1, 1, 100000, NULL },
	[LF_PRICE] = { "line_price", "Unit price", FT_MONEY, 20, 1, 0, 0, NULL },
};

enum disc_field {
	DF_DESC,	/* disc_desc */
	DF_AMOUNT,	/* disc_amount */
	DF__MAX
};

static const struct field disc_fields[DF__MAX] = {
	[DF_DESC] = { "disc_desc", "Description", FT_TEXT, 200, 1, 0, 0, NULL },
	[DF_AMOUNT] = { "disc_amount", "Discount", FT_MONEY, 20, 1, 0, 0, NULL },
};

enum pay_field {
	PF_DATE,	/* pay_date */
	PF_AMOUNT,	/* pay_amount */
	PF_REF,		/* pay_ref */
	PF__MAX
};

static const struct field pay_fields[PF__MAX] = {
	[PF_DATE] = { "pay_date", "Date received", FT_DATE, 10, 1, 0, 0, NULL },
	[PF_AMOUNT] = { "pay_amount", "Amount", FT_MONEY, 20, 1, 0, 0, NULL },
	[PF_REF] = { "pay_ref", "Reference", FT_TEXT, 100, 0, 0, 0, NULL },
};

_Static_assert(LF__MAX <= 4 && DF__MAX <= 4 && PF__MAX <= 4,
    "read_input's value array holds every field table");

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

struct op {
	struct req	*r;
	const struct invdoc *x;		/* as loaded before the transaction */
	int64_t		 id, version;
	int		 status;	/* refusal: 404, 409, 422 */
	const char	*msg;		/* refusal */
	struct inv_line	 line;
	int64_t		 line_id;
	int32_t		 pay_day;
	int64_t		 pay_amount;
	const char	*pay_ref;
	int64_t		*credit;	/* line ids ticked */
	size_t		 ncredit;
	int		 credit_all;
	int64_t		 credit_id;
};

static int64_t
parse_id(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s < '1' || *s > '9' || strlen(s) > 18)
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? (int64_t)v : 0;
}

/* Lock the document; 1 when it is as wanted (draft: 1 a draft, 0 an
 * issued invoice), else 0 with the refusal in o. */
static int
lock(struct op *o, int want_draft, struct store_invlock *k)
{
	int	 rc;

	if ((rc = store_invoice_lock(o->r->a, o->r->user.operator_id, o->id,
	    k)) <= 0) {
		if (rc == 0) {
			o->status = 404;
			o->msg = "";
		}
		return rc;
	}
	if (want_draft && k->issued) {
		o->status = 409;
		o->msg = issued_msg;
		return 0;
	}
	if (!want_draft && (!k->issued || k->credit)) {
		o->status = 409;
		o->msg = k->credit ? "A credit note cannot be paid or credited." :
		    "Only an issued invoice can be paid or credited.";
		return 0;
	}
	if (k->version != o->version) {
		o->status = 409;
		o->msg = changed_msg;
		return 0;
	}
	return 1;
}

static int
op_add_line(struct op *o)
{
	struct req		*r = o->r;
	struct store_invlock	 k;
	struct inv_totals	 t;
	int			 rc;

	if ((rc = lock(o, 1, &k)) <= 0 ||
	    (rc = store_invoice_add_lines(r->a, r->user.operator_id, o->id,
	    &o->line, 1)) <= 0 ||
	    (rc = store_invoice_retotal(r->a, r->user.operator_id, o->id,
	    &t)) <= 0 ||
	    (rc = store_audit(r->user.operator_id, k.occupier_id, 0, r->user.id,
	    "invoice", o->id, "add_line", NULL, arena_printf(r->a,
	    "kind=%s\ndescription=%s\nnet=%lld", inv_line_kind_names[o->line.kind],
	    o->line.description, (long long)o->line.net))) < 0)
		return rc < 0 ? -1 : 0;
	return 1;
}

static int
op_remove_line(struct op *o)
{
	struct req		*r = o->r;
	struct store_invlock	 k;
	struct inv_totals	 t;
	int			 rc;

	if ((rc = lock(o, 1, &k)) <= 0)
		return rc;
	if ((rc = store_invoice_line_delete(r->user.operator_id, o->id,
	    o->line_id)) <= 0) {
		if (rc == 0) {
			o->status = 422;
			o->msg = "Only a one-off line or a discount of this "
			    "draft can be removed.";
		}
		return rc;
	}
	if (store_invoice_retotal(r->a, r->user.operator_id, o->id, &t) <= 0 ||
	    store_audit(r->user.operator_id, k.occupier_id, 0, r->user.id,
	    "invoice", o->id, "remove_line", arena_printf(r->a, "line=%lld",
	    (long long)o->line_id), NULL) < 0)
		return -1;
	return 1;
}

static int
op_discard(struct op *o)
{
	struct req		*r = o->r;
	struct store_invlock	 k;
	int			 rc;

	if ((rc = lock(o, 1, &k)) <= 0)
		return rc;
	if (store_invoice_discard(r->user.operator_id, o->id) <= 0 ||
	    store_audit(r->user.operator_id, k.occupier_id, 0, r->user.id,
	    "invoice", o->id, "discard", NULL, NULL) < 0)
		return -1;
	return 1;
}

static int
op_payment(struct op *o)
{
	struct req		*r = o->r;
	struct store_invlock	 k;
	char			 m[MONEY_STRLEN];
	int			 rc;

	if ((rc = lock(o, 0, &k)) <= 0)
		return rc;
	if (o->pay_amount <= 0 || o->pay_amount > inv_due(k.gross, k.credited,
	    k.paid)) {
		money_format_display(inv_due(k.gross, k.credited, k.paid), m,
		    sizeof(m));
		o->status = 422;
		o->msg = arena_printf(r->a, "Amount must be more than 0.00 and "
		    "at most what is due (%s).", m);
		return 0;
	}
	if (store_invoice_payment(r->user.operator_id, o->id, o->pay_day,
	    o->pay_amount, o->pay_ref, r->user.id) <= 0 ||
	    store_audit(r->user.operator_id, k.occupier_id, 0, r->user.id,
	    "invoice", o->id, "payment", NULL, arena_printf(r->a,
	    "amount=%lld\nreference=%s", (long long)o->pay_amount,
	    o->pay_ref)) < 0)
		return -1;
	return 1;
}

static int
ticked(const struct op *o, int64_t line)
{
	size_t	 i;

	for (i = 0; i < o->ncredit; i++)
		if (o->credit[i] == line)
			return 1;
	return 0;
}

static int
op_credit(struct op *o)
{
	struct req		*r = o->r;
	int64_t			 op = r->user.operator_id;
	struct store_invlock	 k;
	struct store_invline	*sl;
	struct inv_line		*src, *cl;
	struct inv_totals	 t;
	size_t			 n, i, m = 0;
	const char		*number;
	int			 rc;

	if ((rc = lock(o, 0, &k)) <= 0)
		return rc;
	if (store_invoice_lines(r->a, op, o->id, &sl, &n) < 0)
		return -1;
	src = arena_calloc(r->a, n ? n : 1, sizeof(*src));
	for (i = 0; i < n; i++)
		if (sl[i].credited_by == 0 && (o->credit_all ||
		    ticked(o, sl[i].l.id)))
			src[m++] = sl[i].l;
	if (m == 0) {
		o->status = 422;
		o->msg = o->credit_all ? "Every line of this invoice is "
		    "credited already." : "Tick the lines to credit (lines "
		    "credited already cannot be credited again).";
		return 0;
	}
	cl = arena_calloc(r->a, m, sizeof(*cl));
	inv_credit_lines(src, m, cl);
	if ((rc = store_credit_create(op, o->id, r->user.id,
	    &o->credit_id)) <= 0 ||
	    (rc = store_invoice_add_lines(r->a, op, o->credit_id, cl, m)) <= 0 ||
	    (rc = store_invoice_retotal(r->a, op, o->credit_id, &t)) <= 0 ||
	    (rc = store_invoice_credited_add(op, o->id, t.gross)) <= 0)
		return rc < 0 ? -1 : 0;
	/* Issued at once, numbered on its own, with the invoice's billing
	 * details: all in this one transaction. */
	if ((rc = invoicing_issue(r, o->credit_id, &o->x->v, &number)) !=
	    APPROVE_ISSUED) {
		log_warnx("credit note of invoice %lld: not issued (%d)",
		    (long long)o->id, rc);
		return -1;
	}
	return 1;
}

/* Run fn in a transaction, again after a deadlock. 1 saved, 0 refused
 * (o->status, o->msg), -1 store error. */
static int
txn(struct op *o, int (*fn)(struct op *))
{
	int	 attempt, rc = -1;

	for (attempt = 0; attempt < TRIES; attempt++) {
		if (db_begin() < 0)
			return -1;
		rc = fn(o);
		if (rc > 0 && db_commit() > 0)
			return 1;
		db_rollback();
		if (rc == 0)
			return 0;
		if (!db_retryable())
			return -1;
		log_info("invoice %lld: retrying after %u", (long long)o->id,
		    db_errno());
		usleep((useconds_t)(1000 * (attempt + 1) * (1 + getpid() % 7)));
	}
	return -1;
}

/* The VAT rate options of a select (section of d), the one posted (or
 * standard) selected. */
static void
rate_options(struct req *r, struct tpl_dict *d, enum tpl_name section,
    const char *key)
{
	const char	*cur = kv_get(&r->form, key);
	int		 i;

	for (i = 0; i < VAT__MAX; i++) {
		struct tpl_dict *s = tpl_section(d, section);

		tpl_set(s, TN_VALUE, vat_rate_names[i]);
		tpl_set(s, TN_LABEL, i == VAT_STANDARD ? "Standard (20%)" :
		    i == VAT_ZERO ? "Zero-rated (0%)" : "Exempt");
		if (cur != NULL ? strcmp(cur, vat_rate_names[i]) == 0 :
		    i == VAT_STANDARD)
			tpl_show(s, TN_SELECTED);
	}
}

/* The page: the document and the forms its state allows. */
static void
show(struct req *r, struct tpl_dict *d, const struct invdoc *x, int from_form)
{
	const struct store_invoice	*v = &x->v;
	struct store_payment		*pay;
	struct store_credit_ref		*cr;
	struct tpl_dict			*s;
	const char			*done;
	char				 b[MONEY_STRLEN], day[DATE_STRLEN];
	size_t				 n, i;

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
	if ((done = kv_get(&r->query, "done")) != NULL)
		for (i = 0; i < sizeof(notices) / sizeof(notices[0]); i++)
			if (strcmp(done, notices[i].code) == 0)
				tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT,
				    notices[i].text);
	invoicing_doc_fill(r, d, x, 1, "/invoices");
	if (!v->issued) {
		s = tpl_section(d, TN_DRAFT_OPS);
		rate_options(r, s, TN_LINE_RATE, "line_vat");
		rate_options(r, s, TN_DISC_RATE, "disc_vat");
		if (!from_form) {
			form_fill(r, d, "line_qty", "1");
			form_fill(r, d, "disc_desc", "Discount");
		}
		return;
	}
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
	tpl_set(s, TN_DUE, invoicing_money(r, v->currency,
	    inv_due(v->gross, v->credited, v->paid)));
	if (inv_due(v->gross, v->credited, v->paid) > 0) {
		tpl_show(s, TN_CAN_PAY);
		if (!from_form) {
			money_format(inv_due(v->gross, v->credited, v->paid), b,
			    sizeof(b));
			form_fill(r, d, "pay_amount", b);
			date_format(r->today, day, sizeof(day));
			form_fill(r, d, "pay_date", day);
		}
	}
	if (store_invoice_payments(r->a, r->user.operator_id, v->id, &pay,
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
	if (store_invoice_credits(r->a, r->user.operator_id, v->id, &cr,
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

/* Read the action's input into o; 0 ok, else the number of errors
 * (messages in d). */
static int
read_input(struct req *r, struct tpl_dict *d, const char *op, struct op *o)
{
	struct fval	 v[4];	/* the largest of the field tables */
	enum vat_rate	 rate;
	size_t		 i;
	int		 errors = 0;

	memset(&o->line, 0, sizeof(o->line));
	o->line.month = o->line.from = o->line.to = DATE_NONE;
	if (strcmp(op, "add_line") == 0) {
		errors = form_read(r, d, line_fields, LF__MAX, v);
		rate = vat_rate_parse(kv_get(&r->form, "line_vat"));
		if (rate == VAT__MAX) {
			form_error(r, d, "line_vat", "VAT rate must be standard, "
			    "zero or exempt");
			errors++;
		}
		if (errors > 0)
			return errors;
		o->line.kind = IL_ONEOFF;
		o->line.description = v[LF_DESC].s;
		o->line.qty = v[LF_QTY].i;
		o->line.unit_price = v[LF_PRICE].i;
		if (money_mul(v[LF_PRICE].i, v[LF_QTY].i, &o->line.net) == -1 ||
		    o->line.net > MONEY_MAX) {
			form_error(r, d, "line_price", "Unit price × QTY is too "
			    "large");
			return 1;
		}
		o->line.rate = rate;
		return inv_line_vat(&o->line) == -1 ? 1 : 0;
	}
	if (strcmp(op, "add_discount") == 0) {
		errors = form_read(r, d, disc_fields, DF__MAX, v);
		rate = vat_rate_parse(kv_get(&r->form, "disc_vat"));
		if (rate == VAT__MAX) {
			form_error(r, d, "disc_vat", "VAT rate must be standard, "
			    "zero or exempt");
			errors++;
		}
		if (errors == 0 && v[DF_AMOUNT].i == 0) {
			form_error(r, d, "disc_amount", "Discount must be more "
			    "than 0.00");
			errors++;
		}
		if (errors > 0)
			return errors;
		o->line.kind = IL_DISCOUNT;
		o->line.description = v[DF_DESC].s;
		o->line.qty = 1;
		o->line.unit_price = -v[DF_AMOUNT].i;
		o->line.net = -v[DF_AMOUNT].i;
		o->line.rate = rate;
		return inv_line_vat(&o->line) == -1 ? 1 : 0;
	}
	if (strcmp(op, "payment") == 0) {
		if ((errors = form_read(r, d, pay_fields, PF__MAX, v)) > 0)
			return errors;
		if (v[PF_DATE].date > r->today) {
			form_error(r, d, "pay_date", "Date received cannot be in "
			    "the future");
			return 1;
		}
		o->pay_day = v[PF_DATE].date;
		o->pay_amount = v[PF_AMOUNT].i;
		o->pay_ref = v[PF_REF].s;
		return 0;
	}
	if (strcmp(op, "remove_line") == 0) {
		if ((o->line_id = parse_id(kv_get(&r->form, "line"))) == 0) {
			form_error(r, d, NULL, "The line to remove could not be "
			    "read.");
			return 1;
		}
		return 0;
	}
	if (strcmp(op, "credit") == 0 || strcmp(op, "credit_all") == 0) {
		o->credit_all = strcmp(op, "credit_all") == 0;
		o->credit = arena_calloc(r->a, MAX_CREDIT, sizeof(*o->credit));
		for (i = 0; i < r->form.n && o->ncredit < MAX_CREDIT; i++)
			if (strcmp(r->form.v[i].key, "line") == 0 &&
			    (o->credit[o->ncredit] =
			    parse_id(r->form.v[i].val)) != 0)
				o->ncredit++;
		return 0;
	}
	return 0;
}

void
page_invoice(struct req *r)
{
	struct tpl_dict	*d;
	struct invdoc	 x;
	struct op	 o;
	const char	*op, *number = NULL, *done = "";
	int		 rc;

	if (!invoicing_load(r, 0, r->ids[0], &x))
		return;
	if ((d = page_begin(r, invoicing_title(r, &x.v), "invoice.tpl",
	    "invoices")) == NULL)
		return;
	if (r->method == M_GET) {
		show(r, d, &x, 0);
		page_end(r);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.r = r;
	o.x = &x;
	o.id = x.v.id;
	o.version = parse_id(kv_get(&r->form, "version"));
	if ((op = kv_get(&r->form, "op")) == NULL)
		op = "";
	if (read_input(r, d, op, &o) > 0) {
		r->status = 422;
		show(r, d, &x, 1);
		page_end(r);
		return;
	}
	if (strcmp(op, "approve") == 0) {
		rc = x.v.issued ? APPROVE_ALREADY :
		    invoicing_approve(r, o.id, o.version, &number);
		if (rc == APPROVE_ISSUED) {
			http_redirect(r, arena_printf(r->a,
			    "/invoices/%lld?done=approved", (long long)o.id));
			return;
		}
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		if (rc == 0) {
			http_error(r, 404);
			return;
		}
		o.status = rc == APPROVE_EMPTY ? 422 : 409;
		o.msg = rc == APPROVE_ALREADY ? "This invoice is issued "
		    "already: it keeps its number and never changes." :
		    rc == APPROVE_CHANGED ? changed_msg : "A draft without "
		    "lines cannot be issued.";
		rc = 0;
	} else if (strcmp(op, "add_line") == 0 ||
	    strcmp(op, "add_discount") == 0) {
		rc = txn(&o, op_add_line);
		done = "line_added";
	} else if (strcmp(op, "remove_line") == 0) {
		rc = txn(&o, op_remove_line);
		done = "line_removed";
	} else if (strcmp(op, "discard") == 0) {
		rc = txn(&o, op_discard);
		done = "discarded";
	} else if (strcmp(op, "payment") == 0) {
		rc = txn(&o, op_payment);
		done = "paid";
	} else if (strcmp(op, "credit") == 0 || strcmp(op, "credit_all") == 0) {
		rc = txn(&o, op_credit);
		done = "credited";
	} else {
		http_error_msg(r, 400, "The invoice form could not be read.");
		return;
	}
	if (rc > 0) {
		if (strcmp(op, "discard") == 0)
			http_redirect(r, "/invoices?done=discarded");
		else if (o.credit_id != 0)
			http_redirect(r, arena_printf(r->a,
			    "/invoices/%lld?done=credited",
			    (long long)o.credit_id));
		else
			http_redirect(r, arena_printf(r->a,
			    "/invoices/%lld?done=%s", (long long)o.id, done));
		return;
	}
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (o.status == 404) {
		http_error(r, 404);
		return;
	}
	/* Refused: the current state, with why. */
	if (!invoicing_load(r, 0, r->ids[0], &x))
		return;
	form_error(r, d, NULL, o.msg);
	r->status = o.status;
	show(r, d, &x, o.status == 422);
	page_end(r);
}
