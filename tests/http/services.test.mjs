// Occupier services: the Services tab with its two filters against
// the demo data's known answers on the pinned day (TENANTRY_TODAY=2026-02-16),
// the Provisioned infrastructure row, the Add/Manage services dialog (every
// rule message, input checks, contracts, save/reload, audit and History,
// edit, remove, stale versions, all-or-nothing saves, the partial form), and
// who may see what. Demo occupiers are only read; everything that saves
// works on occupiers and contracts created here through the UI.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, Client, OCC_ADMIN, OCC_USER, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue, occupierId,
	q, signedIn, siteId, redirectNames,
} from './lib.mjs';
import {
	allMessages, auditEvents, auditText, countOccsvc, historyLines, day, expectInfra, flashOf, inUse, long, managePath, newContract,
	newOccupier, occsvcRows, occupierWith, openManage, parseHistory, parseManage, parseServicesTab,
	post, rowsOf, serviceIds, servicesPath, submit,
} from './services-lib.mjs';

let admin, staff, occAdmin, occUser;
let cw, sd, harbour, S, EW_S, adminId, staffId;
let acme, blue, cobalt, delta, fjord, zephyr;

const ALL_CW = ['Internet (LAN only) 100 Mbps', 'Internet (LAN + Wi-Fi) 100 Mbps', 'Public IP (/29)',
	'Bandwidth 100 Mbps', 'Bandwidth 500 Mbps', 'Bandwidth 1 Gbps', 'Voice line', 'Call recording',
	'Voicemail to email', 'UK Unlimited', 'Pay as you go', 'Standard support', 'Premium support',
	'Wi-Fi devices pack (10)', 'Wi-Fi Secure accounts (5)', 'IVR', 'Conference bridge'];
const NOT_AT_SD = ['Bandwidth 1 Gbps', 'Conference bridge'];
const BLOCKED = 'Saving is disabled until the problems shown are fixed.';
const MSG_CONTRACT = 'Select the contract to charge this service against.';
const MSG_PRICE = 'Price must be an amount such as 12.50 (0.00 or more).';
const MSG_QTY = 'QTY must be a whole number from 1 to 9999.';

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	occAdmin = await signedIn(OCC_ADMIN);
	occUser = await signedIn(OCC_USER);
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	S = serviceIds();
	EW_S = serviceIds('Eastwind Offices');
	acme = occupierId('Acme Analytics Ltd');
	blue = occupierId('Blue Finch Design');
	cobalt = occupierId('Cobalt Legal LLP');
	delta = occupierId('Delta Robotics');
	fjord = occupierId('Fjord Media');
	zephyr = occupierId('Zephyr Secret Holdings');
	adminId = dbValue(`SELECT id FROM app_user WHERE email = ${q(ADMIN)}`);
	staffId = dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`);
});

/* The Services tab of occ at site with a query; asserts a 200 page. */
async function tab(occ, site, query = '', c = admin) {
	const r = await c.get(servicesPath(occ, site, query));
	assertHtml(r, 200, `services ${occ}/${site}?${query}`);
	return parseServicesTab(r.body);
}

const names = (t) => t.rows.map((r) => r.name).sort();

/* ---- the Services tab: filters against the demo data --------------------- */

test('Fjord Media at Canary Wharf: every contract × service filter combination', async () => {
	assert.equal(TODAY, '2026-02-16', 'tests/run.sh pins TENANTRY_TODAY');
	const A = ['Internet (LAN + Wi-Fi) 100 Mbps', 'Voice line', 'Voicemail to email'];
	const I = ['Internet (LAN only) 100 Mbps'];
	const want = {
		all: { all: [...A, ...I], active: A, inactive: I, scheduled: [] },
		active: { all: A, active: A, inactive: [], scheduled: [] },
		active_scheduled: { all: A, active: A, inactive: [], scheduled: [] },
		inactive: { all: I, active: [], inactive: I, scheduled: [] },
		scheduled: { all: [], active: [], inactive: [], scheduled: [] },
	};
	for (const [cf, bySf] of Object.entries(want)) {
		for (const [sf, expect] of Object.entries(bySf)) {
			const what = `contract=${cf}&service=${sf}`;
			const t = await tab(fjord, cw, what);
			assert.deepEqual(names(t), [...expect].sort(), what);
			assert.equal(t.contractOptions.find((o) => o.selected).value, cf, `${what}: contract filter shows it`);
			assert.equal(t.serviceOptions.find((o) => o.selected).value, sf, `${what}: service filter shows it`);
			assert.equal(t.contractOptions.filter((o) => o.selected).length, 1);
			assert.equal(t.serviceOptions.filter((o) => o.selected).length, 1);
			if (expect.length === 0) {
				assert.ok(t.empty, `${what}: the empty state`);
				assert.match(t.emptyText, /^It is empty here\./, what);
				assert.match(t.emptyText, /No service matches these filters\. Show all services/, what);
				assert.deepEqual(t.heads, [], `${what}: no table`);
			} else
				assert.equal(t.empty, false, what);
		}
	}
	// The counts the issue names, once more in plain words.
	assert.equal((await tab(fjord, cw)).rows.length, 4);
	assert.equal((await tab(fjord, cw, 'contract=active')).rows.length, 3);
	assert.equal((await tab(fjord, cw, 'contract=inactive')).rows.length, 1);
	assert.equal((await tab(fjord, cw, 'service=inactive')).rows.length, 1);
	assert.equal((await tab(fjord, cw, 'contract=scheduled')).rows.length, 0);
	assert.equal((await tab(fjord, cw, 'contract=active_scheduled')).rows.length, 3);
	const e = await tab(fjord, cw, 'contract=active&service=inactive');
	assert.match(e.emptyText, /It is empty here/);
});

test("Fjord Media's rows: contract, statuses, start dates, prices; Shoreditch is separate", async () => {
	const t = await tab(fjord, cw);
	const by = Object.fromEntries(t.rows.map((r) => [r.name, r]));
	assert.deepEqual(by['Internet (LAN only) 100 Mbps'], {
		name: 'Internet (LAN only) 100 Mbps',
		description: "Wired internet at 100 Mbps on one switch port for the occupier's LAN.",
		contract: 'NW-CW-006-1', contractStatus: 'Inactive', start: long(day(-900)), activated: long(day(-900)),
		cost: '45.00', zeroRef: false, rrp: '90.00', price: '85.00', qty: '1', total: '85.00',
		statusClass: 'inactive', status: 'Inactive', statusNote: `Removed ${long(day(-366))}`,
	});
	for (const [n, price, qty, total] of [['Internet (LAN + Wi-Fi) 100 Mbps', '105.00', '1', '105.00'],
		['Voice line', '15.00', '2', '30.00'], ['Voicemail to email', '2.00', '2', '4.00']]) {
		const r = by[n];
		assert.deepEqual([r.contract, r.contractStatus, r.start, r.price, r.qty, r.total, r.status, r.statusNote],
			['NW-CW-006-2', 'Active', long(day(-365)), price, qty, total, 'Active', null], n);
	}
	// Ended rows come last.
	assert.equal(t.rows[t.rows.length - 1].name, 'Internet (LAN only) 100 Mbps');
	// Ended services are not allocated: the total counts the three running ones.
	assert.equal(t.monthTotal, '139.00');
	assert.deepEqual(Object.entries(t.infra), expectInfra(fjord, cw, [1, 2, 0, 10, 0]));
	const s = await tab(fjord, sd);
	assert.deepEqual(s.rows.map((r) => [r.name, r.contract, r.status]),
		[['Internet (LAN only) 100 Mbps', 'NW-SD-006-3', 'Active']]);
});

test('Delta Robotics (contract Active and Scheduled): shown by Active, Scheduled and both', async () => {
	const all = ['Internet (LAN + Wi-Fi) 100 Mbps', 'Premium support', 'Wi-Fi devices pack (10)'];
	for (const [query, expect] of [['', all], ['contract=scheduled', all], ['contract=active', all],
		['contract=active_scheduled', all], ['contract=inactive', []], ['service=active', all],
		['service=scheduled', []], ['service=inactive', []], ['contract=scheduled&service=active', all]]) {
		const t = await tab(delta, cw, query);
		assert.deepEqual(names(t), expect, query);
	}
	const t = await tab(delta, cw);
	assert.ok(t.rows.every((r) => r.contract === 'NW-CW-004-1' && r.contractStatus === 'Active, Scheduled'),
		JSON.stringify(t.rows));
	assert.deepEqual(Object.entries(t.infra), expectInfra(delta, cw, [1, 0, 0, 30, 0]));
});

test('Cobalt Legal (ended contract at Shoreditch): its support goes on, its internet was removed', async () => {
	const ai = await tab(cobalt, sd, 'contract=inactive&service=active');
	assert.deepEqual(ai.rows.map((r) => [r.name, r.contract, r.contractStatus, r.status]),
		[['Standard support', 'NW-SD-003-1', 'Inactive', 'Active']]);
	const si = await tab(cobalt, sd, 'service=inactive');
	assert.deepEqual(si.rows.map((r) => [r.name, r.status, r.statusNote]),
		[['Internet (LAN only) 100 Mbps', 'Inactive', `Removed ${long(day(-30))}`]]);
	assert.deepEqual(names(await tab(cobalt, sd)), ['Internet (LAN only) 100 Mbps', 'Standard support']);
	assert.deepEqual(names(await tab(cobalt, sd, 'contract=active')), []);
	assert.deepEqual(names(await tab(cobalt, sd, 'contract=active_scheduled')), []);
	assert.deepEqual(names(await tab(cobalt, sd, 'contract=inactive')),
		['Internet (LAN only) 100 Mbps', 'Standard support']);
	// Cobalt has nothing at Canary Wharf.
	const none = await tab(cobalt, cw);
	assert.ok(none.empty);
	assert.equal(none.emptyText, 'It is empty here.');
	assert.equal(none.button.label, 'Add services');
});

test('Blue Finch (contract starts in 14 days): everything Scheduled from the contract start', async () => {
	const all = ['Internet (LAN only) 100 Mbps', 'Standard support', 'Voice line'];
	for (const [query, expect] of [['service=scheduled', all], ['contract=active', []], ['contract=scheduled', all],
		['contract=active_scheduled', all], ['service=active', []], ['service=inactive', []],
		['contract=inactive', []], ['', all]]) {
		const t = await tab(blue, cw, query);
		assert.deepEqual(names(t), expect, query);
	}
	const t = await tab(blue, cw);
	for (const r of t.rows) {
		assert.equal(r.start, long(day(14)), r.name);
		assert.equal(r.contractStatus, 'Scheduled', r.name);
		assert.equal(r.status, 'Scheduled', r.name);
		assert.equal(r.statusClass, 'scheduled', r.name);
		// A future start is not "waiting for activation".
		assert.equal(r.statusNote, null, r.name);
	}
	// Scheduled services are allocated too ("are or will be allocated").
	assert.deepEqual(Object.entries(t.infra), expectInfra(blue, cw, [1, 2, 0, 0, 0]));
	assert.equal(t.button.label, 'Manage services');
});

test('the drop-downs: labels word for word, the URL value selected, unknown values → the default', async () => {
	const t = await tab(acme, cw);
	assert.deepEqual(t.contractOptions, [
		{ value: 'all', label: 'All contracts', selected: true },
		{ value: 'active', label: 'Active', selected: false },
		{ value: 'active_scheduled', label: 'Active and Scheduled', selected: false },
		{ value: 'inactive', label: 'Inactive', selected: false },
		{ value: 'scheduled', label: 'Scheduled', selected: false },
	]);
	assert.deepEqual(t.serviceOptions, [
		{ value: 'all', label: 'All services', selected: true },
		{ value: 'active', label: 'Active', selected: false },
		{ value: 'inactive', label: 'Inactive', selected: false },
		{ value: 'scheduled', label: 'Scheduled', selected: false },
	]);
	for (const cf of ['all', 'active', 'active_scheduled', 'inactive', 'scheduled'])
		for (const sf of ['all', 'active', 'inactive', 'scheduled']) {
			const x = await tab(acme, cw, `service=${sf}&contract=${cf}`);
			assert.deepEqual(x.contractOptions.filter((o) => o.selected).map((o) => o.value), [cf]);
			assert.deepEqual(x.serviceOptions.filter((o) => o.selected).map((o) => o.value), [sf]);
		}
	for (const bad of ['contract=Active', 'contract=bogus&service=ACTIVE', 'service=active_scheduled',
		'contract=&service=', 'contract=active%20', 'contract=all&contract=inactive']) {
		const x = await tab(acme, cw, bad);
		if (bad === 'contract=all&contract=inactive') {
			// A repeated key: whichever wins, the page says which one it used.
			const v = x.contractOptions.find((o) => o.selected).value;
			assert.ok(['all', 'inactive'].includes(v), bad);
			assert.equal(x.rows.length, v === 'all' ? 7 : 0, `${bad}: the rows follow the filter shown`);
			continue;
		}
		const cf = x.contractOptions.find((o) => o.selected).value;
		const sf = x.serviceOptions.find((o) => o.selected).value;
		assert.equal(cf, 'all', bad);
		assert.equal(sf, 'all', bad);
		assert.equal(x.rows.length, 7, `${bad}: all of Acme's services`);
	}
	// The filters are a GET form that works without JavaScript.
	const r = await admin.get(servicesPath(acme, cw));
	assert.match(r.body, new RegExp(`<form class="filters" method="get" action="/occupiers/${acme}/sites/${cw}/services">`));
	assert.match(r.body, /<select id="f-contract" name="contract"/);
	assert.match(r.body, /<select id="f-service" name="service"/);
	assert.match(r.body, /<label for="f-contract" class="sr">Contract filter<\/label>/);
	assert.match(r.body, /<label for="f-service" class="sr">Service filter<\/label>/);
	assert.match(r.body, /<button type="submit"[^>]*>Apply<\/button>/);
});

