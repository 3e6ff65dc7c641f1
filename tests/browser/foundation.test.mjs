// foundation.test.mjs: the foundation walked in a real browser (Debian's
// /usr/bin/chromium, headless, driven by playwright-core) against the stack
// that tests/run.sh starts: sign in, the Occupiers list and its search, an
// occupier's Contracts tab with statuses, the site selector with and without
// JavaScript, and the keyboard's first stop (the "Skip to content" link).
//
//   BASE_URL            the stack (set by tests/run.sh)
//   TENANTRY_OUT        where screenshots and failure shots go (tests/out)
//   UPDATE_SCREENSHOTS  1: also refresh tests/screenshots/*.png (README)
//
// The demo data is loaded with TENANTRY_TODAY pinned (tests/run.sh), so the
// statuses below are exact: Fjord Media has an ended and an open-ended
// contract at Canary Wharf and one open-ended contract at Shoreditch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	BASE_URL, closeBrowsers, openBrowser, problems, shoot, signIn, stepper, text,
} from './lib.mjs';

let page;		// the JavaScript-enabled page the walk shares
let step;		// step(page, name, fn): a picture of the page if fn fails
let fjordContracts;	// URL of Fjord Media's Contracts tab at Canary Wharf

/* The first data table's body rows as objects keyed by column heading. */
async function gridRows(p) {
	const table = p.locator('table.grid').first();
	await table.waitFor();
	// textContent, not innerText: headings are upper-cased by CSS only.
	const heads = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
	const rows = [];
	for (const tr of await table.locator('tbody tr').all()) {
		const cells = (await tr.locator('td').allInnerTexts()).map((s) => s.trim());
		rows.push(Object.fromEntries(cells.map((c, i) => [heads[i] || `col${i}`, c])));
	}
	return rows;
}

before(async () => {
	step = await stepper('foundation');
	page = await openBrowser();
});

after(closeBrowsers);

test('sign in with the labelled fields, land on the start page, open Occupiers', async () => {
	await step(page, 'sign-in', async () => {
		await page.goto(`${BASE_URL}/`);
		await page.waitForURL(/\/login(\?|$)/);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Tenantry Sign in');
		await shoot(page, 'sign-in.png', false);
		await signIn(page, '/');
		assert.equal(new URL(page.url()).pathname, '/dashboard');
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Today');
		const menu = page.getByRole('navigation', { name: 'Main menu' });
		await Promise.all([
			page.waitForURL((u) => u.pathname === '/occupiers'),
			menu.getByRole('link', { name: 'Occupiers' }).click(),
		]);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Occupiers');
		assert.equal(await menu.getByRole('link', { name: 'Occupiers' }).getAttribute('aria-current'),
			'page');
		assert.ok(await menu.getByRole('link', { name: 'Sites' }).isVisible());
		assert.ok(await menu.getByRole('button', { name: 'Sign out' }).isVisible());
		const rows = await gridRows(page);
		assert.ok(rows.length >= 10, `the demo occupiers are listed (${rows.length} rows)`);
		await shoot(page, 'occupiers.png');
	});
});

test('search "Fjord" and open Fjord Media: Contracts tab, one Active, one Inactive', async () => {
	await step(page, 'contracts', async () => {
		await page.getByLabel('Search by name').fill('Fjord');
		await Promise.all([
			page.waitForURL((u) => u.pathname === '/occupiers' && u.searchParams.get('q') === 'Fjord'),
			page.getByRole('button', { name: 'Search', exact: true }).click(),
		]);
		// The HTTP suite, run first by make test, may add occupiers of its own.
		const found = (await gridRows(page)).map((r) => r.Name);
		assert.ok(found.includes('Fjord Media'), JSON.stringify(found));
		assert.ok(found.every((n) => /fjord/i.test(n)), `only matches: ${JSON.stringify(found)}`);
		// An occupier opens on its Services tab; Contracts is the next tab.
		await Promise.all([
			page.waitForURL(/\/occupiers\/\d+\/sites\/\d+\/services$/),
			page.getByRole('link', { name: 'Fjord Media', exact: true }).click(),
		]);
		const tabs = page.getByRole('navigation', { name: 'Occupier sections' });
		await Promise.all([
			page.waitForURL(/\/occupiers\/\d+\/sites\/\d+\/contracts$/),
			tabs.getByRole('link', { name: 'Contracts' }).click(),
		]);
		fjordContracts = page.url();
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Fjord Media');
		assert.equal(await tabs.getByRole('link', { name: 'Contracts' }).getAttribute('aria-current'),
			'page');
		assert.equal(await text(page.getByRole('heading', { level: 2 })), 'Contracts at Canary Wharf');
		const site = page.getByLabel('Site', { exact: true });
		assert.equal(await site.locator('option:checked').innerText(), 'Canary Wharf');
		const rows = await gridRows(page);
		assert.deepEqual(rows.map((r) => r.Status).sort(), ['Active', 'Inactive'],
			JSON.stringify(rows));
		const active = rows.find((r) => r.Status === 'Active');
		const inactive = rows.find((r) => r.Status === 'Inactive');
		assert.equal(active['End date'], 'Open-ended');
		assert.notEqual(inactive['End date'], 'Open-ended');
		// With JavaScript the selector submits itself: its Go button is hidden.
		assert.equal(await page.getByRole('button', { name: 'Go' }).isVisible(), false);
		await shoot(page, 'contracts.png');
	});
});

