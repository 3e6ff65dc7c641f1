// estate-ipv6.test.mjs: IPv6 prefixes a site delegates to its occupiers.
// Operator admins add a pool (a /32 to a /60 split into /56s or /64s;
// bad prefixes, host bits and overlaps with any IPv6 pool of the operator
// refused on the form with the input kept), delegate the lowest free
// prefix of a pool to an occupier with a contract at the site (a full
// pool refused), release one after a confirmation naming it. Staff see
// the screen but may not change it (403); another operator's site, pool
// or delegation is 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, assertHtml, assertRedirect, db, dbValue, inputValue, signedIn, siteId } from './lib.mjs';

let admin, staff, east, sd, cw, occ, occName, outsider;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
	sd = siteId('Shoreditch');
	cw = siteId('Canary Wharf');
	[occ, occName] = db(`SELECT o.id, o.name FROM occupier o WHERE EXISTS (SELECT 1 FROM contract c
		WHERE c.occupier_id = o.id AND c.site_id = ${sd}) ORDER BY o.id LIMIT 1`)[0];
	outsider = dbValue(`SELECT o.name FROM occupier o JOIN operator p ON p.id = o.operator_id
		WHERE p.name = 'Northwind Workspaces' AND NOT EXISTS (SELECT 1 FROM contract c
		WHERE c.occupier_id = o.id AND c.site_id = ${sd}) ORDER BY o.id LIMIT 1`);
});

after(() => {
	db('DELETE FROM ipv6_delegation');
	db('DELETE FROM ipv6_pool');
});

const poolCount = () => dbValue('SELECT COUNT(*) FROM ipv6_pool');

