// usage-rates.test.mjs: an operator admin changes a tariff's rate in a real
// browser, from the Catalog to Usage rates, editing the rate card in its
// labelled text box: a bad line is refused on the page, the error list
// focused and linked to the box, the text kept; corrected, the card loads
// and the table shows the new rate. The demo's rate is put back afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowsers, openBrowser, problems, signIn, stepper, text } from './lib.mjs';
import { db } from '../http/lib.mjs';

let page, step;
const RATE = 'rate,tariff-payg,447,uk_mobile,9,0,0,60,1';

before(async () => {
	step = await stepper('usage-rates');
	page = await openBrowser();
	await signIn(page, '/catalog');
});

after(async () => {
	await closeBrowsers();
	db(`UPDATE usage_rate r JOIN service s ON s.id = r.service_id SET r.per_minute = 9000
		WHERE s.code = 'tariff-payg' AND r.prefix = '447' AND s.operator_id =
		(SELECT id FROM operator WHERE name = 'Northwind Workspaces')`);
});

/* The Pay as you go table's row of prefix +447: its cells. */
async function mobileRow() {
	const row = page.getByRole('region', { name: /Pay as you go/ }).getByRole('row', { name: /^\+447 / });
	return text(row);
}

test('a rate changed through the rate card box: refused with the text kept, then loaded', async () => {
	await step(page, 'open', async () => {
		await Promise.all([page.waitForURL(/\/catalog\/usage$/), page.getByRole('link', { name: 'Usage rates' }).click()]);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Usage rates');
		assert.match(await mobileRow(), /^\+447 UK mobile 9 0 0 60\/1$/);
		const box = page.getByLabel('Rate card', { exact: true });
		assert.ok((await box.inputValue()).includes(`\n${RATE}\n`), 'the card holds the demo rate');
	});
	let card;
	await step(page, 'refused', async () => {
		const box = page.getByLabel('Rate card', { exact: true });
		card = await box.inputValue();
		const bad = card.replace(`\n${RATE}\n`, `\n${RATE.replace(',9,', ',7.5p,')}\n`);
		await box.fill(bad);
		await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Load rate card' }).click()]);
		await page.waitForLoadState();
		const alert = page.getByRole('alert');
		assert.match(await text(alert), /Nothing was changed: Rate card line \d+: a price is a number of pence/);
		assert.equal(await page.evaluate(() => document.activeElement?.id), 'errors', 'the error list has the focus');
		assert.equal(await page.getByLabel('Rate card', { exact: true }).inputValue(), bad, 'the text kept');
		assert.equal(await page.getByLabel('Rate card', { exact: true }).getAttribute('aria-invalid'), 'true');
		assert.match(await mobileRow(), /^\+447 UK mobile 9 0 0 60\/1$/, 'nothing changed');
	});
	await step(page, 'loaded', async () => {
		await page.getByLabel('Rate card', { exact: true }).fill(card.replace(`\n${RATE}\n`, `\n${RATE.replace(',9,', ',7.5,')}\n`));
		await Promise.all([page.waitForURL(/\/catalog\/usage\?done=/), page.getByRole('button', { name: 'Load rate card' }).click()]);
		assert.match(await text(page.getByRole('status')), /^Rate card loaded: 4 groups \(0 new\), \d+ rates of 2 tariffs, 3 allowances, 3 tiers\.$/);
		assert.match(await mobileRow(), /^\+447 UK mobile 7\.5 0 0 60\/1$/);
	});
	assert.deepEqual(problems.filter((x) => !/status of 422 .*\/catalog\/usage\)$/.test(x)), []);
});
