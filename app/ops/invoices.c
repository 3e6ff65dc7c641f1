/*
 * ops/invoices: see invoices.h.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/occrec.h"
#include "../domain/money.h"
#include "../log.h"
#include "invoices.h"
#include "webhooks.h"

static const char *const issued_msg = "This invoice is issued: an issued "
    "invoice never changes. Nothing was saved; correct it with a credit "
    "note.";
static const char *const changed_msg = "This invoice was changed by someone "
    "else meanwhile. Nothing was saved: the current invoice is shown below.";

/* An operation on one document: its input and output, as db_txn's arg. */
struct doc_op {
	const void		*in;
	struct invoice_out	*out;
};

/*
 * Lock the document (want_draft: a draft; else an issued invoice, not a
 * credit note) at the version the form saw. 1, 0 refused (why), -1.
 */
static int
lock(struct txn *t, const struct invoice_ref *doc, int want_draft,
    struct store_invlock *k, struct ops_result *why)
{
	int	 rc;

	if ((rc = store_invoice_lock(t->a, t->operator_id, doc->id, k)) <= 0)
		return rc < 0 ? -1 : ops_refuse(why, OPS_NOT_FOUND, NULL, NULL);
	if (want_draft && k->issued)
		return ops_refuse(why, OPS_CONFLICT, NULL, issued_msg);
	if (!want_draft && (!k->issued || k->credit))
		return ops_refuse(why, OPS_CONFLICT, NULL, k->credit ?
		    "A credit note cannot be paid or credited." :
		    "Only an issued invoice can be paid or credited.");
	if (k->version != doc->version)
		return ops_refuse(why, OPS_CONFLICT, NULL, changed_msg);
	return 1;
}

/*
 * In the caller's transaction, the draft's row locked: issue draft id
 * (its lines' totals, the next number, dates, billing details: from's
 * when not NULL, as a credit note copies its invoice's, else the live
 * ones). 1 issued (*number), 0 not found, -1 store error, -2 no lines.
 */
static int
issue(struct txn *t, int64_t id, const struct store_invoice *from,
    const char **number)
{
	struct store_invoice	 v;
	struct store_invline	*sl;
	struct inv_line		*l;
	struct store_issue	 is;
	size_t			 n, i;
	int			 rc;

	if ((rc = store_invoice_get(t->a, t->operator_id, 0, id, &v)) <= 0 ||
	    (rc = store_invoice_lines(t->a, t->operator_id, id, &sl, &n)) < 0)
		return rc;
	if (n == 0)
		return -2;
	l = arena_calloc(t->a, n, sizeof(*l));
	for (i = 0; i < n; i++)
		l[i] = sl[i].l;
	memset(&is, 0, sizeof(is));
	if (inv_totals(l, n, &is.t) == -1) {
		log_warnx("invoice %lld: totals overflow", (long long)id);
		return -1;
	}
	if (store_counter_take(t->operator_id, v.credit ? "credit" : "invoice",
	    &is.seq) < 0)
		return -1;
	is.number = arena_printf(t->a, "%s%06lld", v.credit ?
	    v.credit_prefix : v.invoice_prefix, (long long)is.seq);
	is.issue = t->day;
	is.due = v.credit ? t->day : t->day + (int32_t)v.terms_days;
	is.bill = from != NULL ? from->bill : v.bill;
	is.seller = from != NULL ? from->seller : v.seller;
	is.currency = from != NULL ? from->currency : v.currency;
	is.user = t->user_id;
	if ((rc = store_invoice_issue(t->operator_id, id, &is)) <= 0)
		return rc;
	*number = is.number;
	if (ops_event(t, WH_INVOICE_CREATED, v.occupier_id, 0, id,
	    arena_printf(t->a, "number=%s\nkind=%s\ngross=%lld\ncurrency=%s",
	    is.number, v.credit ? "credit_note" : "invoice",
	    (long long)is.t.gross, is.currency)) < 0)
		return -1;
	return txn_audit(t, v.occupier_id, 0, "invoice", id, "issue", NULL,
	    arena_printf(t->a, "number=%s\ngross=%lld", is.number,
	    (long long)is.t.gross));
}

