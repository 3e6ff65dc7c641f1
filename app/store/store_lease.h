/*
 * store_lease: the claim shared by the outboxes (e-mail, webhooks). A
 * sender leases one due row for itself with an UPDATE that records its
 * owner and sets LAST_INSERT_ID to the row's id (the claim statement,
 * bound: owner, lease end, now), then reads that row back only if it
 * still holds it (the claimed statement, bound: id, owner). Several
 * senders, on several hosts, never send one row twice at a time.
 */
#ifndef TENANTRY_STORE_LEASE_H
#define TENANTRY_STORE_LEASE_H

#include <stdint.h>

#include "db.h"

/* 1 with the claimed row in *row (in a), 0 nothing due (or lost to
 * another sender meanwhile), -1 error. */
int	 store_lease_claim(struct arena *, enum stmt claim, enum stmt claimed,
	    const char *owner, int64_t now, int64_t lease_until,
	    const struct dbrow **row);

#endif
