/*
 * my_charges: /my/sites/SITE/charges, what the occupier pays at one of its
 * sites month by month: the operator's Charges tab (occupier_charges.c)
 * shown for the signed-in user's occupier.
 */
#include "pages.h"

void
page_my_charges(struct req *r)
{
	occupier_charges_show(r, r->user.occupier_id, r->ids[0], 1);
}
