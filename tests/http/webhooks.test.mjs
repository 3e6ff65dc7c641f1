// webhooks.test.mjs: signed webhooks end to end. A receiver in this test
// speaks https on loopback with a self-signed certificate made here with
// openssl and written where tests/run.sh points TENANTRY_WEBHOOK_CA (the
// sender trusts that file alone); its endpoints tick the explicit "Allow a
// private address" setting, since 127.0.0.1 is loopback. Proved: an
// occupier change is delivered with a signature node's crypto verifies;
// a 500 is retried, then delivered; nothing twice; Redeliver sends the same
// event id again; loopback and private URLs are refused without the
// setting, http always; a name that resolves to loopback is refused at
// sending time; another operator's endpoint is 404, a non-admin 403.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import {
	ADMIN, DB_SOCKET, EASTWIND_ADMIN, STAFF, TENANTRY_BIN, assertHtml, assertRedirect, db, dbValue, decode, inputValue, q, rnd, signedIn,
	text,
} from './lib.mjs';

const NW = () => Number(dbValue(`SELECT id FROM operator WHERE name = 'Northwind Workspaces'`));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server, port, admin;
const got = [];			// { path, headers, body }
const failFirst = new Map();	// path -> how many requests answer 500 first

before(async () => {
	const ca = process.env.TENANTRY_WEBHOOK_CA;
	assert.ok(ca, 'tests/run.sh sets TENANTRY_WEBHOOK_CA');
	const dir = mkdtempSync(path.join(os.tmpdir(), 'webhook-cert-'));
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
		'-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
		'-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
	const key = readFileSync(path.join(dir, 'key.pem'));
	const cert = readFileSync(path.join(dir, 'cert.pem'));
	writeFileSync(ca, cert);
	rmSync(dir, { recursive: true, force: true });
	server = https.createServer({ key, cert }, (req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			got.push({ path: req.url, method: req.method, headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8') });
			const n = failFirst.get(req.url) || 0;
			if (n > 0) {
				failFirst.set(req.url, n - 1);
				res.writeHead(500).end('not now');
			} else
				res.writeHead(204).end();
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	port = server.address().port;
	admin = await signedIn(ADMIN);
});

after(() => {
	// Nothing more for this receiver: later tests queue nothing for it.
	db(`UPDATE webhook_endpoint SET enabled = 0 WHERE url LIKE ${q(`https://127.0.0.1:${port}/%`)}`);
	server.close();
});

const EV = (...names) => Object.fromEntries(names.map((n) => [`ev.${n}`, '1']));

/* Add an endpoint on the screen: its id and the secret shown once. */
async function addEndpoint(urlPath, { events = ['occupier.changed'], allowPrivate = true } = {}) {
	await admin.get('/settings/webhooks');
	const r = await admin.post('/settings/webhooks', { op: 'save', url: `https://127.0.0.1:${port}${urlPath}`,
		enabled: '1', ...(allowPrivate ? { allow_private: '1' } : {}), ...EV(...events) });
	assertHtml(r, 201, 'endpoint added');
	const secret = decode(/<code id="webhook-secret">([^<]*)<\/code>/.exec(r.body)[1]);
	assert.match(secret, /^whsec_[0-9a-f]{64}$/);
	const id = Number(/href="\/settings\/webhooks\/(\d+)"/.exec(r.body)[1]);
	return { id, secret };
}

/* A new occupier of Northwind renamed through its edit form. */
async function changeOccupier() {
	const name = `Hook Ltd ${rnd()}`;
	db(`INSERT INTO occupier (operator_id, name, notes) VALUES (${NW()}, ${q(name)}, '')`);
	const id = Number(dbValue(`SELECT id FROM occupier WHERE name = ${q(name)}`));
	const form = await admin.get(`/occupiers/${id}/edit`);
	const r = await admin.post(`/occupiers/${id}/edit`, { version: inputValue(form.body, 'version'),
		name: `${name} renamed`, billing_ref: '', contact_email: 'ops@hook.example', notes: '' });
	assertRedirect(r, `/occupiers/${id}?done=saved`, 'occupier saved');
	return { id, name: `${name} renamed` };
}

async function waitFor(pred, what, ms = 15000) {
	const end = Date.now() + ms;
	for (;;) {
		const hits = got.filter(pred);
		if (hits.length > 0)
			return hits;
		if (Date.now() > end)
			assert.fail(`timed out waiting for ${what}; received: ${JSON.stringify(got.map((g) => g.path))}`);
		await sleep(100);
	}
}

function verify(req, secret) {
	const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(req.headers['tenantry-signature'] || '');
	assert.ok(m, `a signature header: ${req.headers['tenantry-signature']}`);
	const want = createHmac('sha256', secret).update(`${m[1]}.${req.body}`).digest();
	assert.ok(timingSafeEqual(want, Buffer.from(m[2], 'hex')), 'the HMAC-SHA256 of "t.body" matches');
	assert.ok(Math.abs(Number(m[1]) - Date.now() / 1000) < 120, 'the timestamp is now');
	return Number(m[1]);
}

const deliveries = (ep) => db(`SELECT id, event_id, state, attempts, last_status FROM webhook_delivery
	WHERE endpoint_id = ${ep} ORDER BY id`);

test('an occupier change is delivered once, signed, with its event id; a 500 is retried then delivered', async () => {
	const a = await addEndpoint('/ok');
	const b = await addEndpoint('/flaky');
	failFirst.set('/flaky', 1);
	const occ = await changeOccupier();
	const [req] = await waitFor((g) => g.path === '/ok', 'the delivery to /ok');
	assert.equal(req.method, 'POST');
	assert.match(req.headers['content-type'], /^application\/json/);
	verify(req, a.secret);
	const ev = JSON.parse(req.body);
	assert.equal(ev.type, 'occupier.changed');
	assert.match(ev.id, /^evt_[0-9a-f]{32}$/);
	assert.equal(req.headers['tenantry-event-id'], ev.id);
	assert.match(ev.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	assert.deepEqual(ev.operator, { id: NW() });
	assert.equal(ev.data.id, occ.id);
	assert.equal(ev.data.name, occ.name);
	assert.equal(ev.data.contact_email, 'ops@hook.example');
	// Another secret does not verify: the check above can fail.
	assert.throws(() => verify(req, b.secret));
	// The flaky endpoint: a 500, then the same event again, delivered.
	const flaky = await waitFor((g) => g.path === '/flaky' && got.filter((x) => x.path === '/flaky').length >= 2,
		'the retry to /flaky');
	assert.equal(flaky.length, 2, 'one failure, one success');
	for (const f of flaky) {
		verify(f, b.secret);
		assert.equal(JSON.parse(f.body).id, ev.id, 'the same event id on every endpoint and attempt');
	}
	// Nothing more comes: each delivery went once.
	await sleep(2500);
	assert.equal(got.filter((g) => g.path === '/ok').length, 1, 'delivered once');
	assert.equal(got.filter((g) => g.path === '/flaky').length, 2, 'no third attempt');
	assert.deepEqual(deliveries(a.id).map((r) => r.slice(1)), [[ev.id, 'delivered', '1', '204']]);
	assert.deepEqual(deliveries(b.id).map((r) => r.slice(1)), [[ev.id, 'delivered', '2', '204']]);
	// The delivery log on the page: both attempts, newest first.
	const page = await admin.get(`/settings/webhooks/${b.id}`);
	assertHtml(page, 200, 'endpoint page');
	const log = /<table class="grid webhook-log">([\s\S]*?)<\/table>/.exec(page.body)[1];
	const rows = [...log.matchAll(/<tr><td[\s\S]*?<\/tr>/g)].map((m) => text(m[0]));
	assert.equal(rows.length, 2, `two attempts logged: ${rows}`);
	assert.match(rows[0], new RegExp(`occupier\\.changed ${ev.id} 204 \\d+`));
	assert.match(rows[1], new RegExp(`occupier\\.changed ${ev.id} 500 \\d+ HTTP 500`));
	// Redeliver: the same event id once more, and the log grows.
	const did = Number(deliveries(a.id)[0][0]);
	const r = await admin.post(`/settings/webhooks/${a.id}`, { op: 'redeliver', delivery: String(did) });
	assertRedirect(r, `/settings/webhooks/${a.id}?done=redelivered`, 'redeliver');
	const again = await waitFor((g) => g.path === '/ok' && got.filter((x) => x.path === '/ok').length >= 2,
		'the redelivery');
	assert.equal(again.length, 2);
	assert.equal(JSON.parse(again[1].body).id, ev.id, 'redelivered under the same event id');
	verify(again[1], a.secret);
	assert.equal(dbValue(`SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id = ${did}`), '2');
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'webhook_delivery'
		AND entity_id = ${did} AND action = 'redeliver'`), '1');
	// A delivery of another endpoint is not this endpoint's: 404.
	const other = await admin.post(`/settings/webhooks/${b.id}`, { op: 'redeliver', delivery: String(did) });
	assert.equal(other.status, 404);
});

test('three senders (as on three hosts) share the outbox: every event delivered once, none twice', async () => {
	const a = await addEndpoint('/multi');
	const tag = rnd(4);
	const ids = Array.from({ length: 30 }, (_, i) => `evt_${tag}${String(i).padStart(24, '0')}`);
	const env = { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET };
	const extra = [0, 1].map(() => spawn(TENANTRY_BIN, ['webhooks', 'run'], { env, stdio: 'ignore' }));
	try {
		await sleep(500);
		db(`INSERT INTO webhook_delivery (operator_id, endpoint_id, event_id, event_type, payload, next_attempt_at,
			give_up_at, created_at) VALUES ${ids.map((id) => `(${NW()}, ${a.id}, '${id}', 'case.changed',
			'{"id":"${id}"}', 0, UNIX_TIMESTAMP() + 86400, UNIX_TIMESTAMP())`).join(', ')}`);
		await waitFor((g) => g.path === '/multi' && got.filter((x) => x.path === '/multi').length >= 30,
			'30 deliveries', 40000);
		await sleep(1500);
	} finally {
		for (const p of extra)
			p.kill('SIGTERM');
	}
	const seen = got.filter((g) => g.path === '/multi').map((g) => g.headers['tenantry-event-id']);
	assert.equal(seen.length, 30, 'each event delivered once');
	assert.deepEqual([...new Set(seen)].sort(), ids.slice().sort());
	assert.deepEqual(db(`SELECT state, COUNT(*), SUM(attempts) FROM webhook_delivery WHERE endpoint_id = ${a.id}
		GROUP BY state`), [['delivered', '30', '30']]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM webhook_attempt WHERE endpoint_id = ${a.id}`), '30');
});

test('an event nobody asked for writes nothing; a disabled endpoint gets nothing', async () => {
	const c = await addEndpoint('/cases-only', { events: ['case.created'] });
	const before = Number(dbValue('SELECT COUNT(*) FROM webhook_delivery'));
	db(`UPDATE webhook_endpoint SET enabled = 0 WHERE url LIKE ${q(`https://127.0.0.1:${port}/%`)} AND id <> ${c.id}`);
	await changeOccupier();
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM webhook_delivery')), before, 'no row for an occupier change');
	await sleep(1000);
	assert.equal(got.filter((g) => g.path === '/cases-only').length, 0);
});

test('URLs: http, loopback, private and localhost refused with messages by the field, input kept', async () => {
	const count = () => dbValue(`SELECT COUNT(*) FROM webhook_endpoint WHERE operator_id = ${NW()}`);
	const n0 = count();
	await admin.get('/settings/webhooks');
	const cases = [
		[`https://127.0.0.1:${port}/x`, /URL is a loopback address: tick "Allow a private address"/],
		['https://10.1.2.3/hook', /URL is a private network address/],
		['https://169.254.169.254/latest', /URL is a private network address/],
		['https://[fd00::1]/hook', /URL is a private network address/],
		['https://localhost/hook', /URL points to this machine \(localhost\)/],
		['http://hooks.example.com/tenantry', /URL must start with https:\/\//],
		['https://user:pw@hooks.example.com/', /URL cannot carry a user name or password/],
	];
	for (const [url, msg] of cases) {
		const r = await admin.post('/settings/webhooks', { op: 'save', url, enabled: '1', ...EV('case.created') });
		assertHtml(r, 422, url);
		assert.match(r.text, msg, url);
		assert.match(r.body, /<p class="err" id="e-url">/, `the message by the URL field: ${url}`);
		assert.equal(inputValue(r.body, 'url'), url, 'input kept');
		assert.match(r.body, /name="ev\.case\.created" value="1" checked/, 'the events kept');
	}
	// http is refused even with the private setting.
	const h = await admin.post('/settings/webhooks', { op: 'save', url: `http://127.0.0.1:${port}/x`,
		allow_private: '1', ...EV('case.created') });
	assertHtml(h, 422, 'http with the private setting');
	assert.match(h.text, /URL must start with https:\/\//);
	// No event: a message by the events.
	const e = await admin.post('/settings/webhooks', { op: 'save', url: 'https://hooks.example.com/t' });
	assertHtml(e, 422, 'no event');
	assert.match(e.body, /<p class="err" id="e-events">Choose at least one event to send<\/p>/);
	assert.equal(count(), n0, 'nothing saved');
	// A public name is accepted without the setting (and audited).
	const ok = await admin.post('/settings/webhooks', { op: 'save', url: `https://hooks-${rnd(3)}.example.com/t`,
		...EV('invoice.created') });
	assertHtml(ok, 201, 'public https URL');
	const id = Number(/href="\/settings\/webhooks\/(\d+)"/.exec(ok.body)[1]);
	assert.equal(dbValue(`SELECT enabled FROM webhook_endpoint WHERE id = ${id}`), '0', 'enabled unticked: off');
	const audit = db(`SELECT action, new_value FROM audit_event WHERE entity = 'webhook_endpoint'
		AND entity_id = ${id}`);
	assert.equal(audit.length, 1);
	assert.equal(audit[0][0], 'create');
	assert.doesNotMatch(audit[0][1], /whsec_/, 'the secret is never audited');
});

test('a name that resolves to loopback is refused at sending time unless the endpoint allows it', async (t) => {
	const host = os.hostname();
	const { address } = await lookup(host, { family: 4 }).catch(() => ({ address: '' }));
	if (!/^127\./.test(address)) {
		t.skip(`${host} does not resolve to loopback here (${address || 'no address'})`);
		return;
	}
	const c = await addEndpoint('/rebind');
	// The form refuses a loopback literal, but a name passes it: point the
	// endpoint at the host name (as a name that resolves differently later).
	db(`UPDATE webhook_endpoint SET url = ${q(`https://${host}:${port}/rebind`)}, allow_private = 0
		WHERE id = ${c.id}`);
	await changeOccupier();
	const end = Date.now() + 15000;
	let err = '';
	while (Date.now() < end) {
		// (Prefixed: an empty value would be no row to the helper.)
		err = dbValue(`SELECT CONCAT('e:', COALESCE(MAX(error), '')) FROM webhook_attempt
			WHERE endpoint_id = ${c.id}`).slice(2);
		if (err && deliveries(c.id)[0][2] === 'pending')
			break;
		await sleep(100);
	}
	assert.match(err, /^refused: the host resolved to 127\.\d+\.\d+\.\d+, a loopback address/);
	assert.equal(got.filter((g) => g.path === '/rebind').length, 0, 'nothing reached the receiver');
	assert.equal(deliveries(c.id)[0][2], 'pending', 'retried later, not delivered');
	db(`UPDATE webhook_endpoint SET enabled = 0 WHERE id = ${c.id}`);
});

test('reveal and rotate the secret (audited); another operator gets 404, staff 403', async () => {
	const a = await addEndpoint('/secret', { events: ['case.changed'] });
	const page = await admin.get(`/settings/webhooks/${a.id}`);
	assertHtml(page, 200, 'endpoint page');
	assert.ok(!page.body.includes(a.secret), 'a GET never shows the secret');
	const rv = await admin.post(`/settings/webhooks/${a.id}`, { op: 'reveal' });
	assertHtml(rv, 200, 'reveal');
	assert.equal(decode(/<code id="webhook-secret">([^<]*)<\/code>/.exec(rv.body)[1]), a.secret);
	const rt = await admin.post(`/settings/webhooks/${a.id}`, { op: 'rotate' });
	const fresh = decode(/<code id="webhook-secret">([^<]*)<\/code>/.exec(rt.body)[1]);
	assert.notEqual(fresh, a.secret);
	assert.equal(dbValue(`SELECT secret FROM webhook_endpoint WHERE id = ${a.id}`), fresh);
	assert.deepEqual(db(`SELECT action FROM audit_event WHERE entity = 'webhook_endpoint' AND entity_id = ${a.id}
		ORDER BY id`).map((r) => r[0]), ['create', 'reveal_secret', 'rotate_secret']);
	// Edit: saved, and a stale version is a conflict with the input kept.
	const form = await admin.get(`/settings/webhooks/${a.id}`);
	const v = inputValue(form.body, 'version');
	const url = `https://127.0.0.1:${port}/secret2`;
	const s = await admin.post(`/settings/webhooks/${a.id}`, { op: 'save', version: v, url, allow_private: '1',
		...EV('case.changed', 'case.created') });
	assertRedirect(s, `/settings/webhooks/${a.id}?done=saved`, 'edit');
	assert.deepEqual(db(`SELECT url, events, enabled FROM webhook_endpoint WHERE id = ${a.id}`)[0],
		[url, 'case.created,case.changed', '0']);
	const stale = await admin.post(`/settings/webhooks/${a.id}`, { op: 'save', version: v, url: `${url}x`,
		allow_private: '1', ...EV('case.changed') });
	assertHtml(stale, 409, 'stale version');
	assert.equal(inputValue(stale.body, 'url'), `${url}x`);
	// Eastwind's admin: 404 on every action, exactly like a missing one.
	const ew = await signedIn(EASTWIND_ADMIN);
	assert.equal((await ew.get(`/settings/webhooks/${a.id}`)).status, 404);
	await ew.get('/settings/webhooks');
	for (const op of ['reveal', 'rotate', 'save', 'redeliver']) {
		const r = await ew.post(`/settings/webhooks/${a.id}`, { op, url, version: '9', delivery: '1',
			...EV('case.changed') });
		assert.equal(r.status, 404, op);
		assert.ok(!r.body.includes(fresh), 'no secret leaks');
	}
	assert.ok(!(await ew.get('/settings/webhooks')).body.includes(`/settings/webhooks/${a.id}"`),
		'not in the other operator\'s list');
	assert.equal(dbValue(`SELECT secret FROM webhook_endpoint WHERE id = ${a.id}`), fresh);
	// Staff: 403 on the list and the endpoint, GET and POST.
	const staff = await signedIn(STAFF);
	assert.equal((await staff.get('/settings/webhooks')).status, 403);
	assert.equal((await staff.get(`/settings/webhooks/${a.id}`)).status, 403);
	const sp = await staff.post(`/settings/webhooks/${a.id}`, { op: 'reveal' });
	assert.equal(sp.status, 403);
	assert.ok(!sp.body.includes(fresh));
});

test('housekeeping: finished deliveries over 30 days old go with their log; recent and pending ones stay', async () => {
	const a = await addEndpoint('/old');
	const tag = rnd(4);
	const day = 86400;
	const rows = [
		['delivered', 31 * day, 'gone'], ['failed', 40 * day, 'gone'],
		['delivered', 29 * day, 'kept'], ['pending', 60 * day, 'kept'],
	].map(([state, age, fate], i) => ({ id: `evt_${tag}${String(i).padStart(24, '0')}`, state, age, fate }));
	db(`INSERT INTO webhook_delivery (operator_id, endpoint_id, event_id, event_type, payload, state, next_attempt_at,
		give_up_at, created_at) VALUES ${rows.map((r) => `(${NW()}, ${a.id}, '${r.id}', 'case.changed', '{}',
		'${r.state}', UNIX_TIMESTAMP() + 86400 * 365, UNIX_TIMESTAMP() + 86400 * 365, UNIX_TIMESTAMP() - ${r.age})`).join(', ')}`);
	db(`INSERT INTO webhook_attempt (operator_id, endpoint_id, delivery_id, at, status)
		SELECT operator_id, endpoint_id, id, created_at, 200 FROM webhook_delivery WHERE endpoint_id = ${a.id}`);
	const out = execFileSync(TENANTRY_BIN, ['purge'], { env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET },
		encoding: 'utf8' });
	assert.match(out, /purge: \d+ expired rows deleted/);
	const left = db(`SELECT event_id FROM webhook_delivery WHERE endpoint_id = ${a.id} ORDER BY event_id`).map((x) => x[0]);
	assert.deepEqual(left, rows.filter((r) => r.fate === 'kept').map((r) => r.id));
	assert.equal(dbValue(`SELECT COUNT(*) FROM webhook_attempt WHERE endpoint_id = ${a.id}`), '2', 'the log of the kept two');
});
