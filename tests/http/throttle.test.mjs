// Failed sign-ins are throttled over a decaying 15-minute window, per account
// and per client address (sql/012_security.sql, app/store/store.h):
//   5 failures of one e-mail from one address   → that pair waits;
//  30 failures from one address, any e-mail     → that address waits;
//  20 failures of one e-mail from anywhere      → only addresses the account
//     has never signed in from wait, so an attacker elsewhere cannot lock a
//     user out of their usual address.
// Nothing is permanent: a failure stops counting 15 minutes after it was
// made. Other loopback addresses (127.0.0.2 ...) play other clients. Only
// random e-mails and users created here: the demo logins are never locked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, addUser, assertHtml, assertRedirect, db, dbValue, q, rnd } from './lib.mjs';

const PAIR_MAX = 5;
const WINDOW = 900;
const THROTTLED = /Too many failed sign-in attempts for this account\. Wait (\d+) minutes? and try again\./;

/* A loopback address of its own for each test, so that tests do not share one. */
let nextAddr = 10;
function addr() {
	return `127.0.${Math.floor(nextAddr / 250) + 1}.${(nextAddr++ % 250) + 2}`;
}

function waitOf(r) {
	const m = THROTTLED.exec(r.text);
	assert.ok(m, `a throttle message: ${r.text.slice(0, 300)}`);
	return Number(m[1]);
}

test('5 failed sign-ins of one e-mail from one address: the 5th answer is 429 with the wait, for 15 minutes', async () => {
	const email = `nobody-${rnd()}@test.example`;
	const c = new Client('a', { from: addr() });
	const statuses = [];
	for (let i = 1; i <= PAIR_MAX + 1; i++) {
		const r = await c.login(email, `wrong-${i}`);
		statuses.push(r.status);
		if (r.status === 429) {
			assertHtml(r, 429, `attempt ${i}`);
			assert.equal(waitOf(r), 15, 'the whole window is left');
			const ra = Number(r.headers.get('retry-after'));
			assert.ok(ra > WINDOW - 60 && ra <= WINDOW, `Retry-After ${ra}`);
			assert.equal(r.cookie('tn_session'), undefined);
		} else {
			assert.equal(r.status, 401, `attempt ${i}`);
			assert.match(r.text, /Email or password is incorrect\./);
		}
	}
	assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429], 'attempts 1-4: 401, then 429');
	// A refused attempt is not a failure: it does not push the wait further.
	assert.equal(dbValue(`SELECT COUNT(*) FROM login_failure WHERE email = ${q(email)}`), String(PAIR_MAX));
});

test('the window decays: failures older than 15 minutes no longer count, and the wait is what is left', async () => {
	const u = addUser();
	const from = addr();
	const c = new Client('a', { from });
	// Four failures 14 minutes ago, one now: locked until the oldest is 15 minutes old.
	db(`INSERT INTO login_failure (email, addr, at) VALUES ${[1, 2, 3, 4].map(() =>
		`(${q(u.email)}, ${q(from)}, UNIX_TIMESTAMP() - 840)`).join(', ')}`);
	const r = await c.login(u.email, 'wrong-password');
	assertHtml(r, 429, 'the fifth failure in the window');
	assert.equal(waitOf(r), 1, 'about a minute left');
	const ok = await c.login(u.email, u.password);
	assertHtml(ok, 429, 'the right password while the window holds five');
	// The same four failures, 16 minutes old: out of the window, nothing counts.
	db(`UPDATE login_failure SET at = UNIX_TIMESTAMP() - ${WINDOW + 60} WHERE email = ${q(u.email)}`);
	assertRedirect(await c.login(u.email, u.password), '/', 'old failures have decayed');
	// Success forgets this pair's failures.
	assert.equal(dbValue(`SELECT COUNT(*) FROM login_failure WHERE email = ${q(u.email)} AND addr = ${q(from)}`), '0');
});

test('one wrong attempt every 5 minutes never locks anyone out (the old permanent lockout)', async () => {
	const u = addUser();
	const from = addr();
	// Twelve failures, one every 5 minutes for an hour, then one now: at most three in any window.
	db(`INSERT INTO login_failure (email, addr, at) VALUES ${[...Array(12).keys()].map((k) =>
		`(${q(u.email)}, ${q(from)}, UNIX_TIMESTAMP() - ${300 * (k + 1)})`).join(', ')}`);
	const c = new Client('a', { from });
	assertHtml(await c.login(u.email, 'wrong-password'), 401, 'a wrong password is just wrong');
	assertRedirect(await c.login(u.email, u.password), '/', 'the right one signs in');
});

