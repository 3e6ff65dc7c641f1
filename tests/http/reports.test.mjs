// reports.test.mjs: the reports at any size (TENANTRY_TODAY=2026-02-16).
// Occupier Service Charges and Active services on screen are paged by key
// (per= rows a page, after=/before= links that keep the month and the page
// size); their totals (per site, in all, counted) come from one aggregate
// over the whole month or day, so they equal the sum of every page's rows
// and the CSV's; the kept totals follow a write that changes the month;
// the CSVs are streamed byte-correct (head, quoting, CRLF, Total row); a
// report without data says so.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, db, dbValue, occupierId, tableRows, assertHtml, decode } from './lib.mjs';
import { csv } from './invoices-lib.mjs';

let admin;

before(async () => {
	admin = await signedIn('admin@northwind.example');
});

/* "1,234.50" → 123450 */
/* An amount in pence: a CSV's plain figure, or a page's (£1,234.56, -£0.05). */
function pence(s) {
	return Math.round(Number(String(s).replace(/^(-?)£/, '$1').replace(/,/g, '')) * 100);
}

/* The rows of the first table whose class is cls, with `cells` cells. */
function rowsOf(html, cls, cells) {
	const t = new RegExp(`<table class="${cls}">[\\s\\S]*?</table>`).exec(html);
	return t ? tableRows(t[0]).filter((x) => x.length === cells) : [];
}

/* A CSV text field as the screen shows it: the apostrophe that keeps a
 * leading = + - @ from being read as a formula taken off. */
function unguard(f) {
	return /^'[=+\-@\t\r]/.test(f) ? f.slice(1) : f;
}

/* The href of the pager's link rel (prev/next), or null. */
function pagerLink(html, rel) {
	const nav = /<nav class="pager"[\s\S]*?<\/nav>/.exec(html);
	const m = nav && new RegExp(`<a rel="${rel}"[^>]*href="([^"]*)"`).exec(nav[0]);
	return m ? decode(m[1]) : null;
}

/* Every page from url on, following Next: [{ url, body }]. */
async function allPages(url) {
	const pages = [];
	for (let u = url; u !== null; ) {
		const r = await admin.get(u);
		assertHtml(r, 200, u);
		pages.push({ url: u, body: r.body });
		assert.ok(pages.length < 200, 'the Next links end');
		u = pagerLink(r.body, 'next');
	}
	return pages;
}

/* The month's totals on a page: { lines, total, sites: [[site, occ, lines, amount]] }. */
function chargeTotals(body) {
	const m = /Total \((\d+) lines\)<\/th><td class="num"><strong>([^<]*)<\/strong>/.exec(body);
	return { lines: Number(m[1]), total: pence(m[2]), sites: rowsOf(body, 'grid totals', 4) };
}

