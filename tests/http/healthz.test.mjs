// /healthz: a constant answer without the database or a session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, assertHtml } from './lib.mjs';

test('GET /healthz → 200 "ok tenantry\\n" as text/plain', async () => {
	const r = await new Client().get('/healthz');
	assert.equal(r.status, 200);
	assert.equal(r.type, 'text/plain; charset=utf-8');
	assert.equal(r.body, 'ok tenantry\n');
	assert.equal(r.bytes.length, 12);
	assert.equal(r.headers.get('content-length'), '12');
	assert.deepEqual(r.setCookies, [], 'no cookies');
});

test('HEAD /healthz → 200 without a body', async () => {
	const r = await new Client().request('HEAD', '/healthz');
	assert.equal(r.status, 200);
	assert.equal(r.bytes.length, 0);
});

test('/healthz ignores cookies and query strings; other methods → 405', async () => {
	const c = new Client();
	c.jar.set('tn_session', 'not-a-token');
	const r = await c.get('/healthz?x=%zz');
	assert.equal(r.status, 200);
	assert.equal(r.body, 'ok tenantry\n');
	assertHtml(await new Client().post('/healthz', {}), 405, 'POST /healthz');
	assertHtml(await new Client().get('/healthz/'), 404, 'GET /healthz/');
});
