/*
 * ops/telephony: the phone numbers of a site's pool (domain §2, §3; the
 * state machine is domain/phone.h): allocate to an occupier or to the
 * operator, deallocate, activate within the occupier's Telephony
 * extensions, deactivate into cooling off, set the main number, and
 * allocate the next N available numbers; retire an available number the
 * operator no longer offers, and restore it (operator admins). See ops.h
 * for the contract of every operation.
 *
 * When an occupier is involved its plan row is locked first, as the
 * Manage services save does, so that activations and services saves of
 * that occupier at that site happen one after the other.
 */
#ifndef TENANTRY_OPS_TELEPHONY_H
#define TENANTRY_OPS_TELEPHONY_H

#include "../domain/phone.h"
#include "ops.h"

struct number_out {
	struct ops_result	 why;
	int			 stale;		/* refused: not at in->version */
};

struct number_change_in {
	int64_t			 site, id;
	enum phone_op		 op;
	/* allocate: who gets it (an occupier, 0 the operator); else the
	 * occupier that must hold it, unless any_holder. */
	int64_t			 occ;
	/* Not allocate: whoever holds the number now (the site's screen). */
	int			 any_holder;
	/* 0: any; else the version the change was asked on (the API's
	 * If-Match): another is OPS_CONFLICT with stale set. */
	int64_t			 version;
};

/*
 * Apply op to number id of site in one transaction with its audit event;
 * an activation also tells the occupier (notify.h). Refused with the
 * reason, the number named (OPS_CONFLICT): a transition the number's state
 * does not allow, an activation beyond the Telephony extensions, an
 * allocation to an occupier without a contract at the site. A number,
 * occupier or site that is not ctx's (or, with occ, a number that
 * occupier does not hold) is OPS_NOT_FOUND; so is a retire or restore
 * asked by anyone but an operator admin or the system. Setting the number that is
 * main already is done, with nothing recorded.
 */
int	 ops_number_change(struct ops_ctx *, const struct number_change_in *,
	    struct number_out *);

struct numbers_allocate_in {
	int64_t			 site;
	int64_t			 occ;		/* an occupier, 0 the operator */
	int64_t			 count;
};

/*
 * Allocate the next count available numbers of site (by number) to occ,
 * in one transaction with an audit event each. Refused (OPS_CONFLICT):
 * an occupier without a contract at the site, fewer numbers available.
 * An occupier or site that is not ctx's is OPS_NOT_FOUND.
 */
int	 ops_numbers_allocate(struct ops_ctx *,
	    const struct numbers_allocate_in *, struct number_out *);

#endif
