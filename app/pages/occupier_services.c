/*
 * occupier_services: the Services tab (seed: "Occupier Services page"):
 * the two header filters (in the URL, combinable, working without
 * JavaScript), the services with cost, RRP, price, QTY and total, and the
 * Provisioned infrastructure row.
 */
#include <stdio.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/status.h"
#include "../ops/plan.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

/* What the tab shows: the plan of occupier occ at site, every row. */
struct tab {
	struct ops_ctx		 c;
	int64_t			 occ, site;
	int			 self;		/* the occupier's own view */
	struct plan		 plan;
	struct store_occsvc	*os;
	size_t			 n;
	enum contract_filter	 cf;
	enum service_filter	 sf;
};

static const char *
badge_class(unsigned st)
{
	if (st & ST_INACTIVE)
		return "inactive";
	return (st & ST_ACTIVE) ? "active" : "scheduled";
}

void
page_occupier_services(struct req *r)
{
	occupier_services_show(r, r->ids[0], r->ids[1], 0);
}

/* The plan and the header: the occupier's own (my_nav checks the site),
 * or the operator's, whose header comes with the plan in one round trip
 * (every part of that statement is scoped to the operator: a 404 unless
 * occupier and site are its own). 1, or 0 with the response made. */
static int
tab_read(struct req *r, struct tpl_dict *d, struct tab *t)
{
	struct store_plan_head	 head;

	page_ops_ctx(r, &t->c);
	if (t->self && !my_nav(r, d, t->site, "services"))
		return 0;
	if (plan_read(&t->c.t, t->occ, t->site, &t->plan, &t->os, &t->n,
	    t->self ? NULL : &head) < 0) {
		page_store_error(r);
		return 0;
	}
	if (t->self) {
		tpl_set(d, TN_BASE, arena_printf(r->a, "/my/sites/%lld",
		    (long long)t->site));
		return 1;
	}
	if (!occupier_nav_head(r, d, &head, t->site, "services"))
		return 0;
	t->occ = head.o.id;
	tpl_set(d, TN_BASE, arena_printf(r->a, "/occupiers/%lld/sites/%lld",
	    (long long)t->occ, (long long)t->site));
	tpl_show(d, TN_CAN_MANAGE);
	tpl_show(d, TN_SHOW_COST);
	return 1;
}

/* The two header filters, the selected one marked. */
static void
fill_filters(struct tpl_dict *d, const struct tab *t)
{
	struct tpl_dict	*opt;
	int		 k;

	for (k = 0; k < CF__MAX; k++) {
		opt = tpl_section(d, TN_CF_OPT);
		tpl_set(opt, TN_KEY, contract_filter_keys[k]);
		tpl_set(opt, TN_LABEL, contract_filter_labels[k]);
		if (k == (int)t->cf)
			tpl_show(opt, TN_SELECTED);
	}
	for (k = 0; k < SF__MAX; k++) {
		opt = tpl_section(d, TN_SF_OPT);
		tpl_set(opt, TN_KEY, service_filter_keys[k]);
		tpl_set(opt, TN_LABEL, service_filter_labels[k]);
		if (k == (int)t->sf)
			tpl_show(opt, TN_SELECTED);
	}
}

/* Row os of service s, with its statuses on the day. Returns 1 when its
 * cost 0.00 note is shown. */
static int
fill_row(struct req *r, struct tpl_dict *d, const struct tab *t,
    const struct store_occsvc *os, const struct store_service *s,
    unsigned cst, unsigned sst)
{
	struct tpl_dict	*row = tpl_section(d, TN_ROW);
	int64_t		 total;

	tpl_set(row, TN_NAME, s->name);
	tpl_set(row, TN_DESCRIPTION, s->description);
	if (s->retired)
		tpl_show(row, TN_RETIRED);
	tpl_set(row, TN_CONTRACT, os->contract_ref);
	tpl_set(row, TN_CONTRACT_STATUS, status_label(cst));
	page_set_date(row, TN_START, os->start);
	if (os->activated != DATE_NONE)
		page_set_date(row, TN_ACTIVATED, os->activated);
	else
		tpl_show(row, TN_NOT_ACTIVATED);
	if (!t->self) {
		/* The operator's cost and the RRP: never to the occupier. */
		page_set_money(row, TN_COST, s->cost);
		page_set_money(row, TN_RRP, s->rrp);
	}
	page_set_money(row, TN_PRICE, os->price);
	tpl_set_int(row, TN_QTY, os->qty);
	if (money_mul(os->price, os->qty, &total) == 0)
		page_set_money(row, TN_TOTAL, total);
	tpl_set(row, TN_STATUS, status_label(sst));
	tpl_set(row, TN_STATUS_CLASS, badge_class(sst));
	if (!t->self)
		tpl_show(row, TN_SHOW_COST);
	if (sst & ST_SCHEDULED && !(os->start > r->today))
		tpl_show(row, TN_AWAITING_ACTIVATION);
	if (os->ended != DATE_NONE)
		page_set_date(tpl_section(row, TN_ENDED), TN_DAY, os->ended);
	if (s->cost == 0 && !t->self) {
		tpl_show(row, TN_ZERO_COST);
		return 1;
	}
	return 0;
}

