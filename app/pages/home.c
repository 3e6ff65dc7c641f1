/*
 * home: "/" sends each role to its starting screen: operators to their
 * start page (dashboard.c), occupier users to their self-service view.
 */
#include "pages.h"

void
page_home(struct req *r)
{
	if (r->user.role == ROLE_OPERATOR_ADMIN ||
	    r->user.role == ROLE_OPERATOR_STAFF)
		http_redirect(r, "/dashboard");
	else
		http_redirect(r, "/my");
}