test('the site selector switches to Shoreditch by itself (JavaScript)', async () => {
	assert.ok(fjordContracts, 'the previous test opened Fjord Media');
	await step(page, 'site-selector', async () => {
		await page.goto(fjordContracts);
		const from = new URL(page.url()).pathname;
		await Promise.all([
			page.waitForURL((u) => u.pathname !== from && /\/contracts$/.test(u.pathname)),
			page.getByLabel('Site', { exact: true }).selectOption({ label: 'Shoreditch' }),
		]);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Fjord Media');
		assert.equal(await text(page.getByRole('heading', { level: 2 })), 'Contracts at Shoreditch');
		const site = page.getByLabel('Site', { exact: true });
		assert.equal(await site.locator('option:checked').innerText(), 'Shoreditch');
		const rows = await gridRows(page);
		assert.deepEqual(rows.map((r) => r.Status), ['Active'], JSON.stringify(rows));
		assert.equal(rows[0]['End date'], 'Open-ended');
	});
});

test('keyboard: the first Tab reaches "Skip to content", which leads into the page', async () => {
	for (const url of [`${BASE_URL}/occupiers`, fjordContracts].filter(Boolean)) {
		await step(page, 'keyboard', async () => {
			await page.goto(url);
			await page.keyboard.press('Tab');
			const first = await page.evaluate(() => {
				const el = document.activeElement;
				const box = el.getBoundingClientRect();
				return { tag: el.tagName, text: el.textContent.trim(),
					href: el.getAttribute('href'), left: box.left, width: box.width };
			});
			assert.deepEqual({ tag: first.tag, text: first.text, href: first.href },
				{ tag: 'A', text: 'Skip to content', href: '#main' }, url);
			assert.ok(first.left >= 0 && first.width > 0, 'the link shows when focused');
			await page.keyboard.press('Enter');
			await page.waitForURL(/#main$/);
			await page.keyboard.press('Tab');
			const inMain = await page.evaluate(() =>
				document.activeElement.closest('main#main') !== null &&
				document.activeElement.closest('nav.menu') === null);
			assert.ok(inMain, `after the skip link, Tab goes into the content (${url})`);
		});
	}
});

test('without JavaScript the site selector has a visible Go button that works', async () => {
	assert.ok(fjordContracts, 'an earlier test opened Fjord Media');
	const p = await openBrowser({ javaScriptEnabled: false });
	await step(p, 'no-js', async () => {
		const path = new URL(fjordContracts).pathname;
		await signIn(p, path);
		assert.equal(new URL(p.url()).pathname, path, 'sign-in returns to the page asked for');
		assert.equal(await p.locator('html').getAttribute('class'), null,
			'static/app.js did not run');
		assert.equal(await text(p.getByRole('heading', { level: 2 })), 'Contracts at Canary Wharf');
		const go = p.getByRole('button', { name: 'Go' });
		assert.ok(await go.isVisible(), 'the Go button shows without JavaScript');
		await shoot(p, 'contracts-nojs.png', false);
		await p.getByLabel('Site', { exact: true }).selectOption({ label: 'Shoreditch' });
		assert.equal(new URL(p.url()).pathname, path, 'choosing alone does not navigate');
		await Promise.all([
			p.waitForURL((u) => u.pathname !== path && /\/contracts$/.test(u.pathname)),
			go.click(),
		]);
		assert.equal(await text(p.getByRole('heading', { level: 2 })), 'Contracts at Shoreditch');
		const rows = await gridRows(p);
		assert.deepEqual(rows.map((r) => r.Status), ['Active']);
	});
});

test('no console errors, script errors or server errors along the way', () => {
	assert.deepEqual(problems, []);
});
