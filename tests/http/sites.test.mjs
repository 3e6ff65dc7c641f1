// Sites: the list and a site page with floors and floor ports as data.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, assertHtml, db, dbValue, occupierId, signedIn, siteId, tableRows, text, titleOf,
} from './lib.mjs';

let admin, cw, sd, harbour;

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
});

/* The floors of a site page: [{ name, heading, rows }]. */
function floors(html) {
	return html.split('<section class="floor"').slice(1).map((s) => {
		const sec = s.slice(0, s.indexOf('</section>'));
		const h2 = /<h2[^>]*>([\s\S]*?)<\/h2>/.exec(sec)[1];
		return { name: text(h2.replace(/<small>[\s\S]*<\/small>/, '')), heading: text(h2), rows: tableRows(sec) };
	});
}

function occupiersAt(site) {
	return dbValue(`SELECT COUNT(DISTINCT occupier_id) FROM contract WHERE site_id = ${site}`);
}

test("/sites lists the operator's sites only", async () => {
	const r = await admin.get('/sites');
	assertHtml(r, 200, '/sites');
	assert.equal(titleOf(r.body), 'Sites · Tenantry');
	assert.match(r.body, /<a href="\/sites" aria-current="page">Sites<\/a>/, 'menu marks Sites');
	// The demo's two sites as seeded; other tests may add sites of their own
	// (the estate tests): the list has exactly the operator's sites.
	const rows = tableRows(r.body);
	assert.deepEqual(rows.filter((x) => x[0] === 'Canary Wharf' || x[0] === 'Shoreditch'), [
		['Canary Wharf', '1 Canada Square, London E14 5AB', '3', '36', occupiersAt(cw)],
		['Shoreditch', '200 Great Eastern Street, London EC2A 3HP', '2', '24', occupiersAt(sd)],
	]);
	assert.deepEqual(rows.map((x) => x[0]).sort(), db(`SELECT s.name FROM site s JOIN operator o ON o.id = s.operator_id
		WHERE o.name = 'Northwind Workspaces'`).map((x) => x[0]).sort(), 'the operator\'s sites, and only them');
	assert.match(r.body, new RegExp(`<a href="/sites/${cw}">Canary Wharf</a>`));
	assert.ok(!r.body.includes('Harbour House') && !r.body.includes('Bristol'), 'no Eastwind site');
});

test('/sites/ID shows each floor with its ports: label, switch, port, role, holder, state', async () => {
	const r = await admin.get(`/sites/${cw}`);
	assertHtml(r, 200, 'Canary Wharf');
	assert.equal(titleOf(r.body), 'Canary Wharf · Tenantry');
	assert.match(r.body, /<h1>Canary Wharf<\/h1><p class="sub">1 Canada Square, London E14 5AB<\/p>/);
	const f = floors(r.body);
	assert.deepEqual(f.map((x) => x.heading),
		['Ground floor 12 floor ports', 'Level 1 12 floor ports', 'Level 2 12 floor ports']);
	const g = f[0].rows;
	assert.equal(g.length, 12);
	assert.deepEqual(g[0], ['CW-G-01', 'CW-G-sw1', '1', 'Occupier LAN', 'Acme Analytics Ltd', 'Active']);
	assert.deepEqual(g[2], ['CW-G-03', 'CW-G-sw1', '3', 'Occupier LAN', 'Acme Analytics Ltd', 'Inactive']);
	assert.deepEqual(g[3], ['CW-G-04', 'CW-G-sw1', '4', 'Occupier LAN', 'Unassigned', 'Inactive']);
	assert.deepEqual(g[6], ['CW-G-07', 'CW-G-sw1', '7', 'Public IP', 'Unassigned', 'Inactive']);
	assert.deepEqual(g[8], ['CW-G-09', 'CW-G-sw1', '9', 'Voice', 'Unassigned', 'Inactive']);
	assert.deepEqual(g[10], ['CW-G-11', 'CW-G-sw1', '11', 'Wi-Fi access point', 'Unassigned', 'Inactive']);
	assert.deepEqual(g[11], ['CW-G-12', 'CW-G-sw1', '12', 'Operator', 'Unassigned', 'Active']);
	assert.deepEqual(f[2].rows[0], ['CW-2-01', 'CW-2-sw1', '1', 'Occupier LAN', 'Unassigned', 'Inactive']);
	const acme = occupierId('Acme Analytics Ltd');
	assert.equal([...r.body.matchAll(new RegExp(`<a href="/occupiers/${acme}">Acme Analytics Ltd</a>`, 'g'))].length, 3,
		'the three held ports link to the holder');
	const s = await admin.get(`/sites/${sd}`);
	assertHtml(s, 200, 'Shoreditch');
	const fs = floors(s.body);
	assert.deepEqual(fs.map((x) => x.name), ['Ground floor', 'Level 1']);
	assert.ok(fs.every((x) => x.rows.length === 12 && x.rows.every((row) => row[4] === 'Unassigned')));
	assert.deepEqual(fs[1].rows[11], ['SD-1-12', 'SD-1-sw1', '12', 'Operator', 'Unassigned', 'Active']);
});

test("another operator's site → 404, and nothing of it is shown", async () => {
	for (const p of [`/sites/${harbour}`, `/sites/${Number(dbValue('SELECT MAX(id) FROM site')) + 1}`]) {
		const r = await admin.get(p);
		assertHtml(r, 404, p);
		assert.ok(!r.body.includes('Harbour') && !r.body.includes('HH-'), `${p} leaks nothing`);
	}
});

test('Eastwind sees Harbour House only', async () => {
	const ew = await signedIn(EASTWIND_ADMIN);
	const r = await ew.get('/sites');
	assertHtml(r, 200, 'Eastwind /sites');
	assert.deepEqual(tableRows(r.body).map((x) => x[0]), ['Harbour House']);
	assertHtml(await ew.get(`/sites/${cw}`), 404, 'Eastwind opening Canary Wharf');
	const h = await ew.get(`/sites/${harbour}`);
	assertHtml(h, 200, 'Harbour House');
	assert.deepEqual(floors(h.body)[0].rows[0],
		['HH-G-01', 'HH-G-sw1', '1', 'Occupier LAN', 'Zephyr Secret Holdings', 'Active']);
	await ew.post('/logout', {});
});
