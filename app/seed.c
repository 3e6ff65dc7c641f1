/*
 * seed: the demo data of domain §5, relative to the day it is loaded, into
 * an empty database only. One transaction: all of it or none.
 *
 * The demo is built through the operations the screens and the shell
 * call (app/ops/), each with its rules and its audit event, as the system
 * (seed_ctx) acting for each operator: operators, sites, floors, switches
 * and floor ports, phone-number and public IP pools, the catalog and its
 * rules, occupiers and contracts, offices and the ports in them, devices
 * and public addresses, invoice settings and billing details. Each
 * operation's db_txn runs as a part of
 * the seed's own transaction (txn.h): a seed failing anywhere leaves
 * nothing behind.
 *
 * The demo's plans are replayed through the Manage services save
 * (ops_plan_save) on their own dates (demo_plans): a context whose today
 * is the day a service was added (or removed) saves the plan, and the
 * ports that start a service needing a device are assigned and
 * activated that day (ops_ports_change). Those services, their charge
 * ledger and their audit events, the voice lines' phone numbers and
 * Acme's Public IP (/29) addresses come from the operations; so do
 * Eastwind's plan and the ports its occupier holds (demo_eastwind_plan),
 * the users (ops_user_create with the published demo password, as
 * `tenantry user add` gives the first admin one) and the contracts that
 * ended before the demo's day (entered ended: moved out on their end
 * date, store_contract_insert).
 *
 * Usage billing's destination groups, rates, allowances and tiers go
 * through their operation (ops_usage_catalog_set, as `tenantry usage
 * rates` loads a rate card) and the usage history through the import.
 * One thing no operation can write stays the seed's own, with its reason
 * where it is written: the number cooling off, last held by Acme on a
 * line its plan no longer shows (seed_telephony.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "cli.h"
#include "domain/date.h"
#include "domain/money.h"
#include "session.h"
#include "ops/catalog.h"
#include "ops/contracts.h"
#include "ops/occupiers.h"
#include "ops/plan.h"
#include "ops/network.h"
#include "ops/ports.h"
#include "ops/spaces.h"
#include "ops/ops.h"
#include "ops/operators.h"
#include "ops/sites.h"
#include "ops/users.h"
#include "store/db.h"
#include "store/store.h"
#include "store/store_device.h"
#include "store/store_network.h"
#include "store/txn.h"

#define DEMO_PASSWORD	"tenantry-demo"

struct demo_contract {
	int		 site;		/* 0 Canary Wharf, 1 Shoreditch */
	int		 start;		/* days from today */
	int		 end;		/* days from today, or NOEND */
};
#define NOEND	99999
#define ATSTART	99998	/* activated: on the contract start (future) */

struct demo_occupier {
	const char		*name;
	const char		*billing_ref;
	struct demo_contract	 c[3];
	int			 nc;
};

static const struct demo_occupier occupiers[] = {
	{ "Acme Analytics Ltd", "ACME-001", { { 0, -400, NOEND } }, 1 },
	{ "Blue Finch Design", "BFD-002", { { 0, 14, NOEND } }, 1 },
	{ "Cobalt Legal LLP", "COB-003", { { 1, -700, -30 } }, 1 },
	{ "Delta Robotics", "DEL-004", { { 0, -200, 165 } }, 1 },
	{ "Evergreen Ventures", "EVG-005", { { 1, -60, NOEND } }, 1 },
	{ "Fjord Media", "FJM-006", { { 0, -900, -366 }, { 0, -365, NOEND },
	    { 1, -100, NOEND } }, 3 },
	{ "O'Brien & Sons", "OBS-007", { { 1, -30, NOEND } }, 1 },
	{ "Greenleaf Health", "GRH-008", { { 0, -120, NOEND } }, 1 },
	{ "Harbour Capital Partners", "HCP-009", { { 0, -500, NOEND } }, 1 },
	{ "Indigo Games Studio", "IGS-010", { { 1, -45, NOEND } }, 1 },
	{ "Juniper Architects", "JUA-011", { { 1, -800, NOEND } }, 1 },
	{ "Kestrel Logistics", "KEL-012", { { 0, -90, 275 } }, 1 },
	{ "Lumen Energy", "LUE-013", { { 0, 30, NOEND } }, 1 },
	{ "Maple & Finch Accountants", "MFA-014", { { 1, -300, NOEND } }, 1 },
	{ "Northstar Recruitment", "NSR-015", { { 1, -1000, -400 } }, 1 },
	{ "Orbit Payments", "ORP-016", { { 0, -250, NOEND } }, 1 },
	{ "Pinecone Software", "PCS-017", { { 0, -15, NOEND } }, 1 },
	{ "Quartz Consulting", "QZC-018", { { 1, -180, 185 } }, 1 },
	{ "Riverside Travel", "RST-019", { { 1, -365, NOEND } }, 1 },
	{ "Saffron Foods", "SAF-020", { { 0, -730, NOEND } }, 1 },
	{ "Tidewater Insurance", "TWI-021", { { 0, -60, NOEND } }, 1 },
	{ "Umbra Security", "UMS-022", { { 1, 60, NOEND } }, 1 },
	{ "Vantage Media Group", "VMG-023", { { 0, -420, NOEND } }, 1 },
	{ "Willow Legal", "WIL-024", { { 1, -210, NOEND } }, 1 },
	{ "Xeno Biotech", "XEB-025", { { 0, -95, NOEND } }, 1 },
	{ "Yellowstone Ventures", "YSV-026", { { 1, -150, NOEND } }, 1 },
	{ "Zenith Data", "ZED-027", { { 0, -330, NOEND } }, 1 },
	{ "Aurora Charity Trust", "ACT-028", { { 1, -40, NOEND } }, 1 },
	{ "Bramble Coffee Co", "BCC-029", { { 0, -10, NOEND } }, 1 },
	{ "Cedar Property Group", "CPG-030", { { 1, -600, NOEND } }, 1 },
};
#define NOCCUPIERS	(sizeof(occupiers) / sizeof(occupiers[0]))

