// Occupiers: list, search by name, paging, create, edit, version conflicts,
// operator isolation and roles.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, STAFF, assertHtml, assertRedirect, db, dbValue,
	TODAY, inputValue, occupierId, operatorId, q, rnd, signedIn, siteId, tableRows, textareaValue,
} from './lib.mjs';

let admin, staff, NW, zephyr, harbour, cw, sd;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	NW = operatorId('Northwind Workspaces');
	zephyr = occupierId('Zephyr Secret Holdings');
	harbour = siteId('Harbour House');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
});

/* Names of the operator's occupiers in list order, as the list pages them. */
function dbNames(offset, limit, like = '') {
	return db(`SELECT name FROM occupier WHERE operator_id = ${NW}
		AND INSTR(name, ${q(like)}) > 0 ORDER BY name, id LIMIT ${limit} OFFSET ${offset}`).map((r) => r[0]);
}

/* Create an occupier through the form; returns its id. */
async function create(c, fields) {
	await c.get('/occupiers/new');
	const r = await c.post('/occupiers/new', { version: '0', ...fields });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, `create ${fields.name}`);
	return Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
}

test('the list shows the demo occupiers with billing reference, sites and active contracts', async () => {
	const r = await admin.get('/occupiers');
	assertHtml(r, 200, '/occupiers');
	assert.match(r.text, /Occupiers/);
	const total = Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE operator_id = ${NW}`));
	assert.ok(total >= 30);
	assert.match(r.text, new RegExp(`\\b${total} occupiers\\b`), 'the count of all Northwind occupiers');
	const rows = tableRows(r.body);
	assert.equal(rows.length, 25, '25 per page');
	assert.deepEqual(rows.map((x) => x[0]), dbNames(0, 25), 'page 1 in name order');
	const expect = {
		'Acme Analytics Ltd': ['ACME-001', 'Canary Wharf', '1'],
		'Blue Finch Design': ['BFD-002', 'Canary Wharf', '0'],
		'Cobalt Legal LLP': ['COB-003', 'Shoreditch', '0'],
		'Delta Robotics': ['DEL-004', 'Canary Wharf', '1'],
		'Fjord Media': ['FJM-006', 'Canary Wharf, Shoreditch', '2'],
		"O'Brien & Sons": ['OBS-007', 'Shoreditch', '1'],
		'Lumen Energy': ['LUE-013', 'Canary Wharf', '0'],
		'Northstar Recruitment': ['NSR-015', 'Shoreditch', '0'],
	};
	for (const [name, cells] of Object.entries(expect)) {
		const s = await admin.get(`/occupiers?q=${encodeURIComponent(name)}`);
		assertHtml(s, 200, `search ${name}`);
		assert.deepEqual(tableRows(s.body), [[name, ...cells]], name);
	}
	assert.ok(!r.text.includes('Zephyr'), "another operator's occupier is not listed");
});

test('Sites lists each site once, in name order; Active contracts counts those running today', async () => {
	const name = `Columns ${rnd()}`;
	db(`INSERT INTO occupier (operator_id, name, billing_ref, notes) VALUES (${NW}, ${q(name)}, 'COL-1', '')`);
	const id = Number(dbValue(`SELECT id FROM occupier WHERE name = ${q(name)}`));
	const row = async () => tableRows((await admin.get(`/occupiers?q=${encodeURIComponent(name)}`)).body);
	assert.deepEqual(await row(), [[name, 'COL-1', '—', '0']], 'no contract: no site, none active');
	const day = (n) => `DATE_ADD(${q(TODAY)}, INTERVAL ${n} DAY)`;
	const add = (site, start, end) => db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference,
		start_date, end_date) VALUES (${NW}, ${id}, ${site}, ${q(`COL-${rnd()}`)}, ${start}, ${end})`);
	add(sd, day(-40), day(-1));	// ended yesterday
	add(cw, day(1), 'NULL');	// starts tomorrow
	assert.deepEqual(await row(), [[name, 'COL-1', 'Canary Wharf, Shoreditch', '0']],
		'every site with a contract, in name order (Shoreditch was added first); none running today');
	add(sd, day(-10), 'NULL');	// open-ended, running
	add(sd, q(TODAY), q(TODAY));	// today only
	add(cw, day(-3), day(30));	// running
	assert.deepEqual(await row(), [[name, 'COL-1', 'Canary Wharf, Shoreditch', '3']],
		'each site once; a contract counts from its start day to its end day, both included');
	db(`DELETE FROM contract WHERE occupier_id = ${id}`);
	db(`DELETE FROM occupier WHERE id = ${id}`);
});

