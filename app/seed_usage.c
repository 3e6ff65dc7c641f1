/*
 * seed_usage: demo data of usage billing (see cli.h), inside the seed's
 * transaction, for each operator with the demo catalog:
 *   - destination groups UK landline, UK mobile, International, Premium;
 *   - the rate tables of the two tariffs (values invented but plausible,
 *     in thousandths of a penny a minute) and UK Unlimited's allowances:
 *     UK landlines and mobiles unlimited, 60 international minutes per
 *     voice line a month;
 *   - the bandwidth tiers' committed rates and burst prices.
 * With the demo (Northwind), at Canary Wharf, for last month and this
 * month up to yesterday, imported through the operation of the site's
 * import page and `tenantry usage import` (ops_usage_import):
 *   - call records of Acme Analytics (UK Unlimited), Fjord Media (no
 *     tariff: its calls are reported, not charged), internal and received
 *     calls, and calls from +44 20 7946 0157, which Acme held until it was
 *     deactivated ten days ago and nobody holds since (unattributed);
 *   - 5-minute traffic of Acme's port CW-G-01 against its Bandwidth
 *     500 Mbps tier, busy enough on working days to burst above it.
 * The destination groups, rates, allowances and tiers go through their
 * operation (ops_usage_catalog_set, which `tenantry usage rates` runs on a
 * rate card file). 0157's past holder, Acme, is the seed's own
 * (seed_telephony.c: the number's own past). The numbers the plans' saves
 * activated record their holders themselves.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "cli.h"
#include "domain/date.h"
#include "domain/usage.h"
#include "ops/usage.h"
#include "ops/usage_catalog.h"
#include "store/db.h"
#include "store/store_usage.h"
#include "usage.h"

static const struct {
	const char	*code, *name;
} groups[] = {
	{ "uk_landline", "UK landline" },
	{ "uk_mobile", "UK mobile" },
	{ "international", "International" },
	{ "premium", "Premium and non-geographic" },
};
#define NGROUPS	(sizeof(groups) / sizeof(groups[0]))

/* Rates: tariff code, prefix, group index, per minute, set-up, minimum
 * (thousandths of a penny), first and step seconds. */
static const struct {
	const char	*tariff, *prefix;
	int		 group;
	int64_t		 per_minute, setup, minimum;
	int32_t		 first, step;
} rates[] = {
	/* Pay as you go */
	{ "tariff-payg", "44", 0, 2000, 0, 0, 60, 1 },
	{ "tariff-payg", "441", 0, 2000, 0, 0, 60, 1 },
	{ "tariff-payg", "442", 0, 2000, 0, 0, 60, 1 },
	{ "tariff-payg", "443", 0, 2000, 0, 0, 60, 1 },
	{ "tariff-payg", "44800", 0, 0, 0, 0, 0, 1 },
	{ "tariff-payg", "44808", 0, 0, 0, 0, 0, 1 },
	{ "tariff-payg", "44999", 0, 0, 0, 0, 0, 1 },
	{ "tariff-payg", "44112", 0, 0, 0, 0, 0, 1 },
	{ "tariff-payg", "447", 1, 9000, 0, 0, 60, 1 },
	{ "tariff-payg", "4484", 3, 10000, 5000, 0, 60, 1 },
	{ "tariff-payg", "4487", 3, 13000, 5000, 0, 60, 1 },
	{ "tariff-payg", "449", 3, 60000, 10000, 20000, 0, 60 },
	{ "tariff-payg", "44118", 3, 150000, 50000, 50000, 0, 60 },
	{ "tariff-payg", "", 2, 30000, 0, 5000, 0, 1 },
	{ "tariff-payg", "1", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-payg", "31", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "33", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "34", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "353", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "39", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "49", 2, 5000, 0, 1000, 0, 1 },
	{ "tariff-payg", "61", 2, 8000, 0, 1000, 0, 1 },
	{ "tariff-payg", "81", 2, 8000, 0, 1000, 0, 1 },
	{ "tariff-payg", "86", 2, 8000, 0, 1000, 0, 1 },
	{ "tariff-payg", "91", 2, 8000, 0, 1000, 0, 1 },
	/* UK Unlimited: UK calls come out of the allowances. */
	{ "tariff-uk-unlimited", "44", 0, 1500, 0, 0, 60, 1 },
	{ "tariff-uk-unlimited", "441", 0, 1500, 0, 0, 60, 1 },
	{ "tariff-uk-unlimited", "442", 0, 1500, 0, 0, 60, 1 },
	{ "tariff-uk-unlimited", "443", 0, 1500, 0, 0, 60, 1 },
	{ "tariff-uk-unlimited", "44800", 0, 0, 0, 0, 0, 1 },
	{ "tariff-uk-unlimited", "44808", 0, 0, 0, 0, 0, 1 },
	{ "tariff-uk-unlimited", "44999", 0, 0, 0, 0, 0, 1 },
	{ "tariff-uk-unlimited", "44112", 0, 0, 0, 0, 0, 1 },
	{ "tariff-uk-unlimited", "447", 1, 6000, 0, 0, 60, 1 },
	{ "tariff-uk-unlimited", "4484", 3, 10000, 5000, 0, 60, 1 },
	{ "tariff-uk-unlimited", "4487", 3, 13000, 5000, 0, 60, 1 },
	{ "tariff-uk-unlimited", "449", 3, 60000, 10000, 20000, 0, 60 },
	{ "tariff-uk-unlimited", "44118", 3, 150000, 50000, 50000, 0, 60 },
	{ "tariff-uk-unlimited", "", 2, 25000, 0, 5000, 0, 1 },
	{ "tariff-uk-unlimited", "1", 2, 3000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "31", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "33", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "34", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "353", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "39", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "49", 2, 4000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "61", 2, 7000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "81", 2, 7000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "86", 2, 7000, 0, 1000, 0, 1 },
	{ "tariff-uk-unlimited", "91", 2, 7000, 0, 1000, 0, 1 },
};
#define NRATES	(sizeof(rates) / sizeof(rates[0]))

/* Allowances: tariff, group index, minutes (-1 unlimited), per line. */
static const struct {
	const char	*tariff;
	int		 group;
	int64_t		 minutes;
	int		 per_line;
} allowances[] = {
	{ "tariff-uk-unlimited", 0, -1, 0 },
	{ "tariff-uk-unlimited", 1, -1, 0 },
	{ "tariff-uk-unlimited", 2, 60, 1 },
};
#define NALLOWANCES	(sizeof(allowances) / sizeof(allowances[0]))

static const struct {
	const char	*code;
	int64_t		 mbps, per_mbps;
} tiers[] = {
	{ "bw-100", 100, 500 },
	{ "bw-500", 500, 400 },
	{ "bw-1g", 1000, 300 },
};
#define NTIERS	(sizeof(tiers) / sizeof(tiers[0]))

/* A small deterministic generator: the demo is the same every time. */
static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xffffff;
}

