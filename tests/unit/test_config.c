/*
 * Unit tests for configuration (app/config.c): the TENANTRY_DB_HOST list a
 * worker fails over along (one server, several, host:port, [IPv6]:port,
 * blanks, and what is refused), and config_load reading it from the
 * environment. config.c is compiled in here: it needs nothing but the
 * date module, which every unit test links.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/config.c"

static struct config_dbhost h[CONFIG_DB_HOSTS];

static void
test_empty_is_socket(void **state)
{
	(void)state;
	assert_int_equal(config_db_hosts_parse("", 3306, h, CONFIG_DB_HOSTS), 0);
	assert_int_equal(config_db_hosts_parse("  ", 3306, h, CONFIG_DB_HOSTS), 0);
}

static void
test_one_host(void **state)
{
	(void)state;
	assert_int_equal(config_db_hosts_parse("db1.internal", 3307, h,
	    CONFIG_DB_HOSTS), 1);
	assert_string_equal(h[0].host, "db1.internal");
	assert_int_equal(h[0].port, 3307);
}

static void
test_list_with_ports(void **state)
{
	(void)state;
	assert_int_equal(config_db_hosts_parse("10.0.0.1:3306, db2 ,db3:4000",
	    3310, h, CONFIG_DB_HOSTS), 3);
	assert_string_equal(h[0].host, "10.0.0.1");
	assert_int_equal(h[0].port, 3306);
	assert_string_equal(h[1].host, "db2");
	assert_int_equal(h[1].port, 3310);
	assert_string_equal(h[2].host, "db3");
	assert_int_equal(h[2].port, 4000);
}

static void
test_ipv6(void **state)
{
	(void)state;
	assert_int_equal(config_db_hosts_parse("[::1]:3307,fd00::5,[fd00::6]",
	    3306, h, CONFIG_DB_HOSTS), 3);
	assert_string_equal(h[0].host, "::1");
	assert_int_equal(h[0].port, 3307);
	assert_string_equal(h[1].host, "fd00::5");
	assert_int_equal(h[1].port, 3306);
	assert_string_equal(h[2].host, "fd00::6");
	assert_int_equal(h[2].port, 3306);
}

static void
test_refused(void **state)
{
	static const char *const bad[] = {
		"db1,,db2", "db1,", ",db1", "db1:", "db1:0", "db1:65536",
		"db1:33x6", ":3306", "[::1", "[::1]x", "[]:3306", "db1: 3306",
		"a,b,c,d,e,f,g,h,i",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (config_db_hosts_parse(bad[i], 3306, h, CONFIG_DB_HOSTS) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	assert_int_equal(config_db_hosts_parse("a,b,c,d,e,f,g,h", 3306, h,
	    CONFIG_DB_HOSTS), 8);
}

static void
test_load_from_environment(void **state)
{
	(void)state;
	unsetenv("TENANTRY_CONFIG");
	setenv("TENANTRY_DB_HOST", "n1:3311,n2:3312,n3", 1);
	setenv("TENANTRY_DB_PORT", "3313", 1);
	assert_int_equal(config_load(), 0);
	assert_int_equal(cfg.ndb_hosts, 3);
	assert_string_equal(cfg.db_hosts[1].host, "n2");
	assert_int_equal(cfg.db_hosts[1].port, 3312);
	assert_int_equal(cfg.db_hosts[2].port, 3313);
	setenv("TENANTRY_DB_HOST", "n1,,n2", 1);
	assert_int_equal(config_load(), -1);
	setenv("TENANTRY_DB_HOST", "", 1);
	assert_int_equal(config_load(), 0);
	assert_int_equal(cfg.ndb_hosts, 0);
	unsetenv("TENANTRY_DB_HOST");
	unsetenv("TENANTRY_DB_PORT");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_is_socket),
		cmocka_unit_test(test_one_host),
		cmocka_unit_test(test_list_with_ports),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_load_from_environment),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
