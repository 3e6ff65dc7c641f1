/*
 * ops/webhooks: webhook endpoints (what an operator admin registers on
 * /settings/webhooks) and the events every other operation raises. See
 * ops.h for the contract of every operation; README "Webhooks" for the
 * payload and the signature.
 */
#ifndef TENANTRY_OPS_WEBHOOKS_H
#define TENANTRY_OPS_WEBHOOKS_H

#include "../domain/webhook.h"
#include "../store/store_webhook.h"
#include "ops.h"

/*
 * Raise event type about entity id (occupier occ, site site: 0 when none)
 * in t's transaction: one delivery row for each of the operator's enabled
 * endpoints that asked for it, or none. fields: the entity's main fields
 * as "key=value" lines (the text of its audit event), which become the
 * payload's "data" beside "id". 1, or -1 store error.
 */
int	 ops_event(struct txn *t, enum wh_event type, int64_t occ,
	    int64_t site, int64_t id, const char *fields);

/* The payload of an event (JSON, in t's arena), its id in *event_id.
 * NULL when out of memory. Exposed for the tests of the format. */
char	*ops_event_payload(struct txn *t, enum wh_event type, int64_t occ,
	    int64_t site, int64_t id, const char *fields,
	    const char **event_id);

struct webhook_save_in {
	int64_t		 id;		/* 0: a new endpoint */
	int64_t		 version;	/* of the form (edits) */
	const char	*url;
	unsigned	 events;	/* bit (1 << enum wh_event) per type */
	int		 enabled;
	int		 allow_private;
};

struct webhook_save_out {
	struct ops_result	 why;
	int64_t			 id;
	const char		*secret;	/* a new endpoint's, shown once */
};

/*
 * Register (id 0) or change an endpoint of ctx's operator. The URL must
 * pass wh_url_check (field "url"), at least one event is needed (field
 * "events"); another operator's endpoint is OPS_NOT_FOUND, a stale
 * version OPS_CONFLICT. A new endpoint gets a fresh secret. Audited
 * (webhook_endpoint create/update; the secret never is).
 */
int	 ops_webhook_save(struct ops_ctx *, const struct webhook_save_in *,
	    struct webhook_save_out *);

struct webhook_secret_in {
	int64_t		 id;
	int		 rotate;	/* 0 reveal, 1 a new secret */
};

struct webhook_secret_out {
	struct ops_result	 why;
	const char		*secret;
};

/* Reveal or rotate the secret of an endpoint of ctx's operator; audited
 * (webhook_endpoint reveal_secret / rotate_secret). */
int	 ops_webhook_secret(struct ops_ctx *, const struct webhook_secret_in *,
	    struct webhook_secret_out *);

struct webhook_redeliver_in {
	int64_t		 endpoint;
	int64_t		 delivery;
};

struct webhook_redeliver_out {
	struct ops_result	 why;
};

/* Send a delivered or failed event of the endpoint again (same event id,
 * attempts from 0, for another day); one still waiting is OPS_CONFLICT.
 * Audited (webhook_delivery redeliver). */
int	 ops_webhook_redeliver(struct ops_ctx *,
	    const struct webhook_redeliver_in *, struct webhook_redeliver_out *);

/* The comma-separated type list of a bit set (arena a). */
char	*ops_webhook_events_text(struct arena *a, unsigned events);
/* The bit set of a comma-separated type list (unknown names ignored). */
unsigned ops_webhook_events_bits(const char *list);

#endif
