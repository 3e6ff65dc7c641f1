// Contracts tab: statuses derived from dates on the day viewed
// (TENANTRY_TODAY, pinned by tests/run.sh), create and edit, refusals.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue, inputValue, occupierId, operatorId,
	q, rnd, signedIn, siteId, tableRows,
} from './lib.mjs';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* TODAY + n days as YYYY-MM-DD. */
function day(n) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/* YYYY-MM-DD as the app writes it in lists: "16 Feb 2026". */
function long(iso) {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MON[m - 1]} ${y}`;
}

let admin, staff, NW, cw, sd, harbour, acme;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	acme = occupierId('Acme Analytics Ltd');
});

/* A fresh occupier of our own (no contracts), created through the form. */
async function newOccupier(c = admin) {
	await c.get('/occupiers/new');
	const r = await c.post('/occupiers/new', { name: `Contracts test ${rnd()}`, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create occupier');
	return Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
}

/* Create a contract through the form (an overlap with another contract
 * there confirmed, as "Save anyway" does); returns its id. */
async function newContract(occ, site, fields, c = admin) {
	await c.get(`/occupiers/${occ}/sites/${site}/contracts/new`);
	const r = await c.post(`/occupiers/${occ}/sites/${site}/contracts/new`,
		{ version: '0', end_date: '', overlap_ok: '1', ...fields });
	assertRedirect(r, `/occupiers/${occ}/sites/${site}/contracts?done=created`, `create ${fields.reference}`);
	return Number(dbValue(`SELECT id FROM contract WHERE operator_id = ${NW} AND reference = ${q(fields.reference)}`));
}

function auditCount(id) {
	return Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'contract' AND entity_id = ${id}`));
}

function contractRow(id) {
	return db(`SELECT occupier_id, site_id, reference, start_date, COALESCE(end_date, '-'), version
		FROM contract WHERE id = ${id}`)[0];
}

test('the demo statuses on the pinned day', async () => {
	assert.equal(TODAY, '2026-02-16', 'tests/run.sh pins TENANTRY_TODAY');
	const cases = [
		['Acme Analytics Ltd', cw, [['NW-CW-001-1', long(day(-400)), 'Open-ended', 'Active']]],
		['Blue Finch Design', cw, [['NW-CW-002-1', long(day(14)), 'Open-ended', 'Scheduled']]],
		['Cobalt Legal LLP', sd, [['NW-SD-003-1', long(day(-700)), long(day(-30)), 'Inactive']]],
		['Delta Robotics', cw, [['NW-CW-004-1', long(day(-200)), long(day(165)), 'Active, Scheduled']]],
		['Fjord Media', cw, [['NW-CW-006-2', long(day(-365)), 'Open-ended', 'Active'],
			['NW-CW-006-1', long(day(-900)), long(day(-366)), 'Inactive']]],
		['Fjord Media', sd, [['NW-SD-006-3', long(day(-100)), 'Open-ended', 'Active']]],
		['Lumen Energy', cw, [['NW-CW-013-1', long(day(30)), 'Open-ended', 'Scheduled']]],
	];
	for (const [name, site, rows] of cases) {
		const id = occupierId(name);
		const r = await admin.get(`/occupiers/${id}/sites/${site}/contracts`);
		assertHtml(r, 200, `${name} contracts`);
		assert.match(r.text, /Statuses as on 16 Feb 2026\./);
		assert.deepEqual(tableRows(r.body).map((x) => x.slice(0, 4)), rows, `${name} at site ${site}`);
	}
	const r = await admin.get(`/occupiers/${acme}/sites/${cw}/contracts`);
	assert.match(r.body, /<span class="badge active">Active<\/span>/);
	// No contract at a site: the empty state.
	const e = await admin.get(`/occupiers/${acme}/sites/${sd}/contracts`);
	assertHtml(e, 200, 'Acme at Shoreditch');
	assert.match(e.text, /It is empty here: Acme Analytics Ltd has no contract at Shoreditch\./);
	// /occupiers/ID opens the first site with a contract.
	assertRedirect(await admin.get(`/occupiers/${occupierId('Cobalt Legal LLP')}`),
		`/occupiers/${occupierId('Cobalt Legal LLP')}/sites/${sd}/services`, 'Cobalt opens at Shoreditch');
});

