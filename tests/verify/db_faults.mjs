// db_faults.mjs (make verify, check 5): saves under load while run.sh kills
// MariaDB with SIGKILL and restarts it on the same datadir.
//
//   node db_faults.mjs DIR CLIENTS
//
// Protocol with run.sh (files in DIR): this script signs in, makes one
// occupier per client (two rows each), writes DIR/ready and then loops
// until DIR/stop appears (or its own time cap), each client loading the
// Manage services dialog and saving both rows with one new, distinct price.
// It keeps DIR/progress = the number of acknowledged saves so that run.sh
// kills while saves are flowing; run.sh appends "kill MS" and "up MS" lines
// (epoch ms) to DIR/kills. Then the figures:
//  - every request in flight at a kill, or sent while MariaDB was down,
//    answered 503 (an HTML page) within 5 s; no hang, no other 5xx;
//  - after each restart a save succeeds again (workers reconnect by
//    themselves): the time from "up" to the first acknowledged save;
//  - all or nothing: the two rows of a plan always carry the same price,
//    every committed price has exactly two audit "update" rows (one per
//    row), the plan version rose once per committed save;
//  - every acknowledged save is present.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
	FAST, Lean, STOP_AT, attempt, auditPrice, db, dbValue, formRows, infraCounterDrift, inputValue, log, manageFields, managePath, money, n,
	ownPlan, pct, report, serverEvents, serverLogSince, signInMany, siteId, sleep,
} from './vlib.mjs';

const DIR = process.argv[2];
const K = Number(process.argv[3] || (FAST ? 3 : 6));
const CAP = Math.min(Date.now() + (FAST ? 90 : 420) * 1000, STOP_AT - 8000);
const APP_PID = Number(process.env.APP_PID || 0);

const clients = await signInMany(K);
const S = siteId('Canary Wharf');
const plans = [];
for (let i = 0; i < K; i++)
	plans.push(await ownPlan(clients[0], S, 'DB faults'));
const v0 = plans.map((p) => Number(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${p.occ} AND site_id = ${S}`)));
const audit0 = Number(dbValue('SELECT COALESCE(MAX(id), 0) FROM audit_event'));

const events = [];	/* { c, kind, t0, t1, status, err, cents, html } */
let acked = 0;
const stopped = () => existsSync(`${DIR}/stop`) || Date.now() > CAP;

async function client(ci) {
	const c = new Lean(clients[ci], { maxSockets: 1, timeoutMs: 10000 });
	const p = plans[ci];
	const path = managePath(p.occ, S);
	for (let k = 0; !stopped() && k < 100000; k++) {
		let t0 = Date.now();
		const g = await attempt(c, 'GET', path);
		events.push({ c: ci, kind: 'get', t0, t1: Date.now(), status: g.status, err: g.err, html: isHtml(g) });
		if (g.status !== 200) {
			await sleep(100);
			continue;
		}
		const rows = formRows(g.body);
		const cents = 200000 + ci * 10000 + (k % 10000);
		for (const r of rows)
			r.price = money(cents);
		t0 = Date.now();
		const r = await attempt(c, 'POST', path, manageFields(inputValue(g.body, 'version'), rows, { op: 'save' }));
		events.push({ c: ci, kind: 'save', t0, t1: Date.now(), status: r.status, err: r.err, cents, html: isHtml(r) });
		if (r.status === 303) {
			writeFileSync(`${DIR}/progress.tmp`, String(++acked));
			renameSync(`${DIR}/progress.tmp`, `${DIR}/progress`);
		}
		else
			await sleep(100);
		// Every fourth round, an edit of the client's own occupier: nobody else edits it, so a
		// failure while MariaDB is down (at COMMIT too) must be a 503, never a 409 "changed by
		// someone else".
		if (k % 4 === 0) {
			const ep = `/occupiers/${p.occ}/edit`;
			t0 = Date.now();
			const ge = await attempt(c, 'GET', ep);
			events.push({ c: ci, kind: 'edit-get', t0, t1: Date.now(), status: ge.status, err: ge.err, html: isHtml(ge) });
			if (ge.status === 200) {
				t0 = Date.now();
				const pe = await attempt(c, 'POST', ep, [['name', `DB faults ${p.occ} ${k}`],
					['billing_ref', ''], ['contact_email', ''], ['notes', `edit ${k}`],
					['version', inputValue(ge.body, 'version')]]);
				events.push({ c: ci, kind: 'edit', t0, t1: Date.now(), status: pe.status, err: pe.err, html: isHtml(pe) });
			}
		}
	}
	c.close();
}

/* An HTML page carrying the security headers (as every HTML answer must). */
function isHtml(r) {
	const h = r.r?.headers || {};
	return /^text\/html/.test(h['content-type'] || '') && /<!doctype html>/i.test(r.body || '') &&
		/frame-ancestors 'none'/.test(h['content-security-policy'] || '') && h['x-content-type-options'] === 'nosniff';
}

writeFileSync(`${DIR}/progress`, '0');
writeFileSync(`${DIR}/ready`, '');
await Promise.all(clients.map((_, i) => client(i)));

/* ---- figures ------------------------------------------------------------------------ */

const kl = existsSync(`${DIR}/kills`) ? readFileSync(`${DIR}/kills`, 'utf8').trim().split('\n') : [];
const kills = [];
for (const line of kl) {
	const [what, ms] = line.split(' ');
	if (what === 'kill')
		kills.push({ kill: Number(ms), up: null });
	else if (what === 'up' && kills.length)
		kills[kills.length - 1].up = Number(ms);
}

const bad = [];
let inflight = 0;
let inflight503 = 0;
let downReq = 0;
const late = [];
const stat = {};
for (const e of events)
	stat[e.status || e.err] = (stat[e.status || e.err] || 0) + 1;
for (const e of events) {
	if (![200, 303, 503].includes(e.status))
		bad.push(e);
	else if (e.status === 503 && !e.html)
		bad.push({ ...e, why: '503 not an HTML page with the security headers' });
}
const recov = [];
let unrecovered = 0;
for (const [i, k] of kills.entries()) {
	const next = kills[i + 1]?.kill ?? Infinity;
	for (const e of events) {
		const atKill = e.t0 < k.kill && e.t1 > k.kill;
		const whileDown = k.up !== null && e.t0 >= k.kill && e.t0 < k.up;
		if (!atKill && !whileDown)
			continue;
		if (atKill)
			inflight++;
		else
			downReq++;
		// 503 within 5 s, or (the DB work done just before the kill, or
		// the restart seen just before run.sh noted it) a normal answer.
		if (e.status === 503) {
			if (atKill)
				inflight503++;
			const wait = e.t1 - Math.max(k.kill, e.t0);
			if (wait > 5000)
				late.push(wait);
		} else if (e.status !== 200 && e.status !== 303)
			late.push(e.t1 - e.t0);
	}
	const first = events.find((e) => e.kind === 'save' && e.status === 303 && k.up !== null && e.t0 >= k.up && e.t0 < next);
	if (first)
		recov.push(first.t1 - k.up);
	else
		unrecovered++;
}
const slowest503 = Math.max(0, ...events.filter((e) => e.status === 503).map((e) => e.t1 - e.t0));
const hangs = events.filter((e) => e.status === 0 || e.t1 - e.t0 > 5000).length;

// All or nothing, and every acknowledged save present.
let partial = 0;
let missing = 0;
let versionOff = 0;
let committed = 0;
for (const [i, p] of plans.entries()) {
	const [pa, pb] = [p.rowA, p.rowB].map((id) => Number(dbValue(`SELECT price FROM occupier_service WHERE id = ${id}`)));
	if (pa !== pb)
		partial++;
	const ev = db(`SELECT entity_id, new_value FROM audit_event WHERE id > ${audit0} AND entity = 'occupier_service'
		AND entity_id IN (${p.rowA}, ${p.rowB}) AND action = 'update' ORDER BY id`);
	const byPrice = new Map();
	for (const [id, v] of ev) {
		const c = auditPrice(v);
		if (!byPrice.has(c))
			byPrice.set(c, new Set());
		const s = byPrice.get(c);
		if (s.has(id))
			partial++;	/* the same row updated twice to one price: not one save */
		s.add(id);
	}
	for (const s of byPrice.values())
		if (s.size !== 2)
			partial++;
	committed += byPrice.size;
	const vEnd = Number(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${p.occ} AND site_id = ${S}`));
	if (vEnd - v0[i] !== byPrice.size)
		versionOff++;
	for (const e of events)
		if (e.c === i && e.kind === 'save' && e.status === 303 && !byPrice.has(e.cents))
			missing++;
	const lastPrice = ev.length ? auditPrice(ev[ev.length - 1][1]) : pa;
	if (lastPrice !== pa)
		partial++;
}
const acks = events.filter((e) => e.kind === 'save' && e.status === 303).length;
const saves = events.filter((e) => e.kind === 'save').length;
const unknown = events.filter((e) => e.kind === 'save' && e.status !== 303).length;
const ev0 = serverEvents(serverLogSince());
const masterAlive = APP_PID ? existsSync(`/proc/${APP_PID}`) : true;

