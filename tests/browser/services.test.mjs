// services.test.mjs: the Services tab and the Add services / Manage services
// dialog in a real browser (Debian's /usr/bin/chromium, headless, through
// playwright-core), against the stack tests/run.sh starts:
//   - with JavaScript: "Add services" opens a modal dialog without a page
//     load; the search box filters Available services as you type; a
//     service's description shows as a tooltip on hover and on keyboard
//     focus; adding Public IP (/29) and Internet (LAN only) 100 Mbps shows
//     "Switch ports 0/3"; a QTY change updates the row Total and the total
//     per month in place; an invalid plan shows its violation next to the row
//     and disables Save; fixed and saved, the tab lists the services;
//   - keyboard only: Tab to the search box, type, Tab to an add button,
//     Enter, Tab to the QTY field, type;
//   - without JavaScript: the same dialog is a page with Recalculate.
// Each flow uses a demo occupier that has a contract and no services
// (Juniper Architects, Greenleaf Health, Kestrel Logistics); Acme's Services
// tab is only looked at.
//
//   BASE_URL            the stack (set by tests/run.sh)
//   TENANTRY_OUT        where screenshots and failure shots go (tests/out)
//   UPDATE_SCREENSHOTS  1: also refresh tests/screenshots/services.png and
//                       tests/screenshots/manage-dialog.png (README)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { db, occupierId, siteId } from '../http/lib.mjs';
import { expectInfra } from '../http/services-lib.mjs';
import {
	BASE_URL, closeBrowsers, openBrowser, problems, shoot, signIn, stepper, text, until,
} from './lib.mjs';

const PUBLIC_IP = 'Public IP (/29)';
const LAN = 'Internet (LAN only) 100 Mbps';

let page;	// the JavaScript-enabled page
let step;	// step(page, name, fn): a picture of the page if fn fails

/* The Services tab's rows: [{ Service, Contract, ..., Status }] (service name only). */
async function tabRows(p) {
	const table = p.locator('table.grid.services');
	await table.waitFor();
	const heads = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
	const rows = [];
	for (const tr of await table.locator('tbody tr').all()) {
		const cells = (await tr.locator('td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
		const r = Object.fromEntries(cells.map((c, i) => [heads[i], c]));
		r.Service = (await tr.locator('.svc-name').innerText()).trim();
		r.Status = (await tr.locator('.badge').innerText()).trim();
		rows.push(r);
	}
	return rows;
}

/* Fractions of the Provisioned infrastructure list under root. */
async function infra(root) {
	return (await root.locator('li:has(> .infra-label)').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

/* Root to evaluate in: a locator, or a page's body. */
function scope(root) {
	return typeof root.goto === 'function' ? root.locator('body') : root;
}

/* The names of the visible Available services in root (one snapshot). */
async function visibleAvail(root) {
	return scope(root).evaluate((el) => [...el.querySelectorAll('.avail-list li')]
		.filter((li) => li.checkVisibility())
		.map((li) => li.querySelector('.svc-name').textContent.trim()));
}

/* Plan rows in root: [{ name, price, qty, total, msgs }], read in one snapshot
 * (app.js may replace the form at any moment). */
async function planRows(root) {
	return scope(root).evaluate((el) => [...el.querySelectorAll('tr.row')].map((tr) => {
		const next = tr.nextElementSibling;
		return {
			name: tr.querySelector('.svc-name').textContent.trim(),
			price: tr.querySelector('input.money').value,
			qty: tr.querySelector('input.qty').value,
			total: tr.querySelector('td.total').textContent.trim(),
			msgs: next && next.classList.contains('msgs') ?
				[...next.querySelectorAll('li')].map((li) => li.textContent.trim()) : [],
		};
	}));
}

function servicesUrl(name, site) {
	return `/occupiers/${occupierId(name)}/sites/${siteId(site)}/services`;
}

function dbServices(name, site) {
	return db(`SELECT s.name, os.price, os.qty FROM occupier_service os JOIN service s ON s.id = os.service_id
		WHERE os.occupier_id = ${occupierId(name)} AND os.site_id = ${siteId(site)} ORDER BY os.id`);
}

before(async () => {
	step = await stepper('services');
	page = await openBrowser();
	await signIn(page, '/occupiers');
});

after(closeBrowsers);

test("Acme's Services tab: filters, columns, Provisioned infrastructure (screenshot)", async () => {
	await step(page, 'acme', async () => {
		await page.goto(BASE_URL + servicesUrl('Acme Analytics Ltd', 'Canary Wharf'));
		assert.equal(await text(page.getByRole('heading', { level: 2 })), 'Services at Canary Wharf');
		const rows = await tabRows(page);
		assert.equal(rows.length, 7);
		assert.deepEqual(rows.map((r) => r.Status), Array(7).fill('Active'));
		// Y from Acme's services; X what the demo data has in use (2 connected ports, …).
		const acme = occupierId('Acme Analytics Ltd');
		assert.deepEqual(await infra(page.locator('.infra')),
			expectInfra(acme, siteId('Canary Wharf'), [3, 3, 5, 0, 0]).map(([l, f]) => `${l} ${f}`));
		assert.equal((await infra(page.locator('.infra')))[0], 'Switch ports 2/3');
		assert.equal(await text(page.getByRole('link', { name: 'Manage services' })), 'Manage services');
		// With JavaScript the filter drop-downs submit themselves (Apply is hidden).
		assert.equal(await page.getByRole('button', { name: 'Apply' }).isVisible(), false);
		await shoot(page, 'services.png');
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('service') === 'inactive'),
			page.getByLabel('Service filter').selectOption({ label: 'Inactive' }),
		]);
		assert.match(await text(page.locator('.empty')), /^It is empty here\./);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('contract') === 'active' && u.searchParams.get('service') === 'inactive'),
			page.getByLabel('Contract filter').selectOption({ label: 'Active' }),
		]);
		assert.equal(await page.getByLabel('Contract filter').locator('option:checked').innerText(), 'Active');
		assert.equal(await page.getByLabel('Service filter').locator('option:checked').innerText(), 'Inactive');
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('service') === 'active'),
			page.getByLabel('Service filter').selectOption({ label: 'Active' }),
		]);
		assert.equal((await tabRows(page)).length, 7);
	});
});

