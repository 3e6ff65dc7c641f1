/*
 * site_ports: under construction in this working tree (replaced by its feature).
 */
#include "pages.h"

void
page_site_ports(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

