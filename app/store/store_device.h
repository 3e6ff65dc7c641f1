/*
 * store_device: floor ports as occupiers hold them, the per-site public IP
 * address pools and registered devices (Wi-Fi devices and Wi-Fi accounts).
 * Every function takes the operator id and filters on it: a
 * row of another operator is "not found".
 *
 * Return convention (db.h): <0 error (logged), 0 not found / nothing
 * changed, >0 ok; -2 where stated. Strings live in the arena passed in.
 *
 * Locking: writers that check an allocation lock, inside one transaction
 * and in this order, the rows they change (floor ports) and then the
 * occupier's plan row (store_device_plan_lock), which the Manage services
 * save locks first too; counts read after that see every committed
 * change. Public IP addresses and devices are locked after the plan row.
 */
#ifndef TENANTRY_STORE_DEVICE_H
#define TENANTRY_STORE_DEVICE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* ---- plan lock and pending services ---- */

/* Lock the occupier's plan row at the site (created if missing; the
 * caller's rollback removes it again). 1 ok, 0 occupier or site not the
 * operator's, -1 error. */
int	 store_device_plan_lock(struct arena *, int64_t op, int64_t occ,
	    int64_t site);

struct store_pending {
	int64_t		 id;		/* occupier_service */
	const char	*name;		/* catalog service name */
	int32_t		 start;		/* its start date */
	int32_t		 activated;	/* DATE_NONE: waiting for its device */
	int64_t		 ports;		/* switch ports it needs */
};

/* Services of the occupier at the site that need a device and have not
 * ended on day, started or waiting (whatever their start date: one on a
 * future contract starts on that date), by id. 1 ok (n may be 0), -1
 * error. */
int	 store_device_pending(struct arena *, int64_t op, int64_t occ,
	    int64_t site, const char *day, struct store_pending **, size_t *n);

/* ---- floor ports ---- */

struct store_hport {
	int64_t		 id;
	int64_t		 floor_id;
	const char	*floor_name;	/* store_hport_list only */
	const char	*label;
	const char	*switch_name;
	int64_t		 switch_port;
	const char	*role;
	int64_t		 occupier_id;	/* 0: unassigned */
	const char	*state;		/* inactive, active */
};

/* Lock one floor port of the site (FOR UPDATE). 1 found, 0 not. */
int	 store_hport_lock(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct store_hport *);
/* Set holder (0: none), role and state of a floor port. 1 ok, 0 gone. */
int	 store_hport_set(int64_t op, int64_t site, int64_t id, int64_t occ,
	    const char *role, const char *state);
/* Floor ports the occupier holds at the site, and how many are active. */
int	 store_hport_count(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t *held, int64_t *active);
/* The occupier's floor ports at the site, by floor and label. 1 ok. */
int	 store_hport_list(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_hport **, size_t *n);

struct store_holder {
	int64_t		 id;
	const char	*name;
};

/* Occupiers with a contract or a floor port at the site, by name. */
int	 store_device_site_occupiers(struct arena *, int64_t op, int64_t site,
	    struct store_holder **, size_t *n);

/* ---- public IP addresses ---- */

struct store_public_ip {
	int64_t		 id;
	const char	*address;
	const char	*block;
	const char	*state;		/* free, assigned, active */
	const char	*device_mac;	/* "" when none */
};

/* The occupier's addresses at the site, by id. 1 ok. */
int	 store_public_ip_list(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_public_ip **, size_t *n);
/* Lock one of the occupier's addresses. 1 found, 0 not. */
int	 store_public_ip_lock(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t id, struct store_public_ip *);
/* Set state (assigned or active) and device MAC (NULL: none) of an
 * assigned address. 1 ok, 0 gone. */
int	 store_public_ip_set(int64_t op, int64_t id, const char *state,
	    const char *mac);
/* Size of the site's pool and how much of it is free. */
int	 store_public_ip_pool(struct arena *, int64_t op, int64_t site,
	    int64_t *total, int64_t *nfree);
/*
 * Inside the caller's transaction, make the occupier hold exactly want
 * addresses at the site: assign free ones of the site pool (lowest ids
 * first, skipping rows other transactions hold) or release assigned but
 * not active ones (highest ids first). Writes an audit event per address
 * (user: the system). *have receives the number held afterwards (or now,
 * when nothing changed). Returns 1 ok (also when nothing had to change),
 * -2 when the pool is short or releasing would drop an active address
 * (nothing changed), -1 error.
 */
int	 store_public_ip_sync(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t want, int64_t *have);
/* One address of the site pool (the pool add); occ 0 for free, mac NULL
 * for none. */
int	 store_public_ip_insert(int64_t op, int64_t site, const char *address,
	    const char *block, int64_t occ, const char *state, const char *mac);

/* ---- devices (Wi-Fi devices and Wi-Fi accounts) ---- */

struct store_device {
	int64_t		 id;
	const char	*type;		/* wifi_device, wifi_account */
	const char	*identifier;	/* lower-case MAC, or account name */
	const char	*label;
	const char	*state;		/* registered, active */
};

/* The occupier's devices at the site, by type and identifier. 1 ok. */
int	 store_device_list(struct arena *, int64_t op, int64_t occ,
	    int64_t site, struct store_device **, size_t *n);
/* Lock one of the occupier's devices. 1 found, 0 not. */
int	 store_device_lock(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t id, struct store_device *);
/* Register a device. 1 ok, 0 occupier or site not the operator's, -2 the
 * identifier is already registered at the site (for this type). */
int	 store_device_insert(int64_t op, int64_t occ, int64_t site,
	    const char *type, const char *identifier, const char *label,
	    const char *state, int64_t *id);
int	 store_device_set_state(int64_t op, int64_t id, const char *state);
int	 store_device_delete(int64_t op, int64_t id);

#endif
