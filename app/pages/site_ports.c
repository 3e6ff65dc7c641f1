/*
 * site_ports: the floor ports of a site (issue 4; seed "What next?":
 * assign floor ports, selecting the switch port role). Per floor: label,
 * switch, switch port, role, holder and state, with a check box per port.
 *
 * POST op=assign (occupier, role: "" keeps each port's role), op=role
 * (role), op=unassign, op=activate, op=deactivate, op=edit (one port:
 * occupier, "" for none, and role), each on the ports named by the
 * repeated field port. One transaction: every port of the request changes
 * or none does. Refusals answer 422 with the page and the input kept:
 * a port held by someone else, unassigning or reassigning an active port,
 * activating a Disabled or unassigned port, and going beyond the holder's
 * Switch ports allocation (DESIGN 3), by ports held when assigning and by
 * active ports when activating. Activating a port starts the holder's
 * services at the site that wait for a device, as far as the active ports
 * no started service holds go (domain/svcstart.h; the seed's internet
 * upgrade); one on a contract that starts later starts on that date.
 * GET ?port=ID opens the edit panel of one port.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../domain/date.h"
#include "../domain/device.h"
#include "../domain/svcstart.h"
#include "../log.h"
#include "../store/db.h"
#include "../store/store.h"
#include "../store/store_device.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "svcplan.h"

#define MAX_PORTS	512	/* ports in one request */
#define MAX_MSGS	32
#define SAVE_TRIES	3

enum ports_op {
	POP_ASSIGN,		/* "assign" */
	POP_ROLE,		/* "role" */
	POP_UNASSIGN,		/* "unassign" */
	POP_ACTIVATE,		/* "activate" */
	POP_DEACTIVATE,		/* "deactivate" */
	POP_EDIT,		/* "edit" */
	POP__MAX
};

static const char *const pop_keys[POP__MAX] = {
	"assign",		/* POP_ASSIGN */
	"role",			/* POP_ROLE */
	"unassign",		/* POP_UNASSIGN */
	"activate",		/* POP_ACTIVATE */
	"deactivate",		/* POP_DEACTIVATE */
	"edit",			/* POP_EDIT */
};

/* The request, validated. */
struct ports_req {
	enum ports_op		 op;
	int64_t			*ids;		/* ports named, ascending, unique */
	size_t			 nids;
	int64_t			 occ;		/* assign/edit target; 0 none */
	enum port_role		 role;		/* PORT_ROLE__MAX: keep */
	const char		*msgs[MAX_MSGS];
	size_t			 nmsgs;
};

/* Per holder touched by the request: how its counts move. */
struct holder_delta {
	int64_t		 occ;
	int64_t		 gained, lost;		/* ports held */
	int64_t		 activated, deactivated;
};

