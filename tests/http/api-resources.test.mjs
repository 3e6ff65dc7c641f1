// api-resources.test.mjs: the JSON API beyond occupiers and sites —
// Idempotency-Key on POSTs, the services plan of an occupier at a site (read
// with its version, saved through the Manage services dialog's operation and
// rules), and the read resources (contracts, numbers, devices, cases,
// charges, invoices); isolation (a foreign id on every endpoint: 404; a
// read-only key on a write: 403) and every response checked against
// templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, q, operatorId, siteId, occupierId, tableRows, money,
} from './lib.mjs';
import {
	day, serviceIds, occupierWith, openManage, submit, allMessages, occsvcRows, countOccsvc,
} from './services-lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

let admin, readKey, writeKey, writeKey2, eastKey;

test('setup: keys', async () => {
	admin = await signedIn(ADMIN);
	const eastAdmin = await signedIn(EASTWIND_ADMIN);
	readKey = await makeKey(admin, { scope: 'read' });
	writeKey = await makeKey(admin, { scope: 'write' });
	writeKey2 = await makeKey(admin, { scope: 'write' });
	eastKey = await makeKey(eastAdmin, { scope: 'write' });
});

const countNamed = (name) => Number(dbValue(`SELECT COUNT(*) FROM occupier WHERE name = ${q(name)}`));