/* The usage catalog of operator op, through its operation
 * (ops_usage_catalog_set): the groups, rates, allowances and tiers above. */
static int
catalog(struct arena *a, int64_t op, int32_t today)
{
	struct ops_ctx			 c;
	struct usage_cat_in		 in;
	struct usage_cat_out		 out;
	struct usage_cat_group		 g[NGROUPS];
	struct usage_cat_rate		 r[NRATES];
	struct usage_cat_allowance	 l[NALLOWANCES];
	struct usage_cat_tier		 t[NTIERS];
	size_t				 i;

	for (i = 0; i < NGROUPS; i++) {
		g[i].code = groups[i].code;
		g[i].name = groups[i].name;
	}
	for (i = 0; i < NRATES; i++) {
		r[i].tariff = rates[i].tariff;
		r[i].prefix = rates[i].prefix;
		r[i].group = groups[rates[i].group].code;
		r[i].per_minute = rates[i].per_minute;
		r[i].setup = rates[i].setup;
		r[i].minimum = rates[i].minimum;
		r[i].first = rates[i].first;
		r[i].step = rates[i].step;
	}
	for (i = 0; i < NALLOWANCES; i++) {
		l[i].tariff = allowances[i].tariff;
		l[i].group = groups[allowances[i].group].code;
		l[i].minutes = allowances[i].minutes;
		l[i].per_line = allowances[i].per_line;
	}
	for (i = 0; i < NTIERS; i++) {
		t[i].service = tiers[i].code;
		t[i].mbps = tiers[i].mbps;
		t[i].per_mbps = tiers[i].per_mbps;
	}
	in.groups = g;
	in.ngroups = NGROUPS;
	in.rates = r;
	in.nrates = NRATES;
	in.allowances = l;
	in.nallowances = NALLOWANCES;
	in.tiers = t;
	in.ntiers = NTIERS;
	seed_ctx(&c, a, op, today);
	if (ops_usage_catalog_set(&c, &in, &out) > 0)
		return 0;
	fprintf(stderr, "seed: the usage catalog was refused%s%s\n",
	    out.why.n > 0 ? ": " : "", out.why.n > 0 ? out.why.m[0].text : "");
	return -1;
}

