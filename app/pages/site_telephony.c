/*
 * site_telephony: under construction in this working tree (replaced by its feature).
 */
#include "pages.h"

void
page_site_telephony(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

void
page_site_telephony_csv(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

