// api-writes.test.mjs: the write side of the JSON API beyond occupiers,
// contracts and plans — raising and changing cases, actions on phone
// numbers, registering and changing devices — each through the operation
// its screen calls, with the screen's wording, every status (201/200, 400,
// 401, 403, 404, 409, 412, 422), Idempotency-Key on the POSTs, ETag and
// If-Match on cases and numbers, and every response checked against
// templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, q, operatorId, siteId, decode } from './lib.mjs';
import { occupierWith, serviceIds } from './services-lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

let admin, readKey, writeKey, eastKey, sd, other, siteKey, otherSiteKey, o, occName;
const NW = () => operatorId();

test('setup: keys and an occupier of our own with a contract at Shoreditch', async () => {
	admin = await signedIn(ADMIN);
	const eastAdmin = await signedIn(EASTWIND_ADMIN);
	readKey = await makeKey(admin, { scope: 'read' });
	writeKey = await makeKey(admin, { scope: 'write' });
	eastKey = await makeKey(eastAdmin, { scope: 'write' });
	sd = siteId('Shoreditch');
	other = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW()} AND id <> ${sd} ORDER BY id LIMIT 1`));
	siteKey = await makeKey(admin, { scope: 'write', site: String(sd) });
	otherSiteKey = await makeKey(admin, { scope: 'write', site: String(other) });
	o = await occupierWith(admin, sd, [{}], 'API writes');
	occName = dbValue(`SELECT name FROM occupier WHERE id = ${o.occ}`);
});

/* ---- cases ---- */

const caseBody = (extra = {}) => ({ occupier_id: o.occ, site_id: sd, subject: `API case ${rnd()}`, details: 'Raised by a program.', ...extra });

test('cases: raised through the form\'s operation (201, Location, ETag, audit), once per Idempotency-Key', async () => {
	const body = caseBody({ priority: 'high' });
	const idem = `case-${rnd()}`;
	const r = await api('POST', '/api/v1/cases', { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(r.status, 201, r.text);
	const id = r.json.id;
	assert.equal(r.headers.get('location'), `/api/v1/cases/${id}`);
	assert.equal(r.headers.get('etag'), `"v${r.json.version}"`);
	assert.deepEqual([r.json.subject, r.json.status, r.json.priority, r.json.category, r.json.occupier_id, r.json.site_id],
		[body.subject, 'open', 'high', 'other', o.occ, sd]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'case' AND entity_id = ${id} AND action = 'create'`), '1');
	const again = await api('POST', '/api/v1/cases', { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(again.status, 201);
	assert.equal(again.text, r.text);
	assert.equal(again.headers.get('idempotent-replayed'), 'true');
	assert.equal(dbValue(`SELECT COUNT(*) FROM support_case WHERE subject = ${q(body.subject)}`), '1', 'raised once');
	const g = await api('GET', `/api/v1/cases/${id}`, { key: readKey.key });
	assert.equal(g.status, 200);
	assert.equal(g.headers.get('etag'), r.headers.get('etag'));
	assert.equal(g.json.details, body.details);
	// A site key raises at its own site.
	const s = await api('POST', '/api/v1/cases', { key: siteKey.key, body: caseBody() });
	assert.equal(s.status, 201, s.text);
});

test('cases: a related service the occupier holds there is taken; one it does not is refused in the form\'s words', async () => {
	const S = serviceIds();
	const plan = `/api/v1/occupiers/${o.occ}/sites/${sd}/services`;
	const etag = (await api('GET', plan, { key: readKey.key })).headers.get('etag');
	const inet = S['Internet (LAN only) 100 Mbps'];
	const put = await api('PUT', plan, { key: writeKey.key, headers: { 'if-match': etag }, body: { rows: [{ service_id: inet }] } });
	assert.equal(put.status, 200, put.text);
	const r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ service_id: inet }) });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.json.service_id, inet);
	assert.equal(dbValue(`SELECT service_id FROM support_case WHERE id = ${r.json.id}`), String(inet));
	// Not held: the API and the form say the same.
	const ip = S['Public IP (/29)'];
	const bad = await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ service_id: ip }) });
	assertProblem(bad, 422, 'validation', 'service not held');
	const want = `Related service: Public IP (/29) is not one of ${occName}'s services at Shoreditch. Choose one of them, or None.`;
	assert.deepEqual(bad.json.errors, [{ field: 'service', message: want }]);
	await admin.get('/cases/new');
	const page = await admin.post('/cases/new', { occupier: o.occ, site: sd, service: ip, subject: 'x', details: 'y' });
	assert.equal(page.status, 422);
	assert.ok(decode(page.body).includes(want), 'the form has the same message');
});

