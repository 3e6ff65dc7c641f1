/*
 * seed_devices: demo data of the devices feature (see cli.h).
 */
#include "cli.h"

int
seed_devices(int64_t op, const int64_t *sites, size_t nsites,
    const int64_t *occ, size_t nocc, int demo, int32_t today)
{
	(void)op; (void)sites; (void)nsites; (void)occ; (void)nocc;
	(void)demo; (void)today;
	return 0;
}
