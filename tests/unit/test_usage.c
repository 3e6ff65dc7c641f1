/*
 * test_usage: the pure rules of usage billing (domain/usage.c): phone
 * numbers, start times with zones, CDR and traffic files with their line
 * numbers, longest-prefix match, billing increments, minimum and set-up
 * charges, allowances in call order and across a month boundary, a
 * number that changed holder mid-month, and the 95th percentile.
 * Local time is Europe/London throughout (set in main).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/date.h"
#include "domain/usage.h"

#define D(y, m, d)	date_from_ymd((y), (m), (d))

static struct arena *A;

/* "YYYY-MM-DDTHH:MM:SSZ" as unix time, through the parser under test. */
static int64_t
T(const char *s)
{
	int64_t	 t;

	assert_int_equal(usage_time_parse(s, strlen(s), &t), 0);
	return t;
}

static const char *
norm(const char *s)
{
	static char	 out[USAGE_DIGITS_MAX + 1];

	if (usage_number_norm(s, strlen(s), out) < 0)
		return "(bad)";
	return out;
}

static void
test_number_norm(void **state)
{
	(void)state;
	assert_string_equal(norm("+44 20 7946 0100"), "442079460100");
	assert_string_equal(norm("020 7946 0100"), "442079460100");
	assert_string_equal(norm("0044 20-7946-0100"), "442079460100");
	assert_string_equal(norm("07700 900123"), "447700900123");
	assert_string_equal(norm("+1 (212) 555-0100"), "12125550100");
	assert_string_equal(norm("0033 1 23 45 67 89"), "33123456789");
	assert_string_equal(norm("999"), "44999");
	assert_string_equal(norm("118118"), "44118118");
	assert_string_equal(norm("442079460100"), "442079460100");
	assert_string_equal(norm(""), "(bad)");
	assert_string_equal(norm("+"), "(bad)");
	assert_string_equal(norm("0"), "(bad)");
	assert_string_equal(norm("00"), "(bad)");
	assert_string_equal(norm("+0 20"), "(bad)");
	assert_string_equal(norm("12"), "4412");	/* a short code */
	assert_string_equal(norm("020 7946 01OO"), "(bad)");
	assert_string_equal(norm("2+2"), "(bad)");
	assert_string_equal(norm("+1234567890123456"), "(bad)");
	assert_string_equal(norm("+123456789012345"), "123456789012345");
}

static void
test_time_parse(void **state)
{
	int64_t	 t;
	const char *bad[] = { "2026-02-03T09:15:00", "2026-02-03 09:15",
	    "2026-02-30T09:15:00Z", "2026-13-01T00:00Z", "1999-12-31T23:59Z",
	    "2026-02-03T24:00Z", "2026-02-03T09:15:00+1", "2026-02-03T09:15:00 UTC",
	    "2026-02-03T09:15:60Z", "2026/02/03T09:15Z", "2026-02-03T09:15:00Zx",
	    "2026-02-03T09:15:00+15:00", "2026-02-03T09:15:00.Z" };
	size_t	 i;

	(void)state;
	/* 2026-02-03 is day 20487. */
	assert_int_equal(T("2026-02-03T09:15:00Z"), 20487LL * 86400 + 9 * 3600 + 15 * 60);
	assert_int_equal(T("2026-02-03 10:15:00+01:00"), T("2026-02-03T09:15:00Z"));
	assert_int_equal(T("2026-02-03T04:15-0500"), T("2026-02-03T09:15:00Z"));
	assert_int_equal(T("2026-02-03T10:15:00.250+01"), T("2026-02-03T09:15:00Z"));
	assert_int_equal(T("2026-02-03t09:15z"), T("2026-02-03T09:15:00Z"));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(usage_time_parse(bad[i], strlen(bad[i]), &t), -1);
}

