/*
 * Unit tests for app/domain/net6.c: IPv6 pools in CIDR, delegation
 * sizes, the n-th delegated prefix in canonical form, overlaps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/net6.h"

static void
test_parse(void **state)
{
	struct net6	 p;
	const char	*why = NULL;
	char		 s[NET6_STRLEN];

	(void)state;
	assert_int_equal(net6_pool_parse("2001:DB8:100::/48", &p, &why), 1);
	assert_int_equal(p.len, 48);
	net6_format(&p, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100::/48");
	assert_int_equal(net6_pool_parse("2001:0db8:0000:0000::/32", &p, &why),
	    1);
	net6_format(&p, s, sizeof(s));
	assert_string_equal(s, "2001:db8::/32");
	assert_int_equal(net6_pool_parse("2001:db8:0:10::/60", &p, &why), 1);
}

static void
test_refused(void **state)
{
	static const char *const bad[] = { "", "2001:db8::", "2001:db8::/",
	    "2001:db8::/x", "2001:db8::/48x", "2001:db8:::/48", "10.0.0.0/48",
	    "/48", "2001:db8::/-1", "2001:db8::/00048" };
	struct net6	 p;
	const char	*why;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		assert_int_equal(net6_pool_parse(bad[i], &p, &why), 0);
		assert_non_null(why);
	}
	assert_int_equal(net6_pool_parse("2001:db8::/31", &p, &why), 0);
	assert_string_equal(why, "A pool is a /32 to a /60");
	assert_int_equal(net6_pool_parse("2001:db8::/61", &p, &why), 0);
	assert_string_equal(why, "A pool is a /32 to a /60");
	assert_int_equal(net6_pool_parse("2001:db8:100::1/48", &p, &why), 0);
	assert_non_null(strstr(why, "Host bits"));
	/* The last bit of the prefix is a network bit, the next a host bit. */
	assert_int_equal(net6_pool_parse("2001:db8:1::/48", &p, &why), 1);
	assert_int_equal(net6_pool_parse("2001:db8:0:8000::/48", &p, &why), 0);
	assert_int_equal(net6_pool_parse(NULL, &p, &why), 0);
}

static void
test_delegation(void **state)
{
	struct net6	 p;
	const char	*why;

	(void)state;
	assert_int_equal(net6_pool_parse("2001:db8:100::/48", &p, &why), 1);
	assert_int_equal(net6_delegation_ok(&p, 56, &why), 1);
	assert_int_equal(net6_delegation_ok(&p, 64, &why), 1);
	assert_int_equal(net6_delegation_ok(&p, 60, &why), 0);
	assert_int_equal(net6_count(&p, 56), 256);
	assert_int_equal(net6_count(&p, 64), 65536);
	assert_int_equal(net6_pool_parse("2001:db8:0:100::/56", &p, &why), 1);
	assert_int_equal(net6_delegation_ok(&p, 56, &why), 0);
	assert_string_equal(why, "The delegated prefixes must be longer than "
	    "the pool");
	assert_int_equal(net6_count(&p, 56), 0);
	assert_int_equal(net6_count(&p, 64), 256);
	assert_int_equal(net6_pool_parse("2001:db8::/32", &p, &why), 1);
	assert_int_equal(net6_count(&p, 64), (uint64_t)1 << 32);
}

static void
test_nth(void **state)
{
	struct net6	 p, d;
	const char	*why;
	char		 s[NET6_STRLEN];

	(void)state;
	assert_int_equal(net6_pool_parse("2001:db8:100::/48", &p, &why), 1);
	d = net6_nth(&p, 64, 0);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100::/64");
	d = net6_nth(&p, 64, 1);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100:1::/64");
	d = net6_nth(&p, 64, 65535);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100:ffff::/64");
	d = net6_nth(&p, 56, 1);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100:100::/56");
	d = net6_nth(&p, 56, 255);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:100:ff00::/56");
	assert_int_equal(net6_overlap(&p, &d), 1);
	/* RFC 5952: the longest run of zeros is the one compressed. */
	assert_int_equal(net6_pool_parse("2001:0:0:10::/60", &p, &why), 1);
	d = net6_nth(&p, 64, 0);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:0:0:10::/64");
	/* A /32 pool of /64s: the index spans 32 bits. */
	assert_int_equal(net6_pool_parse("2001:db8::/32", &p, &why), 1);
	d = net6_nth(&p, 64, 0xffffffffu);
	net6_format(&d, s, sizeof(s));
	assert_string_equal(s, "2001:db8:ffff:ffff::/64");
}

static void
test_overlap(void **state)
{
	struct net6	 a, b;
	const char	*why;

	(void)state;
	assert_int_equal(net6_pool_parse("2001:db8:100::/48", &a, &why), 1);
	assert_int_equal(net6_pool_parse("2001:db8::/32", &b, &why), 1);
	assert_int_equal(net6_overlap(&a, &b), 1);
	assert_int_equal(net6_overlap(&b, &a), 1);
	assert_int_equal(net6_overlap(&a, &a), 1);
	assert_int_equal(net6_pool_parse("2001:db8:101::/48", &b, &why), 1);
	assert_int_equal(net6_overlap(&a, &b), 0);
	assert_int_equal(net6_pool_parse("2001:db8:100:ff0::/60", &b, &why), 1);
	assert_int_equal(net6_overlap(&a, &b), 1);
	assert_int_equal(net6_pool_parse("2001:db9::/32", &b, &why), 1);
	assert_int_equal(net6_overlap(&a, &b), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_delegation),
		cmocka_unit_test(test_nth),
		cmocka_unit_test(test_overlap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
