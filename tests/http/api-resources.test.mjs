// api-resources.test.mjs: the JSON API beyond occupiers and sites —
// Idempotency-Key on POSTs, the services plan of an occupier at a site (read
// with its version, saved through the Manage services dialog's operation and
// rules), and the read resources (contracts, numbers, devices, cases,
// charges, invoices); isolation (a foreign id on every endpoint: 404; a
// read-only key on a write: 403) and every response checked against
// templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, q, operatorId, siteId } from './lib.mjs';
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

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 10);
});
