/*
 * Unit tests for the pure domain modules: dates (app/domain/date.c), money
 * (money.c), contract status on a date (status.c, domain §2) and the field
 * validators (validate.c). Every expectation is an exact value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/date.h"
#include "domain/money.h"
#include "domain/status.h"
#include "domain/validate.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- dates ------------------------------------------------------------ */

static void
test_date_known_days(void **state)
{
	static const struct {
		int	 y, m, d;
		int32_t	 days;
	} known[] = {
		{ 1970, 1, 1, 0 },
		{ 1969, 12, 31, -1 },
		{ 1970, 1, 2, 1 },
		{ 1900, 1, 1, -25567 },
		{ 1900, 2, 28, -25509 },
		{ 1900, 3, 1, -25508 },		/* 1900 has no 29 Feb */
		{ 1600, 2, 29, -135081 },
		{ 2000, 2, 29, 11016 },
		{ 2000, 3, 1, 11017 },
		{ 2024, 2, 29, 19782 },
		{ 2026, 2, 16, 20500 },		/* TENANTRY_TODAY in tests */
		{ 2026, 11, 25, 20782 },
		{ 9999, 12, 31, 2932896 },
	};
	size_t	 i;
	int	 y, m, d;

	(void)state;
	for (i = 0; i < NELEM(known); i++) {
		assert_int_equal(date_from_ymd(known[i].y, known[i].m,
		    known[i].d), known[i].days);
		date_to_ymd(known[i].days, &y, &m, &d);
		assert_int_equal(y, known[i].y);
		assert_int_equal(m, known[i].m);
		assert_int_equal(d, known[i].d);
	}
}

static void
test_date_round_trip_every_day(void **state)
{
	int	 y = 1, m = 1, d = 1, yy, mm, dd;
	int32_t	 days, first, last;

	(void)state;
	/* Walk the calendar day by day from 0001-01-01 to 9999-12-31. */
	first = date_from_ymd(1, 1, 1);
	last = date_from_ymd(9999, 12, 31);
	assert_int_equal(last - first + 1, 3652059);	/* 9999 * 365.2425 */
	for (days = first; days <= last; days++) {
		if (date_from_ymd(y, m, d) != days)
			fail_msg("date_from_ymd(%d, %d, %d) != %d", y, m, d,
			    (int)days);
		date_to_ymd(days, &yy, &mm, &dd);
		if (yy != y || mm != m || dd != d)
			fail_msg("date_to_ymd(%d) = %d-%d-%d, want %d-%d-%d",
			    (int)days, yy, mm, dd, y, m, d);
		if (++d > date_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	assert_int_equal(y, 10000);
}

static void
test_date_leap_rules(void **state)
{
	(void)state;
	assert_int_equal(date_is_leap(1900), 0);
	assert_int_equal(date_is_leap(2100), 0);
	assert_int_equal(date_is_leap(2023), 0);
	assert_int_equal(date_is_leap(2026), 0);
	assert_int_equal(date_is_leap(2000), 1);
	assert_int_equal(date_is_leap(1600), 1);
	assert_int_equal(date_is_leap(2400), 1);
	assert_int_equal(date_is_leap(2024), 1);
	assert_int_equal(date_is_leap(1904), 1);

	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2026, 1), 31);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 6), 30);
	assert_int_equal(date_days_in_month(2026, 9), 30);
	assert_int_equal(date_days_in_month(2026, 11), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
	assert_int_equal(date_days_in_month(2026, -1), 0);
	/* 365 or 366 days a year. */
	assert_int_equal(date_from_ymd(1901, 1, 1) - date_from_ymd(1900, 1, 1),
	    365);
	assert_int_equal(date_from_ymd(2001, 1, 1) - date_from_ymd(2000, 1, 1),
	    366);
}

static void
test_date_parse_ok(void **state)
{
	static const struct {
		const char	*s;
		int32_t		 days;
	} ok[] = {
		{ "1970-01-01", 0 },
		{ "1900-01-01", -25567 },
		{ "1900-03-01", -25508 },
		{ "2000-02-29", 11016 },
		{ "2024-02-29", 19782 },
		{ "2026-02-16", 20500 },
		{ "2026-11-25", 20782 },
		{ "9999-12-31", 2932896 },
	};
	size_t	 i;
	int32_t	 out;

	(void)state;
	for (i = 0; i < NELEM(ok); i++) {
		out = 12345;
		assert_int_equal(date_parse(ok[i].s, &out), 0);
		assert_int_equal(out, ok[i].days);
	}
}