struct demo_user {
	const char	*email;
	const char	*name;
	const char	*role;
	int		 operator;	/* 0 Northwind, 1 Eastwind */
	int		 occupier;	/* index into occupiers + 1, or 0 */
};

static const struct demo_user users[] = {
	{ "admin@northwind.example", "Nadia Admin", "operator_admin", 0, 0 },
	{ "staff@northwind.example", "Sam Staff", "operator_staff", 0, 0 },
	{ "admin@acme.example", "Alex Acme", "occupier_admin", 0, 1 },
	{ "user@acme.example", "Uma Acme", "occupier_user", 0, 1 },
	{ "admin@eastwind.example", "Erin Eastwind", "operator_admin", 1, 0 },
};
#define NUSERS	(sizeof(users) / sizeof(users[0]))

static const char *const port_roles[12] = {
	"occupier_lan", "occupier_lan", "occupier_lan", "occupier_lan",
	"occupier_lan", "occupier_lan", "public_ip", "public_ip",
	"voice", "voice", "wifi_ap", "operator",
};

/* The catalog of domain §5: code, name, category, description, cost, RRP
 * (minor units), needs a case, needs a device, entitlements per unit. */
struct demo_svc {
	const char	*code;
	const char	*name;
	const char	*category;
	const char	*description;
	int64_t		 cost, rrp;
	int		 needs_case, needs_device;
	int		 ent[5];	/* ports, extensions, IPs, Wi-Fi devices, accounts */
	int		 not_at_second;	/* not offered at the second site */
};

enum {
	S_INET_LAN, S_INET_WIFI, S_PUBLIC_IP, S_BW_100, S_BW_500, S_BW_1G,
	S_VOICE, S_CALL_REC, S_VOICEMAIL, S_UK_UNLIMITED, S_PAYG,
	S_SUPPORT_STD, S_SUPPORT_PREM, S_WIFI_DEVICES, S_WIFI_ACCOUNTS,
	S_IVR, S_CONFERENCE, NSERVICES
};

static const struct demo_svc catalog[NSERVICES] = {
	[S_INET_LAN] = { "inet-lan-100", "Internet (LAN only) 100 Mbps", "Internet",
	    "Wired internet at 100 Mbps on one switch port for the occupier's LAN.",
	    4500, 9000, 0, 1, { 1, 0, 0, 0, 0 }, 0 },
	[S_INET_WIFI] = { "inet-wifi-100", "Internet (LAN + Wi-Fi) 100 Mbps", "Internet",
	    "Wired and wireless internet at 100 Mbps: one switch port and up to 10 Wi-Fi devices.",
	    5500, 11000, 0, 1, { 1, 0, 0, 10, 0 }, 0 },
	[S_PUBLIC_IP] = { "public-ip-29", "Public IP (/29)", "Public IP",
	    "A /29 block: 5 usable public IPv4 addresses, on two dedicated switch ports.",
	    1000, 2500, 0, 1, { 2, 0, 5, 0, 0 }, 0 },
	[S_BW_100] = { "bw-100", "Bandwidth 100 Mbps", "Bandwidth",
	    "Internet bandwidth tier up to 100 Mbps (charged on contracted allocation).",
	    0, 0, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_BW_500] = { "bw-500", "Bandwidth 500 Mbps", "Bandwidth",
	    "Internet bandwidth tier up to 500 Mbps.",
	    0, 15000, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_BW_1G] = { "bw-1g", "Bandwidth 1 Gbps", "Bandwidth",
	    "Internet bandwidth tier up to 1 Gbps.",
	    0, 30000, 0, 0, { 0, 0, 0, 0, 0 }, 1 },
	[S_VOICE] = { "voice-line", "Voice line", "Voice",
	    "A telephone line with one extension and a phone number from the site pool.",
	    800, 1500, 0, 0, { 0, 1, 0, 0, 0 }, 0 },
	[S_CALL_REC] = { "call-recording", "Call recording", "Call feature",
	    "Records calls on a voice line; one per voice line at most.",
	    200, 500, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_VOICEMAIL] = { "voicemail-email", "Voicemail to email", "Call feature",
	    "Sends voicemail messages to an email address as audio files.",
	    0, 200, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_UK_UNLIMITED] = { "tariff-uk-unlimited", "UK Unlimited", "Tariff",
	    "Unlimited calls to UK landlines and mobiles.",
	    0, 2000, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_PAYG] = { "tariff-payg", "Pay as you go", "Tariff",
	    "Calls charged per minute on usage.",
	    0, 0, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_SUPPORT_STD] = { "support-standard", "Standard support", "Service level",
	    "Business-hours support, next-business-day response.",
	    0, 0, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_SUPPORT_PREM] = { "support-premium", "Premium support", "Service level",
	    "24/7 support with a 4-hour response.",
	    3000, 6000, 0, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_WIFI_DEVICES] = { "wifi-devices-10", "Wi-Fi devices pack (10)", "Wi-Fi",
	    "Ten more devices on the occupier's Wi-Fi network.",
	    500, 1200, 0, 0, { 0, 0, 0, 10, 0 }, 0 },
	[S_WIFI_ACCOUNTS] = { "wifi-accounts-5", "Wi-Fi Secure accounts (5)", "Wi-Fi",
	    "Five named WPA2-Enterprise accounts for the secure Wi-Fi network.",
	    500, 1000, 0, 0, { 0, 0, 0, 0, 5 }, 0 },
	[S_IVR] = { "ivr", "IVR", "IVR",
	    "An interactive voice menu for incoming calls; configured through a case.",
	    1500, 3500, 1, 0, { 0, 0, 0, 0, 0 }, 0 },
	[S_CONFERENCE] = { "conference-bridge", "Conference bridge", "Conference bridge",
	    "A dial-in conference number; number and users are set up through a case.",
	    1000, 2500, 1, 0, { 0, 0, 0, 0, 0 }, 1 },
};

