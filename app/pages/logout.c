/*
 * logout: POST only (CSRF-checked); ends the session.
 */
#include "../session.h"
#include "pages.h"

void
page_logout(struct req *r)
{
	session_logout(r);
	http_redirect(r, "/login?done=signedout");
}