static void
test_local_time(void **state)
{
	int64_t	 from, to;
	char	 b[24];

	(void)state;
	/* Summer time: 1 July 00:30 local is 30 June 23:30 UTC. */
	assert_int_equal(usage_day_start(D(2026, 7, 1)), T("2026-06-30T23:00:00Z"));
	assert_int_equal(usage_day_of(T("2026-06-30T23:30:00Z")), D(2026, 7, 1));
	assert_int_equal(usage_month_of(T("2026-06-30T23:30:00Z")), 202607);
	assert_int_equal(usage_month_of(T("2026-06-30T22:59:59Z")), 202606);
	/* Winter: local = UTC. */
	assert_int_equal(usage_month_of(T("2026-01-31T23:59:59Z")), 202601);
	assert_int_equal(usage_month_of(T("2026-02-01T00:00:00Z")), 202602);
	usage_month_bounds(2026, 3, &from, &to);
	/* March has 31 days but one hour less (clocks go forward on the 29th). */
	assert_int_equal(from, T("2026-03-01T00:00:00Z"));
	assert_int_equal(to, T("2026-03-31T23:00:00Z"));
	usage_time_format(T("2026-07-01T08:05:09Z"), b, sizeof(b));
	assert_string_equal(b, "2026-07-01 09:05:09");
	/* A change made now on a pinned day: the pinned day at now's time. */
	assert_int_equal(usage_moment(D(2026, 2, 16), T("2026-12-04T08:46:11Z")),
	    T("2026-02-16T08:46:11Z"));
	assert_int_equal(usage_moment(D(2026, 12, 4), T("2026-12-04T08:46:11Z")),
	    T("2026-12-04T08:46:11Z"));
}

static long
cdrs(const char *text, struct usage_cdr **c, size_t *line, char *msg)
{
	return usage_cdr_read(A, text, strlen(text), c, line, msg);
}

static void
test_cdr_read(void **state)
{
	struct usage_cdr	*c;
	size_t			 line;
	char			 msg[USAGE_MSG_MAX];
	long			 n;

	(void)state;
	n = cdrs("calling,called,start,duration,direction,carrier_cost\r\n"
	    "+44 20 7946 0100,020 7946 0101,2026-02-03T09:15:00Z,65,out,0.0125\r\n"
	    "\r\n"
	    "\"+44 20 7946 0100\",\"+33 1 23 45 67 89\",2026-02-03 10:00:00+01:00,0,OUT,\r\n"
	    "07700900123,+442079460102,2026-02-03T09:20:00Z,30,inbound\n", &c,
	    &line, msg);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].calling, "442079460100");
	assert_string_equal(c[0].called, "442079460101");
	assert_int_equal(c[0].duration, 65);
	assert_int_equal(c[0].dir, USAGE_OUT);
	assert_int_equal(c[0].carrier_cost, 125);
	assert_int_equal(c[0].line, 2);
	assert_int_equal(c[1].line, 4);
	assert_int_equal(c[1].carrier_cost, -1);
	assert_int_equal(c[1].start, T("2026-02-03T09:00:00Z"));
	assert_int_equal(c[2].dir, USAGE_IN);
	assert_int_equal(c[2].line, 5);

	/* A bad row: its line number and why; nothing returned. */
	n = cdrs("+442079460100,+442079460101,2026-02-03T09:15:00Z,65,out\n"
	    "+442079460100,+442079460101,2026-02-03T09:16:00Z,65,out\n"
	    "+442079460100,+442079460101,2026-02-30T09:16:00Z,65,out\n"
	    "+442079460100,+442079460101,2026-02-03T09:16:00Z,65,sideways\n",
	    &c, &line, msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 3);
	assert_non_null(strstr(msg, "start time \u201c2026-02-30T09:16:00Z\u201d"));
	assert_null(c);

	n = cdrs("a,b\n+442079460100,+442079460101,2026-02-03T09:15:00Z,9x,out\n",
	    &c, &line, msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 2);
	assert_non_null(strstr(msg, "duration \u201c9x\u201d"));
	n = cdrs("+442079460100,+442079460101,2026-02-03T09:15:00Z,65\n", &c,
	    &line, msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 1);
	assert_non_null(strstr(msg, "has 4 fields"));
	n = cdrs("+442079460100,+442079460101,2026-02-03T09:15:00Z,65,in,1.23456\n",
	    &c, &line, msg);
	assert_int_equal(n, -1);
	assert_non_null(strstr(msg, "carrier cost"));
	n = cdrs("+442079460100,\"+44207946\n0101,2026-02-03T09:15:00Z,65,in\n",
	    &c, &line, msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 1);
	assert_non_null(strstr(msg, "never closed"));
	n = cdrs("ok,\"x\"y,1,2,3\n", &c, &line, msg);
	assert_int_equal(n, -1);
	n = cdrs("calling,called,start,duration,direction\n\n", &c, &line, msg);
	assert_int_equal(n, -1);
	assert_non_null(strstr(msg, "no call records"));
	n = cdrs("", &c, &line, msg);
	assert_int_equal(n, -1);
	/* The number in the message is cut and made printable. */
	n = cdrs("+4420\x01\xff" "79460100,+442079460101,2026-02-03T09:15:00Z,1,out\n",
	    &c, &line, msg);
	assert_int_equal(n, -1);
	assert_non_null(strstr(msg, "\u201c+4420??79460100\u201d"));
}

