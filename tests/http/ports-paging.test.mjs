/*
 * The floor ports screen pages a site's ports by key (floor level, floor,
 * label, id), 50 a page: Next and Previous walk them with no duplicate or
 * gap, the floors shown are those of the page's ports, ?port=ID opens the
 * panel of a port on another page, another operator's site is not found.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, db, dbValue, q, rnd, signedIn } from './lib.mjs';

const R = rnd(4);
let nw, site, floors, all;

before(() => {
	nw = Number(dbValue(`SELECT operator_id FROM app_user WHERE email = ${q(ADMIN)}`));
	db(`INSERT INTO site (operator_id, name) VALUES (${nw}, ${q(`Paging house ${R}`)})`);
	site = Number(dbValue(`SELECT id FROM site WHERE name = ${q(`Paging house ${R}`)}`));
	/* Two floors, the upper one made first: the order is by level. */
	db(`INSERT INTO floor (operator_id, site_id, name, level) VALUES (${nw}, ${site}, 'Upper', 2), (${nw}, ${site}, 'Ground', 0)`);
	floors = Object.fromEntries(db(`SELECT name, id FROM floor WHERE site_id = ${site}`).map(([n, id]) => [n, Number(id)]));
	const rows = [];
	for (let i = 0; i < 70; i++) {
		const f = i < 35 ? floors.Upper : floors.Ground;
		rows.push(`(${nw}, ${site}, ${f}, ${q(`P-${String(i % 35).padStart(2, '0')}`)}, ${q(`sw-${R}`)}, ${i + 1}, 'occupier_lan', NULL, 'inactive')`);
	}
	db(`INSERT INTO floor_port (operator_id, site_id, floor_id, label, switch_name, switch_port, role, occupier_id, state) VALUES ${rows.join(',')}`);
	all = db(`SELECT p.id FROM floor_port p JOIN floor f ON f.id = p.floor_id WHERE p.site_id = ${site}
		ORDER BY f.level, p.floor_id, p.label, p.id`).map(([id]) => Number(id));
});

/* The port ids of a page, in the order shown. */
function ids(body) {
	return [...body.matchAll(/<tr[^>]* id="port-(\d+)"/g)].map((m) => Number(m[1]));
}
function link(body, rel) {
	const m = body.match(new RegExp(`<a rel="${rel}" href="([^"]+)"`));
	return m ? m[1].replace(/&amp;/g, '&') : null;
}

test('first page 50, Next the rest, Previous page 1 again', async () => {
	const c = await signedIn(ADMIN);
	const p1 = await c.get(`/sites/${site}/ports`);
	assert.equal(p1.status, 200);
	assert.deepEqual(ids(p1.body), all.slice(0, 50));
	assert.equal(link(p1.body, 'prev'), null);
	assert.ok(p1.body.includes('>Ground <small>35 floor ports'), 'the ground floor first, all its ports');
	const next = link(p1.body, 'next');
	assert.equal(next, `/sites/${site}/ports?after=${all[49]}`);
	const p2 = await c.get(next);
	assert.equal(p2.status, 200);
	assert.deepEqual(ids(p2.body), all.slice(50));
	assert.ok(!p2.body.includes('>Ground <small>'), 'only the floors of the page');
	assert.equal(link(p2.body, 'next'), null);
	assert.ok(p2.body.includes(`/sites/${site}/ports?port=${all[55]}&amp;after=${all[49]}#edit`), 'Edit stays on the page');
	const ed = await c.get(`/sites/${site}/ports?port=${all[55]}&after=${all[49]}`);
	assert.deepEqual(ids(ed.body), all.slice(50));
	const back = await c.get(link(p2.body, 'prev'));
	assert.deepEqual(ids(back.body), all.slice(0, 50));
	assert.equal(link(back.body, 'prev'), null);
	assert.ok(link(back.body, 'next'));
});

test('?port=ID of a port on page 2 opens its panel on page 1', async () => {
	const c = await signedIn(ADMIN);
	const id = all[60];
	const r = await c.get(`/sites/${site}/ports?port=${id}`);
	assert.equal(r.status, 200);
	assert.ok(!ids(r.body).includes(id));
	assert.match(r.body, new RegExp(`name="port" value="${id}"`));
	const miss = await c.get(`/sites/${site}/ports?port=${all[0] + 1000000}`);
	assert.equal(miss.status, 404);
});

test("another operator's site is not found, nor its ports by key", async () => {
	const e = await signedIn(EASTWIND_ADMIN);
	assert.equal((await e.get(`/sites/${site}/ports`)).status, 404);
	assert.equal((await e.get(`/sites/${site}/ports?after=${all[10]}`)).status, 404);
});
