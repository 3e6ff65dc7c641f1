// lib.mjs: helpers for the black-box HTTP tests (tests/http/*.test.mjs).
// Everything goes through the real nginx + FastCGI + MariaDB stack started
// by tests/run.sh, which passes BASE_URL, TENANTRY_DB_SOCKET,
// TENANTRY_TODAY and TENANTRY_OUT in the environment.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:8080';
export const DB_SOCKET = process.env.TENANTRY_DB_SOCKET || '';
export const TODAY = process.env.TENANTRY_TODAY || '2026-02-16';
export const DEMO_PASSWORD = 'tenantry-demo';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Demo logins (app/seed.c). Tests must never lock or change them.
export const ADMIN = 'admin@northwind.example';
export const STAFF = 'staff@northwind.example';
export const OCC_ADMIN = 'admin@acme.example';
export const OCC_USER = 'user@acme.example';
export const EASTWIND_ADMIN = 'admin@eastwind.example';

/* A short random suffix for names that must not collide between runs. */
export function rnd(n = 6) {
	return randomBytes(n).toString('hex');
}

/* ---- HTML helpers ------------------------------------------------------ */

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/* Decode the HTML character references ctemplate and hand-written templates use. */
export function decode(s) {
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
		if (e[0] === '#') {
			const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return String.fromCodePoint(cp);
		}
		const v = ENTITIES[e.toLowerCase()];
		return v === undefined ? m : v;
	});
}

/* Visible text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function text(html) {
	return decode(html
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

/*
 * An amount as the screens write it, in its currency ("£1,234.56",
 * "-£0.50"), without the symbol ("1,234.56", "-0.50"), so that a test
 * compares the figure; anything else (no symbol, no thousands separator,
 * another currency) fails the test. "" stays "" (no amount shown).
 */
export function money(s, cur = '£') {
	if (s === '' || s === null || s === undefined)
		return s;
	const m = new RegExp(`^(-?)${cur.replace(/[$]/g, '\\$&')}(\\d{1,3}(?:,\\d{3})*\\.\\d\\d)$`).exec(s);
	assert.ok(m, `an amount in ${cur} with thousands separators: ${JSON.stringify(s)}`);
	return m[1] + m[2];
}

/* The value of the first <input name="NAME" ... value="..."> (decoded), or null. */
export function inputValue(html, name) {
	const re = /<input\b[^>]*>/gi;
	let m;
	while ((m = re.exec(html)) !== null) {
		const tag = m[0];
		const n = /\bname="([^"]*)"/i.exec(tag);
		if (!n || decode(n[1]) !== name)
			continue;
		const v = /\bvalue="([^"]*)"/i.exec(tag);
		return v ? decode(v[1]) : '';
	}
	return null;
}

/* The text inside <textarea name="NAME"> (decoded), or null. */
export function textareaValue(html, name) {
	const re = new RegExp(`<textarea\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</textarea>`, 'i');
	const m = re.exec(html);
	return m ? decode(m[1]) : null;
}

/*
 * A field as assistive technology meets it: the attributes of the control
 * with id="ID" (decoded, by name), the ids its aria-describedby lists, and
 * the text of each element those ids name (null where none has the id).
 * Null when no control has the id.
 */
