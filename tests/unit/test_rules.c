/*
 * Unit tests for the rules engine (app/domain/rules.c), against the
 * domain §5 demo catalog built here as data. Every message is checked
 * byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/rules.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Demo catalog ids. */
enum {
	S_LAN = 1,		/* Internet (LAN only) 100 Mbps */
	S_LANWIFI,		/* Internet (LAN + Wi-Fi) 100 Mbps */
	S_PUBIP,		/* Public IP (/29) */
	S_BW100,		/* Bandwidth 100 Mbps */
	S_BW500,		/* Bandwidth 500 Mbps */
	S_BW1G,			/* Bandwidth 1 Gbps */
	S_VOICE,		/* Voice line */
	S_CALLREC,		/* Call recording */
	S_VMAIL,		/* Voicemail to email */
	S_UKUNL,		/* UK Unlimited */
	S_PAYG,			/* Pay as you go */
	S_STDSUP,		/* Standard support */
	S_PREMSUP,		/* Premium support */
	S_WIFIPACK,		/* Wi-Fi devices pack (10) */
	S_WIFISEC,		/* Wi-Fi Secure accounts (5) */
	S_IVR,			/* IVR */
	S_CONF,			/* Conference bridge */
	S_UNKNOWN = 999		/* not in the catalog */
};

/* entitle[]: switch ports, phone ext, public IPs, Wi-Fi devices, accounts */
static const struct rules_service demo_services[] = {
	{ S_LAN, "Internet (LAN only) 100 Mbps", CAT_INTERNET, { 1, 0, 0, 0, 0 } },
	{ S_LANWIFI, "Internet (LAN + Wi-Fi) 100 Mbps", CAT_INTERNET, { 1, 0, 0, 10, 0 } },
	{ S_PUBIP, "Public IP (/29)", CAT_PUBLIC_IP, { 2, 0, 5, 0, 0 } },
	{ S_BW100, "Bandwidth 100 Mbps", CAT_BANDWIDTH, { 0, 0, 0, 0, 0 } },
	{ S_BW500, "Bandwidth 500 Mbps", CAT_BANDWIDTH, { 0, 0, 0, 0, 0 } },
	{ S_BW1G, "Bandwidth 1 Gbps", CAT_BANDWIDTH, { 0, 0, 0, 0, 0 } },
	{ S_VOICE, "Voice line", CAT_VOICE, { 0, 1, 0, 0, 0 } },
	{ S_CALLREC, "Call recording", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ S_VMAIL, "Voicemail to email", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ S_UKUNL, "UK Unlimited", CAT_TARIFF, { 0, 0, 0, 0, 0 } },
	{ S_PAYG, "Pay as you go", CAT_TARIFF, { 0, 0, 0, 0, 0 } },
	{ S_STDSUP, "Standard support", CAT_SERVICE_LEVEL, { 0, 0, 0, 0, 0 } },
	{ S_PREMSUP, "Premium support", CAT_SERVICE_LEVEL, { 0, 0, 0, 0, 0 } },
	{ S_WIFIPACK, "Wi-Fi devices pack (10)", CAT_WIFI, { 0, 0, 0, 10, 0 } },
	{ S_WIFISEC, "Wi-Fi Secure accounts (5)", CAT_WIFI, { 0, 0, 0, 0, 5 } },
	{ S_IVR, "IVR", CAT_IVR, { 0, 0, 0, 0, 0 } },
	{ S_CONF, "Conference bridge", CAT_CONFERENCE, { 0, 0, 0, 0, 0 } },
};

#define REQ_SVC(a, b)	{ RULE_REQUIRES, (a), (b), CAT__MAX, 0, 0 }
#define REQ_LE(a, b)	{ RULE_REQUIRES, (a), (b), CAT__MAX, 1, 0 }
#define REQ_CAT(a, c)	{ RULE_REQUIRES, (a), 0, (c), 0, 0 }
#define EXCL(a, b)	{ RULE_EXCLUDES, (a), (b), CAT__MAX, 0, 0 }
#define MAXQ(a, n)	{ RULE_MAX_QTY, (a), 0, CAT__MAX, 0, (n) }

/*
 * The bandwidth exclusions are stated one way per pair plus one
 * duplicate in the other direction (1 Gbps excludes 100 Mbps); the
 * tariff and support exclusions are stated in both directions, as an
 * admin might enter them. Each pair must still be reported once.
 */
static const struct rules_rule demo_rules[] = {
	REQ_CAT(S_PUBIP, CAT_INTERNET),
	MAXQ(S_PUBIP, 1),
	REQ_CAT(S_BW100, CAT_INTERNET),
	REQ_CAT(S_BW500, CAT_INTERNET),
	REQ_CAT(S_BW1G, CAT_INTERNET),
	EXCL(S_BW100, S_BW500),
	EXCL(S_BW100, S_BW1G),
	EXCL(S_BW500, S_BW1G),
	EXCL(S_BW1G, S_BW100),
	REQ_LE(S_CALLREC, S_VOICE),
	REQ_SVC(S_VMAIL, S_VOICE),
	EXCL(S_UKUNL, S_PAYG),
	EXCL(S_PAYG, S_UKUNL),
	REQ_SVC(S_UKUNL, S_VOICE),
	REQ_SVC(S_PAYG, S_VOICE),
	MAXQ(S_UKUNL, 1),
	MAXQ(S_PAYG, 1),
	EXCL(S_STDSUP, S_PREMSUP),
	EXCL(S_PREMSUP, S_STDSUP),
	MAXQ(S_STDSUP, 1),
	MAXQ(S_PREMSUP, 1),
	REQ_SVC(S_IVR, S_VOICE),
};

static const struct rules_catalog demo = {
	demo_services, NELEM(demo_services), demo_rules, NELEM(demo_rules)
};

static const struct rules_state no_state = { { 0, 0, 0, 0, 0 } };

/* Shared result buffer: large, so not on the stack of every test. */
static struct rules_result res;

static size_t
check(const struct rules_catalog *cat, const struct rules_state *st,
    const struct rules_line *plan, size_t n)
{
	size_t	 rc;

	/* Poison, so that a field rules_check_plan forgets shows up. */
	memset(&res, 0xa5, sizeof(res));
	rc = rules_check_plan(cat, st, plan, n, &res);
	assert_int_equal(rc, res.nv_total);
	assert_true(res.nv <= RULES_MAX_VIOLATIONS);
	assert_true(res.nv <= res.nv_total);
	return rc;
}

static void
assert_v(size_t i, enum rules_vkind kind, size_t line, int64_t sid,
    int64_t oid, const char *msg)
{
	assert_true(i < res.nv);
	assert_int_equal(res.v[i].kind, kind);
	assert_int_equal(res.v[i].line, line);
	assert_int_equal(res.v[i].service_id, sid);
	assert_int_equal(res.v[i].other_id, oid);
	if (kind != RV_INFRA)
		assert_int_equal(res.v[i].infra, INFRA__MAX);
	assert_string_equal(res.v[i].msg, msg);
}