test('search by name: q=Fjord finds Fjord Media only, case-insensitively', async () => {
	for (const term of ['Fjord', 'fjord', 'FJORD']) {
		const r = await admin.get(`/occupiers?q=${encodeURIComponent(term)}`);
		assertHtml(r, 200, `q=${term}`);
		const rows = tableRows(r.body);
		assert.deepEqual(rows.map((x) => x[0]), ['Fjord Media'], `q=${term}`);
		assert.equal(inputValue(r.body, 'q'), term, 'the search box keeps the text');
	}
	const one = await admin.get('/occupiers?q=Fjord');
	assert.match(one.text, /\b1 occupier\b/);
	const mid = await admin.get('/occupiers?q=ord%20Med');
	assert.deepEqual(tableRows(mid.body).map((x) => x[0]), ['Fjord Media'], 'matches inside the name');
	const none = await admin.get(`/occupiers?q=NoSuchName${rnd()}`);
	assertHtml(none, 200, 'no match');
	assert.deepEqual(tableRows(none.body), []);
	assert.match(none.text, /No occupier name or billing reference contains “NoSuchName[0-9a-f]+”\./);
	assert.match(none.text, /\b0 occupiers\b/);
	const z = await admin.get('/occupiers?q=Zephyr');
	assert.deepEqual(tableRows(z.body), [], "no other operator's occupier in a search");
});

test('search with LIKE metacharacters matches them literally', async () => {
	const sfx = rnd(4);
	const pct = await create(admin, { name: `Percent 100% Club ${sfx}` });
	const und = await create(admin, { name: `Under_score Ltd ${sfx}` });
	const bsl = await create(admin, { name: `Back\\slash Ltd ${sfx}` });
	assert.ok(pct && und && bsl);
	const total = Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE operator_id = ${NW}`));
	for (const [term, like] of [['%', '%'], ['_', '_'], ['\\', '\\'], ['100%', '100%'], ['%%', '%%'],
		['e_s', 'e_s'], ['Ltd%', 'Ltd%']]) {
		const r = await admin.get(`/occupiers?q=${encodeURIComponent(term)}`);
		assertHtml(r, 200, `q=${term}`);
		const names = tableRows(r.body).map((x) => x[0]);
		const want = dbNames(0, 25, like);
		assert.deepEqual(names, want, `q=${term} matches names containing it literally`);
		assert.ok(names.length < total, `q=${term} does not match everything`);
		for (const n of names)
			assert.ok(n.includes(term), `"${n}" contains "${term}"`);
	}
	const r = await admin.get(`/occupiers?q=${encodeURIComponent('100%')}`);
	assert.ok(tableRows(r.body).some((x) => x[0] === `Percent 100% Club ${sfx}`));
	const u = await admin.get(`/occupiers?q=${encodeURIComponent('Under_score')}`);
	assert.deepEqual(tableRows(u.body).map((x) => x[0]).filter((n) => n.endsWith(sfx)), [`Under_score Ltd ${sfx}`]);
});

test('paging: 25 per page, page 2 exists and continues the list', async () => {
	const total = Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE operator_id = ${NW}`));
	const pages = Math.ceil(total / 25);
	assert.ok(pages >= 2);
	const p1 = await admin.get('/occupiers');
	assert.match(p1.text, new RegExp(`Page 1 of ${pages}`));
	assert.match(p1.body, /<a rel="next" href="\/occupiers\?q=&amp;page=2">/);
	assert.doesNotMatch(p1.body, /rel="prev"/);
	const p2 = await admin.get('/occupiers?page=2');
	assertHtml(p2, 200, 'page 2');
	assert.match(p2.text, new RegExp(`Page 2 of ${pages}`));
	assert.match(p2.body, /<a rel="prev" href="\/occupiers\?q=&amp;page=1">/);
	const rows2 = tableRows(p2.body).map((x) => x[0]);
	assert.deepEqual(rows2, dbNames(25, 25), 'page 2 is rows 26-50');
	const ids = (r) => [...r.body.matchAll(/<td[^>]*><a href="\/occupiers\/(\d+)">/g)].map((m) => Number(m[1]));
	const ids1 = ids(p1), ids2 = ids(p2);
	assert.equal(ids1.length, 25);
	assert.equal(ids2.length, Math.min(25, total - 25));
	assert.ok(ids2.every((i) => !ids1.includes(i)), 'page 2 does not repeat page 1');
	assert.deepEqual([...ids1, ...ids2], db(`SELECT id FROM occupier WHERE operator_id = ${NW}
		ORDER BY name, id LIMIT 50`).map((x) => Number(x[0])), 'pages 1 and 2 in list order, by id');
	const rows1 = tableRows(p1.body).map((x) => x[0]);
	// Junk page numbers fall back to page 1.
	for (const junk of ['0', '-1', 'abc', '2x']) {
		const r = await admin.get(`/occupiers?page=${junk}`);
		assertHtml(r, 200, `page=${junk}`);
		assert.deepEqual(tableRows(r.body).map((x) => x[0]), rows1, `page=${junk}`);
	}
	// Paging a search keeps the search: 27 occupiers share a random tag.
	const tag = `Pager${rnd(4)}`;
	db(`INSERT INTO occupier (operator_id, name, notes) VALUES ${Array.from({ length: 27 },
		(_, i) => `(${NW}, ${q(`${tag} ${String(i + 1).padStart(2, '0')}`)}, '')`).join(', ')}`);
	const s1 = await admin.get(`/occupiers?q=${tag}`);
	assert.match(s1.text, /\b27 occupiers\b/);
	assert.match(s1.text, /Page 1 of 2/);
	assert.match(s1.body, new RegExp(`<a rel="next" href="/occupiers\\?q=${tag}&amp;page=2">`));
	assert.equal(tableRows(s1.body).length, 25);
	const s2 = await admin.get(`/occupiers?q=${tag}&page=2`);
	assertHtml(s2, 200, 'search page 2');
	assert.match(s2.text, /Page 2 of 2/);
	assert.match(s2.body, new RegExp(`<a rel="prev" href="/occupiers\\?q=${tag}&amp;page=1">`));
	assert.doesNotMatch(s2.body, /rel="next"/);
	assert.deepEqual(tableRows(s2.body).map((x) => x[0]), [`${tag} 26`, `${tag} 27`]);
});

