/*
 * Unit tests for the occupier-service side of app/domain/status.c
 * (domain §2): service_status on a day, the Services tab's two header
 * filters (URL keys, labels word for word as the seed names them, parsing
 * with the default for anything unknown) and status_filter_match for every
 * contract filter × service filter against representative statuses,
 * including a contract that is Active and Scheduled at once. The demo
 * data's known answers (app/seed.c, tests/http/services.test.mjs) are
 * recomputed here from dates alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/date.h"
#include "domain/status.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NONE		DATE_NONE

static int32_t	 TODAY;	/* 2026-02-16, the day tests/run.sh pins */

static int
setup(void **state)
{
	(void)state;
	TODAY = date_from_ymd(2026, 2, 16);
	return 0;
}

/* ---- service_status ------------------------------------------------------ */

static void
test_service_status_cases(void **state)
{
	const int32_t	 d = TODAY;
	const struct {
		int32_t		 start, activated, ended;
		unsigned	 want;
		const char	*label, *what;
	} c[] = {
		/* Ended: Inactive once the end day is reached. */
		{ d - 100, d - 100, d - 1, ST_INACTIVE, "Inactive",
		    "ended the day before" },
		{ d - 100, d - 100, d - 400, ST_INACTIVE, "Inactive",
		    "ended long ago" },
		{ d - 100, d - 100, d, ST_INACTIVE, "Inactive",
		    "ended on the day" },
		{ d - 100, NONE, d, ST_INACTIVE, "Inactive",
		    "ended on the day, never activated" },
		{ d + 10, NONE, d - 1, ST_INACTIVE, "Inactive",
		    "ended although its start was still ahead" },
		/* An end after the day does not end it yet (status.h). */
		{ d - 100, d - 100, d + 1, ST_ACTIVE, "Active",
		    "ends the day after, activated" },
		{ d - 100, NONE, d + 1, ST_SCHEDULED, "Scheduled",
		    "ends the day after, not activated" },
		/* Future start: Scheduled, activated or not. */
		{ d + 1, NONE, NONE, ST_SCHEDULED, "Scheduled",
		    "starts tomorrow" },
		{ d + 14, NONE, NONE, ST_SCHEDULED, "Scheduled",
		    "starts in 14 days (Blue Finch)" },
		{ d + 1, d - 1, NONE, ST_SCHEDULED, "Scheduled",
		    "future start although an activation is recorded" },
		{ d + 14, d + 14, NONE, ST_SCHEDULED, "Scheduled",
		    "activation set for the future contract start" },
		/* Start reached, waiting for activation: Scheduled. */
		{ d, NONE, NONE, ST_SCHEDULED, "Scheduled",
		    "starts today, not activated" },
		{ d - 365, NONE, NONE, ST_SCHEDULED, "Scheduled",
		    "started long ago, never activated" },
		{ d - 10, d + 1, NONE, ST_SCHEDULED, "Scheduled",
		    "activation dated tomorrow" },
		/* Activated: Active. */
		{ d, d, NONE, ST_ACTIVE, "Active", "starts and activated today" },
		{ d - 365, d - 360, NONE, ST_ACTIVE, "Active",
		    "activated long ago" },
		{ d - 10, d - 1, NONE, ST_ACTIVE, "Active",
		    "activated yesterday" },
	};
	size_t		 i;
	unsigned	 st;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		st = service_status(c[i].start, c[i].activated, c[i].ended, d);
		if (st != c[i].want)
			fail_msg("%s: status 0x%x, want 0x%x", c[i].what, st,
			    c[i].want);
		assert_string_equal(status_label(st), c[i].label);
	}
}

/* One service over time: Scheduled → (start) Scheduled → Active → Inactive. */
static void
test_service_status_over_time(void **state)
{
	const int32_t	 start = TODAY + 5, act = TODAY + 8, end = TODAY + 20;

	(void)state;
	assert_int_equal(service_status(start, act, end, start - 1), ST_SCHEDULED);
	assert_int_equal(service_status(start, act, end, start), ST_SCHEDULED);
	assert_int_equal(service_status(start, act, end, act - 1), ST_SCHEDULED);
	assert_int_equal(service_status(start, act, end, act), ST_ACTIVE);
	assert_int_equal(service_status(start, act, end, end - 1), ST_ACTIVE);
	assert_int_equal(service_status(start, act, end, end), ST_INACTIVE);
	assert_int_equal(service_status(start, act, end, end + 1000),
	    ST_INACTIVE);
	/* Activated on its (future) contract start: Active from that day. */
	assert_int_equal(service_status(start, start, NONE, start - 1),
	    ST_SCHEDULED);
	assert_int_equal(service_status(start, start, NONE, start), ST_ACTIVE);
	/* Never activated, never ended: Scheduled for ever. */
	assert_int_equal(service_status(start, NONE, NONE, start + 5000),
	    ST_SCHEDULED);
	/* Exactly one status bit, always. */
	assert_int_equal(service_status(TODAY - 1, TODAY - 1, NONE, TODAY) &
	    (ST_ACTIVE | ST_SCHEDULED | ST_INACTIVE), ST_ACTIVE);
}