export function fieldA11y(html, id) {
	const tag = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`, 'i').exec(html);
	if (!tag)
		return null;
	const attrs = {};
	for (const a of tag[0].matchAll(/\s([a-z-]+)(?:="([^"]*)")?/gi))
		attrs[a[1].toLowerCase()] = a[2] === undefined ? '' : decode(a[2]);
	const describedBy = (attrs['aria-describedby'] || '').split(/\s+/).filter(Boolean);
	const described = describedBy.map((d) => {
		const m = new RegExp(`<(p|span|div)\\b[^>]*\\bid="${d}"[^>]*>([\\s\\S]*?)</\\1>`, 'i').exec(html);
		return m ? text(m[2]) : null;
	});
	return { attrs, describedBy, described };
}

/* The CSRF token of the page (hidden input name="csrf"), or null. */
export function csrfOf(html) {
	return inputValue(html, 'csrf');
}

/* The <title> text. */
export function titleOf(html) {
	const m = /<title>([\s\S]*?)<\/title>/i.exec(html);
	return m ? decode(m[1]).trim() : null;
}

/* Rows of the first <table class="grid"> tbody: arrays of cell texts. */
export function tableRows(html) {
	const tb = /<tbody>([\s\S]*?)<\/tbody>/i.exec(html);
	if (!tb)
		return [];
	const rows = [];
	for (const tr of tb[1].matchAll(/<tr>([\s\S]*?)<\/tr>/gi)) {
		rows.push([...tr[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => text(c[1])));
	}
	return rows;
}

/* ---- HTTP client -------------------------------------------------------- */

/* Parse one Set-Cookie header into { name, value, attrs: {lowercased: value|true} }. */
export function parseSetCookie(h) {
	const parts = h.split(';').map((s) => s.trim());
	const [nv, ...rest] = parts;
	const eq = nv.indexOf('=');
	const attrs = {};
	for (const a of rest) {
		if (a === '')
			continue;
		const i = a.indexOf('=');
		if (i < 0)
			attrs[a.toLowerCase()] = true;
		else
			attrs[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
	}
	return { name: nv.slice(0, eq), value: nv.slice(eq + 1), attrs, raw: h };
}

function encodeForm(fields) {
	if (typeof fields === 'string')
		return fields;
	const p = new URLSearchParams();
	const entries = fields instanceof URLSearchParams || Array.isArray(fields) ?
		[...fields] : Object.entries(fields);
	for (const [k, v] of entries)
		p.append(k, v === undefined || v === null ? '' : String(v));
	return p.toString();
}

/*
 * A browser-like client with its own cookie jar, talking to base (the stack
 * of tests/run.sh by default; see clock.mjs for others). Redirects are never
 * followed automatically (redirect: 'manual'), so tests see every 303.
 * After each HTML response that carries a csrf input the client remembers
 * it in this.csrf; post() sends it unless the fields already hold "csrf"
 * or the option csrf: false (send none) or csrf: 'value' is given.
 */
/*
 * fetch() from another source address on loopback (127.0.0.2 ...): Linux
 * accepts any 127/8 address as a source, so one machine plays several
 * clients. Answers like fetch: { status, headers (Headers), arrayBuffer() }.
 */
function fetchFrom(localAddress, url, { method, headers, body }) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers, localAddress }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const h = new Headers();
				for (let i = 0; i < res.rawHeaders.length; i += 2)
					h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
				const buf = Buffer.concat(chunks);
				resolve({ status: res.statusCode, headers: h, arrayBuffer: async () => buf });
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		if (body !== undefined)
			req.write(body);
		req.end();
	});
}

/*
 * nginx paces sign-ins per client address (one a second by default), as it
 * should for real clients, and the suites sign in hundreds of times: each
 * Client posts its sign-ins from a loopback address of its own (127.0.4.2
 * and on), unless it was given one. Only POST /login is paced, and a session
 * does not depend on the address it was made from.
 */
let loginAddrs = 0;
function nextLoginAddr() {
	const k = loginAddrs++ % 1000;
	return `127.0.${4 + Math.floor(k / 250)}.${(k % 250) + 2}`;
}

export class Client {
	/*
	 * opt: { from, base } — from: a loopback source address other than
	 * 127.0.0.1 for every request; base: another stack's URL (a string alone
	 * is taken as base).
	 */
	constructor(name = 'client', opt = {}) {
		const { from, base = BASE_URL } = typeof opt === 'string' ? { base: opt } : opt;
		this.name = name;
		this.base = base;
		this.jar = new Map();
		this.csrf = null;
		this.from = from;
		this.loginFrom = from ?? nextLoginAddr();
	}

	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request(method, p, { body, headers = {}, contentType } = {}) {
		const h = { ...headers };
		const ck = this.cookieHeader();
		if (ck && h.cookie === undefined && h.Cookie === undefined)
			h.cookie = ck;
		if (body !== undefined && contentType !== null)
			h['content-type'] = contentType || 'application/x-www-form-urlencoded';
		const res = this.from ? await fetchFrom(this.from, this.base + p, { method, headers: h, body })
			: await fetch(this.base + p, { method, headers: h, body, redirect: 'manual' });
		const raw = res.headers.getSetCookie();
		const cookies = raw.map(parseSetCookie);
		for (const c of cookies) {
			if (c.value === '' || c.attrs['max-age'] === '0')
				this.jar.delete(c.name);
			else
				this.jar.set(c.name, c.value);
		}
		const buf = Buffer.from(await res.arrayBuffer());
		const body_ = buf.toString('utf8');
		const r = {
			status: res.status,
			headers: res.headers,
			location: res.headers.get('location'),
			type: res.headers.get('content-type'),
			setCookies: cookies,
			bytes: buf,
			body: body_,
			text: text(body_),
			cookie(name) { return cookies.find((c) => c.name === name); },
		};
		const t = csrfOf(body_);
		if (t)
			this.csrf = t;
		this.last = r;
		return r;
	}

	get(p, opts) {
		return this.request('GET', p, opts);
	}

	post(p, fields = {}, { csrf, headers } = {}) {
		let f = fields;
		if (typeof f !== 'string') {
			f = Object.entries(fields instanceof URLSearchParams ? Object.fromEntries(fields) : fields);
			const has = f.some(([k]) => k === 'csrf');
			if (!has && csrf !== false) {
				const tok = typeof csrf === 'string' ? csrf : this.csrf;
				if (tok)
					f.unshift(['csrf', tok]);
			}
		}
		return this.request('POST', p, { body: encodeForm(f), headers });
	}

	/* GET and follow 303s (at most 5), returning the final response. */
	async follow(p) {
		let r = await this.get(p);
		for (let i = 0; i < 5 && r.status >= 300 && r.status < 400 && r.location; i++)
			r = await this.get(r.location);
		return r;
	}

	/*
	 * Sign in through the login form: GET /login (tn_pre cookie + csrf),
	 * POST it. Returns the POST's response. On success (303) the client
	 * follows to its start page to learn the session's CSRF token.
	 */
	async login(email, password = DEMO_PASSWORD, { next } = {}) {
		const page = await this.get('/login');
		assert.equal(page.status, 200, `GET /login for ${email}`);
		const fields = { email, password };
		if (next !== undefined)
			fields.next = next;
		const from = this.from;
		this.from = this.loginFrom;
		let r;
		try {
			r = await this.post('/login', fields, { csrf: csrfOf(page.body) });
		} finally {
			this.from = from;
		}
		if (r.status === 303)
			await this.follow(r.location);
		return r;
	}

	/* login() that must succeed. */
	async signIn(email, password = DEMO_PASSWORD) {
		const r = await this.login(email, password);
		assert.equal(r.status, 303, `sign-in of ${email} should succeed; got ${r.status}: ${r.text.slice(0, 200)}`);
		return this;
	}

	/* The session token in the jar (64 hex), or undefined. */
	get token() {
		return this.jar.get('tn_session');
	}
}

/* A new client signed in as email. */
export async function signedIn(email, password = DEMO_PASSWORD) {
	const c = new Client(email);
	await c.signIn(email, password);
	return c;
}

/* ---- database ---------------------------------------------------------- */

function unescapeCell(s) {
	if (s === 'NULL')
		return null;
	return s.replace(/\\(.)/g, (m, c) => ({ n: '\n', t: '\t', 0: '\0', '\\': '\\' }[c] ?? m));
}

/* Run SQL through the mariadb CLI; returns rows as arrays of strings (NULL → null). */
export function db(sql) {
	assert.ok(DB_SOCKET, 'TENANTRY_DB_SOCKET must be set (run through tests/run.sh)');
	return dbAt(DB_SOCKET, sql);
}

/* The mariadb CLI's arguments and options for sql through socket, and its
 * batch output as rows: shared by dbAt and dbAtAsync. */
const cliArgs = (socket, sql) => ['--no-defaults', '--default-character-set=utf8mb4', '-S', socket, '-u', 'root',
	process.env.TENANTRY_DB_NAME || 'tenantry', '-N', '-B', '-e', sql];
const CLI_OPTS = { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60000 };
const cliRows = (out) => out.split('\n').filter((l) => l !== '').map((l) => l.split('\t').map(unescapeCell));

/* The same through another server's socket (e.g. one node of a cluster). */
export function dbAt(socket, sql) {
	return cliRows(execFileSync('mariadb', cliArgs(socket, sql), CLI_OPTS));
}

/* dbAt without blocking: the event loop (and every request in flight, with
 * its timeout) goes on while the query runs. Rejects as execFile does. */
export function dbAtAsync(socket, sql) {
	return new Promise((resolve, reject) => {
		execFile('mariadb', cliArgs(socket, sql), CLI_OPTS, (err, out, stderr) => {
			if (err) {
				err.stderr = stderr;
				reject(err);
			} else {
				resolve(cliRows(out));
			}
		});
	});
}

/* The single value of a one-row, one-column query. */
export function dbValue(sql) {
	const rows = db(sql);
	assert.equal(rows.length, 1, `expected one row from: ${sql}`);
	return rows[0][0];
}

/* A quoted SQL string literal. */
export function q(s) {
	return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
}

export function operatorId(name = 'Northwind Workspaces') {
	return Number(dbValue(`SELECT id FROM operator WHERE name = ${q(name)}`));
}

export function occupierId(name) {
	return Number(dbValue(`SELECT id FROM occupier WHERE name = ${q(name)}`));
}

export function siteId(name) {
	return Number(dbValue(`SELECT id FROM site WHERE name = ${q(name)}`));
}

export const TENANTRY_BIN = process.env.TENANTRY_BIN || path.join(ROOT, 'build', 'tenantry');

/*
 * A database of a test file's own, migrated (and seeded unless seed is
 * false): lib.mjs's db() reads it until the returned close() drops it.
 * Returns { env, close }: env runs the binary against it.
 */
export function ownDatabase(name, { seed = true } = {}) {
	const env = { ...process.env, TENANTRY_DB_NAME: name, TENANTRY_SQL_DIR: path.join(ROOT, 'sql'), TENANTRY_DEMO: '1' };
	const saved = process.env.TENANTRY_DB_NAME;
	db(`DROP DATABASE IF EXISTS ${name}; CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
	process.env.TENANTRY_DB_NAME = name;	/* db() from here on */
	execFileSync(TENANTRY_BIN, ['migrate'], { env, stdio: 'pipe' });
	if (seed)
		execFileSync(TENANTRY_BIN, ['seed'], { env, stdio: 'pipe' });
	return {
		env,
		close() {
			process.env.TENANTRY_DB_NAME = saved ?? '';
			if (saved === undefined)
				delete process.env.TENANTRY_DB_NAME;
			db(`DROP DATABASE IF EXISTS ${name}`);
		},
	};
}

