// dialog.test.mjs: the Manage services dialog keeps what matters in view
// and never loses input. The footer (Provisioned infrastructure, the total
// per month, Save) stays on screen with eight services; Save waits for a
// change; Available services show prices; a repeated add raises the QTY;
// an exclusion is marked on both rows; Esc with unsaved changes asks. With
// 300 ms of latency injected on every preview, a second add clicked
// 100 ms after the first is kept, and keystrokes typed while a
// recalculation is on its way survive it.
//
// UPDATE_SCREENSHOTS=1 also refreshes doc/dialog-footer.png (README).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN as ADMIN_EMAIL, occupierId, signedIn, siteId } from '../http/lib.mjs';
import { occsvcRows, occupierWith } from '../http/services-lib.mjs';
import {
	ADMIN, BASE_URL, OUT, closeBrowsers, openBrowser, problems, signIn, stepper, text, until,
} from './lib.mjs';

const DOC = fileURLToPath(new URL('../../doc/', import.meta.url));
const LAN = 'Internet (LAN only) 100 Mbps';
let page, step;

async function planRows(dlg) {
	return dlg.evaluate((el) => [...el.querySelectorAll('tr.row')].map((tr) => ({
		name: tr.querySelector('.svc-name').textContent.trim(),
		price: tr.querySelector('input.money').value,
		qty: tr.querySelector('input.qty').value,
		total: tr.querySelector('td.total').textContent.trim(),
	})));
}

/* Nothing on its way and nothing waiting: the form is not busy and the
 * last recalculation's total is in. */
async function settled(dlg) {
	return dlg.evaluate((el) => !el.querySelector('form.manage').hasAttribute('aria-busy'));
}

async function openDialog(url) {
	await page.goto(BASE_URL + url);
	await page.getByRole('link', { name: /^(Add|Manage) services$/ }).click();
	const dlg = page.locator('dialog.manage-dialog');
	await dlg.waitFor({ state: 'visible' });
	return dlg;
}

before(async () => {
	step = await stepper('dialog');
	page = await openBrowser();
	await signIn(page, '/occupiers', ADMIN);
});
after(closeBrowsers);

test('eight services: the footer with the fractions, the total and Save stays in view (screenshot)', async () => {
	const acme = occupierId('Acme Analytics Ltd');
	const cw = siteId('Canary Wharf');
	const before_ = JSON.stringify(occsvcRows(acme, cw));
	await step(page, 'footer', async () => {
		const dlg = await openDialog(`/occupiers/${acme}/sites/${cw}/services`);
		const save = dlg.locator('button.save');
		assert.equal(await save.isDisabled(), true, 'Save waits for a change');
		// Prices in Available services.
		const item = dlg.locator('.avail-list li', { has: page.locator('.svc-name', { hasText: 'Voicemail to email' }) });
		assert.match(await text(item.locator('.svc-price')), /^£\d[\d,]*\.\d\d a month$/);
		await item.getByRole('button').click();
		await until(async () => (await planRows(dlg)).length === 8, 'the eighth row');
		await until(() => save.isEnabled(), 'Save enabled by the change');
		const box = await dlg.locator('.manage-foot').evaluate((f) => {
			const r = f.getBoundingClientRect();
			return { top: r.top, bottom: r.bottom, h: window.innerHeight };
		});
		assert.ok(box.top >= 0 && box.bottom <= box.h, `the footer is on screen: ${JSON.stringify(box)}`);
		const foot = dlg.locator('.manage-foot');
		assert.equal(await foot.locator('.infra-inline li').count(), 5, 'the five fractions in the footer');
		assert.match(await text(foot.locator('.grand')), /^£\d[\d,]*\.\d\d$/);
		assert.equal(await foot.locator('button.save').isVisible(), true);
		const lastRow = await dlg.locator('tr.row').last().evaluate((tr) => tr.getBoundingClientRect().bottom);
		assert.ok(lastRow > box.top, 'the rows scroll under it (eight rows are taller than the dialog)');
		await mkdir(OUT, { recursive: true });
		await page.mouse.move(0, 0);
		await page.screenshot({ path: join(OUT, 'dialog-footer.png'), animations: 'disabled', caret: 'hide' });
		if (process.env.UPDATE_SCREENSHOTS === '1')
			await copyFile(join(OUT, 'dialog-footer.png'), join(DOC, 'dialog-footer.png'));
		// An exclusion: the message on one row, a mark on the other.
		await dlg.getByRole('button', { name: 'Add Premium support' }).click();
		await until(async () => (await planRows(dlg)).length === 9, 'the Premium support row');
		const std = dlg.locator('tr.row', { has: page.locator('.svc-name', { hasText: 'Standard support' }) });
		const prem = dlg.locator('tr.row', { has: page.locator('.svc-name', { hasText: 'Premium support' }) });
		const marked = [await std.locator('.excl-mark').count(), await prem.locator('.excl-mark').count()];
		assert.deepEqual(marked.sort(), [0, 1], 'one row marked, the other carries the message');
		assert.equal(await save.isDisabled(), true, 'blocked by the exclusion');
		// Adding a service already on the plan raises its QTY.
		await dlg.getByRole('button', { name: 'Add Premium support' }).click();
		await until(async () => (await planRows(dlg)).find((r) => r.name === 'Premium support').qty === '2', 'QTY 2');
		assert.equal((await planRows(dlg)).length, 9, 'no second row');
		assert.match(await text(prem.locator('.bumped')), /QTY raised to 2/);
		assert.match(await text(dlg.locator('tr.row', { has: page.locator('.svc-name', { hasText: 'Premium support' }) })
			.locator('xpath=following-sibling::tr[1]')), /At most 1 Premium support/, 'the limit on that row');
		// Esc asks before discarding; discarded, nothing was saved.
		await page.keyboard.press('Escape');
		const ask = page.getByRole('alertdialog');
		await ask.waitFor({ state: 'visible' });
		await ask.getByRole('button', { name: 'Cancel' }).click();
		assert.equal(await dlg.isVisible(), true, 'kept');
		await dlg.getByRole('link', { name: 'Close without saving' }).click();
		await ask.getByRole('button', { name: 'Discard changes' }).click();
		await dlg.waitFor({ state: 'detached' });
	});
	assert.equal(JSON.stringify(occsvcRows(acme, cw)), before_, 'nothing saved');
});

