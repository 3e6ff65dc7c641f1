// cluster.mjs: the `cluster` check of make verify. Tenantry on a 3-node
// MariaDB Galera cluster with three app hosts behind one nginx (started by
// tests/verify/cluster.sh with nginx/cluster.sh, whose state directory is
// CLUSTER_VAR/cluster). What must hold:
//  1. sessions: a user signed in through host 1 works through hosts 2 and 3
//     (GET and a POST with its CSRF token);
//  2. lost updates: K clients × N conflicting saves of one plan, client i
//     through host i mod 3 (so through all three nodes, where SELECT ... FOR
//     UPDATE locks nothing across nodes and a conflict surfaces as a failed
//     certification): every answer "saved" or "changed meanwhile", 0 lost,
//     audit events = acknowledged saves, final state = last acknowledged, on
//     every node;
//  3. per-worker caches: a catalog change, a new occupier and a renamed site
//     made through one node are seen by the next request through the other
//     hosts (so the other nodes);
//  4. telephony and public IPs: occupiers at one site saving plans that take
//     numbers and addresses from the site's pools at the same time, through
//     the three hosts: no number or address held by two occupiers, each
//     acknowledged plan holding what it allocates, the pool never overdrawn;
//  5. faults under load (savers and readers through nginx's upstream of the
//     three hosts): SIGKILL node 1, let it rejoin (IST), SIGKILL node 2, let
//     it rejoin (not in the fast subset); cut node 3 off the group (it
//     leaves the primary component: wsrep_ready OFF) and let it back;
//     SIGKILL app host 2's master and workers and start it again. Afterwards every acknowledged save on every
//     node, nothing partial, failures only around a fault and answered with
//     an error page (503 from the application, 502 from nginx for a POST in
//     flight on a killed host, which nginx never re-sends), no "nothing was
//     saved" answer for a save that was saved; the trigger-kept counters
//     (infra_in_use against a count of the rows; occupier_names and
//     site_names equal on every node and moved by exactly the changes made)
//     after every recovery; the sessions still valid on every host.
// Timings of each fault (eviction, failover, rejoin) go to the log and the
// result line.
//   node cluster.mjs   (env: CLUSTER_VAR, BASE_URL, TENANTRY_DB_SOCKET = node 1)
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	ADMIN, DEMO_PASSWORD, FAST, Lean, dbAt, dbAtAsync, STOP_AT, attempt, auditPrice, csrfOf, day, formRows, inputValue, log, manageFields,
	managePath, money, n, occupierWith, openManage, ownPlan, q, report, rnd, serverEvents, serviceIds, signInMany,
	siteId, sleep,
} from './vlib.mjs';
import { conflictFigures, conflictStart, conflictingSaves } from './conflicts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CVAR = process.env.CLUSTER_VAR;
const C = `${CVAR}/cluster`;
const K = Number(process.argv[2] || (FAST ? 4 : 16));
const N = Number(process.argv[3] || (FAST ? 25 : 200));
const T0 = Date.now();
const run = promisify(execFile);

const env = {};
for (const w of readFileSync(`${C}/env`, 'utf8').split(/\s+/))
	if (w.includes('='))
		env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
const NODES = Number(env.NODES);
const HOSTS = Number(env.HOSTS);
const hostBase = (h) => `http://127.0.0.1:${env[`HPORT_${h}`]}`;
const nodeIds = Array.from({ length: NODES }, (_, i) => i + 1);
const hostIds = Array.from({ length: HOSTS }, (_, i) => i + 1);
const fails = [];	/* what did not hold, for the log and the result */

/* SQL through node i's socket (root): rows of cells. */
function dbOn(i, sql) {
	return dbAt(`${C}/db${i}/mariadb.sock`, sql);
}

/* The checker's own read on node i, asked again while the node answers
 * 1205 (its causal read, wsrep_sync_wait, waited out a group change) or
 * 1047 (not yet primary after one): the check is of what the node holds,
 * not of how soon it answers. Any other error, or the same after 30 s,
 * is thrown. Asynchronous, so that the clients' requests go on meanwhile:
 * a blocking read (with its 2 s pauses) froze them, and when it ended
 * Node ran their expired timeouts before reading the answers waiting on
 * their sockets, so a slow check looked like a server that did not answer. */
async function dbOnPatient(i, sql) {
	for (let t = 1; ; t++) {
		try {
			return await dbAtAsync(`${C}/db${i}/mariadb.sock`, sql);
		} catch (e) {
			const m = /ERROR (1205|1047)/.exec(String(e.stderr || e.message));
			if (!m || t === 15)
				throw e;
			log(`node ${i}: the checker's read answered ${m[1]}; asked again in 2 s (${t})`);
			await sleep(2000);
		}
	}
}
const onNode = (i) => (sql) => dbOn(i, sql);
const db1 = onNode(1);

/* A wsrep status value of node i ('down' when it does not answer); async,
 * so that the load goes on while the faults are watched. */
async function nodeStatus(i, name) {
	try {
		const { stdout } = await run('mariadb', ['--no-defaults', '-S', `${C}/db${i}/mariadb.sock`, '-u', 'root', '-N', '-B',
			'-e', `SHOW GLOBAL STATUS LIKE '${name}'`], { timeout: 10000 });
		return stdout.trim().split('\t')[1] ?? '';
	} catch {
		return 'down';
	}
}

/* nginx/cluster.sh COMMAND...; resolves to its output (throws on failure). */
async function cluster(...args) {
	const t = Date.now();
	const { stdout } = await run('sh', [`${ROOT}/nginx/cluster.sh`, ...args], {
		env: { ...process.env, VAR: CVAR }, timeout: 240000,
	});
	log(`cluster.sh ${args.join(' ')}: ${Date.now() - t} ms`);
	return stdout;
}

async function until(what, pred, ms = 60000, every = 100) {
	const t = Date.now();
	while (Date.now() - t < ms) {
		if (await pred())
			return Date.now() - t;
		await sleep(every);
	}
	throw new Error(`${what}: not within ${ms} ms`);
}

