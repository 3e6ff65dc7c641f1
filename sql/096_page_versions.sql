-- 096_page_versions: versions that a page can check in the same statement
-- as the session, so that a worker which already read the page's data at
-- those versions renders it from its own memory without a second
-- statement (doc/page-cache.md). A version only ever grows; every write
-- that changes what it covers bumps it inside the writing transaction, by
-- the triggers below, so writes by any client (another worker, another
-- app host, the mysql client) count, and a page never shows stale data.
--
-- occupier_site_version covers what the Services tab reads for one
-- occupier at one site: its services and their contracts, the plan's
-- version, the infrastructure in use, the occupier's record and the list
-- of sites where it holds a contract (a contract anywhere bumps every
-- site of the occupier). catalog_version (the catalog) and site_names
-- (the sites' names, addresses, currency and time zone) already exist;
-- their triggers are added here, so that they see writes from outside too.
--
-- On a server with binary logging, creating triggers needs SUPER or
-- log_bin_trust_function_creators = 1 (see README, Configuration).

CREATE TABLE occupier_site_version (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'occupier',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	version		BIGINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'bumped by the triggers of every table the Services tab reads; no row reads as 0',
	PRIMARY KEY (occupier_id, site_id),
	KEY occupier_site_version_operator (operator_id),
	CONSTRAINT fk_osv_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='version of what an occupier''s pages at a site show (page cache)';

-- Services: the row's occupier and site (both, when it moved).
CREATE TRIGGER occsvc_version_insert AFTER INSERT ON occupier_service FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER occsvc_version_update AFTER UPDATE ON occupier_service FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id),
	(OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER occsvc_version_delete AFTER DELETE ON occupier_service FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

-- The plan's own version (a save names the version it started from).
CREATE TRIGGER plan_version_insert AFTER INSERT ON occupier_site_plan FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER plan_version_update AFTER UPDATE ON occupier_site_plan FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id),
	(OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

-- Infrastructure in use (itself kept by the triggers of ports, numbers,
-- public IPs and devices).
CREATE TRIGGER infra_version_insert AFTER INSERT ON infra_in_use FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER infra_version_update AFTER UPDATE ON infra_in_use FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id),
	(OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER infra_version_delete AFTER DELETE ON infra_in_use FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

-- Contracts: the contract's own site (its reference and dates are on the
-- service rows), and every site of the occupier (the tabs list the sites
-- where it holds a contract).
CREATE TRIGGER contract_version_insert AFTER INSERT ON contract FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER contract_version_insert_all AFTER INSERT ON contract FOR EACH ROW
	FOLLOWS contract_version_insert
	UPDATE occupier_site_version SET version = version + 1
	WHERE occupier_id = NEW.occupier_id AND site_id <> NEW.site_id;

CREATE TRIGGER contract_version_update AFTER UPDATE ON contract FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	VALUES (NEW.operator_id, NEW.occupier_id, NEW.site_id),
	(OLD.operator_id, OLD.occupier_id, OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER contract_version_update_all AFTER UPDATE ON contract FOR EACH ROW
	FOLLOWS contract_version_update
	UPDATE occupier_site_version SET version = version + 1
	WHERE occupier_id IN (OLD.occupier_id, NEW.occupier_id)
	AND (OLD.occupier_id <> NEW.occupier_id OR OLD.site_id <> NEW.site_id);

CREATE TRIGGER contract_version_delete AFTER DELETE ON contract FOR EACH ROW
	UPDATE occupier_site_version SET version = version + 1
	WHERE occupier_id = OLD.occupier_id;

-- The occupier's record, shown in every tab's header.
CREATE TRIGGER occupier_version_update AFTER UPDATE ON occupier FOR EACH ROW
	UPDATE occupier_site_version SET version = version + 1
	WHERE occupier_id = NEW.id;

-- The catalog: services, where they are sold (and at what RRP), rules.
CREATE TRIGGER service_catalog_insert AFTER INSERT ON service FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_catalog_update AFTER UPDATE ON service FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id), (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_catalog_delete AFTER DELETE ON service FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_site_catalog_insert AFTER INSERT ON service_site FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_site_catalog_update AFTER UPDATE ON service_site FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id), (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_site_catalog_delete AFTER DELETE ON service_site FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_rule_catalog_insert AFTER INSERT ON service_rule FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_rule_catalog_update AFTER UPDATE ON service_rule FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (NEW.operator_id), (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER service_rule_catalog_delete AFTER DELETE ON service_rule FOR EACH ROW
	INSERT INTO catalog_version (operator_id) VALUES (OLD.operator_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

-- A site's currency or time zone (its name and address: sql/011), and the
-- operator's own, which a site without its own takes.
CREATE TRIGGER site_names_money AFTER UPDATE ON site FOR EACH ROW
	FOLLOWS site_names_update
	UPDATE site_names SET version = version + 1
	WHERE operator_id = NEW.operator_id
	AND NOT (OLD.currency <=> NEW.currency AND OLD.timezone <=> NEW.timezone);

CREATE TRIGGER operator_names_money AFTER UPDATE ON operator FOR EACH ROW
	UPDATE site_names SET version = version + 1
	WHERE operator_id = NEW.id
	AND NOT (OLD.currency <=> NEW.currency AND OLD.timezone <=> NEW.timezone);
