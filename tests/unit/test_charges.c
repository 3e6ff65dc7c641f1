/*
 * test_charges: proration to the penny and the CSV writer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/charges.h"
#include "domain/csv.h"
#include "domain/date.h"

#define D(y, m, d)	date_from_ymd((y), (m), (d))

static size_t
lines_for(int32_t start, int32_t end, int64_t price, int64_t qty,
    const struct charge_change *ch, size_t nch, int y, int m,
    struct charge_line *out)
{
	struct charge_seg	 segs[16];
	size_t			 n;

	n = charges_segments(start, end, price, qty, ch, nch, segs, 16);
	return charges_month(segs, n, y, m, out, 16);
}

static void
test_prorate_rounding(void **state)
{
	int64_t	 a;

	(void)state;
	/* 10.00 for 1 of 3 days: 3.333 -> 3.33; 2 of 3: 6.666 -> 6.67. */
	assert_int_equal(charges_prorate(1000, 1, 1, 3, &a), 0);
	assert_int_equal(a, 333);
	assert_int_equal(charges_prorate(1000, 1, 2, 3, &a), 0);
	assert_int_equal(a, 667);
	/* Exact half rounds up: 0.05 x 1/2 = 0.025 -> 0.03. */
	assert_int_equal(charges_prorate(5, 1, 1, 2, &a), 0);
	assert_int_equal(a, 3);
	/* Whole month is exactly price x qty. */
	assert_int_equal(charges_prorate(1400, 3, 31, 31, &a), 0);
	assert_int_equal(a, 4200);
	assert_int_equal(charges_prorate(0, 5, 10, 30, &a), 0);
	assert_int_equal(a, 0);
	assert_int_equal(charges_prorate(100, 1, 32, 31, &a), -1);
	assert_int_equal(charges_prorate(-1, 1, 1, 31, &a), -1);
	assert_int_equal(charges_prorate(INT64_MAX / 2, 3, 1, 31, &a), -1);
}

static void
test_month_lengths(void **state)
{
	struct charge_line	 l[16];
	/* 9.00/month from the 2nd to month end, QTY 1, in each month kind. */
	struct { int y, m, dim; int64_t amount; } c[] = {
		{ 2026, 1, 31, 871 },	/* 900 x 30/31 = 870.97 */
		{ 2026, 2, 28, 868 },	/* 900 x 27/28 = 867.86 */
		{ 2024, 2, 29, 869 },	/* leap: 900 x 28/29 = 868.97 */
		{ 2026, 4, 30, 870 },	/* 900 x 29/30 = 870 */
	};
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		n = lines_for(D(c[i].y, c[i].m, 2), DATE_NONE, 900, 1, NULL, 0,
		    c[i].y, c[i].m, l);
		assert_int_equal(n, 1);
		assert_int_equal(l[0].dim, c[i].dim);
		assert_int_equal(l[0].days, c[i].dim - 1);
		assert_int_equal(l[0].amount, c[i].amount);
	}
}

static void
test_first_and_last_day(void **state)
{
	struct charge_line	 l[16];
	size_t			 n;

	(void)state;
	/* Starts on the 1st: the full price. */
	n = lines_for(D(2026, 3, 1), DATE_NONE, 1500, 2, NULL, 0, 2026, 3, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].amount, 3000);
	/* Starts on the last day: one day. */
	n = lines_for(D(2026, 3, 31), DATE_NONE, 3100, 1, NULL, 0, 2026, 3, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].days, 1);
	assert_int_equal(l[0].amount, 100);
	/* Ended on the last day of January (end is the day it ended,
	 * exclusive): charged through 30 Jan, nothing in February. */
	n = lines_for(D(2025, 6, 1), D(2026, 1, 31), 3100, 1, NULL, 0, 2026, 1,
	    l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].to, D(2026, 1, 30));
	assert_int_equal(l[0].amount, 3000);
	n = lines_for(D(2025, 6, 1), D(2026, 1, 31), 3100, 1, NULL, 0, 2026, 2,
	    l);
	assert_int_equal(n, 0);
	/* Ended on the 1st of February: all of January, none of February. */
	n = lines_for(D(2025, 6, 1), D(2026, 2, 1), 3100, 1, NULL, 0, 2026, 2,
	    l);
	assert_int_equal(n, 0);
	n = lines_for(D(2025, 6, 1), D(2026, 2, 1), 3100, 1, NULL, 0, 2026, 1,
	    l);
	assert_int_equal(l[0].amount, 3100);
}

