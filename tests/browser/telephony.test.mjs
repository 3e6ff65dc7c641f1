// telephony.test.mjs: the voice walk in a real browser (Debian's
// /usr/bin/chromium through playwright-core): add voice → the numbers are
// active → removing voice is refused (Telephony extensions 2/0, Save
// disabled) → deactivate the numbers in Telephony → the removal saves.
// It creates its own occupier and contract, so no demo data changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = process.env.TENANTRY_OUT || fileURLToPath(new URL('../out/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking', '--disable-component-update',
	'--disable-sync'];
const NAME = `Voice Walk ${Date.now().toString(36)}`;

let ctx, page, dir, base;	// base: /occupiers/ID/sites/SITE
const problems = [];

async function shot(name) {
	await mkdir(OUT, { recursive: true });
	await page.screenshot({ path: join(OUT, name), fullPage: true });
}

function infra(scope, label) {
	return scope.locator('li', { has: page.locator('.infra-label', { hasText: label }) })
	    .locator('.frac');
}

before(async () => {
	dir = await mkdtemp(join(tmpdir(), 'tenantry-chromium-'));
	ctx = await chromium.launchPersistentContext(dir, {
		executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 900 },
	});
	ctx.setDefaultTimeout(15000);
	page = ctx.pages()[0] || await ctx.newPage();
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.url()}`); });
	await page.goto(`${BASE_URL}/login`);
	await page.getByLabel('Email').fill('admin@northwind.example');
	await page.getByLabel('Password').fill('tenantry-demo');
	await Promise.all([page.waitForURL(/\/dashboard$/),
		page.getByRole('button', { name: 'Sign in' }).click()]);
});

after(async () => {
	await ctx?.close();
	if (dir)
		await rm(dir, { recursive: true, force: true });
});

test('an occupier with a contract and no services, through the move-in', async () => {
	await page.goto(`${BASE_URL}/occupiers/new`);
	await page.locator('#f-name').fill(NAME);
	await Promise.all([page.waitForURL(/\/move-in$/),
		page.getByRole('button', { name: 'Create occupier' }).click()]);
	await page.locator('#f-site').selectOption({ index: 1 });
	await page.getByLabel('Contract reference').fill(`VW-${Date.now()}`);
	await page.getByLabel('Start date').fill('2026-01-05');
	await Promise.all([page.waitForURL(/\/services\/manage\?movein=1$/),
		page.getByRole('button', { name: 'Save contract and choose services' }).click()]);
	base = new URL(page.url()).pathname.replace(/\/services\/manage$/, '');
});

test('add voice: two numbers are allocated and active at once', async () => {
	await page.goto(`${BASE_URL}${base}/services`);
	await page.getByRole('link', { name: 'Add services' }).click();
	const dlg = page.locator('dialog.manage-dialog');
	await dlg.waitFor();
	await dlg.getByRole('button', { name: 'Add Voice line' }).click();
	const qty = dlg.getByLabel('QTY of Voice line');
	await qty.fill('2');
	await assert.doesNotReject(() => infra(dlg, 'Telephony extensions')
	    .filter({ hasText: '0/2' }).waitFor());
	await Promise.all([page.waitForURL(/\/services$/),
		dlg.getByRole('button', { name: 'Add services' }).click()]);
	assert.equal(await infra(page, 'Telephony extensions').textContent(), '2/2');
	await page.goto(`${BASE_URL}${base}/telephony`);
	assert.equal(await page.locator('table .badge', { hasText: 'Active' }).count(), 2);
	await shot('telephony-active.png');
});

test('removing voice while numbers are active is refused: 2/0, Save disabled', async () => {
	await page.goto(`${BASE_URL}${base}/services`);
	await page.getByRole('link', { name: 'Manage services' }).click();
	const dlg = page.locator('dialog.manage-dialog');
	await dlg.waitFor();
	await dlg.getByRole('button', { name: 'Remove Voice line' }).click();
	await infra(dlg, 'Telephony extensions').filter({ hasText: '2/0' }).waitFor();
	await dlg.getByText('Telephony extensions: 2 active, 0 allocated — deactivate a phone number first')
	    .waitFor();
	assert.equal(await dlg.getByRole('button', { name: 'Save' }).isDisabled(), true);
	await shot('voice-removal-refused.png');
	await page.keyboard.press('Escape');
});

test('deactivate the numbers in Telephony, then the removal saves', async () => {
	await page.goto(`${BASE_URL}${base}/telephony`);
	for (let i = 0; i < 2; i++) {
		// Each asks first, naming the consequence.
		await page.getByRole('button', { name: /^Deactivate/ }).first().click();
		const ask = page.getByRole('alertdialog');
		assert.match(await ask.locator('p').innerText(), /will be unavailable until \d{1,2} [A-Z][a-z]{2} \d{4}/);
		await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
			ask.getByRole('button', { name: 'Deactivate the number' }).click()]);
	}
	assert.equal(await page.locator('table .badge', { hasText: 'Active' }).count(), 0);
	await page.goto(`${BASE_URL}${base}/services`);
	assert.equal(await infra(page, 'Telephony extensions').textContent(), '0/2');
	await page.getByRole('link', { name: 'Manage services' }).click();
	const dlg = page.locator('dialog.manage-dialog');
	await dlg.waitFor();
	await dlg.getByRole('button', { name: 'Remove Voice line' }).click();
	await infra(dlg, 'Telephony extensions').filter({ hasText: '0/0' }).waitFor();
	const save = dlg.getByRole('button', { name: 'Save' });
	assert.equal(await save.isDisabled(), false);
	await Promise.all([page.waitForURL(/\/services$/), save.click()]);
	assert.equal(await infra(page, 'Telephony extensions').textContent(), '0/0');
	assert.match(await page.locator('table.services').textContent(), /Voice line[\s\S]*Inactive/);
	assert.deepEqual(problems, []);
});
