/*
 * api: the JSON API under /api/v1, served by the same workers as the
 * pages. Its routes are a section of the front controller's table
 * (front.c); a request authenticates only by "Authorization: Bearer
 * <key>" (never a cookie, so no CSRF), is counted against its key's rate
 * limit, and is scoped to the key's operator and, for a key restricted
 * to a site, to that site: anything else is 404, like what does not
 * exist. Writes go through the same operations (app/ops) as the pages.
 * Errors are RFC 9457 problem documents (application/problem+json).
 * JSON is built and parsed with jansson, allocating in the request arena.
 */
#ifndef TENANTRY_API_H
#define TENANTRY_API_H

#include <stdint.h>

#include <jansson.h>

struct arena;
struct req;
struct ops_ctx;
struct ops_result;

/* The key a request came with. */
struct api_key {
	int64_t		 id, operator_id, site_id, created_by;
	int		 can_write;
};

enum api_access {
	API_OPEN,	/* no key needed (the OpenAPI document) */
	API_READ,	/* a key of either scope */
	API_WRITE	/* a read+write key (else 403) */
};

struct api_route {
	unsigned	 methods;	/* 1u << M_GET, M_POST, M_PUT, M_PATCH */
	const char	*pattern;	/* '#': a positive integer id */
	void		(*fn)(struct req *, const struct api_key *);
	enum api_access	 access;
};

/* Authenticate, count and run route rt for r (front.c matched it). */
void	 api_run(struct req *, const struct api_route *rt);
/* No route: 404, or 405 with allow (the path's methods) when it has some. */
void	 api_no_route(struct req *, unsigned allow);

/* Answer a problem document: status, a stable type (its last segment:
 * "not-found", ...), a title and a detail (NULL: none). */
void	 api_problem(struct req *, int status, const char *type,
	    const char *title, const char *detail);
/* An operation's refusal as a problem (422 with "errors": [{field,
 * message}], 404, 409, ...). */
void	 api_refused(struct req *, const struct ops_result *);
/* A store error: 503 when the database is unreachable, else 500. */
void	 api_store_error(struct req *);
/* Answer a JSON document (takes the reference). */
void	 api_json(struct req *, int status, json_t *);
/* The request body as a JSON object (bounded size and depth), or NULL
 * with the 400/413/415 answered. */
json_t	*api_body(struct req *);
/* The context of an operation run by key k. */
void	 api_ops_ctx(struct req *, const struct api_key *, struct ops_ctx *);
/* The If-Match header's version ("v12" or W/"v12"): 1 with *v, 0 none,
 * -1 present but not one of our tags (answered 412). */
int	 api_if_match(struct req *, int64_t *v);
/* The ETag of a version, set on the response. */
void	 api_etag(struct req *, int64_t version);

/* The resources (api_*.c). */
void	 api_openapi(struct req *, const struct api_key *);
/* jansson allocates in r's arena from now on (nothing to free). */
void		 api_json_arena(struct req *);
/* The OpenAPI document as it is kept (n bytes, not NUL-terminated), in
 * a; NULL (logged) when it cannot be read. */
const char	*api_openapi_text(struct arena *, size_t *n);
void	 api_sites(struct req *, const struct api_key *);
void	 api_occupiers(struct req *, const struct api_key *);
void	 api_occupier_create(struct req *, const struct api_key *);
void	 api_occupier(struct req *, const struct api_key *);
void	 api_occupier_patch(struct req *, const struct api_key *);

#endif
