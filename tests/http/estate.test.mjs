// estate.test.mjs: operator admins create and edit their sites (name,
// address, time zone, currency), with every refusal on the form, the
// input kept and nothing saved; staff may not; another operator's site
// is not found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, assertHtml, db, dbValue, inputValue, rnd, signedIn, siteId, redirectNames } from './lib.mjs';

let admin, staff, east;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
});

// The sites made here go again, so that later files see the demo's two.
after(() => {
	db("DELETE FROM site WHERE name LIKE 'Estate test %'");
});

async function create(c, fields) {
	await c.get('/sites/new');
	return c.post('/sites/new', fields);
}

test('an operator admin creates a site and edits it, audited', async () => {
	const name = `Estate test ${rnd()}`;
	const list = await admin.get('/sites');
	assert.match(list.body, /href="\/sites\/new"/, 'New site on the Sites list');
	const r = await create(admin, { name, address: '1 Test Street, London', timezone: 'Europe/Paris', currency: 'EUR' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const id = Number(redirectNames(r)[0].match(/^\/sites\/(\d+)\?done=created$/)[1]);
	assert.deepEqual(db(`SELECT name, address, timezone, currency FROM site WHERE id = ${id}`),
		[[name, '1 Test Street, London', 'Europe/Paris', 'EUR']]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'site' AND entity_id = ${id} AND action = 'create'`), '1');
	assert.match((await admin.get('/sites')).text, new RegExp(name));

	const e = await admin.get(`/sites/${id}/edit`);
	assertHtml(e, 200, 'edit form');
	assert.equal(inputValue(e.body, 'currency'), 'EUR');
	const u = await admin.post(`/sites/${id}/edit`, { name: `${name} B`, address: '', timezone: '', currency: '' });
	assert.equal(u.status, 303, u.text.slice(0, 300));
	assert.equal(redirectNames(u)[0], `/sites/${id}?done=saved`);
	assert.deepEqual(db(`SELECT name, address, COALESCE(timezone, '-'), COALESCE(currency, '-') FROM site WHERE id = ${id}`),
		[[`${name} B`, '', '-', '-']], 'empty time zone and currency: the operator\'s');
	const ev = dbValue(`SELECT new_value FROM audit_event WHERE entity = 'site' AND entity_id = ${id} AND action = 'update'`);
	assert.match(ev, /currency=\(operator's\)/);
});

test('bad input is refused on the form, the input kept, nothing saved', async () => {
	const taken = db(`SELECT name FROM site WHERE id = ${siteId('Canary Wharf')}`)[0][0];
	const before_ = dbValue('SELECT COUNT(*) FROM site');
	const cases = [
		[{ name: '', address: '', timezone: '', currency: '' }, 'name', /Name/],
		[{ name: taken, address: '', timezone: '', currency: '' }, 'name', /Another site already has this name/],
		[{ name: `X ${rnd()}`, address: '', timezone: 'Mars/Olympus', currency: '' }, 'timezone', /Time zone must be a time zone name/],
		[{ name: `X ${rnd()}`, address: '', timezone: '../../etc/passwd', currency: '' }, 'timezone', /Time zone must be a time zone name/],
		[{ name: `X ${rnd()}`, address: '', timezone: '', currency: 'gbp' }, 'currency', /Currency must be a three-letter ISO 4217 code/],
		[{ name: `X ${rnd()}`, address: '', timezone: '', currency: 'POUNDS' }, 'currency', /Currency must be a three-letter ISO 4217 code/],
	];
	for (const [fields, field, msg] of cases) {
		const r = await create(admin, fields);
		assert.equal(r.status, 422, `${JSON.stringify(fields)}: ${r.status}`);
		assert.match(r.text, msg);
		assert.match(r.body, new RegExp(`id="e-${field}"`), `the message by the ${field} field`);
		assert.match(r.body, /id="errors"><p>Please correct the following:<\/p><ul><li>/, 'the summary lists the messages');
		if (fields.name)
			assert.equal(inputValue(r.body, 'name'), fields.name, 'input kept');
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM site'), before_, 'nothing saved');
});

test('staff may not set up sites; another operator\'s site is not found', async () => {
	assert.equal((await staff.get('/sites/new')).status, 403);
	assert.doesNotMatch((await staff.get('/sites')).body, /href="\/sites\/new"/);
	const cw = siteId('Canary Wharf');
	assert.equal((await staff.get(`/sites/${cw}/edit`)).status, 403);
	const r = await east.get(`/sites/${cw}/edit`);
	assert.equal(r.status, 404);
	const name = dbValue(`SELECT name FROM site WHERE id = ${cw}`);
	await east.get('/sites/new');
	const p = await east.post(`/sites/${cw}/edit`, { name: 'Hijacked', address: '', timezone: '', currency: '' });
	assert.equal(p.status, 404);
	assert.equal(dbValue(`SELECT name FROM site WHERE id = ${cw}`), name, 'unchanged');
});

/* ---- phone-number ranges ------------------------------------------------ */

test('an operator admin adds a range of numbers to a site\'s pool; bad and overlapping ranges are refused', async () => {
	const sd = siteId('Shoreditch');
	assert.match((await admin.get(`/sites/${sd}/telephony`)).body, new RegExp(`href="/sites/${sd}/numbers/new"`));
	assert.doesNotMatch((await staff.get(`/sites/${sd}/telephony`)).body, /numbers\/new/);
	await admin.get(`/sites/${sd}/numbers/new`);
	const before_ = dbValue('SELECT COUNT(*) FROM phone_number');
	const refused = [
		[{ from: '44 20 7946 9900', to: '9904' }, 'from', /From must be a number in E.164 form/],
		[{ from: '+44 20 7946 9900', to: '9899' }, 'to', /To must not come before From/],
		[{ from: '+44 20 7946 9900', to: '+44 20 79' }, 'to', /To must be a number of the same length as From/],
		[{ from: '+44 20 7946 0000', to: '1000' }, 'to', /at most 1000 numbers/],
	];
	// A range over a number already in a pool (any site's).
	const existing = dbValue(`SELECT number FROM phone_number WHERE site_id = ${siteId('Canary Wharf')} ORDER BY id LIMIT 1`);
	refused.push([{ from: existing, to: existing.replace(/\d$/, (d) => d) }, 'from', /overlaps 1 number already in a pool/]);
	for (const [fields, field, msg] of refused) {
		const r = await admin.post(`/sites/${sd}/numbers/new`, fields);
		assert.equal(r.status, 422, `${JSON.stringify(fields)}: ${r.status}`);
		assert.match(r.text, msg);
		assert.match(r.body, new RegExp(`id="e-${field}"`));
		assert.equal(inputValue(r.body, 'from'), fields.from, 'input kept');
		assert.match(r.body, /id="errors"><p>Please correct the following:<\/p><ul><li>/, 'the summary lists the messages');
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM phone_number'), before_, 'nothing saved');

	const r = await admin.post(`/sites/${sd}/numbers/new`, { from: '+44 20 7946 9900', to: '9904' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(r.location, `/sites/${sd}/telephony?added=5`);
	assert.deepEqual(db(`SELECT number, state FROM phone_number WHERE number LIKE '+44 20 7946 990%' ORDER BY number`),
		[0, 1, 2, 3, 4].map((i) => [`+44 20 7946 990${i}`, 'available']));
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'phone_number' AND action = 'add_range'
		AND site_id = ${sd} ORDER BY id DESC LIMIT 1`), /from=\+44 20 7946 9900\nto=\+44 20 7946 9904\ncount=5/);
	// The same range again overlaps, written differently too.
	const again = await admin.post(`/sites/${sd}/numbers/new`, { from: '+4420 79469902', to: '9909' });
	assert.equal(again.status, 422);
	assert.match(again.text, /overlaps 3 numbers already in a pool/);
	// Staff may not; another operator's site is not found.
	assert.equal((await staff.get(`/sites/${sd}/numbers/new`)).status, 403);
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${sd}/numbers/new`, { from: '+44 20 7946 9800', to: '9801' })).status, 404);
	db("DELETE FROM phone_number WHERE number LIKE '+44 20 7946 990%'");
});