/* ---- with JavaScript: one dialog for Juniper Architects, walked in steps ---- */

const J = { occ: 'Juniper Architects', site: 'Shoreditch' };
let jUrl;

/* The dialog, opened from the tab (again) when it is not open. */
async function dialog() {
	const dlg = page.locator('dialog.manage-dialog');
	if (await dlg.isVisible())
		return dlg;
	if (page.url() !== jUrl)
		await page.goto(jUrl);
	await page.getByRole('link', { name: /^(Add|Manage) services$/ }).click();
	await dlg.waitFor({ state: 'visible' });
	return dlg;
}

test('"Add services" opens a modal dialog without a page load', async () => {
	assert.deepEqual(dbServices(J.occ, J.site), [], `${J.occ} starts without services`);
	jUrl = BASE_URL + servicesUrl(J.occ, J.site);
	await step(page, 'open', async () => {
		await page.goto(jUrl);
		assert.match(await text(page.locator('.empty')), /^It is empty here\./);
		await page.evaluate(() => { window.__sameDocument = true; });
		await page.getByRole('link', { name: 'Add services' }).click();
		const dlg = page.locator('dialog.manage-dialog');
		await dlg.waitFor({ state: 'visible' });
		assert.equal(await dlg.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog');
		assert.equal(page.url(), jUrl, 'no navigation');
		assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
		assert.equal(await text(dlg.getByRole('heading', { level: 2 })), 'Add services');
		assert.equal(await text(dlg.locator('#avail-title')), 'Available services');
		assert.equal(await page.evaluate(() => document.activeElement.id), 'svc-search', 'focus in the search box');
		assert.equal((await visibleAvail(dlg)).length, 15, 'what Shoreditch offers');
		assert.equal(await dlg.getByRole('button', { name: 'Recalculate' }).isVisible(), false,
			'no Recalculate button with JavaScript');
	});
});

test('typing in the search box filters Available services as you type', async () => {
	await step(page, 'search', async () => {
		const dlg = await dialog();
		const box = dlg.getByLabel('Search services');
		try {
			await box.fill('public');
			// The script marks the others hidden…
			await until(() => dlg.locator('.avail-list li:not([hidden])').count().then((n) => n === 1), 'hidden attributes');
			// …and the person sees only the match.
			await until(async () => JSON.stringify(await visibleAvail(dlg)) === JSON.stringify([PUBLIC_IP]), 'the list to filter');
			// Hidden entries are out of the Tab order: search box → Public IP's name → its add button.
			await box.focus();
			await page.keyboard.press('Tab');
			assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), PUBLIC_IP);
			await box.fill('wi-fi');
			await until(async () => (await visibleAvail(dlg)).length === 3, 'three Wi-Fi matches');
		} finally {
			await box.fill('');
		}
		await until(async () => (await visibleAvail(dlg)).length === 15, 'the full list again');
	});
});