/* The rows the filters let through, the empty state, the cost note. */
static void
fill_rows(struct req *r, struct tpl_dict *d, const struct tab *t)
{
	const struct store_service	*s;
	size_t				 i, shown = 0;
	unsigned			 cst, sst;
	int				 zero_cost = 0;

	for (i = 0; i < t->n; i++) {
		if ((s = plan_service(&t->plan, t->os[i].service_id)) == NULL)
			continue;
		cst = contract_status(t->os[i].contract_start,
		    t->os[i].contract_end, r->today);
		sst = service_status(t->os[i].start, t->os[i].activated,
		    t->os[i].ended, r->today);
		if (!status_filter_match(t->cf, t->sf, cst, sst))
			continue;
		shown++;
		zero_cost |= fill_row(r, d, t, &t->os[i], s, cst, sst);
	}
	tpl_show(d, shown > 0 ? TN_HAS_ROWS : TN_EMPTY);
	if (t->cf != CF_ALL || t->sf != SF_ALL)
		tpl_show(d, TN_FILTERED);
	if (zero_cost) {
		tpl_show(d, TN_ZERO_COST_NOTE);
		tpl_set(d, TN_ZERO_COST_TEXT, svcplan_zero_cost_note);
	}
}

/* After saving an IVR or a Conference bridge (?case=SERVICE): a case is
 * needed, with a link that raises it. */
static void
fill_case(struct req *r, struct tpl_dict *d, const struct tab *t)
{
	const struct store_service	*s;
	struct tpl_dict			*c;
	const char			*subject;
	int64_t				 id;

	if (t->self || query_id(r, "case", &id) != 1 ||
	    (s = plan_service(&t->plan, id)) == NULL || !s->needs_case)
		return;
	subject = svc_category_parse(s->category) == CAT_CONFERENCE ?
	    "Conference bridge number and user details" : "IVR configuration";
	c = tpl_section(d, TN_CASE_NEEDED);
	tpl_set(c, TN_SERVICE, s->name);
	tpl_set(c, TN_HREF, arena_printf(r->a, "/cases/new?occupier=%lld"
	    "&site=%lld&service=%lld&subject=%s", (long long)t->occ,
	    (long long)t->site, (long long)s->id,
	    parse_urlencode(r->a, subject)));
}

/*
 * The operator's tab (self 0: occupier occ from the URL, checked with the
 * plan) or the occupier's own read-only view (self 1: occ is the
 * signed-in user's occupier, site checked by my_nav). The occupier never
 * sees the operator's cost or the Manage services button.
 */
void
occupier_services_show(struct req *r, int64_t occ, int64_t site, int self)
{
	struct tpl_dict		*d;
	struct tab		*t;
	struct rules_result	*res;
	size_t			 i, nlines;
	int64_t			 total, month = 0;

	t = arena_calloc(r->a, 1, sizeof(*t));
	res = arena_calloc(r->a, 1, sizeof(*res));
	t->occ = occ;
	t->site = site;
	t->self = self;
	t->cf = contract_filter_parse(query_text(r, "contract", 32));
	t->sf = service_filter_parse(query_text(r, "service", 32));
	if ((d = page_begin(r, "Services", "occupier_services.tpl",
	    self ? "my" : "occupiers")) == NULL || !tab_read(r, d, t))
		return;
	fill_filters(d, t);
	nlines = plan_check_current(&t->c.t, &t->plan, t->os, t->n, res);
	for (i = 0; i < t->n; i++)
		if ((t->os[i].ended == DATE_NONE ||
		    t->os[i].ended > r->today) &&
		    money_mul(t->os[i].price, t->os[i].qty, &total) == 0)
			month += total;
	svcplan_fill_infra(d, res);
	fill_rows(r, d, t);
	page_set_money(d, TN_MONTH_TOTAL, month);
	fill_case(r, d, t);
	/* "Add services" when nothing is active or scheduled, else "Manage". */
	tpl_set(d, TN_MANAGE_LABEL, nlines == 0 ? "Add services" :
	    "Manage services");
	page_set_date(d, TN_TODAY, r->today);
	page_end(r);
}
