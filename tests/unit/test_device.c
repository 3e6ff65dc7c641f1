/*
 * Unit tests for app/domain/device.c (domain §3): MAC addresses
 * (accepted layouts, the stored lower-case colon form, refusals), Wi-Fi
 * account names, IPv4 addresses and the /29 blocks of the demo pools, the
 * switch port roles and device types, and the allocation arithmetic with
 * its refusal messages naming the fraction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/device.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- MAC addresses --------------------------------------------------- */

static void
test_mac_accepted_layouts(void **state)
{
	const struct {
		const char	*in, *want;
	} c[] = {
		{ "aa:bb:cc:dd:ee:fe", "aa:bb:cc:dd:ee:fe" },
		{ "AA:BB:CC:DD:EE:FE", "aa:bb:cc:dd:ee:fe" },
		{ "AA-BB-CC-DD-EE-FE", "aa:bb:cc:dd:ee:fe" },
		{ "aa-bb-cc-dd-ee-fe", "aa:bb:cc:dd:ee:fe" },
		{ "aabb.ccdd.eefe", "aa:bb:cc:dd:ee:fe" },
		{ "AABB.CCDD.EEFE", "aa:bb:cc:dd:ee:fe" },
		{ "aabbccddeefe", "aa:bb:cc:dd:ee:fe" },
		{ "  3C:22:FB:12:34:56\t", "3c:22:fb:12:34:56" },
		{ "00:1b:21:ac:00:01", "00:1b:21:ac:00:01" },
		/* Locally administered (bit 1) is a unicast address: fine. */
		{ "02:00:00:00:00:01", "02:00:00:00:00:01" },
		{ "fe:ff:ff:ff:ff:ff", "fe:ff:ff:ff:ff:ff" },
	};
	char		 out[DEVICE_MAC_STRLEN];
	const char	*err;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		err = device_mac_parse(c[i].in, out, sizeof(out));
		if (err != NULL)
			fail_msg("%s: refused: %s", c[i].in, err);
		assert_string_equal(out, c[i].want);
	}
}

static void
test_mac_refused(void **state)
{
	const struct {
		const char	*in, *msg;
	} c[] = {
		{ NULL, "is required" },
		{ "", "is required" },
		{ "   ", "is required" },
		{ "aa:bb:cc:dd:ee", "must be six pairs" },
		{ "aa:bb:cc:dd:ee:ff:00", "must be six pairs" },
		{ "aa:bb:cc:dd:ee:fg", "must be six pairs" },
		{ "aa:bb-cc:dd:ee:fe", "must be six pairs" },	/* mixed */
		{ "a:bb:cc:dd:ee:fe0", "must be six pairs" },
		{ "aabb.ccdd.eefe.", "must be six pairs" },
		{ "aab.bccd.deefe", "must be six pairs" },
		{ ":aa:bb:cc:dd:ee:fe", "must be six pairs" },
		{ "aa::bb:cc:dd:ee:fe", "must be six pairs" },
		{ "aabbccddeef", "must be six pairs" },
		{ "aabbccddeeff0", "must be six pairs" },
		{ "aa bb cc dd ee fe", "must be six pairs" },
		{ "aa:bb:cc:dd:ee:fe<script>", "must be six pairs" },
		{ "00:00:00:00:00:00", "cannot be all zeros" },
		{ "000000000000", "cannot be all zeros" },
		{ "ff:ff:ff:ff:ff:ff", "multicast or broadcast" },
		{ "01:00:5e:00:00:fb", "multicast or broadcast" },
		{ "33:33:00:00:00:01", "multicast or broadcast" },
	};
	char		 out[DEVICE_MAC_STRLEN];
	const char	*err;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		memcpy(out, "junk", 5);
		err = device_mac_parse(c[i].in, out, sizeof(out));
		if (err == NULL)
			fail_msg("%s: accepted as %s", c[i].in ? c[i].in : "NULL",
			    out);
		if (strstr(err, c[i].msg) == NULL)
			fail_msg("%s: message \"%s\" lacks \"%s\"", c[i].in ?
			    c[i].in : "NULL", err, c[i].msg);
		assert_string_equal(out, "");
	}
	/* The message completes "MAC address ...". */
	err = device_mac_parse("nonsense", out, sizeof(out));
	assert_string_equal(err, "must be six pairs of hexadecimal digits, "
	    "such as 3c:22:fb:12:34:56");
	/* Too small an output buffer is refused, never overrun. */
	assert_non_null(device_mac_parse("aa:bb:cc:dd:ee:fe", out, 10));
}

