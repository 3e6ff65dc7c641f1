/*
 * ops/telephony: see telephony.h.
 */
#include <string.h>

#include "../arena.h"
#include "../config.h"
#include "../domain/date.h"
#include "../http/http.h"
#include "../notify.h"
#include "../store/store.h"
#include "../store/store_phone.h"
#include "devices.h"
#include "telephony.h"
#include "webhooks.h"

/* Looks at a number's holder before locking it (the site's screen): a
 * holder that changed in between is looked at again, this many times. */
#define HOLDER_LOOKS	3

struct change {
	const struct number_change_in	*in;
	int64_t				 occ;	/* the holder (or allocate's) */
	struct number_out		*out;
};

static const char *
holder_text(const struct store_phone *p)
{
	return phone_holder_label(store_phone_holder(p), p->occupier_name,
	    "none");
}

/* The audit value of a number: "number=...\nstate=...\nholder=...". */
static const char *
audit_value(struct arena *a, const char *number, enum phone_state st,
    const char *holder, int is_main, int32_t until)
{
	char	 u[DATE_STRLEN];

	date_format(until, u, sizeof(u));
	return arena_printf(a, "number=%s\nstate=%s\nholder=%s%s%s%s",
	    number, (unsigned)st < PHONE__MAX ? phone_state_labels[st] : "?",
	    holder, is_main ? "\nmain=yes" : "",
	    until != DATE_NONE ? "\navailable_again=" : "", u);
}

/* The store's change of the number: as store_phone.h (1, 0 not found, -2
 * refused with *why, -1); b: the number before. */
static int
store_change(struct txn *t, const struct change *g, struct store_phone *b,
    const char **why)
{
	const struct number_change_in	*in = g->in;
	struct rules_result		*res;
	const int64_t			 op = t->operator_id;

	switch (in->op) {
	case PHONE_OP_ALLOCATE:
		return store_phone_allocate(t->a, op, in->site, in->id, g->occ,
		    t->day, b, why);
	case PHONE_OP_DEALLOCATE:
		return store_phone_deallocate(t->a, op, in->site, in->id,
		    g->occ, t->day, b, why);
	case PHONE_OP_ACTIVATE:
		res = arena_calloc(t->a, 1, sizeof(*res));
		if (g->occ > 0 && ops_provisioned(t, g->occ, in->site, res) < 0)
			return -1;
		return store_phone_activate(t->a, op, in->site, in->id, g->occ,
		    t->day, res->allocated[INFRA_PHONE_EXT], b, why);
	case PHONE_OP_DEACTIVATE:
		return store_phone_deactivate(t->a, op, in->site, in->id,
		    g->occ, t->day, cfg.cooloff_days, b, why);
	case PHONE_OP_SET_MAIN:
		return store_phone_set_main(t->a, op, in->site, in->id, g->occ,
		    t->day, b, why);
	case PHONE_OP_REINSTATE:
		res = arena_calloc(t->a, 1, sizeof(*res));
		if (g->occ > 0 && ops_provisioned(t, g->occ, in->site, res) < 0)
			return -1;
		return store_phone_reinstate(t->a, op, in->site, in->id, g->occ,
		    t->day, res->allocated[INFRA_PHONE_EXT], b, why);
	case PHONE_OP_RETIRE:
	case PHONE_OP_RESTORE:
		return store_phone_set_free(t->a, op, in->site, in->id, in->op,
		    t->day, b, why);
	default:
		return 0;
	}
}

/* The audit event of the change of b (newholder: allocate's), and the
 * occupier's notice of an activation. */