test("a service's description shows as a tooltip on hover and on keyboard focus", async () => {
	await step(page, 'tooltip', async () => {
		const dlg = await dialog();
		const pubItem = dlg.locator('.avail-list li', { has: page.locator('.svc-name', { hasText: PUBLIC_IP }) });
		const tip = pubItem.getByRole('tooltip');
		await page.mouse.move(0, 0);
		assert.equal(await tip.isVisible(), false, 'hidden until asked for');
		await pubItem.locator('.svc-name').hover();
		await until(() => tip.isVisible(), 'the tooltip on hover');
		assert.equal(await text(tip), 'A /29 block: 5 usable public IPv4 addresses, on two dedicated switch ports.');
		await page.mouse.move(0, 0);
		await until(async () => !(await tip.isVisible()), 'the tooltip to go');
		const lanItem = dlg.locator('.avail-list li', { has: page.locator('.svc-name', { hasText: LAN }) });
		await lanItem.locator('.svc-name').focus();
		await until(() => lanItem.getByRole('tooltip').isVisible(), 'the tooltip on focus');
		assert.equal(await text(lanItem.getByRole('tooltip')), "Wired internet at 100 Mbps on one switch port for the occupier's LAN.");
		assert.equal(await lanItem.locator('.svc-name').getAttribute('aria-describedby'),
			await lanItem.getByRole('tooltip').getAttribute('id'));
	});
});