test('the list follows every change of the names, also writes made outside Tenantry', async () => {
	// Each worker keeps the page keys of a search per version of the
	// operator's names (bumped by triggers): every page, asked of every
	// worker, must be what the database says now, after each kind of write.
	const tag = `Keys${rnd(4)}`;
	const names = [];
	for (let i = 0; i < 30; i++)
		names.push(`${tag} ${String.fromCharCode(97 + (i % 26))}${i >= 26 ? ' 2' : ''}`);
	// Case-only twins sort as equals under the collation: the tie is the id.
	names.push(`${tag} A`, `${tag} a`, `${tag} b `);
	db(`INSERT INTO occupier (operator_id, name, notes) VALUES ${names.map((n) => `(${NW}, ${q(n)}, '')`).join(', ')}`);
	const ids = (r) => [...r.body.matchAll(/<td[^>]*><a href="\/occupiers\/(\d+)">/g)].map((m) => Number(m[1]));
	const expectPages = async (why) => {
		const want = db(`SELECT id FROM occupier WHERE operator_id = ${NW}
			AND INSTR(name, ${q(tag)}) > 0 ORDER BY name, id`).map((x) => Number(x[0]));
		const pages = Math.max(1, Math.ceil(want.length / 25));
		for (let round = 0; round < 6; round++) {
			for (let p = 1; p <= pages; p++) {
				const r = await admin.get(`/occupiers?q=${tag}&page=${p}`);
				assertHtml(r, 200, `${why}: page ${p}`);
				assert.match(r.text, new RegExp(`\\b${want.length} occupiers?\\b`), `${why}: total`);
				assert.deepEqual(ids(r), want.slice((p - 1) * 25, p * 25), `${why}: page ${p}, round ${round}`);
			}
		}
		return want;
	};
	let want = await expectPages('inserted by SQL');
	assert.equal(want.length, 33);
	// Past the last page: the last page, not an empty list.
	const past = await admin.get(`/occupiers?q=${tag}&page=9`);
	assert.match(past.text, /Page 2 of 2/);
	assert.deepEqual(ids(past), want.slice(25));

	db(`INSERT INTO occupier (operator_id, name, notes) VALUES (${NW}, ${q(`${tag} 0 first`)}, '')`);
	want = await expectPages('one more, sorting first');
	assert.equal(want.length, 34);

	db(`UPDATE occupier SET name = ${q(`${tag} zz last`)} WHERE id = ${want[0]}`);
	want = await expectPages('renamed by SQL to sort last');
	assert.equal(want.length, 34);

	db(`UPDATE occupier SET name = ${q(`renamed away ${rnd(4)}`)} WHERE id = ${want[1]}`);
	db(`DELETE FROM occupier WHERE id = ${want[2]}`);
	want = await expectPages('renamed out of the search, and one deleted');
	assert.equal(want.length, 32);

	// Renamed through the edit form: the list follows at once.
	const id = want[want.length - 1];
	const form = await admin.get(`/occupiers/${id}/edit`);
	const r = await admin.post(`/occupiers/${id}/edit`, {
		version: inputValue(form.body, 'version'), name: `${tag} 00 top`,
		billing_ref: '', contact_email: '', notes: '',
	});
	assertRedirect(r, new RegExp(`^/occupiers/${id}\\?done=saved$`), 'edit');
	want = await expectPages('renamed through the form');
	assert.equal(want[0], id);
	// A search no occupier matches: the empty state, on any page.
	const none = await admin.get(`/occupiers?q=${tag}-none&page=3`);
	assert.match(none.text, /0 occupiers/);
	assert.equal(ids(none).length, 0);
});

