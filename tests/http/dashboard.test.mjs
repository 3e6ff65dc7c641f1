// The operator's start page (/dashboard) and the global search (/search).
// Each block of the start page is checked against the database (or, for
// charges, against the Charges report and an exact delta): the file adds
// an occupier of its own at Canary Wharf with a contract starting soon,
// one ending soon, a service waiting for its start, a floor port, a phone
// number, a public IP and a Wi-Fi device in use beyond what its service
// allocates, an old open case and a ledger row of known price, and
// removes them all when it ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, TODAY, addUser, assertHtml, assertRedirect, db, dbValue, operatorId, q, rnd, signedIn,
	siteId, tableRows, text,
} from './lib.mjs';

let admin, eastwind, NW, EW, cw, ewSite, occ, svc, floor, added;
const R = rnd(3);
const NAME = `AAA Dash ${R}`;
const PORT = `DP-${R}`;
const DIGITS = String(100000 + parseInt(R, 16) % 800000).padStart(6, '0');
const NUMBER = `+44 20 79${DIGITS.slice(0, 2)} ${DIGITS.slice(2)}`;	// "+44 20 79xx xxxx"
// An address no other test or the demo uses (the estate tests add pools in
// 198.51.100.0/24): 10.77.x.y.
const IP = `10.77.${parseInt(R.slice(0, 2), 16)}.${1 + parseInt(R.slice(2, 4), 16) % 250}`;
const MAC = `02:da:5b:${R.slice(0, 2)}:${R.slice(2, 4)}:${R.slice(4, 6)}`;

