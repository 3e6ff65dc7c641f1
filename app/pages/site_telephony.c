/*
 * site_telephony: the phone number pool of a site. GET lists the numbers
 * with counts by state, filtered by state, holder and a number search (URL
 * parameters state=, holder=operator|none|OCCUPIER_ID, holder_occ= (an
 * occupier typed in the picker) and q=, working without JavaScript),
 * PER_PAGE numbers a page by key (after=ID / before=ID: the numbers after
 * or before that one, in number order); POST changes one number
 * (op=allocate|deallocate|activate|deactivate, number=ID; allocate also
 * to=operator|OCCUPIER_ID, or to=occupier with to_occ= the occupier typed
 * in the picker: ops_number_change) or allocates the next N available
 * numbers (op=bulk_allocate, count=N, to=...: ops_numbers_allocate;
 * ops/telephony.h). A refusal comes back as 422 with the reason and
 * nothing changed. page_site_telephony_csv exports the filtered list as
 * CSV (domain/csv.h: RFC 4180, formula-safe), every page of it.
 */
#include <ctype.h>
#include <string.h>

#include "../domain/csv.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../ops/telephony.h"
#include "../store/store.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "pages.h"

#define BULK_MAX	1000	/* numbers in one bulk allocation */
#define PER_PAGE	100	/* numbers on one page of the screen */
#define Q_CAP		32	/* digits of a number search */

enum bulk_field {
	BF_COUNT,	/* count */
	BF__MAX
};

static const struct field bulk_fields[BF__MAX] = {
	[BF_COUNT] = { "count", "Count", FT_INT, 6, 1, 1, BULK_MAX, NULL, 0 },
};

/* The counts line: "60 phone numbers · 52 available · ...". */
static const char *const count_words[PHONE__MAX] = {
	"available",		/* PHONE_AVAILABLE */
	"reserved",		/* PHONE_RESERVED */
	"active",		/* PHONE_ACTIVE */
	"cooling off",		/* PHONE_COOLING_OFF */
	"retired",		/* PHONE_RETIRED */
};

static const struct field number_field =
    { "number", "Number", FT_INT, 20, 1, 1, INT64_MAX, NULL, 0 };

/* The list's filters, from the URL (GET) or the form's hidden fields. */
struct filter {
	struct store_phone_filter f;
	const char	*state_key;	/* "all" or a state key */
	const char	*holder_key;	/* "all", "operator", "none" or an id */
	const char	*holder_text;	/* the occupier typed ("" none) */
	const char	*holder_name;	/* the holder occupier's name */
	struct store_phone_page pg;	/* number search and page key */
};

/* The holder filter's picker and the allocations' ("to_occ"). */
static const struct pick holder_pick =
    { "holder_occ", "f-holder_occ", "Occupier", 1, 0 };

/* The digits of a number search ("+44 20 7946" -> "44207946"). */
static const char *
digits(struct req *r, const char *v)
{
	char	*o, *p;

	if (v == NULL)
		return "";
	o = p = arena_alloc(r->a, strlen(v) + 1);
	for (; *v != '\0'; v++)
		if (*v >= '0' && *v <= '9')
			*p++ = *v;
	*p = '\0';
	return o;
}