static void
test_cdr_order(void **state)
{
	struct usage_cdr	 c[3];

	(void)state;
	memset(c, 0, sizeof(c));
	c[0].start = 10;
	strcpy(c[0].calling, "4420");
	strcpy(c[0].called, "33");
	c[1] = c[0];
	c[1].line = 2;
	c[2] = c[0];
	c[2].start = 5;
	assert_true(usage_cdr_same(&c[0], &c[1]));
	assert_false(usage_cdr_same(&c[0], &c[2]));
	qsort(c, 3, sizeof(c[0]), usage_cdr_cmp);
	assert_int_equal(c[0].start, 5);
	assert_int_equal(c[1].line, 0);
	assert_int_equal(c[2].line, 2);
}

static void
test_samples_read(void **state)
{
	struct usage_sample	*s;
	size_t			 line;
	char			 msg[USAGE_MSG_MAX];
	const char		*ok = "timestamp,bytes_in,bytes_out\n"
	    "2026-02-03T09:05:00Z,100,200\n"
	    "2026-02-03T09:00:02Z,300,400\n";
	const char		*dup = "2026-02-03T09:00:00Z,1,2\n"
	    "2026-02-03T09:05:00Z,1,2\n"
	    "2026-02-03T09:04:59Z,1,2\n";
	long			 n;

	(void)state;
	n = usage_samples_read(A, ok, strlen(ok), &s, &line, msg);
	assert_int_equal(n, 2);
	/* Sorted by slot; 09:00:02 is the slot of 09:00. */
	assert_int_equal(s[0].slot, T("2026-02-03T09:00:00Z"));
	assert_int_equal(s[0].bytes_in, 300);
	assert_int_equal(s[1].slot, T("2026-02-03T09:05:00Z"));
	n = usage_samples_read(A, dup, strlen(dup), &s, &line, msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 3);
	assert_non_null(strstr(msg, "second sample"));
	n = usage_samples_read(A, "2026-02-03T09:00:00Z,-1,2\n", 26, &s, &line,
	    msg);
	assert_int_equal(n, -1);
	assert_int_equal(line, 1);
}

static void
test_prefix_match(void **state)
{
	static const struct usage_rate r[] = {
		{ "", 9, 25000, 0, 0, 0, 1 },		/* rest of the world */
		{ "44", 1, 1500, 0, 0, 60, 1 },		/* other UK numbers */
		{ "447", 2, 8000, 0, 0, 60, 1 },	/* UK mobiles */
		{ "4470", 1, 1500, 0, 0, 60, 1 },	/* personal numbers */
		{ "449", 3, 50000, 10000, 20000, 0, 60 },/* premium */
		{ "1", 4, 3000, 0, 0, 0, 1 },
		{ "1809", 5, 20000, 0, 0, 0, 1 },
	};
	static const struct usage_rate bad[] = { { "44a", 1, 0, 0, 0, 0, 1 } };
	struct usage_ratetab	*t;

	(void)state;
	t = usage_ratetab_new(A, r, 7);
	assert_non_null(t);
	assert_ptr_equal(usage_rate_match(t, "447700900123"), &r[2]);
	assert_ptr_equal(usage_rate_match(t, "447012345678"), &r[3]);
	assert_ptr_equal(usage_rate_match(t, "442079460100"), &r[1]);
	assert_ptr_equal(usage_rate_match(t, "449098790000"), &r[4]);
	assert_ptr_equal(usage_rate_match(t, "18095550100"), &r[6]);
	assert_ptr_equal(usage_rate_match(t, "12125550100"), &r[5]);
	assert_ptr_equal(usage_rate_match(t, "33123456789"), &r[0]);
	assert_ptr_equal(usage_rate_match(t, "44"), &r[1]);
	/* Without the catch-all, an unknown destination has no rate. */
	t = usage_ratetab_new(A, r + 1, 6);
	assert_null(usage_rate_match(t, "33123456789"));
	assert_ptr_equal(usage_rate_match(t, "4"), NULL);
	assert_null(usage_ratetab_new(A, bad, 1));
	assert_null(usage_rate_match(NULL, "44"));
}

