// Usage billing: call detail records and traffic samples
// imported (upload and command line), idempotent by natural key, a bad
// file refused whole with its line number; calls attributed to who held
// the calling number when (the history the telephony screens write),
// rated by the holder's tariff to the penny, allowances taken in call
// order (also when an older file comes later); the 95th percentile and
// burst; the Billing Usage Report, the occupier's Usage tab, /my and the
// usage block of the Charges tabs agreeing with the itemised calls.
//
// The file makes its own occupiers at Shoreditch (services added by SQL:
// Tariff, Voice line, Bandwidth) and takes numbers of that site's pool
// through the Telephony screen. Calls are dated after TODAY, in its month.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	ADMIN, DB_SOCKET, OCC_ADMIN, TENANTRY_BIN, TODAY, assertHtml, assertRedirect, db, dbValue, money, occupierId,
	operatorId, q, rnd, signedIn, siteId, text, inputValue,
} from './lib.mjs';

let admin, acmeUser, NW, cw, sd, acme;
const MONTH = TODAY.slice(0, 7);
const DAY = (d) => `${MONTH}-${String(d).padStart(2, '0')}`;
const PREV = (() => {
	const [y, m] = MONTH.split('-').map(Number);
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

/* ---- helpers ------------------------------------------------------------- */

/* A small RFC 4180 reader (the test's own). */
function parseCsv(s) {
	const out = [];
	let rec = [], f = '', i = 0, quoted = false;
	while (i < s.length) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') { f += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			f += ch; i++; continue;
		}
		if (ch === '"') { quoted = true; i++; continue; }
		if (ch === ',') { rec.push(f); f = ''; i++; continue; }
		if (ch === '\r' && s[i + 1] === '\n') { rec.push(f); out.push(rec); rec = []; f = ''; i += 2; continue; }
		f += ch; i++;
	}
	return out;
}

/* Minor units of "1,234.50" or "1234.50". */
const minor = (s) => Math.round(Number(String(s).replace(/,/g, '')) * 100);

/* Upload a file to the import page (multipart/form-data, as a browser). */
async function upload(c, site, fields, body, name = `calls-${rnd(3)}.csv`) {
	if (!c.csrf)
		await c.get(`/sites/${site}/usage/import`);
	const fd = new FormData();
	fd.append('csrf', fields.csrf ?? c.csrf);
	for (const [k, v] of Object.entries(fields))
		if (k !== 'csrf')
			fd.append(k, String(v));
	fd.append('file', new Blob([body], { type: 'text/csv' }), name);
	return c.request('POST', `/sites/${site}/usage/import`, { body: fd, contentType: null });
}

/* An import that must go in: 303 to its summary; returns its counts. */
async function imported(c, site, fields, body, what) {
	const r = await upload(c, site, fields, body);
	assertRedirect(r, /^\/sites\/\d+\/usage\/import\?import=\d+$/, what);
	const id = Number(/import=(\d+)/.exec(r.location)[1]);
	const [records, added, dups, nobody] = db(`SELECT records, added, duplicates, unattributed FROM usage_import
		WHERE id = ${id}`)[0].map(Number);
	const page = await c.get(r.location);
	assertHtml(page, 200, `${what}: the summary page`);
	assert.match(page.text, new RegExp(`Imported .*: ${records} records, ${added} new, ${dups} imported before`),
		`${what}: the summary is shown`);
	return { records, added, dups, nobody };
}

function errorsOf(html) {
	const m = /<div class="errors"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [];
}

/* Everything an import writes. */
function usageState() {
	return JSON.stringify(db(`SELECT (SELECT COUNT(*) FROM usage_call), (SELECT COUNT(*) FROM usage_import),
		(SELECT COALESCE(SUM(amount), 0) FROM usage_call), (SELECT COUNT(*) FROM usage_traffic),
		(SELECT COUNT(*) FROM usage_bw_month), (SELECT COALESCE(SUM(imports), 0) FROM usage_site)`));
}