static void
test_same_day_and_future(void **state)
{
	struct charge_line	 l[16];
	size_t			 n;

	(void)state;
	/* Started and ended the same day: nothing charged. */
	n = lines_for(D(2026, 5, 10), D(2026, 5, 10), 3100, 1, NULL, 0, 2026,
	    5, l);
	assert_int_equal(n, 0);
	/* Started one day, ended the next: one day. */
	n = lines_for(D(2026, 5, 10), D(2026, 5, 11), 3100, 1, NULL, 0, 2026,
	    5, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].days, 1);
	assert_int_equal(l[0].amount, 100);
	/* Future start: nothing before it, charged from it. */
	n = lines_for(D(2026, 7, 15), DATE_NONE, 3100, 1, NULL, 0, 2026, 6, l);
	assert_int_equal(n, 0);
	n = lines_for(D(2026, 7, 15), DATE_NONE, 3100, 1, NULL, 0, 2026, 7, l);
	assert_int_equal(l[0].from, D(2026, 7, 15));
	assert_int_equal(l[0].days, 17);
	assert_int_equal(l[0].amount, 1700);
	/* Not started: no segments at all. */
	assert_int_equal(lines_for(DATE_NONE, DATE_NONE, 3100, 1, NULL, 0,
	    2026, 7, l), 0);
}

static void
test_mid_month_change(void **state)
{
	struct charge_line	 l[16];
	/* QTY 2 -> 3 on 16 April (30 days), price 15.00 -> 12.00 on 1 May. */
	struct charge_change	 ch[] = {
		{ D(2026, 4, 16), 1500, 3 },
		{ D(2026, 5, 1), 1200, 3 },
	};
	size_t			 n;

	(void)state;
	n = lines_for(D(2026, 1, 1), DATE_NONE, 1500, 2, ch, 2, 2026, 4, l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].from, D(2026, 4, 1));
	assert_int_equal(l[0].to, D(2026, 4, 15));
	assert_int_equal(l[0].qty, 2);
	assert_int_equal(l[0].amount, 1500);	/* 15 x 2 x 15/30 */
	assert_int_equal(l[1].from, D(2026, 4, 16));
	assert_int_equal(l[1].qty, 3);
	assert_int_equal(l[1].amount, 2250);	/* 15 x 3 x 15/30 */
	n = lines_for(D(2026, 1, 1), DATE_NONE, 1500, 2, ch, 2, 2026, 5, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].price, 1200);
	assert_int_equal(l[0].amount, 3600);
	/* A change before the start sets the starting values. */
	n = lines_for(D(2026, 4, 20), DATE_NONE, 1500, 2, ch, 2, 2026, 4, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].qty, 3);
	/* Two changes on one day: the last wins, no zero-day line. */
	{
		struct charge_change two[] = {
			{ D(2026, 4, 10), 1000, 1 },
			{ D(2026, 4, 10), 2000, 1 },
		};

		n = lines_for(D(2026, 4, 1), DATE_NONE, 3000, 1, two, 2, 2026,
		    4, l);
		assert_int_equal(n, 2);
		assert_int_equal(l[0].to, D(2026, 4, 9));
		assert_int_equal(l[1].price, 2000);
		assert_int_equal(l[1].days, 21);
	}
	/* A change after the end is ignored. */
	{
		struct charge_change late[] = { { D(2026, 4, 25), 9900, 9 } };

		n = lines_for(D(2026, 4, 1), D(2026, 4, 20), 3000, 1, late, 1,
		    2026, 4, l);
		assert_int_equal(n, 1);
		assert_int_equal(l[0].price, 3000);
		assert_int_equal(l[0].days, 19);
	}
}

