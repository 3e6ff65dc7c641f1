-- 001_foundation: operators, people, sessions, sites, occupiers, contracts.
-- Every table is InnoDB with a primary key (Galera-ready, domain §6); every
-- row below operator carries operator_id and every query filters on it.

CREATE TABLE operator (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'operator id',
	name		VARCHAR(200) NOT NULL COMMENT 'trading name shown in the menu',
	currency	CHAR(3) NOT NULL DEFAULT 'GBP' COMMENT 'ISO 4217 code of all money',
	timezone	VARCHAR(64) NOT NULL DEFAULT 'Europe/London' COMMENT 'zone that defines today',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a workspace business using Tenantry';

CREATE TABLE site (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'site id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	name		VARCHAR(200) NOT NULL COMMENT 'building name',
	address		VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'postal address',
	PRIMARY KEY (id),
	UNIQUE KEY site_name (operator_id, name),
	CONSTRAINT fk_site_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a building';

CREATE TABLE floor (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'floor id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'building',
	name		VARCHAR(100) NOT NULL COMMENT 'e.g. Ground floor',
	level		INT NOT NULL COMMENT 'sort order, 0 = ground',
	PRIMARY KEY (id),
	UNIQUE KEY floor_name (site_id, name),
	KEY floor_operator (operator_id, site_id, level),
	CONSTRAINT fk_floor_site FOREIGN KEY (site_id) REFERENCES site (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a floor of a site';

CREATE TABLE occupier (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'occupier id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	name		VARCHAR(200) NOT NULL COMMENT 'company name, stored verbatim',
	billing_ref	VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'reference in the operator billing system',
	contact_email	VARCHAR(254) NOT NULL DEFAULT '' COMMENT 'billing contact',
	notes		TEXT NOT NULL COMMENT 'free text for the operator',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'optimistic lock for edits',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	updated_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'last edit',
	PRIMARY KEY (id),
	KEY occupier_name (operator_id, name),
	CONSTRAINT fk_occupier_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a company renting space';

CREATE TABLE floor_port (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'floor port id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'building (denormalised for scoping)',
	floor_id	BIGINT UNSIGNED NOT NULL COMMENT 'floor the wall port is on',
	label		VARCHAR(32) NOT NULL COMMENT 'label on the wall plate',
	switch_name	VARCHAR(64) NOT NULL COMMENT 'access switch',
	switch_port	INT UNSIGNED NOT NULL COMMENT 'port number on the switch',
	role		VARCHAR(24) NOT NULL DEFAULT 'disabled' COMMENT 'switch port role: occupier_lan, public_ip, voice, wifi_ap, operator, disabled',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'holder, NULL when unassigned',
	state		VARCHAR(16) NOT NULL DEFAULT 'inactive' COMMENT 'inactive or active',
	PRIMARY KEY (id),
	UNIQUE KEY port_label (floor_id, label),
	UNIQUE KEY port_switch (site_id, switch_name, switch_port),
	KEY port_occupier (operator_id, occupier_id, site_id),
	CONSTRAINT fk_port_floor FOREIGN KEY (floor_id) REFERENCES floor (id),
	CONSTRAINT fk_port_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a network wall port on a floor';

CREATE TABLE contract (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'contract id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'the occupier',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site it covers',
	reference	VARCHAR(64) NOT NULL COMMENT 'operator reference, unique per operator',
	start_date	DATE NOT NULL COMMENT 'first day',
	end_date	DATE NULL COMMENT 'last day, NULL when open-ended',
	version		INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'optimistic lock for edits',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	PRIMARY KEY (id),
	UNIQUE KEY contract_ref (operator_id, reference),
	KEY contract_occupier (operator_id, occupier_id, site_id, start_date),
	CONSTRAINT fk_contract_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id),
	CONSTRAINT fk_contract_site FOREIGN KEY (site_id) REFERENCES site (id),
	CONSTRAINT ck_contract_dates CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='an occupier contract at a site';

CREATE TABLE app_user (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'user id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'set for occupier roles only',
	email		VARCHAR(254) NOT NULL COMMENT 'login, unique across Tenantry',
	name		VARCHAR(200) NOT NULL COMMENT 'display name',
	role		VARCHAR(24) NOT NULL COMMENT 'operator_admin, operator_staff, occupier_admin, occupier_user',
	pw_hash		VARCHAR(255) NOT NULL COMMENT 'libsodium crypto_pwhash_str (Argon2id)',
	disabled	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = cannot sign in',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'row creation',
	PRIMARY KEY (id),
	UNIQUE KEY user_email (email),
	KEY user_operator (operator_id, occupier_id),
	CONSTRAINT fk_user_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
	CONSTRAINT fk_user_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a person who signs in';

CREATE TABLE user_session (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'session id',
	token_hash	BINARY(32) NOT NULL COMMENT 'crypto_generichash of the 32-byte cookie token; the token itself is never stored',
	user_id		BIGINT UNSIGNED NOT NULL COMMENT 'who',
	csrf		CHAR(64) NOT NULL COMMENT 'per-session CSRF token (hex)',
	created_at	BIGINT NOT NULL COMMENT 'unix seconds; absolute expiry counts from here',
	last_seen	BIGINT NOT NULL COMMENT 'unix seconds; idle expiry counts from here',
	remote_addr	VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'address at sign-in',
	user_agent	VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'browser at sign-in',
	PRIMARY KEY (id),
	UNIQUE KEY session_token (token_hash),
	KEY session_user (user_id),
	CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a signed-in browser';

CREATE TABLE login_throttle (
	email		VARCHAR(254) NOT NULL COMMENT 'account tried (lower case), known or not',
	failures	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'failed attempts since the last success',
	last_failure	BIGINT NOT NULL DEFAULT 0 COMMENT 'unix seconds',
	locked_until	BIGINT NOT NULL DEFAULT 0 COMMENT 'unix seconds; no attempt accepted before',
	PRIMARY KEY (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='failed sign-ins per account';

CREATE TABLE audit_event (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'event id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'occupier concerned, if any',
	site_id		BIGINT UNSIGNED NULL COMMENT 'site concerned, if any',
	user_id		BIGINT UNSIGNED NULL COMMENT 'who did it (NULL: system)',
	at		TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) COMMENT 'when',
	entity		VARCHAR(32) NOT NULL COMMENT 'occupier, contract, occupier_service, ...',
	entity_id	BIGINT UNSIGNED NOT NULL COMMENT 'row id in that table',
	action		VARCHAR(32) NOT NULL COMMENT 'create, update, remove, ...',
	old_value	TEXT NULL COMMENT 'before (key=value lines)',
	new_value	TEXT NULL COMMENT 'after (key=value lines)',
	PRIMARY KEY (id),
	KEY audit_occupier (operator_id, occupier_id, site_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='append-only history';
