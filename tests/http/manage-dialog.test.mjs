// manage-dialog.test.mjs: what the Manage services dialog tells the
// operator on the server's side (the same with and without JavaScript):
// each available service's price; a service added again raises the QTY of
// its row; an exclusion marks both rows; a quantity limit shows at the row
// that broke it; data-changed says whether the plan differs from the
// stored one; a save that changes nothing writes nothing and says so.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, assertRedirect, signedIn, siteId } from './lib.mjs';
import {
	allMessages, flashOf, occsvcRows, occupierWith, openManage, rowsOf, serviceIds, servicesPath, submit,
} from './services-lib.mjs';

let admin, cw, S;
const L = 'Internet (LAN only) 100 Mbps';

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
	S = serviceIds();
});

function changedOf(html) {
	return (/<form id="manage"[^>]*data-changed="([01])"/.exec(html) || [])[1];
}

test('Available services show each price (the RRP, a month)', async () => {
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	const prices = [...m.html.matchAll(/<span class="svc-name"[^>]*>([^<]*)<\/span>[\s\S]*?<span class="svc-price">([^<]*)<\/span>/g)]
		.map((x) => [x[1], x[2]]);
	assert.equal(prices.length, m.avail.length, 'every entry has a price');
	assert.deepEqual(prices.find(([n]) => n === L), [L, '£90.00 a month']);
	assert.deepEqual(prices.find(([n]) => n === 'Public IP (/29)'), ['Public IP (/29)', '£25.00 a month']);
});

test('adding a service already on the plan raises its QTY instead of adding a second row', async () => {
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	const one = await submit(admin, o.occ, cw, m.version, [], { add: S['Voice line'] });
	assert.deepEqual(one.m.rows.map((r) => [r.name, r.qty]), [['Voice line', '1']]);
	assert.ok(!/class="bumped"/.test(one.m.html), 'a first add is a new row');
	const two = await submit(admin, o.occ, cw, m.version, rowsOf(one.m), { add: S['Voice line'] });
	assert.deepEqual(two.m.rows.map((r) => [r.name, r.qty, r.total]), [['Voice line', '2', '30.00']]);
	assert.match(two.m.html, /<span class="bumped" role="status">Already on the plan: QTY raised to 2<\/span>/);
	// A typed QTY goes up from what is typed.
	const typed = rowsOf(two.m);
	typed[0].qty = '5';
	const three = await submit(admin, o.occ, cw, m.version, typed, { add: S['Voice line'] });
	assert.deepEqual(three.m.rows.map((r) => r.qty), ['6']);
});

test('an exclusion is marked on both rows; the message stays on one', async () => {
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	const rows = ['Standard support', 'Premium support'].map((n) => ({ service: S[n], contract: o.contract.id,
		price: '1.00', qty: 1 }));
	const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'recalc' });
	assert.deepEqual(allMessages(x.m), ['row 0: Standard support and Premium support cannot be taken together']);
	const row1 = /<tr class="row" id="row-1">([\s\S]*?)<\/tr>/.exec(x.m.html)[1];
	assert.match(row1, /<span class="excl-mark">Cannot be taken together with Standard support<\/span>/,
		'the other row is marked too');
	const row0 = /<tr class="row invalid" id="row-0">([\s\S]*?)<\/tr>/.exec(x.m.html)[1];
	assert.ok(!/excl-mark/.test(row0), 'the row with the message is not marked twice');
});

test('a quantity limit shows at the row that broke it', async () => {
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	const row = (n, qty) => ({ service: S[n], contract: o.contract.id, price: '1.00', qty });
	const x = await submit(admin, o.occ, cw, m.version, [row('Voice line', 1), row('UK Unlimited', 1),
		row('Voicemail to email', 1), row('UK Unlimited', 1)], { op: 'recalc' });
	assert.deepEqual(allMessages(x.m), ['row 3: At most 1 UK Unlimited per occupier per site']);
	// Through the dialog's add: the QTY goes to 2 on the one row, and the message with it.
	const one = await submit(admin, o.occ, cw, m.version, [row('Voice line', 1), row('UK Unlimited', 1)],
		{ add: S['UK Unlimited'] });
	assert.deepEqual(allMessages(one.m), ['row 1: At most 1 UK Unlimited per occupier per site']);
	assert.equal(one.m.rows[1].qty, '2');
	assert.equal(one.m.saveDisabled, true);
});

test('data-changed: 0 for the stored plan, 1 once it differs; an empty save says "Nothing to save" and writes nothing', async () => {
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	assert.equal(changedOf(m.html), '0');
	const add = await submit(admin, o.occ, cw, m.version, [], { add: S['Voice line'] });
	assert.equal(changedOf(add.m.html), '1');
	const saved = await submit(admin, o.occ, cw, m.version, rowsOf(add.m), { op: 'save' });
	assertRedirect(saved.r, `${servicesPath(o.occ, cw)}?done=services_saved`, 'a real save');
	const before_ = JSON.stringify(occsvcRows(o.occ, cw));
	const now = (await openManage(admin, o.occ, cw)).m;
	assert.equal(changedOf(now.html), '0', 'the stored plan again');
	// The same price typed another way is no change either.
	const same = rowsOf(now);
	same[0].price = '15.0';
	assert.equal(changedOf((await submit(admin, o.occ, cw, now.version, same, { op: 'recalc' })).m.html), '0');
	const empty = await submit(admin, o.occ, cw, now.version, rowsOf(now), { op: 'save' });
	assertRedirect(empty.r, `${servicesPath(o.occ, cw)}?done=nothing_saved`, 'an empty save');
	const tab = await admin.get(empty.r.location);
	assert.equal(flashOf(tab.body), 'Nothing to save: the services are as they were.');
	assert.equal(JSON.stringify(occsvcRows(o.occ, cw)), before_, 'nothing written');
	assert.equal((await openManage(admin, o.occ, cw)).m.version, now.version, 'the version is unchanged');
	// A price change is a change.
	const cheaper = rowsOf(now);
	cheaper[0].price = '12.00';
	assert.equal(changedOf((await submit(admin, o.occ, cw, now.version, cheaper, { op: 'recalc' })).m.html), '1');
});
