// api.test.mjs: the JSON API under /api/v1 — keys made on /settings/api-keys,
// Bearer authentication only, problem documents, the rate limit, occupiers and
// sites through the same rules as the screens, isolation by operator and site,
// and the OpenAPI document checked against the route table of app/front.c and
// against every response this file receives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	BASE_URL, ADMIN, STAFF, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, blake2b, operatorId,
} from './lib.mjs';
import { openapi, api, assertProblem, makeKey, routeTable, checkSeen } from './api-lib.mjs';

let admin, eastAdmin, readKey, writeKey, eastKey, siteKey;
let northSite, eastSite, otherNorthSite;

test('setup: keys are made by operator admins on /settings/api-keys', async () => {
	admin = await signedIn(ADMIN);
	eastAdmin = await signedIn(EASTWIND_ADMIN);
	readKey = await makeKey(admin, { scope: 'read' });
	writeKey = await makeKey(admin, { scope: 'write' });
	eastKey = await makeKey(eastAdmin, { scope: 'write' });
	const north = operatorId();
	const sites = db(`SELECT s.id FROM site s WHERE s.operator_id = ${north} AND EXISTS (SELECT 1 FROM contract c WHERE c.site_id = s.id) ORDER BY s.id`);
	northSite = Number(sites[0][0]);
	otherNorthSite = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${north} AND id <> ${northSite} ORDER BY id LIMIT 1`));
	eastSite = Number(dbValue(`SELECT id FROM site WHERE operator_id <> ${north} ORDER BY id LIMIT 1`));
	siteKey = await makeKey(admin, { scope: 'write', site: String(northSite) });

	// Only the hash is stored: BLAKE2b-256 of the 32 key bytes.
	const stored = dbValue(`SELECT HEX(token_hash) FROM api_key WHERE id = ${readKey.id}`);
	assert.equal(stored.toLowerCase(), blake2b(Buffer.from(readKey.key.slice(4), 'hex')).toString('hex'));
	assert.equal(dbValue(`SELECT COUNT(*) FROM api_key WHERE HEX(token_hash) LIKE '%${readKey.key.slice(4).toUpperCase()}%'`), '0');
	// The list shows the prefix, never the key; the create was audited.
	const page = await admin.get('/settings/api-keys');
	assert.equal(page.status, 200);
	assert.ok(page.body.includes(`tnt_${readKey.key.slice(4, 12)}`));
	assert.ok(!page.body.includes(readKey.key));
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'api_key' AND entity_id = ${readKey.id} AND action = 'create'`), '1');
});

test('settings page: staff refused, a bad form kept with its message, a foreign site refused', async () => {
	const staff = await signedIn(STAFF);
	assert.equal((await staff.get('/settings/api-keys')).status, 403);
	let r = await admin.post('/settings/api-keys', { name: '', scope: 'read', site_id: '' });
	assert.equal(r.status, 422);
	assert.match(r.text, /Name is required/);
	r = await admin.post('/settings/api-keys', { name: `x-${rnd()}`, scope: 'read', site_id: String(eastSite) });
	assert.equal(r.status, 422);
	assert.match(r.text, /not one of your sites/);
	r = await admin.post('/settings/api-keys', { name: `x-${rnd()}`, scope: 'read' }, { csrf: false });
	assert.equal(r.status, 403, 'CSRF on the HTML page');
	r = await eastAdmin.post('/settings/api-keys', { revoke: String(readKey.id) });
	assert.equal(r.status, 404, 'a foreign key cannot be revoked');
});

