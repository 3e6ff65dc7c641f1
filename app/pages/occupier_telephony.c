/*
 * occupier_telephony: the Telephony tab of an occupier at a site (domain
 * §3): its phone numbers there with their state, the main number, the
 * "Telephony extensions X/Y" fraction, and activate, deactivate and set
 * as main (op=activate|deactivate|set_main, number=ID: ops_number_change,
 * ops/telephony.h). Activation is refused (422, nothing changed) when the
 * active numbers would exceed the voice allocation Y, computed by the
 * rules engine from the occupier's active and scheduled services.
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../domain/phone.h"
#include "../ops/telephony.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

static const struct field number_field =
    { "number", "Number", FT_INT, 20, 1, 1, INT64_MAX, NULL, 0 };

static void
render(struct req *r, struct tpl_dict *d, const struct store_occupier *o,
    int64_t site)
{
	struct tpl_dict		*row;
	struct store_phone	*p;
	struct rules_result	*res;
	size_t			 n, i;
	int64_t			 x, y;
	int			 nshown = 0, has_main = 0;

	res = arena_calloc(r->a, 1, sizeof(*res));
	if (store_phone_list_occupier(r->a, r->user.operator_id, o->id, site,
	    r->today, &p, &n) < 0 ||
	    svcplan_provisioned(r, o->id, site, res) < 0) {
		page_store_error(r);
		return;
	}
	x = res->in_use[INFRA_PHONE_EXT];
	y = res->allocated[INFRA_PHONE_EXT];
	page_set_fraction(d, TN_FRACTION, res, INFRA_PHONE_EXT);
	tpl_set(d, TN_INFRA_LABEL, infra_names[INFRA_PHONE_EXT]);
	if (x > y)
		tpl_show(d, TN_OVER);
	else if (x == y)
		tpl_show(d, TN_FULL);
	for (i = 0; i < n; i++) {
		if (p[i].state != PHONE_ACTIVE && p[i].state != PHONE_RESERVED)
			continue;	/* not the occupier's any more */
		nshown++;
		row = tpl_section(d, TN_ROW);
		tpl_set_int(row, TN_ID, p[i].id);
		tpl_set(row, TN_NUMBER, p[i].number);
		tpl_set(row, TN_STATE, phone_state_labels[p[i].state]);
		tpl_set(row, TN_STATE_CLASS, p[i].state == PHONE_ACTIVE ?
		    "active" : "scheduled");
		if (p[i].is_main && p[i].state == PHONE_ACTIVE) {
			has_main = 1;
			tpl_show(row, TN_MAIN);
			tpl_set(d, TN_MAIN_NUMBER, p[i].number);
			tpl_show(d, TN_HAS_MAIN);
		}
		if (p[i].state == PHONE_ACTIVE) {
			page_set_date(row, TN_SINCE, p[i].activated_at);
			tpl_set(tpl_section(row, TN_CAN_DEACTIVATE),
			    TN_CONFIRM, page_deactivate_consequence(r,
			    p[i].number, o->name));
			if (!p[i].is_main)
				tpl_show(row, TN_CAN_SET_MAIN);
		} else {
			tpl_set(row, TN_SINCE, "Not active yet");
			tpl_show(row, TN_CAN_ACTIVATE);
		}
	}
	tpl_show(d, nshown == 0 ? TN_EMPTY : TN_HAS_ROWS);
	if (!has_main)
		tpl_show(d, TN_NO_MAIN);
	tpl_set(d, TN_SITE_HREF, arena_printf(r->a,
	    "/sites/%lld/telephony?holder=%lld", (long long)site,
	    (long long)o->id));
	tpl_set_int(d, TN_COOLOFF_DAYS, cfg.cooloff_days);
	page_end(r);
}

/* Deactivating number id asks first, naming the consequence: 1 go on
 * (confirmed, or not one of the occupier's numbers: the operation says
 * so), 0 the question answered. */
static int
confirmed(struct req *r, const struct store_occupier *o, int64_t site,
    int64_t id)
{
	struct store_phone	 ph;
	struct page_confirm	 q;
	int			 rc;

	if ((rc = store_phone_get(r->a, r->user.operator_id, site, id,
	    r->today, &ph)) <= 0 || ph.occupier_id != o->id) {
		if (rc < 0)
			page_store_error(r);
		return rc >= 0;
	}
	memset(&q, 0, sizeof(q));
	q.title = arena_printf(r->a, "Deactivate %s?", ph.number);
	q.consequence = page_deactivate_consequence(r, ph.number, o->name);
	q.button = "Deactivate the number";
	q.back = arena_printf(r->a, "/occupiers/%lld/sites/%lld/telephony",
	    (long long)o->id, (long long)site);
	q.back_label = "Telephony";
	q.menu = "occupiers";
	return page_confirmed(r, &q);
}

void
page_occupier_telephony(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;
	struct fval		 v;
	struct number_change_in	 in;
	struct number_out	 out;
	struct ops_ctx		 c;
	int64_t			 site = r->ids[1];
	int			 rc;

	if ((d = page_begin(r, "Telephony", "occupier_telephony.tpl",
	    "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], site, "telephony", &o))
		return;
	if (r->method == M_GET) {
		render(r, d, &o, site);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.op = phone_op_parse(form_text(r, "op", 32));
	if (in.op != PHONE_OP_ACTIVATE && in.op != PHONE_OP_DEACTIVATE &&
	    in.op != PHONE_OP_SET_MAIN) {
		http_error(r, 400);
		return;
	}
	if (form_field(r, &number_field, &v) != NULL) {
		http_error(r, 404);
		return;
	}
	in.site = site;
	in.id = v.i;
	in.occ = o.id;
	if (in.op == PHONE_OP_DEACTIVATE && !confirmed(r, &o, site, in.id))
		return;
	page_ops_ctx(r, &c);
	if ((rc = ops_number_change(&c, &in, &out)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc > 0) {
		http_redirect(r, arena_printf(r->a,
		    "/occupiers/%lld/sites/%lld/telephony?done=saved",
		    (long long)o.id, (long long)site));
		return;
	}
	if (page_refused_bare(r, &out.why))
		return;
	page_refused(r, d, &out.why);
	r->status = 422;	/* every refusal of this tab */
	render(r, d, &o, site);
}