static void
test_increments(void **state)
{
	(void)state;
	/* First minute, then per second. */
	assert_int_equal(usage_billed(0, 60, 1), 0);
	assert_int_equal(usage_billed(1, 60, 1), 60);
	assert_int_equal(usage_billed(60, 60, 1), 60);
	assert_int_equal(usage_billed(61, 60, 1), 61);
	assert_int_equal(usage_billed(185, 60, 1), 185);
	/* Per started minute. */
	assert_int_equal(usage_billed(1, 0, 60), 60);
	assert_int_equal(usage_billed(60, 0, 60), 60);
	assert_int_equal(usage_billed(61, 0, 60), 120);
	/* Per second from the start; 30 s then 6 s steps. */
	assert_int_equal(usage_billed(7, 0, 1), 7);
	assert_int_equal(usage_billed(31, 30, 6), 36);
	assert_int_equal(usage_billed(36, 30, 6), 36);
	assert_int_equal(usage_billed(37, 30, 6), 42);
	assert_int_equal(usage_billed(5, 0, 0), 5);	/* step < 1 is 1 */
}

static void
test_call_charge(void **state)
{
	(void)state;
	/* 1.5p a minute for 61 s: 1.525p -> 2p (half up). */
	assert_int_equal(usage_call_charge(1500, 0, 0, 61, 0), 2);
	/* 1.5p for 60 s is 1.5p -> 2p; 1.4p -> 1p. */
	assert_int_equal(usage_call_charge(1500, 0, 0, 60, 0), 2);
	assert_int_equal(usage_call_charge(1400, 0, 0, 60, 0), 1);
	/* 8p a minute for 185 s = 24.666p -> 25p. */
	assert_int_equal(usage_call_charge(8000, 0, 0, 185, 0), 25);
	/* Premium: 50p a minute, 10p set-up, 20p minimum. */
	assert_int_equal(usage_call_charge(50000, 10000, 20000, 120, 0), 110);
	/* 6 s at 50p/min is 5p + 10p set-up = 15p: the 20p minimum applies. */
	assert_int_equal(usage_call_charge(50000, 10000, 20000, 6, 0), 20);
	/* A minimum without set-up. */
	assert_int_equal(usage_call_charge(3000, 0, 5000, 10, 0), 5);
	/* Not connected: nothing, not even the minimum. */
	assert_int_equal(usage_call_charge(3000, 10000, 5000, 0, 0), 0);
	/* Fully in an allowance: nothing. */
	assert_int_equal(usage_call_charge(25000, 10000, 5000, 120, 120), 0);
	/* Partly: only the seconds past it, no set-up, no minimum:
	 * 25p/min x 30 s = 12.5p -> 13p. */
	assert_int_equal(usage_call_charge(25000, 10000, 50000, 120, 90), 13);
	assert_int_equal(usage_call_charge(-1, 0, 0, 60, 0), -1);
	assert_int_equal(usage_call_charge(INT64_MAX / 2, 0, 0, 86400, 0), -1);
}

static void
test_allowance(void **state)
{
	int64_t	 used = 0;

	(void)state;
	assert_int_equal(usage_allowance_seconds(60, 1, 3), 10800);
	assert_int_equal(usage_allowance_seconds(60, 0, 3), 3600);
	assert_int_equal(usage_allowance_seconds(60, 1, 0), 0);
	assert_true(usage_allowance_seconds(-1, 0, 0) == USAGE_UNLIMITED);
	/* 100 s of allowance: 60, then 40 of 60, then none. */
	assert_int_equal(usage_allowance_take(100, &used, 60), 60);
	assert_int_equal(usage_allowance_take(100, &used, 60), 40);
	assert_int_equal(usage_allowance_take(100, &used, 60), 0);
	assert_int_equal(used, 100);
	used = 0;
	assert_int_equal(usage_allowance_take(0, &used, 60), 0);
	assert_true(usage_allowance_take(USAGE_UNLIMITED, &used, 500) == 500);
	assert_int_equal(used, 500);
}