struct demo_rule {
	const char	*kind;
	int		 service;
	int		 other;		/* -1: none */
	const char	*category;	/* requires a category */
	int		 qty_le;
	int		 max;
};

static const struct demo_rule rules[] = {
	{ "requires", S_PUBLIC_IP, -1, "Internet", 0, 0 },
	{ "max_qty", S_PUBLIC_IP, -1, NULL, 0, 1 },
	{ "excludes", S_BW_100, S_BW_500, NULL, 0, 0 },
	{ "excludes", S_BW_100, S_BW_1G, NULL, 0, 0 },
	{ "excludes", S_BW_500, S_BW_1G, NULL, 0, 0 },
	{ "requires", S_BW_100, -1, "Internet", 0, 0 },
	{ "requires", S_BW_500, -1, "Internet", 0, 0 },
	{ "requires", S_BW_1G, -1, "Internet", 0, 0 },
	{ "requires", S_CALL_REC, S_VOICE, NULL, 1, 0 },
	{ "requires", S_VOICEMAIL, S_VOICE, NULL, 0, 0 },
	{ "excludes", S_UK_UNLIMITED, S_PAYG, NULL, 0, 0 },
	{ "requires", S_UK_UNLIMITED, S_VOICE, NULL, 0, 0 },
	{ "requires", S_PAYG, S_VOICE, NULL, 0, 0 },
	{ "max_qty", S_UK_UNLIMITED, -1, NULL, 0, 1 },
	{ "max_qty", S_PAYG, -1, NULL, 0, 1 },
	{ "excludes", S_SUPPORT_STD, S_SUPPORT_PREM, NULL, 0, 0 },
	{ "max_qty", S_SUPPORT_STD, -1, NULL, 0, 1 },
	{ "max_qty", S_SUPPORT_PREM, -1, NULL, 0, 1 },
	{ "requires", S_IVR, S_VOICE, NULL, 0, 0 },
};

/* Demo occupier services: occupier index, its contract index, service,
 * price, qty, activated and ended (days from today, or NOEND). */
struct demo_service {
	int		 occupier, contract, service;
	int64_t		 price, qty;
	int		 activated, ended;
};

static const struct demo_service demo_services[] = {
	/* Acme Analytics: a full office at Canary Wharf. */
	{ 0, 0, S_INET_LAN, 9000, 1, -400, NOEND },
	{ 0, 0, S_PUBLIC_IP, 2500, 1, -400, NOEND },
	{ 0, 0, S_BW_500, 15000, 1, -400, NOEND },
	{ 0, 0, S_VOICE, 1400, 3, -400, NOEND },
	{ 0, 0, S_CALL_REC, 500, 2, -300, NOEND },
	{ 0, 0, S_UK_UNLIMITED, 2000, 1, -400, NOEND },
	{ 0, 0, S_SUPPORT_STD, 0, 1, -400, NOEND },
	/* Blue Finch: contract starts in 14 days, so everything is Scheduled. */
	{ 1, 0, S_INET_LAN, 9000, 1, NOEND, NOEND },
	{ 1, 0, S_VOICE, 1500, 2, ATSTART, NOEND },
	{ 1, 0, S_SUPPORT_STD, 0, 1, ATSTART, NOEND },
	/* Cobalt Legal: contract ended; support goes on (seed: services
	 * continue while a contract is inactive), internet was removed. */
	{ 2, 0, S_INET_LAN, 9000, 1, -700, -30 },
	{ 2, 0, S_SUPPORT_STD, 0, 1, -700, NOEND },
	/* Delta Robotics: Wi-Fi heavy. */
	{ 3, 0, S_INET_WIFI, 11000, 1, -200, NOEND },
	{ 3, 0, S_WIFI_DEVICES, 1200, 2, -150, NOEND },
	{ 3, 0, S_SUPPORT_PREM, 5500, 1, -200, NOEND },
	/* Fjord Media: an old contract's service ended, a new one running. */
	{ 5, 0, S_INET_LAN, 8500, 1, -900, -366 },
	{ 5, 1, S_INET_WIFI, 10500, 1, -360, NOEND },
	{ 5, 1, S_VOICE, 1500, 2, -360, NOEND },
	{ 5, 1, S_VOICEMAIL, 200, 2, -360, NOEND },
	{ 5, 2, S_INET_LAN, 9000, 1, -100, NOEND },
};
#define NDEMO_SERVICES	(sizeof(demo_services) / sizeof(demo_services[0]))

/* What the demo data is made of, as its parts are written. */
struct demo {
	int32_t		 today;
	const char	*hash;		/* the demo password's */
	int64_t		 op[2], site[3], occ[NOCCUPIERS], eocc, ecid;
	int64_t		 cid[NOCCUPIERS][3], svc[2][NSERVICES];
	int64_t		 floor[2][3];	/* Northwind's sites' floors */
};

/* A context of the system (no user, no address) acting for operator op on
 * day today: what the seed and the shell's commands pass to the
 * operations. */
void
seed_ctx(struct ops_ctx *c, struct arena *a, int64_t op, int32_t today)
{
	memset(c, 0, sizeof(*c));
	c->t.a = a;
	c->t.operator_id = op;
	c->t.day = today;
	c->t.now = (int64_t)time(NULL);
	c->role = -1;
	c->remote_addr = "";
}