test('the plain list counts and pages from the kept count: every kind of write moves it, any worker', async () => {
	const EW = operatorId('Eastwind Offices');
	const kept = (op) => Number(dbValue(`SELECT occupiers FROM occupier_names WHERE operator_id = ${op}`));
	const count = (op) => Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE operator_id = ${op}`));
	const ids = (r) => [...r.body.matchAll(/<td[^>]*><a href="\/occupiers\/(\d+)">/g)].map((m) => Number(m[1]));
	const expectList = async (why) => {
		assert.equal(kept(NW), count(NW), `${why}: Northwind's kept count`);
		assert.equal(kept(EW), count(EW), `${why}: Eastwind's kept count`);
		const total = count(NW);
		const pages = Math.ceil(total / 25);
		for (let round = 0; round < 4; round++)
			for (const p of [1, 2, pages]) {
				const r = await admin.get(`/occupiers?page=${p}`);
				assertHtml(r, 200, `${why}: page ${p}`);
				assert.match(r.text, new RegExp(`\\b${total} occupiers\\b`), `${why}: total`);
				assert.match(r.text, new RegExp(`Page ${p} of ${pages}`), `${why}: page ${p} of ${pages}`);
				assert.deepEqual(ids(r), db(`SELECT id FROM occupier WHERE operator_id = ${NW}
					ORDER BY name, id LIMIT 25 OFFSET ${(p - 1) * 25}`).map((x) => Number(x[0])), `${why}: page ${p}`);
			}
		const past = await admin.get(`/occupiers?page=${pages + 3}`);
		assert.match(past.text, new RegExp(`Page ${pages} of ${pages}`), `${why}: past the last page`);
	};
	await expectList('as seeded');
	const tag = `Count${rnd(4)}`;
	db(`INSERT INTO occupier (operator_id, name, notes) VALUES ${Array.from({ length: 26 },
		(_, i) => `(${NW}, ${q(`${tag} ${i}`)}, '')`).join(', ')}`);
	await expectList('26 inserted by SQL');
	const [a, b] = db(`SELECT id FROM occupier WHERE operator_id = ${NW} AND name LIKE ${q(`${tag}%`)} ORDER BY id LIMIT 2`)
		.map((x) => Number(x[0]));
	db(`DELETE FROM occupier WHERE id = ${a}`);
	await expectList('one deleted');
	db(`UPDATE occupier SET operator_id = ${EW} WHERE id = ${b}`);
	await expectList('one moved to another operator');
	db(`UPDATE occupier SET operator_id = ${NW}, name = ${q(`${tag} back`)} WHERE id = ${b}`);
	await expectList('moved back and renamed');
	await create(admin, { name: `${tag} through the form`, billing_ref: '', contact_email: '', notes: '' });
	await expectList('created through the form');
});

