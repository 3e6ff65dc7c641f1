/*
 * Unit tests for the help desk rules (app/domain/helpdesk.c): the moves
 * between statuses, parsing, and the SLA clock in business hours (Monday
 * to Friday 09:00-17:30) of a time zone, across a weekend, a DST change
 * and two zones, with the clock paused while awaiting the customer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "domain/helpdesk.h"
#include "domain/validate.h"

#define H	3600
#define LONDON	"Europe/London"
#define NEWYORK	"America/New_York"

/* Unix seconds of a local wall-clock time in zone tz. */
static int64_t
at(const char *tz, int y, int mo, int d, int h, int mi)
{
	struct tm	 tm;
	int64_t		 t;

	setenv("TZ", tz, 1);
	tzset();
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	t = (int64_t)mktime(&tm);
	setenv("TZ", "UTC", 1);
	tzset();
	return t;
}

static void
test_moves(void **state)
{
	(void)state;
	assert_true(hd_can_move(HD_OPEN, HD_IN_PROGRESS));
	assert_true(hd_can_move(HD_IN_PROGRESS, HD_AWAITING));
	assert_true(hd_can_move(HD_AWAITING, HD_IN_PROGRESS));
	assert_true(hd_can_move(HD_AWAITING, HD_RESOLVED));
	assert_true(hd_can_move(HD_RESOLVED, HD_CLOSED));
	assert_true(hd_can_move(HD_RESOLVED, HD_IN_PROGRESS));
	assert_true(hd_can_move(HD_CLOSED, HD_OPEN));
	assert_false(hd_can_move(HD_CLOSED, HD_RESOLVED));
	assert_false(hd_can_move(HD_IN_PROGRESS, HD_OPEN));
	assert_false(hd_can_move(HD_OPEN, HD_OPEN));
	assert_false(hd_can_move(HD_RESOLVED, HD_AWAITING));
	assert_int_equal(hd_status_parse("awaiting_customer"), HD_AWAITING);
	assert_int_equal(hd_status_parse("pending"), HD_STATUS__MAX);
	assert_int_equal(hd_priority_parse("urgent"), HD_URGENT);
	assert_int_equal(hd_priority_parse(NULL), HD_PRIORITY__MAX);
	assert_int_equal(hd_category_parse("wifi"), HD_CAT_WIFI);
	assert_true(hd_clock_runs(HD_IN_PROGRESS));
	assert_false(hd_clock_runs(HD_AWAITING));
}

static void
test_business_seconds(void **state)
{
	(void)state;
	/* Monday 16 Feb 2026, 10:00 to 12:00: 2 h. */
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 2, 16, 10, 0),
	    at(LONDON, 2026, 2, 16, 12, 0), LONDON), 2 * H);
	/* Before opening and after closing count nothing. */
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 2, 16, 7, 0),
	    at(LONDON, 2026, 2, 16, 9, 30), LONDON), H / 2);
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 2, 16, 17, 0),
	    at(LONDON, 2026, 2, 16, 23, 0), LONDON), H / 2);
	/* Friday 17:00 to Monday 10:00: 30 min + 1 h, the weekend free. */
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 2, 20, 17, 0),
	    at(LONDON, 2026, 2, 23, 10, 0), LONDON), H + H / 2);
	/* A whole week: 5 x 8.5 h. */
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 2, 16, 0, 0),
	    at(LONDON, 2026, 2, 23, 0, 0), LONDON), 5 * 8 * H + 5 * H / 2);
	/* Across the spring DST change (29 Mar 2026): still 8.5 h a day. */
	assert_int_equal(hd_business_seconds(at(LONDON, 2026, 3, 27, 9, 0),
	    at(LONDON, 2026, 3, 30, 17, 30), LONDON), 17 * H);
	/* 09:00 to 10:00 in New York, in New York's business hours. */
	assert_int_equal(hd_business_seconds(at(NEWYORK, 2026, 2, 16, 9, 0),
	    at(NEWYORK, 2026, 2, 16, 10, 0), NEWYORK), H);
	/* New York 12:00-14:00 is London 17:00-19:00: half an hour. */
	assert_int_equal(hd_business_seconds(at(NEWYORK, 2026, 2, 16, 12, 0),
	    at(NEWYORK, 2026, 2, 16, 14, 0), LONDON), H / 2);
	assert_int_equal(hd_business_seconds(10, 5, LONDON), 0);
}

