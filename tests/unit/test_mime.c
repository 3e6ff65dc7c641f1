/*
 * Unit tests for the e-mail builder (app/domain/mime.c): headers that no
 * input can break (CR/LF, non-ASCII, encoded-word look-alikes, long
 * values), quoted-printable, the date, and a whole message.
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
#include "domain/mime.h"

static int
setup(void **state)
{
	*state = arena_new(4096);
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static const char *
subject(struct arena *a, const char *v)
{
	struct buf	 b;

	buf_init(&b, a, 64);
	mime_header_text(&b, "Subject", v);
	return b.p;
}

static const char *
to(struct arena *a, const char *name, const char *addr)
{
	struct buf	 b;

	buf_init(&b, a, 64);
	mime_header_addr(&b, "To", name, addr);
	return b.p;
}

static const char *
qp(struct arena *a, const char *s)
{
	struct buf	 b;

	buf_init(&b, a, 64);
	mime_qp(&b, s, strlen(s));
	return b.p;
}

static void
test_addresses(void **state)
{
	(void)state;
	assert_true(mime_addr_ok("a@b.example"));
	assert_true(mime_addr_ok("first.last+tag@mail.example"));
	assert_false(mime_addr_ok("a@b.example\r\nBcc: x@y.example"));
	assert_false(mime_addr_ok("a b@example"));
	assert_false(mime_addr_ok("<a@b.example>"));
	assert_false(mime_addr_ok("a@b@c"));
	assert_false(mime_addr_ok("@b.example"));
	assert_false(mime_addr_ok("a@"));
	assert_false(mime_addr_ok("a,b@c.example"));
	assert_false(mime_addr_ok("caf\xc3\xa9@example"));
	assert_false(mime_addr_ok(""));
}

static void
test_subject_plain_and_folded(void **state)
{
	struct arena	*a = *state;

	assert_string_equal(subject(a, "Case 12: printer"),
	    "Subject: Case 12: printer\r\n");
	/* Folded at a space, every line within 78 columns. */
	assert_string_equal(subject(a, "aaaaaaaaaa bbbbbbbbbb cccccccccc "
	    "dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh"),
	    "Subject: aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee "
	    "ffffffffff\r\n gggggggggg hhhhhhhhhh\r\n");
}

static void
test_subject_injection(void **state)
{
	struct arena	*a = *state;

	/* CR/LF become spaces: no second header. */
	assert_string_equal(subject(a, "Hi\r\nBcc: victim@example.com"),
	    "Subject: Hi Bcc: victim@example.com\r\n");
	assert_string_equal(subject(a, "\r\n\r\nbody"),
	    "Subject: body\r\n");
	/* Something that reads as an encoded-word is encoded itself. */
	assert_string_equal(subject(a, "=?x?="),
	    "Subject: =?UTF-8?B?PT94Pz0=?=\r\n");
}

static void
test_subject_utf8(void **state)
{
	struct arena	*a = *state;
	const char	*s;

	assert_string_equal(subject(a, "Caf\xc3\xa9"),
	    "Subject: =?UTF-8?B?Q2Fmw6k=?=\r\n");
	/* 30 two-byte characters: 45 bytes a word, never half a character. */
	s = subject(a, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9");
	/* 25 characters = 50 bytes: 22 characters (44 bytes), then 3. */
	assert_string_equal(s, "Subject:\r\n"
	    " =?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6k=?=\r\n"
	    " =?UTF-8?B?w6nDqcOp?=\r\n");
}

static void
test_display_names(void **state)
{
	struct arena	*a = *state;

	assert_string_equal(to(a, "Ann Lee", "ann@x.example"),
	    "To: Ann Lee <ann@x.example>\r\n");
	assert_string_equal(to(a, "", "ann@x.example"),
	    "To: <ann@x.example>\r\n");
	assert_string_equal(to(a, "Lee, Ann \"A\"", "ann@x.example"),
	    "To: \"Lee, Ann \\\"A\\\"\" <ann@x.example>\r\n");
	assert_string_equal(to(a, "Eve\r\nBcc: x@y.example", "e@x.example"),
	    "To: \"Eve  Bcc: x@y.example\" <e@x.example>\r\n");
	assert_string_equal(to(a, "Zo\xc3\xab", "z@x.example"),
	    "To: =?UTF-8?B?Wm/Dqw==?= <z@x.example>\r\n");
}

static void
test_qp(void **state)
{
	struct arena	*a = *state;
	const char	*s;
	char		 line[200];

	assert_string_equal(qp(a, "a=b\nc \n.\nd\t"),
	    "a=3Db\r\nc=20\r\n=2E\r\nd=09");
	assert_string_equal(qp(a, "caf\xc3\xa9\r\nx"), "caf=C3=A9\r\nx");
	/* 100 'x': 75 and a soft break, then 25. */
	memset(line, 'x', 100);
	line[100] = '\0';
	s = qp(a, line);
	assert_int_equal(strlen(s), 100 + 3);
	assert_int_equal(strstr(s, "=\r\n") - s, 75);
}

static void
test_date(void **state)
{
	char	 d[40];

	(void)state;
	mime_date(d, 1771234200);	/* 2026-02-16 09:30:00 UTC */
	assert_string_equal(d, "Mon, 16 Feb 2026 09:30:00 +0000");
	mime_date(d, 0);
	assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
}

static void
test_build(void **state)
{
	struct arena	*a = *state;
	struct buf	 b;
	struct mime_msg	 m = {
		"Northwind Workspaces", "noreply@tenantry.example",
		"Ann", "ann@x.example", "Hello", "tn.1.abc@tenantry.example",
		1771234200, "Hi Ann,\nline two", "<p>Hi Ann</p>",
	};
	const char	*want =
	    "From: Northwind Workspaces <noreply@tenantry.example>\r\n"
	    "To: Ann <ann@x.example>\r\n"
	    "Subject: Hello\r\n"
	    "Date: Mon, 16 Feb 2026 09:30:00 +0000\r\n"
	    "Message-ID: <tn.1.abc@tenantry.example>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"=_tenantry_tn1abctenantryexample\"\r\n"
	    "\r\n"
	    "This is a message in two parts: plain text and HTML.\r\n"
	    "--=_tenantry_tn1abctenantryexample\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "Hi Ann,\r\nline two\r\n"
	    "--=_tenantry_tn1abctenantryexample\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "<p>Hi Ann</p>\r\n"
	    "--=_tenantry_tn1abctenantryexample--\r\n";

	buf_init(&b, a, 256);
	assert_int_equal(mime_build(&b, &m), 0);
	assert_string_equal(b.p, want);
	/* A refused address leaves nothing behind. */
	buf_init(&b, a, 256);
	m.to_addr = "ann@x.example\r\nBcc: v@y.example";
	assert_int_equal(mime_build(&b, &m), -1);
	assert_int_equal(b.len, 0);
	m.to_addr = "ann@x.example";
	m.message_id = "no at sign";
	assert_int_equal(mime_build(&b, &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test_setup_teardown(test_subject_plain_and_folded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subject_injection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subject_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_display_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_qp, setup, teardown),
		cmocka_unit_test(test_date),
		cmocka_unit_test_setup_teardown(test_build, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
