// Findings of the outside security review, each fixed at its cause; every test
// here failed on the build the review attacked. (The sign-in throttle is in
// throttle.test.mjs, next= in auth.test.mjs, the Manage services form in
// security-plan.test.mjs.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import {
	ADMIN, BASE_URL, Client, EASTWIND_ADMIN, ROOT, TENANTRY_BIN, addUser, assertHtml, assertRedirect,
	assertSecurityHeaders, db, dbValue, inputValue, q, rnd, signedIn,
} from './lib.mjs';
import { newOccupier } from './services-lib.mjs';

const URL_ = new URL(BASE_URL);
let admin, eastwind;

before(async () => {
	admin = await signedIn(ADMIN);
	eastwind = await signedIn(EASTWIND_ADMIN);
});

/* The one-time link a users screen shows after an add or a "new link". */
function linkOf(body) {
	const m = /\/set-password\?token=([0-9a-f]{64})/.exec(body);
	return m ? `/set-password?token=${m[1]}` : null;
}

/* ---- 5: e-mail addresses belong to an operator ---------------------------------- */

test('an e-mail used at another operator is neither revealed nor blocked; the password picks the workspace', async () => {
	const email = `shared-${rnd()}@test.example`;
	// Eastwind has a user with this address; Northwind can still invite it, and is told nothing.
	const ew = addUser({ operator: 'Eastwind Offices', role: 'operator_staff', email, password: 'eastwind-pass-1' });
	await admin.get('/team');
	const r = await admin.post('/team', { name: 'Shared Person', email, role: 'operator_staff' });
	assertHtml(r, 200, 'Northwind invites an address Eastwind has');
	assert.doesNotMatch(r.text, /already used/);
	const link = linkOf(r.body);
	assert.ok(link, 'the link is shown');
	// The Northwind account gets its own password through its link.
	const anon = new Client();
	const sp = await anon.get(link);
	assertHtml(sp, 200, 'the set-password page');
	const set = await anon.post(link, { password: 'northwind-pass-1', confirm: 'northwind-pass-1',
		token: inputValue(sp.body, 'token') ?? '' });
	assert.ok(set.status === 303 || set.status === 200, `set-password: ${set.status} ${set.text.slice(0, 200)}`);
	// Each password signs in to its own operator.
	const a = new Client();
	assertRedirect(await a.login(email, ew.password), '/', 'the Eastwind password');
	assert.match((await a.get('/occupiers')).text, /Eastwind Offices/);
	const b = new Client();
	assertRedirect(await b.login(email, 'northwind-pass-1'), '/', 'the Northwind password');
	assert.match((await b.get('/occupiers')).text, /Northwind Workspaces/);
	// Within one operator an address is still taken, with a message about that operator only.
	const again = await admin.post('/team', { name: 'Twice', email, role: 'operator_staff' });
	assertHtml(again, 422, 'the same address twice at Northwind');
	assert.match(again.text, /Email is already used by another user/);
});

test('one e-mail and one password at two operators: the user chooses the workspace', async () => {
	const email = `both-${rnd()}@test.example`;
	const password = 'same-pass-everywhere';
	addUser({ operator: 'Northwind Workspaces', role: 'operator_staff', email, password });
	addUser({ operator: 'Eastwind Offices', role: 'operator_staff', email, password });
	const c = new Client();
	const r = await c.login(email, password);
	assertHtml(r, 200, 'a choice, not a session');
	assert.equal(c.token, undefined, 'nobody signed in yet');
	assert.match(r.text, /This email and password open more than one workspace/);
	const opts = [...r.body.matchAll(/<input type="radio" name="operator" value="(\d+)"[^>]*> ([^<]*)<\/label>/g)]
		.map((m) => [Number(m[1]), m[2]]);
	assert.deepEqual(opts.map((o) => o[1]).sort(), ['Eastwind Offices', 'Northwind Workspaces']);
	const ew = opts.find((o) => o[1] === 'Eastwind Offices')[0];
	const page = await c.get('/login');
	const s = await c.post('/login', { email, password, operator: String(ew) }, { csrf: page.body.match(/name="csrf" value="([0-9a-f]{64})"/)[1] });
	assertRedirect(s, '/', 'the chosen workspace');
	assert.match((await c.follow('/occupiers')).text, /Eastwind Offices/);
	// A wrong password with a workspace chosen is just wrong.
	const w = await new Client().login(email, 'wrong-password-x');
	assertHtml(w, 401, 'wrong password');
	// Without the right password, nobody learns that the address exists at two operators.
	assert.doesNotMatch(w.text, /Eastwind|Northwind Workspaces/);
});

/* ---- 7: a user agent that is not UTF-8 --------------------------------------------- */

