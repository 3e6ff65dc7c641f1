-- 098_site_archive: an operator admin archives a site that has no running
-- contract (none active, none starting later). An archived site keeps its
-- history, charges and invoices and stays readable, but takes no new
-- contract and is left out of the lists that start something new (move-in,
-- a new catalog service's sites). Restoring it clears the date.
ALTER TABLE site
	ADD COLUMN archived_on DATE NULL DEFAULT NULL
	COMMENT 'day the site was archived; NULL: in use';

-- The workers keep the list of sites by site_names' version: archiving or
-- restoring changes it too, whoever writes it.
CREATE TRIGGER site_names_archive AFTER UPDATE ON site FOR EACH ROW
UPDATE site_names SET version = version + 1
	WHERE operator_id = NEW.operator_id
	AND NOT (OLD.archived_on <=> NEW.archived_on);
