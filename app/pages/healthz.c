/*
 * healthz: a constant answer without the database (load balancers; the
 * benchmark's FastCGI ceiling).
 */
#include "pages.h"

void
page_healthz(struct req *r)
{
	http_send(r, 200, "text/plain; charset=utf-8", "ok tenantry\n", 12);
}
