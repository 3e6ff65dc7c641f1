/*
 * test_ledger: the charge ledger (domain/ledger.c): how a change is
 * recorded so that no earlier day is rewritten, the lines of a month with
 * no fixed cap (1 000 changes), the same segments as the audit-log reading
 * of charges.c for random histories; when services that need a device
 * start (domain/svcstart.c); prices as operators type them (money.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/charges.h"
#include "domain/date.h"
#include "domain/ledger.h"
#include "domain/money.h"
#include "domain/svcstart.h"

#define D(y, m, d)	date_from_ymd((y), (m), (d))

/* Apply a change to rows (sorted, the last open): what the store does with
 * ledger_change's upserts. */
static size_t
apply(struct ledger_row *rows, size_t n, int32_t day, int64_t price,
    int64_t qty)
{
	struct ledger_row	 out[2];
	size_t			 k, i, j;

	k = ledger_change(n ? &rows[n - 1] : NULL, 7, day, price, qty, out);
	for (i = 0; i < k; i++) {
		for (j = 0; j < n && rows[j].from != out[i].from; j++)
			continue;
		rows[j] = out[i];
		if (j == n)
			n++;
	}
	return n;
}

static int64_t
month_total(const struct ledger_row *rows, size_t n, int32_t start,
    int32_t end, int y, int m)
{
	struct charge_line	*l = calloc(n + 1, sizeof(*l));
	size_t			 k, i;
	int64_t			 t = 0;

	k = ledger_month(start, end, rows, n, y, m, l);
	assert_true(k != (size_t)-1);
	for (i = 0; i < k; i++)
		t += l[i].amount;
	free(l);
	return t;
}

static void
test_change_never_rewrites_the_past(void **state)
{
	struct ledger_row	 rows[8];
	struct charge_line	 l[8];
	size_t			 n = 0, k;
	int64_t			 aug, sep;

	(void)state;
	/* 31.00 x 1 since 3 Aug; QTY 3 from 11 Oct. */
	n = apply(rows, n, D(2026, 8, 3), 3100, 1);
	assert_int_equal(n, 1);
	aug = month_total(rows, n, D(2026, 8, 3), DATE_NONE, 2026, 8);
	sep = month_total(rows, n, D(2026, 8, 3), DATE_NONE, 2026, 9);
	assert_int_equal(aug, 2900);
	assert_int_equal(sep, 3100);
	n = apply(rows, n, D(2026, 10, 11), 3100, 3);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].to, D(2026, 10, 11));
	assert_int_equal(rows[1].to, DATE_NONE);
	assert_int_equal(month_total(rows, n, D(2026, 8, 3), DATE_NONE, 2026,
	    8), aug);
	assert_int_equal(month_total(rows, n, D(2026, 8, 3), DATE_NONE, 2026,
	    9), sep);
	k = ledger_month(D(2026, 8, 3), DATE_NONE, rows, n, 2026, 10, l);
	assert_int_equal(k, 2);
	assert_int_equal(l[0].amount, 1000);
	assert_int_equal(l[1].amount, 6300);
	/* A second change the same day changes that day's row only. */
	n = apply(rows, n, D(2026, 10, 11), 4000, 2);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].price, 4000);
	assert_int_equal(rows[0].to, D(2026, 10, 11));
	/* A day set back (today before the row in force): changed in place,
	 * never a second open row. */
	n = apply(rows, n, D(2026, 10, 1), 5000, 1);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].from, D(2026, 10, 11));
	assert_int_equal(rows[1].price, 5000);
	assert_int_equal(ledger_check_rows(rows, n), 0);
}

static void
test_close(void **state)
{
	struct ledger_row	 open = { 1, D(2026, 9, 1), DATE_NONE, 3000, 1 };
	struct ledger_row	 c;
	struct charge_line	 l[2];

	(void)state;
	/* Removed on 30 Sep: charged through 29 Sep. */
	ledger_close(&open, D(2026, 9, 30), &c);
	assert_int_equal(c.to, D(2026, 9, 30));
	assert_int_equal(ledger_month(D(2026, 9, 1), D(2026, 9, 30), &c, 1,
	    2026, 9, l), 1);
	assert_int_equal(l[0].to, D(2026, 9, 29));
	assert_int_equal(l[0].amount, 2900);
	/* Removed the day its row opened: a row that holds no day. */
	ledger_close(&open, D(2026, 9, 1), &c);
	assert_int_equal(c.to, c.from);
	ledger_close(&open, D(2026, 8, 1), &c);
	assert_int_equal(c.to, c.from);
	assert_int_equal(ledger_check_rows(&c, 1), 0);
}