static int
approve_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_approve_in	*in = o->in;
	struct store_invlock		 k;
	int				 rc;

	/* The invoice first, then the counter: every approver locks in
	 * this order. */
	if ((rc = store_invoice_lock(t->a, t->operator_id, in->id, &k)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&o->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if (k.issued)
		return ops_refuse(&o->out->why, OPS_CONFLICT, NULL, "This "
		    "invoice is issued already: it keeps its number and never "
		    "changes.");
	if (in->version != 0 && k.version != in->version)
		return ops_refuse(&o->out->why, OPS_CONFLICT, NULL, changed_msg);
	if ((rc = issue(t, in->id, NULL, &o->out->number)) == -2)
		return ops_refuse(&o->out->why, OPS_INVALID, NULL, "A draft "
		    "without lines cannot be issued.");
	if (rc == 0)
		return ops_refuse(&o->out->why, OPS_NOT_FOUND, NULL, NULL);
	return rc;
}

int
ops_invoice_approve(struct ops_ctx *c, const struct invoice_approve_in *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	if (in->issued)
		return ops_refuse(&out->why, OPS_CONFLICT, NULL, "This invoice "
		    "is issued already: it keeps its number and never "
		    "changes.");
	return db_txn(&c->t, approve_txn, &o);
}

static int
add_line_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_line_in	*in = o->in;
	struct store_invlock		 k;
	struct inv_totals		 tot;
	int				 rc;

	if ((rc = lock(t, &in->doc, 1, &k, &o->out->why)) <= 0)
		return rc;
	if (store_invoice_add_lines(t->a, t->operator_id, in->doc.id,
	    &in->line, 1) <= 0 ||
	    store_invoice_retotal(t->a, t->operator_id, in->doc.id, &tot) <= 0)
		return -1;
	return txn_audit(t, k.occupier_id, 0, "invoice", in->doc.id,
	    "add_line", NULL, arena_printf(t->a, "kind=%s\ndescription=%s\n"
	    "net=%lld", inv_line_kind_names[in->line.kind],
	    in->line.description, (long long)in->line.net));
}

int
ops_invoice_add_line(struct ops_ctx *c, const struct invoice_line_in *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, add_line_txn, &o);
}

static int
remove_line_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_remove_in	*in = o->in;
	struct store_invlock		 k;
	struct inv_totals		 tot;
	int				 rc;

	if ((rc = lock(t, &in->doc, 1, &k, &o->out->why)) <= 0)
		return rc;
	if ((rc = store_invoice_line_delete(t->operator_id, in->doc.id,
	    in->line_id)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&o->out->why, OPS_INVALID, NULL,
		    "Only a one-off line or a discount of this draft can be "
		    "removed.");
	if (store_invoice_retotal(t->a, t->operator_id, in->doc.id, &tot) <= 0)
		return -1;
	return txn_audit(t, k.occupier_id, 0, "invoice", in->doc.id,
	    "remove_line", arena_printf(t->a, "line=%lld",
	    (long long)in->line_id), NULL);
}

int
ops_invoice_remove_line(struct ops_ctx *c, const struct invoice_remove_in *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, remove_line_txn, &o);
}

static int
discard_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_ref	*in = o->in;
	struct store_invlock		 k;
	int				 rc;

	if ((rc = lock(t, in, 1, &k, &o->out->why)) <= 0)
		return rc;
	if (store_invoice_discard(t->operator_id, in->id) <= 0)
		return -1;
	return txn_audit(t, k.occupier_id, 0, "invoice", in->id, "discard",
	    NULL, NULL);
}

int
ops_invoice_discard(struct ops_ctx *c, const struct invoice_ref *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, discard_txn, &o);
}

