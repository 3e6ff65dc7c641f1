/*
 * store_occrec: see store_occrec.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_occrec.h"

void
store_occrec_clear(struct store_occrec *r)
{
	size_t	 i;

	r->legal_name = r->company_no = r->vat_number = "";
	r->billing_address = "";
	for (i = 0; i < OCCREC_CONTACTS; i++)
		r->contact[i].name = r->contact[i].email = "";
}

/* A record from columns k.. (legal_name .. contact3_email). */
static void
occrec_row(const struct dbrow *row, size_t k, struct store_occrec *r)
{
	size_t	 i;

	r->legal_name = dbrow_str(row, k);
	r->company_no = dbrow_str(row, k + 1);
	r->vat_number = dbrow_str(row, k + 2);
	r->billing_address = dbrow_str(row, k + 3);
	for (i = 0; i < OCCREC_CONTACTS; i++) {
		r->contact[i].name = dbrow_str(row, k + 4 + 2 * i);
		r->contact[i].email = dbrow_str(row, k + 5 + 2 * i);
	}
}

int
store_occrec_get(struct arena *a, int64_t op, int64_t occ,
    struct store_occrec *r)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(occ) };
	struct dbres	 res;
	int		 rc;

	store_occrec_clear(r);
	if ((rc = db_query(a, STMT_OCCREC_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	occrec_row(&res.rows[0], 0, r);
	return 1;
}

int
store_occrec_set(int64_t op, int64_t occ, const struct store_occrec *r)
{
	struct dbp	 p[] = { DBP_S(r->legal_name), DBP_S(r->company_no),
	    DBP_S(r->vat_number), DBP_S(r->billing_address),
	    DBP_S(r->contact[0].name), DBP_S(r->contact[1].name),
	    DBP_S(r->contact[1].email), DBP_S(r->contact[2].name),
	    DBP_S(r->contact[2].email), DBP_I(op), DBP_I(occ) };

	return db_exec(STMT_OCCREC_SET, p, NPARAMS(p), NULL) < 0 ? -1 : 1;
}

int
store_occref_all(struct arena *a, int64_t op, struct store_occref **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_occref	*o;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_OCCREC_BY_REF, p, NPARAMS(p), &res) < 0)
		return -1;
	o = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*o));
	for (i = 0; i < res.nrows; i++) {
		o[i].id = dbrow_int(&res.rows[i], 0);
		o[i].name = dbrow_str(&res.rows[i], 1);
		o[i].billing_ref = dbrow_str(&res.rows[i], 2);
		occrec_row(&res.rows[i], 3, &o[i].rec);
	}
	*out = o;
	*n = res.nrows;
	return 1;
}

int
store_conref_all(struct arena *a, int64_t op, struct store_conref **out,
    size_t *n)
{
	struct dbp		 p[] = { DBP_I(op) };
	struct dbres		 res;
	struct store_conref	*c;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_CONTRACT_BY_REF_ALL, p, NPARAMS(p), &res) < 0)
		return -1;
	c = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(*c));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow *row = &res.rows[i];

		c[i].reference = dbrow_str(row, 0);
		c[i].occupier_id = dbrow_int(row, 1);
		c[i].site_id = dbrow_int(row, 2);
		c[i].start = dbrow_day(row, 3);
		c[i].end = dbrow_day(row, 4);
		c[i].value = dbrow_int(row, 5);
		c[i].notice_months = dbrow_int(row, 6);
		c[i].deposit = dbrow_int(row, 7);
		c[i].billing_ref = dbrow_str(row, 8);
	}
	*out = c;
	*n = res.nrows;
	return 1;
}
