/*
 * device: the pure rules of the infrastructure that services entitle
 * (domain §3): device identifiers (MAC addresses, Wi-Fi account names),
 * public IPv4 blocks, and the allocation arithmetic that refuses
 * activating (or assigning) beyond what the occupier's services allocate.
 * The floor ports' own rules (switch port roles ...) are in port.h. No
 * I/O, no allocation.
 */
#ifndef TENANTRY_DEVICE_H
#define TENANTRY_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#include "port.h"	/* the switch port roles */
#include "rules.h"

/* Device types of the device table (wifi_device, wifi_account). */
enum device_type {
	DEVICE_WIFI_DEVICE,	/* "wifi_device": "Wi-Fi device" */
	DEVICE_WIFI_ACCOUNT,	/* "wifi_account": "Wi-Fi account" */
	DEVICE_TYPE__MAX
};
extern const char *const device_type_keys[DEVICE_TYPE__MAX];
extern const char *const device_type_labels[DEVICE_TYPE__MAX];
enum device_type device_type_parse(const char *s);
/* The infrastructure fraction a device type counts in. */
enum infra	 device_type_infra(enum device_type);

#define DEVICE_MAC_STRLEN	18	/* "aa:bb:cc:dd:ee:ff" + NUL */

/*
 * Validate a MAC address typed as aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF,
 * aabb.ccdd.eeff or aabbccddeeff (leading and trailing blanks ignored)
 * and write its stored form, lower-case with colons, into out (at least
 * DEVICE_MAC_STRLEN bytes). Refuses malformed text, the all-zero address
 * and group (multicast, broadcast) addresses: a device has its own.
 * Returns NULL when valid, else a message completing "<Label> ..." (out
 * is then "").
 */
const char	*device_mac_parse(const char *s, char *out, size_t cap);

#define DEVICE_ACCOUNT_MIN	3
#define DEVICE_ACCOUNT_MAX	64
/*
 * A Wi-Fi account name: 3 to 64 characters of A-Z a-z 0-9 . _ @ -.
 * NULL when valid, else a message completing "<Label> ...".
 */
const char	*device_account_check(const char *s);

#define DEVICE_IPV4_STRLEN	16	/* "255.255.255.255" + NUL */

/* Strict dotted quad (no leading zeros, no blanks). 0 ok, -1 bad. */
int		 device_ipv4_parse(const char *s, uint32_t *out);
void		 device_ipv4_format(uint32_t a, char *buf, size_t cap);
/*
 * The usable host addresses of an IPv4 block "a.b.c.d/p" (p from 8 to
 * 30; a.b.c.d must be the network address). The network and broadcast
 * addresses are not hosts, and the first host is the operator's gateway,
 * so a /29 yields 5 usable addresses (the catalog's "5 usable public IPv4
 * addresses"). *first receives the first usable address, *count how many
 * follow it consecutively. 0 ok, -1 malformed block.
 */
int		 device_ipv4_block(const char *cidr, uint32_t *first,
		    uint32_t *count);

/* What the allocation check is guarding. */
enum device_step {
	DEVICE_ACTIVATING,	/* "activating": in use counts active ones */
	DEVICE_ASSIGNING,	/* "assigning": counts held ones (floor ports) */
	DEVICE_STEP__MAX
};

/*
 * The allocation arithmetic of domain §3: k more of type t may be
 * activated (or assigned) only when used + k <= allocated. Returns 1 when
 * allowed; else 0 with the refusal in msg (cap bytes), naming the
 * fraction as it is now, e.g. "Wi-Fi devices 20/20: add a Wi-Fi devices
 * pack before activating another device". k < 1 is always allowed.
 */
int		 device_alloc_check(enum infra t, enum device_step step,
		    int64_t used, int64_t allocated, int64_t k, char *msg,
		    size_t cap);

#endif
