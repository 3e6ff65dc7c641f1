// estate-network.test.mjs: operator admins set up a site's network:
// switches, floor ports by a label pattern onto a switch port range, a
// CSV import of floor ports (preview, errors by line, all or nothing)
// and public IPv4 pools (CIDR split into /29s of 5 usable addresses,
// overlaps refused). Every refusal on the form with the input kept and
// nothing saved; staff may not (403); another operator's site is 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, STAFF, assertHtml, assertRedirect, db, dbValue, fieldA11y, inputValue, rnd, signedIn, siteId,
	textareaValue,
} from './lib.mjs';

let admin, staff, east, sd, floor;
const tag = `T${rnd(4)}`.toUpperCase();
const sw = `sw-${tag.toLowerCase()}`;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
	sd = siteId('Shoreditch');
	floor = dbValue(`SELECT id FROM floor WHERE site_id = ${sd} ORDER BY level LIMIT 1`);
});

// What was added goes again, so that later files see the demo estate.
after(() => {
	db(`DELETE FROM floor_port WHERE label LIKE '${tag}%'`);
	db(`DELETE FROM network_switch WHERE name LIKE '${sw}%'`);
	db("DELETE FROM public_ip WHERE address LIKE '198.51.100.%' AND block NOT IN"
		+ " ('198.51.100.0/29', '198.51.100.8/29', '198.51.100.16/29', '198.51.100.24/29')");
	db('DELETE FROM ip_pool');
});

function portCount() {
	return dbValue(`SELECT COUNT(*) FROM floor_port WHERE site_id = ${sd}`);
}

test('the network screen lists switches and pools; only operator admins see the forms', async () => {
	const r = await admin.get(`/sites/${sd}/network`);
	assertHtml(r, 200, 'network');
	assert.match(r.text, /SD-G-sw1/, 'the demo switches');
	assert.match(r.body, new RegExp(`href="/sites/${sd}/ports/new"`));
	assert.match((await admin.get(`/sites/${sd}`)).body, new RegExp(`href="/sites/${sd}/network"`));
	const s = await staff.get(`/sites/${sd}/network`);
	assertHtml(s, 200, 'staff see it');
	assert.doesNotMatch(s.body, /ports\/new|switches\/new|ips\/new|ports\/import/);
	for (const p of ['switches/new', 'ports/new', 'ports/import', 'ips/new'])
		assert.equal((await staff.get(`/sites/${sd}/${p}`)).status, 403, p);
	assert.equal((await east.get(`/sites/${sd}/network`)).status, 404);
});

test('an operator admin adds a switch; a taken name or a bad one is refused', async () => {
	await admin.get(`/sites/${sd}/switches/new`);
	const r = await admin.post(`/sites/${sd}/switches/new`, { name: sw, model: 'Acme 48', ports: '48' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assertRedirect(r, `/sites/${sd}/network?done=switch`);
	assert.deepEqual(db(`SELECT model, ports FROM network_switch WHERE site_id = ${sd} AND name = '${sw}'`), [['Acme 48', '48']]);
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'network_switch' AND site_id = ${sd}
		AND entity_id = (SELECT id FROM network_switch WHERE site_id = ${sd} AND name = '${sw}')`),
		new RegExp(`name=${sw}\nmodel=Acme 48\nports=48`), 'the event names the switch');
	assert.match((await admin.get(r.location)).text, /Switch added\./);
	const before_ = dbValue('SELECT COUNT(*) FROM network_switch');
	for (const [fields, field, msg] of [
		[{ name: sw, model: '', ports: '24' }, 'name', /Another switch of this site already has this name/],
		[{ name: 'sw 1', model: '', ports: '24' }, 'name', /Name must be 1 to 64 letters/],
		[{ name: `${sw}-b`, model: '', ports: '0' }, 'ports', /Ports/],
	]) {
		const e = await admin.post(`/sites/${sd}/switches/new`, fields);
		assert.equal(e.status, 422, JSON.stringify(fields));
		assert.match(e.text, msg);
		assert.match(e.body, new RegExp(`id="e-${field}"`));
		assert.equal(inputValue(e.body, 'name'), fields.name, 'input kept');
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM network_switch'), before_, 'nothing saved');
	await admin.post(`/sites/${sd}/switches/new`, { name: `${sw}-small`, model: '', ports: '8' });
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${sd}/switches/new`, { name: `${sw}-x`, model: '', ports: '8' })).status, 404);
	assert.equal((await staff.post(`/sites/${sd}/switches/new`, { name: `${sw}-y`, model: '', ports: '8' })).status, 403);
	assert.equal(dbValue(`SELECT COUNT(*) FROM network_switch WHERE name IN ('${sw}-x', '${sw}-y')`), '0');
});

