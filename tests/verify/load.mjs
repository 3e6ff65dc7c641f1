// load.mjs: the request mix of the leaks check (make verify, check 3): every GET
// page, signed in as the operator admin, and POSTs of every kind (saves that
// change data, recalculations, refusals: 422, 403, 400, 404, 405).
//
//   node load.mjs STATE OUT REQUESTS CONCURRENCY [MASTER_PID CHECKPOINT...]
//
// STATE (JSON) holds the session and the fixtures; it is created on the first
// run (one sign-in, L occupiers of our own with a contract and two services)
// and reused, so a run under valgrind needs no Argon2id hashing. With
// MASTER_PID the run pauses at each CHECKPOINT (request count), lets the
// requests in flight finish and reads VmRSS of the single worker. OUT gets
// { requests, byStatus, errors, rss: [{ at, kib, pid }], seconds }.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
	ADMIN, Client, Lean, attempt, childrenOf, cloneClient, day, dbValue, inputValue, log, manageFields,
	managePath, occupierId, occupierWith, openManage, rowsOf, rssKiB, serviceIds, siteId, sleep,
} from './vlib.mjs';

const [STATE, OUT, REQ, CONC, MASTER, ...CKS] = process.argv.slice(2);
const total = Number(REQ);
const conc = Number(CONC || 4);
const master = MASTER ? Number(MASTER) : 0;
const checkpoints = CKS.map(Number).filter((x) => x > 0 && x <= total).sort((a, b) => a - b);
const DEADLINE = Date.now() + Number(process.env.LOAD_MAX_SECONDS || 600) * 1000;	/* run.sh's share */

/* ---- fixtures ---------------------------------------------------------------- */

async function setup() {
	const admin = new Client('leaks');
	await admin.signIn(ADMIN);
	const S = siteId('Canary Wharf');
	const D = occupierId('Acme Analytics Ltd');
	const svc = serviceIds();
	const wifi = svc['Wi-Fi devices pack (10)'];
	const accts = svc['Wi-Fi Secure accounts (5)'];
	const C = Number(dbValue(`SELECT id FROM contract WHERE occupier_id = ${D} AND site_id = ${S} ORDER BY id LIMIT 1`));
	const caseRow = dbValue('SELECT COALESCE(MIN(id), 0) FROM support_case');
	const own = [];
	for (let i = 0; i < conc; i++) {
		const o = await occupierWith(admin, S, [{ start: day(-60) }], 'Leak check');
		const { m } = await openManage(admin, o.occ, S);
		const rows = [
			{ id: 0, service: wifi, contract: o.contract.id, price: '12.00', qty: '1' },
			{ id: 0, service: accts, contract: o.contract.id, price: '10.00', qty: '1' },
		];
		const saved = await postForm(admin, managePath(o.occ, S), manageFields(m.version, rows, { op: 'save' }));
		if (saved.status !== 303)
			throw new Error(`setup: first save for occupier ${o.occ} → ${saved.status} ${saved.text.slice(0, 300)}`);
		own.push({ occ: o.occ, contract: o.contract.id, reference: o.contract.reference });
	}
	return { jar: [...admin.jar], csrf: admin.csrf, S, D, C, svc: wifi, caseId: Number(caseRow), own };
}

function postForm(c, p, pairs) {
	return attempt(c, 'POST', p, pairs);
}

/* ---- the mix -------------------------------------------------------------------- */

/*
 * Steps, each one or two requests; a loop runs them in order, round and
 * round. Own fixtures (occupier i) are changed only by loop i.
 */
