// api-extids.test.mjs: external ids — the ids another platform gives to
// occupiers, contracts and sites, one per integration, so that a sync
// finds a record by its own id: set and removed in one transaction
// (audited), looked up, one id naming one record of a kind per
// integration, bad names and ids refused; isolation (another operator's
// record, another site's for a site key: 404; a read key on a write:
// 403); every response checked against templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, signedIn, rnd, dbValue, db, q, occupierId, siteId } from './lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

let admin, readKey, writeKey, eastKey, siteKey, acme, cw, sd, contract;
const ext = `nx-${rnd()}`;

const put = (p, body, key = writeKey) => api('PUT', p, { key: key.key, body });
const get = (p, key = readKey) => api('GET', p, { key: key.key });
const count = (entity, id) => dbValue(`SELECT COUNT(*) FROM external_ref WHERE entity = '${entity}' AND entity_id = ${id}`);

test('setup: keys and records', async () => {
	admin = await signedIn(ADMIN);
	readKey = await makeKey(admin, { scope: 'read' });
	writeKey = await makeKey(admin, { scope: 'write' });
	eastKey = await makeKey(await signedIn(EASTWIND_ADMIN), { scope: 'write' });
	acme = occupierId('Acme Analytics Ltd');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	siteKey = await makeKey(admin, { scope: 'write', site: String(sd) });
	contract = Number(dbValue(`SELECT MIN(id) FROM contract WHERE occupier_id = ${acme} AND site_id = ${cw}`));
});

test('an occupier gets ids in two integrations, is found by each, loses one; audited', async () => {
	const p = `/api/v1/occupiers/${acme}/external-ids`;
	const empty = await get(p);
	assert.equal(empty.status, 200, empty.text);
	assert.deepEqual(empty.json, { entity: 'occupier', id: acme, href: `/api/v1/occupiers/${acme}`, external_ids: {} });
	const r = await put(p, { nexudus: ext, officernd: `ornd-${ext}` });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.json.external_ids, { nexudus: ext, officernd: `ornd-${ext}` });
	const found = await get(`/api/v1/occupiers/external?integration=nexudus&id=${encodeURIComponent(ext)}`);
	assert.equal(found.status, 200, found.text);
	assert.equal(found.json.id, acme);
	assert.equal(found.headers.get('location'), `/api/v1/occupiers/${acme}`);
	assert.equal((await get(`/api/v1/occupiers/${acme}`)).json.name, 'Acme Analytics Ltd', 'the href leads to it');
	// Another integration's id, or this id in another integration: none.
	assertProblem(await get(`/api/v1/occupiers/external?integration=officernd&id=${ext}`), 404, 'not-found', 'other integration');
	// The same id may name a contract: each kind has its own ids.
	assert.equal((await put(`/api/v1/contracts/${contract}/external-ids`, { nexudus: ext })).status, 200);
	assert.equal((await get(`/api/v1/contracts/external?integration=nexudus&id=${ext}`)).json.id, contract);
	// null removes; integrations not named stay.
	const rm = await put(p, { officernd: null });
	assert.deepEqual(rm.json.external_ids, { nexudus: ext });
	assert.equal(count('occupier', acme), '1');
	const ev = db(`SELECT action, new_value FROM audit_event WHERE entity = 'occupier' AND entity_id = ${acme}
		AND action = 'external_ids' ORDER BY id`);
	assert.deepEqual(ev.slice(-2), [['external_ids', `nexudus=${ext}\nofficernd=ornd-${ext}`],
		['external_ids', 'officernd=(none)']]);
	// A changed id replaces the old one: the old no longer finds anything.
	await put(p, { nexudus: `${ext}-2` });
	assertProblem(await get(`/api/v1/occupiers/external?integration=nexudus&id=${ext}`), 404, 'not-found', 'old id');
	assert.equal((await get(`/api/v1/occupiers/external?integration=nexudus&id=${ext}-2`)).json.id, acme);
});

