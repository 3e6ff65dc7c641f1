/*
 * ops/ports: the floor ports of a site (domain §3; the rules of a port
 * change are domain/port.h). See ops.h for the contract of every
 * operation.
 */
#ifndef TENANTRY_OPS_PORTS_H
#define TENANTRY_OPS_PORTS_H

#include "../domain/port.h"
#include "../store/store_device.h"
#include "ops.h"

struct ports_change_in {
	int64_t			 site;
	enum port_op		 op;
	const int64_t		*ids;		/* the ports, ascending, each once */
	size_t			 nids;
	int64_t			 occ;		/* assign, edit: the holder; 0 none */
	enum port_role		 role;		/* PORT_ROLE__MAX: each port keeps its own */
	/* The occupiers at the site (names for messages and audit events). */
	const struct store_holder *holders;
	size_t			 nholders;
};

struct ports_change_out {
	struct ops_result	 why;
	/* in's holders and, when in->occ was not one of them, that occupier
	 * (a form shown again offers it). */
	const struct store_holder *holders;
	size_t			 nholders;
};

/*
 * Apply op to the ports ids of site, every port or none, in one
 * transaction with an audit event per port that changes: assign to
 * occupier occ (and role), switch role, unassign, activate, deactivate,
 * or edit one port (holder occ, 0 none, and role). Activating a port
 * starts the holder's services at the site that wait for a device, as
 * far as its free active ports go (domain/port.h), each with its audit
 * event. Refused with messages for the form: no port named, no occupier
 * to assign to, no role to switch to (OPS_INVALID); a port that may not
 * take the change (port_check), a holder beyond its Switch ports
 * allocation, by ports held when assigning and by active ports when
 * activating (OPS_CONFLICT); edit of more than one port (OPS_BAD_FORM). A
 * port, occupier or site that is not ctx's is OPS_NOT_FOUND.
 */
int	 ops_ports_change(struct ops_ctx *, const struct ports_change_in *,
	    struct ports_change_out *);

/* In t (the plan of occ at site locked): start the services that need
 * a device which occ's active switch ports at the site now leave room for
 * (domain/svcstart.h), each with an "activate" audit event. 1, -1. */
int	 ops_ports_start_services(struct txn *, int64_t occ, int64_t site);

#endif
