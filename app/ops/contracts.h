/*
 * ops/contracts: an occupier's contracts at a site. See ops.h for the
 * contract of every operation.
 */
#ifndef TENANTRY_OPS_CONTRACTS_H
#define TENANTRY_OPS_CONTRACTS_H

#include "../store/store.h"
#include "ops.h"

/* Whether an edit from old to new_ moves a date into or out of an
 * invoiced, locked month: 1 (*msg says why), 0 not, -1 store error. */
typedef int	(*contract_locked_fn)(void *arg,
		    const struct store_contract *old,
		    const struct store_contract *new_, const char **msg);

struct contract_save_in {
	/* An edit: the contract as the page read it (store_contract_get:
	 * its id, occupier, site, dates and move-out day before the edit);
	 * NULL: a new contract. */
	const struct store_contract	*old;
	/* The contract as saved: its occupier, site, reference, start, end
	 * and (an edit) the version the form started from. */
	struct store_contract		 c;
	contract_locked_fn		 locked;	/* NULL: no lock */
	void				*locked_arg;
	int				 overlap_ok;	/* warned, confirmed */
};

struct contract_save_out {
	struct ops_result	 why;
	int64_t			 id;		/* the contract saved */
	const char		*overlaps;	/* refused: the other's reference */
};

/* The audit texts of a contract: its "create"/"update" events (reference
 * and dates) and its "terms" event (value, notice period, deposit). */
char	*ops_contract_text(struct arena *, const struct store_contract *);
char	*ops_contract_terms_text(struct arena *,
	    const struct store_contract *);

/*
 * Create a contract of an occupier of ctx's operator at one of its sites
 * (in->old NULL), or change one, in one transaction with its audit event.
 * A service's start is its contract's start, so an edit that moves the
 * start moves the contract's services that have not started by today (each
 * with an audit event): their start date, and the day they start (when it
 * is set) to the new start, or to today when that is already past (charges
 * never reach back into days that are over); services that have started
 * keep their days. Refused: a reference another contract has, an edit
 * across an invoiced month, or a date change of a contract whose move-out
 * ran (OPS_INVALID, with its message); an edit whose
 * version is not the current one (OPS_CONFLICT, never a silent
 * overwrite); an occupier or site not the operator's (OPS_NOT_FOUND).
 * Its terms (value, notice period, deposit) are saved with it, their
 * change audited as a "terms" event of the contract.
 */
/* (Dates overlapping another contract of the occupier at the site are a
 * warning: refused, OPS_INVALID with out->overlaps, unless overlap_ok.) */
int	 ops_contract_save(struct ops_ctx *, const struct contract_save_in *,
	    struct contract_save_out *);

#endif
