/*
 * ops/webhooks: see webhooks.h.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "../arena.h"
#include "webhooks.h"

/* "key=value" lines into obj (later keys win; a line without '=' is
 * skipped). 0, or -1 out of memory. */
static int
fields_json(json_t *obj, const char *fields)
{
	const char	*p = fields, *eol, *eq;
	char		 key[64];

	while (p != NULL && *p != '\0') {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		eq = memchr(p, '=', (size_t)(eol - p));
		if (eq != NULL && eq > p && (size_t)(eq - p) < sizeof(key)) {
			memcpy(key, p, (size_t)(eq - p));
			key[eq - p] = '\0';
			if (strcmp(key, "id") != 0 && json_object_set_new(obj,
			    key, json_stringn(eq + 1, (size_t)(eol - eq - 1))) != 0)
				return -1;
		}
		p = *eol == '\n' ? eol + 1 : eol;
	}
	return 0;
}

char *
ops_event_payload(struct txn *t, enum wh_event type, int64_t occ,
    int64_t site, int64_t id, const char *fields, const char **event_id)
{
	unsigned char	 rnd[16];
	char		 hex[33], when[32], *js, *out = NULL;
	struct tm	 tm;
	time_t		 now = (time_t)t->now;
	json_t		*data, *root;

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	*event_id = arena_printf(t->a, "evt_%s", hex);
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	data = json_pack("{s:I}", "id", (json_int_t)id);
	if (data != NULL && occ > 0)
		json_object_set_new(data, "occupier_id", json_integer(occ));
	if (data != NULL && site > 0)
		json_object_set_new(data, "site_id", json_integer(site));
	if (data == NULL || fields_json(data, fields) < 0) {
		json_decref(data);
		return NULL;
	}
	root = json_pack("{s:s, s:s, s:s, s:{s:I}, s:o}", "id", *event_id,
	    "type", wh_event_names[type], "occurred_at", when, "operator",
	    "id", (json_int_t)t->operator_id, "data", data);
	if (root == NULL)
		return NULL;
	if ((js = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER)) !=
	    NULL) {
		json_malloc_t	 jm;
		json_free_t	 jf;

		/* With the allocator jansson has now (the API sets the
		 * request arena's), never free() by assumption. */
		out = arena_strdup(t->a, js);
		json_get_alloc_funcs(&jm, &jf);
		jf(js);
	}
	json_decref(root);
	return out;
}

int
ops_event(struct txn *t, enum wh_event type, int64_t occ, int64_t site,
    int64_t id, const char *fields)
{
	const char	*eid, *body;

	if ((body = ops_event_payload(t, type, occ, site, id, fields, &eid)) ==
	    NULL)
		return -1;
	return store_webhook_event(t->operator_id, eid, wh_event_names[type],
	    body, t->now, t->now + WH_RETRY_WINDOW, NULL) < 0 ? -1 : 1;
}

char *
ops_webhook_events_text(struct arena *a, unsigned events)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, a, 256);
	for (i = 0; i < WH_EVENT__MAX; i++)
		if (events & (1u << i))
			buf_printf(&b, "%s%s", b.len ? "," : "",
			    wh_event_names[i]);
	return b.p;
}

unsigned
ops_webhook_events_bits(const char *list)
{
	const char	*p = list;
	unsigned	 bits = 0;
	size_t		 n;
	int		 i;

	while (*p != '\0') {
		n = strcspn(p, ",");
		for (i = 0; i < WH_EVENT__MAX; i++)
			if (strlen(wh_event_names[i]) == n &&
			    strncmp(p, wh_event_names[i], n) == 0)
				bits |= 1u << i;
		p += n;
		if (*p == ',')
			p++;
	}
	return bits;
}

static const char *
new_secret(struct arena *a)
{
	unsigned char	 rnd[32];
	char		 hex[65];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	return arena_printf(a, "whsec_%s", hex);
}

static char *
endpoint_text(struct arena *a, const struct store_wh_endpoint *e)
{
	return arena_printf(a, "url=%s\nevents=%s\nenabled=%d\n"
	    "allow_private=%d", e->url, e->events, e->enabled,
	    e->allow_private);
}

struct save {
	const struct webhook_save_in	*in;
	struct webhook_save_out		*out;
};

