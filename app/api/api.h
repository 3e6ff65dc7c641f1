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

#include "../store/store_api.h"

struct arena;
struct req;
struct ops_ctx;
struct ops_result;
struct txn;

/* The key a request came with. */
struct api_key {
	int64_t		 id, operator_id, site_id, created_by;
	int		 can_write;
	/* A POST's Idempotency-Key (NULL: none) and the hash (hex) of its
	 * method, path and body. */
	const char	*idem_key;
	char		 idem_hash[65];
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
/* 412: the record (what: "case", ...) is not at the If-Match version. */
void	 api_stale(struct req *, const char *what);
/* If-Match against the record's current version: 1 it matches (*want),
 * 0 none sent, -1 answered (412: stale, or not one of our tags). */
int	 api_precondition(struct req *, int64_t current, const char *what,
	    int64_t *want);
/* A non-negative integer of the query string: 1 with *v, 0 absent, -1 bad
 * (400 answered). */
int	 api_query_int(struct req *, const char *key, int64_t max, int64_t *v);
/* Cursor paging: ?cursor= (the next_cursor of the page before) and
 * ?limit= (1..API_PAGE_MAX, API_PAGE_DEFAULT): 1, or 0 with the 400. */
#define API_PAGE_DEFAULT	50
#define API_PAGE_MAX		200
int	 api_paging(struct req *, int64_t *after, int64_t *limit);
/* Answer a page: {"items": items, "next_cursor": next or null (0)}. */
void	 api_page(struct req *, json_t *items, int64_t next);
/* The ETag of a version, set on the response. */
void	 api_etag(struct req *, int64_t version);

/*
 * Idempotency-Key (api_idem.c). Every POST that creates answers through
 * an api_answer: its build function makes the answer inside the
 * operation's transaction, once the change is made and before COMMIT, and
 * with an Idempotency-Key the answer is stored there too (sql/093). A
 * retry with the same key then gets the stored answer back (api_run) and
 * runs nothing; the same key with another request is a 422 problem.
 */
struct api_answer {
	const struct api_key	*k;
	/* The body; *status, *location (NULL: none), *version (0: no ETag). */
	json_t		*(*build)(struct txn *, void *arg, int *status,
			    const char **location, int64_t *version);
	void		*arg;
	struct store_api_idem saved;	/* the answer built */
};
/* Build (and store) a's answer in the transaction of the operation run
 * with c. */
void	 api_answer_attach(struct ops_ctx *c, struct api_answer *a);
/* The operation committed: send its answer. */
void	 api_answer_send(struct req *, const struct api_answer *);
/* The operation failed on a store error: the answer of a request with the
 * same Idempotency-Key that committed first, else api_store_error. */
void	 api_answer_failed(struct req *, const struct api_answer *);
/* The operation refused: 1 when a request with the same Idempotency-Key
 * committed meanwhile (its answer sent: the refusal is this retry's view
 * of that change), else 0. */
int	 api_answer_replayed(struct req *, const struct api_answer *);
/* The outcome rc of the operation run with a: an error, a commit, or a
 * refusal a same-key request's commit explains, answered (1); else 0,
 * the refusal for the caller to answer. */
int	 api_answer_done(struct req *, const struct api_answer *, int rc);
/* For api_run: k's Idempotency-Key of POST r: 1 run the route, 0
 * answered (the stored answer again, 400 or 422), -1 store error. */
int	 api_idem_check(struct req *, struct api_key *k);

/* The occupier id in k's scope: 1, or 0 with the 404 (or the store
 * error) answered. */
int	 api_occupier_load(struct req *, const struct api_key *, int64_t id,
	    struct store_api_occupier *);
/* The message of form field f refused as v (len bytes sent), in the
 * words the forms use (pages/form.c: a plural label says "are", a text
 * too long says its limit). */
struct field;
struct fval;
const char	*api_field_message(struct req *, const struct field *,
		    const struct fval *, size_t len);
/* A string member key of body: its text; absent (absent or null: a
 * caller's "" or NULL); NULL, refused into why as label's, for another
 * type. */
struct ops_result;
const char	*api_str_member(struct req *, json_t *body, const char *key,
		    const char *label, const char *absent, struct ops_result *);
/* The text fields f[0..n) of body, validated as their form does, into v
 * (v[i].s the text when it passed); refusals in the form's words into
 * why. */
void		 api_text_fields(struct req *, json_t *body,
		    const struct field *f, size_t n, struct fval *v,
		    struct ops_result *why);
/* A day as JSON: "YYYY-MM-DD", or null for DATE_NONE. */
json_t	*api_day(int32_t day);

/* The resources (api_*.c). */
void	 api_openapi(struct req *, const struct api_key *);
/* jansson allocates in r's arena from now on (nothing to free). */
void		 api_json_arena(struct req *);
/* The OpenAPI document as it is kept (n bytes, not NUL-terminated), in
 * a; NULL (logged) when it cannot be read. */
const char	*api_openapi_text(struct arena *, size_t *n);
void	 api_sites(struct req *, const struct api_key *);
void	 api_extids(struct req *, const struct api_key *);
void	 api_usage(struct req *, const struct api_key *);
void	 api_contract_create(struct req *, const struct api_key *);
/* A contract as the API shows it (the Contract schema). */
struct store_contract;
json_t	*api_contract_json(const struct store_contract *);
void	 api_contract_patch(struct req *, const struct api_key *);
/* ?month=YYYY-MM (required): 1 with the year and month, or 0 with the
 * 400 answered. */
int	 api_month_arg(struct req *, int *y, int *m);
void	 api_extids_put(struct req *, const struct api_key *);
void	 api_extids_find(struct req *, const struct api_key *);
void	 api_occupiers(struct req *, const struct api_key *);
void	 api_occupier_create(struct req *, const struct api_key *);
void	 api_occupier(struct req *, const struct api_key *);
void	 api_occupier_patch(struct req *, const struct api_key *);
void	 api_plan(struct req *, const struct api_key *);
void	 api_plan_put(struct req *, const struct api_key *);
void	 api_contracts(struct req *, const struct api_key *);
void	 api_contract(struct req *, const struct api_key *);
void	 api_site_numbers(struct req *, const struct api_key *);
void	 api_site_number(struct req *, const struct api_key *);
void	 api_site_number_patch(struct req *, const struct api_key *);
/* A phone number as the API shows it (the PhoneNumber schema). */
struct store_phone;
json_t	*api_phone_json(const struct store_phone *);
/* Site id in k's scope (the key's own site for a site key): 1, or 0 with
 * the 404 (or the store error) answered. */
int	 api_site_in_scope(struct req *, const struct api_key *, int64_t site);
void	 api_cases(struct req *, const struct api_key *);
void	 api_case(struct req *, const struct api_key *);
void	 api_case_comment(struct req *, const struct api_key *);
void	 api_case_create(struct req *, const struct api_key *);
void	 api_case_patch(struct req *, const struct api_key *);
/* A case as the API shows it (the Case schema). */
struct store_case;
json_t	*api_case_json(const struct store_case *);
/* The case of the path (r->ids[0]) in k's scope: 1, or 0 with the 404
 * (or the store error) answered. */
int	 api_case_load(struct req *, const struct api_key *,
	    struct store_case *);
void	 api_invoices(struct req *, const struct api_key *);
void	 api_devices(struct req *, const struct api_key *);
void	 api_device_create(struct req *, const struct api_key *);
void	 api_device(struct req *, const struct api_key *);
void	 api_device_patch(struct req *, const struct api_key *);
/* A device as the API shows it (the Device schema). */
struct store_device;
json_t	*api_device_json(const struct store_device *);
void	 api_charges(struct req *, const struct api_key *);
void	 api_invoice(struct req *, const struct api_key *);

#endif
