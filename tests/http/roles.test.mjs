// roles.test.mjs: each role's start page, menu and permissions
// ("Operator roles", domain §2): operator_admin manages the catalog and the
// team; operator_staff everything else but not the catalog or the team;
// occupier users see their own self-service view only, and only an
// occupier admin adds users, raises cases and registers devices.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, STAFF, assertHtml, assertRedirect, dbValue, occupierId, q,
	signedIn, siteId,
} from './lib.mjs';
import { menuOf } from './roles-lib.mjs';

let c = {};
let acme, cw, firstService;

before(async () => {
	c = {
		admin: await signedIn(ADMIN),
		staff: await signedIn(STAFF),
		occAdmin: await signedIn(OCC_ADMIN),
		occUser: await signedIn(OCC_USER),
		ew: await signedIn(EASTWIND_ADMIN),
	};
	acme = occupierId('Acme Analytics Ltd');
	cw = siteId('Canary Wharf');
	firstService = Number(dbValue(`SELECT MIN(s.id) FROM service s JOIN operator o ON o.id = s.operator_id
		WHERE o.name = 'Northwind Workspaces'`));
});

const MENUS = {
	admin: ['Today', 'Occupiers', 'Sites', 'Cases', 'Reports', 'Invoices', 'Catalog', 'Team', 'Outbox', 'Account'],
	staff: ['Today', 'Occupiers', 'Sites', 'Cases', 'Reports', 'Invoices', 'Catalog', 'Account'],
	occAdmin: ['Services', 'Cases', 'Invoices', 'Users', 'Account'],
	occUser: ['Services', 'Cases', 'Invoices', 'Account'],
	ew: ['Today', 'Occupiers', 'Sites', 'Cases', 'Reports', 'Invoices', 'Catalog', 'Team', 'Outbox', 'Account'],
};

test('each role starts on its own screen with its own menu', async () => {
	const starts = { admin: '/dashboard', staff: '/dashboard', occAdmin: '/my', occUser: '/my', ew: '/dashboard' };
	for (const [k, start] of Object.entries(starts)) {
		assertRedirect(await c[k].get('/'), start, `${k} /`);
		const page = await c[k].follow('/');
		assertHtml(page, 200, `${k} start page`);
		assert.deepEqual(menuOf(page.body).items, MENUS[k], `${k} menu`);
	}
	// An occupier user lands on its services at its (only) site.
	assertRedirect(await c.occAdmin.get('/my'), `/my/sites/${cw}/services`, 'occupier start');
	const my = await c.occUser.follow('/my');
	assert.equal(menuOf(my.body).current, 'Services');
	assert.match(my.text, /Acme Analytics Ltd/);
});

test('the menu marks the current entry on the new screens', async () => {
	assert.equal(menuOf((await c.admin.get('/team')).body).current, 'Team');
	assert.equal(menuOf((await c.staff.get('/account')).body).current, 'Account');
	assert.equal(menuOf((await c.occAdmin.get('/my/users')).body).current, 'Users');
	assert.equal(menuOf((await c.occUser.get('/my/cases')).body).current, 'Cases');
	assert.equal(menuOf((await c.occUser.get('/account')).body).current, 'Account');
});