test('Idempotency-Key: a retried create answers the first answer and creates nothing twice', async () => {
	const name = `Idem Co ${rnd()}`;
	const idem = `create-${rnd()}`;
	const body = { name, billing_ref: `I-${rnd(3)}` };
	const first = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(first.status, 201, first.text);
	assert.equal(first.headers.get('idempotent-replayed'), null);
	// The answer was written in the create's transaction.
	assert.equal(dbValue(`SELECT status FROM api_idempotency WHERE api_key_id = ${writeKey.id} AND idem_key = ${q(idem)}`), '201');
	const again = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(again.status, 201);
	assert.equal(again.text, first.text, 'the same body');
	assert.equal(again.headers.get('location'), first.headers.get('location'));
	assert.equal(again.headers.get('etag'), first.headers.get('etag'));
	assert.equal(again.headers.get('idempotent-replayed'), 'true');
	assert.equal(countNamed(name), 1, 'created once');
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'occupier' AND entity_id = ${first.json.id} AND action = 'create'`), '1');
	// The same key with another body: 422, nothing created.
	const other = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: `${name} 2` }, headers: { 'idempotency-key': idem } });
	assertProblem(other, 422, 'idempotency-key-reused', 'another body');
	assert.equal(countNamed(`${name} 2`), 0);
	// Keys are per API key: another key's same Idempotency-Key is its own request.
	const mine = await api('POST', '/api/v1/occupiers', { key: writeKey2.key, body: { ...body, billing_ref: '', confirm_same_name: true }, headers: { 'idempotency-key': idem } });
	assert.equal(mine.status, 201, mine.text);
	assert.notEqual(mine.json.id, first.json.id);
	assert.equal(countNamed(name), 2);
	// Without a key, a repeat creates again (the name warning stands in the way).
	assertProblem(await api('POST', '/api/v1/occupiers', { key: writeKey.key, body }), 409, 'duplicate-name', 'no key');
});

test('Idempotency-Key: a refused request is not remembered; bad keys are 400', async () => {
	const idem = `refused-${rnd()}`;
	const r = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: '' }, headers: { 'idempotency-key': idem } });
	assertProblem(r, 422, 'validation', 'refused');
	assert.equal(dbValue(`SELECT COUNT(*) FROM api_idempotency WHERE idem_key = ${q(idem)}`), '0');
	const name = `Fixed Co ${rnd()}`;
	const ok = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name }, headers: { 'idempotency-key': idem } });
	assert.equal(ok.status, 201, ok.text);
	assertProblem(await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: `x ${rnd()}` }, headers: { 'idempotency-key': 'k'.repeat(256) } }), 400, 'bad-request', 'too long');
	// A read-only key is refused before its key is looked at.
	assertProblem(await api('POST', '/api/v1/occupiers', { key: readKey.key, body: { name }, headers: { 'idempotency-key': idem } }), 403, 'forbidden', 'read key');
});

test('Idempotency-Key: concurrent retries create one occupier and all get its answer', async () => {
	const name = `Race Co ${rnd()}`;
	const idem = `race-${rnd()}`;
	const rs = await Promise.all(Array.from({ length: 6 }, () =>
		api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name }, headers: { 'idempotency-key': idem } })));
	for (const r of rs) assert.equal(r.status, 201, r.text);
	assert.equal(new Set(rs.map((r) => r.json.id)).size, 1);
	assert.equal(countNamed(name), 1);
});

/* ---- the services plan ---- */

const planPath = (occ, site) => `/api/v1/occupiers/${occ}/sites/${site}/services`;

test('plan: read with its version, saved through the dialog\'s rules with the same wording, If-Match required', async () => {
	const sd = siteId('Shoreditch');
	const S = serviceIds();
	const o = await occupierWith(admin, sd, [{ start: day(-20) }]);
	let r = await api('GET', planPath(o.occ, sd), { key: readKey.key });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.services, []);
	const etag = r.headers.get('etag');
	assert.equal(etag, `"v${r.json.version}"`);
	assert.equal(r.json.infrastructure.length, 5);
	// The rules engine refuses what the dialog refuses, in its words, and nothing is saved.
	const html = await openManage(admin, o.occ, sd);
	const dlg = await submit(admin, o.occ, sd, html.m.version, [], { add: S['Public IP (/29)'] });
	const want = allMessages(dlg.m).map((x) => x.replace(/^row 0: /, ''));
	assert.deepEqual(want, ['Public IP (/29) requires an Internet service']);
	r = await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': etag }, body: { rows: [{ service_id: S['Public IP (/29)'] }] } });
	assertProblem(r, 422, 'validation', 'a rule broken');
	assert.deepEqual(r.json.errors, [{ field: 'rows[0]', message: want[0] }]);
	assert.equal(countOccsvc(`occupier_id = ${o.occ}`), 0);
	// Without If-Match: 428; a version that is not the plan's: 412.
	assertProblem(await api('PUT', planPath(o.occ, sd), { key: writeKey.key, body: { rows: [] } }), 428, 'precondition-required', 'no If-Match');
	assertProblem(await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': '"v999999"' }, body: { rows: [] } }), 412, 'precondition-failed', 'wrong version');
	// A valid plan: saved (one transaction, audited as the key's admin), the new version returned.
	r = await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': etag }, body: { rows: [
		{ service_id: S['Public IP (/29)'], price: 2400 },
		{ service_id: S['Internet (LAN only) 100 Mbps'], qty: '1' },
	] } });
	assert.equal(r.status, 200, r.text);
	assert.notEqual(r.headers.get('etag'), etag);
	assert.deepEqual(r.json.services.map((x) => [x.name, x.price, x.qty, x.contract_id]).sort(),
		[['Internet (LAN only) 100 Mbps', r.json.services.find((x) => x.service_id === S['Internet (LAN only) 100 Mbps']).price, 1, o.contract.id],
			['Public IP (/29)', 2400, 1, o.contract.id]].sort());
	assert.equal(r.json.totals.price, r.json.services.reduce((a, x) => a + x.total, 0));
	const rows = occsvcRows(o.occ, sd);
	assert.deepEqual(rows.map((x) => x.name).sort(), ['Internet (LAN only) 100 Mbps', 'Public IP (/29)']);
	const adminId = dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`);
	assert.ok(rows.every((x) => x.createdBy === adminId), JSON.stringify(rows));
	// The stale version now: 412, nothing changed.
	assertProblem(await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': etag }, body: { rows: [] } }), 412, 'precondition-failed', 'stale');
	assert.equal(occsvcRows(o.occ, sd).filter((x) => x.ended === '-').length, 2);
	// The screen shows what the API saved; removing a row by leaving it out.
	const tab = await api('GET', planPath(o.occ, sd), { key: readKey.key });
	assert.equal(tab.headers.get('etag'), r.headers.get('etag'));
	const keep = tab.json.services.find((x) => x.name === 'Internet (LAN only) 100 Mbps');
	r = await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': tab.headers.get('etag') }, body: { rows: [{ id: keep.id, qty: 2 }] } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.services.map((x) => [x.id, x.qty]), [[keep.id, 2]]);
	// A row id that is not the plan's: 422 with its field.
	r = await api('PUT', planPath(o.occ, sd), { key: writeKey.key, headers: { 'if-match': r.headers.get('etag') }, body: { rows: [{ id: 999999999, qty: 1 }] } });
	assertProblem(r, 422, 'validation', 'foreign row');
	assert.equal(r.json.errors[0].field, 'rows[0]');
});