/* ---- sign-in through one host, a session used through the others -------------- */

/* Sign in through base; { cookie, csrf } of the new session. */
async function signInAt(base, email = ADMIN) {
	for (let t = 1; ; t++) {
		const g = await fetch(`${base}/login`, { redirect: 'manual' });
		const pre = (g.headers.getSetCookie() || []).map((c) => c.split(';')[0]).join('; ');
		const body = new URLSearchParams({ csrf: csrfOf(await g.text()), email, password: DEMO_PASSWORD });
		const r = await fetch(`${base}/login`, {
			method: 'POST', redirect: 'manual', body: body.toString(),
			headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
		});
		if (r.status === 303) {
			const cookie = (r.headers.getSetCookie() || []).map((c) => c.split(';')[0]).filter((c) => !/=$/.test(c)).join('; ');
			const page = await fetch(`${base}/occupiers`, { headers: { cookie } });
			return { name: email, cookie, csrf: csrfOf(await page.text()) };
		}
		if ((r.status !== 503 && r.status !== 429) || t === 8)
			throw new Error(`sign-in through ${base}: ${r.status}`);
		await sleep(250 * t);
	}
}

/* The session works through every host: a page that needs it, and a POST. */
async function sessionEverywhere(sess, occ, S) {
	const bad = [];
	for (const h of hostIds) {
		const c = new Lean(sess, { maxSockets: 1, base: hostBase(h) });
		const g = await attempt(c, 'GET', '/occupiers');
		if (g.status !== 200 || !/Occupiers/.test(g.body))
			bad.push(`host ${h} GET ${g.status}`);
		if (occ) {
			const m = await attempt(c, 'GET', managePath(occ, S));
			const p = await attempt(c, 'POST', managePath(occ, S),
				manageFields(inputValue(m.body, 'version'), formRows(m.body), { op: 'recalc' }));
			if (m.status !== 200 || p.status !== 200)
				bad.push(`host ${h} dialog ${m.status}, preview POST ${p.status}`);
		}
		c.close();
	}
	return bad;
}

/* ---- counters kept by triggers, on every node ------------------------------------ */

const DRIFT_SQL = `SELECT COUNT(*) FROM (SELECT operator_id, occupier_id, site_id FROM (
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
HAVING SUM(p) <> 0 OR SUM(n) <> 0 OR SUM(i) <> 0 OR SUM(d) <> 0 OR SUM(a) <> 0) x`;
const VERSIONS_SQL = `SELECT (SELECT GROUP_CONCAT(CONCAT(operator_id, ':', version) ORDER BY operator_id) FROM occupier_names),
	(SELECT GROUP_CONCAT(CONCAT(operator_id, ':', version) ORDER BY operator_id) FROM site_names)`;
const NAMES_SQL = `SELECT COUNT(*), COALESCE(SUM(CAST(new_value AS BINARY) LIKE 'name=%' AND (old_value IS NULL
	OR SUBSTRING_INDEX(CAST(old_value AS BINARY), '\\n', 1) <> SUBSTRING_INDEX(CAST(new_value AS BINARY), '\\n', 1))), 0)
	FROM audit_event WHERE entity = 'occupier' AND action IN ('create', 'update') AND operator_id = `;
let counterChecks = 0;
let counterBad = 0;
const version0 = {};

/* infra_in_use against the rows, and the name and site versions, on every
 * node that is up and primary; `when` labels the log line. */
async function countersCheck(when, up = nodeIds) {
	const per = [];
	const t = Date.now();
	for (const i of up) {
		const drift = Number((await dbOnPatient(i, DRIFT_SQL))[0][0]);
		const [occNames, siteNames] = (await dbOnPatient(i, VERSIONS_SQL))[0];
		per.push({ i, drift, occNames, siteNames });
	}
	const same = per.every((p) => p.occNames === per[0].occNames && p.siteNames === per[0].siteNames);
	const bad = per.some((p) => p.drift !== 0) || !same;
	counterChecks++;
	if (bad) {
		counterBad++;
		fails.push(`counters after ${when}: ${JSON.stringify(per)}`);
	}
	log(`counters after ${when} (${Date.now() - t} ms): ${per.map((p) => `node ${p.i} drift ${p.drift}, names ${p.occNames}, sites ${p.siteNames}`).join('; ')}`);
	return !bad;
}

/* ---- 0. start ----------------------------------------------------------------------- */

log(`cluster: ${NODES} nodes, ${HOSTS} hosts (${env.MODE}); main ${process.env.BASE_URL}; hosts ${hostIds.map(hostBase).join(' ')}`);
for (const i of nodeIds)
	log(`node ${i}: ${await nodeStatus(i, 'wsrep_cluster_size')} members, ${await nodeStatus(i, 'wsrep_local_state_comment')}`);
const NW = Number(db1("SELECT id FROM operator WHERE name = 'Northwind Workspaces'")[0][0]);
const S = siteId('Canary Wharf');
const SD = siteId('Shoreditch');
const namesAudit0 = db1(NAMES_SQL + NW)[0].map(Number);
const v0row = db1(`SELECT (SELECT version FROM occupier_names WHERE operator_id = ${NW}), (SELECT version FROM site_names WHERE operator_id = ${NW})`)[0];
version0.names = Number(v0row[0]);
version0.sites = Number(v0row[1]);
let siteRenames = 0;
await countersCheck('start');

/* ---- 1. sessions across hosts --------------------------------------------------- */

const sess1 = await signInAt(hostBase(1));
const clients = await signInMany(Math.max(K, 9));
const admin = clients[0];
const lu = await ownPlan(admin, S, 'Cluster lost updates');
const sessBad = await sessionEverywhere(sess1, lu.occ, S);
log(`session signed in through host 1, used through hosts ${hostIds.join(', ')}: ${sessBad.length ? sessBad.join('; ') : 'all answered'}`);
if (sessBad.length)
	fails.push(`session across hosts: ${sessBad.join('; ')}`);

/* ---- 2. lost updates over three nodes --------------------------------------------- */

