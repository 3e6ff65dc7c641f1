/*
 * store_webhook: see store_webhook.h.
 */
#include <string.h>

#include "../arena.h"
#include "db.h"
#include "store_lease.h"
#include "store_webhook.h"

static void
ep_row(const struct dbrow *r, struct store_wh_endpoint *e)
{
	memset(e, 0, sizeof(*e));
	e->id = dbrow_int(r, 0);
	e->url = dbrow_str(r, 1);
	e->events = dbrow_str(r, 2);
	e->enabled = (int)dbrow_int(r, 3);
	e->allow_private = (int)dbrow_int(r, 4);
	e->version = dbrow_int(r, 5);
	e->created_at = dbrow_int(r, 6);
	e->updated_at = dbrow_int(r, 7);
	e->secret = "";
}

int
store_webhook_endpoints(struct arena *a, int64_t op,
    struct store_wh_endpoint **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_WH_EP_LIST, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++)
		ep_row(&res.rows[i], &(*out)[i]);
	*n = res.nrows;
	return 1;
}

int
store_webhook_endpoint_get(struct arena *a, int64_t op, int64_t id,
    struct store_wh_endpoint *e)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	memset(e, 0, sizeof(*e));
	if ((rc = db_query(a, STMT_WH_EP_GET, p, NPARAMS(p), &res)) <= 0)
		return rc;
	ep_row(&res.rows[0], e);
	e->secret = dbrow_str(&res.rows[0], 8);
	return 1;
}

int
store_webhook_endpoint_insert(int64_t op, const struct store_wh_endpoint *e,
    int64_t now, int64_t *id)
{
	struct dbp	 p[] = { DBP_I(op), DBP_S(e->url), DBP_S(e->events),
	    DBP_S(e->secret), DBP_I(e->enabled ? 1 : 0),
	    DBP_I(e->allow_private ? 1 : 0), DBP_I(now), DBP_I(now) };
	uint64_t	 iid = 0;

	if (db_exec(STMT_WH_EP_INSERT, p, NPARAMS(p), &iid) <= 0)
		return -1;
	*id = (int64_t)iid;
	return 1;
}

static int
change(enum stmt st, const struct dbp *p, size_t n)
{
	int64_t	 rc;

	if ((rc = db_exec(st, p, n, NULL)) < 0)
		return -1;
	return rc > 0 ? 1 : 0;
}

int
store_webhook_endpoint_update(int64_t op, const struct store_wh_endpoint *e,
    int64_t now)
{
	struct dbp	 p[] = { DBP_S(e->url), DBP_S(e->events),
	    DBP_I(e->enabled ? 1 : 0), DBP_I(e->allow_private ? 1 : 0),
	    DBP_I(now), DBP_I(op), DBP_I(e->id), DBP_I(e->version) };

	return change(STMT_WH_EP_UPDATE, p, NPARAMS(p));
}

int
store_webhook_endpoint_secret(int64_t op, int64_t id, const char *secret,
    int64_t now)
{
	struct dbp	 p[] = { DBP_S(secret), DBP_I(now), DBP_I(op),
	    DBP_I(id) };

	return change(STMT_WH_EP_SECRET, p, NPARAMS(p));
}

int
store_webhook_event(int64_t op, const char *event_id, const char *type,
    const char *payload, int64_t now, int64_t give_up_at, int64_t *n)
{
	struct dbp	 p[] = { DBP_S(event_id), DBP_S(type), DBP_S(payload),
	    DBP_I(now), DBP_I(give_up_at), DBP_I(now), DBP_I(op),
	    DBP_S(type) };
	int64_t		 rc;

	if ((rc = db_exec(STMT_WH_EVENT, p, NPARAMS(p), NULL)) < 0)
		return -1;
	if (n != NULL)
		*n = rc;
	return 1;
}

int
store_webhook_claim(struct arena *a, const char *owner, int64_t now,
    int64_t lease_until, struct store_wh_claim *c)
{
	const struct dbrow *r;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((rc = store_lease_claim(a, STMT_WH_CLAIM, STMT_WH_CLAIMED,
	    owner, now, lease_until, &r)) <= 0)
		return rc;
	c->id = dbrow_int(r, 0);
	c->operator_id = dbrow_int(r, 1);
	c->endpoint_id = dbrow_int(r, 2);
	c->event_id = dbrow_str(r, 3);
	c->event_type = dbrow_str(r, 4);
	c->payload = dbrow_str(r, 5);
	c->attempts = dbrow_int(r, 6);
	c->give_up_at = dbrow_int(r, 7);
	c->url = dbrow_str(r, 8);
	c->secret = dbrow_str(r, 9);
	c->allow_private = (int)dbrow_int(r, 10);
	return 1;
}