test('plan: isolation — a foreign occupier or site, or a site outside a site key: 404; a read key: 403', async () => {
	const sd = siteId('Shoreditch');
	const o = await occupierWith(admin, sd, [{}]);
	const eastOcc = Number(dbValue(`SELECT id FROM occupier WHERE operator_id <> ${operatorId()} ORDER BY id LIMIT 1`));
	const eastSite = Number(dbValue(`SELECT id FROM site WHERE operator_id <> ${operatorId()} ORDER BY id LIMIT 1`));
	const other = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${operatorId()} AND id <> ${sd} ORDER BY id LIMIT 1`));
	const siteKey = await makeKey(admin, { scope: 'write', site: String(other) });
	const etag = (await api('GET', planPath(o.occ, sd), { key: readKey.key })).headers.get('etag');
	for (const [k, occ, site] of [[readKey, eastOcc, sd], [readKey, o.occ, eastSite], [eastKey, o.occ, sd], [siteKey, o.occ, sd]]) {
		assertProblem(await api('GET', planPath(occ, site), { key: k.key }), 404, 'not-found', `GET ${occ}/${site}`);
		if (k !== readKey)
			assertProblem(await api('PUT', planPath(occ, site), { key: k.key, headers: { 'if-match': etag }, body: { rows: [] } }), 404, 'not-found', `PUT ${occ}/${site}`);
	}
	assertProblem(await api('PUT', planPath(o.occ, sd), { key: readKey.key, headers: { 'if-match': etag }, body: { rows: [] } }), 403, 'forbidden', 'read key PUT');
});

/* ---- read resources ---- */

/* Every item of a list, page by page (limit a page); the pages' sizes
 * checked unless limit counts something else (charges: occupiers). */
async function allPages(p, key, limit, sized = true) {
	const out = [];
	let cursor = '';
	for (let i = 0; i < 500; i++) {
		const sep = p.includes('?') ? '&' : '?';
		const r = await api('GET', `${p}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { key });
		assert.equal(r.status, 200, `${p}: ${r.text.slice(0, 300)}`);
		if (sized) assert.ok(r.json.items.length <= limit);
		out.push(...r.json.items);
		if (r.json.next_cursor === null) return out;
		cursor = r.json.next_cursor;
	}
	throw new Error(`${p}: no end of pages`);
}

const NW = () => operatorId();
const ids = (rows) => rows.map((x) => Number(x[0]));

