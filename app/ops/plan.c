/*
 * ops/plan: see plan.h. The dialog's save is in plan_save.c.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/planform.h"
#include "../domain/status.h"
#include "plan.h"
#include "plan_int.h"

/* ---- the bridge to the rules engine ---- */

/* The rules engine's kind of a stored rule, or RULE__MAX (not enforced). */
static enum rule_kind
rule_kind_of(const char *kind)
{
	int	 k;

	for (k = 0; k < RULE__MAX; k++)
		if (strcmp(kind, rule_kind_names[k]) == 0)
			return (enum rule_kind)k;
	return RULE__MAX;
}

/* The rules engine's view of p->cat. */
static void
plan_build(struct arena *a, struct plan *p)
{
	size_t	 i, k;

	p->rsvc = arena_calloc(a, p->cat.nsvc, sizeof(*p->rsvc));
	for (i = 0; i < p->cat.nsvc; i++) {
		p->rsvc[i].id = p->cat.svc[i].id;
		p->rsvc[i].name = p->cat.svc[i].name;
		p->rsvc[i].category =
		    svc_category_parse(p->cat.svc[i].category);
		for (k = 0; k < INFRA__MAX; k++)
			p->rsvc[i].entitle[k] = p->cat.svc[i].ent[k];
	}
	p->rrules = arena_calloc(a, p->cat.nrules, sizeof(*p->rrules));
	for (i = k = 0; i < p->cat.nrules; i++) {
		const struct store_rule	*s = &p->cat.rules[i];
		struct rules_rule	*u = &p->rrules[k];

		if ((u->kind = rule_kind_of(s->kind)) == RULE__MAX)
			continue;	/* unknown kinds are not enforced */
		u->service_id = s->service_id;
		u->other_id = s->other_id;
		u->other_cat = svc_category_parse(s->other_category);
		u->qty_le = s->qty_le;
		u->max = s->max_qty;
		if (u->kind == RULE_REQUIRES && u->other_id == 0 &&
		    u->other_cat == CAT__MAX)
			continue;	/* malformed row: nothing to require */
		k++;
	}
	p->rc.services = p->rsvc;
	p->rc.nservices = p->cat.nsvc;
	p->rc.rules = p->rrules;
	p->rc.nrules = k;
}

int
plan_load(const struct txn *t, int64_t occ, int64_t site, struct plan *p,
    struct store_contract **contracts, size_t *ncontracts)
{
	memset(p, 0, sizeof(*p));
	if (store_plan_context(t->a, t->operator_id, occ, site, &p->cat,
	    p->state.in_use, contracts, ncontracts, &p->ips_held) < 0)
		return -1;
	plan_build(t->a, p);
	return 1;
}

int
plan_read(const struct txn *t, int64_t occ, int64_t site, struct plan *p,
    struct store_occsvc **os, size_t *n, struct store_plan_head *head)
{
	memset(p, 0, sizeof(*p));
	if (store_plan_read(t->a, t->operator_id, occ, site, &p->cat,
	    p->state.in_use, os, n, &p->version, head) < 0)
		return -1;
	plan_build(t->a, p);
	return 1;
}

const struct store_service *
plan_service(const struct plan *p, int64_t id)
{
	size_t	 i;

	for (i = 0; i < p->cat.nsvc; i++)
		if (p->cat.svc[i].id == id)
			return &p->cat.svc[i];
	return NULL;
}

size_t
plan_check(const struct plan *p, const struct rules_line *lines, size_t n,
    struct rules_result *res)
{
	return rules_check_plan(&p->rc, &p->state, lines, n, res);
}

size_t
plan_check_current(const struct txn *t, const struct plan *p,
    const struct store_occsvc *os, size_t n, struct rules_result *res)
{
	struct rules_line	*lines;
	size_t			 i, nl = 0;

	lines = arena_calloc(t->a, n ? n : 1, sizeof(*lines));
	for (i = 0; i < n; i++) {
		if (os[i].ended != DATE_NONE && os[i].ended <= t->day)
			continue;
		lines[nl].service_id = os[i].service_id;
		lines[nl].qty = os[i].qty;
		nl++;
	}
	plan_check(p, lines, nl, res);
	return nl;
}

int
plan_provisioned(const struct txn *t, int64_t occ, int64_t site,
    struct rules_result *res)
{
	struct plan		 p;
	struct store_occsvc	*os;
	size_t			 n;

	if (plan_read(t, occ, site, &p, &os, &n, NULL) < 0)
		return -1;
	plan_check_current(t, &p, os, n, res);
	return 1;
}

/* ---- the dialog: its plan ---- */

