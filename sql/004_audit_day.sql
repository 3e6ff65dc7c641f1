-- 004_audit_day: the business day a change takes effect (the operator's
-- "today", which tests pin), so that charges can split months on the day
-- a price or quantity changed.
ALTER TABLE audit_event
	ADD COLUMN effective_day DATE NULL COMMENT 'operator-local day the change takes effect' AFTER at,
	ADD KEY audit_entity (operator_id, entity, entity_id, effective_day);