test('contracts: every contract once in id order, filters, one with its ETag, a site key\'s site only', async () => {
	const all = await allPages('/api/v1/contracts', readKey.key, 4);
	assert.deepEqual(all.map((c) => c.id), ids(db(`SELECT id FROM contract WHERE operator_id = ${NW()} ORDER BY id`)));
	const c = all[0];
	assert.deepEqual([c.reference, c.occupier_id, c.site_id], db(`SELECT reference, occupier_id, site_id FROM contract WHERE id = ${c.id}`)[0].map((x, i) => (i ? Number(x) : x)));
	const byOcc = await allPages(`/api/v1/contracts?occupier=${c.occupier_id}`, readKey.key, 50);
	assert.deepEqual(byOcc.map((x) => x.id), ids(db(`SELECT id FROM contract WHERE occupier_id = ${c.occupier_id} ORDER BY id`)));
	const bySite = await allPages(`/api/v1/contracts?site=${c.site_id}`, readKey.key, 50);
	assert.ok(bySite.length > 0 && bySite.every((x) => x.site_id === c.site_id));
	const one = await api('GET', `/api/v1/contracts/${c.id}`, { key: readKey.key });
	assert.equal(one.status, 200);
	assert.deepEqual(one.json, c);
	assert.equal(one.headers.get('etag'), `"v${c.version}"`);
	const siteKey = await makeKey(admin, { scope: 'read', site: String(c.site_id) });
	const mine = await allPages('/api/v1/contracts', siteKey.key, 50);
	assert.deepEqual(mine.map((x) => x.id), ids(db(`SELECT id FROM contract WHERE operator_id = ${NW()} AND site_id = ${c.site_id} ORDER BY id`)));
	const elsewhere = all.find((x) => x.site_id !== c.site_id);
	assertProblem(await api('GET', `/api/v1/contracts/${elsewhere.id}`, { key: siteKey.key }), 404, 'not-found', 'other site');
	const east = Number(dbValue(`SELECT id FROM contract WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('GET', `/api/v1/contracts/${east}`, { key: readKey.key }), 404, 'not-found', 'foreign contract');
	assert.ok(!(await allPages('/api/v1/contracts', readKey.key, 200)).some((x) => x.id === east));
	assertProblem(await api('GET', '/api/v1/contracts?occupier=x', { key: readKey.key }), 400, 'bad-request', 'bad filter');
});

test('numbers: a site\'s numbers in number order, paged, by state; a foreign site 404', async () => {
	const [site] = db(`SELECT site_id FROM phone_number WHERE operator_id = ${NW()} GROUP BY site_id ORDER BY COUNT(*) DESC LIMIT 1`)[0].map(Number);
	const all = await allPages(`/api/v1/sites/${site}/numbers`, readKey.key, 7);
	const want = db(`SELECT id, number FROM phone_number WHERE operator_id = ${NW()} AND site_id = ${site} ORDER BY number`);
	assert.deepEqual(all.map((n) => n.id), ids(want));
	assert.deepEqual(all.map((n) => n.number), want.map((x) => x[1]));
	const avail = await allPages(`/api/v1/sites/${site}/numbers?state=available`, readKey.key, 50);
	assert.ok(avail.length > 0 && avail.length < all.length);
	assert.ok(avail.every((n) => n.state === 'available'));
	assert.deepEqual(avail.map((n) => n.id), all.filter((n) => n.state === 'available').map((n) => n.id));
	assertProblem(await api('GET', `/api/v1/sites/${site}/numbers?state=lost`, { key: readKey.key }), 400, 'bad-request', 'bad state');
	const east = Number(dbValue(`SELECT id FROM site WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('GET', `/api/v1/sites/${east}/numbers`, { key: readKey.key }), 404, 'not-found', 'foreign site');
	assertProblem(await api('GET', `/api/v1/sites/${site}/numbers`, { key: eastKey.key }), 404, 'not-found', 'other operator');
	const other = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW()} AND id <> ${site} ORDER BY id LIMIT 1`));
	const siteKey = await makeKey(admin, { scope: 'read', site: String(other) });
	assertProblem(await api('GET', `/api/v1/sites/${site}/numbers`, { key: siteKey.key }), 404, 'not-found', 'outside a site key');
});

test('cases: newest first, paged, by status; one with its conversation; foreign 404', async () => {
	// Cases raised on the screen, read back through the API.
	const o = await occupierWith(admin, siteId('Shoreditch'), [{}], 'API cases');
	for (let i = 0; i < 4; i++) {
		await admin.get('/cases/new');
		const r = await admin.post('/cases/new', { occupier: o.occ, site: siteId('Shoreditch'), service: '', subject: `API case ${i} ${rnd()}`, details: 'Details.' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
	}
	const all = await allPages('/api/v1/cases', readKey.key, 3);
	assert.deepEqual(all.map((c) => c.id), ids(db(`SELECT id FROM support_case WHERE operator_id = ${NW()} ORDER BY id DESC`)));
	assert.ok(all.length >= 4);
	const open = await allPages('/api/v1/cases?status=open', readKey.key, 50);
	assert.ok(open.length >= 4 && open.every((c) => c.status !== 'closed'));
	assert.deepEqual((await allPages(`/api/v1/cases?occupier=${o.occ}`, readKey.key, 50)).map((c) => c.occupier_id), [o.occ, o.occ, o.occ, o.occ]);
	assertProblem(await api('GET', '/api/v1/cases?status=maybe', { key: readKey.key }), 400, 'bad-request', 'bad status');
	// A comment made on the case's page, read back through the API.
	const withComments = open[0].id;
	await admin.get(`/cases/${withComments}`);
	assert.equal((await admin.post(`/cases/${withComments}`, { op: 'comment', comment: `From the page ${rnd()}` })).status, 303);
	const r = await api('GET', `/api/v1/cases/${withComments}`, { key: readKey.key });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.subject, dbValue(`SELECT subject FROM support_case WHERE id = ${withComments}`));
	assert.ok(r.json.conversation.length >= 1);
	assert.deepEqual(r.json.conversation.map((c) => c.id), ids(db(`SELECT id FROM case_comment WHERE case_id = ${withComments} ORDER BY id`)));
	assertProblem(await api('GET', '/api/v1/cases/999999999', { key: readKey.key }), 404, 'not-found', 'no such case');
	assert.deepEqual((await allPages('/api/v1/cases', eastKey.key, 50)).filter((c) => all.some((x) => x.id === c.id)), []);
	assertProblem(await api('GET', `/api/v1/cases/${withComments}`, { key: eastKey.key }), 404, 'not-found', 'other operator');
	const site = Number(dbValue(`SELECT site_id FROM support_case WHERE id = ${withComments}`));
	const other = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW()} AND id <> ${site} ORDER BY id LIMIT 1`));
	const siteKey = await makeKey(admin, { scope: 'read', site: String(other) });
	assertProblem(await api('GET', `/api/v1/cases/${withComments}`, { key: siteKey.key }), 404, 'not-found', 'outside a site key');
	assert.ok((await allPages('/api/v1/cases', siteKey.key, 50)).every((c) => c.site_id === other));
});