const struct store_occsvc *
plan_dialog_current(const struct plan_dialog *d, int64_t id)
{
	size_t	 i;

	for (i = 0; i < d->ncur; i++)
		if (d->cur[i].id == id)
			return &d->cur[i];
	return NULL;
}

const struct store_contract *
plan_dialog_contract(const struct plan_dialog *d, int64_t id)
{
	size_t	 i;

	for (i = 0; i < d->ncontracts; i++)
		if (d->contracts[i].id == id)
			return &d->contracts[i];
	return NULL;
}

struct plan_dialog *
plan_dlg_new(const struct txn *t, const struct plan_in *in)
{
	struct plan_dialog	*d;

	d = arena_calloc(t->a, 1, sizeof(*d));
	d->occ = in->occ;
	d->site = in->site;
	return d;
}

/* The contracts a new row may be charged against: not inactive. */
static void
contracts_keep(const struct txn *t, struct plan_dialog *d,
    const struct store_contract *c, size_t n)
{
	size_t	 i;

	d->contracts = arena_calloc(t->a, n, sizeof(*d->contracts));
	d->ncontracts = 0;
	for (i = 0; i < n; i++)
		if (!(contract_status(c[i].start, c[i].end, t->day) &
		    ST_INACTIVE))
			d->contracts[d->ncontracts++] = c[i];
}

/* 1 when d's site is one of the operator's (its cached site list). */
static int
site_known(const struct txn *t, const struct plan_dialog *d)
{
	const struct store_site	*sites;
	size_t			 ns, k;

	if (store_site_names(t->a, t->operator_id, d->head.sites_version,
	    &sites, &ns) < 0)
		return -1;
	for (k = 0; k < ns && sites[k].id != d->site; k++)
		;
	return k < ns;
}

int
plan_dlg_read(const struct txn *t, struct plan_dialog *d)
{
	struct store_contract	*c;
	size_t			 n, i;
	int			 rc;

	/* The occupier, the version and the current rows kept, from one
	 * snapshot (every part scoped to the operator), and the site checked
	 * against the operator's site list. */
	if (plan_read(t, d->occ, d->site, &d->plan, &d->cur, &d->ncur,
	    &d->head) < 0)
		return -1;
	if (!d->head.found)
		return 0;
	if ((rc = site_known(t, d)) <= 0)
		return rc;
	d->o = d->head.o;
	d->version = d->plan.version;
	for (i = n = 0; i < d->ncur; i++)
		if (d->cur[i].ended == DATE_NONE)
			d->cur[n++] = d->cur[i];
	d->ncur = n;
	if (store_contract_list(t->a, t->operator_id, d->occ, d->site, &c,
	    &n) < 0)
		return -1;
	contracts_keep(t, d, c, n);
	return 1;
}

int
plan_dlg_lock(const struct txn *t, struct plan_dialog *d)
{
	struct store_contract	*c;
	size_t			 n;
	int			 rc;

	/* Under the plan's lock: the current rows, locked too, then what
	 * they are checked against. */
	if ((rc = store_plan_lock(t->a, t->operator_id, d->occ, d->site,
	    &d->version, &d->cur, &d->ncur)) <= 0)
		return rc;
	if (plan_load(t, d->occ, d->site, &d->plan, &c, &n) < 0)
		return -1;
	contracts_keep(t, d, c, n);
	return 1;
}

/* ---- the dialog: its rows ---- */

/* A row as current row c is stored. */
static void
row_of_current(const struct txn *t, struct plan_row *row,
    const struct store_occsvc *c)
{
	char	 b[MONEY_STRLEN];

	memset(row, 0, sizeof(*row));
	row->id = c->id;
	row->service_id = c->service_id;
	row->contract_id = c->contract_id;
	row->price = c->price;
	money_format(c->price, b, sizeof(b));
	row->price_raw = arena_strdup(t->a, b);
	row->qty = c->qty;
	row->qty_raw = arena_printf(t->a, "%lld", (long long)c->qty);
}

void
plan_rows_current(const struct txn *t, struct plan_dialog *d)
{
	size_t	 i;

	d->nrows = 0;
	d->ndrops = 0;
	for (i = 0; i < d->ncur && i < PLAN_ROWS_MAX; i++) {
		struct plan_row *row = &d->rows[d->nrows++];

		row_of_current(t, row, &d->cur[i]);
		row->price_ok = row->qty_ok = 1;
	}
}

