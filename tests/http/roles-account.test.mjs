// roles-account.test.mjs: account hygiene, for every role: the
// profile, changing one's own password (the current one required; every
// other session ends), the sessions list (created, last seen, address,
// browser, this session marked) with revoke, and the throttle on wrong
// current passwords. Fresh users only: the demo logins are never changed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, Client, addUser, assertHtml, assertRedirect, db, dbValue, q, signedIn,
} from './lib.mjs';
import { auditOf, errorsOf, flash, menuOf, sessionCount } from './roles-lib.mjs';

/* Rows of the sessions table: [{ id, this, cells }]. */
function sessionsOf(html) {
	const t = /<table class="grid sessions">([\s\S]*?)<\/table>/.exec(html);
	return [...t[1].matchAll(/<tr id="session-(\d+)"( class="this-session")?>([\s\S]*?)<\/tr>/g)].map((m) => ({
		id: Number(m[1]),
		this: !!m[2],
		cells: [...m[3].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ').trim()),
	}));
}

const idOf = (email) => Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(email)}`));

let roles;

before(() => {
	roles = {
		operator_admin: addUser({ role: 'operator_admin' }),
		operator_staff: addUser({ role: 'operator_staff' }),
		occupier_admin: addUser({ role: 'occupier_admin', occupier: 'Fjord Media' }),
		occupier_user: addUser({ role: 'occupier_user', occupier: 'Fjord Media' }),
	};
});

test('the account page of every role: profile and sessions, this one marked', async () => {
	for (const [role, u] of Object.entries(roles)) {
		await signedIn(u.email, u.password);
		const b = await signedIn(u.email, u.password);
		const r = await b.get('/account');
		assertHtml(r, 200, `${role} /account`);
		assert.match(r.text, new RegExp(u.email.replace(/[.]/g, '\\.')));
		const s = sessionsOf(r.body);
		assert.equal(s.length, 2, `${role}: two sessions`);
		assert.deepEqual(s.map((x) => x.this).sort(), [false, true]);
		const mine = s.find((x) => x.this);
		assert.match(mine.cells[0], /\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d This session/);
		assert.equal(mine.cells[2], b.loginFrom, 'the address it signed in from');
		assert.ok(mine.cells[3].length > 0, 'the browser');
		assert.equal(menuOf(r.body).current, 'Account');
	}
});

test('profile: the name is changed (and audited), an empty one refused', async () => {
	const u = roles.operator_staff;
	const c = await signedIn(u.email, u.password);
	await c.get('/account');
	let r = await c.post('/account', { op: 'profile', name: '' });
	assertHtml(r, 422, 'empty name');
	assert.deepEqual(errorsOf(r.body), ['Name is required']);
	r = await c.post('/account', { op: 'profile', name: 'Renée Renamed' });
	assertRedirect(r, '/account?done=saved', 'rename');
	const page = await c.get(r.location);
	assert.equal(flash(page.body), 'Changes saved.');
	assert.match(page.text, /Renée Renamed Operator staff/, 'the menu shows the new name');
	assert.equal(auditOf(idOf(u.email)).pop().new, 'name=Renée Renamed');
	assertHtml(await c.post('/account', { op: 'nonsense' }), 400, 'unknown op');
});

test('change password: current one required; the other sessions end, this one stays', async () => {
	const u = addUser({ role: 'occupier_admin', occupier: 'Fjord Media' });
	const id = idOf(u.email);
	const here = await signedIn(u.email, u.password);
	const there = await signedIn(u.email, u.password);
	await here.get('/account');
	let r = await here.post('/account', { op: 'password', current_password: 'wrong-password',
		new_password: 'brand-new-password', confirm_password: 'brand-new-password' });
	assertHtml(r, 422, 'wrong current');
	assert.deepEqual(errorsOf(r.body), ['The current password is not correct.']);
	r = await here.post('/account', { op: 'password', current_password: u.password,
		new_password: 'short', confirm_password: 'short' });
	assertHtml(r, 422, 'short');
	assert.deepEqual(errorsOf(r.body), ['The new password must have at least 10 characters.']);
	r = await here.post('/account', { op: 'password', current_password: u.password,
		new_password: 'brand-new-password', confirm_password: 'brand-new-passwort' });
	assertHtml(r, 422, 'not the same');
	r = await here.post('/account', { op: 'password', current_password: '',
		new_password: '', confirm_password: '' });
	assertHtml(r, 422, 'empty');
	assert.equal(errorsOf(r.body).length, 3);
	assert.ok(!r.body.includes(u.password), 'passwords never echoed');
	assert.equal(sessionCount(id), 2, 'nothing changed so far');
	r = await here.post('/account', { op: 'password', current_password: u.password,
		new_password: 'brand-new-password', confirm_password: 'brand-new-password' });
	assertRedirect(r, '/account?done=password_changed', 'changed');
	assert.equal(flash((await here.get(r.location)).body), 'Your password is changed. Your other sessions have ended.');
	assert.equal(sessionCount(id), 1, 'only this session left');
	assertHtml(await here.get('/account'), 200, 'this session goes on');
	assert.equal((await there.get('/my')).status, 303, 'the other session ended');
	assertHtml(await new Client().login(u.email, u.password), 401, 'the old password is dead');
	db(`DELETE FROM login_failure WHERE email = ${q(u.email)}`);
	assertRedirect(await new Client().login(u.email, 'brand-new-password'), '/', 'the new one works');
	assert.match(dbValue(`SELECT pw_hash FROM app_user WHERE id = ${id}`), /^\$argon2id\$/);
	assert.equal(auditOf(id).pop().action, 'password');
});

test('wrong current passwords are throttled like failed sign-ins', async () => {
	const u = addUser({ role: 'operator_staff' });
	const c = await signedIn(u.email, u.password);
	await c.get('/account');
	const bad = { op: 'password', current_password: 'nope-nope-nope', new_password: 'another-password',
		confirm_password: 'another-password' };
	for (let i = 0; i < 5; i++)
		assertHtml(await c.post('/account', bad), 422, `wrong ${i + 1}`);
	const r = await c.post('/account', { ...bad, current_password: u.password });
	assertHtml(r, 429, 'locked, even with the right one');
	assert.match(errorsOf(r.body)[0], /Too many wrong passwords for this account/);
	db(`DELETE FROM login_failure WHERE email = ${q(u.email)}`);
	assertRedirect(await c.post('/account', { ...bad, current_password: u.password }),
		'/account?done=password_changed', 'after the lock');
});

test('revoke: another session ends; this one signs out; nobody else\'s is found', async () => {
	const u = addUser({ role: 'occupier_user', occupier: 'Fjord Media' });
	const id = idOf(u.email);
	const here = await signedIn(u.email, u.password);
	const there = await signedIn(u.email, u.password);
	const page = await here.get('/account');
	const other = sessionsOf(page.body).find((s) => !s.this);
	const self = sessionsOf(page.body).find((s) => s.this);
	let r = await here.post(`/account/sessions/${other.id}`, { confirm: '1' });
	assertRedirect(r, '/account?done=session_revoked', 'revoke the other');
	assert.equal(flash((await here.get(r.location)).body), 'The session has ended.');
	assert.equal((await there.get('/account')).status, 303, 'the other is signed out');
	assert.equal(sessionCount(id), 1);
	// Someone else's session: 404, and it lives on.
	const admin = await signedIn(ADMIN);
	const adminSession = Number(dbValue(`SELECT MAX(s.id) FROM user_session s JOIN app_user u ON u.id = s.user_id
		WHERE u.email = ${q(ADMIN)}`));
	assertHtml(await here.post(`/account/sessions/${adminSession}`, {}), 404, 'another user\'s session');
	assertHtml(await admin.get('/account'), 200, 'still signed in');
	assertHtml(await here.post('/account/sessions/999999999', {}), 404, 'no such session');
	assertHtml(await here.get(`/account/sessions/${self.id}`), 405, 'GET is not a revoke');
	// Without the CSRF token nothing happens.
	assertHtml(await here.post(`/account/sessions/${self.id}`, {}, { csrf: false }), 403, 'no CSRF');
	// This session: signed out, cookie cleared.
	r = await here.post(`/account/sessions/${self.id}`, { confirm: '1' });
	assertRedirect(r, '/login?done=signedout', 'revoke this one');
	assert.equal(here.token, undefined, 'cookie cleared');
	assert.equal(sessionCount(id), 0);
	assert.deepEqual(auditOf(self.id, 'session').map((a) => [a.action, a.user]), [['revoke', id]]);
});