static void
test_date_parse_strict(void **state)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-02-29", "2023-02-29", "1900-02-29",
		"2100-02-29", "2026-04-31", "2026-01-32", "2026-01-00",
		"2026-00-10", "2026-13-01", "2026-2-01", "2026-02-1",
		"26-02-01", " 2026-01-01", "2026-01-01 ", "2026-01-01x",
		"x2026-01-01", "2026/01/01", "2026.01.01", "20260101",
		"2026-0101", "2026--0101", "+026-01-01", "-026-01-01",
		"2026-+1-01", "2026-0a-01", "2026-01-0x", "1899-12-31",
		"0000-01-01", "1000-01-01", "1600-02-29", "", "2026",
		"2026-01", "2026-01-01T00:00", "\xef\xbc\x92" "026-01-01",
	};
	size_t	 i;
	int32_t	 out;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		if (date_parse(bad[i], &out) != -1)
			fail_msg("date_parse accepted \"%s\"", bad[i]);
	assert_int_equal(date_parse(NULL, &out), -1);
	/* "2026-01-01\0garbage": the string ends at the NUL. */
	assert_int_equal(date_parse("2026-01-01\0zz", &out), 0);
}

static void
test_date_format(void **state)
{
	char	 buf[64];
	int32_t	 days;

	(void)state;
	date_format(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01");
	date_format(-25508, buf, sizeof(buf));
	assert_string_equal(buf, "1900-03-01");
	date_format(20500, buf, sizeof(buf));
	assert_string_equal(buf, "2026-02-16");
	date_format(2932896, buf, sizeof(buf));
	assert_string_equal(buf, "9999-12-31");
	memset(buf, 'x', sizeof(buf));
	date_format(DATE_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "");
	date_format(20500, buf, DATE_STRLEN);
	assert_string_equal(buf, "2026-02-16");
	/* Truncated, never overrun. */
	memset(buf, 'x', sizeof(buf));
	date_format(20500, buf, 5);
	assert_string_equal(buf, "2026");
	assert_int_equal(buf[5], 'x');
	memset(buf, 'x', sizeof(buf));
	date_format(20500, buf, 0);
	assert_int_equal(buf[0], 'x');

	date_format_long(20782, buf, sizeof(buf));
	assert_string_equal(buf, "25 Nov 2026");
	date_format_long(0, buf, sizeof(buf));
	assert_string_equal(buf, "1 Jan 1970");
	date_format_long(-25508, buf, sizeof(buf));
	assert_string_equal(buf, "1 Mar 1900");
	date_format_long(19782, buf, sizeof(buf));
	assert_string_equal(buf, "29 Feb 2024");
	assert_int_equal(date_parse("2026-12-31", &days), 0);
	date_format_long(days, buf, sizeof(buf));
	assert_string_equal(buf, "31 Dec 2026");
	memset(buf, 'x', sizeof(buf));
	date_format_long(DATE_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "");
	memset(buf, 'x', sizeof(buf));
	date_format_long(20782, buf, 0);
	assert_int_equal(buf[0], 'x');
}

static void
test_date_parse_format_round_trip(void **state)
{
	char	 buf[DATE_STRLEN];
	int32_t	 days, out, last;

	(void)state;
	last = date_from_ymd(9999, 12, 31);
	for (days = date_from_ymd(1900, 1, 1); days <= last; days += 7) {
		date_format(days, buf, sizeof(buf));
		if (date_parse(buf, &out) != 0 || out != days)
			fail_msg("round trip failed for %d (\"%s\")",
			    (int)days, buf);
	}
}

/* ---- money ------------------------------------------------------------ */

static void
test_money_parse_ok(void **state)
{
	static const struct {
		const char	*s;
		int64_t		 minor;
	} ok[] = {
		{ "12", 1200 },
		{ "12.5", 1250 },
		{ "12.50", 1250 },
		{ "12.05", 1205 },
		{ "0", 0 },
		{ "0.00", 0 },
		{ "0.5", 50 },
		{ "0.05", 5 },
		{ "0.01", 1 },
		{ "1,234.50", 123450 },
		{ "1,234", 123400 },
		{ "12,345,678.90", 1234567890 },
		{ "123,456", 12345600 },
		{ "1234.50", 123450 },
		{ "  12.50  ", 1250 },
		{ " 7 ", 700 },
		{ "999999999.99", INT64_C(99999999999) },
		{ "999,999,999.99", INT64_C(99999999999) },
		{ "999999999", INT64_C(99999999900) },
	};
	size_t	 i;
	int64_t	 out;

	(void)state;
	assert_int_equal(MONEY_MAX, INT64_C(99999999999));
	for (i = 0; i < NELEM(ok); i++) {
		out = -42;
		if (money_parse(ok[i].s, &out) != 0)
			fail_msg("money_parse refused \"%s\"", ok[i].s);
		if (out != ok[i].minor)
			fail_msg("money_parse(\"%s\") = %lld, want %lld",
			    ok[i].s, (long long)out, (long long)ok[i].minor);
	}
}

static void
test_money_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"-1", "-0.01", "+1", "1.234", "12.", ".5", ".", "1,23",
		"12,34", "1,2345", ",123", "1,", "1,,234", "1234,567",
		"1.2.3", "1.2,3", "12.5,0", "abc", "12a", "a12", "1e3",
		"0x10", "1 2", "1 000", "", " ", "   ", "\t12", "12\n",
		"1000000000", "1,000,000,000", "1000000000.00",
		"999999999.999", "99999999999999999999",
		"9999999999999999999999999999999999999999", "\xc2\xa3" "12",
		"12\xc2\xa3", "\xef\xbc\x91",
	};
	size_t	 i;
	int64_t	 out;

	(void)state;
	for (i = 0; i < NELEM(bad); i++)
		if (money_parse(bad[i], &out) != -1)
			fail_msg("money_parse accepted \"%s\" as %lld", bad[i],
			    (long long)out);
	assert_int_equal(money_parse(NULL, &out), -1);
}