test('an operator admin adds an IPv6 pool; bad prefixes, host bits and overlaps are refused', async () => {
	const g = await admin.get(`/sites/${sd}/ipv6/new`);
	assertHtml(g, 200, 'the form');
	assert.match(g.body, /<option value="64" selected>/, 'a /64 each by default');
	for (const [prefix, dlen, field, msg] of [
		['2001:db8:100::', '64', 'prefix', /CIDR form/],
		['2001:db8:zz::/48', '64', 'prefix', /CIDR form/],
		['2001:db8:100::1/48', '64', 'prefix', /Host bits are set/],
		['2001:db8::/24', '64', 'prefix', /A pool is a \/32 to a \/60/],
		['2001:db8:0:10::/62', '64', 'prefix', /A pool is a \/32 to a \/60/],
		['2001:db8:0:100::/56', '56', 'dlen', /longer than the pool/],
		['2001:db8:100::/48', '60', 'dlen', /Delegate/],
	]) {
		const r = await admin.post(`/sites/${sd}/ipv6/new`, { prefix, dlen });
		assert.equal(r.status, 422, `${prefix} /${dlen}: ${r.status}`);
		assert.match(r.text, msg, prefix);
		assert.match(r.body, new RegExp(`id="e-${field}"`), prefix);
		assert.equal(inputValue(r.body, 'prefix'), prefix, 'input kept');
	}
	assert.equal(poolCount(), '0', 'nothing saved');

	const r = await admin.post(`/sites/${sd}/ipv6/new`, { prefix: '2001:DB8:0100:0::/48', dlen: '64' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assertRedirect(r, `/sites/${sd}/network?done=ipv_pool`);
	assert.deepEqual(db(`SELECT HEX(prefix), prefix_len, delegation_len FROM ipv6_pool WHERE site_id = ${sd}`),
		[['20010DB8010000000000000000000000', '48', '64']]);
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'ipv6_pool' AND site_id = ${sd} ORDER BY id DESC LIMIT 1`),
		/prefix=2001:db8:100::\/48\ndelegation=\/64\nprefixes=65536/);
	const n = await admin.get(r.location);
	assert.match(n.text, /IPv6 pool added\./);
	assert.match(n.text, /2001:db8:100::\/48 \/64 0 65536/, 'prefix, size, delegated of total');
	assert.equal(dbValue('SELECT COUNT(*) FROM ipv6_delegation'), '0', 'no prefix written before it is delegated');
	// Overlaps refused: a wider one, a narrower one, at this site or another.
	for (const [site, prefix] of [[sd, '2001:db8::/32'], [cw, '2001:db8:100:ff00::/56'], [cw, '2001:db8:100::/48']]) {
		const o = await admin.post(`/sites/${site}/ipv6/new`, { prefix, dlen: '64' });
		assert.equal(o.status, 422, prefix);
		assert.match(o.text, /This prefix overlaps the pool 2001:db8:100::\/48/);
		assert.equal(inputValue(o.body, 'prefix'), prefix);
	}
	assert.equal(poolCount(), '1');
	const ok = await admin.post(`/sites/${cw}/ipv6/new`, { prefix: '2001:db8:101::/48', dlen: '56' });
	assert.equal(ok.status, 303, 'next to it is fine');
	assert.match((await admin.get(`/sites/${cw}/network`)).text, /2001:db8:101::\/48 \/56 0 256/);
});

test('staff see IPv6 pools but may not change them; another operator gets 404', async () => {
	const s = await staff.get(`/sites/${sd}/network`);
	assertHtml(s, 200);
	assert.match(s.text, /2001:db8:100::\/48/);
	assert.doesNotMatch(s.body, /ipv6\/new|ipv6\/delegate|ipv6\/release/);
	for (const p of ['ipv6/new', 'ipv6/delegate'])
		assert.equal((await staff.get(`/sites/${sd}/${p}`)).status, 403, p);
	assert.equal((await staff.post(`/sites/${sd}/ipv6/new`, { prefix: '2001:db8:200::/48', dlen: '64' })).status, 403);
	await east.get('/sites/new');
	assert.equal((await east.get(`/sites/${sd}/ipv6/new`)).status, 404);
	assert.equal((await east.post(`/sites/${sd}/ipv6/new`, { prefix: '2001:db8:200::/48', dlen: '64' })).status, 404);
	assert.doesNotMatch((await east.get('/sites')).text, /2001:db8/);
	assert.equal(poolCount(), '2');
});

test('delegations: the lowest free prefix to an occupier of the site, released after a confirmation; a full pool refused', async () => {
	const pool = dbValue(`SELECT id FROM ipv6_pool WHERE site_id = ${sd}`);
	const g = await admin.get(`/sites/${sd}/ipv6/delegate`);
	assertHtml(g, 200);
	assert.match(g.body, new RegExp(`data-pick="/occupiers/search\\?site=${sd}"`), 'the picker is scoped to the site');
	const delegate = (fields) => admin.post(`/sites/${sd}/ipv6/delegate`, { pool, ...fields });
	for (const i of [0, 1, 2]) {
		const r = await delegate({ occ: occName });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assertRedirect(r, `/sites/${sd}/network?done=ipv_delegated`);
	}
	assert.deepEqual(db(`SELECT idx FROM ipv6_delegation WHERE pool_id = ${pool} ORDER BY idx`).map((x) => x[0]), ['0', '1', '2']);
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'ipv6_delegation' AND action = 'create'
		ORDER BY id DESC LIMIT 1`), /prefix=2001:db8:100:2::\/64\npool=2001:db8:100::\/48/);
	let n = await admin.get(`/sites/${sd}/network`);
	assert.match(n.text, /IPv6/);
	assert.match(n.text, /2001:db8:100::\/48 \/64 3 65536/);
	assert.match(n.text, new RegExp(`2001:db8:100:1::/64 ${occName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

	// An occupier with no contract here is not found by the picker.
	const o = await delegate({ occ: outsider });
	assert.equal(o.status, 422, o.text.slice(0, 300));
	assert.match(o.body, /id="e-occ"/);
	assert.equal(inputValue(o.body, 'occ'), outsider, 'input kept');
	// Another operator's site or a pool of another site: not found.
	const cwPool = dbValue(`SELECT id FROM ipv6_pool WHERE site_id = ${cw}`);
	assert.equal((await delegate({ pool: cwPool, occ: occName })).status, 404, 'a pool of another site');
	assert.equal((await east.post(`/sites/${sd}/ipv6/delegate`, { pool, occ: occName })).status, 404);
	assert.equal((await staff.post(`/sites/${sd}/ipv6/delegate`, { pool, occ: occName })).status, 403);
	assert.equal(dbValue('SELECT COUNT(*) FROM ipv6_delegation'), '3', 'nothing else saved');

	// Release the second: asked first, naming the prefix.
	const id = dbValue(`SELECT id FROM ipv6_delegation WHERE pool_id = ${pool} AND idx = 1`);
	const q = await admin.post(`/sites/${sd}/ipv6/release`, { delegation: id });
	assertHtml(q, 200, 'the confirmation');
	assert.match(q.text, /Release 2001:db8:100:1::\/64\?/);
	assert.equal(dbValue('SELECT COUNT(*) FROM ipv6_delegation'), '3', 'not before it is confirmed');
	assert.equal((await east.post(`/sites/${sd}/ipv6/release`, { delegation: id, confirm: '1' })).status, 404);
	assert.equal((await staff.post(`/sites/${sd}/ipv6/release`, { delegation: id, confirm: '1' })).status, 403);
	assert.equal((await admin.post(`/sites/${cw}/ipv6/release`, { delegation: id, confirm: '1' })).status, 404, 'another site');
	const rel = await admin.post(`/sites/${sd}/ipv6/release`, { delegation: id, confirm: '1' });
	assert.equal(rel.status, 303, rel.text.slice(0, 300));
	assertRedirect(rel, `/sites/${sd}/network?done=ipv_released`);
	assert.match(dbValue(`SELECT old_value FROM audit_event WHERE entity = 'ipv6_delegation' AND action = 'release'
		ORDER BY id DESC LIMIT 1`), /prefix=2001:db8:100:1::\/64/);
	assert.equal((await delegate({ occ: occName })).status, 303);
	assert.deepEqual(db(`SELECT idx FROM ipv6_delegation WHERE pool_id = ${pool} ORDER BY idx`).map((x) => x[0]), ['0', '1', '2'],
		'the lowest free prefix again');

	// A /60 of /64s holds 16: the 17th is refused.
	assert.equal((await admin.post(`/sites/${sd}/ipv6/new`, { prefix: '2001:db8:200:10::/60', dlen: '64' })).status, 303);
	const small = dbValue(`SELECT id FROM ipv6_pool WHERE site_id = ${sd} AND prefix_len = 60`);
	for (let i = 0; i < 16; i++)
		assert.equal((await delegate({ pool: small, occ: occName })).status, 303, `delegation ${i}`);
	const full = await delegate({ pool: small, occ: occName });
	assert.equal(full.status, 422);
	assert.match(full.text, /The pool 2001:db8:200:10::\/60 is full: every \/64 of it is delegated/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM ipv6_delegation WHERE pool_id = ${small}`), '16');
	n = await admin.get(`/sites/${sd}/network`);
	assert.match(n.text, /2001:db8:200:10::\/60 \/64 16 16/);
	assert.match(n.text, /2001:db8:200:1f::\/64/, 'the last prefix of the pool');
});
