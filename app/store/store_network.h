/*
 * store_network: switches, floor ports and public IP pools as the
 * operator admin adds them (ops/network.c). Inside the caller's
 * transaction. Return convention (db.h): <0 error (logged), 0 nothing
 * found, >0 ok.
 */
#ifndef TENANTRY_STORE_NETWORK_H
#define TENANTRY_STORE_NETWORK_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_switch {
	int64_t		 id;
	const char	*name, *model;
	int64_t		 ports;		/* numbered 1..ports */
	int64_t		 used;		/* floor ports on it */
};

int	 store_switch_list(struct arena *, int64_t op, int64_t site,
	    struct store_switch **, size_t *);
/* Switch name of site, locked: 1 (*id, *ports), 0 none. */
int	 store_switch_by_name(struct arena *, int64_t op, int64_t site,
	    const char *name, int64_t *id, int64_t *ports);
int	 store_switch_insert(int64_t op, int64_t site, const char *name,
	    const char *model, int64_t ports, int64_t *id);

/* Floor id of site: 1 (*name), 0 not op's or not site's. */
int	 store_net_floor_get(struct arena *, int64_t op, int64_t site,
	    int64_t floor, const char **name);

/* A port of site with label, or on switch port sw/port: 1 (*what says
 * which: "label" or "switch"), 0 none. */
int	 store_port_clash(struct arena *, int64_t op, int64_t site,
	    const char *label, const char *sw, int64_t port, const char **what);
/* A floor port, unassigned and inactive; space 0: none. */
int	 store_port_insert(int64_t op, int64_t site, int64_t floor,
	    const char *label, const char *sw, int64_t port, const char *role,
	    int64_t space);

/* Space name (not archived) on floor: 1 (*id), 0 none. */
int	 store_space_by_name(struct arena *, int64_t op, int64_t floor,
	    const char *name, int64_t *id);

struct store_ip_pool {
	int64_t		 id;
	const char	*cidr;
	int64_t		 addresses, free;
};

int	 store_ip_pool_list(struct arena *, int64_t op, int64_t site,
	    struct store_ip_pool **, size_t *);
/* A pool of op (any site) overlapping [first, last]: 1 (*cidr), 0 none. */
int	 store_ip_pool_overlap(struct arena *, int64_t op, uint32_t first,
	    uint32_t last, const char **cidr);
/* Addresses of op's pools in [first, last]; -1 error. */
int64_t	 store_ip_in_range(struct arena *, int64_t op, uint32_t first,
	    uint32_t last);
int	 store_ip_pool_insert(int64_t op, int64_t site, const char *cidr,
	    uint32_t first, uint32_t last, int64_t *id);

#endif
