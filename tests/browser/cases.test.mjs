// cases.test.mjs: a case walked in a real browser (Debian's chromium,
// headless, playwright-core) against the stack of tests/run.sh: the IVR
// pre-fill link, raising the case through the labelled fields, a comment,
// close and reopen, and the list's status tabs and occupier filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = process.env.TENANTRY_OUT || fileURLToPath(new URL('../out/', import.meta.url));
const DB_SOCKET = process.env.TENANTRY_DB_SOCKET || '';
const ADMIN = { email: 'admin@northwind.example', password: 'tenantry-demo' };
const TIMEOUT = 15000;
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking', '--disable-component-update',
	'--disable-sync'];

let ctx, profile, page;
const problems = [];

function dbValue(sql) {
	return execFileSync('mariadb', ['--no-defaults', '-S', DB_SOCKET, '-u', 'root', 'tenantry', '-N', '-B',
		'-e', sql], { encoding: 'utf8' }).trim();
}

async function text(locator) {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

async function step(name, fn) {
	try {
		await fn();
	} catch (e) {
		await mkdir(OUT, { recursive: true }).catch(() => {});
		await page.screenshot({ path: join(OUT, `browser-failed-cases-${name}.png`), fullPage: true })
			.catch(() => {});
		throw e;
	}
}

before(async () => {
	profile = await mkdtemp(join(tmpdir(), 'tenantry-chromium-'));
	ctx = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London',
	});
	ctx.setDefaultTimeout(TIMEOUT);
	ctx.setDefaultNavigationTimeout(TIMEOUT);
	page = ctx.pages()[0] || await ctx.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || ''))
			problems.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('response', (r) => {
		if (r.status() >= 500)
			problems.push(`HTTP ${r.status()} for ${r.url()}`);
	});
});

after(async () => {
	await ctx?.close().catch(() => {});
	if (profile)
		await rm(profile, { recursive: true, force: true });
});

test('raise an IVR case from the pre-fill link, comment, close, reopen; list tabs and filter', async () => {
	const acme = dbValue("SELECT id FROM occupier WHERE name = 'Acme Analytics Ltd'");
	const cw = dbValue("SELECT id FROM site WHERE name = 'Canary Wharf'");
	const ivr = dbValue(`SELECT s.id FROM service s JOIN operator o ON o.id = s.operator_id
		WHERE o.name = 'Northwind Workspaces' AND s.code = 'ivr'`);
	const subject = `IVR configuration ${Date.now()}`;

	await step('sign-in', async () => {
		await page.goto(`${BASE_URL}/cases/new?occupier=${acme}&site=${cw}&service=${ivr}&subject=${encodeURIComponent(subject)}`);
		await page.waitForURL(/\/login(\?|$)/);
		await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
		await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
		await Promise.all([
			page.waitForURL((u) => !u.pathname.startsWith('/login')),
			page.getByRole('button', { name: 'Sign in' }).click(),
		]);
	});

	await step('form', async () => {
		// Sign-in returns to the path; the pre-fill link is opened again.
		await page.goto(`${BASE_URL}/cases/new?occupier=${acme}&site=${cw}&service=${ivr}&subject=${encodeURIComponent(subject)}`);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Raise a case');
		assert.equal(await page.getByLabel('Occupier').inputValue(), 'Acme Analytics Ltd');
		assert.equal(await page.getByLabel('Site').locator('option:checked').innerText(), 'Canary Wharf');
		assert.equal(await page.getByLabel('Related service').locator('option:checked').innerText(), 'IVR');
		assert.equal(await page.getByLabel('Subject').inputValue(), subject);
		assert.match(await page.getByLabel('Details').inputValue(), /^Please include:\n- The phone number/);
		await mkdir(OUT, { recursive: true });
		await page.screenshot({ path: join(OUT, 'case-new.png') });
		await page.getByLabel('Details').fill('Menu: 1 sales, 2 support.\nHours 9-17.');
		await Promise.all([
			page.waitForURL(/\/cases\/\d+$/),
			page.getByRole('button', { name: 'Raise case' }).click(),
		]);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), subject);
		assert.equal(await text(page.locator('.flash')), 'Created.');
	});

	await step('conversation', async () => {
		await page.getByLabel('Add a comment').fill('Recording to follow by email.');
		await Promise.all([
			page.waitForURL(/\/cases\/\d+#c\d+$/),
			page.getByRole('button', { name: 'Add comment' }).click(),
		]);
		assert.match(await text(page.locator('li.comment').last()), /Nadia Admin .* Recording to follow by email\./);
		await Promise.all([
			page.waitForURL(/\/cases\/\d+$/),
			page.getByRole('button', { name: 'Close case' }).click(),
		]);
		assert.match(await text(page.locator('li.system').last()), /Closed by Nadia Admin\.$/);
		assert.equal(await page.getByLabel('Add a comment').count(), 0, 'no comment field while closed');
		await page.screenshot({ path: join(OUT, 'case-closed.png'), fullPage: true });
		await Promise.all([
			// The same URL again: the GET after the redirect.
			page.waitForResponse((res) => res.request().method() === 'GET' && /\/cases\/\d+$/.test(new URL(res.url()).pathname)),
			page.getByRole('button', { name: 'Reopen case' }).first().click(),
		]);
		assert.match(await text(page.locator('li.system').last()), /Reopened by Nadia Admin\.$/);
		assert.ok(await page.getByLabel('Add a comment').isVisible());
	});

	await step('list', async () => {
		await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click();
		await page.waitForURL((u) => u.pathname === '/cases');
		const tabs = page.getByRole('navigation', { name: 'Case status' });
		assert.equal(await tabs.getByRole('link', { name: /^Open/ }).getAttribute('aria-current'), 'page');
		// With JavaScript the selects submit themselves; the occupier picker
		// offers the server's matches as you type, Enter filters.
		assert.equal(await page.getByRole('button', { name: 'Filter' }).isVisible(), false);
		const picker = page.getByLabel('Occupier');
		await picker.pressSequentially('Acme An');
		await page.waitForFunction(() => [...document.querySelectorAll('#f-occupier-list option')]
			.some((o) => o.textContent.startsWith('Acme Analytics Ltd')));
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('occupier_occ') === 'Acme An'),
			picker.press('Enter'),
		]);
		assert.equal(await picker.inputValue(), 'Acme Analytics Ltd');
		assert.equal(new URL(await tabs.getByRole('link', { name: /^Closed/ }).getAttribute('href'), BASE_URL)
			.searchParams.get('occupier'), acme);
		const row = page.locator('table.grid tbody tr', { hasText: subject });
		assert.equal(await row.count(), 1);
		assert.match(await text(row), /Acme Analytics Ltd Canary Wharf IVR Open \d+ \w{3} \d{4} 1 Normal Unassigned /);
		await page.screenshot({ path: join(OUT, 'cases.png') });
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('status') === 'closed'),
			tabs.getByRole('link', { name: /^Closed/ }).click(),
		]);
		assert.equal(await page.locator('table.grid tbody tr', { hasText: subject }).count(), 0);
	});
	assert.deepEqual(problems, []);
});