const luPath = managePath(lu.occ, S);
const luStart = { occ: lu.occ, S, rowA: lu.rowA, ...conflictStart(db1, lu.occ, S, lu.rowA) };
const tLu = Date.now();
const { saves: luSaves, loadErrors: luLoadErrors } = await conflictingSaves({
	K, N, path: luPath, rowA: lu.rowA, deadline: Math.min(Date.now() + (FAST ? 50 : 240) * 1000, STOP_AT - (FAST ? 70000 : 150000)),
	leanOf: (ci) => new Lean(clients[ci], { maxSockets: 1, base: hostBase((ci % HOSTS) + 1) }),
});
const luSecs = (Date.now() - tLu) / 1000;
const luAcks = luSaves.filter((s) => s.kind === 'ack').length;
const luConflicts = luSaves.filter((s) => s.kind === 'conflict').length;
const luOther = luSaves.filter((s) => s.kind === 'other');
let luLost = 0;
let luAuditOk = true;
let luFinalOk = true;
for (const i of nodeIds) {
	const f = conflictFigures(onNode(i), luStart, luSaves);
	log(`lost updates, node ${i}: acks ${f.acks}, audit updates ${f.ev.length}, version +${f.vEnd - luStart.v0}, chain breaks ${f.breaks}, ` +
		`missing ${f.missing}, phantom ${f.phantom}, other audit ${f.otherAudit}, final ${f.pEnd} (last acknowledged ${f.last?.cents}) ${f.finalOk ? 'ok' : 'WRONG'}`);
	luLost += f.lost;
	if (f.ev.length !== f.acks || f.vEnd - luStart.v0 !== f.acks || f.phantom || f.otherAudit)
		luAuditOk = false;
	if (!f.finalOk)
		luFinalOk = false;
}
// When an update was lost: the acknowledged saves made from one version
// (client, host, when), and the audit trail around each chain break, so
// that the one-line report of a run elsewhere (CI) says what happened.
let luWhy = '';
if (luLost) {
	const t = (x) => x - tLu;
	const byBase = new Map();
	for (const s of luSaves.filter((x) => x.kind === 'ack'))
		byBase.set(s.base, [...(byBase.get(s.base) || []), s]);
	const dups = [...byBase.entries()].filter(([, a]) => a.length > 1)
		.map(([b, a]) => `v${b}: ${a.map((s) => `c${s.c}@h${(s.c % HOSTS) + 1} ${s.cents} ${t(s.t0)}-${t(s.t1)} ms`).join(' & ')}`);
	const ev = db1(`SELECT id, old_value, new_value, at FROM audit_event WHERE id > ${luStart.audit0}
		AND entity = 'occupier_service' AND entity_id = ${lu.rowA} AND action = 'update' ORDER BY id`)
		.map(([id, a, b, at]) => ({ id, old: auditPrice(a), new: auditPrice(b), at }));
	const breaks = [];
	for (let j = 1; j < ev.length; j++)
		if (ev[j].old !== ev[j - 1].new)
			breaks.push(ev.slice(Math.max(0, j - 2), j + 2).map((e) => `#${e.id} ${e.old}→${e.new}`).join(', '));
	luWhy = `; same version acknowledged twice: ${dups.join('; ') || 'none'}; audit around breaks: ${breaks.join(' | ') || 'none'}`;
	log(`lost updates, why${luWhy}`);
}
const luPlanned = K * N;
log(`lost updates: ${luSaves.length} saves in ${luSecs.toFixed(1)} s, ${luAcks} acknowledged, ${luConflicts} conflicts, ` +
	`other ${JSON.stringify(luOther.slice(0, 8).map((s) => [s.status, s.err]))}, GET errors ${JSON.stringify(luLoadErrors.slice(0, 5))}`);
if (luLost || !luAuditOk || !luFinalOk || luOther.length || luLoadErrors.length || luSaves.length !== luPlanned || luAcks === 0)
	fails.push(`lost updates: ${luLost} lost, audit ${luAuditOk ? 'ok' : 'WRONG'}, final ${luFinalOk ? 'ok' : 'WRONG'}, ` +
		`${luOther.length} other answers, ${luLoadErrors.length} load errors, ${luSaves.length}/${luPlanned} saves${luWhy}`);
await countersCheck('lost updates');

/* ---- 3. per-worker caches see a change made through another node ------------------------ */