test('one id names one record of a kind per integration; bad names and ids refused; nothing half-saved', async () => {
	const other = occupierId('Fjord Media');
	const before = count('occupier', other);
	const taken = await put(`/api/v1/occupiers/${other}/external-ids`, { xero: `x-${ext}`, nexudus: `${ext}-2` });
	assertProblem(taken, 409, 'conflict', 'taken');
	assert.match(taken.json.errors[0].message, new RegExp(`nexudus id ${ext}-2 already names occupier ${acme}`));
	assert.equal(count('occupier', other), before, 'the xero id was not kept either: one transaction');
	for (const [body, msg] of [
		[{ 'Nexudus HQ': '1' }, /Integration “Nexudus HQ” must be 1 to 40 of a-z, 0-9, _ and -/],
		[{ nexudus: '' }, /The id in nexudus must be 1 to 190 characters/],
		[{ nexudus: 'a'.repeat(191) }, /The id in nexudus must be 1 to 190 characters/],
		[{ nexudus: 'tab\there' }, /without control characters/],
		[{ nexudus: 42 }, /The id in nexudus must be a string or null/],
		[{}, /The body names 1 to 16 integrations/],
	]) {
		const r = await put(`/api/v1/occupiers/${other}/external-ids`, body);
		assertProblem(r, 422, 'validation', JSON.stringify(body).slice(0, 40));
		assert.match(r.json.errors.map((e) => e.message).join(' | '), msg);
	}
	assert.equal(count('occupier', other), before);
	assertProblem(await api('PUT', `/api/v1/occupiers/${other}/external-ids`, { key: writeKey.key, raw: '[1]' }), 400, 'bad-json');
	assertProblem(await get('/api/v1/occupiers/external?integration=nexudus'), 400, 'bad-request', 'no id');
	assertProblem(await get('/api/v1/occupiers/external?integration=BAD!&id=1'), 400, 'bad-request', 'bad integration');
});

test('sites and contracts carry them too; scope: another operator 404, another site 404, a read key 403', async () => {
	assert.equal((await put(`/api/v1/sites/${cw}/external-ids`, { officernd: `site-${ext}` })).status, 200);
	assert.equal((await get(`/api/v1/sites/external?integration=officernd&id=site-${ext}`)).json.id, cw);
	assertProblem(await put(`/api/v1/sites/${cw}/external-ids`, { officernd: 'x' }, readKey), 403, 'forbidden', 'read key');
	for (const p of [`/api/v1/occupiers/${acme}/external-ids`, `/api/v1/contracts/${contract}/external-ids`,
		`/api/v1/sites/${cw}/external-ids`]) {
		assertProblem(await get(p, eastKey), 404, 'not-found', `${p} east`);
		assertProblem(await put(p, { evil: 'x' }, eastKey), 404, 'not-found', `${p} east put`);
	}
	assertProblem(await get(`/api/v1/occupiers/external?integration=nexudus&id=${ext}-2`, eastKey), 404, 'not-found', 'east find');
	assertProblem(await get(`/api/v1/sites/external?integration=officernd&id=site-${ext}`, eastKey), 404, 'not-found', 'east site');
	// A Shoreditch key sees neither Canary Wharf nor its contract, nor Acme (no contract at Shoreditch).
	const acmeAtSd = dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${acme} AND site_id = ${sd}`);
	assertProblem(await get(`/api/v1/sites/${cw}/external-ids`, siteKey), 404, 'not-found', 'site key, other site');
	assertProblem(await get(`/api/v1/contracts/${contract}/external-ids`, siteKey), 404, 'not-found', 'site key, contract');
	assertProblem(await get(`/api/v1/sites/external?integration=officernd&id=site-${ext}`, siteKey), 404, 'not-found', 'site key find');
	if (acmeAtSd === '0')
		assertProblem(await get(`/api/v1/occupiers/${acme}/external-ids`, siteKey), 404, 'not-found', 'site key, occupier');
	assert.equal(dbValue("SELECT COUNT(*) FROM external_ref WHERE integration = 'evil'"), '0');
	db(`DELETE FROM external_ref WHERE external_id LIKE '%${ext}%'`);
});

test('OpenAPI: every response of this file matched its schema', () => {
	assert.ok(checkSeen() > 10);
});
