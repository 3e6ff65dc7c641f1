-- 102_active_totals_delta: the kept groups of the Active services report
-- (073) follow each write by its delta. 076 marked a written group stale
-- and the next view recomputed it; every save of a plan wrote the marks
-- (a locked write per row) and every view after a save read the group's
-- services again. Now a write to an occupier service adds what the new
-- row counts on each kept day of its operator and takes off what the old
-- row counted (service, QTY, price x QTY, when it is active on that day)
-- in the trigger's one statement, so the kept groups stay exact without
-- a mark and a view after a save reads only the kept rows. A write that
-- changes nothing counted adds nothing. Groups whose last service ends
-- stay kept with zero services and are not shown. Nothing is kept for an
-- operator until a view computes its day (the triggers find no kept day
-- and add nothing), and a new day is computed whole by its first view.
-- No foreign key cascades into occupier_service, so every change of it
-- passes through these triggers (the application's and any other SQL).

-- A delta can take a group below what it holds before adding: signed.
ALTER TABLE active_service_total
	MODIFY nservices INT NOT NULL COMMENT 'occupier services in the group (0: none left, not shown)';

DROP TRIGGER IF EXISTS occupier_service_active_insert;
DROP TRIGGER IF EXISTS occupier_service_active_update;
DROP TRIGGER IF EXISTS occupier_service_active_delete;

-- Kept rows computed before the delta triggers may miss marks: computed
-- again by the next view.
DELETE FROM active_service_total;
DELETE FROM active_service_stale;

CREATE TRIGGER occupier_service_active_insert AFTER INSERT ON occupier_service FOR EACH ROW
	INSERT INTO active_service_total (operator_id, day, site_id, service_id,
		nservices, qty, price_total)
	SELECT k.operator_id, k.day, NEW.site_id, NEW.service_id, 1, NEW.qty, NEW.price * NEW.qty
	FROM (SELECT DISTINCT operator_id, day FROM active_service_total
		WHERE operator_id = NEW.operator_id) k
	WHERE NEW.activated_at IS NOT NULL AND NEW.activated_at <= k.day
	AND (NEW.ended_at IS NULL OR NEW.ended_at > k.day)
	ON DUPLICATE KEY UPDATE nservices = active_service_total.nservices + VALUES(nservices),
		qty = active_service_total.qty + VALUES(qty),
		price_total = active_service_total.price_total + VALUES(price_total);

CREATE TRIGGER occupier_service_active_update AFTER UPDATE ON occupier_service FOR EACH ROW
	INSERT INTO active_service_total (operator_id, day, site_id, service_id,
		nservices, qty, price_total)
	SELECT k.operator_id, k.day, d.site_id, d.service_id, d.n, d.n * d.q, d.n * d.p * d.q
	FROM (SELECT DISTINCT operator_id, day FROM active_service_total
		WHERE operator_id IN (OLD.operator_id, NEW.operator_id)) k
	JOIN (SELECT OLD.operator_id AS operator_id, OLD.site_id AS site_id,
		OLD.service_id AS service_id, -1 AS n, CAST(OLD.qty AS SIGNED) AS q,
		OLD.price AS p, OLD.activated_at AS a, OLD.ended_at AS e
		UNION ALL SELECT NEW.operator_id, NEW.site_id, NEW.service_id, 1,
		CAST(NEW.qty AS SIGNED), NEW.price, NEW.activated_at, NEW.ended_at) d
		ON d.operator_id = k.operator_id
	WHERE d.a IS NOT NULL AND d.a <= k.day AND (d.e IS NULL OR d.e > k.day)
	AND NOT (OLD.operator_id = NEW.operator_id AND OLD.site_id = NEW.site_id
		AND OLD.service_id = NEW.service_id AND OLD.qty = NEW.qty
		AND OLD.price = NEW.price AND OLD.activated_at <=> NEW.activated_at
		AND OLD.ended_at <=> NEW.ended_at)
	ON DUPLICATE KEY UPDATE nservices = active_service_total.nservices + VALUES(nservices),
		qty = active_service_total.qty + VALUES(qty),
		price_total = active_service_total.price_total + VALUES(price_total);

CREATE TRIGGER occupier_service_active_delete AFTER DELETE ON occupier_service FOR EACH ROW
	INSERT INTO active_service_total (operator_id, day, site_id, service_id,
		nservices, qty, price_total)
	SELECT k.operator_id, k.day, OLD.site_id, OLD.service_id, -1,
		-CAST(OLD.qty AS SIGNED), -(OLD.price * CAST(OLD.qty AS SIGNED))
	FROM (SELECT DISTINCT operator_id, day FROM active_service_total
		WHERE operator_id = OLD.operator_id) k
	WHERE OLD.activated_at IS NOT NULL AND OLD.activated_at <= k.day
	AND (OLD.ended_at IS NULL OR OLD.ended_at > k.day)
	ON DUPLICATE KEY UPDATE nservices = active_service_total.nservices + VALUES(nservices),
		qty = active_service_total.qty + VALUES(qty),
		price_total = active_service_total.price_total + VALUES(price_total);