test('with 300 ms of latency, a second add 100 ms after the first and keystrokes during a recalculation are kept', async () => {
	const admin = await signedIn(ADMIN_EMAIL);
	const cw = siteId('Canary Wharf');
	const o = await occupierWith(admin, cw);
	let posts = 0;
	await page.route('**/services/manage', async (route) => {
		if (route.request().method() === 'POST') {
			posts++;
			await new Promise((r) => setTimeout(r, 300));
		}
		await route.continue();
	});
	try {
		await step(page, 'latency', async () => {
			const dlg = await openDialog(`/occupiers/${o.occ}/sites/${cw}/services`);
			await dlg.getByRole('button', { name: 'Add Voice line' }).click();
			await new Promise((r) => setTimeout(r, 100));
			await dlg.getByRole('button', { name: `Add ${LAN}` }).click();
			await until(async () => (await planRows(dlg)).length === 2 && await settled(dlg), 'both rows');
			assert.deepEqual((await planRows(dlg)).map((r) => r.name), ['Voice line', LAN], 'the second add is kept');
			// A QTY change starts a recalculation; the price typed while it
			// is on its way (one key at a time, across its answer) survives.
			await dlg.getByLabel(`QTY of ${LAN}`).fill('2');
			await until(() => dlg.evaluate((el) => el.querySelector('form.manage').hasAttribute('aria-busy')),
				'the recalculation on its way');
			const price = dlg.getByLabel(`Price per unit for ${LAN}`);
			await price.focus();
			await page.keyboard.press('Control+A');
			await page.keyboard.type('75.50', { delay: 100 });
			await until(async () => await settled(dlg) && (await text(dlg.locator('.grand'))) === '£166.00',
				'the total with both changes (15.00 + 2 × 75.50)');
			const rows = await planRows(dlg);
			assert.deepEqual(rows.map((r) => [r.name, r.price, r.qty, r.total]),
				[['Voice line', '15.00', '1', '£15.00'], [LAN, '75.50', '2', '£151.00']]);
			assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'row[1][price]',
				'the focus stays in the field being typed in');
			// Typing right after an add, while it is on its way: the field
			// keeps the focus and the keys.
			await dlg.getByRole('button', { name: 'Add Call recording' }).click();
			const qty = dlg.getByLabel('QTY of Voice line');
			await qty.focus();
			await page.keyboard.press('Control+A');
			await page.keyboard.type('2', { delay: 100 });
			await until(async () => await settled(dlg) && (await text(dlg.locator('.grand'))) === '£186.00',
				'the total with the add and the typed QTY (2 × 15.00 + 2 × 75.50 + 5.00)');
			assert.deepEqual((await planRows(dlg)).map((r) => [r.name, r.qty]),
				[['Voice line', '2'], [LAN, '2'], ['Call recording', '1']]);
			assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), 'row[0][qty]');
			assert.ok(posts >= 6, `every action reached the server (${posts} posts)`);
			await page.keyboard.press('Escape');
			await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
			await dlg.waitFor({ state: 'detached' });
		});
	} finally {
		await page.unroute('**/services/manage');
	}
	assert.deepEqual(occsvcRows(o.occ, cw), [], 'nothing saved');
});

test('no console errors, script errors or server errors along the way', () => {
	assert.deepEqual(problems, []);
});