test('an attacker elsewhere cannot lock a user out of the address they sign in from', async () => {
	const u = addUser();
	const home = addr();
	// The user has signed in from home before.
	assertRedirect(await new Client('home', { from: home }).login(u.email, u.password), '/', 'first sign-in from home');
	// Five other addresses try 6 times each (after 5 failures a pair waits).
	let refused = 0;
	for (let k = 0; k < 5; k++) {
		const bad = new Client('attacker', { from: addr() });
		for (let i = 0; i < PAIR_MAX + 1; i++) {
			const r = await bad.login(u.email, `guess-${k}-${i}`);
			if (r.status === 429)
				refused++;
		}
	}
	assert.ok(refused >= 5, `every attacking address ends up refused (${refused})`);
	// Four addresses got their 5 tries; from the 20th failure on, new addresses wait at once.
	assert.equal(dbValue(`SELECT COUNT(*) FROM login_failure WHERE email = ${q(u.email)}`), '20');
	// A new address, even with the right password, waits (the account is under attack) ...
	const fresh = await new Client('new', { from: addr() }).login(u.email, u.password);
	assertHtml(fresh, 429, 'a never-seen address during the attack');
	waitOf(fresh);
	// ... but the user's usual address signs in.
	assertRedirect(await new Client('home', { from: home }).login(u.email, u.password), '/', 'home during the attack');
});

test('30 failures from one address over many e-mails: that address waits, others do not', async () => {
	const from = addr();
	const c = new Client('spray', { from });
	db(`INSERT INTO login_failure (email, addr, at) VALUES ${[...Array(29).keys()].map((k) =>
		`(${q(`spray-${k}-${rnd()}@test.example`)}, ${q(from)}, UNIX_TIMESTAMP() - 60)`).join(', ')}`);
	const r = await c.login(`spray-last-${rnd()}@test.example`, 'wrong');
	assertHtml(r, 429, 'the 30th failure from one address');
	const u = addUser();
	assertHtml(await c.login(u.email, u.password), 429, 'even a right password from that address');
	assertRedirect(await new Client('other', { from: addr() }).login(u.email, u.password), '/', 'another address');
});

test('the e-mail is matched case-insensitively; another account from the same address is unaffected', async () => {
	const email = `nobody-${rnd()}@test.example`;
	const c = new Client('a', { from: addr() });
	for (let i = 0; i < PAIR_MAX; i++)
		await c.login(i % 2 ? email.toUpperCase() : email, 'wrong-password');
	assertHtml(await c.login(email.replace('nobody', 'NOBODY'), 'wrong-password'), 429, 'mixed-case spelling');
	assertHtml(await c.login(`other-${rnd()}@test.example`, 'wrong-password'), 401, 'another account');
});

test(`${PAIR_MAX - 1} failures do not lock the account; a success resets the pair`, async () => {
	const u = addUser();
	const from = addr();
	const c = new Client('a', { from });
	for (let i = 1; i < PAIR_MAX; i++)
		assertHtml(await c.login(u.email, 'wrong-password'), 401, `failure ${i}`);
	assertRedirect(await new Client('b', { from }).login(u.email, u.password), '/', `right password after ${PAIR_MAX - 1} failures`);
	for (let i = 1; i < PAIR_MAX; i++)
		assertHtml(await c.login(u.email, 'wrong-password'), 401, `failure ${i} after the reset`);
	assertRedirect(await new Client('b', { from }).login(u.email, u.password), '/', 'success after 4 more failures');
});

test('the housekeeping purge removes failures outside the window and expired sessions, bounded', async () => {
	const email = `old-${rnd()}@test.example`;
	db(`INSERT INTO login_failure (email, addr, at) VALUES (${q(email)}, '127.9.9.9', UNIX_TIMESTAMP() - ${WINDOW + 5}),
		(${q(email)}, '127.9.9.9', UNIX_TIMESTAMP() - 10)`);
	const u = addUser();
	const c = await new Client().signIn(u.email, u.password);
	db(`UPDATE user_session s JOIN app_user a ON a.id = s.user_id SET s.last_seen = s.last_seen - 7200
		WHERE a.email = ${q(u.email)}`);
	const { execFileSync } = await import('node:child_process');
	const { TENANTRY_BIN } = await import('./lib.mjs');
	const out = execFileSync(TENANTRY_BIN, ['purge'], { env: { ...process.env }, encoding: 'utf8' });
	assert.match(out, /purge: \d+ expired rows deleted/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM login_failure WHERE email = ${q(email)}`), '1', 'only the one in the window stays');
	assert.equal(dbValue(`SELECT COUNT(*) FROM user_session s JOIN app_user a ON a.id = s.user_id WHERE a.email = ${q(u.email)}`),
		'0', 'the idle session is gone');
	assert.equal((await c.get('/occupiers')).status, 303, 'and it no longer signs anyone in');
});