/* ---- filters: keys, labels, parsing -------------------------------------- */

static void
test_filter_keys_and_labels(void **state)
{
	static const char *const ckeys[] = { "all", "active",
	    "active_scheduled", "inactive", "scheduled" };
	static const char *const clabels[] = { "All contracts", "Active",
	    "Active and Scheduled", "Inactive", "Scheduled" };
	static const char *const skeys[] = { "all", "active", "inactive",
	    "scheduled" };
	static const char *const slabels[] = { "All services", "Active",
	    "Inactive", "Scheduled" };
	size_t	 i;

	(void)state;
	assert_int_equal(CF__MAX, NELEM(ckeys));
	assert_int_equal(SF__MAX, NELEM(skeys));
	/* The enum order is the drop-down's order (the default first). */
	assert_int_equal(CF_ALL, 0);
	assert_int_equal(CF_ACTIVE, 1);
	assert_int_equal(CF_ACTIVE_SCHEDULED, 2);
	assert_int_equal(CF_INACTIVE, 3);
	assert_int_equal(CF_SCHEDULED, 4);
	assert_int_equal(SF_ALL, 0);
	assert_int_equal(SF_ACTIVE, 1);
	assert_int_equal(SF_INACTIVE, 2);
	assert_int_equal(SF_SCHEDULED, 3);
	for (i = 0; i < NELEM(ckeys); i++) {
		assert_string_equal(contract_filter_keys[i], ckeys[i]);
		assert_string_equal(contract_filter_labels[i], clabels[i]);
	}
	for (i = 0; i < NELEM(skeys); i++) {
		assert_string_equal(service_filter_keys[i], skeys[i]);
		assert_string_equal(service_filter_labels[i], slabels[i]);
	}
}

static void
test_filter_parse_keys(void **state)
{
	int	 i;

	(void)state;
	assert_int_equal(contract_filter_parse("all"), CF_ALL);
	assert_int_equal(contract_filter_parse("active"), CF_ACTIVE);
	assert_int_equal(contract_filter_parse("active_scheduled"),
	    CF_ACTIVE_SCHEDULED);
	assert_int_equal(contract_filter_parse("inactive"), CF_INACTIVE);
	assert_int_equal(contract_filter_parse("scheduled"), CF_SCHEDULED);
	assert_int_equal(service_filter_parse("all"), SF_ALL);
	assert_int_equal(service_filter_parse("active"), SF_ACTIVE);
	assert_int_equal(service_filter_parse("inactive"), SF_INACTIVE);
	assert_int_equal(service_filter_parse("scheduled"), SF_SCHEDULED);
	/* Every key round-trips. */
	for (i = 0; i < CF__MAX; i++)
		assert_int_equal(contract_filter_parse(contract_filter_keys[i]), i);
	for (i = 0; i < SF__MAX; i++)
		assert_int_equal(service_filter_parse(service_filter_keys[i]), i);
}

static void
test_filter_parse_unknown(void **state)
{
	static const char *const bad[] = {
		"", "Active", "ACTIVE", "active ", " active", "activ",
		"actives", "active_scheduledx", "active,scheduled",
		"Active and Scheduled", "All contracts", "All services", "1",
		"0", "-1", "inactive\n", "scheduled\t", "active%00",
		"\xc3\xa9", "all ", "none",
	};
	char	 nul[] = { 'a', 'c', 't', 'i', 'v', 'e', '\0', 'x', '\0' };
	size_t	 i;

	(void)state;
	assert_int_equal(contract_filter_parse(NULL), CF_ALL);
	assert_int_equal(service_filter_parse(NULL), SF_ALL);
	for (i = 0; i < NELEM(bad); i++) {
		if (contract_filter_parse(bad[i]) != CF_ALL)
			fail_msg("contract filter \"%s\" is not the default",
			    bad[i]);
		if (service_filter_parse(bad[i]) != SF_ALL)
			fail_msg("service filter \"%s\" is not the default",
			    bad[i]);
	}
	/* A contract-only key means nothing to the service filter. */
	assert_int_equal(service_filter_parse("active_scheduled"), SF_ALL);
	/* C strings stop at NUL: "active\0x" is "active". */
	assert_int_equal(contract_filter_parse(nul), CF_ACTIVE);
}

/* ---- status_filter_match: every combination ------------------------------ */