test('operator staff: no team and no catalog edits (403), the rest of the operator screens', async () => {
	for (const p of ['/team'])
		assertHtml(await c.staff.get(p), 403, `staff GET ${p}`);
	const before_ = dbValue('SELECT COUNT(*) FROM app_user');
	assertHtml(await c.staff.post('/team', { name: 'Nope', email: 'nope@test.example', role: 'operator_staff' }),
		403, 'staff POST /team');
	const sam = dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`);
	assertHtml(await c.staff.post(`/team/${sam}`, { op: 'role', role: 'operator_admin' }), 403, 'staff promotes self');
	assert.equal(dbValue(`SELECT role FROM app_user WHERE id = ${sam}`), 'operator_staff');
	assert.equal(dbValue('SELECT COUNT(*) FROM app_user'), before_);
	const rrp = dbValue(`SELECT rrp FROM service WHERE id = ${firstService}`);
	assertHtml(await c.staff.post(`/catalog/${firstService}`, { op: 'save', rrp: '1.00', description: 'x' }), 403,
		'staff edits the catalog');
	assert.equal(dbValue(`SELECT rrp FROM service WHERE id = ${firstService}`), rrp);
	// What staff may do.
	for (const p of ['/occupiers', `/occupiers/${acme}/sites/${cw}/users`, '/cases', '/sites', '/reports',
		'/catalog', `/catalog/${firstService}`, '/account'])
		assertHtml(await c.staff.get(p), 200, `staff GET ${p}`);
});

test('operator admin: the team and the occupiers\' Users tab', async () => {
	for (const p of ['/team', `/occupiers/${acme}/sites/${cw}/users`, '/account'])
		assertHtml(await c.admin.get(p), 200, `admin GET ${p}`);
	const tab = await c.admin.get(`/occupiers/${acme}/sites/${cw}/users`);
	assert.match(tab.body, /<a href="\/occupiers\/\d+\/sites\/\d+\/users" aria-current="page">Users<\/a>/);
	// The site selector keeps the Users tab.
	assertRedirect(await c.admin.get(`/occupiers/${acme}/site?site=${siteId('Shoreditch')}&tab=users`),
		`/occupiers/${acme}/sites/${siteId('Shoreditch')}/users`, 'site selector on Users');
});

test('occupier roles: 403 on every operator screen and on the team', async () => {
	for (const k of ['occAdmin', 'occUser']) {
		for (const p of ['/occupiers', '/team', '/catalog', '/reports', '/sites', '/cases',
			`/occupiers/${acme}/sites/${cw}/users`, `/occupiers/${acme}/sites/${cw}/services`])
			assertHtml(await c[k].get(p), 403, `${k} GET ${p}`);
		assertHtml(await c[k].post('/team', { name: 'x', email: 'x@test.example', role: 'operator_admin' }), 403,
			`${k} POST /team`);
	}
});

test('operator roles: 403 on the occupier self-service view', async () => {
	for (const k of ['admin', 'staff', 'ew'])
		for (const p of ['/my', `/my/sites/${cw}/services`, '/my/cases', '/my/users', '/my/cases/new'])
			assertHtml(await c[k].get(p), 403, `${k} GET ${p}`);
});

test('occupier user: no users, no device registration; raises and follows its own cases', async () => {
	for (const p of ['/my/users'])
		assertHtml(await c.occUser.get(p), 403, `occupier user GET ${p}`);
	const devices = Number(dbValue('SELECT COUNT(*) FROM device'));
	const r = await c.occUser.post(`/my/sites/${cw}/devices`, { identifier: 'aa:bb:cc:dd:ee:01', label: 'x' });
	assertHtml(r, 403, 'occupier user registers a device');
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM device')), devices);
	const page = await c.occUser.get(`/my/sites/${cw}/devices`);
	assertHtml(page, 200, 'occupier user sees the devices');
	assert.doesNotMatch(page.body, /Register a Wi-Fi device/);
	const cases = await c.occUser.get('/my/cases');
	assert.match(cases.body, /href="\/my\/cases\/new"/, 'Raise a case for an occupier user too');
	assertHtml(await c.occUser.get('/my/cases/new'), 200, 'occupier user GET /my/cases/new');
	// The occupier admin has all three.
	// (Registering: where it has a Wi-Fi devices allocation; Acme has none at
	// Canary Wharf, 0/0, so the page says so instead of offering a form that
	// cannot succeed. fieldreport.test.mjs shows the form with an allocation.)
	const devs = (await c.occAdmin.get(`/my/sites/${cw}/devices`)).body;
	assert.match(devs, /<span class="frac" id="wifi-devices">0\/0</);
	assert.match(devs, /include no Wi-Fi devices \(0\/0\)/);
	assert.match((await c.occAdmin.get('/my/cases')).body, /href="\/my\/cases\/new"/);
	assertHtml(await c.occAdmin.get('/my/users'), 200, 'occupier admin users');
});

test('every role has the account page', async () => {
	for (const [k, cl] of Object.entries(c)) {
		const r = await cl.get('/account');
		assertHtml(r, 200, `${k} /account`);
		assert.match(r.text, /This session/);
	}
});
