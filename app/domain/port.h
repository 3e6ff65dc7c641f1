/*
 * port: the pure rules of floor ports (domain §3). A floor port has a
 * switch port role, a holder (an occupier, or nobody) and a state (active
 * or inactive). The site's floor ports screen changes ports in bulk:
 * assign them to an occupier, switch their role, unassign, activate,
 * deactivate, or edit one port (holder and role). This module says what
 * such a change does to a port, whether the port may take it, what the
 * audit log calls it, how it moves each holder's counts and whether those
 * stay within the holder's Switch ports allocation, and which of the
 * holder's waiting services the active ports start. No I/O, no allocation.
 */
#ifndef TENANTRY_PORT_H
#define TENANTRY_PORT_H

#include <stddef.h>
#include <stdint.h>

/* Switch port roles of a floor port, in display order. */
enum port_role {
	PORT_ROLE_OCCUPIER_LAN,	/* "occupier_lan": "Occupier LAN" */
	PORT_ROLE_PUBLIC_IP,	/* "public_ip": "Public IP" */
	PORT_ROLE_VOICE,	/* "voice": "Voice" */
	PORT_ROLE_WIFI_AP,	/* "wifi_ap": "Wi-Fi access point" */
	PORT_ROLE_OPERATOR,	/* "operator": "Operator" */
	PORT_ROLE_DISABLED,	/* "disabled": "Disabled" */
	PORT_ROLE__MAX
};
extern const char *const port_role_keys[PORT_ROLE__MAX];	/* stored value */
extern const char *const port_role_labels[PORT_ROLE__MAX];	/* shown */
/* The role whose key is s, or PORT_ROLE__MAX (also for NULL). */
enum port_role	 port_role_parse(const char *s);
/* Label of a stored key; the key itself when unknown, "" for NULL. */
const char	*port_role_label(const char *key);

/* What the floor ports screen does to the ports it names. */
enum port_op {
	PORT_OP_ASSIGN,		/* "assign": to an occupier (and a role) */
	PORT_OP_ROLE,		/* "role": switch the role */
	PORT_OP_UNASSIGN,	/* "unassign": holder none */
	PORT_OP_ACTIVATE,	/* "activate" */
	PORT_OP_DEACTIVATE,	/* "deactivate" */
	PORT_OP_EDIT,		/* "edit": one port's holder (or none) and role */
	PORT_OP__MAX
};
/* Form values, NULL-terminated (for validate_enum). */
extern const char *const port_op_keys[PORT_OP__MAX + 1];

/* One port as the rules see it. role PORT_ROLE__MAX: a stored role this
 * module does not know (kept as it is). */
struct port_pos {
	int64_t		 holder;	/* occupier id, 0: unassigned */
	enum port_role	 role;
	int		 active;
};

/*
 * The port cur after op: holder occ for assign and edit (0: none), none
 * for unassign, active or not for activate and deactivate, and role for
 * assign, role and edit unless role is PORT_ROLE__MAX (keep each port's).
 */
struct port_pos	 port_after(enum port_op op, const struct port_pos *cur,
		    int64_t occ, enum port_role role);

/* Why a port may not go from cur to nxt. */
enum port_refusal {
	PORT_OK,
	PORT_HELD,		/* held by another occupier: unassign first */
	PORT_MOVE_ACTIVE,	/* an active port changes holder */
	PORT_OPERATOR_HELD,	/* an Operator port with a holder */
	PORT_DISABLE_ACTIVE,	/* an active port made Disabled */
	PORT_ACTIVATE_DISABLED,	/* a Disabled port activated */
	PORT_ACTIVATE_UNASSIGNED, /* a port nobody holds activated (not Operator) */
	PORT_REFUSAL__MAX
};

/* The first rule the change cur -> nxt breaks, or PORT_OK. */
enum port_refusal port_check(const struct port_pos *cur,
		    const struct port_pos *nxt);
/*
 * The refusal as the screen says it, about the port labelled label whose
 * holder (cur's, for PORT_HELD) is called holder; nxt says whether the
 * port was being assigned or unassigned. Always NUL-terminated (cap > 0).
 */
void		 port_refusal_text(enum port_refusal, const char *label,
		    const char *holder, const struct port_pos *nxt, char *buf,
		    size_t cap);

/* May the screen offer to activate, or to unassign, port p? (What
 * port_check allows.) */
int		 port_can_activate(const struct port_pos *p);
int		 port_can_unassign(const struct port_pos *p);

/* The audit action of cur -> nxt: "assign", "unassign", "activate",
 * "deactivate", "role", or NULL when nothing changes. */
const char	*port_action(const struct port_pos *cur,
		    const struct port_pos *nxt);

/* How one holder's ports move in a change. */
struct port_delta {
	int64_t		 occ;
	int64_t		 gained, lost;		/* ports held */
	int64_t		 activated, deactivated;
};

/* The entry of occ in d[0..*n), appended (zeroed) when missing; d has
 * room for it. */
struct port_delta *port_delta_of(struct port_delta *d, size_t *n,
		    int64_t occ);
/* Count the change cur -> nxt of one port into its holders' entries. */
void		 port_delta_add(struct port_delta *d, size_t *n,
		    const struct port_pos *cur, const struct port_pos *nxt);
/* Sort d[0..n) by occupier id (the order plan rows are locked in). */
void		 port_delta_sort(struct port_delta *d, size_t n);
/* 1 when the holder gains or activates ports (its allocation must be
 * checked), else 0. */
int		 port_delta_grows(const struct port_delta *d);
/*
 * The Switch ports allocation (domain §3) after d for a holder that holds
 * held ports, active of them active, with allocated allocated: ports held
 * when assigning, then active ones when activating. 1 when it fits; else
 * 0 with the refusal in msg (cap bytes), e.g. "Switch ports 3/3: add a
 * service with switch ports before assigning another port".
 */
int		 port_alloc_check(const struct port_delta *d, int64_t held,
		    int64_t active, int64_t allocated, char *msg, size_t cap);

/* A service of the holder that needs a device (switch ports). */
struct port_service {
	int64_t		 ports;		/* switch ports it needs */
	int32_t		 start;		/* its start date */
	int		 started;	/* activated already (holds its ports) */
	int32_t		 on;		/* out: the day it starts, DATE_NONE: not now */
};

/*
 * The holder's services s[0..n) once it has active ports active: the
 * waiting ones (not started) that the active ports no started service
 * holds can carry start, in order (svcstart.h), each on
 * svcstart_day(start, today). Sets s[i].on; returns how many start.
 */
size_t		 port_services_start(int64_t active, struct port_service *s,
		    size_t n, int32_t today);

#endif
