// CSRF: a token on every form, checked centrally for every POST (403 page).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, ADMIN, STAFF, addUser, assertHtml, assertRedirect, assertSecurityHeaders, csrfOf, dbValue,
	q, rnd, signedIn,
} from './lib.mjs';

let admin, staff;

function occupierCount() {
	return Number(dbValue('SELECT COUNT(*) FROM occupier'));
}

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	await admin.get('/occupiers/new');
	await staff.get('/occupiers/new');
});

test('every form of a signed-in page carries the session CSRF token', async () => {
	for (const p of ['/occupiers', '/occupiers/new', '/sites']) {
		const r = await admin.get(p);
		assertHtml(r, 200, p);
		const forms = [...r.body.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)];
		assert.ok(forms.length >= 1, `${p} has a POST form (sign out at least)`);
		for (const f of forms)
			assert.equal(csrfOf(f[1]), admin.csrf, `${p}: POST form has the session csrf`);
	}
	assert.match(admin.csrf, /^[0-9a-f]{64}$/);
	assert.notEqual(admin.csrf, staff.csrf, 'per-session secrets');
	assert.notEqual(admin.csrf, admin.token, 'csrf is not the session token');
});

test('POST /occupiers/new without csrf → 403, nothing created', async () => {
	const before_ = occupierCount();
	const name = `No CSRF ${rnd()}`;
	const r = await admin.post('/occupiers/new', { name, version: '0' }, { csrf: false });
	assertHtml(r, 403, 'no csrf');
	assert.match(r.text, /403 Forbidden/);
	assert.match(r.text, /You are not allowed to do that\./);
	assertSecurityHeaders(r, '403');
	assert.equal(occupierCount(), before_, 'occupier count unchanged');
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier WHERE name = ${q(name)}`), '0');
});

test('POST with a wrong csrf → 403, nothing created', async () => {
	const before_ = occupierCount();
	for (const bad of ['', 'x', 'a'.repeat(64), admin.csrf.slice(0, 63), admin.csrf + '0',
		admin.csrf.toUpperCase() === admin.csrf ? 'f'.repeat(64) : admin.csrf.toUpperCase()]) {
		const r = await admin.post('/occupiers/new', { name: `Bad CSRF ${rnd()}`, version: '0' },
			{ csrf: bad });
		assertHtml(r, 403, `csrf "${bad.slice(0, 10)}…"`);
	}
	assert.equal(occupierCount(), before_);
});

test("POST with another session's csrf → 403, nothing created", async () => {
	const before_ = occupierCount();
	const r = await admin.post('/occupiers/new', { name: `Cross CSRF ${rnd()}`, version: '0' },
		{ csrf: staff.csrf });
	assertHtml(r, 403, "other session's csrf");
	assert.equal(occupierCount(), before_);
	// The same form with its own token works (control).
	const name = `Own CSRF ${rnd()}`;
	const ok = await admin.post('/occupiers/new', { name, version: '0' });
	assertRedirect(ok, /^\/occupiers\/\d+\?done=created$/, 'own csrf');
	assert.equal(occupierCount(), before_ + 1);
});

test('a repeated csrf key whose first value is foreign → 403', async () => {
	// kv_get reads the first value; a repeated key must not smuggle a forged token.
	const before_ = occupierCount();
	const body = `csrf=${staff.csrf}&csrf=${admin.csrf}&name=Dup+${rnd()}&version=0`;
	const r = await admin.post('/occupiers/new', body);
	assertHtml(r, 403, 'duplicate csrf, wrong one first');
	assert.equal(occupierCount(), before_);
});

test('csrf in the query string does not count', async () => {
	const r = await admin.post(`/occupiers/new?csrf=${admin.csrf}`, { name: `Query ${rnd()}`, version: '0' },
		{ csrf: false });
	assertHtml(r, 403, 'csrf in query');
});

test('login POST without the tn_pre double-submit cookie → 403', async () => {
	const u = addUser();
	const c = new Client();
	const page = await c.get('/login');
	const token = csrfOf(page.body);
	c.jar.delete('tn_pre');
	const r = await c.post('/login', { email: u.email, password: u.password }, { csrf: token });
	assertHtml(r, 403, 'login without tn_pre');
	assert.equal(r.cookie('tn_session'), undefined, 'no session');
	assert.equal(dbValue(`SELECT COUNT(*) FROM user_session s JOIN app_user u ON u.id = s.user_id
		WHERE u.email = ${q(u.email)}`), '0');

	// tn_pre cookie present but the form token differs.
	const d = new Client();
	await d.get('/login');
	const r2 = await d.post('/login', { email: u.email, password: u.password }, { csrf: 'b'.repeat(64) });
	assertHtml(r2, 403, 'login with mismatching token');
	// No token in the form at all.
	const r3 = await d.post('/login', { email: u.email, password: u.password }, { csrf: false });
	assertHtml(r3, 403, 'login without a token');
	// Forged pair chosen by an attacker is fine only if cookie and form agree:
	// that is the double-submit contract; a cross-site page cannot set the cookie.
	const e = new Client();
	e.jar.set('tn_pre', 'c'.repeat(64));
	const r4 = await e.post('/login', { email: u.email, password: u.password }, { csrf: 'd'.repeat(64) });
	assertHtml(r4, 403, 'login with a foreign cookie/token pair');
});

test('a 403 for CSRF does not end the session', async () => {
	const r = await admin.post('/logout', {}, { csrf: 'e'.repeat(64) });
	assertHtml(r, 403, 'logout with a bad csrf');
	assert.equal((await admin.get('/occupiers')).status, 200);
});
