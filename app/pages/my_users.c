/*
 * my_users: /my/users, the occupier admin's own users: the people of its
 * occupier who sign in. Add one (occupier admin or occupier user, with a
 * one-time set-password link shown once); per user (POST /my/users/UID):
 * disable, enable, remove, new link. Nobody disables or removes themself.
 */
#include <stdio.h>

#include "../store/store_account.h"
#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

void
page_my_users(struct req *r)
{
	struct tpl_dict	*d, *h;
	const char	*name;
	int		 rc;

	if ((rc = store_account_occupier_name(r->a, r->user.operator_id,
	    r->user.occupier_id, &name)) < 0) {
		page_store_error(r);
		return;
	}
	if (rc == 0) {
		http_error(r, 404);
		return;
	}
	if ((d = page_begin(r, "Users", "users.tpl", "myusers")) == NULL)
		return;
	h = tpl_section(d, TN_PAGE_HEAD);
	tpl_set(h, TN_HEADING, "Users");
	tpl_set(h, TN_SUB, arena_printf(r->a, "The people of %s who sign in "
	    "to see its services and cases.", name));
	tpl_set(d, TN_ADD_HEADING, "Add a user");
	tpl_set(d, TN_ADD_BUTTON, "Add user");
	useradmin_screen(r, d, r->user.occupier_id,
	    r->nids > 0 ? r->ids[0] : 0, "/my/users");
}