const day = (offset) => {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
};
const firstOfMonth = (back) => {
	const d = new Date(`${TODAY.slice(0, 7)}-01T00:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() - back);
	return d.toISOString().slice(0, 10);
};
const pounds = (minor) => (minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 });
const block = (html, name) => {
	const m = new RegExp(`<ul class="dash-list" data-block="${name}">([\\s\\S]*?)</ul>`).exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => x[1]) : null;
};
const figure = (html, name) => {
	const m = new RegExp(`<p class="figure" data-figure="${name}">([\\s\\S]*?)</p>`).exec(html);
	return m ? text(m[1]) : null;
};
const table = (html, name) => {
	const m = new RegExp(`<table class="grid compact" data-block="${name}">([\\s\\S]*?)</table>`).exec(html);
	return m ? tableRows(m[1]) : [];
};
const dashboard = async (c = admin) => {
	const r = await c.get('/dashboard');
	assertHtml(r, 200, '/dashboard');
	return r.body;
};

before(async () => {
	admin = await signedIn(ADMIN);
	eastwind = await signedIn(EASTWIND_ADMIN);
	NW = operatorId();
	EW = operatorId('Eastwind Offices');
	cw = siteId('Canary Wharf');
	ewSite = dbValue(`SELECT MIN(id) FROM site WHERE operator_id = ${EW}`);
	svc = dbValue(`SELECT MIN(s.id) FROM service s JOIN service_site ss ON ss.service_id = s.id
		WHERE s.operator_id = ${NW} AND ss.site_id = ${cw} AND s.ent_switch_ports = 0
		AND s.ent_phone_ext = 0 AND s.ent_public_ip = 0 AND s.ent_wifi_devices = 0`);
	floor = dbValue(`SELECT MIN(id) FROM floor WHERE site_id = ${cw}`);
	db(`INSERT INTO occupier (operator_id, name, billing_ref, notes) VALUES (${NW}, ${q(NAME)}, ${q(`DB-${R}`)}, '')`);
	occ = dbValue(`SELECT id FROM occupier WHERE operator_id = ${NW} AND name = ${q(NAME)}`);
	added = { occ };
});

after(() => {
	if (!occ)
		return;
	db(`DELETE FROM device WHERE occupier_id = ${occ}`);
	db(`DELETE FROM public_ip WHERE address = ${q(IP)} AND operator_id = ${NW}`);
	db(`DELETE FROM phone_number WHERE number = ${q(NUMBER)}`);
	db(`DELETE FROM floor_port WHERE label = ${q(PORT)}`);
	db(`DELETE FROM support_case WHERE occupier_id = ${occ}`);
	db(`DELETE FROM charge_ledger WHERE occupier_id = ${occ}`);
	db(`DELETE FROM occupier_service WHERE occupier_id = ${occ}`);
	db(`DELETE FROM contract WHERE occupier_id = ${occ}`);
	db(`DELETE FROM infra_in_use WHERE occupier_id = ${occ}`);
	db(`DELETE FROM occupier WHERE id = ${occ}`);
});

test('operators land on the start page, with a menu entry; occupier users cannot open it', async () => {
	assertRedirect(await admin.get('/'), '/dashboard', 'operator start page');
	const html = await dashboard();
	assert.match(html, /<a href="\/dashboard" aria-current="page">Today<\/a>/);
	const occUser = await signedIn('user@acme.example');
	assert.equal((await occUser.get('/dashboard')).status, 403);
});

test('open cases: the count of the operator\'s open cases and the oldest first, linked', async () => {
	db(`INSERT INTO support_case (operator_id, occupier_id, site_id, subject, details, status, created_at)
		VALUES (${NW}, ${occ}, ${cw}, ${q(`Dash oldest ${R}`)}, '', 'in_progress', '2001-01-01 09:00:00')`);
	const id = dbValue(`SELECT id FROM support_case WHERE occupier_id = ${occ}`);
	const html = await dashboard();
	const open = Number(dbValue(`SELECT COUNT(*) FROM support_case WHERE operator_id = ${NW} AND status <> 'closed'`));
	assert.ok(open >= 1);
	assert.equal(figure(html, 'cases'), `${open} open case${open === 1 ? '' : 's'}`);
	const items = block(html, 'cases');
	assert.ok(items.length >= 1 && items.length <= 5, `${items.length} shown`);
	assert.match(items[0], new RegExp(`<a href="/cases/${id}">Dash oldest ${R}</a>`), 'the oldest first');
	assert.match(items[0], new RegExp(`<a href="/occupiers/${occ}">${NAME}</a>`));
	// Eastwind's count is its own.
	const ewOpen = Number(dbValue(`SELECT COUNT(*) FROM support_case WHERE operator_id = ${EW} AND status <> 'closed'`));
	assert.equal(figure(await dashboard(eastwind), 'cases'), `${ewOpen} open case${ewOpen === 1 ? '' : 's'}`);
	assert.doesNotMatch(await dashboard(eastwind), new RegExp(`Dash oldest ${R}`));
});

test('contracts starting or ending in the next 30 days: counts and the soonest, as the database says', async () => {
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date) VALUES
		(${NW}, ${occ}, ${cw}, ${q(`DS-${R}`)}, ${q(day(0))}, NULL),
		(${NW}, ${occ}, ${cw}, ${q(`DE-${R}`)}, '2025-01-01', ${q(day(1))}),
		(${NW}, ${occ}, ${cw}, ${q(`DL-${R}`)}, ${q(day(31))}, NULL)`);
	const html = await dashboard();
	const [[starting, ending]] = db(`SELECT
		(SELECT COUNT(*) FROM contract WHERE operator_id = ${NW} AND start_date BETWEEN ${q(day(0))} AND ${q(day(30))}),
		(SELECT COUNT(*) FROM contract WHERE operator_id = ${NW} AND end_date BETWEEN ${q(day(0))} AND ${q(day(30))})`);
	assert.equal(figure(html, 'contracts'), `${starting} starting · ${ending} ending`);
	const expect = db(`SELECT 'start', start_date, id, reference FROM contract WHERE operator_id = ${NW}
			AND start_date BETWEEN ${q(day(0))} AND ${q(day(30))}
		UNION ALL SELECT 'end', end_date, id, reference FROM contract WHERE operator_id = ${NW}
			AND end_date BETWEEN ${q(day(0))} AND ${q(day(30))}`)
		.sort((a, b) => a[1].localeCompare(b[1]) || b[0].localeCompare(a[0]) || Number(a[2]) - Number(b[2]))
		.slice(0, 8).map((r) => r[3]);
	const shown = block(html, 'contracts').map((li) => /contracts">([^<]*)<\/a>/.exec(li)[1]);
	assert.deepEqual(shown, expect);
	if (expect.includes(`DS-${R}`))
		assert.ok(block(html, 'contracts').some((li) => li.startsWith('Starts') && li.includes(`DS-${R}`)));
	assert.ok(!shown.includes(`DL-${R}`), 'day 31 is outside the window');
});

