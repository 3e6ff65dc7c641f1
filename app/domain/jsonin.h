/*
 * jsonin: a JSON request body as the API accepts it (pure; jansson, the
 * caller's allocator): at most JSONIN_BYTES bytes, valid JSON with no
 * duplicate key, an object, nested at most JSONIN_DEPTH levels.
 */
#ifndef TENANTRY_DOMAIN_JSONIN_H
#define TENANTRY_DOMAIN_JSONIN_H

#include <stddef.h>

#include <jansson.h>

#define JSONIN_BYTES	(64 * 1024)
#define JSONIN_DEPTH	8

enum jsonin_rc {
	JSONIN_OK = 0,
	JSONIN_TOO_LARGE = -1,	/* over JSONIN_BYTES */
	JSONIN_BAD_JSON = -2,	/* not JSON: *err says why and where */
	JSONIN_NOT_OBJECT = -3	/* JSON, but not an object or too deep */
};

/* Parse the n bytes at p (NUL-free or not; p NULL when n is 0) into *out
 * (a new reference, NULL unless JSONIN_OK); *err, when not NULL, gets
 * jansson's message, line and column on JSONIN_BAD_JSON. */
enum jsonin_rc	 jsonin_object(const char *p, size_t n, json_t **out,
		    json_error_t *err);
/* 1 when j nests at most JSONIN_DEPTH levels below depth. */
int		 jsonin_depth_ok(const json_t *j, int depth);

#endif
