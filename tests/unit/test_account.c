/*
 * Unit tests for the rules of accounts (app/domain/account.c): a new
 * password's length in characters (not bytes) and its confirmation,
 * e-mail addresses folded to lower case, and the waits of paced actions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/account.h"

static void
test_chars(void **state)
{
	(void)state;
	assert_int_equal(account_chars(""), 0);
	assert_int_equal(account_chars("abc"), 3);
	/* "Grüße": 5 characters in 7 bytes; a 4-byte emoji is one. */
	assert_int_equal(account_chars("Gr\xc3\xbc\xc3\x9f" "e"), 5);
	assert_int_equal(account_chars("\xf0\x9f\x94\x91"), 1);
}

static void
test_password(void **state)
{
	(void)state;
	assert_int_equal(account_password_check("0123456789", "0123456789"),
	    ACCOUNT_PW_OK);
	assert_int_equal(account_password_check("012345678", "012345678"),
	    ACCOUNT_PW_SHORT);
	assert_int_equal(account_password_check("", ""), ACCOUNT_PW_SHORT);
	/* Ten characters of two bytes each: long enough; nine are not,
	 * though they take 18 bytes. */
	assert_int_equal(account_password_check(
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"), ACCOUNT_PW_OK);
	assert_int_equal(account_password_check(
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "x"), ACCOUNT_PW_SHORT);
	/* Shortness is said first; then the confirmation, byte for byte
	 * (spaces count: a password is never trimmed). */
	assert_int_equal(account_password_check("short", "other"),
	    ACCOUNT_PW_SHORT);
	assert_int_equal(account_password_check("a-long-password",
	    "a-long-password "), ACCOUNT_PW_MISMATCH);
	assert_int_equal(account_password_check("a-long-password",
	    "A-long-password"), ACCOUNT_PW_MISMATCH);
}

static void
test_email_fold(void **state)
{
	char	 a[] = "Ann.Lee@Example.COM", b[] = "\xc3\x89MILE@x.example",
		 c[] = "";

	(void)state;
	assert_string_equal(account_email_fold(a), "ann.lee@example.com");
	/* Only ASCII letters change: the bytes of "É" stay as they are. */
	assert_string_equal(account_email_fold(b), "\xc3\x89mile@x.example");
	assert_string_equal(account_email_fold(c), "");
}

static void
test_waits(void **state)
{
	(void)state;
	/* Windows of 10 minutes start at multiples of 600 s. */
	assert_int_equal(account_window_left(6000, 600), 600);
	assert_int_equal(account_window_left(6001, 600), 599);
	assert_int_equal(account_window_left(6599, 600), 1);
	/* Minutes are said rounded up: 1 s is "1 minute", 61 s "2". */
	assert_int_equal(account_wait_minutes(1), 1);
	assert_int_equal(account_wait_minutes(60), 1);
	assert_int_equal(account_wait_minutes(61), 2);
	assert_int_equal(account_wait_minutes(900), 15);
	assert_int_equal(account_wait_minutes(0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_email_fold),
		cmocka_unit_test(test_waits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