/* An international call of billed seconds at 25p/min with an allowance. */
static struct usage_item
intl(int month, int64_t billed, int64_t limit)
{
	struct usage_item	 i;

	memset(&i, 0, sizeof(i));
	i.month = month;
	i.kind = USAGE_RATED;
	i.group = 3;
	i.billed = billed;
	i.per_minute = 25000;
	i.setup = 5000;
	i.minimum = 0;
	i.limit = limit;
	return i;
}

static void
test_rate_calls_in_order(void **state)
{
	struct usage_item	 c[5];
	struct usage_used	 used[4];
	size_t			 nused = 0;

	(void)state;
	/* 180 s of allowance (3 min): calls of 120, 120, 60 s. */
	c[0] = intl(202602, 120, 180);
	c[1] = intl(202602, 120, 180);
	c[2] = intl(202602, 60, 180);
	/* A landline call in an unlimited group, and one not rated. */
	c[3] = intl(202602, 600, USAGE_UNLIMITED);
	c[3].group = 1;
	c[4] = intl(202602, 600, 0);
	c[4].kind = USAGE_NO_HOLDER;
	assert_int_equal(usage_rate_calls(c, 5, used, &nused, 4), 0);
	assert_int_equal(c[0].included, 120);
	assert_int_equal(c[0].amount, 0);
	/* The call that crosses the limit: 60 s in, 60 s paid, no set-up. */
	assert_int_equal(c[1].included, 60);
	assert_int_equal(c[1].amount, 25);
	/* After it: all paid, with the set-up: 25p + 5p. */
	assert_int_equal(c[2].included, 0);
	assert_int_equal(c[2].amount, 30);
	assert_int_equal(c[3].included, 600);
	assert_int_equal(c[3].amount, 0);
	assert_int_equal(c[4].amount, 0);
	assert_int_equal(c[4].included, 0);
	assert_int_equal(nused, 2);
	assert_int_equal(used[0].used, 180);

	/* Continuing the month later (the next night's file): the stored
	 * use carries on, so the new call pays in full. */
	c[0] = intl(202602, 60, 180);
	assert_int_equal(usage_rate_calls(c, 1, used, &nused, 4), 0);
	assert_int_equal(c[0].amount, 30);
	/* Too many pools for the room given. */
	nused = 0;
	c[0] = intl(202601, 60, 180);
	c[1] = intl(202602, 60, 180);
	assert_int_equal(usage_rate_calls(c, 2, used, &nused, 1), -1);
}

static void
test_allowance_month_boundary(void **state)
{
	struct usage_item	 c[4];
	struct usage_used	 used[4];
	size_t			 nused = 0, i;
	const char		*start[4] = { "2026-01-31T23:50:00Z",
	    "2026-01-31T23:58:00Z", "2026-02-01T00:00:00Z",
	    "2026-02-01T00:05:00Z" };

	(void)state;
	/* 120 s a month; four 100 s calls around midnight of 31 January.
	 * The one starting at 23:58 runs into February but counts in
	 * January, where it starts. */
	for (i = 0; i < 4; i++)
		c[i] = intl(usage_month_of(T(start[i])), 100, 120);
	assert_int_equal(c[1].month, 202601);
	assert_int_equal(c[2].month, 202602);
	assert_int_equal(usage_rate_calls(c, 4, used, &nused, 4), 0);
	assert_int_equal(c[0].included, 100);
	assert_int_equal(c[1].included, 20);	/* January's last 20 s */
	assert_int_equal(c[1].amount, 33);	/* 80 s at 25p/min = 33.3p */
	assert_int_equal(c[2].included, 100);	/* February starts afresh */
	assert_int_equal(c[3].included, 20);
	assert_int_equal(nused, 2);
}