static void
filter_parse(struct req *r, int from_form, struct filter *f)
{
	const char	*(*get)(struct req *, const char *, size_t) =
			    from_form ? form_text : query_text;
	const char	*h;
	int64_t		 id;

	memset(f, 0, sizeof(*f));
	f->pg.q = digits(r, get(r, "q", Q_CAP));
	f->pg.limit = PER_PAGE;
	if ((from_form ? form_id : query_id)(r, "before", &id) == 1) {
		f->pg.anchor = id;
		f->pg.before = 1;
	} else if ((from_form ? form_id : query_id)(r, "after", &id) == 1)
		f->pg.anchor = id;
	f->holder_text = pick_text(r, &holder_pick);
	f->holder_name = "";
	f->f.state = phone_state_parse(get(r, "state", 32));
	f->state_key = f->f.state == PHONE__MAX ? "all" :
	    phone_state_keys[f->f.state];
	f->f.holder = SPH_ALL;
	f->holder_key = "all";
	if ((h = get(r, "holder", 32)) == NULL)
		h = "all";
	if (strcmp(h, "operator") == 0) {
		f->f.holder = SPH_OPERATOR;
		f->holder_key = "operator";
	} else if (strcmp(h, "none") == 0) {
		f->f.holder = SPH_NONE;
		f->holder_key = "none";
	} else if (validate_id(h, &id) == 0) {
		f->f.holder = SPH_OCCUPIER;
		f->f.occupier = id;
		f->holder_key = arena_printf(r->a, "%lld", (long long)id);
	}
	/* An occupier typed in the picker: resolved by filter_holder. */
	if (f->holder_text[0] != '\0' && f->f.holder != SPH_OPERATOR &&
	    f->f.holder != SPH_NONE) {
		f->f.holder = SPH_OCCUPIER;
		f->f.occupier = 0;
		f->holder_key = "all";
	}
}

/* The holder occupier: the one typed (1 resolved; 0 not: the message in
 * d and the filter matches nothing) or the one of holder=ID (its name for
 * the picker; another operator's matches nothing). -1 store error. */
static int
filter_holder(struct req *r, struct tpl_dict *d, struct filter *f)
{
	struct store_occupier	 o;
	int			 rc;

	if (f->f.holder != SPH_OCCUPIER)
		return 1;
	if (f->f.occupier == 0) {
		if ((rc = pick_resolve(r, d, &holder_pick, f->holder_text,
		    &f->f.occupier, &f->holder_name)) <= 0)
			return rc;
		f->holder_key = arena_printf(r->a, "%lld",
		    (long long)f->f.occupier);
		return 1;
	}
	if ((rc = store_occupier_get(r->a, r->user.operator_id,
	    f->f.occupier, &o)) < 0)
		return -1;
	if (rc > 0)
		f->holder_name = o.name;
	return 1;
}

/* "?state=..&holder=..&q=.." for the non-default filters, then extra (""
 * or "done=saved"). Every part is a key or digits: nothing to encode. */
static const char *
filter_query(struct req *r, const struct filter *f, const char *extra)
{
	struct buf	 b;

	buf_init(&b, r->a, 64);
	if (strcmp(f->state_key, "all") != 0)
		buf_printf(&b, "&state=%s", f->state_key);
	if (strcmp(f->holder_key, "all") != 0)
		buf_printf(&b, "&holder=%s", f->holder_key);
	if (f->pg.q[0] != '\0')
		buf_printf(&b, "&q=%s", f->pg.q);
	if (extra[0] != '\0')
		buf_printf(&b, "&%s", extra);
	if (b.len == 0)
		return "";
	b.p[0] = '?';
	return b.p;
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
	case PHONE_RETIRED:
		return "inactive";
	default:
		return "available";
	}
}

static void
fill_filters(struct req *r, struct tpl_dict *d, const struct store_site *s,
    const struct filter *f)
{
	struct tpl_dict	*opt;
	int		 k;

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
	if (f->f.holder == SPH_OPERATOR)
		tpl_show(d, TN_HOLDER_OPERATOR_SELECTED);
	else if (f->f.holder == SPH_NONE)
		tpl_show(d, TN_HOLDER_NONE_SELECTED);
	else if (f->f.holder == SPH_OCCUPIER)
		tpl_show(d, TN_HOLDER_OCC_SELECTED);
	tpl_set(d, TN_F_Q, f->pg.q);
	pick_fill(r, d, TN_HOLDER_PICK, &holder_pick, f->holder_text[0] !=
	    '\0' ? f->holder_text : f->holder_name, f->f.holder ==
	    SPH_OCCUPIER && f->f.occupier == 0);
}

/* What a POST asks: one number changed, or the next N allocated. */
struct post {
	int			 bulk;
	const char		*to_text;	/* the occupier typed */
	struct number_change_in	 one;
	struct numbers_allocate_in many;
};