/*
 * The catalog of operator op, through the operations of the Catalog page:
 * each service added (ops_catalog_service_add, offered at the operator's
 * sites but those it is not at the second), then each rule
 * (ops_catalog_rule_add, against the catalog as it stands). ids[] gets
 * the services' ids. 0, or -1.
 */
static int
demo_catalog(struct ops_ctx *c, int64_t op, int64_t *ids)
{
	struct store_site		*sites;
	struct store_catalog		 cat;
	struct catalog_service_in	 in;
	struct catalog_rule_in		 rin;
	struct catalog_out		 out;
	int64_t				 tick[3];
	size_t				 i, k, nsites;

	if (store_site_list(c->t.a, op, 0, &sites, &nsites) < 0 ||
	    nsites > 3 || store_catalog_load(c->t.a, op, 0, &cat) < 0)
		return -1;
	for (i = 0; i < NSERVICES; i++) {
		const struct demo_svc *d = &catalog[i];

		memset(&in, 0, sizeof(in));
		in.cat = &cat;
		in.sites = sites;
		in.nsites = nsites;
		in.def.code = d->code;
		in.def.name = d->name;
		in.def.category = d->category;
		in.def.description = d->description;
		in.def.cost = d->cost;
		in.def.rrp = d->rrp;
		in.def.needs_case = d->needs_case;
		in.def.needs_device = d->needs_device;
		for (k = 0; k < STORE_INFRA; k++)
			in.def.ent[k] = d->ent[k];
		for (k = 0; k < nsites && (k == 0 || !d->not_at_second); k++)
			tick[in.nchecked++] = sites[k].id;
		in.checked = tick;
		if (ops_catalog_service_add(c, &in, &out) <= 0)
			return -1;
		ids[i] = out.id;
	}
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct demo_rule *r = &rules[i];

		if (store_catalog_load(c->t.a, op, 0, &cat) < 0)
			return -1;
		memset(&rin, 0, sizeof(rin));
		rin.cat = &cat;
		rin.service_id = ids[r->service];
		rin.rule.kind = r->kind;
		rin.rule.has_other = r->other >= 0;
		rin.rule.other = r->other >= 0 ? ids[r->other] : 0;
		rin.rule.category = r->category;
		rin.rule.has_max = strcmp(r->kind, "max_qty") == 0;
		rin.rule.max = r->max;
		rin.rule.qty_le = r->qty_le;
		if (ops_catalog_rule_add(c, &rin, &out) <= 0)
			return -1;
	}
	return 0;
}

/* The ids of the n floor ports of site labelled from label on (by
 * label: "CW-G-01" and n 3 give CW-G-01..03), in ids. 0, or -1. */
static int
demo_port_ids(struct ops_ctx *c, int64_t site, const char *label, size_t n,
    int64_t *ids)
{
	struct store_port	*p;
	size_t			 np, i, k = 0;

	if (store_port_list_site(c->t.a, c->t.operator_id, site, &p, &np) < 0)
		return -1;
	for (i = 0; i < np && k < n; i++)
		if (k > 0 || strcmp(p[i].label, label) == 0)
			ids[k++] = p[i].id;
	return k == n ? 0 : -1;
}

/* ops_ports_change of op (to occupier occ when assigning) on the ports
 * ids of site, each keeping its role. 0, or -1. */
static int
demo_ports_change(struct ops_ctx *c, int64_t site, enum port_op op,
    int64_t occ, const int64_t *ids, size_t n)
{
	struct ports_change_in	 in;
	struct ports_change_out	 out;

	memset(&in, 0, sizeof(in));
	in.site = site;
	in.op = op;
	in.ids = ids;
	in.nids = n;
	in.occ = occ;
	in.role = PORT_ROLE__MAX;
	return ops_ports_change(c, &in, &out) > 0 ? 0 : -1;
}

/*
 * The floors of a site, each with its switch and its twelve floor ports
 * (port_roles: the first six for occupiers' LANs, ...), through the
 * operations of the site's Floors and ports pages: ops_floor_add,
 * ops_switch_add, and ops_ports_add_range by run of ports of one role.
 * Then the Operator ports made active (ops_ports_change). 0, or -1.
 */
static int
demo_floors(struct ops_ctx *c, int64_t site, const char *prefix, int nfloors,
    int64_t *floors)
{
	static const char *const fname[] = { "Ground floor", "Level 1",
	    "Level 2", "Level 3" };
	static const char *const fcode[] = { "G", "1", "2", "3" };
	struct floor_add_in	 fin;
	struct floor_add_out	 fout;
	struct switch_add_in	 sin;
	struct switch_add_out	 sout;
	struct ports_range_in	 rin;
	struct ports_range_out	 rout;
	char			 sw[32], pat[48], ports[16];
	int64_t			 op_ports[4];
	int			 f, i, j;

	for (f = 0; f < nfloors; f++) {
		fin.site = site;
		fin.name = fname[f];
		fin.level = f;
		if (ops_floor_add(c, &fin, &fout) <= 0)
			return -1;
		if (floors != NULL)
			floors[f] = fout.id;
		snprintf(sw, sizeof(sw), "%s-%s-sw1", prefix, fcode[f]);
		sin.site = site;
		sin.name = sw;
		sin.model = "Demo 48-port";
		sin.ports = 48;
		if (ops_switch_add(c, &sin, &sout) <= 0)
			return -1;
		for (i = 0; i < 12; i = j) {
			for (j = i + 1; j < 12 &&
			    strcmp(port_roles[j], port_roles[i]) == 0; j++)
				;
			snprintf(pat, sizeof(pat), "%s-%s-{%02d..%02d}", prefix,
			    fcode[f], i + 1, j);
			snprintf(ports, sizeof(ports), "%d-%d", i + 1, j);
			rin.site = site;
			rin.floor = fout.id;
			rin.pattern = pat;
			rin.sw = sw;
			rin.ports = ports;
			rin.role = port_roles[i];
			if (ops_ports_add_range(c, &rin, &rout) <= 0)
				return -1;
		}
		snprintf(pat, sizeof(pat), "%s-%s-12", prefix, fcode[f]);
		if (demo_port_ids(c, site, pat, 1, &op_ports[f]) == -1)
			return -1;
	}
	return demo_ports_change(c, site, PORT_OP_ACTIVATE, 0, op_ports,
	    (size_t)nfloors);
}

