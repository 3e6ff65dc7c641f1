-- 104_infra_allocated: what an occupier's services allocate at a site,
-- kept beside what it uses (infra_in_use, sql/008), so that "occupiers
-- over an allocation" on the start page is a seek of the rows flagged over
-- instead of an aggregate of every occupier's services (at 20 000
-- occupiers and 200 000 services that aggregate took 1.3-4 s and was
-- nearly all of the start page's time).
--
-- The allocation of an (occupier, site) is, per kind, the sum over its
-- services not ended (ended_at NULL, scheduled ones included) of the
-- service's entitlement per unit x QTY: the same figure as the Provisioned
-- infrastructure fractions' denominator. Kept by triggers, inside the
-- writing transaction, whoever writes:
-- - occupier_service: insert and delete add and remove a row's share; an
--   update moves it only when the holder, site, service, QTY or ended_at
--   changed (a price change writes nothing here);
-- - service: a changed entitlement moves the share of every service row of
--   that catalog service not ended (rare: an edit of the catalog).
-- The over flag is a stored column of the row, indexed with the operator.
-- The Services tab's page version (sql/096) stays bumped only by a change
-- of what is in use: the allocation is not on that page's cached data
-- (the page computes it from the plan), so its trigger now skips updates
-- that change only the allocation.

ALTER TABLE infra_in_use
	ADD COLUMN alloc_switch_ports INT NOT NULL DEFAULT 0 COMMENT 'switch ports its services allocate (entitlement x QTY, not ended)',
	ADD COLUMN alloc_phone_ext INT NOT NULL DEFAULT 0 COMMENT 'telephony extensions its services allocate',
	ADD COLUMN alloc_public_ips INT NOT NULL DEFAULT 0 COMMENT 'public IPs its services allocate',
	ADD COLUMN alloc_wifi_devices INT NOT NULL DEFAULT 0 COMMENT 'Wi-Fi devices its services allocate',
	ADD COLUMN alloc_wifi_accounts INT NOT NULL DEFAULT 0 COMMENT 'Wi-Fi accounts its services allocate',
	ADD COLUMN over_alloc TINYINT AS (switch_ports > alloc_switch_ports OR phone_ext > alloc_phone_ext
		OR public_ips > alloc_public_ips OR wifi_devices > alloc_wifi_devices
		OR wifi_accounts > alloc_wifi_accounts) STORED COMMENT '1: more in use than allocated, of some kind',
	ADD KEY infra_over (operator_id, over_alloc);