test('case comments: added through the case page\'s operation, once per Idempotency-Key; rules and scope', async () => {
	const open = await allPages('/api/v1/cases?status=open', readKey.key, 50);
	const id = open[0].id;
	const before = Number(dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`));
	const text = `From a program ${rnd()}`;
	const idem = `comment-${rnd()}`;
	const r = await api('POST', `/api/v1/cases/${id}/comments`, { key: writeKey.key, body: { body: text }, headers: { 'idempotency-key': idem } });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.json.case_id, id);
	const again = await api('POST', `/api/v1/cases/${id}/comments`, { key: writeKey.key, body: { body: text }, headers: { 'idempotency-key': idem } });
	assert.equal(again.status, 201);
	assert.equal(again.text, r.text);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`)), before + 1, 'added once');
	assert.equal(dbValue(`SELECT body FROM case_comment WHERE id = ${r.json.id}`), text);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'case' AND entity_id = ${id} AND action = 'comment' AND new_value LIKE ${q(`%${text}%`)}`), '1');
	const g = await api('GET', `/api/v1/cases/${id}`, { key: readKey.key });
	assert.ok(g.json.conversation.some((c) => c.id === r.json.id && c.body === text));
	const bad = await api('POST', `/api/v1/cases/${id}/comments`, { key: writeKey.key, body: { body: '' } });
	assertProblem(bad, 422, 'validation', 'empty');
	assert.deepEqual(bad.json.errors, [{ field: 'body', message: 'Comment is required' }]);
	assertProblem(await api('POST', `/api/v1/cases/${id}/comments`, { key: readKey.key, body: { body: 'x' } }), 403, 'forbidden', 'read key');
	assertProblem(await api('POST', `/api/v1/cases/${id}/comments`, { key: eastKey.key, body: { body: 'x' } }), 404, 'not-found', 'other operator');
	assertProblem(await api('POST', '/api/v1/cases/999999999/comments', { key: writeKey.key, body: { body: 'x' } }), 404, 'not-found', 'no such case');
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`)), before + 1);
});

