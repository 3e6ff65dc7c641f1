#!/bin/sh
# data.sh: the benchmark's data set, generated with SQL (MariaDB's Sequence
# engine) on top of the demo seed, for Northwind Workspaces:
#   sites       the demo's 2 + Kings Cross and Southbank = 4
#   occupiers   TOTAL (demo's 30 + generated), 3 in 4 named "... Ltd"
#   contracts   2 per generated occupier, at sites idx and idx+1 (mod 4)
#   services    10 per generated occupier over the full catalog (17), one
#               of them ended; the plan occupiers have the 12-service plan
#   history     1 service in 7 of the generated occupiers had its price and
#               QTY changed twice (audit events as the Manage services save
#               writes them); the charge ledger of every generated service
#               is derived from the audit log by the view of
#               sql/020_charge_ledger.sql, as that migration does
#   phones      TOTAL/2, 30 % active; devices 2 per generated occupier
#   plan occupiers  NPLAN occupiers at Kings Cross (idx = 4j + 2) with the
#               same 12 services covering all five infrastructure fractions:
#               ports 3/4, extensions 3/4, public IPs 3/5, Wi-Fi devices
#               12/20, Wi-Fi accounts 4/5. j = 0 is the Services tab and
#               preview occupier; j >= 1 are the save occupiers.
# Sourced by run.sh and profile.sh. Prints SQL; the caller pipes it to mariadb.

# bench_gen_sql TOTAL NPLAN TODAY EXISTING
bench_gen_sql() {
	total=$1 nplan=$2 today=$3 existing=$4
	gen=$((total - existing))
	ph=$((total / 8))	# phone numbers per site (4 sites: TOTAL/2)
	[ "$ph" -ge 30 ] || ph=30
	cat <<SQL
SET SESSION foreign_key_checks = 0, unique_checks = 0;
SET @op := (SELECT id FROM operator WHERE name = 'Northwind Workspaces');
SET @today := DATE('$today');

INSERT INTO site (operator_id, name, address) VALUES
 (@op, 'Kings Cross', '1 Pancras Square, London N1C 4AG'),
 (@op, 'Southbank', '20 Upper Ground, London SE1 9PD');
CREATE TABLE bench_site (idx INT PRIMARY KEY, id BIGINT UNSIGNED NOT NULL) ENGINE=InnoDB;
INSERT INTO bench_site SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM site WHERE operator_id = @op;

-- The full catalog at the two new sites.
INSERT IGNORE INTO service_site (operator_id, service_id, site_id)
 SELECT @op, s.id, t.id FROM service s JOIN bench_site t WHERE s.operator_id = @op AND t.idx >= 2;
CREATE TABLE bench_svc (idx INT PRIMARY KEY, id BIGINT UNSIGNED NOT NULL, code VARCHAR(48) NOT NULL, rrp BIGINT NOT NULL) ENGINE=InnoDB;
INSERT INTO bench_svc SELECT ROW_NUMBER() OVER (ORDER BY sort, id) - 1, id, code, rrp FROM service WHERE operator_id = @op;
SET @nsvc := (SELECT COUNT(*) FROM bench_svc);
UPDATE catalog_version SET version = version + 1 WHERE operator_id = @op;

INSERT INTO occupier (operator_id, name, billing_ref, contact_email, notes)
 SELECT @op,
  CONCAT(ELT(1 + seq % 16, 'Alder', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fern', 'Granite', 'Harbour',
   'Iris', 'Juniper', 'Kite', 'Linden', 'Meadow', 'Nimbus', 'Oak', 'Pebble'), ' ',
   ELT(1 + (seq DIV 16) % 12, 'Analytics', 'Design', 'Legal', 'Robotics', 'Ventures', 'Media',
   'Health', 'Capital', 'Games', 'Architects', 'Logistics', 'Energy'), ' ',
   LPAD(seq, 5, '0'), IF(seq % 4 = 0, ' LLP', ' Ltd')),
  CONCAT('BN-', LPAD(seq, 6, '0')), CONCAT('billing', seq, '@bench.example'), ''
 FROM seq_1_to_$gen;
CREATE TABLE bench_occ (idx INT PRIMARY KEY, id BIGINT UNSIGNED NOT NULL, plan INT NOT NULL DEFAULT 0,
 KEY (id), KEY (plan)) ENGINE=InnoDB;
INSERT INTO bench_occ (idx, id) SELECT CAST(SUBSTRING(billing_ref, 4) AS UNSIGNED), id FROM occupier
 WHERE operator_id = @op AND billing_ref LIKE 'BN-%';
UPDATE bench_occ SET plan = 1 + (idx - 2) DIV 4 WHERE idx % 4 = 2 AND (idx - 2) DIV 4 < $nplan;

INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date)
 SELECT @op, o.id, s.id, CONCAT('BN-', LPAD(o.idx, 6, '0'), '-', k.seq),
  @today - INTERVAL (30 + (o.idx * 7 + k.seq * 13) % 900) DAY,
  IF(k.seq = 1 AND o.idx % 10 = 0, @today - INTERVAL 10 DAY, NULL)
 FROM bench_occ o JOIN seq_0_to_1 k JOIN bench_site s ON s.idx = (o.idx + k.seq) % 4;
