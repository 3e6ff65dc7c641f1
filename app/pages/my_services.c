/*
 * my_services: /my/sites/SITE/services, the occupier's own services at one
 * of its sites, read-only, with the two filters and the Provisioned
 * infrastructure row: the operator's Services tab (occupier_services.c)
 * shown for the signed-in user's occupier.
 */
#include "pages.h"

void
page_my_services(struct req *r)
{
	occupier_services_show(r, r->user.occupier_id, r->ids[0], 1);
}