/* ---- Wi-Fi account names --------------------------------------------- */

static void
test_account_names(void **state)
{
	char	 long64[65], long65[66];

	(void)state;
	memset(long64, 'a', 64);
	long64[64] = '\0';
	memset(long65, 'a', 65);
	long65[65] = '\0';
	assert_null(device_account_check("abc"));
	assert_null(device_account_check("alice.ng@delta-robotics"));
	assert_null(device_account_check("A_b.C-d@e"));
	assert_null(device_account_check("007"));
	assert_null(device_account_check(long64));
	assert_string_equal(device_account_check(NULL), "is required");
	assert_string_equal(device_account_check(""), "is required");
	assert_string_equal(device_account_check("ab"),
	    "must be at least 3 characters");
	assert_string_equal(device_account_check(long65),
	    "must be at most 64 characters");
	assert_non_null(strstr(device_account_check("two words"),
	    "may contain only"));
	assert_non_null(device_account_check("al/ice"));
	assert_non_null(device_account_check("al'ice"));
	assert_non_null(device_account_check("Zoë.k"));
	assert_non_null(device_account_check("tab\there"));
	assert_non_null(device_account_check("a<b>c"));
}

/* ---- IPv4 ---------------------------------------------------------------- */

static void
test_ipv4_parse_format(void **state)
{
	const char *const ok[] = { "0.0.0.0", "203.0.113.10", "255.255.255.255",
	    "10.0.0.1", "198.51.100.254" };
	const char *const bad[] = { "", "1.2.3", "1.2.3.4.5", "256.1.1.1",
	    "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d",
	    "1.2.3.-4", "1.2.3.1000", "1.2.3.4/29" };
	char		 buf[DEVICE_IPV4_STRLEN];
	uint32_t	 a;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(ok); i++) {
		assert_int_equal(device_ipv4_parse(ok[i], &a), 0);
		device_ipv4_format(a, buf, sizeof(buf));
		assert_string_equal(buf, ok[i]);
	}
	for (i = 0; i < NELEM(bad); i++)
		if (device_ipv4_parse(bad[i], &a) != -1)
			fail_msg("\"%s\" parsed", bad[i]);
	assert_int_equal(device_ipv4_parse(NULL, &a), -1);
	assert_int_equal(device_ipv4_parse("203.0.113.10", &a), 0);
	assert_int_equal(a, 0xcb00710aU);
}

