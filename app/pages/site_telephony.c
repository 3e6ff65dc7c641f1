/*
 * site_telephony: the phone number pool of a site (issue 4). GET lists
 * the numbers with counts by state, filtered by state and holder (URL
 * parameters state= and holder=, working without JavaScript); POST
 * changes one number (op=allocate|deallocate|activate|deactivate,
 * number=ID; allocate also to=operator|OCCUPIER_ID) or allocates the next
 * N available numbers (op=bulk_allocate, count=N, to=...). Every change is
 * one transaction with its audit event; a refusal comes back as 422 with
 * the reason and nothing changed. page_site_telephony_csv exports the
 * filtered list as CSV (domain/csv.h: RFC 4180, formula-safe).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "pages.h"

/* occupier_telephony.c: one change of a number, with locks and audit. */
int	telephony_change(struct req *, enum phone_op, int64_t site, int64_t id,
	    int64_t occ, const char **msg);

#define TXN_ATTEMPTS	3	/* deadlock / lock wait: run the change again */
#define BULK_MAX	1000	/* numbers in one bulk allocation */

enum bulk_field {
	BF_COUNT,	/* count */
	BF__MAX
};

static const struct field bulk_fields[BF__MAX] = {
	[BF_COUNT] = { "count", "Count", FT_INT, 6, 1, 1, BULK_MAX, NULL },
};

/* The counts line: "60 phone numbers · 52 available · ...". */
static const char *const count_words[PHONE__MAX] = {
	"available",		/* PHONE_AVAILABLE */
	"reserved",		/* PHONE_RESERVED */
	"active",		/* PHONE_ACTIVE */
	"cooling off",		/* PHONE_COOLING_OFF */
};

static const struct field number_field =
    { "number", "Number", FT_INT, 20, 1, 1, INT64_MAX, NULL };

/* The list's filters, from the URL (GET) or the form's hidden fields. */
struct filter {
	struct store_phone_filter f;
	const char	*state_key;	/* "all" or a state key */
	const char	*holder_key;	/* "all", "operator", "none" or an id */
};

/* A positive decimal id of at most 18 digits, or 0. */
static int64_t
parse_id(const char *s)
{
	int64_t	 v = 0;
	size_t	 n;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	for (n = 0; s[n] != '\0'; n++) {
		if (n == 18 || !isdigit((unsigned char)s[n]))
			return 0;
		v = v * 10 + (s[n] - '0');
	}
	return v;
}

static void
filter_parse(struct req *r, const struct kvlist *kv, struct filter *f)
{
	const char	*s, *h;
	int64_t		 id;

	memset(f, 0, sizeof(*f));
	f->f.state = phone_state_parse(s = kv_get(kv, "state"));
	f->state_key = f->f.state == PHONE__MAX ? "all" :
	    phone_state_keys[f->f.state];
	f->f.holder = SPH_ALL;
	f->holder_key = "all";
	if ((h = kv_get(kv, "holder")) == NULL)
		return;
	if (strcmp(h, "operator") == 0) {
		f->f.holder = SPH_OPERATOR;
		f->holder_key = "operator";
	} else if (strcmp(h, "none") == 0) {
		f->f.holder = SPH_NONE;
		f->holder_key = "none";
	} else if ((id = parse_id(h)) > 0) {
		f->f.holder = SPH_OCCUPIER;
		f->f.occupier = id;
		f->holder_key = arena_printf(r->a, "%lld", (long long)id);
	}
}

/* "?state=..&holder=.." for the non-default filters, then extra ("" or
 * "done=saved"). Every part is a key or a number: nothing to encode. */
static const char *
filter_query(struct req *r, const struct filter *f, const char *extra)
{
	struct buf	 b;

	buf_init(&b, r->a, 64);
	if (strcmp(f->state_key, "all") != 0)
		buf_printf(&b, "&state=%s", f->state_key);
	if (strcmp(f->holder_key, "all") != 0)
		buf_printf(&b, "&holder=%s", f->holder_key);
	if (extra[0] != '\0')
		buf_printf(&b, "&%s", extra);
	if (b.len == 0)
		return "";
	b.p[0] = '?';
	return b.p;
}

static const char *
holder_label(const struct store_phone *p)
{
	switch (store_phone_holder(p)) {
	case PHONE_HOLDER_OCCUPIER:
		return p->occupier_name;
	case PHONE_HOLDER_OPERATOR:
		return "Operator";
	default:
		return "";
	}
}