-- Only a change of what is in use (or of the row's keys) is a change of
-- the Services tab's data.
DROP TRIGGER infra_version_update;
CREATE TRIGGER infra_version_update AFTER UPDATE ON infra_in_use FOR EACH ROW
	INSERT INTO occupier_site_version (operator_id, occupier_id, site_id)
	SELECT NEW.operator_id, NEW.occupier_id, NEW.site_id FROM DUAL
	WHERE NOT (NEW.switch_ports = OLD.switch_ports AND NEW.phone_ext = OLD.phone_ext
		AND NEW.public_ips = OLD.public_ips AND NEW.wifi_devices = OLD.wifi_devices
		AND NEW.wifi_accounts = OLD.wifi_accounts AND NEW.operator_id = OLD.operator_id
		AND NEW.occupier_id = OLD.occupier_id AND NEW.site_id = OLD.site_id)
	UNION ALL
	SELECT OLD.operator_id, OLD.occupier_id, OLD.site_id FROM DUAL
	WHERE NOT (NEW.operator_id = OLD.operator_id AND NEW.occupier_id = OLD.occupier_id
		AND NEW.site_id = OLD.site_id)
	ON DUPLICATE KEY UPDATE version = version + 1;

INSERT INTO infra_in_use (operator_id, occupier_id, site_id, alloc_switch_ports,
	alloc_phone_ext, alloc_public_ips, alloc_wifi_devices, alloc_wifi_accounts)
SELECT os.operator_id, os.occupier_id, os.site_id, SUM(v.ent_switch_ports * os.qty),
	SUM(v.ent_phone_ext * os.qty), SUM(v.ent_public_ip * os.qty),
	SUM(v.ent_wifi_devices * os.qty), SUM(v.ent_wifi_accounts * os.qty)
FROM occupier_service os JOIN service v ON v.id = os.service_id
WHERE os.ended_at IS NULL
GROUP BY os.operator_id, os.occupier_id, os.site_id
ON DUPLICATE KEY UPDATE alloc_switch_ports = VALUES(alloc_switch_ports),
	alloc_phone_ext = VALUES(alloc_phone_ext), alloc_public_ips = VALUES(alloc_public_ips),
	alloc_wifi_devices = VALUES(alloc_wifi_devices), alloc_wifi_accounts = VALUES(alloc_wifi_accounts);

-- A service row's share: added (sign 1) or taken away (sign -1).
CREATE TRIGGER occsvc_alloc_insert AFTER INSERT ON occupier_service FOR EACH ROW
	INSERT INTO infra_in_use (operator_id, occupier_id, site_id, alloc_switch_ports,
		alloc_phone_ext, alloc_public_ips, alloc_wifi_devices, alloc_wifi_accounts)
	SELECT NEW.operator_id, NEW.occupier_id, NEW.site_id, v.ent_switch_ports * NEW.qty,
		v.ent_phone_ext * NEW.qty, v.ent_public_ip * NEW.qty,
		v.ent_wifi_devices * NEW.qty, v.ent_wifi_accounts * NEW.qty
	FROM service v WHERE v.id = NEW.service_id AND NEW.ended_at IS NULL AND NEW.qty > 0
	AND v.ent_switch_ports + v.ent_phone_ext + v.ent_public_ip + v.ent_wifi_devices + v.ent_wifi_accounts > 0
	ON DUPLICATE KEY UPDATE alloc_switch_ports = alloc_switch_ports + VALUES(alloc_switch_ports),
		alloc_phone_ext = alloc_phone_ext + VALUES(alloc_phone_ext),
		alloc_public_ips = alloc_public_ips + VALUES(alloc_public_ips),
		alloc_wifi_devices = alloc_wifi_devices + VALUES(alloc_wifi_devices),
		alloc_wifi_accounts = alloc_wifi_accounts + VALUES(alloc_wifi_accounts);

CREATE TRIGGER occsvc_alloc_delete AFTER DELETE ON occupier_service FOR EACH ROW
	UPDATE infra_in_use i JOIN service v ON v.id = OLD.service_id
	SET i.alloc_switch_ports = i.alloc_switch_ports - CAST(v.ent_switch_ports * OLD.qty AS SIGNED),
		i.alloc_phone_ext = i.alloc_phone_ext - CAST(v.ent_phone_ext * OLD.qty AS SIGNED),
		i.alloc_public_ips = i.alloc_public_ips - CAST(v.ent_public_ip * OLD.qty AS SIGNED),
		i.alloc_wifi_devices = i.alloc_wifi_devices - CAST(v.ent_wifi_devices * OLD.qty AS SIGNED),
		i.alloc_wifi_accounts = i.alloc_wifi_accounts - CAST(v.ent_wifi_accounts * OLD.qty AS SIGNED)
	WHERE i.operator_id = OLD.operator_id AND i.occupier_id = OLD.occupier_id
	AND i.site_id = OLD.site_id AND OLD.ended_at IS NULL
	AND v.ent_switch_ports + v.ent_phone_ext + v.ent_public_ip + v.ent_wifi_devices + v.ent_wifi_accounts > 0;

-- An update: the old share out, then the new one in, only when something
-- the share depends on changed.
CREATE TRIGGER occsvc_alloc_update_old AFTER UPDATE ON occupier_service FOR EACH ROW
	UPDATE infra_in_use i JOIN service v ON v.id = OLD.service_id
	SET i.alloc_switch_ports = i.alloc_switch_ports - CAST(v.ent_switch_ports * OLD.qty AS SIGNED),
		i.alloc_phone_ext = i.alloc_phone_ext - CAST(v.ent_phone_ext * OLD.qty AS SIGNED),
		i.alloc_public_ips = i.alloc_public_ips - CAST(v.ent_public_ip * OLD.qty AS SIGNED),
		i.alloc_wifi_devices = i.alloc_wifi_devices - CAST(v.ent_wifi_devices * OLD.qty AS SIGNED),
		i.alloc_wifi_accounts = i.alloc_wifi_accounts - CAST(v.ent_wifi_accounts * OLD.qty AS SIGNED)
	WHERE i.operator_id = OLD.operator_id AND i.occupier_id = OLD.occupier_id
	AND i.site_id = OLD.site_id AND OLD.ended_at IS NULL
	AND v.ent_switch_ports + v.ent_phone_ext + v.ent_public_ip + v.ent_wifi_devices + v.ent_wifi_accounts > 0
	AND NOT (NEW.ended_at IS NULL AND NEW.qty = OLD.qty AND NEW.service_id = OLD.service_id
		AND NEW.operator_id = OLD.operator_id AND NEW.occupier_id = OLD.occupier_id
		AND NEW.site_id = OLD.site_id);

CREATE TRIGGER occsvc_alloc_update_new AFTER UPDATE ON occupier_service FOR EACH ROW
	FOLLOWS occsvc_alloc_update_old
	INSERT INTO infra_in_use (operator_id, occupier_id, site_id, alloc_switch_ports,
		alloc_phone_ext, alloc_public_ips, alloc_wifi_devices, alloc_wifi_accounts)
	SELECT NEW.operator_id, NEW.occupier_id, NEW.site_id, v.ent_switch_ports * NEW.qty,
		v.ent_phone_ext * NEW.qty, v.ent_public_ip * NEW.qty,
		v.ent_wifi_devices * NEW.qty, v.ent_wifi_accounts * NEW.qty
	FROM service v WHERE v.id = NEW.service_id AND NEW.ended_at IS NULL AND NEW.qty > 0
	AND v.ent_switch_ports + v.ent_phone_ext + v.ent_public_ip + v.ent_wifi_devices + v.ent_wifi_accounts > 0
	AND NOT (OLD.ended_at IS NULL AND NEW.qty = OLD.qty AND NEW.service_id = OLD.service_id
		AND NEW.operator_id = OLD.operator_id AND NEW.occupier_id = OLD.occupier_id
		AND NEW.site_id = OLD.site_id)
	ON DUPLICATE KEY UPDATE alloc_switch_ports = alloc_switch_ports + VALUES(alloc_switch_ports),
		alloc_phone_ext = alloc_phone_ext + VALUES(alloc_phone_ext),
		alloc_public_ips = alloc_public_ips + VALUES(alloc_public_ips),
		alloc_wifi_devices = alloc_wifi_devices + VALUES(alloc_wifi_devices),
		alloc_wifi_accounts = alloc_wifi_accounts + VALUES(alloc_wifi_accounts);

-- A catalog service's entitlements changed: every (occupier, site) holding
-- it moves by the difference x its QTY there.
CREATE TRIGGER service_alloc_update AFTER UPDATE ON service FOR EACH ROW
	INSERT INTO infra_in_use (operator_id, occupier_id, site_id, alloc_switch_ports,
		alloc_phone_ext, alloc_public_ips, alloc_wifi_devices, alloc_wifi_accounts)
	SELECT os.operator_id, os.occupier_id, os.site_id,
		(CAST(NEW.ent_switch_ports AS SIGNED) - CAST(OLD.ent_switch_ports AS SIGNED)) * SUM(os.qty),
		(CAST(NEW.ent_phone_ext AS SIGNED) - CAST(OLD.ent_phone_ext AS SIGNED)) * SUM(os.qty),
		(CAST(NEW.ent_public_ip AS SIGNED) - CAST(OLD.ent_public_ip AS SIGNED)) * SUM(os.qty),
		(CAST(NEW.ent_wifi_devices AS SIGNED) - CAST(OLD.ent_wifi_devices AS SIGNED)) * SUM(os.qty),
		(CAST(NEW.ent_wifi_accounts AS SIGNED) - CAST(OLD.ent_wifi_accounts AS SIGNED)) * SUM(os.qty)
	FROM occupier_service os
	WHERE os.service_id = NEW.id AND os.ended_at IS NULL
	AND NOT (NEW.ent_switch_ports = OLD.ent_switch_ports AND NEW.ent_phone_ext = OLD.ent_phone_ext
		AND NEW.ent_public_ip = OLD.ent_public_ip AND NEW.ent_wifi_devices = OLD.ent_wifi_devices
		AND NEW.ent_wifi_accounts = OLD.ent_wifi_accounts)
	GROUP BY os.operator_id, os.occupier_id, os.site_id
	ON DUPLICATE KEY UPDATE alloc_switch_ports = alloc_switch_ports + VALUES(alloc_switch_ports),
		alloc_phone_ext = alloc_phone_ext + VALUES(alloc_phone_ext),
		alloc_public_ips = alloc_public_ips + VALUES(alloc_public_ips),
		alloc_wifi_devices = alloc_wifi_devices + VALUES(alloc_wifi_devices),
		alloc_wifi_accounts = alloc_wifi_accounts + VALUES(alloc_wifi_accounts);
