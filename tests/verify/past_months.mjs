// past_months.mjs (make verify, "past months never change"): on the
// benchmark's generated data (tests/bench/data.sh, loaded by run.sh into a
// database of its own, TENANTRY_DB_NAME), "today" steps through later dates
// (tests/http/clock.mjs: the same binary with TENANTRY_TODAY); at each date
// the Occupier Service Charges CSV of every complete month not yet seen is
// recorded (its SHA-256 and total), random edits are made as an operator
// makes them (price and QTY changes, services removed and added, contract
// starts moved), and every month recorded so far must read byte-identical
// afterwards. Before the first date and after the last, `tenantry
// ledger-check` must find the charge ledger and the audit log in agreement
// (the migration's derivation of the bench history, then every edit since).
// Also measures the server CPU time of a month's CSV (workers + MariaDB,
// from /proc), the figure behind "a month computes well under a second".
//   node past_months.mjs   (env: TENANTRY_DB_NAME, TENANTRY_DB_SOCKET,
//                           TENANTRY_BIN, PAST_DB_PID, PAST_EDITS)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Clock } from '../http/clock.mjs';
import { allMessages } from '../http/services-lib.mjs';
import {
	ADMIN, Client, FAST, STOP_AT, db, dbValue, log, n, openManage, report, rowsOf, setFetchTimeout, signInPatient,
	submit,
} from './vlib.mjs';

const DAYS = ['2026-02-16', '2026-03-09', '2026-04-21', '2026-06-02'];
const EDITS = Number(process.env.PAST_EDITS || (FAST ? 12 : 40));
const BIN = process.env.TENANTRY_BIN;
const DB_PID = Number(process.env.PAST_DB_PID || 0);
const deadline = STOP_AT - 10000;
setFetchTimeout(180000);

/* A small deterministic PRNG (mulberry32), its seed printed. */
const SEED = Number(process.env.PAST_SEED || Date.now() % 100000);
let st = SEED >>> 0;
function rnd() {
	st = (st + 0x6d2b79f5) >>> 0;
	let t = st;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];

function ledgerCheck() {
	try {
		const out = execFileSync(BIN, ['ledger-check'], { env: process.env, encoding: 'utf8' });
		log(out.trim());
		return { ok: true, line: out.trim().split('\n').find((l) => /Northwind/.test(l)) || '' };
	} catch (e) {
		log(`ledger-check failed (exit ${e.status}): ${e.stdout}${e.stderr}`);
		return { ok: false, line: String(e.stdout).trim().split('\n').slice(-2).join(' ') };
	}
}

/* "YYYY-MM" of the months from first to the month before day. */
function monthsBefore(first, day) {
	const out = [];
	let [y, m] = first.split('-').map(Number);
	const [ey, em] = day.split('-').map(Number);
	while (y * 12 + m < ey * 12 + em) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}

/* CPU ticks of a process (utime + stime), 0 when gone. */
function ticks(pid) {
	try {
		const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
		return Number(rest[11]) + Number(rest[12]);
	} catch {
		return 0;
	}
}

function workers(clock) {
	try {
		const [master] = readFileSync(path.join(clock.dir, 'pids'), 'utf8').trim().split(/\s+/).map(Number);
		return execFileSync('ps', ['-o', 'pid=', '--ppid', String(master)], { encoding: 'utf8' })
			.split('\n').map(Number).filter((x) => x > 0);
	} catch {
		return [];
	}
}

const HZ = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const cpu = [];	/* ms of server CPU (workers + MariaDB) per month CSV */
const wall = [];

/* The month's CSV: { sha, total, lines }; its server CPU time noted. */
async function monthCsv(c, clock, month) {
	const ws = workers(clock);
	const w0 = ws.reduce((a, p) => a + ticks(p), 0), d0 = DB_PID ? ticks(DB_PID) : 0;
	const t0 = performance.now();
	const r = await c.get(`/reports/charges.csv?month=${month}`);
	wall.push(performance.now() - t0);
	const w1 = ws.reduce((a, p) => a + ticks(p), 0), d1 = DB_PID ? ticks(DB_PID) : 0;
	cpu.push(((w1 - w0) + (d1 - d0)) * 1000 / HZ);
	if (r.status !== 200)
		throw new Error(`CSV of ${month}: ${r.status} ${r.text.slice(0, 200)}`);
	const lines = r.body.split('\r\n').filter((l) => l !== '');
	return {
		sha: createHash('sha256').update(r.bytes).digest('hex'),
		total: lines.at(-1).split(',').at(-1),
		lines: lines.length - 2,
	};
}

/* Contracts to move: any generated occupier's. Plans to edit: the plan
 * occupiers' (a plan valid under the rules; most generated occupiers'
 * random services are not, and the dialog refuses to save those). */
const bench = (where) => db(`SELECT o.id, c.site_id, c.id, t.reference FROM bench_occ o JOIN bench_con c ON c.occ = o.id
	JOIN contract t ON t.id = c.id WHERE ${where} ORDER BY o.id, c.k`)
	.map((r) => ({ occ: Number(r[0]), site: Number(r[1]), contract: Number(r[2]), ref: r[3] }));
const occupiers = bench('1');
const plans = bench('o.plan > 0 AND c.k = 0');
const first = dbValue(`SELECT DATE_FORMAT(MIN(activated_at), '%Y-%m') FROM occupier_service`);
const counts = {};	/* kind → { saved, refused } */
const problems = [];

function count(kind, ok) {
	counts[kind] ??= { saved: 0, refused: 0 };
	counts[kind][ok ? 'saved' : 'refused']++;
}