/* The two operators (ops_operator_create, as "operator add" does) and
 * their three sites, through the operation the Sites page calls (time zone
 * and currency: the operator's). 0, or -1. */
static int
demo_sites(struct demo *d, struct arena *a)
{
	static const struct { int op; const char *name, *address; } site[] = {
		{ 0, "Canary Wharf", "1 Canada Square, London E14 5AB" },
		{ 0, "Shoreditch", "200 Great Eastern Street, London EC2A 3HP" },
		{ 1, "Harbour House", "5 Quay Street, Bristol BS1 4DB" },
	};
	static const char *const opname[] = { "Northwind Workspaces",
	    "Eastwind Offices" };
	struct ops_ctx		 c;
	struct operator_create_in oin;
	struct operator_create_out oout;
	struct site_save_in	 in;
	struct site_save_out	 out;
	size_t			 i;

	for (i = 0; i < 2; i++) {
		seed_ctx(&c, a, 0, d->today);
		oin.name = opname[i];
		oin.currency = "GBP";
		oin.timezone = "Europe/London";
		if (ops_operator_create(&c, &oin, &oout) <= 0)
			return -1;
		d->op[i] = oout.id;
	}
	for (i = 0; i < sizeof(site) / sizeof(site[0]); i++) {
		seed_ctx(&c, a, d->op[site[i].op], d->today);
		memset(&in, 0, sizeof(in));
		in.name = site[i].name;
		in.address = site[i].address;
		in.timezone = "";
		in.currency = "";
		if (ops_site_save(&c, &in, &out) <= 0)
			return -1;
		d->site[i] = out.id;
	}
	return 0;
}

/* A contract of ctx's operator, through the contract form's operation:
 * occupier occ at site, start..end (days from today; NOEND: open-ended).
 * 0, or -1. */
static int
demo_contract(struct ops_ctx *c, int64_t occ, int64_t site, const char *ref,
    int32_t start, int32_t end, int64_t *id)
{
	struct contract_save_in		 in;
	struct contract_save_out	 out;

	memset(&in, 0, sizeof(in));
	in.c.occupier_id = occ;
	in.c.site_id = site;
	in.c.reference = ref;
	in.c.start = c->t.day + start;
	in.c.end = end == NOEND ? DATE_NONE : c->t.day + end;
	if (ops_contract_save(c, &in, &out) <= 0)
		return -1;
	if (id != NULL)
		*id = out.id;
	return 0;
}

/* A new occupier of ctx's operator, through the occupier form's
 * operation. 0, or -1. */
static int
demo_occupier(struct ops_ctx *c, const char *name, const char *ref,
    const char *notes, int64_t *id)
{
	struct occupier_save_in		 in;
	struct occupier_save_out	 out;

	memset(&in, 0, sizeof(in));
	in.name = name;
	in.billing_ref = ref;
	in.contact_email = "";
	in.notes = notes;
	if (ops_occupier_save(c, &in, &out) <= 0)
		return -1;
	*id = out.id;
	return 0;
}

static int
demo_occupiers(struct demo *d, struct arena *a)
{
	struct ops_ctx	 c;
	char		 ref[32];
	size_t		 i;
	int		 j;

	seed_ctx(&c, a, d->op[0], d->today);
	for (i = 0; i < NOCCUPIERS; i++) {
		if (demo_occupier(&c, occupiers[i].name,
		    occupiers[i].billing_ref, "", &d->occ[i]) == -1)
			return -1;
		for (j = 0; j < occupiers[i].nc; j++) {
			const struct demo_contract *k = &occupiers[i].c[j];

			snprintf(ref, sizeof(ref), "NW-%s-%03zu-%d",
			    k->site == 0 ? "CW" : "SD", i + 1, j + 1);
			if (demo_contract(&c, d->occ[i], d->site[k->site], ref,
			    k->start, k->end, &d->cid[i][j]) == -1)
				return -1;
		}
	}
	seed_ctx(&c, a, d->op[1], d->today);
	if (demo_occupier(&c, "Zephyr Secret Holdings", "ZSH-EW1",
	    "Eastwind's occupier: never visible to Northwind.", &d->eocc) == -1)
		return -1;
	return demo_contract(&c, d->eocc, d->site[2], "EW-HH-0001", -100,
	    NOEND, &d->ecid);
}

/* The day demo service ds was added: the day it started when that is
 * past, else today (a scheduled service, or one waiting for a device). */
static int32_t
demo_added(const struct demo *d, const struct demo_service *ds)
{
	if (ds->activated == NOEND || ds->activated == ATSTART ||
	    ds->activated > 0)
		return d->today;
	return d->today + ds->activated;
}

/* The site index (0, 1) of demo service ds. */
static int
demo_site(const struct demo_service *ds)
{
	return occupiers[ds->occupier].c[ds->contract].site;
}

/* The form of the Manage services dialog g for ctx's day: its rows but
 * the one of demo service drop (when not NULL), and a new row for each of
 * demo_services[from..to). */
static void
demo_plan_form(struct demo *d, struct ops_ctx *c, const struct plan_dialog *g,
    size_t from, size_t to, const struct demo_service *drop,
    struct plan_form *f)
{
	struct plan_row_in	*rows;
	int64_t			*drops;
	char			 b[MONEY_STRLEN];
	size_t			 j, k;

