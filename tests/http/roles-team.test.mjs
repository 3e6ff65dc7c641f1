// roles-team.test.mjs: the operator's team: invite with a
// one-time set-password link (only its hash stored, 72 hours, single use),
// the public set-password page, disable (every session ends at once),
// enable, change role, and the guards: no admin demotes or disables
// themself, the last admin stays an admin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, Client, addUser, assertHtml, assertRedirect, db, dbValue, q, rnd, signedIn,
} from './lib.mjs';
import {
	addOnScreen, auditOf, errorsOf, flash, hashOf, linkOf, menuOf, sessionCount, setPassword, tokenRows,
	userRow, usersOf,
} from './roles-lib.mjs';

let admin, adminId;

before(async () => {
	admin = await signedIn(ADMIN);
	adminId = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`));
});

test('invite: the link is shown once, only its hash is kept, 72 hours, the user cannot sign in yet', async () => {
	const email = `Invited-${rnd()}@Test.example`;
	const u = await addOnScreen(admin, '/team', { name: 'Ivy Invited', email, role: 'operator_staff' });
	assert.match(u.r.text, /Set-password link for Ivy Invited/);
	assert.match(u.r.text, /It is shown only now/);
	const row = userRow(u.id);
	assert.equal(row.email, email.toLowerCase(), 'email stored in lower case');
	assert.equal(row.role, 'operator_staff');
	assert.equal(row.invited, true);
	assert.equal(row.disabled, false);
	assert.equal(row.occupier, 0);
	assert.equal(row.hash, '!invited', 'a marker no password matches (and no hash to compute for an invitation)');
	const [t] = tokenRows(u.id);
	assert.equal(t.hash, hashOf(u.token), 'the stored hash is crypto_generichash(token)');
	assert.equal(t.expires - t.created, 72 * 3600, 'valid 72 hours');
	assert.equal(t.used, null);
	// The token itself is nowhere in the database.
	const dump = db(`SELECT CONCAT_WS('|', COALESCE(old_value, ''), COALESCE(new_value, '')) FROM audit_event
		WHERE entity = 'user' AND entity_id = ${u.id}`).flat().join('\n');
	assert.ok(!dump.includes(u.token), 'no token in the audit trail');
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM user_token WHERE token_hash = UNHEX(${q(u.token)})`)), 0);
	assert.deepEqual(auditOf(u.id).map((a) => [a.action, a.user]), [['create', adminId]]);
	assert.match(auditOf(u.id)[0].new, /email=invited-.*@test\.example\nrole=operator_staff/);
	// Shown once: the list afterwards has the user, pending, and no link.
	const list = await admin.get('/team');
	assert.equal(linkOf(list.body), null, 'no link on the next visit');
	assert.ok(!list.body.includes(u.token));
	const mine = usersOf(list.body).find((x) => x.id === u.id);
	assert.equal(mine.status, 'Invitation pending');
	assert.equal(mine.role, 'Operator staff');
	// Nobody can sign in with a guess.
	const guest = new Client();
	assertHtml(await guest.login(email, 'tenantry-demo'), 401, 'invited user before setting a password');
	db(`DELETE FROM login_failure WHERE email = ${q(email.toLowerCase())}`);
});

test('set-password: checks, sets, the link is then dead, and the user signs in', async () => {
	const u = await addOnScreen(admin, '/team', { name: 'Sol Setter', role: 'operator_staff' });
	const c = new Client('sol');
	const g = await c.get(u.url);
	assertHtml(g, 200, 'the form');
	assert.match(g.text, /Set your password/);
	assert.match(g.text, new RegExp(`For Sol Setter \\(${u.email.replace(/[.]/g, '\\.')}\\)`));
	const short = await c.post('/set-password', { token: u.token, password: 'short', confirm: 'short' });
	assertHtml(short, 422, 'too short');
	assert.deepEqual(errorsOf(short.body), ['The new password must have at least 10 characters.']);
	const nine = await c.post('/set-password', { token: u.token, password: 'ünïcødé12', confirm: 'ünïcødé12' });
	assertHtml(nine, 422, '9 characters in 13 bytes');
	const differ = await c.post('/set-password', { token: u.token, password: 'long-enough-1', confirm: 'long-enough-2' });
	assertHtml(differ, 422, 'not the same');
	assert.deepEqual(errorsOf(differ.body), ['The two new passwords are not the same.']);
	assert.ok(!differ.body.includes('long-enough-1'), 'passwords never echoed');
	assert.equal(userRow(u.id).invited, true, 'nothing set yet');
	const ok = await c.post('/set-password', { token: u.token, password: 'a-good-password', confirm: 'a-good-password' });
	assertRedirect(ok, '/login?done=password_set', 'set');
	const login = await c.get(ok.location);
	assert.equal(flash(login.body), 'Your password is set. Sign in with it.');
	const row = userRow(u.id);
	assert.equal(row.invited, false);
	assert.ok(tokenRows(u.id)[0].used > 0, 'the link is marked used');
	assert.deepEqual(auditOf(u.id).map((a) => [a.action, a.user]), [['create', adminId], ['password', u.id]]);
	// Dead now: GET and POST alike, with the same answer as an unknown token.
	const dead = await c.get(u.url);
	assertHtml(dead, 404, 'used link');
	assert.match(dead.text, /This link does not work any more/);
	const again = await c.post('/set-password', { token: u.token, password: 'another-password', confirm: 'another-password' });
	assertHtml(again, 404, 'used link, POST');
	assertHtml(await c.get(`/set-password?token=${'0'.repeat(64)}`), 404, 'unknown token');
	assertHtml(await c.get('/set-password?token=xyz'), 404, 'malformed token');
	assertHtml(await c.get('/set-password'), 404, 'no token');
	// The new password works, the other one never did.
	const me = new Client();
	assertRedirect(await me.login(u.email, 'a-good-password'), '/', 'sign in');
	assert.deepEqual(menuOf((await me.follow('/')).body).items.includes('Team'), false);
});