static void
msg(struct ports_req *p, const char *m)
{
	if (p->nmsgs < MAX_MSGS)
		p->msgs[p->nmsgs++] = m;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Strict positive decimal id; -1 for anything else. */
static int64_t
parse_id(const char *s)
{
	int64_t	 v = 0;
	int	 n = 0;

	if (s == NULL || *s < '1' || *s > '9')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || ++n > 18)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int
holder_known(const struct store_holder *h, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (h[i].id == id)
			return 1;
	return 0;
}

static const char *
holder_name(const struct store_holder *h, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (h[i].id == id)
			return h[i].name;
	return "another occupier";
}

/* Read op, ports, occupier and role. 1 ok, 0 refused with messages in p,
 * -1 malformed (400). */
static int
read_request(struct req *r, struct ports_req *p)
{
	const char	*op, *occ, *role;
	size_t		 i, j;
	int		 k;

	memset(p, 0, sizeof(*p));
	p->role = PORT_ROLE__MAX;
	if ((op = kv_get(&r->form, "op")) == NULL)
		return -1;
	for (k = 0; k < POP__MAX; k++)
		if (strcmp(op, pop_keys[k]) == 0)
			break;
	if (k == POP__MAX)
		return -1;
	p->op = (enum ports_op)k;
	p->ids = arena_calloc(r->a, MAX_PORTS, sizeof(*p->ids));
	for (i = 0; i < r->form.n; i++) {
		int64_t id;

		if (strcmp(r->form.v[i].key, "port") != 0)
			continue;
		if ((id = parse_id(r->form.v[i].val)) < 0)
			return -1;
		if (p->nids == MAX_PORTS)
			return -1;
		p->ids[p->nids++] = id;
	}
	qsort(p->ids, p->nids, sizeof(*p->ids), cmp_id);
	for (i = j = 0; i < p->nids; i++)
		if (j == 0 || p->ids[j - 1] != p->ids[i])
			p->ids[j++] = p->ids[i];
	p->nids = j;
	if (p->nids == 0)
		msg(p, "Select at least one floor port.");
	if (p->op == POP_EDIT && p->nids > 1)
		return -1;
	occ = kv_get(&r->form, "occupier");
	if (occ != NULL && *occ != '\0' && (p->occ = parse_id(occ)) < 0)
		return -1;
	if ((role = kv_get(&r->form, "role")) != NULL && *role != '\0' &&
	    (p->role = port_role_parse(role)) == PORT_ROLE__MAX)
		return -1;
	if (p->op == POP_ASSIGN && p->occ == 0)
		msg(p, "Choose the occupier to assign the floor ports to.");
	if ((p->op == POP_ROLE || p->op == POP_EDIT) &&
	    p->role == PORT_ROLE__MAX)
		msg(p, "Choose the switch port role.");
	return p->nmsgs == 0 ? 1 : 0;
}

static struct holder_delta *
delta_of(struct holder_delta *d, size_t *n, int64_t occ)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (d[i].occ == occ)
			return &d[i];
	memset(&d[*n], 0, sizeof(d[*n]));
	d[*n].occ = occ;
	return &d[(*n)++];
}

static const char *
port_text(struct req *r, const struct store_hport *h, const char *holder)
{
	return arena_printf(r->a, "label=%s\noccupier=%s\nrole=%s\nstate=%s",
	    h->label, holder, h->role, h->state);
}

/*
 * One attempt inside a transaction. 1 done, 0 refused (messages in p),
 * -1 error, -404 a port or the occupier is not the operator's.
 */
