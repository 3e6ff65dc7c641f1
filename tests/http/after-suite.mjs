// after-suite.mjs: what must still hold once every HTTP test has run, in
// whatever order: tests/run.sh runs it after the suite, as a test of its
// own (node:test, TAP).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db, dbValue, infraAllocDrift, infraCounterDrift } from './lib.mjs';

test('after all the other HTTP tests, every infrastructure counter equals a count of the rows', () => {
	const n = Number(dbValue('SELECT COUNT(*) FROM infra_in_use WHERE switch_ports + phone_ext + public_ips + wifi_devices + wifi_accounts > 0'));
	assert.ok(n > 0, 'some occupier uses some infrastructure');
	assert.deepEqual(infraCounterDrift(), []);
});

test('after all the other HTTP tests, every kept allocation equals entitlement x QTY of the services not ended', () => {
	const n = Number(dbValue('SELECT COUNT(*) FROM infra_in_use WHERE alloc_switch_ports + alloc_phone_ext + alloc_public_ips + alloc_wifi_devices + alloc_wifi_accounts > 0'));
	assert.ok(n > 0, 'some occupier has some allocation');
	assert.deepEqual(infraAllocDrift(), []);
	// The over flag is what the two sets of counters say.
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM infra_in_use WHERE over_alloc <> (switch_ports > alloc_switch_ports
		OR phone_ext > alloc_phone_ext OR public_ips > alloc_public_ips OR wifi_devices > alloc_wifi_devices
		OR wifi_accounts > alloc_wifi_accounts)`)), 0);
});

test('after all the other HTTP tests, the kept occupiers of every site equal a count of its contracts', () => {
	assert.deepEqual(db(`SELECT id, kept, n FROM (SELECT s.id, COALESCE(k.occupiers, 0) kept,
		(SELECT COUNT(DISTINCT c.occupier_id) FROM contract c WHERE c.site_id = s.id) n
		FROM site s LEFT JOIN site_occupiers k ON k.site_id = s.id) t WHERE kept <> n`), []);
});

test('after all the other HTTP tests, the kept count of every operator\'s occupiers equals a count', () => {
	assert.deepEqual(db(`SELECT id, kept, n FROM (SELECT p.id, COALESCE(k.occupiers, 0) kept,
		(SELECT COUNT(*) FROM occupier o WHERE o.operator_id = p.id) n
		FROM operator p LEFT JOIN occupier_names k ON k.operator_id = p.id) t WHERE kept <> n`), []);
});