test("Acme's Services tab: columns, values, Provisioned infrastructure, Manage services", async () => {
	const t = await tab(acme, cw);
	assert.deepEqual(t.heads, ['Service', 'Contract', 'Start date', 'Activated', 'Cost', 'RRP', 'Price', 'QTY', 'Total', 'Status']);
	assert.deepEqual(t.rows.map((r) => [r.name, r.cost, r.rrp, r.price, r.qty, r.total, r.status]), [
		['Internet (LAN only) 100 Mbps', '45.00', '90.00', '90.00', '1', '90.00', 'Active'],
		['Public IP (/29)', '10.00', '25.00', '25.00', '1', '25.00', 'Active'],
		['Bandwidth 500 Mbps', '0.00', '150.00', '150.00', '1', '150.00', 'Active'],
		['Voice line', '8.00', '15.00', '14.00', '3', '42.00', 'Active'],
		['Call recording', '2.00', '5.00', '5.00', '2', '10.00', 'Active'],
		['UK Unlimited', '0.00', '20.00', '20.00', '1', '20.00', 'Active'],
		['Standard support', '0.00', '0.00', '0.00', '1', '0.00', 'Active'],
	]);
	assert.ok(t.rows.every((r) => r.contract === 'NW-CW-001-1' && r.start === long(day(-400))));
	assert.equal(t.rows[1].description, 'A /29 block: 5 usable public IPv4 addresses, on two dedicated switch ports.');
	// Y is the services'; X is what the demo data has in use
	// (2 connected floor ports; other features' demo data may activate
	// Acme's numbers and addresses too).
	assert.deepEqual(Object.entries(t.infra), expectInfra(acme, cw, [3, 3, 5, 0, 0]));
	assert.equal(t.infra['Switch ports'], '2/3');
	assert.deepEqual(t.infra.over, []);
	assert.equal(t.monthTotal, '337.00');
	assert.deepEqual(t.button, { label: 'Manage services', href: managePath(acme, cw) });
	const r = await admin.get(servicesPath(acme, cw));
	assert.match(r.body, /<div class="infra" role="group" aria-label="Provisioned infrastructure">\s*<h3>Provisioned infrastructure<\/h3>/);
	assert.match(r.body, /<h2>Services at Canary Wharf<\/h2>/);
	assert.match(r.body, new RegExp(`<a href="/occupiers/${acme}/sites/${cw}/services" aria-current="page">Services</a>`));
});

test('"Add services" for an occupier without services, "Manage services" otherwise', async () => {
	for (const name of ['Indigo Games Studio', 'Juniper Architects']) {
		const t = await tab(occupierId(name), sd);
		assert.equal(t.button.label, 'Add services', name);
		assert.ok(t.empty, name);
		assert.equal(t.emptyText, 'It is empty here.', `${name}: no filter hint without filters`);
		assert.equal(t.note, false, `${name}: no 0.00 note`);
		assert.deepEqual(Object.values(t.infra), ['0/0', '0/0', '0/0', '0/0', '0/0'], name);
		assert.equal(t.monthTotal, '0.00');
	}
	for (const name of ['Kestrel Logistics', 'Greenleaf Health'])
		assert.equal((await tab(occupierId(name), cw)).button.label, 'Add services', name);
	for (const [occ, site] of [[acme, cw], [fjord, cw], [fjord, sd], [delta, cw], [cobalt, sd]])
		assert.equal((await tab(occ, site)).button.label, 'Manage services', `${occ}/${site}`);
	// Filters that hide everything do not turn "Manage" into "Add".
	assert.equal((await tab(acme, cw, 'service=inactive')).button.label, 'Manage services');
	// The dialog's title follows the same rule.
	assert.equal((await openManage(admin, occupierId('Indigo Games Studio'), sd)).m.title, 'Add services');
	assert.equal((await openManage(admin, acme, cw)).m.title, 'Manage services');
});

test('the 0.00-cost note appears only where a shown row costs 0.00', async () => {
	const note = 'Cost 0.00: this service may be free of charge, or, for voice and bandwidth services, ' +
		'charged on contracted allocations, allowances and usage rather than this value';
	const a = await tab(acme, cw);
	assert.ok(a.note);
	assert.ok(a.noteText.includes(note), a.noteText);
	assert.deepEqual(a.rows.filter((r) => r.zeroRef).map((r) => r.name),
		['Bandwidth 500 Mbps', 'UK Unlimited', 'Standard support']);
	assert.ok(a.rows.every((r) => r.zeroRef === (r.cost === '0.00')));
	for (const [occ, site, query, shown] of [
		[fjord, cw, '', true],			// Voicemail to email costs 0.00
		[fjord, cw, 'contract=inactive', false],	// only the ended internet
		[fjord, cw, 'service=inactive', false],
		[fjord, sd, '', false],
		[delta, cw, '', false],			// nothing free
		[cobalt, sd, 'service=inactive', false],
		[cobalt, sd, 'contract=inactive&service=active', true],	// Standard support
		[blue, cw, '', true],
		[blue, cw, 'contract=active', false],	// empty
		[acme, cw, 'service=scheduled', false],
	]) {
		const t = await tab(occ, site, query);
		assert.equal(t.note, shown, `${occ}/${site}?${query}`);
		assert.equal(t.rows.some((r) => r.zeroRef), shown, `${occ}/${site}?${query}: the * marks`);
	}
});

/* ---- the dialog: Available services -------------------------------------- */

