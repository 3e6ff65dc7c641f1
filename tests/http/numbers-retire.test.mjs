// numbers-retire.test.mjs: an operator admin adds one number ported in
// from another provider (marked on the Telephony list, said by its audit
// event), retires an available number the pool no longer offers (never
// allocated, kept on record, filtered and counted as Retired) and
// restores it; every refusal says why on the Telephony screen; staff and
// API keys may not retire; another operator's number is not found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, db, dbValue, signedIn, siteId } from './lib.mjs';
import { api, assertProblem, makeKey } from './api-lib.mjs';

const PORTED = '+44 20 7946 9950';
const RANGE = '+44 20 7946 996';	// 9960..9964
let admin, staff, east, sd;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
	sd = siteId('Shoreditch');
});

after(() => {
	db(`DELETE FROM phone_holder WHERE phone_number_id IN (SELECT id FROM phone_number WHERE number = '${PORTED}' OR number LIKE '${RANGE}%')`);
	db(`DELETE FROM phone_number WHERE number = '${PORTED}' OR number LIKE '${RANGE}%'`);
});

const idOf = (number) => Number(dbValue(`SELECT id FROM phone_number WHERE number = '${number}'`));
const lastAudit = (id, action) => db(`SELECT old_value, new_value FROM audit_event WHERE entity = 'phone_number'
	AND entity_id = ${id} AND action = '${action}' ORDER BY id DESC LIMIT 1`)[0];

async function change(c, op, id, extra = {}) {
	await c.get(`/sites/${sd}/telephony`);
	return c.post(`/sites/${sd}/telephony`, { op, number: String(id), ...extra });
}

test('one number ported in: To left empty, marked on the list and in its audit event', async () => {
	await admin.get(`/sites/${sd}/numbers/new`);
	const form = await admin.get(`/sites/${sd}/numbers/new`);
	assert.match(form.body, /<input type="checkbox" name="ported_in" value="1"> Ported in from another provider/);
	assert.doesNotMatch(form.body, /id="f-to"[^>]* required/, 'To is not required');
	// A bad From with the box ticked: refused by its field, the box and the input kept.
	let r = await admin.post(`/sites/${sd}/numbers/new`, { from: '20 7946 9950', to: '', ported_in: '1' });
	assert.equal(r.status, 422);
	assert.match(r.body, /id="e-from"/);
	assert.match(r.body, /name="ported_in" value="1" checked/, 'the box stays ticked');
	assert.equal(dbValue(`SELECT COUNT(*) FROM phone_number WHERE number = '${PORTED}'`), '0');
	r = await admin.post(`/sites/${sd}/numbers/new`, { from: PORTED, to: '', ported_in: '1' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(r.location, `/sites/${sd}/telephony?added=1`);
	assert.deepEqual(db(`SELECT state, ported_in FROM phone_number WHERE number = '${PORTED}'`), [['available', '1']]);
	const a = dbValue(`SELECT new_value FROM audit_event WHERE entity = 'phone_number' AND action = 'add_number'
		AND site_id = ${sd} ORDER BY id DESC LIMIT 1`);
	assert.match(a, new RegExp(`from=\\${PORTED}\\nto=\\${PORTED}\\ncount=1\\nstate=available\\nported_in=yes`));
	const list = await admin.get(`/sites/${sd}/telephony?q=79469950`);
	assert.match(list.body, new RegExp(`\\${PORTED}</span> <span class="badge ported">Ported in</span>`));
	// The same number again overlaps; a range without the box is not marked.
	r = await admin.post(`/sites/${sd}/numbers/new`, { from: PORTED });
	assert.equal(r.status, 422);
	assert.match(r.text, /overlaps 1 number already in a pool/);
	r = await admin.post(`/sites/${sd}/numbers/new`, { from: `${RANGE}0`, to: '9964' });
	assert.equal(r.status, 303);
	assert.equal(dbValue(`SELECT SUM(ported_in) FROM phone_number WHERE number LIKE '${RANGE}%'`), '0');
	assert.doesNotMatch((await admin.get(`/sites/${sd}/telephony?q=7946996`)).body, /Ported in<\/span>/);
});

test('an operator admin retires an available number and restores it; it is never allocated while retired', async () => {
	const id = idOf(`${RANGE}0`);
	const page = await admin.get(`/sites/${sd}/telephony?q=79469960`);
	assert.match(page.body, /name="op" value="retire"><input type="hidden" name="number" value="\d+"><button[^>]*>Retire<span class="sr"> \+44 20 7946 9960/);
	let r = await change(admin, 'retire', id);
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${id}`), 'retired');
	assert.deepEqual(lastAudit(id, 'retire'), [`number=${RANGE}0\nstate=Available\nholder=none`, `number=${RANGE}0\nstate=Retired\nholder=none`]);
	// Listed, filtered and counted as retired, with Restore and no Allocate.
	const list = await admin.get(`/sites/${sd}/telephony?state=retired`);
	assert.match(list.text, /\+44 20 7946 9960 Retired/);
	assert.match(list.body, /<option value="retired" selected>Retired<\/option>/);
	assert.match(list.body, /1 retired/);
	assert.match(list.body, /Restore to the pool<span class="sr">: \+44 20 7946 9960/);
	assert.doesNotMatch(list.body, /Allocate<span class="sr"> \+44 20 7946 9960/);
	// Allocating it, or retiring it again, is refused on the screen with the reason.
	r = await change(admin, 'allocate', id, { to: 'operator' });
	assert.equal(r.status, 422);
	assert.match(r.text, /\+44 20 7946 9960: It is retired: restore it to the pool first\./);
	r = await change(admin, 'retire', id);
	assert.equal(r.status, 422);
	assert.match(r.text, /\+44 20 7946 9960: It is already retired\./);
	// The next available numbers skip it: the bulk allocation of the
	// whole pool leaves it alone.
	const avail = Number(dbValue(`SELECT COUNT(*) FROM phone_number WHERE site_id = ${sd} AND state = 'available'`));
	assert.ok(avail > 0);
	await admin.get(`/sites/${sd}/telephony`);
	r = await admin.post(`/sites/${sd}/telephony`, { op: 'bulk_allocate', count: String(avail + 1), to: 'operator' });
	assert.equal(r.status, 422, 'one more than the available: the retired one does not count');
	assert.match(r.text, new RegExp(`Only ${avail} numbers are available at this site`));
	// Restored: available again, audited.
	r = await change(admin, 'restore', id);
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${id}`), 'available');
	assert.deepEqual(lastAudit(id, 'restore'), [`number=${RANGE}0\nstate=Retired\nholder=none`, `number=${RANGE}0\nstate=Available\nholder=none`]);
	r = await change(admin, 'restore', id);
	assert.equal(r.status, 422);
	assert.match(r.text, /It is not retired\./);
});