static void
test_window_clips(void **state)
{
	/* Set 10.00 on 1 Aug, 12.00 from 15 Aug; started 10 Aug, ended 20 Sep. */
	struct ledger_row	 rows[] = {
		{ 1, D(2026, 8, 1), D(2026, 8, 15), 1000, 1 },
		{ 1, D(2026, 8, 15), D(2026, 9, 20), 1200, 1 },
	};
	struct charge_line	 l[2];
	struct charge_seg	 s[2];

	(void)state;
	assert_int_equal(ledger_month(D(2026, 8, 10), D(2026, 9, 20), rows, 2,
	    2026, 8, l), 2);
	assert_int_equal(l[0].from, D(2026, 8, 10));
	assert_int_equal(l[0].to, D(2026, 8, 14));
	assert_int_equal(l[1].from, D(2026, 8, 15));
	assert_int_equal(l[1].to, D(2026, 8, 31));
	assert_int_equal(ledger_month(D(2026, 8, 10), D(2026, 9, 20), rows, 2,
	    2026, 9, l), 1);
	assert_int_equal(l[0].to, D(2026, 9, 19));
	assert_int_equal(ledger_month(D(2026, 8, 10), D(2026, 9, 20), rows, 2,
	    2026, 10, l), 0);
	/* Never started: nothing. */
	assert_int_equal(ledger_month(DATE_NONE, DATE_NONE, rows, 2, 2026, 8,
	    l), 0);
	assert_int_equal(ledger_segments(D(2026, 8, 16), DATE_NONE, rows, 2, s),
	    1);
	assert_int_equal(s[0].from, D(2026, 8, 16));
	assert_int_equal(s[0].to, D(2026, 9, 19));
	/* Not contiguous: found. */
	rows[1].from = D(2026, 8, 16);
	assert_int_equal(ledger_check_rows(rows, 2), 1);
}

static void
test_thousand_changes(void **state)
{
	struct ledger_row	*rows;
	struct charge_line	*l;
	size_t			 n = 0, k, i, lines = 0;
	int32_t			 d0 = D(2023, 5, 1), d;
	int64_t			 total = 0, want = 0, a;
	int			 y, m, dd;

	(void)state;
	rows = calloc(1001, sizeof(*rows));
	l = calloc(1001, sizeof(*l));
	for (i = 0; i < 1000; i++)
		n = apply(rows, n, d0 + (int32_t)i, 1000 + (int64_t)i, 1);
	assert_int_equal(n, 1000);
	assert_int_equal(ledger_check_rows(rows, n), 0);
	/* Every day of every month from May 2023 to the last change, each in
	 * its own line: nothing dropped. */
	for (d = d0; d < d0 + 1000; ) {
		date_to_ymd(d, &y, &m, &dd);
		k = ledger_month(d0, DATE_NONE, rows, n, y, m, l);
		assert_true(k != (size_t)-1 && k > 0);
		for (i = 0; i < k; i++) {
			total += l[i].amount;
			lines++;
		}
		d = D(y, m, 1) + date_days_in_month(y, m);
	}
	for (i = 0; i < 999; i++) {
		date_to_ymd(d0 + (int32_t)i, &y, &m, &dd);
		assert_int_equal(charges_prorate(1000 + (int64_t)i, 1, 1,
		    date_days_in_month(y, m), &a), 0);
		want += a;
	}
	/* The last price, from its day to its month's end. */
	date_to_ymd(d0 + 999, &y, &m, &dd);
	assert_int_equal(charges_prorate(1999, 1, date_days_in_month(y, m) -
	    dd + 1, date_days_in_month(y, m), &a), 0);
	want += a;
	assert_int_equal(lines, 1000);
	assert_int_equal(total, want);
	free(rows);
	free(l);
}

/* Random histories: the ledger's segments equal charges_segments' reading
 * of the same changes (what the audit log held), so both charge the same. */
