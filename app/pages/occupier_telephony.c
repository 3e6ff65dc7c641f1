/*
 * occupier_telephony: under construction in this working tree (replaced by its feature).
 */
#include "pages.h"

void
page_occupier_telephony(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

