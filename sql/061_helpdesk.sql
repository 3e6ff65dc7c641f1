-- 061_helpdesk: cases get an assignee (an operator team member), a priority
-- and a category, the statuses open -> in_progress -> awaiting_customer ->
-- resolved -> closed, a status history (the SLA clock runs on it: it is
-- paused while a case awaits the customer), the time of the operator's
-- first response, and attachments kept in the database (never under the
-- web root) and served only to those who may see the case. A site may have
-- a time zone of its own for the business hours of the SLA.

ALTER TABLE support_case
	MODIFY COLUMN status VARCHAR(20) NOT NULL DEFAULT 'open' COMMENT 'open, in_progress, awaiting_customer, resolved, closed',
	ADD COLUMN assignee_id BIGINT UNSIGNED NULL COMMENT 'operator team member handling it; NULL: unassigned' AFTER created_by,
	ADD COLUMN priority VARCHAR(8) NOT NULL DEFAULT 'normal' COMMENT 'low, normal, high, urgent' AFTER assignee_id,
	ADD COLUMN category VARCHAR(24) NOT NULL DEFAULT 'other' COMMENT 'ivr, conference_bridge, connectivity, telephony, wifi, billing, other' AFTER priority,
	ADD COLUMN first_response_at BIGINT NULL COMMENT 'unix seconds of the first comment by the operator side; NULL: none yet' AFTER category,
	ADD COLUMN resolved_at BIGINT NULL COMMENT 'unix seconds it was last resolved; NULL while not resolved' AFTER first_response_at,
	ADD COLUMN sla_elapsed BIGINT NOT NULL DEFAULT 0 COMMENT 'business seconds the resolution clock ran before sla_running_since' AFTER resolved_at,
	ADD COLUMN sla_running_since BIGINT NULL COMMENT 'unix seconds the clock last started; NULL while paused (awaiting customer, resolved, closed)' AFTER sla_elapsed,
	ADD KEY case_queue (operator_id, status, priority),
	ADD KEY case_assignee (operator_id, assignee_id, status);

UPDATE support_case SET sla_running_since = UNIX_TIMESTAMP(created_at)
	WHERE status <> 'closed';

UPDATE support_case c JOIN service v ON v.id = c.service_id
	SET c.category = CASE v.category WHEN 'IVR' THEN 'ivr'
		WHEN 'Conference bridge' THEN 'conference_bridge' ELSE 'other' END;

CREATE TABLE case_status_event (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'event id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	case_id		BIGINT UNSIGNED NOT NULL COMMENT 'case',
	status		VARCHAR(20) NOT NULL COMMENT 'the status the case entered',
	at		BIGINT NOT NULL COMMENT 'unix seconds',
	PRIMARY KEY (id),
	KEY status_event_case (operator_id, case_id, id),
	CONSTRAINT fk_status_event_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='status history of a case (the SLA clock)';

INSERT INTO case_status_event (operator_id, case_id, status, at)
	SELECT operator_id, id, 'open', UNIX_TIMESTAMP(created_at) FROM support_case;
INSERT INTO case_status_event (operator_id, case_id, status, at)
	SELECT operator_id, id, 'closed', UNIX_TIMESTAMP(closed_at) FROM support_case
	WHERE status = 'closed' AND closed_at IS NOT NULL;

CREATE TABLE case_attachment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'attachment id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	case_id		BIGINT UNSIGNED NOT NULL COMMENT 'case',
	comment_id	BIGINT UNSIGNED NULL COMMENT 'the comment it came with; NULL: with the case itself',
	filename	VARCHAR(255) NOT NULL COMMENT 'file name as uploaded (sanitised)',
	content_type	VARCHAR(100) NOT NULL COMMENT 'type checked from the content, one of the allowed ones',
	size		INT UNSIGNED NOT NULL COMMENT 'bytes',
	data		MEDIUMBLOB NOT NULL COMMENT 'the file',
	uploaded_by	BIGINT UNSIGNED NULL COMMENT 'user',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds',
	PRIMARY KEY (id),
	KEY attachment_case (operator_id, case_id, id),
	CONSTRAINT fk_attachment_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='files attached to cases';

ALTER TABLE site
	ADD COLUMN timezone VARCHAR(64) NULL COMMENT 'IANA time zone of the building (business hours of case SLAs); NULL: the operator''s';
