// occupier-spaces.test.mjs: the occupier's Contracts tab shows the spaces
// each contract holds with their floor and the floor ports in them; an
// operator admin puts a floor port in a space from the port's screen
// (audited; an archived space refused with a message by the field, staff
// 403, another operator 404).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, assertHtml, db, dbValue, rnd, signedIn, siteId } from './lib.mjs';

const tag = `OSp ${rnd(4)}`;
let port = 0, portSpace = null;

after(() => {
	if (port) db(`UPDATE floor_port SET space_id = ${portSpace === null ? 'NULL' : portSpace} WHERE id = ${port}`);
	db(`DELETE cs FROM contract_space cs JOIN space s ON s.id = cs.space_id WHERE s.name LIKE '${tag}%'`);
	db(`DELETE FROM space WHERE name LIKE '${tag}%'`);
	db(`DELETE FROM floor WHERE name LIKE '${tag}%'`);
});

test('the demo\'s offices: Acme\'s contract holds Suite G.01 with its six ports, made and audited by the operations', async () => {
	const staff = await signedIn(STAFF);
	const cw = siteId('Canary Wharf');
	const acme = dbValue("SELECT id FROM occupier WHERE name = 'Acme Analytics Ltd'");
	const tab = await staff.get(`/occupiers/${acme}/sites/${cw}/contracts`);
	assertHtml(tab, 200, 'Acme contracts');
	assert.match(tab.text, /Suite G\.01 \(suite, Ground floor; ports CW-G-01, CW-G-02, CW-G-03, CW-G-04, CW-G-05, CW-G-06\)/);
	const suite = dbValue("SELECT id FROM space WHERE name = 'Suite G.01'");
	assert.deepEqual(db(`SELECT entity, action FROM audit_event WHERE (entity = 'space' AND entity_id = ${suite})
		OR (entity = 'contract_space' AND occupier_id = ${acme} AND new_value LIKE '%space=Suite G.01')
		ORDER BY entity, action`), [['contract_space', 'assign'], ['space', 'create']]);
});

test('a floor port is put in a space on its screen; the occupier page shows the office and its ports', async () => {
	const admin = await signedIn(ADMIN);
	const staff = await signedIn(STAFF);
	const east = await signedIn(EASTWIND_ADMIN);
	const cw = siteId('Canary Wharf');
	await admin.get(`/sites/${cw}/floors/new`);
	assert.equal((await admin.post(`/sites/${cw}/floors/new`, { name: `${tag} L7`, level: '7' })).status, 303);
	const floor = dbValue(`SELECT id FROM floor WHERE name = '${tag} L7'`);
	await admin.get(`/sites/${cw}/spaces/new`);
	for (const name of ['Office', 'Old'])
		assert.equal((await admin.post(`/sites/${cw}/spaces/new`, { floor, name: `${tag} ${name}`, kind: 'office', capacity: '4' })).status, 303);
	const space = dbValue(`SELECT id FROM space WHERE name = '${tag} Office'`);
	const old = dbValue(`SELECT id FROM space WHERE name = '${tag} Old'`);
	db(`UPDATE space SET archived = 1 WHERE id = ${old}`);
	const [pid, label, ps] = db(`SELECT id, label, COALESCE(space_id, 0) FROM floor_port WHERE site_id = ${cw} ORDER BY id LIMIT 1`)[0];
	port = pid;
	portSpace = ps === '0' ? null : ps;

	// The port's edit panel shows its space and the link that changes it.
	const panel = await admin.get(`/sites/${cw}/ports?port=${port}`);
	assertHtml(panel, 200, 'ports edit panel');
	assert.match(panel.body, new RegExp(`href="/sites/${cw}/ports/${port}/space"`));
	assert.doesNotMatch((await staff.get(`/sites/${cw}/ports?port=${port}`)).body, /\/space"/, 'staff: no link');
	const form = await admin.get(`/sites/${cw}/ports/${port}/space`);
	assertHtml(form, 200, 'port space');
	assert.match(form.text, new RegExp(`Space of floor port ${label}`));
	assert.doesNotMatch(form.text, new RegExp(`${tag} Old`), 'archived space not offered');

	// An archived space: refused by the field, choice kept, nothing saved.
	const bad = await admin.post(`/sites/${cw}/ports/${port}/space`, { space: old });
	assert.equal(bad.status, 422);
	assert.match(bad.text, new RegExp(`${tag} Old is archived`));
	assert.match(bad.body, /id="e-space"/);
	assert.match(bad.body, new RegExp(`<option value="${old}" selected>`));
	assert.equal(dbValue(`SELECT COALESCE(space_id, 0) FROM floor_port WHERE id = ${port}`), ps);

	// Staff may not; another operator's site, port and space are not found.
	assert.equal((await staff.get(`/sites/${cw}/ports/${port}/space`)).status, 403);
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${cw}/ports/${port}/space`, { space })).status, 404);
	assert.equal((await admin.post(`/sites/${cw}/ports/999999999/space`, { space })).status, 404);
	assert.equal((await admin.post(`/sites/${cw}/ports/${port}/space`, { space: '999999999' })).status, 404);

	const moves = () => Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'floor_port' AND entity_id = ${port} AND action = 'space'`));
	const moved = moves();	// the demo puts its first ports in a suite
	const ok = await admin.post(`/sites/${cw}/ports/${port}/space`, { space });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(dbValue(`SELECT space_id FROM floor_port WHERE id = ${port}`), space);
	assert.equal(moves(), moved + 1, 'one audit event');
	assert.match((await admin.get(`/sites/${cw}/ports?port=${port}`)).text, new RegExp(`Space: ${tag} Office`));

	// A contract holds the space: its occupier's Contracts tab shows the
	// office, its floor and the port in it.
	const [k, occ, ref] = db(`SELECT id, occupier_id, reference FROM contract WHERE site_id = ${cw} AND end_date IS NULL ORDER BY id LIMIT 1`)[0];
	const before = await staff.get(`/occupiers/${occ}/sites/${cw}/contracts`);
	assertHtml(before, 200, 'occupier contracts');
	assert.doesNotMatch(before.text, new RegExp(`${tag} Office`));
	assert.equal((await staff.post(`/occupiers/${occ}/contracts/${k}/spaces`, { action: 'assign', space })).status, 303);
	const tab = await staff.get(`/occupiers/${occ}/sites/${cw}/contracts`);
	assert.match(tab.text, new RegExp(`${ref} .*${tag} Office \\(office, ${tag} L7; ports [^)]*${label}`));

	// Back to none.
	assert.equal((await admin.post(`/sites/${cw}/ports/${port}/space`, { space: '' })).status, 303);
	assert.equal(dbValue(`SELECT COALESCE(space_id, 0) FROM floor_port WHERE id = ${port}`), '0');
	assert.match((await staff.get(`/occupiers/${occ}/sites/${cw}/contracts`)).text, new RegExp(`${tag} Office \\(office, ${tag} L7; no floor ports\\)`));
});