static const char *
state_class(enum phone_state st)
{
	switch (st) {
	case PHONE_ACTIVE:
		return "active";
	case PHONE_RESERVED:
		return "scheduled";
	case PHONE_COOLING_OFF:
		return "inactive cooling";
	default:
		return "available";
	}
}

static void
render(struct req *r, struct tpl_dict *d, const struct store_site *s,
    const struct filter *f)
{
	struct tpl_dict		*row, *opt;
	struct store_phone	*p;
	struct store_phone_occ	*occ;
	int64_t			 counts[PHONE__MAX], total;
	size_t			 n, nocc, i;
	int			 k, nto = 0;

	if (store_phone_counts(r->a, r->user.operator_id, s->id, r->today,
	    counts, &total) < 0 ||
	    store_phone_list_site(r->a, r->user.operator_id, s->id, r->today,
	    &f->f, &p, &n) < 0 ||
	    store_phone_site_occupiers(r->a, r->user.operator_id, s->id, &occ,
	    &nocc) < 0) {
		page_store_error(r);
		return;
	}
	tpl_set_int(d, TN_SITE_ID, s->id);
	tpl_set(d, TN_SITE_NAME, s->name);
	tpl_set_int(d, TN_TOTAL, total);
	for (k = 0; k < PHONE__MAX; k++) {
		opt = tpl_section(d, TN_COUNT);
		tpl_set_int(opt, TN_N, counts[k]);
		tpl_set(opt, TN_LABEL, count_words[k]);
		tpl_set(opt, TN_KEY, phone_state_keys[k]);
	}
	tpl_set(d, TN_F_STATE, f->state_key);
	tpl_set(d, TN_F_HOLDER, f->holder_key);
	tpl_set(d, TN_CSV_HREF, arena_printf(r->a, "/sites/%lld/telephony.csv%s",
	    (long long)s->id, filter_query(r, f, "")));
	opt = tpl_section(d, TN_STATE_OPT);
	tpl_set(opt, TN_KEY, "all");
	tpl_set(opt, TN_LABEL, "All states");
	for (k = 0; k < PHONE__MAX; k++) {
		opt = tpl_section(d, TN_STATE_OPT);
		tpl_set(opt, TN_KEY, phone_state_keys[k]);
		tpl_set(opt, TN_LABEL, phone_state_labels[k]);
		if (f->f.state == (enum phone_state)k)
			tpl_show(opt, TN_SELECTED);
	}
	for (i = 0; i < nocc; i++) {
		opt = tpl_section(d, TN_HOLDER_OPT);
		tpl_set_int(opt, TN_ID, occ[i].id);
		tpl_set(opt, TN_NAME, occ[i].name);
		if (f->f.holder == SPH_OCCUPIER && f->f.occupier == occ[i].id)
			tpl_show(opt, TN_SELECTED);
		if (!occ[i].has_contract)
			continue;
		opt = tpl_section(d, TN_TO_OPT);
		tpl_set_int(opt, TN_OCC_ID, occ[i].id);
		tpl_set(opt, TN_OCC_NAME, occ[i].name);
		nto++;
	}
	if (f->f.holder == SPH_OPERATOR)
		tpl_show(d, TN_HOLDER_OPERATOR_SELECTED);
	else if (f->f.holder == SPH_NONE)
		tpl_show(d, TN_HOLDER_NONE_SELECTED);
	for (i = 0; i < n; i++) {
		enum phone_holder h = store_phone_holder(&p[i]);

		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, p[i].id);
		tpl_set(row, TN_NUMBER, p[i].number);
		tpl_set(row, TN_STATE, phone_state_labels[p[i].state]);
		tpl_set(row, TN_STATE_CLASS, state_class(p[i].state));
		if (p[i].is_main && p[i].state == PHONE_ACTIVE)
			tpl_show(row, TN_MAIN);
		if (h == PHONE_HOLDER_OCCUPIER) {
			struct tpl_dict *x = tpl_section(row, TN_HOLDER_OCC);

			tpl_set_int(x, TN_HOLDER_ID, p[i].occupier_id);
			tpl_set(x, TN_HOLDER_NAME, p[i].occupier_name);
		} else if (h == PHONE_HOLDER_OPERATOR)
			tpl_show(row, TN_HOLDER_OP);
		else
			tpl_show(row, TN_HOLDER_NONE);
		switch (p[i].state) {
		case PHONE_AVAILABLE:
			tpl_show(row, TN_CAN_ALLOCATE);
			break;
		case PHONE_RESERVED:
			if (h == PHONE_HOLDER_OCCUPIER)
				tpl_show(row, TN_CAN_ACTIVATE);
			tpl_show(row, TN_CAN_DEALLOCATE);
			break;
		case PHONE_ACTIVE:
			page_set_date(tpl_section(row, TN_SINCE), TN_DAY,
			    p[i].activated_at);
			tpl_show(row, TN_CAN_DEACTIVATE);
			break;
		default:
			page_set_date(tpl_section(row, TN_UNTIL), TN_DAY,
			    p[i].cooloff_until);
			break;
		}
	}
	if (n > 0)
		tpl_show(d, TN_HAS_ROWS);
	else if (total > 0)
		tpl_show(d, TN_EMPTY_FILTERED);
	else
		tpl_show(d, TN_EMPTY);
	if (nto == 0)
		tpl_show(d, TN_NO_CONTRACTS);
	page_end(r);
}

