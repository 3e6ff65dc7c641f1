/*
 * Unit tests of app/domain/planform.c: the Manage services form's own
 * rules (a price and a QTY as typed, the line total's bound, a form naming
 * each current row once, and the numbers a first voice service needs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/money.h"
#include "domain/planform.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_qty(void **state)
{
	static const struct {
		const char	*raw;
		int		 ok;
		int64_t		 qty;
	} c[] = {
		{ "1", 1, 1 }, { "9999", 1, 9999 }, { "42", 1, 42 },
		{ "+7", 1, 7 }, { "  3", 1, 3 }, { "\t3", 1, 3 },
		{ "000012", 1, 12 },
		{ "", 0, 0 }, { "0", 0, 0 }, { "-1", 0, 0 }, { "-0", 0, 0 },
		{ "10000", 0, 0 }, { "3 ", 0, 0 }, { "3x", 0, 0 },
		{ "1.5", 0, 0 }, { " ", 0, 0 }, { "+", 0, 0 },
		{ "0000012", 0, 0 },	/* 7 bytes */
		{ "     1", 1, 1 }, { "      1", 0, 0 },
		{ "99999999999999999999", 0, 0 },
	};
	size_t	 i;
	int64_t	 q;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		q = -5;
		if (c[i].ok) {
			assert_int_equal(planform_qty(c[i].raw, &q), 0);
			assert_int_equal(q, c[i].qty);
		} else {
			assert_int_equal(planform_qty(c[i].raw, &q), -1);
			assert_int_equal(q, -5);	/* untouched */
		}
	}
}

static void
test_price(void **state)
{
	int64_t	 p;

	(void)state;
	assert_int_equal(planform_price("12.50", "GBP", &p), 0);
	assert_int_equal(p, 1250);
	assert_int_equal(planform_price("£1,250.00", "GBP", &p), 0);
	assert_int_equal(p, 125000);
	assert_int_equal(planform_price("0", "GBP", &p), 0);
	assert_int_equal(p, 0);
	assert_int_equal(planform_price("", "GBP", &p), -1);
	assert_int_equal(planform_price("-1.00", "GBP", &p), -1);
	assert_int_equal(planform_price("abc", "GBP", &p), -1);
	/* 24 bytes are read, 25 are not. */
	assert_int_equal(planform_price("                    1.00", "GBP", &p),
	    0);
	assert_int_equal(planform_price("                     1.00", "GBP",
	    &p), -1);
}

static void
test_total(void **state)
{
	(void)state;
	assert_true(planform_total_ok(1250, 3));
	assert_true(planform_total_ok(MONEY_MAX, 1));
	assert_false(planform_total_ok(MONEY_MAX, 2));
	assert_false(planform_total_ok(INT64_MAX / 2, 9999));
	assert_true(planform_total_ok(0, 9999));
}

static void
test_ids_distinct(void **state)
{
	const int64_t	 rows[] = { 5, 0, 7, 0 }, dup[] = { 5, 7, 5 };
	const int64_t	 drops[] = { 9, 11 }, dd[] = { 9, 9 }, dr[] = { 7 };

	(void)state;
	assert_true(planform_ids_distinct(rows, NELEM(rows), drops,
	    NELEM(drops)));
	assert_true(planform_ids_distinct(NULL, 0, NULL, 0));
	/* New rows (0) may be many. */
	assert_true(planform_ids_distinct(rows, NELEM(rows), NULL, 0));
	assert_false(planform_ids_distinct(dup, NELEM(dup), NULL, 0));
	assert_false(planform_ids_distinct(rows, NELEM(rows), dd, NELEM(dd)));
	/* Kept and dropped at once. */
	assert_false(planform_ids_distinct(rows, NELEM(rows), dr, NELEM(dr)));
}

static void
test_names_plan(void **state)
{
	const int64_t	 cur[] = { 5, 7, 9 };
	const int64_t	 rows[] = { 7, 0, 5 }, drops[] = { 9 };
	const int64_t	 foreign[] = { 7, 5, 12 }, fd[] = { 12 };

	(void)state;
	assert_true(planform_names_plan(rows, NELEM(rows), drops,
	    NELEM(drops), cur, NELEM(cur)));
	/* One missing. */
	assert_false(planform_names_plan(rows, NELEM(rows), NULL, 0, cur,
	    NELEM(cur)));
	/* A row of another plan, as a row or as a drop. */
	assert_false(planform_names_plan(foreign, NELEM(foreign), drops,
	    NELEM(drops), cur, NELEM(cur)));
	assert_false(planform_names_plan(rows, NELEM(rows), fd, NELEM(fd),
	    cur, NELEM(cur)));
	/* An empty plan: only new rows. */
	assert_true(planform_names_plan(rows + 1, 1, NULL, 0, NULL, 0));
	assert_false(planform_names_plan(rows, 1, NULL, 0, NULL, 0));
}

static void
test_voice_numbers(void **state)
{
	(void)state;
	assert_int_equal(planform_voice_numbers(0, 3, 0), 3);
	assert_int_equal(planform_voice_numbers(0, 3, 1), 2);
	assert_int_equal(planform_voice_numbers(0, 3, 3), 0);
	assert_int_equal(planform_voice_numbers(0, 3, 5), 0);
	/* Not the first voice service: nothing allocated here. */
	assert_int_equal(planform_voice_numbers(2, 5, 2), 0);
	assert_int_equal(planform_voice_numbers(0, 0, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qty),
		cmocka_unit_test(test_price),
		cmocka_unit_test(test_total),
		cmocka_unit_test(test_ids_distinct),
		cmocka_unit_test(test_names_plan),
		cmocka_unit_test(test_voice_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