test('Available services are those of the site, each with its description as tooltip', async () => {
	const at = {};
	for (const site of [cw, sd]) {
		const { m } = await openManage(admin, acme, site);
		at[site] = m.avail;
		for (const a of m.avail) {
			const desc = dbValue(`SELECT description FROM service WHERE id = ${a.id}`);
			assert.equal(a.description, desc, `${a.name}: title`);
			assert.equal(a.tip, desc, `${a.name}: role=tooltip text`);
			assert.equal(a.hidden, false);
			assert.equal(S[a.name], a.id, `${a.name}: Northwind's own service`);
		}
		assert.match(m.html, /<span class="svc-name" tabindex="0" title="[^"]+" aria-describedby="tip-\d+">/,
			'the name takes keyboard focus and is described by its tooltip');
	}
	assert.deepEqual(at[cw].map((a) => a.name), ALL_CW);
	assert.deepEqual(at[sd].map((a) => a.name), ALL_CW.filter((n) => !NOT_AT_SD.includes(n)));
	// Each entry has an arrow button that adds it.
	const { m } = await openManage(admin, acme, sd);
	assert.match(m.html, new RegExp(`<button type="submit" name="add" value="${S['Public IP (/29)']}" class="add" aria-label="Add Public IP \\(/29\\)"`));
	assert.match(m.html, /<h3 id="avail-title">Available services<\/h3>/);
	assert.match(m.html, /<label for="svc-search">Search services<\/label>/);
});

test('a service the site does not offer cannot be added, even by a forged form', async () => {
	const o = await occupierWith(admin, sd, [{}]);
	const { m } = await openManage(admin, o.occ, sd);
	for (const n of NOT_AT_SD) {
		const x = await submit(admin, o.occ, sd, m.version, [], { add: S[n] });
		assert.equal(x.r.status, 200, n);
		assert.deepEqual(x.m.topMsgs, ['That service is not available at this site.'], n);
		assert.deepEqual(x.m.rows, [], `${n}: no row added`);
	}
	const before_ = countOccsvc();
	const f = await submit(admin, o.occ, sd, m.version,
		[{ service: S['Conference bridge'], contract: o.contract.id, price: '25.00', qty: 1 }], { op: 'save' });
	assertHtml(f.r, 422, 'forged Conference bridge at Shoreditch');
	assert.deepEqual(f.m.rows[0].msgs, ['Conference bridge is not available at this site.']);
	assert.equal(countOccsvc(), before_, 'nothing saved');
	// Another operator's service id is not in the catalog at all.
	const ew = EW_S['Voice line'];
	assert.ok(ew && ew !== S['Voice line']);
	const a = await submit(admin, o.occ, sd, m.version, [], { add: ew });
	assert.deepEqual(a.m.topMsgs, ['That service is not available at this site.']);
	const g = await submit(admin, o.occ, sd, m.version,
		[{ service: ew, contract: o.contract.id, price: '15.00', qty: 1 }], { op: 'save' });
	assertHtml(g.r, 422, "another operator's service id");
	assert.deepEqual(g.m.rows[0].msgs, ['This service is not in the catalog.']);
	assert.ok(!g.r.body.includes('Eastwind'), 'nothing of Eastwind is named');
	assert.equal(countOccsvc(), before_, 'nothing saved');
});

test('the search box filters Available services without JavaScript (name or category)', async () => {
	const visible = (m) => m.avail.filter((a) => !a.hidden).map((a) => a.name);
	const cases = [
		['public', ['Public IP (/29)']],
		['PUBLIC', ['Public IP (/29)']],
		['wi-fi', ['Internet (LAN + Wi-Fi) 100 Mbps', 'Wi-Fi devices pack (10)', 'Wi-Fi Secure accounts (5)']],
		['voice', ['Voice line', 'Voicemail to email']],
		['tariff', ['UK Unlimited', 'Pay as you go']],
		['Bandwidth', ['Bandwidth 100 Mbps', 'Bandwidth 500 Mbps', 'Bandwidth 1 Gbps']],
		['', ALL_CW],
	];
	for (const [term, want] of cases) {
		const { m } = await openManage(admin, acme, cw, `q=${encodeURIComponent(term)}`);
		assert.deepEqual(visible(m), want, `q=${term}`);
		assert.equal(m.q, term, 'the box keeps the text');
		assert.equal(m.avail.length, ALL_CW.length, 'hidden, not dropped');
		assert.ok(!/No available service matches/.test(m.html));
	}
	const { m } = await openManage(admin, acme, cw, 'q=zzz-nothing');
	assert.deepEqual(visible(m), []);
	assert.match(m.html, /<p class="muted">No available service matches\.<\/p>/);
	// The search button (no JS) posts the plan back with q, keeping the rows.
	const o = await occupierWith(admin, sd, [{}]);
	const base = await openManage(admin, o.occ, sd);
	const x = await submit(admin, o.occ, sd, base.m.version,
		[{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: 1 }], { q: 'support', op: 'search' });
	assert.equal(x.r.status, 200);
	assert.deepEqual(visible(x.m), ['Standard support', 'Premium support']);
	assert.deepEqual(x.m.rows.map((r) => r.name), ['Standard support']);
});

/* ---- the dialog: the seed's example and the rules --------------------------- */

test("the seed's example: Public IP (/29) + Internet (LAN only) 100 Mbps → Switch ports 0/3", async () => {
	const o = await occupierWith(admin, sd, [{ start: day(-20) }]);
	const { m } = await openManage(admin, o.occ, sd);
	assert.equal(m.title, 'Add services');
	assert.equal(m.saveLabel, 'Add services');
	assert.equal(m.saveDisabled, false, 'an empty plan has nothing wrong');
	assert.ok(m.noRows);
	assert.deepEqual(Object.values(m.infra), ['0/0', '0/0', '0/0', '0/0', '0/0']);
	const one = await submit(admin, o.occ, sd, m.version, [], { add: S['Public IP (/29)'] });
	assert.equal(one.r.status, 200);
	assert.deepEqual(one.m.rows.map((r) => [r.name, r.contract, r.start, r.cost, r.rrp, r.price, r.qty, r.total]),
		[['Public IP (/29)', String(o.contract.id), long(day(-20)), '10.00', '25.00', '25.00', '1', '25.00']],
		'contract selected (the only one), start date from it, price = RRP, QTY 1');
	assert.deepEqual(one.m.rows[0].contractOptions, [{ value: String(o.contract.id), label: o.contract.reference, selected: true }],
		'no "Select a contract" choice when there is only one');
	assert.deepEqual(allMessages(one.m), ['row 0: Public IP (/29) requires an Internet service']);
	assert.equal(one.m.saveDisabled, true);
	assert.equal(one.m.infra['Switch ports'], '0/2');
	const two = await submit(admin, o.occ, sd, one.m.version, rowsOf(one.m), { add: S['Internet (LAN only) 100 Mbps'] });
	assert.equal(two.r.status, 200);
	assert.deepEqual(two.m.rows.map((r) => r.name), ['Public IP (/29)', 'Internet (LAN only) 100 Mbps']);
	assert.deepEqual(allMessages(two.m), []);
	assert.equal(two.m.saveDisabled, false);
	assert.equal(two.m.blockedWhy, null);
	assert.deepEqual(Object.entries(two.m.infra), [
		['Switch ports', '0/3'], ['Telephony extensions', '0/0'], ['Public IP addresses', '0/5'],
		['Wi-Fi devices', '0/0'], ['Wi-Fi accounts', '0/0'],
	]);
	assert.equal(two.m.monthTotal, '115.00');
	assert.match(two.m.html, /<span class="infra-label">Switch ports<\/span> <span class="frac">0\/3<\/span>/);
	// Nothing is written until Save.
	assert.deepEqual(occsvcRows(o.occ, sd), []);
});

