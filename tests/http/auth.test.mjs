// Sign-in, session tokens, logout and session expiry ("Sign-in").
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
	Client, ADMIN, DB_SOCKET, addUser, assertHtml, assertRedirect, blake2b, csrfOf, db, dbValue,
	inputValue, q, rnd, signedIn,
} from './lib.mjs';

/* The user_session row of a token (via its BLAKE2b-256 hash), or undefined. */
function sessionRow(token) {
	const h = blake2b(Buffer.from(token, 'hex')).toString('hex');
	return db(`SELECT id, user_id, csrf, created_at, last_seen FROM user_session
		WHERE token_hash = UNHEX('${h}')`)[0];
}

/* A client carrying only the given session token. */
function withToken(token) {
	const c = new Client('replay');
	c.jar.set('tn_session', token);
	return c;
}

let user;	// a fresh operator login: the demo logins are never touched here

before(() => {
	user = addUser({ role: 'operator_staff' });
});

test('GET /login: 200 sign-in form and a tn_pre cookie matching the form token', async () => {
	const c = new Client();
	const r = await c.get('/login');
	assertHtml(r, 200, 'GET /login');
	assert.match(r.text, /Sign in/);
	const pre = r.cookie('tn_pre');
	assert.ok(pre, 'tn_pre cookie set');
	assert.match(pre.value, /^[0-9a-f]{64}$/);
	assert.equal(pre.attrs.httponly, true, 'tn_pre HttpOnly');
	assert.equal(pre.attrs.samesite, 'Lax', 'tn_pre SameSite=Lax');
	assert.equal(pre.attrs.path, '/');
	assert.equal(pre.attrs.secure, undefined, 'no Secure over plain http');
	assert.equal(csrfOf(r.body), pre.value, 'double-submit: form csrf equals the cookie');
	assert.equal(r.cookie('tn_session'), undefined, 'no session before sign-in');
	// The same pre-session token is kept on the next visit.
	const again = await c.get('/login');
	assert.equal(again.cookie('tn_pre'), undefined, 'tn_pre not reissued');
	assert.equal(csrfOf(again.body), pre.value);
});

test('wrong password: 401, "Email or password is incorrect.", no session, email kept', async () => {
	const c = new Client();
	const r = await c.login(user.email, 'not-the-password');
	assertHtml(r, 401, 'bad password');
	assert.match(r.text, /Email or password is incorrect\./);
	assert.equal(r.cookie('tn_session'), undefined);
	assert.equal(c.token, undefined);
	assert.equal(inputValue(r.body, 'email'), user.email, 'email kept in the form');
	assert.ok(!r.body.includes('not-the-password'), 'password never echoed');
	// Unknown account: the very same answer (no user enumeration).
	const u = await c.login(`nobody-${rnd()}@test.example`, 'whatever-password');
	assertHtml(u, 401, 'unknown user');
	assert.match(u.text, /Email or password is incorrect\./);
	// Clear the failures again for the other tests of this file.
	db(`DELETE FROM login_failure WHERE email = ${q(user.email)}`);
});

test('empty fields: 422 with messages, no session', async () => {
	const c = new Client();
	const r = await c.login('', '');
	assertHtml(r, 422, 'empty login');
	assert.match(r.text, /Email is required/);
	assert.match(r.text, /Password is required/);
	assert.equal(c.token, undefined);
});

