// charges-dates.test.mjs: money that never rewrites the past, and services
// that always start. Each test steps "today" through the months involved,
// as an operator would (tests/http/clock.mjs runs the same binary on the
// same database with TENANTRY_TODAY set to each day), and reads what the
// Charges tab, the Occupier Service Charges report and its CSV say.
//
//  1. A later price or QTY change never rewrites an earlier month: every
//     earlier month's lines and totals stay byte-identical, on screen and
//     in CSV (the charge ledger, sql/020_charge_ledger.sql).
//  2. Replacing the internet in one save starts the new service on the port
//     the old one held; the seed's two-step upgrade works too.
//  3. A service that needs a device, on a contract that starts later, whose
//     port was activated early, starts on the contract's start date.
//  4. Moving a contract's start moves its services that have not started,
//     with audit events; a start moved into the past starts them today.
// Also: the removal day is not charged (and the Charges screen says so).
//
// The occupiers are this file's own; the floor ports it takes are given
// back in `after`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, assertHtml, assertRedirect, db, dbValue, money, q, signedIn, siteId, tableRows } from './lib.mjs';
import { Clock } from './clock.mjs';
import {
	allMessages, newContract, newOccupier, openManage, parseHistory, parseServicesTab, rowsOf, serviceIds, submit,
} from './services-lib.mjs';

let admin, clock, cw, S, portsAtStart;

before(async () => {
	admin = await signedIn(ADMIN);
	clock = new Clock();
	cw = siteId('Canary Wharf');
	S = serviceIds();
	portsAtStart = db('SELECT id, COALESCE(occupier_id, 0), role, state FROM floor_port ORDER BY id');
});

after(async () => {
	await clock.stop();
	const now = new Map(db('SELECT id, COALESCE(occupier_id, 0), role, state FROM floor_port')
		.map((r) => [r[0], r.join('|')]));
	const sql = portsAtStart.filter((r) => now.get(r[0]) !== r.join('|')).map((r) =>
		`UPDATE floor_port SET occupier_id = ${r[1] === '0' ? 'NULL' : r[1]}, role = ${q(r[2])},
			state = ${q(r[3])} WHERE id = ${r[0]}`);
	if (sql.length > 0)
		db(sql.join(';\n'));
});

/* ---- helpers ------------------------------------------------------------- */

/* A client of the stack whose today is day. */
async function on(day) {
	await clock.at(day);
	return clock.client(admin);
}

/* An occupier of this file with one contract at Canary Wharf (start, end). */
async function occupierAt(k, start, end = '') {
	const occ = await newOccupier(k, 'Dates test');
	const contract = await newContract(k, occ, cw, { start, end });
	return { occ, contract };
}

/* Save the plan: rows are the dialog's current rows, changed by edit(rows). */
async function save(k, occ, edit, what) {
	const { m } = await openManage(k, occ, cw);
	const cur = rowsOf(m);
	const rows = edit(cur);
	// The current rows edit() left out go as drops, as the dialog's X then Save sends them.
	const kept = new Set(rows.filter((r) => r.id).map((r) => r.id));
	const x = await submit(k, occ, cw, m.version, rows,
		{ op: 'save', drop: cur.filter((r) => !kept.has(r.id)).map((r) => r.id) });
	assertRedirect(x.r, /\/services\?done=/, `${what}: ${x.m ? JSON.stringify(allMessages(x.m)) : x.r.text.slice(0, 300)}`);
}

function addRow(contract, name, price, qty = 1) {
	return { service: S[name], contract: contract.id, price, qty };
}

function rowOf(rows, name) {
	const r = rows.find((x) => x.service === S[name]);
	assert.ok(r, `row ${name}`);
	return r;
}

