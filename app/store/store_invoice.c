/*
 * store_invoice: see store_invoice.h.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/usage.h"
#include "../log.h"
#include "db.h"
#include "store_invoice.h"

static enum vat_rate
rate_of(const char *s)
{
	enum vat_rate	 r = vat_rate_parse(s);

	return r == VAT__MAX ? VAT_STANDARD : r;
}

/* ---- settings ---- */

int
store_billset_get(struct arena *a, int64_t op, struct store_billset *s)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	const struct dbrow	*r;
	int			 rc;

	memset(s, 0, sizeof(*s));
	if ((rc = db_query(a, STMT_BILLSET_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	r = &res.rows[0];
	s->legal_name = dbrow_str(r, 0);
	s->address = dbrow_str(r, 1);
	s->vat_number = dbrow_str(r, 2);
	s->email = dbrow_str(r, 3);
	s->payment_details = dbrow_str(r, 4);
	s->invoice_prefix = dbrow_str(r, 5);
	s->credit_prefix = dbrow_str(r, 6);
	s->terms_days = dbrow_int(r, 7);
	s->xero_account = dbrow_str(r, 8);
	s->qbo_item = dbrow_str(r, 9);
	s->sage_nominal = dbrow_str(r, 10);
	s->version = dbrow_int(r, 11);
	s->operator_name = dbrow_str(r, 12);
	s->currency = dbrow_str(r, 13);
	return 1;
}

int
store_billset_save(int64_t op, const struct store_billset *s)
{
	struct dbp	 p[13];
	int64_t		 n;

	p[0] = DBP_S(s->legal_name);
	p[1] = DBP_S(s->address);
	p[2] = DBP_S(s->vat_number);
	p[3] = DBP_S(s->email);
	p[4] = DBP_S(s->payment_details);
	p[5] = DBP_S(s->invoice_prefix);
	p[6] = DBP_S(s->credit_prefix);
	p[7] = DBP_I(s->terms_days);
	p[8] = DBP_S(s->xero_account);
	p[9] = DBP_S(s->qbo_item);
	p[10] = DBP_S(s->sage_nominal);
	p[11] = DBP_I(op);
	p[12] = DBP_I(s->version);
	if (s->version == 0) {
		if ((n = db_exec(STMT_BILLSET_INSERT, p, 12, NULL)) < 0)
			/* Someone saved first: changed meanwhile. */
			return db_errno() == 1062 ? 0 : -1;
		return 1;
	}
	if ((n = db_exec(STMT_BILLSET_UPDATE, p, 13, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_occbill_get(struct arena *a, int64_t op, int64_t occ,
    struct store_occbill *o)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ) };
	struct dbres		 res;
	const struct dbrow	*r;
	int			 rc;

	memset(o, 0, sizeof(*o));
	if ((rc = db_query(a, STMT_OCCBILL_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	r = &res.rows[0];
	o->id = dbrow_int(r, 0);
	o->name = dbrow_str(r, 1);
	o->billing_ref = dbrow_str(r, 2);
	o->contact_email = dbrow_str(r, 3);
	o->billing_name = dbrow_str(r, 4);
	o->billing_address = dbrow_str(r, 5);
	o->vat_number = dbrow_str(r, 6);
	o->terms_days = dbrow_int(r, 7);
	o->version = dbrow_int(r, 8);
	return 1;
}

int
store_occbill_save(int64_t op, const struct store_occbill *o)
{
	struct dbp	 p[7];
	int64_t		 n;

	p[0] = DBP_S(o->billing_name);
	p[1] = DBP_S(o->billing_address);
	p[2] = DBP_S(o->vat_number);
	p[3] = o->terms_days < 0 ? DBP_NUL : DBP_I(o->terms_days);
	p[4] = DBP_I(op);
	p[5] = DBP_I(o->id);
	p[6] = DBP_I(o->version);
	if ((n = db_exec(STMT_OCCBILL_UPDATE, p, 7, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_svcbill_list(struct arena *a, int64_t op, struct store_svcbill **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_svcbill	*s;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_SVCBILL_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	s = arena_calloc(a, res.nrows, sizeof(*s));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		s[i].id = dbrow_int(r, 0);
		s[i].code = dbrow_str(r, 1);
		s[i].name = dbrow_str(r, 2);
		s[i].category = dbrow_str(r, 3);
		s[i].rate = rate_of(dbrow_str(r, 4));
		s[i].xero_account = dbrow_str(r, 5);
		s[i].xero_tax = dbrow_str(r, 6);
		s[i].qbo_item = dbrow_str(r, 7);
		s[i].qbo_tax = dbrow_str(r, 8);
		s[i].sage_nominal = dbrow_str(r, 9);
		s[i].sage_tax = dbrow_str(r, 10);
	}
	*out = s;
	*n = res.nrows;
	return 1;
}

int
store_svcbill_save(int64_t op, const struct store_svcbill *s)
{
	struct dbp	 p[9];

	p[0] = DBP_S(vat_rate_names[s->rate]);
	p[1] = DBP_S(s->xero_account);
	p[2] = DBP_S(s->xero_tax);
	p[3] = DBP_S(s->qbo_item);
	p[4] = DBP_S(s->qbo_tax);
	p[5] = DBP_S(s->sage_nominal);
	p[6] = DBP_S(s->sage_tax);
	p[7] = DBP_I(op);
	p[8] = DBP_I(s->id);
	return db_exec(STMT_SVCBILL_UPDATE, p, 9, NULL) < 0 ? -1 : 1;
}

/* ---- one document ---- */

int
store_invoice_get(struct arena *a, int64_t op, int64_t occ, int64_t id,
    struct store_invoice *v)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(id), DBP_I(occ),
	    DBP_I(occ) };
	struct dbres		 res;
	const struct dbrow	*r;
	int			 rc;

	memset(v, 0, sizeof(*v));
	if ((rc = db_query(a, STMT_INV_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	r = &res.rows[0];
	v->id = dbrow_int(r, 0);
	v->occupier_id = dbrow_int(r, 1);
	v->occ_name = dbrow_str(r, 2);
	v->credit = strcmp(dbrow_str(r, 3), "credit") == 0;
	v->issued = strcmp(dbrow_str(r, 4), "issued") == 0;
	v->run_id = dbrow_int(r, 5);
	v->site_id = dbrow_int(r, 6);
	v->site_name = dbrow_str(r, 7);
	v->period = dbrow_day(r, 8);
	v->mode = dbrow_str(r, 9);
	v->credit_of = dbrow_int(r, 10);
	v->credit_of_number = dbrow_str(r, 11);
	v->seq = dbrow_int(r, 12);
	v->number = dbrow_str(r, 13);
	v->issue = dbrow_day(r, 14);
	v->due = dbrow_day(r, 15);
	if (v->issued) {
		v->bill.name = dbrow_str(r, 16);
		v->bill.address = dbrow_str(r, 17);
		v->bill.vat = dbrow_str(r, 18);
		v->bill.ref = dbrow_str(r, 19);
		v->bill.email = dbrow_str(r, 20);
		v->seller.name = dbrow_str(r, 21);
		v->seller.address = dbrow_str(r, 22);
		v->seller.vat = dbrow_str(r, 23);
		v->seller.email = dbrow_str(r, 24);
		v->seller.payment = dbrow_str(r, 25);
		v->currency = dbrow_str(r, 26);
	} else {
		v->bill.name = dbrow_str(r, 34);
		v->bill.address = dbrow_str(r, 35);
		v->bill.vat = dbrow_str(r, 36);
		v->bill.ref = dbrow_str(r, 37);
		v->bill.email = dbrow_str(r, 38);
		v->seller.name = dbrow_str(r, 40);
		v->seller.address = dbrow_str(r, 41);
		v->seller.vat = dbrow_str(r, 42);
		v->seller.email = dbrow_str(r, 43);
		v->seller.payment = dbrow_str(r, 44);
		v->currency = dbrow_str(r, 45);
	}
	v->bill.payment = "";
	v->seller.ref = "";
	v->net = dbrow_int(r, 27);
	v->vat = dbrow_int(r, 28);
	v->gross = dbrow_int(r, 29);
	v->credited = dbrow_int(r, 30);
	v->paid = dbrow_int(r, 31);
	v->exported_at = dbrow_int(r, 32);
	v->version = dbrow_int(r, 33);
	v->terms_days = dbrow_int(r, 39);
	v->invoice_prefix = dbrow_str(r, 46);
	v->credit_prefix = dbrow_str(r, 47);
	v->issued_at = dbrow_int(r, 48);
	v->issued_by = dbrow_str(r, 49);
	return 1;
}

int
store_invoice_lines(struct arena *a, int64_t op, int64_t id,
    struct store_invline **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres		 res;
	struct store_invline	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_INV_LINES, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct inv_line		*l = &v[i].l;
		enum inv_line_kind	 k;

		l->id = dbrow_int(r, 0);
		v[i].line_no = dbrow_int(r, 1);
		k = inv_line_kind_parse(dbrow_str(r, 2));
		l->kind = k == IL__MAX ? IL_ONEOFF : k;
		l->occsvc_id = dbrow_int(r, 3);
		l->service_id = dbrow_int(r, 4);
		l->site_id = dbrow_int(r, 5);
		l->month = dbrow_day(r, 6);
		l->description = dbrow_str(r, 7);
		l->from = dbrow_day(r, 8);
		l->to = dbrow_day(r, 9);
		l->days = (int)dbrow_int(r, 10);
		l->dim = (int)dbrow_int(r, 11);
		l->unit_price = dbrow_int(r, 12);
		l->qty = dbrow_int(r, 13);
		l->net = dbrow_int(r, 14);
		l->rate = rate_of(dbrow_str(r, 15));
		l->bp = (int)dbrow_int(r, 16);
		l->vat = dbrow_int(r, 17);
		l->credit_of_line = dbrow_int(r, 18);
		v[i].credited_by = dbrow_int(r, 19);
		v[i].credited_by_number = dbrow_str(r, 20);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_invoice_payments(struct arena *a, int64_t op, int64_t id,
    struct store_payment **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres		 res;
	struct store_payment	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_INV_PAYMENTS, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		v[i].paid_on = dbrow_day(&res.rows[i], 0);
		v[i].amount = dbrow_int(&res.rows[i], 1);
		v[i].reference = dbrow_str(&res.rows[i], 2);
		v[i].by = dbrow_str(&res.rows[i], 3);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_invoice_credits(struct arena *a, int64_t op, int64_t id,
    struct store_credit_ref **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres		 res;
	struct store_credit_ref	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_INV_CREDITS, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		v[i].id = dbrow_int(&res.rows[i], 0);
		v[i].number = dbrow_str(&res.rows[i], 1);
		v[i].issue = dbrow_day(&res.rows[i], 2);
		v[i].gross = dbrow_int(&res.rows[i], 3);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_invoice_lock(struct arena *a, int64_t op, int64_t id,
    struct store_invlock *k)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres		 res;
	const struct dbrow	*r;
	int			 rc;

	memset(k, 0, sizeof(*k));
	if ((rc = db_query(a, STMT_INV_LOCK, p, NPARAMS(p), &res)) <= 0)
		return rc;
	r = &res.rows[0];
	k->issued = strcmp(dbrow_str(r, 0), "issued") == 0;
	k->credit = strcmp(dbrow_str(r, 1), "credit") == 0;
	k->version = dbrow_int(r, 2);
	k->gross = dbrow_int(r, 3);
	k->credited = dbrow_int(r, 4);
	k->paid = dbrow_int(r, 5);
	k->occupier_id = dbrow_int(r, 6);
	return 1;
}

/* ---- many rows a statement ---- */

#define LINE_COLS	22	/* placeholders of a line row (LINE_ROW) */
#define DRAFT_COLS	10	/* of a draft row (DRAFT_ROW) */

/* The 22 parameters of line l of invoice inv, numbered no, into p; the
 * dates are written into d (3 x DATE_STRLEN bytes). */
static void
line_params(struct dbp *p, int64_t op, int64_t inv, int64_t no,
    const struct inv_line *l, char *d)
{
	p[0] = DBP_I(op);
	p[1] = DBP_I(inv);
	p[2] = DBP_I(no);
	p[3] = DBP_S(inv_line_kind_names[l->kind]);
	p[4] = l->occsvc_id ? DBP_I(l->occsvc_id) : DBP_NUL;
	p[5] = l->service_id ? DBP_I(l->service_id) : DBP_NUL;
	p[6] = l->site_id ? DBP_I(l->site_id) : DBP_NUL;
	p[7] = dbp_day(l->month, d);
	p[8] = DBP_S(l->description);
	p[9] = dbp_day(l->from, d + DATE_STRLEN);
	p[10] = dbp_day(l->to, d + 2 * DATE_STRLEN);
	p[11] = DBP_I(l->days);
	p[12] = DBP_I(l->dim);
	p[13] = DBP_I(l->unit_price);
	p[14] = DBP_I(l->qty);
	p[15] = DBP_I(l->net);
	p[16] = DBP_S(vat_rate_names[l->rate]);
	p[17] = DBP_I(l->bp);
	p[18] = DBP_I(l->vat);
	p[19] = l->credit_of_line ? DBP_I(l->credit_of_line) : DBP_NUL;
	p[20] = l->usage_month ? DBP_I(l->usage_month) : DBP_NUL;
	p[21] = l->usage_month ? DBP_I(l->usage_group) : DBP_NUL;
}

/* Insert n lines (line i on invoice inv[i] as number no[i]) in statements
 * of 64, 8 and 1 rows. 1, or -1. */
static int
lines_insert(struct arena *a, int64_t op, const int64_t *inv,
    const int64_t *no, const struct inv_line *l, size_t n)
{
	struct dbp	*p = arena_calloc(a, 64 * LINE_COLS, sizeof(*p));
	char		*d = arena_alloc(a, 64 * 3 * DATE_STRLEN);
	size_t		 i = 0, j, k;
	enum stmt	 st;

	while (i < n) {
		k = n - i >= 64 ? 64 : n - i >= 8 ? 8 : 1;
		st = k == 64 ? STMT_INV_LINES_64 : k == 8 ? STMT_INV_LINES_8 :
		    STMT_INV_LINES_1;
		for (j = 0; j < k; j++)
			line_params(p + j * LINE_COLS, op, inv[i + j],
			    no[i + j], &l[i + j], d + j * 3 * DATE_STRLEN);
		if (db_exec(st, p, k * LINE_COLS, NULL) != (int64_t)k)
			return -1;
		i += k;
	}
	return 1;
}

int
store_invoice_add_lines(struct arena *a, int64_t op, int64_t id,
    const struct inv_line *l, size_t n)
{
	struct dbp	 q[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int64_t		*inv, *no, first;
	size_t		 i;

	if (n == 0)
		return 1;
	if (db_query(a, STMT_INV_LINE_MAXNO, q, NPARAMS(q), &res) < 0)
		return -1;
	first = dbrow_int(&res.rows[0], 0) + 1;
	inv = arena_calloc(a, n, sizeof(*inv));
	no = arena_calloc(a, n, sizeof(*no));
	for (i = 0; i < n; i++) {
		inv[i] = id;
		no[i] = first + (int64_t)i;
	}
	return lines_insert(a, op, inv, no, l, n);
}

int
store_invoice_line_delete(int64_t op, int64_t id, int64_t line)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), DBP_I(line) };
	int64_t		 n;

	if ((n = db_exec(STMT_INV_LINE_DELETE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_invoice_retotal(struct arena *a, int64_t op, int64_t id,
    struct inv_totals *t)
{
	struct store_invline	*v;
	struct inv_line		*l;
	size_t			 n, i;
	int64_t			 got;

	if (store_invoice_lines(a, op, id, &v, &n) < 0)
		return -1;
	l = arena_calloc(a, n ? n : 1, sizeof(*l));
	for (i = 0; i < n; i++)
		l[i] = v[i].l;
	if (inv_totals(l, n, t) == -1) {
		log_warnx("invoice %lld: totals overflow", (long long)id);
		return -1;
	}
	{
		struct dbp p[] = { DBP_I(t->net), DBP_I(t->vat),
		    DBP_I(t->gross), DBP_I(op), DBP_I(id) };

		if ((got = db_exec(STMT_INV_TOTALS_SET, p, NPARAMS(p),
		    NULL)) < 0)
			return -1;
	}
	return got > 0 ? 1 : 0;
}

int
store_invoice_discard(int64_t op, int64_t id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if (db_exec(STMT_INV_LINES_DELETE_ALL, p, NPARAMS(p), NULL) < 0 ||
	    (n = db_exec(STMT_INV_DELETE, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_counter_take(int64_t op, const char *kind, int64_t *seq)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(kind) };
	uint64_t	 next = 0;
	int64_t		 n;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if ((n = db_exec(STMT_COUNTER_TAKE, p, NPARAMS(p), &next)) < 0)
			return -1;
		if (n > 0) {
			*seq = (int64_t)next - 1;
			return 1;
		}
		/* First number of this kind: the row, then take it. */
		if (db_exec(STMT_COUNTER_CREATE, p, NPARAMS(p), NULL) < 0)
			return -1;
	}
	log_warnx("invoice counter %lld/%s: cannot be taken", (long long)op,
	    kind);
	return -1;
}

int
store_invoice_issue(int64_t op, int64_t id, const struct store_issue *s)
{
	char		 di[DATE_STRLEN], dd[DATE_STRLEN];
	struct dbp	 p[22];
	int64_t		 n;

	p[0] = DBP_I(s->seq);
	p[1] = DBP_S(s->number);
	p[2] = dbp_day(s->issue, di);
	p[3] = dbp_day(s->due, dd);
	p[4] = DBP_S(s->bill.name);
	p[5] = DBP_S(s->bill.address);
	p[6] = DBP_S(s->bill.vat);
	p[7] = DBP_S(s->bill.ref);
	p[8] = DBP_S(s->bill.email);
	p[9] = DBP_S(s->seller.name);
	p[10] = DBP_S(s->seller.address);
	p[11] = DBP_S(s->seller.vat);
	p[12] = DBP_S(s->seller.email);
	p[13] = DBP_S(s->seller.payment);
	p[14] = DBP_S(s->currency);
	p[15] = DBP_I(s->t.net);
	p[16] = DBP_I(s->t.vat);
	p[17] = DBP_I(s->t.gross);
	p[18] = DBP_I(s->user);
	p[19] = DBP_I(op);
	p[20] = DBP_I(id);
	if ((n = db_exec(STMT_INV_ISSUE, p, 21, NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_credit_create(int64_t op, int64_t id, int64_t user, int64_t *credit_id)
{
	struct dbp	 p[] = { DBP_I(user), DBP_I(op), DBP_I(id) };
	uint64_t	 iid = 0;
	int64_t		 n;

	if ((n = db_exec(STMT_INV_CREDIT_INSERT, p, NPARAMS(p), &iid)) < 0)
		return -1;
	if (n == 0)
		return 0;
	*credit_id = (int64_t)iid;
	return 1;
}

int
store_invoice_credited_add(int64_t op, int64_t id, int64_t amount)
{
	struct dbp	 p[] = { DBP_I(amount), DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if ((n = db_exec(STMT_INV_CREDITED_ADD, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

int
store_invoice_payment(int64_t op, int64_t id, int32_t day, int64_t amount,
    const char *reference, int64_t user)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), DBP_I(id), dbp_day(day, d),
	    DBP_I(amount), DBP_S(reference), DBP_I(user) };
	struct dbp	 q[] = { DBP_I(amount), DBP_I(op), DBP_I(id) };
	int64_t		 n;

	if (db_exec(STMT_INV_PAYMENT_INSERT, p, NPARAMS(p), NULL) < 0 ||
	    (n = db_exec(STMT_INV_PAID_ADD, q, NPARAMS(q), NULL)) < 0)
		return -1;
	return n > 0 ? 1 : 0;
}

/* ---- lists ---- */

/* The 14 parameters of INV_LIST_WHERE into p. */
static void
filter_params(struct dbp *p, int64_t op, const struct store_invfilter *f,
    char *day)
{
	const char	*st = f->status != NULL ? f->status : "all";
	int		 i;

	p[0] = DBP_I(op);
	p[1] = DBP_I(f->occupier_id);
	p[2] = DBP_I(f->occupier_id);
	p[3] = DBP_I(f->run_id);
	p[4] = DBP_I(f->run_id);
	p[5] = DBP_I(f->issued_only);
	for (i = 0; i < 6; i++)
		p[6 + i] = DBP_S(st);
	p[12] = dbp_day(f->period, day);
	p[13] = p[12];
}

int
store_invoice_list(struct arena *a, int64_t op,
    const struct store_invfilter *f, int64_t limit, int64_t offset,
    struct store_invitem **out, size_t *n)
{
	char			 day[DATE_STRLEN];
	struct dbp		 p[16];
	struct dbres		 res;
	struct store_invitem	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	filter_params(p, op, f, day);
	p[14] = DBP_I(limit);
	p[15] = DBP_I(offset);
	if (db_query(a, STMT_INV_LIST, p, 16, &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		v[i].id = dbrow_int(r, 0);
		v[i].credit = strcmp(dbrow_str(r, 1), "credit") == 0;
		v[i].issued = strcmp(dbrow_str(r, 2), "issued") == 0;
		v[i].number = dbrow_str(r, 3);
		v[i].occupier_id = dbrow_int(r, 4);
		v[i].occ_name = dbrow_str(r, 5);
		v[i].period = dbrow_day(r, 6);
		v[i].mode = dbrow_str(r, 7);
		v[i].issue = dbrow_day(r, 8);
		v[i].due = dbrow_day(r, 9);
		v[i].net = dbrow_int(r, 10);
		v[i].vat = dbrow_int(r, 11);
		v[i].gross = dbrow_int(r, 12);
		v[i].credited = dbrow_int(r, 13);
		v[i].paid = dbrow_int(r, 14);
		v[i].exported = dbrow_int(r, 15) != 0;
		v[i].run_id = dbrow_int(r, 16);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_invoice_count(struct arena *a, int64_t op,
    const struct store_invfilter *f, int64_t *count, int64_t *net,
    int64_t *vat, int64_t *gross)
{
	char		 day[DATE_STRLEN];
	struct dbp	 p[14];
	struct dbres	 res;

	filter_params(p, op, f, day);
	if (db_query(a, STMT_INV_COUNT, p, 14, &res) < 0)
		return -1;
	*count = dbrow_int(&res.rows[0], 0);
	*net = dbrow_int(&res.rows[0], 1);
	*vat = dbrow_int(&res.rows[0], 2);
	*gross = dbrow_int(&res.rows[0], 3);
	return 1;
}

/* ---- bill runs ---- */

int
store_run_insert(int64_t op, int64_t site, int32_t period, const char *mode,
    int64_t user, int64_t *id)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), site ? DBP_I(site) : DBP_NUL,
	    dbp_day(period, d), DBP_S(mode), DBP_I(user) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_RUN_INSERT, p, NPARAMS(p), &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

static void
run_row(const struct dbrow *r, struct store_run *v)
{
	v->id = dbrow_int(r, 0);
	v->site_id = dbrow_int(r, 1);
	v->site_name = dbrow_str(r, 2);
	v->period = dbrow_day(r, 3);
	v->mode = dbrow_str(r, 4);
	v->state = dbrow_str(r, 5);
	v->occupiers = dbrow_int(r, 6);
	v->invoices = dbrow_int(r, 7);
	v->lines = dbrow_int(r, 8);
	v->net = dbrow_int(r, 9);
	v->by = dbrow_str(r, 10);
	v->started = dbrow_int(r, 11);
	v->finished = dbrow_int(r, 12);
	v->micros = dbrow_int(r, 13);
}

int
store_run_get(struct arena *a, int64_t op, int64_t id, struct store_run *v)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(v, 0, sizeof(*v));
	if ((rc = db_query(a, STMT_RUN_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	run_row(&res.rows[0], v);
	if (db_query(a, STMT_RUN_COUNTS, p, NPARAMS(p), &res) < 0)
		return -1;
	v->drafts = dbrow_int(&res.rows[0], 0);
	v->issued = dbrow_int(&res.rows[0], 1);
	return 1;
}

int
store_run_list(struct arena *a, int64_t op, struct store_run **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_run	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++)
		run_row(&res.rows[i], &v[i]);
	*out = v;
	*n = res.nrows;
	return 1;
}

/* The first column of every row as ids. */
static int
id_list(struct arena *a, enum stmt st, const struct dbp *p, size_t np,
    int64_t **ids, size_t *n)
{
	struct dbres	 res;
	size_t		 i;

	*ids = NULL;
	*n = 0;
	if (db_query(a, st, p, np, &res) < 0)
		return -1;
	*ids = arena_calloc(a, res.nrows, sizeof(**ids));
	for (i = 0; i < res.nrows; i++)
		(*ids)[i] = dbrow_int(&res.rows[i], 0);
	*n = res.nrows;
	return 1;
}

int
store_run_drafts(struct arena *a, int64_t op, int64_t run, int64_t **ids,
    size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(run) };

	return id_list(a, STMT_RUN_DRAFTS, p, NPARAMS(p), ids, n);
}

int
store_run_occupiers(struct arena *a, int64_t op, int64_t after,
    int64_t limit, int64_t **ids, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(after), DBP_I(limit) };

	return id_list(a, STMT_RUN_OCCUPIERS, p, NPARAMS(p), ids, n);
}

int
store_run_progress(int64_t op, int64_t run, int64_t occupiers,
    int64_t invoices, int64_t lines, int64_t net)
{
	struct dbp	 p[] = { DBP_I(occupiers), DBP_I(invoices),
	    DBP_I(lines), DBP_I(net), DBP_I(op), DBP_I(run) };

	return db_exec(STMT_RUN_PROGRESS, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_run_done(int64_t op, int64_t run)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(run) };

	return db_exec(STMT_RUN_DONE, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_run_lock(int64_t op)
{
	struct dbp	 p[] = { DBP_I(op) };

	return db_exec(STMT_RUN_LOCK, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_run_rates(struct arena *a, int64_t op, struct store_svcrate **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_svcrate	*v;
	size_t			 i, j;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_VAT, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		struct store_svcrate x;

		x.id = dbrow_int(&res.rows[i], 0);
		x.rate = rate_of(dbrow_str(&res.rows[i], 1));
		x.name = dbrow_str(&res.rows[i], 2);
		/* Insertion sort by id: a catalog is small. */
		for (j = i; j > 0 && v[j - 1].id > x.id; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_run_invoiced(struct arena *a, int64_t op, int64_t occ_lo,
    int64_t occ_hi, int64_t site, int32_t month_from, int32_t month_to,
    struct store_invoiced **out, size_t *n)
{
	char			 f[DATE_STRLEN], t[DATE_STRLEN];
	struct dbp		 p[] = { DBP_I(op), DBP_I(occ_lo),
	    DBP_I(occ_hi), dbp_day(month_from, f), dbp_day(month_to, t),
	    DBP_I(site), DBP_I(site) };
	struct dbres		 res;
	struct store_invoiced	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_INVOICED, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		v[i].occ_id = dbrow_int(r, 0);
		v[i].occsvc_id = dbrow_int(r, 1);
		v[i].service_id = dbrow_int(r, 2);
		v[i].site_id = dbrow_int(r, 3);
		v[i].month = dbrow_day(r, 4);
		v[i].from = dbrow_day(r, 5);
		v[i].to = dbrow_day(r, 6);
		v[i].days = (int)dbrow_int(r, 7);
		v[i].dim = (int)dbrow_int(r, 8);
		v[i].price = dbrow_int(r, 9);
		v[i].qty = dbrow_int(r, 10);
		v[i].net = dbrow_int(r, 11);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_run_usage(struct arena *a, int64_t op, int64_t occ_lo, int64_t occ_hi,
    int64_t site, int month, struct store_run_usage **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(month),
	    DBP_I(USAGE_RATED), DBP_I(occ_lo), DBP_I(occ_hi), DBP_I(site),
	    DBP_I(site) };
	struct dbres		 res;
	struct store_run_usage	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_USAGE, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows + 1, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		v[i].occ_id = dbrow_int(r, 0);
		v[i].site_id = dbrow_int(r, 1);
		v[i].group_id = dbrow_int(r, 2);
		v[i].group = dbrow_str(r, 3);
		v[i].calls = dbrow_int(r, 4);
		v[i].billed = dbrow_int(r, 5);
		v[i].included = dbrow_int(r, 6);
		v[i].amount = dbrow_int(r, 7);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_run_bursts_invoiced(struct arena *a, int64_t op, int64_t occ_lo,
    int64_t occ_hi, int64_t site, int month, struct store_occ_site **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op), DBP_I(month),
	    DBP_I(INV_USAGE_BURST), DBP_I(occ_lo), DBP_I(occ_hi), DBP_I(site),
	    DBP_I(site) };
	struct dbres		 res;
	struct store_occ_site	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_BURSTS_INVOICED, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows + 1, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		v[i].occ_id = dbrow_int(&res.rows[i], 0);
		v[i].site_id = dbrow_int(&res.rows[i], 1);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_run_open_periods(struct arena *a, int64_t op, int64_t site,
    int32_t before, struct store_period **out, size_t *n)
{
	char			 d[DATE_STRLEN];
	struct dbp		 p[] = { DBP_I(op), dbp_day(before, d),
	    DBP_I(site), DBP_I(site) };
	struct dbres		 res;
	struct store_period	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_RUN_PERIODS, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		v[i].site_id = dbrow_int(&res.rows[i], 0);
		v[i].month = dbrow_day(&res.rows[i], 1);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_run_period_mark(int64_t op, int64_t site, int32_t month,
    const char *state, int64_t run)
{
	char		 d[DATE_STRLEN];
	struct dbp	 p[] = { DBP_I(op), DBP_I(site), dbp_day(month, d),
	    DBP_S(state), DBP_I(run) };

	return db_exec(STMT_RUN_PERIOD_MARK, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

/* The invoice id of occupier occ among n (occupier, id) pairs sorted by
 * occupier; 0 when absent. */
static int64_t
draft_of(const int64_t (*pair)[2], size_t n, int64_t occ)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pair[mid][0] == occ)
			return pair[mid][1];
		if (pair[mid][0] < occ)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
store_run_insert_drafts(struct arena *a, int64_t op, int64_t run,
    int64_t site, int32_t period, const char *mode, int64_t user,
    const struct store_draft *d, size_t nd, const struct inv_line *l,
    const int64_t *occ, const int64_t *no, size_t nl)
{
	char		 day[DATE_STRLEN];
	struct dbp	*p;
	struct dbres	 res;
	int64_t		(*pair)[2], *inv;
	size_t		 i = 0, j, k, np = 0;
	enum stmt	 st;

	if (nd == 0)
		return 1;
	p = arena_calloc(a, 32 * DRAFT_COLS, sizeof(*p));
	pair = arena_calloc(a, nd, sizeof(*pair));
	dbp_day(period, day);
	while (i < nd) {
		k = nd - i >= 32 ? 32 : nd - i >= 4 ? 4 : 1;
		st = k == 32 ? STMT_RUN_DRAFTS_32 : k == 4 ? STMT_RUN_DRAFTS_4 :
		    STMT_RUN_DRAFTS_1;
		for (j = 0; j < k; j++) {
			struct dbp *r = p + j * DRAFT_COLS;

			r[0] = DBP_I(op);
			r[1] = DBP_I(d[i + j].occ_id);
			r[2] = DBP_I(run);
			r[3] = site ? DBP_I(site) : DBP_NUL;
			r[4] = DBP_S(day);
			r[5] = DBP_S(mode);
			r[6] = DBP_I(d[i + j].t.net);
			r[7] = DBP_I(d[i + j].t.vat);
			r[8] = DBP_I(d[i + j].t.gross);
			r[9] = DBP_I(user);
		}
		if (db_exec(st, p, k * DRAFT_COLS, NULL) != (int64_t)k) {
			log_warnx("bill run %lld: drafts not inserted",
			    (long long)run);
			return -1;
		}
		i += k;
	}
	/* Their ids, by occupier (the unique key (run, occupier)). */
	{
		struct dbp q[] = { DBP_I(run), DBP_I(d[0].occ_id),
		    DBP_I(d[nd - 1].occ_id), DBP_I(op) };

		if (db_query(a, STMT_RUN_DRAFT_IDS, q, NPARAMS(q), &res) !=
		    (int)nd) {
			log_warnx("bill run %lld: drafts not read back",
			    (long long)run);
			return -1;
		}
		for (i = 0; i < nd; i++) {
			pair[i][0] = dbrow_int(&res.rows[i], 0);
			pair[i][1] = dbrow_int(&res.rows[i], 1);
		}
		np = nd;
	}
	inv = arena_calloc(a, nl ? nl : 1, sizeof(*inv));
	for (i = 0; i < nl; i++)
		if ((inv[i] = draft_of((const int64_t (*)[2])pair, np,
		    occ[i])) == 0) {
			log_warnx("bill run %lld: a line without its draft",
			    (long long)run);
			return -1;
		}
	return lines_insert(a, op, inv, no, l, nl);
}

int
store_period_locked(struct arena *a, int64_t op, int64_t site, int32_t from,
    int32_t to, int32_t *month)
{
	char		 f[DATE_STRLEN], t[DATE_STRLEN];
	struct dbp	 p[4];
	struct dbres	 res;
	int		 y, m, d, rc;

	date_to_ymd(from, &y, &m, &d);
	from = date_from_ymd(y, m, 1);
	date_to_ymd(to, &y, &m, &d);
	to = date_from_ymd(y, m, 1);
	p[0] = DBP_I(op);
	p[1] = DBP_I(site);
	p[2] = dbp_day(from, f);
	p[3] = dbp_day(to, t);
	if ((rc = db_query(a, STMT_PERIOD_LOCKED, p, 4, &res)) <= 0)
		return rc;
	*month = dbrow_day(&res.rows[0], 0);
	return 1;
}

/* ---- exports ---- */

int
store_export_create(int64_t op, const char *format, int32_t from, int32_t to,
    int again, int invoices_only, int64_t user, int64_t *id, int64_t *docs)
{
	char		 f[DATE_STRLEN], t[DATE_STRLEN], f2[DATE_STRLEN];
	char		 t2[DATE_STRLEN];
	struct dbp	 p[5];
	uint64_t	 iid = 0;
	int64_t		 n, last;
	int		 y, m, d;

	*docs = 0;
	p[0] = DBP_I(op);
	p[1] = DBP_S(format);
	p[2] = dbp_day(from, f);
	p[3] = dbp_day(to, t);
	p[4] = DBP_I(user);
	if (db_exec(STMT_EXP_INSERT, p, 5, &iid) < 0)
		return -1;
	*id = (int64_t)iid;
	date_to_ymd(to, &y, &m, &d);
	last = date_from_ymd(y, m, date_days_in_month(y, m));
	{
		struct dbp q[] = { DBP_I(*id), DBP_I(op), dbp_day(from, f2),
		    dbp_day((int32_t)last, t2), DBP_I(again),
		    DBP_I(invoices_only) };

		if ((n = db_exec(STMT_EXP_DOCS_ADD, q, NPARAMS(q), NULL)) < 0)
			return -1;
	}
	if (n == 0)
		return 1;
	{
		struct dbp q[] = { DBP_I(*id), DBP_I(op) };
		struct dbp c[] = { DBP_I(n), DBP_I(op), DBP_I(*id) };

		if (db_exec(STMT_EXP_MARK, q, NPARAMS(q), NULL) < 0 ||
		    db_exec(STMT_EXP_COUNT_SET, c, NPARAMS(c), NULL) < 0)
			return -1;
	}
	*docs = n;
	return 1;
}

static void
export_row(const struct dbrow *r, struct store_export *v)
{
	v->id = dbrow_int(r, 0);
	v->format = dbrow_str(r, 1);
	v->from = dbrow_day(r, 2);
	v->to = dbrow_day(r, 3);
	v->documents = dbrow_int(r, 4);
}

int
store_export_list(struct arena *a, int64_t op, struct store_export **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_export	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_EXP_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		export_row(&res.rows[i], &v[i]);
		v[i].by = dbrow_str(&res.rows[i], 5);
		v[i].at = dbrow_int(&res.rows[i], 6);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

int
store_export_get(struct arena *a, int64_t op, int64_t id,
    struct store_export *v)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(v, 0, sizeof(*v));
	if ((rc = db_query(a, STMT_EXP_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	export_row(&res.rows[0], v);
	v->by = "";
	return 1;
}

int
store_export_rows(struct arena *a, int64_t op, int64_t id,
    struct store_exprow **out, size_t *n)
{
	struct dbp		 p[] = { DBP_I(id), DBP_I(op) };
	struct dbres		 res;
	struct store_exprow	*v;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_EXP_ROWS, p, NPARAMS(p), &res) < 0)
		return -1;
	v = arena_calloc(a, res.nrows, sizeof(*v));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *r = &res.rows[i];

		v[i].doc_id = dbrow_int(r, 0);
		v[i].credit = strcmp(dbrow_str(r, 1), "credit") == 0;
		v[i].number = dbrow_str(r, 2);
		v[i].credit_of = dbrow_str(r, 3);
		v[i].name = dbrow_str(r, 4);
		v[i].email = dbrow_str(r, 5);
		v[i].address = dbrow_str(r, 6);
		v[i].ref = dbrow_str(r, 7);
		v[i].issue = dbrow_day(r, 8);
		v[i].due = dbrow_day(r, 9);
		v[i].currency = dbrow_str(r, 10);
		v[i].terms_days = dbrow_int(r, 11);
		v[i].l.description = dbrow_str(r, 12);
		v[i].l.from = dbrow_day(r, 13);
		v[i].l.to = dbrow_day(r, 14);
		v[i].l.days = (int)dbrow_int(r, 15);
		v[i].l.dim = (int)dbrow_int(r, 16);
		v[i].l.unit_price = dbrow_int(r, 17);
		v[i].l.qty = dbrow_int(r, 18);
		v[i].l.net = dbrow_int(r, 19);
		v[i].l.vat = dbrow_int(r, 20);
		v[i].l.rate = rate_of(dbrow_str(r, 21));
		v[i].l.bp = (int)dbrow_int(r, 22);
		v[i].xero_account = dbrow_str(r, 23);
		v[i].xero_tax = dbrow_str(r, 24);
		v[i].qbo_item = dbrow_str(r, 25);
		v[i].qbo_tax = dbrow_str(r, 26);
		v[i].sage_nominal = dbrow_str(r, 27);
		v[i].sage_tax = dbrow_str(r, 28);
		v[i].service_name = dbrow_str(r, 29);
	}
	*out = v;
	*n = res.nrows;
	return 1;
}

