/*
 * occupier_users: the occupier's Users tab (/occupiers/ID/sites/SITE/users;
 * operator staff and admins): the people of the occupier who sign in to
 * its self-service view. Add one (occupier admin or occupier user, with a
 * one-time set-password link shown once); per user (POST .../users/UID):
 * disable, enable, remove, new link. Users belong to the occupier, not to
 * a site: the tab lists the same people at every site.
 */
#include <stdio.h>

#include "../store/store.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

void
page_occupier_users(struct req *r)
{
	struct tpl_dict		*d;
	struct store_occupier	 o;

	if ((d = page_begin(r, "Users", "users.tpl", "occupiers")) == NULL)
		return;
	if (!occupier_nav(r, d, r->ids[0], r->ids[1], "users", &o))
		return;
	tpl_set(d, TN_ADD_HEADING, "Add a user");
	tpl_set(d, TN_ADD_BUTTON, "Add user");
	tpl_show(d, TN_IN_TAB);
	useradmin_screen(r, d, o.id, r->nids > 2 ? r->ids[2] : 0,
	    arena_printf(r->a, "/occupiers/%lld/sites/%lld/users",
	    (long long)o.id, (long long)r->ids[1]));
}
