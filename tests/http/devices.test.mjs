// Floor ports, devices and public IP addresses (domain §3): the
// site's floor ports screen (assign one or several ports, correct the
// switch port role, unassign, activate, deactivate) and the occupier's
// Devices tab (public IP addresses, Wi-Fi devices, Wi-Fi accounts), the
// allocation limits with their fractions, the Services tab's numerators,
// the seed's internet upgrade end to end, operator isolation and roles.
// Every refusal leaves the database exactly as it was (table snapshots).
//
// Tests work on occupiers of their own at Shoreditch where they change
// things; what they change on the demo occupiers they change back, and the
// `after` hook puts the floor ports and the public IP pools back as the
// seed left them (sites.test.mjs and services.test.mjs assert on those).
import { test, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue,
	decode, inputValue, occupierId, operatorId, q, rnd, signedIn, siteId, text,
} from './lib.mjs';

let admin, staff, NW, cw, sd, harbour, acme, delta, zephyr;
let portsAtStart, ipsAtStart, auditMark = 0;

/* TODAY + n days as YYYY-MM-DD. */
function day(n) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	acme = occupierId('Acme Analytics Ltd');
	delta = occupierId('Delta Robotics');
	zephyr = occupierId('Zephyr Secret Holdings');
	portsAtStart = db('SELECT id, COALESCE(occupier_id, 0), role, state FROM floor_port ORDER BY id');
	ipsAtStart = db(`SELECT id, COALESCE(occupier_id, 0), state, COALESCE(device_mac, '') FROM public_ip ORDER BY id`);
});

/* Audit events are counted from the start of each test (reruns add up). */
beforeEach(() => {
	auditMark = Number(dbValue('SELECT COALESCE(MAX(id), 0) FROM audit_event'));
});

after(() => {
	const sql = [];
	const nowPorts = new Map(db('SELECT id, COALESCE(occupier_id, 0), role, state FROM floor_port')
		.map((r) => [r[0], r.join('|')]));
	for (const r of portsAtStart)
		if (nowPorts.get(r[0]) !== r.join('|'))
			sql.push(`UPDATE floor_port SET occupier_id = ${r[1] === '0' ? 'NULL' : r[1]},
				role = ${q(r[2])}, state = ${q(r[3])} WHERE id = ${r[0]}`);
	const nowIps = new Map(db(`SELECT id, COALESCE(occupier_id, 0), state, COALESCE(device_mac, '') FROM public_ip`)
		.map((r) => [r[0], r.join('|')]));
	for (const r of ipsAtStart)
		if (nowIps.get(r[0]) !== r.join('|'))
			sql.push(`UPDATE public_ip SET occupier_id = ${r[1] === '0' ? 'NULL' : r[1]},
				state = ${q(r[2])}, device_mac = ${r[3] === '' ? 'NULL' : q(r[3])} WHERE id = ${r[0]}`);
	if (sql.length > 0)
		db(sql.join(';\n'));
});

/* ---- helpers ---------------------------------------------------------- */

/* Everything a refusal must leave as it was. */
function snapshot() {
	return JSON.stringify({
		ports: db('SELECT * FROM floor_port ORDER BY id'),
		ips: db('SELECT * FROM public_ip ORDER BY id'),
		devices: db('SELECT id, operator_id, site_id, occupier_id, type, identifier, label, state FROM device ORDER BY id'),
		services: db('SELECT id, service_id, qty, price, start_date, activated_at, ended_at FROM occupier_service ORDER BY id'),
		plans: db('SELECT * FROM occupier_site_plan ORDER BY occupier_id, site_id'),
		audit: db('SELECT COUNT(*), COALESCE(MAX(id), 0) FROM audit_event'),
	});
}

/* Run fn (which must be refused) and check nothing changed. */
async function unchanged(what, fn) {
	const before_ = snapshot();
	const r = await fn();
	assert.equal(snapshot(), before_, `${what}: the database is exactly as it was`);
	return r;
}

function portId(label) {
	return Number(dbValue(`SELECT id FROM floor_port WHERE label = ${q(label)}`));
}

function port(label) {
	const [holder, role, state] = db(`SELECT COALESCE(occupier_id, 0), role, state FROM floor_port
		WHERE label = ${q(label)}`)[0];
	return { holder: Number(holder), role, state };
}

function svcId(code) {
	return Number(dbValue(`SELECT id FROM service WHERE operator_id = ${NW} AND code = ${q(code)}`));
}

/* POST pairs (repeated keys allowed) with the client's CSRF token. */
function postPairs(c, path, pairs) {
	return c.post(path, new URLSearchParams([['csrf', c.csrf], ...pairs]).toString());
}

async function portsOp(op, labels, extra = [], site = sd, c = admin) {
	await c.get(`/sites/${site}/ports`);
	// confirm=1: what the confirmation of an unassign posts (the other
	// operations ignore it).
	return postPairs(c, `/sites/${site}/ports`, [['op', op], ...labels.map((l) =>
		['port', String(typeof l === 'number' ? l : portId(l))]), ...extra, ['confirm', '1']]);
}

async function portsOk(op, labels, extra = [], site = sd) {
	const r = await portsOp(op, labels, extra, site);
	assertRedirect(r, `/sites/${site}/ports?done=saved`, `${op} ${labels.join(', ')}`);
	return r;
}

/* A refused floor ports request: 422, the screen again, nothing changed. */
async function portsRefused(op, labels, extra, site = sd) {
	const r = await unchanged(`${op} ${labels.join(', ')}`, () => portsOp(op, labels, extra, site));
	assertHtml(r, 422, `${op} ${labels.join(', ')}`);
	return r;
}