test('set-password links: a new one replaces the old, and they expire', async () => {
	const u = await addOnScreen(admin, '/team', { role: 'operator_staff' });
	await admin.get('/team');
	const r = await admin.post(`/team/${u.id}`, { op: 'link' });
	assertHtml(r, 200, 'new link');
	const second = linkOf(r.body);
	assert.ok(second && second.token !== u.token);
	assertHtml(await new Client().get(u.url), 404, 'the first link died');
	assertHtml(await new Client().get(second.url), 200, 'the second works');
	assert.equal(tokenRows(u.id).length, 1, 'the unused old link is forgotten');
	db(`UPDATE user_token SET expires_at = UNIX_TIMESTAMP() - 1 WHERE user_id = ${u.id}`);
	assertHtml(await new Client().get(second.url), 404, 'expired');
	const pc = new Client();
	await pc.get('/login');	// a pre-session CSRF token, as a browser would have
	assertHtml(await pc.post('/set-password', { token: second.token, password: 'x-long-password',
		confirm: 'x-long-password' }), 404, 'expired, POST');
	assert.equal(userRow(u.id).invited, true);
	assert.deepEqual(auditOf(u.id).map((a) => a.action), ['create', 'link']);
});

test('invite form: every field checked, input kept, no user created', async () => {
	await admin.get('/team');
	const n = dbValue('SELECT COUNT(*) FROM app_user');
	let r = await admin.post('/team', { name: '', email: 'not-an-email', role: 'operator_staff' });
	assertHtml(r, 422, 'bad fields');
	assert.equal(errorsOf(r.body).length, 2);
	assert.match(r.body, /value="not-an-email"/, 'input kept');
	r = await admin.post('/team', { name: 'Occ', email: `o-${rnd()}@test.example`, role: 'occupier_admin' });
	assertHtml(r, 422, 'an occupier role on the team');
	assert.deepEqual(errorsOf(r.body), ['Role must be one of the choices.']);
	r = await admin.post('/team', { name: 'Dup', email: 'STAFF@northwind.example', role: 'operator_staff' });
	assertHtml(r, 422, 'email taken');
	assert.match(errorsOf(r.body)[0], /Email is already used by another user/);
	assert.equal(dbValue('SELECT COUNT(*) FROM app_user'), n);
	assert.equal(linkOf(r.body), null);
});

test('disable ends every session of the user at once; enable lets them back in', async () => {
	const u = await addOnScreen(admin, '/team', { role: 'operator_staff' });
	await setPassword(u.url, 'pass-word-123');
	const one = await signedIn(u.email, 'pass-word-123');
	const two = await signedIn(u.email, 'pass-word-123');
	assert.equal(sessionCount(u.id), 2);
	await admin.get('/team');
	const r = await admin.post(`/team/${u.id}`, { op: 'disable' });
	assertRedirect(r, '/team?done=user_disabled', 'disable');
	assert.equal(flash((await admin.get(r.location)).body), 'The user is disabled and signed out everywhere.');
	assert.equal(sessionCount(u.id), 0, 'all sessions gone');
	assert.equal(userRow(u.id).disabled, true);
	for (const cl of [one, two]) {
		const g = await cl.get('/occupiers');
		assert.equal(g.status, 303, 'signed out');
		assert.match(g.location, /^\/login\?next=/);
	}
	assertHtml(await new Client().login(u.email, 'pass-word-123'), 401, 'cannot sign in');
	db(`DELETE FROM login_failure WHERE email = ${q(u.email)}`);
	const row = usersOf((await admin.get('/team')).body).find((x) => x.id === u.id);
	assert.equal(row.status, 'Disabled');
	assert.deepEqual(row.actions, ['role', 'enable']);
	// A disabled user gets no new link.
	const l = await admin.post(`/team/${u.id}`, { op: 'link' });
	assertHtml(l, 409, 'no link for a disabled user');
	assert.match(errorsOf(l.body)[0], /is disabled: enable the user before/);
	assertRedirect(await admin.post(`/team/${u.id}`, { op: 'enable' }), '/team?done=user_enabled', 'enable');
	assertRedirect(await new Client().login(u.email, 'pass-word-123'), '/', 'signs in again');
	assert.deepEqual(auditOf(u.id).map((a) => [a.action, a.old, a.new]).slice(-2),
		[['disable', 'disabled=0', 'disabled=1'], ['enable', 'disabled=1', 'disabled=0']]);
});