/* A fresh occupier with a contract at site from TODAY - 10 days. */
async function newOccupier(site) {
	const name = `Usage test ${rnd()}`;
	await admin.get('/occupiers/new');
	const r = await admin.post('/occupiers/new', { name, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create occupier');
	const id = Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
	const start = new Date(`${TODAY}T00:00:00Z`);
	start.setUTCDate(start.getUTCDate() - 10);
	await admin.get(`/occupiers/${id}/sites/${site}/contracts/new`);
	const k = await admin.post(`/occupiers/${id}/sites/${site}/contracts/new`,
		{ reference: `USE-${rnd(4)}`, start_date: start.toISOString().slice(0, 10), end_date: '', version: '0' });
	assertRedirect(k, `/occupiers/${id}/sites/${site}/contracts?done=created`, 'create contract');
	return { id, name };
}

/* Services of the catalog (by code) for occ at site, started on the 1st of the month. */
function addServices(occ, site, list) {
	const contract = dbValue(`SELECT MAX(id) FROM contract WHERE occupier_id = ${occ} AND site_id = ${site}`);
	for (const [code, qty] of list)
		db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
			start_date, activated_at) SELECT ${NW}, ${occ}, ${site}, id, ${contract}, 0, ${qty}, ${q(DAY(1))},
			${q(DAY(1))} FROM service WHERE operator_id = ${NW} AND code = ${q(code)}`);
}

/* Available numbers of the site's pool (not the operator's last two). */
function freeNumbers(site, k) {
	return db(`SELECT id, number FROM phone_number WHERE site_id = ${site} AND state = 'available'
		AND occupier_id IS NULL AND operator_held = 0 ORDER BY number LIMIT 20 OFFSET 5`)
		.slice(0, k).map(([id, number]) => ({ id: Number(id), number }));
}

async function telephony(op, site, number, to) {
	await admin.get(`/sites/${site}/telephony`);
	const f = { op, number: number.id, state: '', holder: '' };
	if (to !== undefined)
		f.to = to;
	const r = await admin.post(`/sites/${site}/telephony`, f);
	assert.equal(r.status, 303, `${op} ${number.number}: ${r.status} ${r.text.slice(0, 300)}`);
}

function holdings(number) {
	return db(`SELECT occupier_id, held_from, COALESCE(held_until, -1) FROM phone_holder
		WHERE phone_number_id = ${number.id} ORDER BY held_from, occupier_id`).map((r) => r.map(Number));
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
const iso = (unix) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

/* The itemised CSV of an occupier: rows without the header and total. */
async function itemised(occ, site, month = MONTH) {
	const r = await admin.get(`/occupiers/${occ}/sites/${site}/usage/calls.csv?month=${month}`);
	assert.equal(r.status, 200, `itemised calls of ${occ}`);
	assert.match(r.type, /^text\/csv/);
	const rows = parseCsv(r.body);
	assert.equal(rows[0][0], 'Start (local time)');
	const total = rows[rows.length - 1];
	assert.equal(total[0], 'Total');
	const calls = rows.slice(1, -1).map((x) => ({ start: x[0], from: x[1].replace(/^'/, ''),
		to: x[2].replace(/^'/, ''), dir: x[3], duration: Number(x[4]), group: x[5], billed: Number(x[6]),
		included: Number(x[7]), rate: x[8], amount: minor(x[9]) }));
	assert.equal(minor(total[9]), calls.reduce((s, c) => s + c.amount, 0), 'the total is the sum of the calls');
	return { calls, total: minor(total[9]) };
}

/* The usage charge lines of the occupier's Usage tab: { label: amount }. */
async function usageLines(occ, site, month = MONTH) {
	const r = await admin.get(`/occupiers/${occ}/sites/${site}/usage?month=${month}`);
	assertHtml(r, 200, 'Usage tab');
	const t = /<table class="grid usage-lines">([\s\S]*?)<\/table>/.exec(r.body);
	const lines = {};
	if (t)
		for (const tr of t[1].matchAll(/<tr><td[^>]*>([\s\S]*?)<\/td><td[^>]*>[\s\S]*?<\/td><td class="num"[^>]*>([\s\S]*?)<\/td><\/tr>/g))
			lines[text(tr[1])] = minor(money(text(tr[2])));
	return { lines, page: r };
}

before(async () => {
	admin = await signedIn(ADMIN);
	acmeUser = await signedIn(OCC_ADMIN);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	acme = occupierId('Acme Analytics Ltd');
});

/* ---- the demo ------------------------------------------------------------ */

test('the demo report of last month: per occupier lines that add up to the itemised calls and the totals', async () => {
	const r = await admin.get(`/sites/${cw}/usage?month=${PREV}`);
	assertHtml(r, 200, 'Billing Usage Report');
	assert.match(r.text, /Billing Usage Report — Canary Wharf/);
	assert.match(r.text, /Acme Analytics Ltd/);
	assert.match(r.text, /Unattributed: from numbers nobody held \d+/);
	const csv = await admin.get(`/sites/${cw}/usage.csv?month=${PREV}`);
	assert.equal(csv.status, 200);
	const rows = parseCsv(csv.body);
	const acmeRows = rows.filter((x) => x[0] === 'Acme Analytics Ltd');
	assert.ok(acmeRows.length >= 4, 'Acme has call lines and a burst line');
	const callLines = acmeRows.filter((x) => x[7].startsWith('Calls: ')).reduce((s, x) => s + minor(x[13]), 0);
	const { total } = await itemised(acme, cw, PREV);
	assert.equal(callLines, total, "Acme's call lines = its itemised calls, to the penny");
	const burst = acmeRows.find((x) => x[7].startsWith('Bandwidth burst'));
	assert.ok(burst, 'a burst line');
	assert.ok(Number(burst[12]) > 500, `the 95th percentile is above 500 Mbps: ${burst[12]}`);
	const last = rows[rows.length - 1];
	assert.equal(last[0], 'Total');
	const occTotal = rows.slice(1, -1).reduce((s, x) => s + minor(x[13]), 0);
	assert.equal(minor(last[13]), occTotal, 'the total is the sum of the lines');
	// The summary rebuilt from the calls gives the same report.
	db(`UPDATE usage_month SET imports = 0 WHERE site_id = ${cw}`);
	db(`DELETE FROM usage_voice_month WHERE site_id = ${cw}`);
	const again = await admin.get(`/sites/${cw}/usage.csv?month=${PREV}`);
	assert.equal(again.body, csv.body, 'the same report from a summary built on reading');
});

test('the report lists its occupiers by name; a month not written YYYY-MM is refused, a bad page is the first', async () => {
	const csv = await admin.get(`/sites/${cw}/usage.csv?month=${PREV}`);
	const names = [...new Set(parseCsv(csv.body).slice(1, -2).map((x) => x[0]))];
	assert.ok(names.length >= 2, 'occupiers in the report');
	const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
	assert.deepEqual(names, sorted, 'in name order');
	for (const m of ['2026-13', 'January', '2026-01-01-2026-01-01-2026'])
		for (const path of [`/sites/${cw}/usage?month=${m}`, `/sites/${cw}/usage/unattributed.csv?month=${m}`,
			`/occupiers/${acme}/sites/${cw}/usage/calls.csv?month=${m}`]) {
			const r = await admin.get(path);
			assert.equal(r.status, 400, `${path}: ${r.status}`);
			assert.match(r.text, /The month must be written YYYY-MM/);
		}
	for (const pg of ['abc', '-3', '99999999999'])
		assertHtml(await admin.get(`/sites/${cw}/usage?month=${PREV}&page=${pg}`), 200, `page=${pg}`);
});

test('the occupier sees its own usage and itemised calls in /my, and the usage block on its charges', async () => {
	const r = await acmeUser.get(`/my/sites/${cw}/usage?month=${PREV}`);
	assertHtml(r, 200, '/my usage');
	assert.match(r.text, /Itemised calls \(\d+\)/);
	assert.match(r.text, /International/);
	const total = /Usage charges for [A-Za-z]+ \d{4} £([\d,.]+)/.exec(r.text);
	assert.ok(total, 'a usage total');
	const c = await acmeUser.get(`/my/sites/${cw}/charges?month=${PREV}`);
	assertHtml(c, 200, '/my charges');
	const block = /<section class="usage-block"[\s\S]*?<\/section>/.exec(c.body);
	assert.ok(block, 'the usage block on the charges');
	assert.match(text(block[0]), new RegExp(`Usage charges £${total[1].replace(/[.]/g, '\\.')}$`),
		'the same usage total');
	const csv = await acmeUser.get(`/my/sites/${cw}/usage/calls.csv?month=${PREV}`);
	assert.equal(csv.status, 200);
	const rows = parseCsv(csv.body);
	assert.equal(minor(rows[rows.length - 1][9]), minor(total[1]) - minor(
		/Bandwidth burst above \d+ Mbps [^]*? £([\d,.]+) Usage charges for/.exec(r.text)?.[1] ?? '0'),
		'the itemised total is the call lines');
	// Another occupier's usage is not there to see.
	const other = await acmeUser.get(`/occupiers/${acme}/sites/${cw}/usage`);
	assert.equal(other.status, 403);
});

/* ---- attribution by the holder history ------------------------------------ */

test('calls are attributed to who held the number when: the telephony screens write the history', async () => {
	const x = await newOccupier(sd), y = await newOccupier(sd);
	addServices(y.id, sd, [['voice-line', 1], ['tariff-payg', 1]]);
	const [n] = freeNumbers(sd, 1);
	// A second apart, so that each holding lasts a while.
	await telephony('allocate', sd, n, x.id);
	await sleep(1100);
	await telephony('deallocate', sd, n);
	await sleep(1100);
	await telephony('allocate', sd, n, y.id);
	const h = holdings(n);
	assert.equal(h.length, 2, `two holdings: ${JSON.stringify(h)}`);
	const [[ox, fx, ux], [oy, fy, uy]] = h;
	assert.deepEqual([ox, oy, uy], [x.id, y.id, -1], 'x held it, then y holds it');
	assert.ok(ux > fx && fy > ux, `one after the other: ${JSON.stringify(h)}`);
	// The day of the changes is TODAY (pinned), at the time they were made.
	assert.equal(new Date(fx * 1000).toISOString().slice(0, 10), TODAY);
	const num = n.number;
	const file = 'calling,called,start,duration,direction\n' +
		`${num},07700 900123,${iso(fx - 3600)},61,out\n` +	// before anyone held it
		`${num},07700 900124,${iso(fx)},61,out\n` +		// x's (no tariff)
		`${num},07700 900125,${iso(ux)},61,out\n` +		// between: nobody's
		`${num},07700 900126,${iso(fy + 60)},61,out\n`;		// y's: 9p
	const res = await imported(admin, sd, { kind: 'calls' }, file, 'holder file');
	assert.equal(res.added, 4);
	assert.equal(res.nobody, 2, 'the calls from nobody\'s number are counted');
	const ix = await itemised(x.id, sd);
	assert.deepEqual(ix.calls.map((c) => [c.to, c.group, c.amount]),
		[['+447700900124', 'Not charged: no tariff', 0]], 'x: its one call, not charged (no tariff)');
	const iy = await itemised(y.id, sd);
	assert.deepEqual(iy.calls.map((c) => [c.to, c.group, c.billed, c.amount]),
		[['+447700900126', 'UK mobile', 61, 9]], 'y: its call, 61 s at 9p a minute = 9.15p -> 9p');
	const nobody = await admin.get(`/sites/${sd}/usage/unattributed.csv?month=${MONTH}`);
	assert.match(nobody.body, /\+447700900123/, 'the unattributed calls are listed');
	assert.doesNotMatch(nobody.body, /\+447700900126/);
});

/* ---- rating, idempotency, refusal ------------------------------------------ */

let payg;		// { occ, number, site }

test('rated by the tariff to the penny; imported again or twice in a file, a call counts once', async () => {
	const y = await newOccupier(sd);
	addServices(y.id, sd, [['voice-line', 1], ['tariff-payg', 1], ['bw-100', 1]]);
	const [n, other] = freeNumbers(sd, 2);
	await telephony('allocate', sd, n, y.id);
	payg = { occ: y.id, number: n };
	const file = 'calling,called,start,duration,direction,carrier_cost\r\n' +
		`${n.number},07700 900123,${DAY(20)}T10:00:00Z,61,out,0.0040\r\n` +	// UK mobile 9p/min: 9.15p -> 9p
		`${n.number},0909 879 0001,${DAY(20)}T11:00:00Z,61,out,0.2000\r\n` +	// premium: 2 min x 60p + 10p = 1.30
		`${n.number},+33 1 99 00 0000,${DAY(20)}T12:00:00Z,6,out,\r\n` +	// 0.5p, minimum 1p
		`${n.number},020 3123 4567,${DAY(20)}T13:00:00Z,0,out\r\n` +		// not answered: 0
		`${n.number},${other.number},${DAY(20)}T14:00:00Z,300,out\r\n` +	// internal: free
		`07700 900999,${n.number},${DAY(20)}T15:00:00Z,300,in\r\n` +		// received: free
		`${n.number},07700 900123,${DAY(20)}T10:00:00Z,61,out,0.0040\r\n`;	// the first line again
	const before = dbValue('SELECT COUNT(*) FROM usage_call');
	const first = await imported(admin, sd, { kind: 'calls' }, file, 'first import');
	assert.deepEqual([first.records, first.added, first.dups], [7, 6, 1]);
	const { calls, total } = await itemised(y.id, sd);
	assert.deepEqual(calls.map((c) => [c.group, c.billed, c.amount]), [
		['UK mobile', 61, 9], ['Premium and non-geographic', 120, 130], ['International', 6, 1],
		['UK landline', 0, 0], ['Internal (free)', 0, 0], ['Inbound (free)', 0, 0]]);
	assert.equal(total, 140);
	const { lines } = await usageLines(y.id, sd);
	assert.equal(lines['Calls: UK mobile'], 9);
	assert.equal(lines['Calls: Premium and non-geographic'], 130);
	assert.equal(lines['Calls: International'], 1);
	assert.equal(Object.entries(lines).filter(([k]) => k.startsWith('Calls')).reduce((s, [, v]) => s + v, 0), 140);
	// The same file again: nothing new, nothing changes.
	const again = await imported(admin, sd, { kind: 'calls' }, file, 'second import');
	assert.deepEqual([again.records, again.added, again.dups], [7, 0, 7]);
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM usage_call')), Number(before) + 6);
	assert.equal((await itemised(y.id, sd)).total, 140, 'the same amount');
	assert.equal((await usageLines(y.id, sd)).lines['Calls: UK mobile'], 9);
});

test('a bad row refuses the whole file with its line number; nothing is written', async () => {
	assert.ok(payg, 'the previous test ran');
	const n = payg.number.number;
	const before = usageState();
	const file = 'calling,called,start,duration,direction\n' +
		`${n},07700 900777,${DAY(21)}T10:00:00Z,61,out\n` +
		`${n},07700 900778,${DAY(21)}T10:05:00Z,61,out\n` +
		`${n},07700 900779,${DAY(21)}T10:10:00,61,out\n` +		// no zone
		`${n},07700 900780,${DAY(21)}T10:15:00Z,61,out\n`;
	const r = await upload(admin, sd, { kind: 'calls' }, file, 'bad-day.csv');
	assertHtml(r, 422, 'bad file');
	assert.deepEqual(errorsOf(r.body), [`bad-day.csv, line 4: the start time “${DAY(21)}T10:10:00” is not a date ` +
		'and time with a zone (such as 2026-02-03T09:15:00Z or 2026-02-03 10:15:00+01:00). Nothing was imported: ' +
		'correct the file and choose it again.']);
	assert.equal(usageState(), before, 'nothing was written');
	// Other bad files: a field missing, not a file at all, no file.
	for (const [body, want] of [[`${n},07700 900781,${DAY(21)}T11:00:00Z,61\n`, /line 1: has 4 fields/],
		[`${n},07700 900781,${DAY(21)}T11:00:00Z,61,out\n\0\x01`, /line 2: holds a NUL byte/],
		['calling,called,start,duration,direction\n', /line 1: the file holds no call records/]]) {
		const x = await upload(admin, sd, { kind: 'calls' }, body);
		assertHtml(x, 422, String(want));
		assert.match(errorsOf(x.body)[0], want);
	}
	const none = await admin.request('POST', `/sites/${sd}/usage/import`, {
		body: (() => { const fd = new FormData(); fd.append('csrf', admin.csrf); fd.append('kind', 'calls'); return fd; })(),
		contentType: null });
	assertHtml(none, 422, 'no file');
	assert.deepEqual(errorsOf(none.body), ['Choose a CSV file to import.']);
	// Without the CSRF token: refused before anything is read.
	const forged = await upload(admin, sd, { kind: 'calls', csrf: 'x'.repeat(64) },
		`${n},07700 900782,${DAY(21)}T12:00:00Z,61,out\n`);
	assert.equal(forged.status, 403);
	assert.equal(usageState(), before, 'still nothing written');
});

test('allowances are taken in call order: an older file imported later rates the month again', async () => {
	const z = await newOccupier(sd);
	addServices(z.id, sd, [['voice-line', 1], ['tariff-uk-unlimited', 1]]);
	const [n] = freeNumbers(sd, 1);
	await telephony('allocate', sd, n, z.id);
	// UK Unlimited: 60 international minutes a voice line; France 4p a minute.
	const later = `${n.number},+33 1 99 00 0001,${DAY(22)}T10:00:00Z,3000,out\n` +
		`${n.number},+33 1 99 00 0002,${DAY(23)}T10:00:00Z,900,out\n` +
		`${n.number},07700 900555,${DAY(23)}T11:00:00Z,1200,out\n`;	// UK mobile: unlimited
	await imported(admin, sd, { kind: 'calls' }, later, 'the later file');
	let it = await itemised(z.id, sd);
	assert.deepEqual(it.calls.map((c) => [c.billed, c.included, c.amount]),
		[[3000, 3000, 0], [900, 600, 20], [1200, 1200, 0]],
		'the second call crosses the 60 minutes: 600 s in, 300 s at 4p = 20p');
	let tab = await usageLines(z.id, sd);
	assert.match(tab.page.text, /International 60 min 60:00 0:00/, 'the allowance is used up');
	// The day before, 10 minutes abroad: they come first in the month.
	const earlier = `${n.number},+33 1 99 00 0003,${DAY(21)}T10:00:00Z,600,out\n`;
	await imported(admin, sd, { kind: 'calls' }, earlier, 'the earlier file');
	it = await itemised(z.id, sd);
	assert.deepEqual(it.calls.map((c) => [c.billed, c.included, c.amount]),
		[[600, 600, 0], [3000, 3000, 0], [900, 0, 60], [1200, 1200, 0]],
		'in call order: 600 + 3000 s use the hour, the 900 s call pays in full (60p)');
	tab = await usageLines(z.id, sd);
	assert.equal(tab.lines['Calls: International'], 60);
	assert.equal(tab.lines['Calls: UK mobile'], 0);
});

/* ---- bandwidth ------------------------------------------------------------ */

test('traffic: the 95th percentile against the committed rate, the burst charged per Mbps; idempotent', async () => {
	assert.ok(payg, 'the rating test ran');
	const occ = payg.occ;
	const mb = (mbps) => mbps * 37500000;	// bytes in 5 minutes at mbps
	const slot = (i) => iso(Date.parse(`${DAY(20)}T00:00:00Z`) / 1000 + i * 300);
	let f1 = 'timestamp,bytes_in,bytes_out\n';
	for (let i = 0; i < 20; i++)
		f1 += `${slot(i)},${mb(i === 7 ? 900 : 50)},${mb(10)}\n`;
	const a = await imported(admin, sd, { kind: 'traffic', occupier: occ, interface: 'VLAN 2101' }, f1, 'traffic 1');
	assert.deepEqual([a.records, a.added], [20, 20]);
	let tab = await usageLines(occ, sd);
	assert.equal(tab.lines['Bandwidth burst above 100 Mbps'], 0, '20 samples: the 900 Mbps one dropped, 50 < 100');
	assert.match(tab.page.text, /95th percentile 50\.00 Mbps over 20 five-minute samples/);
	let f2 = 'timestamp,bytes_in,bytes_out\n';
	for (let i = 20; i < 40; i++)
		f2 += `${slot(i)},${mb(150)},${mb(10)}\n`;
	await imported(admin, sd, { kind: 'traffic', occupier: occ, interface: 'VLAN 2101' }, f2, 'traffic 2');
	tab = await usageLines(occ, sd);
	assert.equal(tab.lines['Bandwidth burst above 100 Mbps'], 25000,
		'40 samples, top 2 dropped: 150 Mbps, 50 over at 5.00 = 250.00');
	const again = await imported(admin, sd, { kind: 'traffic', occupier: occ, interface: 'VLAN 2101' }, f2, 'traffic 2 again');
	assert.deepEqual([again.added, again.dups], [0, 20]);
	assert.equal((await usageLines(occ, sd)).lines['Bandwidth burst above 100 Mbps'], 25000);
	// The same line on the Charges tab, in its own block.
	const ch = await admin.get(`/occupiers/${occ}/sites/${sd}/charges?month=${MONTH}`);
	const block = text(/<section class="usage-block"[\s\S]*?<\/section>/.exec(ch.body)[0]);
	assert.match(block, /Bandwidth burst above 100 Mbps .* £250\.00/);
	assert.match(block, /Usage charges £251\.40$/, 'calls 1.40 + burst 250.00');
	// An occupier without a contract at the site, or of nobody: refused.
	const before = usageState();
	const foreign = occupierId('Zephyr Secret Holdings');
	const r = await upload(admin, sd, { kind: 'traffic', occupier: foreign, interface: 'x' }, f1);
	assertHtml(r, 422, 'a foreign occupier');
	assert.deepEqual(errorsOf(r.body), ['That occupier is not one of yours.']);
	const noContract = occupierId('Acme Analytics Ltd');
	const r2 = await upload(admin, sd, { kind: 'traffic', occupier: noContract, interface: 'x' }, f1);
	assertHtml(r2, 422, 'no contract at the site');
	assert.deepEqual(errorsOf(r2.body), ['The occupier has no contract at this site. Nothing was imported.']);
	assert.equal(usageState(), before);
});

test('traffic: the occupier named in the picker (a text field, no list of every occupier), resolved at the site', async () => {
	const page = await admin.get(`/sites/${sd}/usage/import`);
	assertHtml(page, 200, 'import page');
	assert.doesNotMatch(page.body, /<select[^>]*name="occupier/, 'no drop-down of the occupiers');
	assert.match(page.body, new RegExp(`<input id="f-occupier_occ" name="occupier_occ"[^>]*data-pick="/occupiers/search\\?site=${sd}"`));
	const before = usageState();
	// Acme has no contract at this site: the picker, scoped to it, finds nobody.
	const r = await upload(admin, sd, { kind: 'traffic', occupier_occ: 'ACME-001', interface: 'VLAN 9' }, 'x');
	assertHtml(r, 422, 'no such occupier at the site');
	assert.deepEqual(errorsOf(r.body), ['Occupier: no occupier with a contract at this site matches “ACME-001”.']);
	assert.match(r.body, /<input id="f-occupier_occ" name="occupier_occ" value="ACME-001"[^>]*aria-invalid="true"/, 'input kept');
	assert.equal(inputValue(r.body, 'interface'), 'VLAN 9');
	const none = await upload(admin, sd, { kind: 'traffic', occupier_occ: '  ', interface: 'VLAN 9' }, 'x');
	assertHtml(none, 422, 'no occupier typed');
	assert.match(errorsOf(none.body)[0], /^Occupier: type the name or billing reference/);
	assert.equal(usageState(), before);
	// Its name, typed with blanks around: the samples go in as by its id
	// (a sample imported before: counted once, nothing charged twice).
	const ref = dbValue(`SELECT name FROM occupier WHERE id = ${payg.occ}`);
	const f = `timestamp,bytes_in,bytes_out\n${iso(Date.parse(`${DAY(20)}T00:00:00Z`) / 1000)},${50 * 37500000},${10 * 37500000}\n`;
	const ok = await imported(admin, sd, { kind: 'traffic', occupier_occ: ` ${ref} `, interface: 'VLAN 2101' }, f, 'by reference');
	assert.deepEqual([ok.records, ok.added, ok.dups], [1, 0, 1]);
	assert.equal(dbValue('SELECT occupier_id FROM usage_import ORDER BY id DESC LIMIT 1'), String(payg.occ));
});

/* ---- the command line ------------------------------------------------------- */

test('tenantry usage import: files in order, a bad one refused with its line, a repeat counts once', async () => {
	assert.ok(payg, 'the rating test ran');
	const dir = mkdtempSync(path.join(tmpdir(), 'usage-'));
	const n = payg.number.number;
	const good = path.join(dir, 'day-24.csv'), bad = path.join(dir, 'day-25.csv');
	writeFileSync(good, `${n},07700 901321,${DAY(24)}T09:00:00+01:00,120,out\n`);
	writeFileSync(bad, `${n},07700 901322,${DAY(25)}T09:00:00Z,12O,out\n`);
	const env = { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET };
	const run = (...files) => {
		try {
			return { status: 0, out: execFileSync(TENANTRY_BIN, ['usage', 'import', '--site', String(sd), ...files],
				{ env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
		} catch (e) {
			return { status: e.status, out: e.stdout, err: e.stderr };
		}
	};
	const r = run(good, bad);
	assert.equal(r.status, 1, 'a refused file makes the exit status 1');
	assert.match(r.out, /day-24\.csv: 1 records, 1 new, 0 imported before/);
	assert.match(r.err, /day-25\.csv: line 1: the duration “12O” is not a whole number of seconds/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM usage_call WHERE site_id = ${sd} AND called = 447700901322`), '0');
	const again = run(good);
	assert.equal(again.status, 0);
	assert.match(again.out, /1 records, 0 new, 1 imported before/);
	// 09:00+01:00 is 08:00Z; 120 s of UK mobile at 9p = 18p.
	const { calls } = await itemised(payg.occ, sd);
	const c = calls.find((x) => x.to === '+447700901321');
	assert.deepEqual([c.start.slice(11), c.amount], ['08:00:00', 18]);
	const usage = (() => {
		try {
			execFileSync(TENANTRY_BIN, ['usage', 'import'], { env, stdio: 'pipe' });
			return 0;
		} catch (e) {
			return e.status;
		}
	})();
	assert.equal(usage, 2, 'bad arguments');
	rmSync(dir, { recursive: true, force: true });
});
