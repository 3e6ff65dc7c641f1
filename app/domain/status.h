/*
 * status: contract and occupier-service statuses, derived from dates on
 * the day viewed (domain §2). Never stored.
 */
#ifndef TENANTRY_STATUS_H
#define TENANTRY_STATUS_H

#include <stdint.h>

#define ST_ACTIVE	0x1
#define ST_SCHEDULED	0x2
#define ST_INACTIVE	0x4

/*
 * Contract on day d: Active when start <= d and not ended (end is DATE_NONE
 * or end >= d); Scheduled when a change is in the future (start > d, or an
 * end date > d); Inactive when ended (end < d). Active|Scheduled is possible.
 */
unsigned	 contract_status(int32_t start, int32_t end, int32_t d);
/*
 * Occupier service on day d (domain §2): Inactive once ended (ended <= d);
 * Scheduled while its start is in the future, or while it waits for
 * activation (start reached, not yet activated); Active once activated.
 */
unsigned	 service_status(int32_t start, int32_t activated, int32_t ended,
		    int32_t d);

/* The Services tab's header drop-downs (seed: "Page controls"). */
enum contract_filter {
	CF_ALL,			/* "All contracts" (default) */
	CF_ACTIVE,		/* "Active" */
	CF_ACTIVE_SCHEDULED,	/* "Active and Scheduled" */
	CF_INACTIVE,		/* "Inactive" */
	CF_SCHEDULED,		/* "Scheduled" */
	CF__MAX
};
enum service_filter {
	SF_ALL,			/* "All services" (default) */
	SF_ACTIVE,		/* "Active" */
	SF_INACTIVE,		/* "Inactive" */
	SF_SCHEDULED,		/* "Scheduled" */
	SF__MAX
};
extern const char *const contract_filter_keys[CF__MAX];	/* URL values */
extern const char *const contract_filter_labels[CF__MAX];
extern const char *const service_filter_keys[SF__MAX];
extern const char *const service_filter_labels[SF__MAX];
/* Parse a URL value; unknown or NULL gives the default (ALL). */
enum contract_filter	 contract_filter_parse(const char *);
enum service_filter	 service_filter_parse(const char *);
/* 1 when a row with these statuses passes both filters. */
int	 status_filter_match(enum contract_filter, enum service_filter,
	    unsigned contract_st, unsigned service_st);

/* "Active", "Active, Scheduled", "Scheduled" or "Inactive". */
const char	*status_label(unsigned st);

#endif
