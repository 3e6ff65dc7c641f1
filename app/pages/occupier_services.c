/*
 * occupier_services: the Services tab (seed: "Occupier Services page"):
 * the two header filters (in the URL, combinable, working without
 * JavaScript), the services with cost, RRP, price, QTY and total, and the
 * Provisioned infrastructure row.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../domain/date.h"
#include "../domain/money.h"
#include "../domain/status.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

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

/*
 * The operator's tab (self 0: occupier occ from the URL, checked by
 * occupier_nav) or the occupier's own read-only view (self 1: occ is the
 * signed-in user's occupier, site checked by my_nav). The occupier never
 * sees the operator's cost or the Manage services button.
 */
void
occupier_services_show(struct req *r, int64_t occ, int64_t site, int self)
{
	struct tpl_dict			*d, *row, *opt;
	struct store_occupier		 o;
	struct store_plan_head		 head;
	struct store_occsvc		*os;
	const struct store_service	*s;
	struct svcplan			 plan;
	struct rules_result		 res;
	enum contract_filter		 cf;
	enum service_filter		 sf;
	size_t				 n, i, nlines, shown = 0;
	unsigned			 cst, sst;
	int64_t				 total, month = 0;
	int				 zero_cost = 0, k;
	const char			*cs;

	cf = contract_filter_parse(kv_get(&r->query, "contract"));
	sf = service_filter_parse(kv_get(&r->query, "service"));
	if ((d = page_begin(r, "Services", "occupier_services.tpl",
	    self ? "my" : "occupiers")) == NULL)
		return;
	if (self) {
		if (!my_nav(r, d, site, "services"))
			return;
		if (svcplan_read(r, occ, site, &plan, &os, &n, NULL) < 0) {
			page_store_error(r);
			return;
		}
		o.id = occ;
		tpl_set(d, TN_BASE, arena_printf(r->a, "/my/sites/%lld",
		    (long long)site));
	} else {
		/* The header comes with the plan, in one round trip; every
		 * part of that statement is scoped to the operator, and the
		 * page is a 404 unless occupier and site are its own. */
		if (svcplan_read(r, occ, site, &plan, &os, &n, &head) < 0) {
			page_store_error(r);
			return;
		}
		if (!occupier_nav_head(r, d, &head, site, "services"))
			return;
		o = head.o;
		tpl_set(d, TN_BASE, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld", (long long)o.id,
		    (long long)site));
		tpl_show(d, TN_CAN_MANAGE);
		tpl_show(d, TN_SHOW_COST);
	}
	for (k = 0; k < CF__MAX; k++) {
		opt = tpl_section(d, TN_CF_OPT);
		tpl_set(opt, TN_KEY, contract_filter_keys[k]);
		tpl_set(opt, TN_LABEL, contract_filter_labels[k]);
		if (k == (int)cf)
			tpl_show(opt, TN_SELECTED);
	}
	for (k = 0; k < SF__MAX; k++) {
		opt = tpl_section(d, TN_SF_OPT);
		tpl_set(opt, TN_KEY, service_filter_keys[k]);
		tpl_set(opt, TN_LABEL, service_filter_labels[k]);
		if (k == (int)sf)
			tpl_show(opt, TN_SELECTED);
	}
	nlines = svcplan_check_current(r, &plan, os, n, &res);
	for (i = 0; i < n; i++)
		if ((os[i].ended == DATE_NONE || os[i].ended > r->today) &&
		    money_mul(os[i].price, os[i].qty, &total) == 0)
			month += total;
	svcplan_fill_infra(d, &res);
	for (i = 0; i < n; i++) {
		if ((s = svcplan_service(&plan, os[i].service_id)) == NULL)
			continue;
		cst = contract_status(os[i].contract_start, os[i].contract_end,
		    r->today);
		sst = service_status(os[i].start, os[i].activated, os[i].ended,
		    r->today);
		if (!status_filter_match(cf, sf, cst, sst))
			continue;
		shown++;
		row = tpl_section(d, TN_ROW);
		tpl_set(row, TN_NAME, s->name);
		tpl_set(row, TN_DESCRIPTION, s->description);
		tpl_set(row, TN_CONTRACT, os[i].contract_ref);
		tpl_set(row, TN_CONTRACT_STATUS, status_label(cst));
		page_set_date(row, TN_START, os[i].start);
		page_set_money(row, TN_COST, s->cost);
		page_set_money(row, TN_RRP, s->rrp);
		page_set_money(row, TN_PRICE, os[i].price);
		tpl_set_int(row, TN_QTY, os[i].qty);
		if (money_mul(os[i].price, os[i].qty, &total) == 0)
			page_set_money(row, TN_TOTAL, total);
		tpl_set(row, TN_STATUS, status_label(sst));
		tpl_set(row, TN_STATUS_CLASS, badge_class(sst));
		if (!self)
			tpl_show(row, TN_SHOW_COST);
		if (s->cost == 0 && !self) {
			tpl_show(row, TN_ZERO_COST);
			zero_cost = 1;
		}
		if (sst & ST_SCHEDULED && !(os[i].start > r->today))
			tpl_show(row, TN_AWAITING_ACTIVATION);
		if (os[i].ended != DATE_NONE)
			page_set_date(tpl_section(row, TN_ENDED), TN_DAY, os[i].ended);
	}
	if (shown > 0)
		tpl_show(d, TN_HAS_ROWS);
	else
		tpl_show(d, TN_EMPTY);
	if (cf != CF_ALL || sf != SF_ALL)
		tpl_show(d, TN_FILTERED);
	if (zero_cost) {
		tpl_show(d, TN_ZERO_COST_NOTE);
		tpl_set(d, TN_ZERO_COST_TEXT, svcplan_zero_cost_note);
	}
	page_set_money(d, TN_MONTH_TOTAL, month);
	/* After saving an IVR or a Conference bridge: a case is needed. */
	if (!self && (cs = kv_get(&r->query, "case")) != NULL &&
	    (s = svcplan_service(&plan, strtoll(cs, NULL, 10))) != NULL &&
	    s->needs_case) {
		struct tpl_dict *c = tpl_section(d, TN_CASE_NEEDED);
		const char *subject = svc_category_parse(s->category) ==
		    CAT_CONFERENCE ? "Conference bridge number and user details" :
		    "IVR configuration";

		tpl_set(c, TN_SERVICE, s->name);
		tpl_set(c, TN_HREF, arena_printf(r->a, "/cases/new?occupier=%lld"
		    "&site=%lld&service=%lld&subject=%s", (long long)o.id,
		    (long long)site, (long long)s->id,
		    parse_urlencode(r->a, subject)));
	}
	/* "Add services" when nothing is active or scheduled, else "Manage". */
	tpl_set(d, TN_MANAGE_LABEL, nlines == 0 ? "Add services" :
	    "Manage services");
	page_set_date(d, TN_TODAY, r->today);
	page_end(r);
}