static void
test_money_format(void **state)
{
	static const struct {
		int64_t		 minor;
		const char	*plain, *display;
	} f[] = {
		{ 0, "0.00", "0.00" },
		{ 1, "0.01", "0.01" },
		{ 5, "0.05", "0.05" },
		{ 50, "0.50", "0.50" },
		{ 1250, "12.50", "12.50" },
		{ 99999, "999.99", "999.99" },
		{ 100000, "1000.00", "1,000.00" },
		{ 123450, "1234.50", "1,234.50" },
		{ 12345678, "123456.78", "123,456.78" },
		{ 100000000, "1000000.00", "1,000,000.00" },
		{ 123456789, "1234567.89", "1,234,567.89" },
		{ INT64_C(99999999999), "999999999.99", "999,999,999.99" },
		{ -1, "-0.01", "-0.01" },
		{ -1250, "-12.50", "-12.50" },
		{ -123456, "-1234.56", "-1,234.56" },
		{ -123456789, "-1234567.89", "-1,234,567.89" },
		{ -99999, "-999.99", "-999.99" },
		{ INT64_MAX, "92233720368547758.07",
		    "92,233,720,368,547,758.07" },
		{ INT64_MIN, "-92233720368547758.08",
		    "-92,233,720,368,547,758.08" },
	};
	char	 buf[MONEY_STRLEN * 2];
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(f); i++) {
		money_format(f[i].minor, buf, sizeof(buf));
		assert_string_equal(buf, f[i].plain);
		money_format_display(f[i].minor, buf, sizeof(buf));
		assert_string_equal(buf, f[i].display);
	}
	/* Truncation stays inside the buffer. */
	memset(buf, 'x', sizeof(buf));
	money_format(123450, buf, 4);
	assert_string_equal(buf, "123");
	assert_int_equal(buf[4], 'x');
	memset(buf, 'x', sizeof(buf));
	money_format_display(123450, buf, 4);
	assert_string_equal(buf, "1,2");
	assert_int_equal(buf[4], 'x');
}

static void
test_money_round_trip(void **state)
{
	char	 buf[MONEY_STRLEN * 2];
	int64_t	 v, out;

	(void)state;
	/* parse(format(x)) == x, plain and display, across the range. */
	for (v = 0; v <= MONEY_MAX; v = v < 100000 ? v + 1 : v * 3 + 7) {
		money_format(v, buf, sizeof(buf));
		if (money_parse(buf, &out) != 0 || out != v)
			fail_msg("plain round trip failed for %lld",
			    (long long)v);
		money_format_display(v, buf, sizeof(buf));
		if (money_parse(buf, &out) != 0 || out != v)
			fail_msg("display round trip failed for %lld",
			    (long long)v);
	}
	money_format(MONEY_MAX, buf, sizeof(buf));
	assert_int_equal(money_parse(buf, &out), 0);
	assert_int_equal(out, MONEY_MAX);
	money_format(MONEY_MAX + 1, buf, sizeof(buf));
	assert_int_equal(money_parse(buf, &out), -1);
}

