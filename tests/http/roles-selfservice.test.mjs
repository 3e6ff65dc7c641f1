// roles-selfservice.test.mjs: the occupier's self-service view:
// its sites, its services read-only with the same two filters and the
// Provisioned infrastructure row, charges, phone numbers, devices (an
// occupier admin registers Wi-Fi devices within the allocation) and cases
// (an occupier admin sees and raises the occupier's; an occupier user sees
// its own). Each page shows the occupier's data and no one else's.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, OCC_ADMIN, OCC_USER, STAFF, assertHtml, assertRedirect, db, dbValue, decode, occupierId, q, rnd,
	signedIn, siteId, tableRows, text,
} from './lib.mjs';
import { day, infraOf, newContract, parseServicesTab } from './services-lib.mjs';
import { activeUser, auditOf, errorsOf, flash, occupierWithServices } from './roles-lib.mjs';

let admin, staff, occAdmin, occUser, acme, cw, sd, harbour;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	occAdmin = await signedIn(OCC_ADMIN);
	occUser = await signedIn(OCC_USER);
	acme = occupierId('Acme Analytics Ltd');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
});

/* The read-only Services table: heads and rows, without the Cost and RRP
 * columns (never shown to an occupier: the row has neither). */
function selfServices(html) {
	const t = parseServicesTab(html);
	for (const r of t.rows)
		assert.deepEqual([r.cost, r.rrp], [undefined, undefined], `${r.name}: no cost or RRP cell`);
	return { heads: t.heads, rows: t.rows.map(pick) };
}

const pick = (r) => ({ name: r.name, contract: r.contract, start: r.start, activated: r.activated, price: r.price,
	qty: r.qty, total: r.total, status: r.status });

test('services: the operator\'s tab read-only, without cost or Manage, the same filters and infrastructure', async () => {
	const filters = ['', 'contract=active', 'contract=scheduled', 'contract=inactive', 'service=active',
		'service=inactive', 'service=scheduled', 'contract=active&service=active'];
	for (const f of filters) {
		const op = await staff.get(`/occupiers/${acme}/sites/${cw}/services${f ? `?${f}` : ''}`);
		const mine = await occUser.get(`/my/sites/${cw}/services${f ? `?${f}` : ''}`);
		assertHtml(mine, 200, `self services ${f}`);
		const o = parseServicesTab(op.body);
		const s = selfServices(mine.body);
		assert.deepEqual(s.rows, o.rows.map(pick), `same rows for "${f}"`);
		assert.deepEqual(infraOf(mine.body), infraOf(op.body), `same infrastructure for "${f}"`);
		if (s.rows.length > 0)
			assert.deepEqual(s.heads, ['Service', 'Contract', 'Start date', 'Activated', 'Price', 'QTY', 'Total', 'Status']);
		assert.doesNotMatch(mine.body, /services\/manage|data-dialog/, 'no Manage services');
		assert.doesNotMatch(mine.body, /id="zero-cost"/, 'no cost note');
		assert.match(mine.body, new RegExp(`<form class="filters" method="get" action="/my/sites/${cw}/services">`));
	}
	const all = selfServices((await occAdmin.get(`/my/sites/${cw}/services`)).body);
	assert.ok(all.rows.some((r) => r.name === 'Voice line'), 'Acme\'s services are there');
	assert.match((await occAdmin.get(`/my/sites/${cw}/services`)).body, /Provisioned infrastructure/);
});

