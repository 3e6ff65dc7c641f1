// widths.test.mjs: no screen scrolls sideways. Every operator and every
// occupier screen is opened at 360 px (a small phone) and at 1280 px (a
// laptop), and the page may not be wider than the window
// (document.documentElement.scrollWidth <= the viewport's width). The
// Manage services page is measured without JavaScript too (the no-JS and
// conflict form is a whole page, not a dialog).
//
// UPDATE_SCREENSHOTS=1 also refreshes doc/phone-view.png (README): Acme's
// services at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, ADMIN, OUT, openBrowser, closeBrowsers, signIn, stepper, problems } from './lib.mjs';
import { ADMIN as ADMIN_EMAIL, dbValue, occupierId, rnd, signedIn, siteId, operatorId } from '../http/lib.mjs';

const OCC_ADMIN = { email: 'admin@acme.example', password: 'tenantry-demo' };
const WIDTHS = [360, 1280];
let step;

/* The month before the pinned day, YYYY-MM (a month that is over). */
function prevMonth(day) {
	const [y, m] = day.split('-').map(Number);
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function first(sql) {
	return Number(dbValue(sql));
}

function operatorScreens() {
	const op = operatorId();
	const acme = occupierId('Acme Analytics Ltd');
	const cw = siteId('Canary Wharf');
	const occ = `/occupiers/${acme}`;
	const at = `${occ}/sites/${cw}`;
	const contract = first(`SELECT MIN(id) FROM contract WHERE occupier_id = ${acme}`);
	const service = first(`SELECT MIN(id) FROM service WHERE operator_id = ${op}`);
	const kase = first(`SELECT COALESCE(MIN(id), 0) FROM support_case WHERE operator_id = ${op}`);
	const invoice = first(`SELECT COALESCE(MIN(id), 0) FROM invoice WHERE operator_id = ${op}`);
	const month = process.env.TENANTRY_TODAY ? prevMonth(process.env.TENANTRY_TODAY) : '2026-01';
	const list = ['/', '/dashboard', '/search?find=0101', '/occupiers', '/occupiers/new', '/occupiers/import',
		occ, `${occ}/edit`, `${occ}/move-in`, `${occ}/billing`,
		`${at}/contracts`, `${at}/contracts/new`, `${occ}/contracts/${contract}/edit`,
		`${at}/services`, `${at}/services/manage`, `${at}/history`, `${at}/telephony`,
		`${at}/devices`, `${at}/charges`, `${at}/users`, `${at}/usage`,
		'/catalog', '/catalog/new', `/catalog/${service}`, '/catalog/billing',
		'/sites', `/sites/${cw}`, `/sites/${cw}/telephony`, `/sites/${cw}/ports`, `/sites/${cw}/ports/import`,
		`/sites/${cw}/usage`, `/sites/${cw}/usage/import`,
		'/cases', '/cases/new',
		'/reports', `/reports/charges?month=${month}`, '/reports/active-services',
		`/sites/${cw}/network`, `/sites/${cw}/floors`, `/sites/${cw}/edit`,
		'/team', '/account', '/outbox', '/settings/api-keys', '/settings/api-docs', '/settings/webhooks',
		'/invoices', '/invoices/runs', '/invoices/export', '/invoices/settings'];
	if (invoice > 0)
		list.push(`/invoices/${invoice}`);
	if (kase > 0)
		list.push(`/cases/${kase}`);
	return list;
}

function occupierScreens() {
	const acme = occupierId('Acme Analytics Ltd');
	const cw = siteId('Canary Wharf');
	const kase = first(`SELECT COALESCE(MIN(id), 0) FROM support_case WHERE occupier_id = ${acme}`);
	const invoice = first(`SELECT COALESCE(MIN(id), 0) FROM invoice WHERE occupier_id = ${acme}
		AND status <> 'draft'`);
	const list = ['/my', `/my/sites/${cw}/services`, `/my/sites/${cw}/telephony`,
		`/my/sites/${cw}/devices`, `/my/sites/${cw}/charges`, `/my/sites/${cw}/usage`,
		'/my/cases', '/my/cases/new', '/my/users', '/my/invoices',
		'/account'];
	if (invoice > 0)
		list.push(`/my/invoices/${invoice}`);
	if (kase > 0)
		list.push(`/my/cases/${kase}`);
	return list;
}

/* Every path at every width: the list of those wider than the window. */
async function tooWide(p, paths) {
	const wide = [];
	for (const width of WIDTHS) {
		await p.setViewportSize({ width, height: 800 });
		for (const path of paths) {
			const r = await p.goto(`${BASE_URL}${path}`);
			if (r.status() !== 200) {
				wide.push(`${path} answers ${r.status()}`);
				continue;
			}
			const w = await p.evaluate(() => document.documentElement.scrollWidth);
			if (w > width)
				wide.push(`${path} at ${width} px is ${w} px wide`);
		}
	}
	return wide;
}

before(async () => {
	step = await stepper('widths');
	// A long occupier name (200 characters, as the form allows) in every
	// occupier list and drop-down, whatever ran before this file.
	const admin = await signedIn(ADMIN_EMAIL);
	await admin.get('/occupiers/new');
	const name = `Widths ${rnd()} ${'Very Long Occupier Name Holdings International '.repeat(4)}`.slice(0, 200).trim();
	const r = await admin.post('/occupiers/new', { name, version: '0' });
	assert.equal(r.status, 303, 'the long-named occupier');
	// And the newest case: a subject of 200 characters without a space,
	// which the case queue shows on its first page.
	const cw = siteId('Canary Wharf');
	const occ = Number(dbValue(`SELECT MIN(occupier_id) FROM contract WHERE site_id = ${cw}`));
	await admin.get('/cases/new');
	const c = await admin.post('/cases/new', { occupier: occ, site: cw,
		subject: `Widths${'z'.repeat(194)}`, details: 'A subject without a space.' });
	assert.equal(c.status, 303, 'the long-subject case');
});
after(closeBrowsers);

test('no operator screen scrolls sideways at 360 or 1280 px', async () => {
	const p = await openBrowser();
	await step(p, 'operator', async () => {
		await signIn(p, '/occupiers', ADMIN);
		assert.deepEqual(await tooWide(p, operatorScreens()), []);
	});
});

test('the Manage services page without JavaScript fits 360 and 1280 px', async () => {
	const p = await openBrowser({ javaScriptEnabled: false });
	await step(p, 'nojs', async () => {
		await signIn(p, '/occupiers', ADMIN);
		const at = `/occupiers/${occupierId('Acme Analytics Ltd')}/sites/${siteId('Canary Wharf')}`;
		assert.deepEqual(await tooWide(p, [`${at}/services/manage`, `${at}/services`, '/team']), []);
	});
});

test('no occupier screen scrolls sideways at 360 or 1280 px; the menu is compact', async () => {
	const p = await openBrowser();
	await step(p, 'occupier', async () => {
		await signIn(p, '/my', OCC_ADMIN);
		assert.deepEqual(await tooWide(p, occupierScreens()), []);
		// On a phone the menu is one bar, not a block above the page.
		await p.setViewportSize({ width: 360, height: 800 });
		await p.goto(`${BASE_URL}/my`);
		const top = await p.evaluate(() => document.querySelector('main').getBoundingClientRect().top);
		assert.ok(top < 120, `the page starts ${top} px from the top on a phone`);
	});
});

test('below 600 px a table is a stack of labelled cards', async () => {
	const p = await openBrowser({ viewport: { width: 360, height: 800 } });
	await step(p, 'cards', async () => {
		await signIn(p, '/my', OCC_ADMIN);
		await p.goto(`${BASE_URL}/my/sites/${siteId('Canary Wharf')}/services`);
		const cell = p.locator('table.grid tbody tr td[data-label]').first();
		assert.equal(await cell.evaluate((td) => getComputedStyle(td).display), 'block');
		const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
		assert.notEqual(label, 'none', 'the cell shows its column name');
		await p.setViewportSize({ width: 390, height: 844 });
		await mkdir(OUT, { recursive: true });
		await p.screenshot({ path: join(OUT, 'phone-view.png'), animations: 'disabled', caret: 'hide' });
		if (process.env.UPDATE_SCREENSHOTS === '1')
			await copyFile(join(OUT, 'phone-view.png'),
				join(fileURLToPath(new URL('../../doc/', import.meta.url)), 'phone-view.png'));
		await p.setViewportSize({ width: 1280, height: 800 });
		assert.equal(await cell.evaluate((td) => getComputedStyle(td).display), 'table-cell');
	});
	assert.deepEqual(problems, []);
});