test('every rule violation, word for word, next to its row; Save disabled while any exists', async () => {
	const o = await occupierWith(admin, cw, [{}]);
	const { m } = await openManage(admin, o.occ, cw);
	const L = 'Internet (LAN only) 100 Mbps';
	const cases = [
		[[['Public IP (/29)', 1]], ['row 0: Public IP (/29) requires an Internet service']],
		[[[L, 1], ['Bandwidth 100 Mbps', 1], ['Bandwidth 500 Mbps', 1]],
			['row 1: Bandwidth 100 Mbps and Bandwidth 500 Mbps cannot be taken together']],
		// The pair is named in plan order, at the earlier row.
		[[[L, 1], ['Bandwidth 500 Mbps', 1], ['Bandwidth 100 Mbps', 1]],
			['row 1: Bandwidth 500 Mbps and Bandwidth 100 Mbps cannot be taken together']],
		[[[L, 1], ['Bandwidth 100 Mbps', 1], ['Bandwidth 1 Gbps', 1]],
			['row 1: Bandwidth 100 Mbps and Bandwidth 1 Gbps cannot be taken together']],
		[[[L, 1], ['Bandwidth 1 Gbps', 1], ['Bandwidth 500 Mbps', 1]],
			['row 1: Bandwidth 1 Gbps and Bandwidth 500 Mbps cannot be taken together']],
		[[['Bandwidth 100 Mbps', 1]], ['row 0: Bandwidth 100 Mbps requires an Internet service']],
		// A quantity limit shows at the row that takes the total over it.
		[[[L, 1], ['Public IP (/29)', 1], ['Public IP (/29)', 1]],
			['row 2: At most 1 Public IP (/29) per occupier per site']],
		[[[L, 1], ['Public IP (/29)', 2]], ['row 1: At most 1 Public IP (/29) per occupier per site']],
		[[['Voice line', 2], ['Call recording', 3]],
			['row 1: Call recording quantity (3) cannot exceed Voice line quantity (2)']],
		[[['Call recording', 1]], ['row 0: Call recording requires Voice line']],
		[[['Voicemail to email', 1]], ['row 0: Voicemail to email requires Voice line']],
		[[['Voice line', 1], ['UK Unlimited', 1], ['Pay as you go', 1]],
			['row 1: UK Unlimited and Pay as you go cannot be taken together']],
		[[['Voice line', 1], ['UK Unlimited', 2]], ['row 1: At most 1 UK Unlimited per occupier per site']],
		[[['UK Unlimited', 1]], ['row 0: UK Unlimited requires Voice line']],
		[[['IVR', 1]], ['row 0: IVR requires Voice line']],
		[[['Standard support', 1], ['Premium support', 1]],
			['row 0: Standard support and Premium support cannot be taken together']],
		[[['Premium support', 1], ['Premium support', 1]], ['row 1: At most 1 Premium support per occupier per site']],
		// Several at once: each on its row, in catalog order within a row.
		[[['Public IP (/29)', 2], ['Voicemail to email', 1], ['IVR', 1]], [
			'row 0: Public IP (/29) requires an Internet service',
			'row 0: At most 1 Public IP (/29) per occupier per site',
			'row 1: Voicemail to email requires Voice line',
			'row 2: IVR requires Voice line']],
		// A valid plan with every rule satisfied.
		[[[L, 1], ['Bandwidth 500 Mbps', 1], ['Public IP (/29)', 1], ['Voice line', 2], ['Call recording', 2],
			['Voicemail to email', 1], ['UK Unlimited', 1], ['IVR', 1], ['Standard support', 1]], []],
		// Internet upgrade: old and new held together is fine.
		[[[L, 1], ['Internet (LAN + Wi-Fi) 100 Mbps', 1], ['Public IP (/29)', 1]], []],
	];
	for (const [plan, want] of cases) {
		const what = plan.map(([n, k]) => `${n}×${k}`).join(', ');
		const rows = plan.map(([n, k]) => ({ service: S[n], contract: o.contract.id, price: '1.00', qty: k }));
		const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'recalc' });
		assert.equal(x.r.status, 200, what);
		assert.deepEqual(allMessages(x.m), want, what);
		assert.equal(x.m.saveDisabled, want.length > 0, `${what}: Save disabled iff a violation exists`);
		assert.equal(x.m.blockedWhy, want.length > 0 ? BLOCKED : null, what);
		for (const r of x.m.rows)
			assert.equal(r.invalid, r.msgs.length > 0, `${what}: row ${r.i} marked`);
	}
	// The button carries the disabled attribute itself (no JavaScript needed).
	const x = await submit(admin, o.occ, cw, m.version,
		[{ service: S.IVR, contract: o.contract.id, price: '35.00', qty: 1 }], { op: 'recalc' });
	assert.match(x.m.html, /<button type="submit" name="op" value="save" class="primary save" disabled aria-describedby="blocked-why">/);
	// And the server refuses such a save all the same.
	const before_ = countOccsvc();
	const s = await submit(admin, o.occ, cw, m.version,
		[{ service: S['Internet (LAN only) 100 Mbps'], contract: o.contract.id, price: '90.00', qty: 1 },
			{ service: S.IVR, contract: o.contract.id, price: '35.00', qty: 1 }], { op: 'save' });
	assertHtml(s.r, 422, 'save with a violation');
	assert.deepEqual(allMessages(s.m), ['row 1: IVR requires Voice line']);
	assert.equal(countOccsvc(), before_, 'nothing written');
	assert.deepEqual(occsvcRows(o.occ, cw), []);
});

test('an infrastructure overrun shows the fraction and blocks Save (Acme, recalculated only)', async () => {
	// Acme has 2 floor ports in use. Dropping its internet and Public IP in
	// the dialog (never saved) leaves Switch ports 2/0.
	const { m } = await openManage(admin, acme, cw);
	const keep = rowsOf(m).filter((r) => r.service !== S['Internet (LAN only) 100 Mbps'] &&
		r.service !== S['Public IP (/29)'] && r.service !== S['Bandwidth 500 Mbps']);
	const x = await submit(admin, acme, cw, m.version, keep, { op: 'recalc' });
	assert.equal(x.r.status, 200);
	assert.equal(x.m.infra['Switch ports'], '2/0');
	// Public IP addresses in use (if the demo data activated any) overrun too.
	const ips = inUse(acme, cw)[2];
	assert.equal(x.m.infra['Public IP addresses'], `${ips}/0`);
	assert.deepEqual(x.m.infra.over, ips > 0 ? ['Switch ports', 'Public IP addresses'] : ['Switch ports']);
	assert.deepEqual(x.m.topMsgs, [
		'Switch ports: 2 in use, 0 allocated — release a floor port first',
		...(ips > 0 ? [`Public IP addresses: ${ips} in use, 0 allocated — release an address first`] : []),
	]);
	assert.equal(x.m.saveDisabled, true);
	// Unchanged, the plan is valid and Acme's data untouched.
	const again = await openManage(admin, acme, cw);
	assert.equal(again.m.saveDisabled, false);
	assert.equal(again.m.rows.length, 7);
	assert.equal(again.m.infra['Switch ports'], '2/3');
	assert.deepEqual(Object.entries(again.m.infra), expectInfra(acme, cw, [3, 3, 5, 0, 0]));
});

test('price and QTY are checked per row; the input comes back as typed', async () => {
	const o = await occupierWith(admin, sd, [{}]);
	const { m } = await openManage(admin, o.occ, sd);
	const c = o.contract.id;
	const rows = [
		{ service: S['Internet (LAN only) 100 Mbps'], contract: c, price: 'abc', qty: '1' },
		{ service: S['Standard support'], contract: c, price: '0.00', qty: '0' },
		{ service: S['Voice line'], contract: c, price: '15.00', qty: '1.5' },
		{ service: S['Wi-Fi devices pack (10)'], contract: c, price: '-1.00', qty: '10000' },
		{ service: S['Wi-Fi Secure accounts (5)'], contract: c, price: '', qty: '' },
		{ service: S['Voicemail to email'], contract: c, price: '1,000.50', qty: '2' },
	];
	const x = await submit(admin, o.occ, sd, m.version, rows, { op: 'recalc' });
	assert.equal(x.r.status, 200);
	assert.deepEqual(x.m.rows.map((r) => [r.price, r.qty]),
		[['abc', '1'], ['0.00', '0'], ['15.00', '1.5'], ['-1.00', '10000'], ['', ''], ['1,000.50', '2']],
		'input kept as typed');
	assert.deepEqual(x.m.rows.map((r) => r.msgs), [
		[MSG_PRICE], [MSG_QTY], [MSG_QTY], [MSG_PRICE, MSG_QTY], [MSG_PRICE, MSG_QTY], [],
	]);
	assert.deepEqual(x.m.rows.map((r) => r.total), ['—', '—', '—', '—', '—', '2,001.00']);
	assert.equal(x.m.monthTotal, '—', 'no total while a row cannot be priced');
	assert.match(x.m.html, /Not computed: 5 rows above have an invalid price or QTY\./);
	assert.equal(x.m.saveDisabled, true);
	const before_ = countOccsvc();
	for (const bad of [{ price: 'abc', qty: '1' }, { price: '90.00', qty: '0' }, { price: '90.00', qty: '1.5' },
		{ price: '12.345', qty: '1' }, { price: '90.00', qty: '-1' }, { price: '90.00', qty: '1e2' }]) {
		const s = await submit(admin, o.occ, sd, m.version,
			[{ service: S['Internet (LAN only) 100 Mbps'], contract: c, ...bad }], { op: 'save' });
		assertHtml(s.r, 422, JSON.stringify(bad));
		assert.deepEqual([s.m.rows[0].price, s.m.rows[0].qty], [bad.price, bad.qty], 'kept');
		assert.equal(s.m.rows[0].msgs.length, 1, JSON.stringify(bad));
		assert.ok([MSG_PRICE, MSG_QTY].includes(s.m.rows[0].msgs[0]), JSON.stringify(bad));
	}
	assert.equal(countOccsvc(), before_, 'nothing saved');
});

test('contracts: selected when only one; chosen when several; without one, no service', async () => {
	// Two current contracts: nothing is preselected and the row says so.
	const o = await occupierWith(admin, sd, [{ start: day(-60) }, { start: day(30) }]);
	const [c1, c2] = o.contracts;
	const { m } = await openManage(admin, o.occ, sd);
	const x = await submit(admin, o.occ, sd, m.version, [], { add: S['Standard support'] });
	const row = x.m.rows[0];
	assert.equal(row.contract, '');
	assert.equal(row.contractOptions.length, 3, 'a placeholder and both contracts');
	assert.equal(row.contractOptions[0].value, '', 'a "Select a contract…" first');
	assert.equal(row.contractOptions[0].label, 'Select a contract…');
	assert.deepEqual(row.contractOptions.slice(1).map((op) => op.label).sort(), [c1.reference, c2.reference].sort());
	assert.equal(row.start, '—');
	assert.deepEqual(row.msgs, [MSG_CONTRACT]);
	assert.equal(x.m.saveDisabled, true);
	// Choosing one gives its start date.
	const y = await submit(admin, o.occ, sd, m.version, [{ ...rowsOf(x.m)[0], contract: c2.id }], { op: 'recalc' });
	assert.deepEqual(y.m.rows[0].msgs, []);
	assert.equal(y.m.rows[0].start, long(day(30)));
	assert.equal(y.m.saveDisabled, false);
	// A row without a contract is refused on save.
	const before_ = countOccsvc();
	const s = await submit(admin, o.occ, sd, m.version, rowsOf(x.m), { op: 'save' });
	assertHtml(s.r, 422, 'no contract');
	assert.deepEqual(s.m.rows[0].msgs, [MSG_CONTRACT]);
	assert.equal(countOccsvc(), before_);

	// An ended contract is not offered: the current one is the only one.
	const e = await occupierWith(admin, sd, [{ start: day(-400), end: day(-10) }, { start: day(-9) }]);
	const em = await openManage(admin, e.occ, sd);
	const ex = await submit(admin, e.occ, sd, em.m.version, [], { add: S['Standard support'] });
	assert.deepEqual(ex.m.rows[0].contractOptions,
		[{ value: String(e.contracts[1].id), label: e.contracts[1].reference, selected: true }]);

	// No contract at this site: say so, link to creating one, refuse rows.
	const n = await occupierWith(admin, cw, [{}]);
	const nm = await openManage(admin, n.occ, sd);
	const occName = dbValue(`SELECT name FROM occupier WHERE id = ${n.occ}`);
	assert.equal(nm.m.noContract, `${occName} has no current contract at this site. No contract means no service: create a contract first.`);
	assert.match(nm.m.html, new RegExp(`<a href="/occupiers/${n.occ}/sites/${sd}/contracts/new">create a contract</a>`));
	const nx = await submit(admin, n.occ, sd, nm.m.version, [], { add: S['Standard support'] });
	assert.deepEqual(nx.m.rows[0].msgs, [MSG_CONTRACT]);
	assert.equal(nx.m.saveDisabled, true);
	// A contract at another site (its own contract at Canary Wharf) is not accepted either.
	const ns = await submit(admin, n.occ, sd, nm.m.version,
		[{ service: S['Standard support'], contract: n.contract.id, price: '0.00', qty: 1 }], { op: 'save' });
	assertHtml(ns.r, 422, 'contract of another site');
	assert.deepEqual(ns.m.rows[0].msgs, [MSG_CONTRACT]);
	assert.deepEqual(occsvcRows(n.occ, sd), []);
	// Cobalt's only contract at Shoreditch has ended: the same notice.
	assert.match((await openManage(admin, cobalt, sd)).m.noContract, /^Cobalt Legal LLP has no current contract at this site\./);
	// The one contract at Canary Wharf is offered there.
	assert.equal((await openManage(admin, n.occ, cw)).m.noContract, null);
});

