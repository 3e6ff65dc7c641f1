/*
 * api: see api.h. Authentication, the rate limit, problem documents and
 * the JSON plumbing every resource shares.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../arena.h"
#include "../domain/date.h"
#include "../http/http.h"
#include "../ops/apikeys.h"
#include "../ops/ops.h"
#include "../store/db.h"
#include "../store/store_api.h"
#include "../domain/jsonin.h"
#include "../domain/validate.h"
#include "api.h"

#define API_RATE_DEFAULT 120		/* requests a minute per key */
#define PROBLEM_BASE	"urn:tenantry:problem:"

/* jansson allocates in the arena of the request being served (a worker
 * serves one at a time): nothing to free, nothing to leak. */
static struct arena	*json_arena;

static void *
json_arena_alloc(size_t n)
{
	return json_arena != NULL ? arena_alloc(json_arena, n) : NULL;
}

static void
json_arena_free(void *p)
{
	(void)p;	/* the arena is freed with the request */
}

void
api_json_arena(struct req *r)
{
	json_arena = r->a;
	json_set_alloc_funcs(json_arena_alloc, json_arena_free);
}

static int64_t
rate_limit(void)
{
	static int64_t	 limit;
	const char	*v;
	char		*end;
	long		 n;

	if (limit == 0) {
		limit = API_RATE_DEFAULT;
		if ((v = getenv("TENANTRY_API_RATE")) != NULL && *v != '\0') {
			n = strtol(v, &end, 10);
			if (*end == '\0' && n > 0 && n <= 1000000)
				limit = n;
		}
	}
	return limit;
}

void
api_problem(struct req *r, int status, const char *type, const char *title,
    const char *detail)
{
	json_t	*j;

	j = json_pack("{s:s, s:s, s:i}", "type", arena_printf(r->a, "%s%s",
	    PROBLEM_BASE, type), "title", title, "status", status);
	if (j != NULL && detail != NULL)
		json_object_set_new(j, "detail", json_string(detail));
	api_json(r, status, j);
	r->content_type = "application/problem+json";
}

void
api_json(struct req *r, int status, json_t *j)
{
	char	*s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;

	if (s == NULL) {
		http_send(r, 500, "application/problem+json", "{\"type\":\""
		    PROBLEM_BASE "internal\",\"title\":\"Internal error\","
		    "\"status\":500}", strlen("{\"type\":\"" PROBLEM_BASE
		    "internal\",\"title\":\"Internal error\",\"status\":500}"));
		return;
	}
	http_send(r, status, "application/json", s, strlen(s));
}

void
api_store_error(struct req *r)
{
	if (db_unavailable())
		api_problem(r, 503, "unavailable", "Service unavailable",
		    "The database cannot be reached: try again shortly.");
	else
		api_problem(r, 500, "internal", "Internal error", NULL);
}

void
api_refused(struct req *r, const struct ops_result *why)
{
	static const char *const types[OPS_WHY__MAX][2] = {
		[OPS_OK] = { "internal", "Internal error" },
		[OPS_INVALID] = { "validation", "The input breaks a rule" },
		[OPS_NOT_FOUND] = { "not-found", "Not found" },
		[OPS_CONFLICT] = { "conflict", "Conflict" },
		[OPS_LOCKED] = { "locked", "An invoiced period is locked" },
		[OPS_BUSY] = { "busy", "Busy: try again shortly" },
		[OPS_TOO_MANY] = { "rate-limited", "Too many requests" },
		[OPS_BAD_FORM] = { "bad-request", "Bad request" },
	};
	json_t	*j, *errs;
	size_t	 i;
	int	 st = ops_status(why->why);

	j = json_pack("{s:s, s:s, s:i}", "type", arena_printf(r->a, "%s%s",
	    PROBLEM_BASE, types[why->why][0]), "title", types[why->why][1],
	    "status", st);
	if (j == NULL) {
		api_store_error(r);
		return;
	}
	if (why->n > 0)
		json_object_set_new(j, "detail", json_string(why->m[0].text));
	errs = json_array();
	for (i = 0; i < why->n; i++)
		json_array_append_new(errs, json_pack("{s:s?, s:s}", "field",
		    why->m[i].field, "message", why->m[i].text));
	json_object_set_new(j, "errors", errs);
	api_json(r, st, j);
	r->content_type = "application/problem+json";
}

