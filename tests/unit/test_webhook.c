/*
 * Unit tests for app/domain/webhook.c: the address classifier (every range
 * the sender refuses, for IPv4 and IPv6, and their edges), the endpoint URL
 * rule, the request signature against HMAC-SHA256 values computed by an
 * independent implementation (openssl dgst -sha256 -hmac), and the retry
 * schedule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "domain/webhook.h"

static void
is(const char *addr, int want)
{
	int	 got = wh_addr_text(addr);

	if (got != want)
		fail_msg("%s: class %d, want %d", addr, got, want);
}

static void
test_v4_ranges(void **state)
{
	(void)state;
	is("8.8.8.8", WH_ADDR_PUBLIC);
	is("1.1.1.1", WH_ADDR_PUBLIC);
	is("127.0.0.1", WH_ADDR_LOOPBACK);
	is("127.255.255.254", WH_ADDR_LOOPBACK);
	is("10.0.0.1", WH_ADDR_PRIVATE);
	is("10.255.255.255", WH_ADDR_PRIVATE);
	is("11.0.0.0", WH_ADDR_PUBLIC);
	is("172.15.255.255", WH_ADDR_PUBLIC);
	is("172.16.0.0", WH_ADDR_PRIVATE);
	is("172.31.255.255", WH_ADDR_PRIVATE);
	is("172.32.0.0", WH_ADDR_PUBLIC);
	is("192.168.1.1", WH_ADDR_PRIVATE);
	is("192.169.0.1", WH_ADDR_PUBLIC);
	is("169.254.169.254", WH_ADDR_LINK_LOCAL);
	is("100.63.255.255", WH_ADDR_PUBLIC);
	is("100.64.0.1", WH_ADDR_CGNAT);
	is("100.127.255.255", WH_ADDR_CGNAT);
	is("100.128.0.0", WH_ADDR_PUBLIC);
	is("0.0.0.0", WH_ADDR_RESERVED);
	is("224.0.0.1", WH_ADDR_RESERVED);
	is("255.255.255.255", WH_ADDR_RESERVED);
	is("192.0.2.10", WH_ADDR_RESERVED);
	is("198.18.0.1", WH_ADDR_RESERVED);
}

static void
test_v6_ranges(void **state)
{
	(void)state;
	is("2606:4700:4700::1111", WH_ADDR_PUBLIC);
	is("::1", WH_ADDR_LOOPBACK);
	is("[::1]", WH_ADDR_LOOPBACK);
	is("::", WH_ADDR_RESERVED);
	is("fc00::1", WH_ADDR_PRIVATE);
	is("fd12:3456::1", WH_ADDR_PRIVATE);
	is("fe80::1", WH_ADDR_LINK_LOCAL);
	is("febf::1", WH_ADDR_LINK_LOCAL);
	is("fec0::1", WH_ADDR_PRIVATE);
	is("ff02::1", WH_ADDR_RESERVED);
	is("2001:db8::1", WH_ADDR_RESERVED);
	/* IPv4 inside IPv6 is judged by the IPv4 address. */
	is("::ffff:127.0.0.1", WH_ADDR_LOOPBACK);
	is("::ffff:10.1.2.3", WH_ADDR_PRIVATE);
	is("::ffff:8.8.8.8", WH_ADDR_PUBLIC);
	is("64:ff9b::a9fe:a9fe", WH_ADDR_LINK_LOCAL);
	is("2002:c0a8:0101::1", WH_ADDR_PRIVATE);
	is("2002:0808:0808::1", WH_ADDR_PUBLIC);
	/* Host names are not addresses. */
	is("hooks.example.com", -1);
	is("2130706433", -1);
}

static void
url_ok(const char *url, int allow)
{
	const char	*why = wh_url_check(url, allow, NULL, 0);

	if (why != NULL)
		fail_msg("%s refused: %s", url, why);
}

static void
url_no(const char *url, int allow, const char *part)
{
	const char	*why = wh_url_check(url, allow, NULL, 0);

	if (why == NULL)
		fail_msg("%s accepted", url);
	if (strstr(why, part) == NULL)
		fail_msg("%s: \"%s\" does not say \"%s\"", url, why, part);
}