/* Sign in with a raw User-Agent (latin1 bytes); returns the POST's status. */
async function signInWithAgent(email, password, agentBytes) {
	const req = (method, path, headers, body) => new Promise((resolve, reject) => {
		const r = http.request({ host: URL_.hostname, port: URL_.port, path, method, headers: {
			'user-agent': agentBytes.toString('latin1'), ...headers } }, (res) => {
			let data = '';
			res.setEncoding('latin1');
			res.on('data', (d) => { data += d; });
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
		});
		r.on('error', reject);
		if (body)
			r.write(body);
		r.end();
	});
	const g = await req('GET', '/login', {});
	const pre = /tn_pre=([0-9a-f]{64})/.exec(g.headers['set-cookie'].join(';'))[1];
	const body = new URLSearchParams({ csrf: pre, email, password }).toString();
	const p = await req('POST', '/login', { cookie: `tn_pre=${pre}`, 'content-type': 'application/x-www-form-urlencoded' }, body);
	return p.status;
}

test('a User-Agent with any byte 0x80-0xFF signs in and is stored as valid UTF-8', async () => {
	const u = addUser();
	const bytes = [...Array(128).keys()].map((k) => 0x80 + k);
	const agents = [];
	for (let i = 0; i < bytes.length; i += 8)	// each byte alone between letters: never part of a valid sequence
		agents.push(Buffer.from(bytes.slice(i, i + 8).flatMap((b) => [0x61, b]).concat([0x7a])));
	agents.push(Buffer.from(bytes));		// all of them in a row
	agents.push(Buffer.concat([Buffer.from('Mozilla/5.0 '), Buffer.alloc(400, 0xe9)]));	// long, cut on a boundary
	for (const ua of agents) {
		const st = await signInWithAgent(u.email, u.password, ua);
		assert.equal(st, 303, `sign-in with agent ${ua.toString('hex').slice(0, 40)}…: ${st}`);
	}
	const stored = db(`SELECT HEX(user_agent) FROM user_session s JOIN app_user a ON a.id = s.user_id
		WHERE a.email = ${q(u.email)} ORDER BY s.id`).map(([h]) => Buffer.from(h, 'hex'));
	assert.equal(stored.length, agents.length);
	for (const s of stored) {
		assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(s), 'valid UTF-8');
		assert.ok(s.length <= 255 * 4);
	}
	assert.equal(stored[0].toString('utf8'), `a\uFFFDa\uFFFDa\uFFFDa\uFFFDa\uFFFDa\uFFFDa\uFFFDa\uFFFDz`);
	assert.ok([...stored.at(-1).toString('utf8')].length <= 255, 'cut to the column');
});

/* ---- 8: a password change voids set-password links ---------------------------------- */