CREATE TABLE bench_con (occ BIGINT UNSIGNED NOT NULL, k INT NOT NULL, id BIGINT UNSIGNED NOT NULL,
 site_id BIGINT UNSIGNED NOT NULL, start_date DATE NOT NULL, PRIMARY KEY (occ, k)) ENGINE=InnoDB;
INSERT INTO bench_con SELECT occupier_id, CAST(RIGHT(reference, 1) AS UNSIGNED), id, site_id, start_date
 FROM contract WHERE operator_id = @op AND reference LIKE 'BN-%';

-- Ten services per generated occupier over the whole catalog, five per contract.
INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
 start_date, activated_at, ended_at)
 SELECT @op, o.id, c.site_id, v.id, c.id, v.rrp, 1 + t.seq % 3, c.start_date, c.start_date,
  IF(t.seq = 9, @today - INTERVAL 5 DAY, NULL)
 FROM bench_occ o JOIN seq_0_to_9 t JOIN bench_con c ON c.occ = o.id AND c.k = t.seq % 2
 JOIN bench_svc v ON v.idx = (o.idx + t.seq) % @nsvc
 WHERE o.plan = 0;

-- The 12-service plan (valid under the demo rules).
CREATE TABLE bench_plan_svc (code VARCHAR(48) PRIMARY KEY, price BIGINT NOT NULL, qty INT NOT NULL,
 ord INT NOT NULL) ENGINE=InnoDB;
INSERT INTO bench_plan_svc VALUES ('inet-lan-100', 9000, 1, 1), ('inet-wifi-100', 11000, 1, 2),
 ('public-ip-29', 2500, 1, 3), ('bw-500', 15000, 1, 4), ('voice-line', 1500, 4, 5),
 ('call-recording', 500, 2, 6), ('voicemail-email', 200, 2, 7), ('tariff-uk-unlimited', 2000, 1, 8),
 ('support-premium', 6000, 1, 9), ('wifi-devices-10', 1200, 1, 10), ('wifi-accounts-5', 1000, 1, 11),
 ('ivr', 3500, 1, 12);
INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
 start_date, activated_at, ended_at)
 SELECT @op, o.id, c.site_id, v.id, c.id, p.price, p.qty, c.start_date, c.start_date, NULL
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0 JOIN bench_plan_svc p
 JOIN bench_svc v ON v.code = p.code
 WHERE o.plan > 0 ORDER BY o.idx, p.ord;
INSERT INTO occupier_site_plan (operator_id, occupier_id, site_id, version)
 SELECT @op, o.id, c.site_id, 1 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0
 WHERE o.plan > 0;

