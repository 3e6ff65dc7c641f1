// selfservice.test.mjs: the occupier's self-service view in a real browser
// (Debian's /usr/bin/chromium, headless, driven by playwright-core; issue
// 5): Acme's occupier admin (admin@acme.example) signs in at the same
// sign-in page, lands on its services (read-only, filters, Provisioned
// infrastructure), registers a Wi-Fi device within its allocation and
// raises a case.
//
// Acme's demo services include no Wi-Fi: for the length of this file Acme
// holds a "Wi-Fi devices pack (10)" (see addWifiPack).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TODAY, db, dbValue, occupierId, rnd, siteId } from '../http/lib.mjs';
import { serviceIds } from '../http/services-lib.mjs';

const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const OUT = process.env.TENANTRY_OUT || fileURLToPath(new URL('../out/', import.meta.url));
const OCC_ADMIN = { email: 'admin@acme.example', password: 'tenantry-demo' };
const TIMEOUT = 15000;
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking', '--disable-component-update',
	'--disable-sync'];

let ctx, page, profile, acme, cw, addedPack = 0;
const macs = [];	// devices registered here
const problems = [];

async function text(locator) {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/* Run fn; on failure keep a picture of the page in TENANTRY_OUT. */
async function step(name, fn) {
	try {
		await fn();
	} catch (e) {
		await mkdir(OUT, { recursive: true }).catch(() => {});
		await page.screenshot({ path: join(OUT, `browser-failed-selfservice-${name}.png`), fullPage: true })
			.catch(() => {});
		throw e;
	}
}

/*
 * Acme holds a Wi-Fi devices pack at Canary Wharf for the length of this
 * file: a row put in directly and taken out again in after(), with the
 * devices registered here, so that the files after this one (the
 * operator's Services tab of Acme) find Acme exactly as the demo data has
 * it.
 */
async function addWifiPack() {
	const pack = serviceIds()['Wi-Fi devices pack (10)'];
	const have = Number(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${acme}
		AND site_id = ${cw} AND service_id = ${pack} AND ended_at IS NULL`));
	if (have > 0)
		return;
	const [contract, start] = db(`SELECT id, start_date FROM contract WHERE occupier_id = ${acme}
		AND site_id = ${cw} ORDER BY id LIMIT 1`)[0];
	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
		start_date, activated_at) SELECT operator_id, id, ${cw}, ${pack}, ${contract}, 1200, 1, '${start}',
		'${TODAY}' FROM occupier WHERE id = ${acme}`);
	addedPack = Number(dbValue(`SELECT MAX(id) FROM occupier_service WHERE occupier_id = ${acme}
		AND service_id = ${pack}`));
}

function removeWifiPack() {
	for (const mac of macs) {
		const ids = db(`SELECT id FROM device WHERE occupier_id = ${acme} AND identifier = '${mac}'`).map((r) => r[0]);
		if (ids.length === 0)
			continue;
		db(`DELETE FROM audit_event WHERE entity = 'device' AND entity_id IN (${ids.join(',')})`);
		db(`DELETE FROM device WHERE id IN (${ids.join(',')})`);
	}
	if (addedPack > 0)
		db(`DELETE FROM occupier_service WHERE id = ${addedPack}`);
}

before(async () => {
	acme = occupierId('Acme Analytics Ltd');
	cw = siteId('Canary Wharf');
	await addWifiPack();
	profile = await mkdtemp(join(tmpdir(), 'tenantry-chromium-'));
	ctx = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 800 },
		locale: 'en-GB',
		timezoneId: 'Europe/London',
	});
	ctx.setDefaultTimeout(TIMEOUT);
	ctx.setDefaultNavigationTimeout(TIMEOUT);
	page = ctx.pages()[0] || await ctx.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || ''))
			problems.push(`console: ${m.text()} (${m.location().url || page.url()})`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message} (${page.url()})`));
	page.on('response', (r) => {
		if (r.status() >= 500)
			problems.push(`HTTP ${r.status()} for ${r.url()}`);
	});
});

after(async () => {
	removeWifiPack();
	await ctx?.close().catch(() => {});
	if (profile)
		await rm(profile, { recursive: true, force: true });
});

test('the occupier admin signs in and lands on its own services, read-only', async () => {
	await step('services', async () => {
		await page.goto(`${BASE_URL}/`);
		await page.waitForURL(/\/login(\?|$)/);
		await page.getByLabel('Email', { exact: true }).fill(OCC_ADMIN.email);
		await page.getByLabel('Password', { exact: true }).fill(OCC_ADMIN.password);
		await Promise.all([
			page.waitForURL(/\/my\/sites\/\d+\/services$/),
			page.getByRole('button', { name: 'Sign in' }).click(),
		]);
		assert.equal(new URL(page.url()).pathname, `/my/sites/${cw}/services`);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Acme Analytics Ltd');
		assert.equal(await text(page.getByRole('heading', { level: 2 })), 'Services at Canary Wharf');
		const menu = page.getByRole('navigation', { name: 'Main menu' });
		assert.deepEqual((await menu.getByRole('link').allInnerTexts()).map((s) => s.trim()),
			['Services', 'Cases', 'Invoices', 'Users', 'Account']);
		const heads = (await page.locator('table.services thead th').allTextContents()).map((s) => s.trim());
		assert.deepEqual(heads, ['Service', 'Contract', 'Start date', 'Activated', 'Price', 'QTY', 'Total', 'Status']);
		const names = (await page.locator('table.services .svc-name').allInnerTexts()).map((s) => s.trim());
		assert.ok(names.includes('Voice line') && names.includes('Wi-Fi devices pack (10)'), JSON.stringify(names));
		assert.equal(await page.getByRole('link', { name: /Manage services|Add services/ }).count(), 0,
			'no Manage services');
		const infra = page.getByRole('group', { name: 'Provisioned infrastructure' });
		assert.match(await text(infra), /Wi-Fi devices \d+\/10/);
		// The filters work (JavaScript submits the select by itself).
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('service') === 'inactive'),
			page.getByTitle('Service filter').selectOption('inactive'),
		]);
		assert.match(await text(page.locator('main')), /It is empty here\.|Inactive/);
		await page.goto(`${BASE_URL}/my/sites/${cw}/services`);
		await mkdir(OUT, { recursive: true });
		await page.screenshot({ path: join(OUT, 'selfservice-services.png') });
	});
});

test('the occupier admin registers a Wi-Fi device within its allocation', async () => {
	await step('devices', async () => {
		const tabs = page.getByRole('navigation', { name: 'Your sections' });
		await Promise.all([
			page.waitForURL(/\/my\/sites\/\d+\/devices$/),
			tabs.getByRole('link', { name: 'Devices' }).click(),
		]);
		const before_ = await text(page.locator('#wifi-devices'));
		const [used, allocated] = before_.split('/').map(Number);
		assert.equal(allocated, 10, before_);
		const mac = ['02', ...rnd(5).match(/../g)].join(':');
		macs.push(mac);
		await page.getByLabel(/MAC address/).fill(mac.toUpperCase());
		await page.getByLabel('Label', { exact: true }).fill('Reception laptop');
		await Promise.all([
			// The same URL again: the GET after the redirect.
			page.waitForResponse((res) => res.request().method() === 'GET' && /\/devices$/.test(new URL(res.url()).pathname)),
			page.getByRole('button', { name: 'Register device' }).click(),
		]);
		assert.equal(await text(page.getByRole('status').first()), 'The Wi-Fi device is registered and active.');
		assert.equal(await text(page.locator('#wifi-devices')), `${used + 1}/10`);
		const row = page.locator('table.devices tr', { hasText: mac });
		assert.match(await text(row), new RegExp(`Wi-Fi device ${mac} Reception laptop Active`));
		await page.screenshot({ path: join(OUT, 'selfservice-devices.png') });
	});
});

test('the occupier admin raises a case and sees it in its cases', async () => {
	await step('case', async () => {
		const menu = page.getByRole('navigation', { name: 'Main menu' });
		await Promise.all([
			page.waitForURL(/\/my\/cases$/),
			menu.getByRole('link', { name: 'Cases' }).click(),
		]);
		await Promise.all([
			page.waitForURL(/\/my\/cases\/new$/),
			page.getByRole('link', { name: 'Raise a case' }).click(),
		]);
		const subject = `Wi-Fi in the meeting room ${rnd(3)}`;
		assert.equal(await page.getByLabel(/^Site/).locator('option:checked').innerText(), 'Canary Wharf');
		await page.getByLabel(/^Related service/).selectOption({ label: 'Wi-Fi devices pack (10) (Wi-Fi)' });
		await page.getByLabel(/^Subject/).fill(subject);
		await page.getByLabel(/^Details/).fill('The signal drops in the meeting room on the second floor.');
		await Promise.all([
			page.waitForURL(/\/my\/cases\/\d+$/),
			page.getByRole('button', { name: 'Raise case' }).click(),
		]);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), subject);
		assert.match(await text(page.locator('main')), /Open Raised by Alex Acme/);
		assert.match(await text(page.locator('main')), /Related service Wi-Fi devices pack \(10\)/);
		await Promise.all([
			page.waitForURL(/\/my\/cases$/),
			page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click(),
		]);
		assert.ok(await page.getByRole('link', { name: subject }).isVisible());
		await page.screenshot({ path: join(OUT, 'selfservice-cases.png') });
	});
});

test('no console errors, page errors or server errors on the way', () => {
	assert.deepEqual(problems, []);
});
