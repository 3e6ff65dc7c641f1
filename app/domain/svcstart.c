/*
 * svcstart: see svcstart.h.
 */
#include "date.h"
#include "svcstart.h"

size_t
svcstart_on_ports(int64_t active, int64_t held, struct svcstart_item *w,
    size_t n)
{
	int64_t	 free_ports = active - held;
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		w[i].start = 0;
		if (w[i].ports <= 0 || w[i].ports > free_ports)
			continue;
		w[i].start = 1;
		free_ports -= w[i].ports;
		k++;
	}
	return k;
}

int32_t
svcstart_day(int32_t start_date, int32_t today)
{
	return start_date != DATE_NONE && start_date > today ? start_date :
	    today;
}
