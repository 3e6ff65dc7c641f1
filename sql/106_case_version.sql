-- 106_case_version: a version for each case, so that a program changing a
-- case through the API (PATCH /api/v1/cases/{id}) can send the ETag it
-- read (If-Match) and be told when someone changed the case meanwhile
-- (412) instead of overwriting it. It covers the case's own fields
-- (status, assignee, priority, category): every status move and every
-- triage bumps it in the statement that makes the change.
ALTER TABLE support_case
	ADD COLUMN version BIGINT UNSIGNED NOT NULL DEFAULT 1
	COMMENT 'bumped by every change of status, assignee, priority or category';
