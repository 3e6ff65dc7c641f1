/*
 * Unit tests for app/domain/jsonin.c: the JSON body the API accepts — an
 * object, no duplicate key, at most 64 KiB and 8 levels deep.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "domain/jsonin.h"

static enum jsonin_rc
parse(const char *s, json_t **j)
{
	return jsonin_object(s, strlen(s), j, NULL);
}

static void
test_object(void **state)
{
	json_t	*j;

	(void)state;
	assert_int_equal(parse("{\"name\": \"Acme\", \"n\": [1, {\"a\": null}]}",
	    &j), JSONIN_OK);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "name")),
	    "Acme");
	json_decref(j);
	assert_int_equal(jsonin_object(NULL, 0, &j, NULL), JSONIN_BAD_JSON);
	assert_null(j);
}

static void
test_refused(void **state)
{
	static const char *const notobj[] = { "[]", "1", "\"x\"", "null",
	    "true", NULL };
	json_error_t	 err;
	json_t		*j;
	size_t		 i;

	(void)state;
	for (i = 0; notobj[i] != NULL; i++) {
		assert_int_equal(jsonin_object(notobj[i], strlen(notobj[i]), &j,
		    NULL), JSONIN_NOT_OBJECT);
		assert_null(j);
	}
	assert_int_equal(jsonin_object("{\"a\": 1, \"a\": 2}", 16, &j, &err),
	    JSONIN_BAD_JSON);
	assert_non_null(strstr(err.text, "duplicate"));
	assert_int_equal(jsonin_object("{\"a\": }", 7, &j, &err),
	    JSONIN_BAD_JSON);
	assert_int_equal(err.line, 1);
	/* A NUL inside the bytes is not JSON. */
	assert_int_equal(jsonin_object("{}\0", 3, &j, NULL), JSONIN_BAD_JSON);
}

static void
test_limits(void **state)
{
	char	 deep[64], *big;
	json_t	*j;
	int	 i, k;

	(void)state;
	/* {"a":{"a":...{}}}: the outer object is level 0. */
	for (k = 8; k <= 9; k++) {
		deep[0] = '\0';
		for (i = 0; i <= k; i++)
			strcat(deep, i < k ? "{\"a\":" : "{}");
		for (i = 0; i < k; i++)
			strcat(deep, "}");
		assert_int_equal(parse(deep, &j), k <= JSONIN_DEPTH ?
		    JSONIN_OK : JSONIN_NOT_OBJECT);
		json_decref(j);
	}
	big = malloc(JSONIN_BYTES + 2);
	assert_non_null(big);
	memset(big, ' ', JSONIN_BYTES + 1);
	big[0] = '{';
	big[JSONIN_BYTES - 1] = '}';
	assert_int_equal(jsonin_object(big, JSONIN_BYTES, &j, NULL),
	    JSONIN_OK);
	json_decref(j);
	assert_int_equal(jsonin_object(big, JSONIN_BYTES + 1, &j, NULL),
	    JSONIN_TOO_LARGE);
	assert_null(j);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_object),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