/*
 * Create a login with `tenantry user add` (password on stdin). Returns
 * { email, password }. Operator roles by default, at Northwind.
 */
export function addUser({ role = 'operator_staff', operator = 'Northwind Workspaces', occupier,
	password = 'test-password-' + rnd(4), email = `t-${rnd()}@test.example` } = {}) {
	const args = ['user', 'add', '--email', email, '--name', `Test ${role}`, '--role', role,
		'--operator', String(operatorId(operator))];
	if (occupier !== undefined)
		args.push('--occupier', String(occupierId(occupier)));
	execFileSync(TENANTRY_BIN, args, {
		input: password + '\n',
		env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET },
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	return { email, password };
}

/* ---- BLAKE2b (RFC 7693), for checking crypto_generichash(token) ------- */

const M64 = (1n << 64n) - 1n;
const B2_IV = [
	0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
	0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
];
const B2_SIGMA = [
	[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
	[14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
	[11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
	[7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
	[9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
	[2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
	[12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
	[13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
	[6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
	[10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const rotr = (x, n) => ((x >> BigInt(n)) | (x << BigInt(64 - n))) & M64;

/* Unkeyed BLAKE2b with an outlen-byte digest, as libsodium's crypto_generichash. */
export function blake2b(input, outlen = 32) {
	const data = Buffer.from(input);
	const h = B2_IV.slice();
	h[0] ^= 0x01010000n ^ BigInt(outlen);
	const nblocks = Math.max(1, Math.ceil(data.length / 128));
	for (let b = 0; b < nblocks; b++) {
		const block = Buffer.alloc(128);
		data.copy(block, 0, b * 128, Math.min(data.length, (b + 1) * 128));
		const last = b === nblocks - 1;
		const t = BigInt(last ? data.length : (b + 1) * 128);
		const m = [];
		for (let i = 0; i < 16; i++)
			m.push(block.readBigUInt64LE(i * 8));
		const v = [...h, ...B2_IV];
		v[12] ^= t & M64;
		v[13] ^= t >> 64n;
		if (last)
			v[14] ^= M64;
		const G = (a, b_, c, d, x, y) => {
			v[a] = (v[a] + v[b_] + x) & M64; v[d] = rotr(v[d] ^ v[a], 32);
			v[c] = (v[c] + v[d]) & M64; v[b_] = rotr(v[b_] ^ v[c], 24);
			v[a] = (v[a] + v[b_] + y) & M64; v[d] = rotr(v[d] ^ v[a], 16);
			v[c] = (v[c] + v[d]) & M64; v[b_] = rotr(v[b_] ^ v[c], 63);
		};
		for (let r = 0; r < 12; r++) {
			const s = B2_SIGMA[r % 10];
			G(0, 4, 8, 12, m[s[0]], m[s[1]]);
			G(1, 5, 9, 13, m[s[2]], m[s[3]]);
			G(2, 6, 10, 14, m[s[4]], m[s[5]]);
			G(3, 7, 11, 15, m[s[6]], m[s[7]]);
			G(0, 5, 10, 15, m[s[8]], m[s[9]]);
			G(1, 6, 11, 12, m[s[10]], m[s[11]]);
			G(2, 7, 8, 13, m[s[12]], m[s[13]]);
			G(3, 4, 9, 14, m[s[14]], m[s[15]]);
		}
		for (let i = 0; i < 8; i++)
			h[i] ^= v[i] ^ v[i + 8];
	}
	const out = Buffer.alloc(64);
	h.forEach((x, i) => out.writeBigUInt64LE(x, i * 8));
	return out.subarray(0, outlen);
}

/* ---- assertions ---------------------------------------------------------- */

/* Directives of a Content-Security-Policy: { name: [sources] }. */
export function cspDirectives(csp) {
	const d = {};
	for (const part of csp.split(';')) {
		const [name, ...src] = part.trim().split(/\s+/);
		if (name)
			d[name.toLowerCase()] = src;
	}
	return d;
}

/*
 * The security headers every HTML response must carry: a CSP with
 * frame-ancestors 'none' and scripts from 'self' only (script-src, or
 * default-src when there is no script-src), never 'unsafe-inline' or
 * 'unsafe-eval'; X-Content-Type-Options nosniff; a Referrer-Policy.
 */
export function assertSecurityHeaders(r, what = '') {
	const csp = r.headers.get('content-security-policy');
	assert.ok(csp, `${what}: Content-Security-Policy missing`);
	const d = cspDirectives(csp);
	assert.deepEqual(d['frame-ancestors'], ["'none'"], `${what}: CSP frame-ancestors: ${csp}`);
	const scripts = d['script-src'] || d['default-src'];
	assert.deepEqual(scripts, ["'self'"], `${what}: CSP scripts from 'self' only: ${csp}`);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, `${what}: CSP too lax: ${csp}`);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	const rp = r.headers.get('referrer-policy');
	assert.ok(rp, `${what}: Referrer-Policy missing`);
	assert.match(rp, /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
		`${what}: Referrer-Policy ${rp}`);
}

/* An HTML response with the given status. */
export function assertHtml(r, status, what = '') {
	assert.equal(r.status, status, `${what}: status ${r.status}, body: ${r.text.slice(0, 300)}`);
	assert.match(r.type || '', /^text\/html; charset=utf-8$/i, `${what}: content type`);
	assert.match(r.body, /^<!doctype html>/i, `${what}: an HTML document`);
}

/* A 303 to exactly `location` (string) or matching it (RegExp). */
export function assertRedirect(r, location, what = '') {
	assert.equal(r.status, 303, `${what}: status ${r.status}, body: ${r.text.slice(0, 300)}`);
	const seen = redirectNames(r);
	if (location instanceof RegExp)
		assert.ok(seen.some((x) => location.test(x)), `${what}: ${seen[0]} does not match ${location}`);
	else
		assert.ok(seen.includes(location), `${what}: expected ${location}, got ${seen[0]}`);
}

/*
 * The names of a redirect as the app's code writes it: a one-time flash
 * (?done=CODE) leaves the Location and travels in the tn_flash cookie set
 * with the redirect, to be shown once by the next page. So the target is
 * named as sent and, when a flash is set, with ?done=CODE put back at the
 * front or at the end of its query (before any #fragment): an expectation
 * that names the flash holds only when the redirect sets exactly that one.
 */
export function redirectNames(r) {
	const loc = r.location ?? '';
	const f = r.cookie('tn_flash');
	if (!f || f.value === '')
		return [loc];
	const hash = loc.indexOf('#');
	const base = hash < 0 ? loc : loc.slice(0, hash);
	const frag = hash < 0 ? '' : loc.slice(hash);
	const q = base.indexOf('?');
	const done = `done=${f.value}`;
	if (q < 0)
		return [`${base}?${done}${frag}`];
	return [`${base.slice(0, q)}?${done}&${base.slice(q + 1)}${frag}`, `${base}&${done}${frag}`];
}

/*
 * Where the infrastructure counters (infra_in_use, kept by the triggers of
 * sql/008_infra_in_use.sql) differ from a count of the rows themselves:
 * one statement, so one consistent snapshot, safe while others write.
 * Rows: [operator, occupier, site, ports, numbers, IPs, Wi-Fi devices,
 * Wi-Fi accounts] as counted minus as kept; none when they agree.
 */
/* (operator, occupier, site, ...differences) where the kept allocations of
 * infra_in_use (sql/104) differ from entitlement x QTY of the services not
 * ended; [] when every one is exact. */
export function infraAllocDrift() {
	return db(`SELECT operator_id, occupier_id, site_id, SUM(p), SUM(n), SUM(i), SUM(d), SUM(a) FROM (
		SELECT os.operator_id, os.occupier_id, os.site_id, CAST(v.ent_switch_ports * os.qty AS SIGNED) p,
			CAST(v.ent_phone_ext * os.qty AS SIGNED) n, CAST(v.ent_public_ip * os.qty AS SIGNED) i,
			CAST(v.ent_wifi_devices * os.qty AS SIGNED) d, CAST(v.ent_wifi_accounts * os.qty AS SIGNED) a
		FROM occupier_service os JOIN service v ON v.id = os.service_id WHERE os.ended_at IS NULL
		UNION ALL SELECT operator_id, occupier_id, site_id, -alloc_switch_ports, -alloc_phone_ext,
			-alloc_public_ips, -alloc_wifi_devices, -alloc_wifi_accounts FROM infra_in_use
	) t GROUP BY operator_id, occupier_id, site_id
	HAVING SUM(p) <> 0 OR SUM(n) <> 0 OR SUM(i) <> 0 OR SUM(d) <> 0 OR SUM(a) <> 0`);
}

export function infraCounterDrift() {
	return db(`SELECT operator_id, occupier_id, site_id, SUM(p), SUM(n), SUM(i), SUM(d), SUM(a) FROM (
		SELECT operator_id, occupier_id, site_id, 1 p, 0 n, 0 i, 0 d, 0 a
		FROM floor_port WHERE occupier_id IS NOT NULL AND state = 'active'
		UNION ALL SELECT operator_id, occupier_id, site_id, 0, 1, 0, 0, 0
		FROM phone_number WHERE occupier_id IS NOT NULL AND state = 'active'
		UNION ALL SELECT operator_id, occupier_id, site_id, 0, 0, 1, 0, 0
		FROM public_ip WHERE occupier_id IS NOT NULL AND state = 'active'
		UNION ALL SELECT operator_id, occupier_id, site_id, 0, 0, 0, type = 'wifi_device', type = 'wifi_account'
		FROM device WHERE state = 'active' AND type IN ('wifi_device', 'wifi_account')
		UNION ALL SELECT operator_id, occupier_id, site_id, -switch_ports, -phone_ext, -public_ips,
			-wifi_devices, -wifi_accounts FROM infra_in_use
	) t GROUP BY operator_id, occupier_id, site_id
	HAVING SUM(p) <> 0 OR SUM(n) <> 0 OR SUM(i) <> 0 OR SUM(d) <> 0 OR SUM(a) <> 0`);
}
