// ledger-migration.test.mjs: the charge ledger migrated from the audit log
// (sql/020_charge_ledger.sql) and `tenantry ledger-check`, on the demo data
// in a database of its own (migrate + seed, as make run does).
//  - The seed's saves write the demo services' ledger; the migration's
//    derivation (the view charge_ledger_from_audit) gives back exactly
//    those rows, but that it starts a service's ledger on its start (as
//    the app kept it before the ledger) where the save starts it on the
//    day it was added.
//  - Random price and QTY histories written into the audit log as the save
//    wrote them before the ledger (several changes a day, changes before a
//    service started and on the day it ended) are derived into the ledger,
//    and ledger-check, reading the log independently in C, agrees.
//  - A ledger that says something else is found, service and segment named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TENANTRY_BIN, db, ownDatabase, q } from './lib.mjs';

let own, env;

before(() => {
	own = ownDatabase('tenantry_ledger_mig');
	env = own.env;
});

after(() => own.close());

function ledgerCheck() {
	const r = spawnSync(TENANTRY_BIN, ['ledger-check'], { env, encoding: 'utf8' });
	return { status: r.status, out: r.stdout + r.stderr };
}

const LEDGER = 'SELECT operator_id, occsvc_id, from_day, COALESCE(to_day, \'-\'), occupier_id, site_id, price, qty FROM charge_ledger ORDER BY occsvc_id, from_day';

function derive() {
	db(`DELETE FROM charge_ledger;
		INSERT INTO charge_ledger (operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty)
		SELECT operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty
		FROM charge_ledger_from_audit`);
}

test('the migration derives the ledger the demo seed wrote (from a service\'s start, not the day it was added), and ledger-check agrees', () => {
	const seeded = db(LEDGER);
	assert.ok(seeded.length >= 20, `${seeded.length} rows`);
	let r = ledgerCheck();
	assert.equal(r.status, 0, r.out);
	assert.match(r.out, /Northwind Workspaces: \d+ services, \d+ ledger rows, 0 price\/QTY changes in the audit log: the same charges/);
	// The derivation reads the services as the app kept them before the
	// ledger, with no day of adding: it starts each one's ledger on its
	// start (or the earlier day it was activated). The save starts it on
	// the day it saves (the add event's day): later for a service added
	// to a running contract, earlier for one scheduled on a contract that
	// starts later (charged only once active, either way). So the derived
	// ledger is the seeded one but for the first row of each such service,
	// which begins on that start instead.
	const late = new Map(db(`SELECT os.id,
			DATE_FORMAT(LEAST(os.start_date, COALESCE(os.activated_at, os.start_date)), '%Y-%m-%d'),
			DATE_FORMAT(a.added, '%Y-%m-%d')
		FROM occupier_service os JOIN (SELECT operator_id, entity_id, MIN(effective_day) AS added
			FROM audit_event WHERE entity = 'occupier_service' AND action = 'add'
			GROUP BY operator_id, entity_id) a ON a.operator_id = os.operator_id AND a.entity_id = os.id
		WHERE a.added <> LEAST(os.start_date, COALESCE(os.activated_at, os.start_date))`)
		.map(([id, base, added]) => [id, { base, added }]));
	assert.ok(late.size >= 6, `${late.size} services added on another day than their start`);
	const first = new Set();
	const want = seeded.map((row) => {
		const [, id, from] = row;
		if (first.has(id) || !late.has(id))
			return row;
		first.add(id);
		assert.equal(from, late.get(id).added, `service ${id}: its ledger from the day it was added`);
		return [row[0], id, late.get(id).base, ...row.slice(3)];
	});
	assert.equal(first.size, late.size);
	derive();
	assert.deepEqual(db(LEDGER), want);
	r = ledgerCheck();
	assert.equal(r.status, 0, r.out);
});

/* A small deterministic PRNG. */
let seed = 20240;
function rnd(k) {
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return seed % k;
}

