// api-resources.test.mjs: the JSON API beyond occupiers and sites —
// Idempotency-Key on POSTs, the services plan of an occupier at a site (read
// with its version, saved through the Manage services dialog's operation and
// rules), and the read resources (contracts, numbers, devices, cases,
// charges, invoices); isolation (a foreign id on every endpoint: 404; a
// read-only key on a write: 403) and every response checked against
// templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, q, operatorId } from './lib.mjs';
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

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 10);
});
