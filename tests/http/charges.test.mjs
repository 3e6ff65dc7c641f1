// charges.test.mjs: charges through the real stack (TENANTRY_TODAY=2026-02-16):
// the Charges tab, the Occupier Service Charges report on screen and as CSV
// (lines, totals and CSV agree to the penny), proration of a mid-month QTY
// change (saved on the days themselves through clock.mjs), a service with
// 1 000 price changes, complete months only, the Active services report and
// its CSVs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, db, dbValue, money, occupierId, siteId, tableRows, text, assertHtml, q } from './lib.mjs';
import { serviceIds, occupierWith, openManage, submit, rowsOf } from './services-lib.mjs';
import { Clock } from './clock.mjs';

let admin, cw, S, clock;

before(async () => {
	admin = await signedIn('admin@northwind.example');
	cw = siteId('Canary Wharf');
	S = serviceIds();
	clock = new Clock();
});

after(async () => {
	await clock.stop();
});

/* The Charges tab's lines (7 cells), unit price and amount in pounds
 * without the symbol (money() checks it). */
function chargeLines(html) {
	return tableRows(html).filter((x) => x.length === 7)
		.map((x) => x.map((v, i) => (i === 4 || i === 6 ? money(v) : v)));
}

/* "1,234.50" → 123450 */
function pence(s) {
	return Math.round(Number(String(s).replace(/,/g, '')) * 100);
}

/* Parse RFC 4180 text (quoted fields, CRLF). */
function csv(body) {
	assert.ok(body.endsWith('\r\n'), 'records end in CRLF');
	const rows = [];
	let row = [], f = '', i = 0, quoted = false;
	while (i < body.length) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') { f += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			f += ch; i++; continue;
		}
		if (ch === '"') { quoted = true; i++; continue; }
		if (ch === ',') { row.push(f); f = ''; i++; continue; }
		if (ch === '\r' && body[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i += 2; continue; }
		assert.notEqual(ch, '\n', 'no bare LF');
		f += ch; i++;
	}
	return rows;
}

test("Acme's Charges tab for January 2026: every service a full month, total 337.00", async () => {
	const acme = occupierId('Acme Analytics Ltd');
	const r = await admin.get(`/occupiers/${acme}/sites/${cw}/charges?month=2026-01`);
	assertHtml(r, 200, 'charges tab');
	assert.match(r.text, /Charges at Canary Wharf — January 2026/);
	const lines = chargeLines(r.body);
	assert.deepEqual(lines.map((x) => [x[0], x[3], x[4], x[5], x[6]]), [
		['Internet (LAN only) 100 Mbps', '31/31', '90.00', '1', '90.00'],
		['Public IP (/29)', '31/31', '25.00', '1', '25.00'],
		['Bandwidth 500 Mbps', '31/31', '150.00', '1', '150.00'],
		['Voice line', '31/31', '14.00', '3', '42.00'],
		['Call recording', '31/31', '5.00', '2', '10.00'],
		['UK Unlimited', '31/31', '20.00', '1', '20.00'],
		['Standard support', '31/31', '0.00', '1', '0.00'],
	]);
	assert.match(r.text, /Total for January 2026\s*£337\.00/);
	const bad = await admin.get(`/occupiers/${acme}/sites/${cw}/charges?month=2026-13`);
	assertHtml(bad, 400, 'malformed month');
});

test('a mid-month QTY change splits the month into two lines, prorated by day, rounded once per line', async () => {
	// Started 10 Jan, QTY 3 from 20 Jan: saved on those days (clock.mjs).
	await clock.at('2026-01-10');
	let k = clock.client(admin);
	const o = await occupierWith(k, cw, [{ start: '2026-01-01' }], 'Charges test');
	const { m } = await openManage(k, o.occ, cw);
	let x = await submit(k, o.occ, cw, m.version,
		[{ service: S['Voice line'], contract: o.contract.id, price: '15.00', qty: 1 }], { op: 'save' });
	assert.equal(x.r.status, 303, 'first save');
	await clock.at('2026-01-20');
	k = clock.client(admin);
	const m2 = (await openManage(k, o.occ, cw)).m;
	const rows = rowsOf(m2);
	rows[0].qty = 3;
	x = await submit(k, o.occ, cw, m2.version, rows, { op: 'save' });
	assert.equal(x.r.status, 303, 'QTY change');
	const r = await admin.get(`/occupiers/${o.occ}/sites/${cw}/charges?month=2026-01`);
	const lines = chargeLines(r.body);
	// 15.00 × 1 × 10/31 = 4.838… → 4.84; 15.00 × 3 × 12/31 = 17.419… → 17.42.
	assert.deepEqual(lines.map((x) => [x[1], x[2], x[3], x[5], x[6]]), [
		['10 Jan 2026', '19 Jan 2026', '10/31', '1', '4.84'],
		['20 Jan 2026', '31 Jan 2026', '12/31', '3', '17.42'],
	]);
	assert.match(r.text, /Total for January 2026\s*£22\.26/);
	const feb = await admin.get(`/occupiers/${o.occ}/sites/${cw}/charges?month=2026-02`);
	assert.deepEqual(chargeLines(feb.body).map((x) => [x[3], x[6]]),
		[['28/28', '45.00']]);
	const dec = await admin.get(`/occupiers/${o.occ}/sites/${cw}/charges?month=2025-12`);
	assert.match(dec.text, /It is empty here: nothing is charged/);
});

