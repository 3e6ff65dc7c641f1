/*
 * test_multipart: multipart/form-data bodies (the usage import forms):
 * fields, a file with any bytes and its name, and the refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "http/multipart.h"
#include "http/parse.h"

static struct arena *A;

#define CT	"multipart/form-data; boundary=----XyZ"

static int
parse(const char *ct, const char *body, size_t len, struct kvlist *l,
    const char **bad)
{
	return parse_multipart(A, ct, body, len, l, bad);
}

static void
test_fields_and_file(void **state)
{
	static const char body[] =
	    "------XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc123\r\n"
	    "------XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\data\\\\cdr 1.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "a,b\r\n\0\xff\r\n--not-it\r\n"
	    "\r\n"
	    "------XyZ\r\n"
	    "Content-Disposition: form-data; name=\"kind\"\r\n\r\n"
	    "calls\r\n"
	    "------XyZ--\r\n";
	struct kvlist	 l;
	const char	*bad;

	(void)state;
	assert_int_equal(parse(CT, body, sizeof(body) - 1, &l, &bad), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(kv_get(&l, "csrf"), "abc123");
	assert_string_equal(kv_get(&l, "kind"), "calls");
	assert_string_equal(kv_get(&l, "file" MULTIPART_FILENAME_SUFFIX),
	    "cdr 1.csv");
	assert_int_equal(l.v[1].vlen, 19);
	assert_memory_equal(l.v[1].val, "a,b\r\n\0\xff\r\n--not-it\r\n", 19);
	assert_int_equal(l.v[1].val[19], 0);
}

static void
test_quoted_boundary_and_preamble(void **state)
{
	static const char body[] =
	    "preamble\r\n--b 1\r\n"
	    "content-disposition: form-data; name=x\r\n\r\n"
	    "\r\n--b 1--";
	struct kvlist	 l;

	(void)state;
	assert_int_equal(parse("multipart/form-data; charset=utf-8; "
	    "boundary=\"b 1\"", body, sizeof(body) - 1, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "x"), "");
}

static void
test_refusals(void **state)
{
	struct kvlist	 l;
	const char	*bad;
	static const char nul[] = "--b\r\nContent-Disposition: form-data; "
	    "name=\"f\"\r\n\r\na\0b\r\n--b--";
	static const char noname[] = "--b\r\nContent-Type: text/plain\r\n\r\n"
	    "x\r\n--b--";
	static const char noend[] = "--b\r\nContent-Disposition: form-data; "
	    "name=\"f\"\r\n\r\nabc";
	static const char nohdr[] = "--b\r\n\r\nabc\r\n--b--";

	(void)state;
	assert_int_equal(parse("multipart/form-data", "", 0, &l, &bad), -1);
	assert_non_null(bad);
	assert_int_equal(parse("text/plain; boundary=b", "--b--", 5, &l, &bad),
	    -1);
	assert_int_equal(parse("multipart/form-data; boundary=b", nul,
	    sizeof(nul) - 1, &l, &bad), -1);
	assert_string_equal(bad, "f");
	assert_int_equal(parse("multipart/form-data; boundary=b", noname,
	    sizeof(noname) - 1, &l, &bad), -1);
	assert_int_equal(parse("multipart/form-data; boundary=b", noend,
	    sizeof(noend) - 1, &l, &bad), -1);
	assert_int_equal(parse("multipart/form-data; boundary=b", nohdr,
	    sizeof(nohdr) - 1, &l, &bad), -1);
	assert_int_equal(parse("multipart/form-data; boundary=b", "x", 1, &l,
	    &bad), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_and_file),
		cmocka_unit_test(test_quoted_boundary_and_preamble),
		cmocka_unit_test(test_refusals),
	};
	int	 rc;

	A = arena_new(1 << 16);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(A);
	return rc;
}