/* Representative contract statuses, including Active and Scheduled at once. */
static const unsigned cst_rep[] = {
	ST_ACTIVE, ST_SCHEDULED, ST_ACTIVE | ST_SCHEDULED, ST_INACTIVE,
};
static const char *const cst_name[] = {
	"Active", "Scheduled", "Active|Scheduled", "Inactive",
};
/* A service has exactly one status. */
static const unsigned sst_rep[] = { ST_ACTIVE, ST_SCHEDULED, ST_INACTIVE };
static const char *const sst_name[] = { "Active", "Scheduled", "Inactive" };

/*
 * Which contract statuses each contract filter lets through (seed, "Page
 * controls"), written out by hand: rows CF_*, columns cst_rep.
 */
static const int cf_passes[CF__MAX][4] = {
	/*			 A  S  A|S I */
	[CF_ALL] =		{ 1, 1, 1, 1 },
	[CF_ACTIVE] =		{ 1, 0, 1, 0 },
	[CF_ACTIVE_SCHEDULED] =	{ 1, 1, 1, 0 },
	[CF_INACTIVE] =		{ 0, 0, 0, 1 },
	[CF_SCHEDULED] =	{ 0, 1, 1, 0 },
};
/* Rows SF_*, columns sst_rep. */
static const int sf_passes[SF__MAX][3] = {
	/*		 A  S  I */
	[SF_ALL] =	{ 1, 1, 1 },
	[SF_ACTIVE] =	{ 1, 0, 0 },
	[SF_INACTIVE] =	{ 0, 0, 1 },
	[SF_SCHEDULED] = { 0, 1, 0 },
};

static void
test_filter_match_all_combinations(void **state)
{
	int	 cf, sf, got, want, n = 0, passed = 0;
	size_t	 i, j;

	(void)state;
	for (cf = 0; cf < CF__MAX; cf++)
		for (sf = 0; sf < SF__MAX; sf++)
			for (i = 0; i < NELEM(cst_rep); i++)
				for (j = 0; j < NELEM(sst_rep); j++) {
					got = status_filter_match(
					    (enum contract_filter)cf,
					    (enum service_filter)sf, cst_rep[i],
					    sst_rep[j]);
					want = cf_passes[cf][i] &&
					    sf_passes[sf][j];
					n++;
					passed += got != 0;
					if ((got != 0) != want)
						fail_msg("contract=%s service=%s"
						    " on contract %s, service %s:"
						    " %d, want %d",
						    contract_filter_keys[cf],
						    service_filter_keys[sf],
						    cst_name[i], sst_name[j],
						    got, want);
				}
	assert_int_equal(n, 5 * 4 * 4 * 3);
	/* (4+2+3+1+2 contract passes) × (3+1+1+1 service passes). */
	assert_int_equal(passed, 12 * 6);
}

/* A few combinations spelled out, as the Services tab shows them. */
static void
test_filter_match_spelled_out(void **state)
{
	(void)state;
	/* All/All shows everything, even a row with no status bits. */
	assert_true(status_filter_match(CF_ALL, SF_ALL, ST_INACTIVE, ST_INACTIVE));
	assert_true(status_filter_match(CF_ALL, SF_ALL, 0, 0));
	/* An Active-and-Scheduled contract (Delta Robotics) passes both
	 * "Active" and "Scheduled" and "Active and Scheduled". */
	assert_true(status_filter_match(CF_ACTIVE, SF_ALL,
	    ST_ACTIVE | ST_SCHEDULED, ST_ACTIVE));
	assert_true(status_filter_match(CF_SCHEDULED, SF_ALL,
	    ST_ACTIVE | ST_SCHEDULED, ST_ACTIVE));
	assert_true(status_filter_match(CF_ACTIVE_SCHEDULED, SF_ACTIVE,
	    ST_ACTIVE | ST_SCHEDULED, ST_ACTIVE));
	assert_false(status_filter_match(CF_INACTIVE, SF_ALL,
	    ST_ACTIVE | ST_SCHEDULED, ST_ACTIVE));
	/* An inactive contract still carries an active service (Cobalt). */
	assert_true(status_filter_match(CF_INACTIVE, SF_ACTIVE, ST_INACTIVE,
	    ST_ACTIVE));
	assert_false(status_filter_match(CF_ACTIVE_SCHEDULED, SF_ACTIVE,
	    ST_INACTIVE, ST_ACTIVE));
	/* The filters combine: both must pass. */
	assert_false(status_filter_match(CF_ACTIVE, SF_INACTIVE, ST_ACTIVE,
	    ST_ACTIVE));
	assert_false(status_filter_match(CF_INACTIVE, SF_INACTIVE, ST_ACTIVE,
	    ST_INACTIVE));
	assert_true(status_filter_match(CF_SCHEDULED, SF_SCHEDULED,
	    ST_SCHEDULED, ST_SCHEDULED));
	/* A status with no bits passes no specific filter. */
	assert_false(status_filter_match(CF_ACTIVE, SF_ALL, 0, ST_ACTIVE));
	assert_false(status_filter_match(CF_ALL, SF_SCHEDULED, ST_ACTIVE, 0));
}

