// seed-demo.test.mjs: what `tenantry seed` loads, in the money-relevant
// tables, and how. The demo loaded into a database of its own is written
// out as text (dates as days from today, names instead of ids) and
// compared with tests/http/fixtures/seed-demo.txt: the occupiers' services
// (price, QTY, start, activation, end, contract), the days each is charged
// at each price and QTY (the charge ledger within the service's active
// days), the phone numbers (state, holder, dates), the public addresses,
// the floor ports held or active, and the users with their roles. Then:
// every service of the plans is made by the Manage services save on its
// own dates (their add, activate
// and remove events in the audit log on the days the rows say), and the kept ledger equals a recount from the
// audit log (`tenantry ledger-check`).
//
// UPDATE_SEED_FIXTURE=1 rewrites the fixture (a deliberate change of the
// demo only: review the diff).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TENANTRY_BIN, TODAY, ROOT, db, ownDatabase, q } from './lib.mjs';

const FIXTURE = path.join(ROOT, 'tests', 'http', 'fixtures', 'seed-demo.txt');
const T = q(TODAY);
const off = (col) => `IFNULL(DATEDIFF(${col}, ${T}), '-')`;

let own;

before(() => {
	own = ownDatabase('tenantry_seed_demo');
});

after(() => own.close());

const SECTIONS = {
	services: `SELECT op.name, o.name, s.name, sv.code, c.reference, os.price, os.qty,
		${off('os.start_date')}, ${off('os.activated_at')}, ${off('os.ended_at')}
		FROM occupier_service os JOIN operator op ON op.id = os.operator_id
		JOIN occupier o ON o.id = os.occupier_id JOIN site s ON s.id = os.site_id
		JOIN service sv ON sv.id = os.service_id JOIN contract c ON c.id = os.contract_id`,
	// The days charged at each price and QTY: the ledger's rows within
	// the service's active days [activated, ended).
	charged: `SELECT o.name, s.name, sv.code, c.reference, l.price, l.qty,
		DATEDIFF(GREATEST(l.from_day, os.activated_at), ${T}),
		IF(l.to_day IS NULL AND os.ended_at IS NULL, '-',
		    DATEDIFF(LEAST(IFNULL(l.to_day, '9999-12-31'), IFNULL(os.ended_at, '9999-12-31')), ${T}))
		FROM charge_ledger l JOIN occupier_service os ON os.id = l.occsvc_id
		JOIN occupier o ON o.id = os.occupier_id JOIN site s ON s.id = os.site_id
		JOIN service sv ON sv.id = os.service_id JOIN contract c ON c.id = os.contract_id
		WHERE os.activated_at IS NOT NULL
		AND GREATEST(l.from_day, os.activated_at) <
		    LEAST(IFNULL(l.to_day, '9999-12-31'), IFNULL(os.ended_at, '9999-12-31'))`,
	numbers: `SELECT s.name, p.number, p.state, IFNULL(o.name, '-'), p.operator_held, p.is_main,
		${off('p.activated_at')}, ${off('p.deactivated_at')}, ${off('p.cooloff_until')}
		FROM phone_number p JOIN site s ON s.id = p.site_id LEFT JOIN occupier o ON o.id = p.occupier_id
		WHERE p.state <> 'available' OR p.occupier_id IS NOT NULL OR p.operator_held <> 0`,
	available_numbers: `SELECT s.name, COUNT(*) FROM phone_number p JOIN site s ON s.id = p.site_id
		WHERE p.state = 'available' GROUP BY s.name`,
	public_ips: `SELECT s.name, p.address, p.block, p.state, IFNULL(o.name, '-'), IFNULL(p.device_mac, '-')
		FROM public_ip p JOIN site s ON s.id = p.site_id LEFT JOIN occupier o ON o.id = p.occupier_id
		WHERE p.state <> 'free' OR p.occupier_id IS NOT NULL`,
	ports: `SELECT s.name, p.label, p.role, IFNULL(o.name, '-'), p.state
		FROM floor_port p JOIN site s ON s.id = p.site_id LEFT JOIN occupier o ON o.id = p.occupier_id
		WHERE p.occupier_id IS NOT NULL OR p.state <> 'inactive'`,
	users: `SELECT op.name, u.email, u.name, u.role, IFNULL(o.name, '-'), u.disabled, u.invited
		FROM app_user u JOIN operator op ON op.id = u.operator_id LEFT JOIN occupier o ON o.id = u.occupier_id`,
};

/* The demo as text: each section's rows, sorted (ids never shown). */
function demoText() {
	const out = [];
	for (const [name, sql] of Object.entries(SECTIONS)) {
		out.push(`== ${name}`);
		out.push(...db(sql).map((r) => r.join(' | ')).sort());
	}
	return out.join('\n') + '\n';
}

test('the seeded demo is the one of the fixture (services, charges, numbers, addresses, ports, users)', () => {
	const got = demoText();
	if (process.env.UPDATE_SEED_FIXTURE === '1') {
		fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
		fs.writeFileSync(FIXTURE, got);
	}
	const want = fs.readFileSync(FIXTURE, 'utf8');
	assert.equal(got, want);
});

/* Audit events of entity occupier_service and action, by row id: their
 * effective days (days from today). */
function events(action) {
	const m = new Map();
	for (const [id, day] of db(`SELECT entity_id, DATEDIFF(effective_day, ${T}) FROM audit_event
	    WHERE entity = 'occupier_service' AND action = ${q(action)} ORDER BY id`)) {
		if (!m.has(id))
			m.set(id, []);
		m.get(id).push(Number(day));
	}
	return m;
}

test('the plans are made by the Manage services save on their own dates', () => {
	const add = events('add'), activate = events('activate'), remove = events('remove');
	const rows = db(`SELECT os.id, o.name, sv.code, sv.needs_device, ${off('os.activated_at')}, ${off('os.ended_at')}
		FROM occupier_service os JOIN occupier o ON o.id = os.occupier_id
		JOIN service sv ON sv.id = os.service_id`);
	assert.ok(rows.length >= 20, `${rows.length} services`);
	for (const [id, occ, code, needsDevice, act, end] of rows) {
		const what = `${occ} ${code}`;
		assert.equal(add.get(id)?.length, 1, `${what}: one add event`);
		const added = add.get(id)[0];
		assert.ok(added <= 0, `${what}: added on or before today (${added})`);
		if (act !== '-') {
			// Started on its own date: by the save (a service that
			// needs no device: on the day it was added, or on its
			// contract's start) or by its ports (an activate event).
			if (needsDevice === '1')
				assert.deepEqual(activate.get(id), [Number(act)], `${what}: activated on ${act}`);
			else
				assert.ok(Number(act) === added || Number(act) > 0, `${what}: added ${added}, started ${act}`);
		}
		if (end !== '-')
			assert.deepEqual(remove.get(id), [Number(end)], `${what}: removed on ${end}`);
		else
			assert.equal(remove.get(id), undefined, `${what}: not removed`);
	}
});

test('the kept ledger equals a recount from the audit log (tenantry ledger-check)', () => {
	const r = spawnSync(TENANTRY_BIN, ['ledger-check'], { env: own.env, encoding: 'utf8' });
	assert.equal(r.status, 0, r.stdout + r.stderr);
});
