-- 072_report_totals: the totals of the Occupier Service Charges report of a
-- complete month, kept once computed. The report pages its lines by
-- occupier; its totals (per site, the grand total, the lines and occupiers
-- counted) come from one aggregate statement over the month's ledger rows,
-- which at 200 000 services costs seconds: it runs the first time a month
-- is shown and its rows are kept here (site_id 0: the grand total).
--
-- A kept month stays true because the triggers below drop an operator's
-- kept months from the first day a write can change: a ledger row written,
-- closed or removed, a service's charge window [activated_at, ended_at)
-- moved, a service deleted (its ledger rows go by cascade, which fires no
-- trigger). Writes dated today, the usual case, touch no complete month and
-- drop nothing.

CREATE TABLE IF NOT EXISTS charge_month_total (
	operator_id	BIGINT UNSIGNED NOT NULL COMMENT 'owner',
	month		DATE NOT NULL COMMENT 'first day of the month',
	site_id		BIGINT UNSIGNED NOT NULL COMMENT 'the site; 0: every site (the grand total)',
	nlines		INT UNSIGNED NOT NULL COMMENT 'charge lines',
	noccupiers	INT UNSIGNED NOT NULL COMMENT 'occupiers charged',
	amount		BIGINT NOT NULL COMMENT 'sum of the lines (minor units)',
	PRIMARY KEY (operator_id, month, site_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='kept totals of a complete month of charges (report_charges)';

CREATE TRIGGER charge_ledger_totals_insert AFTER INSERT ON charge_ledger FOR EACH ROW
	DELETE FROM charge_month_total WHERE operator_id = NEW.operator_id
	AND month >= DATE_FORMAT(NEW.from_day, '%Y-%m-01');

CREATE TRIGGER charge_ledger_totals_delete AFTER DELETE ON charge_ledger FOR EACH ROW
	DELETE FROM charge_month_total WHERE operator_id = OLD.operator_id
	AND month >= DATE_FORMAT(OLD.from_day, '%Y-%m-01');

-- Only the end moved: the days from the earlier of the two ends change;
-- anything else: the days from the earlier start.
CREATE TRIGGER charge_ledger_totals_update AFTER UPDATE ON charge_ledger FOR EACH ROW
	DELETE FROM charge_month_total WHERE operator_id IN (OLD.operator_id, NEW.operator_id)
	AND NOT (OLD.from_day = NEW.from_day AND OLD.to_day <=> NEW.to_day
		AND OLD.price = NEW.price AND OLD.qty = NEW.qty AND OLD.occsvc_id = NEW.occsvc_id
		AND OLD.occupier_id = NEW.occupier_id AND OLD.site_id = NEW.site_id)
	AND month >= DATE_FORMAT(IF(OLD.from_day = NEW.from_day AND OLD.price = NEW.price
		AND OLD.qty = NEW.qty AND OLD.occsvc_id = NEW.occsvc_id
		AND OLD.occupier_id = NEW.occupier_id AND OLD.site_id = NEW.site_id,
		LEAST(COALESCE(OLD.to_day, '9999-12-01'), COALESCE(NEW.to_day, '9999-12-01')),
		LEAST(OLD.from_day, NEW.from_day)), '%Y-%m-01');

-- A service's charge window moved: the days from the earlier of the moved
-- bounds; a service moved to another occupier or site: every month.
CREATE TRIGGER occupier_service_totals_update AFTER UPDATE ON occupier_service FOR EACH ROW
	DELETE FROM charge_month_total WHERE operator_id IN (OLD.operator_id, NEW.operator_id)
	AND NOT (OLD.activated_at <=> NEW.activated_at AND OLD.ended_at <=> NEW.ended_at
		AND OLD.occupier_id = NEW.occupier_id AND OLD.site_id = NEW.site_id)
	AND month >= DATE_FORMAT(IF(OLD.occupier_id = NEW.occupier_id AND OLD.site_id = NEW.site_id,
		LEAST(IF(OLD.activated_at <=> NEW.activated_at, '9999-12-01',
			LEAST(COALESCE(OLD.activated_at, '9999-12-01'), COALESCE(NEW.activated_at, '9999-12-01'))),
		IF(OLD.ended_at <=> NEW.ended_at, '9999-12-01',
			LEAST(COALESCE(OLD.ended_at, '9999-12-01'), COALESCE(NEW.ended_at, '9999-12-01')))),
		'1000-01-01'), '%Y-%m-01');

-- A service deleted takes its ledger rows with it (a cascade: no trigger).
CREATE TRIGGER occupier_service_totals_delete AFTER DELETE ON occupier_service FOR EACH ROW
	DELETE FROM charge_month_total WHERE operator_id = OLD.operator_id
	AND month >= DATE_FORMAT(COALESCE(OLD.activated_at, '9999-12-01'), '%Y-%m-01');
