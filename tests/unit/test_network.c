/*
 * Unit tests for app/domain/network.c: floor-port label patterns, switch
 * port ranges, duplicates, and IPv4 pools in CIDR split into /29 blocks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/network.h"

static void
test_pattern(void **state)
{
	struct net_pattern	 p;
	const char		*why;
	char			 l[64];

	(void)state;
	assert_int_equal(net_pattern_parse("CW-3-{01..48}", &p, &why), 1);
	assert_null(why);
	assert_int_equal(net_pattern_count(&p), 48);
	net_pattern_label(&p, 0, l, sizeof(l));
	assert_string_equal(l, "CW-3-01");
	net_pattern_label(&p, 8, l, sizeof(l));
	assert_string_equal(l, "CW-3-09");
	net_pattern_label(&p, 47, l, sizeof(l));
	assert_string_equal(l, "CW-3-48");
	/* No leading zero: no padding. */
	assert_int_equal(net_pattern_parse("P{8..10}-A", &p, &why), 1);
	net_pattern_label(&p, 0, l, sizeof(l));
	assert_string_equal(l, "P8-A");
	net_pattern_label(&p, 2, l, sizeof(l));
	assert_string_equal(l, "P10-A");
	/* Padding to the width of the first number, kept past it. */
	assert_int_equal(net_pattern_parse("X{001..120}", &p, &why), 1);
	net_pattern_label(&p, 0, l, sizeof(l));
	assert_string_equal(l, "X001");
	net_pattern_label(&p, 119, l, sizeof(l));
	assert_string_equal(l, "X120");
}

