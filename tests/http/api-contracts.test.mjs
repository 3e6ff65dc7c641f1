// api-contracts.test.mjs: contracts written through the API — created and
// changed by the contract form's own operation and rules (a taken
// reference, an end before the start, a bad amount, an overlap unless
// confirmed, an archived site, an invoiced month), an Idempotency-Key
// retry creating nothing twice, If-Match on a change (412 when stale),
// audit events as from the screen; a read key 403, another operator 404,
// a site key outside its site 404; every response matches the OpenAPI
// document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, TODAY, signedIn, rnd, db, dbValue, q, siteId } from './lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

let admin, readKey, writeKey, eastKey, cw, sd, occ;
const ref = `APIC-${rnd()}`;

const post = (body, key = writeKey, headers = {}) => api('POST', '/api/v1/contracts', { key: key.key, body, headers });
const patch = (id, body, etag, key = writeKey) =>
	api('PATCH', `/api/v1/contracts/${id}`, { key: key.key, body, headers: etag ? { 'if-match': etag } : {} });

test('setup: keys and an occupier made through the API', async () => {
	admin = await signedIn(ADMIN);
	readKey = await makeKey(admin, { scope: 'read' });
	writeKey = await makeKey(admin, { scope: 'write' });
	eastKey = await makeKey(await signedIn(EASTWIND_ADMIN), { scope: 'write' });
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	const o = await api('POST', '/api/v1/occupiers', { key: writeKey.key, body: { name: `API Contracts ${rnd()}` } });
	assert.equal(o.status, 201, o.text);
	occ = o.json.id;
});

test('create: the form\'s rules, the answer with its ETag and Location, audited; a retry creates nothing twice', async () => {
	const body = { occupier_id: occ, site_id: cw, reference: ref, start: TODAY, value: 125050, notice_months: 3, deposit: 250000 };
	const r = await post(body, writeKey, { 'idempotency-key': `c-${ref}` });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.headers.get('location'), `/api/v1/contracts/${r.json.id}`);
	assert.equal(r.headers.get('etag'), `"v${r.json.version}"`);
	assert.deepEqual([r.json.reference, r.json.start, r.json.end, r.json.value, r.json.notice_months, r.json.deposit],
		[ref, TODAY, null, 125050, 3, 250000]);
	assert.deepEqual(db(`SELECT occupier_id, site_id, value_minor, notice_months, deposit_minor FROM contract WHERE reference = ${q(ref)}`),
		[[String(occ), String(cw), '125050', '3', '250000']]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'contract' AND entity_id = ${r.json.id} AND action = 'create'`), '1');
	const again = await post(body, writeKey, { 'idempotency-key': `c-${ref}` });
	assert.equal(again.status, 201);
	assert.equal(again.json.id, r.json.id);
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE reference = ${q(ref)}`), '1', 'created once');

	const before = dbValue('SELECT COUNT(*) FROM contract');
	for (const [b, field, msg] of [
		[{ ...body, confirm_overlap: true }, 'reference', /Reference is already used by another contract/],
		[{ ...body, reference: `${ref}-x`, end: '2020-01-01' }, 'end', /End date must be on or after the start date/],
		[{ ...body, reference: `${ref}-x`, start: undefined }, 'start', /Start date/],
		[{ ...body, reference: `${ref}-x`, value: 'lots' }, 'value', /Contract value a month/],
		[{ ...body, reference: `${ref}-x`, notice_months: 99 }, 'notice_months', /Notice period/],
		[{ ...body, reference: `${ref}-x`, value: true }, 'value', /must be a number of minor units/],
		[{ ...body, reference: `${ref}-x`, occupier_id: undefined }, 'occupier_id', /occupier_id and site_id are required/],
	]) {
		const x = await post(b);
		assertProblem(x, 422, 'validation', field);
		assert.ok(x.json.errors.some((e) => e.field === field && msg.test(e.message)), `${field}: ${x.text}`);
	}
	assert.equal(dbValue('SELECT COUNT(*) FROM contract'), before, 'nothing saved');
});

test('overlap refused unless confirmed; an archived site takes none', async () => {
	const body = { occupier_id: occ, site_id: cw, reference: `${ref}-2`, start: TODAY };
	const x = await post(body);
	assertProblem(x, 409, 'overlap', 'overlap');
	assert.match(x.json.detail, new RegExp(`Contract ${ref} of this occupier at this site overlaps`));
	const ok = await post({ ...body, confirm_overlap: true });
	assert.equal(ok.status, 201, ok.text);
	const site = `API archived ${rnd()}`;
	db(`INSERT INTO site (operator_id, name, archived_on) SELECT operator_id, ${q(site)}, ${q(TODAY)} FROM site WHERE id = ${cw}`);
	const sid = Number(dbValue(`SELECT id FROM site WHERE name = ${q(site)}`));
	const arch = await post({ occupier_id: occ, site_id: sid, reference: `${ref}-3`, start: TODAY });
	assertProblem(arch, 422, 'validation', 'archived');
	assert.match(arch.json.errors[0].message, new RegExp(`${site} is archived`));
	db(`DELETE FROM site WHERE id = ${sid}`);
});

test('change: fields not sent kept, If-Match checked, audited as terms; scope', async () => {
	const id = Number(dbValue(`SELECT id FROM contract WHERE reference = ${q(ref)}`));
	const cur = await api('GET', `/api/v1/contracts/${id}`, { key: readKey.key });
	const etag = cur.headers.get('etag');
	assertProblem(await patch(id, { notice_months: 6 }, '"v999"'), 412, 'precondition-failed', 'stale');
	// The contract made with confirm_overlap overlaps this one: a change
	// confirms it too.
	const warned = await patch(id, { notice_months: 6, end: '2030-12-31' }, etag);
	assertProblem(warned, 409, 'overlap', 'the overlap warned on a change as well');
	const r = await patch(id, { notice_months: 6, end: '2030-12-31', confirm_overlap: true }, etag);
	assert.equal(r.status, 200, r.text);
	assert.deepEqual([r.json.notice_months, r.json.end, r.json.value, r.json.reference], [6, '2030-12-31', 125050, ref]);
	assert.equal(r.json.version, cur.json.version + 1);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'contract' AND entity_id = ${id} AND action = 'terms'`), '2',
		'the create and this change of terms');
	assertProblem(await patch(id, { end: '2000-01-01', confirm_overlap: true }), 422, 'validation', 'end before start');
	assertProblem(await patch(id, { notice_months: 1 }, null, readKey), 403, 'forbidden', 'read key');
	assertProblem(await patch(id, { notice_months: 1 }, null, eastKey), 404, 'not-found', 'another operator');
	const sdKey = await makeKey(admin, { scope: 'write', site: String(sd) });
	assertProblem(await patch(id, { notice_months: 1 }, null, sdKey), 404, 'not-found', 'another site\'s key');
	assertProblem(await post({ occupier_id: occ, site_id: cw, reference: `${ref}-4`, start: TODAY }, sdKey), 404, 'not-found', 'site key, other site');
	assertProblem(await post({ occupier_id: occ, site_id: cw, reference: `${ref}-4`, start: TODAY }, eastKey), 404, 'not-found', 'east: not its occupier');
	assert.equal(dbValue(`SELECT notice_months FROM contract WHERE id = ${id}`), '6', 'unchanged by the refused ones');
});

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 10);
});