test('a service whose price changed on 1 000 days keeps every line (no fixed cap)', async () => {
	const o = await occupierWith(admin, cw, [{ start: '2023-01-01' }], 'Charges 1000');
	const { m } = await openManage(admin, o.occ, cw);
	const x = await submit(admin, o.occ, cw, m.version,
		[{ service: S['Standard support'], contract: o.contract.id, price: '1.00', qty: 1 }], { op: 'save' });
	assert.equal(x.r.status, 303);
	// The ledger of a price changed every day from 1 May 2023: 10.00 + 0.01 a day.
	const id = Number(dbValue(`SELECT id FROM occupier_service WHERE occupier_id = ${o.occ}`));
	const op = dbValue(`SELECT operator_id FROM occupier_service WHERE id = ${id}`);
	const d0 = Date.UTC(2023, 4, 1), DAY = 86400000;
	const iso = (t) => new Date(t).toISOString().slice(0, 10);
	const vals = [];
	for (let i = 0; i < 1000; i++)
		vals.push(`(${op}, ${id}, '${iso(d0 + i * DAY)}', ${i < 999 ? `'${iso(d0 + (i + 1) * DAY)}'` : 'NULL'},
			${o.occ}, ${cw}, ${1000 + i}, 1)`);
	db(`DELETE FROM charge_ledger WHERE occsvc_id = ${id};
		INSERT INTO charge_ledger (operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty)
		VALUES ${vals.join(',')};
		UPDATE occupier_service SET price = 1999, activated_at = '2023-05-01' WHERE id = ${id}`);
	// Every month from May 2023: one line a day while the price changes daily.
	let day = 0;
	for (let t = d0; day < 1000; ) {
		const d = new Date(t), y = d.getUTCFullYear(), mo = d.getUTCMonth();
		const dim = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
		const r = await admin.get(`/occupiers/${o.occ}/sites/${cw}/charges?month=${y}-${String(mo + 1).padStart(2, '0')}`);
		const lines = chargeLines(r.body);
		const n = Math.min(dim, 1000 - day);
		const want = [];
		for (let i = 0; i < n; i++) {
			const price = 1000 + day + i;
			// One day each; the last price goes on to the month's end.
			const days = day + i === 999 ? dim - i : 1;
			// price × days / dim, half-up to the penny.
			const amount = Math.floor((2 * price * days + dim) / (2 * dim));
			want.push([(price / 100).toFixed(2), `${days}/${dim}`, (amount / 100).toFixed(2)]);
		}
		assert.deepEqual(lines.map((l) => [l[4], l[3], l[6]]), want, `${y}-${mo + 1}`);
		day += n;
		t = Date.UTC(y, mo + 1, 1);
	}
	assert.equal(day, 1000);
});

