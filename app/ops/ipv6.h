/*
 * ops/ipv6: IPv6 prefixes a site delegates to its occupiers: pools (a /32
 * to a /60, split into /56 or /64 prefixes) and delegations (the lowest
 * free prefix of a pool to an occupier with a contract at the site). See
 * ops.h for the contract of every operation, domain/net6.h for the rules.
 */
#ifndef TENANTRY_OPS_IPV6_H
#define TENANTRY_OPS_IPV6_H

#include "../domain/net6.h"
#include "../store/store_ipv6.h"
#include "ops.h"

struct v6_pool_add_in {
	int64_t		 site;
	const char	*prefix;	/* "2001:db8:100::/48" */
	int		 dlen;		/* 56 or 64 */
};

struct v6_pool_add_out {
	struct ops_result	 why;
	struct net6		 pool;
	uint64_t		 prefixes;	/* how many it delegates */
};

/*
 * Add an IPv6 pool to site (of ctx's operator), in one transaction with
 * its audit event: a malformed prefix, host bits set, a length out of
 * /32../60 or one sharing an address with any IPv6 pool of any of the
 * operator's sites is refused (OPS_INVALID, "prefix"); a delegation size
 * other than 56 or 64 or not longer than the pool (OPS_INVALID, "dlen");
 * an unknown site is OPS_NOT_FOUND.
 */
int	 ops_v6_pool_add(struct ops_ctx *, const struct v6_pool_add_in *,
	    struct v6_pool_add_out *);

struct v6_delegate_in {
	int64_t		 site, pool, occupier;
};

struct v6_delegate_out {
	struct ops_result	 why;
	struct net6		 prefix;	/* the one delegated */
};

/*
 * Delegate the lowest free prefix of pool (of site) to occupier, in one
 * transaction with its audit event: a full pool is refused (OPS_INVALID,
 * "pool"); an unknown site or pool, or an occupier without a contract at
 * the site, is OPS_NOT_FOUND.
 */
int	 ops_v6_delegate(struct ops_ctx *, const struct v6_delegate_in *,
	    struct v6_delegate_out *);

struct v6_release_in {
	int64_t		 site, delegation;
};

struct v6_release_out {
	struct ops_result	 why;
	struct net6		 prefix;	/* the one released */
};

/*
 * Release a delegation of site (its prefix free again), in one
 * transaction with its audit event; an unknown one is OPS_NOT_FOUND.
 */
int	 ops_v6_release(struct ops_ctx *, const struct v6_release_in *,
	    struct v6_release_out *);

#endif