static int
record(struct txn *t, const struct change *g, const struct store_phone *b,
    const char *newholder)
{
	enum phone_op	 what = g->in->op;
	int32_t		 until = DATE_NONE;
	int		 main_after;

	if (what == PHONE_OP_ALLOCATE || what == PHONE_OP_REINSTATE)
		newholder = g->occ > 0 ? newholder : "Operator";
	else if (what == PHONE_OP_DEALLOCATE || what == PHONE_OP_DEACTIVATE)
		newholder = "none";
	else
		newholder = holder_text(b);
	if (what == PHONE_OP_DEACTIVATE)
		until = phone_cooloff_until(t->day, cfg.cooloff_days);
	main_after = what == PHONE_OP_SET_MAIN || (b->is_main &&
	    what != PHONE_OP_DEACTIVATE && what != PHONE_OP_DEALLOCATE);
	if (txn_audit(t, what == PHONE_OP_ALLOCATE ||
	    what == PHONE_OP_REINSTATE ? g->occ : b->occupier_id,
	    g->in->site, "phone_number", g->in->id, phone_op_keys[what],
	    audit_value(t->a, b->number, b->state, holder_text(b), b->is_main,
	    DATE_NONE), audit_value(t->a, b->number,
	    phone_transition_target(what, b->state), newholder, main_after,
	    until)) < 0 || ops_event(t, WH_NUMBER_CHANGED, what ==
	    PHONE_OP_ALLOCATE || what == PHONE_OP_REINSTATE ? g->occ :
	    b->occupier_id, g->in->site, g->in->id, arena_printf(t->a,
	    "number=%s\nstate=%s\nchange=%s\nholder=%s", b->number,
	    phone_state_keys[phone_transition_target(what, b->state)],
	    phone_op_keys[what],
	    newholder)) < 0)
		return -1;
	if (what == PHONE_OP_ACTIVATE && b->occupier_id > 0) {
		const char *nums[1] = { b->number };

		return notify_numbers_activated(t->a, t->operator_id,
		    b->occupier_id, g->in->site, nums, 1, t->now) < 0 ? -1 : 1;
	}
	return 1;
}

/* 0 without a reason: not found (the holder may have changed). */
static int
change_txn(struct txn *t, void *arg)
{
	struct change		*g = arg;
	struct store_occupier	 o;
	struct store_phone	 b;
	const char		*why = NULL, *name = "";
	int64_t			 version;
	int			 rc;

	memset(&g->out->why, 0, sizeof(g->out->why));
	g->out->stale = 0;
	memset(&b, 0, sizeof(b));
	if (g->occ > 0 && (rc = store_plan_version(t->a, t->operator_id,
	    g->occ, g->in->site, &version)) <= 0)
		return rc;
	if ((g->in->op == PHONE_OP_ALLOCATE ||
	    g->in->op == PHONE_OP_REINSTATE) && g->occ > 0) {
		if ((rc = store_occupier_get(t->a, t->operator_id, g->occ,
		    &o)) <= 0)
			return rc;
		name = o.name;
	}
	rc = store_change(t, g, &b, &why);
	if ((rc > 0 || rc == -2) && g->in->version > 0 &&
	    b.version != g->in->version) {
		g->out->stale = 1;	/* what it did is rolled back */
		return ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
		    arena_printf(t->a, "%s changed meanwhile: read it again.",
		    b.number));
	}
	if (rc == -2) {
		/* A refusal of the state machine names the number; the
		 * allocation's own message carries the fraction. */
		if (why == NULL)
			why = "The number was not changed.";
		else if (g->in->op == PHONE_OP_REINSTATE ||
		    phone_transition_refusal(g->in->op, b.state,
		    store_phone_holder(&b)) != NULL)
			why = arena_printf(t->a, "%s: %s", b.number, why);
		return ops_refuse(&g->out->why, OPS_CONFLICT, NULL, why);
	}
	if (rc <= 0)
		return rc;
	if (g->in->op == PHONE_OP_SET_MAIN && b.is_main)
		return 1;	/* nothing changed: nothing to record */
	return record(t, g, &b, name);
}

int
ops_number_change(struct ops_ctx *c, const struct number_change_in *in,
    struct number_out *out)
{
	struct change		 g = { in, in->occ, out };
	struct store_phone	 ph;
	int64_t			 released;
	int			 rc = 0, looks;