test('authentication: Bearer key only; never a cookie; never a key on HTML routes', async () => {
	assertProblem(await api('GET', '/api/v1/sites'), 401, 'unauthorized', 'no key');
	assertProblem(await api('GET', '/api/v1/sites', { key: 'tnt_' + '0'.repeat(64) }), 401, 'unauthorized', 'unknown key');
	assertProblem(await api('GET', '/api/v1/sites', { key: 'garbage' }), 401, 'unauthorized', 'malformed key');
	// A signed-in browser session is no credential for the API.
	const r = await api('GET', '/api/v1/sites', { headers: { cookie: admin.cookieHeader() } });
	assertProblem(r, 401, 'unauthorized', 'cookie on the API');
	assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="tenantry"');
	// A key is no credential for the screens: sent to sign in.
	const h = await api('GET', '/occupiers', { key: writeKey.key });
	assert.equal(h.status, 303);
	assert.match(h.headers.get('location'), /^\/login/);
	const p = await fetch(BASE_URL + '/settings/api-keys', { method: 'POST', redirect: 'manual',
		headers: { authorization: `Bearer ${writeKey.key}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'name=x&scope=write' });
	assert.equal(p.status, 303);
	// Last use is recorded by API calls only.
	assert.equal(dbValue(`SELECT last_used_at FROM api_key WHERE id = ${writeKey.id}`), null);
	assert.equal((await api('GET', '/api/v1/sites', { key: writeKey.key })).status, 200);
	assert.notEqual(dbValue(`SELECT last_used_at FROM api_key WHERE id = ${writeKey.id}`), null);
});

test('routing: unknown path 404, wrong method 405 with Allow, both as problems', async () => {
	assertProblem(await api('GET', '/api/v1/nothing', { key: readKey.key }), 404, 'not-found', 'unknown');
	const r = await api('DELETE', '/api/v1/occupiers', { key: readKey.key });
	assertProblem(r, 405, 'method-not-allowed', 'DELETE');
	assert.equal(r.headers.get('allow'), 'GET, HEAD, POST');
	assert.equal((await api('PUT', '/occupiers', { raw: '{}' })).status, 405, 'PUT on an HTML route');
});

test('sites: the operator\'s, or only the key\'s site', async () => {
	const r = await api('GET', '/api/v1/sites', { key: readKey.key });
	assert.equal(r.status, 200);
	const want = db(`SELECT id FROM site WHERE operator_id = ${operatorId()}`).map((x) => Number(x[0])).sort();
	assert.deepEqual(r.json.items.map((s) => s.id).sort(), want);
	assert.ok(!r.json.items.some((s) => s.id === eastSite));
	const s = await api('GET', '/api/v1/sites', { key: siteKey.key });
	assert.deepEqual(s.json.items.map((x) => x.id), [northSite]);
	assert.ok(r.headers.get('ratelimit-limit'));
	assert.ok(Number(r.headers.get('ratelimit-remaining')) >= 0);
	assert.ok(Number(r.headers.get('ratelimit-reset')) > 0);
});

test('occupiers: create, read with ETag, change with If-Match, 412 when stale', async () => {
	const name = `API Co ${rnd()}`;
	let r = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name, billing_ref: `B-${rnd(3)}`, contact_email: 'ap@apico.example' } });
	assert.equal(r.status, 201, r.text);
	const id = r.json.id;
	assert.equal(r.headers.get('location'), `/api/v1/occupiers/${id}`);
	assert.equal(r.json.name, name);
	assert.equal(dbValue(`SELECT operator_id FROM occupier WHERE id = ${id}`), String(operatorId()));
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id} AND action = 'create'`), '1');
	r = await api('GET', `/api/v1/occupiers/${id}`, { key: readKey.key });
	assert.equal(r.status, 200);
	const etag = r.headers.get('etag');
	assert.equal(etag, `"v${r.json.version}"`);
	r = await api('PATCH', `/api/v1/occupiers/${id}`, { key: writeKey.key, headers: { 'if-match': etag }, body: { notes: 'from the API' } });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.notes, 'from the API');
	assert.equal(r.json.name, name, 'fields not sent are kept');
	assert.notEqual(r.headers.get('etag'), etag);
	assertProblem(await api('PATCH', `/api/v1/occupiers/${id}`, { key: writeKey.key, headers: { 'if-match': etag }, body: { notes: 'stale' } }), 412, 'precondition-failed', 'stale If-Match');
	assertProblem(await api('PATCH', `/api/v1/occupiers/${id}`, { key: writeKey.key, headers: { 'if-match': 'nonsense' }, body: { notes: 'x' } }), 412, 'precondition-failed', 'bad If-Match');
	assert.equal(dbValue(`SELECT notes FROM occupier WHERE id = ${id}`), 'from the API');
	// The same rules as the form: the same wording, nothing saved.
	r = await api('PATCH', `/api/v1/occupiers/${id}`, { key: writeKey.key, body: { name: '', contact_email: 'not an email' } });
	assertProblem(r, 422, 'validation', 'invalid fields');
	assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['contact_email', 'name']);
	assert.ok(r.json.errors.some((e) => e.message === 'Name is required'), JSON.stringify(r.json));
	assertProblem(await api('PATCH', `/api/v1/occupiers/${id}`, { key: writeKey.key, body: { name: 5 } }), 422, 'validation', 'a number for a string');
	assert.equal(dbValue(`SELECT name FROM occupier WHERE id = ${id}`), name);
	// A name another occupier has: 409 unless confirmed.
	r = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: name.toUpperCase() } });
	assertProblem(r, 409, 'duplicate-name', 'the same name');
	assert.match(r.json.detail, new RegExp(name));
	r = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name, confirm_same_name: true } });
	assert.equal(r.status, 201, r.text);
});