/* The allocation target: 0 the operator, an occupier id, or -1 (refused:
 * message in d). An id that is not the operator's occupier is 404 (-2). */
static int64_t
target(struct req *r, struct tpl_dict *d)
{
	const char	*to = kv_get(&r->form, "to");
	int64_t		 id;

	if (to != NULL && strcmp(to, "operator") == 0)
		return 0;
	if ((id = parse_id(to)) > 0)
		return id;
	form_error(r, d, NULL, "Choose who gets the number: the operator or "
	    "an occupier with a contract at this site.");
	return -1;
}

/* Allocate the next count numbers inside the transaction, with an audit
 * event each. As telephony_change. */
static int
bulk_allocate(struct req *r, int64_t site, int64_t occ, int64_t count,
    const char **msg)
{
	struct store_occupier	 o;
	struct store_phone	*p;
	const char		*name = "Operator";
	size_t			 n, i;
	int			 rc;

	*msg = NULL;
	if (occ > 0) {
		if ((rc = store_occupier_get(r->a, r->user.operator_id, occ,
		    &o)) <= 0)
			return rc;
		name = o.name;
	}
	rc = store_phone_allocate_next(r->a, r->user.operator_id, site, occ,
	    count, r->today, &p, &n);
	if (rc == 0) {
		*msg = "Numbers can be allocated only to an occupier with a "
		    "contract at this site.";
		return -2;
	}
	if (rc == -2) {
		*msg = arena_printf(r->a, "Only %zu number%s available at this "
		    "site: %lld cannot be allocated.", n, n == 1 ? " is" :
		    "s are", (long long)count);
		return -2;
	}
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++)
		if (store_audit(r->user.operator_id, occ, site, r->user.id,
		    "phone_number", p[i].id, phone_op_keys[PHONE_OP_ALLOCATE],
		    arena_printf(r->a, "number=%s\nstate=%s\nholder=none",
		    p[i].number, phone_state_labels[PHONE_AVAILABLE]),
		    arena_printf(r->a, "number=%s\nstate=%s\nholder=%s",
		    p[i].number, phone_state_labels[PHONE_RESERVED],
		    name)) < 0)
			return -1;
	return 1;
}