test('create: redirect, flash "Created.", stored for the operator, one audit event', async () => {
	const name = `Create Test ${rnd()}`;
	const form = await admin.get('/occupiers/new');
	assertHtml(form, 200, 'new form');
	assert.equal(inputValue(form.body, 'name'), '');
	const r = await admin.post('/occupiers/new', {
		name, billing_ref: 'CT-1', contact_email: 'billing@create.example', notes: 'Some notes', version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create');
	const id = Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
	const r2 = await admin.get(r.location);
	assertRedirect(r2, `/occupiers/${id}/move-in?done=moving_in`, 'a new occupier → the move-in, step 2');
	const step2 = await admin.get(r2.location);
	assertHtml(step2, 200, 'move-in step 2');
	assert.match(step2.body, new RegExp(`<p class="flash" role="status">${name} created\\.`));
	const r3 = await admin.get(`/occupiers/${id}`);
	assertRedirect(r3, `/occupiers/${id}/sites/${cw}/services`, 'occupier → its first site, Services tab');
	assert.doesNotMatch(step2.body, /<p class="flash" role="status">Created\.<\/p>/, 'one flash, the move-in\'s own');
	const page = await admin.get(r3.location);
	assertHtml(page, 200, 'occupier page');
	assert.doesNotMatch(page.body, /class="flash"/, 'the flash was shown once, on the move-in');
	assert.match(page.body, new RegExp(`<h1>${name}</h1>`));
	assert.match(page.text, /Billing reference: CT-1/);
	assert.match(page.text, /It is empty here\./);
	const contracts = await admin.get(`/occupiers/${id}/sites/${cw}/contracts`);
	assert.match(contracts.text, new RegExp(`It is empty here: ${name} has no contract at Canary Wharf\\.`));
	assert.deepEqual(db(`SELECT operator_id, name, billing_ref, contact_email, notes, version
		FROM occupier WHERE id = ${id}`)[0],
		[String(NW), name, 'CT-1', 'billing@create.example', 'Some notes', '1']);
	const audit = db(`SELECT operator_id, occupier_id, user_id, action, old_value, new_value
		FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id}`);
	const adminId = dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`);
	assert.deepEqual(audit, [[String(NW), String(id), adminId, 'create', null,
		`name=${name}\nbilling_ref=CT-1\ncontact_email=billing@create.example\nnotes=Some notes`]]);
	// Without ?done= there is no flash.
	const plain = await admin.get(`/occupiers/${id}/sites/${cw}/contracts`);
	assert.doesNotMatch(plain.body, /class="flash"/);
	// Unknown done codes show nothing.
	const odd = await admin.get(`/occupiers/${id}/sites/${cw}/contracts?done=%3Cb%3E`);
	assert.doesNotMatch(odd.body, /class="flash"/);
});

test('edit: the form holds the current values; a save redirects with "Changes saved."', async () => {
	const name = `Edit Test ${rnd()}`;
	const id = await create(admin, { name, billing_ref: 'ED-1' });
	const form = await admin.get(`/occupiers/${id}/edit`);
	assertHtml(form, 200, 'edit form');
	assert.equal(inputValue(form.body, 'name'), name);
	assert.equal(inputValue(form.body, 'billing_ref'), 'ED-1');
	assert.equal(inputValue(form.body, 'version'), '1');
	const r = await admin.post(`/occupiers/${id}/edit`, {
		name: `${name} renamed`, billing_ref: 'ED-2', contact_email: '', notes: 'n', version: '1' });
	assertRedirect(r, `/occupiers/${id}?done=saved`, 'save');
	const page = await admin.follow(r.location);
	assertHtml(page, 200, 'after save');
	assert.match(page.body, /<p class="flash" role="status">Changes saved\.<\/p>/);
	assert.match(page.text, new RegExp(`${name} renamed`));
	assert.deepEqual(db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${id}`)[0],
		[`${name} renamed`, 'ED-2', 'n', '2']);
	const audit = db(`SELECT action, old_value, new_value FROM audit_event
		WHERE entity = 'occupier' AND entity_id = ${id} ORDER BY id`);
	assert.equal(audit.length, 2, 'create + update');
	assert.deepEqual(audit[1], ['update', `name=${name}\nbilling_ref=ED-1\ncontact_email=\nnotes=`,
		`name=${name} renamed\nbilling_ref=ED-2\ncontact_email=\nnotes=n`]);
	// Required name on edit.
	const bad = await admin.post(`/occupiers/${id}/edit`, { name: '', billing_ref: 'ED-3', version: '2' });
	assertHtml(bad, 422, 'empty name on edit');
	assert.match(bad.text, /Name is required/);
	assert.match(bad.body, /<p class="err" id="e-name">Name is required<\/p>/);
	assert.equal(inputValue(bad.body, 'billing_ref'), 'ED-3', 'input kept');
	assert.equal(dbValue(`SELECT version FROM occupier WHERE id = ${id}`), '2', 'nothing saved');
});

