// page-cache.test.mjs: the Services tab is served from a worker's page
// cache when nothing it shows changed (one statement: the session with the
// page's versions), and never stale: a change through the app, through
// another worker and through plain SQL (prices, a contract, the occupier,
// the catalog, a site's currency, a phone number) is on the very next
// request of every worker. The Server-Timing header counts the statements.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, db, dbValue, q, rnd, signedIn, siteId, text } from './lib.mjs';
import {
	infraOf, occupierWith, openManage, parseServicesTab, rowsOf, serviceIds, servicesPath, submit,
} from './services-lib.mjs';

let admin, cw, o, S;
const WORKERS = Number(process.env.TENANTRY_WORKERS || 4);
/* Enough requests that every worker answers several. */
const ROUNDS = WORKERS * 4;

const statements = (r) => {
	const m = /statements: (\d+)/.exec(r.headers.get('server-timing') || '');
	return m ? Number(m[1]) : null;
};

async function tab() {
	const r = await admin.get(servicesPath(o.occ, cw));
	assert.equal(r.status, 200);
	let t = null;
	try {
		t = parseServicesTab(r.body);
	} catch (e) {
		/* amounts in another currency than £: the checks read the text */
		if (!text(r.body).includes('€'))
			throw e;
	}
	return { r, n: statements(r), t };
}

/* ROUNDS requests: every one must satisfy ok (what it shows); returns
 * the statement counts. */
async function everyWorker(what, ok) {
	const counts = [];
	for (let i = 0; i < ROUNDS; i++) {
		const x = await tab();
		assert.ok(ok(x), `${what}: request ${i + 1} of ${ROUNDS} shows the change: ${JSON.stringify(x.t?.rows)}`);
		counts.push(x.n);
	}
	return counts;
}

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
	S = serviceIds();
	o = await occupierWith(admin, cw, [{}], 'Page cache');
	const { m } = await openManage(admin, o.occ, cw);
	const { r } = await submit(admin, o.occ, cw, m.version, [...rowsOf(m),
		{ service: S['Standard support'], contract: o.contract.id, start: '', price: '10.00', qty: '1' }],
	{ op: 'save' });
	assert.equal(r.status, 303, 'the first plan saved');
});

test('every response counts its statements; an unchanged Services tab is one statement', async () => {
	const counts = await everyWorker('warm', (x) => x.t.rows.length === 1 && x.t.rows[0].price === '10.00');
	assert.ok(counts.every((n) => n !== null), 'a Server-Timing header on every page');
	assert.ok(counts.every((n) => n >= 1), `at least the session's statement: ${counts}`);
	// Each worker reads the plan once, then answers from its cache: the
	// session statement alone (a second one when the session is touched,
	// once a minute).
	assert.ok(counts.filter((n) => n === 1).length >= ROUNDS - WORKERS - 1,
		`served from the cache: ${counts.join(' ')}`);
	// The Occupiers list declares no page versions: never one statement.
	const l = await admin.get('/occupiers');
	assert.ok(statements(l) >= 2, 'a page without versions reads its data');
});

test('a plan saved through the app is on every worker\'s next request', async () => {
	await everyWorker('warm', () => true);
	const { m } = await openManage(admin, o.occ, cw);
	const rows = rowsOf(m).map((x) => ({ ...x, price: '11.00' }));
	const { r } = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
	assert.equal(r.status, 303);
	const counts = await everyWorker('saved price', (x) => x.t.rows[0].price === '11.00');
	assert.ok(counts.includes(1), 'and cached again afterwards');
});

