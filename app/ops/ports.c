/*
 * ops/ports: see ports.h.
 *
 * A change locks its ports (ascending ids), then the plan rows of every
 * occupier it touches (ascending ids: the order the Manage services save
 * and every allocation check lock in), checks each port, then each
 * holder's allocation, and only then writes.
 */
#include <string.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../store/store.h"
#include "devices.h"
#include "ports.h"

struct change {
	const struct ports_change_in	*in;
	struct ports_change_out		*out;
	struct store_hport		*cur;	/* the ports as locked */
	struct port_pos			*pc, *pn; /* each port now and after */
	struct port_delta		*dl;	/* per holder touched */
	size_t				 nd;
};

static const struct store_holder *
holder_of(const struct ports_change_out *out, int64_t id)
{
	size_t	 i;

	for (i = 0; i < out->nholders; i++)
		if (out->holders[i].id == id)
			return &out->holders[i];
	return NULL;
}

static const char *
holder_name(const struct ports_change_out *out, int64_t id)
{
	const struct store_holder *h = holder_of(out, id);

	return h != NULL ? h->name : "another occupier";
}

static struct port_pos
pos_of(const struct store_hport *h)
{
	struct port_pos	 p;

	p.holder = h->occupier_id;
	p.role = port_role_parse(h->role);
	p.active = strcmp(h->state, "active") == 0;
	return p;
}

/* Lock the ports, then the plan rows of their holders old and new. */
static int
lock_all(struct txn *t, struct change *g)
{
	const struct ports_change_in	*in = g->in;
	size_t				 i;
	int				 rc;

	g->nd = 0;
	for (i = 0; i < in->nids; i++) {
		if ((rc = store_hport_lock(t->a, t->operator_id, in->site,
		    in->ids[i], &g->cur[i])) <= 0)
			goto fail;
		g->pc[i] = pos_of(&g->cur[i]);
		g->pn[i] = port_after(in->op, &g->pc[i], in->occ, in->role);
		if (g->pc[i].holder > 0)
			port_delta_of(g->dl, &g->nd, g->pc[i].holder);
		if (g->pn[i].holder > 0)
			port_delta_of(g->dl, &g->nd, g->pn[i].holder);
	}
	if (in->op == PORT_OP_ASSIGN || (in->op == PORT_OP_EDIT && in->occ > 0))
		port_delta_of(g->dl, &g->nd, in->occ);
	port_delta_sort(g->dl, g->nd);
	for (i = 0; i < g->nd; i++)
		if ((rc = store_device_plan_lock(t->a, t->operator_id,
		    g->dl[i].occ, in->site)) <= 0)
			goto fail;
	return 1;
fail:
	return rc < 0 ? -1 : ops_refuse(&g->out->why, OPS_NOT_FOUND, NULL,
	    NULL);
}

/* Each port on its own (port_check), counting the changes per holder. */
static int
check_ports(struct txn *t, struct change *g)
{
	enum port_refusal	 why;
	char			 m[512];
	size_t			 i;

	for (i = 0; i < g->in->nids; i++) {
		if ((why = port_check(&g->pc[i], &g->pn[i])) == PORT_OK) {
			port_delta_add(g->dl, &g->nd, &g->pc[i], &g->pn[i]);
			continue;
		}
		port_refusal_text(why, g->cur[i].label, holder_name(g->out,
		    g->pc[i].holder), &g->pn[i], m, sizeof(m));
		ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
		    arena_strdup(t->a, m));
	}
	return g->out->why.why == OPS_OK;
}

/* Allocations: ports held when assigning, active when activating. */
static int
check_alloc(struct txn *t, struct change *g)
{
	struct rules_result	*res;
	int64_t			 held, active;
	char			 m[256];
	size_t			 i;

	res = arena_calloc(t->a, 1, sizeof(*res));
	for (i = 0; i < g->nd; i++) {
		if (!port_delta_grows(&g->dl[i]))
			continue;
		if (ops_provisioned(t, g->dl[i].occ, g->in->site, res) < 0 ||
		    store_hport_count(t->a, t->operator_id, g->dl[i].occ,
		    g->in->site, &held, &active) < 0)
			return -1;
		if (!port_alloc_check(&g->dl[i], held, active,
		    res->allocated[INFRA_SWITCH_PORTS], m, sizeof(m)))
			ops_refuse(&g->out->why, OPS_CONFLICT, NULL,
			    arena_printf(t->a, "%s: %s.", holder_name(g->out,
			    g->dl[i].occ), m));
	}
	return g->out->why.why == OPS_OK;
}

static const char *
port_text(struct txn *t, const struct change *g, const char *label,
    const struct port_pos *p, const char *role, const char *state)
{
	return arena_printf(t->a, "label=%s\noccupier=%s\nrole=%s\nstate=%s",
	    label, p->holder > 0 ? holder_name(g->out, p->holder) : "", role,
	    state);
}

/* The ports that change, each with its audit event. */
static int
write_ports(struct txn *t, struct change *g)
{
	const struct store_hport	*c;
	const struct port_pos		*pc, *pn;
	const char			*action, *role, *state;
	size_t				 i;

	for (i = 0; i < g->in->nids; i++) {
		c = &g->cur[i];
		pc = &g->pc[i];
		pn = &g->pn[i];
		if ((action = port_action(pc, pn)) == NULL)
			continue;	/* nothing to change: not an error */
		role = pn->role == PORT_ROLE__MAX ? c->role :
		    port_role_keys[pn->role];
		state = pn->active ? "active" : "inactive";
		if (store_hport_set(t->operator_id, g->in->site, c->id,
		    pn->holder, role, state) <= 0 ||
		    txn_audit(t, pn->holder > 0 ? pn->holder : pc->holder,
		    g->in->site, "floor_port", c->id, action, port_text(t, g,
		    c->label, pc, c->role, c->state), port_text(t, g, c->label,
		    pn, role, state)) < 0)
			return -1;
	}
	return 1;
}