/* The messages of the page's error box. */
function errorsOf(html) {
	const m = /<div class="errors" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [];
}

/* The floor ports screen: { label: { id, cells, checked, actions } }. */
function portRows(html) {
	const out = {};
	for (const m of html.matchAll(/<tr(?: class="editing")? id="port-(\d+)">([\s\S]*?)<\/tr>/g)) {
		const cells = [...m[2].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
		const label = text(cells[1]);
		out[label] = {
			id: Number(m[1]),
			cells: cells.slice(1, 7).map(text),
			checked: /<input type="checkbox"[^>]*\schecked/.test(cells[0]),
			actions: [...cells[7].matchAll(/form="op-([a-z]+)"/g)].map((x) => x[1]),
		};
	}
	return out;
}

/* The five fractions of a page: { label: 'X/Y' }. */
function infraOf(html) {
	const out = {};
	for (const m of html.matchAll(/<span class="infra-label">([^<]*)<\/span> <span class="frac">([^<]*)<\/span>/g))
		out[decode(m[1])] = decode(m[2]);
	return out;
}

async function servicesInfra(occ, site) {
	const r = await admin.get(`/occupiers/${occ}/sites/${site}/services`);
	assertHtml(r, 200, 'Services tab');
	return infraOf(r.body);
}

function devicesPath(occ, site) {
	return `/occupiers/${occ}/sites/${site}/devices`;
}

async function devOp(occ, site, fields, c = admin) {
	await c.get(devicesPath(occ, site));
	return c.post(devicesPath(occ, site), fields);
}

async function devOk(occ, site, fields) {
	const r = await devOp(occ, site, fields);
	assertRedirect(r, `${devicesPath(occ, site)}?done=saved`, JSON.stringify(fields));
	return r;
}

async function devRefused(occ, site, fields) {
	const r = await unchanged(JSON.stringify(fields), () => devOp(occ, site, fields));
	assertHtml(r, 422, JSON.stringify(fields));
	return r;
}

function deviceId(occ, site, ident) {
	return Number(dbValue(`SELECT id FROM device WHERE occupier_id = ${occ} AND site_id = ${site}
		AND identifier = ${q(ident)}`));
}

function deviceState(id) {
	return dbValue(`SELECT state FROM device WHERE id = ${id}`);
}

function ipId(address) {
	return Number(dbValue(`SELECT id FROM public_ip WHERE address = ${q(address)}`));
}

function auditCount(entity, id, action) {
	return Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = ${q(entity)} AND entity_id = ${id}
		AND action = ${q(action)} AND id > ${auditMark}`));
}

/* An occupier of our own with a contract at site. */
async function newOccupier(site, prefix = 'Devices test') {
	await admin.get('/occupiers/new');
	const name = `${prefix} ${rnd(4)}`;
	const r = await admin.post('/occupiers/new', { name, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create occupier');
	const occ = Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
	const reference = `DEV-${rnd(4)}`;
	await admin.get(`/occupiers/${occ}/sites/${site}/contracts/new`);
	const c = await admin.post(`/occupiers/${occ}/sites/${site}/contracts/new`,
		{ version: '0', reference, start_date: day(-30), end_date: '' });
	assertRedirect(c, `/occupiers/${occ}/sites/${site}/contracts?done=created`, 'create contract');
	const contract = Number(dbValue(`SELECT id FROM contract WHERE reference = ${q(reference)}`));
	return { occ, name, contract };
}

/* The occupier's current services as Manage services rows. */
function currentRows(occ, site) {
	return db(`SELECT id, service_id, contract_id, price, qty FROM occupier_service
		WHERE occupier_id = ${occ} AND site_id = ${site} AND ended_at IS NULL ORDER BY id`)
		.map(([id, service, contract, price, qty]) => ({ id, service, contract, price: (Number(price) / 100).toFixed(2), qty }));
}

/* Submit the Manage services form with these rows (op=save); the dialog's
 * current rows left out are sent as drops, as the dialog's X then Save does. */
async function saveServices(occ, site, rows) {
	const path = `/occupiers/${occ}/sites/${site}/services/manage`;
	const page = await admin.get(path);
	assertHtml(page, 200, 'Manage services');
	const pairs = [['version', inputValue(page.body, 'version')], ['op', 'save']];
	rows.forEach((r, i) => pairs.push([`row[${i}][id]`, String(r.id ?? 0)], [`row[${i}][service]`, String(r.service)],
		[`row[${i}][contract]`, String(r.contract)], [`row[${i}][price]`, r.price ?? '10.00'],
		[`row[${i}][qty]`, String(r.qty ?? 1)]));
	const kept = new Set(rows.map((r) => String(r.id ?? 0)));
	for (let k = 0; inputValue(page.body, `row[${k}][id]`) !== null; k++) {
		const id = inputValue(page.body, `row[${k}][id]`);
		if (!kept.has(id))
			pairs.push(['drop', id]);
	}
	return postPairs(admin, path, pairs);
}

async function servicesOk(occ, site, rows) {
	const r = await saveServices(occ, site, rows);
	assertRedirect(r, new RegExp(`^/occupiers/${occ}/sites/${site}/services\\?done=`), 'services saved');
}

/* ---- the floor ports screen -------------------------------------------------- */

test('the floor ports screen lists each floor: label, switch, port, role, holder, state; the site page links to it', async () => {
	const s = await admin.get(`/sites/${cw}`);
	assertHtml(s, 200, 'site page');
	assert.match(s.body, new RegExp(`<a class="button primary" href="/sites/${cw}/ports">Manage floor ports</a>`));
	assert.match(s.text, /Public IP pool: 15 of 20 addresses free\./);
	const r = await admin.get(`/sites/${cw}/ports`);
	assertHtml(r, 200, 'floor ports');
	assert.match(r.body, /<h1>Floor ports<\/h1>/);
	assert.deepEqual([...r.body.matchAll(/<h2 id="floor-\d+">([^<]*)<small>/g)].map((m) => m[1].trim()),
		['Ground floor', 'Level 1', 'Level 2']);
	const p = portRows(r.body);
	assert.equal(Object.keys(p).length, 36);
	assert.deepEqual(p['CW-G-01'].cells, ['CW-G-01', 'CW-G-sw1', '1', 'Occupier LAN', 'Acme Analytics Ltd', 'Active']);
	assert.deepEqual(p['CW-G-03'].cells, ['CW-G-03', 'CW-G-sw1', '3', 'Occupier LAN', 'Acme Analytics Ltd', 'Inactive']);
	assert.deepEqual(p['CW-G-07'].cells, ['CW-G-07', 'CW-G-sw1', '7', 'Public IP', 'Unassigned', 'Inactive']);
	assert.deepEqual(p['CW-G-09'].cells.slice(3), ['Voice', 'Unassigned', 'Inactive']);
	assert.deepEqual(p['CW-G-11'].cells.slice(3), ['Wi-Fi access point', 'Unassigned', 'Inactive']);
	assert.deepEqual(p['CW-G-12'].cells.slice(3), ['Operator', 'Unassigned', 'Active']);
	// What each row offers: held and active → deactivate; held and inactive → activate, unassign.
	assert.deepEqual(p['CW-G-01'].actions, ['deactivate']);
	assert.deepEqual(p['CW-G-03'].actions, ['activate', 'unassign']);
	assert.deepEqual(p['CW-G-04'].actions, []);
	// The role choices, and the occupiers of the site to assign to.
	const roles = [...r.body.matchAll(/<select id="b-role"[\s\S]*?<\/select>/g)][0][0];
	assert.deepEqual([...roles.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => decode(m[2])),
		["Keep each port's role", 'Occupier LAN', 'Public IP', 'Voice', 'Wi-Fi access point', 'Operator', 'Disabled']);
	// The occupier picker searches the occupiers with a contract at the site.
	assert.match(r.body, new RegExp(`<input id="b-occupier" name="occupier_occ" value="" [^>]*data-pick="/occupiers/search\\?site=${cw}"`));
	const offered = await admin.get(`/occupiers/search?site=${cw}&q=Acme`);
	assert.match(offered.body, /<option value="[^"]*">Acme Analytics Ltd[^<]*<\/option>/);
	assert.ok(!r.body.includes('Zephyr'), "no other operator's occupier");
	// The edit panel of one port.
	const e = await admin.get(`/sites/${cw}/ports?port=${portId('CW-G-03')}`);
	assertHtml(e, 200, 'edit panel');
	assert.match(e.text, /Floor port CW-G-03 Switch CW-G-sw1, switch port 3 · Inactive/);
	assert.match(e.body, /<input id="e-occupier" name="occupier_occ" value="Acme Analytics Ltd"/);
	assert.match(e.body, /<select id="e-role" name="role">[\s\S]*?<option value="occupier_lan" selected>Occupier LAN<\/option>/);
	// A port of another site is not found here.
	assertHtml(await admin.get(`/sites/${cw}/ports?port=${portId('SD-G-01')}`), 404, 'port of another site');
	assertHtml(await admin.get(`/sites/${cw}/ports?port=abc`), 404, 'junk port');
});

test('assign one port, several at once, correct the role, unassign; refusals name the fraction', async () => {
	const { occ, name, contract } = await newOccupier(sd, 'Ports test');
	// Internet (LAN only) + Public IP (/29): 1 + 2 = 3 switch ports.
	await servicesOk(occ, sd, [{ service: svcId('inet-lan-100'), contract }, { service: svcId('public-ip-29'), contract }]);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '0/3');

	// One port, keeping its role.
	await portsOk('assign', ['SD-G-01'], [['occupier', String(occ)], ['role', '']]);
	assert.deepEqual(port('SD-G-01'), { holder: occ, role: 'occupier_lan', state: 'inactive' });
	assert.equal(auditCount('floor_port', portId('SD-G-01'), 'assign'), 1);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'floor_port' AND id > ${auditMark}
		AND entity_id = ${portId('SD-G-01')} AND occupier_id = ${occ} AND site_id = ${sd}
		AND new_value LIKE '%role=occupier_lan%state=inactive'`)), 1, 'audit names holder, role and state');
	// Several at once, with the role corrected.
	await portsOk('assign', ['SD-G-05', 'SD-G-06'], [['occupier', String(occ)], ['role', 'public_ip']]);
	assert.deepEqual(port('SD-G-05'), { holder: occ, role: 'public_ip', state: 'inactive' });
	assert.deepEqual(port('SD-G-06'), { holder: occ, role: 'public_ip', state: 'inactive' });
	// Held, not active: the Services tab counts active ports only.
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '0/3');
	const list = portRows((await admin.get(`/sites/${sd}/ports`)).body);
	assert.deepEqual(list['SD-G-05'].cells.slice(3), ['Public IP', name, 'Inactive']);

	// A fourth port: beyond the allocation (3 held of 3).
	let r = await portsRefused('assign', ['SD-G-02'], [['occupier', String(occ)], ['role', '']]);
	assert.deepEqual(errorsOf(r.body), [`${name}: Switch ports 3/3: add a service with switch ports before assigning another port.`]);
	// The screen keeps the input: the box checked, the occupier chosen.
	assert.ok(portRows(r.body)['SD-G-02'].checked);
	assert.ok(!portRows(r.body)['SD-G-03'].checked);
	assert.ok(r.body.includes(`<input id="b-occupier" name="occupier_occ" value="${name}"`), 'the occupier chosen');
	// Two more when one fits.
	await portsOk('unassign', ['SD-G-06']);
	assert.deepEqual(port('SD-G-06'), { holder: 0, role: 'public_ip', state: 'inactive' });
	r = await portsRefused('assign', ['SD-G-02', 'SD-G-03'], [['occupier', String(occ)], ['role', 'voice']]);
	assert.deepEqual(errorsOf(r.body), [`${name}: Switch ports 2/3: add a service with switch ports before assigning 2 more ports (1 more fits).`]);
	assert.ok(portRows(r.body)['SD-G-02'].checked && portRows(r.body)['SD-G-03'].checked);
	assert.match(r.body, /<select id="b-role" name="role">[\s\S]*?<option value="voice" selected>Voice<\/option>/);

	// Correct the role of a held port (op=role), then through the edit panel.
	await portsOk('role', ['SD-G-01'], [['role', 'voice']]);
	assert.deepEqual(port('SD-G-01'), { holder: occ, role: 'voice', state: 'inactive' });
	assert.equal(auditCount('floor_port', portId('SD-G-01'), 'role'), 1);
	await portsOk('edit', ['SD-G-01'], [['occupier', String(occ)], ['role', 'occupier_lan']]);
	assert.deepEqual(port('SD-G-01'), { holder: occ, role: 'occupier_lan', state: 'inactive' });
	// The edit panel assigns a free port too (2 held of 3), and unassigns.
	await portsOk('edit', ['SD-G-02'], [['occupier', String(occ)], ['role', 'occupier_lan']]);
	assert.equal(port('SD-G-02').holder, occ);
	await portsOk('edit', ['SD-G-02'], [['occupier', ''], ['role', 'occupier_lan']]);
	assert.equal(port('SD-G-02').holder, 0);

	// Activate: now a Switch port in use.
	await portsOk('activate', ['SD-G-01']);
	assert.deepEqual(port('SD-G-01'), { holder: occ, role: 'occupier_lan', state: 'active' });
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '1/3');
	// Activating again changes nothing and is not an error.
	const s0 = snapshot();
	await portsOk('activate', ['SD-G-01']);
	assert.equal(snapshot(), s0);

	// Refusals, each leaving everything as it was.
	r = await portsRefused('unassign', ['SD-G-01']);
	assert.deepEqual(errorsOf(r.body), ['SD-G-01 is active: deactivate it before unassigning it.']);
	r = await portsRefused('edit', ['SD-G-01'], [['occupier', ''], ['role', 'occupier_lan']]);
	assert.deepEqual(errorsOf(r.body), ['SD-G-01 is active: deactivate it before unassigning it.']);
	assert.match(r.body, /<h2 id="edit-title">Floor port SD-G-01<\/h2>/, 'the edit panel stays open');
	const other = await newOccupier(sd, 'Ports other');
	await servicesOk(other.occ, sd, [{ service: svcId('inet-lan-100'), contract: other.contract }]);
	r = await portsRefused('assign', ['SD-G-05'], [['occupier', String(other.occ)], ['role', '']]);
	assert.deepEqual(errorsOf(r.body), [`SD-G-05 is held by ${name}: unassign it first.`]);
	r = await portsRefused('activate', ['SD-G-04']);
	assert.deepEqual(errorsOf(r.body), ['SD-G-04 is unassigned: assign it to an occupier before activating it.']);
	r = await portsRefused('edit', ['SD-G-04'], [['occupier', String(occ)], ['role', 'operator']]);
	assert.deepEqual(errorsOf(r.body), ['SD-G-04: an Operator port cannot be held by an occupier; choose another switch port role.']);
	r = await portsRefused('role', ['SD-G-01'], [['role', 'disabled']]);
	assert.deepEqual(errorsOf(r.body), ['SD-G-01 is active: deactivate it before disabling it.']);
	await portsOk('role', ['SD-G-05'], [['role', 'disabled']]);
	r = await portsRefused('activate', ['SD-G-05']);
	assert.deepEqual(errorsOf(r.body), ['SD-G-05 is Disabled: choose another switch port role before activating it.']);
	// One refused port refuses the whole request: SD-G-01 is fine, SD-G-04 is not.
	r = await portsRefused('activate', ['SD-G-04', 'SD-G-05']);
	assert.equal(errorsOf(r.body).length, 2);
	r = await portsRefused('assign', [], [['occupier', String(occ)]]);
	assert.deepEqual(errorsOf(r.body), ['Select at least one floor port.']);
	r = await portsRefused('assign', ['SD-G-07'], [['occupier', '']]);
	assert.deepEqual(errorsOf(r.body), ['Choose the occupier to assign the floor ports to.']);
	r = await portsRefused('role', ['SD-G-07'], [['role', '']]);
	assert.deepEqual(errorsOf(r.body), ['Choose the switch port role.']);

	// Activation beyond the allocation: remove the Public IP service (Y 3 → 1)
	// while one port is active; the two held ports stay assigned.
	await portsOk('role', ['SD-G-05'], [['role', 'public_ip']]);
	await servicesOk(occ, sd, currentRows(occ, sd).filter((x) => Number(x.service) === svcId('inet-lan-100')));
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '1/1');
	r = await portsRefused('activate', ['SD-G-05']);
	assert.deepEqual(errorsOf(r.body), [`${name}: Switch ports 1/1: add a service with switch ports before activating another port.`]);

	// Deactivate and unassign: back to nothing.
	await portsOk('deactivate', ['SD-G-01']);
	assert.equal(port('SD-G-01').state, 'inactive');
	assert.equal(auditCount('floor_port', portId('SD-G-01'), 'deactivate'), 1);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '0/1');
	await portsOk('unassign', ['SD-G-01', 'SD-G-05']);
	assert.equal(port('SD-G-01').holder, 0);
	assert.equal(port('SD-G-05').holder, 0);
	assert.equal(auditCount('floor_port', portId('SD-G-05'), 'unassign'), 1);
});