test('cases: 422 with the form\'s field messages, nothing raised; 400, 401, 403, 404', async () => {
	const before = dbValue('SELECT COUNT(*) FROM support_case');
	let r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: { occupier_id: o.occ, site_id: sd, subject: '', details: '', priority: 'extreme' } });
	assertProblem(r, 422, 'validation', 'empty');
	assert.deepEqual(r.json.errors.map((e) => [e.field, e.message]).sort(), [
		['details', 'Details are required'], ['priority', 'Priority must be one of the choices.'], ['subject', 'Subject is required']]);
	r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ details: 'y'.repeat(10001) }) });
	assertProblem(r, 422, 'validation', 'long details');
	assert.deepEqual(r.json.errors, [{ field: 'details', message: 'Details are too long (at most 10000 bytes; you entered 10001)' }]);
	r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: { subject: 'x', details: 'y' } });
	assertProblem(r, 422, 'validation', 'no ids');
	assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['occupier_id', 'site_id']);
	// An occupier without a contract at the site: the operation's own words, as the form shows them.
	const cw = siteId('Canary Wharf');
	r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ site_id: cw }) });
	assertProblem(r, 422, 'validation', 'no contract there');
	const want = `${occName} has no contract at Canary Wharf: a case must concern an occupier present at that site. Choose a site where it has a contract.`;
	assert.deepEqual(r.json.errors, [{ field: 'site', message: want }]);
	const page = await admin.post('/cases/new', { occupier: o.occ, site: cw, subject: 'x', details: 'y' });
	assert.ok(decode(page.body).includes(want));
	assert.equal(dbValue('SELECT COUNT(*) FROM support_case'), before, 'nothing raised');
	assertProblem(await api('POST', '/api/v1/cases', { key: writeKey.key, raw: '{"subject":' }), 400, 'bad-json', 'bad JSON');
	assertProblem(await api('POST', '/api/v1/cases', { body: caseBody() }), 401, 'unauthorized', 'no key');
	assertProblem(await api('POST', '/api/v1/cases', { key: readKey.key, body: caseBody() }), 403, 'forbidden', 'read key');
	assertProblem(await api('POST', '/api/v1/cases', { key: eastKey.key, body: caseBody() }), 404, 'not-found', 'other operator');
	assertProblem(await api('POST', '/api/v1/cases', { key: otherSiteKey.key, body: caseBody() }), 404, 'not-found', 'outside a site key');
	const eastSvc = Number(dbValue(`SELECT id FROM service WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ service_id: eastSvc }) }), 404, 'not-found', 'foreign service');
	assert.equal(dbValue('SELECT COUNT(*) FROM support_case'), before);
});

test('cases: PATCH moves and triages with If-Match (412 stale, 409 a move not allowed, 400, 422 in the page\'s words)', async () => {
	const id = (await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody() })).json.id;
	let g = await api('GET', `/api/v1/cases/${id}`, { key: readKey.key });
	const etag = g.headers.get('etag');
	let r = await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, headers: { 'if-match': etag }, body: { status: 'in_progress' } });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.status, 'in_progress');
	assert.notEqual(r.headers.get('etag'), etag);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'case' AND entity_id = ${id} AND action = 'status'`), '1');
	// The stale version: 412, nothing changed.
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, headers: { 'if-match': etag }, body: { status: 'resolved' } }), 412, 'precondition-failed', 'stale');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, headers: { 'if-match': 'v1' }, body: { status: 'resolved' } }), 412, 'precondition-failed', 'not a tag');
	assert.equal(dbValue(`SELECT status FROM support_case WHERE id = ${id}`), 'in_progress');
	// Triage: the page's rules and words.
	const staff = Number(dbValue(`SELECT id FROM app_user WHERE email = 'staff@northwind.example'`));
	const eastUser = Number(dbValue(`SELECT id FROM app_user WHERE email = 'admin@eastwind.example'`));
	r = await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, body: { assignee_id: eastUser, priority: 'extreme' } });
	assertProblem(r, 422, 'validation', 'foreign assignee');
	assert.deepEqual(r.json.errors.map((e) => [e.field, e.message]).sort(), [
		['assignee', 'Assignee must be a member of the team.'], ['priority', 'Priority must be one of the choices.']]);
	r = await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, body: { assignee_id: staff, priority: 'urgent', category: 'wifi' } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual([r.json.assignee_id, r.json.priority, r.json.category, r.json.status], [staff, 'urgent', 'wifi', 'in_progress']);
	assert.deepEqual(db(`SELECT assignee_id, priority, category FROM support_case WHERE id = ${id}`)[0], [String(staff), 'urgent', 'wifi']);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'case' AND entity_id = ${id} AND action = 'triage'`), '1');
	// A move the status does not allow: 409 with the page's words; an unknown one: 400.
	r = await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, body: { status: 'closed' } });
	assert.equal(r.status, 200, r.text);
	assert.ok(r.json.closed_at > 0);
	r = await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, body: { status: 'resolved' } });
	assertProblem(r, 409, 'conflict', 'closed to resolved');
	assert.equal(r.json.detail, 'A case that is Closed cannot move to Resolved.');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, body: { status: 'lost' } }), 400, 'bad-request', 'unknown status');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: writeKey.key, raw: '[' }), 400, 'bad-json', 'bad JSON');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { body: {} }), 401, 'unauthorized', 'no key');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: readKey.key, body: { status: 'open' } }), 403, 'forbidden', 'read key');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: eastKey.key, body: { status: 'open' } }), 404, 'not-found', 'other operator');
	assertProblem(await api('PATCH', `/api/v1/cases/${id}`, { key: otherSiteKey.key, body: { status: 'open' } }), 404, 'not-found', 'outside a site key');
	g = await api('GET', `/api/v1/cases/${id}`, { key: readKey.key });
	assert.equal(g.json.status, 'closed');
	assert.ok(g.json.conversation.some((c) => c.body === 'Closed by the API.'), 'the system line');
});

/* ---- phone numbers ---- */

const numPath = (id, site = sd) => `/api/v1/sites/${site}/numbers/${id}`;

test('numbers: read one with its ETag; allocate, deallocate through the screen\'s operation; 409 the state machine, 412 stale', async () => {
	const id = Number(dbValue(`SELECT id FROM phone_number WHERE operator_id = ${NW()} AND site_id = ${sd} AND state = 'available' AND occupier_id IS NULL AND operator_held = 0 ORDER BY id LIMIT 1`));
	const number = dbValue(`SELECT number FROM phone_number WHERE id = ${id}`);
	let g = await api('GET', numPath(id), { key: readKey.key });
	assert.equal(g.status, 200, g.text);
	assert.deepEqual([g.json.id, g.json.number, g.json.state], [id, number, 'available']);
	const etag = g.headers.get('etag');
	assert.equal(etag, `"v${g.json.version}"`);
	const allocations = () => Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'phone_number' AND entity_id = ${id} AND action = 'allocate'`));
	const before = allocations();
	let r = await api('PATCH', numPath(id), { key: writeKey.key, headers: { 'if-match': etag }, body: { action: 'allocate', occupier_id: o.occ } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual([r.json.state, r.json.occupier_id], ['reserved', o.occ]);
	assert.notEqual(r.headers.get('etag'), etag);
	assert.equal(allocations(), before + 1);
	assertProblem(await api('PATCH', numPath(id), { key: writeKey.key, headers: { 'if-match': etag }, body: { action: 'deallocate' } }), 412, 'precondition-failed', 'stale');
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${id}`), 'reserved');
	// Activating beyond the occupier's Telephony extensions (it has none): 409.
	assertProblem(await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'activate' } }), 409, 'conflict', 'no extensions');
	r = await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'deallocate' } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual([r.json.state, r.json.occupier_id], ['available', 0]);
	// A transition the state does not allow: 409, the number named.
	r = await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'deallocate' } });
	assertProblem(r, 409, 'conflict', 'deallocate an available number');
	assert.ok(r.json.detail.startsWith(`${number}: `), r.json.detail);
	r = await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'borrow' } });
	assertProblem(r, 422, 'validation', 'unknown action');
	assert.equal(r.json.errors[0].field, 'action');
	assertProblem(await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'activate', occupier_id: o.occ } }), 422, 'validation', 'occupier_id off allocate');
	assertProblem(await api('PATCH', numPath(id), { key: writeKey.key, raw: 'nope' }), 400, 'bad-json', 'bad JSON');
	assertProblem(await api('PATCH', numPath(id), { body: { action: 'allocate' } }), 401, 'unauthorized', 'no key');
	assertProblem(await api('PATCH', numPath(id), { key: readKey.key, body: { action: 'allocate' } }), 403, 'forbidden', 'read key');
	for (const k of [eastKey, otherSiteKey]) {
		assertProblem(await api('GET', numPath(id), { key: k.key }), 404, 'not-found', `GET ${k.name}`);
		assertProblem(await api('PATCH', numPath(id), { key: k.key, body: { action: 'allocate' } }), 404, 'not-found', `PATCH ${k.name}`);
	}
	assertProblem(await api('GET', numPath(id, other), { key: readKey.key }), 404, 'not-found', 'another site\'s path');
	const eastOcc = Number(dbValue(`SELECT id FROM occupier WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('PATCH', numPath(id), { key: writeKey.key, body: { action: 'allocate', occupier_id: eastOcc } }), 404, 'not-found', 'foreign occupier');
	assert.equal(dbValue(`SELECT CONCAT(state, ':', COALESCE(occupier_id, 0)) FROM phone_number WHERE id = ${id}`), 'available:0');
});

