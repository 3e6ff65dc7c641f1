-- 094_webhooks: signed webhooks. An operator's admins register endpoints
-- (an https URL, the events it wants, a secret that signs every request).
-- A change that raises an event writes one delivery row per subscribed,
-- enabled endpoint in the same transaction as the change (a transactional
-- outbox: no event for a change that rolled back). The webhook sender of
-- each host claims due rows with an UPDATE that only matches a row nobody
-- holds (a lease), POSTs the payload and records every attempt; failures
-- are retried with a doubling delay for a day, then the row is "failed".
-- The event id is fixed when the row is written and sent with every
-- attempt, so a receiver can drop a repeat (delivery is at least once).

CREATE TABLE webhook_endpoint (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'endpoint id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	url		VARCHAR(2000) NOT NULL COMMENT 'https URL the events are POSTed to',
	events		VARCHAR(400) NOT NULL COMMENT 'comma-separated event types it receives (occupier.created, ...)',
	secret		VARCHAR(100) NOT NULL COMMENT 'HMAC-SHA256 key of the Tenantry-Signature header (whsec_ + 64 hex)',
	enabled		TINYINT(1) NOT NULL DEFAULT 1 COMMENT '0: nothing is queued or sent for it',
	allow_private	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: an admin allowed a private, loopback or link-local address',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'optimistic concurrency of the edit form',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds',
	updated_at	BIGINT NOT NULL COMMENT 'unix seconds',
	PRIMARY KEY (id),
	KEY webhook_endpoint_operator (operator_id, enabled),
	CONSTRAINT fk_webhook_endpoint_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='where an operator''s webhook events go';

CREATE TABLE webhook_delivery (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'delivery id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner (the endpoint''s)',
	endpoint_id	BIGINT UNSIGNED NOT NULL COMMENT 'where it goes',
	event_id	CHAR(36) NOT NULL COMMENT 'evt_ + 32 hex: the same for every endpoint and attempt of one event',
	event_type	VARCHAR(40) NOT NULL COMMENT 'occupier.created, ...',
	payload		MEDIUMTEXT NOT NULL COMMENT 'the JSON body, fixed when the event is written',
	state		VARCHAR(16) NOT NULL DEFAULT 'pending' COMMENT 'pending, sending (claimed by lease_owner), delivered, failed',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'attempts made or under way',
	next_attempt_at	BIGINT NOT NULL COMMENT 'unix seconds: pending, not before; sending, the lease ends then',
	give_up_at	BIGINT NOT NULL COMMENT 'unix seconds: a failure after this is final',
	lease_owner	VARCHAR(128) NULL COMMENT 'sender holding the row (host:pid:random)',
	last_status	INT NOT NULL DEFAULT 0 COMMENT 'HTTP status of the last attempt, 0 none',
	last_error	VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'what the last failed attempt said',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds: when the event occurred',
	delivered_at	BIGINT NULL COMMENT 'unix seconds of the 2xx answer',
	PRIMARY KEY (id),
	UNIQUE KEY webhook_delivery_event (endpoint_id, event_id),
	KEY webhook_delivery_due (state, next_attempt_at),
	KEY webhook_delivery_operator (operator_id, endpoint_id, id),
	CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='webhook events to send, sent, or given up';

CREATE TABLE webhook_attempt (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'attempt id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	endpoint_id	BIGINT UNSIGNED NOT NULL COMMENT 'endpoint',
	delivery_id	BIGINT UNSIGNED NOT NULL COMMENT 'the delivery attempted',
	at		BIGINT NOT NULL COMMENT 'unix seconds the attempt started',
	status		INT NOT NULL DEFAULT 0 COMMENT 'HTTP status, 0 none (no connection, refused address)',
	duration_ms	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'how long it took',
	error		VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'what went wrong, empty for a 2xx',
	PRIMARY KEY (id),
	KEY webhook_attempt_endpoint (operator_id, endpoint_id, id),
	CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='the delivery log: every attempt';
