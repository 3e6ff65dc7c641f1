// estate-spaces.test.mjs: operator admins add floors and spaces, archive
// an unused space; staff assign a space to a contract (one contract at a
// time) and unassign it; refusals on the form, 403 for staff on the
// estate forms, 404 for another operator's site.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, assertHtml, db, dbValue, rnd, signedIn, siteId } from './lib.mjs';

const tag = `Sp ${rnd(4)}`;

after(() => {
	db(`DELETE cs FROM contract_space cs JOIN space s ON s.id = cs.space_id WHERE s.name LIKE '${tag}%'`);
	db(`DELETE FROM space WHERE name LIKE '${tag}%'`);
	db(`DELETE FROM floor WHERE name LIKE '${tag}%'`);
});

test('floors and spaces: add, refuse, archive; a contract holds a space, one at a time', async () => {
	const admin = await signedIn(ADMIN);
	const staff = await signedIn(STAFF);
	const east = await signedIn(EASTWIND_ADMIN);
	const cw = siteId('Canary Wharf');
	assertHtml(await admin.get(`/sites/${cw}/floors`), 200, 'floors');
	await admin.get(`/sites/${cw}/floors/new`);
	const f = await admin.post(`/sites/${cw}/floors/new`, { name: `${tag} L9`, level: '9' });
	assert.equal(f.status, 303, f.text.slice(0, 300));
	const floor = dbValue(`SELECT id FROM floor WHERE name = '${tag} L9'`);
	const dupf = await admin.post(`/sites/${cw}/floors/new`, { name: `${tag} L9`, level: '9' });
	assert.equal(dupf.status, 422);
	assert.match(dupf.text, /Another floor of this site already has this name/);

	await admin.get(`/sites/${cw}/spaces/new`);
	const s = await admin.post(`/sites/${cw}/spaces/new`, { floor, name: `${tag} Office 1`, kind: 'office', capacity: '6' });
	assert.equal(s.status, 303, s.text.slice(0, 300));
	const space = dbValue(`SELECT id FROM space WHERE name = '${tag} Office 1'`);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'space' AND entity_id = ${space} AND action = 'create'`), '1');
	for (const [fields, field, msg] of [
		[{ floor, name: `${tag} Office 1`, kind: 'office', capacity: '6' }, 'name', /Another space on this floor already has this name/],
		[{ floor, name: `${tag} X`, kind: 'castle', capacity: '6' }, 'kind', /Kind/],
		[{ floor, name: `${tag} X`, kind: 'desk', capacity: '0' }, 'capacity', /Capacity/],
	]) {
		const e = await admin.post(`/sites/${cw}/spaces/new`, fields);
		assert.equal(e.status, 422, JSON.stringify(fields));
		assert.match(e.text, msg);
		assert.match(e.body, new RegExp(`id="e-${field}"`));
	}
	assert.equal(dbValue(`SELECT COUNT(*) FROM space WHERE name LIKE '${tag}%'`), '1', 'nothing more saved');
	const ed = await admin.post(`/sites/${cw}/spaces/${space}/edit`, { floor, name: `${tag} Office 1`, kind: 'suite', capacity: '8' });
	assert.equal(ed.status, 303);
	assert.deepEqual(db(`SELECT kind, capacity FROM space WHERE id = ${space}`), [['suite', '8']]);

	// Staff may not set up; another operator's site and space are not found.
	assert.equal((await staff.get(`/sites/${cw}/spaces/new`)).status, 403);
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${cw}/spaces/${space}/edit`, { floor, name: 'Hijack', kind: 'desk', capacity: '1' })).status, 404);
	assert.equal((await east.post(`/sites/${cw}/spaces/${space}/archive`, {})).status, 404);

	// Two contracts at the site whose dates meet: the space goes to one.
	const [k1, occ] = db(`SELECT id, occupier_id FROM contract WHERE site_id = ${cw} AND end_date IS NULL ORDER BY id LIMIT 1`)[0];
	const other = db(`SELECT id, occupier_id FROM contract WHERE site_id = ${cw} AND end_date IS NULL AND id <> ${k1} ORDER BY id LIMIT 1`)[0];
	const page = await staff.get(`/occupiers/${occ}/contracts/${k1}/spaces`);
	assertHtml(page, 200, 'contract spaces');
	const a = await staff.post(`/occupiers/${occ}/contracts/${k1}/spaces`, { action: 'assign', space });
	assert.equal(a.status, 303, a.text.slice(0, 300));
	const held = await staff.get(`/occupiers/${occ}/contracts/${k1}/spaces`);
	assert.match(held.text, new RegExp(`${tag} Office 1 suite 8 ${tag} L9`));
	assert.match((await admin.get(`/sites/${cw}/floors`)).text, new RegExp(`${tag} Office 1 Suite 8 None .*\\(`));
	if (other) {
		const b = await staff.post(`/occupiers/${other[1]}/contracts/${other[0]}/spaces`, { action: 'assign', space });
		assert.equal(b.status, 422);
		assert.match(b.text, /is held by contract .* over these dates/);
		assert.equal(dbValue(`SELECT COUNT(*) FROM contract_space WHERE space_id = ${space}`), '1');
	}
	assert.equal((await staff.post(`/occupiers/${occ}/contracts/${k1}/spaces`, { action: 'assign', space: '' })).status, 422);
	// A space held cannot be archived.
	const ar = await admin.post(`/sites/${cw}/spaces/${space}/archive`, {});
	assert.equal(ar.status, 409);
	assert.match(ar.text, /is in use \(1 contract, 0 floor ports\) and cannot be archived/);
	// Another operator's contract: not found.
	assert.equal((await east.post(`/occupiers/${occ}/contracts/${k1}/spaces`, { action: 'unassign', space })).status, 404);
	const u = await staff.post(`/occupiers/${occ}/contracts/${k1}/spaces`, { action: 'unassign', space });
	assert.equal(u.status, 303);
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract_space WHERE space_id = ${space}`), '0');
	db(`DELETE FROM contract_space WHERE space_id = ${space}`);
	// Unused once no contract row is left: archived.
	const ok = await admin.post(`/sites/${cw}/spaces/${space}/archive`, {});
	assert.equal(ok.status, 303);
	assert.equal(dbValue(`SELECT archived FROM space WHERE id = ${space}`), '1');
});