const svc = serviceIds();
/* The RRP cell of service id's row on the catalog page. */
function catalogRrp(html, id) {
	for (const tr of (html || '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
		if (!tr[1].includes(`href="/catalog/${id}"`))
			continue;
		const c = [...tr[1].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]*>/g, '').trim());
		return (c[3] || '').replace(/[^0-9.\-]/g, '');	/* "£1,010.01" → "1010.01" */
	}
	return null;
}
const cacheBad = [];
let cacheReads = 0;
{
	// The catalog: an RRP changed through host 1 (node 1); hosts 2 and 3 show it next.
	const id = svc['Wi-Fi Secure accounts (5)'];
	const [rrp0] = db1(`SELECT rrp FROM service WHERE id = ${id}`)[0];
	const sites = db1(`SELECT site_id FROM service_site WHERE service_id = ${id}`).map((r) => r[0]);
	const a1 = new Lean(sess1, { maxSockets: 1, base: hostBase(1) });
	const others = hostIds.filter((h) => h !== 1).map((h) => new Lean(sess1, { maxSockets: 1, base: hostBase(h) }));
	for (const o of others)	// warm their caches first
		await attempt(o, 'GET', '/catalog');
	const rounds = FAST ? 2 : 5;
	for (let k = 0; k < rounds; k++) {
		const cents = 1000 + Number(rrp0) % 1000 + k + 1;
		const r = await attempt(a1, 'POST', `/catalog/${id}`, [['op', 'save'], ['rrp', money(cents)],
			['description', db1(`SELECT description FROM service WHERE id = ${id}`)[0][0]], ...sites.map((s) => ['site', s])]);
		if (r.status !== 303)
			cacheBad.push(`catalog save ${r.status}`);
		for (const o of others) {
			const p = await attempt(o, 'GET', '/catalog');
			cacheReads++;
			if (p.status !== 200 || catalogRrp(p.body, id) !== money(cents))
				cacheBad.push(`catalog: RRP ${money(cents)} not on the next page of ${o.port} (${p.status}: ${catalogRrp(p.body, id)})`);
		}
	}
	await attempt(a1, 'POST', `/catalog/${id}`, [['op', 'save'], ['rrp', money(Number(rrp0))],
		['description', db1(`SELECT description FROM service WHERE id = ${id}`)[0][0]], ...sites.map((s) => ['site', s])]);
	// Occupier names: one created through host 2 is found by the next search through hosts 1 and 3.
	const a2 = new Lean(sess1, { maxSockets: 1, base: hostBase(Math.min(2, HOSTS)) });
	const readers = hostIds.filter((h) => h !== Math.min(2, HOSTS)).map((h) => new Lean(sess1, { maxSockets: 1, base: hostBase(h) }));
	for (let k = 0; k < rounds; k++) {
		const tag = `Cluster cache ${rnd(4)}`;
		for (const o of readers)
			await attempt(o, 'GET', `/occupiers?q=${encodeURIComponent('Cluster cache')}`);
		const g = await attempt(a2, 'GET', '/occupiers/new');
		const r = await attempt(a2, 'POST', '/occupiers/new', { csrf: csrfOf(g.body) || sess1.csrf, name: tag, version: '0' });
		if (r.status !== 303)
			cacheBad.push(`occupier create ${r.status}`);
		for (const o of readers) {
			const p = await attempt(o, 'GET', `/occupiers?q=${encodeURIComponent('Cluster cache')}`);
			cacheReads++;
			if (p.status !== 200 || !p.body.includes(tag))
				cacheBad.push(`occupiers: "${tag}" not in the next search of ${o.port} (${p.status})`);
		}
	}
	// Site list: a site renamed through node 3 (SQL: the triggers see any client) is in the next site selector of every host.
	const [sname] = db1(`SELECT name FROM site WHERE id = ${SD}`)[0];
	const tab = `/occupiers/${lu.occ}/sites/${S}/services`;
	const all = hostIds.map((h) => new Lean(sess1, { maxSockets: 1, base: hostBase(h) }));
	for (let k = 0; k < rounds; k++) {
		for (const o of all)
			await attempt(o, 'GET', tab);
		const nn = `Shoreditch ${rnd(3)}`;
		dbOn(NODES, `UPDATE site SET name = ${q(nn)} WHERE id = ${SD}`);
		siteRenames++;
		for (const o of all) {
			const p = await attempt(o, 'GET', tab);
			cacheReads++;
			if (p.status !== 200 || !p.body.includes(nn))
				cacheBad.push(`sites: "${nn}" not in the next selector of ${o.port} (${p.status})`);
		}
	}
	dbOn(NODES, `UPDATE site SET name = ${q(sname)} WHERE id = ${SD}`);
	siteRenames++;
	// The Services tab (each worker's page cache): a price saved through
	// host 1, then one written with SQL on the last node, is on the next
	// tab of every host.
	const tp = await ownPlan(admin, S, 'Cluster tab');
	const tabOf = `/occupiers/${tp.occ}/sites/${S}/services`;
	const shows = (html, cents) => (html || '').includes(`£${money(cents)}<`);
	for (let k = 0; k < rounds; k++) {
		for (const o of all)
			await attempt(o, 'GET', tabOf);
		const cents = 700 + k;
		const g = await attempt(all[0], 'GET', managePath(tp.occ, S));
		const rows = formRows(g.body);
		rows.find((x) => Number(x.id) === tp.rowA).price = money(cents);
		const r = await attempt(all[0], 'POST', managePath(tp.occ, S),
			manageFields(inputValue(g.body, 'version'), rows, { op: 'save' }));
		if (r.status !== 303)
			cacheBad.push(`services tab save ${r.status}`);
		for (const o of all) {
			const p = await attempt(o, 'GET', tabOf);
			cacheReads++;
			if (p.status !== 200 || !shows(p.body, cents))
				cacheBad.push(`services tab: ${money(cents)} saved through host 1 not on the next tab of ${o.port} (${p.status})`);
		}
		const sqlCents = 800 + k;
		dbOn(NODES, `UPDATE occupier_service SET price = ${sqlCents} WHERE id = ${tp.rowA}`);
		for (const o of all) {
			const p = await attempt(o, 'GET', tabOf);
			cacheReads++;
			if (p.status !== 200 || !shows(p.body, sqlCents))
				cacheBad.push(`services tab: ${money(sqlCents)} written by SQL not on the next tab of ${o.port} (${p.status})`);
		}
	}
	for (const c of [a1, a2, ...others, ...readers, ...all])
		c.close();
}
log(`caches: ${cacheReads} next requests through other hosts; ${cacheBad.length ? cacheBad.join('; ') : 'all saw the change'}`);
if (cacheBad.length)
	fails.push(`caches: ${cacheBad.slice(0, 4).join('; ')}`);

/* ---- 4. phone numbers and public IP addresses from one pool, on three nodes ----------------- */

