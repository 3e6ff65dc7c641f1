/*
 * store_webhook: webhook endpoints, the delivery outbox and its attempt
 * log (sql/094_webhooks.sql).
 *
 * Return convention (db.h): <0 error (logged), 0 not found / nothing
 * changed, >0 ok. Strings live in the arena passed in.
 * store_webhook_event runs inside the caller's transaction.
 */
#ifndef TENANTRY_STORE_WEBHOOK_H
#define TENANTRY_STORE_WEBHOOK_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct store_wh_endpoint {
	int64_t		 id;
	const char	*url;
	const char	*events;	/* comma-separated types */
	const char	*secret;	/* store_webhook_endpoint_get only */
	int		 enabled;
	int		 allow_private;
	int64_t		 version;
	int64_t		 created_at;
	int64_t		 updated_at;
};

int	 store_webhook_endpoints(struct arena *, int64_t op,
	    struct store_wh_endpoint **, size_t *);
int	 store_webhook_endpoint_get(struct arena *, int64_t op, int64_t id,
	    struct store_wh_endpoint *);
int	 store_webhook_endpoint_insert(int64_t op,
	    const struct store_wh_endpoint *, int64_t now, int64_t *id);
/* 0 when the version moved on (someone else saved first). */
int	 store_webhook_endpoint_update(int64_t op,
	    const struct store_wh_endpoint *, int64_t now);
int	 store_webhook_endpoint_secret(int64_t op, int64_t id,
	    const char *secret, int64_t now);

/* Queue event (type, payload) for every enabled endpoint of op that asked
 * for type. *n: the rows written. */
int	 store_webhook_event(int64_t op, const char *event_id,
	    const char *type, const char *payload, int64_t now,
	    int64_t give_up_at, int64_t *n);

/* ---- the sender ---- */

struct store_wh_claim {
	int64_t		 id;
	int64_t		 operator_id;
	int64_t		 endpoint_id;
	const char	*event_id;
	const char	*event_type;
	const char	*payload;
	int64_t		 attempts;
	int64_t		 give_up_at;
	const char	*url;
	const char	*secret;
	int		 allow_private;
};

/* 1 claimed (*c filled), 0 nothing due, -1. */
int	 store_webhook_claim(struct arena *, const char *owner, int64_t now,
	    int64_t lease_until, struct store_wh_claim *c);
int	 store_webhook_delivered(int64_t id, const char *owner, int64_t now,
	    int status);
/* Pending again from retry_at, or failed when now >= give_up_at. */
int	 store_webhook_failed(int64_t id, const char *owner, int64_t now,
	    int64_t retry_at, int status, const char *error);
int	 store_webhook_attempt(const struct store_wh_claim *, int64_t at,
	    int status, int64_t duration_ms, const char *error);

/* ---- the admin page ---- */

struct store_wh_delivery {
	int64_t		 id;
	const char	*event_id;
	const char	*event_type;
	const char	*state;
	int64_t		 attempts;
	int		 last_status;
	const char	*last_error;
	int64_t		 created_at;
	int64_t		 next_attempt_at;
	int64_t		 delivered_at;
};

struct store_wh_attempt {
	int64_t		 at;
	const char	*event_type;
	const char	*event_id;
	int		 status;
	int64_t		 duration_ms;
	const char	*error;
	int64_t		 delivery_id;
};

int	 store_webhook_deliveries(struct arena *, int64_t op, int64_t ep,
	    int64_t limit, struct store_wh_delivery **, size_t *);
int	 store_webhook_log(struct arena *, int64_t op, int64_t ep,
	    int64_t limit, struct store_wh_attempt **, size_t *);
/* 1 queued again, 0 not delivered/failed (or not found). */
int	 store_webhook_redeliver(int64_t op, int64_t ep, int64_t id,
	    int64_t now, int64_t give_up_at);
/* The state of a delivery: 1 (*state), 0 not found. */
int	 store_webhook_delivery_state(struct arena *, int64_t op, int64_t ep,
	    int64_t id, const char **state);

/* Delete up to 1 000 deliveries (and their log) that ended before
 * `before` (unix seconds): the rows deleted, -1 error. */
int64_t	 store_webhook_purge(int64_t before);

#endif