/* The Charges tab of a month: its section's bytes, lines and total. */
async function tab(k, occ, month) {
	const r = await k.get(`/occupiers/${occ}/sites/${cw}/charges?month=${month}`);
	assertHtml(r, 200, `Charges ${month}`);
	const section = /<section class="tab-body">[\s\S]*?<\/section>/.exec(r.body)[0];
	const total = /Total for [A-Za-z]+ \d{4}\s*£([\d,]+\.\d\d)/.exec(r.text);
	return {
		section,
		text: r.text,
		// Unit price and amount in pounds (money() checks the symbol).
		lines: tableRows(section).filter((x) => x.length === 7)
			.map((x) => x.map((v, i) => (i === 4 || i === 6 ? money(v) : v)).join(' | ')),
		total: total ? total[1] : '0.00',
	};
}

/* The report of a complete month: the table's bytes and the CSV's. */
async function report(k, month) {
	const r = await k.get(`/reports/charges?month=${month}`);
	assertHtml(r, 200, `report ${month}`);
	const c = await k.get(`/reports/charges.csv?month=${month}`);
	assert.equal(c.status, 200, `CSV ${month}`);
	const screen = (/<table class="grid charges">[\s\S]*?<\/table>/.exec(r.body) ||
		/<div class="empty">[\s\S]*?<\/div>/.exec(r.body))[0];
	return { screen, csv: c.body };
}

/* Every view of months (the occupier's tab, the report and its CSV). */
async function views(k, occ, months) {
	const out = {};
	for (const m of months)
		out[m] = { tab: (await tab(k, occ, m)).section, report: await report(k, m) };
	return out;
}

function assertSame(before_, after_, what) {
	for (const m of Object.keys(before_)) {
		assert.equal(after_[m].tab, before_[m].tab, `${what}: the Charges tab of ${m}`);
		assert.equal(after_[m].report.screen, before_[m].report.screen, `${what}: the report of ${m}`);
		assert.equal(after_[m].report.csv, before_[m].report.csv, `${what}: the CSV of ${m}`);
	}
}

/* A free floor port of Canary Wharf (an occupier LAN port no one holds). */
function freePort() {
	return Number(dbValue(`SELECT id FROM floor_port WHERE site_id = ${cw} AND occupier_id IS NULL
		AND role = 'occupier_lan' AND state = 'inactive' ORDER BY id DESC LIMIT 1`));
}

async function ports(k, op, id, extra = []) {
	await k.get(`/sites/${cw}/ports`);
	const body = new URLSearchParams([['csrf', k.csrf], ['op', op], ['port', String(id)], ...extra]);
	const r = await k.post(`/sites/${cw}/ports`, body.toString());
	assertRedirect(r, `/sites/${cw}/ports?done=saved`, `${op} port ${id}: ${r.text.slice(0, 300)}`);
}

/* Assign a free port to occ and activate it; returns its id. */
async function portUp(k, occ) {
	const id = freePort();
	await ports(k, 'assign', id, [['occupier', String(occ)], ['role', 'occupier_lan']]);
	await ports(k, 'activate', id);
	return id;
}

async function servicesTab(k, occ) {
	const r = await k.get(`/occupiers/${occ}/sites/${cw}/services`);
	assertHtml(r, 200, 'Services tab');
	return parseServicesTab(r.body);
}

function statusOf(t, name) {
	const r = t.rows.find((x) => x.name === name && x.status !== 'Inactive') || t.rows.find((x) => x.name === name);
	assert.ok(r, `service ${name} on the Services tab`);
	return [r.status, r.statusNote];
}

/* ---- 1. past months never change ------------------------------------------- */