test('statuses at the edges of the day', async () => {
	const occ = await newOccupier();
	const sfx = rnd(4);
	const cases = [
		[`EDGE-${sfx}-a`, day(0), '', 'Active'],			// starts today
		[`EDGE-${sfx}-b`, day(-10), day(0), 'Active'],		// ends today: still active, nothing ahead
		[`EDGE-${sfx}-c`, day(-10), day(-1), 'Inactive'],	// ended yesterday
		[`EDGE-${sfx}-d`, day(1), '', 'Scheduled'],		// starts tomorrow
		[`EDGE-${sfx}-e`, day(-10), day(1), 'Active, Scheduled'],	// ends tomorrow
		[`EDGE-${sfx}-f`, day(1), day(1), 'Scheduled'],		// one future day
		[`EDGE-${sfx}-g`, day(0), day(0), 'Active'],		// just today
	];
	for (const [reference, start_date, end_date] of cases)
		await newContract(occ, sd, { reference, start_date, end_date });
	const r = await admin.get(`/occupiers/${occ}/sites/${sd}/contracts`);
	const got = Object.fromEntries(tableRows(r.body).map((x) => [x[0], x[3]]));
	for (const [ref, , , status] of cases)
		assert.equal(got[ref], status, ref);
});

test('create a contract: redirect, flash, row, one audit event; then edit it', async () => {
	const occ = await newOccupier();
	const ref = `CT-${rnd()}`;
	const form = await admin.get(`/occupiers/${occ}/sites/${cw}/contracts/new`);
	assertHtml(form, 200, 'new contract form');
	assert.match(form.text, /New contract at Canary Wharf/);
	assert.equal(inputValue(form.body, 'reference'), '');
	const r = await admin.post(`/occupiers/${occ}/sites/${cw}/contracts/new`,
		{ reference: ref, start_date: day(-5), end_date: day(360), version: inputValue(form.body, 'version') });
	assertRedirect(r, `/occupiers/${occ}/sites/${cw}/contracts?done=created`, 'create');
	const list = await admin.get(r.location);
	assertHtml(list, 200, 'list after create');
	assert.match(list.body, /<p class="flash" role="status">Created\.<\/p>/);
	assert.deepEqual(tableRows(list.body).map((x) => x.slice(0, 4)),
		[[ref, long(day(-5)), long(day(360)), 'Active, Scheduled']]);
	const id = Number(dbValue(`SELECT id FROM contract WHERE reference = ${q(ref)}`));
	assert.deepEqual(contractRow(id), [String(occ), String(cw), ref, day(-5), day(360), '1']);
	const adminId = dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`);
	assert.deepEqual(db(`SELECT operator_id, occupier_id, site_id, user_id, action, old_value, new_value
		FROM audit_event WHERE entity = 'contract' AND entity_id = ${id}`),
		[[String(NW), String(occ), String(cw), adminId, 'create', null,
			`reference=${ref}\nstart_date=${day(-5)}\nend_date=${day(360)}`]]);
	assert.match(list.body, new RegExp(`href="/occupiers/${occ}/contracts/${id}/edit"`));

	// Edit: the form holds the values; a save redirects with "Changes saved.".
	const ed = await admin.get(`/occupiers/${occ}/contracts/${id}/edit`);
	assertHtml(ed, 200, 'edit form');
	assert.match(ed.text, new RegExp(`Edit contract ${ref}`));
	assert.equal(inputValue(ed.body, 'reference'), ref);
	assert.equal(inputValue(ed.body, 'start_date'), day(-5));
	assert.equal(inputValue(ed.body, 'end_date'), day(360));
	assert.equal(inputValue(ed.body, 'version'), '1');
	const s = await admin.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: `${ref}-X`, start_date: day(-5), end_date: '', version: '1' });
	assertRedirect(s, `/occupiers/${occ}/sites/${cw}/contracts?done=saved`, 'save');
	const after = await admin.get(s.location);
	assert.match(after.body, /<p class="flash" role="status">Changes saved\.<\/p>/);
	assert.deepEqual(tableRows(after.body).map((x) => x.slice(0, 4)),
		[[`${ref}-X`, long(day(-5)), 'Open-ended', 'Active']]);
	assert.deepEqual(contractRow(id), [String(occ), String(cw), `${ref}-X`, day(-5), '-', '2']);
	assert.equal(auditCount(id), 2, 'one audit event per save');
	assert.deepEqual(db(`SELECT action, old_value, new_value FROM audit_event
		WHERE entity = 'contract' AND entity_id = ${id} ORDER BY id DESC LIMIT 1`)[0],
		['update', `reference=${ref}\nstart_date=${day(-5)}\nend_date=${day(360)}`,
			`reference=${ref}-X\nstart_date=${day(-5)}\nend_date=`]);
	// Saving the unchanged form again is still one save, one event.
	const again = await admin.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: `${ref}-X`, start_date: day(-5), end_date: '', version: '2' });
	assertRedirect(again, `/occupiers/${occ}/sites/${cw}/contracts?done=saved`, 'save again');
	assert.equal(auditCount(id), 3);
});

test('end before start → 422 with the message, input kept, nothing saved', async () => {
	const occ = await newOccupier();
	const ref = `EB-${rnd()}`;
	const before_ = Number(dbValue('SELECT COUNT(*) FROM contract'));
	await admin.get(`/occupiers/${occ}/sites/${cw}/contracts/new`);
	const r = await admin.post(`/occupiers/${occ}/sites/${cw}/contracts/new`,
		{ reference: ref, start_date: day(10), end_date: day(9), version: '0' });
	assertHtml(r, 422, 'end before start');
	assert.match(r.text, /End date must be on or after the start date/);
	assert.match(r.body, /<p class="err" id="e-end_date">End date must be on or after the start date<\/p>/);
	assert.equal(inputValue(r.body, 'reference'), ref);
	assert.equal(inputValue(r.body, 'start_date'), day(10));
	assert.equal(inputValue(r.body, 'end_date'), day(9));
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM contract')), before_, 'nothing saved');

	// The same on edit.
	const id = await newContract(occ, cw, { reference: ref, start_date: day(10), end_date: day(20) });
	const audits = auditCount(id);
	const e = await admin.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: `${ref}-changed`, start_date: day(10), end_date: day(-400), version: '1' });
	assertHtml(e, 422, 'end before start on edit');
	assert.match(e.text, /End date must be on or after the start date/);
	assert.deepEqual(contractRow(id), [String(occ), String(cw), ref, day(10), day(20), '1'], 'unchanged');
	assert.equal(auditCount(id), audits, 'no audit event');
});

test('a duplicate reference is refused (per operator), nothing saved', async () => {
	const occ = await newOccupier();
	const before_ = Number(dbValue('SELECT COUNT(*) FROM contract'));
	await admin.get(`/occupiers/${occ}/sites/${cw}/contracts/new`);
	const r = await admin.post(`/occupiers/${occ}/sites/${cw}/contracts/new`,
		{ reference: 'NW-CW-001-1', start_date: day(0), version: '0' });
	assertHtml(r, 422, 'duplicate reference');
	assert.match(r.text, /Reference is already used by another contract/);
	assert.equal(inputValue(r.body, 'reference'), 'NW-CW-001-1');
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM contract')), before_);
	// On edit too.
	const ref = `DUP-${rnd()}`;
	const id = await newContract(occ, cw, { reference: ref, start_date: day(0) });
	const audits = auditCount(id);
	const e = await admin.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: 'NW-SD-006-3', start_date: day(0), version: '1' });
	assertHtml(e, 422, 'duplicate reference on edit');
	assert.match(e.text, /Reference is already used by another contract/);
	assert.deepEqual(contractRow(id)[2], ref);
	assert.equal(auditCount(id), audits);
	// Another operator's reference is not a clash.
	const EW = operatorId('Eastwind Offices');
	const zephyr = occupierId('Zephyr Secret Holdings');
	const ewRef = `EWREF-${rnd()}`;
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date)
		VALUES (${EW}, ${zephyr}, ${harbour}, ${q(ewRef)}, ${q(day(-1))})`);
	await newContract(occ, cw, { reference: ewRef, start_date: day(0) });
});

