// roles-occupier-users.test.mjs: occupier users: the operator
// adds them on the occupier's Users tab (occupier admin or occupier user,
// with the same one-time link), disables, enables and removes them; an
// occupier admin does the same for its own occupier on /my/users. Users of
// another occupier are not found (404), whichever URL names them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, Client, OCC_ADMIN, OCC_USER, STAFF, addUser, assertHtml, assertRedirect, db, dbValue, occupierId, q,
	signedIn, siteId,
} from './lib.mjs';
import {
	activeUser, addOnScreen, auditOf, errorsOf, flash, menuOf, occupierWithServices, sessionCount, userRow,
	usersOf,
} from './roles-lib.mjs';

let admin, staff, cw, sd, acme, fjord;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
});

const tab = (occ, site) => `/occupiers/${occ}/sites/${site}/users`;

test('the Users tab lists the occupier\'s users, the same at every site', async () => {
	const r = await staff.get(tab(acme, cw));
	assertHtml(r, 200, 'Acme users');
	const users = usersOf(r.body);
	assert.deepEqual(users.filter((u) => ['admin@acme.example', 'user@acme.example'].includes(u.email))
		.map((u) => [u.name, u.role, u.status]).sort(),
	[['Alex Acme', 'Occupier admin', 'Active'], ['Uma Acme', 'Occupier user', 'Active']]);
	assert.ok(users.every((u) => u.actions.includes('remove')), 'occupier users can be removed');
	assert.ok(users.every((u) => !u.actions.includes('role')), 'no role change for occupier users');
	assert.match(r.text, /Users of Acme Analytics Ltd/);
	const other = await staff.get(tab(acme, sd));
	assert.deepEqual(usersOf(other.body).map((u) => u.id), users.map((u) => u.id));
	// The add form offers the two occupier roles, occupier user first chosen.
	assert.match(r.body, /<option value="occupier_admin">Occupier admin<\/option>\n<option value="occupier_user" selected>Occupier user<\/option>/);
	// Another occupier's list has none of Acme's.
	const f = usersOf((await staff.get(tab(fjord, cw))).body);
	assert.ok(!f.some((u) => u.email.endsWith('@acme.example')));
});

test('staff adds an occupier admin who signs in to their own view', async () => {
	const { occ } = await occupierWithServices(admin, cw, [['Standard support', '0.00', '1']]);
	const u = await activeUser(staff, tab(occ, cw), 'occupier_admin');
	const row = userRow(u.id);
	assert.equal(row.occupier, occ);
	assert.equal(row.role, 'occupier_admin');
	const home = await u.client.follow('/');
	assertHtml(home, 200, 'the new occupier admin lands on their view');
	assert.deepEqual(menuOf(home.body).items, ['Services', 'Cases', 'Invoices', 'Users', 'Account']);
	assert.match(home.text, /Standard support/);
	// The events are the occupier's: they show in its history.
	assert.deepEqual(auditOf(u.id).map((a) => [a.action, a.occupier]), [['create', occ], ['password', occ]]);
	const hist = await staff.get(`/occupiers/${occ}/sites/${cw}/history`);
	assert.match(hist.text, new RegExp(u.email.replace(/[.]/g, '\\.')));
});

test('disable, enable and remove an occupier user; a removed email can be used again', async () => {
	const { occ } = await occupierWithServices(admin, cw, []);
	const u = await activeUser(staff, tab(occ, cw), 'occupier_user');
	const second = await signedIn(u.email, u.password);
	assert.equal(sessionCount(u.id), 2);
	await staff.get(tab(occ, cw));
	assertRedirect(await staff.post(`${tab(occ, cw)}/${u.id}`, { op: 'disable' }),
		`${tab(occ, cw)}?done=user_disabled`, 'disable');
	assert.equal(sessionCount(u.id), 0, 'every session ended');
	assert.equal((await second.get('/my')).status, 303, 'signed out');
	assertRedirect(await staff.post(`${tab(occ, cw)}/${u.id}`, { op: 'enable' }),
		`${tab(occ, cw)}?done=user_enabled`, 'enable');
	const back = await signedIn(u.email, u.password);
	const r = await staff.post(`${tab(occ, cw)}/${u.id}`, { op: 'remove', confirm: '1' });
	assertRedirect(r, `${tab(occ, cw)}?done=user_removed`, 'remove');
	assert.equal(flash((await staff.get(r.location)).body), 'The user is removed and signed out everywhere.');
	assert.equal((await back.get('/my')).status, 303, 'the removed user is signed out');
	assert.ok(!usersOf((await staff.get(tab(occ, cw))).body).some((x) => x.id === u.id), 'gone from the list');
	const row = userRow(u.id);
	assert.equal(row.removed, true, 'the row stays for history');
	assert.equal(row.disabled, true);
	assertHtml(await new Client().login(u.email, u.password), 401, 'cannot sign in');
	db(`DELETE FROM login_failure WHERE email = ${q(u.email)}`);
	assertHtml(await staff.post(`${tab(occ, cw)}/${u.id}`, { op: 'enable' }), 404, 'a removed user is not found');
	// Its email is free again.
	const again = await addOnScreen(staff, tab(occ, cw), { email: u.email, role: 'occupier_user' });
	assert.notEqual(again.id, u.id);
	assert.deepEqual(auditOf(u.id).map((a) => a.action), ['create', 'password', 'disable', 'enable', 'remove']);
});

