/*
 * status: contract and occupier-service statuses, derived from dates on
 * the day viewed (DESIGN 2). Never stored.
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
/* "Active", "Active, Scheduled", "Scheduled" or "Inactive". */
const char	*status_label(unsigned st);

#endif