static void
test_business_add(void **state)
{
	(void)state;
	/* 4 h from Monday 15:00: 2.5 h today, 1.5 h Tuesday -> 10:30. */
	assert_int_equal(hd_business_add(at(LONDON, 2026, 2, 16, 15, 0), 4 * H,
	    LONDON), at(LONDON, 2026, 2, 17, 10, 30));
	/* From Saturday: Monday 09:00 + 30 min. */
	assert_int_equal(hd_business_add(at(LONDON, 2026, 2, 21, 11, 0), H / 2,
	    LONDON), at(LONDON, 2026, 2, 23, 9, 30));
	/* Exactly to the close of the day. */
	assert_int_equal(hd_business_add(at(LONDON, 2026, 2, 16, 9, 0),
	    8 * H + H / 2, LONDON), at(LONDON, 2026, 2, 16, 17, 30));
}

static void
test_sla_clock(void **state)
{
	struct hd_sla	 s;
	int64_t		 created = at(LONDON, 2026, 2, 16, 9, 0), el = 0, run;

	(void)state;
	run = created;
	/* Urgent: first response 30 min, resolution 4 h. At 9:20 nothing
	 * is late; first response due 9:30. */
	hd_sla(HD_URGENT, HD_OPEN, created, 0, 0, run,
	    at(LONDON, 2026, 2, 16, 9, 20), LONDON, &s);
	assert_false(s.fr_breached);
	assert_int_equal(s.fr_due, at(LONDON, 2026, 2, 16, 9, 30));
	assert_int_equal(s.res_left, 4 * H - 20 * 60);
	assert_false(s.paused);
	/* Answered at 10:00 (late), awaiting the customer from 10:00 to
	 * 16:00: the clock stops at 1 h and stays there. */
	hd_clock_move(HD_AWAITING, at(LONDON, 2026, 2, 16, 10, 0), LONDON, &el,
	    &run);
	assert_int_equal(el, H);
	assert_int_equal(run, 0);
	hd_sla(HD_URGENT, HD_AWAITING, created, at(LONDON, 2026, 2, 16, 10, 0),
	    el, run, at(LONDON, 2026, 2, 16, 16, 0), LONDON, &s);
	assert_true(s.fr_breached);
	assert_true(s.paused);
	assert_int_equal(s.res_left, 3 * H);
	assert_false(s.res_breached);
	/* The customer answers at 16:00: 3 h left, due Tuesday 10:30. */
	hd_clock_move(HD_IN_PROGRESS, at(LONDON, 2026, 2, 16, 16, 0), LONDON,
	    &el, &run);
	assert_int_equal(run, at(LONDON, 2026, 2, 16, 16, 0));
	hd_sla(HD_URGENT, HD_IN_PROGRESS, created, 1, el, run,
	    at(LONDON, 2026, 2, 16, 16, 0), LONDON, &s);
	assert_int_equal(s.res_due, at(LONDON, 2026, 2, 17, 10, 30));
	/* Tuesday 11:00: 30 min late. */
	hd_sla(HD_URGENT, HD_IN_PROGRESS, created, 1, el, run,
	    at(LONDON, 2026, 2, 17, 11, 0), LONDON, &s);
	assert_true(s.res_breached);
	assert_int_equal(s.res_left, -H / 2);
	/* Normal priority: 4 h first response, 2 days resolution. */
	assert_int_equal(hd_target(HD_NORMAL)->first_response, 240);
	assert_int_equal(hd_target(HD_NORMAL)->resolution, 1020);
}

