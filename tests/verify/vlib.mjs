// vlib.mjs: helpers shared by the `make verify` checks (tests/verify/*.mjs).
// The checks drive the private stack started by tests/verify/run.sh, which
// passes BASE_URL, TENANTRY_DB_SOCKET, TENANTRY_TODAY and VERIFY_FAST in the
// environment. They reuse the HTTP suite's client and fixtures
// (tests/http/lib.mjs, services-lib.mjs) and end with one line
//   VERIFY <check>: <figures> — PASS|FAIL
// that run.sh prints. Every loop here is capped in count and in time.
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export * from '../http/lib.mjs';
export {
	day, manageFields, managePath, occupierWith, openManage, parseManage, post, rowsOf, serviceIds,
	submit, auditText,
} from '../http/services-lib.mjs';
import { Client, ADMIN, DEMO_PASSWORD, csrfOf } from '../http/lib.mjs';

export { sleep };
export const FAST = process.env.VERIFY_FAST === '1';

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
globalThis.fetch = (url, opts = {}) => realFetch(url,
	opts.signal ? opts : { ...opts, signal: AbortSignal.timeout(fetchTimeout) });

/* "1234567" → "1 234 567" (the figures' style). */
export function n(x) {
	if (typeof x !== 'number' || !Number.isFinite(x))
		return String(x);
	const s = String(Math.round(x));
	return s.length < 4 ? s : s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/* Print the check's result line and set the exit code. */
export function report(check, figures, pass) {
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
		return { status: r.status, ms: performance.now() - t0, body: r.body, text: r.text, location: r.location, r };
	} catch (e) {
		const err = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : (e.cause?.code || e.message);
		return { status: 0, ms: performance.now() - t0, err, body: '', text: '' };
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

/* Sign in k clients as email, at most `par` at a time (Argon2id is capped anyway). */
export async function signInMany(k, email = ADMIN, par = 4) {
	const out = [];
	for (let i = 0; i < k; i += par) {
		const batch = [];
		for (let j = i; j < Math.min(k, i + par); j++) {
			const c = new Client(`${email}#${j}`);
			batch.push(c.signIn(email, DEMO_PASSWORD).then(() => c));
		}
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

/* ---- processes (Linux /proc) ---------------------------------------------- */

/* Children of pid (the FastCGI master's workers). */
export function childrenOf(pid) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		try {
			const st = readFileSync(`/proc/${d}/stat`, 'utf8');
			const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
			if (Number(f[1]) === pid)
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
