/*
 * seed_billing: the demo's invoicing details, called by cli_seed inside its
 * transaction: each operator's name, address, VAT number and payment
 * details as printed on invoices, and the billing details of a few
 * occupiers (the others are billed under their own name, without an
 * address, on the operator's default terms).
 */
#include "cli.h"
#include "store/store_invoice.h"

static const struct {
	const char	*occupier, *name, *address, *vat;
	int		 terms;		/* -1: the operator's default */
} occupiers[] = {
	{ "Acme Analytics Ltd", "Acme Analytics Limited",
	    "Floor 12\n1 Canada Square\nLondon\nE14 5AB", "GB 555 0101 22", 14 },
	{ "Fjord Media", "Fjord Media AS (UK branch)",
	    "Unit 3, 200 Great Eastern Street\nLondon\nEC2A 3HP", "", -1 },
	{ "O'Brien & Sons", "O'Brien & Sons Ltd",
	    "200 Great Eastern Street\nLondon\nEC2A 3HP", "GB 555 0707 77", 30 },
	{ "Delta Robotics", "Delta Robotics plc",
	    "Level 2\n1 Canada Square\nLondon\nE14 5AB", "GB 555 0404 44", -1 },
};

int
seed_billing(int64_t op, int64_t other_op)
{
	size_t	 i;

	if (store_seed_billing(op, "Northwind Workspaces Ltd",
	    "1 Canada Square\nLondon\nE14 5AB", "GB 123 4567 89",
	    "accounts@northwind.example", "Barclays Bank plc, sort code "
	    "20-00-00, account 12345678\nIBAN GB33 BUKB 2000 0012 3456 78") < 0 ||
	    store_seed_billing(other_op, "Eastwind Offices Ltd",
	    "5 Quay Street\nBristol\nBS1 4DB", "GB 987 6543 21",
	    "accounts@eastwind.example", "Lloyds Bank, sort code 30-00-00, "
	    "account 87654321") < 0)
		return -1;
	for (i = 0; i < sizeof(occupiers) / sizeof(occupiers[0]); i++)
		if (store_seed_occbill(op, occupiers[i].occupier,
		    occupiers[i].name, occupiers[i].address, occupiers[i].vat,
		    occupiers[i].terms) < 0)
			return -1;
	return 0;
}