test('changing the password on /account voids an unused set-password link', async () => {
	const u = addUser({ role: 'operator_staff' });
	const id = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(u.email)}`));
	await admin.get('/team');
	const r = await admin.post(`/team/${id}`, { op: 'link' });
	assertHtml(r, 200, 'a new link for the user');
	const link = linkOf(r.body);
	assert.ok(link);
	assertHtml(await new Client().get(link), 200, 'the link works before');
	const me = await signedIn(u.email, u.password);
	await me.get('/account');
	const ch = await me.post('/account', { op: 'password', current_password: u.password,
		new_password: 'a-brand-new-password', confirm_password: 'a-brand-new-password' });
	assertRedirect(ch, '/account?done=password_changed', 'password changed');
	const dead = await new Client().get(link);
	assertHtml(dead, 404, 'the link after the change');
	assert.match(dead.text, /This link does not work any more/);
});

/* ---- 9: paces for actions that cost a hash or create accounts ------------------------ */

test('an occupier admin cannot add users without limit: the 31st in 10 minutes is 429, nothing created', async () => {
	const occ = await newOccupier(admin, 'Pace test');
	const name = dbValue(`SELECT name FROM occupier WHERE id = ${occ}`);
	const oa = addUser({ role: 'occupier_admin', occupier: name });
	const c = await signedIn(oa.email, oa.password);
	await c.get('/my/users');
	let created = 0, last;
	for (let i = 0; i < 31; i++) {
		last = await c.post('/my/users', { name: `User ${i}`, email: `pace-${i}-${rnd()}@test.example`, role: 'occupier_user' });
		if (last.status === 200 && linkOf(last.body))
			created++;
	}
	assert.equal(created, 30);
	assertHtml(last, 429, 'the 31st');
	assert.match(last.text, /Too many new users and set-password links from your account in a short time\. Wait \d+ minutes? and try again; nothing was changed\./);
	assert.ok(Number(last.headers.get('retry-after')) > 0);
	assert.equal(dbValue(`SELECT COUNT(*) FROM app_user WHERE occupier_id = ${occ}`), String(30 + 1));
	// Another account is not held back by this one.
	const other = await signedIn(ADMIN);
	await other.get('/team');
	const ok = await other.post('/team', { name: 'Unpaced', email: `unpaced-${rnd()}@test.example`, role: 'operator_staff' });
	assertHtml(ok, 200, 'another user adds a user');
});

test('password changes are paced per user: the 11th change in 15 minutes is 429 before any hashing', async () => {
	const u = addUser();
	const c = await signedIn(u.email, u.password);
	let pw = u.password;
	for (let i = 1; i <= 10; i++) {
		await c.get('/account');
		const next = `changed-password-${i}`;
		assertRedirect(await c.post('/account', { op: 'password', current_password: pw, new_password: next,
			confirm_password: next }), '/account?done=password_changed', `change ${i}`);
		pw = next;
	}
	const hash = dbValue(`SELECT pw_hash FROM app_user WHERE email = ${q(u.email)}`);
	await c.get('/account');
	const r = await c.post('/account', { op: 'password', current_password: pw, new_password: 'changed-password-11',
		confirm_password: 'changed-password-11' });
	assertHtml(r, 429, 'the 11th change');
	assert.match(r.text, /Too many password changes from your account in a short time/);
	assert.equal(dbValue(`SELECT pw_hash FROM app_user WHERE email = ${q(u.email)}`), hash, 'password unchanged');
});

test('an invitation costs no password hash: the invited account holds a marker no password matches', async () => {
	await admin.get('/team');
	const email = `invited-${rnd()}@test.example`;
	assertHtml(await admin.post('/team', { name: 'Invited', email, role: 'operator_staff' }), 200, 'invite');
	assert.equal(dbValue(`SELECT pw_hash FROM app_user WHERE email = ${q(email)}`), '!invited');
	for (const guess of ['!invited', '', 'tenantry-dummy'])
		assert.notEqual((await new Client().login(email, guess)).status, 303, `guess ${JSON.stringify(guess)}`);
});

/* ---- 10: the demo data only on purpose ---------------------------------------------- */

test('tenantry seed refuses without TENANTRY_DEMO=1; an external database gets instructions, not demo logins', () => {
	const env = { ...process.env };
	delete env.TENANTRY_DEMO;
	const r = spawnSync(TENANTRY_BIN, ['seed'], { env, encoding: 'utf8' });
	assert.equal(r.status, 2, r.stderr);
	assert.match(r.stderr, /loaded only with TENANTRY_DEMO=1/);
	const ok = spawnSync(TENANTRY_BIN, ['seed'], { env: { ...env, TENANTRY_DEMO: '1' }, encoding: 'utf8' });
	assert.equal(ok.status, 0, ok.stderr);
	assert.match(ok.stdout, /already has data/);
	// stack.sh against an external server: prints how to make the first admin, seeds nothing.
	const out = execFileSync('sh', ['-c', `. "${ROOT}/nginx/stack.sh"; EXTERNAL_DB=1; BIN=/bin/false; stack_seed`],
		{ env: { ...env, VAR: '/tmp/unused-var' }, encoding: 'utf8' });
	assert.match(out, /no demo data on this database/);
	assert.match(out, /operator add --name/);
	assert.match(out, /user add --email .* --role operator_admin/);
	// And `tenantry operator add` is what it says.
	const name = `Ops ${rnd()}`;
	const op = execFileSync(TENANTRY_BIN, ['operator', 'add', '--name', name], { env, encoding: 'utf8' });
	assert.match(op, new RegExp(`operator add: ${name} created with id \\d+`));
	assert.equal(dbValue(`SELECT currency FROM operator WHERE name = ${q(name)}`), 'GBP');
});

/* ---- nginx's own error pages carry the security headers ----------------------------- */

/* A raw request; resolves to { status, headers (lower-case), body }. */
function raw(text) {
	return new Promise((resolve, reject) => {
		const s = net.connect(Number(URL_.port), URL_.hostname, () => s.end(text));
		let data = '';
		s.setEncoding('latin1');
		s.on('data', (d) => { data += d; });
		s.on('end', () => {
			const [head, ...rest] = data.split('\r\n\r\n');
			const lines = head.split('\r\n');
			const headers = new Headers();
			for (const l of lines.slice(1)) {
				const i = l.indexOf(':');
				headers.append(l.slice(0, i).trim(), l.slice(i + 1).trim());
			}
			resolve({ status: Number(lines[0].split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
		});
		s.on('error', reject);
	});
}

test("nginx's own 400, 405, 414 and 494 pages carry the CSP and X-Frame-Options", async () => {
	const host = `Host: ${URL_.host}\r\n`;
	const cases = [
		['400 bad request line', 400, 'GARBAGE\r\n\r\n'],
		['400 bad header', 400, `GET / HTTP/1.1\r\n${host}Bad Header Line\r\nConnection: close\r\n\r\n`],
		['405 POST to a static file', 405, `POST /static/app.css HTTP/1.1\r\n${host}Content-Length: 0\r\nConnection: close\r\n\r\n`],
		['414 URI too long', 414, `GET /${'a'.repeat(70000)} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`],
		['494 header too large', 400, `GET / HTTP/1.1\r\n${host}Cookie: ${'c'.repeat(20000)}\r\nConnection: close\r\n\r\n`],
	];
	for (const [what, status, req] of cases) {
		const r = await raw(req);
		assert.equal(r.status, status, `${what}: ${r.status}`);
		assertSecurityHeaders(r, what);
		assert.equal(r.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
		assert.match(r.body, /<title>[^<]*· Tenantry<\/title>/, `${what}: our page, not nginx's`);
	}
});
