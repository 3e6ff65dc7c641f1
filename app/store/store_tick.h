/*
 * store_tick: the statements of the daily job (ops/tick.c) and of the
 * move-out checklist. Inside the caller's transaction where it has one.
 * Return convention (db.h): <0 error (logged), 0 nothing, >0 ok.
 */
#ifndef TENANTRY_STORE_TICK_H
#define TENANTRY_STORE_TICK_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_tick_op {
	int64_t		 id;
	const char	*timezone;
};

/* Every operator, by id. 1 (n may be 0), -1 error. */
int	 store_tick_operators(struct arena *, struct store_tick_op **, size_t *);
/* Claim operator op's run of day: 1 claimed, 0 another host has it. */
int	 store_tick_claim(int64_t op, int32_t day, const char *host,
	    int64_t now);
int	 store_tick_finish(int64_t op, int32_t day, int64_t now);
/* Numbers whose cooling off is over back to available: rows changed. */
int64_t	 store_tick_cooloff_end(int64_t op, int32_t day);

struct store_tick_contract {
	int64_t		 id, occ, site;
	int32_t		 end;
	const char	*reference;
};
/* An occupier at a site. */
struct store_tick_plan {
	int64_t		 occ, site;
};
/* The plans holding a service that needs a device, due by day and not
 * started, after plan *after in (occupier, site) order (0, 0: from the
 * first), 500 at most. 1 (*n may be 0), -1 error. */
int	 store_tick_device_due(struct arena *, int64_t op, int32_t day,
	    const struct store_tick_plan *after,
	    struct store_tick_plan **, size_t *n);
/* Contracts ended by day whose move-out has not run, oldest first. */
int	 store_tick_moveouts(struct arena *, int64_t op, int32_t day,
	    struct store_tick_contract **, size_t *);
/* Lock a contract whose move-out has not run: 1, 0 done meanwhile. */
int	 store_tick_contract_lock(struct arena *, int64_t op, int64_t id);
int	 store_tick_contract_done(int64_t op, int64_t id, int32_t day);

/* What a move-out released, for its audit event and the checklist. */
struct store_tick_release {
	int64_t		 services, numbers, ports, ips, ipv6, devices, users;
};
/* End the contract's services on end (never-charged ones deleted), their
 * ledger closed on end: services = how many. 1, -1 error. */
int	 store_tick_end_services(int64_t op, int64_t contract, int32_t end,
	    int64_t *services);
/* Other contracts of occ running after day: at site (site != 0) or
 * anywhere. The count, or -1 error. */
int64_t	 store_tick_live(struct arena *, int64_t op, int64_t occ,
	    int64_t site, int64_t contract, int32_t day);
/* Release occ's numbers (active ones cool off until until; its holdings
 * of them end at unix time at), ports, public IPs and Wi-Fi devices and
 * accounts at site. 1, -1 error. */
int	 store_tick_release_site(int64_t op, int64_t site, int64_t occ,
	    int32_t day, int32_t until, int64_t at, struct store_tick_release *);
/* Disable occ's users: how many, -1 error. */
int64_t	 store_tick_disable_users(int64_t op, int64_t occ);
/* What the move-out of contract would release now: 1, 0 it has run, -1
 * error. */
int	 store_tick_preview(struct arena *, int64_t op, int64_t contract,
	    int64_t site, int64_t occ, struct store_tick_release *);

#endif