test('a user of another occupier, or of another operator, is not found on the Users tab', async () => {
	const fjordUser = addUser({ role: 'occupier_user', occupier: 'Fjord Media' });
	const fid = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(fjordUser.email)}`));
	const before_ = userRow(fid);
	await staff.get(tab(acme, cw));
	for (const op of ['disable', 'remove', 'link']) {
		const r = await staff.post(`${tab(acme, cw)}/${fid}`, { op });
		assertHtml(r, 404, `${op} Fjord's user under Acme`);
		assert.ok(!r.text.includes(fjordUser.email));
	}
	// Nor a team member under an occupier, nor an occupier user on the team.
	const sam = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`));
	assertHtml(await staff.post(`${tab(acme, cw)}/${sam}`, { op: 'disable' }), 404, 'team member under Acme');
	await admin.get('/team');
	assertHtml(await admin.post(`/team/${fid}`, { op: 'disable' }), 404, 'occupier user on the team');
	assert.deepEqual(userRow(fid), before_, 'nothing changed');
	assert.equal(userRow(sam).disabled, false);
	// And the form cannot add a team role to an occupier.
	const r = await staff.post(tab(acme, cw), { name: 'Sneaky', email: `s-${Date.now()}@test.example`,
		role: 'operator_admin' });
	assertHtml(r, 422, 'operator role for an occupier user');
	assert.deepEqual(errorsOf(r.body), ['Role must be one of the choices.']);
});

test('occupier admin: adds, gives a new link to, disables and removes its own users', async () => {
	const { occ } = await occupierWithServices(admin, cw, []);
	const boss = await activeUser(staff, tab(occ, cw), 'occupier_admin');
	const c = boss.client;
	const page = await c.get('/my/users');
	assertHtml(page, 200, '/my/users');
	assert.deepEqual(usersOf(page.body).map((u) => [u.email, u.me, u.actions]), [[boss.email, true, []]]);
	const u = await activeUser(c, '/my/users', 'occupier_user');
	assert.equal(userRow(u.id).occupier, occ, 'added to the admin\'s own occupier');
	assert.equal(auditOf(u.id)[0].user, boss.id);
	// A new link for them (they forgot their password).
	await c.get('/my/users');
	const l = await c.post(`/my/users/${u.id}`, { op: 'link' });
	assertHtml(l, 200, 'new link');
	assert.match(l.text, /Set-password link for/);
	// Never themself.
	let r = await c.post(`/my/users/${boss.id}`, { op: 'remove', confirm: '1' });
	assertHtml(r, 409, 'remove self');
	assert.deepEqual(errorsOf(r.body), ['You cannot remove your own account.']);
	r = await c.post(`/my/users/${boss.id}`, { op: 'disable' });
	assertHtml(r, 409, 'disable self');
	// No role changes and no operator roles.
	assertHtml(await c.post(`/my/users/${u.id}`, { op: 'role', role: 'occupier_admin' }), 400, 'role change');
	r = await c.post('/my/users', { name: 'Op', email: `op-${Date.now()}@test.example`, role: 'operator_admin' });
	assertHtml(r, 422, 'operator role');
	// Not Acme's users, nor Eastwind's.
	const uma = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(OCC_USER)}`));
	for (const op of ['disable', 'remove', 'link', 'enable'])
		assertHtml(await c.post(`/my/users/${uma}`, { op }), 404, `${op} Acme's user`);
	assert.equal(userRow(uma).disabled, false);
	assertRedirect(await c.post(`/my/users/${u.id}`, { op: 'disable' }), '/my/users?done=user_disabled', 'disable');
	assertRedirect(await c.post(`/my/users/${u.id}`, { op: 'remove', confirm: '1' }), '/my/users?done=user_removed', 'remove');
	assert.equal(userRow(u.id).removed, true);
});

test('Acme\'s admin sees Acme\'s users only', async () => {
	const c = await signedIn(OCC_ADMIN);
	const users = usersOf((await c.get('/my/users')).body);
	assert.ok(users.length >= 2);
	const occ = db(`SELECT DISTINCT COALESCE(occupier_id, 0) FROM app_user WHERE id IN (${users.map((u) => u.id)})`);
	assert.deepEqual(occ, [[String(acme)]]);
});