const poolBad = [];
const poolFig = [];
for (const site of [SD, S]) {
	const freeIps = Number(db1(`SELECT COUNT(*) FROM public_ip WHERE operator_id = ${NW} AND site_id = ${site} AND state = 'free'`)[0][0]);
	const per = Number(db1(`SELECT ent_public_ip FROM service WHERE id = ${svc['Public IP (/29)']}`)[0][0]);
	const m = Math.min(6, Math.floor(freeIps / per) + 1);	/* one more than the pool can serve */
	// Phone numbers enough for every plan (2 each): only the address pool is to run short here,
	// whatever the checks before used of the site's numbers.
	const freeNums = Number(db1(`SELECT COUNT(*) FROM phone_number WHERE operator_id = ${NW} AND site_id = ${site}
		AND state = 'available'`)[0][0]);
	if (freeNums < 2 * m)
		db1(`INSERT INTO phone_number (operator_id, site_id, number) SELECT ${NW}, ${site},
			CONCAT('+44 20 7946 ', ${site} * 1000 + 500 + seq) FROM seq_1_to_${2 * m - freeNums}
			ON DUPLICATE KEY UPDATE number = number`);
	const occs = [];
	for (let k = 0; k < m; k++)
		occs.push(await occupierWith(admin, site, [{ start: day(-30) }], 'Cluster pool'));
	const audit0 = Number(db1('SELECT COALESCE(MAX(id), 0) FROM audit_event')[0][0]);
	const forms = [];
	for (const [k, o] of occs.entries()) {
		const c = new Lean(clients[k % clients.length], { maxSockets: 1, base: hostBase((k % HOSTS) + 1) });
		const { m: dlg } = await openManage(admin, o.occ, site);
		const rows = [
			{ id: 0, service: svc['Internet (LAN only) 100 Mbps'], contract: o.contract.id, price: '90.00', qty: '1' },
			{ id: 0, service: svc['Public IP (/29)'], contract: o.contract.id, price: '25.00', qty: '1' },
			{ id: 0, service: svc['Voice line'], contract: o.contract.id, price: '15.00', qty: '2' },
		];
		forms.push({ c, o, body: manageFields(dlg.version, rows, { op: 'save' }) });
	}
	const res = await Promise.all(forms.map((f) => attempt(f.c, 'POST', managePath(f.o.occ, site), f.body)));
	for (const f of forms)
		f.c.close();
	const acked = occs.filter((_, k) => res[k].status === 303);
	const refused = res.filter((r) => r.status === 422 && /Public IP addresses: \d+ needed but the site pool cannot provide/.test(r.text)).length;
	const other = res.filter((r) => r.status !== 303 && !(r.status === 422 && /site pool cannot provide/.test(r.text)));
	if (other.length)
		poolBad.push(`site ${site}: answers ${other.map((r) => `${r.status} ${[...(r.body || '').matchAll(
			/<div class="errors"[^>]*>([\s\S]*?)<\/div>|<tr class="msgs">([\s\S]*?)<\/tr>/g)].map((x) => (x[1] || x[2]).replace(/<[^>]*>/g, ' ').trim()).join(' | ')}`).join(', ')}`);
	if (acked.length > Math.floor(freeIps / per))
		poolBad.push(`site ${site}: ${acked.length} plans acknowledged with addresses for ${Math.floor(freeIps / per)}`);
	for (const i of nodeIds) {
		const dupIp = Number(dbOn(i, `SELECT COUNT(*) FROM (SELECT address FROM public_ip WHERE operator_id = ${NW}
			GROUP BY address HAVING COUNT(DISTINCT occupier_id) > 1) x`)[0][0]);
		const twice = Number(dbOn(i, `SELECT COUNT(*) FROM (SELECT entity_id FROM audit_event WHERE id > ${audit0}
			AND entity = 'phone_number' AND action = 'activate' GROUP BY entity_id HAVING COUNT(*) > 1) x`)[0][0]);
		if (dupIp || twice)
			poolBad.push(`node ${i}: ${dupIp} addresses with two holders, ${twice} numbers activated twice`);
		for (const o of occs) {
			const [ips, nums] = dbOn(i, `SELECT (SELECT COUNT(*) FROM public_ip WHERE occupier_id = ${o.occ} AND site_id = ${site}),
				(SELECT COUNT(*) FROM phone_number WHERE occupier_id = ${o.occ} AND site_id = ${site} AND state = 'active')`)[0].map(Number);
			const want = acked.includes(o) ? [per, 2] : [0, 0];
			if (ips !== want[0] || nums !== want[1])
				poolBad.push(`node ${i}: occupier ${o.occ} holds ${ips} addresses and ${nums} numbers, not ${want.join(' and ')}`);
		}
	}
	poolFig.push(`${m} plans for ${freeIps} free addresses: ${acked.length} saved, ${refused} refused (pool)`);
	log(`pools at site ${site}: ${poolFig[poolFig.length - 1]}; answers ${res.map((r) => r.status).join(',')}`);
}
if (poolBad.length)
	fails.push(`pools: ${poolBad.slice(0, 4).join('; ')}`);
await countersCheck('pools');

/* ---- 5. faults under load ------------------------------------------------------------- */

const SAVERS = 6;
const READERS = 3;
const fplans = [];
for (let i = 0; i < SAVERS; i++)
	fplans.push(await ownPlan(admin, S, 'Cluster faults'));
