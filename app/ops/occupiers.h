/*
 * ops/occupiers: occupiers' own records (name, billing reference, contact,
 * notes). See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_OCCUPIERS_H
#define TENANTRY_OPS_OCCUPIERS_H

#include "../store/store.h"
#include "ops.h"

struct occupier_save_in {
	int64_t		 id;		/* 0: a new occupier */
	int64_t		 version;	/* an edit's: the version it started from */
	const char	*name, *billing_ref, *contact_email, *notes;
	int		 same_name_ok;	/* the warning was shown and confirmed */
};

struct occupier_save_out {
	struct ops_result	 why;
	int64_t			 id;		/* the occupier saved */
	struct store_occupier	 current;	/* OPS_CONFLICT: what is there now */
	const char		*same_name;	/* refused: the other occupier's */
};

/*
 * Create an occupier (in->id 0) or change one of ctx's operator, in one
 * transaction with its audit event. An edit whose version is not the
 * current one is refused (OPS_CONFLICT, out->current: the stored record,
 * never a silent overwrite); an unknown id is OPS_NOT_FOUND. A name
 * another occupier of the operator has (white space and letter case
 * aside) is a warning: refused (OPS_INVALID, out->same_name) unless
 * in->same_name_ok.
 */
int	 ops_occupier_save(struct ops_ctx *, const struct occupier_save_in *,
	    struct occupier_save_out *);

#endif
