-- 101_contract_updated: when a contract last changed, as occupiers carry
-- it, so that a sync through the API asks only for the contracts changed
-- since its last run (GET /api/v1/contracts?updated_since=).
ALTER TABLE contract
	ADD COLUMN updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
	ON UPDATE CURRENT_TIMESTAMP COMMENT 'last change',
	ADD KEY contract_updated (operator_id, updated_at);