json_t *
api_body(struct req *r)
{
	json_error_t	 err;
	json_t		*j;

	if (strncasecmp(r->content_type_in, "application/json", 16) != 0 ||
	    (r->content_type_in[16] != '\0' && r->content_type_in[16] != ';')) {
		api_problem(r, 415, "unsupported-media-type",
		    "The body must be application/json", NULL);
		return NULL;
	}
	switch (jsonin_object(r->raw, r->rawlen, &j, &err)) {
	case JSONIN_OK:
		break;
	case JSONIN_TOO_LARGE:
		api_problem(r, 413, "too-large", "The body is too large",
		    "A JSON body has 64 KiB at most.");
		return NULL;
	case JSONIN_BAD_JSON:
		api_problem(r, 400, "bad-json", "The body is not valid JSON",
		    arena_printf(r->a, "%s (line %d, column %d)", err.text,
		    err.line, err.column));
		return NULL;
	default:
		api_problem(r, 400, "bad-json", "The body must be a JSON object",
		    "An object, nested 8 levels at most.");
		return NULL;
	}
	return j;
}

void
api_ops_ctx(struct req *r, const struct api_key *k, struct ops_ctx *c)
{
	memset(c, 0, sizeof(*c));
	c->t.a = r->a;
	c->t.operator_id = k->operator_id;
	c->t.user_id = k->created_by;	/* the admin whose key acted */
	c->t.day = r->today;
	c->t.now = r->now;
	c->occupier_id = 0;
	c->role = ROLE_OPERATOR_STAFF;
	c->remote_addr = r->remote_addr;
}

int
api_if_match(struct req *r, int64_t *v)
{
	const char	*s = r->if_match;
	int64_t		 n = 0;
	int		 nd = 0;

	*v = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (strncmp(s, "W/", 2) == 0)
		s += 2;
	if (s[0] != '"' || s[1] != 'v')
		goto bad;
	for (s += 2; *s >= '0' && *s <= '9' && nd < 18; s++, nd++)
		n = n * 10 + (*s - '0');
	if (nd == 0 || strcmp(s, "\"") != 0)
		goto bad;
	*v = n;
	return 1;
bad:
	api_problem(r, 412, "precondition-failed", "If-Match does not match",
	    "If-Match must be the ETag of the record's current version.");
	return -1;
}

void
api_etag(struct req *r, int64_t version)
{
	http_header(r, "ETag", arena_printf(r->a, "\"v%lld\"",
	    (long long)version));
}

static const char *
allow_list(struct req *r, unsigned allow)
{
	static const char *const names[] = { "GET, HEAD", "POST", "PUT",
	    "PATCH" };
	const char	*s = "";
	unsigned	 m;

	for (m = 0; m < 4; m++)
		if (allow & (1u << m))
			s = arena_printf(r->a, "%s%s%s", s, *s ? ", " : "",
			    names[m]);
	return s;
}

void
api_no_route(struct req *r, unsigned allow)
{
	api_json_arena(r);
	if (allow == 0) {
		api_problem(r, 404, "not-found", "Not found",
		    "No such resource in this API.");
		return;
	}
	http_header(r, "Allow", allow_list(r, allow));
	api_problem(r, 405, "method-not-allowed", "Method not allowed", NULL);
}

/* The key of the Authorization header: 1 with k, else 0 with the 401
 * answered (no key, not ours, revoked), -1 store error. */
static int
authenticate(struct req *r, struct api_key *k)
{
	struct store_apikey_auth	 a;
	unsigned char			 h[32];
	const char			*s = r->authorization;
	int				 rc;

	if (s == NULL || strncasecmp(s, "Bearer ", 7) != 0 ||
	    ops_apikey_hash(s + 7, h) != 0)
		rc = 0;
	else if ((rc = store_apikey_auth(r->a, h, &a)) < 0)
		return -1;
	if (rc == 0 || a.revoked) {
		http_header(r, "WWW-Authenticate", "Bearer realm=\"tenantry\"");
		api_problem(r, 401, "unauthorized", "An API key is needed",
		    "Send Authorization: Bearer and a key that is in use.");
		return 0;
	}
	memset(k, 0, sizeof(*k));
	k->id = a.id;
	k->operator_id = a.operator_id;
	k->site_id = a.site_id;
	k->created_by = a.created_by;
	k->can_write = a.can_write;
	r->user.operator_id = a.operator_id;
	r->user.operator_name = a.operator_name;
	r->user.currency = a.currency;
	r->user.timezone = a.timezone;
	r->user.role = ROLE_OPERATOR_STAFF;
	return 1;
}

/* Count the request: 1 under the limit (headers set), 0 past it (429
 * answered), -1 store error. */
static int
count(struct req *r, const struct api_key *k)
{
	int64_t	 limit = rate_limit(), window = r->now / 60, n;

	if (store_apikey_use(r->a, k->id, window, &n) < 0)
		return -1;
	http_header(r, "RateLimit-Limit", arena_printf(r->a, "%lld",
	    (long long)limit));
	http_header(r, "RateLimit-Remaining", arena_printf(r->a, "%lld",
	    (long long)(n >= limit ? 0 : limit - n)));
	http_header(r, "RateLimit-Reset", arena_printf(r->a, "%lld",
	    (long long)((window + 1) * 60 - r->now)));
	if (n <= limit)
		return 1;
	http_header(r, "Retry-After", arena_printf(r->a, "%lld",
	    (long long)((window + 1) * 60 - r->now)));
	api_problem(r, 429, "rate-limited", "Too many requests",
	    arena_printf(r->a, "A key makes %lld requests a minute at most.",
	    (long long)limit));
	return 0;
}

