/*
 * api_openapi: GET /api/v1/openapi.json, the OpenAPI 3.1 description of
 * the API, kept beside the templates (templates/openapi.json) and read as
 * it is; tests/http/api.test.mjs checks it against the route table of
 * front.c and every response of the suite against its schemas.
 */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../config.h"
#include "../http/http.h"
#include "../log.h"
#include "api.h"

#define OPENAPI_MAX	(256 * 1024)

const char *
api_openapi_text(struct arena *a, size_t *n)
{
	const char	*path;
	FILE		*f;
	char		*p;

	*n = 0;
	path = arena_printf(a, "%s/openapi.json", cfg.templates);
	if ((f = fopen(path, "r")) == NULL) {
		log_warnx("api: %s: cannot open", path);
		return NULL;
	}
	p = arena_alloc(a, OPENAPI_MAX);
	*n = fread(p, 1, OPENAPI_MAX, f);
	fclose(f);
	if (*n == 0 || *n == OPENAPI_MAX) {
		log_warnx("api: %s: empty or too large", path);
		return NULL;
	}
	return p;
}

void
api_openapi(struct req *r, const struct api_key *k)
{
	const char	*p;
	size_t		 n;

	(void)k;
	if ((p = api_openapi_text(r->a, &n)) == NULL) {
		api_problem(r, 500, "internal", "Internal error", NULL);
		return;
	}
	http_send(r, 200, "application/json", p, n);
}