const faudit0 = Number(db1('SELECT COALESCE(MAX(id), 0) FROM audit_event')[0][0]);
const fv0 = fplans.map((p) => Number(db1(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${p.occ} AND site_id = ${S}`)[0][0]));
const events = [];	/* { c, kind, t0, t1, status, err, cents, page } */
let stopLoad = false;
let acked = 0;

/* How long a load client waits for an answer: longer than nginx waits for
 * one app host (fastcgi_read_timeout 30 s), so that a request nginx moved
 * to another host gets what a user would get there, the page or nginx's
 * 504 page, instead of counting as one that never answered. With 20 s,
 * twice in about 40 runs a GET whose host was SIGKILLed, and which nginx
 * sent on to another host (its error log says so), had no answer yet
 * after 20 s there; the app logged nothing about it, and a Galera node's
 * causal read after the faults can wait up to 30 s. */
const CLIENT_WAIT_MS = 40000;

/* Which error page an answer is: 'app503', 'maybe503' (lost during COMMIT),
 * 'nginx502', or '' (not an error page with the security headers). */
function errorPage(r) {
	const h = r.r?.headers || {};
	const html = /^text\/html/.test(h['content-type'] || '') && /<!doctype html>/i.test(r.body || '');
	const csp = /frame-ancestors 'none'/.test(h['content-security-policy'] || '');
	if (!html || !csp)
		return '';
	if (r.status === 503)
		return /may or may not have been saved/.test(r.body) ? 'maybe503' : /Nothing was saved/.test(r.body) ? 'app503' : '';
	if ((r.status === 502 || r.status === 504) && /The application did not answer/.test(r.body))
		return 'nginx502';
	return '';
}

async function saver(ci) {
	const c = new Lean(clients[ci], { maxSockets: 1, timeoutMs: CLIENT_WAIT_MS });
	const p = fplans[ci];
	const pth = managePath(p.occ, S);
	for (let k = 0; !stopLoad && k < 100000; k++) {
		let t0 = Date.now();
		const g = await attempt(c, 'GET', pth);
		events.push({ c: ci, kind: 'get', t0, t1: Date.now(), status: g.status, err: g.err, page: errorPage(g) });
		if (g.status !== 200) {
			await sleep(100);
			continue;
		}
		const rows = formRows(g.body);
		const cents = 200000 + ci * 10000 + (k % 10000);
		for (const r of rows)
			r.price = money(cents);
		t0 = Date.now();
		const r = await attempt(c, 'POST', pth, manageFields(inputValue(g.body, 'version'), rows, { op: 'save' }));
		events.push({ c: ci, kind: 'save', t0, t1: Date.now(), status: r.status, err: r.err, cents, page: errorPage(r) });
		if (r.status === 303)
			acked++;
		else
			await sleep(100);
	}
	c.close();
}

async function reader(ci) {
	const c = new Lean(clients[ci], { maxSockets: 1, timeoutMs: CLIENT_WAIT_MS });
	const pages = ['/occupiers', `/occupiers/${fplans[0].occ}/sites/${S}/services`, `/occupiers?q=Cluster`,
		`/occupiers/${fplans[0].occ}/sites/${S}/history`, '/catalog'];
	for (let k = 0; !stopLoad && k < 1000000; k++) {
		const t0 = Date.now();
		const r = await attempt(c, 'GET', pages[k % pages.length]);
		events.push({ c: ci, kind: 'read', t0, t1: Date.now(), status: r.status, err: r.err, page: errorPage(r) });
		if (r.status !== 200)
			await sleep(100);
	}
	c.close();
}

const faults = [];	/* { what, t, until, ... timings } */
const ackedSince = (t) => events.filter((e) => e.kind === 'save' && e.status === 303 && e.t0 >= t).length;

/* Saves keep being acknowledged (n more after now, within ms). */
async function flowing(nmore = 3, ms = 30000) {
	const t = Date.now();
	return until(`${nmore} saves acknowledged`, () => ackedSince(t) >= nmore, ms, 50);
}

/* SIGKILL node i under load, let it rejoin by IST; timings into faults. */
async function killNode(i) {
	const others = nodeIds.filter((j) => j !== i);
	const f = { what: `SIGKILL node ${i}`, t: Date.now() };
	await cluster('kill-node', String(i));
	// The others evict it (a new primary view without it).
	await until(`node ${i} evicted`, async () => {
		for (const j of others)
			if (await nodeStatus(j, 'wsrep_cluster_size') !== String(NODES - 1))
				return false;
		return true;
	}, 60000);
	f.evictMs = Date.now() - f.t;
	await flowing(3);
	f.flowMs = Date.now() - f.t;
	await countersCheck(`node ${i} killed`, others);
	await sleep(FAST ? 500 : 2000);	// writes the node misses, for the IST
	const mark = readFileSync(`${C}/db${i}/mariadb.log`, 'utf8').length;
	const t = Date.now();
	await cluster('start-node', String(i));
	f.rejoinMs = Date.now() - t;
	const logTail = readFileSync(`${C}/db${i}/mariadb.log`, 'utf8').slice(mark);
	f.ist = /IST received/.test(logTail);
	f.istWritesets = Number((/Receiving IST: (\d+) writesets/.exec(logTail) || [])[1] || 0);
	f.until = Date.now();
	if (!f.ist)
		fails.push(`node ${i} rejoined without IST`);
	await flowing(3);
	await countersCheck(`node ${i} rejoined`);
	faults.push(f);
	log(`${f.what}: evicted after ${f.evictMs} ms, saves flowing after ${f.flowMs} ms, rejoined (IST ${f.istWritesets} write sets: ${f.ist}) in ${f.rejoinMs} ms`);
}

/* Cut node i off the group: it leaves the primary component; hosts move off it. */
async function isolateNode(i) {
	const others = nodeIds.filter((j) => j !== i);
	const f = { what: `node ${i} cut off`, t: Date.now() };
	await cluster('isolate-node', String(i), 'on');
	await until(`node ${i} non-primary`, async () => {
		if (await nodeStatus(i, 'wsrep_ready') !== 'OFF')
			return false;
		for (const j of others)
			if (await nodeStatus(j, 'wsrep_cluster_size') !== String(NODES - 1))
				return false;
		return true;
	}, 60000);
	f.offMs = Date.now() - f.t;
	await flowing(3);
	f.flowMs = Date.now() - f.t;
	await countersCheck(`node ${i} cut off`, others);
	await sleep(FAST ? 500 : 2000);
	const t = Date.now();
	await cluster('isolate-node', String(i), 'off');
	await until(`node ${i} back`, async () => {
		if (await nodeStatus(i, 'wsrep_local_state_comment') !== 'Synced')
			return false;
		for (const j of nodeIds)
			if (await nodeStatus(j, 'wsrep_cluster_size') !== String(NODES))
				return false;
		return true;
	}, 60000);
	f.backMs = Date.now() - t;
	f.until = Date.now();
	await flowing(3);
	await countersCheck(`node ${i} back`);
	faults.push(f);
	log(`${f.what}: non-primary (wsrep_ready OFF) after ${f.offMs} ms, saves flowing after ${f.flowMs} ms, back and synced in ${f.backMs} ms`);
}

/* SIGKILL host h's master and workers; start it again. */
async function killHost(h) {
	const f = { what: `SIGKILL host ${h}`, t: Date.now() };
	await cluster('kill-host', String(h));
	await flowing(3);
	f.flowMs = Date.now() - f.t;
	await sleep(FAST ? 500 : 2000);
	const t = Date.now();
	await cluster('start-host', String(h));
	f.restartMs = Date.now() - t;
	f.until = Date.now();
	await flowing(3);
	faults.push(f);
	log(`${f.what}: saves flowing (through the other hosts) after ${f.flowMs} ms; restarted in ${f.restartMs} ms`);
}

/* After a fault script that stopped half-way: every node joined again
 * and synced, so that the checks after it read every node. */
async function heal() {
	for (const i of nodeIds) {
		try {
			await cluster('isolate-node', String(i), 'off');
		} catch (e) {
			log(`heal: isolate-node ${i} off: ${e.message.split('\n')[0]}`);
		}
	}
	try {
		await until('every node synced again', async () => {
			for (const j of nodeIds)
				if (await nodeStatus(j, 'wsrep_local_state_comment') !== 'Synced' ||
				    await nodeStatus(j, 'wsrep_cluster_size') !== String(NODES))
					return false;
			return true;
		}, 90000);
	} catch (e) {
		log(`heal: ${e.message}`);
	}
}

async function faultScript() {
	try {
		await flowing(5);
		await killNode(1);
		if (!FAST)
			await killNode(2);
		await isolateNode(NODES);
		await killHost(Math.min(2, HOSTS));
		await sleep(1000);
	} catch (e) {
		fails.push(`fault script: ${e.message.split('\n')[0]}`);
		log(`fault script: ${e.stack}`);
		await heal();
	}
	stopLoad = true;
}

const tF = Date.now();
await Promise.all([
	...fplans.map((_, i) => saver(i)),
	...Array.from({ length: READERS }, (_, i) => reader(SAVERS + i)),
	faultScript(),
]);
const fSecs = (Date.now() - tF) / 1000;

/* ---- figures of the fault phase ---------------------------------------------------- */

const stat = {};
for (const e of events)
	stat[e.status || e.err] = (stat[e.status || e.err] || 0) + 1;
const failed = events.filter((e) => ![200, 303].includes(e.status));
const WINDOW = 15000;
const nearFault = (e) => faults.some((f) => e.t1 >= f.t && e.t0 <= (f.until ?? f.t) + WINDOW);
const unexplained = failed.filter((e) => !nearFault(e));
const noPage = failed.filter((e) => e.page === '');
const maybe = failed.filter((e) => e.page === 'maybe503').length;
// Per node: every acknowledged save, nothing partial, a version bump per committed save.
let missing = 0;
let partial = 0;
let versionOff = 0;
let committed = 0;
let saidNothing = 0;
for (const i of nodeIds) {
	const dq = (sql) => dbOnPatient(i, sql);
	let com = 0;
	for (const [ci, p] of fplans.entries()) {
		const pa = Number((await dq(`SELECT price FROM occupier_service WHERE id = ${p.rowA}`))[0][0]);
		const pb = Number((await dq(`SELECT price FROM occupier_service WHERE id = ${p.rowB}`))[0][0]);
		if (pa !== pb)
			partial++;
		const ev = await dq(`SELECT entity_id, new_value FROM audit_event WHERE id > ${faudit0} AND entity = 'occupier_service'
			AND entity_id IN (${p.rowA}, ${p.rowB}) AND action = 'update' ORDER BY id`);
		const byPrice = new Map();
		for (const [id, v] of ev) {
			const cents = auditPrice(v);
			if (!byPrice.has(cents))
				byPrice.set(cents, new Set());
			if (byPrice.get(cents).has(id))
				partial++;
			byPrice.get(cents).add(id);
		}
		for (const s of byPrice.values())
			if (s.size !== 2)
				partial++;
		com += byPrice.size;
		const vEnd = Number((await dq(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${p.occ} AND site_id = ${S}`))[0][0]);
		if (vEnd - fv0[ci] !== byPrice.size)
			versionOff++;
		for (const e of events) {
			if (e.c !== ci || e.kind !== 'save')
				continue;
			if (e.status === 303 && !byPrice.has(e.cents))
				missing++;
			if (i === 1 && e.page === 'app503' && byPrice.has(e.cents))
				saidNothing++;
		}
		if (ev.length && auditPrice(ev[ev.length - 1][1]) !== pa)
			partial++;
	}
	if (i === 1)
		committed = com;
	else if (com !== committed)
		versionOff++;
}
const fAcks = events.filter((e) => e.kind === 'save' && e.status === 303).length;
const fSaves = events.filter((e) => e.kind === 'save').length;
await countersCheck('all faults');
// The name and site versions moved by exactly the changes made: occupiers
// created or renamed (their audit rows) and the site renames of phase 3.
const namesAudit1 = db1(NAMES_SQL + NW)[0].map(Number);
const v1row = db1(`SELECT (SELECT version FROM occupier_names WHERE operator_id = ${NW}), (SELECT version FROM site_names WHERE operator_id = ${NW})`)[0];
const namesMoved = Number(v1row[0]) - version0.names;
const namesMade = namesAudit1[1] - namesAudit0[1];
const sitesMoved = Number(v1row[1]) - version0.sites;
log(`occupier_names +${namesMoved} for ${namesMade} occupiers created or renamed; site_names +${sitesMoved} for ${siteRenames} site renames`);
if (namesMoved !== namesMade || sitesMoved !== siteRenames) {
	counterBad++;
	fails.push(`versions: names +${namesMoved} for ${namesMade} changes, sites +${sitesMoved} for ${siteRenames}`);
}
// Sessions signed in before the faults still work through every host.
const sessAfter = [...await sessionEverywhere(sess1, lu.occ, S), ...await sessionEverywhere(new Lean(clients[1]), 0, 0)];
if (sessAfter.length)
	fails.push(`sessions after the faults: ${sessAfter.join('; ')}`);