test('a later QTY or price change never rewrites an earlier month: lines, totals and CSV stay byte-identical', async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-08-03');
	await save(k, o.occ, () => [addRow(o.contract, 'Wi-Fi devices pack (10)', '31.00'),
		addRow(o.contract, 'Wi-Fi Secure accounts (5)', '20.00')], 'add');

	// 10 Sep: August is complete.
	k = await on('2026-09-10');
	const aug = await tab(k, o.occ, '2026-08');
	assert.deepEqual(aug.lines, [
		'Wi-Fi devices pack (10) | 3 Aug 2026 | 31 Aug 2026 | 29/31 | 31.00 | 1 | 29.00',
		'Wi-Fi Secure accounts (5) | 3 Aug 2026 | 31 Aug 2026 | 29/31 | 20.00 | 1 | 18.71',
	]);
	const v1 = await views(k, o.occ, ['2026-08']);

	// 11 Oct: QTY 1 -> 3 and a new price; September and August unchanged.
	k = await on('2026-10-11');
	const v2 = await views(k, o.occ, ['2026-08', '2026-09']);
	assertSame(v1, v2, 'a day later');
	await save(k, o.occ, (rows) => {
		rowOf(rows, 'Wi-Fi devices pack (10)').qty = '3';
		rowOf(rows, 'Wi-Fi Secure accounts (5)').price = '26.00';
		return rows;
	}, 'QTY and price change on 11 Oct');
	assertSame(v2, await views(k, o.occ, ['2026-08', '2026-09']), 'after the change of 11 Oct');
	const sep = await tab(k, o.occ, '2026-09');
	assert.deepEqual(sep.lines, [
		'Wi-Fi devices pack (10) | 1 Sep 2026 | 30 Sep 2026 | 30/30 | 31.00 | 1 | 31.00',
		'Wi-Fi Secure accounts (5) | 1 Sep 2026 | 30 Sep 2026 | 30/30 | 20.00 | 1 | 20.00',
	]);
	const oct = await tab(k, o.occ, '2026-10');
	assert.deepEqual(oct.lines, [
		'Wi-Fi devices pack (10) | 1 Oct 2026 | 10 Oct 2026 | 10/31 | 31.00 | 1 | 10.00',
		'Wi-Fi devices pack (10) | 11 Oct 2026 | 31 Oct 2026 | 21/31 | 31.00 | 3 | 63.00',
		'Wi-Fi Secure accounts (5) | 1 Oct 2026 | 10 Oct 2026 | 10/31 | 20.00 | 1 | 6.45',
		'Wi-Fi Secure accounts (5) | 11 Oct 2026 | 31 Oct 2026 | 21/31 | 26.00 | 1 | 17.61',
	]);
	assert.equal(oct.total, '97.06');

	// 2 Nov: October is complete; two more changes the same day (the last
	// wins) change nothing before.
	k = await on('2026-11-02');
	const v3 = await views(k, o.occ, ['2026-08', '2026-09', '2026-10']);
	assertSame(v2, v3, 'on 2 Nov');
	assert.equal((await tab(k, o.occ, '2026-10')).section, oct.section, 'October as it was seen on 11 Oct');
	await save(k, o.occ, (rows) => {
		rowOf(rows, 'Wi-Fi devices pack (10)').qty = '1';
		return rows;
	}, 'QTY back to 1 on 2 Nov');
	await save(k, o.occ, (rows) => {
		rowOf(rows, 'Wi-Fi devices pack (10)').price = '40.00';
		rowOf(rows, 'Wi-Fi Secure accounts (5)').qty = '2';
		return rows;
	}, 'a second change on 2 Nov');
	assertSame(v3, await views(k, o.occ, ['2026-08', '2026-09', '2026-10']), 'after the changes of 2 Nov');
	assert.deepEqual((await tab(k, o.occ, '2026-11')).lines, [
		'Wi-Fi devices pack (10) | 1 Nov 2026 | 1 Nov 2026 | 1/30 | 31.00 | 3 | 3.10',
		'Wi-Fi devices pack (10) | 2 Nov 2026 | 30 Nov 2026 | 29/30 | 40.00 | 1 | 38.67',
		'Wi-Fi Secure accounts (5) | 1 Nov 2026 | 1 Nov 2026 | 1/30 | 26.00 | 1 | 0.87',
		'Wi-Fi Secure accounts (5) | 2 Nov 2026 | 30 Nov 2026 | 29/30 | 26.00 | 2 | 50.27',
	]);
});