test('change role: staff ↔ admin, effective on the next request', async () => {
	const u = await addOnScreen(admin, '/team', { role: 'operator_staff' });
	await setPassword(u.url, 'pass-word-456');
	const me = await signedIn(u.email, 'pass-word-456');
	assertHtml(await me.get('/team'), 403, 'staff');
	await admin.get('/team');
	assertRedirect(await admin.post(`/team/${u.id}`, { op: 'role', role: 'operator_admin' }),
		'/team?done=role_changed', 'promote');
	assertHtml(await me.get('/team'), 200, 'admin now');
	assert.ok(menuOf((await me.get('/team')).body).items.includes('Team'));
	assertRedirect(await admin.post(`/team/${u.id}`, { op: 'role', role: 'operator_staff' }),
		'/team?done=role_changed', 'demote');
	assertHtml(await me.get('/team'), 403, 'staff again');
	const bad = await admin.post(`/team/${u.id}`, { op: 'role', role: 'occupier_admin' });
	assertHtml(bad, 409, 'not a team role');
	assert.equal(userRow(u.id).role, 'operator_staff');
	assert.deepEqual(auditOf(u.id).filter((a) => a.action === 'role').map((a) => [a.old, a.new]),
		[['role=operator_staff', 'role=operator_admin'], ['role=operator_admin', 'role=operator_staff']]);
	// Team members are not removed, and unknown changes are refused.
	assertHtml(await admin.post(`/team/${u.id}`, { op: 'remove' }), 400, 'remove on the team');
	assertHtml(await admin.post(`/team/${u.id}`, { op: 'explode' }), 400, 'unknown op');
	assertHtml(await admin.post('/team/999999999', { op: 'disable' }), 404, 'no such member');
});

test('an admin cannot demote or disable themself', async () => {
	await admin.get('/team');
	const me = usersOf((await admin.get('/team')).body).find((x) => x.id === adminId);
	assert.equal(me.me, true);
	assert.deepEqual(me.actions, [], 'no actions on one\'s own row');
	let r = await admin.post(`/team/${adminId}`, { op: 'disable' });
	assertHtml(r, 409, 'disable self');
	assert.deepEqual(errorsOf(r.body), ['You cannot disable your own account.']);
	r = await admin.post(`/team/${adminId}`, { op: 'role', role: 'operator_staff' });
	assertHtml(r, 409, 'demote self');
	assert.deepEqual(errorsOf(r.body), ['You cannot change your own role.']);
	const row = userRow(adminId);
	assert.equal(row.role, 'operator_admin');
	assert.equal(row.disabled, false);
});

test('the last admin stays: two admins demoting each other at once leave one admin', async () => {
	// An operator of our own with exactly two admins.
	const name = `Race Ops ${rnd()}`;
	db(`INSERT INTO operator (name, currency, timezone) VALUES (${q(name)}, 'GBP', 'Europe/London')`);
	const a = addUser({ role: 'operator_admin', operator: name });
	const b = addUser({ role: 'operator_admin', operator: name });
	const ca = await signedIn(a.email, a.password);
	const cb = await signedIn(b.email, b.password);
	const ida = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(a.email)}`));
	const idb = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(b.email)}`));
	await ca.get('/team');
	await cb.get('/team');
	const [ra, rb] = await Promise.all([
		ca.post(`/team/${idb}`, { op: 'role', role: 'operator_staff' }),
		cb.post(`/team/${ida}`, { op: 'role', role: 'operator_staff' }),
	]);
	const statuses = [ra.status, rb.status].sort();
	assert.equal(statuses[0], 303, 'one demotion went through');
	assert.ok([403, 409].includes(statuses[1]), `the other was refused (${statuses})`);
	const refused = ra.status === 303 ? rb : ra;
	if (refused.status === 409)
		assert.match(errorsOf(refused.body)[0], /is the last operator admin/);
	const admins = Number(dbValue(`SELECT COUNT(*) FROM app_user u JOIN operator o ON o.id = u.operator_id
		WHERE o.name = ${q(name)} AND u.role = 'operator_admin' AND u.disabled = 0`));
	assert.equal(admins, 1, 'exactly one admin left');
	// The same with disable.
	const left = ra.status === 303 ? ca : cb;
	const other = ra.status === 303 ? idb : ida;
	await left.get('/team');
	assertRedirect(await left.post(`/team/${other}`, { op: 'disable' }), '/team?done=user_disabled',
		'disable the demoted one');
});