// The hosts' logs: sanitizer reports, crashes, failovers.
let hostLog = '';
for (const h of hostIds)
	hostLog += readFileSync(`${C}/app${h}.log`, 'utf8');
const ev0 = serverEvents(hostLog);
const failovers = (hostLog.match(/db: \S+ failed \(\d+\); next:/g) || []).length;
const retries = (hostLog.match(/manage: retrying save after 1213/g) || []).length;

log(`fault phase ${fSecs.toFixed(0)} s: statuses ${JSON.stringify(stat)}`);
// Each failure counted against the last fault that began before it ended.
const ofFault = (e) => faults.filter((f) => f.t <= e.t1).pop();
for (const f of faults) {
	const mine = failed.filter((e) => ofFault(e) === f);
	log(`${f.what}: ${mine.length} failed requests (${JSON.stringify(mine.map((e) => [e.kind, e.status, e.page, e.t0 - f.t]))})`);
}
log(`failed ${failed.length} (outside a fault window ${unexplained.length}: ${JSON.stringify(unexplained.slice(0, 5))}); ` +
	`without an error page ${noPage.length}: ${JSON.stringify(noPage.slice(0, 5).map((e) => [e.kind, e.status, e.err]))}`);
log(`saves ${fSaves}, acknowledged ${fAcks}, committed ${committed}; missing ${missing}, partial ${partial}, version mismatches ${versionOff}, ` +
	`"nothing saved" but saved ${saidNothing}, "may have been saved" ${maybe}`);
