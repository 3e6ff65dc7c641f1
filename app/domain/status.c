/*
 * status: see status.h.
 */
#include "date.h"
#include "status.h"

unsigned
contract_status(int32_t start, int32_t end, int32_t d)
{
	unsigned	 st = 0;

	if (end != DATE_NONE && end < d)
		return ST_INACTIVE;
	if (start <= d)
		st |= ST_ACTIVE;
	if (start > d || (end != DATE_NONE && end > d))
		st |= ST_SCHEDULED;
	return st;
}

const char *
status_label(unsigned st)
{
	if (st & ST_INACTIVE)
		return "Inactive";
	if ((st & ST_ACTIVE) && (st & ST_SCHEDULED))
		return "Active, Scheduled";
	if (st & ST_ACTIVE)
		return "Active";
	if (st & ST_SCHEDULED)
		return "Scheduled";
	return "";
}
