// numbers.test.mjs: an operator admin, in a real browser and by the
// keyboard where a form is filled, adds one number ported in from another
// provider to Shoreditch's pool (To left empty; a bad From refused by its
// field with the box kept ticked), sees it marked "Ported in", retires it
// after the confirmation that names it, finds it under the Retired filter,
// and restores it to the pool. The number is removed afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, closeBrowsers, openBrowser, problems, signIn, stepper, text } from './lib.mjs';
import { db, dbValue, siteId } from '../http/lib.mjs';

const NUMBER = '+44 20 7946 9977';
let page, step, sd;

before(async () => {
	step = await stepper('numbers');
	sd = siteId('Shoreditch');
	page = await openBrowser();
	await signIn(page, `/sites/${sd}/telephony`);
});

after(async () => {
	await closeBrowsers();
	db(`DELETE FROM phone_number WHERE number = '${NUMBER}'`);
});

async function enter(path) {
	await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
		page.keyboard.press('Enter')]);
	await page.waitForLoadState();
	assert.match(new URL(page.url()).pathname, path);
}

/* The row of NUMBER on the Telephony list, searched for. */
function row() {
	return page.locator('table.phones tbody tr', { hasText: NUMBER });
}

test('one number ported in, retired after a confirmation, restored', async () => {
	await step(page, 'ported in', async () => {
		await page.goto(`${BASE_URL}/sites/${sd}/numbers/new`);
		await page.getByLabel(/^From/).fill('20 7946 9977');
		await page.getByLabel('Ported in from another provider').check();
		await page.getByLabel(/^From/).focus();
		await enter(/\/numbers\/new$/);
		assert.match(await text(page.locator('#e-from')), /From must be a number in E\.164 form/);
		assert.ok(await page.getByLabel('Ported in from another provider').isChecked(), 'the box stays ticked');
		assert.equal(await page.getByLabel(/^From/).inputValue(), '20 7946 9977', 'input kept');
		await page.getByLabel(/^From/).fill(NUMBER);
		await enter(/\/telephony$/);
		assert.equal(dbValue(`SELECT CONCAT(state, '/', ported_in) FROM phone_number WHERE number = '${NUMBER}'`), 'available/1');
	});
	await step(page, 'retire', async () => {
		await page.goto(`${BASE_URL}/sites/${sd}/telephony?q=79469977`);
		assert.match(await text(row().locator('td').first()), /\+44 20 7946 9977 Ported in/);
		await row().getByRole('button', { name: `Retire ${NUMBER}` }).click();
		const ask = page.getByRole('alertdialog');
		assert.match(await text(ask), /Retire \+44 20 7946 9977\? It leaves the pool/);
		await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
			ask.getByRole('button', { name: 'Retire the number' }).click()]);
		assert.equal(dbValue(`SELECT state FROM phone_number WHERE number = '${NUMBER}'`), 'retired');
		await page.goto(`${BASE_URL}/sites/${sd}/telephony?state=retired`);
		assert.match(await text(row()), /Retired/);
		assert.equal(await row().getByRole('button', { name: /^Allocate/ }).count(), 0, 'not offered for allocation');
	});
	await step(page, 'restore', async () => {
		await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
			row().getByRole('button', { name: /^Restore to the pool/ }).click()]);
		assert.equal(dbValue(`SELECT state FROM phone_number WHERE number = '${NUMBER}'`), 'available');
	});
	assert.deepEqual(problems.filter((p) => !/422/.test(p)), [], problems.join('\n'));
});