log(`host logs: ${JSON.stringify(ev0)}, ${failovers} failovers to the next node, ${retries} saves retried after a deadlock or certification failure`);

const budgetOk = Date.now() < STOP_AT;
const faultsWant = FAST ? 3 : 4;	/* fast: node 1 killed, node 3 cut off, host 2 killed */
// Bounded: at most one failed request per client per fault, none away from a fault.
const bound = (SAVERS + READERS) * faults.length;
// Failures without an error page, by what they were (kind, status or error, which fault): in the
// one-line report, so that a run elsewhere (CI) says what happened.
const noPageBy = {};
for (const e of noPage) {
	const f = ofFault(e);
	const k = `${e.kind} ${e.status || e.err} ${f ? f.what : 'no fault'}`;
	noPageBy[k] = (noPageBy[k] || 0) + 1;
}
// What nginx logged about the upstreams while such a request was in flight
// (its error log: a timeout, a refused or reset connection, and to which host;
// nginx gives up on an upstream 30 s after the request, 10 s after the client).
const nginxSaid = [];
if (noPage.length) {
	let elog = '';
	try {
		elog = readFileSync(`${C}/run/nginx-error.log`, 'utf8');
	} catch {
		elog = '';
	}
	for (const line of elog.split('\n')) {
		const m = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d) \[\w+\] [^:]*: (.*)$/.exec(line);
		if (!m || !/upstream/.test(m[2]))
			continue;
		const t = new Date(m[1].replace(/\//g, '-').replace(' ', 'T')).getTime();
		if (noPage.some((e) => t >= e.t0 - 1000 && t <= e.t1 + 15000))
			nginxSaid.push(`${m[1].slice(11)} ${m[2].replace(/, client: .*?, server: [^,]*, request: /, ' ').slice(0, 200)}`);
	}
	log(`nginx about those requests: ${nginxSaid.join(' | ') || 'nothing'}`);
}
const noPageFig = Object.entries(noPageBy).map(([k, v]) => `${v}× ${k}`).join(', ') +
	(noPage.length ? ` (nginx: ${nginxSaid.slice(0, 3).join(' | ') || 'nothing logged'})` : '');
const pass = fails.length === 0 && faults.length === faultsWant && unexplained.length === 0 && noPage.length === 0 &&
	failed.length <= bound &&
	missing === 0 && partial === 0 && versionOff === 0 && saidNothing === 0 && fAcks > 0 && counterBad === 0 &&
	ev0.sanitizer === 0 && ev0.crashed === 0 && budgetOk;
for (const f of fails)
	log(`FAILED: ${f}`);
const nodeKills = faults.filter((f) => f.evictMs !== undefined);
const fig = (a) => (a.length ? a.map((x) => n(x)).join(' / ') : '-');
report('cluster', `${NODES} Galera nodes + ${HOSTS} app hosts (${env.MODE}); sessions across hosts ${sessBad.length ? 'FAIL' : 'ok'}; ` +
	`lost updates over ${HOSTS} hosts: ${n(luSaves.length)} saves (${K} × ${N}), ${n(luAcks)} acknowledged, ${n(luConflicts)} changed meanwhile, ` +
	`${luOther.length} other, ${luLost} lost, audit = acknowledged and final = last acknowledged on every node: ` +
	`${luAuditOk && luFinalOk ? 'yes' : 'NO'}; caches: ${cacheReads} next requests through other nodes, ${cacheBad.length} stale; ` +
	`pools: ${poolFig.join(', ')}, ${poolBad.length} double or wrong holdings; ` +
	`faults under ${SAVERS} savers + ${READERS} readers (${fSecs.toFixed(0)} s): ${faults.map((f) => f.what).join(', ')}; ` +
	`eviction ${fig(nodeKills.map((f) => f.evictMs))} ms, IST rejoin ${fig(nodeKills.map((f) => f.rejoinMs))} ms` +
	`${faults.some((f) => f.offMs !== undefined) ? `, cut-off node non-primary after ${fig(faults.filter((f) => f.offMs !== undefined).map((f) => f.offMs))} ms` : ''}; ` +
	`${n(fSaves)} saves, ${n(fAcks)} acknowledged, ${missing} missing on any node, ${partial} partial; ` +
	`${failed.length} failed requests (≤ ${bound}: one per client per fault; ${failed.length - noPage.length} with the 503/502 page, ${unexplained.length} away from a fault, ` +
	`${maybe} "may have been saved", ${saidNothing} "nothing saved" yet saved` +
	`${noPage.length ? `; without an error page: ${noPageFig}` : ''}); counters in step after ${counterChecks - counterBad}/${counterChecks} checks; ` +
	`${failovers} node failovers, ${retries} deadlock retries; ${ev0.sanitizer} sanitizer reports, ${ev0.crashed} crashes ` +
	`(${((Date.now() - T0) / 1000).toFixed(0)} s)${fails.length ? `; ${fails.join('; ')}` : ''}`, pass);
