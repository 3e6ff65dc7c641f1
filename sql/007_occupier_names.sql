-- 007_occupier_names: a version per operator that changes whenever the set
-- of its occupiers' names changes (an occupier added, renamed or deleted,
-- by Tenantry or by any other client of the database: the triggers see
-- every write). Each worker keeps, per (operator, version, search text),
-- the number of matching occupiers and the first name and id of every
-- page, so the Occupiers list needs no COUNT scan and no OFFSET walk: a
-- page is a keyset seek into the (operator_id, name) index. Measured by
-- make bench: a COUNT with name LIKE '%Ltd%' read all 20 000 occupiers
-- (15 ms) and page 500 skipped 12 475 index entries (15 ms).
--
-- On a server with binary logging, creating triggers needs SUPER or
-- log_bin_trust_function_creators = 1 (see README, Configuration).

CREATE TABLE occupier_names (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	version		BIGINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'bumped by the occupier triggers',
	PRIMARY KEY (operator_id),
	CONSTRAINT fk_occupier_names_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='version of each operator''s set of occupier names';

INSERT INTO occupier_names (operator_id) SELECT id FROM operator;

CREATE TRIGGER occupier_names_insert AFTER INSERT ON occupier FOR EACH ROW
	INSERT INTO occupier_names (operator_id) VALUES (NEW.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER occupier_names_update AFTER UPDATE ON occupier FOR EACH ROW
	UPDATE occupier_names SET version = version + 1
	WHERE operator_id IN (OLD.operator_id, NEW.operator_id)
	AND (OLD.operator_id <> NEW.operator_id
	OR CAST(OLD.name AS BINARY) <> CAST(NEW.name AS BINARY));

CREATE TRIGGER occupier_names_delete AFTER DELETE ON occupier FOR EACH ROW
	UPDATE occupier_names SET version = version + 1
	WHERE operator_id = OLD.operator_id;