test('add Public IP (/29), then Internet (LAN only) 100 Mbps → Switch ports 0/3 (screenshot)', async () => {
	await step(page, 'add', async () => {
		const dlg = await dialog();
		await dlg.getByRole('button', { name: `Add ${PUBLIC_IP}` }).click();
		await until(async () => (await planRows(dlg)).length === 1, 'the Public IP row');
		assert.deepEqual(await planRows(dlg), [{ name: PUBLIC_IP, price: '25.00', qty: '1', total: '£25.00',
			msgs: ['Public IP (/29) requires an Internet service'] }]);
		assert.equal(await dlg.locator('button.save').isDisabled(), true, 'Save disabled');
		await dlg.getByRole('button', { name: `Add ${LAN}` }).click();
		await until(async () => (await planRows(dlg)).length === 2, 'the Internet row');
		const rows = await planRows(dlg);
		assert.deepEqual(rows.map((r) => [r.name, r.price, r.qty, r.total, r.msgs]),
			[[PUBLIC_IP, '25.00', '1', '£25.00', []], [LAN, '90.00', '1', '£90.00', []]]);
		assert.deepEqual(await infra(dlg), ['Switch ports 0/3', 'Telephony extensions 0/0',
			'Public IP addresses 0/5', 'Wi-Fi devices 0/0', 'Wi-Fi accounts 0/0']);
		assert.equal(await text(dlg.locator('.grand')), '£115.00');
		assert.equal(await dlg.locator('button.save').isDisabled(), false, 'Save enabled');
		// The only contract is chosen, and its start date shown.
		assert.equal(await dlg.getByLabel(`Contract for ${LAN}`).locator('option:checked').innerText(), 'NW-SD-011-1');
		assert.match(await text(dlg.locator('#row-1 td').nth(2)), /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
		assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
		await shoot(page, 'manage-dialog.png');
	});
});

test('changing a QTY updates the row Total and the total per month in place', async () => {
	await step(page, 'qty', async () => {
		const dlg = await dialog();
		assert.equal((await planRows(dlg)).length, 2, 'the rows of the previous step');
		await dlg.getByLabel(`QTY of ${LAN}`).fill('2');
		await until(async () => (await text(dlg.locator('.grand'))) === '£205.00', 'the total per month');
		assert.deepEqual((await planRows(dlg)).map((r) => [r.name, r.qty, r.total]),
			[[PUBLIC_IP, '1', '£25.00'], [LAN, '2', '£180.00']]);
		assert.equal((await infra(dlg))[0], 'Switch ports 0/4');
		await dlg.getByLabel(`Price per unit for ${LAN}`).fill('80.00');
		await until(async () => (await text(dlg.locator('.grand'))) === '£185.00', 'the total after a price change');
		assert.equal((await planRows(dlg))[1].total, '£160.00');
		await dlg.getByLabel(`QTY of ${LAN}`).fill('1');
		await dlg.getByLabel(`Price per unit for ${LAN}`).fill('90.00');
		await until(async () => (await text(dlg.locator('.grand'))) === '£115.00', 'back to QTY 1 at 90.00');
		assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
		assert.equal(page.url(), jUrl);
		assert.deepEqual(dbServices(J.occ, J.site), [], 'nothing saved yet');
	});
});

test('an invalid plan shows the violation next to its row and disables Save; fixed, it saves', async () => {
	await step(page, 'invalid', async () => {
		const dlg = await dialog();
		assert.equal((await planRows(dlg)).length, 2, 'the rows of the previous steps');
		await dlg.getByRole('button', { name: `Remove ${LAN}` }).click();
		await until(async () => (await planRows(dlg)).length === 1, 'the row to go');
		assert.deepEqual((await planRows(dlg))[0].msgs, ['Public IP (/29) requires an Internet service']);
		const next = await dlg.locator('tr.row').first().evaluate((tr) => tr.nextElementSibling.className);
		assert.equal(next, 'msgs', 'the message is in the row right under it');
		assert.equal(await dlg.locator('button.save').isDisabled(), true, 'Save disabled');
		assert.equal(await text(dlg.locator('#blocked-why')), 'Saving is disabled until the problems shown are fixed.');
		assert.equal((await infra(dlg))[0], 'Switch ports 0/2');
		// Fix it and save.
		await dlg.getByRole('button', { name: `Add ${LAN}` }).click();
		await until(async () => (await planRows(dlg)).length === 2 && !(await dlg.locator('button.save').isDisabled()),
			'a valid plan');
		assert.deepEqual(dbServices(J.occ, J.site), [], 'nothing saved before Save');
		await Promise.all([
			page.waitForURL((u) => /\/services$/.test(u.pathname)),
			dlg.getByRole('button', { name: 'Add services' }).click(),
		]);
		assert.equal(await text(page.locator('.flash')), 'Services saved.');
		const saved = await tabRows(page);
		assert.deepEqual(saved.map((r) => [r.Service, r.Price, r.QTY, r.Total, r.Status]), [
			[PUBLIC_IP, '£25.00', '1', '£25.00', 'Scheduled'],
			[LAN, '£90.00', '1', '£90.00', 'Scheduled'],
		]);
		assert.deepEqual(await infra(page.locator('.infra')), ['Switch ports 0/3', 'Telephony extensions 0/0',
			'Public IP addresses 0/5', 'Wi-Fi devices 0/0', 'Wi-Fi accounts 0/0']);
		assert.equal(await text(page.getByRole('link', { name: 'Manage services' })), 'Manage services');
		assert.deepEqual(dbServices(J.occ, J.site), [[PUBLIC_IP, '2500', '1'], [LAN, '9000', '1']]);
	});
});

test('keyboard only: search, add, QTY without the mouse; Escape closes the dialog', async () => {
	const occ = 'Greenleaf Health';
	const site = 'Canary Wharf';
	assert.deepEqual(dbServices(occ, site), []);
	await step(page, 'keyboard', async () => {
		await page.goto(BASE_URL + servicesUrl(occ, site));
		const active = () => page.evaluate(() => {
			const el = document.activeElement;
			return { tag: el.tagName, id: el.id, text: el.textContent.trim(), label: el.getAttribute('aria-label'),
				cls: el.className, name: el.getAttribute('name') };
		});
		// Tab to "Add services" and press Enter.
		let a;
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			a = await active();
			if (a.tag === 'A' && a.text === 'Add services')
				break;
		}
		assert.equal(a.text, 'Add services', 'Tab reaches the Add services button');
		await page.keyboard.press('Enter');
		const dlg = page.locator('dialog.manage-dialog');
		await dlg.waitFor({ state: 'visible' });
		// The search box has the focus; otherwise Tab there.
		for (let i = 0; i < 40 && (await active()).id !== 'svc-search'; i++)
			await page.keyboard.press('Tab');
		assert.equal((await active()).id, 'svc-search', 'Tab reaches the search box');
		// "internet": the first match is also the first service, so the
		// steps below do not depend on how the others are hidden (checked
		// by the search test above).
		await page.keyboard.type('internet');
		await until(() => dlg.locator('.avail-list li:not([hidden])').count().then((n) => n === 2), 'the list to filter');
		// Tab: the service name (its tooltip shows on focus), then its add button.
		await page.keyboard.press('Tab');
		a = await active();
		assert.deepEqual([a.tag, a.text, a.cls], ['SPAN', LAN, 'svc-name']);
		const tip = dlg.locator('.avail-list li', { has: page.locator('.svc-name', { hasText: LAN }) }).getByRole('tooltip');
		assert.equal(await tip.isVisible(), true, 'the tooltip shows on keyboard focus');
		await page.keyboard.press('Tab');
		a = await active();
		assert.equal(a.label, `Add ${LAN}`);
		await page.keyboard.press('Enter');
		await until(async () => (await planRows(dlg)).length === 1, 'the row to be added');
		// Focus stays on the add button after the form is redrawn.
		await until(async () => (await active()).label === `Add ${LAN}`, 'focus back on the add button');
		// Tab on to the QTY field (past Internet (LAN + Wi-Fi)'s name and button, the contract, the price;
		// generously bounded, the search test checks that hidden entries are out of the way).
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			a = await active();
			if (a.name === 'row[0][qty]')
				break;
		}
		assert.equal(a.name, 'row[0][qty]', 'Tab reaches the QTY field');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('3');
		await until(async () => (await planRows(dlg))[0].total === '£270.00', 'the row total for QTY 3');
		const rows = await planRows(dlg);
		assert.deepEqual(rows.map((r) => [r.name, r.qty, r.total, r.msgs]), [[LAN, '3', '£270.00', []]]);
		assert.equal((await active()).name, 'row[0][qty]', 'typing keeps the focus in the QTY field');
		assert.equal(await text(dlg.locator('.grand')), '£270.00');
		assert.equal((await infra(dlg))[0], 'Switch ports 0/3');
		assert.equal(await dlg.locator('button.save').isDisabled(), false);
		// Escape with an unsaved row asks first (Cancel keeps the dialog);
		// confirmed, it closes; nothing was saved; focus returns to the button.
		await page.keyboard.press('Escape');
		const ask = page.getByRole('alertdialog');
		await ask.waitFor({ state: 'visible' });
		assert.equal(await text(ask.locator('p')), 'Discard your changes to these services? Nothing has been saved.');
		await page.keyboard.press('Enter');	// the focused button: Cancel
		await ask.waitFor({ state: 'detached' });
		assert.equal(await dlg.isVisible(), true, 'Cancel keeps the dialog and its rows');
		assert.equal((await planRows(dlg)).length, 1);
		await page.keyboard.press('Escape');
		await ask.getByRole('button', { name: 'Discard changes' }).click();
		await dlg.waitFor({ state: 'detached' });
		a = await active();
		assert.equal(a.text, 'Add services');
		assert.deepEqual(dbServices(occ, site), []);
	});
});