void
plan_rows_form(struct plan_dialog *d, const struct plan_form *f)
{
	size_t	 i;

	d->nrows = 0;
	for (i = 0; i < f->nrows; i++) {
		struct plan_row *row = &d->rows[d->nrows++];

		memset(row, 0, sizeof(*row));
		row->id = f->rows[i].id;
		row->service_id = f->rows[i].service_id;
		row->contract_id = f->rows[i].contract_id;
		row->price_raw = f->rows[i].price ? f->rows[i].price : "";
		row->qty_raw = f->rows[i].qty ? f->rows[i].qty : "";
	}
	for (i = 0; i < f->ndrops; i++)
		d->drops[i] = f->drops[i];
	d->ndrops = f->ndrops;
}

int
plan_form_readable(const struct txn *t, const struct plan_form *f)
{
	int64_t	*ids;
	size_t	 i;

	if (f->nrows > PLAN_ROWS_MAX || f->ndrops > PLAN_ROWS_MAX)
		return 0;
	ids = arena_calloc(t->a, f->nrows ? f->nrows : 1, sizeof(*ids));
	for (i = 0; i < f->nrows; i++) {
		if (f->rows[i].id < 0 || f->rows[i].service_id <= 0 ||
		    f->rows[i].contract_id < 0)
			return 0;
		ids[i] = f->rows[i].id;
	}
	return planform_ids_distinct(ids, f->nrows, f->drops, f->ndrops);
}

int
plan_form_names(const struct txn *t, const struct plan_dialog *d)
{
	int64_t	*rows, *cur;
	size_t	 i;

	rows = arena_calloc(t->a, d->nrows + 1, sizeof(*rows));
	cur = arena_calloc(t->a, d->ncur + 1, sizeof(*cur));
	for (i = 0; i < d->nrows; i++)
		rows[i] = d->rows[i].id;
	for (i = 0; i < d->ncur; i++)
		cur[i] = d->cur[i].id;
	return planform_names_plan(rows, d->nrows, d->drops, d->ndrops, cur,
	    d->ncur);
}

static void
row_msg(struct plan_dialog *d, struct plan_row *row, const char *msg)
{
	if (row->nmsgs < PLAN_MSGS_MAX)
		row->msgs[row->nmsgs++] = msg;
	d->errors++;
}

void
plan_top_msg(struct plan_dialog *d, const char *msg)
{
	if (d->ntop < PLAN_MSGS_MAX)
		d->top[d->ntop++] = msg;
	d->errors++;
}

/* A service already on the plan is added once more: the QTY of its last
 * row goes up by one (flagged), and 1 is returned. 0: no such row whose
 * QTY could go up. */
static int
row_bump(const struct txn *t, struct plan_dialog *d, int64_t sid)
{
	struct plan_row	*row;
	int64_t		 qty;
	size_t		 i;

	for (i = d->nrows; i > 0; i--) {
		row = &d->rows[i - 1];
		if (row->service_id != sid)
			continue;
		if (planform_qty(row->qty_raw, &qty) != 0 ||
		    planform_qty(arena_printf(t->a, "%lld", (long long)qty + 1),
		    &qty) != 0)
			return 0;
		row->qty_raw = arena_printf(t->a, "%lld", (long long)qty);
		row->bumped = 1;
		return 1;
	}
	return 0;
}

/* Append a row for service id (the arrow in Available services), or raise
 * the QTY of the row that already holds it. */
static void
row_add(const struct txn *t, struct plan_dialog *d, int64_t sid)
{
	const struct store_service	*s;
	struct plan_row			*row;
	char				 b[MONEY_STRLEN];

	s = plan_service(&d->plan, sid);
	if (s == NULL || !s->available) {
		plan_top_msg(d, "That service is not available at this site.");
		return;
	}
	if (row_bump(t, d, sid))
		return;
	if (d->nrows == PLAN_ROWS_MAX) {
		plan_top_msg(d, "A plan holds 200 rows at most.");
		return;
	}
	row = &d->rows[d->nrows++];
	memset(row, 0, sizeof(*row));
	row->service_id = sid;
	/* Seed: "If there is only one contract, it will be selected". */
	if (d->ncontracts == 1)
		row->contract_id = d->contracts[0].id;
	money_format(s->rrp, b, sizeof(b));	/* price defaults to RRP */
	row->price_raw = arena_strdup(t->a, b);
	row->qty_raw = "1";
}

/* Remove row idx (the X): a current row is kept as a drop, removed on
 * save, and the form still names it. */
static void
row_remove(struct plan_dialog *d, int64_t idx)
{
	size_t	 i;

	if (idx < 0 || (uint64_t)idx >= d->nrows)
		return;
	i = (size_t)idx;
	if (d->rows[i].id > 0 && d->ndrops < PLAN_ROWS_MAX)
		d->drops[d->ndrops++] = d->rows[i].id;
	memmove(&d->rows[i], &d->rows[i + 1],
	    (d->nrows - i - 1) * sizeof(d->rows[0]));
	d->nrows--;
}