static void
test_pattern_refused(void **state)
{
	struct net_pattern	 p;
	const char		*why;

	(void)state;
	assert_int_equal(net_pattern_parse("CW-3-01", &p, &why), 0);
	assert_non_null(strstr(why, "{first..last}"));
	assert_int_equal(net_pattern_parse("CW-{1..2}-{1..2}", &p, &why), 0);
	assert_int_equal(net_pattern_parse("CW-{1.2}", &p, &why), 0);
	assert_int_equal(net_pattern_parse("CW-{a..b}", &p, &why), 0);
	assert_int_equal(net_pattern_parse("CW-{1..}", &p, &why), 0);
	assert_int_equal(net_pattern_parse("CW-{1..4", &p, &why), 0);
	assert_int_equal(net_pattern_parse(NULL, &p, &why), 0);
	assert_int_equal(net_pattern_parse("CW 3-{1..4}", &p, &why), 0);
	assert_non_null(strstr(why, "letters, digits"));
	assert_int_equal(net_pattern_parse("CW-{48..01}", &p, &why), 0);
	assert_non_null(strstr(why, "must not come before"));
	assert_int_equal(net_pattern_parse("CW-{1..257}", &p, &why), 0);
	assert_non_null(strstr(why, "at most 256"));
	assert_int_equal(net_pattern_parse("CW-{1..256}", &p, &why), 1);
	assert_int_equal(net_pattern_parse("CW-{1..99999}", &p, &why), 0);
	assert_int_equal(net_pattern_parse(
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ-1234{1..100}", &p, &why), 0);
	assert_non_null(strstr(why, "at most 32"));
}

static void
test_port_range(void **state)
{
	int		 a, b;
	const char	*why;

	(void)state;
	assert_int_equal(net_port_range("1-48", &a, &b, &why), 1);
	assert_true(a == 1 && b == 48);
	assert_int_equal(net_port_range("1..48", &a, &b, &why), 1);
	assert_true(a == 1 && b == 48);
	assert_int_equal(net_port_range("7", &a, &b, &why), 1);
	assert_true(a == 7 && b == 7);
	assert_int_equal(net_port_range("0-4", &a, &b, &why), 0);
	assert_int_equal(net_port_range("4-1", &a, &b, &why), 0);
	assert_non_null(strstr(why, "must not come before"));
	assert_int_equal(net_port_range("1-", &a, &b, &why), 0);
	assert_int_equal(net_port_range("1.48", &a, &b, &why), 0);
	assert_int_equal(net_port_range("1-48x", &a, &b, &why), 0);
	assert_int_equal(net_port_range("", &a, &b, &why), 0);
	assert_int_equal(net_port_range("1-10000", &a, &b, &why), 0);
}

static void
test_plan(void **state)
{
	struct net_pattern	 p;
	const char		*wp, *wr;
	int			 first;

	(void)state;
	assert_int_equal(net_ports_plan("CW-3-{01..48}", "1-48", &p, &first,
	    &wp, &wr), 1);
	assert_int_equal(first, 1);
	assert_int_equal(net_ports_plan("CW-3-{01..48}", "1-47", &p, &first,
	    &wp, &wr), 0);
	assert_null(wp);
	assert_non_null(strstr(wr, "count the same number"));
	assert_int_equal(net_ports_plan("CW-3-{01..", "x", &p, &first, &wp,
	    &wr), 0);
	assert_non_null(wp);
	assert_non_null(wr);
}

static void
test_duplicate(void **state)
{
	const char *const	 a[] = { "A-1", "A-2", "A-3" };
	const char *const	 b[] = { "A-1", "A-2", "A-1", "A-2" };

	(void)state;
	assert_int_equal(net_first_duplicate(a, 3), -1);
	assert_int_equal(net_first_duplicate(b, 4), 2);
	assert_int_equal(net_first_duplicate(b, 0), -1);
}

static void
test_port_row(void **state)
{
	char			 a[][16] = { "CW-3-01", "sw-cw-3", "1",
	    "occupier_lan", "Office 3.1" };
	char			*f[5];
	struct net_port_row	 row;
	const char		*why;
	int			 i;

	(void)state;
	for (i = 0; i < 5; i++)
		f[i] = a[i];
	assert_int_equal(net_port_row(f, 5, &row, &why), 1);
	assert_string_equal(row.label, "CW-3-01");
	assert_int_equal(row.port, 1);
	assert_string_equal(row.space, "Office 3.1");
	assert_int_equal(net_port_row(f, 4, &row, &why), 1);
	assert_string_equal(row.space, "");
	a[3][0] = '\0';
	assert_int_equal(net_port_row(f, 5, &row, &why), 1);
	assert_string_equal(row.role, "disabled");
	assert_int_equal(net_port_row(f, 3, &row, &why), 0);
	assert_non_null(strstr(why, "5 fields"));
	a[3][0] = 'x';
	assert_int_equal(net_port_row(f, 5, &row, &why), 0);
	assert_non_null(strstr(why, "Role"));
	a[3][0] = '\0';
	a[2][0] = '0';
	assert_int_equal(net_port_row(f, 5, &row, &why), 0);
	assert_non_null(strstr(why, "Port"));
	a[2][0] = '1';
	a[0][2] = ' ';
	assert_int_equal(net_port_row(f, 5, &row, &why), 0);
	assert_non_null(strstr(why, "Label"));
}

static void
test_cidr(void **state)
{
	struct net_cidr	 c, b, d;
	const char	*why;
	char		 s[32];

	(void)state;
	assert_int_equal(net_cidr_parse("203.0.113.0/24", &c, &why), 1);
	assert_int_equal(c.prefix, 24);
	assert_true(net_cidr_last(&c) == (203u << 24 | 113u << 8 | 255u));
	assert_int_equal(net_cidr_nblocks(&c, NET_SELL_PREFIX), 32);
	b = net_cidr_block(&c, NET_SELL_PREFIX, 0);
	net_cidr_format(&b, s, sizeof(s));
	assert_string_equal(s, "203.0.113.0/29");
	b = net_cidr_block(&c, NET_SELL_PREFIX, 31);
	net_cidr_format(&b, s, sizeof(s));
	assert_string_equal(s, "203.0.113.248/29");
	assert_int_equal(net_cidr_parse("198.51.100.8/29", &d, &why), 1);
	assert_int_equal(net_cidr_nblocks(&d, NET_SELL_PREFIX), 1);
	assert_int_equal(net_cidr_parse("10.0.0.0/22", &d, &why), 1);
	assert_int_equal(net_cidr_nblocks(&d, NET_SELL_PREFIX), 128);
	b = net_cidr_block(&d, NET_SELL_PREFIX, 127);
	net_cidr_format(&b, s, sizeof(s));
	assert_string_equal(s, "10.0.3.248/29");
}

static void
test_cidr_refused(void **state)
{
	struct net_cidr	 c;
	const char	*why;

	(void)state;
	assert_int_equal(net_cidr_parse("203.0.113.1/24", &c, &why), 0);
	assert_non_null(strstr(why, "network address"));
	assert_int_equal(net_cidr_parse("203.0.113.8/28", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.16/28", &c, &why), 1);
	assert_int_equal(net_cidr_parse("203.0.113.0/30", &c, &why), 0);
	assert_non_null(strstr(why, "/22 to a /29"));
	assert_int_equal(net_cidr_parse("10.0.0.0/21", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.0", &c, &why), 0);
	assert_non_null(strstr(why, "CIDR"));
	assert_int_equal(net_cidr_parse("203.0.113/24", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.256/24", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.0/024", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.0/24 ", &c, &why), 0);
	assert_int_equal(net_cidr_parse("203.0.113.0/", &c, &why), 0);
	assert_int_equal(net_cidr_parse("2001:db8::/48", &c, &why), 0);
	assert_int_equal(net_cidr_parse(NULL, &c, &why), 0);
}

static void
test_overlap(void **state)
{
	struct net_cidr	 a, b;
	const char	*why;

	(void)state;
	assert_int_equal(net_cidr_parse("203.0.113.0/24", &a, &why), 1);
	assert_int_equal(net_cidr_parse("203.0.113.64/29", &b, &why), 1);
	assert_int_equal(net_cidr_overlap(&a, &b), 1);
	assert_int_equal(net_cidr_overlap(&b, &a), 1);
	assert_int_equal(net_cidr_parse("203.0.114.0/24", &b, &why), 1);
	assert_int_equal(net_cidr_overlap(&a, &b), 0);
	assert_int_equal(net_cidr_parse("203.0.112.248/29", &b, &why), 1);
	assert_int_equal(net_cidr_overlap(&a, &b), 0);
	assert_int_equal(net_cidr_overlap(&a, &a), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pattern),
		cmocka_unit_test(test_pattern_refused),
		cmocka_unit_test(test_port_range),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_port_row),
		cmocka_unit_test(test_cidr),
		cmocka_unit_test(test_cidr_refused),
		cmocka_unit_test(test_overlap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
