/*
 * seed_devices: demo data of the devices feature (see cli.h).
 *
 * Every site gets a public IP pool of four /29 blocks from the
 * documentation ranges (RFC 5737), 5 usable addresses each (domain/device.h):
 * 203.0.113.0/24 at the first demo site (Canary Wharf), 198.51.100.0/24 at
 * the second (Shoreditch), 192.0.2.0/24 at the other operator's site.
 * With demo data: Acme Analytics (Public IP (/29) qty 1 at Canary Wharf)
 * holds 5 addresses, 2 of them active with device MACs; Delta Robotics
 * (30 Wi-Fi devices allocated) has 12 Wi-Fi devices registered, 9 active,
 * and 3 Wi-Fi accounts registered, none active (none allocated). The other
 * operator's occupier has one registered Wi-Fi device.
 */
#include <stdio.h>

#include "cli.h"
#include "domain/device.h"
#include "store/db.h"
#include "store/store_device.h"

#define BLOCKS		4	/* /29 blocks per site pool */

static const char *const ranges[] = {
	"203.0.113",		/* first demo site */
	"198.51.100",		/* second demo site */
	"192.0.2",		/* the other operator's site */
};
#define NRANGES	(sizeof(ranges) / sizeof(ranges[0]))

/* Index of the demo occupiers in seed.c's occupiers[]. */
#define OCC_ACME	0
#define OCC_DELTA	3

/* Pool of site; the first `held` addresses go to occ (0: none), the first
 * `active` of those are active with a device MAC. */
static int
seed_pool(int64_t op, int64_t site, const char *range, int64_t occ,
    int held, int active)
{
	char		 block[32], addr[DEVICE_IPV4_STRLEN], mac[DEVICE_MAC_STRLEN];
	uint32_t	 first, count, k;
	int		 b, n = 0;

	for (b = 0; b < BLOCKS; b++) {
		snprintf(block, sizeof(block), "%s.%d/29", range, b * 8);
		if (device_ipv4_block(block, &first, &count) == -1)
			return -1;
		for (k = 0; k < count; k++, n++) {
			int mine = occ > 0 && n < held;
			int on = mine && n < active;

			device_ipv4_format(first + k, addr, sizeof(addr));
			snprintf(mac, sizeof(mac), "00:1b:21:ac:00:%02x",
			    (unsigned)(n + 1) & 0xffu);
			if (store_public_ip_insert(op, site, addr, block,
			    mine ? occ : 0, on ? "active" : mine ? "assigned" :
			    "free", on ? mac : NULL) <= 0)
				return -1;
		}
	}
	return 0;
}

int
seed_devices(int64_t op, const int64_t *sites, size_t nsites,
    const int64_t *occ, size_t nocc, int demo, int32_t today)
{
	static const char *const accounts[] = { "alice.ng@delta-robotics",
	    "bogdan.k@delta-robotics", "reception@delta-robotics" };
	char		 mac[DEVICE_MAC_STRLEN], label[64];
	size_t		 i, r;
	int		 k;

	(void)today;
	for (i = 0; i < nsites; i++) {
		r = demo ? i : 2 + i;
		if (r >= NRANGES)
			break;
		if (seed_pool(op, sites[i], ranges[r],
		    demo && i == 0 && nocc > OCC_ACME ? occ[OCC_ACME] : 0,
		    5, 2) == -1)
			return -1;
	}
	if (!demo) {
		/* Something of the other operator's to be "not found". */
		if (nsites > 0 && nocc > 0 && store_device_insert(op, occ[0],
		    sites[0], "wifi_device", "00:1b:21:ee:00:01",
		    "Boardroom display", "registered", NULL) <= 0)
			return -1;
		return 0;
	}
	if (nsites == 0 || nocc <= OCC_DELTA)
		return 0;
	for (k = 0; k < 12; k++) {
		snprintf(mac, sizeof(mac), "3c:22:fb:4d:00:%02x",
		    (unsigned)(k + 1) & 0xffu);
		snprintf(label, sizeof(label), "%s %02d", k < 8 ? "Laptop" :
		    "Phone", k < 8 ? k + 1 : k - 7);
		if (store_device_insert(op, occ[OCC_DELTA], sites[0],
		    "wifi_device", mac, label, k < 9 ? "active" : "registered",
		    NULL) <= 0)
			return -1;
	}
	for (i = 0; i < sizeof(accounts) / sizeof(accounts[0]); i++)
		if (store_device_insert(op, occ[OCC_DELTA], sites[0],
		    "wifi_account", accounts[i], "Staff account", "registered",
		    NULL) <= 0)
			return -1;
	return 0;
}
