-- 020_charge_ledger: the charge ledger. Each occupier service's price and
-- QTY over time as effective-dated rows, written by the Manage services
-- save in the same transaction as the service itself, and the one source
-- of charges (app/domain/ledger.h). Charges used to be computed by reading
-- "price=...\nqty=..." back out of audit_event; the audit log stays what
-- it is, a record for people.
--
-- A row [from_day, to_day) holds what was in force on those days. A change
-- on day D closes the row in force (to_day = D) and opens the next from D;
-- a second change the same day changes that day's row; removing a service
-- closes its row on the removal day. So no write ever changes what was in
-- force on a day before it, and a month's charges, once the month is over,
-- never change. A service is charged only inside its window
-- [activated_at, ended_at) of occupier_service.
--
-- This migration re-derives the rows of every existing service from the
-- audit log through the view charge_ledger_from_audit below (the values
-- before the first price/QTY change, then each change from its effective
-- day, the last of a day winning, the last row closed on the day the
-- service ended). `tenantry ledger-check` compares the ledger with the
-- audit log service by service (an independent reading of the log, in C)
-- and says whether they charge the same days at the same prices.

CREATE TABLE IF NOT EXISTS charge_ledger (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	occsvc_id	BIGINT UNSIGNED NOT NULL COMMENT 'the occupier service',
	from_day	DATE NOT NULL COMMENT 'first day this price and QTY are in force',
	to_day		DATE NULL COMMENT 'first day they are no longer in force (the next row''s from_day, or the day the service ended); NULL while in force',
	occupier_id	BIGINT UNSIGNED NOT NULL COMMENT 'the service''s occupier (reads by occupier)',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the service''s site',
	price		BIGINT NOT NULL COMMENT 'monthly price per unit (minor units)',
	qty		INT UNSIGNED NOT NULL COMMENT 'units',
	PRIMARY KEY (operator_id, occsvc_id, from_day),
	KEY ledger_occupier (operator_id, occupier_id, site_id),
	KEY ledger_occsvc (occsvc_id),
	CONSTRAINT fk_ledger_occsvc FOREIGN KEY (occsvc_id) REFERENCES occupier_service (id) ON DELETE CASCADE,
	CONSTRAINT ck_ledger_days CHECK (to_day IS NULL OR to_day >= from_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='price and QTY of each occupier service over time: what charges are computed from';

-- The ledger as the audit log tells it: the price/QTY updates the Manage
-- services save has written since 004 (entity occupier_service, action
-- update, effective_day set, old and new values as "key=value" lines).
-- Used by this migration and by the benchmark's generated history only.
CREATE OR REPLACE VIEW charge_ledger_from_audit AS
WITH ev AS (
	SELECT a.entity_id AS occsvc_id, a.effective_day AS day,
		CAST(ROUND(100 * CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT('\n', a.old_value, '\n'),
			'\nprice=', -1), '\n', 1) AS DECIMAL(20,2))) AS SIGNED) AS old_price,
		CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT('\n', a.old_value, '\n'),
			'\nqty=', -1), '\n', 1) AS UNSIGNED) AS old_qty,
		CAST(ROUND(100 * CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT('\n', a.new_value, '\n'),
			'\nprice=', -1), '\n', 1) AS DECIMAL(20,2))) AS SIGNED) AS new_price,
		CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(CONCAT('\n', a.new_value, '\n'),
			'\nqty=', -1), '\n', 1) AS UNSIGNED) AS new_qty,
		ROW_NUMBER() OVER (PARTITION BY a.entity_id ORDER BY a.effective_day, a.id) AS nth,
		ROW_NUMBER() OVER (PARTITION BY a.entity_id, a.effective_day ORDER BY a.id DESC) AS from_last
	FROM audit_event a JOIN occupier_service s ON s.id = a.entity_id AND s.operator_id = a.operator_id
	WHERE a.entity = 'occupier_service' AND a.action = 'update' AND a.effective_day IS NOT NULL
), points AS (
	-- The values before the first change, from the day the history starts.
	SELECT s.id AS occsvc_id,
		LEAST(s.start_date, COALESCE(s.activated_at, s.start_date), COALESCE(f.day, s.start_date)) AS day,
		COALESCE(f.old_price, s.price) AS price, COALESCE(f.old_qty, s.qty) AS qty, 0 AS k
	FROM occupier_service s LEFT JOIN ev f ON f.occsvc_id = s.id AND f.nth = 1
	UNION ALL
	-- Each day's last change.
	SELECT occsvc_id, day, new_price, new_qty, 1 FROM ev WHERE from_last = 1
), daily AS (
	-- One row a day: a change on the first day replaces the values before.
	SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.occsvc_id, p.day ORDER BY p.k DESC) AS r
	FROM points p
)
SELECT s.operator_id, d.occsvc_id, d.day AS from_day,
	COALESCE(LEAD(d.day) OVER (PARTITION BY d.occsvc_id ORDER BY d.day),
		GREATEST(s.ended_at, d.day)) AS to_day,
	s.occupier_id, s.site_id, d.price, d.qty
FROM daily d JOIN occupier_service s ON s.id = d.occsvc_id
WHERE d.r = 1;

INSERT INTO charge_ledger (operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty)
SELECT operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty
FROM charge_ledger_from_audit;