test('floor ports by a pattern: 48 labels zero-padded onto ports 1-48 with the default role; every bad range refused', async () => {
	const form = await admin.get(`/sites/${sd}/ports/new`);
	assertHtml(form, 200, 'range form');
	assert.match(form.body, /<option value="disabled" selected>/, 'the default role');
	const before_ = portCount();
	const base = { floor, switch: sw, role: 'disabled' };
	for (const [fields, field, msg] of [
		[{ pattern: `${tag}-01`, ports: '1-48' }, 'pattern', /Pattern must be a label with one \{first\.\.last\} group/],
		[{ pattern: `${tag}-{48..01}`, ports: '1-48' }, 'pattern', /must not come before the first/],
		[{ pattern: `${tag}-{1..300}`, ports: '1-300' }, 'pattern', /at most 256 labels/],
		[{ pattern: `${tag}-{01..48}`, ports: '1-47' }, 'ports', /must count the same number of ports/],
		[{ pattern: `${tag}-{01..48}`, ports: 'one' }, 'ports', /Switch ports must be a range/],
		[{ pattern: `${tag}-{01..48}`, ports: '1-48', switch: 'no-such-switch' }, 'switch', /This site has no switch named no-such-switch/],
		[{ pattern: `${tag}-{01..10}`, ports: '1-10', switch: `${sw}-small` }, 'ports', /has ports 1 to 8/],
		[{ pattern: `${tag}-{01..02}`, ports: '1-2', switch: 'SD-G-sw1' }, 'ports', /Port 1 of SD-G-sw1 is already a floor port/],
		[{ pattern: 'SD-G-{01..02}', ports: '1-2' }, 'pattern', /already has a floor port labelled SD-G-01/],
	]) {
		const r = await admin.post(`/sites/${sd}/ports/new`, { ...base, ...fields });
		assert.equal(r.status, 422, `${JSON.stringify(fields)}: ${r.status}`);
		assert.match(r.text, msg);
		assert.match(r.body, new RegExp(`id="e-${field}"`), `the message by ${field}`);
		assert.equal(inputValue(r.body, 'pattern'), fields.pattern, 'input kept');
	}
	assert.equal(portCount(), before_, 'nothing saved');

	const r = await admin.post(`/sites/${sd}/ports/new`, { ...base, pattern: `${tag}-{01..48}`, ports: '1-48' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assertRedirect(r, `/sites/${sd}/network?done=ports&n=48`);
	const rows = db(`SELECT label, switch_port, role, state, COALESCE(occupier_id, 0), floor_id FROM floor_port
		WHERE switch_name = '${sw}' ORDER BY switch_port`);
	assert.equal(rows.length, 48);
	assert.deepEqual(rows[0], [`${tag}-01`, '1', 'disabled', 'inactive', '0', floor]);
	assert.deepEqual(rows[8].slice(0, 2), [`${tag}-09`, '9']);
	assert.deepEqual(rows[47].slice(0, 2), [`${tag}-48`, '48']);
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'floor_port' AND action = 'add_range'
		AND site_id = ${sd} ORDER BY id DESC LIMIT 1`), new RegExp(`switch=${sw}\nports=1-48\ncount=48\nrole=disabled`));
	assert.match((await admin.get(`/sites/${sd}/network`)).text, new RegExp(`${sw} Acme 48 48 48`));
	// The same labels again: duplicates refused, nothing added.
	const again = await admin.post(`/sites/${sd}/ports/new`, { ...base, pattern: `${tag}-{48..48}`, ports: '8', switch: `${sw}-small` });
	assert.equal(again.status, 422);
	assert.match(again.text, new RegExp(`already has a floor port labelled ${tag}-48`));
	assert.equal(dbValue(`SELECT COUNT(*) FROM floor_port WHERE switch_name = '${sw}-small'`), '0');
	// Another operator's site and floor: not found.
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${sd}/ports/new`, { ...base, pattern: `${tag}X{1..2}`, ports: '1-2' })).status, 404);
	const hh = siteId('Harbour House');
	const eastFloor = dbValue(`SELECT id FROM floor WHERE site_id = ${hh} LIMIT 1`);
	const foreign = await admin.post(`/sites/${sd}/ports/new`, { ...base, floor: eastFloor, pattern: `${tag}Y{1..2}`, ports: '1-2', switch: `${sw}-small` });
	assert.equal(foreign.status, 404, 'a floor of another operator');
});

/*
 * "Nothing was imported" is by the field the rows came from (key "file":
 * the upload, "csv": the paste box), which alone is marked invalid and
 * described by it (the file input by its hint too).
 */
const NOTHING = 'Nothing was imported: correct the file and try again';