/* ---- devices ---- */

const devPath = (occ = o.occ, site = sd, id) => `/api/v1/occupiers/${occ}/sites/${site}/devices${id ? `/${id}` : ''}`;
const mac = () => `02:${Array.from({ length: 5 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, '0')).join(':')}`;

test('devices: registered through the tab\'s operation (201, once per Idempotency-Key), the tab\'s words on a refusal', async () => {
	const m = mac();
	const idem = `dev-${rnd()}`;
	const body = { type: 'wifi_device', identifier: m.toUpperCase(), label: 'Printer' };
	const r = await api('POST', devPath(), { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(r.status, 201, r.text);
	assert.deepEqual([r.json.type, r.json.identifier, r.json.label, r.json.state], ['wifi_device', m, 'Printer', 'registered']);
	assert.equal(r.headers.get('location'), devPath(o.occ, sd, r.json.id));
	const again = await api('POST', devPath(), { key: writeKey.key, body, headers: { 'idempotency-key': idem } });
	assert.equal(again.text, r.text);
	assert.equal(dbValue(`SELECT COUNT(*) FROM device WHERE identifier = ${q(m)}`), '1', 'registered once');
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'device' AND entity_id = ${r.json.id} AND action = 'register'`), '1');
	const g = await api('GET', devPath(o.occ, sd, r.json.id), { key: readKey.key });
	assert.deepEqual(g.json, r.json);
	// Refusals in the tab's words.
	let x = await api('POST', devPath(), { key: writeKey.key, body: { type: 'wifi_device', identifier: m } });
	assertProblem(x, 422, 'validation', 'duplicate');
	assert.deepEqual(x.json.errors, [{ field: 'identifier', message: `${m} is already registered at Shoreditch.` }]);
	x = await api('POST', devPath(), { key: writeKey.key, body: { type: 'wifi_device', identifier: '' } });
	assert.deepEqual(x.json.errors, [{ field: 'identifier', message: 'MAC address is required' }]);
	x = await api('POST', devPath(), { key: writeKey.key, body: { type: 'wifi_device', identifier: 'not a mac' } });
	assertProblem(x, 422, 'validation', 'bad MAC');
	assert.match(x.json.errors[0].message, /^MAC address /);
	x = await api('POST', devPath(), { key: writeKey.key, body: { type: 'fax', identifier: 'x' } });
	assertProblem(x, 422, 'validation', 'bad type');
	assert.equal(x.json.errors[0].field, 'type');
	// Active at once beyond the allocation (it has no Wi-Fi service): 409, nothing registered.
	const m2 = mac();
	assertProblem(await api('POST', devPath(), { key: writeKey.key, body: { type: 'wifi_device', identifier: m2, active: true } }), 409, 'conflict', 'beyond the allocation');
	assert.equal(dbValue(`SELECT COUNT(*) FROM device WHERE identifier = ${q(m2)}`), '0');
	assertProblem(await api('POST', devPath(), { key: writeKey.key, raw: '{' }), 400, 'bad-json', 'bad JSON');
	assertProblem(await api('POST', devPath(), { body }), 401, 'unauthorized', 'no key');
	assertProblem(await api('POST', devPath(), { key: readKey.key, body }), 403, 'forbidden', 'read key');
	const eastOcc = Number(dbValue(`SELECT id FROM occupier WHERE operator_id <> ${NW()} ORDER BY id LIMIT 1`));
	assertProblem(await api('POST', devPath(eastOcc), { key: writeKey.key, body: { type: 'wifi_account', identifier: `acct${rnd()}` } }), 404, 'not-found', 'foreign occupier');
	assertProblem(await api('POST', devPath(), { key: eastKey.key, body: { type: 'wifi_account', identifier: `acct${rnd()}` } }), 404, 'not-found', 'other operator');
	assertProblem(await api('POST', devPath(), { key: otherSiteKey.key, body: { type: 'wifi_account', identifier: `acct${rnd()}` } }), 404, 'not-found', 'outside a site key');
});

test('devices: PATCH activate, deactivate, remove through the tab\'s operation; 409 beyond the allocation or removing an active one', async () => {
	// An active device of the demo: deactivated, deactivated again (unchanged), activated again (within its allocation).
	const [id, occ, site] = db(`SELECT id, occupier_id, site_id FROM device WHERE operator_id = ${NW()} AND state = 'active' ORDER BY id LIMIT 1`)[0].map(Number);
	const p = devPath(occ, site, id);
	const deactivations = () => Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'device' AND entity_id = ${id} AND action = 'deactivate'`));
	const before = deactivations();
	assertProblem(await api('PATCH', p, { key: writeKey.key, body: { action: 'remove' } }), 409, 'conflict', 'remove an active one');
	let r = await api('PATCH', p, { key: writeKey.key, body: { action: 'deactivate' } });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.state, 'registered');
	r = await api('PATCH', p, { key: writeKey.key, body: { action: 'deactivate' } });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.state, 'registered');
	assert.equal(deactivations(), before + 1, 'unchanged the second time');
	r = await api('PATCH', p, { key: writeKey.key, body: { action: 'activate' } });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.state, 'active');
	// Ours: beyond the allocation, then removed.
	const m = mac();
	const dev = (await api('POST', devPath(), { key: writeKey.key, body: { type: 'wifi_device', identifier: m } })).json.id;
	r = await api('PATCH', devPath(o.occ, sd, dev), { key: writeKey.key, body: { action: 'activate' } });
	assertProblem(r, 409, 'conflict', 'beyond the allocation');
	assertProblem(await api('PATCH', devPath(o.occ, sd, dev), { key: writeKey.key, body: { action: 'lend' } }), 422, 'validation', 'unknown action');
	assertProblem(await api('PATCH', devPath(o.occ, sd, dev), { key: writeKey.key, raw: 'x' }), 400, 'bad-json', 'bad JSON');
	assertProblem(await api('PATCH', devPath(o.occ, sd, dev), { body: { action: 'remove' } }), 401, 'unauthorized', 'no key');
	assertProblem(await api('PATCH', devPath(o.occ, sd, dev), { key: readKey.key, body: { action: 'remove' } }), 403, 'forbidden', 'read key');
	for (const k of [eastKey, otherSiteKey]) {
		assertProblem(await api('GET', devPath(o.occ, sd, dev), { key: k.key }), 404, 'not-found', `GET ${k.name}`);
		assertProblem(await api('PATCH', devPath(o.occ, sd, dev), { key: k.key, body: { action: 'remove' } }), 404, 'not-found', `PATCH ${k.name}`);
	}
	assertProblem(await api('PATCH', devPath(occ, site, dev), { key: writeKey.key, body: { action: 'remove' } }), 404, 'not-found', 'another occupier\'s path');
	r = await api('PATCH', devPath(o.occ, sd, dev), { key: writeKey.key, body: { action: 'remove' } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual([r.json.id, r.json.state], [dev, 'removed']);
	assert.equal(dbValue(`SELECT COUNT(*) FROM device WHERE id = ${dev}`), '0');
	assertProblem(await api('GET', devPath(o.occ, sd, dev), { key: readKey.key }), 404, 'not-found', 'removed');
});

