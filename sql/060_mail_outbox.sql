-- 060_mail_outbox: e-mail leaves Tenantry through a transactional outbox. A
-- notification is a row written in the same transaction as the change that
-- causes it (no mail for a change that rolled back, no change without its
-- mail). The sender of each host (started and supervised by `tenantry
-- serve`) claims due rows one at a time with an UPDATE that only matches a
-- row nobody holds, so two hosts never take the same row, delivers them to
-- the relay over SMTP and marks them sent; failures are retried with a
-- growing delay, and after the last attempt a row is "dead" and shown to
-- the operator's admins. The Message-ID is fixed when the row is written,
-- so a message sent again after a crash is recognisable as the same one.

CREATE TABLE mail_outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'message id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'operator the message is sent for (its name is the sender name)',
	kind		VARCHAR(32) NOT NULL COMMENT 'invite, set_password, password_reset, case_raised, case_comment, case_closed, numbers_activated, contract_ending, invoice_issued, test',
	message_id	VARCHAR(190) NOT NULL COMMENT 'the Message-ID header without <>, fixed when the row is written',
	rcpt		VARCHAR(254) NOT NULL COMMENT 'recipient address',
	rcpt_name	VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'recipient display name',
	subject		VARCHAR(400) NOT NULL COMMENT 'subject (UTF-8; encoded when the message is built)',
	body_text	MEDIUMTEXT NOT NULL COMMENT 'text/plain part (UTF-8)',
	body_html	MEDIUMTEXT NOT NULL COMMENT 'text/html part (UTF-8)',
	has_link	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: the body holds a one-time link; emptied once the row is sent or dead',
	state		VARCHAR(16) NOT NULL DEFAULT 'pending' COMMENT 'pending, sending (claimed by lease_owner), sent, dead',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'delivery attempts that failed or are under way',
	next_attempt_at	BIGINT NOT NULL COMMENT 'unix seconds: pending, not before; sending, the lease ends then',
	lease_owner	VARCHAR(128) NULL COMMENT 'sender holding the row while sending (host:pid:random)',
	last_error	VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'what the last failed attempt said',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds; also the Date header',
	sent_at		BIGINT NULL COMMENT 'unix seconds when the relay accepted it',
	PRIMARY KEY (id),
	UNIQUE KEY outbox_message_id (message_id),
	KEY outbox_due (state, next_attempt_at),
	KEY outbox_operator (operator_id, state, id),
	KEY outbox_rcpt (rcpt, kind, created_at),
	CONSTRAINT fk_outbox_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='e-mail waiting to be sent, sent, or given up (dead)';

-- Contracts ending soon: each notice (60 and 30 days before the end date)
-- is sent once per contract and end date; the row records that it was.
CREATE TABLE contract_notice (
	contract_id	BIGINT UNSIGNED NOT NULL COMMENT 'the contract',
	days		INT UNSIGNED NOT NULL COMMENT 'days before the end date: 60 or 30',
	end_date	DATE NOT NULL COMMENT 'the end date the notice was about (a new end date gets new notices)',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	notified_on	DATE NOT NULL COMMENT 'business day the notice was queued',
	PRIMARY KEY (contract_id, days, end_date),
	CONSTRAINT fk_notice_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='contract-ending notices already queued';