-- Price and QTY history: two changes of 1 service in 7 of the generated
-- occupiers that started at least 200 days ago, written as the save writes
-- its audit events (price 2.00 less and QTY one less before the first,
-- 1.00 less before the second); the last change leaves the current values.
INSERT INTO audit_event (operator_id, occupier_id, site_id, user_id, at, effective_day, entity,
 entity_id, action, old_value, new_value)
 SELECT os.operator_id, os.occupier_id, os.site_id, NULL, TIMESTAMP(d.day, '10:00:00'), d.day,
  'occupier_service', os.id, 'update',
  CONCAT('service=', sv.name, '\ncontract=', c.reference,
   '\nprice=', d.oldp DIV 100, '.', LPAD(d.oldp % 100, 2, '0'), '\nqty=', d.oldq),
  CONCAT('service=', sv.name, '\ncontract=', c.reference,
   '\nprice=', d.newp DIV 100, '.', LPAD(d.newp % 100, 2, '0'), '\nqty=', d.newq)
 FROM (SELECT os.id, k.seq,
   os.start_date + INTERVAL IF(k.seq = 1, 1 + os.id % 20, 61 + os.id % 40) DAY AS day,
   GREATEST(os.price - IF(k.seq = 1, 200, 100), 0) AS oldp, GREATEST(os.qty - 1, 1) AS oldq,
   IF(k.seq = 1, GREATEST(os.price - 100, 0), os.price) AS newp,
   IF(k.seq = 1, GREATEST(os.qty - 1, 1), os.qty) AS newq
  FROM occupier_service os JOIN bench_occ o ON o.id = os.occupier_id AND o.plan = 0
  JOIN seq_1_to_2 k
  WHERE os.operator_id = @op AND os.id % 7 = 0 AND os.start_date <= @today - INTERVAL 200 DAY) d
 JOIN occupier_service os ON os.id = d.id JOIN contract c ON c.id = os.contract_id
 JOIN service sv ON sv.id = os.service_id
 ORDER BY d.id, d.seq;
INSERT INTO charge_ledger (operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty)
 SELECT v.operator_id, v.occsvc_id, v.from_day, v.to_day, v.occupier_id, v.site_id, v.price, v.qty
 FROM charge_ledger_from_audit v JOIN bench_occ o ON o.id = v.occupier_id
 WHERE v.operator_id = @op;

-- Floors and ports at the new sites; each plan occupier holds 3 active ports.
INSERT INTO floor (operator_id, site_id, name, level)
 SELECT @op, s.id, CONCAT('Level ', f.seq), f.seq FROM bench_site s JOIN seq_0_to_9 f WHERE s.idx >= 2;
INSERT INTO floor_port (operator_id, site_id, floor_id, label, switch_name, switch_port, role,
 occupier_id, state)
 SELECT @op, fl.site_id, fl.id, CONCAT(IF(s.idx = 2, 'KX', 'SB'), '-', fl.level, '-', LPAD(p.seq, 2, '0')),
  CONCAT(IF(s.idx = 2, 'KX', 'SB'), '-', fl.level, '-sw1'), p.seq, 'occupier_lan', NULL, 'inactive'
 FROM floor fl JOIN bench_site s ON s.id = fl.site_id AND s.idx >= 2 JOIN seq_1_to_48 p;
UPDATE floor_port fp JOIN bench_site s ON s.id = fp.site_id AND s.idx = 2
 JOIN floor fl ON fl.id = fp.floor_id
 JOIN bench_occ o ON o.plan > 0 AND (fl.level * 48 + fp.switch_port - 1) DIV 3 = o.plan - 1
 SET fp.occupier_id = o.id, fp.state = 'active';

-- Phone numbers: $ph per site, 30 % active with generated occupiers that
-- hold a contract there (never a plan occupier).
INSERT INTO phone_number (operator_id, site_id, number, state, occupier_id, is_main, activated_at)
 SELECT @op, s.id, CONCAT('+44 20 3', s.idx, LPAD(p.seq DIV 10000, 2, '0'), ' ', LPAD(p.seq % 10000, 4, '0')),
  IF(h.id IS NULL, 'available', 'active'), h.id, 0, IF(h.id IS NULL, NULL, @today - INTERVAL 30 DAY)
 FROM bench_site s JOIN seq_1_to_$ph p
 LEFT JOIN bench_occ h ON p.seq % 10 < 3
  AND h.idx = 4 * ($nplan + p.seq % GREATEST(1, $gen DIV 4 - $nplan)) + s.idx;
