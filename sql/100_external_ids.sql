-- 100_external_ids: the ids another platform (a membership or booking
-- system: Nexudus, OfficeRnD, ...) gives to an operator's occupiers,
-- contracts and sites, one per integration, so that a sync finds the
-- record by the platform's own id. An external id names one record of its
-- kind per integration and operator; a record has at most one id per
-- integration.
CREATE TABLE external_ref (
	operator_id BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	integration VARCHAR(40) NOT NULL COMMENT 'the other platform, as the API client names it: [a-z0-9_-]',
	entity VARCHAR(16) NOT NULL COMMENT 'occupier, contract or site',
	entity_id BIGINT UNSIGNED NOT NULL COMMENT 'the record''s id',
	external_id VARCHAR(190) NOT NULL COMMENT 'the id the other platform gives it',
	created_at BIGINT NOT NULL COMMENT 'unix seconds it was set',
	PRIMARY KEY (operator_id, integration, entity, external_id),
	UNIQUE KEY external_ref_record (operator_id, entity, entity_id, integration),
	CONSTRAINT fk_external_ref_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
  COMMENT='ids other platforms give to occupiers, contracts and sites';