test('version conflict: the second of two concurrent saves gets 409 and the first save stays', async () => {
	const name = `Conflict ${rnd()}`;
	const id = await create(admin, { name, billing_ref: 'CF-0', notes: 'original' });
	const fa = await admin.get(`/occupiers/${id}/edit`);
	const fs = await staff.get(`/occupiers/${id}/edit`);
	assert.equal(inputValue(fa.body, 'version'), '1');
	assert.equal(inputValue(fs.body, 'version'), '1');
	const first = await admin.post(`/occupiers/${id}/edit`, {
		name: `${name} by admin`, billing_ref: 'CF-A', notes: 'admin notes', version: inputValue(fa.body, 'version') });
	assertRedirect(first, `/occupiers/${id}?done=saved`, 'first save');
	const second = await staff.post(`/occupiers/${id}/edit`, {
		name: `${name} by staff`, billing_ref: 'CF-S', notes: 'staff notes', version: inputValue(fs.body, 'version') });
	assertHtml(second, 409, 'second save');
	assert.match(second.text, /This occupier was changed by someone else while you were editing\./);
	assert.match(second.text, /Your changes were not saved/);
	assert.deepEqual(db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${id}`)[0],
		[`${name} by admin`, 'CF-A', 'admin notes', '2'], 'the DB holds the first save');
	// The 409 page keeps the staff's input and shows what is there now.
	assert.equal(inputValue(second.body, 'name'), `${name} by staff`);
	assert.equal(inputValue(second.body, 'billing_ref'), 'CF-S');
	assert.match(second.text, new RegExp(`Current details Name ${name} by admin Billing reference CF-A`));
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id}`),
		'2', 'no audit event for the refused save');
	// Saving again from the conflict page (it carries the new version) overwrites deliberately.
	const v = inputValue(second.body, 'version');
	assert.equal(v, '2', 'the conflict form carries the current version');
	const again = await staff.post(`/occupiers/${id}/edit`, {
		name: `${name} by staff`, billing_ref: 'CF-S', notes: 'staff notes', version: v });
	assertRedirect(again, `/occupiers/${id}?done=saved`, 'save again');
	assert.deepEqual(db(`SELECT name, version FROM occupier WHERE id = ${id}`)[0], [`${name} by staff`, '3']);
	// A stale or forged version never overwrites.
	for (const stale of ['1', '0', '99']) {
		const s = await admin.post(`/occupiers/${id}/edit`, { name: 'Stale', version: stale });
		assertHtml(s, 409, `version ${stale}`);
	}
	assert.equal(dbValue(`SELECT name FROM occupier WHERE id = ${id}`), `${name} by staff`);
});

test("another operator's occupier → 404 on every occupier route, and never named", async () => {
	assert.ok(zephyr > 0 && harbour > 0);
	const ewContract = Number(dbValue(`SELECT id FROM contract WHERE occupier_id = ${zephyr} LIMIT 1`));
	const before_ = db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${zephyr}`)[0];
	const contracts = dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${zephyr}`);
	const responses = [];
	for (const p of [
		`/occupiers/${zephyr}`,
		`/occupiers/${zephyr}?done=saved`,
		`/occupiers/${zephyr}/edit`,
		`/occupiers/${zephyr}/sites/${harbour}/contracts`,
		`/occupiers/${zephyr}/sites/${cw}/contracts`,
		`/occupiers/${zephyr}/sites/${harbour}/contracts/new`,
		`/occupiers/${zephyr}/sites/${cw}/contracts/new`,
		`/occupiers/${zephyr}/contracts/${ewContract}/edit`,
	]) {
		const r = await admin.get(p);
		assertHtml(r, 404, `GET ${p}`);
		responses.push(r);
	}
	for (const p of [`/occupiers/${zephyr}/edit`, `/occupiers/${zephyr}/sites/${harbour}/contracts/new`,
		`/occupiers/${zephyr}/sites/${cw}/contracts/new`, `/occupiers/${zephyr}/contracts/${ewContract}/edit`]) {
		const r = await admin.post(p, { name: 'Taken over', billing_ref: 'X', reference: `X-${rnd()}`,
			start_date: '2026-01-01', version: before_[3] });
		assertHtml(r, 404, `POST ${p}`);
		responses.push(r);
	}
	assert.deepEqual(db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${zephyr}`)[0],
		before_, 'the Eastwind occupier is unchanged');
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${zephyr}`), contracts, 'no contract added');
	responses.push(await admin.get('/occupiers?q=Z'));
	responses.push(await admin.get('/sites'));
	responses.push(await admin.get(`/sites/${cw}`));
	for (const r of responses)
		assert.ok(!r.body.includes('Zephyr') && !r.body.includes('ZSH-EW1'), 'Zephyr never appears');
});