test('services awaiting activation: the count and the soonest start first', async () => {
	const ct = dbValue(`SELECT id FROM contract WHERE reference = ${q(`DS-${R}`)}`);
	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
		start_date, activated_at) VALUES (${NW}, ${occ}, ${cw}, ${svc}, ${ct}, 10000, 2, ${q(day(1))}, ${q(day(1))})`);
	const html = await dashboard();
	const pending = Number(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE operator_id = ${NW}
		AND ended_at IS NULL AND (activated_at IS NULL OR activated_at > ${q(TODAY)})`));
	assert.equal(figure(html, 'pending'), `${pending} service${pending === 1 ? '' : 's'} not started yet`);
	const expect = db(`SELECT os.id, o.name FROM occupier_service os JOIN occupier o ON o.id = os.occupier_id
		WHERE os.operator_id = ${NW} AND os.ended_at IS NULL
		AND (os.activated_at IS NULL OR os.activated_at > ${q(TODAY)})
		ORDER BY os.activated_at IS NULL, os.activated_at, os.id LIMIT 8`).map((r) => r[1]);
	const shown = block(html, 'pending').map((li) => text(/<small>([\s\S]*?)<\/small>/.exec(li)[1]).split(' · ')[0]);
	assert.deepEqual(shown, expect);
	assert.ok(shown.includes(NAME), 'ours is among the soonest (it starts tomorrow)');
	// Started services are not awaiting: activated today leaves the list.
	db(`UPDATE occupier_service SET activated_at = ${q(firstOfMonth(2))} WHERE occupier_id = ${occ}`);
	assert.ok(!block(await dashboard(), 'pending').some((li) => li.includes(NAME)));
});

