/*
 * month: the month picker shared by charge screens (?month=YYYY-MM).
 */
#include <stdio.h>

#include "../domain/charges.h"
#include "../domain/date.h"
#include "../tpl/tpl.h"
#include "pages.h"

int
page_month(struct req *r, struct tpl_dict *d, int *year, int *month,
    int default_offset)
{
	static const char *const names[12] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	const char	*s = query_text(r, "month", 16);
	int		 y, m, dd, py, pm, ny, nm;

	date_to_ymd(r->today, &y, &m, &dd);
	m += default_offset;
	while (m < 1) {
		m += 12;
		y--;
	}
	if (query_has(r, "month") && (s == NULL ||
	    charges_month_parse(s, &y, &m) == -1))
		return -1;
	py = m == 1 ? y - 1 : y;
	pm = m == 1 ? 12 : m - 1;
	ny = m == 12 ? y + 1 : y;
	nm = m == 12 ? 1 : m + 1;
	page_setf(d, TN_MONTH, "%04d-%02d", y, m);
	page_setf(d, TN_MONTH_LABEL, "%s %d", names[m - 1], y);
	page_setf(d, TN_PREV_MONTH, "%04d-%02d", py, pm);
	page_setf(d, TN_NEXT_MONTH, "%04d-%02d", ny, nm);
	*year = y;
	*month = m;
	return 0;
}
