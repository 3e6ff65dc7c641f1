/*
 * whsender: the webhook sender, one process per host beside the workers
 * (started and supervised by `tenantry serve` as tn-webhooks). It delivers
 * the webhook outbox (store_webhook) one row at a time:
 *
 *   claim a due row (a lease: no other sender can take it until it ends),
 *   POST its JSON payload to the endpoint with libcurl, signed
 *   (Tenantry-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">), with
 *   its event id (Tenantry-Event-Id), then
 *   - a 2xx answer: delivered;
 *   - anything else (another status, no connection, a timeout, a refused
 *     address): pending again after cfg.webhook_retry_seconds doubled at
 *     each attempt (at most an hour), or failed once the event is a day
 *     old. Every attempt is logged (status, duration, error).
 *
 * Only https is spoken, redirects are not followed, no proxy is used, and
 * the address libcurl is about to connect to (after DNS resolution) is
 * checked in the open-socket callback: a private, loopback, link-local,
 * CGNAT or reserved address is refused unless the endpoint allows a
 * private address, so a name that resolves (or rebinds) to the operator's
 * own network gets nothing.
 *
 * A sender that dies while sending leaves its row claimed until the lease
 * ends (WH_LEASE_SECONDS, longer than any one request may take); then any
 * sender takes it again, with the same event id (at least once).
 */
#ifndef TENANTRY_WHSENDER_H
#define TENANTRY_WHSENDER_H

#define WH_LEASE_SECONDS	120
#define WH_TIMEOUT_SECONDS	15	/* one request, connection included */

/* The sender's loop until SIGTERM/SIGINT. Returns the exit status. */
int	 whsender_main(void);

#endif