/* ---- without JavaScript ------------------------------------------------------ */

const K = { occ: 'Kestrel Logistics', site: 'Canary Wharf' };
let nojs;

test('without JavaScript the Search button filters Available services (full page)', async () => {
	nojs = await openBrowser({ javaScriptEnabled: false });
	const p = nojs;
	await step(p, 'no-js-search', async () => {
		await signIn(p, servicesUrl(K.occ, K.site));
		assert.equal(await p.locator('html').getAttribute('class'), null, 'static/app.js did not run');
		assert.ok(await p.getByRole('button', { name: 'Apply' }).isVisible(), 'the filters have an Apply button');
		await Promise.all([
			p.waitForURL(/\/services\/manage$/),
			p.getByRole('link', { name: 'Add services' }).click(),
		]);
		assert.equal(await text(p.getByRole('heading', { level: 1 })), K.occ);
		assert.equal(await text(p.getByRole('heading', { level: 2, name: 'Add services' })), 'Add services');
		await p.getByLabel('Search services').fill('public');
		await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.getByRole('button', { name: 'Search', exact: true }).click()]);
		assert.equal(await p.getByLabel('Search services').inputValue(), 'public', 'the box keeps the text');
		assert.equal(await p.locator('.avail-list li:not([hidden])').count(), 1, 'the server marks the others hidden');
		assert.deepEqual(await visibleAvail(p), [PUBLIC_IP], 'only the match shows');
	});
});