test("Acme: the Services tab's numerators follow activation (Public IP addresses 2/5 → 3/5, Switch ports 2/3 → 3/3)", async () => {
	let infra = await servicesInfra(acme, cw);
	assert.equal(infra['Public IP addresses'], '2/5');
	assert.equal(infra['Switch ports'], '2/3');
	const dev = await admin.get(devicesPath(acme, cw));
	assertHtml(dev, 200, 'Devices tab');
	assert.match(dev.body, new RegExp(`<a href="/occupiers/${acme}/sites/${cw}/devices" aria-current="page">Devices</a>`));
	assert.deepEqual(infraOf(dev.body), infra, 'the Devices tab shows the same fractions');
	assert.match(dev.text, /Public IP addresses 2\/5 Address Block State Device MAC/);
	assert.match(dev.text, /203\.0\.113\.2 203\.0\.113\.0\/29 Active 00:1b:21:ac:00:01/);
	assert.match(dev.text, /203\.0\.113\.4 203\.0\.113\.0\/29 Assigned/);
	assert.match(dev.text, /Switch ports 2\/3 Label Floor Switch Switch port Role State CW-G-01 Ground floor CW-G-sw1 1 Occupier LAN Active/);
	assert.match(dev.body, new RegExp(`<a href="/occupiers/${acme}/sites/${cw}/telephony">`));

	const ip = ipId('203.0.113.4');
	await devOk(acme, cw, { op: 'ip_activate', ip, mac: ' AA-BB-CC-00-11-22 ' });
	assert.deepEqual(db(`SELECT state, device_mac FROM public_ip WHERE id = ${ip}`), [['active', 'aa:bb:cc:00:11:22']]);
	assert.equal(auditCount('public_ip', ip, 'activate'), 1);
	infra = await servicesInfra(acme, cw);
	assert.equal(infra['Public IP addresses'], '3/5');

	await portsOk('activate', ['CW-G-03'], [], cw);
	infra = await servicesInfra(acme, cw);
	assert.equal(infra['Switch ports'], '3/3');
	// All three held ports active: nothing more to assign.
	const r = await portsRefused('assign', ['CW-G-04'], [['occupier', String(acme)], ['role', '']], cw);
	assert.deepEqual(errorsOf(r.body), ['Acme Analytics Ltd: Switch ports 3/3: add a service with switch ports before assigning another port.']);

	await devOk(acme, cw, { op: 'ip_deactivate', ip });
	assert.deepEqual(db(`SELECT state, device_mac FROM public_ip WHERE id = ${ip}`), [['assigned', null]]);
	await portsOk('deactivate', ['CW-G-03'], [], cw);
	infra = await servicesInfra(acme, cw);
	assert.equal(infra['Public IP addresses'], '2/5');
	assert.equal(infra['Switch ports'], '2/3');
});

