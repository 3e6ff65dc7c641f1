/*
 * ops/devices: an occupier's devices at a site (domain §3): Wi-Fi devices
 * and Wi-Fi accounts (register, activate, deactivate, remove) and the
 * public IP addresses its Public IP services hold (activate with the
 * device's MAC address, deactivate). Activating is refused beyond the
 * allocation of the occupier's services, checked after its plan row is
 * locked (the order every allocation check locks in). See ops.h for the
 * contract of every operation.
 */
#ifndef TENANTRY_OPS_DEVICES_H
#define TENANTRY_OPS_DEVICES_H

#include "../domain/device.h"
#include "../domain/rules.h"
#include "../domain/validate.h"
#include "ops.h"

/* The register form's fields (the Devices tabs' and the API's), per
 * device type: the identifier is named for what it is. */
enum device_reg_field {
	DRF_IDENTIFIER,		/* identifier */
	DRF_LABEL,		/* label */
	DRF__MAX
};
extern const struct field ops_device_reg_fields[DEVICE_TYPE__MAX][DRF__MAX];

/* What every operation of this file answers. */
struct device_out {
	struct ops_result	 why;
	int64_t			 id;	/* register: the device registered */
};

struct device_register_in {
	int64_t			 occ, site;
	enum device_type	 type;
	const char		*identifier;	/* as typed: a MAC address, an account name */
	const char		*label;
	int			 activate;	/* registered and activated at once */
	int			 name_site;	/* a duplicate's message names the site */
};

/*
 * Register a device of occupier occ at site (stored as typed, a MAC
 * address in its lower-case colon form), with its audit event; activated
 * at once, within the allocation, when in->activate. Refused: an
 * identifier that is not one (OPS_INVALID, field "identifier"), one
 * registered already at the site (likewise), beyond the allocation
 * (OPS_CONFLICT); an occupier or site not ctx's is OPS_NOT_FOUND.
 */
int	 ops_device_register(struct ops_ctx *, const struct device_register_in *,
	    struct device_out *);

enum device_change {
	DEVICE_CHANGE_ACTIVATE,
	DEVICE_CHANGE_DEACTIVATE,
	DEVICE_CHANGE_REMOVE,
};

struct device_change_in {
	int64_t			 occ, site, id;
	enum device_change	 what;
};

/*
 * Activate (within the allocation: else OPS_CONFLICT), deactivate or
 * remove (not while active: OPS_CONFLICT) device id of occupier occ at
 * site, with its audit event. A device already so is done, unchanged. A
 * device that is not the occupier's there is OPS_NOT_FOUND.
 */
int	 ops_device_change(struct ops_ctx *, const struct device_change_in *,
	    struct device_out *);

struct public_ip_change_in {
	int64_t			 occ, site, id;
	int			 activate;	/* 1 activate, 0 deactivate */
	const char		*mac;		/* activate: the device's, as typed */
};

/*
 * Activate address id of occupier occ at site for the device with MAC
 * address mac (OPS_INVALID, field "mac", when it is not one; OPS_CONFLICT
 * when the address is active already or beyond the allocation), or
 * deactivate it (an inactive one is done, unchanged), with its audit
 * event. An address that is not the occupier's there is OPS_NOT_FOUND.
 */
int	 ops_public_ip_change(struct ops_ctx *,
	    const struct public_ip_change_in *, struct device_out *);

/*
 * The provisioned infrastructure of occupier occ at site (domain §3: Y of
 * its active and scheduled services, X in use), as the Services tab shows
 * it, read inside the transaction of t. 1, or -1 store error. Shared by
 * the operations that check an allocation (ports, telephony).
 */
int	 ops_provisioned(struct txn *, int64_t occ, int64_t site,
	    struct rules_result *);

/* May one more of kind be activated by occupier occ at site? 1 yes;
 * 0 refused into why (OPS_CONFLICT, the fraction named); -1 error.
 * Inside t, after the plan row is locked. */
int	 ops_alloc_ok(struct txn *, struct ops_result *why, int64_t occ,
	    int64_t site, enum infra kind);

#endif
