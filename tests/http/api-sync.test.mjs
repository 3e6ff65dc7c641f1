// api-sync.test.mjs: a sync asks for the contracts changed since its last
// run (GET /api/v1/contracts?updated_since=): a contract changed through
// the screens is in the answer, one unchanged since before is not, and a
// time to come answers none; every response matches templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, signedIn, db, dbValue, occupierId } from './lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

test('contracts changed since a time: the edited one in, an old one out', async () => {
	const admin = await signedIn(ADMIN);
	const key = await makeKey(admin, { scope: 'read' });
	const acme = occupierId('Acme Analytics Ltd');
	const [edited, old] = db(`SELECT id FROM contract WHERE operator_id = (SELECT operator_id FROM occupier
		WHERE id = ${acme}) ORDER BY id LIMIT 2`).map((x) => Number(x[0]));
	// The old one last changed in 2020; the edited one changes now.
	db(`UPDATE contract SET updated_at = '2020-01-01 00:00:00' WHERE id IN (${edited}, ${old})`);
	const since = Number(dbValue('SELECT UNIX_TIMESTAMP()')) - 1;
	const occ = dbValue(`SELECT occupier_id FROM contract WHERE id = ${edited}`);
	const form = await admin.get(`/occupiers/${occ}/contracts/${edited}/edit`);
	assert.equal(form.status, 200);
	const [ref, start, end, version, notice] = db(`SELECT reference, start_date, COALESCE(end_date, ''), version,
		notice_months FROM contract WHERE id = ${edited}`)[0];
	const saved = await admin.post(`/occupiers/${occ}/contracts/${edited}/edit`, { reference: ref, start_date: start,
		end_date: end, value: '', notice_months: String((Number(notice) + 1) % 12), deposit: '', version });
	assert.equal(saved.status, 303, saved.text.slice(0, 300));
	const all = [];
	let cursor = '';
	for (;;) {
		const r = await api('GET', `/api/v1/contracts?updated_since=${since}&limit=200${cursor}`, { key: key.key });
		assert.equal(r.status, 200, r.text);
		all.push(...r.json.items.map((c) => c.id));
		if (!r.json.next_cursor) break;
		cursor = `&cursor=${r.json.next_cursor}`;
	}
	assert.ok(all.includes(edited), 'the contract edited through the screen');
	assert.ok(!all.includes(old), 'the one unchanged since 2020');
	const before = await api('GET', `/api/v1/contracts?updated_since=${Date.parse('2019-12-31T00:00:00Z') / 1000}&limit=200`, { key: key.key });
	assert.ok(before.json.items.some((c) => c.id === old), 'since 2019: the old one too');
	const none = await api('GET', `/api/v1/contracts?updated_since=${since + 86400}`, { key: key.key });
	assert.deepEqual(none.json.items, []);
	assertProblem(await api('GET', '/api/v1/contracts?updated_since=yesterday', { key: key.key }), 400, 'bad-request', 'not a number');
	assert.ok(checkSeen() >= 4);
});