/* Bring current row id back from the drops, as it is stored. */
static void
row_restore(const struct txn *t, struct plan_dialog *d, int64_t id)
{
	const struct store_occsvc	*c;
	size_t				 i;

	for (i = 0; i < d->ndrops && d->drops[i] != id; i++)
		;
	if (i == d->ndrops || (c = plan_dialog_current(d, id)) == NULL ||
	    d->nrows == PLAN_ROWS_MAX)
		return;
	d->drops[i] = d->drops[--d->ndrops];
	row_of_current(t, &d->rows[d->nrows++], c);
}

static void
apply_action(const struct txn *t, struct plan_dialog *d,
    const struct plan_form *f)
{
	switch (f->action) {
	case PLAN_ADD:
		row_add(t, d, f->arg);
		break;
	case PLAN_REMOVE:
		row_remove(d, f->arg);
		break;
	case PLAN_RESTORE:
		row_restore(t, d, f->arg);
		break;
	default:
		break;
	}
}

/* ---- the dialog: its checks ---- */

/* Check one row on its own. 1 when it goes to the rules (a service of the
 * catalog), else 0. */
static int
row_check(const struct txn *t, struct plan_dialog *d, struct plan_row *row)
{
	row->nmsgs = 0;
	if (row->id > 0) {
		/* Existing rows keep their service and contract. */
		if ((row->cur = plan_dialog_current(d, row->id)) == NULL) {
			row_msg(d, row, "This service was changed or removed "
			    "meanwhile: reload the dialog.");
			return 0;
		}
		row->service_id = row->cur->service_id;
		row->contract_id = row->cur->contract_id;
	}
	if ((row->svc = plan_service(&d->plan, row->service_id)) == NULL) {
		row_msg(d, row, "This service is not in the catalog.");
		return 0;
	}
	if (row->id == 0 && !row->svc->available)
		row_msg(d, row, arena_printf(t->a, "%s is not available at "
		    "this site.", row->svc->name));
	if (row->id == 0 && (row->contract_id == 0 ||
	    plan_dialog_contract(d, row->contract_id) == NULL))
		row_msg(d, row, "Select the contract to charge this service "
		    "against.");
	/* As typed: the operator's currency symbol (or code) and thousands
	 * separators are fine ("£1,250.00"). */
	row->price_ok = planform_price(row->price_raw, d->plan.cat.currency,
	    &row->price) == 0;
	if (!row->price_ok)
		row_msg(d, row, "Price must be an amount such as 12.50 (0.00 "
		    "or more).");
	row->qty_ok = planform_qty(row->qty_raw, &row->qty) == 0;
	if (!row->qty_ok)
		row_msg(d, row, "QTY must be a whole number from 1 to 9999.");
	if (row->price_ok && row->qty_ok &&
	    !planform_total_ok(row->price, row->qty)) {
		row_msg(d, row, "Price × QTY is too large.");
		row->price_ok = 0;
	}
	return 1;
}

/* The line a violation is shown at: a quantity limit at the row whose QTY
 * takes the service's total over it (the row that broke it), anything else
 * where the rules engine reports it. */
static size_t
violation_line(const struct plan_dialog *d, const struct rules_line *lines,
    size_t nl, const struct rules_violation *v)
{
	const struct rules_catalog	*rc = &d->plan.rc;
	int64_t				 max = -1, sum = 0;
	size_t				 i;

	if (v->kind != RV_MAX_QTY)
		return v->line;
	for (i = 0; i < rc->nrules; i++)
		if (rc->rules[i].kind == RULE_MAX_QTY &&
		    rc->rules[i].service_id == v->service_id &&
		    (max < 0 || rc->rules[i].max < max))
			max = rc->rules[i].max;
	for (i = 0; max >= 0 && i < nl; i++) {
		if (lines[i].service_id != v->service_id)
			continue;
		if ((sum += lines[i].qty) > max)
			return i;
	}
	return v->line;
}

/* An exclusion names both services: the other one's rows are marked too
 * (the message stays at the row it is reported at). */
static void
mark_excluded(struct plan_dialog *d, const struct rules_line *lines,
    const size_t *line_row, size_t nl, const struct rules_violation *v)
{
	const struct store_service	*sv = plan_service(&d->plan,
					    v->service_id);
	size_t				 i;

	for (i = 0; i < nl; i++)
		if (lines[i].service_id == v->other_id && i != v->line)
			d->rows[line_row[i]].excl_with = sv ? sv->name :
			    "another service";
}