test('good login: 303, tn_session HttpOnly + SameSite=Lax, 64 hex, only its hash stored', async () => {
	const c = new Client();
	const r = await c.login(user.email, user.password);
	assertRedirect(r, '/', 'login');
	const ck = r.cookie('tn_session');
	assert.ok(ck, 'tn_session cookie set');
	assert.match(ck.value, /^[0-9a-f]{64}$/, 'token: 32 random bytes in hex');
	assert.equal(ck.attrs.httponly, true, 'HttpOnly');
	assert.equal(ck.attrs.samesite, 'Lax', 'SameSite=Lax');
	assert.equal(ck.attrs.path, '/');
	assert.equal(ck.attrs.secure, undefined, 'no Secure over plain http');
	assert.equal(ck.attrs['max-age'], undefined, 'a browser-session cookie');
	assert.equal(ck.attrs.expires, undefined, 'a browser-session cookie');
	const pre = r.cookie('tn_pre');
	assert.ok(pre && pre.attrs['max-age'] === '0', 'tn_pre cleared at sign-in');

	const token = ck.value;
	// Stored: exactly crypto_generichash(token bytes), never the token.
	const row = sessionRow(token);
	assert.ok(row, 'a user_session row whose token_hash = BLAKE2b-256(token)');
	assert.equal(row[1], dbValue(`SELECT id FROM app_user WHERE email = ${q(user.email)}`));
	const hits = dbValue(`SELECT COUNT(*) FROM user_session WHERE
		LOWER(HEX(token_hash)) = '${token}' OR token_hash = UNHEX('${token}') OR
		INSTR(LOWER(CONCAT_WS('|', id, HEX(token_hash), user_id, csrf, created_at, last_seen,
			remote_addr, user_agent)), '${token}') > 0`);
	assert.equal(hits, '0', 'no user_session column holds the token');
	assert.notEqual(row[2], token, 'CSRF secret is not the token');
	// Nowhere in the whole database either.
	const dump = execFileSync('mariadb-dump', ['--no-defaults', '-S', DB_SOCKET, '-u', 'root',
		'--hex-blob', '--skip-extended-insert', 'tenantry'], { encoding: 'utf8', maxBuffer: 1 << 28 });
	assert.ok(dump.includes('CREATE TABLE `user_session`'), 'dump is complete');
	assert.ok(!dump.toLowerCase().includes(token), 'token not in a database dump');

	// The token opens the operator screens.
	const page = await c.get('/occupiers');
	assertHtml(page, 200, 'occupiers with the new session');
	assert.match(page.text, /Test operator_staff/);
});

test('a new token at every login; re-login from the same client ends the old session', async () => {
	const a = new Client();
	const b = new Client();
	await a.signIn(user.email, user.password);
	await b.signIn(user.email, user.password);
	assert.notEqual(a.token, b.token, 'two logins, two tokens');

	const first = a.token;
	// Sign in again from the signed-in client a (POST /login with its session csrf).
	const r = await a.post('/login', { email: user.email, password: user.password, next: '/sites' });
	assertRedirect(r, '/sites', 're-login');
	assert.match(a.token, /^[0-9a-f]{64}$/);
	assert.notEqual(a.token, first, 'the token is rotated at login');
	assert.equal(sessionRow(first), undefined, 'the old session row is gone');
	const old = await withToken(first).get('/occupiers');
	assertRedirect(old, '/login?next=/occupiers', 'old token after re-login');
	assert.equal((await a.get('/occupiers')).status, 200, 'new token works');
	assert.equal((await b.get('/occupiers')).status, 200, 'the other browser keeps its session');
});

test('signed out: GET of an operator page redirects to /login?next=..., and next is followed', async () => {
	const c = new Client();
	const r = await c.get('/sites?x=1');
	assertRedirect(r, '/login?next=/sites', 'anonymous /sites');
	const p = await c.get(r.location);
	assertHtml(p, 200, 'login with next');
	assert.equal(inputValue(p.body, 'next'), '/sites');
	const l = await c.login(user.email, user.password, { next: '/sites' });
	assertRedirect(l, '/sites', 'login follows next');
	// Only local paths: //evil.example and absolute URLs go to /.
	for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
		const d = new Client();
		const x = await d.login(user.email, user.password, { next: bad });
		assertRedirect(x, '/', `next=${bad}`);
	}
	// Signed in: GET /login goes to next.
	assertRedirect(await c.get('/login?next=/occupiers'), '/occupiers', 'GET /login when signed in');
});

/*
 * Where a browser would go with this Location: WHATWG URL parsing, which drops
 * TAB, LF and CR anywhere in the URL, resolved against our own origin.
 */