function assertImportRefusedAt(html, key) {
	const other = key === 'file' ? 'csv' : 'file';
	const a = fieldA11y(html, `f-${key}`);
	const b = fieldA11y(html, `f-${other}`);
	assert.equal(a.attrs['aria-invalid'], 'true', `${key} aria-invalid`);
	assert.deepEqual(a.describedBy, key === 'file' ? ['h-file', 'e-file'] : ['e-csv']);
	assert.equal(a.described.at(-1), NOTHING, `the message by ${key}`);
	assert.match(html, new RegExp(`<div class="field invalid">\\s*<label for="f-${key}">`));
	assert.equal(b.attrs['aria-invalid'], undefined, `${other} not aria-invalid`);
	assert.deepEqual(b.describedBy, other === 'file' ? ['h-file'] : []);
	assert.match(html, new RegExp(`<div class="field">\\s*<label for="f-${other}">`));
	assert.doesNotMatch(html, new RegExp(`id="e-${other}"`));
	assert.match(html, new RegExp(`<li><a href="#f-${key}">${NOTHING}</a></li>`), 'the summary links to it');
}

/* Post a CSV to the import page, pasted (step preview or import). */
async function importCsv(c, csv, step = 'preview', fl = floor) {
	if (!c.csrf)
		await c.get(`/sites/${sd}/ports/import`);
	return c.post(`/sites/${sd}/ports/import`, { floor: fl, csv, step });
}

test('CSV import of floor ports: a preview, then all rows; a file with a bad row imports nothing, errors by line', async () => {
	const before_ = portCount();
	const bad = [
		'label,switch,port,role,space',
		`${tag}-C1,${sw}-small,1,occupier_lan,`,
		`${tag}-C2,${sw}-small,2,sideways,`,
		`${tag}-C1,${sw}-small,3,,`,
		`${tag}-C4,${sw}-small,9,voice,`,
		`${tag}-C5,nowhere,1,voice,`,
		`${tag}-C6,${sw}-small,4,voice,No such office`,
		`SD-G-01,${sw}-small,5,voice,`,
	].join('\n');
	const r = await importCsv(admin, bad);
	assert.equal(r.status, 422, r.text.slice(0, 300));
	assert.match(r.text, /Line 3: Role must be one of/);
	assert.match(r.text, /Line 4: Label .*-C1 is also on line 2/);
	assert.match(r.text, /Line 5: Switch .*-small has ports 1 to 8/);
	assert.match(r.text, /Line 6: This site has no switch named nowhere/);
	assert.match(r.text, /Line 7: This floor has no space named No such office/);
	assert.match(r.text, /Line 8: This site already has a floor port labelled SD-G-01/);
	assert.match(r.text, /Nothing was imported/);
	assert.equal(textareaValue(r.body, 'csv'), bad, 'the rows kept');
	assertImportRefusedAt(r.body, 'csv');
	assert.equal(portCount(), before_, 'nothing imported');
	// Even the import step of a bad file writes nothing.
	assert.equal((await importCsv(admin, bad, 'import')).status, 422);
	assert.equal(portCount(), before_, 'nothing imported');

	const good = `label,switch,port,role,space\n${tag}-C1,${sw}-small,1,occupier_lan,\n"${tag}-C2",${sw}-small,2,,\n${tag}-C3,${sw}-small,3,voice\n`;
	const p = await importCsv(admin, good);
	assertHtml(p, 200, 'preview');
	assert.match(p.text, /Preview: 3 floor ports/);
	assert.match(p.text, new RegExp(`${tag}-C2 ${sw}-small 2 disabled`));
	assert.equal(portCount(), before_, 'a preview writes nothing');
	const i = await importCsv(admin, textareaValue(p.body, 'csv'), 'import');
	assert.equal(i.status, 303, i.text.slice(0, 300));
	assertRedirect(i, `/sites/${sd}/network?done=import&n=3`);
	assert.deepEqual(db(`SELECT label, switch_port, role FROM floor_port WHERE switch_name = '${sw}-small' ORDER BY switch_port`),
		[[`${tag}-C1`, '1', 'occupier_lan'], [`${tag}-C2`, '2', 'disabled'], [`${tag}-C3`, '3', 'voice']]);
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'floor_port' AND action = 'import'
		AND site_id = ${sd} ORDER BY id DESC LIMIT 1`), /count=3/);
	// An uploaded file goes the same way.
	const fd = new FormData();
	fd.append('csrf', admin.csrf);
	fd.append('floor', floor);
	fd.append('step', 'preview');
	fd.append('file', new Blob([`${tag}-C3,${sw}-small,4,voice,\n`], { type: 'text/csv' }), 'ports.csv');
	const u = await admin.request('POST', `/sites/${sd}/ports/import`, { body: fd, contentType: null });
	assert.equal(u.status, 422);
	assert.match(u.text, new RegExp(`Line 1: This site already has a floor port labelled ${tag}-C3`));
	assertImportRefusedAt(u.body, 'file');
	const empty = await importCsv(admin, '', 'preview');
	assert.equal(empty.status, 422, 'an empty file');
	assertImportRefusedAt(empty.body, 'csv');
	// Another operator's site: not found.
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${sd}/ports/import`, { floor, csv: good, step: 'import' })).status, 404);
});

