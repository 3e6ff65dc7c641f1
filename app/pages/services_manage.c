/*
 * services_manage: the Add services / Manage services dialog (seed;
 * domain §4). The form holds the whole plan for one occupier at one site:
 * row[i][id] (0 for a new row), row[i][service], row[i][contract],
 * row[i][price], row[i][qty], and drop=ID for each current row the user
 * removed. Every submit re-evaluates the plan on the server (the rules
 * live once, in C; ops/plan.c): "add" appends a row, "remove" drops one (a
 * current row becomes a drop), "restore" brings a dropped row back,
 * op=save saves in one transaction (ops_plan_save). A save must name
 * every current row of the plan it started from exactly once, as a row or
 * as a drop, and no other row: the rules are evaluated on exactly the plan
 * that is stored. Without JavaScript it is a page with a Recalculate
 * button; with it, app.js posts partial=1 and swaps the returned form in
 * place.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "../domain/money.h"
#include "../ops/plan.h"
#include "../tpl/tpl.h"
#include "billing_lock.h"
#include "pages.h"
#include "svcplan.h"

#define SEARCH_CAP	200
#define ID_MAX		INT64_C(999999999999999999)	/* 18 digits */

enum row_field {
	RF_ID,		/* row[i][id] */
	RF_SERVICE,	/* row[i][service] */
	RF_CONTRACT,	/* row[i][contract] */
	RF_PRICE,	/* row[i][price] */
	RF_QTY,		/* row[i][qty] */
	RF__MAX
};

/* A row's id and contract are 0 (or empty) for none. Price and QTY are
 * taken as typed: the plan checks them, each with its own message next to
 * its row. */
static const struct field row_fields[RF__MAX] = {
	[RF_ID] = { "id", "Row", FT_INT, 18, 0, 0, ID_MAX, NULL, 0 },
	[RF_SERVICE] = { "service", "Service", FT_ID, 18, 1, 0, 0, NULL, 0 },
	[RF_CONTRACT] = { "contract", "Contract", FT_INT, 18, 0, 0, ID_MAX,
	    NULL },
	[RF_PRICE] = { "price", "Price", FT_MULTILINE, SIZE_MAX, 0, 0, 0,
	    NULL },
	[RF_QTY] = { "qty", "QTY", FT_MULTILINE, SIZE_MAX, 0, 0, 0, NULL, 0 },
};

static const char *const save_op[] = { "save", NULL };

/* ASCII case-insensitive "needle occurs in hay". */
static int
contains_ci(const char *hay, const char *needle)
{
	size_t	 i, n = strlen(needle);

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0' &&
		    tolower((unsigned char)hay[i]) ==
		    tolower((unsigned char)needle[i]); i++)
			continue;
		if (i == n)
			return 1;
	}
	return n == 0;
}

/* The button pressed besides the rows: 0, or -1 a value no dialog sends. */
static int
form_action(struct req *r, struct plan_form *f)
{
	if (form_has(r, "add")) {
		f->action = PLAN_ADD;
		return form_id(r, "add", &f->arg) == 1 ? 0 : -1;
	}
	if (form_has(r, "remove")) {
		f->action = PLAN_REMOVE;
		return form_int(r, "remove", 0, ID_MAX, &f->arg) == 1 ? 0 : -1;
	}
	if (form_has(r, "restore")) {
		f->action = PLAN_RESTORE;
		return form_id(r, "restore", &f->arg) == 1 ? 0 : -1;
	}
	f->action = PLAN_RECALC;
	return 0;
}

/* The dialog's form into f: 0, or -1 when it is not something a person
 * could have sent. */
static int
form_parse(struct req *r, struct plan_form *f)
{
	struct plan_row_in	*rows;
	struct fval		*v;
	int64_t			*drops;
	size_t			 n, nd, i;

	memset(f, 0, sizeof(*f));
	if (form_rows(r, "row", row_fields, RF__MAX, PLAN_ROWS_MAX, &v,
	    &n) < 0 || form_ids(r, "drop", PLAN_ROWS_MAX, &drops, &nd) < 0 ||
	    form_id(r, "version", &f->version) != 1)
		return -1;
	rows = arena_calloc(r->a, n ? n : 1, sizeof(*rows));
	for (i = 0; i < n; i++) {
		const struct fval *rv = &v[i * RF__MAX];

		if (rv[RF_ID].err != NULL || rv[RF_SERVICE].err != NULL ||
		    rv[RF_CONTRACT].err != NULL)
			return -1;
		rows[i].id = rv[RF_ID].i;
		rows[i].service_id = rv[RF_SERVICE].i;
		rows[i].contract_id = rv[RF_CONTRACT].i;
		rows[i].price = rv[RF_PRICE].raw;
		rows[i].qty = rv[RF_QTY].raw;
	}
	f->rows = rows;
	f->nrows = n;
	f->drops = drops;
	f->ndrops = nd;
	return form_action(r, f);
}