static int
pay_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_pay_in	*in = o->in;
	struct store_invlock		 k;
	char				 m[MONEY_STRLEN];
	int64_t				 due;
	int				 rc;

	if ((rc = lock(t, &in->doc, 0, &k, &o->out->why)) <= 0)
		return rc;
	due = inv_due(k.gross, k.credited, k.paid);
	if (in->amount <= 0 || in->amount > due) {
		money_format_display(due, m, sizeof(m));
		return ops_refuse(&o->out->why, OPS_INVALID, NULL,
		    arena_printf(t->a, "Amount must be more than 0.00 and at "
		    "most what is due (%s).", m));
	}
	if (store_invoice_payment(t->operator_id, in->doc.id, in->day,
	    in->amount, in->reference, t->user_id) <= 0)
		return -1;
	return txn_audit(t, k.occupier_id, 0, "invoice", in->doc.id,
	    "payment", NULL, arena_printf(t->a, "amount=%lld\nreference=%s",
	    (long long)in->amount, in->reference));
}

int
ops_invoice_pay(struct ops_ctx *c, const struct invoice_pay_in *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, pay_txn, &o);
}

static int
ticked(const struct invoice_credit_in *in, int64_t line)
{
	size_t	 i;

	for (i = 0; i < in->nlines; i++)
		if (in->lines[i] == line)
			return 1;
	return 0;
}

/* The credit note of lines src[0..n) of the invoice: made, its lines,
 * totals and the invoice's credited amount, issued at once. */
static int
credit_note(struct txn *t, const struct invoice_credit_in *in,
    const struct inv_line *src, size_t n, int64_t *credit_id)
{
	struct inv_line		*cl;
	struct inv_totals	 tot;
	const char		*number;
	int			 rc;

	cl = arena_calloc(t->a, n, sizeof(*cl));
	inv_credit_lines(src, n, cl);
	if (store_credit_create(t->operator_id, in->doc.id, t->user_id,
	    credit_id) <= 0 ||
	    store_invoice_add_lines(t->a, t->operator_id, *credit_id, cl,
	    n) <= 0 ||
	    store_invoice_retotal(t->a, t->operator_id, *credit_id, &tot) <= 0 ||
	    store_invoice_credited_add(t->operator_id, in->doc.id,
	    tot.gross) <= 0)
		return -1;
	/* Issued at once, numbered on its own, with the invoice's billing
	 * details: all in this one transaction. */
	if ((rc = issue(t, *credit_id, in->invoice, &number)) <= 0) {
		log_warnx("credit note of invoice %lld: not issued (%d)",
		    (long long)in->doc.id, rc);
		return -1;
	}
	return 1;
}

static int
credit_txn(struct txn *t, void *arg)
{
	struct doc_op			*o = arg;
	const struct invoice_credit_in	*in = o->in;
	struct store_invlock		 k;
	struct store_invline		*sl;
	struct inv_line			*src;
	size_t				 n, i, m = 0;
	int				 rc;

	if ((rc = lock(t, &in->doc, 0, &k, &o->out->why)) <= 0)
		return rc;
	if (store_invoice_lines(t->a, t->operator_id, in->doc.id, &sl, &n) < 0)
		return -1;
	src = arena_calloc(t->a, n ? n : 1, sizeof(*src));
	for (i = 0; i < n; i++)
		if (sl[i].credited_by == 0 && (in->all ||
		    ticked(in, sl[i].l.id)))
			src[m++] = sl[i].l;
	if (m == 0)
		return ops_refuse(&o->out->why, OPS_INVALID, NULL, in->all ?
		    "Every line of this invoice is credited already." :
		    "Tick the lines to credit (lines credited already cannot "
		    "be credited again).");
	return credit_note(t, in, src, m, &o->out->credit_id);
}

int
ops_invoice_credit(struct ops_ctx *c, const struct invoice_credit_in *in,
    struct invoice_out *out)
{
	struct doc_op	 o = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, credit_txn, &o);
}

struct export_op {
	const struct invoice_export_in	*in;
	struct invoice_export_out	*out;
};