static int
apply_once(struct req *r, int64_t site, struct ports_req *p,
    const struct store_holder *hold, size_t nhold)
{
	int64_t			 op = r->user.operator_id;
	struct store_hport	*cur, *nxt;
	struct holder_delta	*dl;
	struct rules_result	*res;
	char			 m[256], day[DATE_STRLEN];
	size_t			 i, nd = 0, j;
	int			 rc;

	if (db_begin() < 0)
		return -1;
	cur = arena_calloc(r->a, p->nids, sizeof(*cur));
	nxt = arena_calloc(r->a, p->nids, sizeof(*nxt));
	dl = arena_calloc(r->a, p->nids + 1, sizeof(*dl));
	/* Lock the ports (ascending ids), then the holders' plan rows. */
	for (i = 0; i < p->nids; i++) {
		if ((rc = store_hport_lock(r->a, op, site, p->ids[i],
		    &cur[i])) <= 0)
			goto fail;
		nxt[i] = cur[i];
		switch (p->op) {
		case POP_ASSIGN:
			nxt[i].occupier_id = p->occ;
			break;
		case POP_EDIT:
			nxt[i].occupier_id = p->occ;
			break;
		case POP_UNASSIGN:
			nxt[i].occupier_id = 0;
			break;
		case POP_ACTIVATE:
			nxt[i].state = "active";
			break;
		case POP_DEACTIVATE:
			nxt[i].state = "inactive";
			break;
		default:
			break;
		}
		if (p->role != PORT_ROLE__MAX && (p->op == POP_ASSIGN ||
		    p->op == POP_ROLE || p->op == POP_EDIT))
			nxt[i].role = port_role_keys[p->role];
		if (cur[i].occupier_id > 0)
			delta_of(dl, &nd, cur[i].occupier_id);
		if (nxt[i].occupier_id > 0)
			delta_of(dl, &nd, nxt[i].occupier_id);
	}
	if (p->op == POP_ASSIGN || (p->op == POP_EDIT && p->occ > 0))
		delta_of(dl, &nd, p->occ);
	/* Plan rows in ascending occupier order: no lock cycles. */
	for (i = 1; i < nd; i++)
		for (j = i; j > 0 && dl[j - 1].occ > dl[j].occ; j--) {
			struct holder_delta t = dl[j];

			dl[j] = dl[j - 1];
			dl[j - 1] = t;
		}
	for (i = 0; i < nd; i++)
		if ((rc = store_device_plan_lock(r->a, op, dl[i].occ,
		    site)) <= 0)
			goto fail;

	/* Each port on its own. */
	for (i = 0; i < p->nids; i++) {
		const struct store_hport	*c = &cur[i], *n = &nxt[i];
		enum port_role			 role = port_role_parse(n->role);
		int				 was_on, on, moved;

		was_on = strcmp(c->state, "active") == 0;
		on = strcmp(n->state, "active") == 0;
		moved = c->occupier_id != n->occupier_id;
		if (moved && c->occupier_id > 0 && n->occupier_id > 0) {
			msg(p, arena_printf(r->a, "%s is held by %s: unassign "
			    "it first.", c->label, holder_name(hold, nhold,
			    c->occupier_id)));
			continue;
		}
		if (moved && was_on) {
			msg(p, arena_printf(r->a, "%s is active: deactivate it "
			    "before %s it.", c->label, n->occupier_id > 0 ?
			    "assigning" : "unassigning"));
			continue;
		}
		if (role == PORT_ROLE_OPERATOR && n->occupier_id > 0) {
			msg(p, arena_printf(r->a, "%s: an Operator port cannot "
			    "be held by an occupier; choose another switch port "
			    "role.", c->label));
			continue;
		}
		if (on && role == PORT_ROLE_DISABLED) {
			msg(p, arena_printf(r->a, was_on ? "%s is active: "
			    "deactivate it before disabling it." : "%s is "
			    "Disabled: choose another switch port role before "
			    "activating it.", c->label));
			continue;
		}
		if (on && !was_on && n->occupier_id == 0 &&
		    role != PORT_ROLE_OPERATOR) {
			msg(p, arena_printf(r->a, "%s is unassigned: assign it "
			    "to an occupier before activating it.", c->label));
			continue;
		}
		if (moved && c->occupier_id > 0)
			delta_of(dl, &nd, c->occupier_id)->lost++;
		if (moved && n->occupier_id > 0)
			delta_of(dl, &nd, n->occupier_id)->gained++;
		if (n->occupier_id > 0 && on && !was_on)
			delta_of(dl, &nd, n->occupier_id)->activated++;
		if (c->occupier_id > 0 && was_on && !on)
			delta_of(dl, &nd, c->occupier_id)->deactivated++;
	}
	if (p->nmsgs > 0) {
		db_rollback();
		return 0;
	}

	/* Allocations: ports held when assigning, active when activating. */
	res = arena_calloc(r->a, 1, sizeof(*res));
	for (i = 0; i < nd; i++) {
		int64_t held, active;

		if (dl[i].gained == 0 && dl[i].activated == 0)
			continue;
		if (svcplan_provisioned(r, dl[i].occ, site, res) < 0 ||
		    store_hport_count(r->a, op, dl[i].occ, site, &held,
		    &active) < 0)
			goto err;
		if (!device_alloc_check(INFRA_SWITCH_PORTS, DEVICE_ASSIGNING,
		    held, res->allocated[INFRA_SWITCH_PORTS],
		    dl[i].gained - dl[i].lost, m, sizeof(m)))
			msg(p, arena_printf(r->a, "%s: %s.", holder_name(hold,
			    nhold, dl[i].occ), m));
		else if (!device_alloc_check(INFRA_SWITCH_PORTS,
		    DEVICE_ACTIVATING, active,
		    res->allocated[INFRA_SWITCH_PORTS],
		    dl[i].activated - dl[i].deactivated, m, sizeof(m)))
			msg(p, arena_printf(r->a, "%s: %s.", holder_name(hold,
			    nhold, dl[i].occ), m));
	}
	if (p->nmsgs > 0) {
		db_rollback();
		return 0;
	}

	/* Write: the ports, their audit events, then the services that
	 * waited for a device of an occupier whose port became active. */
	for (i = 0; i < p->nids; i++) {
		const struct store_hport	*c = &cur[i], *n = &nxt[i];
		const char			*action;
		int64_t				 who;

		if (c->occupier_id == n->occupier_id &&
		    strcmp(c->role, n->role) == 0 &&
		    strcmp(c->state, n->state) == 0)
			continue;	/* nothing to change: not an error */
		if (c->occupier_id != n->occupier_id)
			action = n->occupier_id > 0 ? "assign" : "unassign";
		else if (strcmp(c->state, n->state) != 0)
			action = strcmp(n->state, "active") == 0 ? "activate" :
			    "deactivate";
		else
			action = "role";
		if (store_hport_set(op, site, c->id, n->occupier_id, n->role,
		    n->state) <= 0)
			goto err;
		who = n->occupier_id > 0 ? n->occupier_id : c->occupier_id;
		if (store_audit(op, who, site, r->user.id, "floor_port", c->id,
		    action, port_text(r, c, c->occupier_id > 0 ?
		    holder_name(hold, nhold, c->occupier_id) : ""),
		    port_text(r, n, n->occupier_id > 0 ?
		    holder_name(hold, nhold, n->occupier_id) : "")) < 0)
			goto err;
	}
	date_format(r->today, day, sizeof(day));
	for (i = 0; i < nd; i++) {
		struct store_pending	*pend;
		struct svcstart_item	*w;
		size_t			 np, k, nw = 0;
		int64_t			 held = 0, nports, active;
		int32_t			 on;
		char			 od[DATE_STRLEN];

		if (dl[i].activated == 0)
			continue;
		if (store_device_pending(r->a, op, dl[i].occ, site, day, &pend,
		    &np) < 0 ||
		    store_hport_count(r->a, op, dl[i].occ, site, &nports,
		    &active) < 0)
			goto err;
		/* The waiting services that the active ports no started
		 * service holds can carry start now (svcstart.h); one on a
		 * contract that starts later starts on that day. */
		w = arena_calloc(r->a, np + 1, sizeof(*w));
		for (k = 0; k < np; k++) {
			if (pend[k].activated != DATE_NONE)
				held += pend[k].ports;
			else
				w[nw++].ports = pend[k].ports;
		}
		svcstart_on_ports(active, held, w, nw);
		for (k = 0, nw = 0; k < np; k++) {
			if (pend[k].activated != DATE_NONE || !w[nw++].start)
				continue;
			on = svcstart_day(pend[k].start, r->today);
			if ((rc = store_occsvc_activate(op, pend[k].id, on)) < 0)
				goto err;
			if (rc == 0)
				continue;
			date_format(on, od, sizeof(od));
			if (store_audit(op, dl[i].occ, site, r->user.id,
			    "occupier_service", pend[k].id, "activate", NULL,
			    arena_printf(r->a, "service=%s\nactivated=%s",
			    pend[k].name, od)) < 0)
				goto err;
		}
	}
	if (db_commit() < 0)
		return -1;
	return 1;
fail:
	db_rollback();
	return rc < 0 ? -1 : -404;
err:
	db_rollback();
	return -1;
}