static void
test_money_mul(void **state)
{
	int64_t	 out;

	(void)state;
	out = -7;
	assert_int_equal(money_mul(1250, 3, &out), 0);
	assert_int_equal(out, 3750);
	assert_int_equal(money_mul(0, 1000, &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(money_mul(1250, 0, &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(money_mul(MONEY_MAX, 1000, &out), 0);
	assert_int_equal(out, INT64_C(99999999999000));
	assert_int_equal(money_mul(INT64_MAX, 1, &out), 0);
	assert_true(out == INT64_MAX);
	assert_int_equal(money_mul(INT64_MAX / 2, 2, &out), 0);
	assert_true(out == INT64_MAX - 1);
	/* Overflow and negatives refused, *out untouched. */
	out = 99;
	assert_int_equal(money_mul(INT64_MAX, 2, &out), -1);
	assert_int_equal(money_mul(INT64_MAX / 2 + 1, 2, &out), -1);
	assert_int_equal(money_mul(INT64_C(4294967296), INT64_C(4294967296),
	    &out), -1);
	assert_int_equal(money_mul(MONEY_MAX, INT64_C(100000000), &out), -1);
	assert_int_equal(money_mul(-1, 5, &out), -1);
	assert_int_equal(money_mul(5, -1, &out), -1);
	assert_int_equal(money_mul(INT64_MIN, -1, &out), -1);
	assert_int_equal(out, 99);
}

/* ---- contract status (domain §2) --------------------------------------- */

#define TODAY	20500	/* 2026-02-16 */

static void
test_status_cases(void **state)
{
	static const struct {
		int32_t		 start, end;
		unsigned	 st;
		const char	*label;
		const char	*what;
	} c[] = {
		{ TODAY + 1, DATE_NONE, ST_SCHEDULED, "Scheduled",
		    "starts tomorrow, open end" },
		{ TODAY + 30, TODAY + 90, ST_SCHEDULED, "Scheduled",
		    "starts and ends in the future" },
		{ TODAY - 100, DATE_NONE, ST_ACTIVE, "Active",
		    "started, open end" },
		{ TODAY, DATE_NONE, ST_ACTIVE, "Active",
		    "starts today, open end" },
		{ TODAY - 100, TODAY + 1, ST_ACTIVE | ST_SCHEDULED,
		    "Active, Scheduled", "ends tomorrow" },
		{ TODAY, TODAY + 365, ST_ACTIVE | ST_SCHEDULED,
		    "Active, Scheduled", "starts today, ends later" },
		{ TODAY - 100, TODAY - 1, ST_INACTIVE, "Inactive",
		    "ended yesterday" },
		{ TODAY - 1000, TODAY - 500, ST_INACTIVE, "Inactive",
		    "ended long ago" },
		{ TODAY - 100, TODAY, ST_ACTIVE, "Active",
		    "ends today: still active, nothing pending" },
		{ TODAY, TODAY, ST_ACTIVE, "Active",
		    "one-day contract, today" },
		{ TODAY - 1, TODAY - 1, ST_INACTIVE, "Inactive",
		    "one-day contract, yesterday" },
		{ TODAY + 1, TODAY + 1, ST_SCHEDULED, "Scheduled",
		    "one-day contract, tomorrow" },
	};
	size_t		 i;
	unsigned	 st;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		st = contract_status(c[i].start, c[i].end, TODAY);
		if (st != c[i].st)
			fail_msg("%s: status 0x%x, want 0x%x", c[i].what, st,
			    c[i].st);
		assert_string_equal(status_label(st), c[i].label);
	}
}

static void
test_status_over_time(void **state)
{
	int32_t	 start, end;

	(void)state;
	/* One contract 2026-03-01 .. 2026-03-31 seen on successive days. */
	assert_int_equal(date_parse("2026-03-01", &start), 0);
	assert_int_equal(date_parse("2026-03-31", &end), 0);
	assert_int_equal(contract_status(start, end, start - 1), ST_SCHEDULED);
	assert_int_equal(contract_status(start, end, start),
	    ST_ACTIVE | ST_SCHEDULED);
	assert_int_equal(contract_status(start, end, end - 1),
	    ST_ACTIVE | ST_SCHEDULED);
	assert_int_equal(contract_status(start, end, end), ST_ACTIVE);
	assert_int_equal(contract_status(start, end, end + 1), ST_INACTIVE);
}

static void
test_status_labels(void **state)
{
	(void)state;
	assert_string_equal(status_label(ST_ACTIVE), "Active");
	assert_string_equal(status_label(ST_SCHEDULED), "Scheduled");
	assert_string_equal(status_label(ST_ACTIVE | ST_SCHEDULED),
	    "Active, Scheduled");
	assert_string_equal(status_label(ST_INACTIVE), "Inactive");
	assert_string_equal(status_label(ST_INACTIVE | ST_ACTIVE), "Inactive");
	assert_string_equal(status_label(0), "");
	assert_int_equal(ST_ACTIVE, 1);
	assert_int_equal(ST_SCHEDULED, 2);
	assert_int_equal(ST_INACTIVE, 4);
}

/* ---- validate_field --------------------------------------------------- */

/* Validate a C string (or NULL) against f; trimmed lives in a static. */
static const char *
vf(const struct field *f, const char *raw, struct fval *v)
{
	static char	 trimmed[4096];
	size_t		 len = raw == NULL ? 0 : strlen(raw);

	assert_true(len < sizeof(trimmed));
	memset(trimmed, '#', sizeof(trimmed));
	return validate_field(f, raw, len, trimmed, v);
}

static void
test_validate_text(void **state)
{
	const struct field f = { "name", "Name", FT_TEXT, 10, 1, 0, 0, NULL, 0 };
	const struct field opt = { "ref", "Reference", FT_TEXT, 10, 0, 0, 0, NULL, 0 };
	struct fval	 v;

	(void)state;
	assert_null(vf(&f, "  Acme \t", &v));
	assert_null(v.err);
	assert_int_equal(v.present, 1);
	assert_string_equal(v.s, "Acme");
	assert_string_equal(v.raw, "  Acme \t");
	assert_int_equal(v.date, DATE_NONE);

	assert_null(vf(&f, "\r\n a b \r\n", &v));
	assert_string_equal(v.s, "a b");

	/* Required. */
	assert_string_equal(vf(&f, NULL, &v), "is required");
	assert_string_equal(v.err, "is required");
	assert_string_equal(v.raw, "");
	assert_string_equal(v.s, "");
	assert_int_equal(v.present, 0);
	assert_string_equal(vf(&f, "", &v), "is required");
	assert_string_equal(vf(&f, " \t\r\n ", &v), "is required");
	assert_string_equal(v.s, "");

	/* Optional and empty is fine. */
	assert_null(vf(&opt, NULL, &v));
	assert_int_equal(v.present, 0);
	assert_string_equal(v.s, "");
	assert_null(vf(&opt, "   ", &v));
	assert_int_equal(v.present, 0);

	/* Byte cap: 10 bytes fit, 11 do not; UTF-8 counts bytes. */
	assert_null(vf(&f, "0123456789", &v));
	assert_string_equal(vf(&f, "0123456789A", &v), "is too long");
	assert_string_equal(v.err, "is too long");
	assert_null(vf(&f, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", &v));
	assert_string_equal(vf(&f, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9x",
	    &v), "is too long");

	/* One line, no control characters. */
	assert_string_equal(vf(&f, "a\nb", &v), "must be a single line of text");
	assert_string_equal(vf(&f, "a\rb", &v), "must be a single line of text");
	assert_string_equal(vf(&f, "a\tb", &v), "must be a single line of text");
	assert_string_equal(vf(&f, "a\x01", &v), "must be a single line of text");
	assert_string_equal(vf(&f, "\x1b[0m", &v),
	    "must be a single line of text");
	assert_string_equal(vf(&f, "del\x7f", &v),
	    "must be a single line of text");
	/* Hostile but printable text is accepted verbatim. */
	assert_null(vf(&opt, "O'Brien;--", &v));
	assert_string_equal(v.s, "O'Brien;--");
	assert_null(vf(&opt, "<b>\"&'</b>", &v));
	assert_string_equal(v.s, "<b>\"&'</b>");
}

static void
test_validate_multiline(void **state)
{
	const struct field f = { "notes", "Notes", FT_MULTILINE, 64, 0, 0, 0, NULL, 0 };
	struct fval	 v;

	(void)state;
	assert_null(vf(&f, "line 1\r\nline 2\n\tindented", &v));
	assert_string_equal(v.s, "line 1\r\nline 2\n\tindented");
	assert_null(vf(&f, "\n\n  text  \n\n", &v));
	assert_string_equal(v.s, "text");
	assert_string_equal(vf(&f, "bell\x07", &v), "contains control characters");
	assert_string_equal(vf(&f, "a\x0b" "b", &v),
	    "contains control characters");
	assert_string_equal(vf(&f, "a\x0c" "b", &v),
	    "contains control characters");
	assert_string_equal(vf(&f, "a\x7f" "b", &v),
	    "contains control characters");
	assert_string_equal(vf(&f, "a\x1f" "b", &v),
	    "contains control characters");
}

static void
test_validate_email(void **state)
{
	const struct field f = { "email", "Email", FT_EMAIL, 40, 1, 0, 0, NULL, 0 };
	static const char *const good[] = {
		"a@b.co", "first.last+tag@example.co.uk", "x_y@sub.domain.org",
		"o'brien@example.com", "  admin@example.com  ",
	};
	static const char *const bad[] = {
		"a", "a.b", "a@", "@b.co", "a@b", "a@@b.co", "a@b@c.co",
		"a b@c.co", "a@b c.co", "<a@b.co>", "a@b.co,c@d.co",
		"a@b.co\n<script>", "a\t@b.co", "a@b.co\x01", "a\x7f@b.co",
	};
	struct fval	 v;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(good); i++)
		if (vf(&f, good[i], &v) != NULL)
			fail_msg("refused \"%s\": %s", good[i], v.err);
	assert_string_equal(v.s, "admin@example.com");
	for (i = 0; i < NELEM(bad); i++) {
		const char *err = vf(&f, bad[i], &v);

		if (err == NULL || strcmp(err, "must be an email address") != 0)
			fail_msg("\"%s\": %s", bad[i], err ? err : "accepted");
	}
	assert_string_equal(vf(&f, "", &v), "is required");
	assert_string_equal(vf(&f, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com",
	    &v), "is too long");
}

static void
test_validate_int(void **state)
{
	const struct field f = { "qty", "Quantity", FT_INT, 20, 1, 1, 100, NULL, 0 };
	const struct field w = { "n", "N", FT_INT, 30, 0, INT64_MIN + 1,
	    INT64_MAX, NULL, 0 };
	struct fval	 v;
	static const char *const notint[] = {
		"abc", "1.5", "1,000", "+1", "-", "--1", "12a", "a12", "1 2",
		"0x10", "1e2", "\xef\xbc\x91",
	};
	size_t		 i;

	(void)state;
	assert_null(vf(&f, "1", &v));
	assert_int_equal(v.i, 1);
	assert_null(vf(&f, "100", &v));
	assert_int_equal(v.i, 100);
	assert_null(vf(&f, " 42 ", &v));
	assert_int_equal(v.i, 42);
	assert_string_equal(v.s, "42");
	assert_null(vf(&f, "007", &v));
	assert_int_equal(v.i, 7);
	assert_string_equal(vf(&f, "0", &v), "is too small");
	assert_string_equal(vf(&f, "-5", &v), "is too small");
	assert_string_equal(vf(&f, "101", &v), "is too large");
	assert_string_equal(vf(&f, "9223372036854775807", &v), "is too large");
	assert_string_equal(vf(&f, "9223372036854775808", &v),
	    "must be a whole number");
	assert_string_equal(vf(&f, "999999999999999999999", &v), "is too long");
	for (i = 0; i < NELEM(notint); i++) {
		const char *err = vf(&f, notint[i], &v);

		if (err == NULL || strcmp(err, "must be a whole number") != 0)
			fail_msg("\"%s\": %s", notint[i],
			    err ? err : "accepted");
	}
	assert_string_equal(vf(&f, "", &v), "is required");

	/* Full range. */
	assert_null(vf(&w, "9223372036854775807", &v));
	assert_true(v.i == INT64_MAX);
	assert_null(vf(&w, "-9223372036854775807", &v));
	assert_true(v.i == INT64_MIN + 1);
	assert_null(vf(&w, "-0", &v));
	assert_int_equal(v.i, 0);
	assert_null(vf(&w, "", &v));
	assert_int_equal(v.present, 0);
	assert_int_equal(v.i, 0);
}

static void
test_validate_money(void **state)
{
	const struct field f = { "price", "Price", FT_MONEY, 16, 1, 0, 0, NULL, 0 };
	struct fval	 v;

	(void)state;
	assert_null(vf(&f, "12.50", &v));
	assert_int_equal(v.i, 1250);
	assert_null(vf(&f, " 1,234.5 ", &v));
	assert_int_equal(v.i, 123450);
	assert_null(vf(&f, "\t0\n", &v));
	assert_int_equal(v.i, 0);
	assert_int_equal(v.present, 1);
	assert_string_equal(vf(&f, "12.345", &v),
	    "must be an amount such as 12.50");
	assert_string_equal(vf(&f, "-1", &v), "must be an amount such as 12.50");
	assert_string_equal(vf(&f, "1000000000", &v),
	    "must be an amount such as 12.50");
	assert_string_equal(vf(&f, "\xc2\xa3" "5", &v),
	    "must be an amount such as 12.50");
	assert_string_equal(vf(&f, "", &v), "is required");
	assert_string_equal(vf(&f, "12345678901234567", &v), "is too long");
}

static void
test_validate_date(void **state)
{
	const struct field f = { "start", "Start date", FT_DATE, 10, 1, 0, 0, NULL, 0 };
	const struct field opt = { "end", "End date", FT_DATE, 32, 0, 0, 0, NULL, 0 };
	struct fval	 v;

	(void)state;
	assert_null(vf(&f, "2026-02-16", &v));
	assert_int_equal(v.date, 20500);
	assert_null(vf(&opt, " 2024-02-29\n", &v));
	assert_int_equal(v.date, 19782);
	assert_string_equal(vf(&f, "2026-02-30", &v),
	    "must be a date (YYYY-MM-DD)");
	assert_string_equal(vf(&f, "16/02/2026", &v),
	    "must be a date (YYYY-MM-DD)");
	assert_string_equal(vf(&f, "2026-2-1", &v),
	    "must be a date (YYYY-MM-DD)");
	/* Business dates only: 2000 to 2099. */
	assert_null(vf(&f, "2000-01-01", &v));
	assert_null(vf(&f, "2099-12-31", &v));
	assert_string_equal(vf(&f, "1999-12-31", &v),
	    "must be between 2000-01-01 and 2099-12-31");
	assert_string_equal(vf(&f, "1900-01-01", &v),
	    "must be between 2000-01-01 and 2099-12-31");
	assert_string_equal(vf(&f, "9999-12-31", &v),
	    "must be between 2000-01-01 and 2099-12-31");
	assert_string_equal(vf(&f, "", &v), "is required");
	assert_int_equal(v.date, DATE_NONE);
	assert_string_equal(vf(&f, "2026-02-16 ", &v), "is too long");
	/* Optional and empty: no date. */
	assert_null(vf(&opt, "", &v));
	assert_int_equal(v.date, DATE_NONE);
	assert_int_equal(v.present, 0);
}

static void
test_validate_password(void **state)
{
	const struct field f = { "password", "Password", FT_PASSWORD, 16, 1, 8,
	    0, NULL, 0 };
	struct fval	 v;

	(void)state;
	/* Never trimmed: spaces count and are kept. */
	assert_null(vf(&f, "  secret", &v));
	assert_string_equal(v.s, "  secret");
	assert_null(vf(&f, "pass word\t\n", &v));
	assert_string_equal(v.s, "pass word\t\n");
	assert_null(vf(&f, "        ", &v));
	assert_string_equal(v.s, "        ");
	assert_int_equal(v.present, 1);
	assert_string_equal(vf(&f, " secret", &v), "is too short");
	assert_string_equal(vf(&f, "1234567", &v), "is too short");
	assert_null(vf(&f, "12345678", &v));
	/* Control characters are allowed in passwords. */
	assert_null(vf(&f, "\x01\x02\x03\x04\x05\x06\x07\x08", &v));
	assert_null(vf(&f, "0123456789abcdef", &v));
	assert_string_equal(vf(&f, "0123456789abcdefg", &v), "is too long");
	assert_string_equal(vf(&f, "", &v), "is required");
	assert_string_equal(vf(&f, NULL, &v), "is required");
}

static void
test_validate_trimmed_buffer(void **state)
{
	const struct field f = { "name", "Name", FT_TEXT, 100, 0, 0, 0, NULL, 0 };
	struct fval	 v;
	char		 trimmed[16];
	const char	*raw = "  ab  XYZ";

	(void)state;
	/* Only len bytes are considered; trimmed is NUL-terminated. */
	memset(trimmed, '#', sizeof(trimmed));
	assert_null(validate_field(&f, raw, 6, trimmed, &v));
	assert_string_equal(trimmed, "ab");
	assert_ptr_equal(v.s, trimmed);
	assert_ptr_equal(v.raw, raw);
	assert_int_equal(trimmed[3], '#');
}

/* The one id parser: what paths, forms and queries accept as a row id. */
static void
test_validate_id_and_enum(void **state)
{
	static const char *const ch[] = { "open", "closed", NULL };
	const struct field	 fid = { "id", "Row", FT_ID, 20, 1, 0, 0, NULL, 0 };
	const struct field	 fen = { "st", "Status", FT_ENUM, 10, 1, 0, 0, ch, 0 };
	const char		*bad[] = { "0", "01", "-1", "+1", "1a", " ", "1.0",
	    "1234567890123456789", "0x10" };
	struct fval		 v;
	char			 t[32];
	int64_t			 id;
	size_t			 i;

	(void)state;
	assert_int_equal(validate_id("1", &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(validate_id("123456789012345678", &id), 0);
	assert_int_equal(id, 123456789012345678LL);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(validate_id(bad[i], &id), -1);
	assert_int_equal(validate_id(NULL, &id), -1);
	assert_null(validate_field(&fid, " 42 ", 4, t, &v));
	assert_int_equal(v.i, 42);
	assert_string_equal(validate_field(&fid, "042", 3, t, &v),
	    "is not one of the choices");
	assert_int_equal(validate_enum("closed", ch), 1);
	assert_int_equal(validate_enum("Closed", ch), -1);
	assert_int_equal(validate_enum(NULL, ch), -1);
	assert_null(validate_field(&fen, "open", 4, t, &v));
	assert_int_equal(v.i, 0);
	assert_string_equal(validate_field(&fen, "opened", 6, t, &v),
	    "must be one of the choices");
}

static void
test_validate_unknown_type(void **state)
{
	const struct field f = { "x", "X", FT__MAX, 10, 0, 0, 0, NULL, 0 };
	struct fval	 v;

	(void)state;
	assert_string_equal(vf(&f, "value", &v), "is not valid");
	/* An absent value is fine whatever the type. */
	assert_null(vf(&f, "", &v));
}

/* "The same name": white space trimmed and runs of it made one space. */
static void
test_name_fold(void **state)
{
	char	 b[16];

	(void)state;
	validate_name_fold("  Acme \t  Analytics\n", b, sizeof(b));
	assert_string_equal(b, "Acme Analytics");
	validate_name_fold("Acme", b, sizeof(b));
	assert_string_equal(b, "Acme");
	validate_name_fold(" \t ", b, sizeof(b));
	assert_string_equal(b, "");
	validate_name_fold("abcdefghijklmnopqrstuvwxyz", b, sizeof(b));
	assert_string_equal(b, "abcdefghijklmno");
	/* Cut on a UTF-8 boundary: "\xc3\xa9" is never split. */
	validate_name_fold("abcdefghijklmn\xc3\xa9", b, sizeof(b));
	assert_string_equal(b, "abcdefghijklmn");
}

/* Day ranges sharing a day; DATE_NONE is an open end. */
static void
test_ranges_overlap(void **state)
{
	(void)state;
	assert_true(validate_ranges_overlap(10, 20, 20, 30));
	assert_false(validate_ranges_overlap(10, 19, 20, 30));
	assert_false(validate_ranges_overlap(31, 40, 20, 30));
	assert_true(validate_ranges_overlap(10, DATE_NONE, 500, 600));
	assert_true(validate_ranges_overlap(500, 600, 10, DATE_NONE));
	assert_false(validate_ranges_overlap(10, 20, 21, DATE_NONE));
	assert_true(validate_ranges_overlap(10, DATE_NONE, 5, DATE_NONE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_fold),
		cmocka_unit_test(test_ranges_overlap),
		cmocka_unit_test(test_date_known_days),
		cmocka_unit_test(test_date_round_trip_every_day),
		cmocka_unit_test(test_date_leap_rules),
		cmocka_unit_test(test_date_parse_ok),
		cmocka_unit_test(test_date_parse_strict),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_parse_format_round_trip),
		cmocka_unit_test(test_money_parse_ok),
		cmocka_unit_test(test_money_parse_rejects),
		cmocka_unit_test(test_money_format),
		cmocka_unit_test(test_money_round_trip),
		cmocka_unit_test(test_money_mul),
		cmocka_unit_test(test_status_cases),
		cmocka_unit_test(test_status_over_time),
		cmocka_unit_test(test_status_labels),
		cmocka_unit_test(test_validate_text),
		cmocka_unit_test(test_validate_multiline),
		cmocka_unit_test(test_validate_email),
		cmocka_unit_test(test_validate_int),
		cmocka_unit_test(test_validate_money),
		cmocka_unit_test(test_validate_date),
		cmocka_unit_test(test_validate_password),
		cmocka_unit_test(test_validate_trimmed_buffer),
		cmocka_unit_test(test_validate_id_and_enum),
		cmocka_unit_test(test_validate_unknown_type),
	};

	return cmocka_run_group_tests_name("domain", tests, NULL, NULL);
}