test('a held number cannot be retired; staff, API keys and another operator may not retire', async () => {
	const held = idOf(`${RANGE}1`);
	let r = await change(admin, 'allocate', held, { to: 'operator' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	r = await change(admin, 'retire', held);
	assert.equal(r.status, 422);
	assert.match(r.text, /Only an available number can be retired: it is held or cooling off\./);
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${held}`), 'reserved');

	const id = idOf(`${RANGE}2`);
	const sp = await staff.get(`/sites/${sd}/telephony?q=79469962`);
	assert.equal(sp.status, 200);
	assert.doesNotMatch(sp.body, /value="retire"/, 'staff see no Retire');
	assert.equal((await change(staff, 'retire', id)).status, 403);
	assert.equal((await east.post(`/sites/${sd}/telephony`, { op: 'retire', number: String(id) })).status, 404);
	const key = await makeKey(admin, { scope: 'write' });
	r = await api('PATCH', `/api/v1/sites/${sd}/numbers/${id}`, { key: key.key, body: { action: 'retire' } });
	assertProblem(r, 422, 'validation', 'retire through the API');
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${id}`), 'available');
	// A retired number reads as such through the API.
	assert.equal((await change(admin, 'retire', id)).status, 303);
	const g = await api('GET', `/api/v1/sites/${sd}/numbers/${id}`, { key: key.key });
	assert.equal(g.status, 200, g.text);
	assert.deepEqual([g.json.state, g.json.ported_in], ['retired', false]);
	const l = await api('GET', `/api/v1/sites/${sd}/numbers?state=retired`, { key: key.key });
	assert.equal(l.status, 200, l.text);
	assert.ok(l.json.items.some((n) => n.id === id), l.text.slice(0, 300));
	db(`DELETE FROM api_key WHERE id = ${key.id}`);
});
