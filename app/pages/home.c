/*
 * home: "/" sends each role to its starting screen.
 */
#include "pages.h"

void
page_home(struct req *r)
{
	if (r->user.role == ROLE_OPERATOR_ADMIN ||
	    r->user.role == ROLE_OPERATOR_STAFF)
		http_redirect(r, "/occupiers");
	else
		http_error_msg(r, 404, "The occupier self-service view is not "
		    "available yet.");
}