static void
fill_select_role(struct tpl_dict *d, enum tpl_name section, const char *cur)
{
	struct tpl_dict	*o;
	int		 k;

	for (k = 0; k < PORT_ROLE__MAX; k++) {
		o = tpl_section(d, section);
		tpl_set(o, TN_KEY, port_role_keys[k]);
		tpl_set(o, TN_LABEL, port_role_labels[k]);
		if (cur != NULL && strcmp(cur, port_role_keys[k]) == 0)
			tpl_show(o, TN_SELECTED);
	}
}

static void
fill_select_occ(struct tpl_dict *d, enum tpl_name section,
    const struct store_holder *h, size_t n, int64_t cur)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < n; i++) {
		o = tpl_section(d, section);
		tpl_set_int(o, TN_ID, h[i].id);
		tpl_set(o, TN_NAME, h[i].name);
		if (h[i].id == cur)
			tpl_show(o, TN_SELECTED);
	}
}

static int
id_in(const int64_t *ids, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/*
 * The screen. p: the request being answered again after a refusal (its
 * input is kept), or NULL. edit: port id of the edit panel, or 0.
 */
static void
render(struct req *r, const struct store_site *s, const struct store_holder *h,
    size_t nh, const struct ports_req *p, int64_t edit)
{
	struct tpl_dict		*d, *fd, *row, *e;
	struct store_floor	*f;
	struct store_port	*pt;
	size_t			 nf, np, i, j, count;
	int64_t			 total, nfree;
	const char		*sel_role = NULL;

	if (store_floor_list(r->a, r->user.operator_id, s->id, &f, &nf) < 0 ||
	    store_port_list_site(r->a, r->user.operator_id, s->id, &pt,
	    &np) < 0 ||
	    store_public_ip_pool(r->a, r->user.operator_id, s->id, &total,
	    &nfree) < 0) {
		page_store_error(r);
		return;
	}
	if (edit > 0) {
		for (j = 0; j < np && pt[j].id != edit; j++)
			continue;
		if (j == np) {
			http_error(r, 404);
			return;
		}
	}
	if ((d = page_begin(r, arena_printf(r->a, "Floor ports · %s", s->name),
	    "site_ports.tpl", "sites")) == NULL)
		return;
	tpl_set_int(d, TN_SITE_ID, s->id);
	tpl_set(d, TN_SITE_NAME, s->name);
	tpl_set_int(d, TN_POOL_TOTAL, total);
	tpl_set_int(d, TN_POOL_FREE, nfree);
	if (p != NULL && p->nmsgs > 0) {
		tpl_show(d, TN_HAS_ERRORS);
		for (i = 0; i < p->nmsgs; i++)
			tpl_set(tpl_section(d, TN_ERRORS), TN_MSG, p->msgs[i]);
	}
	if (p != NULL && p->role != PORT_ROLE__MAX)
		sel_role = port_role_keys[p->role];
	/* The bulk form keeps what was chosen (not for the edit panel). */
	fill_select_occ(d, TN_OCC_OPT, h, nh, p != NULL && p->op != POP_EDIT ?
	    p->occ : 0);
	fill_select_role(d, TN_ROLE_OPT, p != NULL && p->op != POP_EDIT ?
	    sel_role : NULL);
	if (nh == 0)
		tpl_show(d, TN_NO_OCCUPIERS);
	if (edit > 0) {
		const struct store_port *ep = NULL;

		for (j = 0; j < np; j++)
			if (pt[j].id == edit)
				ep = &pt[j];
		e = tpl_section(d, TN_EDIT);
		tpl_set_int(e, TN_PORT_ID, ep->id);
		tpl_set(e, TN_LABEL, ep->label);
		tpl_set(e, TN_SWITCH, ep->switch_name);
		tpl_set_int(e, TN_SWITCH_PORT, ep->switch_port);
		tpl_set(e, TN_STATE, strcmp(ep->state, "active") == 0 ?
		    "Active" : "Inactive");
		if (p != NULL && p->op == POP_EDIT) {
			fill_select_occ(e, TN_E_OCC_OPT, h, nh, p->occ);
			fill_select_role(e, TN_E_ROLE_OPT, sel_role);
			if (p->occ == 0)
				tpl_show(e, TN_NONE_SELECTED);
		} else {
			fill_select_occ(e, TN_E_OCC_OPT, h, nh, ep->occupier_id);
			fill_select_role(e, TN_E_ROLE_OPT, ep->role);
			if (ep->occupier_id == 0)
				tpl_show(e, TN_NONE_SELECTED);
		}
	}
	for (i = 0; i < nf; i++) {
		fd = tpl_section(d, TN_FLOOR);
		tpl_set(fd, TN_NAME, f[i].name);
		tpl_set_int(fd, TN_ID, f[i].id);
		for (j = count = 0; j < np; j++) {
			const struct store_port	*q = &pt[j];
			enum port_role		 role = port_role_parse(q->role);
			int			 on;

			if (q->floor_id != f[i].id)
				continue;
			count++;
			on = strcmp(q->state, "active") == 0;
			row = tpl_section(fd, TN_PORT);
			tpl_set_int(row, TN_ID, q->id);
			tpl_set(row, TN_LABEL, q->label);
			tpl_set(row, TN_SWITCH, q->switch_name);
			tpl_set_int(row, TN_SWITCH_PORT, q->switch_port);
			tpl_set(row, TN_ROLE, port_role_label(q->role));
			if (q->occupier_id > 0) {
				struct tpl_dict *hd = tpl_section(row, TN_HOLDER);

				tpl_set_int(hd, TN_OCC_ID, q->occupier_id);
				tpl_set(hd, TN_OCC_NAME, q->occupier_name);
			} else
				tpl_show(row, TN_NO_HOLDER);
			tpl_set(row, TN_STATE, on ? "Active" : "Inactive");
			tpl_set(row, TN_STATE_CLASS, on ? "active" : "inactive");
			if (p != NULL && p->op != POP_EDIT &&
			    id_in(p->ids, p->nids, q->id))
				tpl_show(row, TN_CHECKED);
			if (q->id == edit)
				tpl_show(row, TN_EDITING);
			if (on)
				tpl_show(row, TN_CAN_DEACTIVATE);
			else if (role != PORT_ROLE_DISABLED &&
			    (q->occupier_id > 0 || role == PORT_ROLE_OPERATOR))
				tpl_show(row, TN_CAN_ACTIVATE);
			if (!on && q->occupier_id > 0)
				tpl_show(row, TN_CAN_UNASSIGN);
		}
		tpl_set_int(fd, TN_NPORTS, (long long)count);
		tpl_show(fd, count == 0 ? TN_NO_PORTS : TN_HAS_PORTS);
	}
	tpl_show(d, nf == 0 ? TN_EMPTY : TN_HAS_FLOORS);
	page_end(r);
}

void
page_site_ports(struct req *r)
{
	struct store_site	 s;
	struct store_holder	*h;
	struct ports_req	 p;
	const char		*e;
	size_t			 nh;
	int64_t			 edit = 0;
	int			 rc, attempt;

	if ((rc = store_site_get(r->a, r->user.operator_id, r->ids[0],
	    &s)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if (store_device_site_occupiers(r->a, r->user.operator_id, s.id, &h,
	    &nh) < 0) {
		page_store_error(r);
		return;
	}
	if (r->method == M_GET) {
		if ((e = kv_get(&r->query, "port")) != NULL &&
		    (edit = parse_id(e)) < 0) {
			http_error(r, 404);
			return;
		}
		render(r, &s, h, nh, NULL, edit);
		return;
	}
	if ((rc = read_request(r, &p)) < 0) {
		http_error_msg(r, 400, "The floor ports form could not be read.");
		return;
	}
	if (rc > 0 && p.occ > 0 && !holder_known(h, nh, p.occ)) {
		/* An occupier of the operator without anything here yet. */
		struct store_occupier	 o;
		struct store_holder	*h2;

		if ((rc = store_occupier_get(r->a, r->user.operator_id, p.occ,
		    &o)) <= 0) {
			if (rc < 0)
				page_store_error(r);
			else
				http_error(r, 404);
			return;
		}
		h2 = arena_calloc(r->a, nh + 1, sizeof(*h2));
		if (nh > 0)
			memcpy(h2, h, nh * sizeof(*h2));
		h2[nh].id = o.id;
		h2[nh].name = o.name;
		h = h2;
		nh++;
	}
	if (rc > 0) {
		for (attempt = 0; attempt < SAVE_TRIES; attempt++) {
			p.nmsgs = 0;
			rc = apply_once(r, s.id, &p, h, nh);
			if (rc != -1 || !db_retryable())
				break;
			log_info("site_ports: retrying after %u", db_errno());
		}
		if (rc == -404) {
			http_error(r, 404);
			return;
		}
		if (rc < 0) {
			page_store_error(r);
			return;
		}
		if (rc > 0) {
			http_redirect(r, arena_printf(r->a,
			    "/sites/%lld/ports?done=saved", (long long)s.id));
			return;
		}
	}
	r->status = 422;
	render(r, &s, h, nh, &p, p.op == POP_EDIT && p.nids == 1 ?
	    p.ids[0] : 0);
}
