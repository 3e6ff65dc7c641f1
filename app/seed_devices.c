/*
 * seed_devices: demo data of the devices feature (see cli.h).
 *
 * Every site gets a public IP pool of four /29 blocks from the
 * documentation ranges (RFC 5737), 5 usable addresses each (domain/device.h):
 * 203.0.113.0/24 at the first demo site (Canary Wharf), 198.51.100.0/24 at
 * the second (Shoreditch), 192.0.2.0/24 at the other operator's site.
 * The pools are added before the demo's plans (seed_ip_pools): with demo
 * data, Acme Analytics' plan (Public IP (/29) qty 1 at Canary Wharf) gets
 * its 5 addresses from the Manage services save, 2 of them then active
 * with device MACs (seed_devices); Delta Robotics
 * (30 Wi-Fi devices allocated) has 12 Wi-Fi devices registered, 9 active,
 * and 3 Wi-Fi accounts registered, none active (none allocated). The other
 * operator's occupier has one registered Wi-Fi device.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "domain/device.h"
#include "ops/devices.h"
#include "ops/network.h"
#include "store/store_device.h"

#define BLOCKS		4	/* /29 blocks per site pool */
#define ACME_IPS	5	/* Public IP (/29) QTY 1: one block, 5 usable */

static const char *const ranges[] = {
	"203.0.113",		/* first demo site */
	"198.51.100",		/* second demo site */
	"192.0.2",		/* the other operator's site */
};
#define NRANGES	(sizeof(ranges) / sizeof(ranges[0]))

/* Index of the demo occupiers in seed.c's occupiers[]. */
#define OCC_ACME	0
#define OCC_DELTA	3

/* The pool of site: range.0/27, four /29 blocks, as the site's Network
 * page adds it (ops_ip_pool_add). 0, or -1. */
static int
seed_pool(struct ops_ctx *c, int64_t site, const char *range)
{
	struct ip_pool_add_in		 in;
	struct ip_pool_add_out		 out;

	in.site = site;
	in.cidr = arena_printf(c->t.a, "%s.0/27", range);
	return ops_ip_pool_add(c, &in, &out) > 0 && out.blocks == BLOCKS ?
	    0 : -1;
}

/*
 * The first `active` of the addresses occ holds at site (its plan's
 * Public IP (/29): the Manage services save gave them out) activated with
 * a device MAC, as the occupier's Devices tab does (ops_public_ip_change).
 * 0, or -1.
 */
static int
seed_ips_active(struct ops_ctx *c, int64_t site, int64_t occ, int active)
{
	struct public_ip_change_in	 pin;
	struct device_out		 pout;
	struct store_public_ip		*ips;
	char				 mac[DEVICE_MAC_STRLEN];
	size_t				 nips, i;

	if (store_public_ip_list(c->t.a, c->t.operator_id, occ, site, &ips,
	    &nips) < 0 || nips != ACME_IPS)
		return -1;
	for (i = 0; i < nips && i < (size_t)active; i++) {
		snprintf(mac, sizeof(mac), "00:1b:21:ac:00:%02x",
		    (unsigned)(i + 1) & 0xffu);
		memset(&pin, 0, sizeof(pin));
		pin.occ = occ;
		pin.site = site;
		pin.id = ips[i].id;
		pin.activate = 1;
		pin.mac = mac;
		if (ops_public_ip_change(c, &pin, &pout) <= 0)
			return -1;
	}
	return 0;
}

int
seed_ip_pools(struct arena *a, int64_t op, const int64_t *sites,
    size_t nsites, int demo, int32_t today)
{
	struct ops_ctx	 c;
	size_t		 i, r;

	seed_ctx(&c, a, op, today);
	for (i = 0; i < nsites; i++) {
		r = demo ? i : 2 + i;
		if (r >= NRANGES)
			break;
		if (seed_pool(&c, sites[i], ranges[r]) == -1)
			return -1;
	}
	return 0;
}

/* Device identifier of type of occupier occ at site, registered through
 * the Devices tab's operation (and activated when activate). 0, or -1. */
static int
seed_device(struct ops_ctx *c, int64_t occ, int64_t site,
    enum device_type type, const char *identifier, const char *label,
    int activate)
{
	struct device_register_in	 in;
	struct device_out		 out;

	memset(&in, 0, sizeof(in));
	in.occ = occ;
	in.site = site;
	in.type = type;
	in.identifier = identifier;
	in.label = label;
	in.activate = activate;
	return ops_device_register(c, &in, &out) > 0 ? 0 : -1;
}

int
seed_devices(struct arena *a, int64_t op, const int64_t *sites,
    size_t nsites, const int64_t *occ, size_t nocc, int demo, int32_t today)
{
	static const char *const accounts[] = { "alice.ng@delta-robotics",
	    "bogdan.k@delta-robotics", "reception@delta-robotics" };
	struct ops_ctx	 c;
	char		 mac[DEVICE_MAC_STRLEN], label[64];
	size_t		 i;
	int		 k;

	seed_ctx(&c, a, op, today);
	if (demo && nsites > 0 && nocc > OCC_ACME &&
	    seed_ips_active(&c, sites[0], occ[OCC_ACME], 2) == -1)
		return -1;
	if (!demo) {
		/* Something of the other operator's to be "not found". */
		if (nsites > 0 && nocc > 0 && seed_device(&c, occ[0], sites[0],
		    DEVICE_WIFI_DEVICE, "00:1b:21:ee:00:01", "Boardroom display",
		    0) == -1)
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
		if (seed_device(&c, occ[OCC_DELTA], sites[0], DEVICE_WIFI_DEVICE, mac,
		    label, k < 9) == -1)
			return -1;
	}
	for (i = 0; i < sizeof(accounts) / sizeof(accounts[0]); i++)
		if (seed_device(&c, occ[OCC_DELTA], sites[0], DEVICE_WIFI_ACCOUNT,
		    accounts[i], "Staff account", 0) == -1)
			return -1;
	return 0;
}