test('charges on screen: pages of per= occupiers, Next reaches every line, totals = all pages = CSV', async () => {
	const pages = await allPages('/reports/charges?month=2026-01&per=2');
	assert.ok(pages.length >= 2, `pages: ${pages.length}`);
	const lines = [], occupiers = [];
	for (const [i, p] of pages.entries()) {
		const l = rowsOf(p.body, 'grid charges', 9);
		const occ = [...new Set(l.map((x) => x[0]))];
		assert.ok(occ.length >= 1 && occ.length <= 2, `page ${i + 1}: ${occ.length} occupiers`);
		if (i + 1 < pages.length) {
			assert.equal(occ.length, 2, `page ${i + 1} is full`);
			const next = pagerLink(p.body, 'next');
			assert.match(next, /^\/reports\/charges\?month=2026-01&per=2&after=\d+$/, 'Next keeps the month and page size');
		}
		assert.equal(pagerLink(p.body, 'prev') !== null, i > 0, `page ${i + 1}: Previous only after the first`);
		lines.push(...l);
		occupiers.push(...occ);
	}
	assert.equal(new Set(occupiers).size, occupiers.length, 'no occupier on two pages');
	const t = chargeTotals(pages[0].body);
	for (const p of pages)
		assert.deepEqual(chargeTotals(p.body), t, 'the same month totals on every page');
	assert.equal(lines.length, t.lines, 'the lines of all pages = the counted lines');
	assert.equal(lines.reduce((a, x) => a + pence(x[8]), 0), t.total, 'the lines of all pages sum to the total');
	assert.equal(t.sites.reduce((a, x) => a + pence(x[3]), 0), t.total, 'the sites sum to the total');
	assert.equal(t.sites.reduce((a, x) => a + Number(x[2]), 0), t.lines, 'the sites count every line');
	assert.match(pages[0].body, new RegExp(`January 2026 in all: ${new Set(occupiers).size} occupiers charged, ${t.lines} lines`));
	// The CSV: the same lines in the same order, and the same total.
	const c = await admin.get('/reports/charges.csv?month=2026-01');
	const recs = csv(c.body);
	const data = recs.slice(1, -1);
	assert.deepEqual(data.map((x) => [unguard(x[0]), x[1], x[2], pence(x[9])]),
		lines.map((x) => [x[0], x[1], x[2], pence(x[8])]), 'CSV lines = the lines of every page, in order');
	assert.equal(pence(recs.at(-1)[9]), t.total, 'CSV total = the page total');
	// Previous from the last page is the page before it.
	const last = pages.at(-1);
	const back = await admin.get(pagerLink(last.body, 'prev'));
	assertHtml(back, 200, 'previous');
	assert.deepEqual(rowsOf(back.body, 'grid charges', 9), rowsOf(pages.at(-2).body, 'grid charges', 9));
	assert.equal(pagerLink(back.body, 'next') !== null, true);
});

test('charges paging keys: another operator\'s occupier answers 404, a bad key 400', async () => {
	const foreign = occupierId('Zephyr Secret Holdings');
	assert.equal((await admin.get(`/reports/charges?month=2026-01&after=${foreign}`)).status, 404);
	assert.equal((await admin.get(`/reports/charges?month=2026-01&before=${foreign}`)).status, 404);
	assert.equal((await admin.get('/reports/charges?month=2026-01&after=x1')).status, 400);
});

test('the charges CSV is streamed byte-correct: head, quoted fields, CRLF, Total row', async () => {
	const c = await admin.get('/reports/charges.csv?month=2026-01');
	assert.equal(c.status, 200);
	assert.match(c.headers.get('content-type'), /^text\/csv; charset=utf-8$/);
	assert.equal(c.headers.get('content-disposition'), 'attachment; filename="occupier-service-charges-2026-01.csv"');
	assert.equal(c.headers.get('x-content-type-options'), 'nosniff');
	assert.ok(c.body.startsWith('"Occupier","Site","Service","From","To","Days","Days in month","Unit price","QTY","Amount"\r\n'),
		c.body.slice(0, 120));
	assert.equal(c.body.split('\r\n').length - 1, csv(c.body).length, 'one CRLF a record, none inside');
	assert.match(c.body, /\r\n"Total","","","","","","","","",[0-9]+\.[0-9]{2}\r\n$/);
	// Every data record: 10 fields, amounts plain numbers.
	for (const x of csv(c.body).slice(1, -1)) {
		assert.equal(x.length, 10);
		assert.match(x[9], /^[0-9]+\.[0-9]{2}$/);
	}
});

test('a month without charges: a clear empty state, and a CSV of its head and a zero total', async () => {
	const r = await admin.get('/reports/charges?month=2019-01');
	assertHtml(r, 200, 'empty month');
	assert.match(r.text, /It is empty here: nothing was charged in January 2019\./);
	assert.doesNotMatch(r.body, /<table class="grid charges">/);
	assert.equal(pagerLink(r.body, 'next'), null);
	const recs = csv((await admin.get('/reports/charges.csv?month=2019-01')).body);
	assert.equal(recs.length, 2);
	assert.deepEqual(recs[1], ['Total', '', '', '', '', '', '', '', '', '0.00']);
});

