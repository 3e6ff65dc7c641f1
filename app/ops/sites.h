/*
 * ops/sites: the operator admin's sites (name, address, time zone,
 * currency). See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_SITES_H
#define TENANTRY_OPS_SITES_H

#include "../store/store_estate.h"
#include "ops.h"

struct site_save_in {
	int64_t		 id;		/* 0: a new site */
	const char	*name, *address;
	const char	*timezone;	/* "": the operator's */
	const char	*currency;	/* "": the operator's */
};

struct site_save_out {
	struct ops_result	 why;
	int64_t			 id;	/* the site saved */
};

/*
 * Create a site of ctx's operator (in->id 0) or change one, in one
 * transaction with its audit event: a name another of its sites has, a
 * time zone the system does not know, or a currency that is not an ISO
 * 4217 code is refused (OPS_INVALID, by the field); an unknown id is
 * OPS_NOT_FOUND.
 */
int	 ops_site_save(struct ops_ctx *, const struct site_save_in *,
	    struct site_save_out *);

#endif