/* The search text of Available services (the form's, else the URL's), or
 * NULL. */
static const char *
search_text(struct req *r)
{
	const char	*q;

	if (form_has(r, "q"))
		return form_text(r, "q", SEARCH_CAP);
	return query_search(r, "q", SEARCH_CAP, &q) < 0 ? NULL : q;
}

/* Available services at this site, filtered by the search text q (here
 * for no-JS; app.js filters as you type). */
static void
fill_avail(struct tpl_dict *d, const struct plan_dialog *m, const char *q)
{
	struct tpl_dict	*s;
	size_t		 i, k = 0;

	for (i = 0; i < m->plan.cat.nsvc; i++) {
		const struct store_service *sv = &m->plan.cat.svc[i];

		if (!sv->available)
			continue;
		s = tpl_section(d, TN_AVAIL);
		tpl_set_int(s, TN_ID, sv->id);
		tpl_set(s, TN_NAME, sv->name);
		tpl_set(s, TN_CATEGORY, sv->category);
		tpl_set(s, TN_DESCRIPTION, sv->description);
		page_set_money(s, TN_RRP, sv->rrp);
		if (q != NULL && *q != '\0' && !contains_ci(sv->name, q) &&
		    !contains_ci(sv->category, q))
			tpl_show(s, TN_HIDDEN);
		else
			k++;
	}
	if (k == 0)
		tpl_show(d, TN_NO_AVAIL);
}

/* A row's contract: fixed for a current row, else a choice. */
static void
fill_contract(struct tpl_dict *s, const struct plan_dialog *m,
    const struct plan_row *row)
{
	const struct store_contract	*con;
	struct tpl_dict			*c, *o;
	size_t				 j;

	if (row->id > 0 && row->cur != NULL) {
		c = tpl_section(s, TN_FIXED_CONTRACT);
		tpl_set(c, TN_REF, row->cur->contract_ref);
		tpl_set_int(c, TN_ID, row->contract_id);
		page_set_date(s, TN_START, row->cur->start);
		return;
	}
	c = tpl_section(s, TN_CHOOSE_CONTRACT);
	con = plan_dialog_contract(m, row->contract_id);
	if (row->contract_id == 0 || con == NULL)
		tpl_show(c, TN_NONE_SELECTED);
	for (j = 0; j < m->ncontracts; j++) {
		o = tpl_section(c, TN_OPT);
		tpl_set_int(o, TN_ID, m->contracts[j].id);
		tpl_set(o, TN_REF, m->contracts[j].reference);
		if (m->contracts[j].id == row->contract_id)
			tpl_show(o, TN_SELECTED);
	}
	if (con != NULL)
		page_set_date(s, TN_START, con->start);
	else
		tpl_set(s, TN_START, "—");
}

/* Row i of the plan. Adds its total to *month: 1, or 0 when it has none
 * (an invalid price or QTY). */
static int
fill_row(struct tpl_dict *d, const struct plan_dialog *m, size_t i,
    int64_t *month)
{
	const struct plan_row	*row = &m->rows[i];
	struct tpl_dict		*s = tpl_section(d, TN_ROW);
	int64_t			 total;
	size_t			 j;
	int			 priced;

	tpl_set_int(s, TN_I, (long long)i);
	tpl_set_int(s, TN_ID, row->id);
	tpl_set_int(s, TN_SERVICE_ID, row->service_id);
	tpl_set(s, TN_NAME, row->svc ? row->svc->name : "Unknown service");
	tpl_set(s, TN_DESCRIPTION, row->svc ? row->svc->description : "");
	if (row->svc != NULL && row->svc->retired)
		tpl_show(s, TN_RETIRED);
	if (row->svc != NULL) {
		page_set_money(s, TN_COST, row->svc->cost);
		page_set_money(s, TN_RRP, row->svc->rrp);
		if (row->svc->cost == 0)
			tpl_show(s, TN_ZERO_COST);
	}
	tpl_set(s, TN_PRICE, row->price_raw);
	tpl_set(s, TN_QTY, row->qty_raw);
	priced = row->price_ok && row->qty_ok &&
	    money_mul(row->price, row->qty, &total) == 0;
	if (priced) {
		page_set_money(s, TN_TOTAL, total);
		*month += total;
	} else
		tpl_set(s, TN_TOTAL, "—");
	fill_contract(s, m, row);
	if (row->bumped)
		tpl_set(tpl_section(s, TN_BUMPED), TN_QTY, row->qty_raw);
	if (row->excl_with != NULL)
		tpl_set(tpl_section(s, TN_EXCLUDED), TN_WITH, row->excl_with);
	if (row->kept != NULL)
		tpl_set(tpl_section(s, TN_KEPT), TN_TEXT, row->kept);
	if (row->nmsgs > 0) {
		tpl_show(s, TN_INVALID);
		for (j = 0; j < row->nmsgs; j++)
			tpl_set(tpl_section(s, TN_MSG), TN_TEXT, row->msgs[j]);
	}
	return priced;
}

