// after-suite.mjs: what must still hold once every HTTP test has run, in
// whatever order: tests/run.sh runs it after the suite, as a test of its
// own (node:test, TAP).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dbValue, infraCounterDrift } from './lib.mjs';

test('after all the other HTTP tests, every infrastructure counter equals a count of the rows', () => {
	const n = Number(dbValue('SELECT COUNT(*) FROM infra_in_use WHERE switch_ports + phone_ext + public_ips + wifi_devices + wifi_accounts > 0'));
	assert.ok(n > 0, 'some occupier uses some infrastructure');
	assert.deepEqual(infraCounterDrift(), []);
});