static void
test_ipv4_blocks(void **state)
{
	char		 buf[DEVICE_IPV4_STRLEN];
	uint32_t	 first, count, k, total = 0;
	int		 b;

	(void)state;
	/* A /29: network .8, gateway .9, usable .10-.14, broadcast .15. */
	assert_int_equal(device_ipv4_block("203.0.113.8/29", &first, &count), 0);
	assert_int_equal(count, 5);
	device_ipv4_format(first, buf, sizeof(buf));
	assert_string_equal(buf, "203.0.113.10");
	device_ipv4_format(first + count - 1, buf, sizeof(buf));
	assert_string_equal(buf, "203.0.113.14");
	/* The demo pool: four /29 blocks give 20 usable addresses. */
	for (b = 0; b < 4; b++) {
		snprintf(buf, sizeof(buf), "198.51.100.%d", b * 8);
		{
			char cidr[32];

			snprintf(cidr, sizeof(cidr), "%s/29", buf);
			assert_int_equal(device_ipv4_block(cidr, &first,
			    &count), 0);
		}
		for (k = 0; k < count; k++) {
			uint32_t host = (first + k) & 7;

			assert_true(host >= 2 && host <= 6);
		}
		total += count;
	}
	assert_int_equal(total, 20);
	/* Other sizes. */
	assert_int_equal(device_ipv4_block("192.0.2.0/24", &first, &count), 0);
	assert_int_equal(count, 253);
	assert_int_equal(device_ipv4_block("192.0.2.4/30", &first, &count), 0);
	assert_int_equal(count, 1);
	device_ipv4_format(first, buf, sizeof(buf));
	assert_string_equal(buf, "192.0.2.6");
	/* Refused: not a network address, prefixes without usable hosts,
	 * malformed text. */
	assert_int_equal(device_ipv4_block("203.0.113.9/29", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/31", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/32", &first, &count), -1);
	assert_int_equal(device_ipv4_block("10.0.0.0/7", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/029", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/29x", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.8/09", &first, &count), -1);
	assert_int_equal(device_ipv4_block("203.0.113.256/29", &first, &count), -1);
	assert_int_equal(device_ipv4_block(NULL, &first, &count), -1);
}

/* ---- roles and types ------------------------------------------------- */

static void
test_roles_and_types(void **state)
{
	int	 k;

	(void)state;
	for (k = 0; k < PORT_ROLE__MAX; k++)
		assert_int_equal(port_role_parse(port_role_keys[k]), k);
	assert_int_equal(port_role_parse("Occupier LAN"), PORT_ROLE__MAX);
	assert_int_equal(port_role_parse(""), PORT_ROLE__MAX);
	assert_int_equal(port_role_parse(NULL), PORT_ROLE__MAX);
	assert_string_equal(port_role_label("occupier_lan"), "Occupier LAN");
	assert_string_equal(port_role_label("public_ip"), "Public IP");
	assert_string_equal(port_role_label("voice"), "Voice");
	assert_string_equal(port_role_label("wifi_ap"), "Wi-Fi access point");
	assert_string_equal(port_role_label("operator"), "Operator");
	assert_string_equal(port_role_label("disabled"), "Disabled");
	assert_string_equal(port_role_label("mystery"), "mystery");
	assert_string_equal(port_role_label(NULL), "");
	for (k = 0; k < DEVICE_TYPE__MAX; k++)
		assert_int_equal(device_type_parse(device_type_keys[k]), k);
	assert_int_equal(device_type_parse("phone"), DEVICE_TYPE__MAX);
	assert_int_equal(device_type_parse(NULL), DEVICE_TYPE__MAX);
	assert_int_equal(device_type_infra(DEVICE_WIFI_DEVICE),
	    INFRA_WIFI_DEVICES);
	assert_int_equal(device_type_infra(DEVICE_WIFI_ACCOUNT),
	    INFRA_WIFI_ACCOUNTS);
}

/* ---- allocation arithmetic ------------------------------------------ */

static void
test_alloc_within(void **state)
{
	char	 m[256];

	(void)state;
	/* used + k <= allocated. */
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 9, 30, 1, m, sizeof(m)), 1);
	assert_string_equal(m, "");
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 29, 30, 1, m, sizeof(m)), 1);
	assert_int_equal(device_alloc_check(INFRA_SWITCH_PORTS,
	    DEVICE_ASSIGNING, 1, 3, 2, m, sizeof(m)), 1);
	/* Nothing more asked for: always allowed, even when over. */
	assert_int_equal(device_alloc_check(INFRA_PHONE_EXT,
	    DEVICE_ACTIVATING, 1, 0, 0, m, sizeof(m)), 1);
	assert_int_equal(device_alloc_check(INFRA_PHONE_EXT,
	    DEVICE_ACTIVATING, 5, 2, -3, m, sizeof(m)), 1);
	/* Huge numbers do not overflow. */
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, INT64_MAX - 1, INT64_MAX, 1, m, sizeof(m)), 1);
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, INT64_MAX, INT64_MAX, 1, m, sizeof(m)), 0);
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 0, 10, INT64_MAX, m, sizeof(m)), 0);
}

