-- 003_infrastructure: what services entitle (domain §3): phone
-- numbers, public IP addresses and registered devices. Floor ports are in
-- 001. In use (X) of each Provisioned infrastructure fraction is counted
-- from these tables.

CREATE TABLE phone_number (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'number id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site pool it belongs to',
	number		VARCHAR(32) NOT NULL COMMENT 'E.164 with spaces for reading, e.g. +44 20 7946 0101',
	state		VARCHAR(16) NOT NULL DEFAULT 'available' COMMENT 'available, reserved, active, cooling_off',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'holder when reserved/active for an occupier',
	operator_held	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: reserved for the operator itself',
	is_main		TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: the occupier main number at the site',
	activated_at	DATE NULL COMMENT 'day it became active',
	deactivated_at	DATE NULL COMMENT 'day it was deactivated',
	cooloff_until	DATE NULL COMMENT 'cooling_off: available again from this day',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'bumped by every change',
	PRIMARY KEY (id),
	UNIQUE KEY phone_number_unique (operator_id, number),
	KEY phone_site_state (operator_id, site_id, state, number),
	KEY phone_holder (operator_id, occupier_id, site_id, state),
	CONSTRAINT fk_phone_site FOREIGN KEY (site_id) REFERENCES site (id),
	CONSTRAINT fk_phone_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='site pools of phone numbers';

CREATE TABLE public_ip (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'address id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site block pool it belongs to',
	address		VARCHAR(45) NOT NULL COMMENT 'IPv4 or IPv6 text form',
	block		VARCHAR(64) NOT NULL COMMENT 'block it was carved from, e.g. 203.0.113.8/29',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'assigned to, NULL when free',
	state		VARCHAR(16) NOT NULL DEFAULT 'free' COMMENT 'free, assigned, active',
	device_mac	VARCHAR(17) NULL COMMENT 'device using it (lower-case MAC), when active',
	PRIMARY KEY (id),
	UNIQUE KEY public_ip_unique (operator_id, address),
	KEY public_ip_holder (operator_id, occupier_id, site_id, state),
	KEY public_ip_site (operator_id, site_id, state),
	CONSTRAINT fk_public_ip_site FOREIGN KEY (site_id) REFERENCES site (id),
	CONSTRAINT fk_public_ip_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='per-site public IP address pool';

CREATE TABLE device (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'device id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'holder',
	type		VARCHAR(16) NOT NULL COMMENT 'wifi_device or wifi_account',
	identifier	VARCHAR(128) NOT NULL COMMENT 'MAC address (wifi_device) or account name (wifi_account)',
	label		VARCHAR(128) NOT NULL DEFAULT '' COMMENT 'what it is, e.g. Reception laptop',
	state		VARCHAR(16) NOT NULL DEFAULT 'registered' COMMENT 'registered or active',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'registered at',
	PRIMARY KEY (id),
	UNIQUE KEY device_identifier (operator_id, site_id, type, identifier),
	KEY device_holder (operator_id, occupier_id, site_id, type, state),
	CONSTRAINT fk_device_site FOREIGN KEY (site_id) REFERENCES site (id),
	CONSTRAINT fk_device_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Wi-Fi devices and Wi-Fi accounts an occupier registers';

CREATE TABLE support_case (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'case id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'occupier it concerns',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site it concerns',
	service_id	BIGINT UNSIGNED NULL COMMENT 'related catalog service, if any',
	subject		VARCHAR(200) NOT NULL COMMENT 'one line',
	details		TEXT NOT NULL COMMENT 'free text',
	status		VARCHAR(16) NOT NULL DEFAULT 'open' COMMENT 'open or closed',
	created_by	BIGINT UNSIGNED NULL COMMENT 'who raised it',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'raised at',
	closed_at	TIMESTAMP NULL COMMENT 'closed at, NULL while open',
	PRIMARY KEY (id),
	KEY case_status (operator_id, status, created_at),
	KEY case_occupier (operator_id, occupier_id, site_id),
	CONSTRAINT fk_case_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id),
	CONSTRAINT fk_case_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='support cases (IVR set-up, conference bridges, faults)';

CREATE TABLE case_comment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'comment id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	case_id		BIGINT UNSIGNED NOT NULL COMMENT 'case',
	user_id		BIGINT UNSIGNED NULL COMMENT 'author',
	body		TEXT NOT NULL COMMENT 'comment text',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'written at',
	PRIMARY KEY (id),
	KEY comment_case (operator_id, case_id, id),
	CONSTRAINT fk_comment_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='case conversation';
