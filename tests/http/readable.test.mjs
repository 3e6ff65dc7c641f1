// readable.test.mjs: history and money as people read them. The History
// tab shows labelled fields, only what changed (old → new), at times in
// the site's time zone (else the operator's); amounts carry the currency
// symbol and thousands separators (a site's own currency wins over the
// operator's); contract references are kept whole; the occupier's own
// pages and CSVs never show the RRP or the operator's cost; the service's
// activation date is shown beside its start date.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, STAFF, TODAY, assertHtml, db, dbValue, money, rnd, signedIn, siteId, text } from './lib.mjs';
import { day, long, occsvcRows, openManage, parseHistory, parseServicesTab, rowsOf, submit } from './services-lib.mjs';
import { activeUser, occupierWithServices } from './roles-lib.mjs';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let admin, staff, cw;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	cw = siteId('Canary Wharf');
});

// The sites made here go again, so that later files see the demo's two.
after(() => {
	db("DELETE FROM site WHERE name LIKE 'Readable test %'");
});

/* Unix seconds as the History writes them in zone tz: "4 Dec 2026, 16:05". */
function inZone(unix, tz) {
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
		timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
	}).formatToParts(new Date(unix * 1000)).map((x) => [x.type, x.value]));
	return `${Number(p.day)} ${MON[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
}

/* The site's form as it is now. */
function siteFields(id) {
	const [name, address, timezone, currency] = db(`SELECT name, address, COALESCE(timezone, ''),
		COALESCE(currency, '') FROM site WHERE id = ${id}`)[0];
	return { name, address, timezone, currency };
}

async function editSite(id, fields) {
	await admin.get(`/sites/${id}/edit`);
	const r = await admin.post(`/sites/${id}/edit`, fields);
	assert.equal(r.status, 303, `edit site ${id}: ${r.text.slice(0, 300)}`);
}

test("History: labelled fields, only what changed, old → new, at the site's local time", async () => {
	const { occ, contract } = await occupierWithServices(admin, cw,
		[['Voice line', '1234.50', '2'], ['Voicemail to email', '2.00', '1']], 'Readable test');
	const was = siteFields(cw);
	try {
		await editSite(cw, { ...was, timezone: 'Asia/Tokyo' });
		const voice = occsvcRows(occ, cw).find((r) => r.name === 'Voice line');
		const { m } = await openManage(staff, occ, cw);
		const rows = rowsOf(m).map((r) => (r.id === voice.id ? { ...r, price: '1,500.00' } : r));
		const x = await submit(staff, occ, cw, m.version, rows, { op: 'save' });
		assert.equal(x.r.status, 303, 'price changed');
		// The contract gets an end date.
		const path = `/occupiers/${occ}/contracts/${contract.id}/edit`;
		const page = await admin.get(path);
		const version = /name="version" value="(\d+)"/.exec(page.body)[1];
		const c = await admin.post(path, { reference: contract.reference, start_date: contract.start,
			end_date: '2027-06-30', version });
		assert.equal(c.status, 303, 'contract end set');

		const h = await admin.get(`/occupiers/${occ}/sites/${cw}/history`);
		assertHtml(h, 200, 'history');
		assert.match(h.body, /<th scope="col">When \(Asia\/Tokyo\)<\/th>/, 'the zone is named');
		const table = /<table class="grid history">[\s\S]*?<\/table>/.exec(h.body)[0];
		assert.doesNotMatch(table, /\b(service|contract|price|qty|reference|end_date|start_date)=/, 'no raw key=value');
		const hist = parseHistory(h.body);
		const changed = hist.filter((e) => e.what === 'Service changed');
		assert.deepEqual(changed.map((e) => [e.who, e.subject, e.changes]),
			[['Sam Staff', 'Voice line', ['Price: £1,234.50 → £1,500.00']]], 'only the price, labelled, in pounds');
		const ended = hist.find((e) => e.what === 'Contract changed');
		assert.deepEqual([ended.subject, ended.changes], [contract.reference, ['Contract end: — → 30 Jun 2027']]);
		const added = hist.filter((e) => e.what === 'Service added').map((e) => e.changes);
		assert.deepEqual(added.find((ch) => ch[0] === 'Service: Voice line'),
			['Service: Voice line', `Contract: ${contract.reference}`, 'Price: £1,234.50', 'Quantity: 2']);

		// The time: the event's, in Tokyo (never UTC: Tokyo is 9 hours ahead all year).
		const at = Number(dbValue(`SELECT FLOOR(UNIX_TIMESTAMP(at)) FROM audit_event WHERE occupier_id = ${occ}
			AND entity = 'occupier_service' AND action = 'update'`));
		assert.equal(changed[0].at, inZone(at, 'Asia/Tokyo'));
		assert.notEqual(changed[0].at, inZone(at, 'UTC'));
		assert.equal(changed[0].iso, new Date((at + 9 * 3600) * 1000).toISOString().slice(0, 19));
	} finally {
		await editSite(cw, was);
	}
	// Back to the operator's zone (the site has none of its own).
	const h = await admin.get(`/occupiers/${occ}/sites/${cw}/history`);
	const zone = was.timezone || dbValue("SELECT timezone FROM operator WHERE name = 'Northwind Workspaces'");
	assert.match(h.body, new RegExp(`<th scope="col">When \\(${zone.replace(/\//g, '\\/')}\\)</th>`));
	const at = Number(dbValue(`SELECT FLOOR(UNIX_TIMESTAMP(at)) FROM audit_event WHERE occupier_id = ${occ}
		AND entity = 'occupier_service' AND action = 'update'`));
	assert.equal(parseHistory(h.body).find((e) => e.what === 'Service changed').at, inZone(at, zone));
});

test('money: the currency symbol and thousands separators; a site of its own currency shows it', async () => {
	const { occ } = await occupierWithServices(admin, cw,
		[['Voice line', '1234.50', '2'], ['Voicemail to email', '2.00', '1']], 'Readable test');
	const r = await admin.get(`/occupiers/${occ}/sites/${cw}/services`);
	assertHtml(r, 200, 'services tab');
	const t = parseServicesTab(r.body);
	const v = t.rows.find((x) => x.name === 'Voice line');
	assert.deepEqual([v.price, v.total], ['1,234.50', '2,469.00']);	// money() checked "£"
	assert.match(r.body, /<td class="num" data-label="Total">£2,469\.00<\/td>/);
	assert.match(r.body, /Total per month: <strong>£2,471\.00<\/strong>/);
	// Contract references are kept whole.
	assert.match(r.body, /<td data-label="Contract"><span class="ref">SVC-/);
	const css = await admin.get('/static/app.css');
	assert.match(css.text, /\.ref \{ white-space: nowrap;/);
	// Charges: unit price and amount in pounds.
	const ch = await admin.get(`/occupiers/${occ}/sites/${cw}/charges?month=${TODAY.slice(0, 7)}`);
	assert.match(text(ch.body), /£1,234\.50/);

	// A site of its own currency: its pages are in euros, the other site's stay in pounds.
	await admin.get('/sites/new');
	const made = await admin.post('/sites/new', { name: `Readable test ${rnd()}`, address: '', timezone: '', currency: 'EUR' });
	assert.equal(made.status, 303, made.text.slice(0, 300));
	const eur = Number(made.location.match(/^\/sites\/(\d+)/)[1]);
	const e = await admin.get(`/occupiers/${occ}/sites/${eur}/services`);
	assertHtml(e, 200, 'services at the euro site');
	assert.match(e.body, /Total per month: <strong>€0\.00<\/strong>/);
	assert.match((await admin.get(`/occupiers/${occ}/sites/${cw}/services`)).body, /Total per month: <strong>£2,471\.00<\/strong>/);
});

test('the occupier never sees the RRP or the operator\'s cost, on any /my page or CSV', async () => {
	const S = Object.fromEntries(db("SELECT name, id FROM service WHERE operator_id = (SELECT id FROM operator WHERE name = 'Northwind Workspaces')"));
	const voice = S['Voice line'];
	const [cost, rrp] = db(`SELECT cost, rrp FROM service WHERE id = ${voice}`)[0];
	const bump = () => db(`UPDATE catalog_version SET version = version + 1 WHERE operator_id =
		(SELECT operator_id FROM service WHERE id = ${voice})`);
	// A distinctive cost and RRP (7,777.71 and 8,888.82), never a price.
	db(`UPDATE service SET cost = 777771, rrp = 888882 WHERE id = ${voice}`);
	bump();
	try {
		const { occ } = await occupierWithServices(admin, cw,
			[['Voice line', '15.00', '2'], ['Internet (LAN only) 100 Mbps', '90.00', '1']], 'Readable test');
		// The operator sees them (so the values are live on screen)...
		const op = parseServicesTab((await admin.get(`/occupiers/${occ}/sites/${cw}/services`)).body);
		assert.deepEqual(op.rows.filter((x) => x.name === 'Voice line').map((x) => [x.cost, x.rrp]), [['7,777.71', '8,888.82']]);
		// ... the occupier's admin and user never do.
		const boss = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_admin');
		const month = TODAY.slice(0, 7);
		const pages = ['/my', `/my/sites/${cw}/services`, `/my/sites/${cw}/services?service=active`,
			`/my/sites/${cw}/telephony`, `/my/sites/${cw}/devices`, `/my/sites/${cw}/charges`,
			`/my/sites/${cw}/charges?month=${month}`, `/my/sites/${cw}/usage`, `/my/sites/${cw}/usage?month=${month}`,
			`/my/sites/${cw}/usage/calls.csv?month=${month}`, '/my/cases', '/my/cases/new', '/my/invoices', '/my/users',
			'/account'];
		let seen = 0;
		for (const p of pages) {
			const r = await boss.client.get(p);
			if (r.status === 303 || r.status === 302)
				continue;
			assert.equal(r.status, 200, `${p}: ${r.status}`);
			seen++;
			for (const v of ['7,777.71', '7777.71', '777771', '8,888.82', '8888.82', '888882'])
				assert.ok(!r.body.includes(v), `${p} shows ${v}`);
			assert.doesNotMatch(r.body, />\s*(RRP|Cost)\s*</, `${p}: no RRP or Cost column`);
		}
		assert.ok(seen >= 12, `pages checked: ${seen}`);
		// Its services: its price, QTY and total only.
		const mine = parseServicesTab((await boss.client.get(`/my/sites/${cw}/services`)).body);
		assert.deepEqual(mine.heads, ['Service', 'Contract', 'Start date', 'Activated', 'Price', 'QTY', 'Total', 'Status']);
		assert.deepEqual(mine.rows.filter((x) => x.name === 'Voice line').map((x) => [x.price, x.qty, x.total]),
			[['15.00', '2', '30.00']]);
	} finally {
		db(`UPDATE service SET cost = ${cost}, rrp = ${rrp} WHERE id = ${voice}`);
		bump();
	}
});

test("the service's activation date beside its start date, for the operator and the occupier", async () => {
	const { occ } = await occupierWithServices(admin, cw,
		[['Voice line', '15.00', '1'], ['Internet (LAN only) 100 Mbps', '90.00', '1']], 'Readable test');
	const want = [
		// Started with its contract 30 days ago; activated today (saved today).
		['Voice line', long(day(-30)), long(TODAY)],
		// Waits for its device: not activated yet.
		['Internet (LAN only) 100 Mbps', long(day(-30)), 'Not yet'],
	];
	const op = parseServicesTab((await admin.get(`/occupiers/${occ}/sites/${cw}/services`)).body);
	assert.deepEqual(op.heads.slice(0, 4), ['Service', 'Contract', 'Start date', 'Activated']);
	const pick = (t) => t.rows.map((x) => [x.name, x.start, x.activated]).sort();
	assert.deepEqual(pick(op), [...want].sort());
	assert.deepEqual(occsvcRows(occ, cw).map((x) => [x.name, x.activated]).sort(),
		[['Internet (LAN only) 100 Mbps', '-'], ['Voice line', TODAY]]);
	const u = await activeUser(staff, `/occupiers/${occ}/sites/${cw}/users`, 'occupier_user');
	const mine = parseServicesTab((await u.client.get(`/my/sites/${cw}/services`)).body);
	assert.deepEqual(pick(mine), [...want].sort());
});