test('sites: only the occupier\'s; any other site is 404, the selector keeps the tab', async () => {
	for (const s of [sd, harbour, 999999999])
		for (const tab of ['services', 'telephony', 'devices', 'charges'])
			assertHtml(await occAdmin.get(`/my/sites/${s}/${tab}`), 404, `site ${s} ${tab}`);
	const page = await occAdmin.get(`/my/sites/${cw}/charges`);
	const opts = [...page.body.matchAll(/<option value="(\d+)"( selected)?>([^<]*)<\/option>/g)].map((m) => m[3]);
	assert.deepEqual(opts, ['Canary Wharf'], 'the selector offers Acme\'s site only');
	assertRedirect(await occAdmin.get(`/my/site?site=${cw}&tab=charges`), `/my/sites/${cw}/charges`, 'selector');
	assertRedirect(await occAdmin.get(`/my/site?site=${cw}&tab=nonsense`), `/my/sites/${cw}/services`, 'unknown tab');
	assertHtml(await occAdmin.get(`/my/site?site=${sd}&tab=charges`), 404, 'selector to another site');
	assertHtml(await occAdmin.get('/my/site?site=abc'), 404, 'selector, not a number');
	// An occupier at two sites sees both, and starts at the first.
	const { occ } = await occupierWithServices(admin, cw, [['Standard support', '0.00', '1']]);
	await newContract(admin, occ, sd, { start: day(-10) });
	const u = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_user');
	assertRedirect(await u.client.get('/my'), `/my/sites/${Math.min(cw, sd)}/services`, 'first site');
	const two = await u.client.get(`/my/sites/${sd}/services`);
	assertHtml(two, 200, 'second site');
	const names = [...two.body.matchAll(/<option value="\d+"(?: selected)?>([^<]*)<\/option>/g)].map((m) => m[1]);
	assert.ok(names.includes('Canary Wharf') && names.includes('Shoreditch'));
	assert.match(two.text, /It is empty here\./, 'nothing at Shoreditch');
});