test('without JavaScript the dialog is a page: add, Recalculate, save', async () => {
	assert.deepEqual(dbServices(K.occ, K.site), []);
	const p = nojs || await openBrowser({ javaScriptEnabled: false });
	await step(p, 'no-js', async () => {
		if (!nojs)
			await signIn(p, servicesUrl(K.occ, K.site));
		await p.goto(`${BASE_URL}${servicesUrl(K.occ, K.site)}/manage`);
		const recalc = p.getByRole('button', { name: 'Recalculate' });
		assert.ok(await recalc.isVisible(), 'a visible Recalculate button');
		assert.equal(await p.locator('.avail-list li').count(), 17, 'everything Canary Wharf offers');
		await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.getByRole('button', { name: `Add ${PUBLIC_IP}` }).click()]);
		assert.deepEqual((await planRows(p)).map((r) => [r.name, r.msgs]),
			[[PUBLIC_IP, ['Public IP (/29) requires an Internet service']]]);
		assert.equal(await p.locator('button.save').isDisabled(), true);
		await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.getByRole('button', { name: `Add ${LAN}` }).click()]);
		assert.deepEqual(await infra(p), ['Switch ports 0/3', 'Telephony extensions 0/0',
			'Public IP addresses 0/5', 'Wi-Fi devices 0/0', 'Wi-Fi accounts 0/0']);
		assert.deepEqual((await planRows(p)).map((r) => r.msgs), [[], []]);
		assert.equal(await p.locator('button.save').isDisabled(), false);
		// QTY 2, Recalculate: the totals follow.
		await p.getByLabel(`QTY of ${LAN}`).fill('2');
		await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), recalc.click()]);
		assert.deepEqual((await planRows(p)).map((r) => [r.name, r.qty, r.total]), [[PUBLIC_IP, '1', '£25.00'], [LAN, '2', '£180.00']]);
		assert.equal(await text(p.locator('.grand')), '£205.00');
		assert.equal((await infra(p))[0], 'Switch ports 0/4');
		// Enter in a field recalculates too (the form's first, default button).
		await p.getByLabel(`Price per unit for ${LAN}`).fill('85.00');
		await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.getByLabel(`Price per unit for ${LAN}`).press('Enter')]);
		assert.equal(await text(p.locator('.grand')), '£195.00');
		await shoot(p, 'manage-nojs.png', false);
		// Save (the button reads "Add services" for a first save).
		await Promise.all([
			p.waitForURL((u) => /\/services$/.test(u.pathname)),
			p.getByRole('button', { name: 'Add services' }).click(),
		]);
		assert.equal(await text(p.locator('.flash')), 'Services saved.');
		assert.deepEqual((await tabRows(p)).map((r) => [r.Service, r.Price, r.QTY, r.Total]),
			[[PUBLIC_IP, '£25.00', '1', '£25.00'], [LAN, '£85.00', '2', '£170.00']]);
		assert.deepEqual(dbServices(K.occ, K.site), [[PUBLIC_IP, '2500', '1'], [LAN, '8500', '2']]);
	});
});

test('no console errors, script errors or server errors along the way', () => {
	assert.deepEqual(problems, []);
});