function money(cents) {
	return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/* One random edit as an operator makes it, on the stack of today. */
async function edit(c, day) {
	const kind = pick(['price', 'price', 'price', 'qty', 'qty', 'remove', 'add', 'move']);
	const o = pick(kind === 'move' ? occupiers : plans);
	if (kind === 'move') {
		const p = `/occupiers/${o.occ}/contracts/${o.contract}/edit`;
		const page = await c.get(p);
		if (page.status !== 200)
			throw new Error(`GET ${p}: ${page.status}`);
		const version = /name="version" value="(\d+)"/.exec(page.body)[1];
		const start = /name="start_date"[^>]*value="([\d-]+)"/.exec(page.body)[1];
		const end = (/name="end_date"[^>]*value="([\d-]*)"/.exec(page.body) || [, ''])[1];
		const d = new Date(`${start}T00:00:00Z`);
		d.setUTCDate(d.getUTCDate() + (rnd() < 0.5 ? -1 : 1) * (1 + Math.floor(rnd() * 60)));
		const r = await c.post(p, { reference: o.ref, start_date: d.toISOString().slice(0, 10), end_date: end, version });
		if (r.status !== 303 && r.status !== 422)
			throw new Error(`move ${o.ref} on ${day}: ${r.status} ${r.text.slice(0, 200)}`);
		count(kind, r.status === 303);
		return;
	}
	const { m } = await openManage(c, o.occ, o.site);
	const rows = rowsOf(m);
	if (rows.length === 0 && kind !== 'add')
		return count(kind, false);
	const row = pick(rows.length ? rows : [null]);
	if (kind === 'price')
		row.price = money(100 + Math.floor(rnd() * 50000));
	else if (kind === 'qty')
		row.qty = String(Math.max(1, Number(row.qty) + (rnd() < 0.7 ? 1 : -1)));
	else if (kind === 'remove')
		rows.splice(rows.indexOf(row), 1);
	else {
		const avail = m.avail.filter((a) => !a.hidden);
		rows.push({ service: pick(avail).id, contract: o.contract, price: money(Math.floor(rnd() * 20000)), qty: '1' });
	}
	// A removed row goes as a drop, as the dialog's X then Save sends it.
	const drop = rowsOf(m).filter((r) => !rows.some((k) => k.id === r.id)).map((r) => r.id);
	const x = await submit(c, o.occ, o.site, m.version, rows, { op: 'save', drop });
	if (x.r.status !== 303 && x.r.status !== 422 && x.r.status !== 409)
		throw new Error(`${kind} for ${o.occ} on ${day}: ${x.r.status} ${x.r.text.slice(0, 200)}`);
	if (x.r.status === 422 && x.m)
		log(`  refused ${kind} for ${o.occ}: ${allMessages(x.m).slice(0, 2).join('; ')}`);
	count(kind, x.r.status === 303);
}

const clock = new Clock();
const recorded = new Map();	/* month → { sha, total, lines, day } */
let checks = 0, changed = 0, before = null, after = null;
try {
	before = ledgerCheck();
	if (!before.ok)
		problems.push('ledger-check before the edits');
	let admin = null;
	for (const day of DAYS) {
		if (Date.now() > deadline) {
			problems.push(`out of time before ${day}`);
			break;
		}
		await clock.at(day);
		if (admin === null)
			admin = await signInPatient(new Client('admin', clock.base), ADMIN);
		const c = clock.client(admin);
		for (const m of monthsBefore(first, day))
			if (!recorded.has(m))
				recorded.set(m, { ...await monthCsv(c, clock, m), day });
		const t0 = Date.now();
		for (let i = 0; i < EDITS && Date.now() < deadline; i++)
			await edit(c, day);
		log(`${day}: ${recorded.size} months recorded; ${EDITS} edits in ${Date.now() - t0} ms`);
		for (const [m, want] of recorded) {
			const got = await monthCsv(c, clock, m);
			checks++;
			if (got.sha !== want.sha) {
				changed++;
				problems.push(`${m} (seen on ${want.day}, total ${want.total}) changed on ${day}: total ${got.total}`);
			}
		}
	}
	after = ledgerCheck();
	if (!after.ok)
		problems.push('ledger-check after the edits');
} catch (e) {
	problems.push(String(e.stack || e));
} finally {
	await clock.stop().catch((e) => problems.push(String(e)));
}

const saved = Object.values(counts).reduce((a, k) => a + k.saved, 0);
const tried = Object.values(counts).reduce((a, k) => a + k.saved + k.refused, 0);
if (saved < tried / 4 || !counts.price?.saved || !counts.move?.saved)
	problems.push(`too few edits saved: ${JSON.stringify(counts)}`);
for (const p of problems.slice(0, 20))
	log(`PROBLEM ${p}`);
const nsvc = Number(dbValue('SELECT COUNT(*) FROM occupier_service'));
const nocc = Number(dbValue('SELECT COUNT(*) FROM occupier'));
const med = (a) => a.length ? [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] : 0;
const lines = [...recorded.values()].reduce((a, r) => a + r.lines, 0);
const kinds = Object.entries(counts).map(([k, v]) => `${k} ${v.saved}/${v.saved + v.refused}`).join(', ');
report('past-months',
	`bench data ${n(nocc)} occupiers, ${n(nsvc)} services; ledger-check ${before?.ok ? 'equal' : 'NOT equal'} before, ` +
	`${after?.ok ? 'equal' : 'NOT equal'} after; ${DAYS.length} later dates × ${EDITS} random edits (saved/tried: ${kinds}); ` +
	`${recorded.size} complete months (${n(lines)} lines) re-read ${n(checks)} times: ${changed} changed; ` +
	`a month's CSV costs the server ${Math.round(med(cpu))} ms CPU (median, workers + MariaDB; wall ${Math.round(med(wall))} ms)` +
	` [seed ${SEED}]`,
	problems.length === 0);