/* The options of a select of the page: [id, name, selected]. */
function siteSelect(body, id) {
	const m = new RegExp(`<select id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(body);
	return m ? [...m[1].matchAll(/<option value="(\d+)"( selected)?>([^<]*)<\/option>/g)]
		.map((x) => [Number(x[1]), x[3].replace(/&amp;/g, '&').replace(/ \(no contract\)$/, ''), Boolean(x[2])]) : [];
}

test("the site selector follows every change of the operator's sites, also writes made outside Tenantry", async () => {
	// Each worker keeps the operator's sites per version of its site list
	// (bumped by triggers, sql/011): every tab header, asked of every worker,
	// must list what the database says now, after each kind of write.
	const acme = occupierId('Acme Analytics Ltd');
	// The selector lists the sites where Acme has a contract (and the one
	// shown); "Start a contract at" the others: together every site.
	const options = (body) => [...siteSelect(body, 'site-select'), ...siteSelect(body, 'new-site-select')];
	const held = new Set(db(`SELECT DISTINCT site_id FROM contract WHERE occupier_id = ${acme}`).map(([x]) => Number(x)));
	const expectSites = async (why) => {
		const want = db(`SELECT id, name FROM site WHERE operator_id = ${NW} ORDER BY name, id`)
			.map(([id, name]) => [Number(id), name, Number(id) === cw]);
		const split = [...want.filter(([id]) => held.has(id) || id === cw),
			...want.filter(([id]) => !held.has(id) && id !== cw)];
		for (let round = 0; round < 6; round++) {
			for (const tab of ['services', 'contracts']) {
				const r = await admin.get(`/occupiers/${acme}/sites/${cw}/${tab}`);
				assertHtml(r, 200, `${why}: ${tab}`);
				assert.deepEqual(options(r.body), split, `${why}: ${tab}, round ${round}`);
			}
		}
		return want;
	};
	let want = await expectSites('as seeded');
	assert.ok(want.length >= 2);
	const tag = `Sites${rnd(4)}`;
	db(`INSERT INTO site (operator_id, name, address) VALUES (${NW}, ${q(`A ${tag}`)}, 'by SQL')`);
	want = await expectSites('a site added by SQL, sorting first');
	const added = want[0][0];
	assert.equal(want[0][1], `A ${tag}`);
	db(`UPDATE site SET name = ${q(`zz ${tag} & co`)} WHERE id = ${added}`);
	want = await expectSites('renamed by SQL to sort last');
	assert.equal(want[want.length - 1][0], added);
	db(`UPDATE site SET name = ${q(`ZZ ${tag} & CO`)} WHERE id = ${added}`);
	want = await expectSites('a case-only rename');
	assert.equal(want[want.length - 1][1], `ZZ ${tag} & CO`);
	const r = await admin.get(`/occupiers/${acme}/sites/${added}/services`);
	assertHtml(r, 200, 'the new site is a site of the occupier\'s header');
	db(`DELETE FROM site WHERE id = ${added}`);
	want = await expectSites('deleted by SQL');
	assert.ok(!want.some(([id]) => id === added));
	for (let round = 0; round < 6; round++)
		assert.equal((await admin.get(`/occupiers/${acme}/sites/${added}/services`)).status, 404,
			'a deleted site is a 404 in every worker');
});

test("the site selector of another operator's occupier → 404, not a redirect", async () => {
	for (const site of [cw, harbour]) {
		const r = await admin.get(`/occupiers/${zephyr}/site?site=${site}`);
		assertHtml(r, 404, `GET /occupiers/${zephyr}/site?site=${site}`);
	}
});

test('Eastwind sees only its own occupier', async () => {
	const ew = await signedIn(EASTWIND_ADMIN);
	const r = await ew.get('/occupiers');
	assertHtml(r, 200, 'Eastwind list');
	assert.deepEqual(tableRows(r.body).map((x) => x[0]), ['Zephyr Secret Holdings']);
	assert.match(r.text, /Eastwind Offices/);
	const acme = occupierId('Acme Analytics Ltd');
	assertHtml(await ew.get(`/occupiers/${acme}`), 404, "Eastwind opening Northwind's occupier");
	assertHtml(await ew.get(`/occupiers/${acme}/edit`), 404, 'Eastwind edit');
	assertRedirect(await ew.get(`/occupiers/${zephyr}`), `/occupiers/${zephyr}/sites/${harbour}/services`,
		'Eastwind opens its own occupier');
	await ew.post('/logout', {});
});

test('site selector: /occupiers/ID/site?site=S goes to that tab; foreign or junk sites → 404', async () => {
	const fjord = occupierId('Fjord Media');
	assertRedirect(await admin.get(`/occupiers/${fjord}/site?site=${sd}&tab=contracts`),
		`/occupiers/${fjord}/sites/${sd}/contracts`, 'to Shoreditch');
	assertRedirect(await admin.get(`/occupiers/${fjord}/site?site=${cw}&tab=nope`),
		`/occupiers/${fjord}/sites/${cw}/services`, 'unknown tab → services (the first tab)');
	for (const s of [String(harbour), 'abc', '0', '-1', '']) {
		const r = await admin.get(`/occupiers/${fjord}/site?site=${s}`);
		assertHtml(r, 404, `site=${s}`);
	}
	// The occupier page offers the operator's sites only.
	const page = await admin.get(`/occupiers/${fjord}/sites/${cw}/contracts`);
	const opts = siteSelect(page.body, 'site-select').map(([id, name, sel]) => [id, sel, name]);
	assert.deepEqual(opts, [[cw, true, 'Canary Wharf'], [sd, false, 'Shoreditch']]);
	assert.ok(siteSelect(page.body, 'new-site-select').every(([id]) => id !== cw && id !== sd &&
		dbValue(`SELECT operator_id FROM site WHERE id = ${id}`) === String(NW)), 'the others: the operator\'s');
});

test('occupier roles get 403 on the operator screens', async () => {
	const acme = occupierId('Acme Analytics Ltd');
	for (const email of [OCC_ADMIN, OCC_USER]) {
		const c = await signedIn(email);
		for (const p of ['/occupiers', '/occupiers/new', `/occupiers/${acme}`, `/occupiers/${acme}/edit`,
			`/occupiers/${acme}/sites/${cw}/contracts`, '/sites', `/sites/${cw}`]) {
			const r = await c.get(p);
			assertHtml(r, 403, `${email} GET ${p}`);
			assert.match(r.text, /403 Forbidden/);
		}
		const before_ = dbValue('SELECT COUNT(*) FROM occupier');
		const r = await c.post('/occupiers/new', { name: `By occupier ${rnd()}`, version: '0' });
		assertHtml(r, 403, `${email} POST /occupiers/new`);
		assert.equal(dbValue('SELECT COUNT(*) FROM occupier'), before_);
		// Their start page is not the operator's either: their own view.
		assertRedirect(await c.get('/'), '/my', `${email} /`);
		const home = await c.follow('/');
		assertHtml(home, 200, `${email} /my`);
		assert.doesNotMatch(home.text, /Occupiers/);
	}
});

test('operator staff can create and edit occupiers like the admin', async () => {
	const id = await create(staff, { name: `Staff made ${rnd()}` });
	const staffId = dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`);
	assert.equal(dbValue(`SELECT user_id FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id}`), staffId);
	const home = await staff.get('/');
	assertRedirect(home, '/dashboard', 'operator start page');
	assert.equal(textareaValue((await staff.get(`/occupiers/${id}/edit`)).body, 'notes'), '');
});

