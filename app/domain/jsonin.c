/*
 * jsonin: see jsonin.h.
 */
#include "jsonin.h"

int
jsonin_depth_ok(const json_t *j, int depth)
{
	const char	*k;
	json_t		*v;
	size_t		 i;

	if (depth > JSONIN_DEPTH)
		return 0;
	if (json_is_object(j)) {
		json_object_foreach((json_t *)j, k, v)
			if (!jsonin_depth_ok(v, depth + 1))
				return 0;
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			if (!jsonin_depth_ok(v, depth + 1))
				return 0;
	}
	return 1;
}

enum jsonin_rc
jsonin_object(const char *p, size_t n, json_t **out, json_error_t *err)
{
	json_error_t	 e;
	json_t		*j;

	*out = NULL;
	if (n > JSONIN_BYTES)
		return JSONIN_TOO_LARGE;
	/* jansson reads n bytes whatever they hold: a NUL is an error; any
	 * value is read, so that a scalar is told "not an object". */
	if ((j = json_loadb(p != NULL ? p : "", n, JSON_REJECT_DUPLICATES |
	    JSON_DECODE_ANY, err != NULL ? err : &e)) == NULL)
		return JSONIN_BAD_JSON;
	if (!json_is_object(j) || !jsonin_depth_ok(j, 0)) {
		json_decref(j);
		return JSONIN_NOT_OBJECT;
	}
	*out = j;
	return JSONIN_OK;
}