test('invalid or missing fields are refused with a message each', async () => {
	const occ = await newOccupier();
	const before_ = Number(dbValue('SELECT COUNT(*) FROM contract'));
	await admin.get(`/occupiers/${occ}/sites/${sd}/contracts/new`);
	const ref = `INV-${rnd()}`;
	const cases = [
		[{ reference: ref, start_date: '2026-02-30' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '2025-02-29' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '16/02/2026' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '2026-2-16' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '2026-13-01' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '0000-01-01' }, /Start date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: day(0), end_date: 'tomorrow' }, /End date must be a date \(YYYY-MM-DD\)/],
		[{ reference: ref, start_date: '1900-01-01' }, /Start date must be between 2000-01-01 and 2099-12-31/],
		[{ reference: ref, start_date: day(0), end_date: '9999-12-31' }, /End date must be between 2000-01-01 and 2099-12-31/],
		[{ reference: ref, start_date: '' }, /Start date is required/],
		[{ reference: '', start_date: day(0) }, /Reference is required/],
		[{ reference: 'R'.repeat(65), start_date: day(0) }, /Reference is too long \(at most 64 bytes; you entered 65\)/],
		[{ reference: `bad\u0001ref`, start_date: day(0) }, /Reference must be a single line of text/],
	];
	for (const [fields, msg] of cases) {
		const r = await admin.post(`/occupiers/${occ}/sites/${sd}/contracts/new`, { version: '0', ...fields });
		assertHtml(r, 422, JSON.stringify(fields));
		assert.match(r.text, msg, JSON.stringify(fields));
		assert.equal(inputValue(r.body, 'start_date'), fields.start_date, 'input kept');
	}
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM contract')), before_, 'nothing saved');
	// A leap day is a date.
	await newContract(occ, sd, { reference: `${ref}-leap`, start_date: '2028-02-29' });
});

