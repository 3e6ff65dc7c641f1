/*
 * occupier_telephony: the Telephony tab of an occupier at a site (issue
 * 4): its phone numbers there with their state, the main number, the
 * "Telephony extensions X/Y" fraction, and activate, deactivate and set
 * as main (op=activate|deactivate|set_main, number=ID). Activation is
 * refused (422, nothing changed) when the active numbers would exceed the
 * voice allocation Y, computed by the rules engine from the occupier's
 * active and scheduled services.
 *
 * It also defines telephony_change, the one path of a change to a number
 * held by someone, shared with site_telephony.c: locks, checks, audit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config.h"
#include "../notify.h"
#include "../domain/date.h"
#include "../domain/phone.h"
#include "../store/db.h"
#include "../store/store_phone.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

int	telephony_change(struct req *, enum phone_op, int64_t site, int64_t id,
	    int64_t occ, const char **msg);

#define TXN_ATTEMPTS	3	/* deadlock / lock wait: run the change again */

static const struct field number_field =
    { "number", "Number", FT_INT, 20, 1, 1, INT64_MAX, NULL };

static const char *
holder_text(const struct store_phone *p)
{
	switch (store_phone_holder(p)) {
	case PHONE_HOLDER_OCCUPIER:
		return p->occupier_name;
	case PHONE_HOLDER_OPERATOR:
		return "Operator";
	default:
		return "none";
	}
}

/* The audit value of a number: "number=...\nstate=...\nholder=...". */
static const char *
audit_value(struct req *r, const char *number, enum phone_state st,
    const char *holder, int is_main, int32_t until)
{
	char	 u[DATE_STRLEN];

	date_format(until, u, sizeof(u));
	return arena_printf(r->a, "number=%s\nstate=%s\nholder=%s%s%s%s",
	    number, (unsigned)st < PHONE__MAX ? phone_state_labels[st] : "?",
	    holder, is_main ? "\nmain=yes" : "",
	    until != DATE_NONE ? "\navailable_again=" : "", u);
}

/*
 * One change of number id at site, inside the caller's transaction. occ:
 * the occupier that holds it (0: none or the operator); for allocate, the
 * occupier it goes to (0: the operator). When an occupier is involved its
 * plan row is locked first, as the Manage services save does, so that
 * activations and services saves of that occupier at that site happen one
 * after the other. Writes the audit event.
 * Returns 1 done, 0 not found, -2 refused (*msg: the message for the
 * page, nothing changed), -1 error.
 */