static void
test_holder_mid_month(void **state)
{
	/* Number held by occupier 7 until 14 Feb 12:00, nobody until the
	 * 20th, then by occupier 9 (still holding). */
	struct usage_holding	 h[] = {
		{ 0, 0, 7 }, { 0, USAGE_OPEN, 9 },
	};

	(void)state;
	h[0].from = T("2025-11-01T09:00:00Z");
	h[0].until = T("2026-02-14T12:00:00Z");
	h[1].from = T("2026-02-20T00:00:00Z");
	assert_int_equal(usage_holder_at(h, 2, T("2025-10-31T23:59:59Z")), 0);
	assert_int_equal(usage_holder_at(h, 2, T("2026-02-01T08:00:00Z")), 7);
	assert_int_equal(usage_holder_at(h, 2, T("2026-02-14T11:59:59Z")), 7);
	assert_int_equal(usage_holder_at(h, 2, T("2026-02-14T12:00:00Z")), 0);
	assert_int_equal(usage_holder_at(h, 2, T("2026-02-19T23:59:59Z")), 0);
	assert_int_equal(usage_holder_at(h, 2, T("2026-02-20T00:00:00Z")), 9);
	assert_int_equal(usage_holder_at(h, 2, T("2030-01-01T00:00:00Z")), 9);
	assert_int_equal(usage_holder_at(h, 0, T("2026-02-20T00:00:00Z")), 0);
	/* Calls of one month split by holder, and the one in between is
	 * nobody's: */
	assert_int_equal(usage_classify(USAGE_OUT, 1, 0,
	    usage_holder_at(h, 2, T("2026-02-16T10:00:00Z")), 5, 1),
	    USAGE_NO_HOLDER);
}

static void
test_classify(void **state)
{
	(void)state;
	assert_int_equal(usage_classify(USAGE_OUT, 1, 1, 7, 5, 1), USAGE_INTERNAL);
	assert_int_equal(usage_classify(USAGE_OUT, 1, 1, 0, 0, 0), USAGE_INTERNAL);
	assert_int_equal(usage_classify(USAGE_IN, 0, 1, 7, 5, 1), USAGE_INBOUND);
	assert_int_equal(usage_classify(USAGE_OUT, 1, 0, 0, 5, 1), USAGE_NO_HOLDER);
	assert_int_equal(usage_classify(USAGE_OUT, 1, 0, 7, 0, 1), USAGE_NO_TARIFF);
	assert_int_equal(usage_classify(USAGE_OUT, 1, 0, 7, 5, 0), USAGE_NO_RATE);
	assert_int_equal(usage_classify(USAGE_OUT, 1, 0, 7, 5, 1), USAGE_RATED);
}

static void
test_periods(void **state)
{
	/* UK Unlimited until 10 Feb, then Pay as you go. */
	struct usage_period	 t[] = {
		{ 0, 0, 11, 1 }, { 0, DATE_NONE, 12, 1 },
	};
	struct usage_period	 v[] = {
		{ 0, DATE_NONE, 20, 3 }, { 0, 0, 20, 2 }, { 0, DATE_NONE, 20, 5 },
	};

	(void)state;
	t[0].from = D(2025, 6, 1);
	t[0].to = D(2026, 2, 10);
	t[1].from = D(2026, 2, 10);
	assert_int_equal(usage_period_on(t, 2, D(2026, 2, 9))->service, 11);
	assert_int_equal(usage_period_on(t, 2, D(2026, 2, 10))->service, 12);
	assert_null(usage_period_on(t, 2, D(2025, 5, 31)));
	assert_int_equal(usage_period_month(t, 2, 2026, 2)->service, 12);
	assert_int_equal(usage_period_month(t, 2, 2026, 1)->service, 11);
	/* Voice lines: 3 all along, 2 ended on 1 Feb (not in February),
	 * 5 starting on 28 Feb (in February). */
	v[0].from = D(2025, 1, 1);
	v[1].from = D(2025, 1, 1);
	v[1].to = D(2026, 2, 1);
	v[2].from = D(2026, 2, 28);
	assert_int_equal(usage_qty_in_month(v, 3, 2026, 2), 8);
	assert_int_equal(usage_qty_in_month(v, 3, 2026, 1), 5);
	assert_int_equal(usage_qty_in_month(v, 3, 2024, 12), 0);
}

