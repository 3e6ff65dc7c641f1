/*
 * ops/occupiers: occupiers' own records (name, billing reference, contact,
 * notes). See ops.h for the contract of every operation.
 */
#ifndef TENANTRY_OPS_OCCUPIERS_H
#define TENANTRY_OPS_OCCUPIERS_H

#include "../store/store.h"
#include "../store/store_occrec.h"
#include "ops.h"

struct occupier_save_in {
	int64_t		 id;		/* 0: a new occupier */
	int64_t		 version;	/* an edit's: the version it started from */
	const char	*name, *billing_ref, *contact_email, *notes;
	int		 same_name_ok;	/* the warning was shown and confirmed */
	/* The richer record (its contact[0].email is contact_email), or
	 * NULL: left as it is. */
	const struct store_occrec *rec;
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
 * in->same_name_ok. A record (in->rec) is checked first
 * (ops_occrec_check: nothing is written when it breaks a rule) and saved
 * with it, its change audited as "details".
 */
/* The audit text of an occupier's own fields (name, billing_ref,
 * contact_email, notes: its "create" and "update" events). */
char	*ops_occupier_text(struct arena *, const struct store_occupier *);

/*
 * Check and normalise a record in place (VAT and company numbers in
 * capitals without separators, domain §2): every message goes into why
 * (OPS_INVALID), by the field of the occupier form (vat_number,
 * company_no, contact2_email, ...). The number of messages added.
 */
size_t	 ops_occrec_check(struct arena *, struct store_occrec *,
	    struct ops_result *why);

/*
 * The record's audit text (every field, one per line) and whether two
 * records are the same (contact[0].email, the occupier's contact_email,
 * aside: the occupier's own event has it).
 */
char	*ops_occrec_text(struct arena *, const struct store_occrec *);
int	 ops_occrec_same(const struct store_occrec *,
	    const struct store_occrec *);

/* Within a transaction: write the record of occupier occ (old: as it was,
 * or NULL for a new occupier) with its audit event ("details") when it
 * changed. 1, 0 not found, -1 error. */
int	 ops_occrec_write(struct txn *, int64_t occ,
	    const struct store_occrec *old, const struct store_occrec *rec);

int	 ops_occupier_save(struct ops_ctx *, const struct occupier_save_in *,
	    struct occupier_save_out *);

#endif
