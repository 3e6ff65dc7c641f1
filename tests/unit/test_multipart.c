/*
 * Unit tests for the multipart/form-data parser (app/http/multipart.c):
 * the boundary, text fields and files, and refusals.
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
#include "http/multipart.h"

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

static void
test_boundary(void **state)
{
	struct arena	*a = *state;

	assert_string_equal(mp_boundary(a, "multipart/form-data; boundary=----WebKitForm123"),
	    "----WebKitForm123");
	assert_string_equal(mp_boundary(a, "Multipart/Form-Data; boundary=\"a b\""), "a b");
	assert_null(mp_boundary(a, "application/x-www-form-urlencoded"));
	assert_null(mp_boundary(a, "multipart/form-data"));
	assert_null(mp_boundary(a, "multipart/form-data; boundary="));
	assert_null(mp_boundary(a, "multipart/form-data; boundary=a<b"));
}

static void
test_parse(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 f;
	struct mp_files	 files;
	const char	*bad;
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
	    "two\r\nlines\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\docs\\r%221%22.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n"
	    "%PDF-\0\r\n--X\r\n"
	    "--XyZ--\r\n";

	assert_int_equal(mp_parse(a, body, sizeof(body) - 1, "XyZ", &f, &files,
	    &bad), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].key, "csrf");
	assert_string_equal(f.v[0].val, "abc");
	assert_string_equal(kv_get(&f, "comment"), "two\r\nlines");
	assert_int_equal(files.n, 1);
	assert_string_equal(files.f[0].field, "file");
	assert_string_equal(files.f[0].filename, "r\"1\".pdf");
	assert_string_equal(files.f[0].ctype, "application/pdf");
	assert_int_equal(files.f[0].len, 11);
	assert_memory_equal(files.f[0].data, "%PDF-\0\r\n--X", 11);
}

static void
test_refused(void **state)
{
	struct arena	*a = *state;
	struct kvlist	 f;
	struct mp_files	 files;
	const char	*bad;
	static const char nul[] =
	    "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\na\0b\r\n--B--";
	static const char noclose[] =
	    "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc";
	static const char noname[] =
	    "--B\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--B--";
	char		 many[4096];
	size_t		 n = 0;
	int		 i;

	assert_int_equal(mp_parse(a, nul, sizeof(nul) - 1, "B", &f, &files,
	    &bad), -1);
	assert_string_equal(bad, "x");
	assert_int_equal(mp_parse(a, noclose, sizeof(noclose) - 1, "B", &f,
	    &files, &bad), -1);
	assert_int_equal(mp_parse(a, noname, sizeof(noname) - 1, "B", &f,
	    &files, &bad), -1);
	for (i = 0; i < MP_MAX_PARTS + 1; i++)
		n += (size_t)snprintf(many + n, sizeof(many) - n, "--B\r\n"
		    "Content-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i);
	n += (size_t)snprintf(many + n, sizeof(many) - n, "--B--\r\n");
	assert_int_equal(mp_parse(a, many, n, "B", &f, &files, &bad), -2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