static void
test_attachments(void **state)
{
	char	 n[128];

	(void)state;
	assert_string_equal(hd_attach_type("%PDF-1.7 x", 10, "a.pdf"), "application/pdf");
	assert_string_equal(hd_attach_type("\x89PNG\r\n\x1a\n....", 12, "x"), "image/png");
	assert_string_equal(hd_attach_type("\xff\xd8\xff\xe0", 4, "p.jpg"), "image/jpeg");
	assert_string_equal(hd_attach_type("RIFF\x10\0\0\0WAVEfmt ", 16, "greeting.wav"), "audio/wav");
	assert_string_equal(hd_attach_type("ID3\x04", 4, "g.mp3"), "audio/mpeg");
	assert_string_equal(hd_attach_type("caf\xc3\xa9\r\nline", 11, "notes.TXT"),
	    "text/plain; charset=utf-8");
	/* Text needs a text name and text bytes; the name alone is nothing. */
	assert_null(hd_attach_type("hello", 5, "hello.html"));
	assert_null(hd_attach_type("a\0b", 3, "a.txt"));
	assert_null(hd_attach_type("<script>", 8, "x.pdf"));
	assert_null(hd_attach_type("MZ\x90\0", 4, "setup.exe"));
	assert_null(hd_attach_type("", 0, "a.txt"));
	assert_null(hd_attach_type("%PDF-", HD_ATTACH_MAX + 1, "big.pdf"));
	hd_attach_name("C:\\Users\\x\\re\"port;1\".pdf", n, sizeof(n));
	assert_string_equal(n, "re_port_1_.pdf");
	hd_attach_name("../../etc/passwd", n, sizeof(n));
	assert_string_equal(n, "passwd");
	hd_attach_name("a\r\nb.txt", n, sizeof(n));
	assert_string_equal(n, "a__b.txt");
	hd_attach_name("Gr\xc3\xbc\xc3\x9f" "e.wav", n, sizeof(n));
	assert_string_equal(n, "Gr\xc3\xbc\xc3\x9f" "e.wav");
	hd_attach_name("/", n, sizeof(n));
	assert_string_equal(n, "attachment");
	hd_attach_name("x\xff.pdf", n, sizeof(n));
	assert_string_equal(n, "x_.pdf");
}

/* The name tables end in NULL, so the form's validator takes them as
 * they are; every name is found at its own index, nothing else is. */
static void
test_names(void **state)
{
	int	 i;

	(void)state;
	assert_null(hd_status_names[HD_STATUS__MAX]);
	assert_null(hd_priority_names[HD_PRIORITY__MAX]);
	assert_null(hd_category_names[HD_CATEGORY__MAX]);
	for (i = 0; i < HD_STATUS__MAX; i++) {
		assert_int_equal(validate_enum(hd_status_names[i],
		    hd_status_names), i);
		assert_int_equal(hd_status_parse(hd_status_names[i]), i);
	}
	for (i = 0; i < HD_PRIORITY__MAX; i++)
		assert_int_equal(validate_enum(hd_priority_names[i],
		    hd_priority_names), i);
	for (i = 0; i < HD_CATEGORY__MAX; i++)
		assert_int_equal(validate_enum(hd_category_names[i],
		    hd_category_names), i);
	assert_int_equal(validate_enum("Urgent", hd_priority_names), -1);
	assert_int_equal(validate_enum("", hd_category_names), -1);
	assert_int_equal(validate_enum(NULL, hd_status_names), -1);
	assert_int_equal(hd_priority_parse("urgent "), HD_PRIORITY__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_business_seconds),
		cmocka_unit_test(test_business_add),
		cmocka_unit_test(test_sla_clock),
		cmocka_unit_test(test_attachments),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