function makeSteps(st, i, c, rowsD, versionD) {
	const { S, D, C, svc, caseId } = st;
	const own = st.own[i % st.own.length];
	const O = own.occ;
	const occ = `/occupiers/${D}`;
	const gets = [
		'/', '/occupiers', '/occupiers?q=a', '/occupiers?page=2', '/occupiers/new', occ, `${occ}/edit`,
		`${occ}/site?site=${S}`, `${occ}/sites/${S}/contracts`, `${occ}/sites/${S}/contracts/new`,
		`${occ}/contracts/${C}/edit`, `${occ}/sites/${S}/services`,
		`${occ}/sites/${S}/services?contract=all&status=active`, `${occ}/sites/${S}/services/manage`,
		`${occ}/sites/${S}/services/manage?partial=1&q=wi`, `${occ}/sites/${S}/history`,
		`${occ}/sites/${S}/charges`, `${occ}/sites/${S}/telephony`, `${occ}/sites/${S}/devices`, '/catalog',
		`/catalog/${svc}`, '/sites', `/sites/${S}`, `/sites/${S}/telephony`, `/sites/${S}/telephony.csv`,
		`/sites/${S}/ports`, '/cases', '/cases/new', ...(caseId ? [`/cases/${caseId}`] : []), '/reports',
		'/reports/charges', '/reports/charges.csv', '/reports/active-services', '/reports/active-services.csv',
		'/healthz', '/login', '/nope', '/logout', `/occupiers/${9e15}`, `${occ}/sites/999999/services`,
		`/occupiers/${O}/sites/${S}/services`,
	].map((p) => async () => [await attempt(c, 'GET', p)]);
	let flip = 0;
	const posts = [
		// Recalculate the dialog with a row added, as a page and as a fragment.
		async () => [await postForm(c, managePath(D, S), manageFields(versionD, rowsD, { add: svc }))],
		async () => [await postForm(c, managePath(D, S), manageFields(versionD, rowsD, { add: svc, partial: 1 }))],
		// A save refused by validation (422) and one refused for its version (409).
		async () => [await postForm(c, managePath(D, S),
			manageFields(versionD, rowsD.map((r, k) => (k === 0 ? { ...r, price: 'abc' } : r)), { op: 'save' }))],
		// A save that changes our own plan (price toggles): 303.
		async () => {
			const g = await attempt(c, 'GET', managePath(O, S));
			const v = inputValue(g.body, 'version');
			const rows = [];
			for (let k = 0; inputValue(g.body, `row[${k}][id]`) !== null; k++)
				rows.push({
					id: inputValue(g.body, `row[${k}][id]`), service: inputValue(g.body, `row[${k}][service]`),
					contract: inputValue(g.body, `row[${k}][contract]`), price: inputValue(g.body, `row[${k}][price]`),
					qty: inputValue(g.body, `row[${k}][qty]`),
				});
			if (rows.length)
				rows[0].price = (flip++ & 1) ? '12.00' : '13.50';
			return [g, await postForm(c, managePath(O, S), manageFields(v, rows, { op: 'save' }))];
		},
		// Edit our own occupier (notes toggle) and our own contract (end date toggles).
		async () => {
			const g = await attempt(c, 'GET', `/occupiers/${O}/edit`);
			const f = {
				name: inputValue(g.body, 'name'), billing_ref: inputValue(g.body, 'billing_ref'),
				contact_email: inputValue(g.body, 'contact_email'),
				notes: (flip++ & 1) ? 'Leak check <b>notes</b>\nline 2' : 'Leak check notes & more',
				version: inputValue(g.body, 'version'),
			};
			return [g, await postForm(c, `/occupiers/${O}/edit`, Object.entries(f))];
		},
		async () => {
			const g = await attempt(c, 'GET', `/occupiers/${O}/contracts/${own.contract}/edit`);
			const f = {
				reference: inputValue(g.body, 'reference'), start_date: inputValue(g.body, 'start_date'),
				end_date: (flip++ & 1) ? day(400) : '', version: inputValue(g.body, 'version'),
			};
			return [g, await postForm(c, `/occupiers/${O}/contracts/${own.contract}/edit`, Object.entries(f))];
		},
		// Refusals: 422 (validation), 403 (no CSRF), 400 (bad encoding), 405, 404.
		async () => [await postForm(c, '/occupiers/new', [['name', ''], ['version', '0']])],
		async () => [await postForm(c, `/occupiers/${O}/sites/${S}/contracts/new`,
			[['reference', ''], ['start_date', '2026-02-30'], ['end_date', 'x'], ['version', '0']])],
		async () => [await postForm(c, '/cases/new', [['occupier', String(D)], ['site', String(S)], ['subject', ''], ['details', '']])],
		async () => [await postForm(c, `/catalog/${svc}`, [['rrp', 'abc'], ['description', 'x']])],
		async () => [await attempt(c, 'POST', '/occupiers/new', [['csrf', 'f'.repeat(64)], ['name', 'x']])],
		async () => [await c.request('POST', '/occupiers/new', { body: `csrf=${c.csrf}&name=%zz` })
			.then((r) => ({ method: 'POST', status: r.status }), (e) => ({ method: 'POST', status: 0, err: e.message }))],
		async () => [await postForm(c, '/occupiers', [['x', '1']])],
		async () => [await postForm(c, `/occupiers/${9e15}/edit`, [['name', 'x'], ['version', '1']])],
	];
	// Interleave: two GETs, one POST step.
	const out = [];
	for (let k = 0, p = 0; k < gets.length; k++) {
		out.push(gets[k]);
		if (k % 2 === 1)
			out.push(posts[p++ % posts.length]);
	}
	for (let p = Math.floor(gets.length / 2); p < posts.length; p++)
		out.push(posts[p]);
	return out;
}