test('kept month totals follow a write that changes the month', async () => {
	const before_ = chargeTotals((await admin.get('/reports/charges?month=2026-01')).body);
	const id = dbValue(`SELECT s.id FROM occupier_service s JOIN occupier o ON o.id = s.occupier_id
		WHERE o.name = 'Acme Analytics Ltd' AND s.activated_at <= '2026-01-01' AND s.ended_at IS NULL
		AND EXISTS (SELECT 1 FROM charge_ledger l WHERE l.occsvc_id = s.id AND l.price > 0) ORDER BY s.id LIMIT 1`);
	db(`UPDATE occupier_service SET ended_at = '2026-01-11' WHERE id = ${id}`);
	try {
		const t = chargeTotals((await admin.get('/reports/charges?month=2026-01')).body);
		assert.ok(t.total < before_.total, `the month costs less once the service ends on 11 Jan (${t.total} < ${before_.total})`);
		const recs = csv((await admin.get('/reports/charges.csv?month=2026-01')).body);
		assert.equal(pence(recs.at(-1)[9]), t.total, 'kept totals = the CSV after the change');
		assert.equal(recs.length - 2, t.lines);
	} finally {
		db(`UPDATE occupier_service SET ended_at = NULL WHERE id = ${id}`);
	}
	assert.deepEqual(chargeTotals((await admin.get('/reports/charges?month=2026-01')).body), before_, 'back as it was');
});

/* The active report's totals: { qty, price, cost, sites } */
function activeTotals(body) {
	const f = /<tfoot><tr><th scope="row" colspan="2">Total<\/th><td class="num">(\d+)<\/td><td><\/td><td><\/td><td class="num"><strong>([^<]*)<\/strong><\/td><td class="num">([^<]*)<\/td>/.exec(body);
	return { qty: Number(f[1]), price: pence(f[2]), cost: pence(f[3]), sites: rowsOf(body, 'grid totals', 6) };
}

test('active services on screen: paged by key, totals = all pages = summary CSV = full CSV', async () => {
	const pages = await allPages('/reports/active-services?per=4');
	assert.ok(pages.length >= 3, `pages: ${pages.length}`);
	const rows = [];
	for (const [i, p] of pages.entries()) {
		const r = rowsOf(p.body, 'grid', 8);
		assert.ok(r.length >= 1 && r.length <= 4, `page ${i + 1}: ${r.length} rows`);
		if (i + 1 < pages.length) {
			assert.equal(r.length, 4);
			assert.match(pagerLink(p.body, 'next'), /^\/reports\/active-services\?per=4&after_site=\d+&after_service=\d+$/);
		}
		rows.push(...r);
	}
	const t = activeTotals(pages[0].body);
	for (const p of pages)
		assert.deepEqual(activeTotals(p.body), t, 'the same totals on every page');
	assert.equal(rows.reduce((a, x) => a + Number(x[2]), 0), t.qty, 'QTY of all pages = the total');
	assert.equal(rows.reduce((a, x) => a + pence(x[5]), 0), t.price, 'price of all pages = the total');
	assert.equal(rows.reduce((a, x) => a + pence(x[6]), 0), t.cost, 'cost of all pages = the total');
	assert.equal(t.sites.reduce((a, x) => a + Number(x[2]), 0), t.qty, 'the sites sum to the total');
	const sum = csv((await admin.get('/reports/active-services.csv?kind=summary')).body).slice(1);
	assert.deepEqual(sum.map((x) => [x[0], x[1], Number(x[2]), pence(x[5])]),
		rows.map((x) => [x[0], x[1], Number(x[2]), pence(x[5])]), 'summary CSV = the rows of every page, in order');
	const full = await admin.get('/reports/active-services.csv?kind=full');
	assert.equal(full.status, 200);
	assert.match(full.headers.get('content-disposition'), /^attachment; filename="active-services-full-2026-02-16\.csv"$/);
	assert.ok(full.body.startsWith('"Site","Service","Occupier","Contract","QTY","Cost","RRP","Price","Total price","Total cost","Margin"\r\n'));
	const recs = csv(full.body).slice(1);
	assert.equal(recs.reduce((a, x) => a + Number(x[4]), 0), t.qty, 'full CSV QTY = the total');
	assert.equal(recs.reduce((a, x) => a + pence(x[8]), 0), t.price, 'full CSV price = the total');
	assert.equal(Number(t.sites.reduce((a, x) => a + Number(x[1]), 0)), recs.length, 'services counted = full CSV rows');
	// Previous from the last page is the page before it.
	const back = await admin.get(pagerLink(pages.at(-1).body, 'prev'));
	assert.deepEqual(rowsOf(back.body, 'grid', 8), rowsOf(pages.at(-2).body, 'grid', 8));
	assert.equal((await admin.get('/reports/active-services?after_site=1')).status, 400, 'half a key');
});