/* The services of occ at the site that its active ports now start
 * (ports.h). */
int
ops_ports_start_services(struct txn *t, int64_t occ, int64_t site)
{
	struct store_pending	*pend;
	struct port_service	*s;
	char			 day[DATE_STRLEN], od[DATE_STRLEN];
	int64_t			 held, active;
	size_t			 np, k;
	int			 rc;

	date_format(t->day, day, sizeof(day));
	if (store_device_pending(t->a, t->operator_id, occ, site, day, &pend,
	    &np) < 0 ||
	    store_hport_count(t->a, t->operator_id, occ, site, &held,
	    &active) < 0)
		return -1;
	s = arena_calloc(t->a, np + 1, sizeof(*s));
	for (k = 0; k < np; k++) {
		s[k].ports = pend[k].ports;
		s[k].start = pend[k].start;
		s[k].started = pend[k].activated != DATE_NONE;
	}
	port_services_start(active, s, np, t->day);
	for (k = 0; k < np; k++) {
		if (s[k].on == DATE_NONE)
			continue;
		if ((rc = store_occsvc_activate(t->operator_id, pend[k].id,
		    s[k].on)) < 0)
			return -1;
		if (rc == 0)
			continue;
		date_format(s[k].on, od, sizeof(od));
		if (txn_audit(t, occ, site, "occupier_service", pend[k].id,
		    "activate", NULL, arena_printf(t->a, "service=%s\n"
		    "activated=%s", pend[k].name, od)) < 0)
			return -1;
	}
	return 1;
}

static int
change_txn(struct txn *t, void *arg)
{
	struct change	*g = arg;
	size_t		 i;
	int		 rc;

	memset(&g->out->why, 0, sizeof(g->out->why));
	if ((rc = lock_all(t, g)) <= 0 || (rc = check_ports(t, g)) <= 0 ||
	    (rc = check_alloc(t, g)) <= 0 || (rc = write_ports(t, g)) <= 0)
		return rc;
	for (i = 0; i < g->nd; i++)
		if (g->dl[i].activated > 0 &&
		    ops_ports_start_services(t, g->dl[i].occ, g->in->site) < 0)
			return -1;
	return 1;
}

/* The form's own refusals: what a change needs to be one. */
static int
form_ok(const struct ports_change_in *in, struct ports_change_out *out)
{
	if (in->op == PORT_OP_EDIT && in->nids > 1)
		return ops_refuse(&out->why, OPS_BAD_FORM, NULL,
		    "The floor ports form could not be read.");
	if (in->nids == 0)
		ops_refuse(&out->why, OPS_INVALID, NULL,
		    "Select at least one floor port.");
	if (in->op == PORT_OP_ASSIGN && in->occ == 0)
		ops_refuse(&out->why, OPS_INVALID, NULL,
		    "Choose the occupier to assign the floor ports to.");
	if ((in->op == PORT_OP_ROLE || in->op == PORT_OP_EDIT) &&
	    in->role == PORT_ROLE__MAX)
		ops_refuse(&out->why, OPS_INVALID, NULL,
		    "Choose the switch port role.");
	return out->why.why == OPS_OK;
}

/* in->occ among the holders, or added from the operator's occupiers:
 * 1, 0 not ctx's, -1. */
static int
holder_resolve(struct ops_ctx *c, const struct ports_change_in *in,
    struct ports_change_out *out)
{
	struct store_occupier	 o;
	struct store_holder	*h;
	int			 rc;

	if (in->occ == 0 || holder_of(out, in->occ) != NULL)
		return 1;
	/* An occupier of the operator without anything here yet. */
	if ((rc = store_occupier_get(c->t.a, c->t.operator_id, in->occ,
	    &o)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	h = arena_calloc(c->t.a, in->nholders + 1, sizeof(*h));
	if (in->nholders > 0)
		memcpy(h, in->holders, in->nholders * sizeof(*h));
	h[in->nholders].id = o.id;
	h[in->nholders].name = o.name;
	out->holders = h;
	out->nholders = in->nholders + 1;
	return 1;
}

int
ops_ports_change(struct ops_ctx *c, const struct ports_change_in *in,
    struct ports_change_out *out)
{
	struct change	 g;
	int		 rc;

	memset(out, 0, sizeof(*out));
	out->holders = in->holders;
	out->nholders = in->nholders;
	if (!form_ok(in, out) || (rc = holder_resolve(c, in, out)) == 0)
		return 0;
	if (rc < 0)
		return -1;
	memset(&g, 0, sizeof(g));
	g.in = in;
	g.out = out;
	g.cur = arena_calloc(c->t.a, in->nids, sizeof(*g.cur));
	g.pc = arena_calloc(c->t.a, in->nids, sizeof(*g.pc));
	g.pn = arena_calloc(c->t.a, in->nids, sizeof(*g.pn));
	g.dl = arena_calloc(c->t.a, in->nids + 1, sizeof(*g.dl));
	return db_txn(&c->t, change_txn, &g);
}
