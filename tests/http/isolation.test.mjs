// isolation.test.mjs: the generated isolation matrix ("Isolation").
//
// Every route of the route table in app/front.c (parsed from the file, so a
// new route is covered the day it is added) × every role (the four roles of
// Northwind and Eastwind's operator admin) × ids that are not the user's to
// see, substituted into the route's '#' segments:
//   - ids of the other operator (all of them, and one position at a time
//     with the user's own ids elsewhere);
//   - for occupier users, ids of another occupier of the same operator;
//   - for operator users, a child id (contract, case, user) of another
//     occupier under their own occupier's URL.
// A GET must answer 404, exactly like a missing object (403 where the role
// may not use the route at all); a POST must be refused (4xx) and change
// nothing (CHECKSUM TABLE of every table before and after); no response
// body may name anything foreign (the other operator's occupiers, sites,
// contracts, numbers, addresses, users; for occupier users, the other
// occupiers'). The user's own pages are fetched too and checked for leaks.
// The matrix size and the leak count are printed; the leak count must be 0.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	ADMIN, DB_SOCKET, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, ROOT, STAFF, TENANTRY_BIN, TODAY, addUser, db, dbValue,
	occupierId, q, rnd, signedIn, siteId,
} from './lib.mjs';

/* ---- the route table ------------------------------------------------------ */

const MASKS = {
	R_OPADMIN: ['operator_admin'],
	R_OPSTAFF: ['operator_staff'],
	R_OCCADMIN: ['occupier_admin'],
	R_OCCUSER: ['occupier_user'],
	R_OPERATOR: ['operator_admin', 'operator_staff'],
	R_OCCUPIER: ['occupier_admin', 'occupier_user'],
	R_ANY: ['operator_admin', 'operator_staff', 'occupier_admin', 'occupier_user'],
	R_PUBLIC: 'public',
};