static int
export_txn(struct txn *t, void *arg)
{
	struct export_op		*x = arg;
	const struct invoice_export_in	*in = x->in;
	const char			*why;

	if (store_export_create(t->operator_id, acct_format_names[in->format],
	    in->from, in->to, in->again, in->format == ACCT_QBO, t->user_id,
	    &x->out->id, &x->out->documents) <= 0)
		return -1;
	if (x->out->documents > 0)
		return 1;
	why = in->again ? "Nothing to export: no invoice or credit note was "
	    "issued in those months." : "Nothing to export: every document "
	    "issued in those months is exported already (tick \u201cexport "
	    "again\u201d to export them again).";
	if (in->format == ACCT_QBO)
		why = arena_printf(t->a, "%s QuickBooks Online's invoice import "
		    "takes invoices only: credit notes are not in its file.",
		    why);
	return ops_refuse(&x->out->why, OPS_INVALID, "format", why);
}

int
ops_invoice_export(struct ops_ctx *c, const struct invoice_export_in *in,
    struct invoice_export_out *out)
{
	struct export_op	 x = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, export_txn, &x);
}

struct settings_op {
	const struct store_billset	*in;
	struct billing_out		*out;
};

static int
settings_txn(struct txn *t, void *arg)
{
	struct settings_op		*x = arg;
	const struct store_billset	*s = x->in;
	int				 rc;

	if ((rc = store_billset_save(t->operator_id, s)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&x->out->why, OPS_CONFLICT, NULL, "The "
		    "settings were changed by someone else while you were "
		    "editing. Your changes were not saved: the form still "
		    "holds them; save again to overwrite.");
	return txn_audit(t, 0, 0, "billing_settings", t->operator_id,
	    "update", NULL, arena_printf(t->a, "legal_name=%s\n"
	    "vat_number=%s\ninvoice_prefix=%s\ncredit_prefix=%s\n"
	    "terms_days=%lld", s->legal_name, s->vat_number,
	    s->invoice_prefix, s->credit_prefix, (long long)s->terms_days));
}

int
ops_billing_settings_save(struct ops_ctx *c, const struct store_billset *in,
    struct billing_out *out)
{
	struct settings_op	 x = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, settings_txn, &x);
}

struct occbill_op {
	const struct occupier_billing_in	*in;
	struct billing_out			*out;
};

static char *
occbill_text(struct arena *a, const struct store_occbill *o)
{
	return arena_printf(a, "billing_name=%s\nbilling_address=%s\n"
	    "vat_number=%s\nterms_days=%lld", o->billing_name,
	    o->billing_address, o->vat_number, (long long)o->terms_days);
}

static int
occbill_txn(struct txn *t, void *arg)
{
	struct occbill_op			*x = arg;
	const struct occupier_billing_in	*in = x->in;
	int					 rc;

	if ((rc = store_occbill_save(t->operator_id, &in->new_)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&x->out->why, OPS_CONFLICT, NULL, "This "
		    "occupier was changed by someone else while you were "
		    "editing. Your changes were not saved: the form still "
		    "holds them; save again to overwrite.");
	if (ops_event(t, WH_OCCUPIER_CHANGED, in->old->id, 0, in->old->id,
	    occbill_text(t->a, &in->new_)) < 0)
		return -1;
	return txn_audit(t, in->old->id, 0, "occupier", in->old->id, "billing",
	    occbill_text(t->a, in->old), occbill_text(t->a, &in->new_));
}

int
ops_occupier_billing_save(struct ops_ctx *c,
    const struct occupier_billing_in *in, struct billing_out *out)
{
	struct occupier_billing_in	 n = *in;
	struct occbill_op		 x = { &n, out };
	char				*vat;
	const char			*why;

	memset(out, 0, sizeof(*out));
	/* The one VAT number of the occupier (its record's too): checked
	 * and written as the occupier form does, "GB 555 0101 22" as
	 * GB555010122. */
	vat = arena_alloc(c->t.a, VAT_STRLEN);
	if ((why = vat_check(in->new_.vat_number, vat, VAT_STRLEN)) != NULL)
		return ops_refuse(&out->why, OPS_INVALID, "vat_number",
		    arena_printf(c->t.a, "VAT registration number %s", why));
	n.new_.vat_number = vat;
	return db_txn(&c->t, occbill_txn, &x);
}