test('public IP addresses: a bad MAC keeps the input, an active one is not re-activated, activation beyond the allocation is refused', async () => {
	const ip = ipId('203.0.113.5');
	let r = await devRefused(acme, cw, { op: 'ip_activate', ip, mac: 'not-a-mac' });
	assert.deepEqual(errorsOf(r.body), ['Device MAC address must be six pairs of hexadecimal digits, such as 3c:22:fb:12:34:56.']);
	assert.match(r.body, new RegExp(`<input id="mac-${ip}" name="mac" value="not-a-mac"[^>]*aria-invalid="true"`));
	r = await devRefused(acme, cw, { op: 'ip_activate', ip, mac: 'ff:ff:ff:ff:ff:ff' });
	assert.deepEqual(errorsOf(r.body), ["Device MAC address is a multicast or broadcast address: give the device's own address."]);
	r = await devRefused(acme, cw, { op: 'ip_activate', ip, mac: '' });
	assert.deepEqual(errorsOf(r.body), ['Device MAC address is required.']);
	r = await devRefused(acme, cw, { op: 'ip_activate', ip: ipId('203.0.113.2'), mac: '00:1b:21:ac:00:09' });
	assert.deepEqual(errorsOf(r.body), ['203.0.113.2 is already active (device 00:1b:21:ac:00:01): deactivate it to change its device.']);

	// An address left with an occupier that has no Public IP service (Y = 0).
	const { occ } = await newOccupier(sd, 'IP test');
	const free = Number(dbValue(`SELECT MIN(id) FROM public_ip WHERE site_id = ${sd} AND state = 'free'`));
	db(`UPDATE public_ip SET occupier_id = ${occ}, state = 'assigned' WHERE id = ${free}`);
	r = await devRefused(occ, sd, { op: 'ip_activate', ip: free, mac: '02:00:00:00:00:01' });
	assert.deepEqual(errorsOf(r.body), ['Public IP addresses 0/0: add a Public IP service before activating another address.']);
	assert.match(r.body, new RegExp(`<input id="mac-${free}" name="mac" value="02:00:00:00:00:01"`), 'the MAC typed is kept');
});

