/*
 * Unit tests for app/domain/lookup.c: what the global search box takes
 * for a phone number or an IP address, trimming, and the chart's bars.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/lookup.h"

static void
test_phone(void **state)
{
	char	 b[LOOKUP_PHONE_CAP];

	(void)state;
	assert_int_equal(lookup_phone("+44 20 7946 0101", b, sizeof(b)), 1);
	assert_string_equal(b, "+442079460101");
	assert_int_equal(lookup_phone(" 020 7946 0101 ", b, sizeof(b)), 1);
	assert_string_equal(b, "+442079460101");
	assert_int_equal(lookup_phone("0044 (20) 7946-0101", b, sizeof(b)), 1);
	assert_string_equal(b, "+442079460101");
	assert_int_equal(lookup_phone("+44.20.7946.0101", b, sizeof(b)), 1);
	assert_string_equal(b, "+442079460101");
	assert_int_equal(lookup_phone("7946 0101", b, sizeof(b)), 1);
	assert_string_equal(b, "79460101");
	assert_int_equal(lookup_phone("123", b, sizeof(b)), 0);
	assert_int_equal(lookup_phone("FP-0101", b, sizeof(b)), 0);
	assert_int_equal(lookup_phone("44+20", b, sizeof(b)), 0);
	assert_int_equal(lookup_phone("10.0.0.1", b, sizeof(b)), 1);	/* digits and dots: tried as both */
	assert_int_equal(lookup_phone("", b, sizeof(b)), 0);
	assert_int_equal(lookup_phone(
	    "1234567890123456789012345678901234567890123", b, sizeof(b)), 0);
	assert_int_equal(lookup_phone("+442079460101", b, 4), 0);
}

static void
test_ip(void **state)
{
	char	 b[LOOKUP_IP_CAP];

	(void)state;
	assert_int_equal(lookup_ip(" 203.0.113.9 ", b, sizeof(b)), 1);
	assert_string_equal(b, "203.0.113.9");
	assert_int_equal(lookup_ip("2001:DB8:0:0::1", b, sizeof(b)), 1);
	assert_string_equal(b, "2001:db8::1");
	assert_int_equal(lookup_ip("203.0.113", b, sizeof(b)), 0);
	assert_int_equal(lookup_ip("aa:bb:cc:dd:ee:ff", b, sizeof(b)), 0);
	assert_int_equal(lookup_ip("", b, sizeof(b)), 0);
}

static void
test_trim(void **state)
{
	char	 b[8];

	(void)state;
	assert_int_equal(lookup_trim("  Acme \t", b, sizeof(b)), 1);
	assert_string_equal(b, "Acme");
	assert_int_equal(lookup_trim("   ", b, sizeof(b)), 0);
	assert_string_equal(b, "");
	assert_int_equal(lookup_trim("abcdefghij", b, sizeof(b)), 1);
	assert_string_equal(b, "abcdefg");
	assert_int_equal(lookup_trim(NULL, b, sizeof(b)), 0);
}

static void
test_bars(void **state)
{
	(void)state;
	assert_int_equal(lookup_bar_height(50, 100, 120), 60);
	assert_int_equal(lookup_bar_height(100, 100, 120), 120);
	assert_int_equal(lookup_bar_height(0, 100, 120), 0);
	assert_int_equal(lookup_bar_height(-5, 100, 120), 0);
	assert_int_equal(lookup_bar_height(5, 0, 120), 0);
	assert_int_equal(lookup_bar_height(1, 1000, 120), 0);
	assert_int_equal(lookup_bar_height(5, 1000, 120), 1);	/* 0.6 rounds up */
	assert_int_equal(lookup_bar_height(INT64_MAX / 2, INT64_MAX, 120), 60);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_ip),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_bars),
	};

	return cmocka_run_group_tests_name("lookup", tests, NULL, NULL);
}