static void
test_alloc_refusal_messages(void **state)
{
	const struct {
		enum infra		 t;
		enum device_step	 step;
		int64_t			 used, alloc, k;
		const char		*want;
	} c[] = {
		{ INFRA_WIFI_DEVICES, DEVICE_ACTIVATING, 20, 20, 1,
		    "Wi-Fi devices 20/20: add a Wi-Fi devices pack before "
		    "activating another device" },
		{ INFRA_SWITCH_PORTS, DEVICE_ACTIVATING, 3, 3, 1,
		    "Switch ports 3/3: add a service with switch ports before "
		    "activating another port" },
		{ INFRA_SWITCH_PORTS, DEVICE_ASSIGNING, 3, 3, 1,
		    "Switch ports 3/3: add a service with switch ports before "
		    "assigning another port" },
		{ INFRA_SWITCH_PORTS, DEVICE_ASSIGNING, 1, 2, 3,
		    "Switch ports 1/2: add a service with switch ports before "
		    "assigning 3 more ports (1 more fits)" },
		{ INFRA_SWITCH_PORTS, DEVICE_ACTIVATING, 0, 0, 2,
		    "Switch ports 0/0: add a service with switch ports before "
		    "activating 2 more ports" },
		{ INFRA_WIFI_DEVICES, DEVICE_ACTIVATING, 25, 30, 7,
		    "Wi-Fi devices 25/30: add a Wi-Fi devices pack before "
		    "activating 7 more devices (5 more fit)" },
		{ INFRA_PHONE_EXT, DEVICE_ACTIVATING, 1, 0, 1,
		    "Telephony extensions 1/0: add a Voice line before "
		    "activating another number" },
		{ INFRA_PUBLIC_IP, DEVICE_ACTIVATING, 5, 5, 1,
		    "Public IP addresses 5/5: add a Public IP service before "
		    "activating another address" },
		{ INFRA_WIFI_ACCOUNTS, DEVICE_ACTIVATING, 0, 0, 1,
		    "Wi-Fi accounts 0/0: add Wi-Fi Secure accounts before "
		    "activating another account" },
		{ INFRA_WIFI_DEVICES, DEVICE_ACTIVATING, 28, 30, 5,
		    "Wi-Fi devices 28/30: add a Wi-Fi devices pack before "
		    "activating 5 more devices (2 more fit)" },
	};
	char	 m[256];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		assert_int_equal(device_alloc_check(c[i].t, c[i].step,
		    c[i].used, c[i].alloc, c[i].k, m, sizeof(m)), 0);
		assert_string_equal(m, c[i].want);
	}
	/* A short buffer is truncated, not overrun; NULL is allowed. */
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 20, 20, 1, m, 14), 0);
	assert_string_equal(m, "Wi-Fi devices");
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 20, 20, 1, NULL, 0), 0);
}

/* The demo's answers (app/seed_devices.c, domain §5). */
static void
test_alloc_demo(void **state)
{
	char	 m[256];

	(void)state;
	/* Delta Robotics: 10 + 2 x 10 Wi-Fi devices, 9 active. */
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 9, 10 + 2 * 10, 1, m, sizeof(m)), 1);
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 9, 30, 21, m, sizeof(m)), 1);
	assert_int_equal(device_alloc_check(INFRA_WIFI_DEVICES,
	    DEVICE_ACTIVATING, 9, 30, 22, m, sizeof(m)), 0);
	/* ... and no Wi-Fi accounts allocated. */
	assert_int_equal(device_alloc_check(INFRA_WIFI_ACCOUNTS,
	    DEVICE_ACTIVATING, 0, 0, 1, m, sizeof(m)), 0);
	/* Acme: Public IP (/29) qty 1 = 5 addresses, 2 active. */
	assert_int_equal(device_alloc_check(INFRA_PUBLIC_IP,
	    DEVICE_ACTIVATING, 2, 5, 3, m, sizeof(m)), 1);
	/* Acme: Internet (1) + Public IP (2) = 3 switch ports, 3 held. */
	assert_int_equal(device_alloc_check(INFRA_SWITCH_PORTS,
	    DEVICE_ASSIGNING, 3, 3, 1, m, sizeof(m)), 0);
	assert_string_equal(m, "Switch ports 3/3: add a service with switch "
	    "ports before assigning another port");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac_accepted_layouts),
		cmocka_unit_test(test_mac_refused),
		cmocka_unit_test(test_account_names),
		cmocka_unit_test(test_ipv4_parse_format),
		cmocka_unit_test(test_ipv4_blocks),
		cmocka_unit_test(test_roles_and_types),
		cmocka_unit_test(test_alloc_within),
		cmocka_unit_test(test_alloc_refusal_messages),
		cmocka_unit_test(test_alloc_demo),
	};

	return cmocka_run_group_tests_name("device", tests, NULL, NULL);
}