test('devices: an occupier\'s at a site; foreign occupier or site 404', async () => {
	const [occ, site] = db(`SELECT occupier_id, site_id FROM device WHERE operator_id = ${NW()} GROUP BY occupier_id, site_id ORDER BY COUNT(*) DESC LIMIT 1`)[0].map(Number);
	const r = await api('GET', `/api/v1/occupiers/${occ}/sites/${site}/devices`, { key: readKey.key });
	assert.equal(r.status, 200, r.text);
	const want = db(`SELECT id, type, identifier, state FROM device WHERE occupier_id = ${occ} AND site_id = ${site}`);
	assert.deepEqual(r.json.items.map((x) => x.id).sort((a, b) => a - b), ids(want).sort((a, b) => a - b));
	assert.ok(r.json.items.length > 0);
	for (const x of r.json.items) {
		const w = want.find((y) => Number(y[0]) === x.id);
		assert.deepEqual([x.type, x.identifier, x.state], w.slice(1));
	}
	const eastOcc = Number(dbValue(`SELECT id FROM occupier WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	const eastSite = Number(dbValue(`SELECT id FROM site WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('GET', `/api/v1/occupiers/${eastOcc}/sites/${site}/devices`, { key: readKey.key }), 404, 'not-found', 'foreign occupier');
	assertProblem(await api('GET', `/api/v1/occupiers/${occ}/sites/${eastSite}/devices`, { key: readKey.key }), 404, 'not-found', 'foreign site');
	assertProblem(await api('GET', `/api/v1/occupiers/${occ}/sites/${site}/devices`, { key: eastKey.key }), 404, 'not-found', 'other operator');
});

test('charges: a month\'s charges by occupier, as the Charges tab shows them; paged; scoped', async () => {
	const cw = siteId('Canary Wharf');
	const acme = occupierId('Acme Analytics Ltd');
	const month = '2026-01';
	// The screen: the Charges tab's lines (service, days, unit price, QTY, amount).
	const tab = await admin.get(`/occupiers/${acme}/sites/${cw}/charges?month=${month}`);
	assert.equal(tab.status, 200);
	const screen = tableRows(tab.body).filter((x) => x.length === 7).map((x) => [x[0], x[3], money(x[4]), x[5], money(x[6])]);
	assert.ok(screen.length > 0);
	const r = await api('GET', `/api/v1/charges?month=${month}&occupier=${acme}`, { key: readKey.key });
	assert.equal(r.status, 200, r.text);
	const plain = (v) => (v / 100).toFixed(2);
	const mine = r.json.items.filter((x) => x.site_id === cw);
	assert.deepEqual(mine.flatMap((x) => x.lines.map((l) => [x.service_name, `${l.days}/${l.days_in_month}`, plain(l.price), String(l.qty), plain(l.amount)])), screen);
	for (const x of mine) assert.equal(x.amount, x.lines.reduce((t, l) => t + l.amount, 0));
	const o = { occ: acme };
	const rows = mine;
	// Every occupier's, page by page: ours among them, once.
	const all = await allPages(`/api/v1/charges?month=${month}`, readKey.key, 5, false);
	assert.deepEqual(all.filter((x) => x.occupier_id === o.occ && x.site_id === cw), rows);
	assert.equal(new Set(all.map((x) => x.occupier_service_id)).size, all.length);
	// Scope and input.
	const siteKey = await makeKey(admin, { scope: 'read', site: String(cw) });
	const atCw = await allPages(`/api/v1/charges?month=${month}`, siteKey.key, 50, false);
	assert.deepEqual(atCw, all.filter((x) => x.site_id === cw));
	assertProblem(await api('GET', `/api/v1/charges?month=${month}&occupier=${o.occ}`, { key: eastKey.key }), 404, 'not-found', 'other operator');
	assertProblem(await api('GET', '/api/v1/charges', { key: readKey.key }), 400, 'bad-request', 'no month');
	assertProblem(await api('GET', '/api/v1/charges?month=2026-13', { key: readKey.key }), 400, 'bad-request', 'bad month');
});

test('invoices: listed and read with their lines; a site key 403; foreign 404', async () => {
	// A draft of an occupier of this test's own (removed again at the end).
	const occ = (await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: `Inv Co ${rnd()}` } })).json.id;
	db(`INSERT INTO invoice (operator_id, occupier_id, net, vat, gross) VALUES (${NW()}, ${occ}, 1000, 200, 1200)`);
	const inv = Number(dbValue(`SELECT MAX(id) FROM invoice WHERE occupier_id = ${occ}`));
	db(`INSERT INTO invoice_line (operator_id, invoice_id, line_no, kind, description, unit_price, qty, net, vat_rate, vat_bp, vat)
		VALUES (${NW()}, ${inv}, 1, 'charge', 'API test line', 500, 2, 1000, 'standard', 2000, 200)`);
	try {
		const list = await allPages(`/api/v1/invoices?occupier=${occ}`, readKey.key, 10);
		assert.deepEqual(list.map((x) => [x.id, x.net, x.gross, x.issued]), [[inv, 1000, 1200, false]]);
		const all = await allPages('/api/v1/invoices', readKey.key, 2);
		assert.equal(all.length, Number(dbValue(`SELECT COUNT(*) FROM invoice WHERE operator_id = ${NW()}`)));
		assert.equal(new Set(all.map((x) => x.id)).size, all.length, 'every invoice once');
		const r = await api('GET', `/api/v1/invoices/${inv}`, { key: readKey.key });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.json.lines.map((l) => [l.description, l.qty, l.unit_price, l.net]), [['API test line', 2, 500, 1000]]);
		assertProblem(await api('GET', `/api/v1/invoices/${inv}`, { key: eastKey.key }), 404, 'not-found', 'other operator');
		const siteKey = await makeKey(admin, { scope: 'read', site: String(siteId('Shoreditch')) });
		assertProblem(await api('GET', '/api/v1/invoices', { key: siteKey.key }), 403, 'forbidden', 'site key list');
		assertProblem(await api('GET', `/api/v1/invoices/${inv}`, { key: siteKey.key }), 403, 'forbidden', 'site key one');
		assertProblem(await api('GET', '/api/v1/invoices?status=lost', { key: readKey.key }), 400, 'bad-request', 'bad status');
	} finally {
		db(`DELETE FROM invoice_line WHERE invoice_id = ${inv}`);
		db(`DELETE FROM invoice WHERE id = ${inv}`);
	}
});