test('billing references are unique per operator: a second occupier with one is refused, input kept, nothing saved', async () => {
	const ref = `DUP-${rnd()}`;
	const first = await create(admin, { name: `Ref holder ${rnd()}`, billing_ref: ref });
	const holder = dbValue(`SELECT name FROM occupier WHERE id = ${first}`);
	const count = () => Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE operator_id = ${NW} AND billing_ref = ${q(ref)}`));
	await admin.get('/occupiers/new');
	const name = `Second ${rnd()}`;
	const r = await admin.post('/occupiers/new', { version: '0', name, billing_ref: ref, contact_email: '', notes: '' });
	assertHtml(r, 422, 'duplicate billing reference');
	assert.ok(r.text.includes(`Billing reference ${ref} is already used by ${holder}`), r.text.slice(0, 400));
	assert.equal(inputValue(r.body, 'name'), name);
	assert.equal(inputValue(r.body, 'billing_ref'), ref);
	assert.equal(count(), 1);
	// Editing: taking another occupier's reference is refused; keeping one's own is fine.
	const other = await create(admin, { name: `Other ${rnd()}`, billing_ref: `${ref}-B` });
	let form = await admin.get(`/occupiers/${other}/edit`);
	const e = await admin.post(`/occupiers/${other}/edit`, { version: inputValue(form.body, 'version'),
		name: 'Other renamed', billing_ref: ref, contact_email: '', notes: '' });
	assertHtml(e, 422, 'edit to a taken reference');
	assert.equal(count(), 1);
	form = await admin.get(`/occupiers/${first}/edit`);
	assertRedirect(await admin.post(`/occupiers/${first}/edit`, { version: inputValue(form.body, 'version'),
		name: 'Ref holder renamed', billing_ref: ref, contact_email: '', notes: '' }), new RegExp(`^/occupiers/${first}\\?done=saved$`), 'own ref');
	// Another operator may use the same reference (and is not told whose it is here).
	const ew = await signedIn(EASTWIND_ADMIN);
	await create(ew, { name: `Eastwind ref ${rnd()}`, billing_ref: ref });
});
