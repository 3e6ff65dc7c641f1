/*
 * ops/catalog: an operator admin's changes to the catalog: a service
 * added, edited (its RRP, description, sites and prices by site ...),
 * retired or offered again, its rules, and every service's VAT rate and
 * accounting codes. See ops.h for the contract of every operation.
 *
 * The catalog and the sites an operation checks against are ctx's
 * operator's, as the page read them to show the form (store_catalog_load,
 * store_site_list): a service or rule not among them is OPS_NOT_FOUND. A
 * change of the service or its rules also bumps the catalog version (the
 * workers' caches read it again).
 */
#ifndef TENANTRY_OPS_CATALOG_H
#define TENANTRY_OPS_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "../domain/catalog.h"
#include "../store/store.h"
#include "../store/store_invoice.h"
#include "ops.h"

struct catalog_out {
	struct ops_result	 why;
	int64_t			 id;	/* ops_catalog_service_add: the new service */
	/* A rule added: the plans it would break (0: none), and a few of
	 * them named ("Acme Ltd at Canary Wharf, ..."). */
	size_t			 impact;
	const char		*impact_names;
};

struct catalog_service_in {
	const struct store_catalog	*cat;
	const struct store_site		*sites;
	size_t				 nsites;
	int64_t				 service_id;	/* save: which; add: 0 */
	struct store_service_def	 def;		/* as sent */
	const int64_t			*checked;	/* site ids ticked */
	size_t				 nchecked;
	const int64_t			*site_rrp;	/* per sites[i]: its own
							 * RRP, < 0 none (NULL:
							 * none at all) */
};

/* Save a service: its code (another service's refused, on "code"), name,
 * category, description, cost, RRP and entitlements, offered at the sites
 * ticked (ids that are none of the operator's sites are ignored), each
 * at its own RRP when it has one. */
int	 ops_catalog_service_save(struct ops_ctx *,
	    const struct catalog_service_in *, struct catalog_out *);

/* Add a service to the catalog (as ops_catalog_service_save; out->id). */
int	 ops_catalog_service_add(struct ops_ctx *,
	    const struct catalog_service_in *, struct catalog_out *);

struct catalog_retire_in {
	const struct store_catalog	*cat;
	int64_t				 service_id;
	int				 retired;	/* 1 retire, 0 offer again */
};

/* Retire a service (no longer offered: not among Available services nor
 * accepted on a new row; plans that hold it keep it until it is removed)
 * or offer it again. Already so: OPS_CONFLICT. */
int	 ops_catalog_service_retire(struct ops_ctx *,
	    const struct catalog_retire_in *, struct catalog_out *);

struct catalog_rule_in {
	const struct store_catalog	*cat;
	int64_t				 service_id;
	struct catalog_rule		 rule;	/* other_ok: worked out here */
	int				 confirmed;	/* its impact was shown */
};

/* Add a rule of the service (domain/catalog.h checks it: OPS_INVALID with
 * the message on its field). A rule that plans saved before it break is
 * refused (OPS_INVALID, out->impact and out->impact_names) unless
 * confirmed: those plans stay as they are, saveable for changes that do
 * not make it worse (plan.c). */
int	 ops_catalog_rule_add(struct ops_ctx *, const struct catalog_rule_in *,
	    struct catalog_out *);

struct catalog_rule_delete_in {
	const struct store_catalog	*cat;
	int64_t				 service_id;
	int64_t				 rule_id;	/* 0: none */
};

/* Delete a rule of the service (its own, or an excludes rule naming it:
 * anything else is OPS_NOT_FOUND). */
int	 ops_catalog_rule_delete(struct ops_ctx *,
	    const struct catalog_rule_delete_in *, struct catalog_out *);

struct catalog_codes_in {
	const struct store_svcbill	*old;	/* every service, as read */
	const struct store_svcbill	*new_;	/* the same services, as sent */
	size_t				 n;
};

/* Save the VAT rates and accounting codes of the services that changed,
 * all in one transaction, an audit event each. */
int	 ops_catalog_codes_save(struct ops_ctx *,
	    const struct catalog_codes_in *, struct catalog_out *);

#endif
