// Repeated failed logins for one account are throttled with a clear message
// (app/session.h: LOGIN_MAX_FAILURES 5, then locked for LOGIN_LOCK_SECONDS).
// Only random emails and users created here: the demo logins are never locked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, addUser, assertHtml, assertRedirect, db, dbValue, q, rnd } from './lib.mjs';

const MAX_FAILURES = 5;
const THROTTLED = /Too many failed sign-in attempts for this account\. Wait 5 minutes and try again\./;

test('5 failed logins for one unknown email: the 5th answer is 429 with a clear message', async () => {
	const email = `nobody-${rnd()}@test.example`;
	const c = new Client();
	const statuses = [];
	for (let i = 1; i <= MAX_FAILURES + 1; i++) {
		const r = await c.login(email, `wrong-${i}`);
		statuses.push(r.status);
		if (r.status === 429) {
			assertHtml(r, 429, `attempt ${i}`);
			assert.match(r.text, THROTTLED);
			assert.equal(r.cookie('tn_session'), undefined);
		} else {
			assert.equal(r.status, 401, `attempt ${i}`);
			assert.match(r.text, /Email or password is incorrect\./);
		}
	}
	assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429], 'attempts 1-4: 401, then 429');
	const locked = Number(dbValue(`SELECT locked_until - UNIX_TIMESTAMP() FROM login_throttle
		WHERE email = ${q(email)}`));
	assert.ok(locked > 200 && locked <= 300, `locked for about 5 minutes (${locked}s left)`);
});

test('the throttle is per account: the email is matched case-insensitively, others are unaffected', async () => {
	const email = `nobody-${rnd()}@test.example`;
	const c = new Client();
	for (let i = 0; i < MAX_FAILURES; i++)
		await c.login(i % 2 ? email.toUpperCase() : email, 'wrong-password');
	const r = await c.login(email.replace('nobody', 'NOBODY'), 'wrong-password');
	assertHtml(r, 429, 'mixed-case spelling of the locked account');
	const other = await c.login(`other-${rnd()}@test.example`, 'wrong-password');
	assertHtml(other, 401, 'another account from the same client');
});

test('a real user: while locked even the right password is refused', async () => {
	const u = addUser();
	const c = new Client();
	for (let i = 0; i < MAX_FAILURES; i++)
		await c.login(u.email, 'wrong-password');
	const r = await c.login(u.email, u.password);
	assertHtml(r, 429, 'right password while locked');
	assert.match(r.text, THROTTLED);
	assert.equal(r.cookie('tn_session'), undefined, 'no session while locked');
	assert.equal(c.token, undefined);
	assert.equal(dbValue(`SELECT COUNT(*) FROM user_session s JOIN app_user a ON a.id = s.user_id
		WHERE a.email = ${q(u.email)}`), '0', 'no session row');
	// When the lock has run out, the right password works and clears the count.
	db(`UPDATE login_throttle SET locked_until = UNIX_TIMESTAMP() - 1 WHERE email = ${q(u.email)}`);
	const ok = await c.login(u.email, u.password);
	assertRedirect(ok, '/', 'after the lock expired');
	assert.equal(dbValue(`SELECT COUNT(*) FROM login_throttle WHERE email = ${q(u.email)}`), '0',
		'failures cleared by a successful sign-in');
});

test(`${MAX_FAILURES - 1} failures do not lock the account: the right password still works`, async () => {
	const u = addUser();
	const c = new Client();
	for (let i = 1; i < MAX_FAILURES; i++) {
		const r = await c.login(u.email, 'wrong-password');
		assertHtml(r, 401, `failure ${i}`);
	}
	const r = await c.login(u.email, u.password);
	assertRedirect(r, '/', `right password after ${MAX_FAILURES - 1} failures`);
});

test('a success resets the count: failures before it do not add up with later ones', async () => {
	const u = addUser();
	const c = new Client();
	for (let i = 0; i < 3; i++)
		assert.equal((await c.login(u.email, 'wrong-password')).status, 401);
	assertRedirect(await new Client().login(u.email, u.password), '/', 'success after 3 failures');
	for (let i = 0; i < 3; i++)
		assert.equal((await c.login(u.email, 'wrong-password')).status, 401, `failure ${i + 1} after reset`);
	assertRedirect(await new Client().login(u.email, u.password), '/', 'success after 3 more failures');
});