function landsOn(loc) {
	return new URL(loc, 'http://tenantry.test/').origin;
}

test('next after sign-in: every control character, 0x7F and "\\", raw or percent-encoded, never leaves the site', async () => {
	const c = await signedIn(user.email, user.password);
	const chars = [...Array(32).keys(), 0x7f, 0x5c].map((k) => String.fromCharCode(k));
	const nexts = [];
	for (const ch of chars) {
		const hex = ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase();
		for (const x of [ch, `%${hex}`, `%25${hex}`]) {
			nexts.push(`/${x}/evil.example`, `/${x}\\evil.example`, `${x}//evil.example`,
				`/${x}${x}/evil.example/`, `/occupiers${x}//evil.example`);
		}
	}
	let checked = 0;
	for (const n of nexts) {
		// Signed in: GET /login?next= redirects at once.
		const g = await c.get(`/login?next=${encodeURIComponent(n)}`);
		assert.ok(g.status === 303 || g.status === 400, `GET next=${JSON.stringify(n)}: ${g.status}`);
		if (g.status === 303) {
			assert.equal(landsOn(g.location), 'http://tenantry.test',
				`GET next=${JSON.stringify(n)} → ${JSON.stringify(g.location)}`);
			assert.match(g.location, /^\/(?![/\\])[A-Za-z0-9/_.?=&%-]*$/, `GET next=${JSON.stringify(n)}`);
			checked++;
		}
	}
	assert.ok(checked >= nexts.length - 10, `${checked}/${nexts.length} answered with a redirect`);
	// The sign-in form follows the same rule (a sample: every raw control character).
	for (const ch of chars) {
		const d = new Client();
		const x = await d.login(user.email, user.password, { next: `/${ch}/evil.example` });
		if (x.status === 303)
			assertRedirect(x, '/', `POST next=/${JSON.stringify(ch)}/evil.example`);
		else
			assert.equal(x.status, 400, `POST next with ${ch.charCodeAt(0)}`);
	}
	// The issue's own example, and a local path that must still be followed.
	assertRedirect(await c.get('/login?next=/%09/evil.example'), '/', '/%09/evil.example');
	assertRedirect(await c.get('/login?next=%2Foccupiers%3Fq%3DLtd%26page%3D2'), '/occupiers?q=Ltd&page=2',
		'a local path with a query string');
});

test('logout: POST with csrf deletes the row; the old cookie then goes to /login', async () => {
	const c = await signedIn(user.email, user.password);
	const token = c.token;
	assert.ok(sessionRow(token));
	const r = await c.post('/logout', {});
	assertRedirect(r, '/login?done=signedout', 'logout');
	const cleared = r.cookie('tn_session');
	assert.ok(cleared, 'logout clears the cookie');
	assert.equal(cleared.value, '');
	assert.equal(cleared.attrs['max-age'], '0');
	assert.equal(sessionRow(token), undefined, 'session row deleted');
	const page = await c.get(r.location);
	assertHtml(page, 200, 'login after logout');
	assert.match(page.text, /You have signed out\./);
	const replay = await withToken(token).get('/occupiers');
	assertRedirect(replay, '/login?next=/occupiers', 'old token after logout');
	const post = await withToken(token).post('/occupiers/new', { name: 'x', csrf: 'a'.repeat(64) });
	assertRedirect(post, '/login?expired=1', 'POST with old token');
});

test('logout without csrf: 403 and the session lives on', async () => {
	const c = await signedIn(user.email, user.password);
	const r = await c.post('/logout', {}, { csrf: false });
	assertHtml(r, 403, 'logout without csrf');
	assert.ok(sessionRow(c.token), 'session kept');
	assert.equal((await c.get('/occupiers')).status, 200);
});

test('GET /logout → 405 with Allow: POST', async () => {
	const c = await signedIn(user.email, user.password);
	const r = await c.get('/logout');
	assertHtml(r, 405, 'GET /logout');
	assert.equal(r.headers.get('allow'), 'POST');
	assert.ok(sessionRow(c.token), 'GET /logout does not sign out');
});

