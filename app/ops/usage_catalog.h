/*
 * ops/usage_catalog: the usage catalog of an operator (README "Usage
 * billing"): its destination groups, the rate table of each Tariff
 * service, the tariffs' allowances and the Bandwidth services' committed
 * rates and burst prices. One operation states a part of it, checked
 * whole before anything is written and written in one transaction with
 * one audit event: a group named anew is added (a group that exists keeps
 * its id, as rated calls and invoice lines name it, and takes the name
 * given); each tariff named by a rate gets exactly the rates given (its
 * former table replaced), each tariff named by an allowance exactly the
 * allowances given, each bandwidth service named by a tier that tier.
 * What it does not name stays as it is. New rates rate the calls
 * imported from then on (a month is rated again only when an older file
 * comes in; an invoiced month is never billed again).
 */
#ifndef TENANTRY_OPS_USAGE_CATALOG_H
#define TENANTRY_OPS_USAGE_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/ratecard.h"
#include "ops.h"

struct usage_cat_in {
	const struct usage_cat_group		*groups;
	size_t					 ngroups;
	const struct usage_cat_rate		*rates;
	size_t					 nrates;
	const struct usage_cat_allowance	*allowances;
	size_t					 nallowances;
	const struct usage_cat_tier		*tiers;
	size_t					 ntiers;
};

struct usage_cat_out {
	struct ops_result	 why;	/* field: "group N", "rate N", ... */
	size_t			 groups_added, tariffs, tiers;
};

/* The operation's input of card k (read by ratecard_read), whose
 * refusals ratecard_line_of turns into its lines. */
void	 ops_usage_catalog_of_card(const struct ratecard *,
	    struct usage_cat_in *);

/* >0 written, 0 refused (out->why: each problem named by its item,
 * counted from 1), <0 error. */
int	 ops_usage_catalog_set(struct ops_ctx *, const struct usage_cat_in *,
	    struct usage_cat_out *);

#endif