	memset(f, 0, sizeof(*f));
	rows = arena_calloc(c->t.a, g->nrows + (to - from) + 1, sizeof(*rows));
	drops = arena_calloc(c->t.a, g->nrows + 1, sizeof(*drops));
	for (j = 0; j < g->nrows; j++) {
		const struct plan_row *r = &g->rows[j];

		if (drop != NULL && d->svc[0][drop->service] == r->service_id &&
		    d->cid[drop->occupier][drop->contract] == r->contract_id) {
			drops[f->ndrops++] = r->id;
			continue;
		}
		rows[f->nrows].id = r->id;
		rows[f->nrows].service_id = r->service_id;
		rows[f->nrows].contract_id = r->contract_id;
		rows[f->nrows].price = r->price_raw;
		rows[f->nrows++].qty = r->qty_raw;
	}
	for (k = from; k < to; k++) {
		const struct demo_service *ds = &demo_services[k];

		money_format(ds->price, b, sizeof(b));
		rows[f->nrows].service_id = d->svc[0][ds->service];
		rows[f->nrows].contract_id = d->cid[ds->occupier][ds->contract];
		rows[f->nrows].price = arena_strdup(c->t.a, b);
		rows[f->nrows++].qty = arena_printf(c->t.a, "%lld",
		    (long long)ds->qty);
	}
	f->version = g->version;
	f->rows = rows;
	f->drops = drops;
	f->action = PLAN_RECALC;
}

/*
 * Ports of occupier i at site s, on ctx's day, that start its services
 * waiting for a device (ops_ports_change: assign, then activate; the
 * services start on that day). Acme Analytics keeps its three (the
 * third made inactive again); the others' ports go back (deactivate,
 * unassign): the demo shows them connected by no floor port. 0, or -1.
 */
static int
demo_plan_ports(struct demo *d, struct ops_ctx *c, size_t i, int s)
{
	int64_t		 id[3];
	int64_t		 site = d->site[s];
	const char	*from = i == 0 ? (s == 0 ? "CW-G-01" : "SD-G-01") :
			    (s == 0 ? "CW-G-06" : "SD-G-06");
	size_t		 n = i == 0 ? 3 : 1;

	if (demo_port_ids(c, site, from, n, id) == -1 ||
	    demo_ports_change(c, site, PORT_OP_ASSIGN, d->occ[i], id, n) == -1 ||
	    demo_ports_change(c, site, PORT_OP_ACTIVATE, 0, id, n) == -1)
		return -1;
	if (i == 0)
		return demo_ports_change(c, site, PORT_OP_DEACTIVATE, 0, id + 2,
		    1);
	return demo_ports_change(c, site, PORT_OP_DEACTIVATE, 0, id, n) ==
	    -1 || demo_ports_change(c, site, PORT_OP_UNASSIGN, 0, id, n) ==
	    -1 ? -1 : 0;
}

/*
 * A save of the plan of the occupier and site of demo service ds on
 * ctx's day, through the Manage services save (ops_plan_save): demo
 * services [from, to) added, or ds removed (drop). Then the ports that
 * start those added that need a device and started (demo_plan_ports).
 * 0, or -1.
 */
static int
demo_plan_save(struct demo *d, struct ops_ctx *c,
    const struct demo_service *ds, size_t from, size_t to, int drop)
{
	struct plan_in		 in;
	struct plan_out		 out;
	struct plan_form	 f;
	size_t			 k;
	int			 device = 0;

	memset(&in, 0, sizeof(in));
	in.occ = d->occ[ds->occupier];
	in.site = d->site[demo_site(ds)];
	if (ops_plan_open(c, &in, &out) <= 0)
		return -1;
	demo_plan_form(d, c, out.dlg, from, to, drop ? ds : NULL, &f);
	in.form = &f;
	if (ops_plan_save(c, &in, &out) <= 0 || out.unchanged) {
		fprintf(stderr, "seed: the plan of %s on day %d was refused%s%s\n",
		    occupiers[ds->occupier].name, (int)(c->t.day - d->today),
		    out.dlg != NULL && out.dlg->ntop > 0 ? ": " : "",
		    out.dlg != NULL && out.dlg->ntop > 0 ? out.dlg->top[0] : "");
		return -1;
	}
	for (k = from; k < to; k++)
		if (catalog[demo_services[k].service].needs_device &&
		    demo_services[k].activated != NOEND)
			device = 1;
	return device ? demo_plan_ports(d, c, (size_t)ds->occupier,
	    demo_site(ds)) : 0;
}

/*
 * The demo's plans (Northwind's), through the Manage services save on
 * their own days (a context whose today is that day), in the order of
 * demo_services[] (the order of their rows, which the screens show),
 * first the saves of past days, then those of today (a scheduled
 * service, or one waiting for a device): each run of services of one
 * plan added on one day is one save (demo_plan_save); a service that
 * ended is removed by a save on the day it ended, once its run is saved.
 * The rows, their charge ledger, their audit events, the voice lines'
 * phone numbers (Acme's 0100-0102, then Fjord Media's 0103-0104, then
 * Blue Finch's) and Acme's Public IP (/29) addresses come from the save
 * itself. 0, or -1.
 */
