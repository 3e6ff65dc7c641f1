-- 073_active_totals: the Active services report's groups of a day, kept
-- once computed. The report shows one row per site and catalog service
-- (QTY and price of the occupier services active that day) and pages them
-- by key; reading them from occupier_service is one aggregate over every
-- service of the operator (a third of a second at 200 000 services), so
-- the groups of the day are computed by that aggregate the first time the
-- report is asked for, and kept here until the day changes or any of the
-- operator's occupier services is written (the triggers below drop the
-- operator's rows). Unit cost and RRP are the catalog's, read with the
-- groups, never kept.

CREATE TABLE IF NOT EXISTS active_service_total (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	day		DATE NOT NULL COMMENT 'the day the services are active on',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'the catalog service',
	nservices	INT UNSIGNED NOT NULL COMMENT 'occupier services in the group',
	qty		BIGINT NOT NULL COMMENT 'sum of their QTY',
	price_total	BIGINT NOT NULL COMMENT 'sum of price x QTY (minor units)',
	PRIMARY KEY (operator_id, day, site_id, service_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='kept groups of the Active services report (report_active)';

CREATE TRIGGER occupier_service_active_insert AFTER INSERT ON occupier_service FOR EACH ROW
	DELETE FROM active_service_total WHERE operator_id = NEW.operator_id;

CREATE TRIGGER occupier_service_active_update AFTER UPDATE ON occupier_service FOR EACH ROW
	DELETE FROM active_service_total WHERE operator_id IN (OLD.operator_id, NEW.operator_id);

CREATE TRIGGER occupier_service_active_delete AFTER DELETE ON occupier_service FOR EACH ROW
	DELETE FROM active_service_total WHERE operator_id = OLD.operator_id;
