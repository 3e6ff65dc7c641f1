// Every screen flat: the site's Telephony screen pages its numbers by key
// (next/previous links that keep the filters, a number search, a page key
// of another site or operator answers 404) and names occupiers with the
// one occupier picker (a text field resolved by the server on submit,
// search as you type from /occupiers/search, always within the operator).
// The rows this file adds are removed when it ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, assertHtml, assertRedirect, db, dbValue, occupierId, operatorId, q, signedIn, siteId,
	tableRows,
} from './lib.mjs';

let admin, eastwind, NW, cw, harbour, acme, zephyr, snapshot;
const EXTRA = 150;	// numbers added to Canary Wharf's 60: pages of 100, 100, 10

const path = (site, qs = '') => `/sites/${site}/telephony${qs}`;
const numbers = (html) => tableRows(html).map(([n]) => n.replace(/ Main$/, ''));
const links = (html) => {
	const m = /<nav class="pager"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
	const href = (rel) => (m && new RegExp(`<a rel="${rel}" href="([^"]*)"`).exec(m[1])?.[1].replace(/&amp;/g, '&')) || null;
	return { prev: href('prev'), next: href('next') };
};
async function pick(client, qs) {
	const r = await client.get(`/occupiers/search${qs}`);
	assert.equal(r.status, 200, qs);
	return [...r.body.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
}

before(async () => {
	admin = await signedIn(ADMIN);
	eastwind = await signedIn(EASTWIND_ADMIN);
	NW = operatorId();
	cw = siteId('Canary Wharf');
	harbour = siteId('Harbour House');
	acme = occupierId('Acme Analytics Ltd');
	zephyr = occupierId('Zephyr Secret Holdings');
	snapshot = db(`SELECT id, state, COALESCE(occupier_id, 'NULL'), operator_held, is_main, version
		FROM phone_number WHERE site_id = ${cw}`);
	const rows = [];
	for (let i = 0; i < EXTRA; i++)
		rows.push(`(${NW}, ${cw}, '+44 20 7999 ${String(1000 + i)}')`);
	db(`INSERT INTO phone_number (operator_id, site_id, number) VALUES ${rows.join(', ')}`);
	const occ = [];
	for (let i = 0; i < 25; i++)
		occ.push(`(${NW}, 'Pickwick Flat ${String(i).padStart(2, '0')}', 'PWF-${i}', '')`);
	db(`INSERT INTO occupier (operator_id, name, billing_ref, notes) VALUES ${occ.join(', ')}`);
});

after(() => {
	db(`DELETE FROM phone_holder WHERE phone_number_id IN (SELECT id FROM phone_number WHERE number LIKE '+44 20 7999 %');
		DELETE FROM phone_number WHERE number LIKE '+44 20 7999 %';
		DELETE FROM occupier WHERE name LIKE 'Pickwick Flat %'`);
	db(snapshot.map(([id, state, occ, held, main, version]) => `UPDATE phone_number SET state = ${q(state)},
		occupier_id = ${occ}, operator_held = ${held}, is_main = ${main}, version = ${version} WHERE id = ${id}`).join(';\n'));
});

test('the Telephony screen pages by key: next and previous links, in number order, every number once', async () => {
	let r = await admin.get(path(cw));
	assertHtml(r, 200, 'page 1');
	const p1 = numbers(r.body);
	assert.equal(p1.length, 100);
	let l = links(r.body);
	assert.equal(l.prev, null, 'no page before the first');
	assert.match(l.next, new RegExp(`^/sites/${cw}/telephony\\?after=\\d+$`));
	r = await admin.get(l.next);
	assertHtml(r, 200, 'page 2');
	const p2 = numbers(r.body);
	assert.equal(p2.length, 100);
	const l2 = links(r.body);
	assert.match(l2.prev, /before=\d+/);
	r = await admin.get(l2.next);
	const p3 = numbers(r.body);
	assert.equal(p3.length, 10);
	assert.equal(links(r.body).next, null, 'no page after the last');
	const all = [...p1, ...p2, ...p3];
	assert.deepEqual(all, db(`SELECT number FROM phone_number WHERE site_id = ${cw} ORDER BY number, id`).map(([n]) => n));
	// Back from the last page: the same second page.
	r = await admin.get(links(r.body).prev);
	assert.deepEqual(numbers(r.body), p2);
	r = await admin.get(links(r.body).prev);
	assert.deepEqual(numbers(r.body), p1);
	assert.equal(links(r.body).prev, null);
	// The counts are the whole pool's, not the page's.
	assert.match(r.body, new RegExp(`${60 + EXTRA} phone numbers`));
});

test('paging keeps the filters and the number search; a page key of another site or operator is 404', async () => {
	let r = await admin.get(path(cw, '?state=available&q=%2B44+20+7999+1'));
	assertHtml(r, 200, 'search');
	assert.match(r.body, /<input id="f-q" name="q" type="search"[^>]* value="442079991"/);
	let rows = numbers(r.body);
	assert.equal(rows.length, 100);
	assert.ok(rows.every((n) => n.startsWith('+44 20 7999 1')));
	const l = links(r.body);
	assert.match(l.next, /^\/sites\/\d+\/telephony\?state=available&q=442079991&after=\d+$/);
	r = await admin.get(l.next);
	rows = numbers(r.body);
	assert.equal(rows.length, EXTRA - 100);
	assert.match(links(r.body).prev, /state=available&q=442079991&before=\d+/);
	// A search that matches nothing: the empty state, the filters kept.
	r = await admin.get(path(cw, '?q=0000000'));
	assert.deepEqual(numbers(r.body), []);
	assert.match(r.body, /no number at Canary Wharf matches these filters/);

	const sdNumber = dbValue(`SELECT MIN(id) FROM phone_number WHERE site_id = ${siteId('Shoreditch')}`);
	const ewNumber = dbValue(`SELECT MIN(id) FROM phone_number WHERE site_id = ${harbour}`);
	for (const qs of [`?after=${sdNumber}`, `?before=${ewNumber}`, `?after=${ewNumber}`])
		assert.equal((await admin.get(path(cw, qs))).status, 404, qs);
	assert.equal((await admin.get(path(harbour))).status, 404, "another operator's site");
});

test('the occupier picker searches within the operator only, 20 matches at most', async () => {
	let o = await pick(admin, '?q=Pickwick+Flat');
	assert.equal(o.length, 20, 'at most 20');
	assert.deepEqual(o[0], ['PWF-0', 'Pickwick Flat 00 · PWF-0']);
	o = await pick(admin, '?q=PWF-24');
	assert.deepEqual(o, [['PWF-24', 'Pickwick Flat 24 · PWF-24']], 'the billing reference matches');
	assert.deepEqual(await pick(admin, '?q=Zephyr'), [], "another operator's occupier never appears");
	assert.ok((await pick(eastwind, '?q=Zephyr')).some(([, l]) => l.startsWith('Zephyr Secret Holdings')));
	assert.ok(!(await pick(eastwind, '?q=Acme')).length, 'nor Northwind\'s to Eastwind');
	assert.deepEqual(await pick(admin, `?site=${cw}&q=Pickwick`), [], 'no contract at the site: not offered');
	assert.deepEqual(await pick(admin, `?site=${harbour}&q=a`), [], "another operator's site offers nothing");
	assert.equal((await admin.get('/occupiers/search?q=' + 'x'.repeat(201))).status, 400);
	assert.equal((await (await signedIn('admin@acme.example')).get('/occupiers/search?q=Acme')).status, 403,
		'occupier users have no picker');
});

test('allocating by name without JavaScript: resolved by the server; none or several is a message, input kept', async () => {
	const free = db(`SELECT id, number FROM phone_number WHERE site_id = ${cw} AND number LIKE '+44 20 7999 %'
		ORDER BY number LIMIT 3`).map(([id, number]) => ({ id: Number(id), number }));
	await admin.get(path(cw));	// a fresh csrf token
	const state = () => JSON.stringify(db(`SELECT id, state, occupier_id, version FROM phone_number WHERE site_id = ${cw}`));
	const before = state();
	const refused = async (text, msg) => {
		const r = await admin.post(path(cw), { op: 'allocate', number: free[0].id, to: 'occupier', to_occ: text });
		assertHtml(r, 422, text);
		assert.ok(r.text.includes(msg), `${text}: ${msg}`);
		assert.ok(r.body.includes(`<input id="to-${free[0].id}" name="to_occ" value="${text}"`), 'the input is kept');
		assert.equal(state(), before, 'nothing changed');
	};
	await refused('Nobody Such Ltd', 'Allocate to: no occupier with a contract at this site matches “Nobody Such Ltd”.');
	await refused('Zephyr Secret Holdings', 'no occupier with a contract at this site matches');
	await refused('Pickwick Flat 01', 'no occupier with a contract at this site matches');
	await refused('a', '“a” matches more than one occupier with a contract at this site');
	let r = await admin.post(path(cw), { op: 'allocate', number: free[0].id, to: 'occupier', to_occ: 'acme analytics' });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'a part of the name that names one occupier');
	assert.equal(Number(dbValue(`SELECT occupier_id FROM phone_number WHERE id = ${free[0].id}`)), acme);
	const ref = dbValue(`SELECT billing_ref FROM occupier WHERE id = ${acme}`);
	r = await admin.post(path(cw), { op: 'bulk_allocate', count: '1', to: 'occupier', to_occ: ref, q: '442079991' });
	assertRedirect(r, `/sites/${cw}/telephony?q=442079991&done=saved`, 'bulk, by the billing reference');
	r = await admin.post(path(cw), { op: 'allocate', number: free[2].id, to: 'operator', to_occ: 'ignored' });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'the operator button');
	assert.equal(dbValue(`SELECT operator_held FROM phone_number WHERE id = ${free[2].id}`), '1');
	// The holder filter by name, then kept as the occupier's id in the page links.
	r = await admin.get(path(cw, '?holder=occupier&holder_occ=Acme+Analytics'));
	assertHtml(r, 200, 'holder by name');
	assert.ok(numbers(r.body).includes(free[0].number));
	assert.match(r.body, new RegExp(`name="holder" value="${acme}"`));
	r = await admin.get(path(cw, '?holder_occ=Zephyr'));
	assert.match(r.text, /Occupier: no occupier matches “Zephyr”\./);
	assert.deepEqual(numbers(r.body), []);
	assert.ok(!r.body.includes('Zephyr Secret'), 'nothing of the other operator shows');
	void zephyr;
});