/* ---- saving ----------------------------------------------------------------- */

/* Open the dialog, put rows in (service name, price, qty), save; returns the 303. */
async function savePlan(c, occ, site, contract, rows) {
	const { m } = await openManage(c, occ, site);
	const all = [...rowsOf(m), ...rows.map(([n, price, qty]) => ({ service: S[n], contract, price, qty }))];
	const x = await submit(c, occ, site, m.version, all, { op: 'save' });
	assertRedirect(x.r, new RegExp(`^/occupiers/${occ}/sites/${site}/services\\?done=(services_saved|saved_case&case=\\d+)$`),
		`save ${rows.map((r) => r[0]).join(', ')}: ${x.m ? JSON.stringify(allMessages(x.m)) : ''}`);
	return x.r;
}

test('save: 303 to the tab with a flash; rows as entered; start = contract start; audit and History', async () => {
	const o = await occupierWith(admin, cw, [{ start: day(-30) }]);
	const ref = o.contract.reference;
	const { m } = await openManage(admin, o.occ, cw);
	assert.equal(m.version, '1');
	const rows = [
		{ service: S['Internet (LAN only) 100 Mbps'], contract: o.contract.id, price: '80.00', qty: '1' },
		{ service: S['Public IP (/29)'], contract: o.contract.id, price: '20.50', qty: '1' },
		{ service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '9.99', qty: '3' },
		{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: '1' },
	];
	const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${cw}/services?done=services_saved`, 'save');
	const page = await admin.get(x.r.location);
	assertHtml(page, 200, 'after save');
	assert.equal(flashOf(page.body), 'Services saved.');
	const t = parseServicesTab(page.body);
	assert.deepEqual(t.rows.map((r) => [r.name, r.contract, r.start, r.price, r.qty, r.total, r.status, r.statusNote]), [
		['Internet (LAN only) 100 Mbps', ref, long(day(-30)), '80.00', '1', '80.00', 'Scheduled', 'Starts when activated'],
		['Public IP (/29)', ref, long(day(-30)), '20.50', '1', '20.50', 'Scheduled', 'Starts when activated'],
		['Wi-Fi Secure accounts (5)', ref, long(day(-30)), '9.99', '3', '29.97', 'Active', null],
		['Standard support', ref, long(day(-30)), '0.00', '1', '0.00', 'Active', null],
	]);
	assert.equal(t.monthTotal, '130.47');
	assert.deepEqual(Object.entries(t.infra), [['Switch ports', '0/3'], ['Telephony extensions', '0/0'],
		['Public IP addresses', '0/5'], ['Wi-Fi devices', '0/0'], ['Wi-Fi accounts', '0/15']]);
	assert.deepEqual(inUse(o.occ, cw), [0, 0, 0, 0, 0], 'nothing is in use before devices are activated');
	assert.equal(t.button.label, 'Manage services');
	// The database holds exactly that, in minor units.
	const dbRows = occsvcRows(o.occ, cw);
	assert.deepEqual(dbRows.map((r) => [r.name, r.contract, r.price, r.qty, r.start, r.activated, r.ended, r.createdBy]), [
		['Internet (LAN only) 100 Mbps', o.contract.id, 8000, 1, day(-30), '-', '-', adminId],
		['Public IP (/29)', o.contract.id, 2050, 1, day(-30), '-', '-', adminId],
		['Wi-Fi Secure accounts (5)', o.contract.id, 999, 3, day(-30), TODAY, '-', adminId],
		['Standard support', o.contract.id, 0, 1, day(-30), TODAY, '-', adminId],
	]);
	// One audit event per added row.
	assert.deepEqual(auditEvents(o.occ, cw), [
		{ action: 'add', entity: dbRows[0].id, old: '-', new: auditText('Internet (LAN only) 100 Mbps', ref, '80.00', 1), user: adminId },
		{ action: 'add', entity: dbRows[1].id, old: '-', new: auditText('Public IP (/29)', ref, '20.50', 1), user: adminId },
		{ action: 'add', entity: dbRows[2].id, old: '-', new: auditText('Wi-Fi Secure accounts (5)', ref, '9.99', 3), user: adminId },
		{ action: 'add', entity: dbRows[3].id, old: '-', new: auditText('Standard support', ref, '0.00', 1), user: adminId },
	]);
	// History: who, when, what, old → new.
	const h = await admin.get(`/occupiers/${o.occ}/sites/${cw}/history`);
	assertHtml(h, 200, 'history');
	const hist = parseHistory(h.body).filter((e) => e.what.startsWith('Service'));
	assert.equal(hist.length, 4);
	for (const e of hist) {
		assert.equal(e.who, 'Nadia Admin');
		assert.equal(e.what, 'Service added');
		// Local time, as read ("16 Feb 2026, 14:05"), and as a machine reads it.
		assert.match(e.at, /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
		assert.match(e.iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
		// A creation: every field with its value, nothing before.
		assert.ok(e.changes.every((c) => !c.includes('→')), JSON.stringify(e.changes));
	}
	assert.deepEqual(hist.map((e) => [e.subject, ...e.changes]).sort(), [
		['Internet (LAN only) 100 Mbps', ...historyLines('Internet (LAN only) 100 Mbps', ref, '80.00', 1)],
		['Public IP (/29)', ...historyLines('Public IP (/29)', ref, '20.50', 1)],
		['Wi-Fi Secure accounts (5)', ...historyLines('Wi-Fi Secure accounts (5)', ref, '9.99', 3)],
		['Standard support', ...historyLines('Standard support', ref, '0.00', 1)],
	].sort());
	// The dialog now starts from the saved plan, with a new version.
	const again = await openManage(admin, o.occ, cw);
	assert.equal(again.m.title, 'Manage services');
	assert.equal(again.m.saveLabel, 'Save');
	assert.equal(again.m.version, '2');
	assert.deepEqual(again.m.rows.map((r) => [r.id, r.name, r.contractRef, r.price, r.qty]),
		dbRows.map((r) => [r.id, r.name, ref, (r.price / 100).toFixed(2), String(r.qty)]));
});

test('a service on a future contract is Scheduled and starts with the contract', async () => {
	const o = await occupierWith(admin, cw, [{ start: day(10) }]);
	await savePlan(admin, o.occ, cw, o.contract.id, [['Voice line', '15.00', '2'], ['Internet (LAN only) 100 Mbps', '90.00', '1']]);
	const t = await tab(o.occ, cw);
	assert.deepEqual(t.rows.map((r) => [r.name, r.start, r.status, r.statusNote, r.contractStatus]), [
		['Voice line', long(day(10)), 'Scheduled', null, 'Scheduled'],
		['Internet (LAN only) 100 Mbps', long(day(10)), 'Scheduled', null, 'Scheduled'],
	]);
	assert.deepEqual(names(await tab(o.occ, cw, 'service=scheduled')), ['Internet (LAN only) 100 Mbps', 'Voice line']);
	assert.deepEqual(names(await tab(o.occ, cw, 'service=active')), []);
	assert.ok(occsvcRows(o.occ, cw).every((r) => r.start === day(10)));
});

test('edit price and QTY (as operator staff): audit "update" old → new, on the History tab', async () => {
	const o = await occupierWith(admin, sd, [{}]);
	const ref = o.contract.reference;
	await savePlan(admin, o.occ, sd, o.contract.id,
		[['Voice line', '15.00', '2'], ['Voicemail to email', '2.00', '1'], ['Standard support', '0.00', '1']]);
	const [voice, vm, sup] = occsvcRows(o.occ, sd);
	const { m } = await openManage(staff, o.occ, sd);
	assert.equal(m.version, '2');
	const rows = rowsOf(m).map((r) => (r.id === voice.id ? { ...r, price: '12.50', qty: '4' } :
		r.id === vm.id ? { ...r, price: '1.75' } : r));
	const x = await submit(staff, o.occ, sd, m.version, rows, { op: 'save' });
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, 'edit');
	const after = occsvcRows(o.occ, sd);
	assert.deepEqual(after.map((r) => [r.id, r.price, r.qty, r.updatedBy, r.createdBy]), [
		[voice.id, 1250, 4, staffId, adminId], [vm.id, 175, 1, staffId, adminId], [sup.id, 0, 1, sup.updatedBy, adminId],
	]);
	const ev = auditEvents(o.occ, sd).filter((e) => e.action === 'update');
	assert.deepEqual(ev, [
		{ action: 'update', entity: voice.id, old: auditText('Voice line', ref, '15.00', 2), new: auditText('Voice line', ref, '12.50', 4), user: staffId },
		{ action: 'update', entity: vm.id, old: auditText('Voicemail to email', ref, '2.00', 1), new: auditText('Voicemail to email', ref, '1.75', 1), user: staffId },
	], 'one event per changed row, none for the unchanged one');
	const hist = parseHistory((await admin.get(`/occupiers/${o.occ}/sites/${sd}/history`)).body)
		.filter((e) => e.what === 'Service changed');
	// Only what changed, labelled, old → new; the service named.
	assert.deepEqual(hist.map((e) => [e.who, e.subject, e.changes]).sort(), [
		['Sam Staff', 'Voice line', ['Price: £15.00 → £12.50', 'Quantity: 2 → 4']],
		['Sam Staff', 'Voicemail to email', ['Price: £2.00 → £1.75']],
	].sort());
	const t = await tab(o.occ, sd);
	assert.deepEqual(t.rows.map((r) => [r.name, r.price, r.qty, r.total]), [
		['Voice line', '12.50', '4', '50.00'], ['Voicemail to email', '1.75', '1', '1.75'], ['Standard support', '0.00', '1', '0.00'],
	]);
	// A row's contract cannot be switched by a forged form: existing rows keep theirs.
	const other = await newContract(admin, o.occ, sd, {});
	const m2 = (await openManage(staff, o.occ, sd)).m;
	const y = await submit(staff, o.occ, sd, m2.version, rowsOf(m2).map((r) => ({ ...r, contract: other.id })), { op: 'save' });
	// (ignored: so the save changes nothing, and says so)
	assertRedirect(y.r, `/occupiers/${o.occ}/sites/${sd}/services?done=nothing_saved`, 'forged contract on existing rows');
	assert.ok(occsvcRows(o.occ, sd).every((r) => r.contract === o.contract.id), 'contracts unchanged');
});

test('remove a row: a started service turns Inactive; one that never started disappears', async () => {
	const o = await occupierWith(admin, cw, [{ start: day(-10) }]);
	await savePlan(admin, o.occ, cw, o.contract.id,
		[['Internet (LAN only) 100 Mbps', '90.00', '1'], ['Standard support', '0.00', '1'], ['Wi-Fi Secure accounts (5)', '10.00', '1']]);
	const [lan, sup, wifi] = occsvcRows(o.occ, cw);
	const { m } = await openManage(admin, o.occ, cw);
	// The X button (remove=<row index>) drops the row from the plan, not yet from the database.
	const i = m.rows.findIndex((r) => r.id === sup.id);
	const rm = await submit(admin, o.occ, cw, m.version, rowsOf(m), { remove: i });
	assert.equal(rm.r.status, 200);
	assert.deepEqual(rm.m.rows.map((r) => r.name), ['Internet (LAN only) 100 Mbps', 'Wi-Fi Secure accounts (5)']);
	assert.equal(occsvcRows(o.occ, cw).length, 3, 'nothing written by X');
	assert.deepEqual(rm.m.drops, [sup.id], 'the removed row is kept as a drop until Save');
	const x = await submit(admin, o.occ, cw, rm.m.version, rowsOf(rm.m), { op: 'save', drop: rm.m.drops });
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${cw}/services?done=services_saved`, 'save after remove');
	assert.deepEqual(occsvcRows(o.occ, cw).map((r) => [r.id, r.ended]), [[lan.id, '-'], [sup.id, TODAY], [wifi.id, '-']]);
	const t = await tab(o.occ, cw, 'service=inactive');
	assert.deepEqual(t.rows.map((r) => [r.name, r.status, r.statusNote]),
		[['Standard support', 'Inactive', `Removed ${long(TODAY)}`]]);
	assert.deepEqual(names(await tab(o.occ, cw, 'service=active')), ['Wi-Fi Secure accounts (5)']);
	const ev = auditEvents(o.occ, cw).filter((e) => e.action === 'remove');
	assert.deepEqual(ev, [{ action: 'remove', entity: sup.id, old: auditText('Standard support', o.contract.reference, '0.00', 1), new: '-', user: adminId }]);
	assert.ok(parseHistory((await admin.get(`/occupiers/${o.occ}/sites/${cw}/history`)).body)
		.some((e) => e.what === 'Service removed' && e.subject === 'Standard support' &&
			JSON.stringify(e.changes) === JSON.stringify(historyLines('Standard support', o.contract.reference, '0.00', 1))));
	// The removed row is no longer in the dialog.
	assert.deepEqual((await openManage(admin, o.occ, cw)).m.rows.map((r) => r.id), [lan.id, wifi.id]);

	// Services of a contract that has not started yet never started: removing them leaves nothing.
	const f = await occupierWith(admin, cw, [{ start: day(20) }]);
	await savePlan(admin, f.occ, cw, f.contract.id, [['Internet (LAN only) 100 Mbps', '90.00', '1'], ['Standard support', '0.00', '1']]);
	assert.equal(occsvcRows(f.occ, cw).length, 2);
	const fm = (await openManage(admin, f.occ, cw)).m;
	const fx = await submit(admin, f.occ, cw, fm.version, [], { op: 'save', drop: fm.rows.map((r) => r.id) });
	assertRedirect(fx.r, `/occupiers/${f.occ}/sites/${cw}/services?done=services_saved`, 'remove all');
	assert.deepEqual(occsvcRows(f.occ, cw).map((r) => [r.name, r.ended]), [], 'never started: gone, not Inactive');
	const ft = await tab(f.occ, cw);
	assert.ok(ft.empty);
	assert.equal(ft.button.label, 'Add services');
	assert.deepEqual(auditEvents(f.occ, cw).map((e) => e.action), ['add', 'add', 'remove', 'remove']);
});

