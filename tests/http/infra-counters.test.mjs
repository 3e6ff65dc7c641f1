// The infrastructure counters behind every "Provisioned infrastructure"
// fraction (infra_in_use, kept by triggers): each kind of write moves them
// exactly and writes of other columns leave them alone. That they still
// equal a count of the rows after the whole HTTP suite is checked by
// tests/run.sh after the suite (tests/http/after-suite.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { db, dbValue, infraAllocDrift, infraCounterDrift, occupierId, operatorId, q, rnd, siteId } from './lib.mjs';

let NW, acme, fjord, cw;

before(() => {
	NW = operatorId('Northwind Workspaces');
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
	cw = siteId('Canary Wharf');
});

/* The kept counters of (occupier, site): [ports, numbers, IPs, Wi-Fi devices, accounts]. */
function kept(occ, site) {
	const r = db(`SELECT switch_ports, phone_ext, public_ips, wifi_devices, wifi_accounts
		FROM infra_in_use WHERE operator_id = ${NW} AND occupier_id = ${occ} AND site_id = ${site}`);
	return r.length ? r[0].map(Number) : [0, 0, 0, 0, 0];
}

const plus = (a, d) => a.map((x, i) => x + (d[i] || 0));

test('every write to ports, numbers, IPs and devices moves the counters exactly', () => {
	assert.deepEqual(infraCounterDrift(), [], 'in step before');
	const a0 = kept(acme, cw), f0 = kept(fjord, cw);

	// Wi-Fi devices: registered does not count, active does; a relabel
	// writes nothing; delete removes it.
	db(`INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, state)
		VALUES (${NW}, ${cw}, ${acme}, 'wifi_device', ${q(`ctr-${rnd(8)}`)}, 'registered')`);
	const dev = Number(dbValue('SELECT MAX(id) FROM device'));
	assert.deepEqual(kept(acme, cw), a0, 'registered: not counted');
	db(`UPDATE device SET state = 'active' WHERE id = ${dev}`);
	assert.deepEqual(kept(acme, cw), plus(a0, [0, 0, 0, 1]), 'activated');
	db(`UPDATE device SET label = 'relabelled' WHERE id = ${dev}`);
	assert.deepEqual(kept(acme, cw), plus(a0, [0, 0, 0, 1]), 'relabelled: unchanged');
	db(`UPDATE device SET type = 'wifi_account' WHERE id = ${dev}`);
	assert.deepEqual(kept(acme, cw), plus(a0, [0, 0, 0, 0, 1]), 'device became an account');
	db(`UPDATE device SET occupier_id = ${fjord} WHERE id = ${dev}`);
	assert.deepEqual(kept(acme, cw), a0, 'moved away from Acme');
	assert.deepEqual(kept(fjord, cw), plus(f0, [0, 0, 0, 0, 1]), 'moved to Fjord');
	db(`DELETE FROM device WHERE id = ${dev}`);
	assert.deepEqual(kept(fjord, cw), f0, 'deleted');

	// A floor port: assigned and active counts; moved between occupiers in
	// one statement; unassigned (NULL holder) stops counting.
	const port = dbValue(`SELECT id FROM floor_port WHERE operator_id = ${NW} AND site_id = ${cw}
		AND occupier_id IS NULL ORDER BY id LIMIT 1`);
	db(`UPDATE floor_port SET occupier_id = ${acme}, state = 'active' WHERE id = ${port}`);
	assert.deepEqual(kept(acme, cw), plus(a0, [1]), 'port assigned and active');
	db(`UPDATE floor_port SET occupier_id = ${fjord} WHERE id = ${port}`);
	assert.deepEqual(kept(acme, cw), a0, 'port moved away');
	assert.deepEqual(kept(fjord, cw), plus(f0, [1]), 'port moved to Fjord');
	db(`UPDATE floor_port SET occupier_id = NULL, state = 'inactive' WHERE id = ${port}`);
	assert.deepEqual(kept(fjord, cw), f0, 'port unassigned');

	// A phone number and a public IP: active counts, any other state not.
	const num = dbValue(`SELECT id FROM phone_number WHERE operator_id = ${NW} AND site_id = ${cw}
		AND state = 'available' ORDER BY id LIMIT 1`);
	db(`UPDATE phone_number SET occupier_id = ${acme}, state = 'reserved' WHERE id = ${num}`);
	assert.deepEqual(kept(acme, cw), a0, 'reserved: not counted');
	db(`UPDATE phone_number SET state = 'active' WHERE id = ${num}`);
	assert.deepEqual(kept(acme, cw), plus(a0, [0, 1]), 'number active');
	db(`UPDATE phone_number SET state = 'available', occupier_id = NULL WHERE id = ${num}`);
	assert.deepEqual(kept(acme, cw), a0, 'number released');
	const ip = db(`SELECT id FROM public_ip WHERE operator_id = ${NW} AND site_id = ${cw}
		AND state = 'free' ORDER BY id LIMIT 1`);
	if (ip.length) {
		db(`UPDATE public_ip SET occupier_id = ${acme}, state = 'active' WHERE id = ${ip[0][0]}`);
		assert.deepEqual(kept(acme, cw), plus(a0, [0, 0, 1]), 'IP active');
		db(`UPDATE public_ip SET occupier_id = NULL, state = 'free' WHERE id = ${ip[0][0]}`);
		assert.deepEqual(kept(acme, cw), a0, 'IP free');
	}
	// A transaction rolled back leaves the counters as they were.
	db(`START TRANSACTION; UPDATE floor_port SET occupier_id = ${acme}, state = 'active' WHERE id = ${port}; ROLLBACK`);
	assert.deepEqual(kept(acme, cw), a0, 'rolled back');
	assert.deepEqual(infraCounterDrift(), [], 'in step after');
});