static void
test_url(void **state)
{
	char	 host[64];

	(void)state;
	url_ok("https://hooks.example.com/tenantry", 0);
	url_ok("HTTPS://Hooks.Example.com:8443/x?y=1", 0);
	url_ok("https://8.8.8.8/", 0);
	url_ok("https://[2606:4700::1]:443/", 0);
	url_no("http://hooks.example.com/", 0, "https://");
	url_no("http://127.0.0.1/", 1, "https://");
	url_no("ftp://x/", 0, "https://");
	url_no("hooks.example.com", 0, "starting with https://");
	url_no("", 0, "required");
	url_no("https://user:pw@hooks.example.com/", 0, "user name");
	url_no("https:///x", 0, "no host");
	url_no("https://a b/", 0, "spaces");
	url_no("https://x/#frag", 0, "fragment");
	url_no("https://x:0/", 0, "port");
	url_no("https://x:65536/", 0, "port");
	url_no("https://x:8a/", 0, "port");
	url_no("https://h\xc3\xa9.example/", 0, "xn--");
	url_no("https://h_x.example/", 0, "xn--");
	url_no("https://127.0.0.1:8443/", 0, "loopback");
	url_no("https://[::1]/", 0, "loopback");
	url_no("https://10.0.0.5/", 0, "private");
	url_no("https://169.254.169.254/latest/", 0, "private");
	url_no("https://100.64.1.1/", 0, "private");
	url_no("https://[fd00::1]/", 0, "private");
	url_no("https://localhost/", 0, "localhost");
	url_no("https://api.localhost./", 0, "localhost");
	url_no("https://224.0.0.1/", 0, "reserved");
	url_no("https://2130706433/", 1, "digits");
	url_no("https://127.1/", 1, "digits");
	/* The explicit setting lets private addresses through, never http. */
	url_ok("https://127.0.0.1:8443/", 1);
	url_ok("https://localhost/", 1);
	url_ok("https://10.0.0.5/", 1);
	assert_null(wh_url_check("https://[FD00::1]:9/p", 1, host, sizeof(host)));
	assert_string_equal(host, "fd00::1");
}

static void
test_signature(void **state)
{
	char	 out[WH_SIG_MAX];
	const char *body = "{\"a\":1}";

	(void)state;
	assert_int_equal(wh_signature("whsec_test", 1700000000, body,
	    strlen(body), out, sizeof(out)), 0);
	assert_string_equal(out, "t=1700000000,v1="
	    "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
	/* An empty body signs "<t>." alone. */
	assert_int_equal(wh_signature("k", 42, "", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "t=42,v1="
	    "8b39da342ea5ffdfeef76bb188bebc0f1c6f8fb35a98281fd3f6370ec477b2a4");
	/* Another secret or time gives another signature. */
	assert_int_equal(wh_signature("whsec_tesT", 1700000000, body,
	    strlen(body), out, sizeof(out)), 0);
	assert_string_not_equal(out, "t=1700000000,v1="
	    "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
	assert_int_equal(wh_signature("k", 42, "", 0, out, 20), -1);
}

static void
test_backoff(void **state)
{
	(void)state;
	assert_int_equal(wh_backoff(30, 1), 30);
	assert_int_equal(wh_backoff(30, 2), 60);
	assert_int_equal(wh_backoff(30, 5), 480);
	assert_int_equal(wh_backoff(30, 20), WH_BACKOFF_MAX);
	assert_int_equal(wh_backoff(0, 1), 1);
	assert_int_equal(wh_backoff(1, 3), 4);
}

static void
test_names(void **state)
{
	int	 i;

	(void)state;
	for (i = 0; i < WH_EVENT__MAX; i++) {
		assert_non_null(wh_event_names[i]);
		assert_non_null(wh_event_labels[i]);
		assert_non_null(strchr(wh_event_names[i], '.'));
	}
	assert_null(wh_event_names[WH_EVENT__MAX]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v4_ranges),
		cmocka_unit_test(test_v6_ranges),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