/* The allocations' picker ("to_occ"): the bulk form's, or row id's. */
static struct pick
to_pick(struct req *r, int64_t site, int64_t row)
{
	struct pick	 p = { "to_occ", "f-to_occ", "Allocate to", 0, site };

	if (row > 0) {
		p.html_id = arena_printf(r->a, "to-%lld", (long long)row);
		p.sr_label = 1;
	}
	return p;
}

static void
fill_row(struct req *r, struct tpl_dict *d, int64_t site,
    const struct store_phone *p, const struct post *post)
{
	struct tpl_dict		*row = tpl_section(d, TN_ROW), *x;
	enum phone_holder	 h = store_phone_holder(p);
	struct pick		 pk;

	tpl_set_int(row, TN_ID, p->id);
	tpl_set(row, TN_NUMBER, p->number);
	tpl_set(row, TN_STATE, phone_state_labels[p->state]);
	tpl_set(row, TN_STATE_CLASS, state_class(p->state));
	if (p->is_main && p->state == PHONE_ACTIVE)
		tpl_show(row, TN_MAIN);
	if (p->ported_in)
		tpl_show(row, TN_PORTED);
	if (h == PHONE_HOLDER_OCCUPIER) {
		x = tpl_section(row, TN_HOLDER_OCC);
		tpl_set_int(x, TN_HOLDER_ID, p->occupier_id);
		tpl_set(x, TN_HOLDER_NAME, p->occupier_name);
	} else if (h == PHONE_HOLDER_OPERATOR)
		tpl_show(row, TN_HOLDER_OP);
	else
		tpl_show(row, TN_HOLDER_NONE);
	switch (p->state) {
	case PHONE_AVAILABLE:
		x = tpl_section(row, TN_CAN_ALLOCATE);
		pk = to_pick(r, site, p->id);
		pk.label = arena_printf(r->a, "Allocate %s to", p->number);
		pick_fill(r, x, TN_TO_PICK, &pk, post != NULL && !post->bulk &&
		    post->one.id == p->id ? post->to_text : "", 0);
		if (r->user.role == ROLE_OPERATOR_ADMIN)
			tpl_show(row, TN_CAN_RETIRE);
		break;
	case PHONE_RETIRED:
		if (r->user.role == ROLE_OPERATOR_ADMIN)
			tpl_show(row, TN_CAN_RESTORE);
		break;
	case PHONE_RESERVED:
		if (h == PHONE_HOLDER_OCCUPIER)
			tpl_show(row, TN_CAN_ACTIVATE);
		tpl_show(row, TN_CAN_DEALLOCATE);
		break;
	case PHONE_ACTIVE:
		page_set_date(tpl_section(row, TN_SINCE), TN_DAY,
		    p->activated_at);
		tpl_set(tpl_section(row, TN_CAN_DEACTIVATE), TN_CONFIRM,
		    page_deactivate_consequence(r, p->number,
		    p->occupier_name));
		break;
	default:
		page_set_date(tpl_section(row, TN_UNTIL), TN_DAY,
		    p->cooloff_until);
		/* Reinstate is offered the day of a deactivation and the
		 * next; the operation holds it to 24 hours. */
		if (p->deactivated_at != DATE_NONE &&
		    p->deactivated_at >= r->today - 1)
			tpl_show(row, TN_CAN_REINSTATE);
		break;
	}
}

/* Links to the pages before and after rows[0..n) of the list. */
static void
fill_pager(struct req *r, struct tpl_dict *d, const struct store_site *s,
    const struct filter *f, const struct store_phone *p, size_t n, int more)
{
	struct tpl_dict	*pg;
	const char	*base = arena_printf(r->a, "/sites/%lld/telephony",
			    (long long)s->id);
	int		 prev, next;

	prev = f->pg.before ? more : f->pg.anchor > 0;
	next = f->pg.before ? f->pg.anchor > 0 : more;
	if (n == 0 || (!prev && !next))
		return;
	pg = tpl_section(d, TN_PAGER);
	if (prev)
		tpl_set(tpl_section(pg, TN_PREV), TN_HREF, arena_printf(r->a,
		    "%s%s", base, filter_query(r, f, arena_printf(r->a,
		    "before=%lld", (long long)p[0].id))));
	if (next)
		tpl_set(tpl_section(pg, TN_NEXT), TN_HREF, arena_printf(r->a,
		    "%s%s", base, filter_query(r, f, arena_printf(r->a,
		    "after=%lld", (long long)p[n - 1].id))));
}

