/*
 * port: see port.h.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "device.h"
#include "port.h"
#include "svcstart.h"

const char *const port_role_keys[PORT_ROLE__MAX] = {
	"occupier_lan",			/* PORT_ROLE_OCCUPIER_LAN */
	"public_ip",			/* PORT_ROLE_PUBLIC_IP */
	"voice",			/* PORT_ROLE_VOICE */
	"wifi_ap",			/* PORT_ROLE_WIFI_AP */
	"operator",			/* PORT_ROLE_OPERATOR */
	"disabled",			/* PORT_ROLE_DISABLED */
};

const char *const port_role_labels[PORT_ROLE__MAX] = {
	"Occupier LAN",			/* PORT_ROLE_OCCUPIER_LAN */
	"Public IP",			/* PORT_ROLE_PUBLIC_IP */
	"Voice",			/* PORT_ROLE_VOICE */
	"Wi-Fi access point",		/* PORT_ROLE_WIFI_AP */
	"Operator",			/* PORT_ROLE_OPERATOR */
	"Disabled",			/* PORT_ROLE_DISABLED */
};

const char *const port_op_keys[PORT_OP__MAX + 1] = {
	"assign",			/* PORT_OP_ASSIGN */
	"role",				/* PORT_OP_ROLE */
	"unassign",			/* PORT_OP_UNASSIGN */
	"activate",			/* PORT_OP_ACTIVATE */
	"deactivate",			/* PORT_OP_DEACTIVATE */
	"edit",				/* PORT_OP_EDIT */
	NULL
};

enum port_role
port_role_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < PORT_ROLE__MAX; i++)
		if (strcmp(s, port_role_keys[i]) == 0)
			return (enum port_role)i;
	return PORT_ROLE__MAX;
}

const char *
port_role_label(const char *key)
{
	enum port_role	 r;

	if (key == NULL)
		return "";
	r = port_role_parse(key);
	return r == PORT_ROLE__MAX ? key : port_role_labels[r];
}

struct port_pos
port_after(enum port_op op, const struct port_pos *cur, int64_t occ,
    enum port_role role)
{
	struct port_pos	 n = *cur;

	switch (op) {
	case PORT_OP_ASSIGN:
	case PORT_OP_EDIT:
		n.holder = occ;
		break;
	case PORT_OP_UNASSIGN:
		n.holder = 0;
		break;
	case PORT_OP_ACTIVATE:
		n.active = 1;
		break;
	case PORT_OP_DEACTIVATE:
		n.active = 0;
		break;
	default:
		break;
	}
	if (role != PORT_ROLE__MAX && (op == PORT_OP_ASSIGN ||
	    op == PORT_OP_ROLE || op == PORT_OP_EDIT))
		n.role = role;
	return n;
}

enum port_refusal
port_check(const struct port_pos *c, const struct port_pos *n)
{
	int	 moved = c->holder != n->holder;

	if (moved && c->holder > 0 && n->holder > 0)
		return PORT_HELD;
	if (moved && c->active)
		return PORT_MOVE_ACTIVE;
	if (n->role == PORT_ROLE_OPERATOR && n->holder > 0)
		return PORT_OPERATOR_HELD;
	if (n->active && n->role == PORT_ROLE_DISABLED)
		return c->active ? PORT_DISABLE_ACTIVE : PORT_ACTIVATE_DISABLED;
	if (n->active && !c->active && n->holder == 0 &&
	    n->role != PORT_ROLE_OPERATOR)
		return PORT_ACTIVATE_UNASSIGNED;
	return PORT_OK;
}

