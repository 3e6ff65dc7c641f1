/*
 * fuzz_jsonin: jsonin_object (the API's JSON body) on arbitrary bytes.
 * Properties: the answer is one of the four; an object only on
 * JSONIN_OK, and then it nests at most JSONIN_DEPTH levels, and written
 * out and read back it is the same object (json_equal); nothing leaks
 * (every reference given is dropped here).
 */
#include <stdlib.h>

#include "fuzz.h"
#include "domain/jsonin.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t	 err;
	json_t		*j = NULL, *again;
	enum jsonin_rc	 rc;
	char		*out;

	rc = jsonin_object((const char *)data, size, &j, &err);
	FUZZ_CHECK(rc == JSONIN_OK || rc == JSONIN_TOO_LARGE ||
	    rc == JSONIN_BAD_JSON || rc == JSONIN_NOT_OBJECT);
	if (rc != JSONIN_OK) {
		FUZZ_CHECK(j == NULL);
		FUZZ_CHECK(rc != JSONIN_TOO_LARGE || size > JSONIN_BYTES);
		return 0;
	}
	FUZZ_CHECK(size <= JSONIN_BYTES);
	FUZZ_CHECK(json_is_object(j) && jsonin_depth_ok(j, 0));
	out = json_dumps(j, JSON_COMPACT);
	FUZZ_CHECK(out != NULL);
	FUZZ_CHECK(jsonin_object(out, strlen(out), &again, NULL) == JSONIN_OK);
	FUZZ_CHECK(json_equal(j, again));
	json_decref(again);
	free(out);
	json_decref(j);
	return 0;
}