test('Occupier Service Charges: screen lines, screen total and CSV agree to the penny', async () => {
	const r = await admin.get('/reports/charges?month=2026-01');
	assertHtml(r, 200, 'report');
	const rows = tableRows(r.body);
	const lines = rows.filter((x) => x.length === 9);
	assert.ok(lines.length >= 15, `lines: ${lines.length}`);
	const sum = lines.reduce((a, x) => a + pence(money(x[8])), 0);
	const total = pence(r.text.match(/Total \((\d+) lines\)\s*£([\d,]+\.\d\d)/)[2]);
	assert.equal(Number(r.text.match(/Total \((\d+) lines\)/)[1]), lines.length);
	assert.equal(sum, total, 'sum of lines = total');
	const c = await admin.get('/reports/charges.csv?month=2026-01');
	assert.equal(c.status, 200);
	assert.match(c.headers.get('content-type'), /^text\/csv/);
	assert.match(c.headers.get('content-disposition'), /attachment; filename="occupier-service-charges-2026-01\.csv"/);
	const recs = csv(c.body);
	assert.deepEqual(recs[0], ['Occupier', 'Site', 'Service', 'From', 'To', 'Days', 'Days in month',
		'Unit price', 'QTY', 'Amount']);
	const data = recs.slice(1, -1);
	assert.equal(data.length, lines.length, 'CSV and screen have the same lines');
	assert.equal(data.reduce((a, x) => a + pence(x[9]), 0), total, 'CSV lines sum to the total');
	assert.equal(pence(recs.at(-1)[9]), total, 'CSV total row');
	assert.equal(recs.at(-1)[0], 'Total');
	// Acme's lines in the report equal its Charges tab.
	const acme = data.filter((x) => x[0] === 'Acme Analytics Ltd').reduce((a, x) => a + pence(x[9]), 0);
	assert.equal(acme, 33700);
});

test('the report covers complete months only', async () => {
	const r = await admin.get('/reports/charges?month=2026-02');
	assertHtml(r, 422, 'current month');
	assert.match(r.text, /February 2026 has not ended yet\. Choose a complete month/);
	const c = await admin.get('/reports/charges.csv?month=2026-03');
	assert.equal(c.status, 422);
	const d = await admin.get('/reports/charges');
	assertHtml(d, 200, 'default: the last complete month');
	assert.match(d.text, /Occupier Service Charges — January 2026/);
});

test('CSV text fields are formula-safe', async () => {
	await clock.at('2025-12-01');
	const k = clock.client(admin);
	const o = await occupierWith(k, cw, [{ start: '2025-11-01' }], '=HYPERLINK("x")');
	const { m } = await openManage(k, o.occ, cw);
	const x = await submit(k, o.occ, cw, m.version,
		[{ service: S['Standard support'], contract: o.contract.id, price: '1.00', qty: 1 }], { op: 'save' });
	assert.equal(x.r.status, 303);
	const name = dbValue(`SELECT name FROM occupier WHERE id = ${o.occ}`);
	const recs = csv((await admin.get('/reports/charges.csv?month=2026-01')).body);
	const mine = recs.filter((x) => x[0] === `'${name}`);
	assert.equal(mine.length, 1, 'the name starts with an apostrophe, never a formula');
	assert.equal(mine[0][9], '1.00');
});

test('Active services report: per site and service, margin = price − cost; summary and full CSV', async () => {
	const r = await admin.get('/reports/active-services');
	assertHtml(r, 200, 'active services');
	const rows = tableRows(r.body).filter((x) => x.length === 8);
	const pip = rows.find((x) => x[0] === 'Canary Wharf' && x[1] === 'Public IP (/29)');
	assert.ok(pip, 'Public IP at Canary Wharf');
	assert.equal(pence(money(pip[7])), pence(money(pip[5])) - pence(money(pip[6])), 'margin = price total − cost total');
	const sum = await admin.get('/reports/active-services.csv?kind=summary');
	const s = csv(sum.body);
	assert.deepEqual(s[0], ['Site', 'Service', 'QTY', 'Cost', 'RRP', 'Total price', 'Total cost', 'Margin']);
	assert.equal(s.length - 1, rows.length, 'summary CSV = screen rows');
	const full = csv((await admin.get('/reports/active-services.csv?kind=full')).body);
	assert.deepEqual(full[0], ['Site', 'Service', 'Occupier', 'Contract', 'QTY', 'Cost', 'RRP', 'Price',
		'Total price', 'Total cost', 'Margin']);
	const qty = (rowsOf) => rowsOf.reduce((a, x) => a + Number(x), 0);
	assert.equal(qty(full.slice(1).map((x) => x[4])), qty(s.slice(1).map((x) => x[2])), 'full and summary QTY agree');
	// Another operator's report never shows Northwind's services.
	const ew = await signedIn('admin@eastwind.example');
	const e = await ew.get('/reports/active-services.csv?kind=full');
	assert.doesNotMatch(e.body, /Canary Wharf|Acme/);
	assert.equal((await admin.get(`/occupiers/${occupierId('Zephyr Secret Holdings')}/sites/${cw}/charges`)).status, 404);
});
