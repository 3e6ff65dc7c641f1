// dashboard.test.mjs: the operator's start page in a real browser: sign
// in lands on it, every block is there, the server-drawn chart has twelve
// bars with their figures also in a table, and the global search box in
// the menu finds a phone number typed the national way (a plain GET form).
// Takes the README's "dashboard" screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowsers, openBrowser, problems, shoot, signIn, stepper, text } from './lib.mjs';

let page, step;

before(async () => {
	step = await stepper('dashboard');
	page = await openBrowser();
});

after(closeBrowsers);

test('sign in lands on the start page: its blocks and a 12-bar chart', async () => {
	await step(page, 'dashboard', async () => {
		await signIn(page, '/');
		assert.equal(new URL(page.url()).pathname, '/dashboard');
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Today');
		for (const h of ['Open cases', 'Contracts in the next 30 days', 'Awaiting activation',
			'Over an allocation', "This month's charges by site", 'Charges, last 12 months'])
			assert.ok(await page.getByRole('heading', { level: 2, name: h }).isVisible(), h);
		const chart = page.getByRole('img', { name: /^Charges by month, / });
		assert.ok(await chart.isVisible(), 'the chart, named by its title');
		assert.equal(await chart.locator('g.bar rect').count(), 12);
		const box = await chart.boundingBox();
		assert.ok(box.width > 300 && box.height > 80, `drawn (${box.width}×${box.height})`);
		// Bars are as tall as their figures say: the tallest bar's title
		// carries the largest figure of the table.
		const heights = await chart.locator('g.bar rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
		await page.getByText('Figures', { exact: true }).click();
		const figures = await page.locator('table[data-block="months"] tbody tr td.num').allTextContents();
		assert.equal(figures.length, 12);
		const amounts = figures.map((f) => Number(f.replace(/[^0-9.]/g, '')));
		assert.equal(heights.indexOf(Math.max(...heights)), amounts.indexOf(Math.max(...amounts)));
		await page.getByText('Figures', { exact: true }).click();
		await page.evaluate(() => window.scrollTo(0, 0));
		await shoot(page, 'dashboard.png');
	});
});

test('the global search box finds a phone number typed the national way', async () => {
	await step(page, 'search', async () => {
		await page.getByLabel('Find a phone number, IP, MAC or port label').fill(' 020 7946 0100 ');
		await Promise.all([
			page.waitForURL((u) => u.pathname === '/search'),
			page.getByRole('button', { name: 'Find', exact: true }).click(),
		]);
		assert.equal(await text(page.getByRole('heading', { level: 2, name: 'Phone numbers' })), 'Phone numbers');
		assert.match(await text(page.locator('table.grid tbody')), /\+44 20 7946 0100/);
	});
	assert.deepEqual(problems, []);
});