test('idle expiry: last seen 31 minutes ago → /login and the row is gone', async () => {
	const c = await signedIn(user.email, user.password);
	const [id] = sessionRow(c.token);
	db(`UPDATE user_session SET last_seen = last_seen - 31*60 WHERE id = ${id}`);
	const r = await c.get('/occupiers');
	assertRedirect(r, '/login?next=/occupiers', 'idle session');
	assert.equal(r.cookie('tn_session')?.attrs['max-age'], '0', 'cookie cleared');
	assert.equal(dbValue(`SELECT COUNT(*) FROM user_session WHERE id = ${id}`), '0', 'row deleted');
});

test('idle expiry: 29 minutes idle is still fine, and the visit renews last_seen', async () => {
	const c = await signedIn(user.email, user.password);
	const [id] = sessionRow(c.token);
	db(`UPDATE user_session SET last_seen = UNIX_TIMESTAMP() - 29*60 WHERE id = ${id}`);
	const r = await c.get('/occupiers');
	assertHtml(r, 200, '29 minutes idle');
	const age = Number(dbValue(`SELECT UNIX_TIMESTAMP() - last_seen FROM user_session WHERE id = ${id}`));
	assert.ok(age >= 0 && age < 60, `last_seen renewed (age ${age}s)`);
});

test('absolute expiry: created 13 h ago → /login even with a fresh last_seen', async () => {
	const c = await signedIn(user.email, user.password);
	const [id] = sessionRow(c.token);
	db(`UPDATE user_session SET created_at = created_at - 13*3600, last_seen = UNIX_TIMESTAMP()
		WHERE id = ${id}`);
	const r = await c.get('/sites');
	assertRedirect(r, '/login?next=/sites', 'session older than 12 h');
	assert.equal(dbValue(`SELECT COUNT(*) FROM user_session WHERE id = ${id}`), '0', 'row deleted');
});

test('expired session on a POST: /login?expired=1 with a notice, nothing saved', async () => {
	const c = await signedIn(user.email, user.password);
	await c.get('/occupiers/new');
	const [id] = sessionRow(c.token);
	db(`UPDATE user_session SET last_seen = last_seen - 31*60 WHERE id = ${id}`);
	const name = `Expired session ${rnd()}`;
	const r = await c.post('/occupiers/new', { name, version: '0' });
	assertRedirect(r, '/login?expired=1', 'POST after idle expiry');
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier WHERE name = ${q(name)}`), '0');
	const p = await c.get(r.location);
	assertHtml(p, 200, 'login page after expiry');
	assert.match(p.text, /Your session has ended\. Sign in again to continue\./);
});

test('a malformed or unknown session cookie is treated as signed out and cleared', async () => {
	for (const bad of ['zz', 'g'.repeat(64), '0'.repeat(64)]) {
		const r = await withToken(bad).get('/occupiers');
		assertRedirect(r, '/login?next=/occupiers', `cookie ${bad.slice(0, 8)}`);
		assert.equal(r.cookie('tn_session')?.attrs['max-age'], '0', 'bad cookie cleared');
	}
});

test('a disabled user is signed out at the next request and cannot sign in', async () => {
	const u = addUser({ role: 'operator_staff' });
	const c = await signedIn(u.email, u.password);
	db(`UPDATE app_user SET disabled = 1 WHERE email = ${q(u.email)}`);
	assertRedirect(await c.get('/occupiers'), '/login?next=/occupiers', 'disabled user');
	const r = await new Client().login(u.email, u.password);
	assertHtml(r, 401, 'disabled user login');
	assert.match(r.text, /Email or password is incorrect\./);
});

test('the demo admin can sign in (password tenantry-demo)', async () => {
	const c = await signedIn(ADMIN);
	const r = await c.get('/occupiers');
	assertHtml(r, 200, 'admin occupiers');
	assert.match(r.text, /Nadia Admin/);
	assert.match(r.text, /Operator admin/);
	assert.match(r.text, /Northwind Workspaces/);
	await c.post('/logout', {});
});