test('one save with seven changes: seven audit events in the order of the changes, each whole, all or none', async () => {
	// The events of a save are written four to a statement: 4 + 3 here.
	const o = await occupierWith(admin, cw, [{ start: day(-10) }]);
	const ref = o.contract.reference;
	await savePlan(admin, o.occ, cw, o.contract.id, [['Internet (LAN only) 100 Mbps', '90.00', '1'],
		['Standard support', '0.00', '1'], ['Wi-Fi Secure accounts (5)', '10.00', '1'], ['Wi-Fi devices pack (10)', '8.00', '1']]);
	const [lan, sup, acc, dev] = occsvcRows(o.occ, cw);
	const mark = Number(dbValue('SELECT COALESCE(MAX(id), 0) FROM audit_event'));
	const { m } = await openManage(admin, o.occ, cw);
	const change = { [lan.id]: { price: '95.00' }, [acc.id]: { qty: '2' }, [dev.id]: { price: '7.50', qty: '3' } };
	const kept = rowsOf(m).filter((r) => r.id !== sup.id).map((r) => ({ ...r, ...(change[r.id] || {}) }));
	const added = [['Bandwidth 100 Mbps', '30.00', '1'], ['Premium support', '45.00', '1'],
		['Internet (LAN + Wi-Fi) 100 Mbps', '70.00', '1']];
	const rows = [...kept, ...added.map(([n, price, qty]) => ({ service: S[n], contract: o.contract.id, price, qty }))];
	const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'save', drop: [sup.id] });
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${cw}/services?done=services_saved`, 'seven changes');
	const now = occsvcRows(o.occ, cw);
	const byName = (n) => now.find((r) => r.name === n && r.ended === '-');
	const old = { [lan.id]: ['90.00', 1], [acc.id]: ['10.00', 1], [dev.id]: ['8.00', 1] };
	const nameOf = Object.fromEntries([lan, acc, dev].map((r) => [r.id, r.name]));
	const expected = [{ action: 'remove', entity: sup.id, old: auditText('Standard support', ref, '0.00', 1), new: '-', user: adminId }];
	for (const r of kept)
		expected.push({ action: 'update', entity: r.id, old: auditText(nameOf[r.id], ref, ...old[r.id]),
			new: auditText(nameOf[r.id], ref, r.price, Number(r.qty)), user: adminId });
	for (const [n, price, qty] of added)
		expected.push({ action: 'add', entity: byName(n).id, old: '-', new: auditText(n, ref, price, Number(qty)), user: adminId });
	assert.equal(expected.length, 7);
	assert.deepEqual(auditEvents(o.occ, cw).slice(-7), expected);
	assert.deepEqual(db(`SELECT COUNT(*), COUNT(DISTINCT effective_day), MIN(effective_day), COUNT(DISTINCT operator_id)
		FROM audit_event WHERE id > ${mark} AND entity = 'occupier_service' AND occupier_id = ${o.occ}`)[0],
	['7', '1', TODAY, '1']);

	// A refused save (stale version) adds no event at all.
	const y = await submit(admin, o.occ, cw, m.version, rows, { op: 'save', drop: [sup.id] });
	assert.equal(y.r.status, 409);
	assert.equal(auditEvents(o.occ, cw).length, 4 + 7);
});

test('stale version: A saves, then B saves from the same version → 409 "changed meanwhile", A stays', async () => {
	const o = await occupierWith(admin, sd, [{}]);
	const a = await openManage(admin, o.occ, sd);
	const b = await openManage(staff, o.occ, sd);
	assert.equal(a.m.version, b.m.version);
	const ra = await submit(admin, o.occ, sd, a.m.version,
		[{ service: S['Internet (LAN only) 100 Mbps'], contract: o.contract.id, price: '90.00', qty: 1 }], { op: 'save' });
	assertRedirect(ra.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, 'A saves');
	const before_ = countOccsvc();
	const audits = auditEvents(o.occ, sd).length;
	const rb = await submit(staff, o.occ, sd, b.m.version,
		[{ service: S['Premium support'], contract: o.contract.id, price: '60.00', qty: 1 }], { op: 'save' });
	assertHtml(rb.r, 409, 'B saves a stale version');
	assert.match(rb.m.notice, /changed meanwhile/);
	assert.match(rb.m.notice, /Nothing was saved/);
	// B sees the current state (A's row) and the current version.
	assert.deepEqual(rb.m.rows.map((r) => [r.name, r.price]), [['Internet (LAN only) 100 Mbps', '90.00']]);
	assert.equal(rb.m.version, String(Number(b.m.version) + 1));
	assert.deepEqual(occsvcRows(o.occ, sd).map((r) => [r.name, r.price]), [['Internet (LAN only) 100 Mbps', 9000]]);
	assert.equal(countOccsvc(), before_);
	assert.equal(auditEvents(o.occ, sd).length, audits, 'no audit event for the refused save');
	// The same through app.js's partial form.
	const rp = await submit(staff, o.occ, sd, b.m.version,
		[{ service: S['Premium support'], contract: o.contract.id, price: '60.00', qty: 1 }], { op: 'save', partial: 1 });
	assert.equal(rp.r.status, 409);
	assert.ok(rp.r.body.trimStart().startsWith('<form id="manage"'), 'the form alone');
	assert.match(rp.m.notice, /changed meanwhile/);

	// Two concurrent saves from one version: exactly one wins.
	const c = await occupierWith(admin, sd, [{}]);
	const ca = await openManage(admin, c.occ, sd);
	const cb = await openManage(staff, c.occ, sd);
	const [x, y] = await Promise.all([
		submit(admin, c.occ, sd, ca.m.version, [{ service: S['Standard support'], contract: c.contract.id, price: '0.00', qty: 1 }], { op: 'save' }),
		submit(staff, c.occ, sd, cb.m.version, [{ service: S['Premium support'], contract: c.contract.id, price: '60.00', qty: 1 }], { op: 'save' }),
	]);
	assert.deepEqual([x.r.status, y.r.status].sort(), [303, 409]);
	const won = x.r.status === 303 ? 'Standard support' : 'Premium support';
	assert.deepEqual(occsvcRows(c.occ, sd).map((r) => r.name), [won]);
	assert.equal(auditEvents(c.occ, sd).length, 1);
});

test('a refused save writes nothing at all (rows, audit events, version)', async () => {
	const o = await occupierWith(admin, cw, [{}]);
	await savePlan(admin, o.occ, cw, o.contract.id, [['Voice line', '15.00', '2']]);
	const mine = occsvcRows(o.occ, cw);
	const version = dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${cw}`);
	const total = countOccsvc();
	const audits = Number(dbValue('SELECT COUNT(*) FROM audit_event'));
	const { m } = await openManage(admin, o.occ, cw);
	const existing = rowsOf(m).map((r) => ({ ...r, price: '11.00' }));	// a change to an existing row
	const good = (n, price = '1.00', qty = 1) => ({ service: S[n], contract: o.contract.id, price, qty });
	const ew = dbValue(`SELECT id FROM contract WHERE reference = 'EW-HH-0001'`);
	const acmeContract = dbValue(`SELECT id FROM contract WHERE reference = 'NW-CW-001-1'`);
	const refusals = [
		[[...existing, good('Internet (LAN only) 100 Mbps'), good('IVR'), good('Call recording', '5.00', 3)], 'a rule'],
		[[...existing, good('Internet (LAN only) 100 Mbps'), good('Standard support', 'abc')], 'a bad price'],
		[[...existing, good('Internet (LAN only) 100 Mbps'), good('Standard support', '0.00', '0')], 'a bad QTY'],
		[[...existing, good('Internet (LAN only) 100 Mbps'), { ...good('Standard support'), contract: '' }], 'no contract'],
		[[...existing, good('Internet (LAN only) 100 Mbps'), { ...good('Standard support'), contract: ew }], "another operator's contract"],
		[[...existing, good('Internet (LAN only) 100 Mbps'), { ...good('Standard support'), contract: acmeContract }], "another occupier's contract"],
		[[...existing, good('Internet (LAN only) 100 Mbps'), good('Public IP (/29)'), good('Public IP (/29)')], 'a maximum'],
	];
	for (const [rows, what] of refusals) {
		const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
		assertHtml(x.r, 422, what);
		assert.ok(allMessages(x.m).length > 0, what);
		assert.equal(x.m.saveDisabled, true, what);
		assert.deepEqual(occsvcRows(o.occ, cw), mine, `${what}: rows unchanged`);
		assert.equal(countOccsvc(), total, `${what}: no row anywhere`);
		assert.equal(Number(dbValue('SELECT COUNT(*) FROM audit_event')), audits, `${what}: no audit event`);
		assert.equal(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${cw}`),
			version, `${what}: version unchanged`);
		assert.ok(!x.r.body.includes('EW-HH-0001') && !x.r.body.includes('NW-CW-001-1'), `${what}: no foreign contract named`);
	}
	// A form that is not something a person typed: 400, nothing written.
	for (const bad of [[['version', m.version], ['row[0][service]', 'x'], ['op', 'save']],
		[['version', 'abc'], ['op', 'save']], [['row[0][service]', String(S.IVR)], ['op', 'save']]]) {
		const r = await post(admin, managePath(o.occ, cw), bad);
		assertHtml(r, 400, JSON.stringify(bad));
	}
	assert.deepEqual(occsvcRows(o.occ, cw), mine);
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM audit_event')), audits);
});

test('saving IVR or Conference bridge tells the user a case is needed', async () => {
	const o = await occupierWith(admin, cw, [{}]);
	const caseNotice = (html) => {
		const m = /<div class="notice" role="status">([\s\S]*?)<\/div>/.exec(html);
		return m ? m[1] : null;
	};
	const r = await savePlan(admin, o.occ, cw, o.contract.id, [['Voice line', '15.00', '1'], ['IVR', '35.00', '1']]);
	assert.equal(redirectNames(r)[0], `/occupiers/${o.occ}/sites/${cw}/services?done=saved_case&case=${S.IVR}`);
	const page = await admin.get(r.location);
	assert.equal(flashOf(page.body), 'Services saved.');
	const n = caseNotice(page.body);
	assert.ok(n, 'a notice about the case');
	assert.match(n, /^IVR needs a case with its set-up details before it can work\./);
	const href = /<a class="button primary" href="([^"]*)">Raise a case<\/a>/.exec(n);
	assert.ok(href, 'a link to raise one');
	const u = new URL(href[1].replace(/&amp;/g, '&'), 'http://x');
	assert.equal(u.pathname, '/cases/new');
	assert.deepEqual([u.searchParams.get('occupier'), u.searchParams.get('site'), u.searchParams.get('service'), u.searchParams.get('subject')],
		[String(o.occ), String(cw), String(S.IVR), 'IVR configuration']);
	const c = await savePlan(admin, o.occ, cw, o.contract.id, [['Conference bridge', '25.00', '1']]);
	assert.equal(redirectNames(c)[0], `/occupiers/${o.occ}/sites/${cw}/services?done=saved_case&case=${S['Conference bridge']}`);
	assert.match(caseNotice((await admin.get(c.location)).body), /^Conference bridge needs a case/);
	// Other services: the plain flash and no notice.
	const p = await savePlan(admin, o.occ, cw, o.contract.id, [['Standard support', '0.00', '1']]);
	assert.equal(redirectNames(p)[0], `/occupiers/${o.occ}/sites/${cw}/services?done=services_saved`);
	const plain = await admin.get(p.location);
	assert.equal(flashOf(plain.body), 'Services saved.');
	assert.equal(caseNotice(plain.body), null);
	// A forged ?case= of a service that needs none says nothing.
	assert.equal(caseNotice((await admin.get(`${servicesPath(o.occ, cw)}?case=${S['Standard support']}`)).body), null);
});

test('partial=1 returns the form alone, for app.js', async () => {
	const g = await admin.get(`${managePath(acme, cw)}?partial=1`);
	assert.equal(g.status, 200);
	assert.match(g.type, /^text\/html; charset=utf-8$/i);
	assert.ok(g.body.trimStart().startsWith('<form id="manage" class="manage" method="post"'), 'the form alone');
	assert.match(g.body.trim(), /<\/form>$/);
	for (const not of ['<nav class="menu"', '<!doctype', '<html', '<nav class="tabs"', '<h1>'])
		assert.ok(!g.body.toLowerCase().includes(not.toLowerCase()), `no ${not}`);
	assert.equal(parseManage(g.body).rows.length, 7);
	const full = await admin.get(managePath(acme, cw));
	assert.match(full.body, /^<!doctype html>/i);
	assert.match(full.body, /<nav class="menu"/);
	assert.match(full.body, /<h1>Acme Analytics Ltd<\/h1>/);
	// POSTs too: the add arrow and a refused save.
	const o = await occupierWith(admin, sd, [{}]);
	const { m } = await openManage(admin, o.occ, sd);
	const a = await submit(admin, o.occ, sd, m.version, [], { add: S.IVR, partial: 1 });
	assert.equal(a.r.status, 200);
	assert.ok(a.r.body.trimStart().startsWith('<form id="manage"'), 'the form alone');
	assert.ok(!a.r.body.includes('<nav class="menu"'));
	assert.deepEqual(allMessages(a.m), ['row 0: IVR requires Voice line']);
	const s = await submit(admin, o.occ, sd, m.version, rowsOf(a.m), { op: 'save', partial: 1 });
	assert.equal(s.r.status, 422);
	assert.ok(s.r.body.trimStart().startsWith('<form id="manage"'), 'the form alone');
	assert.deepEqual(occsvcRows(o.occ, sd), []);
});

/* ---- who may see what ------------------------------------------------------- */

test("another operator's occupier or site → 404 for services, manage and history, nothing written", async () => {
	const ewContract = dbValue(`SELECT id FROM contract WHERE reference = 'EW-HH-0001'`);
	const before_ = countOccsvc();
	const audits = Number(dbValue('SELECT COUNT(*) FROM audit_event'));
	const maxOcc = Number(dbValue('SELECT MAX(id) FROM occupier')) + 1000;
	const pairs = [[zephyr, harbour], [zephyr, cw], [acme, harbour], [maxOcc, cw]];
	// Zephyr's own plan at Harbour House (Eastwind's, seeded) and no other plan of these pairs.
	const plans = () => db(`SELECT occupier_id, site_id, version FROM occupier_site_plan WHERE occupier_id = ${zephyr}
		OR (occupier_id = ${acme} AND site_id = ${harbour}) OR occupier_id = ${maxOcc} ORDER BY 1, 2`);
	const plansBefore = plans();
	assert.deepEqual(plansBefore.map((x) => x.slice(0, 2)), [[String(zephyr), String(harbour)]]);
	const zephyrRows = countOccsvc(`occupier_id = ${zephyr}`);
	for (const [occ, site] of pairs) {
		for (const p of [servicesPath(occ, site), servicesPath(occ, site, 'contract=active'), managePath(occ, site),
			`${managePath(occ, site)}?partial=1`, `/occupiers/${occ}/sites/${site}/history`]) {
			const r = await admin.get(p);
			assertHtml(r, 404, `GET ${p}`);
			assert.ok(!/Zephyr|Harbour House|EW-HH-0001/.test(r.body), `${p} leaks nothing`);
		}
	}
	await admin.get(managePath(acme, cw));	// a fresh csrf token
	for (const [occ, site] of pairs) {
		for (const extra of [{ op: 'save' }, { op: 'recalc' }, { add: S['Standard support'] }, { op: 'save', partial: 1 }]) {
			const r = await post(admin, managePath(occ, site), [['version', '1'],
				['row[0][id]', '0'], ['row[0][service]', String(S['Standard support'])], ['row[0][contract]', String(ewContract)],
				['row[0][price]', '0.00'], ['row[0][qty]', '1'], ...Object.entries(extra).map(([k, v]) => [k, String(v)])]);
			assert.equal(r.status, 404, `POST ${managePath(occ, site)} ${JSON.stringify(extra)}`);
			assert.ok(!/Zephyr|Harbour House|EW-HH-0001/.test(r.body));
		}
	}
	// A save is not read before its transaction: a foreign id is a 404 also when the form is unreadable.
	for (const [occ, site] of pairs) {
		for (const body of [[['op', 'save']], [['op', 'save'], ['version', 'x']],
			[['op', 'save'], ['version', '1'], ['row[0][service]', 'x']]]) {
			const r = await post(admin, managePath(occ, site), body);
			assert.equal(r.status, 404, `POST ${managePath(occ, site)} ${JSON.stringify(body)}`);
		}
	}
	assert.equal(countOccsvc(), before_, 'no row written');
	assert.equal(countOccsvc(`occupier_id = ${zephyr}`), zephyrRows);
	assert.deepEqual(plans(), plansBefore, 'no plan row made or changed');
	assert.equal(Number(dbValue('SELECT COUNT(*) FROM audit_event')), audits, 'no audit event');
	const own = await occupierWith(admin, cw, [{}]);
	const bad = await post(admin, managePath(own.occ, cw), [['op', 'save']]);
	assert.equal(bad.status, 400, 'an unreadable form of our own occupier is a 400');
	// Eastwind's own admin sees its occupier, and not Northwind's.
	const ew = await signedIn('admin@eastwind.example');
	assert.equal((await ew.get(servicesPath(zephyr, harbour))).status, 200);
	assert.equal((await ew.get(servicesPath(acme, cw))).status, 404);
	assert.equal((await ew.get(managePath(acme, cw))).status, 404);
	const { m } = await openManage(ew, zephyr, harbour);
	assert.ok(m.avail.every((a) => a.id === EW_S[a.name]), "Eastwind's catalog only");
	assert.ok(m.avail.every((a) => !Object.values(S).includes(a.id)));
});

test('a save takes the Public IP block\'s addresses from the site pool, keeps them, takes them again when missing, gives them back; a short pool saves nothing', async () => {
	const o = await occupierWith(admin, sd, [{ start: day(-20) }]);
	const held = () => db(`SELECT id, state FROM public_ip WHERE occupier_id = ${o.occ} AND site_id = ${sd} ORDER BY id`);
	const freeIds = () => db(`SELECT id FROM public_ip WHERE site_id = ${sd} AND occupier_id IS NULL
		AND state = 'free' ORDER BY id`).map((r) => Number(r[0]));
	const free0 = freeIds().length;
	assert.ok(free0 >= 5, `Shoreditch has 5 free addresses (${free0})`);
	const lan = { service: S['Internet (LAN only) 100 Mbps'], contract: o.contract.id, price: '90.00', qty: 1 };
	const ip = { service: S['Public IP (/29)'], contract: o.contract.id, price: '25.00', qty: 1 };
	const save = async (rows, what) => {
		const { m } = await openManage(admin, o.occ, sd);
		const byService = new Map(m.rows.map((r) => [r.service, r.id]));
		const kept = new Set(rows.map((r) => r.service));
		const x = await submit(admin, o.occ, sd, m.version, rows.map((r) => ({ ...r, id: byService.get(r.service) ?? 0 })),
			{ op: 'save', drop: m.rows.filter((r) => !kept.has(r.service)).map((r) => r.id) });
		return [x, what];
	};
	let [x, what] = await save([lan, ip], 'add the block');
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, what);
	const first = held();
	assert.equal(first.length, 5, 'a /29 holds 5 addresses');
	assert.ok(first.every(([, st]) => st === 'assigned'));
	assert.equal(freeIds().length, free0 - 5);
	[x, what] = await save([{ ...lan, price: '91.00' }, ip], 'a price only');
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, what);
	assert.deepEqual(held(), first, 'the same addresses');
	// One given back outside Tenantry: the next save takes one from the pool again.
	db(`UPDATE public_ip SET occupier_id = NULL, state = 'free' WHERE id = ${first[4][0]}`);
	[x, what] = await save([{ ...lan, price: '92.00' }, ip], 'a price, one address missing');
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, what);
	assert.equal(held().length, 5);
	[x, what] = await save([lan], 'the block removed');
	assertRedirect(x.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, what);
	assert.deepEqual(held(), [], 'every address back in the pool');
	assert.equal(freeIds().length, free0);
	// A pool with 4 free addresses cannot provide a /29: nothing is saved.
	const parked = freeIds().slice(4);
	const park = await newOccupier(admin, 'Parked addresses');
	db(`UPDATE public_ip SET occupier_id = ${park}, state = 'assigned' WHERE id IN (${parked.join(',')})`);
	try {
		const versions = dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${sd}`);
		[x, what] = await save([lan, ip], 'a short pool');
		assert.equal(x.r.status, 422, what);
		assert.ok(allMessages(x.m).some((t) => /Public IP addresses: 5 needed but the site pool cannot provide them \(the occupier holds 0\)\. Nothing was saved\./.test(t)),
			JSON.stringify(allMessages(x.m)));
		assert.deepEqual(held(), []);
		assert.equal(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${sd}`), versions);
		assert.deepEqual(occsvcRows(o.occ, sd).filter((r) => r.name === 'Public IP (/29)' && r.ended === '-'), []);
	} finally {
		db(`UPDATE public_ip SET occupier_id = NULL, state = 'free' WHERE id IN (${parked.join(',')})`);
	}
});

test('occupier roles get 403 on services, the dialog and history; operator staff may use the dialog', async () => {
	for (const c of [occAdmin, occUser]) {
		for (const p of [servicesPath(acme, cw), managePath(acme, cw), `${managePath(acme, cw)}?partial=1`,
			`/occupiers/${acme}/sites/${cw}/history`, servicesPath(acme, cw, 'service=active')]) {
			const r = await c.get(p);
			assertHtml(r, 403, `${c.name} GET ${p}`);
		}
		const before_ = countOccsvc();
		const r = await post(c, managePath(acme, cw), [['version', '1'], ['add', String(S.IVR)], ['op', 'save']]);
		assert.equal(r.status, 403, `${c.name} POST manage`);
		assert.equal(countOccsvc(), before_);
	}
	// Staff: open, add, save, see.
	const o = await occupierWith(admin, sd, [{}]);
	const { r, m } = await openManage(staff, o.occ, sd);
	assertHtml(r, 200, 'staff opens the dialog');
	const a = await submit(staff, o.occ, sd, m.version, [], { add: S['Premium support'] });
	assert.deepEqual(a.m.rows.map((x) => [x.name, x.price, x.contract]), [['Premium support', '60.00', String(o.contract.id)]]);
	const s = await submit(staff, o.occ, sd, a.m.version, rowsOf(a.m), { op: 'save' });
	assertRedirect(s.r, `/occupiers/${o.occ}/sites/${sd}/services?done=services_saved`, 'staff saves');
	assert.deepEqual(occsvcRows(o.occ, sd).map((x) => [x.name, x.createdBy]), [['Premium support', staffId]]);
	assert.deepEqual((await tab(o.occ, sd, '', staff)).rows.map((x) => x.name), ['Premium support']);
	// Signed out: to the sign-in page, never the data.
	const anon = new Client('anon');
	const g = await anon.get(servicesPath(acme, cw));
	assert.equal(g.status, 303);
	assert.match(g.location, /^\/login\?next=/);
});

test('a new occupier created here starts empty, and a saved plan is listed under the right filters', async () => {
	const occ = await newOccupier(admin);
	const t = await tab(occ, cw);
	assert.ok(t.empty);
	assert.equal(t.button.label, 'Add services');
	const ended = await newContract(admin, occ, cw, { start: day(-300), end: day(-1) });
	const current = await newContract(admin, occ, cw, { start: day(-5), end: day(100) });
	await savePlan(admin, occ, cw, current.id, [['Standard support', '0.00', '1']]);
	assert.deepEqual(names(await tab(occ, cw, 'contract=active&service=active')), ['Standard support']);
	assert.deepEqual(names(await tab(occ, cw, 'contract=scheduled')), ['Standard support'], 'the contract has an end ahead');
	assert.deepEqual(names(await tab(occ, cw, 'contract=inactive')), []);
	assert.equal((await tab(occ, cw)).rows[0].contractStatus, 'Active, Scheduled');
	assert.ok(ended.id > 0);
});