/* ---- Wi-Fi devices and accounts -------------------------------------------- */

test('Wi-Fi devices: register (MAC normalised), activate within the allocation, refused beyond it, deactivate, remove', async () => {
	const { occ, contract } = await newOccupier(sd, 'Wi-Fi test');
	// Internet (LAN + Wi-Fi): 10 Wi-Fi devices; Wi-Fi Secure accounts (5): 5 accounts.
	await servicesOk(occ, sd, [{ service: svcId('inet-wifi-100'), contract },
		{ service: svcId('wifi-accounts-5'), contract }]);
	// Locally administered MACs of this run (02:xx:...), typed four ways.
	const m = rnd(3);
	const [b, c, d] = [m.slice(0, 2), m.slice(2, 4), m.slice(4, 6)];
	const layouts = (k) => {
		const h = (10 + k).toString(16).padStart(2, '0');
		return [`02:${b}:${c}:${d}:00:${h}`.toUpperCase(), `02-${b}-${c}-${d}-00-${h}`, `02${b}.${c}${d}.00${h}`,
			`02${b}${c}${d}00${h}`.toUpperCase()][k % 4];
	};
	for (let k = 0; k < 11; k++)
		await devOk(occ, sd, { op: 'register', type: 'wifi_device', identifier: layouts(k), label: `Laptop ${k + 1}` });
	const macs = db(`SELECT identifier, label, state FROM device WHERE occupier_id = ${occ} AND type = 'wifi_device' ORDER BY identifier`);
	assert.equal(macs.length, 11);
	assert.ok(macs.every(([mac, , st]) => mac === `02:${b}:${c}:${d}:00:${mac.slice(-2)}` && /^[0-9a-f]{2}$/.test(mac.slice(-2)) &&
		st === 'registered'), 'stored lower case with colons');
	const ids = macs.map(([m]) => deviceId(occ, sd, m));
	assert.equal(auditCount('device', ids[0], 'register'), 1);
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '0/10', 'registered is not in use');
	for (const id of ids.slice(0, 10))
		await devOk(occ, sd, { op: 'activate', device: id });
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '10/10');
	let r = await devRefused(occ, sd, { op: 'activate', device: ids[10] });
	assert.deepEqual(errorsOf(r.body), ['Wi-Fi devices 10/10: add a Wi-Fi devices pack before activating another device.']);
	assert.match(r.text, /Wi-Fi devices 10\/10 MAC address Label State/);
	// An active device is deactivated before it is removed.
	r = await devRefused(occ, sd, { op: 'remove', device: ids[0] });
	assert.deepEqual(errorsOf(r.body), [`${macs[0][0]} is active: deactivate it before removing it.`]);
	await devOk(occ, sd, { op: 'deactivate', device: ids[0] });
	assert.equal(deviceState(ids[0]), 'registered');
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '9/10');
	await devOk(occ, sd, { op: 'activate', device: ids[10] });
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '10/10');
	await devOk(occ, sd, { op: 'remove', device: ids[0] });
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM device WHERE id = ${ids[0]}`)), 0);
	assert.deepEqual(['register', 'activate', 'deactivate', 'remove'].map((a) => auditCount('device', ids[0], a)), [1, 1, 1, 1]);

	// Two activations racing for the last place: exactly one wins.
	await devOk(occ, sd, { op: 'deactivate', device: ids[1] });
	await devOk(occ, sd, { op: 'register', type: 'wifi_device', identifier: `02:${b}:${c}:${d}:01:00` });
	const racer = deviceId(occ, sd, `02:${b}:${c}:${d}:01:00`);
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '9/10');
	await admin.get(devicesPath(occ, sd));
	const race = await Promise.all([ids[1], racer].map((device) =>
		admin.post(devicesPath(occ, sd), { op: 'activate', device })));
	assert.deepEqual(race.map((x) => x.status).sort(), [303, 422], 'one activation, one refusal');
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi devices'], '10/10');
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${occ} AND state = 'active'
		AND type = 'wifi_device'`)), 10);

	// Wi-Fi accounts of the same occupier: 5 allocated.
	const account = `finance.${m}`, shouted = `Finance.${m.toUpperCase()}`;
	await devOk(occ, sd, { op: 'register', type: 'wifi_account', identifier: account, label: 'Finance' });
	const acc = deviceId(occ, sd, account);
	// Names are unique at the site whatever their case.
	r = await devRefused(occ, sd, { op: 'register', type: 'wifi_account', identifier: shouted, label: '' });
	assert.ok(r.body.includes(`<p class="err" id="e-identifier-wifi_account">${shouted} is already registered at Shoreditch.</p>`));
	r = await devRefused(occ, sd, { op: 'register', type: 'wifi_account', identifier: 'two words', label: 'x' });
	assert.match(r.body, /<p class="err" id="e-identifier-wifi_account">Account name may contain only letters A-Z and a-z, digits and \. _ @ -\.<\/p>/);
	assert.equal(inputValue(r.body.slice(r.body.indexOf('id="wifi-accounts"')), 'identifier'), 'two words', 'input kept');
	r = await devRefused(occ, sd, { op: 'register', type: 'wifi_account', identifier: 'ab' });
	assert.match(r.body, /Account name must be at least 3 characters\./);
	await devOk(occ, sd, { op: 'activate', device: acc });
	assert.equal((await servicesInfra(occ, sd))['Wi-Fi accounts'], '1/5');
});

