/*
 * Unit tests of the readable history (app/domain/history.c) and of money
 * on screen (money_format_cur in money.c). Every expectation is an exact
 * value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/history.h"
#include "domain/money.h"

static struct arena *A;

static int
setup(void **state)
{
	(void)state;
	A = arena_new(4096);
	return A == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

/* The lines of a view as text, joined with " | ". */
static const char *
lines(const struct hist_view *v)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < v->n; i++)
		s = arena_printf(A, "%s%s%s", s, i ? " | " : "",
		    history_line_text(A, &v->lines[i]));
	return s;
}

/* ---- money on screen ---------------------------------------------------- */

static void
test_money_cur(void **state)
{
	static const struct {
		int64_t		 v;
		const char	*cur, *want;
	} t[] = {
		{ 123456, "GBP", "\xc2\xa3" "1,234.56" },
		{ -123456, "GBP", "-\xc2\xa3" "1,234.56" },
		{ 0, "GBP", "\xc2\xa3" "0.00" },
		{ 5, "GBP", "\xc2\xa3" "0.05" },
		{ -5, "GBP", "-\xc2\xa3" "0.05" },
		{ 100000000, "GBP", "\xc2\xa3" "1,000,000.00" },
		{ 99999999999, "GBP", "\xc2\xa3" "999,999,999.99" },
		{ 1050, "EUR", "\xe2\x82\xac" "10.50" },
		{ 1050, "USD", "$10.50" },
		{ 1050, "CHF", "CHF 10.50" },
		{ -1050, "CHF", "-CHF 10.50" },
		{ 1050, "XYZ", "XYZ 10.50" },
		{ 123456, NULL, "1,234.56" },
		{ 123456, "", "1,234.56" },
	};
	char	 b[MONEY_STRLEN + 8];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		money_format_cur(t[i].v, t[i].cur, b, sizeof(b));
		assert_string_equal(b, t[i].want);
	}
	/* Bounded like snprintf. */
	money_format_cur(123456, "GBP", b, 5);
	assert_string_equal(b, "\xc2\xa3" "1,");
	money_format_cur(123456, "GBP", b, 1);
	assert_string_equal(b, "");
}

/* ---- parsing ------------------------------------------------------------ */

static void
test_parse_lines(void **state)
{
	struct hist_kv	*kv;
	size_t		 n;

	(void)state;
	n = history_parse(A, "service=Voice line\ncontract=C-1\nprice=12.50\n"
	    "qty=2", &kv);
	assert_int_equal(n, 4);
	assert_string_equal(kv[0].key, "service");
	assert_string_equal(kv[0].value, "Voice line");
	assert_string_equal(kv[3].key, "qty");
	assert_string_equal(kv[3].value, "2");
	/* A value with newlines (notes) carries on; '=' inside a value. */
	n = history_parse(A, "name=Acme\nnotes=line one\nsecond: a=b\n"
	    "contact_email=x@y", &kv);
	assert_int_equal(n, 3);
	assert_string_equal(kv[1].value, "line one\nsecond: a=b");
	assert_string_equal(kv[2].key, "contact_email");
	/* Keys with spaces (the move-out's counts), empty values. */
	n = history_parse(A, "services ended=3\nlabel=", &kv);
	assert_int_equal(n, 2);
	assert_string_equal(kv[0].key, "services ended");
	assert_string_equal(kv[1].value, "");
	/* Free text without a key. */
	n = history_parse(A, "reset link e-mailed", &kv);
	assert_int_equal(n, 1);
	assert_string_equal(kv[0].key, "");
	assert_string_equal(kv[0].value, "reset link e-mailed");
	assert_int_equal(history_parse(A, NULL, &kv), 0);
	assert_int_equal(history_parse(A, "", &kv), 0);
}

/* ---- labels ------------------------------------------------------------- */