void
page_site_telephony(struct req *r)
{
	struct tpl_dict		*d;
	struct store_site	 s;
	struct store_phone	 ph;
	struct filter		 f;
	struct fval		 v, bv[BF__MAX];
	const char		*opkey, *raw, *msg = NULL;
	char			*trimmed;
	enum phone_op		 what = PHONE_OP__MAX;
	int64_t			 occ = 0, id = 0;
	int			 rc, attempt, bulk;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Telephony · %s", s.name),
	    "site_telephony.tpl", "sites")) == NULL)
		return;
	filter_parse(r, r->method == M_GET ? &r->query : &r->form, &f);
	if (r->method == M_GET) {
		render(r, d, &s, &f);
		return;
	}
	opkey = kv_get(&r->form, "op");
	bulk = opkey != NULL && strcmp(opkey, "bulk_allocate") == 0;
	if (!bulk) {
		what = phone_op_parse(opkey);
		if (what == PHONE_OP__MAX || what == PHONE_OP_SET_MAIN) {
			http_error(r, 400);
			return;
		}
		raw = kv_get(&r->form, "number");
		trimmed = arena_alloc(r->a, (raw ? strlen(raw) : 0) + 1);
		if (validate_field(&number_field, raw, raw ? strlen(raw) : 0,
		    trimmed, &v) != NULL) {
			http_error(r, 404);
			return;
		}
		id = v.i;
	}
	if (bulk || what == PHONE_OP_ALLOCATE) {
		if (bulk && form_read(r, d, bulk_fields, BF__MAX, bv) > 0)
			occ = -1;
		else
			occ = target(r, d);
		if (occ < 0) {
			r->status = 422;
			render(r, d, &s, &f);
			return;
		}
	}
	rc = -1;
	for (attempt = 0; attempt < TXN_ATTEMPTS; attempt++) {
		if (!bulk && what != PHONE_OP_ALLOCATE) {
			/* The holder, whose plan the change locks first. */
			if ((rc = store_phone_get(r->a, r->user.operator_id,
			    s.id, id, r->today, &ph)) <= 0)
				break;
			occ = ph.occupier_id;
		}
		if (db_begin() < 0) {
			rc = -1;
			break;
		}
		if (bulk)
			rc = bulk_allocate(r, s.id, occ, bv[BF_COUNT].i, &msg);
		else
			rc = telephony_change(r, what, s.id, id, occ, &msg);
		if (rc > 0 && db_commit() > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/sites/%lld/telephony%s", (long long)s.id,
			    filter_query(r, &f, "done=saved")));
			return;
		}
		db_rollback();
		if (rc > 0)
			rc = -1;	/* the commit failed */
		if (rc == 0 && !bulk && what != PHONE_OP_ALLOCATE)
			continue;	/* its holder changed meanwhile: again */
		if (rc != -1 || !db_retryable())
			break;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if (rc == -1) {
		page_store_error(r);
		return;
	}
	r->status = 422;
	form_error(r, d, NULL, msg != NULL ? msg :
	    "The number was not changed.");
	render(r, d, &s, &f);
}

static const char *
csv_date(struct req *r, int32_t day)
{
	char	*b = arena_alloc(r->a, DATE_STRLEN);

	date_format(day, b, DATE_STRLEN);
	return b;
}

/* "canary-wharf" from "Canary Wharf": a safe file name part. */
static const char *
slug(struct req *r, const char *name)
{
	char	*o = arena_alloc(r->a, strlen(name) + 1), *p = o;

	for (; *name != '\0'; name++) {
		if (isalnum((unsigned char)*name) && (unsigned char)*name < 128)
			*p++ = (char)tolower((unsigned char)*name);
		else if (p > o && p[-1] != '-')
			*p++ = '-';
	}
	while (p > o && p[-1] == '-')
		p--;
	*p = '\0';
	return o[0] != '\0' ? o : "site";
}

void
page_site_telephony_csv(struct req *r)
{
	static const char *const head[] = { "Number", "State", "Holder",
	    "Main number", "Activated", "Deactivated", "Available again" };
	struct store_site	 s;
	struct store_phone	*p;
	struct filter		 f;
	struct buf		 b;
	size_t			 n, i, k;
	int			 rc;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	filter_parse(r, &r->query, &f);
	if (store_phone_list_site(r->a, r->user.operator_id, s.id, r->today,
	    &f.f, &p, &n) < 0) {
		page_store_error(r);
		return;
	}
	buf_init(&b, r->a, 128 + n * 96);
	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		csv_text(&b, head[k], k == 0);
	csv_end(&b);
	for (i = 0; i < n; i++) {
		csv_text(&b, p[i].number, 1);
		csv_text(&b, phone_state_labels[p[i].state], 0);
		csv_text(&b, holder_label(&p[i]), 0);
		csv_text(&b, p[i].is_main && p[i].state == PHONE_ACTIVE ?
		    "yes" : "", 0);
		csv_text(&b, csv_date(r, p[i].activated_at), 0);
		csv_text(&b, csv_date(r, p[i].deactivated_at), 0);
		csv_text(&b, p[i].state == PHONE_COOLING_OFF ?
		    csv_date(r, p[i].cooloff_until) : "", 0);
		csv_end(&b);
	}
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"telephony-%s-%s.csv\"", slug(r, s.name),
	    csv_date(r, r->today)));
	http_send(r, 200, "text/csv; charset=utf-8; header=present", b.p,
	    b.len);
}