test('kept active groups follow a change of a service', async () => {
	const t0 = activeTotals((await admin.get('/reports/active-services')).body);
	const id = dbValue(`SELECT s.id FROM occupier_service s JOIN occupier o ON o.id = s.occupier_id
		WHERE o.name = 'Acme Analytics Ltd' AND s.activated_at <= '2026-02-16' AND s.ended_at IS NULL ORDER BY s.id LIMIT 1`);
	db(`UPDATE occupier_service SET qty = qty + 2 WHERE id = ${id}`);
	try {
		assert.equal(activeTotals((await admin.get('/reports/active-services')).body).qty, t0.qty + 2);
	} finally {
		db(`UPDATE occupier_service SET qty = qty - 2 WHERE id = ${id}`);
	}
	assert.deepEqual(activeTotals((await admin.get('/reports/active-services')).body), t0);
});

test('an edit recomputes only its own kept group; the totals after it are exact', async () => {
	const NW = dbValue("SELECT id FROM operator WHERE name = 'Northwind Workspaces'");
	const day = '2026-02-16';
	const kept = () => db(`SELECT site_id, service_id, nservices, qty, price_total FROM active_service_total
		WHERE operator_id = ${NW} AND day = '${day}' ORDER BY site_id, service_id`).map((r) => r.join(' '));
	const truth = () => db(`SELECT SUM(qty), SUM(price * qty) FROM occupier_service WHERE operator_id = ${NW}
		AND activated_at IS NOT NULL AND activated_at <= '${day}' AND (ended_at IS NULL OR ended_at > '${day}')`)[0].map(Number);
	assertHtml(await admin.get('/reports/active-services'), 200, 'the groups kept');
	const [id, site, svc] = db(`SELECT s.id, s.site_id, s.service_id FROM occupier_service s
		JOIN occupier o ON o.id = s.occupier_id WHERE o.name = 'Acme Analytics Ltd' AND s.activated_at <= '${day}'
		AND s.ended_at IS NULL ORDER BY s.id LIMIT 1`)[0];
	const others = (rows) => rows.filter((r) => !r.startsWith(`${site} ${svc} `));
	const k0 = kept();
	assert.ok(others(k0).length > 0, 'other groups are kept');
	db(`UPDATE occupier_service SET qty = qty + 3, price = price + 101 WHERE id = ${id}`);
	try {
		// The write leaves every other group kept (nothing to compute again but its own).
		assert.deepEqual(others(kept()), others(k0), 'the other groups stay kept');
		const t = activeTotals((await admin.get('/reports/active-services')).body);
		const [qty, price] = truth();
		assert.equal(t.qty, qty, 'QTY exact after the edit');
		assert.equal(t.price, price, 'total price exact after the edit');
		const [gq, gp] = db(`SELECT qty, price_total FROM active_service_total WHERE operator_id = ${NW}
			AND day = '${day}' AND site_id = ${site} AND service_id = ${svc}`)[0].map(Number);
		const [tq, tp] = db(`SELECT SUM(qty), SUM(price * qty) FROM occupier_service WHERE operator_id = ${NW}
			AND site_id = ${site} AND service_id = ${svc} AND activated_at IS NOT NULL AND activated_at <= '${day}'
			AND (ended_at IS NULL OR ended_at > '${day}')`)[0].map(Number);
		assert.deepEqual([gq, gp], [tq, tp], 'its group recomputed exactly');
		assert.equal(dbValue(`SELECT COUNT(*) FROM active_service_stale WHERE operator_id = ${NW}`), '0', 'nothing left stale');
	} finally {
		db(`UPDATE occupier_service SET qty = qty - 3, price = price - 101 WHERE id = ${id}`);
	}
	const t1 = activeTotals((await admin.get('/reports/active-services')).body);
	assert.deepEqual([t1.qty, t1.price], truth(), 'exact once undone');
	assert.deepEqual(kept(), k0, 'the kept groups as they were');
});