log(`statuses: ${JSON.stringify(stat)}`);
log(`kills: ${JSON.stringify(kills.map((k) => (k.up ? k.up - k.kill : null)))} ms down`);
log(`recovery (ms after up): ${JSON.stringify(recov)}`);
log(`bad: ${JSON.stringify(bad.slice(0, 10))}`);
log(`late/failed while down: ${JSON.stringify(late.slice(0, 10))}`);
log(`saves ${saves}, acked ${acks}, committed ${committed}, not acknowledged ${unknown}; partial ${partial}, ` +
	`missing ${missing}, version mismatches ${versionOff}; server log ${JSON.stringify(ev0)}; master alive ${masterAlive}`);

// The counters the triggers keep (sql/008) after every crash recovery.
const drift = infraCounterDrift().length;
log(`infrastructure counters drifted from a count of the rows: ${drift}`);

const want = Number(process.env.DB_KILLS || (FAST ? 2 : 20));
const pass = kills.length === want && kills.every((k) => k.up !== null) && bad.length === 0 && late.length === 0 &&
	hangs === 0 && unrecovered === 0 && partial === 0 && missing === 0 && versionOff === 0 && ev0.crashed === 0 &&
	ev0.sanitizer === 0 && masterAlive && acks > 0 && drift === 0;
report('db-faults', `${kills.length}/${want} SIGKILLs of MariaDB under ${K} saving clients; ` +
	`${n(inflight)} requests in flight + ${n(downReq)} sent while down → 503 page in ≤ ${n(slowest503)} ms ` +
	`(${inflight503} in-flight 503s, ${late.length} late or failed), ${hangs} hangs, ${bad.length} other errors, ` +
	`${ev0.crashed} crashes; reconnected after ${unrecovered ? `${unrecovered} restarts NOT` : 'every restart'} ` +
	`(p50 ${n(pct(recov, 50))} ms, max ${n(Math.max(0, ...recov))} ms after MariaDB was up); ${n(saves)} saves, ` +
	`${n(acks)} acknowledged, ${missing} acknowledged missing, ${partial} partial, ${n(committed)} committed ` +
	`= version bumps${versionOff ? ' NOT' : ''}; infrastructure counters ${drift ? `${drift} NOT` : 'all'} in step`, pass);
