// The infrastructure counters behind every "Provisioned infrastructure"
// fraction (infra_in_use, kept by triggers): each kind of write moves them
// exactly and writes of other columns leave them alone. That they still
// equal a count of the rows after the whole HTTP suite is checked by
// tests/run.sh after the suite (tests/http/after-suite.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { db, dbValue, infraCounterDrift, occupierId, operatorId, q, rnd, siteId } from './lib.mjs';

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