test('changes made with plain SQL are on every worker\'s next request', async () => {
	await everyWorker('warm', () => true);
	const row = Number(dbValue(`SELECT id FROM occupier_service WHERE occupier_id = ${o.occ} AND site_id = ${cw}`));

	// A service's price.
	for (let i = 0; i < ROUNDS; i++)
		await openManage(admin, o.occ, cw);
	db(`UPDATE occupier_service SET price = 1234 WHERE id = ${row}`);
	await everyWorker('price by SQL', (x) => x.t.rows[0].price === '12.34');
	// The Manage services dialog declares the same versions.
	for (let i = 0; i < ROUNDS; i++) {
		const { m } = await openManage(admin, o.occ, cw);
		assert.equal(rowsOf(m)[0].price, '12.34', `the dialog's request ${i + 1} shows the price`);
	}

	// The contract's reference.
	const ref = `SQL-${rnd()}`;
	db(`UPDATE contract SET reference = ${q(ref)} WHERE id = ${o.contract.id}`);
	await everyWorker('contract by SQL', (x) => x.t.rows[0].contract === ref);

	// The occupier's name, in the header.
	const name = `Page cache renamed ${rnd()}`;
	db(`UPDATE occupier SET name = ${q(name)} WHERE id = ${o.occ}`);
	await everyWorker('occupier by SQL', (x) => text(x.r.body).includes(name));

	// A contract at another site: the tab's site selector lists it.
	const other = Number(dbValue(`SELECT id FROM site WHERE operator_id = (SELECT operator_id FROM occupier
		WHERE id = ${o.occ}) AND id <> ${cw} ORDER BY id LIMIT 1`));
	const canStart = (html) => (/<select id="new-site-select"[\s\S]*?<\/select>/.exec(html) || [''])[0]
		.includes(`value="${other}"`);
	const before = canStart((await tab()).r.body);
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date)
		SELECT operator_id, id, ${other}, ${q(`SQL2-${rnd()}`)}, '2026-01-01' FROM occupier WHERE id = ${o.occ}`);
	await everyWorker('contract elsewhere by SQL', (x) => !canStart(x.r.body));
	assert.equal(before, true, 'a contract could be started at the other site before');

	// A phone number given to the occupier: the Provisioned infrastructure.
	const label = Object.keys(infraOf((await tab()).r.body)).find((k) => /telephony/i.test(k));
	assert.ok(label, `a telephony extensions fraction: ${Object.keys(infraOf((await tab()).r.body))}`);
	const x0 = infraOf((await tab()).r.body)[label].split('/')[0];
	const num = Number(dbValue(`SELECT id FROM phone_number WHERE site_id = ${cw} AND state = 'available'
		AND occupier_id IS NULL AND operator_held = 0 ORDER BY id LIMIT 1`));
	db(`UPDATE phone_number SET state = 'active', occupier_id = ${o.occ}, activated_at = '2026-01-01' WHERE id = ${num}`);
	try {
		await everyWorker('number by SQL', (x) => infraOf(x.r.body)[label].split('/')[0] === String(Number(x0) + 1));
	} finally {
		db(`UPDATE phone_number SET state = 'available', occupier_id = NULL, activated_at = NULL WHERE id = ${num}`);
	}
	await everyWorker('number released by SQL', (x) => infraOf(x.r.body)[label].split('/')[0] === x0);
});

test('catalog and currency changed with plain SQL are on every worker\'s next request', async () => {
	await everyWorker('warm', () => true);
	const svc = S['Standard support'];
	const oldName = dbValue(`SELECT name FROM service WHERE id = ${svc}`);
	const newName = `Standard support ${rnd()}`;
	db(`UPDATE service SET name = ${q(newName)} WHERE id = ${svc}`);
	try {
		await everyWorker('catalog by SQL', (x) => x.t.rows[0].name === newName);
	} finally {
		db(`UPDATE service SET name = ${q(oldName)} WHERE id = ${svc}`);
	}
	await everyWorker('catalog restored', (x) => x.t.rows[0].name === oldName);

	const cur = dbValue(`SELECT COALESCE(currency, '-') FROM site WHERE id = ${cw}`);
	db(`UPDATE site SET currency = 'EUR' WHERE id = ${cw}`);
	try {
		await everyWorker('site currency by SQL', (x) => /€/.test(text(x.r.body)));
	} finally {
		db(`UPDATE site SET currency = ${cur !== '-' ? q(cur) : 'NULL'} WHERE id = ${cw}`);
	}
	await everyWorker('currency restored', (x) => !/€/.test(text(x.r.body)));
});

test('another operator\'s occupier is still 404, cached or not', async () => {
	const ew = await signedIn('admin@eastwind.example');
	await everyWorker('warm', () => true);
	for (let i = 0; i < ROUNDS; i++) {
		const r = await ew.get(servicesPath(o.occ, cw));
		assert.equal(r.status, 404, 'a foreign occupier');
	}
});