static void
test_same_as_audit_reading(void **state)
{
	struct ledger_row	 rows[64];
	struct charge_change	 ch[64];
	struct charge_seg	 a[80], b[80];
	size_t			 n, nch, na, nb, i, round;
	int32_t			 day, first, start, end, base = D(2026, 1, 1);
	int64_t			 p0, q0;

	(void)state;
	srand(24);
	for (round = 0; round < 2000; round++) {
		p0 = rand() % 5000;
		q0 = 1 + rand() % 5;
		first = day = base + rand() % 30;
		n = apply(rows, 0, day, p0, q0);
		nch = 0;
		for (i = 0; i < (size_t)(rand() % 40); i++) {
			day += rand() % 4;	/* several on one day at times */
			ch[nch].day = day;
			ch[nch].price = rand() % 5000;
			ch[nch].qty = 1 + rand() % 5;
			n = apply(rows, n, day, ch[nch].price, ch[nch].qty);
			nch++;
		}
		/* A service starts on or after the day it was added. */
		start = first + rand() % 90;
		end = rand() % 3 == 0 ? DATE_NONE : start + rand() % 90;
		if (end != DATE_NONE && rows[n - 1].from < end) {
			struct ledger_row c;

			ledger_close(&rows[n - 1], end, &c);
			rows[n - 1] = c;
		}
		assert_int_equal(ledger_check_rows(rows, n), 0);
		na = charges_segments(start, end, p0, q0, ch, nch, a, 80);
		nb = ledger_segments(start, end, rows, n, b);
		assert_int_equal(na, nb);
		for (i = 0; i < na; i++) {
			assert_int_equal(a[i].from, b[i].from);
			assert_int_equal(a[i].to, b[i].to);
			assert_int_equal(a[i].price, b[i].price);
			assert_int_equal(a[i].qty, b[i].qty);
		}
	}
}

static void
test_svcstart(void **state)
{
	struct svcstart_item	 w[3];

	(void)state;
	/* One active port, held by the removed service no more: the new
	 * internet starts on it. */
	w[0].ports = 1;
	assert_int_equal(svcstart_on_ports(1, 0, w, 1), 1);
	assert_true(w[0].start);
	/* Held by the old one, still there: it waits. */
	assert_int_equal(svcstart_on_ports(1, 1, w, 1), 0);
	assert_false(w[0].start);
	/* Public IP (2 ports) does not fit in one free port; the LAN after it
	 * does. */
	w[0].ports = 2;
	w[1].ports = 1;
	w[2].ports = 0;
	assert_int_equal(svcstart_on_ports(2, 1, w, 3), 1);
	assert_false(w[0].start);
	assert_true(w[1].start);
	assert_false(w[2].start);
	assert_int_equal(svcstart_on_ports(3, 0, w, 3), 2);
	assert_true(w[0].start && w[1].start);
	assert_int_equal(svcstart_day(D(2026, 9, 16), D(2026, 8, 3)),
	    D(2026, 9, 16));
	assert_int_equal(svcstart_day(D(2026, 7, 1), D(2026, 8, 3)),
	    D(2026, 8, 3));
	assert_int_equal(svcstart_day(DATE_NONE, D(2026, 8, 3)), D(2026, 8, 3));
}

static void
test_price_input(void **state)
{
	int64_t	 v;

	(void)state;
	assert_int_equal(money_parse_price("£5.00", "GBP", &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(money_parse_price(" £ 1,250.00 ", "GBP", &v), 0);
	assert_int_equal(v, 125000);
	assert_int_equal(money_parse_price("1,250", "GBP", &v), 0);
	assert_int_equal(v, 125000);
	assert_int_equal(money_parse_price("GBP 7.5", "GBP", &v), 0);
	assert_int_equal(v, 750);
	assert_int_equal(money_parse_price("€9.99", "EUR", &v), 0);
	assert_int_equal(v, 999);
	assert_int_equal(money_parse_price("$5", "USD", &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(money_parse_price("12.50", NULL, &v), 0);
	assert_int_equal(v, 1250);
	assert_int_equal(money_parse_price("$5.00", "GBP", &v), -1);
	assert_int_equal(money_parse_price("€5.00", "GBP", &v), -1);
	assert_int_equal(money_parse_price("£", "GBP", &v), -1);
	assert_int_equal(money_parse_price("££5", "GBP", &v), -1);
	assert_int_equal(money_parse_price("£-5", "GBP", &v), -1);
	assert_int_equal(money_parse_price("5£", "GBP", &v), -1);
	assert_int_equal(money_parse_price("£5", "XYZ", &v), -1);
	assert_int_equal(money_parse_price("XYZ 5", "XYZ", &v), 0);
	assert_int_equal(money_parse_price("", "GBP", &v), -1);
	assert_int_equal(money_parse_price(NULL, "GBP", &v), -1);
	assert_string_equal(money_symbol("GBP"), "£");
	assert_null(money_symbol("XYZ"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_change_never_rewrites_the_past),
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_window_clips),
		cmocka_unit_test(test_thousand_changes),
		cmocka_unit_test(test_same_as_audit_reading),
		cmocka_unit_test(test_svcstart),
		cmocka_unit_test(test_price_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