-- Plan occupier j: numbers 10j+3 .. 10j+5 at Kings Cross (available until now).
UPDATE phone_number n JOIN bench_site s ON s.id = n.site_id AND s.idx = 2
 JOIN bench_occ o ON o.plan > 0 AND CAST(RIGHT(n.number, 4) AS UNSIGNED) DIV 10 = o.plan - 1
  AND CAST(RIGHT(n.number, 4) AS UNSIGNED) % 10 BETWEEN 3 AND 5
 SET n.state = 'active', n.occupier_id = o.id, n.activated_at = @today - INTERVAL 30 DAY,
  n.is_main = (CAST(RIGHT(n.number, 4) AS UNSIGNED) % 10 = 3);

-- Devices: a Wi-Fi device and a Wi-Fi account per generated occupier;
-- 12 devices and 4 accounts per plan occupier.
INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, label, state)
 SELECT @op, c.site_id, o.id, IF(t.seq = 0, 'wifi_device', 'wifi_account'),
  IF(t.seq = 0, LOWER(CONCAT_WS(':', '02', '00', LPAD(HEX((o.idx >> 16) & 255), 2, '0'),
   LPAD(HEX((o.idx >> 8) & 255), 2, '0'), LPAD(HEX(o.idx & 255), 2, '0'), '00')), CONCAT('user', o.idx)),
  'Bench device', 'active'
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0 JOIN seq_0_to_1 t WHERE o.plan = 0;
INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, label, state)
 SELECT @op, c.site_id, o.id, IF(t.seq < 12, 'wifi_device', 'wifi_account'),
  IF(t.seq < 12, LOWER(CONCAT_WS(':', '02', '01', LPAD(HEX((o.idx >> 8) & 255), 2, '0'),
   LPAD(HEX(o.idx & 255), 2, '0'), '00', LPAD(HEX(t.seq), 2, '0'))), CONCAT('staff', t.seq - 11, '.', o.idx)),
  CONCAT('Bench ', IF(t.seq < 12, 'laptop ', 'account '), t.seq + 1), 'active'
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0 JOIN seq_0_to_15 t WHERE o.plan > 0;

-- Public IPs: 5 per plan occupier (3 active, 2 assigned) and a free pool.
INSERT INTO public_ip (operator_id, site_id, address, block, occupier_id, state, device_mac)
 SELECT @op, c.site_id, CONCAT('100.64.', (o.plan - 1) DIV 32, '.', ((o.plan - 1) % 32) * 8 + 1 + t.seq),
  CONCAT('100.64.', (o.plan - 1) DIV 32, '.', ((o.plan - 1) % 32) * 8, '/29'), o.id,
  IF(t.seq < 3, 'active', 'assigned'),
  IF(t.seq < 3, LOWER(CONCAT('02:02:00:', LPAD(HEX((o.plan >> 8) & 255), 2, '0'), ':',
   LPAD(HEX(o.plan & 255), 2, '0'), ':0', t.seq)), NULL)
 FROM bench_occ o JOIN bench_con c ON c.occ = o.id AND c.k = 0 JOIN seq_0_to_4 t WHERE o.plan > 0;
INSERT INTO public_ip (operator_id, site_id, address, block, occupier_id, state, device_mac)
 SELECT @op, s.id, CONCAT('100.65.', s.idx, '.', p.seq), CONCAT('100.65.', s.idx, '.0/24'), NULL, 'free', NULL
 FROM bench_site s JOIN seq_1_to_40 p WHERE s.idx >= 2;

ANALYZE TABLE site, service, service_site, service_rule, occupier, contract, occupier_service,
 occupier_site_plan, floor, floor_port, phone_number, device, public_ip, user_session, app_user,
 charge_ledger, audit_event;
SQL
}
