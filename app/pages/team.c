/*
 * team: /team, the operator's own users (operator admins only): the list,
 * invite (name, email, role: a one-time set-password link shown once),
 * and per member (POST /team/ID): change role, disable (every session
 * ends at once), enable, new set-password link. An admin cannot demote or
 * disable themself, nor the last enabled admin.
 */
#include <stdio.h>

#include "../tpl/tpl.h"
#include "pages.h"
#include "useradmin.h"

void
page_team(struct req *r)
{
	struct tpl_dict	*d, *h;

	if ((d = page_begin(r, "Team", "users.tpl", "team")) == NULL)
		return;
	h = tpl_section(d, TN_PAGE_HEAD);
	tpl_set(h, TN_HEADING, "Team");
	tpl_set(h, TN_SUB, arena_printf(r->a, "The people of %s who sign in "
	    "to Tenantry.", r->user.operator_name));
	tpl_set(d, TN_ADD_HEADING, "Invite a team member");
	tpl_set(d, TN_ADD_BUTTON, "Invite");
	useradmin_screen(r, d, 0, r->nids > 0 ? r->ids[0] : 0, "/team");
}