/* Every entry of the routes[] table of app/front.c. */
function parseRoutes() {
	const src = readFileSync(path.join(ROOT, 'app', 'front.c'), 'utf8');
	const table = /static const struct route routes\[PAGE__MAX\] = \{([\s\S]*?)\n\};/.exec(src);
	assert.ok(table, 'routes[] found in app/front.c');
	const re = /\[(PAGE_\w+)\]\s*=\s*\{\s*([^,]+?)\s*,\s*"([^"]+)"\s*,\s*(\w+)\s*,\s*([^,]+?)\s*,\s*(\d)\s*(?:,\s*\d\s*)?\}/g;
	const routes = [];
	for (const m of table[1].matchAll(re)) {
		const methods = m[2].split('|').map((s) => s.trim()).map((s) => ({ MG: 'GET', MP: 'POST' })[s]);
		assert.ok(methods.every(Boolean), `${m[1]}: methods ${m[2]}`);
		let roles = new Set();
		let pub = false;
		for (const part of m[5].split('|').map((s) => s.trim())) {
			const v = MASKS[part];
			assert.ok(v, `${m[1]}: unknown role mask ${part}`);
			if (v === 'public')
				pub = true;
			else
				v.forEach((x) => roles.add(x));
		}
		routes.push({ page: m[1], methods, pattern: m[3], fn: m[4], pub, roles });
	}
	// Every entry of the enum has a line in the table, and every line parsed.
	const lines = table[1].split('\n').filter((l) => /^\s*\[PAGE_/.test(l));
	assert.equal(routes.length, lines.length, 'every routes[] line parsed');
	const enumBody = /enum page \{([\s\S]*?)PAGE__MAX/.exec(src)[1];
	const pages = [...enumBody.matchAll(/^\s*(PAGE_\w+),/gm)].map((x) => x[1]);
	assert.deepEqual(routes.map((r) => r.page).sort(), pages.slice().sort(), 'one route per enum page');
	return routes;
}

/* What a '#' segment names, from the literal segment before it. */
const KINDS = {
	occupiers: 'occupier',
	sites: 'site',
	contracts: 'contract',
	catalog: 'service',
	cases: 'case',
	team: 'team',
	users: 'users',
	sessions: 'session',
	outbox: 'mail',
	attachments: 'attachment',
	invoices: 'invoice',
	runs: 'run',
	exports: 'export',
	spaces: 'space',
	webhooks: 'webhook',
	ports: 'port',
};

function kindsOf(pattern) {
	const segs = pattern.split('/');
	const kinds = [];
	segs.forEach((s, i) => {
		if (s === '#')
			kinds.push(KINDS[segs[i - 1]] || `unknown:${segs[i - 1]}`);
	});
	return kinds;
}

function fill(pattern, ids) {
	let i = 0;
	return pattern.replace(/#/g, () => String(ids[i++]));
}

/* ---- fixtures -------------------------------------------------------------- */

let NW, EW, acme, fjord, zephyr, cw, sd, harbour;
const clients = {};		// role key -> Client
const ROLES = [
	{ key: 'nw_admin', email: ADMIN, role: 'operator_admin', side: 'nw' },
	{ key: 'nw_staff', email: STAFF, role: 'operator_staff', side: 'nw' },
	{ key: 'acme_admin', email: OCC_ADMIN, role: 'occupier_admin', side: 'acme' },
	{ key: 'acme_user', email: OCC_USER, role: 'occupier_user', side: 'acme' },
	{ key: 'ew_admin', email: EASTWIND_ADMIN, role: 'operator_admin', side: 'ew' },
];
let ids;		// ids.<set>.<kind>
let bodyIds;		// foreign row ids for POST bodies, per side
let needles;		// side -> [{ s, ip }]
let tables;

const one = (sql) => Number(dbValue(sql));
const userId = (email) => one(`SELECT id FROM app_user WHERE email = ${q(email)}`);
const lastSession = (email) => one(`SELECT MAX(s.id) FROM user_session s JOIN app_user u ON u.id = s.user_id
	WHERE u.email = ${q(email)}`);

async function raiseCase(c, path_, fields) {
	await c.get(path_);
	const r = await c.post(path_, fields);
	assert.equal(r.status, 303, `raise a case at ${path_}: ${r.status} ${r.text.slice(0, 300)}`);
	return Number(/\/cases\/(\d+)/.exec(r.location)[1]);
}

function list(sql) {
	return db(sql).map((r) => r[0]).filter((s) => s !== null && s.length >= 4);
}

before(async () => {
	NW = one(`SELECT id FROM operator WHERE name = 'Northwind Workspaces'`);
	EW = one(`SELECT id FROM operator WHERE name = 'Eastwind Offices'`);
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
	zephyr = occupierId('Zephyr Secret Holdings');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	for (const r of ROLES)
		clients[r.key] = await signedIn(r.email);
	// Occupier users of Fjord (Northwind) and Zephyr (Eastwind).
	const fjordUser = addUser({ role: 'occupier_user', occupier: 'Fjord Media' });
	const zephyrUser = addUser({ role: 'occupier_admin', operator: 'Eastwind Offices',
		occupier: 'Zephyr Secret Holdings' });
	// Cases: Eastwind's (Zephyr), Fjord's, and Acme's own.
	const tag = rnd();
	const ewCase = await raiseCase(clients.ew_admin, '/cases/new', { occupier: zephyr, site: harbour,
		subject: `Zephyr matrix ${tag}`, details: 'Eastwind only.' });
	const fjordCase = await raiseCase(clients.nw_staff, '/cases/new', { occupier: fjord, site: cw,
		subject: `Fjord matrix ${tag}`, details: 'Fjord only.' });
	const acmeCase = await raiseCase(clients.acme_admin, '/my/cases/new', { site: cw,
		subject: `Acme matrix ${tag}`, details: 'Acme own.' });
	// An attachment on each case and a message in each operator's outbox.
	const attach = (caseId, name) => {
		db(`INSERT INTO case_attachment (operator_id, case_id, filename, content_type, size, data, created_at)
			SELECT operator_id, id, ${q(name)}, 'text/plain; charset=utf-8', 5, 'hello', UNIX_TIMESTAMP()
			FROM support_case WHERE id = ${caseId}`);
		return one(`SELECT MAX(id) FROM case_attachment WHERE case_id = ${caseId}`);
	};
	const ewAtt = attach(ewCase, `ew-${tag}.txt`), fjordAtt = attach(fjordCase, `fjord-${tag}.txt`);
	const acmeAtt = attach(acmeCase, `acme-${tag}.txt`);
	const mailOf = (op) => {
		db(`INSERT INTO mail_outbox (operator_id, kind, message_id, rcpt, subject, body_text, body_html, state,
			next_attempt_at, created_at) VALUES (${op}, 'test', 'tn.matrix${op}${tag}@test.example',
			'matrix@test.example', 'Matrix ${tag}', 'x', 'x', 'sent', 0, UNIX_TIMESTAMP())`);
		return one(`SELECT MAX(id) FROM mail_outbox WHERE operator_id = ${op}`);
	};
	const ewMail = mailOf(EW), nwMail = mailOf(NW);
	// Usage at Eastwind's site and of Fjord at Canary Wharf, so that the
	// usage pages (Billing Usage Report, imports, itemised calls) have
	// something of theirs to leak: call records and traffic through the
	// command line, with a called number and names nobody else has.
	const udir = mkdtempSync(path.join(tmpdir(), 'matrix-usage-'));
	const uday = `${TODAY.slice(0, 7)}-03T10:00:00Z`;
	const usage = (...args) => execFileSync(TENANTRY_BIN, ['usage', ...args],
		{ env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET }, stdio: 'pipe' });
	const ewCalls = path.join(udir, `zephyr-usage-${tag}.csv`);
	const ewTraffic = path.join(udir, `zephyr-traffic-${tag}.csv`);
	const fjordCalls = path.join(udir, `fjord-usage-${tag}.csv`);
	writeFileSync(ewCalls, `+44 117 496 0001,+44 113 496 0778,${uday},60,out\n`);
	writeFileSync(ewTraffic, `${uday},1000000,2000000\n`);
	writeFileSync(fjordCalls, `+44 20 7946 0103,+44 113 496 0777,${uday},60,out\n`);
	usage('import', '--site', String(harbour), ewCalls);
	usage('traffic', '--site', String(harbour), '--occupier', String(zephyr), '--interface', `HH-matrix-${tag}`,
		ewTraffic);
	usage('import', '--site', String(cw), fjordCalls);
	rmSync(udir, { recursive: true, force: true });
	// Read once, so that the matrix's GETs find the monthly summaries
	// current (a stale one is built again on reading).
	for (const [c, s] of [[clients.nw_admin, cw], [clients.ew_admin, harbour]])
		assert.equal((await c.get(`/sites/${s}/usage`)).status, 200, `usage report of site ${s}`);
	const usageNeedles = {
		ew: ['+441134960778', `zephyr-usage-${tag}.csv`, `zephyr-traffic-${tag}.csv`, `HH-matrix-${tag}`],
		fjord: ['+441134960777', `fjord-usage-${tag}.csv`],
	};
	const contractOf = (occ) => one(`SELECT MIN(id) FROM contract WHERE occupier_id = ${occ}`);
	const inv = await invoiceFixtures(tag);
	// A space (an office on a floor) at each side's site: the floors come
	// from the demo seed.
	const spaceAt = (op, site) => {
		db(`INSERT INTO space (operator_id, site_id, floor_id, name, kind, capacity)
			SELECT ${op}, ${site}, MIN(id), 'Matrix ${tag}', 'office', 4 FROM floor WHERE site_id = ${site}`);
		return one(`SELECT MAX(id) FROM space WHERE site_id = ${site} AND name = 'Matrix ${tag}'`);
	};
	const spaces = { ew: spaceAt(EW, harbour), cw: spaceAt(NW, cw), sd: spaceAt(NW, sd) };
	// A webhook endpoint of each operator (disabled: nothing is queued).
	const hookOf = (op) => {
		db(`INSERT INTO webhook_endpoint (operator_id, url, events, secret, enabled, created_at, updated_at)
			VALUES (${op}, 'https://matrix-${tag}.example/hook', 'occupier.changed', 'whsec_matrix', 0,
			UNIX_TIMESTAMP(), UNIX_TIMESTAMP())`);
		return one(`SELECT MAX(id) FROM webhook_endpoint WHERE operator_id = ${op}`);
	};
	const hooks = { ew: hookOf(EW), nw: hookOf(NW) };
	const portAt = (site) => one(`SELECT MIN(id) FROM floor_port WHERE site_id = ${site}`);
	const serviceOf = (op) => one(`SELECT MIN(id) FROM service WHERE operator_id = ${op}`);
	ids = {
		// Eastwind's: foreign to every Northwind user.
		ew: { occupier: zephyr, site: harbour, contract: contractOf(zephyr), service: serviceOf(EW),
			case: ewCase, team: userId(EASTWIND_ADMIN), users: userId(zephyrUser.email),
			session: lastSession(EASTWIND_ADMIN), mail: ewMail, attachment: ewAtt, space: spaces.ew, webhook: hooks.ew, port: portAt(harbour),
			...inv.ew },
		// Northwind's: foreign to Eastwind; Northwind operators' own.
		nw: { occupier: acme, site: cw, contract: contractOf(acme), service: serviceOf(NW),
			case: fjordCase, team: userId(STAFF), users: userId(OCC_USER),
			session: lastSession(ADMIN), mail: nwMail, attachment: fjordAtt, space: spaces.cw, webhook: hooks.nw, port: portAt(cw),
			...inv.nw },
		// Another occupier of Northwind: foreign to Acme's users.
		fjord: { occupier: fjord, site: sd, contract: contractOf(fjord), service: serviceOf(NW),
			case: fjordCase, team: userId(STAFF), users: userId(fjordUser.email),
			session: lastSession(ADMIN), mail: nwMail, attachment: fjordAtt, space: spaces.sd, webhook: hooks.nw, port: portAt(sd),
			...inv.fjord },
		// Acme's own.
		acme: { occupier: acme, site: cw, contract: contractOf(acme), service: serviceOf(NW),
			case: acmeCase, team: userId(STAFF), users: userId(OCC_USER),
			session: lastSession(OCC_ADMIN), mail: nwMail, attachment: acmeAtt, space: spaces.cw, webhook: hooks.nw, port: portAt(cw),
			...inv.acme },
	};
	ids.ewOwn = { ...ids.ew, session: lastSession(EASTWIND_ADMIN) };
	ids.nwOwn = { ...ids.nw, case: fjordCase };
	// Foreign rows that POST bodies name (phone number, device, address, port).
	const rowOf = (table, op, extra = '1') => one(`SELECT COALESCE(MIN(id), 999999999) FROM ${table}
		WHERE operator_id = ${op} AND ${extra}`);
	bodyIds = {
		ew: { number: rowOf('phone_number', EW), device: rowOf('device', EW), ip: rowOf('public_ip', EW),
			port: rowOf('floor_port', EW) },
		nw: { number: rowOf('phone_number', NW), device: rowOf('device', NW), ip: rowOf('public_ip', NW),
			port: rowOf('floor_port', NW) },
		fjord: { number: rowOf('phone_number', NW, `occupier_id = ${fjord}`),
			device: rowOf('device', NW, `occupier_id <> ${acme}`),
			ip: rowOf('public_ip', NW, `occupier_id IS NOT NULL AND occupier_id <> ${acme}`),
			port: rowOf('floor_port', NW, `occupier_id IS NULL OR occupier_id <> ${acme}`) },
	};
	// What each side must never see.
	const ofOperator = (op) => [
		...list(`SELECT name FROM occupier WHERE operator_id = ${op}`),
		...list(`SELECT billing_ref FROM occupier WHERE operator_id = ${op} AND billing_ref <> ''`),
		...list(`SELECT name FROM site WHERE operator_id = ${op}`),
		...list(`SELECT address FROM site WHERE operator_id = ${op} AND address <> ''`),
		...list(`SELECT reference FROM contract WHERE operator_id = ${op}`),
		...list(`SELECT email FROM app_user WHERE operator_id = ${op}`),
		...list(`SELECT subject FROM support_case WHERE operator_id = ${op} AND subject LIKE '% matrix %'`),
		...list(`SELECT description FROM invoice_line WHERE operator_id = ${op} AND description LIKE '% matrix %'`),
	];
	const numbers = (where) => list(`SELECT number FROM phone_number WHERE ${where}`);
	const addrs = (where) => list(`SELECT address FROM public_ip WHERE ${where}`);
	const macs = (where) => list(`SELECT identifier FROM device WHERE ${where}`);
	const minus = (a, b) => { const s = new Set(b); return a.filter((x) => !s.has(x)); };
	const ewSecret = [
		...list(`SELECT name FROM operator WHERE id = ${EW}`),
		...minus(list(`SELECT name FROM app_user WHERE operator_id = ${EW}`),
			list(`SELECT name FROM app_user WHERE operator_id = ${NW}`)),
		...minus(ofOperator(EW), ofOperator(NW)),
		...minus(numbers(`operator_id = ${EW}`), numbers(`operator_id = ${NW}`)),
		...minus(macs(`operator_id = ${EW}`), macs(`operator_id = ${NW}`)),
		...usageNeedles.ew,
	].map((s) => ({ s }));
	const ewIps = minus(addrs(`operator_id = ${EW}`), addrs(`operator_id = ${NW}`)).map((s) => ({ s, ip: true }));
	const nwSecret = [
		...list(`SELECT name FROM operator WHERE id = ${NW}`), ...minus(ofOperator(NW), ofOperator(EW)),
		...minus(numbers(`operator_id = ${NW}`), numbers(`operator_id = ${EW}`)),
		...minus(macs(`operator_id = ${NW}`), macs(`operator_id = ${EW}`)),
	].map((s) => ({ s }));
	const nwIps = minus(addrs(`operator_id = ${NW}`), addrs(`operator_id = ${EW}`)).map((s) => ({ s, ip: true }));
	const others = `operator_id = ${NW} AND occupier_id IS NOT NULL AND occupier_id <> ${acme}`;
	const acmeOwn = `operator_id = ${NW} AND occupier_id = ${acme}`;
	// (A string an Acme user may see, because Acme has it too, is no needle.)
	const acmeStrings = [
		...list(`SELECT name FROM occupier WHERE id = ${acme}`),
		...list(`SELECT billing_ref FROM occupier WHERE id = ${acme}`),
		...list(`SELECT reference FROM contract WHERE occupier_id = ${acme}`),
	];
	const otherOccupiers = minus([
		...list(`SELECT name FROM occupier WHERE operator_id = ${NW} AND id <> ${acme}`),
		...list(`SELECT billing_ref FROM occupier WHERE operator_id = ${NW} AND id <> ${acme} AND billing_ref <> ''`),
		...list(`SELECT reference FROM contract WHERE operator_id = ${NW} AND occupier_id <> ${acme}`),
		...list(`SELECT email FROM app_user WHERE ${others}`),
		...list(`SELECT subject FROM support_case WHERE operator_id = ${NW} AND occupier_id <> ${acme}
			AND subject LIKE '% matrix %'`),
		...list(`SELECT number FROM invoice WHERE operator_id = ${NW} AND occupier_id <> ${acme}
			AND number IS NOT NULL`),
		...minus(numbers(others), numbers(acmeOwn)),
		...minus(macs(others), macs(acmeOwn)),
		...usageNeedles.fjord,
	], acmeStrings).map((s) => ({ s }));
	const otherIps = minus(addrs(others), addrs(acmeOwn)).map((s) => ({ s, ip: true }));
	needles = {
		nw: [...ewSecret, ...ewIps],
		acme: [...ewSecret, ...ewIps, ...otherOccupiers, ...otherIps],
		ew: [...nwSecret, ...nwIps],
	};
	// Sanity: the needles are real (Acme's own name is not one of Acme's).
	assert.ok(needles.nw.some((n) => n.s === 'Zephyr Secret Holdings'));
	assert.ok(needles.nw.some((n) => n.s === 'Harbour House'));
	assert.ok(needles.acme.some((n) => n.s === 'Fjord Media'));
	assert.ok(!needles.acme.some((n) => n.s === 'Acme Analytics Ltd'));
	assert.ok(needles.ew.some((n) => n.s === 'Acme Analytics Ltd'));
	assert.ok(needles.acme.some((n) => n.s === '+441134960777'));
	// The usage pages are in the matrix (from the route table).
	assert.ok(parseRoutes().filter((r) => r.pattern.includes('/usage')).length >= 8, 'usage routes');
	tables = db('SHOW TABLES').map((r) => r[0]);
});

/*
 * Invoices, bill runs and exports of both operators. Northwind's through
 * its screens: a bill run of December 2025, Acme's and Fjord's drafts
 * approved, an export. Eastwind's (its occupier has no services) written
 * by SQL: an issued invoice with one line, a run and an export of it.
 */
async function invoiceFixtures(tag) {
	const c = clients.nw_admin;
	await c.get('/invoices/runs');
	let r = await c.post('/invoices/runs', { period: '2025-12', mode: 'arrears', site: '' });
	assert.equal(r.status, 303, `Northwind's bill run: ${r.status} ${r.text.slice(0, 200)}`);
	const nwRun = Number(/\/invoices\/runs\/(\d+)/.exec(r.location)[1]);
	const issuedOf = async (occ) => {
		const id = one(`SELECT COALESCE(MAX(id), 0) FROM invoice WHERE operator_id = ${NW} AND occupier_id = ${occ}
			AND kind = 'invoice' AND (status = 'issued' OR run_id = ${nwRun})`);
		assert.ok(id > 0, `an invoice of occupier ${occ}`);
		if (dbValue(`SELECT status FROM invoice WHERE id = ${id}`) === 'draft') {
			const page = await c.get(`/invoices/${id}`);
			const v = /name="version" value="(\d+)"/.exec(page.body)[1];
			const a = await c.post(`/invoices/${id}`, { op: 'approve', version: v });
			assert.equal(a.status, 303, `approve ${id}`);
		}
		return id;
	};
	const acmeInv = await issuedOf(acme);
	const fjordInv = await issuedOf(fjord);
	await c.get('/invoices/export');
	r = await c.post('/invoices/export', { format: 'xero', from: '2026-02', to: '2026-02', again: '1' });
	assert.equal(r.status, 303, `Northwind's export: ${r.text.slice(0, 200)}`);
	const nwExport = Number(/done=(\d+)/.exec(r.location)[1]);
	db(`INSERT INTO bill_run (operator_id, period, mode, state) VALUES (${EW}, '2025-12-01', 'arrears', 'done')`);
	const ewRun = one(`SELECT MAX(id) FROM bill_run WHERE operator_id = ${EW}`);
	db(`INSERT INTO invoice (operator_id, occupier_id, run_id, period, mode, net, vat, gross)
		VALUES (${EW}, ${zephyr}, ${ewRun}, '2025-12-01', 'arrears', 1000, 200, 1200)`);
	const ewInv = one(`SELECT MAX(id) FROM invoice WHERE operator_id = ${EW}`);
	db(`INSERT INTO invoice_line (operator_id, invoice_id, line_no, kind, description, unit_price, qty, net,
		vat_rate, vat_bp, vat) VALUES (${EW}, ${ewInv}, 1, 'oneoff', ${q(`Zephyr matrix ${tag}`)}, 1000, 1, 1000,
		'standard', 2000, 200)`);
	db(`UPDATE invoice SET status = 'issued', seq = ${ewInv}, number = ${q(`EW-${tag}`)}, issue_date = '2026-02-16',
		due_date = '2026-03-18', bill_name = 'Zephyr Secret Holdings', seller_name = 'Eastwind Offices Ltd'
		WHERE id = ${ewInv}`);
	db(`INSERT INTO invoice_export (operator_id, format, month_from, month_to, documents)
		VALUES (${EW}, 'xero', '2026-02-01', '2026-02-01', 1)`);
	const ewExport = one(`SELECT MAX(id) FROM invoice_export WHERE operator_id = ${EW}`);
	db(`INSERT INTO invoice_export_doc (export_id, invoice_id) VALUES (${ewExport}, ${ewInv})`);
	return {
		ew: { invoice: ewInv, run: ewRun, export: ewExport },
		nw: { invoice: acmeInv, run: nwRun, export: nwExport },
		fjord: { invoice: fjordInv, run: nwRun, export: nwExport },
		acme: { invoice: acmeInv, run: nwRun, export: nwExport },
	};
}

/* ---- checks ---------------------------------------------------------------- */

function escapeRe(s) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const needleRe = new Map();
function found(body, n) {
	let re = needleRe.get(n);
	if (!re) {
		// Whole words (and whole addresses: 192.0.2.1 is not in 192.0.2.10).
		const edge = n.ip ? '[A-Za-z0-9.]' : '[A-Za-z0-9]';
		re = new RegExp(`(?<!${edge})${escapeRe(n.s)}(?!${n.ip ? '[0-9]|\\.[0-9]' : '[A-Za-z0-9]'})`, 'i');
		needleRe.set(n, re);
	}
	return re.test(body);
}

/* The foreign strings of side found in a response (its text, raw body and Location). */
function leaksIn(side, r) {
	const hay = [r.text, r.body, r.location || ''].join('\n');
	return needles[side].filter((n) => found(hay, n)).map((n) => n.s);
}

/* A fingerprint of every table (sessions without last_seen, which GETs touch;
 * the outbox by its rows, since the mail sender changes their state while
 * the matrix runs: a message queued by a refused POST still shows). The
 * reports' kept totals are left out: a GET of a report computes and keeps
 * them (derived rows, dropped by triggers on any write they depend on; the
 * groups marked stale by a write are recomputed, and unmarked, by a GET). */
const KEPT = ['user_session', 'mail_outbox', 'active_service_total', 'active_service_stale', 'charge_month_total'];
function checksum() {
	const rows = db(`CHECKSUM TABLE ${tables.filter((t) => !KEPT.includes(t)).join(', ')}`);
	const s = db(`SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS(',', id, user_id, HEX(token_hash), csrf,
		created_at))), 0) FROM user_session`)[0];
	const m = db('SELECT COUNT(*), COALESCE(MAX(id), 0) FROM mail_outbox')[0];
	return JSON.stringify([rows, s, m]);
}

/* The POST body: every field a form of Tenantry reads, naming rows of set. */
function probeBody(route, set) {
	const f = ids[set];
	const b = bodyIds[set];
	const last = route.pattern.split('/').filter((s) => s && s !== '#').pop();
	const op = { users: 'disable', team: 'disable', cases: 'comment', telephony: 'activate',
		devices: 'register', ports: 'assign', manage: 'save', sessions: 'revoke' }[last] || 'save';
	return {
		op, name: '', email: '', role: 'operator_staff', comment: 'matrix probe', subject: 'matrix probe',
		details: 'matrix probe', occupier: f.occupier, site: f.site, service: f.service, contract: f.contract,
		number: b.number, device: b.device, ip: b.ip, port: b.port, mac: 'aa:bb:cc:00:00:01',
		identifier: 'aa:bb:cc:00:00:01', type: 'wifi_device', label: 'probe', reference: '', start_date: '',
		version: '1', token: '', holder: String(f.occupier), state: 'active',
	};
}

/* ---- the matrix ------------------------------------------------------------- */

test('the isolation matrix: every route × every role × foreign ids → 404/403, no leak, no change', async () => {
	const routes = parseRoutes();
	const unknown = [...new Set(routes.flatMap((r) => kindsOf(r.pattern)).filter((k) => k.startsWith('unknown:')))];
	assert.deepEqual(unknown, [], 'every # segment of the route table has a kind in KINDS (add the new ones)');
	let requests = 0, posts = 0, sum = checksum();
	const leaks = [], wrong = [], changed = [];
	const sets = { nw: { foreign: ['ew'], own: 'nwOwn' }, acme: { foreign: ['ew', 'fjord'], own: 'acme' },
		ew: { foreign: ['nw'], own: 'ewOwn' } };

	for (const role of ROLES) {
		const c = clients[role.key];
		const side = role.side;
		for (const route of routes) {
			const kinds = kindsOf(route.pattern);
			const allowed = route.pub || route.roles.has(role.role);
			// The id vectors to try: { label, vec, refuse, set }.
			const own = kinds.map((k) => ids[sets[side].own][k]);
			const vectors = [];
			if (kinds.length === 0) {
				vectors.push({ label: 'no id', vec: [], refuse: false, set: null });
			} else {
				vectors.push({ label: 'own', vec: own, refuse: false, set: null });
				for (const fs of sets[side].foreign) {
					vectors.push({ label: `all ${fs}`, vec: kinds.map((k) => ids[fs][k]), refuse: true,
						set: fs });
					if (kinds.length > 1)
						kinds.forEach((k, i) => vectors.push({ label: `${fs} at #${i + 1}`,
							vec: own.map((v, j) => (j === i ? ids[fs][k] : v)), refuse: true, set: fs }));
				}
				// Operators: a child of another occupier under their own occupier's URL.
				if (side === 'nw' && kinds[0] === 'occupier')
					kinds.forEach((k, i) => {
						if (i > 0 && ['contract', 'case', 'users'].includes(k))
							vectors.push({ label: `fjord ${k} under acme`,
								vec: own.map((v, j) => (j === i ? ids.fjord[k] : v)), refuse: true,
								set: 'fjord' });
					});
			}
			for (const { label, vec, refuse, set } of vectors) {
				const url = fill(route.pattern, vec);
				const what = `${role.key} ${url} (${route.page}, ${label})`;
				if (route.methods.includes('GET')) {
					const r = await c.get(url);
					requests++;
					const l = leaksIn(side, r);
					if (l.length)
						leaks.push(`GET ${what}: ${l.join(', ')}`);
					const want = !allowed ? 403 : refuse ? 404 : null;
					if (want !== null && r.status !== want)
						wrong.push(`GET ${what}: ${r.status}, want ${want}`);
					if (want === null && r.status >= 500)
						wrong.push(`GET ${what}: ${r.status}`);
				}
				// POST: the foreign vectors, and routes without ids with a form
				// naming foreign rows; never /logout (it ends the session, by design).
				if (!route.methods.includes('POST') || route.pattern === '/logout' ||
				    (!refuse && kinds.length > 0))
					continue;
				for (const fs of set ? [set] : sets[side].foreign) {
					const r = await c.post(url, probeBody(route, fs));
					requests++;
					posts++;
					// GETs change nothing either: the last fingerprint is "before".
					const now = checksum();
					if (now !== sum)
						changed.push(`POST ${what} [${fs}]: status ${r.status}`);
					sum = now;
					const l = leaksIn(side, r);
					if (l.length)
						leaks.push(`POST ${what} [${fs}]: ${l.join(', ')}`);
					if (!allowed && r.status !== 403)
						wrong.push(`POST ${what}: ${r.status}, want 403`);
					else if (r.status < 400 || r.status >= 500)
						wrong.push(`POST ${what} [${fs}]: ${r.status}, want a refusal (4xx)`);
					else if (allowed && refuse && ![400, 404, 422].includes(r.status))
						wrong.push(`POST ${what}: ${r.status}, want 404 (or 400/422)`);
				}
			}
		}
		// Query-string ids: the site selectors and the case filters.
		const f = sets[side].foreign;
		for (const fs of f) {
			const x = ids[fs];
			const probes = [
				[`/my/site?site=${x.site}&tab=services`, role.role.startsWith('occupier') ? 404 : 403],
				[`/occupiers/${ids[sets[side].own].occupier}/site?site=${x.site}&tab=services`,
					role.role.startsWith('operator') ? (fs === 'fjord' ? null : 404) : 403],
				[`/cases?status=all&occupier=${x.occupier}`, role.role.startsWith('operator') ? null : 403],
				[`/cases?status=all&site=${x.site}`, role.role.startsWith('operator') ? null : 403],
				[`/cases/new?occupier=${x.occupier}&site=${x.site}`, role.role.startsWith('operator') ? 404 : 403],
			];
			for (const [url, want] of probes) {
				const r = await c.get(url);
				requests++;
				const l = leaksIn(side, r);
				if (l.length)
					leaks.push(`GET ${role.key} ${url}: ${l.join(', ')}`);
				if (want !== null && r.status !== want)
					wrong.push(`GET ${role.key} ${url}: ${r.status}, want ${want}`);
				if (r.status >= 500)
					wrong.push(`GET ${role.key} ${url}: ${r.status}`);
			}
		}
	}
	console.log(`isolation matrix: ${routes.length} routes × ${ROLES.length} roles → ${requests} requests ` +
		`(${posts} POSTs checked for changes); leaks: ${leaks.length}; wrong answers: ${wrong.length}; ` +
		`POSTs that changed data: ${changed.length}`);
	for (const [what, l] of [['leak', leaks], ['changed', changed], ['wrong', wrong]])
		for (const x of l.slice(0, 40))
			console.log(`${what}: ${x}`);
	assert.ok(requests > routes.length * ROLES.length, 'the matrix ran');
	assert.deepEqual(leaks, [], 'no foreign name or number in any response');
	assert.deepEqual(changed, [], 'no POST changed anything');
	assert.deepEqual(wrong, [], 'every foreign id answers 404 (403 for a role without the route)');
});

test('the demo sessions of the matrix are still alive (no POST revoked one)', async () => {
	for (const r of ROLES) {
		const res = await clients[r.key].get('/account');
		assert.equal(res.status, 200, `${r.key} still signed in`);
	}
});