/* ---- the demo data's known answers, from dates alone ------------------- */

struct demo_row {
	const char	*occupier;
	int32_t		 cstart, cend;		/* contract, days from today */
	int32_t		 start, activated, ended;	/* service */
};
#define NOEND	99999

/* app/seed.c: the demo services (days relative to the day of seeding). */
static const struct demo_row demo[] = {
	/* Fjord Media at Canary Wharf: ended contract's service, then three. */
	{ "Fjord CW", -900, -366, -900, -900, -366 },
	{ "Fjord CW", -365, NOEND, -365, -360, NOEND },
	{ "Fjord CW", -365, NOEND, -365, -360, NOEND },
	{ "Fjord CW", -365, NOEND, -365, -360, NOEND },
	/* Delta Robotics: contract Active and Scheduled (ends in 165 days). */
	{ "Delta", -200, 165, -200, -200, NOEND },
	{ "Delta", -200, 165, -200, -150, NOEND },
	{ "Delta", -200, 165, -200, -200, NOEND },
	/* Cobalt Legal: contract ended 30 days ago. */
	{ "Cobalt", -700, -30, -700, -700, -30 },
	{ "Cobalt", -700, -30, -700, -700, NOEND },
	/* Blue Finch: contract starts in 14 days. */
	{ "Blue Finch", 14, NOEND, 14, NOEND, NOEND },
	{ "Blue Finch", 14, NOEND, 14, NOEND, NOEND },
	{ "Blue Finch", 14, NOEND, 14, NOEND, NOEND },
};

static int32_t
rel(int32_t n)
{
	return n == NOEND ? NONE : TODAY + n;
}

static int
count(const char *occ, enum contract_filter cf, enum service_filter sf)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < NELEM(demo); i++) {
		unsigned cst, sst;

		if (strcmp(demo[i].occupier, occ) != 0)
			continue;
		cst = contract_status(rel(demo[i].cstart), rel(demo[i].cend),
		    TODAY);
		sst = service_status(rel(demo[i].start), rel(demo[i].activated),
		    rel(demo[i].ended), TODAY);
		n += status_filter_match(cf, sf, cst, sst);
	}
	return n;
}

static void
test_demo_known_answers(void **state)
{
	(void)state;
	assert_int_equal(count("Fjord CW", CF_ALL, SF_ALL), 4);
	assert_int_equal(count("Fjord CW", CF_ACTIVE, SF_ALL), 3);
	assert_int_equal(count("Fjord CW", CF_INACTIVE, SF_ALL), 1);
	assert_int_equal(count("Fjord CW", CF_ALL, SF_INACTIVE), 1);
	assert_int_equal(count("Fjord CW", CF_ACTIVE, SF_INACTIVE), 0);
	assert_int_equal(count("Fjord CW", CF_SCHEDULED, SF_ALL), 0);
	assert_int_equal(count("Fjord CW", CF_ACTIVE_SCHEDULED, SF_ALL), 3);
	assert_int_equal(count("Delta", CF_SCHEDULED, SF_ALL), 3);
	assert_int_equal(count("Delta", CF_ACTIVE, SF_ALL), 3);
	assert_int_equal(count("Delta", CF_INACTIVE, SF_ALL), 0);
	assert_int_equal(count("Cobalt", CF_INACTIVE, SF_ACTIVE), 1);
	assert_int_equal(count("Cobalt", CF_ALL, SF_INACTIVE), 1);
	assert_int_equal(count("Cobalt", CF_ACTIVE_SCHEDULED, SF_ALL), 0);
	assert_int_equal(count("Blue Finch", CF_ALL, SF_SCHEDULED), 3);
	assert_int_equal(count("Blue Finch", CF_ACTIVE, SF_ALL), 0);
	assert_int_equal(count("Blue Finch", CF_SCHEDULED, SF_SCHEDULED), 3);
	assert_int_equal(count("Blue Finch", CF_ALL, SF_ACTIVE), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_service_status_cases),
		cmocka_unit_test(test_service_status_over_time),
		cmocka_unit_test(test_filter_keys_and_labels),
		cmocka_unit_test(test_filter_parse_keys),
		cmocka_unit_test(test_filter_parse_unknown),
		cmocka_unit_test(test_filter_match_all_combinations),
		cmocka_unit_test(test_filter_match_spelled_out),
		cmocka_unit_test(test_demo_known_answers),
	};

	return cmocka_run_group_tests_name("status", tests, setup, NULL);
}