test('webhooks: an API write queues its screen\'s event in its own transaction; a refused one queues nothing', async () => {
	const url = `https://127.0.0.1:9/api-writes-${rnd()}`;
	await admin.get('/settings/webhooks');
	const w = await admin.post('/settings/webhooks', { op: 'save', url, enabled: '1', allow_private: '1',
		'ev.case.created': '1', 'ev.case.changed': '1' });
	assert.equal(w.status, 201, w.text.slice(0, 300));
	const ep = Number(dbValue(`SELECT id FROM webhook_endpoint WHERE url = ${q(url)}`));
	const queued = (type) => db(`SELECT payload FROM webhook_delivery WHERE endpoint_id = ${ep}
		AND event_type = ${q(type)} ORDER BY id`).map((x) => JSON.parse(x[0]));
	try {
		const r = await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody() });
		assert.equal(r.status, 201, r.text);
		const created = queued('case.created');
		assert.equal(created.length, 1);
		assert.equal(JSON.stringify(created[0]).includes(String(r.json.id)), true, JSON.stringify(created[0]));
		const p = await api('PATCH', `/api/v1/cases/${r.json.id}`, { key: writeKey.key, headers: { 'if-match': r.headers.get('etag') },
			body: { status: 'in_progress' } });
		assert.equal(p.status, 200, p.text);
		assert.equal(queued('case.changed').length, 1);
		// A refusal (422) and a stale write (412) queue nothing.
		assert.equal((await api('POST', '/api/v1/cases', { key: writeKey.key, body: caseBody({ subject: '' }) })).status, 422);
		assert.equal((await api('PATCH', `/api/v1/cases/${r.json.id}`, { key: writeKey.key,
			headers: { 'if-match': r.headers.get('etag') }, body: { status: 'resolved' } })).status, 412);
		assert.deepEqual([queued('case.created').length, queued('case.changed').length], [1, 1]);
	} finally {
		db(`UPDATE webhook_endpoint SET enabled = 0 WHERE id = ${ep}`);
	}
});

test('older endpoints word a too-long text as the forms do (its limit and what was sent)', async () => {
	const r = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: 'x'.repeat(201) } });
	assertProblem(r, 422, 'validation', 'long name');
	assert.deepEqual(r.json.errors, [{ field: 'name', message: 'Name is too long (at most 200 bytes; you entered 201)' }]);
});

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 50);
});
