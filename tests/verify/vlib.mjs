// vlib.mjs: helpers shared by the `make verify` checks (tests/verify/*.mjs).
// The checks drive the private stack started by tests/verify/run.sh, which
// passes BASE_URL, TENANTRY_DB_SOCKET, TENANTRY_TODAY and VERIFY_FAST in the
// environment. They reuse the HTTP suite's client and fixtures
// (tests/http/lib.mjs, services-lib.mjs) and end with one line
//   VERIFY <check>: <figures> — PASS|FAIL
// that run.sh prints. Every loop here is capped in count and in time.
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import http from 'node:http';

export * from '../http/lib.mjs';
export {
	day, manageFields, managePath, occupierWith, openManage, parseManage, post, rowsOf, serviceIds,
	submit, auditText,
} from '../http/services-lib.mjs';
import { Client, ADMIN, BASE_URL, DEMO_PASSWORD, csrfOf, db, inputValue } from '../http/lib.mjs';
import {
	day, manageFields, managePath, occupierWith, openManage, serviceIds,
} from '../http/services-lib.mjs';

export { sleep };
export const FAST = process.env.VERIFY_FAST === '1';
/* When run.sh needs the result (epoch ms): loops end early enough to report. */
export const STOP_AT = Number(process.env.VERIFY_STOP_AT || 0) || Infinity;

/*
 * Every fetch gets a deadline (FETCH_TIMEOUT_MS, default 15 s) unless it
 * brings its own signal: a hung request becomes an error the checks count,
 * never a hung check. lib.mjs's Client uses the global fetch, so it inherits
 * this.
 */
const realFetch = globalThis.fetch;
let fetchTimeout = Number(process.env.FETCH_TIMEOUT_MS || 15000);
export function setFetchTimeout(ms) {
	fetchTimeout = ms;
}
let requests = 0;
globalThis.fetch = (url, opts = {}) => {
	requests++;
	return realFetch(url, opts.signal ? opts : { ...opts, signal: AbortSignal.timeout(fetchTimeout) });
};

