// prices.test.mjs: prices as operators type them in the Manage services
// dialog (the operator's currency symbol or code, thousands separators;
// stored in minor units), and a grand total that is never computed without
// a row it cannot price.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, signedIn, siteId } from './lib.mjs';
import { allMessages, occsvcRows, occupierWith, openManage, serviceIds, submit } from './services-lib.mjs';

let admin, cw, S;

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
	S = serviceIds();
});

const MSG_PRICE = 'Price must be an amount such as 12.50 (0.00 or more).';

test('a price typed with the currency symbol, its code or thousands separators is saved in pence', async () => {
	const o = await occupierWith(admin, cw, [{}], 'Prices test');
	const { m } = await openManage(admin, o.occ, cw);
	const rows = [
		{ service: S['Wi-Fi devices pack (10)'], contract: o.contract.id, price: '£5.00', qty: 1 },
		{ service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '1,250.00', qty: 1 },
		{ service: S['Premium support'], contract: o.contract.id, price: ' £ 1,234.5 ', qty: 1 },
		{ service: S['Conference bridge'], contract: o.contract.id, price: 'GBP 7.25', qty: 1 },
	];
	const x = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
	assert.equal(x.r.status, 303, x.m ? JSON.stringify(allMessages(x.m)) : x.r.text.slice(0, 200));
	assert.deepEqual(occsvcRows(o.occ, cw).map((r) => [r.name, r.price]), [
		['Wi-Fi devices pack (10)', 500],
		['Wi-Fi Secure accounts (5)', 125000],
		['Premium support', 123450],
		['Conference bridge', 725],
	]);
});

test('another currency, a symbol alone or a malformed amount is refused by the row, input kept', async () => {
	const o = await occupierWith(admin, cw, [{}], 'Prices test');
	const { m } = await openManage(admin, o.occ, cw);
	for (const price of ['$5.00', '€5.00', '£', '££5', '5.00£', '1,25.00', 'EUR 5']) {
		const x = await submit(admin, o.occ, cw, m.version,
			[{ service: S['Wi-Fi devices pack (10)'], contract: o.contract.id, price, qty: 1 }], { op: 'save' });
		assert.equal(x.r.status, 422, price);
		assert.deepEqual(x.m.rows[0].msgs, [MSG_PRICE], price);
		assert.equal(x.m.rows[0].price, price, 'the input is kept');
		assert.deepEqual(occsvcRows(o.occ, cw), [], 'nothing saved');
	}
});

test('the grand total shows as not computed while a row has an invalid price or QTY', async () => {
	const o = await occupierWith(admin, cw, [{}], 'Prices test');
	const { m } = await openManage(admin, o.occ, cw);
	const good = { service: S['Wi-Fi devices pack (10)'], contract: o.contract.id, price: '12.00', qty: 2 };
	let x = await submit(admin, o.occ, cw, m.version, [good,
		{ service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '12.OO', qty: 1 }], { op: 'recalc' });
	assert.equal(x.r.status, 200);
	assert.equal(x.m.rows[0].total, '24.00');
	assert.equal(x.m.rows[1].total, '—');
	assert.equal(x.m.monthTotal, '—', 'never 24.00: a row is left out');
	assert.match(x.m.html, /Not computed: 1 row above has an invalid price or QTY\./);
	x = await submit(admin, o.occ, cw, m.version, [good,
		{ service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '1.00', qty: 'x' },
		{ service: S['Premium support'], contract: o.contract.id, price: '', qty: 1 }], { op: 'recalc' });
	assert.equal(x.m.monthTotal, '—');
	assert.match(x.m.html, /Not computed: 2 rows above have an invalid price or QTY\./);
	x = await submit(admin, o.occ, cw, m.version, [good,
		{ service: S['Wi-Fi Secure accounts (5)'], contract: o.contract.id, price: '£1,000.00', qty: 1 }], { op: 'recalc' });
	assert.equal(x.m.monthTotal, '1,024.00');
	assert.doesNotMatch(x.m.html, /Not computed/);
});