void
api_run(struct req *r, const struct api_route *rt)
{
	struct api_key	 k;
	int		 rc;

	api_json_arena(r);
	memset(&k, 0, sizeof(k));
	if (rt->access != API_OPEN) {
		if ((rc = authenticate(r, &k)) <= 0 ||
		    (rc = count(r, &k)) <= 0) {
			if (rc < 0)
				api_store_error(r);
			return;
		}
		if (rt->access == API_WRITE && !k.can_write) {
			api_problem(r, 403, "forbidden", "This key cannot write",
			    "The key is read-only: create a read and write key.");
			return;
		}
		if ((rc = api_idem_check(r, &k)) <= 0) {
			if (rc < 0)
				api_store_error(r);
			return;
		}
	}
	rt->fn(r, &k);
}

int
api_query_int(struct req *r, const char *key, int64_t max, int64_t *v)
{
	const char	*s = kv_get(&r->query, key);
	int64_t		 n = 0;
	int		 nd = 0;

	*v = 0;
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s >= '0' && *s <= '9' && nd < 18; s++, nd++)
		n = n * 10 + (*s - '0');
	if (*s != '\0' || nd == 0 || n > max) {
		api_problem(r, 400, "bad-request", "Bad query parameter",
		    arena_printf(r->a, "%s must be an integer from 0 to %lld.",
		    key, (long long)max));
		return -1;
	}
	*v = n;
	return 1;
}

int
api_paging(struct req *r, int64_t *after, int64_t *limit)
{
	if (api_query_int(r, "cursor", INT64_MAX / 2, after) < 0 ||
	    api_query_int(r, "limit", API_PAGE_MAX, limit) < 0)
		return 0;
	if (*limit == 0)
		*limit = API_PAGE_DEFAULT;
	return 1;
}

void
api_page(struct req *r, json_t *items, int64_t next)
{
	api_json(r, 200, json_pack("{s:o, s:o}", "items", items, "next_cursor",
	    next > 0 ? json_string(arena_printf(r->a, "%lld", (long long)next)) :
	    json_null()));
}

json_t *
api_day(int32_t d)
{
	char	 s[DATE_STRLEN];

	if (d == DATE_NONE)
		return json_null();
	date_format(d, s, sizeof(s));
	return json_string(s);
}

const char *
api_field_message(struct req *r, const struct field *f, const struct fval *v,
    size_t len)
{
	if (strcmp(v->err, "is too long") == 0)
		return arena_printf(r->a, "%s %s too long (at most %zu bytes; "
		    "you entered %zu)", f->label, f->plural ? "are" : "is",
		    f->cap, len);
	if (f->plural && strncmp(v->err, "is ", 3) == 0)
		return arena_printf(r->a, "%s are %s", f->label, v->err + 3);
	return arena_printf(r->a, "%s %s", f->label, v->err);
}

const char *
api_str_member(struct req *r, json_t *body, const char *key,
    const char *label, const char *absent, struct ops_result *why)
{
	json_t	*x = json_object_get(body, key);

	if (x == NULL || json_is_null(x))
		return absent;
	if (json_is_string(x))
		return json_string_value(x);
	ops_refuse(why, OPS_INVALID, key, arena_printf(r->a, "%s must be a "
	    "string", label));
	return NULL;
}

void
api_text_fields(struct req *r, json_t *body, const struct field *f,
    size_t n, struct fval *v, struct ops_result *why)
{
	const char	*s;
	size_t		 i, len;

	for (i = 0; i < n; i++) {
		memset(&v[i], 0, sizeof(v[i]));
		if ((s = api_str_member(r, body, f[i].key, f[i].label, "",
		    why)) == NULL) {
			v[i].err = "must be a string";
			continue;
		}
		len = strlen(s);
		if (validate_field(&f[i], s, len, arena_alloc(r->a, len + 1),
		    &v[i]) != NULL)
			ops_refuse(why, OPS_INVALID, f[i].key,
			    api_field_message(r, &f[i], &v[i], len));
	}
}

void
api_stale(struct req *r, const char *what)
{
	api_problem(r, 412, "precondition-failed", arena_printf(r->a, "The %s "
	    "changed meanwhile", what), "If-Match is not the current version: "
	    "read it again.");
}

int
api_precondition(struct req *r, int64_t current, const char *what,
    int64_t *want)
{
	int	 im;

	if ((im = api_if_match(r, want)) <= 0)
		return im;
	if (*want == current)
		return 1;
	api_stale(r, what);
	return -1;
}
