/*
 * store_ipv6: IPv6 pools of a site and the prefixes delegated from them
 * (ops/ipv6.c). Inside the caller's transaction where it writes. Return
 * convention (db.h): <0 error (logged), 0 nothing found, >0 ok.
 */
#ifndef TENANTRY_STORE_IPV6_H
#define TENANTRY_STORE_IPV6_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/net6.h"

struct arena;

struct store_v6_pool {
	int64_t		 id;
	struct net6	 prefix;
	int		 dlen;		/* delegation length, 56 or 64 */
	int64_t		 delegated;
};

int	 store_v6_pool_list(struct arena *, int64_t op, int64_t site,
	    struct store_v6_pool **, size_t *);
/* Every pool of op at any site, locked (prefix only). */
int	 store_v6_pool_all(struct arena *, int64_t op, struct net6 **,
	    size_t *);
int	 store_v6_pool_insert(int64_t op, int64_t site, const struct net6 *,
	    int dlen);
/* Pool id of site, locked: 1 (*p), 0 not op's or not site's. */
int	 store_v6_pool_lock(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct store_v6_pool *p);
/* The lowest index of pool no delegation has: >= 0, -1 error. */
int64_t	 store_v6_lowest_free(struct arena *, int64_t pool);
/* 1 when occ has a contract at site, 0 not. */
int	 store_v6_occupier_at(struct arena *, int64_t op, int64_t site,
	    int64_t occ);
/* The new delegation's id into *id. 1, or -1. */
int	 store_v6_delegation_insert(int64_t op, int64_t site, int64_t pool,
	    int64_t idx, int64_t occ, int64_t *id);

struct store_v6_delegation {
	int64_t		 id, pool, idx, occupier;
	const char	*occupier_name;
	struct net6	 prefix;	/* the delegated prefix */
	const char	*since;		/* YYYY-MM-DD */
};

/* At most limit delegations of site with an id after after, by id. */
int	 store_v6_delegation_list(struct arena *, int64_t op, int64_t site,
	    int64_t after, size_t limit,
	    struct store_v6_delegation **, size_t *);
/* Delegation id of site, locked: 1 (*d; since not read), 0 none. */
int	 store_v6_delegation_get(struct arena *, int64_t op, int64_t site,
	    int64_t id, struct store_v6_delegation *d);
int	 store_v6_delegation_delete(int64_t op, int64_t id);

#endif