function iso(day) {
	return new Date(day * 86400000).toISOString().slice(0, 10);
}

function money(c) {
	return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

test('random histories in the audit log: the derived ledger and the C reading of the log charge the same', () => {
	const svcs = db(`SELECT os.id, os.operator_id, os.occupier_id, os.site_id, s.name, c.reference,
			DATEDIFF(os.start_date, '1970-01-01'), DATEDIFF(COALESCE(os.activated_at, os.start_date), '1970-01-01'),
			COALESCE(DATEDIFF(os.ended_at, '1970-01-01'), -1), os.price, os.qty
		FROM occupier_service os JOIN service s ON s.id = os.service_id JOIN contract c ON c.id = os.contract_id
		ORDER BY os.id`);
	const sql = [];
	let events = 0;
	for (const [id, op, occ, site, name, ref, start, act, ended, price0, qty0] of svcs) {
		// Changes from 20 days before it started (or was added) to its end.
		let day = Math.min(Number(start), Number(act)) - 20;
		const last = Number(ended) >= 0 ? Number(ended) : Number(act) + 400;
		let p = Number(price0), qn = Number(qty0);
		const n = rnd(7);
		for (let k = 0; k < n; k++) {
			day += rnd(3) === 0 ? 0 : rnd(90);	/* at times the same day */
			if (day > last)
				day = last;
			const np = rnd(4) === 0 ? p : rnd(20000), nq = 1 + rnd(4);
			const text = (pp, qq) => `service=${name}\ncontract=${ref}\nprice=${money(pp)}\nqty=${qq}`;
			sql.push(`INSERT INTO audit_event (operator_id, occupier_id, site_id, user_id, effective_day, entity,
				entity_id, action, old_value, new_value) VALUES (${op}, ${occ}, ${site}, NULL, '${iso(day)}',
				'occupier_service', ${id}, 'update', ${q(text(p, qn))}, ${q(text(np, nq))})`);
			p = np;
			qn = nq;
			events++;
		}
		sql.push(`UPDATE occupier_service SET price = ${p}, qty = ${qn} WHERE id = ${id}`);
	}
	db(sql.join(';\n'));
	assert.ok(events > 30, `${events} events`);
	derive();
	const r = ledgerCheck();
	assert.equal(r.status, 0, r.out);
	// Every operator's line says the same charges; their changes add up to those written.
	const per = [...r.out.matchAll(/(\d+) price\/QTY changes in the audit log: the same charges/g)].map((m) => Number(m[1]));
	assert.ok(per.length >= 2, r.out);
	assert.equal(per.reduce((x, y) => x + y, 0), events, r.out);
	assert.match(r.out, /the ledger and the audit log charge the same days at the same prices/);
});

test('ledger-check finds a ledger that charges otherwise than the audit log, and says where', () => {
	const [id, from] = db(`SELECT l.occsvc_id, l.from_day FROM charge_ledger l JOIN occupier_service s ON s.id = l.occsvc_id
		WHERE s.activated_at IS NOT NULL AND l.from_day >= s.activated_at AND (s.ended_at IS NULL OR l.from_day < s.ended_at)
		ORDER BY l.occsvc_id LIMIT 1`)[0];
	db(`UPDATE charge_ledger SET price = price + 1 WHERE occsvc_id = ${id} AND from_day = '${from}'`);
	let r = ledgerCheck();
	assert.equal(r.status, 1, r.out);
	assert.match(r.out, new RegExp(`occupier service ${id}: (charged segment \\d+: audit log .* ledger .*|the row in force is not the service's price)`));
	assert.match(r.out, /DIFFERENCES found/);
	db(`UPDATE charge_ledger SET price = price - 1 WHERE occsvc_id = ${id} AND from_day = '${from}'`);
	db(`DELETE FROM charge_ledger WHERE occsvc_id = ${id}`);
	r = ledgerCheck();
	assert.equal(r.status, 1, r.out);
	assert.match(r.out, new RegExp(`occupier service ${id}: no ledger rows`));
});