test('public IP pools: a CIDR block split into /29s of 5 usable addresses; overlaps and bad blocks refused', async () => {
	await admin.get(`/sites/${sd}/ips/new`);
	const before_ = dbValue('SELECT COUNT(*) FROM public_ip');
	for (const [cidr, msg] of [
		['198.51.100.128', /Block must be an IPv4 block in CIDR form/],
		['198.51.100.129/26', /no host bits set/],
		['198.51.100.128/30', /from a \/22 to a \/29/],
		['10.0.0.0/16', /from a \/22 to a \/29/],
		['300.51.100.0/24', /CIDR form/],
		['203.0.113.0/24', /This block overlaps the pool 203\.0\.113\.0\/27/],
	]) {
		const r = await admin.post(`/sites/${sd}/ips/new`, { cidr });
		assert.equal(r.status, 422, `${cidr}: ${r.status}`);
		assert.match(r.text, msg);
		assert.match(r.body, /id="e-cidr"/);
		assert.equal(inputValue(r.body, 'cidr'), cidr, 'input kept');
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM public_ip'), before_, 'nothing saved');
	// Addresses of a database from before pools were recorded (the seed's
	// pool record taken away for the while): still an overlap, counted.
	const pool = db("SELECT id, operator_id, site_id, cidr, first_addr, last_addr FROM ip_pool WHERE cidr = '203.0.113.0/27'");
	assert.equal(pool.length, 1, 'the seed adds its pools through the Network page\'s operation');
	db(`DELETE FROM ip_pool WHERE id = ${pool[0][0]}`);
	try {
		const r = await admin.post(`/sites/${sd}/ips/new`, { cidr: '203.0.113.0/24' });
		assert.equal(r.status, 422);
		assert.match(r.text, /overlaps 20 addresses already in a pool/);
	} finally {
		db(`INSERT INTO ip_pool (id, operator_id, site_id, cidr, first_addr, last_addr) VALUES (${pool[0].map((v, i) => (i === 3 ? `'${v}'` : v)).join(', ')})`);
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM public_ip'), before_, 'nothing saved');

	const r = await admin.post(`/sites/${sd}/ips/new`, { cidr: '198.51.100.128/26' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assertRedirect(r, `/sites/${sd}/network?done=pool&n=40`);
	assert.equal(dbValue(`SELECT COUNT(*) FROM public_ip WHERE site_id = ${sd} AND block LIKE '198.51.100.1__/29' AND state = 'free'`), '40');
	assert.deepEqual(db("SELECT address FROM public_ip WHERE block = '198.51.100.128/29' ORDER BY id").map((x) => x[0]),
		['198.51.100.130', '198.51.100.131', '198.51.100.132', '198.51.100.133', '198.51.100.134'],
		'network, gateway and broadcast excluded');
	assert.match(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'ip_pool' AND site_id = ${sd}
		AND entity_id = (SELECT id FROM ip_pool WHERE cidr = '198.51.100.128/26')`),
		/cidr=198\.51\.100\.128\/26\nblocks=8\naddresses=40/, 'the event names the pool');
	const n = await admin.get(r.location);
	assert.match(n.text, /Pool added: 40 addresses free\./);
	assert.match(n.text, /198\.51\.100\.128\/26 40 40/);
	// Overlapping pools refused, at this site and at any other.
	const cw = siteId('Canary Wharf');
	await admin.get(`/sites/${cw}/ips/new`);
	for (const [site, cidr] of [[sd, '198.51.100.160/29'], [cw, '198.51.100.0/24'], [cw, '198.51.100.184/29']]) {
		const o = await admin.post(`/sites/${site}/ips/new`, { cidr });
		assert.equal(o.status, 422, cidr);
		assert.match(o.text, /overlaps (the pool 198\.51\.100\.(128\/26|0\/27)|\d+ address)/);
	}
	const after_ = dbValue('SELECT COUNT(*) FROM public_ip');
	await east.get('/sites/new');
	assert.equal((await east.post(`/sites/${sd}/ips/new`, { cidr: '198.51.100.192/29' })).status, 404);
	assert.equal((await staff.post(`/sites/${sd}/ips/new`, { cidr: '198.51.100.192/29' })).status, 403);
	assert.equal(dbValue('SELECT COUNT(*) FROM public_ip'), after_, 'nothing saved');
});