test('an occupier without any contract gets a page saying so', async () => {
	const occ = (await occupierWithServices(admin, cw, [])).occ;
	db(`DELETE FROM contract WHERE occupier_id = ${occ}`);
	const u = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_admin');
	const r = await u.client.get('/my');
	assertHtml(r, 200, 'no sites');
	assert.match(r.text, /you have no contract at any of Northwind Workspaces's sites yet/);
	assertHtml(await u.client.get(`/my/sites/${cw}/services`), 404, 'no site');
	assert.match((await u.client.get('/my/cases/new')).text, /You have no contract at any site yet/);
});

test('charges: the same lines and total as the operator\'s Charges tab', async () => {
	for (const month of ['2026-01', '2026-02', '2025-06']) {
		const op = await staff.get(`/occupiers/${acme}/sites/${cw}/charges?month=${month}`);
		const mine = await occUser.get(`/my/sites/${cw}/charges?month=${month}`);
		assertHtml(mine, 200, `charges ${month}`);
		assert.deepEqual(tableRows(mine.body), tableRows(op.body), `lines of ${month}`);
		const total = (h) => (/<tfoot>([\s\S]*?)<\/tfoot>/.exec(h) || [])[1];
		assert.equal(total(mine.body), total(op.body));
	}
	assert.match((await occUser.get(`/my/sites/${cw}/charges?month=2026-01`)).body,
		new RegExp(`action="/my/sites/${cw}/charges"`));
	assertHtml(await occUser.get(`/my/sites/${cw}/charges?month=2026-13`), 400, 'bad month');
});

test('phone numbers: the occupier\'s, read-only', async () => {
	const r = await occUser.get(`/my/sites/${cw}/telephony`);
	assertHtml(r, 200, 'telephony');
	const want = db(`SELECT number FROM phone_number WHERE occupier_id = ${acme} AND site_id = ${cw}
		ORDER BY number`).map((x) => x[0]);
	const got = tableRows(r.body).map((row) => row[0].replace(/ Main$/, '')).sort();
	assert.deepEqual(got, want);
	assert.equal((r.body.match(/badge main/g) || []).length, 1, 'one main number');
	assert.match(r.text, /Telephony extensions \d+\/\d+/);
	assert.equal((r.body.match(/<form /g) || []).length, 2, 'only the site selector and sign-out forms');
});

test('devices: an occupier admin registers Wi-Fi devices within the allocation, not beyond', async () => {
	const { occ } = await occupierWithServices(admin, cw, [['Wi-Fi devices pack (10)', '12.00', '1']]);
	const boss = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_admin');
	const c = boss.client;
	const path = `/my/sites/${cw}/devices`;
	let page = await c.get(path);
	assert.match(page.text, /Wi-Fi devices 0\/10/);
	let r = await c.post(path, { identifier: 'AA-BB-CC-00-11-22', label: 'Reception laptop' });
	assertRedirect(r, `${path}?done=device_registered`, 'register');
	page = await c.get(r.location);
	assert.equal(flash(page.body), 'The Wi-Fi device is registered and active.');
	assert.match(page.text, /Wi-Fi devices 1\/10/);
	assert.deepEqual(tableRows(page.body)[0], ['Wi-Fi device', 'aa:bb:cc:00:11:22', 'Reception laptop', 'Active']);
	const [dev] = db(`SELECT id, state, type FROM device WHERE occupier_id = ${occ}`);
	assert.deepEqual(dev.slice(1), ['active', 'wifi_device']);
	assert.deepEqual(auditOf(Number(dev[0]), 'device').map((a) => [a.action, a.user, a.occupier]),
		[['register', boss.id, occ]]);
	// The operator sees it on the occupier's Devices tab.
	assert.match((await staff.get(`/occupiers/${occ}/sites/${cw}/devices`)).text, /aa:bb:cc:00:11:22/);
	// Checked: a duplicate, a malformed and a group address.
	r = await c.post(path, { identifier: 'aa:bb:cc:00:11:22', label: 'Again' });
	assertHtml(r, 422, 'duplicate');
	assert.match(errorsOf(r.body)[0], /aa:bb:cc:00:11:22 is already registered at this site/);
	assert.match(r.body, /value="Again"/, 'input kept');
	r = await c.post(path, { identifier: 'not-a-mac', label: '' });
	assertHtml(r, 422, 'malformed');
	assert.match(errorsOf(r.body)[0], /^MAC address /);
	assertHtml(await c.post(path, { identifier: 'ff:ff:ff:ff:ff:ff' }), 422, 'broadcast');
	// Up to the allocation, then refused with the fraction.
	for (let i = 2; i <= 10; i++)
		assertRedirect(await c.post(path, { identifier: `aa:bb:cc:00:12:${String(i).padStart(2, '0')}` }),
			`${path}?done=device_registered`, `device ${i}`);
	const n = Number(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${occ}`));
	r = await c.post(path, { identifier: 'aa:bb:cc:00:13:01', label: 'One too many' });
	assertHtml(r, 409, 'beyond the allocation');
	assert.match(errorsOf(r.body)[0], /Wi-Fi devices 10\/10/);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${occ}`)), n, 'nothing written');
	// No allocation at all: refused too.
	const none = await occupierWithServices(admin, cw, [['Standard support', '0.00', '1']]);
	const b2 = await activeUser(staff, `/occupiers/${none.occ}/sites/${cw}/users`, 'occupier_admin');
	r = await b2.client.post(path, { identifier: 'aa:bb:cc:00:14:01' });
	assertHtml(r, 409, 'no Wi-Fi allocation');
	assert.match(errorsOf(r.body)[0], /Wi-Fi devices 0\/0/);
	// Another occupier's devices are not listed.
	assert.doesNotMatch((await b2.client.get(path)).text, /aa:bb:cc:00:11:22/);
});