static void
test_zero_price(void **state)
{
	struct charge_line	 l[16];
	size_t			 n;

	(void)state;
	n = lines_for(D(2026, 2, 3), DATE_NONE, 0, 1, NULL, 0, 2026, 2, l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].amount, 0);
}

static void
test_parse_values(void **state)
{
	int64_t	 p = 7, q = 9;
	int	 y, m;

	(void)state;
	assert_int_equal(charges_parse_values("service=Voice line\ncontract=X\n"
	    "price=14.00\nqty=3", &p, &q), 0);
	assert_int_equal(p, 1400);
	assert_int_equal(q, 3);
	p = 7;
	q = 9;
	assert_int_equal(charges_parse_values("qty=4", &p, &q), 0);
	assert_int_equal(p, 7);
	assert_int_equal(q, 4);
	assert_int_equal(charges_parse_values("price=abc", &p, &q), -1);
	assert_int_equal(charges_parse_values("qty=-1", &p, &q), -1);
	assert_int_equal(charges_month_parse("2026-02", &y, &m), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 2);
	assert_int_equal(charges_month_parse("2026-13", &y, &m), -1);
	assert_int_equal(charges_month_parse("2026-2", &y, &m), -1);
	assert_int_equal(charges_month_parse("1899-01", &y, &m), -1);
}

static void
test_csv(void **state)
{
	struct arena	*a = arena_new(4096);
	struct buf	 b;

	(void)state;
	buf_init(&b, a, 16);
	csv_text(&b, "Name", 1);
	csv_text(&b, "say \"hi\", ok", 0);
	csv_text(&b, "=SUM(A1)", 0);
	csv_text(&b, "+1", 0);
	csv_text(&b, "-x", 0);
	csv_text(&b, "@cmd", 0);
	csv_money(&b, -1250, 0);
	csv_int(&b, 3, 0);
	csv_end(&b);
	assert_string_equal(b.p, "\"Name\",\"say \"\"hi\"\", ok\",\"'=SUM(A1)\","
	    "\"'+1\",\"'-x\",\"'@cmd\",-12.50,3\r\n");
	arena_free(a);
}

/* Month to date: a line cut at the day, its amount what accrued by then. */
static void
test_line_until(void **state)
{
	struct charge_line	 l;
	int32_t			 d1 = date_from_ymd(2026, 2, 1);

	(void)state;
	/* 28.00 x 2 for all of February (28 days): 56.00. */
	l = (struct charge_line){ d1, d1 + 27, 28, 28, 2800, 2, 5600 };
	assert_int_equal(charges_line_until(&l, d1 + 15), 1);
	assert_int_equal(l.to, d1 + 15);
	assert_int_equal(l.days, 16);
	assert_int_equal(l.dim, 28);
	assert_int_equal(l.amount, 3200);	/* 2800 x 16 x 2 / 28 */
	/* Ends before the day: unchanged. */
	l = (struct charge_line){ d1, d1 + 4, 5, 28, 1000, 1, 179 };
	assert_int_equal(charges_line_until(&l, d1 + 15), 1);
	assert_int_equal(l.amount, 179);
	assert_int_equal(l.days, 5);
	/* Starts after the day: dropped. */
	l = (struct charge_line){ d1 + 20, d1 + 27, 8, 28, 1000, 1, 286 };
	assert_int_equal(charges_line_until(&l, d1 + 15), 0);
	/* Half-up on the cut line: 10.00 x 1 day / 28 = 0.357 -> 36. */
	l = (struct charge_line){ d1, d1 + 27, 28, 28, 1000, 1, 1000 };
	assert_int_equal(charges_line_until(&l, d1), 1);
	assert_int_equal(l.amount, 36);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prorate_rounding),
		cmocka_unit_test(test_month_lengths),
		cmocka_unit_test(test_first_and_last_day),
		cmocka_unit_test(test_same_day_and_future),
		cmocka_unit_test(test_mid_month_change),
		cmocka_unit_test(test_zero_price),
		cmocka_unit_test(test_parse_values),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_line_until),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