test('bad bodies: 415, 400 (not JSON, not an object, too deep, duplicate keys), 413', async () => {
	const k = writeKey.key;
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: 'name=x', type: 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type', 'form');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: '{"name":' }), 400, 'bad-json', 'truncated');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: '[1]' }), 400, 'bad-json', 'array');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: '{"a":'.repeat(20) + '1' + '}'.repeat(20) }), 400, 'bad-json', 'deep');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: '{"name":"a","name":"b"}' }), 400, 'bad-json', 'duplicate');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: k, raw: JSON.stringify({ name: 'x', notes: 'n'.repeat(70000) }) }), 413, 'too-large', 'large');
	assertProblem(await api('GET', '/api/v1/occupiers?limit=abc', { key: k }), 400, 'bad-request', 'limit');
	assertProblem(await api('GET', '/api/v1/occupiers?limit=201', { key: k }), 400, 'bad-request', 'limit too large');
});

test('paging: cursor in id order, every occupier once; updated_since', async () => {
	const all = [];
	let cursor = '';
	for (let i = 0; i < 100; i++) {
		const r = await api('GET', `/api/v1/occupiers?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { key: readKey.key });
		assert.equal(r.status, 200);
		assert.ok(r.json.items.length <= 7);
		all.push(...r.json.items.map((o) => o.id));
		if (r.json.next_cursor === null) break;
		cursor = r.json.next_cursor;
	}
	const want = db(`SELECT id FROM occupier WHERE operator_id = ${operatorId()} ORDER BY id`).map((x) => Number(x[0]));
	assert.deepEqual(all, want);
	const future = Math.floor(Date.now() / 1000) + 3600;
	const r = await api('GET', `/api/v1/occupiers?updated_since=${future}`, { key: readKey.key });
	assert.deepEqual(r.json.items, []);
	const since = Number(dbValue(`SELECT UNIX_TIMESTAMP(MAX(updated_at)) FROM occupier WHERE operator_id = ${operatorId()}`));
	const s = await api('GET', `/api/v1/occupiers?updated_since=${since}&limit=200`, { key: readKey.key });
	assert.ok(s.json.items.length >= 1);
	assert.ok(s.json.items.every((o) => o.updated_at >= since));
});

test('isolation: every endpoint x scope x a foreign operator\'s or site\'s ids -> 404; read-only key -> 403', async () => {
	const eastOcc = Number(dbValue(`SELECT id FROM occupier WHERE operator_id <> ${operatorId()} ORDER BY id LIMIT 1`));
	const outsideSite = Number(dbValue(`SELECT o.id FROM occupier o WHERE o.operator_id = ${operatorId()} AND NOT EXISTS (SELECT 1 FROM contract c WHERE c.occupier_id = o.id AND c.site_id = ${northSite}) ORDER BY o.id LIMIT 1`));
	const cases = [[readKey, eastOcc], [writeKey, eastOcc], [siteKey, eastOcc], [siteKey, outsideSite]];
	for (const [k, id] of cases) {
		assertProblem(await api('GET', `/api/v1/occupiers/${id}`, { key: k.key }), 404, 'not-found', `GET ${k.name} ${id}`);
		if (k.key !== readKey.key)
			assertProblem(await api('PATCH', `/api/v1/occupiers/${id}`, { key: k.key, body: { notes: 'x' } }), 404, 'not-found', `PATCH ${k.name} ${id}`);
	}
	assert.notEqual(dbValue(`SELECT notes FROM occupier WHERE id = ${eastOcc}`), 'x');
	// Lists hold none of them.
	for (const k of [readKey, siteKey]) {
		const r = await api('GET', '/api/v1/occupiers?limit=200', { key: k.key });
		assert.ok(!r.json.items.some((o) => o.id === eastOcc));
		if (k === siteKey) assert.ok(!r.json.items.some((o) => o.id === outsideSite));
	}
	const e = await api('GET', '/api/v1/occupiers?limit=200', { key: eastKey.key });
	assert.ok(e.json.items.every((o) => dbValue(`SELECT operator_id FROM occupier WHERE id = ${o.id}`) !== String(operatorId())));
	// Read-only keys cannot write; a site key cannot create an occupier.
	assertProblem(await api('POST', '/api/v1/occupiers', { key: readKey.key, body: { name: `No ${rnd()}` } }), 403, 'forbidden', 'read-only POST');
	const mine = Number(dbValue(`SELECT id FROM occupier WHERE operator_id = ${operatorId()} ORDER BY id LIMIT 1`));
	assertProblem(await api('PATCH', `/api/v1/occupiers/${mine}`, { key: readKey.key, body: { notes: 'x' } }), 403, 'forbidden', 'read-only PATCH');
	assertProblem(await api('POST', '/api/v1/occupiers', { key: siteKey.key, body: { name: `No ${rnd()}` } }), 403, 'forbidden', 'site key POST');
	void otherNorthSite;
});

test('revoked key: 401 from its next request, audited', async () => {
	const k = await makeKey(admin, { scope: 'write' });
	assert.equal((await api('GET', '/api/v1/sites', { key: k.key })).status, 200);
	const r = await admin.post('/settings/api-keys', { revoke: String(k.id) });
	assert.equal(r.status, 200);
	assert.match(r.text, /Key revoked/);
	assertProblem(await api('GET', '/api/v1/sites', { key: k.key }), 401, 'unauthorized', 'revoked');
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'api_key' AND entity_id = ${k.id} AND action = 'revoke'`), '1');
});

test('rate limit: 429 past RateLimit-Limit requests a minute, with Retry-After', async () => {
	const k = await makeKey(admin, { scope: 'read' });
	const first = await api('GET', '/api/v1/sites', { key: k.key });
	const limit = Number(first.headers.get('ratelimit-limit'));
	assert.ok(limit > 0);
	assert.equal(Number(first.headers.get('ratelimit-remaining')), limit - 1);
	let r;
	// At most two windows' worth: a new minute may start once meanwhile.
	for (let i = 0; i < 2 * limit + 1; i++) {
		r = await api('GET', '/api/v1/sites', { key: k.key });
		if (r.status === 429) break;
	}
	assertProblem(r, 429, 'rate-limited', 'past the limit');
	assert.equal(r.headers.get('ratelimit-remaining'), '0');
	assert.ok(Number(r.headers.get('retry-after')) > 0);
});

test('OpenAPI: served, documents exactly the route table, and every response matched its schema', async () => {
	const r = await api('GET', '/api/v1/openapi.json');
	assert.equal(r.status, 200);
	assert.equal(r.json.openapi, '3.1.0');
	assert.deepEqual(r.json, openapi);
	const documented = [];
	for (const [p, ops] of Object.entries(openapi.paths))
		for (const m of Object.keys(ops))
			if (m !== 'parameters') documented.push(`${m} ${p}`);
	assert.deepEqual(documented.sort(), routeTable());
	const checked = checkSeen();
	assert.ok(checked > 50, `responses checked: ${checked}`);
});
