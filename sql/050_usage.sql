-- 050_usage: usage billing: who held each phone number when, rate tables,
-- allowances and bandwidth tiers as data, imported call detail records and
-- traffic samples, and the monthly summaries the Billing Usage Report and
-- the usage charge lines read. Times are unix seconds (UTC); months are
-- YYYYMM in the operator's time zone. Money is BIGINT minor units; rates
-- are thousandths of a minor unit (millipence), see app/domain/usage.h.

CREATE TABLE phone_holder (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the pool of the number',
	phone_number_id	BIGINT UNSIGNED NOT NULL COMMENT 'the number',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'who held it (reserved or active)',
	held_from	BIGINT NOT NULL COMMENT 'unix time the holding began (inclusive); 0: before records began',
	held_until	BIGINT NULL COMMENT 'unix time it ended (exclusive); NULL while it is held',
	PRIMARY KEY (phone_number_id, held_from, occupier_id),
	KEY phone_holder_site (operator_id, site_id),
	KEY phone_holder_occupier (operator_id, occupier_id, site_id),
	CONSTRAINT fk_phone_holder_number FOREIGN KEY (phone_number_id) REFERENCES phone_number (id) ON DELETE CASCADE,
	CONSTRAINT fk_phone_holder_occupier FOREIGN KEY (occupier_id) REFERENCES occupier (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='who held each phone number when: written in the transaction that changes the holder';

-- The history so far, from what was kept: the numbers' holders and
-- activation days, and the audit events of the telephony screens
-- (allocate/activate start a holding, deallocate/deactivate end one;
-- the event's occupier is the holder). A day becomes its local midnight
-- in the operator's zone when MariaDB knows the zone, else UTC midnight.
INSERT IGNORE INTO phone_holder (operator_id, site_id, phone_number_id, occupier_id, held_from, held_until)
SELECT e.operator_id, n.site_id, e.entity_id, e.occupier_id,
	COALESCE(
		(SELECT UNIX_TIMESTAMP(MIN(a.at)) FROM audit_event a
		 WHERE a.operator_id = e.operator_id AND a.entity = 'phone_number'
		 AND a.entity_id = e.entity_id AND a.occupier_id = e.occupier_id
		 AND a.action IN ('allocate', 'activate') AND a.at < e.at
		 AND a.at > COALESCE((SELECT MAX(b.at) FROM audit_event b
			WHERE b.operator_id = e.operator_id AND b.entity = 'phone_number'
			AND b.entity_id = e.entity_id AND b.action IN ('deallocate', 'deactivate')
			AND b.at < e.at), '1970-01-01 00:00:01')),
		IF(e.action = 'deactivate' AND n.activated_at IS NOT NULL,
			UNIX_TIMESTAMP(COALESCE(CONVERT_TZ(n.activated_at, p.timezone, '+00:00'), n.activated_at)),
			NULL),
		0),
	UNIX_TIMESTAMP(e.at)
FROM audit_event e
JOIN phone_number n ON n.id = e.entity_id AND n.operator_id = e.operator_id
JOIN operator p ON p.id = e.operator_id
WHERE e.entity = 'phone_number' AND e.action IN ('deallocate', 'deactivate')
AND e.occupier_id IS NOT NULL;

INSERT IGNORE INTO phone_holder (operator_id, site_id, phone_number_id, occupier_id, held_from, held_until)
SELECT n.operator_id, n.site_id, n.id, n.occupier_id,
	COALESCE(
		(SELECT UNIX_TIMESTAMP(MIN(a.at)) FROM audit_event a
		 WHERE a.operator_id = n.operator_id AND a.entity = 'phone_number'
		 AND a.entity_id = n.id AND a.occupier_id = n.occupier_id
		 AND a.action IN ('allocate', 'activate')
		 AND a.at > COALESCE((SELECT MAX(b.at) FROM audit_event b
			WHERE b.operator_id = n.operator_id AND b.entity = 'phone_number'
			AND b.entity_id = n.id AND b.action IN ('deallocate', 'deactivate')),
			'1970-01-01 00:00:01')),
		UNIX_TIMESTAMP(COALESCE(CONVERT_TZ(n.activated_at, p.timezone, '+00:00'), n.activated_at)),
		0),
	NULL
FROM phone_number n JOIN operator p ON p.id = n.operator_id
WHERE n.occupier_id IS NOT NULL;

CREATE TABLE usage_group (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'group id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	code		VARCHAR(32) NOT NULL COMMENT 'stable short code, e.g. uk_mobile',
	name		VARCHAR(100) NOT NULL COMMENT 'shown on lines and reports, e.g. UK mobile',
	sort		INT NOT NULL DEFAULT 0 COMMENT 'display order',
	PRIMARY KEY (id),
	UNIQUE KEY usage_group_code (operator_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='destination groups of calls: one charge line each';

CREATE TABLE usage_rate (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'rate id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'the Tariff service whose table this is',
	prefix		VARCHAR(16) NOT NULL COMMENT 'international digits the called number starts with; empty: any number',
	group_id	BIGINT UNSIGNED NOT NULL COMMENT 'the destination group',
	per_minute	BIGINT NOT NULL COMMENT 'price of a billed minute, thousandths of a minor unit',
	setup		BIGINT NOT NULL DEFAULT 0 COMMENT 'per call, thousandths of a minor unit',
	minimum		BIGINT NOT NULL DEFAULT 0 COMMENT 'least a charged call costs, thousandths of a minor unit',
	first_secs	INT NOT NULL DEFAULT 60 COMMENT 'billed at least this many seconds',
	step_secs	INT NOT NULL DEFAULT 1 COMMENT 'then in steps of this many seconds',
	PRIMARY KEY (id),
	UNIQUE KEY usage_rate_prefix (service_id, prefix),
	KEY usage_rate_operator (operator_id),
	CONSTRAINT fk_usage_rate_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
	CONSTRAINT fk_usage_rate_group FOREIGN KEY (group_id) REFERENCES usage_group (id),
	CONSTRAINT ck_usage_rate CHECK (per_minute >= 0 AND setup >= 0 AND minimum >= 0 AND first_secs >= 0 AND step_secs >= 1 AND prefix REGEXP '^[0-9]*$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='rate tables of the tariffs: longest prefix wins';

CREATE TABLE usage_allowance (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'the Tariff service',
	group_id	BIGINT UNSIGNED NOT NULL COMMENT 'the destination group it covers',
	minutes		INT NULL COMMENT 'inclusive minutes a month; NULL: unlimited',
	per_line	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: minutes per voice line (times the Voice QTY of the month)',
	PRIMARY KEY (service_id, group_id),
	KEY usage_allowance_operator (operator_id),
	CONSTRAINT fk_usage_allowance_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE,
	CONSTRAINT fk_usage_allowance_group FOREIGN KEY (group_id) REFERENCES usage_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='inclusive minutes of the tariffs';

CREATE TABLE usage_bandwidth_tier (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	service_id	BIGINT UNSIGNED NOT NULL COMMENT 'the Bandwidth service',
	committed_mbps	INT UNSIGNED NOT NULL COMMENT 'committed rate; the 95th percentile above it is burst',
	burst_per_mbps	BIGINT NOT NULL COMMENT 'price of a Mbps of burst for a month, minor units',
	PRIMARY KEY (service_id),
	KEY usage_tier_operator (operator_id),
	CONSTRAINT fk_usage_tier_service FOREIGN KEY (service_id) REFERENCES service (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='committed rate and burst price of the bandwidth tiers';

CREATE TABLE usage_site (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	imports		BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'imports so far: locked and bumped by each import (imports of a site run one at a time); the monthly summaries record the count they were built at',
	PRIMARY KEY (site_id),
	KEY usage_site_operator (operator_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='per-site import lock and counter';

CREATE TABLE usage_import (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'import id',
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	kind		VARCHAR(8) NOT NULL COMMENT 'calls or traffic',
	file_name	VARCHAR(255) NOT NULL COMMENT 'as uploaded or given on the command line',
	records		INT UNSIGNED NOT NULL COMMENT 'records in the file',
	added		INT UNSIGNED NOT NULL COMMENT 'records new to Tenantry',
	duplicates	INT UNSIGNED NOT NULL COMMENT 'records imported before (or twice in the file): counted once',
	unattributed	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'calls: new calls from numbers nobody held',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'traffic: whose port or VLAN',
	interface	VARCHAR(64) NULL COMMENT 'traffic: the port or VLAN',
	user_id		BIGINT UNSIGNED NULL COMMENT 'who uploaded it; NULL: the command line or the demo',
	via		VARCHAR(8) NOT NULL COMMENT 'web, cli or seed',
	created_at	TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'when',
	PRIMARY KEY (id),
	KEY usage_import_site (operator_id, site_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='files imported';

-- One index only (the natural key, which is also time order, so a day's
-- file is appended in order): a secondary index doubled the cost of an
-- import (make bench). An occupier's calls of a month are read by that
-- key's range over the site's month (the month a call counts in is the
-- local month of its start). Every column costs at import too: the
-- operator is the site's (queries join site to scope by it). No foreign
-- keys either: a million rows an import, and every id in them comes from
-- the importer's own reads inside its transaction.
CREATE TABLE usage_call (
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site of the file',
	started		BIGINT NOT NULL COMMENT 'unix time the call started',
	calling		BIGINT UNSIGNED NOT NULL COMMENT 'calling number: its international digits as a number (E.164: at most 15 digits, never a leading 0)',
	called		BIGINT UNSIGNED NOT NULL COMMENT 'called number, likewise',
	direction	TINYINT NOT NULL COMMENT '0 made, 1 received',
	duration	INT UNSIGNED NOT NULL COMMENT 'seconds',
	carrier_cost	BIGINT NULL COMMENT 'what the carrier charged, ten-thousandths of a major unit; NULL: not given',
	occupier_id	BIGINT UNSIGNED NULL COMMENT 'the holder of the calling number (received: of the called number) when it started; NULL: nobody',
	kind		TINYINT NOT NULL COMMENT '0 rated, 1 internal, 2 inbound, 3 no holder, 4 no tariff, 5 no rate (app/domain/usage.h)',
	service_id	BIGINT UNSIGNED NULL COMMENT 'the tariff that rated it',
	group_id	BIGINT UNSIGNED NULL COMMENT 'its destination group',
	billed		INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'billed seconds after the increments',
	per_minute	BIGINT NOT NULL DEFAULT 0 COMMENT 'rate applied, thousandths of a minor unit',
	setup		BIGINT NOT NULL DEFAULT 0 COMMENT 'set-up applied, thousandths of a minor unit',
	minimum		BIGINT NOT NULL DEFAULT 0 COMMENT 'minimum applied, thousandths of a minor unit',
	included	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'billed seconds taken from an allowance (in call order)',
	amount		BIGINT NOT NULL DEFAULT 0 COMMENT 'what it costs, minor units, rounded half up once',
	import_id	BIGINT UNSIGNED NOT NULL COMMENT 'the import that brought it',
	PRIMARY KEY (site_id, started, calling, called, direction)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='call detail records; the primary key is the natural key that makes imports idempotent';

-- The monthly summary is a cache of the calls: built when it is read and
-- the site has had imports since (usage_month.imports < usage_site.imports),
-- by one INSERT ... SELECT ... GROUP BY on the server.
CREATE TABLE usage_month (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	month		INT NOT NULL COMMENT 'YYYYMM (local)',
	imports		BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'usage_site.imports when usage_voice_month was last built for this month',
	PRIMARY KEY (site_id, month),
	KEY usage_month_operator (operator_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='how fresh each month''s summary is';

CREATE TABLE usage_voice_month (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	month		INT NOT NULL COMMENT 'YYYYMM (local)',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'the calls'' occupier; 0: nobody',
	kind		TINYINT NOT NULL COMMENT 'as usage_call.kind',
	group_id	BIGINT UNSIGNED NOT NULL COMMENT 'destination group (0 when not rated)',
	calls		INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'calls',
	seconds		BIGINT NOT NULL DEFAULT 0 COMMENT 'seconds talked',
	billed		BIGINT NOT NULL DEFAULT 0 COMMENT 'seconds billed',
	included	BIGINT NOT NULL DEFAULT 0 COMMENT 'billed seconds taken from an allowance',
	amount		BIGINT NOT NULL DEFAULT 0 COMMENT 'minor units: sum of the calls'' rounded charges',
	carrier_cost	BIGINT NOT NULL DEFAULT 0 COMMENT 'ten-thousandths of a major unit',
	PRIMARY KEY (operator_id, site_id, month, occupier_id, kind, group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='calls per occupier, month, kind and group: a cache of usage_call (usage_month)';

CREATE TABLE usage_traffic (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'whose port or VLAN',
	interface	VARCHAR(64) NOT NULL COMMENT 'the port or VLAN, as named at import',
	slot		BIGINT NOT NULL COMMENT 'unix time the 5 minutes start',
	month		INT NOT NULL COMMENT 'YYYYMM (local) of the slot',
	bytes_in	BIGINT UNSIGNED NOT NULL COMMENT 'bytes received in the 5 minutes',
	bytes_out	BIGINT UNSIGNED NOT NULL COMMENT 'bytes sent in the 5 minutes',
	import_id	BIGINT UNSIGNED NOT NULL COMMENT 'the import that brought it',
	PRIMARY KEY (site_id, occupier_id, interface, slot),
	KEY usage_traffic_month (operator_id, site_id, occupier_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='5-minute traffic samples; the primary key makes imports idempotent';

CREATE TABLE usage_bw_month (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'site',
	month		INT NOT NULL COMMENT 'YYYYMM (local)',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'occupier',
	samples		INT UNSIGNED NOT NULL COMMENT '5-minute slots with samples',
	p95_in		BIGINT NOT NULL COMMENT '95th percentile of bits received in a slot (all interfaces)',
	p95_out		BIGINT NOT NULL COMMENT '95th percentile of bits sent in a slot',
	PRIMARY KEY (operator_id, site_id, month, occupier_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='the month''s 95th percentiles, kept by every traffic import';

-- Rating a site reads the Tariff, Voice and Bandwidth rows of its
-- occupiers: by site, not by occupier.
ALTER TABLE occupier_service ADD KEY occsvc_site (operator_id, site_id, service_id);