test('the floor ports screen names the occupier with the same picker, without JavaScript', async () => {
	const port = Number(dbValue(`SELECT id FROM floor_port WHERE label = 'CW-G-03'`));
	const row = () => JSON.stringify(db(`SELECT occupier_id, role, state FROM floor_port WHERE id = ${port}`));
	const was = row();
	let r = await admin.get(`/sites/${cw}/ports?port=${port}`);
	assertHtml(r, 200, 'edit panel');
	assert.ok(!/<select id="[be]-occupier"/.test(r.body), 'no drop-down of occupiers');
	assert.match(r.body, /<input id="e-occupier" name="occupier_occ" value="Acme Analytics Ltd"/);
	for (const [text, msg] of [['Nobody Such Ltd', 'Holder: no occupier with a contract at this site matches “Nobody Such Ltd”.'],
		['Zephyr Secret Holdings', 'Holder: no occupier with a contract at this site matches “Zephyr Secret Holdings”.']]) {
		r = await admin.post(`/sites/${cw}/ports`, { op: 'edit', port, occupier_occ: text, role: 'occupier_lan' });
		assertHtml(r, 422, text);
		assert.ok(r.text.includes(msg), msg);
		assert.ok(r.body.includes(`<input id="e-occupier" name="occupier_occ" value="${text}"`), 'input kept');
		assert.equal(row(), was, 'nothing changed');
	}
	r = await admin.post(`/sites/${cw}/ports`, { op: 'assign', port, occupier_occ: 'a', role: '' });
	assertHtml(r, 422, 'ambiguous');
	assert.match(r.text, /Occupier: “a” matches more than one occupier with a contract at this site/);
	assert.ok(r.body.includes('<input id="b-occupier" name="occupier_occ" value="a"'));
	assert.equal(row(), was);
	r = await admin.post(`/sites/${cw}/ports`, { op: 'edit', port, occupier_occ: 'acme analytics', role: 'occupier_lan' });
	assertRedirect(r, `/sites/${cw}/ports?done=saved`, 'resolved by name');
	assert.equal(Number(dbValue(`SELECT occupier_id FROM floor_port WHERE id = ${port}`)), acme);
});

