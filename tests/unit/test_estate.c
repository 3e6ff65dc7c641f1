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

static void
test_range(void **state)
{
	const char	*wf, *wt;
	int64_t		 a, b;
	char		 out[32];

	(void)state;
	assert_int_equal(estate_range("+44 20 7946 0200", "0299", &a, &b, &wf,
	    &wt), 1);
	assert_true(a == 442079460200LL && b == 442079460299LL);
	assert_int_equal(estate_range("+44 20 7946 0200", "+44 20 7946 0209",
	    &a, &b, &wf, &wt), 1);
	assert_true(b - a == 9);
	assert_int_equal(estate_range("+44 20 7946 0200", "9", &a, &b, &wf,
	    &wt), 1);
	assert_true(b == 442079460209LL);
	/* refusals, by the field */
	assert_int_equal(estate_range("44 20 7946 0200", "0299", &a, &b, &wf,
	    &wt), 0);
	assert_non_null(wf);
	assert_int_equal(estate_range("+0 20 7946 0200", "0299", &a, &b, &wf,
	    &wt), 0);
	assert_non_null(wf);
	assert_int_equal(estate_range("+44 20", "1", &a, &b, &wf, &wt), 0);
	assert_non_null(wf);
	assert_int_equal(estate_range("+44 20 7946 0200 12345678", "1", &a,
	    &b, &wf, &wt), 0);
	assert_non_null(wf);
	assert_int_equal(estate_range("+44 20 7946 0200", "0199", &a, &b, &wf,
	    &wt), 0);
	assert_string_equal(wt, "To must not come before From");
	assert_int_equal(estate_range("+44 20 7946 0200", "+44 20 7946 02",
	    &a, &b, &wf, &wt), 0);
	assert_non_null(wt);
	assert_int_equal(estate_range("+44 20 7946 0200", "12a", &a, &b, &wf,
	    &wt), 0);
	assert_non_null(wt);
	assert_int_equal(estate_range("+44 20 7946 0200", "", &a, &b, &wf,
	    &wt), 0);
	assert_non_null(wt);
	assert_int_equal(estate_range("+44 20 7946 0000", "0999", &a, &b, &wf,
	    &wt), 1);	/* 1000: the most */
	assert_int_equal(estate_range("+44 20 7946 0000", "1000", &a, &b, &wf,
	    &wt), 0);
	assert_string_equal(wt, "A range holds at most 1000 numbers");
	estate_format_like("+44 20 7946 0200", 442079460207LL, out,
	    sizeof(out));
	assert_string_equal(out, "+44 20 7946 0207");
	estate_format_like("+442079460200", 442079460299LL, out, sizeof(out));
	assert_string_equal(out, "+442079460299");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_currency),
		cmocka_unit_test(test_timezone),
		cmocka_unit_test(test_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
