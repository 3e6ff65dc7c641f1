-- 108_occupier_count: the occupier_names row of an operator also keeps how
-- many occupiers it has, moved by the same triggers, so the first pages
-- of the plain Occupiers list need neither a COUNT nor the worker's page
-- index: the count is the version row's, and a page within the first few
-- is an OFFSET seek into the (operator_id, name) index (page 20 skips 475
-- entries, well under a millisecond). Deeper pages and searches still use
-- the page index (007). At 20 000 occupiers a worker's first view of the
-- list read every name (5-8 ms), and each of a host's workers did so
-- after every occupier added or renamed.

ALTER TABLE occupier_names ADD COLUMN occupiers BIGINT NOT NULL DEFAULT 0
	COMMENT 'how many occupiers the operator has (the occupier triggers)';

UPDATE occupier_names n SET occupiers = (SELECT COUNT(*) FROM occupier o
	WHERE o.operator_id = n.operator_id);

DROP TRIGGER occupier_names_insert;
CREATE TRIGGER occupier_names_insert AFTER INSERT ON occupier FOR EACH ROW
	INSERT INTO occupier_names (operator_id, occupiers)
	VALUES (NEW.operator_id, 1)
	ON DUPLICATE KEY UPDATE version = version + 1, occupiers = occupiers + 1;

DROP TRIGGER occupier_names_update;
CREATE TRIGGER occupier_names_update AFTER UPDATE ON occupier FOR EACH ROW
	UPDATE occupier_names SET version = version + 1,
	occupiers = occupiers + (operator_id = NEW.operator_id) -
	(operator_id = OLD.operator_id)
	WHERE operator_id IN (OLD.operator_id, NEW.operator_id)
	AND (OLD.operator_id <> NEW.operator_id
	OR CAST(OLD.name AS BINARY) <> CAST(NEW.name AS BINARY));

DROP TRIGGER occupier_names_delete;
CREATE TRIGGER occupier_names_delete AFTER DELETE ON occupier FOR EACH ROW
	UPDATE occupier_names SET version = version + 1,
	occupiers = occupiers - 1
	WHERE operator_id = OLD.operator_id;