	memset(out, 0, sizeof(*out));
	/* The pool itself is the estate's: operator admins (and the
	 * system) retire and restore numbers. */
	if ((in->op == PHONE_OP_RETIRE || in->op == PHONE_OP_RESTORE) &&
	    c->role != ROLE_OPERATOR_ADMIN && c->role != -1)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	for (looks = 0; looks < HOLDER_LOOKS; looks++) {
		if (in->op == PHONE_OP_REINSTATE) {
			/* Back to whoever held it last, whose plan the
			 * change locks first. */
			if ((rc = store_phone_last_holding(c->t.a,
			    c->t.operator_id, in->site, in->id, &g.occ,
			    &released)) < 0)
				break;
		} else if (in->any_holder && in->op != PHONE_OP_ALLOCATE) {
			/* The holder, whose plan the change locks first. */
			if ((rc = store_phone_get(c->t.a, c->t.operator_id,
			    in->site, in->id, c->t.day, &ph)) <= 0)
				break;
			g.occ = ph.occupier_id;
		}
		rc = db_txn(&c->t, change_txn, &g);
		if (rc != 0 || out->why.why != OPS_OK || !in->any_holder ||
		    in->op == PHONE_OP_ALLOCATE)
			break;
	}
	if (rc == 0 && out->why.why == OPS_OK)
		return ops_refuse(&out->why, OPS_NOT_FOUND, NULL, NULL);
	return rc;
}

struct bulk {
	const struct numbers_allocate_in *in;
	struct number_out		*out;
};

static int
bulk_txn(struct txn *t, void *arg)
{
	struct bulk			*g = arg;
	const struct numbers_allocate_in *in = g->in;
	struct store_occupier		 o;
	struct store_phone		*p;
	const char			*name = "Operator";
	size_t				 n, i;
	int				 rc;

	memset(&g->out->why, 0, sizeof(g->out->why));
	if (in->occ > 0) {
		if ((rc = store_occupier_get(t->a, t->operator_id, in->occ,
		    &o)) <= 0)
			return rc < 0 ? -1 : ops_refuse(&g->out->why,
			    OPS_NOT_FOUND, NULL, NULL);
		name = o.name;
	}
	rc = store_phone_allocate_next(t->a, t->operator_id, in->site, in->occ,
	    in->count, t->day, &p, &n);
	if (rc == 0)
		return ops_refuse(&g->out->why, OPS_CONFLICT, NULL, "Numbers "
		    "can be allocated only to an occupier with a contract at "
		    "this site.");
	if (rc == -2)
		return ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
		    arena_printf(t->a, "Only %zu number%s available at this "
		    "site: %lld cannot be allocated.", n, n == 1 ? " is" :
		    "s are", (long long)in->count));
	if (rc < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (txn_audit(t, in->occ, in->site, "phone_number", p[i].id,
		    phone_op_keys[PHONE_OP_ALLOCATE], arena_printf(t->a,
		    "number=%s\nstate=%s\nholder=none", p[i].number,
		    phone_state_labels[PHONE_AVAILABLE]), arena_printf(t->a,
		    "number=%s\nstate=%s\nholder=%s", p[i].number,
		    phone_state_labels[PHONE_RESERVED], name)) < 0 ||
		    ops_event(t, WH_NUMBER_CHANGED, in->occ, in->site, p[i].id,
		    arena_printf(t->a, "number=%s\nstate=%s\nchange=%s\n"
		    "holder=%s", p[i].number, phone_state_keys[PHONE_RESERVED],
		    phone_op_keys[PHONE_OP_ALLOCATE], name)) < 0)
			return -1;
	return 1;
}

int
ops_numbers_allocate(struct ops_ctx *c, const struct numbers_allocate_in *in,
    struct number_out *out)
{
	struct bulk	 g = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, bulk_txn, &g);
}
