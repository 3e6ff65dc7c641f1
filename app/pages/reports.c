/*
 * reports: the list of operator reports.
 */
#include "../tpl/tpl.h"
#include "pages.h"

void
page_reports(struct req *r)
{
	struct tpl_dict	*d;

	if ((d = page_begin(r, "Reports", "reports.tpl", "reports")) == NULL)
		return;
	if (page_month(r, d, &(int){ 0 }, &(int){ 0 }, -1) == -1) {
		http_error(r, 400);
		return;
	}
	page_end(r);
}