test('cases: an occupier admin raises and follows the occupier\'s cases; a user sees only its own', async () => {
	const { occ } = await occupierWithServices(admin, cw, [['Standard support', '0.00', '1']]);
	const boss = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_admin');
	const user = await activeUser(boss.client, '/my/users', 'occupier_user');
	const c = boss.client;
	await c.get('/my/cases/new');
	// Checked first.
	let r = await c.post('/my/cases/new', { site: sd, subject: '', details: 'x' });
	assertHtml(r, 422, 'bad case');
	assert.deepEqual(errorsOf(r.body), ['Subject is required', 'Site must be one of your sites.']);
	r = await c.post('/my/cases/new', { site: cw, service: 999999999, subject: 's', details: 'd' });
	assertHtml(r, 422, 'unknown service');
	const subject = `Printer port ${rnd()}`;
	r = await c.post('/my/cases/new', { site: cw, subject, details: 'The port by the window is dead.' });
	assertRedirect(r, /^\/my\/cases\/\d+\?done=created$/, 'raise');
	const id = Number(/\/my\/cases\/(\d+)/.exec(r.location)[1]);
	const page = await c.get(r.location);
	assertHtml(page, 200, 'the case');
	assert.match(page.text, new RegExp(`${subject} Open Raised by`));
	assert.equal(dbValue(`SELECT CONCAT(occupier_id, '/', site_id, '/', created_by) FROM support_case WHERE id = ${id}`),
		`${occ}/${cw}/${boss.id}`);
	assert.deepEqual(auditOf(id, 'case').map((a) => [a.action, a.user]), [['create', boss.id]]);
	// The operator sees it.
	const op = await staff.get(`/cases/${id}`);
	assertHtml(op, 200, 'operator view');
	assert.match(op.text, new RegExp(subject));
	// Listed for the admin, not for the user (not theirs), and 404 to the user.
	assert.match((await c.get('/my/cases')).text, new RegExp(subject));
	assert.doesNotMatch((await user.client.get('/my/cases')).text, new RegExp(subject));
	assertHtml(await user.client.get(`/my/cases/${id}`), 404, 'not the user\'s case');
	assertHtml(await user.client.post(`/my/cases/${id}`, { comment: 'me too' }), 404, 'no comment either');
	// A case the user raised is theirs (raised by them while they were an admin, say).
	db(`UPDATE support_case SET created_by = ${user.id} WHERE id = ${id}`);
	assert.match((await user.client.get('/my/cases')).text, new RegExp(subject));
	assertHtml(await user.client.get(`/my/cases/${id}`), 200, 'now the user\'s');
	db(`UPDATE support_case SET created_by = ${boss.id} WHERE id = ${id}`);
	// Comments while open; refused once the operator has closed it.
	await c.get(`/my/cases/${id}`);
	r = await c.post(`/my/cases/${id}`, { comment: 'Any news?' });
	assertRedirect(r, new RegExp(`^/my/cases/${id}\\?done=comment_added#c\\d+$`), 'comment');
	assert.match((await c.get(`/my/cases/${id}`)).text, /Any news\?/);
	assertHtml(await c.post(`/my/cases/${id}`, { comment: '' }), 422, 'empty comment');
	await staff.get(`/cases/${id}`);
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'close' }), new RegExp(`^/cases/${id}`), 'operator closes');
	r = await c.post(`/my/cases/${id}`, { comment: 'Hello?' });
	assertHtml(r, 409, 'closed');
	assert.match(errorsOf(r.body)[0], /This case is closed/);
	// Another occupier's case is 404, like a missing one.
	const acmeCase = Number(dbValue(`SELECT COALESCE(MAX(id), 0) FROM support_case WHERE occupier_id = ${acme}`));
	if (acmeCase > 0)
		assertHtml(await c.get(`/my/cases/${acmeCase}`), 404, 'Acme\'s case');
	assertHtml(await c.get('/my/cases/999999999'), 404, 'missing case');
});

test('the occupier\'s pages never name another occupier', async () => {
	const others = db(`SELECT name FROM occupier WHERE id <> ${acme}`).map((x) => x[0]).filter((n) => n.length > 4);
	for (const p of ['/my', `/my/sites/${cw}/services`, `/my/sites/${cw}/telephony`, `/my/sites/${cw}/devices`,
		`/my/sites/${cw}/charges`, '/my/cases', '/my/cases/new', '/my/users', '/account']) {
		const r = await occAdmin.follow(p);
		assert.equal(r.status, 200, p);
		for (const n of others)
			assert.ok(!r.text.includes(n), `${p} names ${n}`);
	}
});