test('the Active services report of an operator: its own rows only, or a clear empty state', async () => {
	const ew = await signedIn('admin@eastwind.example');
	const qty = Number(dbValue(`SELECT COALESCE(SUM(s.qty), 0) FROM occupier_service s JOIN operator p ON p.id = s.operator_id
		WHERE p.name = 'Eastwind Offices' AND s.activated_at <= '2026-02-16' AND (s.ended_at IS NULL OR s.ended_at > '2026-02-16')`));
	const r = await ew.get('/reports/active-services');
	assertHtml(r, 200, 'Eastwind\'s report');
	assert.doesNotMatch(r.body, /Canary Wharf|Acme/);
	const sum = csv((await ew.get('/reports/active-services.csv?kind=summary')).body);
	if (qty === 0) {
		assert.match(r.text, /It is empty here: no service is active\./);
		assert.doesNotMatch(r.body, /<table class="grid totals">/);
		assert.equal(sum.length, 1, 'the summary CSV: its head only');
	} else
		assert.equal(activeTotals(r.body).qty, qty, 'Eastwind\'s QTY, from its own services');
});

test('the streamed charges CSV adds up to the on-screen report of the demo month, site by site', async () => {
	const r = await admin.get('/reports/charges?month=2026-01');
	assertHtml(r, 200, 'charges report');
	const t = chargeTotals(r.body);
	assert.ok(t.sites.length > 1, 'the demo month is charged at several sites');
	const recs = csv((await admin.get('/reports/charges.csv?month=2026-01')).body);
	const data = recs.slice(1, -1);
	assert.equal(data.length, t.lines, 'CSV lines = the counted lines');
	assert.equal(pence(recs.at(-1)[9]), t.total, 'CSV Total row = the page total');
	assert.equal(data.reduce((a, x) => a + pence(x[9]), 0), t.total, 'the CSV lines sum to its Total row');
	// Per site: lines, occupiers charged and amount, as the page's site table says.
	const bySite = new Map();
	for (const x of data) {
		const s = bySite.get(x[1]) ?? { lines: 0, occ: new Set(), amount: 0 };
		s.lines++;
		s.occ.add(unguard(x[0]));
		s.amount += pence(x[9]);
		bySite.set(x[1], s);
	}
	const bySiteName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
	assert.deepEqual(t.sites.map((x) => [x[0], Number(x[1]), Number(x[2]), pence(x[3])]).sort(bySiteName),
		[...bySite].map(([site, s]) => [site, s.occ.size, s.lines, s.amount]).sort(bySiteName),
		'each site of the CSV = that site\'s row of the page');
	// Occupiers come in name order, each occupier's lines together.
	const seen = new Set();
	let last = '';
	for (const x of data) {
		const o = unguard(x[0]);
		if (o !== last) {
			assert.ok(!seen.has(o), `${o}: its lines together`);
			seen.add(o);
			last = o;
		}
	}
});