test('version conflict on a contract: 409, the first save stays', async () => {
	const occ = await newOccupier();
	const ref = `VC-${rnd()}`;
	const id = await newContract(occ, cw, { reference: ref, start_date: day(-1) });
	const fa = await admin.get(`/occupiers/${occ}/contracts/${id}/edit`);
	const fs = await staff.get(`/occupiers/${occ}/contracts/${id}/edit`);
	const a = await admin.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: `${ref}-A`, start_date: day(-1), end_date: day(100), version: inputValue(fa.body, 'version') });
	assertRedirect(a, `/occupiers/${occ}/sites/${cw}/contracts?done=saved`, 'first save');
	const s = await staff.post(`/occupiers/${occ}/contracts/${id}/edit`,
		{ reference: `${ref}-S`, start_date: day(-1), end_date: '', version: inputValue(fs.body, 'version') });
	assertHtml(s, 409, 'second save');
	assert.match(s.text, /This contract was changed by someone else while you were editing\./);
	assert.equal(inputValue(s.body, 'reference'), `${ref}-S`, 'the input is kept');
	assert.deepEqual(contractRow(id), [String(occ), String(cw), `${ref}-A`, day(-1), day(100), '2']);
	assert.equal(auditCount(id), 2, 'create + the first save only');
});

test("contracts at another operator's site, or of another occupier → 404, nothing saved", async () => {
	const before_ = Number(dbValue('SELECT COUNT(*) FROM contract'));
	const ew = Number(dbValue(`SELECT id FROM contract WHERE reference = 'EW-HH-0001'`));
	const blue = occupierId('Blue Finch Design');
	const acmeContract = Number(dbValue(`SELECT id FROM contract WHERE reference = 'NW-CW-001-1'`));
	const acmeRow = contractRow(acmeContract);
	const maxSite = Number(dbValue('SELECT MAX(id) FROM site')) + 100;
	for (const p of [
		`/occupiers/${acme}/sites/${harbour}/contracts`,
		`/occupiers/${acme}/sites/${harbour}/contracts/new`,
		`/occupiers/${acme}/sites/${maxSite}/contracts`,
		`/occupiers/${acme}/contracts/${ew}/edit`,
		`/occupiers/${blue}/contracts/${acmeContract}/edit`,
	]) {
		const r = await admin.get(p);
		assertHtml(r, 404, `GET ${p}`);
		assert.ok(!r.body.includes('EW-HH-0001') && !r.body.includes('Harbour House'), `${p} leaks nothing`);
	}
	await admin.get('/sites');
	for (const p of [
		`/occupiers/${acme}/sites/${harbour}/contracts/new`,
		`/occupiers/${acme}/sites/${maxSite}/contracts/new`,
		`/occupiers/${acme}/contracts/${ew}/edit`,
		`/occupiers/${blue}/contracts/${acmeContract}/edit`,
	]) {
		const r = await admin.post(p, { reference: `X-${rnd()}`, start_date: day(0), version: '1' });
		assertHtml(r, 404, `POST ${p}`);
	}
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM contract')), before_, 'no contract added');
	assert.deepEqual(contractRow(acmeContract), acmeRow, "Acme's contract unchanged");
	assert.equal(dbValue(`SELECT reference FROM contract WHERE id = ${ew}`), 'EW-HH-0001');
});

test('the occupier header: name, billing reference, site selector and the Contracts tab', async () => {
	const fjord = occupierId('Fjord Media');
	const r = await admin.get(`/occupiers/${fjord}/sites/${sd}/contracts`);
	assertHtml(r, 200, 'Fjord at Shoreditch');
	assert.match(r.body, /<h1>Fjord Media<\/h1>/);
	assert.match(r.text, /Billing reference: FJM-006/);
	assert.match(r.text, /Contracts at Shoreditch/);
	assert.match(r.body, new RegExp(`<a href="/occupiers/${fjord}/sites/${sd}/contracts" aria-current="page">Contracts</a>`));
	assert.match(r.body, new RegExp(`<option value="${sd}" selected>Shoreditch</option>`));
	assert.match(r.body, new RegExp(`href="/occupiers/${fjord}/sites/${sd}/contracts/new"`));
	assert.match(r.body, new RegExp(`href="/occupiers/${fjord}/edit"`));
});