/* The kept allocation of (occupier, site) and its over flag. */
function alloc(occ, site) {
	const r = db(`SELECT alloc_switch_ports, alloc_phone_ext, alloc_public_ips, alloc_wifi_devices,
		alloc_wifi_accounts, over_alloc FROM infra_in_use WHERE operator_id = ${NW} AND occupier_id = ${occ}
		AND site_id = ${site}`);
	return r.length ? r[0].map(Number) : [0, 0, 0, 0, 0, 0];
}

test('every write to services and to the catalog\'s entitlements moves the kept allocations exactly', () => {
	assert.deepEqual(infraAllocDrift(), [], 'in step before');
	// A catalog service of its own (no one else holds it), allocating 2
	// ports and 1 extension a unit.
	const code = `ALC-${rnd(6)}`;
	db(`INSERT INTO service (operator_id, code, name, category, cost, rrp, ent_switch_ports, ent_phone_ext)
		VALUES (${NW}, ${q(code)}, ${q(`Alloc test ${code}`)}, 'Call feature', 0, 0, 2, 1)`);
	const svc = dbValue(`SELECT id FROM service WHERE operator_id = ${NW} AND code = ${q(code)}`);
	const contract = dbValue(`SELECT id FROM contract WHERE operator_id = ${NW} AND occupier_id = ${acme}
		AND site_id = ${cw} ORDER BY id LIMIT 1`);
	const a0 = alloc(acme, cw).slice(0, 5), f0 = alloc(fjord, cw).slice(0, 5);
	const sub = (a) => alloc(acme, cw).slice(0, 5).map((x, i) => x - a0[i]);

	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty, start_date)
		VALUES (${NW}, ${acme}, ${cw}, ${svc}, ${contract}, 100, 3, CURDATE())`);
	const os = dbValue(`SELECT MAX(id) FROM occupier_service WHERE service_id = ${svc}`);
	assert.deepEqual(sub(), [6, 3, 0, 0, 0], 'added: 3 units x (2 ports, 1 extension)');
	db(`UPDATE occupier_service SET price = 200 WHERE id = ${os}`);
	assert.deepEqual(sub(), [6, 3, 0, 0, 0], 'a price change: unchanged');
	db(`UPDATE occupier_service SET qty = 1 WHERE id = ${os}`);
	assert.deepEqual(sub(), [2, 1, 0, 0, 0], 'QTY lowered');
	db(`UPDATE occupier_service SET ended_at = CURDATE() WHERE id = ${os}`);
	assert.deepEqual(sub(), [0, 0, 0, 0, 0], 'ended: no longer allocates');
	db(`UPDATE occupier_service SET ended_at = NULL, qty = 2 WHERE id = ${os}`);
	assert.deepEqual(sub(), [4, 2, 0, 0, 0], 'not ended again, 2 units');
	db(`UPDATE service SET ent_switch_ports = 1, ent_public_ip = 3 WHERE id = ${svc}`);
	assert.deepEqual(sub(), [2, 2, 6, 0, 0], 'the catalog entitlements changed: 2 units x (1, 1, 3)');
	db(`UPDATE occupier_service SET occupier_id = ${fjord} WHERE id = ${os}`);
	assert.deepEqual(sub(), [0, 0, 0, 0, 0], 'moved away from Acme');
	assert.deepEqual(alloc(fjord, cw).slice(0, 5).map((x, i) => x - f0[i]), [2, 2, 6, 0, 0], 'moved to Fjord');
	db(`START TRANSACTION; DELETE FROM occupier_service WHERE id = ${os}; ROLLBACK`);
	assert.deepEqual(alloc(fjord, cw).slice(0, 5).map((x, i) => x - f0[i]), [2, 2, 6, 0, 0], 'rolled back');
	db(`DELETE FROM occupier_service WHERE id = ${os}`);
	assert.deepEqual(alloc(fjord, cw).slice(0, 5), f0, 'deleted');
	db(`DELETE FROM service WHERE id = ${svc}`);
	assert.deepEqual(infraAllocDrift(), [], 'in step after');
});

test('the over flag follows in use against allocated, and only an in-use change moves the page version', () => {
	const version = () => Number(dbValue(`SELECT COALESCE(MAX(version), 0) FROM occupier_site_version
		WHERE occupier_id = ${fjord} AND site_id = ${cw}`));
	/* Fjord's Wi-Fi accounts at Canary Wharf: [in use, allocated, over flag, over by the formula]. */
	const wifi = () => db(`SELECT wifi_accounts, alloc_wifi_accounts, over_alloc, (switch_ports > alloc_switch_ports
		OR phone_ext > alloc_phone_ext OR public_ips > alloc_public_ips OR wifi_devices > alloc_wifi_devices
		OR wifi_accounts > alloc_wifi_accounts) FROM infra_in_use WHERE occupier_id = ${fjord} AND site_id = ${cw}`)[0].map(Number);
	const code = `OVR-${rnd(6)}`;
	db(`INSERT INTO service (operator_id, code, name, category, cost, rrp, ent_wifi_accounts)
		VALUES (${NW}, ${q(code)}, ${q(`Over test ${code}`)}, 'Wi-Fi', 0, 0, 1)`);
	const svc = dbValue(`SELECT id FROM service WHERE operator_id = ${NW} AND code = ${q(code)}`);
	const contract = dbValue(`SELECT id FROM contract WHERE operator_id = ${NW} AND occupier_id = ${fjord}
		AND site_id = ${cw} ORDER BY id LIMIT 1`);
	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty, start_date)
		VALUES (${NW}, ${fjord}, ${cw}, ${svc}, ${contract}, 0, 1, CURDATE())`);
	const os = dbValue(`SELECT MAX(id) FROM occupier_service WHERE service_id = ${svc}`);
	const devs = [];
	const addAccount = () => {
		db(`INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, state)
			VALUES (${NW}, ${cw}, ${fjord}, 'wifi_account', ${q(`ovr-${rnd(8)}`)}, 'active')`);
		devs.push(Number(dbValue('SELECT MAX(id) FROM device')));
	};
	// In use up to one beyond the allocation: over.
	let [used, allocated] = wifi();
	while (used <= allocated) {
		addAccount();
		[used, allocated] = wifi();
	}
	let w = wifi();
	assert.equal(w[2], 1, 'more Wi-Fi accounts in use than allocated: flagged over');
	assert.equal(w[2], w[3], 'the flag is the formula');
	// Units enough for all of them: that kind no longer over.
	db(`UPDATE occupier_service SET qty = qty + ${used - allocated} WHERE id = ${os}`);
	w = wifi();
	assert.equal(w[0], w[1], 'allocated = in use');
	assert.equal(w[2], w[3], 'the flag is the formula');
	const v0 = version();
	db(`UPDATE infra_in_use SET alloc_phone_ext = alloc_phone_ext + 1 WHERE occupier_id = ${fjord} AND site_id = ${cw}`);
	assert.equal(version(), v0, 'an allocation-only change of infra_in_use: the page version stays');
	db(`UPDATE infra_in_use SET alloc_phone_ext = alloc_phone_ext - 1 WHERE occupier_id = ${fjord} AND site_id = ${cw}`);
	db(`UPDATE device SET state = 'registered' WHERE id = ${devs[0]}`);
	assert.ok(version() > v0, 'an in-use change: the page version moves');
	db(`DELETE FROM device WHERE id IN (${devs.join(', ')})`);
	db(`DELETE FROM occupier_service WHERE id = ${os}`);
	db(`DELETE FROM service WHERE id = ${svc}`);
	assert.deepEqual(infraAllocDrift(), [], 'in step after');
	assert.deepEqual(infraCounterDrift(), [], 'in use in step after');
});