int
telephony_change(struct req *r, enum phone_op what, int64_t site, int64_t id,
    int64_t occ, const char **msg)
{
	struct store_phone	 b;
	struct rules_result	*res;
	const char		*why = NULL, *newholder, *name = "";
	const int64_t		 op = r->user.operator_id;
	int64_t			 version, audit_occ;
	int32_t			 until = DATE_NONE;
	enum phone_state	 to;
	int			 rc, main_after;

	*msg = NULL;
	memset(&b, 0, sizeof(b));
	if (occ > 0) {
		if ((rc = store_plan_version(r->a, op, occ, site,
		    &version)) <= 0)
			return rc;
	}
	switch (what) {
	case PHONE_OP_ALLOCATE:
		if (occ > 0) {
			struct store_occupier o;

			if ((rc = store_occupier_get(r->a, op, occ, &o)) <= 0)
				return rc;
			name = o.name;
		}
		rc = store_phone_allocate(r->a, op, site, id, occ, r->today,
		    &b, &why);
		break;
	case PHONE_OP_DEALLOCATE:
		rc = store_phone_deallocate(r->a, op, site, id, occ, r->today,
		    &b, &why);
		break;
	case PHONE_OP_ACTIVATE:
		res = arena_calloc(r->a, 1, sizeof(*res));
		if (occ > 0 && svcplan_provisioned(r, occ, site, res) < 0)
			return -1;
		rc = store_phone_activate(r->a, op, site, id, occ, r->today,
		    res->allocated[INFRA_PHONE_EXT], &b, &why);
		break;
	case PHONE_OP_DEACTIVATE:
		rc = store_phone_deactivate(r->a, op, site, id, occ, r->today,
		    cfg.cooloff_days, &b, &why);
		until = phone_cooloff_until(r->today, cfg.cooloff_days);
		break;
	case PHONE_OP_SET_MAIN:
		rc = store_phone_set_main(r->a, op, site, id, occ, r->today,
		    &b, &why);
		break;
	default:
		return 0;
	}
	if (rc == -2) {
		/* A refusal of the state machine names the number; the
		 * allocation's own message carries the fraction. */
		if (phone_transition_refusal(what, b.state,
		    store_phone_holder(&b)) != NULL)
			*msg = arena_printf(r->a, "%s: %s", b.number, why);
		else
			*msg = why;
		return -2;
	}
	if (rc <= 0)
		return rc;
	if (what == PHONE_OP_SET_MAIN && b.is_main)
		return 1;	/* nothing changed: nothing to record */
	to = phone_transition_target(what, b.state);
	switch (what) {
	case PHONE_OP_ALLOCATE:
		newholder = occ > 0 ? name : "Operator";
		break;
	case PHONE_OP_DEALLOCATE:
	case PHONE_OP_DEACTIVATE:
		newholder = "none";
		break;
	default:
		newholder = holder_text(&b);
		break;
	}
	main_after = what == PHONE_OP_SET_MAIN || (b.is_main &&
	    what != PHONE_OP_DEACTIVATE && what != PHONE_OP_DEALLOCATE);
	audit_occ = what == PHONE_OP_ALLOCATE ? occ : b.occupier_id;
	if (store_audit(op, audit_occ, site, r->user.id, "phone_number", id,
	    phone_op_keys[what], audit_value(r, b.number, b.state,
	    holder_text(&b), b.is_main, DATE_NONE), audit_value(r, b.number,
	    to, newholder, main_after, until)) < 0)
		return -1;
	/* The occupier hears of a number activated for it. */
	if (what == PHONE_OP_ACTIVATE && b.occupier_id > 0) {
		const char *nums[1] = { b.number };

		if (notify_numbers_activated(r->a, op, b.occupier_id, site,
		    nums, 1, r->now) < 0)
			return -1;
	}
	return 1;
}

static void
render(struct req *r, struct tpl_dict *d, const struct store_occupier *o,
    int64_t site)
{
	struct tpl_dict		*row;
	struct store_phone	*p;
	struct rules_result	*res;
	size_t			 n, i;
	int64_t			 x, y;
	char			 frac[64];
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
	rules_fraction_format(res, INFRA_PHONE_EXT, frac, sizeof(frac));
	tpl_set(d, TN_FRACTION, frac);
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
			tpl_show(row, TN_CAN_DEACTIVATE);
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

void
page_occupier_telephony(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;
	struct fval		 v;
	enum phone_op		 what;
	const char		*raw, *msg = NULL;
	char			*trimmed;
	int64_t			 site = r->ids[1];
	int			 rc = -1, attempt;

	if ((d = page_begin(r, "Telephony", "occupier_telephony.tpl",
	    "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], site, "telephony", &o))
		return;
	if (r->method == M_GET) {
		render(r, d, &o, site);
		return;
	}
	what = phone_op_parse(kv_get(&r->form, "op"));
	if (what != PHONE_OP_ACTIVATE && what != PHONE_OP_DEACTIVATE &&
	    what != PHONE_OP_SET_MAIN) {
		http_error(r, 400);
		return;
	}
	raw = kv_get(&r->form, "number");
	trimmed = arena_alloc(r->a, (raw ? strlen(raw) : 0) + 1);
	if (validate_field(&number_field, raw, raw ? strlen(raw) : 0, trimmed,
	    &v) != NULL) {
		http_error(r, 404);
		return;
	}
	for (attempt = 0; attempt < TXN_ATTEMPTS; attempt++) {
		if (db_begin() < 0) {
			rc = -1;
			break;
		}
		rc = telephony_change(r, what, site, v.i, o.id, &msg);
		if (rc > 0 && db_commit() > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/occupiers/%lld/sites/%lld/telephony?done=saved",
			    (long long)o.id, (long long)site));
			return;
		}
		db_rollback();
		if (rc > 0)
			rc = -1;	/* the commit failed */
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
	form_error(r, d, NULL, msg != NULL ? msg : "The number was not changed.");
	render(r, d, &o, site);
}