/* 1 when the dialog's plan differs from the stored one: a row added or
 * removed, or a price or QTY changed. */
static int
plan_changed(const struct plan_dialog *d)
{
	const struct plan_row	*row;
	size_t			 i;

	if (d->ndrops > 0 || d->nrows != d->ncur)
		return 1;
	for (i = 0; i < d->nrows; i++) {
		row = &d->rows[i];
		if (row->id == 0 || row->cur == NULL || !row->price_ok ||
		    !row->qty_ok || row->price != row->cur->price ||
		    row->qty != row->cur->qty)
			return 1;
	}
	return 0;
}

void
plan_evaluate(const struct txn *t, struct plan_dialog *d)
{
	struct rules_result	*before = NULL;
	struct rules_line	*lines;
	size_t			*line_row, nl = 0, i, j;

	lines = arena_calloc(t->a, d->nrows ? d->nrows : 1, sizeof(*lines));
	line_row = arena_calloc(t->a, d->nrows ? d->nrows : 1,
	    sizeof(*line_row));
	for (i = 0; i < d->nrows; i++) {
		if (!row_check(t, d, &d->rows[i]))
			continue;
		/* Rules see every row of a known service (qty 1 if unreadable,
		 * so one typo does not hide the other problems). */
		lines[nl].service_id = d->rows[i].service_id;
		lines[nl].qty = d->rows[i].qty_ok ? d->rows[i].qty : 1;
		line_row[nl++] = i;
	}
	plan_check(&d->plan, lines, nl, &d->res);
	if (d->res.nv > 0) {
		/* What the plan as saved breaks (a rule added since). */
		before = arena_calloc(t->a, 1, sizeof(*before));
		plan_check_current(t, &d->plan, d->cur, d->ncur, before);
	}
	for (j = 0; j < d->res.nv; j++) {
		const struct rules_violation *v = &d->res.v[j];

		if (v->line < nl && rules_violation_kept(before, v)) {
			d->rows[line_row[violation_line(d, lines, nl,
			    v)]].kept = arena_printf(t->a, "%s: saved so "
			    "before this rule, it may stay so or come down, "
			    "never go further.", v->msg);
			continue;
		}
		if (v->line == RULES_NO_LINE || v->line >= nl)
			plan_top_msg(d, v->msg);
		else
			row_msg(d, &d->rows[line_row[violation_line(d, lines,
			    nl, v)]], arena_strdup(t->a, v->msg));
		if (v->kind == RV_EXCLUDES && v->line < nl)
			mark_excluded(d, lines, line_row, nl, v);
	}
	if (d->res.nv_total > d->res.nv)
		plan_top_msg(d, "More problems exist; fix these first.");
	if (d->ncontracts == 0 && d->nrows > 0)
		d->errors++;
	d->changed = plan_changed(d);
}

/* ---- reading the dialog ---- */

const char plan_unreadable_msg[] = "The services form could not be read.";

int
ops_plan_open(struct ops_ctx *c, const struct plan_in *in,
    struct plan_out *out)
{
	struct plan_dialog	*d;
	int			 rc;

	memset(out, 0, sizeof(*out));
	d = plan_dlg_new(&c->t, in);
	if ((rc = plan_dlg_read(&c->t, d)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_NOT_FOUND, NULL,
		    NULL);
	if (in->unreadable || (in->form != NULL &&
	    !plan_form_readable(&c->t, in->form)))
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL,
		    plan_unreadable_msg);
	if (in->form == NULL)
		plan_rows_current(&c->t, d);
	else {
		plan_rows_form(d, in->form);
		apply_action(&c->t, d, in->form);
		/* The form keeps the version it started from, not the
		 * latest. */
		d->version = in->form->version;
	}
	plan_evaluate(&c->t, d);
	out->dlg = d;
	return 1;
}

int
plan_occupier(const struct txn *t, int64_t occ, int64_t site,
    struct store_occupier *o)
{
	const struct store_site	*st;
	size_t			 nst;
	int			 rc;

	if ((rc = store_occupier_sites(t->a, t->operator_id, occ, site, o, &st,
	    &nst)) < 0)
		return -1;
	return rc > 0 && nst > 0;
}

int
plan_unreadable(struct ops_ctx *c, const struct plan_in *in,
    struct plan_out *out)
{
	struct store_occupier	 o;
	int			 rc;

	/* A foreign id is a 404 whatever the form holds. */
	if ((rc = plan_occupier(&c->t, in->occ, in->site, &o)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_NOT_FOUND, NULL,
		    NULL);
	return ops_refuse(&out->why, OPS_BAD_FORM, NULL, plan_unreadable_msg);
}
