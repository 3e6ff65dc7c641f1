/*
 * cases: under construction in this working tree (replaced by its feature).
 */
#include "pages.h"

void
page_cases(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

void
page_case_new(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

void
page_case(struct req *r)
{
	http_error_msg(r, 404, "This screen is not built yet.");
}

