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

struct site_archive_in {
	int64_t		 id;
	int		 archive;	/* 1 archive, 0 restore */
	int32_t		 today;		/* the operator's date */
};

/*
 * Archive site in->id of ctx's operator on in->today, or restore it, in
 * one transaction with its audit event. A site with a contract that has
 * not ended by today (active, or to start) is refused (OPS_INVALID, the
 * message names how many); archiving an archived site or restoring one
 * in use is refused too (OPS_CONFLICT: someone else did it); an unknown
 * id is OPS_NOT_FOUND. An archived site takes no new contract
 * (ops_contract_save refuses it).
 */
int	 ops_site_archive(struct ops_ctx *, const struct site_archive_in *,
	    struct ops_result *);

struct number_range_in {
	int64_t		 site;
	const char	*from, *to;	/* as typed (estate.h: estate_range);
					 * to NULL or "": the one number from */
	int		 ported_in;	/* ported in from another provider */
};

struct number_range_out {
	struct ops_result	 why;
	int64_t			 added;
};

/*
 * Add a range of phone numbers to the pool of site (of ctx's operator),
 * available (marked ported in when in->ported_in), in one transaction
 * with one audit event: a malformed range
 * is refused by its field (OPS_INVALID), and so is a range that overlaps
 * a number of any of the operator's pools; an unknown site is
 * OPS_NOT_FOUND.
 */
int	 ops_number_range_add(struct ops_ctx *, const struct number_range_in *,
	    struct number_range_out *);

#endif