/* The current rows removed, each with Undo while it is still there. */
static void
fill_drops(struct tpl_dict *d, const struct plan_dialog *m)
{
	const struct store_occsvc	*c;
	const struct store_service	*sv;
	struct tpl_dict			*s;
	size_t				 i;

	for (i = 0; i < m->ndrops; i++) {
		c = plan_dialog_current(m, m->drops[i]);
		s = tpl_section(d, TN_DROP);
		tpl_set_int(s, TN_ID, m->drops[i]);
		sv = c ? plan_service(&m->plan, c->service_id) : NULL;
		tpl_set(s, TN_NAME, sv ? sv->name :
		    "A service changed meanwhile");
		if (c != NULL)
			tpl_show(s, TN_CAN_RESTORE);
	}
	if (m->ndrops > 0)
		tpl_show(d, TN_HAS_DROPS);
}

/* The rows and the month's total. A total without a row it cannot price
 * would be wrong: it shows as not computed until every row is valid. */
static void
fill_rows(struct tpl_dict *d, const struct plan_dialog *m)
{
	struct tpl_dict	*t;
	int64_t		 month = 0;
	size_t		 i, nbad = 0;

	for (i = 0; i < m->nrows; i++)
		if (!fill_row(d, m, i, &month))
			nbad++;
	if (nbad > 0) {
		t = tpl_section(d, TN_TOTAL_INVALID);
		tpl_set(d, TN_MONTH_TOTAL, "—");
		tpl_set_int(t, TN_NBAD, (long long)nbad);
		tpl_show(t, nbad > 1 ? TN_PLURAL : TN_SINGULAR);
	} else
		page_set_money(d, TN_MONTH_TOTAL, month);
}

/* Fill dictionary d with the dialog (form, rows, messages, totals). */
static void
fill(struct req *r, struct tpl_dict *d, const struct plan_dialog *m,
    const char *notice)
{
	const char	*q = search_text(r);
	size_t		 i;

	/* The plan's prices are in the site's currency (else the
	 * operator's), the fragment app.js asks for included. */
	page_use_site(m->plan.cat.currency, NULL);
	tpl_set(d, TN_CSRF, r->csrf);
	tpl_set_int(d, TN_OCC_ID, m->occ);
	tpl_set_int(d, TN_SITE_ID, m->site);
	tpl_set(d, TN_OCC_NAME, m->o.name);
	tpl_set(d, TN_MANAGE_LABEL, m->ncur == 0 ? "Add services" :
	    "Manage services");
	tpl_set(d, TN_SAVE_LABEL, m->ncur == 0 ? "Add services" : "Save");
	tpl_set_int(d, TN_VERSION, m->version);
	tpl_set(d, TN_Q, q ? q : "");
	if (notice != NULL)
		tpl_set(tpl_section(d, TN_NOTICE), TN_TEXT, notice);
	for (i = 0; i < m->ntop; i++)
		tpl_set(tpl_section(d, TN_TOP_MSG), TN_MSG, m->top[i]);
	if (m->ntop > 0)
		tpl_show(d, TN_HAS_TOP_MSGS);
	fill_avail(d, m, q);
	fill_rows(d, m);
	fill_drops(d, m);
	tpl_show(d, m->nrows == 0 ? TN_NO_ROWS : TN_HAS_ROWS);
	if (m->ncontracts == 0)
		tpl_show(d, TN_NO_CONTRACT);
	svcplan_fill_infra(d, &m->res);
	if (m->errors > 0)
		tpl_show(d, TN_BLOCKED);
	tpl_set(d, TN_CHANGED, m->changed ? "1" : "0");
	tpl_set(d, TN_ZERO_COST_TEXT, svcplan_zero_cost_note);
}

