/*
 * seed_billing: the demo's invoicing details, called by cli_seed inside its
 * transaction, through the operations of the Billing settings page and the
 * occupier's billing form: each operator's name, address, VAT number and
 * payment details as printed on invoices, and the billing details of a few
 * occupiers (the others are billed under their own name, without an
 * address, on the operator's default terms).
 */
#include "cli.h"
#include "ops/invoices.h"
#include "store/store_invoice.h"

/* Index of the demo occupiers in seed.c's occupiers[]. */
#define OCC_ACME	0
#define OCC_DELTA	3
#define OCC_FJORD	5
#define OCC_OBRIEN	6

static const struct {
	size_t		 occ;
	const char	*name, *address, *vat;
	int		 terms;		/* -1: the operator's default */
} occupiers[] = {
	{ OCC_ACME, "Acme Analytics Limited",
	    "Floor 12\n1 Canada Square\nLondon\nE14 5AB", "GB 555 0101 22", 14 },
	{ OCC_FJORD, "Fjord Media AS (UK branch)",
	    "Unit 3, 200 Great Eastern Street\nLondon\nEC2A 3HP", "", -1 },
	{ OCC_OBRIEN, "O'Brien & Sons Ltd",
	    "200 Great Eastern Street\nLondon\nEC2A 3HP", "GB 555 0707 77", 30 },
	{ OCC_DELTA, "Delta Robotics plc",
	    "Level 2\n1 Canada Square\nLondon\nE14 5AB", "GB 555 0404 44", -1 },
};

/* The invoice settings of ctx's operator (the page's defaults but for
 * these). 0, or -1. */
static int
settings(struct ops_ctx *c, const char *legal_name, const char *address,
    const char *vat, const char *email, const char *payment)
{
	struct store_billset	 s;
	struct billing_out	 out;

	if (store_billset_get(c->t.a, c->t.operator_id, &s) < 0)
		return -1;
	s.legal_name = legal_name;
	s.address = address;
	s.vat_number = vat;
	s.email = email;
	s.payment_details = payment;
	return ops_billing_settings_save(c, &s, &out) > 0 ? 0 : -1;
}

int
seed_billing(struct arena *a, int32_t today, int64_t op, int64_t other_op,
    const int64_t *occ, size_t nocc)
{
	struct ops_ctx			 c;
	struct occupier_billing_in	 in;
	struct store_occbill		 old;
	struct billing_out		 out;
	size_t				 i;

	seed_ctx(&c, a, op, today);
	if (settings(&c, "Northwind Workspaces Ltd",
	    "1 Canada Square\nLondon\nE14 5AB", "GB 123 4567 89",
	    "accounts@northwind.example", "Barclays Bank plc, sort code "
	    "20-00-00, account 12345678\nIBAN GB33 BUKB 2000 0012 3456 78") == -1)
		return -1;
	seed_ctx(&c, a, other_op, today);
	if (settings(&c, "Eastwind Offices Ltd",
	    "5 Quay Street\nBristol\nBS1 4DB", "GB 987 6543 21",
	    "accounts@eastwind.example", "Lloyds Bank, sort code 30-00-00, "
	    "account 87654321") == -1)
		return -1;
	seed_ctx(&c, a, op, today);
	for (i = 0; i < sizeof(occupiers) / sizeof(occupiers[0]); i++) {
		if (occupiers[i].occ >= nocc ||
		    store_occbill_get(a, op, occ[occupiers[i].occ], &old) <= 0)
			return -1;
		in.old = &old;
		in.new_ = old;
		in.new_.billing_name = occupiers[i].name;
		in.new_.billing_address = occupiers[i].address;
		in.new_.vat_number = occupiers[i].vat;
		in.new_.terms_days = occupiers[i].terms;
		if (ops_occupier_billing_save(&c, &in, &out) <= 0)
			return -1;
	}
	return 0;
}