static int
demo_plans(struct demo *d, struct arena *a)
{
	struct ops_ctx	 c;
	size_t		 k, j, r;
	int		 today;

	for (today = 0; today < 2; today++)
		for (k = 0; k < NDEMO_SERVICES; k = j) {
			const struct demo_service *ds = &demo_services[k];

			for (j = k + 1; j < NDEMO_SERVICES &&
			    demo_services[j].occupier == ds->occupier &&
			    demo_site(&demo_services[j]) == demo_site(ds) &&
			    demo_added(d, &demo_services[j]) ==
			    demo_added(d, ds); j++)
				;
			if ((demo_added(d, ds) == d->today) != today)
				continue;
			seed_ctx(&c, a, d->op[0], demo_added(d, ds));
			if (demo_plan_save(d, &c, ds, k, j, 0) == -1)
				return -1;
			for (r = k; r < j; r++) {
				if (demo_services[r].ended == NOEND)
					continue;
				seed_ctx(&c, a, d->op[0], d->today +
				    demo_services[r].ended);
				if (demo_plan_save(d, &c, &demo_services[r], 0,
				    0, 1) == -1)
					return -1;
			}
		}
	return 0;
}

/* The demo logins, through the operation of the Users screens with the
 * demo's published password (DEMO_PASSWORD) as their own, as `tenantry
 * user add` gives the first admin one: no set-password link, no mail. */
static int
demo_users(struct demo *d, struct arena *a)
{
	struct ops_ctx		 c;
	struct user_create_in	 in;
	struct user_create_out	 out;
	size_t			 i;

	for (i = 0; i < NUSERS; i++) {
		seed_ctx(&c, a, d->op[users[i].operator], d->today);
		memset(&in, 0, sizeof(in));
		in.occupier_id = users[i].occupier ?
		    d->occ[users[i].occupier - 1] : 0;
		in.name = users[i].name;
		in.email = users[i].email;
		in.role = users[i].role;
		in.password_hash = d->hash;
		if (ops_user_create(&c, &in, &out) <= 0)
			return -1;
	}
	return 0;
}

/* The floors, switches and ports of the three sites (demo_floors). */
static int
demo_estate(struct demo *d, struct arena *a)
{
	struct ops_ctx	 c;

	seed_ctx(&c, a, d->op[0], d->today);
	if (demo_floors(&c, d->site[0], "CW", 3, d->floor[0]) == -1 ||
	    demo_floors(&c, d->site[1], "SD", 2, d->floor[1]) == -1)
		return -1;
	seed_ctx(&c, a, d->op[1], d->today);
	return demo_floors(&c, d->site[2], "HH", 1, NULL);
}

/* The offices, suites and desks of Northwind's two sites: the floor
 * ports in each, and the contract that holds it (none: free). */
struct demo_space {
	int		 site, floor;
	const char	*name, *kind;
	int64_t		 capacity;
	const char	*port;		/* the first of its ports, or NULL */
	size_t		 nports;
	int		 occupier;	/* index into occupiers, or -1 */
	int		 contract;	/* index into its contracts */
};

static const struct demo_space demo_spaces[] = {
	{ 0, 0, "Suite G.01", "suite", 12, "CW-G-01", 6, 0, 0 },
	{ 0, 1, "Office 1.01", "office", 8, "CW-1-01", 3, 3, 0 },
	{ 0, 1, "Office 1.02", "office", 6, "CW-1-04", 3, 5, 1 },
	{ 0, 2, "Office 2.01", "office", 10, "CW-2-01", 6, -1, 0 },
	{ 0, 2, "Coworking desks", "desk", 20, NULL, 0, -1, 0 },
	{ 1, 0, "Studio G.01", "office", 10, "SD-G-01", 3, 4, 0 },
};
#define NDEMO_SPACES	(sizeof(demo_spaces) / sizeof(demo_spaces[0]))

/*
 * The spaces, through the operations of the site's Floors page
 * (ops_space_save, ops_port_space) and the occupier's Contracts tab
 * (ops_contract_space): which office an occupier holds, and which ports
 * are in it. 0, or -1.
 */
static int
demo_rooms(struct demo *d, struct arena *a)
{
	struct ops_ctx			 c;
	struct space_save_in		 in;
	struct contract_space_in	 cin;
	struct port_space_in		 pin;
	struct ops_result		 why;
	const char			*label;
	int64_t				 ports[6], id;
	size_t				 i, k;

	seed_ctx(&c, a, d->op[0], d->today);
	for (i = 0; i < NDEMO_SPACES; i++) {
		const struct demo_space *ds = &demo_spaces[i];

		memset(&in, 0, sizeof(in));
		in.site = d->site[ds->site];
		in.floor = d->floor[ds->site][ds->floor];
		in.name = ds->name;
		in.kind = ds->kind;
		in.capacity = ds->capacity;
		if (ops_space_save(&c, &in, &why) <= 0 ||
		    store_space_by_name(a, d->op[0], in.floor, ds->name,
		    &id) <= 0)
			return -1;
		if (ds->port != NULL && demo_port_ids(&c, in.site, ds->port,
		    ds->nports, ports) == -1)
			return -1;
		for (k = 0; k < ds->nports; k++) {
			pin.site = in.site;
			pin.port = ports[k];
			pin.space = id;
			if (ops_port_space(&c, &pin, &why, &label) <= 0)
				return -1;
		}
		if (ds->occupier < 0)
			continue;
		cin.occupier = d->occ[ds->occupier];
		cin.contract = d->cid[ds->occupier][ds->contract];
		cin.space = id;
		cin.assign = 1;
		if (ops_contract_space(&c, &cin, &why) <= 0)
			return -1;
	}
	return 0;
}

/*
 * Eastwind's occupier: three LAN connections (Internet (LAN only), QTY 3)
 * through the Manage services save on its contract's start, and the
 * first three ports of its ground floor assigned and activated that day
 * (which starts them), the third made inactive again (ops_ports_change):
 * the other operator's plan and ports the isolation tests look for. 0,
 * or -1.
 */