test('Delta Robotics: 12 devices, 9 active of 30; activation within; accounts refused with none allocated', async () => {
	const dev = await admin.get(devicesPath(delta, cw));
	assertHtml(dev, 200, 'Delta devices');
	const infra = infraOf(dev.body);
	assert.equal(infra['Wi-Fi devices'], '9/30');
	assert.equal(infra['Wi-Fi accounts'], '0/0');
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${delta} AND type = 'wifi_device'`)), 12);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${delta} AND type = 'wifi_account'
		AND state = 'registered'`)), 3);
	const phone = deviceId(delta, cw, '3c:22:fb:4d:00:0a');
	await devOk(delta, cw, { op: 'activate', device: phone });
	assert.equal((await servicesInfra(delta, cw))['Wi-Fi devices'], '10/30');
	await devOk(delta, cw, { op: 'deactivate', device: phone });
	assert.equal((await servicesInfra(delta, cw))['Wi-Fi devices'], '9/30');
	const r = await devRefused(delta, cw, { op: 'activate', device: deviceId(delta, cw, 'alice.ng@delta-robotics') });
	assert.deepEqual(errorsOf(r.body), ['Wi-Fi accounts 0/0: add Wi-Fi Secure accounts before activating another account.']);
});

test('register: an invalid MAC comes back with the message and the input; duplicates are refused', async () => {
	let r = await devRefused(acme, cw, { op: 'register', type: 'wifi_device', identifier: '12:34:56:78:9a', label: 'Kiosk' });
	assert.match(r.body, /<p class="err" id="e-identifier-wifi_device">MAC address must be six pairs of hexadecimal digits, such as 3c:22:fb:12:34:56\.<\/p>/);
	const form = r.body.slice(r.body.indexOf('id="wifi-devices"'));
	assert.equal(inputValue(form, 'identifier'), '12:34:56:78:9a');
	assert.equal(inputValue(form, 'label'), 'Kiosk');
	assert.match(form, /<div class="field invalid"><label for="f-identifier-wifi_device">/);
	r = await devRefused(acme, cw, { op: 'register', type: 'wifi_device', identifier: '01:00:5e:00:00:fb' });
	assert.match(r.text, /MAC address is a multicast or broadcast address/);
	r = await devRefused(acme, cw, { op: 'register', type: 'wifi_device', identifier: '' });
	assert.match(r.text, /MAC address is required/);
	// Delta's Laptop 01, typed differently, for Acme at the same site.
	r = await devRefused(acme, cw, { op: 'register', type: 'wifi_device', identifier: '3C-22-FB-4D-00-01', label: 'Mine' });
	assert.match(r.body, /<p class="err" id="e-identifier-wifi_device">3c:22:fb:4d:00:01 is already registered at Canary Wharf\.<\/p>/);
	// Malformed requests.
	for (const f of [{ op: 'register', type: 'phone', identifier: 'x' }, { op: 'explode' }, { op: 'activate', device: 'x' },
		{ op: 'ip_activate', ip: '-1', mac: '02:00:00:00:00:01' }, {}]) {
		const b = await unchanged(JSON.stringify(f), () => devOp(acme, cw, f));
		assertHtml(b, 400, JSON.stringify(f));
	}
	for (const f of [[['op', 'zap'], ['port', '1']], [['op', 'activate'], ['port', 'x']], [['port', '1']]]) {
		await admin.get(`/sites/${sd}/ports`);
		const b = await unchanged(JSON.stringify(f), () => postPairs(admin, `/sites/${sd}/ports`, f));
		assertHtml(b, 400, JSON.stringify(f));
	}
});

