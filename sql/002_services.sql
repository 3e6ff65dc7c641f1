-- 002_services: the service catalog with its rules, site availability, and
-- the services each occupier takes at a site (domain §2-§5).
-- Money is BIGINT minor units (pence); never floating point.

CREATE TABLE service (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'service id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	code		VARCHAR(48) NOT NULL COMMENT 'stable short code, unique per operator',
	name		VARCHAR(200) NOT NULL COMMENT 'shown everywhere, used in rule messages',
	category	VARCHAR(32) NOT NULL COMMENT 'Internet, Bandwidth, Public IP, Voice, Call feature, Tariff, Service level, Wi-Fi, IVR, Conference bridge',
	description	VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'the tooltip in Available services',
	cost		BIGINT NOT NULL DEFAULT 0 COMMENT 'what the operator pays per unit per month (minor units)',
	rrp		BIGINT NOT NULL DEFAULT 0 COMMENT 'recommended retail price per unit per month (minor units)',
	needs_case	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: saving it needs a case (IVR, conference bridge)',
	needs_device	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: starts when its device is activated, not at save',
	sort		INT NOT NULL DEFAULT 0 COMMENT 'display order within the catalog',
	ent_switch_ports INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'switch ports per unit',
	ent_phone_ext	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'telephony extensions per unit',
	ent_public_ip	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'public IP addresses per unit',
	ent_wifi_devices INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Wi-Fi devices per unit',
	ent_wifi_accounts INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Wi-Fi accounts per unit',
	PRIMARY KEY (id),
	UNIQUE KEY service_code (operator_id, code),
	KEY service_sort (operator_id, sort, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='the service catalog';

CREATE TABLE service_site (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'service offered',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'at this site',
	PRIMARY KEY (service_id, site_id),
	KEY service_site_site (operator_id, site_id),
	CONSTRAINT fk_service_site_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
	CONSTRAINT fk_service_site_site FOREIGN KEY (site_id) REFERENCES site (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='which services each site offers';

CREATE TABLE service_rule (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'rule id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	kind		VARCHAR(16) NOT NULL COMMENT 'requires, excludes or max_qty',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'the rule''s subject',
	other_service_id BIGINT UNSIGNED NULL COMMENT 'requires/excludes: the other service',
	other_category	VARCHAR(32) NULL COMMENT 'requires: any service of this category (when other_service_id is NULL)',
	qty_le		TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'requires: also qty(subject) <= qty(other)',
	max_qty		INT UNSIGNED NULL COMMENT 'max_qty: at most this many per occupier per site',
	PRIMARY KEY (id),
	KEY rule_operator (operator_id, service_id),
	CONSTRAINT fk_rule_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
	CONSTRAINT fk_rule_other FOREIGN KEY (other_service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='catalog rules: data, not code';

CREATE TABLE catalog_version (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	version		BIGINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'bumped by every catalog change (worker caches compare it)',
	PRIMARY KEY (operator_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='catalog cache invalidation';

CREATE TABLE occupier_site_plan (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'occupier',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	version		BIGINT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'bumped by every services save; a save names the version it started from',
	PRIMARY KEY (occupier_id, site_id),
	KEY plan_operator (operator_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='optimistic lock for Manage services';

CREATE TABLE occupier_service (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'occupier service id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'occupier',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'catalog service',
	contract_id	BIGINT UNSIGNED NOT NULL COMMENT 'contract it is charged against',
	price		BIGINT NOT NULL COMMENT 'monthly price per unit charged to the occupier (minor units)',
	qty		INT UNSIGNED NOT NULL COMMENT 'units',
	start_date	DATE NOT NULL COMMENT 'the contract start date when added (never typed)',
	activated_at	DATE NULL COMMENT 'day it started (at save, or when its device was activated)',
	ended_at	DATE NULL COMMENT 'day it was removed; NULL while active or scheduled',
	created_by	BIGINT UNSIGNED NULL COMMENT 'user who added it',
	updated_by	BIGINT UNSIGNED NULL COMMENT 'user who last changed it',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	updated_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'last change',
	PRIMARY KEY (id),
	KEY occsvc_occupier (operator_id, occupier_id, site_id, ended_at),
	KEY occsvc_contract (contract_id),
	CONSTRAINT fk_occsvc_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id),
	CONSTRAINT fk_occsvc_site FOREIGN KEY (site_id) REFERENCES site (id),
	CONSTRAINT fk_occsvc_service FOREIGN KEY (service_id) REFERENCES service (id),
	CONSTRAINT fk_occsvc_contract FOREIGN KEY (contract_id) REFERENCES contract (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a service an occupier takes at a site';
