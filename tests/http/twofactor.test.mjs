// Two-factor sign-in (TOTP, RFC 6238): enrolment on /account/two-factor
// with a server-drawn QR code, the code step of a sign-in (/login/code),
// replay, recovery codes, the throttle, turning it off, and the workspace
// rule that makes it mandatory for operator roles. Codes are computed here
// with node's crypto (HMAC-SHA-1), independently of the server's liboath.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
	Client, addUser, assertHtml, assertRedirect, blake2b, db, dbValue, q, rnd, signedIn,
} from './lib.mjs';
import { errorsOf } from './roles-lib.mjs';

function base32Decode(s) {
	const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0, acc = 0;
	const out = [];
	for (const ch of s) {
		acc = (acc << 5) | abc.indexOf(ch);
		bits += 5;
		if (bits >= 8) {
			out.push((acc >> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/* The 6-digit TOTP code of a base32 secret at unix time t (RFC 6238). */
function totp(secret, t = Date.now() / 1000) {
	const ctr = Buffer.alloc(8);
	ctr.writeBigUInt64BE(BigInt(Math.floor(t / 30)));
	const h = createHmac('sha1', base32Decode(secret)).update(ctr).digest();
	const o = h[19] & 15;
	const n = ((h[o] & 127) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
	return String(n % 1000000).padStart(6, '0');
}

/* A code that is surely wrong now (none of the window's three). */
function wrongCode(secret) {
	const now = Date.now() / 1000;
	const near = [-30, 0, 30, 60].map((d) => totp(secret, now + d));
	for (let i = 0; ; i++) {
		const c = String((Number(near[1]) + 1 + i * 7919) % 1000000).padStart(6, '0');
		if (!near.includes(c))
			return c;
	}
}

function userOf(email) {
	const r = db(`SELECT id, totp_secret IS NOT NULL, totp_pending IS NOT NULL,
		totp_last_step FROM app_user WHERE email = ${q(email)}`);
	assert.equal(r.length, 1, `one user ${email}`);
	return { id: Number(r[0][0]), secret: Number(r[0][1]), pending: Number(r[0][2]), lastStep: Number(r[0][3]) };
}

/* Enrol the signed-in client c: { secret, codes }. */
async function enrol(c) {
	const start = await c.post('/account/two-factor', { action: 'start' });
	assertRedirect(start, '/account/two-factor', 'start the set-up');
	const page = await c.get('/account/two-factor');
	assertHtml(page, 200, 'set-up page');
	const secret = /class="secret">([A-Z2-7]+)</.exec(page.body)?.[1];
	assert.ok(secret, 'the key is shown as base32 text');
	const on = await c.post('/account/two-factor', { action: 'enable', code: totp(secret) });
	assertHtml(on, 200, 'enable');
	const codes = [...on.body.matchAll(/<li><code>([a-z2-7-]+)<\/code><\/li>/g)].map((m) => m[1]);
	return { secret, codes, page, on };
}

/* Sign in with the password: the client is left awaiting the code. */
async function passwordStep(u, opt) {
	const c = new Client('2fa', opt);
	const r = await c.login(u.email, u.password);
	assertRedirect(r, '/login/code?next=/', 'the password asks for the code');
	return c;
}

test('enrolment: QR code as inline SVG and the key; a wrong code refused with a message; a right one turns it on with 10 recovery codes shown once', async () => {
	const u = addUser({ role: 'operator_staff' });
	const c = await signedIn(u.email, u.password);
	const off = await c.get('/account/two-factor');
	assertHtml(off, 200, 'GET /account/two-factor');
	assert.match(off.text, /Two-factor sign-in is off/);
	assert.match(off.text, /Set up two-factor sign-in/);

	await c.post('/account/two-factor', { action: 'start' });
	const page = await c.get('/account/two-factor');
	assert.match(page.body, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/, 'inline SVG');
	assert.ok((page.body.match(/<rect x=/g) || []).length > 100, 'QR modules drawn as rects');
	assert.ok(!/src="https?:/.test(page.body), 'no external image');
	const secret = /class="secret">([A-Z2-7]{32})</.exec(page.body)[1];
	assert.equal(userOf(u.email).pending, 1);
	assert.equal(userOf(u.email).secret, 0);

	const bad = await c.post('/account/two-factor', { action: 'enable', code: wrongCode(secret) });
	assertHtml(bad, 422, 'wrong code');
	assert.match(errorsOf(bad.body).join(' '), /That code is not right/);
	assert.match(bad.body, /class="secret">/, 'the set-up is still shown');
	assert.equal(userOf(u.email).secret, 0, 'still off');

	const on = await c.post('/account/two-factor', { action: 'enable', code: totp(secret) });
	assertHtml(on, 200, 'right code');
	const codes = [...on.body.matchAll(/<li><code>([a-z2-7-]+)<\/code><\/li>/g)].map((m) => m[1]);
	assert.equal(codes.length, 10);
	assert.equal(new Set(codes).size, 10);
	for (const k of codes)
		assert.match(k, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
	const row = userOf(u.email);
	assert.equal(row.secret, 1);
	assert.equal(row.pending, 0);
	// Only their hashes are kept.
	const hashes = db(`SELECT HEX(code_hash) AS h FROM user_recovery_code WHERE user_id = ${row.id}`)
		.map((x) => x[0].toLowerCase()).sort();
	assert.deepEqual(hashes, codes.map((k) => blake2b(Buffer.from(k.replace(/-/g, ''))).toString('hex')).sort());
	const again = await c.get('/account/two-factor');
	assert.doesNotMatch(again.body, /<code>[a-z2-7]{4}-/, 'codes shown only once');
	assert.match(again.text, /Two-factor sign-in is on ?\. Unused recovery codes: 10\./);
	const audit = dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'user' AND entity_id = ${row.id}
		AND action = 'twofactor-on'`);
	assert.equal(Number(audit), 1);
});

test('sign-in: the password alone opens nothing; a wrong code is refused; the code signs in; a used code cannot be replayed', async () => {
	const u = addUser({ role: 'operator_staff' });
	const { secret } = await enrol(await signedIn(u.email, u.password));
	const c = await passwordStep(u);
	for (const p of ['/occupiers', '/account', '/account/two-factor', '/'])
		assertRedirect(await c.get(p), `/login?next=${p}`, `pending: ${p}`);
	const form = await c.get('/login/code?next=%2Foccupiers');
	assertHtml(form, 200, 'the code step');
	assert.match(form.text, /6-digit code/);
	const wrong = wrongCode(secret);
	const bad = await c.post('/login/code', { code: wrong, next: '/occupiers' });
	assertHtml(bad, 422, 'wrong code');
	assert.match(bad.body, new RegExp(`id="f-code"[^>]*value="${wrong}"`), `the input is kept: ${/<input id="f-code"[^>]*>/.exec(bad.body)?.[0]}`);
	assert.match(errorsOf(bad.body).join(' '), /That code is not right/);
	assertRedirect(await c.get('/occupiers'), '/login?next=/occupiers', 'still pending');
	// The step after enrolment's (its code was used by the enrolment).
	const code = totp(secret, Date.now() / 1000 + 30);
	const ok = await c.post('/login/code', { code, next: '/occupiers' });
	assertRedirect(ok, '/occupiers', 'signed in');
	assertHtml(await c.get('/occupiers'), 200, 'now signed in');
	assert.equal((await c.post('/login/code', { code })).status, 400, 'no sign-in awaits a code any more');

	const d = await passwordStep(u);
	const replay = await d.post('/login/code', { code });
	assertHtml(replay, 422, 'replayed code');
	assert.match(errorsOf(replay.body).join(' '), /That code is not right/);
	assertRedirect(await d.get('/occupiers'), '/login?next=/occupiers', 'replay opened nothing');
});

test('recovery codes: each signs in once (any case, dashes optional)', async () => {
	const u = addUser({ role: 'occupier_user', occupier: 'Fjord Media' });
	const { codes } = await enrol(await signedIn(u.email, u.password));
	const c = await passwordStep(u);
	assertRedirect(await c.post('/login/code', { code: codes[3].replace(/-/g, '').toUpperCase() }), '/',
		'recovery code');
	const id = userOf(u.email).id;
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM user_recovery_code WHERE user_id = ${id} AND used_at IS NULL`)), 9);
	const d = await passwordStep(u);
	const again = await d.post('/login/code', { code: codes[3] });
	assertHtml(again, 422, 'a used recovery code');
	assertRedirect(await d.post('/login/code', { code: codes[4] }), '/', 'another one works');
});

test('wrong codes count against the account like failed sign-ins: the sixth attempt is refused 429', async () => {
	const u = addUser({ role: 'operator_staff' });
	const { secret } = await enrol(await signedIn(u.email, u.password));
	const c = await passwordStep(u, { from: `127.0.77.${2 + Math.floor(Math.random() * 200)}` });
	let r;
	for (let i = 0; i < 5; i++) {
		r = await c.post('/login/code', { code: wrongCode(secret) });
		if (r.status === 429)
			break;
		assert.equal(r.status, 422, `attempt ${i + 1}`);
	}
	r = await c.post('/login/code', { code: totp(secret, Date.now() / 1000 + 30) });
	assertHtml(r, 429, 'throttled even with the right code');
	assert.match(r.text, /Too many failed sign-in attempts/);
	assert.ok(r.headers.get('retry-after'));
});

test('turning it off: a wrong password is refused; the password turns it off; sign-in then needs no code', async () => {
	const u = addUser({ role: 'occupier_admin', occupier: 'Fjord Media' });
	const c = await signedIn(u.email, u.password);
	await enrol(c);
	const bad = await c.post('/account/two-factor', { action: 'disable', password: 'not-my-password' });
	assertHtml(bad, 422, 'wrong password');
	assert.match(errorsOf(bad.body).join(' '), /still on/);
	const none = await c.post('/account/two-factor', { action: 'disable' });
	assertHtml(none, 422, 'no proof');
	assert.equal(userOf(u.email).secret, 1);
	assertRedirect(await c.post('/account/two-factor', { action: 'disable', password: u.password }),
		'/account/two-factor', 'off');
	assert.equal(userOf(u.email).secret, 0);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM user_recovery_code WHERE user_id = ${userOf(u.email).id}`)), 0);
	const d = new Client();
	assertRedirect(await d.login(u.email, u.password), '/', 'no code asked');
});

test('turning it off with a current code', async () => {
	const u = addUser({ role: 'operator_staff' });
	const c = await signedIn(u.email, u.password);
	const { secret } = await enrol(c);
	assertRedirect(await c.post('/account/two-factor', { action: 'disable',
		code: totp(secret, Date.now() / 1000 + 30) }), '/account/two-factor', 'off');
	assert.equal(userOf(u.email).secret, 0);
});

test('workspace rule: mandatory two-factor sends operator roles to enrolment and opens nothing else until it is on', async () => {
	const name = `MFA Ops ${rnd()}`;
	db(`INSERT INTO operator (name, currency, timezone) VALUES (${q(name)}, 'GBP', 'Europe/London')`);
	const a = addUser({ role: 'operator_admin', operator: name });
	const s = addUser({ role: 'operator_staff', operator: name });
	const ca = await signedIn(a.email, a.password);
	const cs = await signedIn(s.email, s.password);
	assertHtml(await cs.get('/occupiers'), 200, 'optional at first');
	const staffTry = await cs.post('/account/two-factor', { action: 'require', required: '1' });
	assert.equal(staffTry.status, 404, 'staff cannot set the rule');
	const page = await ca.get('/account/two-factor');
	assert.match(page.text, /Require two-factor sign-in for operator accounts/);
	assertRedirect(await ca.post('/account/two-factor', { action: 'require', required: '1' }),
		'/account/two-factor', 'rule saved');
	assert.equal(Number(dbValue(`SELECT mfa_required FROM operator WHERE name = ${q(name)}`)), 1);
	for (const p of ['/occupiers', '/account', '/sites'])
		assertRedirect(await cs.get(p), '/account/two-factor', `staff sent to enrolment from ${p}`);
	assertRedirect(await ca.get('/team'), '/account/two-factor', 'the admin too');
	const fresh = new Client();
	const r = await fresh.login(s.email, s.password);
	assertRedirect(r, '/', 'password accepted');
	assert.match(fresh.last.text, /requires two-factor sign-in/, 'lands on enrolment');
	await enrol(cs);
	assertHtml(await cs.get('/occupiers'), 200, 'enrolled: everything opens again');
	assertRedirect(await ca.get('/occupiers'), '/account/two-factor', 'the admin still must enrol');
	// Turning the rule off frees the admin without enrolment.
	assertRedirect(await ca.post('/account/two-factor', { action: 'require' }), '/account/two-factor');
	assertHtml(await ca.get('/occupiers'), 200, 'rule off');
});