/* ---- the internet upgrade ------------------------------------------------------ */

test("the seed's internet upgrade: add the new service, activate its port, then remove the old one", async () => {
	const { occ, contract } = await newOccupier(sd, 'Upgrade test');
	const lan = svcId('inet-lan-100'), wifi = svcId('inet-wifi-100');
	await servicesOk(occ, sd, [{ service: lan, contract, price: '90.00' }]);
	const [oldRow] = currentRows(occ, sd);
	assert.equal(dbValue(`SELECT activated_at FROM occupier_service WHERE id = ${oldRow.id}`), null, 'waits for its device');
	// Assign and activate a port: the LAN service starts.
	await portsOk('assign', ['SD-1-01'], [['occupier', String(occ)], ['role', 'occupier_lan']]);
	await portsOk('activate', ['SD-1-01']);
	assert.equal(dbValue(`SELECT activated_at FROM occupier_service WHERE id = ${oldRow.id}`), TODAY);
	assert.equal(auditCount('occupier_service', oldRow.id, 'activate'), 1);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '1/1');
	// Add the upgraded service: it waits for its device too.
	await servicesOk(occ, sd, [...currentRows(occ, sd), { service: wifi, contract, price: '110.00' }]);
	const newRow = currentRows(occ, sd).find((x) => Number(x.service) === wifi);
	assert.equal(dbValue(`SELECT activated_at FROM occupier_service WHERE id = ${newRow.id}`), null);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '1/2');
	await portsOk('assign', ['SD-1-02'], [['occupier', String(occ)], ['role', '']]);
	await portsOk('activate', ['SD-1-02']);
	assert.equal(dbValue(`SELECT activated_at FROM occupier_service WHERE id = ${newRow.id}`), TODAY);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '2/2');
	// Removing the old one while both ports are in use is refused.
	const before_ = snapshot();
	const r = await saveServices(occ, sd, currentRows(occ, sd).filter((x) => x.id !== oldRow.id));
	assert.equal(r.status, 422, `remove refused: ${r.text.slice(0, 300)}`);
	assert.match(r.text, /Switch ports: 2 in use, 1 allocated/);
	assert.equal(snapshot(), before_, 'the refused save changed nothing');
	// Deactivate one port: now the old service can go.
	await portsOk('deactivate', ['SD-1-01']);
	await servicesOk(occ, sd, currentRows(occ, sd).filter((x) => x.id !== oldRow.id));
	assert.equal(dbValue(`SELECT ended_at FROM occupier_service WHERE id = ${oldRow.id}`), TODAY);
	assert.equal((await servicesInfra(occ, sd))['Switch ports'], '1/1');
	await portsOk('unassign', ['SD-1-01']);
});