test('isolation: a read-only key on every write -> 403; nothing answers without a key', async () => {
	const occ = Number(dbValue(`SELECT id FROM occupier WHERE operator_id = ${NW()} ORDER BY id LIMIT 1`));
	const sd = siteId('Shoreditch');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: readKey.key, body: { name: 'x' } }), 403, 'forbidden', 'POST');
	assertProblem(await api('PATCH', `/api/v1/occupiers/${occ}`, { key: readKey.key, body: {} }), 403, 'forbidden', 'PATCH');
	assertProblem(await api('PUT', planPath(occ, sd), { key: readKey.key, body: { rows: [] } }), 403, 'forbidden', 'PUT');
	for (const p of ['/api/v1/contracts', '/api/v1/contracts/1', `/api/v1/sites/${sd}/numbers`, '/api/v1/cases', '/api/v1/cases/1',
		'/api/v1/invoices', '/api/v1/invoices/1', planPath(occ, sd)])
		assertProblem(await api('GET', p), 401, 'unauthorized', p);
});

test('isolation matrix: every endpoint with an id x another operator\'s key, and x a key of another site -> 404, nothing changed', async () => {
	const sd = siteId('Shoreditch');
	const o = await occupierWith(admin, sd, [{}], 'API matrix');
	const contract = o.contract.id;
	await admin.get('/cases/new');
	const raised = await admin.post('/cases/new', { occupier: o.occ, site: sd, service: '', subject: `Matrix ${rnd()}`, details: 'Details.' });
	const kase = Number(raised.location.match(/^\/cases\/(\d+)/)[1]);
	const etag = (await api('GET', planPath(o.occ, sd), { key: readKey.key })).headers.get('etag');
	const other = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW()} AND id <> ${sd} ORDER BY id LIMIT 1`));
	const otherSiteKey = await makeKey(admin, { scope: 'write', site: String(other) });
	const num = Number(dbValue(`SELECT id FROM phone_number WHERE operator_id = ${NW()} AND site_id = ${sd} AND state = 'available' ORDER BY id LIMIT 1`));
	const numState = dbValue(`SELECT CONCAT(state, ':', version) FROM phone_number WHERE id = ${num}`);
	const devices = `/api/v1/occupiers/${o.occ}/sites/${sd}/devices`;
	const dev = (await api('POST', devices, { key: writeKey.key, body: { type: 'wifi_account', identifier: `matrix${rnd()}` } })).json.id;
	const caseVersion = dbValue(`SELECT version FROM support_case WHERE id = ${kase}`);
	const calls = [
		['GET', `/api/v1/occupiers/${o.occ}`],
		['PATCH', `/api/v1/occupiers/${o.occ}`, { notes: 'matrix' }],
		['GET', planPath(o.occ, sd)],
		['PUT', planPath(o.occ, sd), { rows: [] }, { 'if-match': etag }],
		['GET', `/api/v1/occupiers/${o.occ}/sites/${sd}/devices`],
		['GET', `/api/v1/contracts/${contract}`],
		['GET', `/api/v1/sites/${sd}/numbers`],
		['GET', `/api/v1/cases/${kase}`],
		['POST', `/api/v1/cases/${kase}/comments`, { body: 'matrix' }],
		['PATCH', `/api/v1/cases/${kase}`, { priority: 'urgent', status: 'closed' }],
		['POST', '/api/v1/cases', { occupier_id: o.occ, site_id: sd, subject: 'matrix', details: 'matrix' }],
		['GET', `/api/v1/sites/${sd}/numbers/${num}`],
		['PATCH', `/api/v1/sites/${sd}/numbers/${num}`, { action: 'allocate', occupier_id: o.occ }],
		['POST', devices, { type: 'wifi_account', identifier: `matrix${rnd()}` }],
		['GET', `${devices}/${dev}`],
		['PATCH', `${devices}/${dev}`, { action: 'remove' }],
		['GET', `/api/v1/charges?month=2026-01&occupier=${o.occ}`],
	];
	let n = 0;
	for (const k of [eastKey, otherSiteKey])
		for (const [m, p, body, headers] of calls) {
			assertProblem(await api(m, p, { key: k.key, body, headers }), 404, 'not-found', `${k.name} ${m} ${p}`);
			n++;
		}
	assert.equal(n, 2 * calls.length);
	assert.equal(dbValue(`SELECT CONCAT('notes:', notes) FROM occupier WHERE id = ${o.occ}`), 'notes:');
	assert.equal(dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${kase}`), '0');
	assert.equal(dbValue(`SELECT version FROM support_case WHERE id = ${kase}`), caseVersion);
	assert.equal(dbValue(`SELECT COUNT(*) FROM support_case WHERE subject = 'matrix'`), '0');
	assert.equal(dbValue(`SELECT CONCAT(state, ':', version) FROM phone_number WHERE id = ${num}`), numState);
	assert.equal(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${o.occ} AND site_id = ${sd}`), '1');
	assert.equal((await api('GET', planPath(o.occ, sd), { key: readKey.key })).headers.get('etag'), etag);
	// Lists hold nothing of theirs.
	for (const p of ['/api/v1/contracts?limit=200', '/api/v1/cases?limit=200'])
		assert.ok(!(await api('GET', p, { key: eastKey.key })).json.items.some((x) => x.id === contract || x.id === kase), p);
});

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 10);
});