static void
emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* The dialog as a bare fragment, for app.js. */
static void
respond_partial(struct req *r, const struct plan_dialog *m, int status,
    const char *notice)
{
	struct tpl_dict	*d;

	if ((d = tpl_dict_new("manage")) == NULL) {
		http_error(r, 500);
		return;
	}
	arena_defer(r->a, tpl_dict_free, d);
	fill(r, d, m, notice);
	r->body.len = 0;
	if (tpl_render("services_manage.tpl", d, emit, &r->body) == -1) {
		http_error(r, 500);
		return;
	}
	r->status = status;
	r->content_type = "text/html; charset=utf-8";
	r->done = 1;
}

/* The dialog as a page, or (partial) as a bare fragment for app.js. */
static void
respond(struct req *r, const struct plan_dialog *m, int status,
    const char *notice, int partial)
{
	struct tpl_dict			*d;
	struct store_occupier		 o;

	if (partial) {
		respond_partial(r, m, status, notice);
		return;
	}
	if ((d = page_begin(r, m->ncur == 0 ? "Add services" :
	    "Manage services", "services_manage.tpl", "occupiers")) == NULL)
		return;
	if (m->head.found ? !occupier_nav_head(r, d, &m->head, m->site,
	    "services") : !occupier_nav(r, d, m->occ, m->site, "services", &o))
		return;
	tpl_show(d, TN_FULL);
	if (query_has(r, "movein"))	/* the last step of the move-in */
		tpl_show(d, TN_MOVEIN_STEPS);
	fill(r, d, m, notice);
	r->status = status;
	page_end(r);
}

/* billing_lock_check for the save: a change dated in an invoiced month. */
static int
locked(void *r, int64_t site, int32_t from, int32_t to, const char **msg)
{
	return billing_lock_check(r, site, from, to, msg);
}

/* 1 when the form saves: op=save, and no other button pressed. A save
 * reads everything under the plan's lock (ops_plan_save), so it does not
 * read it before as well. */
static int
is_save(struct req *r)
{
	return r->method != M_GET && form_enum(r, "op", save_op) == 0 &&
	    !form_has(r, "add") && !form_has(r, "remove") &&
	    !form_has(r, "restore");
}

/* The operation's answer: the dialog again, a saved plan's tab, or an
 * error page. */
static void
answer(struct req *r, int saving, int rc, const struct plan_out *out,
    int partial, const char *restored)
{
	if (rc < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0 && saving && out->unchanged) {
		http_redirect(r, arena_printf(r->a, "/occupiers/%lld/sites/%lld/"
		    "services?done=nothing_saved", (long long)r->ids[0],
		    (long long)r->ids[1]));
		return;
	}
	if (rc > 0 && saving) {
		http_redirect(r, out->needs_case ? arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/services?done=saved_case"
		    "&case=%lld", (long long)r->ids[0], (long long)r->ids[1],
		    (long long)out->needs_case) : arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/services?done=services_saved",
		    (long long)r->ids[0], (long long)r->ids[1]));
		return;
	}
	if (rc == 0 && page_refused_bare(r, &out->why))
		return;
	respond(r, out->dlg, rc > 0 ? 200 : ops_status(out->why.why),
	    rc == 0 && out->why.why == OPS_CONFLICT && out->why.n > 0 ?
	    out->why.m[0].text : restored, partial);
}

void
page_services_manage(struct req *r)
{
	struct ops_ctx		 c;
	struct plan_form	 f;
	struct plan_in		 in;
	struct plan_out		 out;
	struct kvlist		 draft;
	const char		*restored = NULL;
	int			 saving = is_save(r), rc;

	if (r->ids[1] <= 0) {
		http_error(r, 404);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.occ = r->ids[0];
	in.site = r->ids[1];
	if ((rc = page_draft_take(r, &draft)) < 0)
		return;
	if (rc > 0) {
		/* The dialog as it was posted when the session ended: shown
		 * again, recalculated, never saved without the user. */
		r->form = draft;
		restored = "Your changes from before you were signed out are "
		    "back. Nothing is saved yet: check them and save.";
	}
	if (r->method != M_GET || restored != NULL) {
		in.unreadable = form_parse(r, &f) < 0;
		in.form = &f;
	}
	page_ops_ctx(r, &c);
	if (saving) {
		in.locked = locked;
		in.locked_arg = r;
		rc = ops_plan_save(&c, &in, &out);
	} else
		rc = ops_plan_open(&c, &in, &out);
	answer(r, saving, rc, &out, r->method == M_GET ?
	    query_has(r, "partial") : form_has(r, "partial"), restored);
}