/* ---- isolation and roles ----------------------------------------------------------- */

test("another operator's ids, and ids of another occupier or site → 404; nothing changes", async () => {
	const hh3 = portId('HH-G-03');
	const zDevice = Number(dbValue(`SELECT id FROM device WHERE occupier_id = ${zephyr}`));
	const hhIp = Number(dbValue(`SELECT MIN(id) FROM public_ip WHERE site_id = ${harbour}`));
	for (const p of [`/sites/${harbour}/ports`, devicesPath(zephyr, harbour), devicesPath(acme, harbour),
		devicesPath(zephyr, cw), `/sites/999999999/ports`, devicesPath(999999999, cw)]) {
		const r = await admin.get(p);
		assertHtml(r, 404, p);
		assert.ok(!r.body.includes('Harbour') && !r.body.includes('Zephyr') && !r.body.includes('HH-'), `${p} leaks nothing`);
	}
	const cases = [
		['foreign site', () => postPairs(admin, `/sites/${harbour}/ports`, [['op', 'activate'], ['port', String(hh3)]])],
		['foreign port', () => postPairs(admin, `/sites/${cw}/ports`, [['op', 'activate'], ['port', String(hh3)]])],
		['port of another site', () => postPairs(admin, `/sites/${cw}/ports`, [['op', 'deactivate'], ['port', String(portId('SD-G-12'))]])],
		['foreign occupier', () => postPairs(admin, `/sites/${cw}/ports`, [['op', 'assign'], ['port', String(portId('CW-G-04'))],
			['occupier', String(zephyr)], ['role', '']])],
		['unknown occupier', () => postPairs(admin, `/sites/${cw}/ports`, [['op', 'assign'], ['port', String(portId('CW-G-04'))],
			['occupier', '999999999'], ['role', '']])],
		['foreign device', () => admin.post(devicesPath(acme, cw), { op: 'activate', device: zDevice })],
		["Delta's device on Acme's tab", () => admin.post(devicesPath(acme, cw),
			{ op: 'deactivate', device: deviceId(delta, cw, '3c:22:fb:4d:00:01') })],
		["Acme's address on Delta's tab", () => admin.post(devicesPath(delta, cw),
			{ op: 'ip_deactivate', ip: ipId('203.0.113.2') })],
		['foreign address', () => admin.post(devicesPath(acme, cw), { op: 'ip_activate', ip: hhIp, mac: '02:00:00:00:00:01' })],
		['foreign occupier tab', () => admin.post(devicesPath(zephyr, harbour), { op: 'activate', device: zDevice })],
		['register at a foreign site', () => admin.post(devicesPath(acme, harbour),
			{ op: 'register', type: 'wifi_device', identifier: '02:00:00:00:00:77' })],
	];
	await admin.get(`/sites/${cw}/ports`);
	for (const [what, fn] of cases) {
		const r = await unchanged(what, fn);
		assertHtml(r, 404, what);
		assert.ok(!r.body.includes('Zephyr') && !r.body.includes('HH-'), `${what} leaks nothing`);
	}
	// Eastwind's admin does not see Northwind's.
	const east = await signedIn(EASTWIND_ADMIN);
	for (const p of [`/sites/${cw}/ports`, devicesPath(acme, cw)])
		assertHtml(await east.get(p), 404, `Eastwind: ${p}`);
	const own = await east.get(`/sites/${harbour}/ports`);
	assertHtml(own, 200, "Eastwind's own ports");
	assert.deepEqual(portRows(own.body)['HH-G-01'].cells.slice(4), ['Zephyr Secret Holdings', 'Active']);
	assert.ok(!own.body.includes('Acme'));
});

test('occupier roles get 403 on both screens; operator staff may use them', async () => {
	for (const email of [OCC_ADMIN, OCC_USER]) {
		const c = await signedIn(email);
		for (const p of [`/sites/${cw}/ports`, devicesPath(acme, cw)]) {
			assertHtml(await c.get(p), 403, `${email} GET ${p}`);
			const r = await unchanged(`${email} POST ${p}`, () => c.post(p, { op: 'activate', port: portId('CW-G-03'), device: 1 }));
			assert.equal(r.status, 403, `${email} POST ${p}`);
		}
	}
	const ip = ipId('203.0.113.6');
	await staff.get(devicesPath(acme, cw));
	const r = await staff.post(devicesPath(acme, cw), { op: 'ip_activate', ip, mac: '02:00:00:00:00:66' });
	assertRedirect(r, `${devicesPath(acme, cw)}?done=saved`, 'staff activates');
	const d = await staff.post(devicesPath(acme, cw), { op: 'ip_deactivate', ip });
	assertRedirect(d, `${devicesPath(acme, cw)}?done=saved`, 'staff deactivates');
	assert.equal(dbValue(`SELECT state FROM public_ip WHERE id = ${ip}`), 'assigned');
	// Without the CSRF token: 403, nothing done.
	const x = await unchanged('no csrf', () => staff.post(devicesPath(acme, cw), { op: 'ip_activate', ip, mac: '02:00:00:00:00:66' }, { csrf: false }));
	assert.equal(x.status, 403);
});
