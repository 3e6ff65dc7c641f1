/*
 * Unit tests for app/domain/ratecard.c: a rate card read (each kind, quoted
 * fields, prices in thousandths, comments and the header skipped, every
 * bad line named) and written (read back to the same items).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "domain/ratecard.h"

static struct arena	*A;

static int
setup(void **state)
{
	(void)state;
	A = arena_new(65536);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static void
readit(const char *s, struct ratecard *k)
{
	ratecard_read(A, s, strlen(s), k);
}

static void
test_good_card(void **state)
{
	struct ratecard	 k;

	(void)state;
	readit("\xef\xbb\xbfkind,item\r\n"
	    "# comment\n"
	    "\n"
	    "group,sat,\"Satellite, \"\"maritime\"\"\"\n"
	    "rate,tariff-payg,44,uk_landline,1.5,0.125,30,60,1\n"
	    "rate, tariff-payg ,,international,0,0,0,0,60\n"
	    "allowance,tariff-uk,uk_mobile,unlimited,total\n"
	    "allowance,tariff-uk,international,60,per_line\n"
	    "tier,bw-500,500,4.00", &k);
	assert_int_equal(k.nerrs, 0);
	assert_int_equal(k.ng, 1);
	assert_string_equal(k.g[0].code, "sat");
	assert_string_equal(k.g[0].name, "Satellite, \"maritime\"");
	assert_int_equal(k.gl[0], 4);
	assert_int_equal(k.nr, 2);
	assert_string_equal(k.r[0].tariff, "tariff-payg");
	assert_int_equal(k.r[0].per_minute, 1500);
	assert_int_equal(k.r[0].setup, 125);
	assert_int_equal(k.r[0].minimum, 30000);
	assert_int_equal(k.r[0].first, 60);
	assert_int_equal(k.r[0].step, 1);
	assert_string_equal(k.r[1].tariff, "tariff-payg");
	assert_string_equal(k.r[1].prefix, "");
	assert_int_equal(k.r[1].step, 60);
	assert_int_equal(k.rl[1], 6);
	assert_int_equal(k.nl, 2);
	assert_int_equal(k.l[0].minutes, -1);
	assert_false(k.l[0].per_line);
	assert_int_equal(k.l[1].minutes, 60);
	assert_true(k.l[1].per_line);
	assert_int_equal(k.nt, 1);
	assert_int_equal(k.t[0].mbps, 500);
	assert_int_equal(k.t[0].per_mbps, 400);
	assert_int_equal(k.tl[0], 9);
	assert_int_equal(ratecard_line_of(&k, "rate 2"), 6);
	assert_int_equal(ratecard_line_of(&k, "tier 1"), 9);
	assert_int_equal(ratecard_line_of(&k, "tier 2"), 0);
	assert_int_equal(ratecard_line_of(&k, NULL), 0);
}

static void
test_bad_lines(void **state)
{
	struct ratecard	 k;

	(void)state;
	readit("rate,t,44,g,1.2345,0,0,60,1\n"
	    "rate,t,44,g,1p,0,0,60,1\n"
	    "rate,t,44,g,1,0,0,sixty,1\n"
	    "allowance,t,g,lots,total\n"
	    "allowance,t,g,5,each\n"
	    "tier,b,100,5.001\n"
	    "group,\"open\n"
	    "kind,item\n"
	    "rate,t,44\n", &k);
	assert_int_equal(k.nerrs, 9);
	assert_string_equal(k.errs[0].text, "line 1: a price is a number of "
	    "pence (or cents) with at most three decimals, e.g. 1.5");
	assert_int_equal(k.errs[1].line, 2);
	assert_string_equal(k.errs[2].text, "line 3: the increments are "
	    "whole seconds");
	assert_string_equal(k.errs[3].text, "line 4: minutes are a whole "
	    "number or unlimited");
	assert_string_equal(k.errs[4].text, "line 5: the last field is "
	    "per_line or total");
	assert_int_equal(k.errs[5].line, 6);
	assert_string_equal(k.errs[6].text, "line 7: a quoted field is not "
	    "closed");
	/* A header is skipped on the first line only. */
	assert_string_equal(k.errs[7].text, "line 8: not an item: group (3 "
	    "fields), rate (9), allowance (5) or tier (4); this line has 2 "
	    "fields starting with \"kind\"");
	assert_int_equal(k.errs[8].line, 9);
	assert_int_equal(k.nr + k.nl + k.nt + k.ng, 0);
}

static void
test_write_reads_back(void **state)
{
	struct ratecard		 k, back;
	struct buf		 b;
	const char		*card = "group,uk,UK landline\n"
	    "group,x,\" spaced, \"\"quoted\"\" \"\n"
	    "rate,tp,,x,30,0,5,0,1\n"
	    "rate,tp,44,uk,1.5,0.001,0,60,1\n"
	    "allowance,tu,uk,unlimited,total\n"
	    "allowance,tu,x,60,per_line\n"
	    "tier,bw,1000,3.00\n";

	(void)state;
	readit(card, &k);
	assert_int_equal(k.nerrs, 0);
	buf_init(&b, A, 64);
	ratecard_write(&b, k.g, k.ng, k.r, k.nr, k.l, k.nl, k.t, k.nt);
	assert_string_equal(b.p, "kind,item\n"
	    "group,uk,UK landline\n"
	    "group,x,\" spaced, \"\"quoted\"\" \"\n"
	    "rate,tp,,x,30,0,5,0,1\n"
	    "rate,tp,44,uk,1.5,0.001,0,60,1\n"
	    "allowance,tu,uk,unlimited,total\n"
	    "allowance,tu,x,60,per_line\n"
	    "tier,bw,1000,3.00\n");
	readit(b.p, &back);
	assert_int_equal(back.nerrs, 0);
	assert_string_equal(back.g[1].name, " spaced, \"quoted\" ");
	assert_int_equal(back.r[1].setup, 1);
	assert_string_equal(ratecard_price(A, 2500), "2.5");
	assert_string_equal(ratecard_price(A, 30000), "30");
	assert_string_equal(ratecard_price(A, 1), "0.001");
	assert_string_equal(ratecard_price(A, 250125), "250.125");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_card),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_write_reads_back),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
