// kept-totals.test.mjs: the kept groups of the Active services report
// (active_service_total) follow every write by its delta, at the write:
// after a plan save through the dialog, a service ended, a price and a
// QTY changed, a service added and one removed by SQL from outside, the
// kept rows equal the groups computed from scratch over occupier_service
// before any view recomputes anything (nothing is marked stale), and the
// report page shows the same totals. TENANTRY_TODAY=2026-02-16.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, assertHtml, db, dbValue, signedIn, siteId } from './lib.mjs';
import { occupierWith, openManage, rowsOf, serviceIds, submit } from './services-lib.mjs';

const DAY = '2026-02-16';
let admin, NW;

before(async () => {
	admin = await signedIn(ADMIN);
	NW = dbValue("SELECT id FROM operator WHERE name = 'Northwind Workspaces'");
});

/* The kept groups of the day, nonzero ones: "site service n qty price". */
function kept() {
	return db(`SELECT site_id, service_id, nservices, qty, price_total FROM active_service_total
		WHERE operator_id = ${NW} AND day = '${DAY}' AND nservices > 0 ORDER BY site_id, service_id`)
		.map((r) => r.join(' '));
}

/* The same groups computed from scratch over the base rows. */
function truth() {
	return db(`SELECT site_id, service_id, COUNT(*), SUM(qty), SUM(price * qty) FROM occupier_service
		WHERE operator_id = ${NW} AND activated_at IS NOT NULL AND activated_at <= '${DAY}'
		AND (ended_at IS NULL OR ended_at > '${DAY}') GROUP BY site_id, service_id ORDER BY site_id, service_id`)
		.map((r) => r.join(' '));
}

/* The report's grand total: [QTY, price in pence]. */
async function shown() {
	const r = await admin.get('/reports/active-services');
	assertHtml(r, 200, 'the report');
	const f = /<tfoot><tr><th scope="row" colspan="2">Total<\/th><td class="num">(\d+)<\/td><td><\/td><td><\/td><td class="num"><strong>([^<]*)<\/strong>/.exec(r.body);
	assert.ok(f, 'the totals row');
	return [Number(f[1]), Math.round(Number(f[2].replace(/^(-?)£/, '$1').replace(/,/g, '')) * 100)];
}

function grand() {
	return db(`SELECT SUM(qty), SUM(price * qty) FROM occupier_service WHERE operator_id = ${NW}
		AND activated_at IS NOT NULL AND activated_at <= '${DAY}' AND (ended_at IS NULL OR ended_at > '${DAY}')`)[0].map(Number);
}

/* Kept = from scratch, with nothing left to recompute at the next view. */
function exact(what) {
	assert.deepEqual(kept(), truth(), `kept groups = from scratch after ${what}`);
	assert.equal(dbValue(`SELECT COUNT(*) FROM active_service_stale WHERE operator_id = ${NW}`), '0',
		`nothing marked stale by ${what}`);
}

test('kept active groups follow saves, ends, price changes and SQL from outside, by delta', async () => {
	assert.deepEqual(await shown(), grand(), 'the day computed by the first view');
	const cw = siteId('Canary Wharf');
	const active = () => db(`SELECT id, site_id, service_id FROM occupier_service WHERE operator_id = ${NW}
		AND activated_at <= '${DAY}' AND ended_at IS NULL ORDER BY id`);
	const undo = [];
	try {
		// 1. Plan saves through the dialog (an occupier of this file's own):
		// a service added, then its price and QTY changed.
		const o = await occupierWith(admin, cw, [{ start: '2026-02-01' }], 'Kept totals');
		const S = serviceIds();
		let { m } = await openManage(admin, o.occ, cw);
		const row = { service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '10.00', qty: 2 };
		let x = await submit(admin, o.occ, cw, m.version, [...rowsOf(m), row], { op: 'save' });
		assert.equal(x.r.status, 303, `the first save: ${x.r.status}`);
		exact('a plan save that adds');
		({ m } = await openManage(admin, o.occ, cw));
		const rows = rowsOf(m).map((r) => ({ ...r, price: '12.34', qty: 3 }));
		assert.equal(rows.length, 1, 'the saved row');
		x = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
		assert.equal(x.r.status, 303, `the second save: ${x.r.status}`);
		exact('a plan save that changes the price');
		assert.deepEqual(await shown(), grand(), 'the page after a save');

		// 2. A direct SQL price and QTY change (outside the application).
		const [a] = active();
		undo.push(`UPDATE occupier_service SET qty = qty - 4, price = price + 250 WHERE id = ${a[0]}`);
		db(`UPDATE occupier_service SET qty = qty + 4, price = price - 250 WHERE id = ${a[0]}`);
		exact('an SQL price and QTY change');

		// 3. A service ended as the tick's move-out does (today: not active any more).
		const b = active()[1];
		undo.push(`UPDATE occupier_service SET ended_at = NULL WHERE id = ${b[0]}`);
		db(`UPDATE occupier_service SET ended_at = '${DAY}' WHERE id = ${b[0]}`);
		exact('an end');
		// Ended tomorrow: still active today.
		const c = active()[2];
		undo.push(`UPDATE occupier_service SET ended_at = NULL WHERE id = ${c[0]}`);
		db(`UPDATE occupier_service SET ended_at = '2026-02-17' WHERE id = ${c[0]}`);
		exact('an end tomorrow');

		// 4. Every service of one group ended: the group is no longer shown.
		const g = active()[3];
		const ids = db(`SELECT id FROM occupier_service WHERE operator_id = ${NW} AND site_id = ${g[1]}
			AND service_id = ${g[2]} AND ended_at IS NULL`).map((r) => r[0]);
		undo.push(`UPDATE occupier_service SET ended_at = NULL WHERE id IN (${ids.join(',')})`);
		db(`UPDATE occupier_service SET ended_at = '2026-02-01' WHERE id IN (${ids.join(',')})`);
		exact('a whole group ended');
		assert.ok(!kept().some((r) => r.startsWith(`${g[1]} ${g[2]} `)), 'the emptied group is not kept as shown');

		// 5. A row moved to another catalog service, one added, one removed (SQL).
		const d = active()[0];
		const other = dbValue(`SELECT id FROM service WHERE operator_id = ${NW} AND id <> ${d[2]} ORDER BY id LIMIT 1`);
		undo.push(`UPDATE occupier_service SET service_id = ${d[2]} WHERE id = ${d[0]}`);
		db(`UPDATE occupier_service SET service_id = ${other} WHERE id = ${d[0]}`);
		exact('a service moved to another group');
		const cols = 'operator_id, occupier_id, site_id, contract_id, service_id, price, qty, start_date, activated_at, ended_at, created_by, updated_by';
		const e = active()[0][0];
		db(`INSERT INTO occupier_service (${cols}) SELECT ${cols} FROM occupier_service WHERE id = ${e}`);
		const added = dbValue('SELECT MAX(id) FROM occupier_service');
		undo.push(`DELETE FROM occupier_service WHERE id = ${added}`);
		exact('a service added by SQL');
		db(`DELETE FROM occupier_service WHERE id = ${added}`);
		undo.pop();
		exact('a service removed by SQL');

		// The page shows the kept totals, equal to the aggregate over the base rows.
		assert.deepEqual(await shown(), grand(), 'the page after the writes');
		exact('a view');
	} finally {
		for (const u of undo.reverse())
			db(u);
	}
	exact('the writes undone');
	assert.deepEqual(await shown(), grand(), 'the page once undone');
});