static int
save_txn(struct txn *t, void *arg)
{
	struct save		*s = arg;
	const struct webhook_save_in *in = s->in;
	struct store_wh_endpoint e, cur;
	int			 rc;

	memset(&e, 0, sizeof(e));
	e.id = in->id;
	e.version = in->version;
	e.url = in->url;
	e.events = ops_webhook_events_text(t->a, in->events);
	e.enabled = in->enabled;
	e.allow_private = in->allow_private;
	if (in->id == 0) {
		e.secret = s->out->secret = new_secret(t->a);
		if (store_webhook_endpoint_insert(t->operator_id, &e, t->now,
		    &s->out->id) < 0)
			return -1;
		return txn_audit(t, 0, 0, "webhook_endpoint", s->out->id,
		    "create", NULL, endpoint_text(t->a, &e));
	}
	if ((rc = store_webhook_endpoint_get(t->a, t->operator_id, in->id,
	    &cur)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if ((rc = store_webhook_endpoint_update(t->operator_id, &e,
	    t->now)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_CONFLICT,
		    NULL, "This endpoint was changed by someone else while you "
		    "were editing. Your changes were not saved: check the "
		    "current settings and save again.");
	s->out->id = in->id;
	return txn_audit(t, 0, 0, "webhook_endpoint", in->id, "update",
	    endpoint_text(t->a, &cur), endpoint_text(t->a, &e));
}

int
ops_webhook_save(struct ops_ctx *c, const struct webhook_save_in *in,
    struct webhook_save_out *out)
{
	struct save	 s = { in, out };
	const char	*why;

	memset(out, 0, sizeof(*out));
	if ((why = wh_url_check(in->url, in->allow_private, NULL, 0)) != NULL)
		ops_refuse(&out->why, OPS_INVALID, "url",
		    arena_printf(c->t.a, "URL %s", why));
	if ((in->events & ((1u << WH_EVENT__MAX) - 1)) == 0)
		ops_refuse(&out->why, OPS_INVALID, "events", "Choose at least "
		    "one event to send");
	if (out->why.why != OPS_OK)
		return 0;
	return db_txn(&c->t, save_txn, &s);
}

struct secret {
	const struct webhook_secret_in	*in;
	struct webhook_secret_out	*out;
};

static int
secret_txn(struct txn *t, void *arg)
{
	struct secret		*s = arg;
	struct store_wh_endpoint e;
	int			 rc;

	if ((rc = store_webhook_endpoint_get(t->a, t->operator_id, s->in->id,
	    &e)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	s->out->secret = e.secret;
	if (s->in->rotate) {
		s->out->secret = new_secret(t->a);
		if (store_webhook_endpoint_secret(t->operator_id, e.id,
		    s->out->secret, t->now) < 0)
			return -1;
	}
	return txn_audit(t, 0, 0, "webhook_endpoint", e.id, s->in->rotate ?
	    "rotate_secret" : "reveal_secret", NULL, NULL);
}

int
ops_webhook_secret(struct ops_ctx *c, const struct webhook_secret_in *in,
    struct webhook_secret_out *out)
{
	struct secret	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, secret_txn, &s);
}

struct redeliver {
	const struct webhook_redeliver_in	*in;
	struct webhook_redeliver_out		*out;
};

static int
redeliver_txn(struct txn *t, void *arg)
{
	struct redeliver	*s = arg;
	const char		*state;
	int			 rc;

	if ((rc = store_webhook_delivery_state(t->a, t->operator_id,
	    s->in->endpoint, s->in->delivery, &state)) <= 0)
		return rc < 0 ? -1 : ops_refuse(&s->out->why, OPS_NOT_FOUND,
		    NULL, NULL);
	if ((rc = store_webhook_redeliver(t->operator_id, s->in->endpoint,
	    s->in->delivery, t->now, t->now + WH_RETRY_WINDOW)) < 0)
		return -1;
	if (rc == 0)
		return ops_refuse(&s->out->why, OPS_CONFLICT, NULL, "This event "
		    "is still waiting to be sent: only a delivered or failed "
		    "event can be sent again.");
	return txn_audit(t, 0, 0, "webhook_delivery", s->in->delivery,
	    "redeliver", arena_printf(t->a, "state=%s", state),
	    "state=pending");
}

int
ops_webhook_redeliver(struct ops_ctx *c, const struct webhook_redeliver_in *in,
    struct webhook_redeliver_out *out)
{
	struct redeliver	 s = { in, out };

	memset(out, 0, sizeof(*out));
	return db_txn(&c->t, redeliver_txn, &s);
}
