/*
 * api_idem: the Idempotency-Key of the API's POSTs (see api.h): the
 * answer of a create is built and stored in the create's own transaction,
 * so a retry can never create twice, and it is answered from the store.
 */
#include <string.h>

#include <sodium.h>

#include "../arena.h"
#include "../http/http.h"
#include "../ops/ops.h"
#include "api.h"

#define IDEM_KEY_MAX	255

/* The hash (hex) of r's method, path and body. */
static void
request_hash(struct req *r, char hex[65])
{
	crypto_generichash_state	 st;
	unsigned char			 h[32];
	const char			*m = r->method == M_POST ? "POST" : "?";

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)m, strlen(m) + 1);
	crypto_generichash_update(&st, (const unsigned char *)r->path,
	    strlen(r->path) + 1);
	if (r->raw != NULL)
		crypto_generichash_update(&st, (const unsigned char *)r->raw,
		    r->rawlen);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

static void
send_saved(struct req *r, const struct store_api_idem *e)
{
	if (*e->location != '\0')
		http_header(r, "Location", e->location);
	if (*e->etag != '\0')
		http_header(r, "ETag", e->etag);
	http_send(r, e->status, "application/json", e->body, strlen(e->body));
}

/* The stored answer of k's key: 1 answered (again, or 422 for another
 * request), 0 none stored, -1 store error. */
static int
replay(struct req *r, const struct api_key *k)
{
	struct store_api_idem	 e;
	int			 rc;

	if ((rc = store_api_idem_get(r->a, k->id, k->idem_key, &e)) <= 0)
		return rc;
	if (strcmp(e.request_hash, k->idem_hash) != 0) {
		api_problem(r, 422, "idempotency-key-reused", "This "
		    "Idempotency-Key was used for another request",
		    "A key names one request (method, path and body): send a "
		    "new key for a new request.");
		return 1;
	}
	http_header(r, "Idempotent-Replayed", "true");
	send_saved(r, &e);
	return 1;
}

int
api_idem_check(struct req *r, struct api_key *k)
{
	const char	*s = r->idempotency_key;
	size_t		 i, n;
	int		 rc;

	k->idem_key = NULL;
	if (r->method != M_POST || s == NULL || *s == '\0')
		return 1;
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			break;
	if (n > IDEM_KEY_MAX || i < n) {
		api_problem(r, 400, "bad-request", "Bad Idempotency-Key",
		    "An Idempotency-Key is 1 to 255 printable ASCII "
		    "characters.");
		return 0;
	}
	k->idem_key = s;
	request_hash(r, k->idem_hash);
	if ((rc = replay(r, k)) < 0)
		return -1;
	return rc == 0;
}

/* db_txn's before_commit: build the answer and store it by its key. */
static int
build_txn(struct txn *t, void *arg)
{
	struct api_answer	*a = arg;
	const char		*loc = NULL;
	int64_t			 version = 0;
	int			 status = 200;
	json_t			*j;
	char			*s;

	if ((j = a->build(t, a->arg, &status, &loc, &version)) == NULL ||
	    (s = json_dumps(j, JSON_COMPACT)) == NULL)
		return -1;
	a->saved.status = status;
	a->saved.body = s;
	a->saved.location = loc != NULL ? loc : "";
	a->saved.etag = version > 0 ? arena_printf(t->a, "\"v%lld\"",
	    (long long)version) : "";
	a->saved.request_hash = a->k->idem_hash;
	if (a->k->idem_key == NULL)
		return 1;
	return store_api_idem_put(a->k->id, a->k->idem_key, &a->saved);
}

void
api_answer_attach(struct ops_ctx *c, struct api_answer *a)
{
	memset(&a->saved, 0, sizeof(a->saved));
	c->t.before_commit = build_txn;
	c->t.before_commit_arg = a;
}

void
api_answer_send(struct req *r, const struct api_answer *a)
{
	if (a->saved.body == NULL) {
		api_store_error(r);
		return;
	}
	send_saved(r, &a->saved);
}

void
api_answer_failed(struct req *r, const struct api_answer *a)
{
	/* A request with the same key committed first: its row stopped
	 * this one (the primary key), which rolled back whole. */
	if (a->k->idem_key != NULL && replay(r, a->k) > 0)
		return;
	api_store_error(r);
}

int
api_answer_replayed(struct req *r, const struct api_answer *a)
{
	return a->k->idem_key != NULL && replay(r, a->k) > 0;
}

int
api_answer_done(struct req *r, const struct api_answer *a, int rc)
{
	if (rc < 0) {
		api_answer_failed(r, a);
		return 1;
	}
	if (rc > 0) {
		api_answer_send(r, a);
		return 1;
	}
	return api_answer_replayed(r, a);
}