test('the removal day is not charged, and the Charges screen says so', async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-08-01');
	await save(k, o.occ, () => [addRow(o.contract, 'Wi-Fi devices pack (10)', '30.00')], 'add');
	k = await on('2026-09-30');
	await save(k, o.occ, () => [], 'remove on 30 Sep');
	k = await on('2026-10-01');
	const sep = await tab(k, o.occ, '2026-09');
	assert.deepEqual(sep.lines, ['Wi-Fi devices pack (10) | 1 Sep 2026 | 29 Sep 2026 | 29/30 | 30.00 | 1 | 29.00']);
	assert.match(sep.text, /the day a service is removed is not charged/i);
	assert.deepEqual((await tab(k, o.occ, '2026-10')).lines, []);
	const r = await k.get('/reports/charges?month=2026-09');
	assert.match(r.text, /the day a service is removed is not charged/i);
});

/* ---- 2. replacing the internet ---------------------------------------------- */

test('replacing the internet in one save starts the new service on the port the old one held', async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-07-01');
	await save(k, o.occ, () => [addRow(o.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'LAN');
	await portUp(k, o.occ);
	assert.deepEqual(statusOf(await servicesTab(k, o.occ), 'Internet (LAN only) 100 Mbps'), ['Active', null]);

	// 14 Sep: one save removes LAN only and adds LAN + Wi-Fi.
	k = await on('2026-09-14');
	await save(k, o.occ, (rows) => [addRow(o.contract, 'Internet (LAN + Wi-Fi) 100 Mbps', '110.00')],
		'the upgrade in one save');
	const t = await servicesTab(k, o.occ);
	assert.deepEqual(statusOf(t, 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Active', null], 'started on the inherited port');
	assert.deepEqual(statusOf(t, 'Internet (LAN only) 100 Mbps'), ['Inactive', 'Removed 14 Sep 2026']);
	assert.equal(t.infra['Switch ports'], '1/1');

	k = await on('2026-10-02');
	const sep = await tab(k, o.occ, '2026-09');
	assert.deepEqual(sep.lines, [
		'Internet (LAN only) 100 Mbps | 1 Sep 2026 | 13 Sep 2026 | 13/30 | 90.00 | 1 | 39.00',
		'Internet (LAN + Wi-Fi) 100 Mbps | 14 Sep 2026 | 30 Sep 2026 | 17/30 | 110.00 | 1 | 62.33',
	]);
	assert.deepEqual((await tab(k, o.occ, '2026-10')).lines,
		['Internet (LAN + Wi-Fi) 100 Mbps | 1 Oct 2026 | 31 Oct 2026 | 31/31 | 110.00 | 1 | 110.00']);
	const hist = parseHistory((await k.get(`/occupiers/${o.occ}/sites/${cw}/history`)).body);
	assert.ok(hist.some((h) => h.what === 'Service activated' && h.subject === 'Internet (LAN + Wi-Fi) 100 Mbps' &&
		JSON.stringify(h.changes) === JSON.stringify(['Service: Internet (LAN + Wi-Fi) 100 Mbps', 'Activated: 14 Sep 2026'])),
		'the start is in the History');
});

test('the two-step upgrade: add the new service, then remove the old one (a later save, or after a port of its own)', async () => {
	// a. Remove the old one in a later save: the new one starts on its port then.
	let k = await on('2026-08-03');
	const a = await occupierAt(k, '2026-07-01');
	await save(k, a.occ, () => [addRow(a.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'LAN');
	await portUp(k, a.occ);
	// b. The seed's way: a port of its own for the new service, then the old
	// port deactivated and the old service removed.
	const b = await occupierAt(k, '2026-07-01');
	await save(k, b.occ, () => [addRow(b.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'LAN');
	const bOld = await portUp(k, b.occ);

	k = await on('2026-09-14');
	for (const o of [a, b]) {
		await save(k, o.occ, (rows) => [...rows, addRow(o.contract, 'Internet (LAN + Wi-Fi) 100 Mbps', '110.00')],
			'add the upgrade');
		const t = await servicesTab(k, o.occ);
		assert.deepEqual(statusOf(t, 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Scheduled', 'Starts when activated']);
		assert.equal(t.infra['Switch ports'], '1/2');
	}
	k = await on('2026-09-16');
	await portUp(k, b.occ);
	assert.deepEqual(statusOf(await servicesTab(k, b.occ), 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Active', null]);

	k = await on('2026-09-21');
	await save(k, a.occ, (rows) => rows.filter((r) => r.service !== S['Internet (LAN only) 100 Mbps']), 'remove the old');
	assert.deepEqual(statusOf(await servicesTab(k, a.occ), 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Active', null]);
	await ports(k, 'deactivate', bOld);
	await save(k, b.occ, (rows) => rows.filter((r) => r.service !== S['Internet (LAN only) 100 Mbps']), 'remove the old');

	k = await on('2026-10-01');
	assert.deepEqual((await tab(k, a.occ, '2026-09')).lines, [
		'Internet (LAN only) 100 Mbps | 1 Sep 2026 | 20 Sep 2026 | 20/30 | 90.00 | 1 | 60.00',
		'Internet (LAN + Wi-Fi) 100 Mbps | 21 Sep 2026 | 30 Sep 2026 | 10/30 | 110.00 | 1 | 36.67',
	]);
	assert.deepEqual((await tab(k, b.occ, '2026-09')).lines, [
		'Internet (LAN only) 100 Mbps | 1 Sep 2026 | 20 Sep 2026 | 20/30 | 90.00 | 1 | 60.00',
		'Internet (LAN + Wi-Fi) 100 Mbps | 16 Sep 2026 | 30 Sep 2026 | 15/30 | 110.00 | 1 | 55.00',
	]);
});

/* ---- 3. a device-needing service on a future contract --------------------------- */

test('a service that needs a device, on a future contract, whose port was activated early, starts on the start date', async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-09-16');
	await save(k, o.occ, () => [addRow(o.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'LAN on a future contract');
	await portUp(k, o.occ);
	let t = await servicesTab(k, o.occ);
	assert.equal(t.infra['Switch ports'], '1/1');
	assert.deepEqual(statusOf(t, 'Internet (LAN only) 100 Mbps'), ['Scheduled', null], 'starts on 16 Sep');

	k = await on('2026-09-15');
	assert.deepEqual(statusOf(await servicesTab(k, o.occ), 'Internet (LAN only) 100 Mbps'), ['Scheduled', null]);
	k = await on('2026-09-16');
	assert.deepEqual(statusOf(await servicesTab(k, o.occ), 'Internet (LAN only) 100 Mbps'), ['Active', null]);
	k = await on('2026-10-01');
	assert.deepEqual((await tab(k, o.occ, '2026-09')).lines,
		['Internet (LAN only) 100 Mbps | 16 Sep 2026 | 30 Sep 2026 | 15/30 | 90.00 | 1 | 45.00']);
	assert.deepEqual((await tab(k, o.occ, '2026-08')).lines, []);
});

test("a renewal's internet, on a contract from 16 Sep, starts on that day once the old service's port is free", async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-07-01');
	await save(k, o.occ, () => [addRow(o.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'LAN');
	await portUp(k, o.occ);
	const renewal = await newContract(k, o.occ, cw, { start: '2026-09-16' });
	await save(k, o.occ, (rows) => [...rows, addRow(renewal, 'Internet (LAN + Wi-Fi) 100 Mbps', '110.00')], 'renewal');
	// 15 Sep: the old internet goes; its port carries the renewal's from 16 Sep.
	k = await on('2026-09-15');
	await save(k, o.occ, (rows) => rows.filter((r) => r.service !== S['Internet (LAN only) 100 Mbps']), 'remove the old');
	assert.deepEqual(statusOf(await servicesTab(k, o.occ), 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Scheduled', null]);
	k = await on('2026-09-16');
	assert.deepEqual(statusOf(await servicesTab(k, o.occ), 'Internet (LAN + Wi-Fi) 100 Mbps'), ['Active', null]);
	k = await on('2026-10-01');
	assert.deepEqual((await tab(k, o.occ, '2026-09')).lines, [
		'Internet (LAN only) 100 Mbps | 1 Sep 2026 | 14 Sep 2026 | 14/30 | 90.00 | 1 | 42.00',
		'Internet (LAN + Wi-Fi) 100 Mbps | 16 Sep 2026 | 30 Sep 2026 | 15/30 | 110.00 | 1 | 55.00',
	]);
});

/* ---- 4. moving a contract's start --------------------------------------------- */

async function editContract(k, occ, contract, start) {
	const path = `/occupiers/${occ}/contracts/${contract.id}/edit`;
	const page = await k.get(path);
	assertHtml(page, 200, 'edit contract');
	const version = /name="version" value="(\d+)"/.exec(page.body)[1];
	const r = await k.post(path, { reference: contract.reference, start_date: start, end_date: '', version });
	assertRedirect(r, `/occupiers/${occ}/sites/${cw}/contracts?done=saved`, `move ${contract.reference} to ${start}`);
}

test("moving a contract's start moves its services that have not started, with audit events", async () => {
	let k = await on('2026-08-03');
	const later = await occupierAt(k, '2026-09-16');
	const sooner = await occupierAt(k, '2026-09-16');
	for (const o of [later, sooner])
		await save(k, o.occ, () => [addRow(o.contract, 'Wi-Fi devices pack (10)', '30.00'),
			addRow(o.contract, 'Internet (LAN only) 100 Mbps', '90.00')], 'add');
	await editContract(k, later.occ, later.contract, '2026-09-21');
	await editContract(k, sooner.occ, sooner.contract, '2026-09-11');
	const t = await servicesTab(k, later.occ);
	assert.deepEqual(t.rows.map((r) => [r.name, r.start]), [
		['Wi-Fi devices pack (10)', '21 Sep 2026'], ['Internet (LAN only) 100 Mbps', '21 Sep 2026']]);
	const hist = parseHistory((await k.get(`/occupiers/${later.occ}/sites/${cw}/history`)).body);
	const moved = hist.filter((h) => h.what === 'Service start moved');
	assert.equal(moved.length, 2, 'an audit event per service');
	assert.ok(moved.some((h) => h.subject === 'Wi-Fi devices pack (10)' && JSON.stringify(h.changes) ===
		JSON.stringify(['Start date: 16 Sep 2026 → 21 Sep 2026', 'Activated: 16 Sep 2026 → 21 Sep 2026'])), JSON.stringify(moved));

	k = await on('2026-10-01');
	assert.deepEqual((await tab(k, later.occ, '2026-09')).lines,
		['Wi-Fi devices pack (10) | 21 Sep 2026 | 30 Sep 2026 | 10/30 | 30.00 | 1 | 10.00']);
	assert.deepEqual((await tab(k, sooner.occ, '2026-09')).lines,
		['Wi-Fi devices pack (10) | 11 Sep 2026 | 30 Sep 2026 | 20/30 | 30.00 | 1 | 20.00']);
});

test('a start moved to a day already past starts the waiting services today, never before', async () => {
	let k = await on('2026-08-03');
	const o = await occupierAt(k, '2026-09-20');
	await save(k, o.occ, () => [addRow(o.contract, 'Wi-Fi devices pack (10)', '30.00')], 'add');
	k = await on('2026-09-18');
	await editContract(k, o.occ, o.contract, '2026-09-10');
	const t = await servicesTab(k, o.occ);
	assert.deepEqual(t.rows.map((r) => [r.name, r.start, r.status]), [['Wi-Fi devices pack (10)', '10 Sep 2026', 'Active']]);
	k = await on('2026-10-01');
	assert.deepEqual((await tab(k, o.occ, '2026-09')).lines,
		['Wi-Fi devices pack (10) | 18 Sep 2026 | 30 Sep 2026 | 13/30 | 30.00 | 1 | 13.00']);
	// A service that has started keeps its days when the start moves again.
	await editContract(k, o.occ, o.contract, '2026-09-25');
	assert.deepEqual((await tab(k, o.occ, '2026-09')).lines,
		['Wi-Fi devices pack (10) | 18 Sep 2026 | 30 Sep 2026 | 13/30 | 30.00 | 1 | 13.00']);
});