test('occupiers over an allocation: in use beyond what the services allocate, as X/Y fractions', async () => {
	let html = await dashboard();
	assert.ok(!block(html, 'over').some((li) => li.includes(NAME)), 'nothing in use yet');
	/* The figure against a count of what the services allocate, from the rows. */
	const overCount = () => Number(dbValue(`SELECT COUNT(*) FROM (SELECT i.occupier_id, i.site_id FROM infra_in_use i
		LEFT JOIN (occupier_service os JOIN service v ON v.id = os.service_id) ON os.operator_id = i.operator_id
		AND os.occupier_id = i.occupier_id AND os.site_id = i.site_id AND os.ended_at IS NULL
		WHERE i.operator_id = ${NW} GROUP BY i.occupier_id, i.site_id
		HAVING MAX(i.switch_ports) > COALESCE(SUM(v.ent_switch_ports * os.qty), 0)
		OR MAX(i.phone_ext) > COALESCE(SUM(v.ent_phone_ext * os.qty), 0)
		OR MAX(i.public_ips) > COALESCE(SUM(v.ent_public_ip * os.qty), 0)
		OR MAX(i.wifi_devices) > COALESCE(SUM(v.ent_wifi_devices * os.qty), 0)
		OR MAX(i.wifi_accounts) > COALESCE(SUM(v.ent_wifi_accounts * os.qty), 0)) t`));
	const noun = (n) => (n === 1 ? 'occupier at a site uses more than its services allocate' :
		'occupiers at a site use more than their services allocate');
	const over0 = overCount();
	assert.equal(figure(html, 'over'), `${over0} ${noun(over0)}`);
	db(`INSERT INTO floor_port (operator_id, site_id, floor_id, label, switch_name, switch_port, role, occupier_id, state)
		VALUES (${NW}, ${cw}, ${floor}, ${q(PORT)}, ${q(`dash-sw-${R}`)}, 1, 'occupier_lan', ${occ}, 'active')`);
	db(`INSERT INTO phone_number (operator_id, site_id, number, state, occupier_id, activated_at)
		VALUES (${NW}, ${cw}, ${q(NUMBER)}, 'active', ${occ}, ${q(TODAY)})`);
	html = await dashboard();
	const mine = block(html, 'over').filter((li) => li.includes(NAME));
	assert.equal(mine.length, 1, 'listed once, at Canary Wharf');
	assert.equal(text(mine[0]), `${NAME} at Canary Wharf: Switch ports 1/0, Telephony extensions 1/0`);
	assert.match(mine[0], new RegExp(`href="/occupiers/${occ}/sites/${cw}/services"`));
	assert.equal(overCount(), over0 + 1, 'one more over, by the rows');
	assert.equal(figure(html, 'over'), `${over0 + 1} ${noun(over0 + 1)}`);
	// The list is in occupier name order, as many as fit.
	const names = block(html, 'over').map((li) => text(/<a [^>]*>([\s\S]*?)<\/a>/.exec(li)[1]));
	assert.deepEqual(names, [...names].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' })));
	assert.doesNotMatch(await dashboard(eastwind), new RegExp(NAME));
});

test('charges: this month by site and 12 months, equal to the Charges report, moved exactly by a known service', async () => {
	const before = await dashboard();
	const os = dbValue(`SELECT id FROM occupier_service WHERE occupier_id = ${occ}`);
	// 100.00 x 2 from the first of the month two months back: 200.00 a month.
	db(`INSERT INTO charge_ledger (operator_id, occsvc_id, from_day, to_day, occupier_id, site_id, price, qty)
		VALUES (${NW}, ${os}, ${q(firstOfMonth(2))}, NULL, ${occ}, ${cw}, 10000, 2)`);
	const html = await dashboard();
	const site = (h) => Object.fromEntries(table(h, 'sites').map(([s, a]) => [s, Number(a.replace(/[^0-9.]/g, ''))]));
	const months = (h) => table(h, 'months').map(([m, a]) => [m, Number(a.replace(/[^0-9.]/g, ''))]);
	assert.equal(Math.round((site(html)['Canary Wharf'] - (site(before)['Canary Wharf'] || 0)) * 100), 20000,
		'Canary Wharf up by 200.00 this month');
	const m0 = months(before), m1 = months(html);
	assert.equal(m1.length, 12, 'twelve months');
	const deltas = m1.map(([, a], i) => Math.round((a - m0[i][1]) * 100));
	assert.deepEqual(deltas, [0, 0, 0, 0, 0, 0, 0, 0, 0, 20000, 20000, 20000], 'the last three months');
	// The same figures the Charges report computes, line by line.
	// (The report covers months that have ended.)
	for (const back of [1, 2]) {
		const month = firstOfMonth(back).slice(0, 7);
		const rep = await admin.get(`/reports/charges?month=${month}`);
		assertHtml(rep, 200, month);
		const total = /<tfoot>[\s\S]*?<strong>([^<]*)<\/strong>/.exec(rep.body)[1];
		assert.equal(m1[11 - back][1].toFixed(2), total.replace(/[^0-9.]/g, ''), `${month} as the report`);
	}
	const sum = table(html, 'sites').slice(0).reduce((s, [, a]) => s + Math.round(Number(a.replace(/[^0-9.]/g, '')) * 100), 0);
	assert.equal(sum, Math.round(m1[11][1] * 100), 'the sites add up to the month');
	assert.match(html, new RegExp(`<strong>£${pounds(Math.round(m1[11][1] * 100)).replace('.', '\\.')}</strong>`), 'total shown');
	// The chart: twelve bars, each titled with its month and figure, the tallest full height.
	const bars = [...html.matchAll(/<rect x="\d+" y="(\d+)" width="\d+" height="(\d+)"><title>([^<]*)<\/title>/g)];
	assert.equal(bars.length, 12);
	assert.deepEqual(bars.map((b) => b[3]), m1.map(([m, a]) => `${m}: £${pounds(Math.round(a * 100))}`));
	const max = Math.max(...m1.map(([, a]) => a));
	bars.forEach((b, i) => assert.equal(Number(b[2]), Math.round(m1[i][1] / max * 160), `bar ${i} height`));
	assert.match(html, /<svg class="chart"[^>]*role="img" aria-labelledby="chart-title chart-desc"/);
});

test('empty states: an operator with nothing to show says so in every block', async () => {
	// A fresh operator with one admin has no cases, contracts or charges.
	const OP = `Empty Ops ${R}`;
	db(`INSERT INTO operator (name) VALUES (${q(OP)})`);
	const op = dbValue(`SELECT id FROM operator WHERE name = ${q(OP)}`);
	const u = addUser({ role: 'operator_admin', operator: OP });
	try {
		const c = await signedIn(u.email, u.password);
		const html = await dashboard(c);
		for (const msg of ['No open cases', 'No contract starts or ends in the next 30 days',
			'Every service taken has started', 'Every occupier uses no more infrastructure',
			'No charges this month yet', 'No charges in the last 12 months'])
			assert.match(text(html), new RegExp(msg), msg);
		assert.equal(figure(html, 'cases'), '0 open cases');
		assert.equal([...html.matchAll(/<rect /g)].length, 12, 'the chart keeps its 12 (empty) bars');
	} finally {
		// Best effort: the rows a sign-in leaves behind, then the operator.
		for (const t of ['user_session', 'login_known', 'login_failure', 'audit_event', 'pace'])
			try { db(`DELETE FROM ${t} WHERE user_id IN (SELECT id FROM app_user WHERE operator_id = ${op})`); } catch { /* no such column */ }
		db(`DELETE FROM app_user WHERE operator_id = ${op}`);
		for (const t of ['occupier_names', 'site_names', 'catalog_version', 'billing_settings'])
			try { db(`DELETE FROM ${t} WHERE operator_id = ${op}`); } catch { /* none */ }
		db(`DELETE FROM operator WHERE id = ${op}`);
	}
});

test('global search: a phone number in any formatting, an IP, a MAC in any form, a port label; linked', async () => {
	db(`INSERT INTO public_ip (operator_id, site_id, address, block, occupier_id, state, device_mac)
		VALUES (${NW}, ${cw}, ${q(IP)}, '10.77.0.0/16', ${occ}, 'active', ${q(MAC)})`);
	db(`INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, label, state)
		VALUES (${NW}, ${cw}, ${occ}, 'wifi_device', ${q(MAC)}, 'Dash laptop', 'active')`);
	const national = `0${NUMBER.slice(4)}`;	// "020 79xx xxxx"
	for (const typed of [NUMBER, NUMBER.replace(/ /g, ''), `  ${national}  `, national.replace(/ /g, '-'),
		`0044 ${NUMBER.slice(4)}`, `(020) ${NUMBER.slice(7)}`]) {
		const r = await admin.get(`/search?find=${encodeURIComponent(typed)}`);
		assertHtml(r, 200, typed);
		assert.match(r.body, /<h2>Phone numbers<\/h2>/, typed);
		assert.match(text(r.body), new RegExp(`${NUMBER.replace('+', '\\+')} active ${NAME}`), typed);
		assert.match(r.body, new RegExp(`href="/occupiers/${occ}/sites/${cw}/telephony"`), typed);
		assert.match(r.body, new RegExp(`href="/sites/${cw}/telephony">Canary Wharf`), typed);
	}
	let r = await admin.get(`/search?find=${IP}`);
	assert.match(r.body, /<h2>IP addresses<\/h2>/);
	assert.match(text(r.body), new RegExp(`${IP.replace(/\./g, '\\.')} IP address|${IP.replace(/\./g, '\\.')} ${MAC}`));
	assert.match(r.body, new RegExp(`href="/occupiers/${occ}"`));
	for (const typed of [MAC, MAC.toUpperCase().replace(/:/g, '-'), MAC.replace(/:/g, ''),
		`${MAC.replace(/:/g, '').slice(0, 4)}.${MAC.replace(/:/g, '').slice(4, 8)}.${MAC.replace(/:/g, '').slice(8)}`]) {
		r = await admin.get(`/search?find=${encodeURIComponent(typed)}`);
		assert.match(r.body, /<h2>Devices \(MAC address\)<\/h2>/, typed);
		assert.match(text(r.body), /Dash laptop/, typed);
		assert.match(text(r.body), new RegExp(`IP address used by ${MAC}`), typed);
		assert.match(r.body, new RegExp(`href="/occupiers/${occ}/sites/${cw}/devices"`), typed);
	}
	r = await admin.get(`/search?find=${encodeURIComponent(` ${PORT.toLowerCase()} `)}`);
	assert.match(r.body, /<h2>Floor ports<\/h2>/);
	assert.match(text(r.body), new RegExp(`${PORT} .*switch dash-sw-${R} port 1`));
	assert.match(r.body, new RegExp(`href="/sites/${cw}/ports">Canary Wharf`));
	// The box is in every operator page's menu, a plain GET form.
	assert.match(await dashboard(), /<form class="global-search" method="get" action="\/search" role="search">/);
});

test('global search: empty and unknown queries say so; another operator\'s number is not found', async () => {
	let r = await admin.get('/search?find=%20%20');
	assertHtml(r, 200, 'blank');
	assert.match(text(r.body), /Type a phone number \(any formatting\), an IP address/);
	r = await admin.get('/search');
	assert.match(text(r.body), /Type a phone number/);
	r = await admin.get(`/search?find=no-such-thing-${R}`);
	assert.match(text(r.body), new RegExp(`Nothing found for “no-such-thing-${R}”`));
	assert.equal((await admin.get(`/search?find=${'x'.repeat(101)}`)).status, 400);
	// Eastwind holds a number of its own: Northwind does not find it, Eastwind does.
	const ewNumber = `+44 161 496 ${DIGITS.slice(2)}`;
	db(`INSERT INTO phone_number (operator_id, site_id, number, state) VALUES (${EW}, ${ewSite}, ${q(ewNumber)}, 'available')`);
	try {
		r = await admin.get(`/search?find=${encodeURIComponent(ewNumber)}`);
		assert.match(text(r.body), /Nothing found for/);
		assert.doesNotMatch(r.body, /<h2>Phone numbers<\/h2>/);
		r = await eastwind.get(`/search?find=${encodeURIComponent(`0161 496 ${DIGITS.slice(2)}`)}`);
		assert.match(text(r.body), new RegExp(`${ewNumber.replace('+', '\\+')} available —`));
		// Nor Northwind's own things, from Eastwind.
		r = await eastwind.get(`/search?find=${encodeURIComponent(NUMBER)}`);
		assert.match(text(r.body), /Nothing found for/);
		r = await eastwind.get(`/search?find=${encodeURIComponent(PORT)}`);
		assert.match(text(r.body), /Nothing found for/);
	} finally {
		db(`DELETE FROM phone_number WHERE number = ${q(ewNumber)} AND operator_id = ${EW}`);
	}
	assert.equal((await (await signedIn('user@acme.example')).get('/search?find=1')).status, 403);
});
