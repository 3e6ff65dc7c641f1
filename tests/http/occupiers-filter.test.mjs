// The Occupiers list sorted by name or billing reference, filtered by
// site and contract status (domain §2 on today), searched by name or
// billing reference with the spaces around the text ignored, and paged by
// key when sorted or filtered. The occupiers this file adds are removed
// when it ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, TODAY, assertHtml, db, dbValue, operatorId, q, rnd, signedIn, siteId, tableRows } from './lib.mjs';

let admin, eastwind, NW, cw, hh;
const R = rnd(3);
const P = `ZZF ${R}`;
const names = ['A', 'B', 'C', 'D'].map((x) => `${P} ${x}`);
const refs = { A: `ZR-${R}-3`, B: `ZR-${R}-2`, C: `ZR-${R}-1`, D: `ZR-${R}-4` };
const ids = {};

const day = (offset) => {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
};
const list = async (qs, c = admin) => {
	const r = await c.get(`/occupiers?${qs}`);
	assertHtml(r, 200, qs);
	return { r, names: tableRows(r.body).map((x) => x[0]) };
};
const enc = encodeURIComponent;

before(async () => {
	admin = await signedIn(ADMIN);
	eastwind = await signedIn(EASTWIND_ADMIN);
	NW = operatorId();
	cw = siteId('Canary Wharf');
	hh = siteId('Shoreditch');
	for (const x of ['A', 'B', 'C', 'D']) {
		db(`INSERT INTO occupier (operator_id, name, billing_ref, notes) VALUES (${NW}, ${q(`${P} ${x}`)}, ${q(refs[x])}, '')`);
		ids[x] = dbValue(`SELECT id FROM occupier WHERE operator_id = ${NW} AND name = ${q(`${P} ${x}`)}`);
	}
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date) VALUES
		(${NW}, ${ids.A}, ${cw}, ${q(`ZF-${R}-A`)}, '2025-01-01', NULL),
		(${NW}, ${ids.B}, ${hh}, ${q(`ZF-${R}-B`)}, ${q(day(10))}, NULL),
		(${NW}, ${ids.C}, ${cw}, ${q(`ZF-${R}-C`)}, '2024-01-01', ${q(day(-1))})`);
	for (let i = 0; i < 30; i++)
		db(`INSERT INTO occupier (operator_id, name, billing_ref, notes) VALUES
			(${NW}, ${q(`ZZP ${R} ${String(i).padStart(2, '0')}`)}, ${q(`ZP-${R}-${String(29 - i).padStart(2, '0')}`)}, '')`);
});

after(() => {
	db(`DELETE FROM contract WHERE reference LIKE ${q(`ZF-${R}-%`)}`);
	db(`DELETE FROM occupier WHERE operator_id = ${NW} AND (name LIKE ${q(`ZZF ${R}%`)} OR name LIKE ${q(`ZZP ${R}%`)})`);
});

test('the search ignores spaces around the text and matches the billing reference', async () => {
	assert.deepEqual((await list(`q=${enc(`   ${P}  `)}`)).names, names);
	const { r, names: byRef } = await list(`q=${enc(` ${refs.B} `)}`);
	assert.deepEqual(byRef, [`${P} B`], 'found by its billing reference');
	assert.match(r.body, new RegExp(`value="${refs.B}"`), 'the box keeps the trimmed text');
	assert.deepEqual((await list(`q=${enc(`ZR-${R}`)}`)).names, names, 'a part of the reference');
	assert.deepEqual((await list(`q=${enc(P)}`, eastwind)).names, [], "not another operator's");
});

test('sorted by name or by billing reference', async () => {
	assert.deepEqual((await list(`q=${enc(P)}&sort=name`)).names, names);
	assert.deepEqual((await list(`q=${enc(P)}&sort=ref`)).names, [`${P} C`, `${P} B`, `${P} A`, `${P} D`]);
	const { r } = await list(`q=${enc(P)}&sort=ref`);
	assert.match(r.body, /<option value="ref" selected>Billing reference<\/option>/);
	assert.match(r.body, /<th scope="col"><a href="\/occupiers\?q=[^"]*&amp;sort=ref">Billing reference<\/a><\/th>/);
});

test('filtered by contract status and by site', async () => {
	const by = async (qs) => (await list(`q=${enc(P)}&${qs}`)).names;
	assert.deepEqual(await by('status=active'), [`${P} A`]);
	assert.deepEqual(await by('status=starting'), [`${P} B`]);
	assert.deepEqual(await by('status=ended'), [`${P} C`]);
	assert.deepEqual(await by('status=none'), [`${P} D`]);
	assert.deepEqual(await by(`site=${cw}`), [`${P} A`, `${P} C`], 'a contract at Canary Wharf');
	assert.deepEqual(await by(`site=${hh}&status=starting`), [`${P} B`]);
	assert.deepEqual(await by(`site=${cw}&status=starting`), []);
	assert.deepEqual(await by(`site=${cw}&status=none`), [`${P} B`, `${P} D`], 'none at Canary Wharf');
	assert.deepEqual(await by(`site=${cw}&status=active&sort=ref`), [`${P} A`]);
	const { r } = await list(`q=${enc(P)}&site=${cw}&status=starting`);
	assert.match(r.body, /No occupier matches these filters\./);
	assert.match(r.body, new RegExp(`<option value="${cw}" selected>Canary Wharf</option>`));
	assert.match(r.body, /<option value="starting" selected>Contract starting<\/option>/);
	// Another operator's site filters to nothing, never to its occupiers.
	const ewSite = dbValue(`SELECT MIN(id) FROM site WHERE operator_id = ${operatorId('Eastwind Offices')}`);
	assert.deepEqual((await list(`site=${ewSite}`)).names, []);
});

test('a sorted or filtered list pages by key: every row once, in order, and back to the first page', async () => {
	const all = Array.from({ length: 30 }, (_, i) => `ZZP ${R} ${String(i).padStart(2, '0')}`);
	for (const [sort, expect] of [['name', all], ['ref', [...all].reverse()]]) {
		const first = await list(`q=${enc(`ZZP ${R}`)}&status=none&sort=${sort}`);
		assert.equal(first.names.length, 25, sort);
		const next = /<a rel="next" href="([^"]*)">Next →<\/a>/.exec(first.r.body);
		assert.ok(next, `${sort}: a next link`);
		assert.doesNotMatch(first.r.body, /First page/);
		const second = await list(next[1].replace(/&amp;/g, '&').replace(/^\/occupiers\?/, ''));
		assert.deepEqual([...first.names, ...second.names], expect, sort);
		assert.doesNotMatch(second.r.body, /rel="next"/, `${sort}: the last page`);
		const back = /<a href="([^"]*)">← First page<\/a>/.exec(second.r.body);
		assert.ok(back, `${sort}: a first-page link`);
		assert.deepEqual((await list(back[1].replace(/&amp;/g, '&').replace(/^\/occupiers\?/, ''))).names, first.names);
	}
});
