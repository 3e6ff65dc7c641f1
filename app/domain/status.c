/*
 * status: see status.h.
 */
#include <string.h>

#include "date.h"
#include "status.h"

const char *const contract_filter_keys[CF__MAX] = {
	"all",			/* CF_ALL */
	"active",		/* CF_ACTIVE */
	"active_scheduled",	/* CF_ACTIVE_SCHEDULED */
	"inactive",		/* CF_INACTIVE */
	"scheduled",		/* CF_SCHEDULED */
};
const char *const contract_filter_labels[CF__MAX] = {
	"All contracts",	/* CF_ALL */
	"Active",		/* CF_ACTIVE */
	"Active and Scheduled",	/* CF_ACTIVE_SCHEDULED */
	"Inactive",		/* CF_INACTIVE */
	"Scheduled",		/* CF_SCHEDULED */
};
const char *const service_filter_keys[SF__MAX] = {
	"all",			/* SF_ALL */
	"active",		/* SF_ACTIVE */
	"inactive",		/* SF_INACTIVE */
	"scheduled",		/* SF_SCHEDULED */
};
const char *const service_filter_labels[SF__MAX] = {
	"All services",		/* SF_ALL */
	"Active",		/* SF_ACTIVE */
	"Inactive",		/* SF_INACTIVE */
	"Scheduled",		/* SF_SCHEDULED */
};

enum contract_filter
contract_filter_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < CF__MAX; i++)
		if (strcmp(s, contract_filter_keys[i]) == 0)
			return (enum contract_filter)i;
	return CF_ALL;
}

enum service_filter
service_filter_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < SF__MAX; i++)
		if (strcmp(s, service_filter_keys[i]) == 0)
			return (enum service_filter)i;
	return SF_ALL;
}

int
status_filter_match(enum contract_filter cf, enum service_filter sf,
    unsigned cst, unsigned sst)
{
	int	 ok;

	switch (cf) {
	case CF_ACTIVE:
		ok = (cst & ST_ACTIVE) != 0;
		break;
	case CF_ACTIVE_SCHEDULED:
		ok = (cst & (ST_ACTIVE | ST_SCHEDULED)) != 0;
		break;
	case CF_INACTIVE:
		ok = (cst & ST_INACTIVE) != 0;
		break;
	case CF_SCHEDULED:
		ok = (cst & ST_SCHEDULED) != 0;
		break;
	default:
		ok = 1;
		break;
	}
	if (!ok)
		return 0;
	switch (sf) {
	case SF_ACTIVE:
		return (sst & ST_ACTIVE) != 0;
	case SF_INACTIVE:
		return (sst & ST_INACTIVE) != 0;
	case SF_SCHEDULED:
		return (sst & ST_SCHEDULED) != 0;
	default:
		return 1;
	}
}

unsigned
service_status(int32_t start, int32_t activated, int32_t ended, int32_t d)
{
	if (ended != DATE_NONE && ended <= d)
		return ST_INACTIVE;
	if (start != DATE_NONE && start > d)
		return ST_SCHEDULED;
	if (activated != DATE_NONE && activated <= d)
		return ST_ACTIVE;
	return ST_SCHEDULED;
}

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