void
port_refusal_text(enum port_refusal why, const char *label,
    const char *holder, const struct port_pos *nxt, char *buf, size_t cap)
{
	if (cap == 0)
		return;
	buf[0] = '\0';
	switch (why) {
	case PORT_HELD:
		snprintf(buf, cap, "%s is held by %s: unassign it first.",
		    label, holder);
		break;
	case PORT_MOVE_ACTIVE:
		snprintf(buf, cap, "%s is active: deactivate it before %s it.",
		    label, nxt->holder > 0 ? "assigning" : "unassigning");
		break;
	case PORT_OPERATOR_HELD:
		snprintf(buf, cap, "%s: an Operator port cannot be held by an "
		    "occupier; choose another switch port role.", label);
		break;
	case PORT_DISABLE_ACTIVE:
		snprintf(buf, cap, "%s is active: deactivate it before "
		    "disabling it.", label);
		break;
	case PORT_ACTIVATE_DISABLED:
		snprintf(buf, cap, "%s is Disabled: choose another switch port "
		    "role before activating it.", label);
		break;
	case PORT_ACTIVATE_UNASSIGNED:
		snprintf(buf, cap, "%s is unassigned: assign it to an occupier "
		    "before activating it.", label);
		break;
	default:
		break;
	}
}

int
port_can_activate(const struct port_pos *p)
{
	return !p->active && p->role != PORT_ROLE_DISABLED &&
	    (p->holder > 0 || p->role == PORT_ROLE_OPERATOR);
}

int
port_can_unassign(const struct port_pos *p)
{
	return !p->active && p->holder > 0;
}

const char *
port_action(const struct port_pos *c, const struct port_pos *n)
{
	if (c->holder != n->holder)
		return n->holder > 0 ? "assign" : "unassign";
	if (c->active != n->active)
		return n->active ? "activate" : "deactivate";
	if (c->role != n->role)
		return "role";
	return NULL;
}

struct port_delta *
port_delta_of(struct port_delta *d, size_t *n, int64_t occ)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (d[i].occ == occ)
			return &d[i];
	memset(&d[*n], 0, sizeof(d[*n]));
	d[*n].occ = occ;
	return &d[(*n)++];
}

void
port_delta_add(struct port_delta *d, size_t *n, const struct port_pos *c,
    const struct port_pos *x)
{
	int	 moved = c->holder != x->holder;

	if (moved && c->holder > 0)
		port_delta_of(d, n, c->holder)->lost++;
	if (moved && x->holder > 0)
		port_delta_of(d, n, x->holder)->gained++;
	if (x->holder > 0 && x->active && !c->active)
		port_delta_of(d, n, x->holder)->activated++;
	if (c->holder > 0 && c->active && !x->active)
		port_delta_of(d, n, c->holder)->deactivated++;
}

void
port_delta_sort(struct port_delta *d, size_t n)
{
	struct port_delta	 t;
	size_t			 i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && d[j - 1].occ > d[j].occ; j--) {
			t = d[j];
			d[j] = d[j - 1];
			d[j - 1] = t;
		}
}

int
port_delta_grows(const struct port_delta *d)
{
	return d->gained != 0 || d->activated != 0;
}

int
port_alloc_check(const struct port_delta *d, int64_t held, int64_t active,
    int64_t allocated, char *msg, size_t cap)
{
	if (!device_alloc_check(INFRA_SWITCH_PORTS, DEVICE_ASSIGNING, held,
	    allocated, d->gained - d->lost, msg, cap))
		return 0;
	return device_alloc_check(INFRA_SWITCH_PORTS, DEVICE_ACTIVATING,
	    active, allocated, d->activated - d->deactivated, msg, cap);
}

size_t
port_services_start(int64_t active, struct port_service *s, size_t n,
    int32_t today)
{
	struct svcstart_item	 w;
	int64_t			 held = 0;
	size_t			 i, k = 0;

	for (i = 0; i < n; i++)
		if (s[i].started)
			held += s[i].ports;
	/* svcstart_on_ports one service at a time: each start takes its
	 * ports from what is free for the next. */
	for (i = 0; i < n; i++) {
		s[i].on = DATE_NONE;
		if (s[i].started)
			continue;
		w.ports = s[i].ports;
		if (svcstart_on_ports(active, held, &w, 1) == 0)
			continue;
		held += w.ports;
		s[i].on = svcstart_day(s[i].start, today);
		k++;
	}
	return k;
}