/* "1234567" → "1 234 567" (the figures' style). */
export function n(x) {
	if (typeof x !== 'number' || !Number.isFinite(x))
		return String(x);
	const s = String(Math.round(x));
	return s.length < 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/* Print the check's result line and set the exit code. */
export function report(check, figures, pass) {
	console.log(`REQUESTS ${requests}`);
	console.log(`VERIFY ${check}: ${figures} — ${pass ? 'PASS' : 'FAIL'}`);
	process.exitCode = pass ? 0 : 1;
}

/* Log a detail line (goes to the check's log file, not the summary). */
export function log(...a) {
	console.log(...a);
}

/* Percentile p (0..100) of an array of numbers. */
export function pct(a, p) {
	if (a.length === 0)
		return 0;
	const s = [...a].sort((x, y) => x - y);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/*
 * One request through client c that never throws: { status, ms, body, location, err }.
 * status 0 is a network error or timeout (err says which).
 */
export async function attempt(c, method, path, fields) {
	const t0 = performance.now();
	try {
		let r;
		if (method === 'GET')
			r = await c.get(path);
		else if (Array.isArray(fields))
			r = await postPairs(c, path, fields);
		else
			r = await c.post(path, fields);
		return { method, status: r.status, ms: performance.now() - t0, body: r.body, text: r.text, location: r.location, r };
	} catch (e) {
		const err = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : (e.cause?.code || e.message);
		return { method, status: 0, ms: performance.now() - t0, err, body: '', text: '' };
	}
}

/* POST ordered pairs (repeated keys kept), csrf first as the forms have it. */
export function postPairs(c, path, pairs) {
	const p = new URLSearchParams();
	if (!pairs.some(([k]) => k === 'csrf') && c.csrf)
		p.append('csrf', c.csrf);
	for (const [k, v] of pairs)
		p.append(k, String(v));
	return c.request('POST', path, { body: p.toString() });
}

/* Sign in as a person would: a "busy, try again in a few seconds" answer
 * (503 from the hashing slots, 429 from nginx's sign-in pace) is tried
 * again a little later, up to 8 times; anything else but 303 fails. */
export async function signInPatient(c, email = ADMIN) {
	for (let t = 1; ; t++) {
		const r = await c.login(email, DEMO_PASSWORD);
		if (r.status === 303)
			return c;
		if ((r.status !== 503 && r.status !== 429) || t === 8)
			throw new Error(`sign-in of ${email} should succeed; got ${r.status} (try ${t}): ${r.text.slice(0, 200)}`);
		await sleep(250 * t);
	}
}

/* Sign in k clients as email, at most `par` at a time (Argon2id is capped anyway). */
export async function signInMany(k, email = ADMIN, par = 4) {
	const out = [];
	for (let i = 0; i < k; i += par) {
		const batch = [];
		for (let j = i; j < Math.min(k, i + par); j++)
			batch.push(signInPatient(new Client(`${email}#${j}`), email));
		out.push(...await Promise.all(batch));
	}
	return out;
}

/* A client with a copy of another's session (same cookies and CSRF token). */
export function cloneClient(c, name) {
	const d = new Client(name || c.name);
	d.jar = new Map(c.jar);
	d.csrf = c.csrf;
	return d;
}

/*
 * A lean client for load: node:http with keep-alive, the session's cookies
 * sent as they are, no cookie jar updates and no HTML decoding, so that the
 * client costs little next to the server. Same calls as lib.mjs's Client
 * (get, post, request; csrf), so attempt() and postPairs() take either.
 * `from` is a Client or another Lean (its session); `base` another server.
 */
export class Lean {
	constructor(from, { maxSockets = 16, timeoutMs = 15000, base = BASE_URL } = {}) {
		this.name = from.name;
		this.cookie = from.cookie ?? [...from.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		this.csrf = from.csrf;
		this.timeoutMs = timeoutMs;
		const u = new URL(base);
		this.host = u.hostname;
		this.port = Number(u.port || 80);
		this.agent = new http.Agent({ keepAlive: true, maxSockets });
	}

	request(method, p, { body } = {}) {
		requests++;
		return new Promise((resolve, reject) => {
			const headers = { cookie: this.cookie };
			if (body !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				headers['content-length'] = Buffer.byteLength(body);
			}
			const rq = http.request({ host: this.host, port: this.port, method, path: p, headers, agent: this.agent },
				(res) => {
					const chunks = [];
					res.on('data', (d) => chunks.push(d));
					res.on('end', () => {
						const b = Buffer.concat(chunks).toString('utf8');
						resolve({
							status: res.statusCode, body: b, location: res.headers.location || null,
							headers: res.headers, get text() { return b.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' '); },
						});
					});
					res.on('error', reject);
				});
			rq.setTimeout(this.timeoutMs, () => {
				const e = new Error('timeout');
				e.name = 'TimeoutError';
				rq.destroy(e);
			});
			rq.on('error', reject);
			if (body !== undefined)
				rq.write(body);
			rq.end();
		});
	}

	get(p) {
		return this.request('GET', p);
	}

	post(p, fields = {}) {
		const f = new URLSearchParams();
		if (!('csrf' in fields) && this.csrf)
			f.append('csrf', this.csrf);
		for (const [k, v] of Object.entries(fields))
			f.append(k, String(v));
		return this.request('POST', p, { body: f.toString() });
	}

	close() {
		this.agent.destroy();
	}
}

/*
 * An occupier of our own at site S with a contract and a saved plan of two
 * rows (Wi-Fi devices pack 12.00 × 2, Wi-Fi Secure accounts 10.00 × 1: no
 * rules, no devices, no phone numbers). { occ, S, contract, rowA, rowB }.
 */
export async function ownPlan(c, S, prefix) {
	const svc = serviceIds();
	const o = await occupierWith(c, S, [{ start: day(-90) }], prefix);
	const { m } = await openManage(c, o.occ, S);
	const rows = [
		{ id: 0, service: svc['Wi-Fi devices pack (10)'], contract: o.contract.id, price: '12.00', qty: '2' },
		{ id: 0, service: svc['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '10.00', qty: '1' },
	];
	const r = await attempt(c, 'POST', managePath(o.occ, S), manageFields(m.version, rows, { op: 'save' }));
	if (r.status !== 303)
		throw new Error(`first save for occupier ${o.occ}: ${r.status} ${r.text.slice(0, 300)}`);
	const ids = db(`SELECT id FROM occupier_service WHERE occupier_id = ${o.occ} AND site_id = ${S} ORDER BY id`)
		.map((x) => Number(x[0]));
	return { occ: o.occ, S, contract: o.contract.id, rowA: ids[0], rowB: ids[1] };
}

/* The Manage services form's rows as the browser resends them. */
export function formRows(html) {
	const rows = [];
	for (let k = 0; inputValue(html, `row[${k}][id]`) !== null; k++)
		rows.push({
			id: inputValue(html, `row[${k}][id]`), service: inputValue(html, `row[${k}][service]`),
			contract: inputValue(html, `row[${k}][contract]`), price: inputValue(html, `row[${k}][price]`),
			qty: inputValue(html, `row[${k}][qty]`),
		});
	return rows;
}

/* ---- processes (Linux /proc) ---------------------------------------------- */

/* The FastCGI workers of master pid (its tn-* helper processes left out). */
export function childrenOf(pid) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		try {
			const st = readFileSync(`/proc/${d}/stat`, 'utf8');
			const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
			// The master's helper processes (tn-housekeep, ...) are not workers.
			const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
			if (Number(f[1]) === pid && !comm.startsWith('tn-'))
				out.push(Number(d));
		} catch {
			/* gone meanwhile */
		}
	}
	return out.sort((a, b) => a - b);
}

/* VmRSS of pid in KiB (0 if gone). */
export function rssKiB(pid) {
	try {
		const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

/*
 * What the server wrote to its log (tenantry.log) since this check began:
 * run.sh passes VERIFY_LOG and VERIFY_LOG_OFFSET (bytes).
 */
export function serverLogSince() {
	const f = process.env.VERIFY_LOG;
	if (!f)
		return '';
	try {
		return readFileSync(f).subarray(Number(process.env.VERIFY_LOG_OFFSET || 0)).toString('utf8');
	} catch {
		return '';
	}
}

/* Sanitizer reports and worker deaths in a piece of the server log. */
export function serverEvents(text) {
	const count = (re) => (text.match(re) || []).length;
	return {
		sanitizer: count(/ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:/g),
		killed9: count(/worker \d+ killed by signal 9;/g),
		crashed: count(/worker \d+ killed by signal (?!9;)\d+|worker \d+ exited [1-9]/g),
	};
}

/* ---- figures from the database ---------------------------------------------- */

/* "price=12.34" line of an audit value → minor units (or null). */
export function auditPrice(v) {
	const m = /(?:^|\n)price=(-?\d+)\.(\d\d)(?:\n|$)/.exec(v || '');
	return m ? Number(m[1]) * 100 + Number(m[2]) * (m[1].startsWith('-') ? -1 : 1) : null;
}

/* Minor units → "12.34". */
export function money(cents) {
	return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export { csrfOf };