static void
assert_infra_v(size_t i, enum infra t, const char *msg)
{
	assert_true(i < res.nv);
	assert_int_equal(res.v[i].kind, RV_INFRA);
	assert_int_equal(res.v[i].line, RULES_NO_LINE);
	assert_int_equal(res.v[i].service_id, 0);
	assert_int_equal(res.v[i].other_id, 0);
	assert_int_equal(res.v[i].infra, t);
	assert_string_equal(res.v[i].msg, msg);
}

static void
assert_frac(enum infra t, const char *want)
{
	char	 buf[64];

	rules_fraction_format(&res, t, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

static void
assert_alloc(int64_t sp, int64_t ext, int64_t ip, int64_t wd, int64_t wa)
{
	assert_int_equal(res.allocated[INFRA_SWITCH_PORTS], sp);
	assert_int_equal(res.allocated[INFRA_PHONE_EXT], ext);
	assert_int_equal(res.allocated[INFRA_PUBLIC_IP], ip);
	assert_int_equal(res.allocated[INFRA_WIFI_DEVICES], wd);
	assert_int_equal(res.allocated[INFRA_WIFI_ACCOUNTS], wa);
}

/* ---- name tables ---- */

static void
test_infra_names(void **state)
{
	(void)state;
	assert_string_equal(infra_names[INFRA_SWITCH_PORTS], "Switch ports");
	assert_string_equal(infra_names[INFRA_PHONE_EXT], "Telephony extensions");
	assert_string_equal(infra_names[INFRA_PUBLIC_IP], "Public IP addresses");
	assert_string_equal(infra_names[INFRA_WIFI_DEVICES], "Wi-Fi devices");
	assert_string_equal(infra_names[INFRA_WIFI_ACCOUNTS], "Wi-Fi accounts");
}

static void
test_category_names(void **state)
{
	static const char *const want[CAT__MAX] = {
		"Internet", "Bandwidth", "Public IP", "Voice", "Call feature",
		"Tariff", "Service level", "Wi-Fi", "IVR", "Conference bridge",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < CAT__MAX; i++) {
		assert_string_equal(svc_category_names[i], want[i]);
		assert_int_equal(svc_category_parse(want[i]), i);
	}
}

static void
test_category_parse_rejects(void **state)
{
	(void)state;
	assert_int_equal(svc_category_parse(NULL), CAT__MAX);
	assert_int_equal(svc_category_parse(""), CAT__MAX);
	assert_int_equal(svc_category_parse("internet"), CAT__MAX);
	assert_int_equal(svc_category_parse("Internet "), CAT__MAX);
	assert_int_equal(svc_category_parse("Inter"), CAT__MAX);
	assert_int_equal(svc_category_parse("Wi-Fi devices"), CAT__MAX);
}

static void
test_rule_kind_names(void **state)
{
	(void)state;
	assert_string_equal(rule_kind_names[RULE_REQUIRES], "requires");
	assert_string_equal(rule_kind_names[RULE_EXCLUDES], "excludes");
	assert_string_equal(rule_kind_names[RULE_MAX_QTY], "max_qty");
}

/* ---- basics ---- */

static void
test_empty_plan(void **state)
{
	(void)state;
	assert_int_equal(check(&demo, &no_state, NULL, 0), 0);
	assert_int_equal(res.nv, 0);
	assert_alloc(0, 0, 0, 0, 0);
	assert_frac(INFRA_SWITCH_PORTS, "0/0");
	assert_frac(INFRA_WIFI_ACCOUNTS, "0/0");
}

static void
test_null_state_is_zero(void **state)
{
	static const struct rules_line plan[] = { { S_VOICE, 2 } };

	(void)state;
	assert_int_equal(check(&demo, NULL, plan, NELEM(plan)), 0);
	assert_int_equal(res.in_use[INFRA_PHONE_EXT], 0);
	assert_frac(INFRA_PHONE_EXT, "0/2");
}

static void
test_in_use_copied(void **state)
{
	static const struct rules_line plan[] = {
		{ S_LANWIFI, 3 }, { S_PUBIP, 1 }, { S_VOICE, 4 },
		{ S_WIFISEC, 1 },
	};
	static const struct rules_state st = { { 4, 3, 2, 30, 5 } };

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 0);
	assert_int_equal(res.in_use[INFRA_SWITCH_PORTS], 4);
	assert_int_equal(res.in_use[INFRA_PHONE_EXT], 3);
	assert_int_equal(res.in_use[INFRA_PUBLIC_IP], 2);
	assert_int_equal(res.in_use[INFRA_WIFI_DEVICES], 30);
	assert_int_equal(res.in_use[INFRA_WIFI_ACCOUNTS], 5);
	assert_alloc(5, 4, 5, 30, 5);
	assert_frac(INFRA_SWITCH_PORTS, "4/5");
	assert_frac(INFRA_PHONE_EXT, "3/4");
	assert_frac(INFRA_PUBLIC_IP, "2/5");
	assert_frac(INFRA_WIFI_DEVICES, "30/30");
	assert_frac(INFRA_WIFI_ACCOUNTS, "5/5");
}

static void
test_allocation_sums(void **state)
{
	/* Internet with Wi-Fi includes 10 devices per unit, packs add 10. */
	static const struct rules_line plan[] = {
		{ S_LANWIFI, 2 }, { S_WIFIPACK, 1 }, { S_WIFISEC, 2 },
		{ S_WIFIPACK, 2 }, { S_CONF, 1 }, { S_STDSUP, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 0);
	assert_alloc(2, 0, 0, 50, 10);
	assert_frac(INFRA_WIFI_DEVICES, "0/50");
	assert_frac(INFRA_WIFI_ACCOUNTS, "0/10");
}

/* ---- the seed's worked examples ---- */

static void
test_seed_public_ip_example(void **state)
{
	static const struct rules_line plan[] = {
		{ S_PUBIP, 1 }, { S_LAN, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 0);
	assert_int_equal(res.nv, 0);
	assert_alloc(3, 0, 5, 0, 0);
	assert_frac(INFRA_SWITCH_PORTS, "0/3");
	assert_frac(INFRA_PUBLIC_IP, "0/5");
	assert_frac(INFRA_PHONE_EXT, "0/0");
}

static void
test_seed_remove_voice_example(void **state)
{
	/* Before: internet and a voice line, one number active: valid. */
	static const struct rules_line before[] = {
		{ S_LAN, 1 }, { S_VOICE, 1 },
	};
	/* After removing the only voice line. */
	static const struct rules_line after[] = { { S_LAN, 1 } };
	static const struct rules_state st = { { 1, 1, 0, 0, 0 } };

	(void)state;
	assert_int_equal(check(&demo, &st, before, NELEM(before)), 0);
	assert_frac(INFRA_PHONE_EXT, "1/1");

	assert_int_equal(check(&demo, &st, after, NELEM(after)), 1);
	assert_int_equal(res.nv, 1);
	assert_infra_v(0, INFRA_PHONE_EXT, "Telephony extensions: 1 active, "
	    "0 allocated \xe2\x80\x94 deactivate a phone number first");
	assert_frac(INFRA_PHONE_EXT, "1/0");
	assert_frac(INFRA_SWITCH_PORTS, "1/1");

	/* After deactivating the number, the removal is valid. */
	{
		static const struct rules_state st2 = { { 1, 0, 0, 0, 0 } };

		assert_int_equal(check(&demo, &st2, after, NELEM(after)), 0);
		assert_frac(INFRA_PHONE_EXT, "0/0");
	}
}

static void
test_internet_upgrade_sequence(void **state)
{
	static const struct rules_line old[] = { { S_LAN, 1 } };
	static const struct rules_line both[] = {
		{ S_LAN, 1 }, { S_LANWIFI, 1 },
	};
	static const struct rules_line upgraded[] = { { S_LANWIFI, 1 } };
	static const struct rules_state one_port = { { 1, 0, 0, 0, 0 } };
	static const struct rules_state two_ports = { { 2, 0, 0, 0, 0 } };

	(void)state;
	/* Start: old LAN-only, its port in use. */
	assert_int_equal(check(&demo, &one_port, old, NELEM(old)), 0);
	assert_frac(INFRA_SWITCH_PORTS, "1/1");

	/* Assign the new service alongside the old: valid. */
	assert_int_equal(check(&demo, &one_port, both, NELEM(both)), 0);
	assert_frac(INFRA_SWITCH_PORTS, "1/2");
	assert_frac(INFRA_WIFI_DEVICES, "0/10");

	/* Same plan before the new port was activated: 0/2. */
	assert_int_equal(check(&demo, &no_state, both, NELEM(both)), 0);
	assert_frac(INFRA_SWITCH_PORTS, "0/2");

	/* New device activated (2 ports in use): removing the old fails. */
	assert_int_equal(check(&demo, &two_ports, both, NELEM(both)), 0);
	assert_frac(INFRA_SWITCH_PORTS, "2/2");
	assert_int_equal(check(&demo, &two_ports, upgraded, NELEM(upgraded)),
	    1);
	assert_int_equal(res.nv, 1);
	assert_infra_v(0, INFRA_SWITCH_PORTS, "Switch ports: 2 in use, "
	    "1 allocated \xe2\x80\x94 release a floor port first");
	assert_frac(INFRA_SWITCH_PORTS, "2/1");

	/* Old port released: the removal is valid. */
	assert_int_equal(check(&demo, &one_port, upgraded, NELEM(upgraded)),
	    0);
	assert_frac(INFRA_SWITCH_PORTS, "1/1");
	assert_frac(INFRA_WIFI_DEVICES, "0/10");
}

/* ---- requires ---- */

static void
test_requires_service_missing(void **state)
{
	static const struct rules_line plan[] = {
		{ S_LAN, 1 }, { S_CALLREC, 1 }, { S_VMAIL, 1 }, { S_IVR, 1 },
		{ S_PAYG, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 4);
	assert_int_equal(res.nv, 4);
	assert_v(0, RV_REQUIRES, 1, S_CALLREC, S_VOICE,
	    "Call recording requires Voice line");
	assert_v(1, RV_REQUIRES, 2, S_VMAIL, S_VOICE,
	    "Voicemail to email requires Voice line");
	assert_v(2, RV_REQUIRES, 3, S_IVR, S_VOICE, "IVR requires Voice line");
	assert_v(3, RV_REQUIRES, 4, S_PAYG, S_VOICE,
	    "Pay as you go requires Voice line");
}

static void
test_requires_service_present(void **state)
{
	static const struct rules_line plan[] = {
		{ S_CALLREC, 1 }, { S_VMAIL, 1 }, { S_IVR, 1 }, { S_UKUNL, 1 },
		{ S_VOICE, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 0);
	assert_alloc(0, 1, 0, 0, 0);
}

static void
test_requires_category_missing(void **state)
{
	static const struct rules_line plan[] = {
		{ S_VOICE, 1 }, { S_PUBIP, 1 }, { S_BW1G, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_REQUIRES, 1, S_PUBIP, 0,
	    "Public IP (/29) requires an Internet service");
	assert_v(1, RV_REQUIRES, 2, S_BW1G, 0,
	    "Bandwidth 1 Gbps requires an Internet service");
}

static void
test_requires_category_any_member(void **state)
{
	/* Either internet service satisfies "requires Internet". */
	static const struct rules_line a[] = {
		{ S_PUBIP, 1 }, { S_BW500, 1 }, { S_LANWIFI, 1 },
	};
	static const struct rules_line b[] = {
		{ S_LAN, 1 }, { S_BW100, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, a, NELEM(a)), 0);
	assert_alloc(3, 0, 5, 10, 0);
	assert_int_equal(check(&demo, &no_state, b, NELEM(b)), 0);
}

/* A small catalog for category requirements the demo does not state. */
static const struct rules_service cat_services[] = {
	{ 1, "Voice line", CAT_VOICE, { 0, 1, 0, 0, 0 } },
	{ 2, "Voice line (hosted)", CAT_VOICE, { 0, 1, 0, 0, 0 } },
	{ 3, "Hunt group", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ 4, "IVR add-on", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ 5, "Guest portal", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ 6, "Seat licence", CAT_CALL_FEATURE, { 0, 0, 0, 0, 0 } },
	{ 7, "Internet (LAN only) 100 Mbps", CAT_INTERNET, { 1, 0, 0, 0, 0 } },
	{ 8, "Failover line", CAT_INTERNET, { 1, 0, 0, 0, 0 } },
};
static const struct rules_rule cat_rules[] = {
	REQ_CAT(3, CAT_VOICE),
	REQ_CAT(4, CAT_IVR),
	REQ_CAT(5, CAT_WIFI),
	{ RULE_REQUIRES, 6, 0, CAT_VOICE, 1, 0 },
	REQ_CAT(8, CAT_INTERNET),	/* needs another internet service */
};
static const struct rules_catalog catcat = {
	cat_services, NELEM(cat_services), cat_rules, NELEM(cat_rules)
};

static void
test_requires_category_article(void **state)
{
	static const struct rules_line plan[] = {
		{ 3, 1 }, { 4, 1 }, { 5, 1 },
	};

	(void)state;
	assert_int_equal(check(&catcat, &no_state, plan, NELEM(plan)), 3);
	assert_v(0, RV_REQUIRES, 0, 3, 0, "Hunt group requires a Voice service");
	assert_v(1, RV_REQUIRES, 1, 4, 0, "IVR add-on requires an IVR service");
	assert_v(2, RV_REQUIRES, 2, 5, 0,
	    "Guest portal requires a Wi-Fi service");
}

static void
test_requires_category_not_self(void **state)
{
	/* A service does not satisfy its own category requirement. */
	static const struct rules_line alone[] = { { 8, 2 } };
	static const struct rules_line ok[] = { { 8, 1 }, { 7, 1 } };

	(void)state;
	assert_int_equal(check(&catcat, &no_state, alone, NELEM(alone)), 1);
	assert_v(0, RV_REQUIRES, 0, 8, 0,
	    "Failover line requires an Internet service");
	assert_int_equal(check(&catcat, &no_state, ok, NELEM(ok)), 0);
}

static void
test_requires_qty_le_category(void **state)
{
	static const struct rules_line eq[] = {
		{ 6, 2 }, { 1, 1 }, { 2, 1 },
	};
	static const struct rules_line over[] = {
		{ 1, 1 }, { 6, 3 }, { 2, 1 },
	};
	static const struct rules_line none[] = { { 6, 3 } };

	(void)state;
	assert_int_equal(check(&catcat, &no_state, eq, NELEM(eq)), 0);
	assert_int_equal(check(&catcat, &no_state, over, NELEM(over)), 1);
	assert_v(0, RV_REQUIRES_QTY, 1, 6, 0,
	    "Seat licence quantity (3) cannot exceed Voice quantity (2)");
	/* Absent target: the plain requirement, not the quantity one. */
	assert_int_equal(check(&catcat, &no_state, none, NELEM(none)), 1);
	assert_v(0, RV_REQUIRES, 0, 6, 0,
	    "Seat licence requires a Voice service");
}

static void
test_requires_qty_le(void **state)
{
	static const struct rules_line eq[] = {
		{ S_VOICE, 2 }, { S_CALLREC, 2 },
	};
	static const struct rules_line over[] = {
		{ S_VOICE, 2 }, { S_CALLREC, 3 },
	};
	static const struct rules_line under[] = {
		{ S_VOICE, 5 }, { S_CALLREC, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, eq, NELEM(eq)), 0);
	assert_int_equal(check(&demo, &no_state, under, NELEM(under)), 0);
	assert_int_equal(check(&demo, &no_state, over, NELEM(over)), 1);
	assert_v(0, RV_REQUIRES_QTY, 1, S_CALLREC, S_VOICE,
	    "Call recording quantity (3) cannot exceed Voice line quantity (2)");
}

static void
test_requires_qty_le_summed_rows(void **state)
{
	/* Two contracts: quantities of each service are summed. */
	static const struct rules_line ok[] = {
		{ S_CALLREC, 1 }, { S_VOICE, 1 }, { S_CALLREC, 1 },
		{ S_VOICE, 1 },
	};
	static const struct rules_line over[] = {
		{ S_VOICE, 1 }, { S_CALLREC, 2 }, { S_VOICE, 1 },
		{ S_CALLREC, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, ok, NELEM(ok)), 0);
	assert_alloc(0, 2, 0, 0, 0);
	assert_int_equal(check(&demo, &no_state, over, NELEM(over)), 1);
	assert_v(0, RV_REQUIRES_QTY, 1, S_CALLREC, S_VOICE,
	    "Call recording quantity (3) cannot exceed Voice line quantity (2)");
}

/* ---- excludes ---- */

static void
test_excludes_pair(void **state)
{
	static const struct rules_line plan[] = {
		{ S_BW100, 1 }, { S_LAN, 1 }, { S_BW1G, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 1);
	assert_v(0, RV_EXCLUDES, 0, S_BW100, S_BW1G,
	    "Bandwidth 100 Mbps and Bandwidth 1 Gbps cannot be taken together");
}

static void
test_excludes_named_in_plan_order(void **state)
{
	/* The service whose row comes first is named first. */
	static const struct rules_line plan[] = {
		{ S_LAN, 1 }, { S_BW1G, 1 }, { S_BW100, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 1);
	assert_v(0, RV_EXCLUDES, 1, S_BW1G, S_BW100,
	    "Bandwidth 1 Gbps and Bandwidth 100 Mbps cannot be taken together");
}

static void
test_excludes_both_directions_once(void **state)
{
	static const struct rules_line tariff[] = {
		{ S_VOICE, 1 }, { S_PAYG, 1 }, { S_UKUNL, 1 },
	};
	static const struct rules_line support[] = {
		{ S_STDSUP, 1 }, { S_PREMSUP, 1 },
	};
	static const struct rules_line support2[] = {
		{ S_PREMSUP, 1 }, { S_STDSUP, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, tariff, NELEM(tariff)), 1);
	assert_v(0, RV_EXCLUDES, 1, S_PAYG, S_UKUNL,
	    "Pay as you go and UK Unlimited cannot be taken together");
	assert_int_equal(check(&demo, &no_state, support, NELEM(support)), 1);
	assert_v(0, RV_EXCLUDES, 0, S_STDSUP, S_PREMSUP,
	    "Standard support and Premium support cannot be taken together");
	assert_int_equal(check(&demo, &no_state, support2, NELEM(support2)), 1);
	assert_v(0, RV_EXCLUDES, 0, S_PREMSUP, S_STDSUP,
	    "Premium support and Standard support cannot be taken together");
}

static void
test_excludes_three_way(void **state)
{
	static const struct rules_line plan[] = {
		{ S_BW500, 1 }, { S_BW1G, 1 }, { S_LANWIFI, 1 }, { S_BW100, 1 },
		{ S_BW500, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 3);
	assert_int_equal(res.nv, 3);
	/* Reported at the earlier row of each pair, rules in catalog order. */
	assert_v(0, RV_EXCLUDES, 0, S_BW500, S_BW100,
	    "Bandwidth 500 Mbps and Bandwidth 100 Mbps cannot be taken together");
	assert_v(1, RV_EXCLUDES, 0, S_BW500, S_BW1G,
	    "Bandwidth 500 Mbps and Bandwidth 1 Gbps cannot be taken together");
	assert_v(2, RV_EXCLUDES, 1, S_BW1G, S_BW100,
	    "Bandwidth 1 Gbps and Bandwidth 100 Mbps cannot be taken together");
}

static void
test_excludes_duplicate_rows_same_service(void **state)
{
	/* Two rows of one service are not an exclusion with itself. */
	static const struct rules_line plan[] = {
		{ S_LAN, 1 }, { S_BW500, 1 }, { S_BW500, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 0);
}

/* ---- max_qty ---- */

static void
test_max_qty_single_row(void **state)
{
	static const struct rules_line ok[] = {
		{ S_LAN, 1 }, { S_PUBIP, 1 },
	};
	static const struct rules_line over[] = {
		{ S_LAN, 1 }, { S_PUBIP, 2 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, ok, NELEM(ok)), 0);
	assert_int_equal(check(&demo, &no_state, over, NELEM(over)), 1);
	assert_v(0, RV_MAX_QTY, 1, S_PUBIP, 0,
	    "At most 1 Public IP (/29) per occupier per site");
	/* Allocation still reflects the plan as submitted. */
	assert_alloc(5, 0, 10, 0, 0);
}

static void
test_max_qty_summed_rows(void **state)
{
	static const struct rules_line plan[] = {
		{ S_PUBIP, 1 }, { S_LAN, 1 }, { S_PUBIP, 1 },
	};
	static const struct rules_line tariffs[] = {
		{ S_VOICE, 3 }, { S_UKUNL, 1 }, { S_STDSUP, 1 }, { S_UKUNL, 1 },
		{ S_STDSUP, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 1);
	assert_v(0, RV_MAX_QTY, 0, S_PUBIP, 0,
	    "At most 1 Public IP (/29) per occupier per site");
	assert_int_equal(check(&demo, &no_state, tariffs, NELEM(tariffs)), 2);
	assert_v(0, RV_MAX_QTY, 1, S_UKUNL, 0,
	    "At most 1 UK Unlimited per occupier per site");
	assert_v(1, RV_MAX_QTY, 2, S_STDSUP, 0,
	    "At most 1 Standard support per occupier per site");
}

static void
test_max_qty_larger_limit(void **state)
{
	static const struct rules_service svcs[] = {
		{ 1, "Hot desk", CAT_SERVICE_LEVEL, { 0, 0, 0, 0, 0 } },
	};
	static const struct rules_rule rl[] = { MAXQ(1, 12) };
	static const struct rules_catalog c = { svcs, 1, rl, 1 };
	static const struct rules_line at[] = { { 1, 10 }, { 1, 2 } };
	static const struct rules_line over[] = { { 1, 10 }, { 1, 3 } };

	(void)state;
	assert_int_equal(check(&c, &no_state, at, NELEM(at)), 0);
	assert_int_equal(check(&c, &no_state, over, NELEM(over)), 1);
	assert_v(0, RV_MAX_QTY, 0, 1, 0,
	    "At most 12 Hot desk per occupier per site");
}

/* ---- row errors ---- */

static void
test_unknown_service(void **state)
{
	static const struct rules_line plan[] = {
		{ S_LAN, 1 }, { S_UNKNOWN, 4 }, { 0, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_UNKNOWN_SERVICE, 1, S_UNKNOWN, 0,
	    "Service #999 is not available at this site");
	assert_v(1, RV_UNKNOWN_SERVICE, 2, 0, 0,
	    "Service #0 is not available at this site");
	/* Unknown rows allocate nothing. */
	assert_alloc(1, 0, 0, 0, 0);
}

static void
test_unknown_service_bad_qty_once(void **state)
{
	/* An unknown row is reported as unknown only, whatever its qty. */
	static const struct rules_line plan[] = {
		{ -7, 0 }, { S_UNKNOWN, -1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_UNKNOWN_SERVICE, 0, -7, 0,
	    "Service #-7 is not available at this site");
	assert_v(1, RV_UNKNOWN_SERVICE, 1, S_UNKNOWN, 0,
	    "Service #999 is not available at this site");
}

static void
test_bad_qty(void **state)
{
	static const struct rules_line plan[] = {
		{ S_LAN, 0 }, { S_PUBIP, -3 }, { S_LANWIFI, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_BAD_QTY, 0, S_LAN, 0,
	    "Internet (LAN only) 100 Mbps: quantity must be at least 1");
	assert_v(1, RV_BAD_QTY, 1, S_PUBIP, 0,
	    "Public IP (/29): quantity must be at least 1");
	/* Bad rows allocate nothing (no negative allocation either). */
	assert_alloc(1, 0, 0, 10, 0);
}

static void
test_bad_qty_does_not_satisfy(void **state)
{
	/* A zero-qty voice line does not satisfy Voicemail's requirement. */
	static const struct rules_line plan[] = {
		{ S_VOICE, 0 }, { S_VMAIL, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_BAD_QTY, 0, S_VOICE, 0,
	    "Voice line: quantity must be at least 1");
	assert_v(1, RV_REQUIRES, 1, S_VMAIL, S_VOICE,
	    "Voicemail to email requires Voice line");
}

static void
test_line_is_first_row_of_service(void **state)
{
	/*
	 * The first Public IP row has a bad qty; the two good rows sum to 2.
	 * Both violations name row 0, row error first.
	 */
	static const struct rules_line plan[] = {
		{ S_PUBIP, 0 }, { S_LAN, 1 }, { S_PUBIP, 1 }, { S_PUBIP, 1 },
	};

	(void)state;
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_BAD_QTY, 0, S_PUBIP, 0,
	    "Public IP (/29): quantity must be at least 1");
	assert_v(1, RV_MAX_QTY, 0, S_PUBIP, 0,
	    "At most 1 Public IP (/29) per occupier per site");
	assert_alloc(5, 0, 10, 0, 0);
}

/* ---- infrastructure ---- */

static void
test_infra_all_types(void **state)
{
	static const struct rules_state st = { { 2, 1, 3, 4, 5 } };
	static const struct rules_line plan[] = { { S_LAN, 1 } };

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 5);
	assert_infra_v(0, INFRA_SWITCH_PORTS, "Switch ports: 2 in use, "
	    "1 allocated \xe2\x80\x94 release a floor port first");
	assert_infra_v(1, INFRA_PHONE_EXT, "Telephony extensions: 1 active, "
	    "0 allocated \xe2\x80\x94 deactivate a phone number first");
	assert_infra_v(2, INFRA_PUBLIC_IP, "Public IP addresses: 3 in use, "
	    "0 allocated \xe2\x80\x94 release an address first");
	assert_infra_v(3, INFRA_WIFI_DEVICES, "Wi-Fi devices: 4 active, "
	    "0 allocated \xe2\x80\x94 deactivate a Wi-Fi device first");
	assert_infra_v(4, INFRA_WIFI_ACCOUNTS, "Wi-Fi accounts: 5 active, "
	    "0 allocated \xe2\x80\x94 deactivate a Wi-Fi account first");
	assert_frac(INFRA_SWITCH_PORTS, "2/1");
	assert_frac(INFRA_PHONE_EXT, "1/0");
	assert_frac(INFRA_PUBLIC_IP, "3/0");
	assert_frac(INFRA_WIFI_DEVICES, "4/0");
	assert_frac(INFRA_WIFI_ACCOUNTS, "5/0");
}

static void
test_infra_boundary(void **state)
{
	/* X == Y is fine; X == Y + 1 is not. */
	static const struct rules_line plan[] = {
		{ S_VOICE, 3 }, { S_WIFISEC, 2 },
	};
	static const struct rules_state eq = { { 0, 3, 0, 0, 10 } };
	static const struct rules_state over = { { 0, 3, 0, 0, 11 } };

	(void)state;
	assert_int_equal(check(&demo, &eq, plan, NELEM(plan)), 0);
	assert_frac(INFRA_WIFI_ACCOUNTS, "10/10");
	assert_int_equal(check(&demo, &over, plan, NELEM(plan)), 1);
	assert_infra_v(0, INFRA_WIFI_ACCOUNTS, "Wi-Fi accounts: 11 active, "
	    "10 allocated \xe2\x80\x94 deactivate a Wi-Fi account first");
}

static void
test_reduce_voice_qty(void **state)
{
	/* Reducing Voice line 3 -> 2 with 3 numbers active is refused. */
	static const struct rules_line plan[] = { { S_VOICE, 2 } };
	static const struct rules_state st = { { 0, 3, 0, 0, 0 } };

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 1);
	assert_infra_v(0, INFRA_PHONE_EXT, "Telephony extensions: 3 active, "
	    "2 allocated \xe2\x80\x94 deactivate a phone number first");
	assert_frac(INFRA_PHONE_EXT, "3/2");
}

/* ---- combined and ordering ---- */

static void
test_combined_order(void **state)
{
	static const struct rules_line plan[] = {
		{ S_CALLREC, 2 },	/* 0: qty over voice */
		{ S_PUBIP, 1 },		/* 1: no internet */
		{ S_BW100, 1 },		/* 2: no internet; excludes 500 */
		{ S_BW500, 1 },		/* 3: no internet */
		{ S_UNKNOWN, 1 },	/* 4: unknown */
		{ S_VOICE, 1 },		/* 5: fine */
		{ S_UKUNL, 0 },		/* 6: bad qty; then absent */
		{ S_STDSUP, 2 },	/* 7: max 1 */
	};
	static const struct rules_state st = { { 3, 1, 0, 0, 0 } };

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 9);
	assert_int_equal(res.nv, 9);
	assert_v(0, RV_REQUIRES_QTY, 0, S_CALLREC, S_VOICE,
	    "Call recording quantity (2) cannot exceed Voice line quantity (1)");
	assert_v(1, RV_REQUIRES, 1, S_PUBIP, 0,
	    "Public IP (/29) requires an Internet service");
	assert_v(2, RV_REQUIRES, 2, S_BW100, 0,
	    "Bandwidth 100 Mbps requires an Internet service");
	assert_v(3, RV_EXCLUDES, 2, S_BW100, S_BW500,
	    "Bandwidth 100 Mbps and Bandwidth 500 Mbps cannot be taken together");
	assert_v(4, RV_REQUIRES, 3, S_BW500, 0,
	    "Bandwidth 500 Mbps requires an Internet service");
	assert_v(5, RV_UNKNOWN_SERVICE, 4, S_UNKNOWN, 0,
	    "Service #999 is not available at this site");
	assert_v(6, RV_BAD_QTY, 6, S_UKUNL, 0,
	    "UK Unlimited: quantity must be at least 1");
	assert_v(7, RV_MAX_QTY, 7, S_STDSUP, 0,
	    "At most 1 Standard support per occupier per site");
	assert_infra_v(8, INFRA_SWITCH_PORTS, "Switch ports: 3 in use, "
	    "2 allocated \xe2\x80\x94 release a floor port first");
	assert_frac(INFRA_SWITCH_PORTS, "3/2");
	assert_frac(INFRA_PHONE_EXT, "1/1");
}

static void
test_full_valid_plan(void **state)
{
	static const struct rules_line plan[] = {
		{ S_LANWIFI, 2 }, { S_PUBIP, 1 }, { S_BW1G, 1 },
		{ S_VOICE, 4 }, { S_CALLREC, 4 }, { S_VMAIL, 1 },
		{ S_UKUNL, 1 }, { S_PREMSUP, 1 }, { S_WIFIPACK, 1 },
		{ S_WIFISEC, 1 }, { S_IVR, 1 }, { S_CONF, 1 },
	};
	static const struct rules_state st = { { 4, 4, 5, 30, 5 } };

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 0);
	assert_alloc(4, 4, 5, 30, 5);
}

static void
test_violation_cap(void **state)
{
	static struct rules_line plan[70];
	static const struct rules_state st = { { 0, 1, 0, 0, 0 } };
	char	 want[64];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(plan); i++) {
		plan[i].service_id = 1000 + (int64_t)i;
		plan[i].qty = 1;
	}
	/* 70 unknown rows and one infrastructure overrun. */
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 71);
	assert_int_equal(res.nv, RULES_MAX_VIOLATIONS);
	assert_int_equal(res.nv_total, 71);
	for (i = 0; i < RULES_MAX_VIOLATIONS; i++) {
		snprintf(want, sizeof(want),
		    "Service #%zu is not available at this site", 1000 + i);
		assert_v(i, RV_UNKNOWN_SERVICE, i, 1000 + (int64_t)i, 0, want);
	}
	/* Fractions are complete even when violations were dropped. */
	assert_frac(INFRA_PHONE_EXT, "1/0");
}

static void
test_violation_cap_exact(void **state)
{
	static struct rules_line plan[RULES_MAX_VIOLATIONS];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(plan); i++) {
		plan[i].service_id = S_LAN;
		plan[i].qty = 0;
	}
	assert_int_equal(check(&demo, &no_state, plan, NELEM(plan)),
	    RULES_MAX_VIOLATIONS);
	assert_int_equal(res.nv, RULES_MAX_VIOLATIONS);
	assert_v(63, RV_BAD_QTY, 63, S_LAN, 0,
	    "Internet (LAN only) 100 Mbps: quantity must be at least 1");
}

/* ---- robustness ---- */

static void
test_saturating_allocation(void **state)
{
	static const struct rules_service svcs[] = {
		{ 1, "Huge", CAT_WIFI, { INT64_MAX, 0, 0, 0, 0 } },
		{ 2, "Big", CAT_WIFI, { 0, 0, 0, INT64_MAX / 2 + 1, 0 } },
	};
	static const struct rules_catalog c = { svcs, 2, NULL, 0 };
	static const struct rules_line plan[] = {
		{ 1, 3 }, { 2, 1 }, { 2, 1 }, { 1, INT64_MAX },
	};

	(void)state;
	assert_int_equal(check(&c, &no_state, plan, NELEM(plan)), 0);
	assert_int_equal(res.allocated[INFRA_SWITCH_PORTS], INT64_MAX);
	assert_int_equal(res.allocated[INFRA_WIFI_DEVICES], INT64_MAX);
	assert_frac(INFRA_SWITCH_PORTS, "0/9223372036854775807");
}

static void
test_unnamed_and_unknown_target(void **state)
{
	/* A NULL name and a requirement on a service not in the catalog. */
	static const struct rules_service svcs[] = {
		{ 5, NULL, CAT_VOICE, { 0, 0, 0, 0, 0 } },
		{ 6, "Orphan", CAT_VOICE, { 0, 0, 0, 0, 0 } },
	};
	static const struct rules_rule rl[] = {
		REQ_SVC(6, 77), MAXQ(5, 1),
	};
	static const struct rules_catalog c = { svcs, 2, rl, 2 };
	static const struct rules_line plan[] = { { 5, 2 }, { 6, 1 } };

	(void)state;
	assert_int_equal(check(&c, &no_state, plan, NELEM(plan)), 2);
	assert_v(0, RV_MAX_QTY, 0, 5, 0,
	    "At most 1 Service #5 per occupier per site");
	assert_v(1, RV_REQUIRES, 1, 6, 77, "Orphan requires Service #77");
}

static void
test_long_name_truncated_on_utf8_boundary(void **state)
{
	static char name[300];
	static struct rules_service svcs[1];
	static const struct rules_catalog c = { svcs, 1, NULL, 0 };
	static const struct rules_line plan[] = { { 1, 0 } };

	(void)state;
	/* 254 ASCII bytes then "é": byte 255 would split the character. */
	memset(name, 'x', 254);
	memcpy(name + 254, "\xc3\xa9 more", 8);
	svcs[0].id = 1;
	svcs[0].name = name;
	svcs[0].category = CAT_VOICE;
	assert_int_equal(check(&c, &no_state, plan, NELEM(plan)), 1);
	assert_int_equal(strlen(res.v[0].msg), 254);
	assert_int_equal(memcmp(res.v[0].msg, name, 254), 0);

	/* 253 ASCII bytes: the character fits exactly. */
	memset(name, 'x', 253);
	memcpy(name + 253, "\xc3\xa9 more", 8);
	assert_int_equal(check(&c, &no_state, plan, NELEM(plan)), 1);
	assert_int_equal(strlen(res.v[0].msg), 255);
	assert_int_equal(memcmp(res.v[0].msg, name, 255), 0);

	/* 3-byte em dash split after its first byte. */
	memset(name, 'x', 254);
	memcpy(name + 254, "\xe2\x80\x94", 4);
	assert_int_equal(check(&c, &no_state, plan, NELEM(plan)), 1);
	assert_int_equal(strlen(res.v[0].msg), 254);
}

static void
test_fraction_format_truncates(void **state)
{
	static const struct rules_line plan[] = { { S_VOICE, 20 } };
	static const struct rules_state st = { { 0, 10, 0, 0, 0 } };
	char	 buf[8];

	(void)state;
	assert_int_equal(check(&demo, &st, plan, NELEM(plan)), 0);
	rules_fraction_format(&res, INFRA_PHONE_EXT, buf, sizeof(buf));
	assert_string_equal(buf, "10/20");
	rules_fraction_format(&res, INFRA_PHONE_EXT, buf, 6);
	assert_string_equal(buf, "10/20");
	rules_fraction_format(&res, INFRA_PHONE_EXT, buf, 5);
	assert_string_equal(buf, "10/2");
	rules_fraction_format(&res, INFRA_PHONE_EXT, buf, 1);
	assert_string_equal(buf, "");
	memset(buf, 'z', sizeof(buf));
	rules_fraction_format(&res, INFRA_PHONE_EXT, buf, 0);
	assert_int_equal(buf[0], 'z');
	rules_fraction_format(NULL, INFRA_PHONE_EXT, buf, sizeof(buf));
	assert_string_equal(buf, "");
	rules_fraction_format(&res, INFRA__MAX, buf, sizeof(buf));
	assert_string_equal(buf, "");
}

static void
test_null_catalog(void **state)
{
	static const struct rules_line plan[] = { { S_LAN, 1 } };

	(void)state;
	assert_int_equal(check(NULL, &no_state, plan, NELEM(plan)), 1);
	assert_v(0, RV_UNKNOWN_SERVICE, 0, S_LAN, 0,
	    "Service #1 is not available at this site");
}

/* ---- rules added after plans were saved ------------------------------ */

static const struct rules_rule max2_rule[] = { MAXQ(S_VOICE, 2) };
static const struct rules_catalog max2_cat = {
	demo_services, NELEM(demo_services), max2_rule, 1
};
static const struct rules_rule excl_rule[] = { EXCL(S_UKUNL, S_PAYG) };
static const struct rules_catalog excl_cat = {
	demo_services, NELEM(demo_services), excl_rule, 1
};
static const struct rules_rule reqle_rule[] = { REQ_LE(S_CALLREC, S_VOICE) };
static const struct rules_catalog reqle_cat = {
	demo_services, NELEM(demo_services), reqle_rule, 1
};

/* Whether every violation of plan after is kept by before's. */
static int
all_kept(const struct rules_catalog *cat, const struct rules_line *b,
    size_t nb, const struct rules_line *a, size_t na)
{
	struct rules_result	 before, after;
	size_t			 i;

	rules_check_plan(cat, NULL, b, nb, &before);
	if (rules_check_plan(cat, NULL, a, na, &after) == 0)
		return 1;
	for (i = 0; i < after.nv; i++)
		if (!rules_violation_kept(&before, &after.v[i]))
			return 0;
	return 1;
}

/* A max-QTY rule of 2 with a plan at 4: 4 or 3 kept, 5 not. */
static void
test_kept_max_qty(void **state)
{
	const struct rules_line	 at4[] = { { S_VOICE, 4 } };
	const struct rules_line	 at3[] = { { S_VOICE, 3 }, { S_STDSUP, 1 } };
	const struct rules_line	 at5[] = { { S_VOICE, 5 } };
	const struct rules_line	 split5[] = { { S_VOICE, 2 }, { S_VOICE, 3 } };
	struct rules_result	 r;

	(void)state;
	rules_check_plan(&max2_cat, NULL, at4, 1, &r);
	assert_int_equal(r.nv, 1);
	assert_int_equal(r.v[0].qty, 4);
	assert_true(all_kept(&max2_cat, at4, 1, at4, 1));
	assert_true(all_kept(&max2_cat, at4, 1, at3, 2));
	assert_false(all_kept(&max2_cat, at4, 1, at5, 1));
	assert_false(all_kept(&max2_cat, at4, 1, split5, 2));
	/* Nothing broken before: nothing kept. */
	assert_false(all_kept(&max2_cat, NULL, 0, at3, 2));
	assert_false(rules_violation_kept(NULL, &r.v[0]));
}

/* A new exclusion: other changes saveable while neither side grows. */
static void
test_kept_excludes(void **state)
{
	const struct rules_line	 both[] = { { S_UKUNL, 1 }, { S_PAYG, 2 } };
	const struct rules_line	 other[] = { { S_PAYG, 2 }, { S_UKUNL, 1 },
	    { S_STDSUP, 1 } };
	const struct rules_line	 less[] = { { S_UKUNL, 1 }, { S_PAYG, 1 } };
	const struct rules_line	 more[] = { { S_UKUNL, 1 }, { S_PAYG, 3 } };

	(void)state;
	assert_true(all_kept(&excl_cat, both, 2, other, 3));
	assert_true(all_kept(&excl_cat, both, 2, less, 2));
	assert_false(all_kept(&excl_cat, both, 2, more, 2));
	assert_false(all_kept(&excl_cat, less, 2, both, 2));
}

/* A new dependency (with its QTY bound): kept while the gap does not grow. */
static void
test_kept_requires(void **state)
{
	const struct rules_line	 gap2[] = { { S_CALLREC, 3 }, { S_VOICE, 1 } };
	const struct rules_line	 gap2b[] = { { S_CALLREC, 4 }, { S_VOICE, 2 },
	    { S_STDSUP, 1 } };
	const struct rules_line	 gap3[] = { { S_CALLREC, 4 }, { S_VOICE, 1 } };
	const struct rules_line	 none[] = { { S_CALLREC, 2 } };
	const struct rules_line	 none3[] = { { S_CALLREC, 3 } };

	(void)state;
	assert_true(all_kept(&reqle_cat, gap2, 2, gap2b, 3));
	assert_false(all_kept(&reqle_cat, gap2, 2, gap3, 2));
	assert_true(all_kept(&reqle_cat, none, 1, none, 1));
	assert_false(all_kept(&reqle_cat, none, 1, none3, 1));
	/* A different kind is never kept: requires_qty by a missing other. */
	assert_false(all_kept(&reqle_cat, gap2, 2, none, 1));
}

/* Infrastructure overruns and unknown services are never kept. */
static void
test_kept_never(void **state)
{
	const struct rules_line		 bad[] = { { S_UNKNOWN, 1 } };
	const struct rules_catalog	 cat = { demo_services,
	    NELEM(demo_services), NULL, 0 };
	const struct rules_state	 st = { { 0, 2, 0, 0, 0 } };
	struct rules_result		 b, a;

	(void)state;
	assert_false(all_kept(&cat, bad, 1, bad, 1));
	rules_check_plan(&cat, &st, NULL, 0, &b);
	rules_check_plan(&cat, &st, NULL, 0, &a);
	assert_int_equal(a.nv, 1);
	assert_false(rules_violation_kept(&b, &a.v[0]));
}

/* What a new rule does to a saved plan. */
static void
test_rule_broken(void **state)
{
	const struct rules_line	 p4[] = { { S_VOICE, 3 }, { S_VOICE, 1 },
	    { S_UKUNL, 1 } };
	const struct rules_line	 p2[] = { { S_VOICE, 2 } };
	const struct rules_rule	 cat_req = REQ_CAT(S_PUBIP, CAT_INTERNET);
	const struct rules_line	 ip[] = { { S_PUBIP, 1 } };
	const struct rules_line	 ipnet[] = { { S_PUBIP, 1 }, { S_LAN, 1 } };

	(void)state;
	assert_true(rules_rule_broken(&max2_rule[0], demo_services,
	    NELEM(demo_services), p4, 3));
	assert_false(rules_rule_broken(&max2_rule[0], demo_services,
	    NELEM(demo_services), p2, 1));
	assert_true(rules_rule_broken(&excl_rule[0], demo_services,
	    NELEM(demo_services), (const struct rules_line[]){ { S_PAYG, 1 },
	    { S_UKUNL, 1 } }, 2));
	assert_true(rules_rule_broken(&cat_req, demo_services,
	    NELEM(demo_services), ip, 1));
	assert_false(rules_rule_broken(&cat_req, demo_services,
	    NELEM(demo_services), ipnet, 2));
	assert_false(rules_rule_broken(NULL, demo_services,
	    NELEM(demo_services), ip, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_infra_names),
		cmocka_unit_test(test_category_names),
		cmocka_unit_test(test_category_parse_rejects),
		cmocka_unit_test(test_rule_kind_names),
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_null_state_is_zero),
		cmocka_unit_test(test_in_use_copied),
		cmocka_unit_test(test_allocation_sums),
		cmocka_unit_test(test_seed_public_ip_example),
		cmocka_unit_test(test_seed_remove_voice_example),
		cmocka_unit_test(test_internet_upgrade_sequence),
		cmocka_unit_test(test_requires_service_missing),
		cmocka_unit_test(test_requires_service_present),
		cmocka_unit_test(test_requires_category_missing),
		cmocka_unit_test(test_requires_category_any_member),
		cmocka_unit_test(test_requires_category_article),
		cmocka_unit_test(test_requires_category_not_self),
		cmocka_unit_test(test_requires_qty_le_category),
		cmocka_unit_test(test_requires_qty_le),
		cmocka_unit_test(test_requires_qty_le_summed_rows),
		cmocka_unit_test(test_excludes_pair),
		cmocka_unit_test(test_excludes_named_in_plan_order),
		cmocka_unit_test(test_excludes_both_directions_once),
		cmocka_unit_test(test_excludes_three_way),
		cmocka_unit_test(test_excludes_duplicate_rows_same_service),
		cmocka_unit_test(test_max_qty_single_row),
		cmocka_unit_test(test_max_qty_summed_rows),
		cmocka_unit_test(test_max_qty_larger_limit),
		cmocka_unit_test(test_unknown_service),
		cmocka_unit_test(test_unknown_service_bad_qty_once),
		cmocka_unit_test(test_bad_qty),
		cmocka_unit_test(test_bad_qty_does_not_satisfy),
		cmocka_unit_test(test_line_is_first_row_of_service),
		cmocka_unit_test(test_infra_all_types),
		cmocka_unit_test(test_infra_boundary),
		cmocka_unit_test(test_reduce_voice_qty),
		cmocka_unit_test(test_combined_order),
		cmocka_unit_test(test_full_valid_plan),
		cmocka_unit_test(test_violation_cap),
		cmocka_unit_test(test_violation_cap_exact),
		cmocka_unit_test(test_saturating_allocation),
		cmocka_unit_test(test_unnamed_and_unknown_target),
		cmocka_unit_test(test_long_name_truncated_on_utf8_boundary),
		cmocka_unit_test(test_fraction_format_truncates),
		cmocka_unit_test(test_null_catalog),
		cmocka_unit_test(test_kept_max_qty),
		cmocka_unit_test(test_kept_excludes),
		cmocka_unit_test(test_kept_requires),
		cmocka_unit_test(test_kept_never),
		cmocka_unit_test(test_rule_broken),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