static int
demo_eastwind_plan(struct demo *d, struct arena *a)
{
	struct ops_ctx		 c;
	struct plan_in		 in;
	struct plan_out		 out;
	struct plan_form	 f;
	struct plan_row_in	 row;
	int64_t			 id[3], site = d->site[2];
	char			 b[MONEY_STRLEN];

	seed_ctx(&c, a, d->op[1], d->today - 100);
	memset(&in, 0, sizeof(in));
	in.occ = d->eocc;
	in.site = site;
	if (ops_plan_open(&c, &in, &out) <= 0)
		return -1;
	memset(&f, 0, sizeof(f));
	memset(&row, 0, sizeof(row));
	money_format(catalog[S_INET_LAN].rrp, b, sizeof(b));
	row.service_id = d->svc[1][S_INET_LAN];
	row.contract_id = d->ecid;
	row.price = b;
	row.qty = "3";
	f.version = out.dlg->version;
	f.rows = &row;
	f.nrows = 1;
	f.action = PLAN_RECALC;
	in.form = &f;
	if (ops_plan_save(&c, &in, &out) <= 0 || out.unchanged) {
		fprintf(stderr, "seed: Eastwind's plan was refused\n");
		return -1;
	}
	return demo_port_ids(&c, site, "HH-G-01", 3, id) == -1 ||
	    demo_ports_change(&c, site, PORT_OP_ASSIGN, d->eocc, id, 3) == -1 ||
	    demo_ports_change(&c, site, PORT_OP_ACTIVATE, 0, id, 3) == -1 ||
	    demo_ports_change(&c, site, PORT_OP_DEACTIVATE, 0, id + 2, 1) ==
	    -1 ? -1 : 0;
}

/* Both operators' catalogs (demo_catalog). 0, or -1. */
static int
demo_catalogs(struct demo *d, struct arena *a)
{
	struct ops_ctx	 c;
	int		 i;

	for (i = 0; i < 2; i++) {
		seed_ctx(&c, a, d->op[i], d->today);
		if (demo_catalog(&c, d->op[i], d->svc[i]) == -1)
			return -1;
	}
	return 0;
}

/*
 * TENANTRY_SEED_FAIL_AFTER=<step> (a test's fault): the seed fails once
 * that step is written, to show that a seed failing part way leaves
 * nothing behind. 1 when step is the one named.
 */
static int
fail_after(const char *step)
{
	const char	*v = getenv("TENANTRY_SEED_FAIL_AFTER");

	if (v == NULL || strcmp(v, step) != 0)
		return 0;
	fprintf(stderr, "seed: failing after step %s (TENANTRY_SEED_FAIL_AFTER)\n",
	    step);
	return 1;
}

/*
 * The whole demo, one transaction (db_txn): 1, or -1. The operations it
 * calls run inside it, each a part of it (txn.h): a seed that fails
 * anywhere leaves nothing behind, and is run again whole on a deadlock.
 */
static int
demo_txn(struct txn *t, void *arg)
{
	struct demo	*d = arg;
	int64_t		*op = d->op, *site = d->site, *occ = d->occ;

	if (demo_sites(d, t->a) == -1 || fail_after("sites") ||
	    demo_occupiers(d, t->a) == -1 ||
	    demo_estate(d, t->a) == -1 ||
	    demo_catalogs(d, t->a) == -1 ||
	    seed_telephony(t->a, op[0], site, 2, NOCCUPIERS, 1, d->today) == -1 ||
	    seed_telephony(t->a, op[1], site + 2, 1, 1, 0, d->today) == -1 ||
	    seed_ip_pools(t->a, op[0], site, 2, 1, d->today) == -1 ||
	    seed_ip_pools(t->a, op[1], site + 2, 1, 0, d->today) == -1 ||
	    demo_plans(d, t->a) == -1 || demo_rooms(d, t->a) == -1 ||
	    demo_eastwind_plan(d, t->a) == -1 ||
	    seed_devices(t->a, op[0], site, 2, occ, NOCCUPIERS, 1, d->today) == -1 ||
	    seed_devices(t->a, op[1], site + 2, 1, &d->eocc, 1, 0, d->today) == -1 ||
	    seed_billing(t->a, d->today, op[0], op[1], occ, NOCCUPIERS) == -1 ||
	    seed_usage(op[0], site, 2, occ, NOCCUPIERS, 1, d->today) == -1 ||
	    seed_usage(op[1], site + 2, 1, &d->eocc, 1, 0, d->today) == -1 ||
	    demo_users(d, t->a) == -1 || fail_after("end"))
		return -1;
	return 1;
}

int
cli_seed(int32_t today)
{
	struct arena	*a;
	struct dbres	 res;
	struct demo	 d;
	struct txn	 t;
	char		 hash[crypto_pwhash_STRBYTES];
	int		 rc = 1;

	if (sodium_init() < 0 || db_connect() < 0) {
		fprintf(stderr, "seed: cannot connect to the database\n");
		return 1;
	}
	a = arena_new(1 << 16);
	if (db_query(a, STMT_SEED_OPERATOR_COUNT, NULL, 0, &res) < 0)
		goto out;
	if (dbrow_int(&res.rows[0], 0) > 0) {
		printf("seed: database already has data; left as it is\n");
		rc = 0;
		goto out;
	}
	if (session_hash_password(DEMO_PASSWORD, hash, sizeof(hash)) == -1)
		goto out;
	memset(&d, 0, sizeof(d));
	d.today = today;
	d.hash = hash;
	memset(&t, 0, sizeof(t));
	t.a = a;
	t.day = today;
	if (db_txn(&t, demo_txn, &d) < 0) {
		fprintf(stderr, "seed: failed; load it again into an empty database\n");
		goto out;
	}
	printf("seed: demo data loaded (%zu occupiers)\n", NOCCUPIERS + 1);
	rc = 0;
out:
	arena_free(a);
	db_close();
	return rc;
}
