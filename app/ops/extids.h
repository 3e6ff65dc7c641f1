/*
 * ops/extids: the ids other platforms give to an operator's occupiers,
 * contracts and sites (one per integration), set by a sync through the
 * API. See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_EXTIDS_H
#define TENANTRY_OPS_EXTIDS_H

#include "../store/store_api.h"
#include "ops.h"

#define EXTID_INTEGRATION_MAX	40
#define EXTID_ID_MAX		190
#define EXTID_SET_MAX		16	/* integrations in one change */

struct extids_in {
	const char		*entity;	/* occupier, contract, site */
	int64_t			 id;		/* the record, in ctx's scope */
	struct store_extid	 set[EXTID_SET_MAX];	/* external_id NULL: remove */
	size_t			 n;
};

/*
 * Set (or remove) the record's external id in each integration of in, in
 * one transaction with one audit event: an integration name that is not
 * 1-40 of [a-z0-9_-], or an id that is empty, over 190 bytes or holds a
 * control character, is refused by its integration (OPS_INVALID); an id
 * that already names another record of the kind in that integration is
 * OPS_CONFLICT, and nothing is changed. The caller has checked the record
 * is in its scope.
 */
int	 ops_extids_set(struct ops_ctx *, const struct extids_in *,
	    struct ops_result *);
/* 1 when s is an integration name (1-40 of [a-z0-9_-]). */
int	 extid_integration_ok(const char *s);

#endif
