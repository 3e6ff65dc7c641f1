/*
 * store_occrec: the richer record of an occupier (legal name, company
 * number, VAT number, billing address, up to three billing contacts).
 */
#ifndef TENANTRY_STORE_OCCREC_H
#define TENANTRY_STORE_OCCREC_H

#include <stdint.h>

#include "../arena.h"

#define OCCREC_CONTACTS	3

struct store_occrec {
	const char	*legal_name, *company_no, *vat_number, *billing_address;
	struct {
		const char	*name, *email;
	} contact[OCCREC_CONTACTS];	/* [0].email: occupier.contact_email */
};

/* 1 found, 0 not the operator's occupier, -1 error. */
int	 store_occrec_get(struct arena *, int64_t op, int64_t occ,
	    struct store_occrec *);
/* Everything but contact[0].email (saved with the occupier). 1, 0 no
 * such occupier, -1 error. */
int	 store_occrec_set(int64_t op, int64_t occ, const struct store_occrec *);
/* An empty record ("" everywhere). */
void	 store_occrec_clear(struct store_occrec *);

/* The import: every occupier of op with a billing reference, with its
 * record; every contract of op with its occupier's billing reference. */
struct store_occref {
	int64_t			 id;
	const char		*name, *billing_ref;
	struct store_occrec	 rec;
};
struct store_conref {
	const char	*reference, *billing_ref;
	int64_t		 occupier_id, site_id, value, notice_months, deposit;
	int32_t		 start, end;
};
int	 store_occref_all(struct arena *, int64_t op, struct store_occref **,
	    size_t *);
int	 store_conref_all(struct arena *, int64_t op, struct store_conref **,
	    size_t *);

#endif