/* The head: the site, the counts by state, whether anyone can be given a
 * number (an occupier with a contract at the site), the bulk form. */
static int
fill_head(struct req *r, struct tpl_dict *d, const struct store_site *s,
    const struct post *post)
{
	struct tpl_dict		*opt;
	int64_t			 counts[PHONE__MAX], total;
	struct pick		 pk = to_pick(r, s->id, 0);
	int			 k, any;

	if (store_phone_counts(r->a, r->user.operator_id, s->id, r->today,
	    counts, &total) < 0 || (any = store_site_has_contract(r->a,
	    r->user.operator_id, s->id)) < 0)
		return -1;
	tpl_set_int(d, TN_SITE_ID, s->id);
	tpl_set(d, TN_SITE_NAME, s->name);
	tpl_set_int(d, TN_TOTAL, total);
	for (k = 0; k < PHONE__MAX; k++) {
		opt = tpl_section(d, TN_COUNT);
		tpl_set_int(opt, TN_N, counts[k]);
		tpl_set(opt, TN_LABEL, count_words[k]);
		tpl_set(opt, TN_KEY, phone_state_keys[k]);
	}
	if (!any)
		tpl_show(d, TN_NO_CONTRACTS);
	pick_fill(r, d, TN_TO_PICK, &pk, post != NULL && post->bulk ?
	    post->to_text : "", 0);
	return total > 0;
}

static void
render(struct req *r, struct tpl_dict *d, const struct store_site *s,
    struct filter *f, const struct post *post)
{
	struct store_phone	*p;
	size_t			 n, i;
	int			 any, more, rc;

	if ((any = fill_head(r, d, s, post)) < 0 ||
	    filter_holder(r, d, f) < 0 ||
	    (rc = store_phone_page_site(r->a, r->user.operator_id, s->id,
	    r->today, &f->f, &f->pg, &p, &n, &more)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);	/* a page key of another site */
		return;
	}
	fill_filters(r, d, s, f);
	for (i = 0; i < n; i++)
		fill_row(r, d, s->id, &p[i], post);
	fill_pager(r, d, s, f, p, n, more);
	if (n > 0)
		tpl_show(d, TN_HAS_ROWS);
	else if (any)
		tpl_show(d, TN_EMPTY_FILTERED);
	else
		tpl_show(d, TN_EMPTY);
	page_end(r);
}

/* The allocation target: 0 the operator, an occupier id, or -1 (refused:
 * message in d). */
static int64_t
target(struct req *r, struct tpl_dict *d, int64_t site, struct post *p)
{
	static const char *const operator[] = { "operator", NULL };
	struct pick		 pk = to_pick(r, site, 0);
	int64_t			 id;
	int			 rc;

	if (form_enum(r, "to", operator) == 0)
		return 0;
	if (form_id(r, "to", &id) == 1)
		return id;
	if ((p->to_text = pick_text(r, &pk))[0] == '\0') {
		form_error(r, d, NULL, "Choose who gets the number: the "
		    "operator or an occupier with a contract at this site.");
		return -1;
	}
	if ((rc = pick_resolve(r, d, &pk, p->to_text, &id, NULL)) < 0)
		return -2;
	return rc == 0 ? -1 : id;
}

/* Read a POST: 1 read; 0 refused (messages in d); -1 the error page
 * answered (400, 404, 503). */
