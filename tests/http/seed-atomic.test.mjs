// seed-atomic.test.mjs: `tenantry seed` is all or nothing. The demo is
// built through the operations (operators, sites, ... each its own
// transaction when a page calls it), all run inside the seed's one
// transaction: a seed that fails part way (TENANTRY_SEED_FAIL_AFTER, the
// test's fault, after the sites or after the very last step) leaves an
// empty database behind, no operator, site or audit event, and the same
// seed then loads whole. Runs in a database of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TENANTRY_BIN, db, ownDatabase } from './lib.mjs';

let own, env;

before(() => {
	own = ownDatabase('tenantry_seed_atomic', { seed: false });
	env = own.env;
});

after(() => own.close());

const TABLES = ['operator', 'site', 'audit_event', 'occupier', 'contract', 'floor', 'floor_port',
	'service', 'occupier_service', 'phone_number', 'public_ip', 'device', 'app_user', 'usage_traffic'];

function counts() {
	return Object.fromEntries(TABLES.map((t) => [t, Number(db(`SELECT COUNT(*) FROM ${t}`)[0][0])]));
}

function seed(failAfter) {
	const e = { ...env };
	if (failAfter)
		e.TENANTRY_SEED_FAIL_AFTER = failAfter;
	const r = spawnSync(TENANTRY_BIN, ['seed'], { env: e, encoding: 'utf8' });
	return { status: r.status, out: r.stdout + r.stderr };
}

for (const step of ['sites', 'end']) {
	test(`a seed failing after step "${step}" leaves nothing behind`, () => {
		const r = seed(step);
		assert.notEqual(r.status, 0, r.out);
		assert.match(r.out, new RegExp(`failing after step ${step}`));
		assert.match(r.out, /seed: failed; load it again into an empty database/);
		const zero = Object.fromEntries(TABLES.map((t) => [t, 0]));
		assert.deepEqual(counts(), zero);
	});
}

test('the same seed then loads whole, its operations in the audit log', () => {
	const r = seed('');
	assert.equal(r.status, 0, r.out);
	assert.match(r.out, /seed: demo data loaded/);
	const n = counts();
	assert.equal(n.operator, 2);
	assert.equal(n.site, 3);
	for (const t of TABLES)
		assert.ok(n[t] > 0, `${t}: ${n[t]} rows`);
	const made = db("SELECT entity, action, COUNT(*) FROM audit_event GROUP BY entity, action ORDER BY entity, action")
		.map((row) => row.join(' '));
	assert.ok(made.includes('operator create 2'), made.join('; '));
	assert.ok(made.includes('site create 3'), made.join('; '));
});