static void
test_labels(void **state)
{
	(void)state;
	assert_string_equal(history_label("occupier_service", "price"),
	    "Price");
	assert_string_equal(history_label("occupier_service", "qty"),
	    "Quantity");
	assert_string_equal(history_label("contract", "end_date"),
	    "Contract end");
	assert_string_equal(history_label("contract", "start_date"),
	    "Contract start");
	assert_string_equal(history_label("occupier_service", "start_date"),
	    "Start date");
	assert_string_equal(history_label("occupier", "billing_ref"),
	    "Billing reference");
	assert_string_equal(history_label("phone_number", "available_again"),
	    "Available again");
	assert_string_equal(history_label("invoice", "gross"), "Total");
	assert_string_equal(history_label("contract", "end"), "Contract end");
	assert_string_equal(history_label("contract", "services ended"),
	    "Services ended");
	/* Unknown: verbatim. */
	assert_string_equal(history_label("contract", "wibble_x"),
	    "wibble_x");
}

/* ---- views -------------------------------------------------------------- */

static void
test_update_only_changes(void **state)
{
	struct hist_view	 v;

	(void)state;
	assert_int_equal(history_view(A, "occupier_service",
	    "service=Voice line\ncontract=NW-1\nprice=10.00\nqty=2",
	    "service=Voice line\ncontract=NW-1\nprice=12.00\nqty=2", "GBP",
	    &v), 0);
	assert_string_equal(v.subject, "Voice line");
	assert_int_equal(v.n, 1);
	assert_string_equal(lines(&v),
	    "Price: \xc2\xa3" "10.00 \xe2\x86\x92 \xc2\xa3" "12.00");
	assert_int_equal(history_view(A, "occupier_service",
	    "service=Voice line\ncontract=NW-1\nprice=1234.50\nqty=2",
	    "service=Voice line\ncontract=NW-1\nprice=1234.50\nqty=4", "GBP",
	    &v), 0);
	assert_string_equal(lines(&v), "Quantity: 2 \xe2\x86\x92 4");
	/* Nothing changed: no line. */
	assert_int_equal(history_view(A, "occupier", "name=A", "name=A",
	    "GBP", &v), 0);
	assert_int_equal(v.n, 0);
}

static void
test_contract_dates(void **state)
{
	struct hist_view	 v;

	(void)state;
	assert_int_equal(history_view(A, "contract",
	    "reference=NW-7\nstart_date=2026-01-01\nend_date=2026-12-31",
	    "reference=NW-7\nstart_date=2026-01-01\nend_date=2027-06-30",
	    "GBP", &v), 0);
	assert_string_equal(v.subject, "NW-7");
	assert_string_equal(lines(&v),
	    "Contract end: 31 Dec 2026 \xe2\x86\x92 30 Jun 2027");
	/* A renamed contract: the reference is a change and the subject is
	 * the new one. */
	assert_int_equal(history_view(A, "contract",
	    "reference=NW-7\nstart_date=2026-01-01\nend_date=2026-12-31",
	    "reference=NW-8\nstart_date=2026-01-01\nend_date=2026-12-31",
	    "GBP", &v), 0);
	assert_string_equal(v.subject, "NW-8");
	assert_string_equal(lines(&v), "Reference: NW-7 \xe2\x86\x92 NW-8");
}

static void
test_create_and_remove(void **state)
{
	struct hist_view	 v;

	(void)state;
	assert_int_equal(history_view(A, "occupier_service", NULL,
	    "service=Internet\ncontract=NW-1\nprice=1500.00\nqty=1", "GBP",
	    &v), 0);
	assert_string_equal(v.subject, "Internet");
	assert_string_equal(lines(&v), "Service: Internet | Contract: NW-1 | "
	    "Price: \xc2\xa3" "1,500.00 | Quantity: 1");
	assert_null(v.lines[0].old);
	assert_int_equal(history_view(A, "occupier_service",
	    "service=Internet\ncontract=NW-1\nprice=0.00\nqty=1", "", "GBP",
	    &v), 0);
	assert_string_equal(lines(&v), "Service: Internet | Contract: NW-1 | "
	    "Price: \xc2\xa3" "0.00 | Quantity: 1");
	assert_null(v.lines[0].new);
	/* Minor units (invoices). */
	assert_int_equal(history_view(A, "invoice", NULL,
	    "number=INV-0001\ngross=-123456", "GBP", &v), 0);
	assert_string_equal(lines(&v), "Number: INV-0001 | "
	    "Total: -\xc2\xa3" "1,234.56");
}