/* ---- run ------------------------------------------------------------------------- */

const t0 = Date.now();
let st;
if (existsSync(STATE))
	st = JSON.parse(readFileSync(STATE, 'utf8'));
else {
	st = await setup();
	writeFileSync(STATE, JSON.stringify(st));
}
const base = new Client('leaks');
base.jar = new Map(st.jar);
base.csrf = st.csrf;
const { m: mD } = await openManage(base, st.D, st.S);
const rowsD = rowsOf(mD);

let done = 0;
let issued = 0;
const byStatus = {};
const byMethod = {};
const errors = [];
const rss = [];
let stop = false;

function note(res, what) {
	for (const r of res) {
		done++;
		byStatus[r.status] = (byStatus[r.status] || 0) + 1;
		byMethod[r.method] = (byMethod[r.method] || 0) + 1;
		if (r.status === 0 || r.status >= 500)
			if (errors.length < 20)
				errors.push(`${what}: ${r.status} ${r.err || ''} ${(r.text || '').slice(0, 120)}`);
	}
}

function workerPid() {
	const k = childrenOf(master);
	return k.length === 1 ? k[0] : 0;
}

const clients = Array.from({ length: conc }, (_, i) => new Lean(cloneClient(base, `leaks#${i}`), { maxSockets: 2 }));

async function loop(i, limit) {
	const c = clients[i];
	const steps = makeSteps(st, i, c, rowsD, mD.version);
	let k = i * 7;
	while (!stop && issued < limit && Date.now() < DEADLINE) {
		const s = steps[k++ % steps.length];
		issued += 2;	/* reserve; corrected below */
		const res = await s();
		issued += res.length - 2;
		note(res, `step ${k % steps.length}`);
	}
}

for (const target of [...new Set([...checkpoints, total])]) {
	if (Date.now() >= DEADLINE)
		break;
	await Promise.all(Array.from({ length: conc }, (_, i) => loop(i, target)));
	if (master && checkpoints.includes(target)) {
		await sleep(200);
		const pid = workerPid();
		rss.push({ at: done, kib: rssKiB(pid), pid });
		log(`rss after ${done} requests: ${rssKiB(pid)} KiB (worker ${pid})`);
	}
}
stop = true;
for (const c of clients)
	c.close();
const out = { requests: done, byStatus, byMethod, errors, rss, seconds: (Date.now() - t0) / 1000, timedOut: Date.now() >= DEADLINE };
writeFileSync(OUT, JSON.stringify(out));
log(JSON.stringify(out));