int
store_webhook_delivered(int64_t id, const char *owner, int64_t now,
    int status)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(status), DBP_I(id),
	    DBP_S(owner) };

	return change(STMT_WH_DELIVERED, p, NPARAMS(p));
}

int
store_webhook_failed(int64_t id, const char *owner, int64_t now,
    int64_t retry_at, int status, const char *error)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(retry_at), DBP_I(status),
	    DBP_S(error), DBP_I(id), DBP_S(owner) };

	return change(STMT_WH_FAILED, p, NPARAMS(p));
}

int
store_webhook_attempt(const struct store_wh_claim *c, int64_t at, int status,
    int64_t duration_ms, const char *error)
{
	struct dbp	 p[] = { DBP_I(c->operator_id), DBP_I(c->endpoint_id),
	    DBP_I(c->id), DBP_I(at), DBP_I(status), DBP_I(duration_ms),
	    DBP_S(error) };

	return db_exec(STMT_WH_ATTEMPT, p, NPARAMS(p), NULL) <= 0 ? -1 : 1;
}

int
store_webhook_deliveries(struct arena *a, int64_t op, int64_t ep,
    int64_t limit, struct store_wh_delivery **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(ep), DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_WH_DELIVERIES, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct store_wh_delivery *d = &(*out)[i];

		d->id = dbrow_int(r, 0);
		d->event_id = dbrow_str(r, 1);
		d->event_type = dbrow_str(r, 2);
		d->state = dbrow_str(r, 3);
		d->attempts = dbrow_int(r, 4);
		d->last_status = (int)dbrow_int(r, 5);
		d->last_error = dbrow_str(r, 6);
		d->created_at = dbrow_int(r, 7);
		d->next_attempt_at = dbrow_int(r, 8);
		d->delivered_at = dbrow_int(r, 9);
	}
	*n = res.nrows;
	return 1;
}

int
store_webhook_log(struct arena *a, int64_t op, int64_t ep, int64_t limit,
    struct store_wh_attempt **out, size_t *n)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(ep), DBP_I(limit) };
	struct dbres	 res;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (db_query(a, STMT_WH_LOG, p, NPARAMS(p), &res) < 0)
		return -1;
	*out = arena_calloc(a, res.nrows ? res.nrows : 1, sizeof(**out));
	for (i = 0; i < res.nrows; i++) {
		const struct dbrow	*r = &res.rows[i];
		struct store_wh_attempt	*t = &(*out)[i];

		t->at = dbrow_int(r, 0);
		t->event_type = dbrow_str(r, 1);
		t->event_id = dbrow_str(r, 2);
		t->status = (int)dbrow_int(r, 3);
		t->duration_ms = dbrow_int(r, 4);
		t->error = dbrow_str(r, 5);
		t->delivery_id = dbrow_int(r, 6);
	}
	*n = res.nrows;
	return 1;
}

int
store_webhook_redeliver(int64_t op, int64_t ep, int64_t id, int64_t now,
    int64_t give_up_at)
{
	struct dbp	 p[] = { DBP_I(now), DBP_I(give_up_at), DBP_I(op),
	    DBP_I(ep), DBP_I(id) };

	return change(STMT_WH_REDELIVER, p, NPARAMS(p));
}

int
store_webhook_delivery_state(struct arena *a, int64_t op, int64_t ep,
    int64_t id, const char **state)
{
	struct dbp	 p[] = { DBP_I(op), DBP_I(ep), DBP_I(id) };
	struct dbres	 res;
	int		 rc;

	*state = "";
	if ((rc = db_query(a, STMT_WH_DELIVERY_STATE, p, NPARAMS(p), &res)) <= 0)
		return rc;
	*state = dbrow_str(&res.rows[0], 0);
	return 1;
}

int64_t
store_webhook_purge(int64_t before)
{
	struct dbp	 p[] = { DBP_I(before) };
	int64_t		 a, d;

	if ((a = db_exec(STMT_WEBHOOK_PURGE_ATTEMPTS, p, NPARAMS(p), NULL)) < 0 ||
	    (d = db_exec(STMT_WEBHOOK_PURGE_DELIVERIES, p, NPARAMS(p), NULL)) < 0)
		return -1;
	return a + d;
}