static int
read_post(struct req *r, struct tpl_dict *d, int64_t site, struct post *p)
{
	const char	*opkey = form_text(r, "op", 32);
	struct fval	 v, bv[BF__MAX];
	int64_t		 to;

	memset(p, 0, sizeof(*p));
	p->to_text = "";
	p->bulk = opkey != NULL && strcmp(opkey, "bulk_allocate") == 0;
	p->one.site = p->many.site = site;
	p->one.any_holder = 1;
	if (!p->bulk) {
		p->one.op = phone_op_parse(opkey);
		if (p->one.op == PHONE_OP__MAX ||
		    p->one.op == PHONE_OP_SET_MAIN) {
			http_error(r, 400);
			return -1;
		}
		if (form_field(r, &number_field, &v) != NULL) {
			http_error(r, 404);
			return -1;
		}
		p->one.id = v.i;
		if ((p->one.op == PHONE_OP_RETIRE ||
		    p->one.op == PHONE_OP_RESTORE) &&
		    r->user.role != ROLE_OPERATOR_ADMIN) {
			http_error(r, 403);
			return -1;
		}
		if (p->one.op != PHONE_OP_ALLOCATE)
			return 1;
	} else if (form_read(r, d, bulk_fields, BF__MAX, bv) > 0)
		return 0;
	if ((to = target(r, d, site, p)) < 0) {
		if (to == -2)
			page_store_error(r);
		return to == -2 ? -1 : 0;
	}
	p->one.occ = p->many.occ = to;
	p->many.count = bv[BF_COUNT].i;
	return 1;
}

/* Deactivating number id asks first, naming the consequence: 1 go on
 * (confirmed, or no such number: the operation says so), 0 the question
 * answered. */
static int
confirmed(struct req *r, const struct store_site *s, int64_t id)
{
	struct store_phone	 ph;
	struct page_confirm	 q;
	int			 rc;

	if ((rc = store_phone_get(r->a, r->user.operator_id, s->id, id,
	    r->today, &ph)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		return rc == 0;
	}
	memset(&q, 0, sizeof(q));
	q.title = arena_printf(r->a, "Deactivate %s?", ph.number);
	q.consequence = page_deactivate_consequence(r, ph.number,
	    ph.occupier_name);
	q.button = "Deactivate the number";
	q.back = arena_printf(r->a, "/sites/%lld/telephony", (long long)s->id);
	q.back_label = arena_printf(r->a, "Telephony · %s", s->name);
	q.menu = "sites";
	return page_confirmed(r, &q);
}

void
page_site_telephony(struct req *r)
{
	struct tpl_dict		*d;
	struct store_site	 s;
	struct filter		 f;
	struct post		 p;
	struct number_out	 out;
	struct ops_ctx		 c;
	int			 rc;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) <= 0) {
		if (rc < 0)
			page_store_error(r);
		else
			http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, arena_printf(r->a, "Telephony · %s", s.name),
	    "site_telephony.tpl", "sites")) == NULL)
		return;
	if (r->user.role == ROLE_OPERATOR_ADMIN)
		tpl_show(d, TN_CAN_ADD_NUMBERS);
	filter_parse(r, r->method != M_GET, &f);
	if (r->method == M_GET || (rc = read_post(r, d, s.id, &p)) == 0) {
		if (r->method != M_GET)
			r->status = 422;
		render(r, d, &s, &f, r->method != M_GET ? &p : NULL);
		return;
	}
	if (rc < 0 || (!p.bulk && p.one.op == PHONE_OP_DEACTIVATE &&
	    !confirmed(r, &s, p.one.id)))
		return;
	page_ops_ctx(r, &c);
	rc = p.bulk ? ops_numbers_allocate(&c, &p.many, &out) :
	    ops_number_change(&c, &p.one, &out);
	if (rc < 0)
		page_store_error(r);
	else if (rc > 0)
		http_redirect(r, arena_printf(r->a, "/sites/%lld/telephony%s",
		    (long long)s.id, filter_query(r, &f, "done=saved")));
	else if (!page_refused_bare(r, &out.why)) {
		page_refused(r, d, &out.why);
		r->status = 422;	/* every refusal of this screen */
		render(r, d, &s, &f, &p);
	}
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
	filter_parse(r, 0, &f);
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
		csv_text(&b, phone_holder_label(store_phone_holder(&p[i]),
		    p[i].occupier_name, ""), 0);
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