test('cases: the occupier filter and the new case form use the picker; no list of every occupier', async () => {
	let r = await admin.get('/cases');
	assertHtml(r, 200, 'queue');
	assert.ok(!/<select id="f-occupier"/.test(r.body), 'no drop-down of occupiers');
	assert.match(r.body, /<input id="f-occupier" name="occupier_occ" value="" [^>]*data-pick="\/occupiers\/search"/);
	// Filtering by a typed name: the links carry the occupier's id.
	r = await admin.get('/cases?status=all&occupier_occ=acme+analytics');
	assertHtml(r, 200, 'by name');
	assert.match(r.body, /<input id="f-occupier" name="occupier_occ" value="Acme Analytics Ltd"/);
	assert.match(r.body, new RegExp(`href="/cases\\?status=open&amp;occupier=${acme}"`));
	assert.ok(tableRows(r.body).every((x) => x[1] === 'Acme Analytics Ltd'));
	// Several or none: a message, the text kept, no filter.
	r = await admin.get('/cases?occupier_occ=Pickwick+Flat');
	assertHtml(r, 200, 'ambiguous');
	assert.match(r.text, /Occupier: “Pickwick Flat” matches more than one occupier: type its billing reference/);
	assert.match(r.body, /<input id="f-occupier" name="occupier_occ" value="Pickwick Flat" [^>]*aria-invalid="true"/);
	r = await admin.get('/cases?occupier_occ=Zephyr+Secret+Holdings');
	assert.match(r.text, /Occupier: no occupier matches “Zephyr Secret Holdings”\./);

	// Raising a case for an occupier typed by name, without JavaScript.
	const cw_ = cw;
	r = await admin.get(`/cases/new?occupier=${acme}`);
	assert.match(r.body, /<input id="f-occupier" name="occupier_occ" value="Acme Analytics Ltd"/);
	const cases = Number(dbValue('SELECT COUNT(*) FROM support_case'));
	r = await admin.post('/cases/new', { occupier_occ: 'Zephyr Secret Holdings', site: cw_, service: '', subject: 'Flat', details: 'd' });
	assertHtml(r, 422, 'another operator by name');
	assert.match(r.body, /<p class="err" id="e-occupier">Occupier: no occupier matches “Zephyr Secret Holdings”\.<\/p>/);
	assert.match(r.body, /<input id="f-occupier" name="occupier_occ" value="Zephyr Secret Holdings"/);
	r = await admin.post('/cases/new', { occupier_occ: '', site: cw_, service: '', subject: 'Flat', details: 'd' });
	assertHtml(r, 422, 'none');
	assert.match(r.body, /<p class="err" id="e-occupier">Occupier is required<\/p>/);
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM support_case')), cases, 'nothing saved');
	const ref = dbValue(`SELECT billing_ref FROM occupier WHERE id = ${acme}`);
	r = await admin.post('/cases/new', { occupier_occ: ref, site: cw_, service: '', subject: 'Flat picker case', details: 'd' });
	assert.equal(r.status, 303, 'raised for the occupier of the billing reference');
	assert.equal(Number(dbValue("SELECT occupier_id FROM support_case WHERE subject = 'Flat picker case'")), acme);
	db("DELETE FROM support_case WHERE subject = 'Flat picker case'");
});