static void
test_p95(void **state)
{
	int64_t	 v[100], w[21];
	size_t	 i;

	(void)state;
	assert_int_equal(usage_p95(v, 0), 0);
	/* Fewer than 20 samples: nothing dropped, the highest. */
	v[0] = 5;
	assert_int_equal(usage_p95(v, 1), 5);
	for (i = 0; i < 19; i++)
		v[i] = (int64_t)(19 - i) * 10;
	assert_int_equal(usage_p95(v, 19), 190);
	/* 20 samples: the top one dropped. */
	for (i = 0; i < 20; i++)
		v[i] = (int64_t)i + 1;
	assert_int_equal(usage_p95(v, 20), 19);
	/* 100 samples 1..100 shuffled: the top 5 dropped -> 95. */
	for (i = 0; i < 100; i++)
		v[i] = (int64_t)((i * 37) % 100) + 1;
	assert_int_equal(usage_p95(v, 100), 95);
	/* 21 samples: still one dropped (floor(21/20)). */
	for (i = 0; i < 21; i++)
		w[i] = i == 7 ? 1000 : 10;
	assert_int_equal(usage_p95(w, 21), 10);
	/* A month of 8 640 samples at 100 Mbps with 432 spikes (exactly
	 * 5 %) at 900 Mbps: the spikes are all dropped. */
	{
		int64_t *m = malloc(8640 * sizeof(*m));

		assert_non_null(m);
		for (i = 0; i < 8640; i++)
			m[i] = (i % 20 == 3 ? 900 : 100) * INT64_C(300000000);
		assert_int_equal(usage_p95(m, 8640), 100 * INT64_C(300000000));
		m[0] = 901 * INT64_C(300000000);	/* one spike more */
		assert_int_equal(usage_p95(m, 8640), 900 * INT64_C(300000000));
		free(m);
	}
}

static void
test_burst(void **state)
{
	char	 b[32];
	int64_t	 p95 = 620 * INT64_C(300000000);	/* 620 Mbps */

	(void)state;
	assert_int_equal(usage_burst_bits(p95, 500), 120 * INT64_C(300000000));
	assert_int_equal(usage_burst_bits(p95, 1000), 0);
	/* 120 Mbps at 4.00 a Mbps. */
	assert_int_equal(usage_burst_charge(usage_burst_bits(p95, 500), 400), 48000);
	/* 0.5 Mbps over at 4.00 -> 2.00; 0.001 Mbps -> 0.004 -> 0.00. */
	assert_int_equal(usage_burst_charge(150000000, 400), 200);
	assert_int_equal(usage_burst_charge(300000, 400), 0);
	/* Half a penny rounds up: 0.00125 Mbps x 4.00 = 0.005. */
	assert_int_equal(usage_burst_charge(375000, 400), 1);
	assert_int_equal(usage_burst_charge(0, 400), 0);
	assert_int_equal(usage_burst_charge(-1, 400), -1);
	usage_mbps_format(p95, b, sizeof(b));
	assert_string_equal(b, "620.00");
	/* 1 234 567 890 bytes in 5 minutes = 32.92 Mbps. */
	usage_mbps_format(INT64_C(1234567890) * 8, b, sizeof(b));
	assert_string_equal(b, "32.92");
}

static void
test_format(void **state)
{
	char	 b[32];

	(void)state;
	usage_duration_format(725, b, sizeof(b));
	assert_string_equal(b, "12:05");
	usage_rate_format(1500, b, sizeof(b));
	assert_string_equal(b, "1.5p");
	usage_rate_format(50000, b, sizeof(b));
	assert_string_equal(b, "50p");
	usage_rate_format(125, b, sizeof(b));
	assert_string_equal(b, "0.125p");
}

static int
setup(void **state)
{
	(void)state;
	arena_reset(A);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_number_norm, setup),
		cmocka_unit_test_setup(test_time_parse, setup),
		cmocka_unit_test_setup(test_local_time, setup),
		cmocka_unit_test_setup(test_cdr_read, setup),
		cmocka_unit_test_setup(test_cdr_order, setup),
		cmocka_unit_test_setup(test_samples_read, setup),
		cmocka_unit_test_setup(test_prefix_match, setup),
		cmocka_unit_test_setup(test_increments, setup),
		cmocka_unit_test_setup(test_call_charge, setup),
		cmocka_unit_test_setup(test_allowance, setup),
		cmocka_unit_test_setup(test_rate_calls_in_order, setup),
		cmocka_unit_test_setup(test_allowance_month_boundary, setup),
		cmocka_unit_test_setup(test_holder_mid_month, setup),
		cmocka_unit_test_setup(test_classify, setup),
		cmocka_unit_test_setup(test_periods, setup),
		cmocka_unit_test_setup(test_p95, setup),
		cmocka_unit_test_setup(test_burst, setup),
		cmocka_unit_test_setup(test_format, setup),
	};
	int	 rc;

	setenv("TZ", "Europe/London", 1);
	tzset();
	A = arena_new(1 << 16);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(A);
	return rc;
}