static void
test_unknown_and_appearing_keys(void **state)
{
	struct hist_view	 v;

	(void)state;
	/* A key that appears, one that disappears, an unknown one; values
	 * kept verbatim (markup is the page's to escape). */
	assert_int_equal(history_view(A, "phone_number",
	    "number=+44 20 7946 0202\nstate=active\nmain=yes",
	    "number=+44 20 7946 0202\nstate=cooling-off\n"
	    "available_again=2027-03-04\nx-ray=<b>1</b>", "GBP", &v), 0);
	assert_string_equal(v.subject, "+44 20 7946 0202");
	assert_string_equal(lines(&v),
	    "State: active \xe2\x86\x92 cooling-off | "
	    "Available again: \xe2\x80\x94 \xe2\x86\x92 4 Mar 2027 | "
	    "x-ray: \xe2\x80\x94 \xe2\x86\x92 <b>1</b> | "
	    "Main number: yes \xe2\x86\x92 \xe2\x80\x94");
	/* "x<b>" is not a key: the line carries on the value before it, and
	 * a date that is not one is shown as it is. */
	assert_int_equal(history_view(A, "phone_number", NULL,
	    "available_again=2027-03-04\nx<b>=1", "GBP", &v), 0);
	assert_int_equal(v.n, 1);
	assert_string_equal(v.lines[0].new, "2027-03-04\nx<b>=1");
	assert_int_equal(history_view(A, "widget", NULL,
	    "colour=<red>\nprice=abc", "GBP", &v), 0);
	assert_string_equal(lines(&v), "colour: <red> | Price: abc");
	/* Empty values: left out of a creation, "—" in an update. */
	assert_int_equal(history_view(A, "occupier", NULL,
	    "name=Acme\nbilling_ref=\nnotes=", "GBP", &v), 0);
	assert_string_equal(lines(&v), "Name: Acme");
	assert_int_equal(history_view(A, "contract",
	    "reference=R\nstart_date=2026-01-01\nend_date=",
	    "reference=R\nstart_date=2026-01-01\nend_date=2027-12-31", "GBP",
	    &v), 0);
	assert_string_equal(lines(&v),
	    "Contract end: \xe2\x80\x94 \xe2\x86\x92 31 Dec 2027");
	/* Free text. */
	assert_int_equal(history_view(A, "user", NULL, "reset link e-mailed",
	    NULL, &v), 0);
	assert_string_equal(lines(&v), "Value: reset link e-mailed");
	/* No currency: no symbol. */
	assert_int_equal(history_view(A, "occupier_service", "price=1000.00",
	    "price=2000.00", NULL, &v), 0);
	assert_string_equal(lines(&v), "Price: 1,000.00 \xe2\x86\x92 2,000.00");
}

static void
test_local_time(void **state)
{
	/* 2026-02-16 12:34:56 UTC and 2026-07-01 09:05:00 UTC. */
	const int64_t	 t[] = { 1771245296, 1782896700 };
	struct tm	 tm[2];
	char		 b[40];
	const char	*before;

	(void)state;
	setenv("TZ", "Europe/London", 1);
	assert_int_equal(history_local(t, 2, "Asia/Tokyo", tm), 0);
	history_when(&tm[0], b, sizeof(b));
	assert_string_equal(b, "16 Feb 2026, 21:34");
	history_when(&tm[1], b, sizeof(b));
	assert_string_equal(b, "1 Jul 2026, 18:05");
	/* The process's zone is back. */
	before = getenv("TZ");
	assert_string_equal(before, "Europe/London");
	assert_int_equal(history_local(t, 2, NULL, tm), 0);
	history_when(&tm[1], b, sizeof(b));
	assert_string_equal(b, "1 Jul 2026, 10:05");	/* BST */
	assert_int_equal(history_local(t, 1, "America/New_York", tm), 0);
	history_when(&tm[0], b, sizeof(b));
	assert_string_equal(b, "16 Feb 2026, 07:34");
	/* A short buffer: the day only. */
	history_when(&tm[0], b, 12);
	assert_string_equal(b, "16 Feb 2026");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_cur),
		cmocka_unit_test(test_parse_lines),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_update_only_changes),
		cmocka_unit_test(test_contract_dates),
		cmocka_unit_test(test_create_and_remove),
		cmocka_unit_test(test_unknown_and_appearing_keys),
		cmocka_unit_test(test_local_time),
	};

	return cmocka_run_group_tests_name("history", tests, setup, teardown);
}