/* Canary Wharf's numbers of the demo (seed_telephony.c): 0100 + i. */
#define ACME_FIRST	0	/* 0100..0102: Acme's three lines */
#define FJORD_FIRST	3	/* 0103, 0104 */
#define PAST		57	/* cooling off: Acme's until ten days ago */
#define NOBODY		10	/* available all along */

static const char *const dest[] = {
	"0161 496 0%03u",	/* UK landline (Manchester, drama range) */
	"0117 496 0%03u",	/* UK landline (Bristol) */
	"07700 900%03u",	/* UK mobile (drama range) */
	"+1 212 555 0%03u",	/* international */
	"+33 1 99 00 0%03u",
	"+49 30 1234 5%03u",
	"+91 22 1234 5%03u",
	"0909 879 0%03u",	/* premium (drama range) */
	"0845 000 0%03u",	/* non-geographic */
};
#define NDEST		(sizeof(dest) / sizeof(dest[0]))
#define DEST_INTL	3	/* dest[3..6] */

static void
utc(int64_t t, char *buf, size_t cap)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	gmtime_r(&tt, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * n calls made from the site's number 0100 + from on days [first, last]
 * (before `until`, a unix time, when not 0), one CSV line each; intl:
 * every other call abroad (enough to use up an allowance of minutes).
 */
static void
calls(struct buf *b, uint32_t *s, int from, int n, int32_t first,
    int32_t last, int64_t until, int intl)
{
	int	 i;

	for (i = 0; i < n; i++) {
		int32_t		 day = first + (int32_t)(rnd(s) %
		    (uint32_t)(last - first + 1));
		int64_t		 t = usage_day_start(day) + 8 * 3600 +
		    (int64_t)(rnd(s) % 36000);
		char		 when[32], to[40];
		unsigned	 k = rnd(s) % NDEST, dur;

		if (intl && i % 2 == 0)
			k = DEST_INTL + rnd(s) % 4;
		if (until != 0 && t >= until)
			continue;
		utc(t, when, sizeof(when));
		snprintf(to, sizeof(to), dest[k], rnd(s) % 1000);
		/* One call in ten is not answered (0 s). */
		dur = rnd(s) % 10 == 0 ? 0 : 5 + rnd(s) % 900;
		buf_printf(b, "+44 20 7946 0%03d,%s,%s,%u,out,0.%04u\n",
		    100 + from, to, when, dur, rnd(s) % 400);
	}
}

/* Internal calls (between two of Acme's numbers) and received calls. */
static void
others(struct buf *b, uint32_t *s, int32_t first, int32_t last)
{
	int	 i;

	for (i = 0; i < 12; i++) {
		int32_t	 day = first + (int32_t)(rnd(s) % (uint32_t)(last -
		    first + 1));
		int64_t	 t = usage_day_start(day) + 9 * 3600 +
		    (int64_t)(rnd(s) % 30000);
		char	 when[32];

		utc(t, when, sizeof(when));
		if (i % 3 == 0)
			buf_printf(b, "+44 20 7946 0100,+44 20 7946 0102,%s,%u,"
			    "out\n", when, 30 + rnd(s) % 300);
		else
			buf_printf(b, "07700 900%03u,+44 20 7946 010%u,%s,%u,in\n",
			    rnd(s) % 1000, rnd(s) % 3, when, 10 + rnd(s) % 600);
	}
}

/* One file of usage of ctx's operator at site, imported through the
 * operation of the site's import page and `tenantry usage import`
 * (ops_usage_import; calls: rated against the site as loaded, its month
 * summaries written after). 0, or -1. */
static int
import_file(struct ops_ctx *c, enum usage_import_kind kind, int64_t site,
    int64_t occ, const char *interface, const char *name, const struct buf *b)
{
	struct usage_import_in	 in;
	struct usage_import_out	 out;

	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.site = site;
	in.occupier = occ;
	in.interface = interface;
	in.file_name = name;
	in.data = b->p;
	in.len = b->len;
	in.via = "seed";
	if (kind == USAGE_IMPORT_CALLS && usage_site_load(c->t.a,
	    c->t.operator_id, site, USAGE_LOAD_RATING, &in.loaded) <= 0)
		return -1;
	if (ops_usage_import(c, &in, &out) <= 0) {
		fprintf(stderr, "seed: %s: line %zu: %s\n", name,
		    out.res.bad_line, out.res.msg);
		return -1;
	}
	return in.loaded != NULL && usage_site_finish(c->t.a, in.loaded) < 0 ?
	    -1 : 0;
}

/* Acme's port at Canary Wharf over days [first, last]: busy on working
 * days from 08:00 to 18:00, quiet otherwise. */
static int
traffic(struct ops_ctx *c, int64_t site, int64_t acme, int32_t first,
    int32_t last, const char *name)
{
	struct buf		 b;
	uint32_t		 s = 77;
	int32_t			 day;
	int			 slot;

	buf_init(&b, c->t.a, 1 << 19);
	buf_puts(&b, "timestamp,bytes_in,bytes_out\n");
	for (day = first; day <= last; day++) {
		int	 weekday = (day + 3) % 7;	/* 0: Monday */
		int64_t	 t0 = usage_day_start(day), t1 = usage_day_start(day + 1);

		for (slot = 0; t0 + slot * USAGE_SLOT < t1; slot++) {
			int64_t	 t = t0 + (int64_t)slot * USAGE_SLOT;
			int	 hour = (int)((t - t0) / 3600);
			int64_t	 mbps;
			char	 when[32];

			if (weekday < 5 && hour >= 8 && hour < 18)
				mbps = 380 + rnd(&s) % 181;
			else
				mbps = 40 + rnd(&s) % 121;
			utc(t, when, sizeof(when));
			/* Mbps over 5 minutes in bytes: x 10^6 x 300 / 8. */
			buf_printf(&b, "%s,%lld,%lld\n", when,
			    (long long)(mbps * 37500000),
			    (long long)(mbps * 37500000 / 10 * 3));
		}
	}
	return import_file(c, USAGE_IMPORT_TRAFFIC, site, acme, "CW-G-01",
	    name, &b);
}

/* The demo's usage at Canary Wharf for days [first, last]. */
static int
demo_month(struct arena *a, int64_t op, int64_t site, int64_t acme,
    int32_t first, int32_t last, int32_t today, uint32_t *s)
{
	struct ops_ctx	 c;
	struct buf	 b;
	char		 name[64];
	int		 y, m, d, i;

	if (last < first)
		return 0;
	seed_ctx(&c, a, op, today);
	date_to_ymd(first, &y, &m, &d);
	buf_init(&b, a, 1 << 16);
	buf_puts(&b, "calling,called,start,duration,direction,carrier_cost\n");
	for (i = 0; i < 3; i++)
		calls(&b, s, ACME_FIRST + i, 40, first, last, 0, i == 0);
	for (i = 0; i < 2; i++)
		calls(&b, s, FJORD_FIRST + i, 15, first, last, 0, 0);
	/* 0157: Acme's until ten days ago at 17:30, then nobody's. */
	calls(&b, s, PAST, 10, first, last, 0, 0);
	calls(&b, s, NOBODY, 5, first, last, 0, 0);
	others(&b, s, first, last);
	snprintf(name, sizeof(name), "cdr-canary-wharf-%04d-%02d.csv", y, m);
	if (import_file(&c, USAGE_IMPORT_CALLS, site, 0, NULL, name, &b) < 0)
		return -1;
	snprintf(name, sizeof(name), "traffic-CW-G-01-%04d-%02d.csv", y, m);
	return traffic(&c, site, acme, first, last, name);
}

int
seed_usage(int64_t op, const int64_t *sites, size_t nsites,
    const int64_t *occ, size_t nocc, int demo, int32_t today)
{
	struct arena		*a;
	struct su_number	*nums;
	uint32_t		 s = 2026;
	size_t			 n, i;
	int			 y, m, d, rc = -1;
	int32_t			 this_month, last_month, deact;

	a = arena_new(1 << 20);
	if (catalog(a, op, today) < 0)
		goto out;
	if (!demo || nsites == 0 || nocc < 6) {
		rc = 0;
		goto out;
	}
	/* 0157's past holder: Acme, until its deactivation (ten days ago,
	 * seed_telephony.c) at 17:30. */
	deact = today - 10;
	if (store_usage_numbers(a, op, sites[0], &nums, &n) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (strcmp(nums[i].number, "+44 20 7946 0157") == 0 &&
		    store_usage_holding_add(op, sites[0], nums[i].id, occ[0],
		    usage_day_start(today - 700), usage_day_start(deact) +
		    17 * 3600 + 1800) < 0)
			goto out;
	date_to_ymd(today, &y, &m, &d);
	this_month = date_from_ymd(y, m, 1);
	last_month = date_from_ymd(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 1);
	if (demo_month(a, op, sites[0], occ[0], last_month, this_month - 1,
	    today, &s) < 0 || demo_month(a, op, sites[0], occ[0], this_month,
	    today - 1, today, &s) < 0)
		goto out;
	rc = 0;
out:
	arena_free(a);
	return rc;
}
