/*
 * Unit tests for app/domain/estate.c: currency codes and the shape of
 * time zone names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/estate.h"

static void
test_currency(void **state)
{
	(void)state;
	assert_int_equal(estate_currency_ok("GBP"), 1);
	assert_int_equal(estate_currency_ok("EUR"), 1);
	assert_int_equal(estate_currency_ok("gbp"), 0);
	assert_int_equal(estate_currency_ok("GB"), 0);
	assert_int_equal(estate_currency_ok("GBPX"), 0);
	assert_int_equal(estate_currency_ok("G1P"), 0);
	assert_int_equal(estate_currency_ok(""), 0);
	assert_int_equal(estate_currency_ok(NULL), 0);
}

static void
test_timezone(void **state)
{
	(void)state;
	assert_int_equal(estate_timezone_ok("Europe/London"), 1);
	assert_int_equal(estate_timezone_ok("UTC"), 1);
	assert_int_equal(estate_timezone_ok("America/Argentina/Buenos_Aires"), 1);
	assert_int_equal(estate_timezone_ok("Etc/GMT+5"), 1);
	assert_int_equal(estate_timezone_ok(""), 0);
	assert_int_equal(estate_timezone_ok("/etc/passwd"), 0);
	assert_int_equal(estate_timezone_ok("Europe/../../etc"), 0);
	assert_int_equal(estate_timezone_ok("Europe//London"), 0);
	assert_int_equal(estate_timezone_ok("Europe/"), 0);
	assert_int_equal(estate_timezone_ok("Europe/Lon don"), 0);
	assert_int_equal(estate_timezone_ok(
	    "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/London"), 0);	/* a part of 31 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_currency),
		cmocka_unit_test(test_timezone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
