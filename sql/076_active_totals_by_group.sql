-- 076_active_totals_by_group: the kept groups of the Active services report
-- (073) stay kept across a write. 073's triggers dropped every kept group
-- of the operator on any write to its occupier services, so the next view
-- ran the whole aggregate again (seconds at 200 000 services). A write
-- changes only the group of its site and catalog service (two groups when
-- a row moves): the triggers below mark those groups stale instead, and the
-- next view recomputes just them, each through the occsvc_site index
-- (store_report_active_keep), so a change costs milliseconds and the groups
-- stay exact.

CREATE TABLE IF NOT EXISTS active_service_stale (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site of a written occupier service',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'its catalog service',
	PRIMARY KEY (operator_id, site_id, service_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='groups of active_service_total to recompute (report_active)';

DROP TRIGGER IF EXISTS occupier_service_active_insert;
DROP TRIGGER IF EXISTS occupier_service_active_update;
DROP TRIGGER IF EXISTS occupier_service_active_delete;

CREATE TRIGGER occupier_service_active_insert AFTER INSERT ON occupier_service FOR EACH ROW
	INSERT IGNORE INTO active_service_stale (operator_id, site_id, service_id)
	VALUES (NEW.operator_id, NEW.site_id, NEW.service_id);

CREATE TRIGGER occupier_service_active_update AFTER UPDATE ON occupier_service FOR EACH ROW
	INSERT IGNORE INTO active_service_stale (operator_id, site_id, service_id)
	VALUES (OLD.operator_id, OLD.site_id, OLD.service_id), (NEW.operator_id, NEW.site_id, NEW.service_id);

CREATE TRIGGER occupier_service_active_delete AFTER DELETE ON occupier_service FOR EACH ROW
	INSERT IGNORE INTO active_service_stale (operator_id, site_id, service_id)
	VALUES (OLD.operator_id, OLD.site_id, OLD.service_id);
