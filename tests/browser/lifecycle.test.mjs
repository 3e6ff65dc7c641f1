// lifecycle.test.mjs: an operator admin does issue 17's screens in a real
// browser, by the keyboard where a form is filled:
//   - imports floor ports at Shoreditch from a CSV: a file with bad rows is
//     refused line by line and writes nothing; a good one is previewed,
//     then imported, and its ports are listed;
//   - adds a catalog service with every field (a bad cost refused by its
//     field, the input kept), prices it at one site, retires it: marked
//     retired and no longer offered in Manage services;
//   - imports occupiers from a CSV: a bad line refused, nothing written; a
//     good file previewed and imported, the occupiers listed; the same file
//     again changes nothing;
//   - edits an occupier's record (legal name, company and VAT numbers,
//     billing address, a second billing contact), a bad VAT number refused
//     by its field;
//   - moves an occupier in on a contract with an end date and a service: the
//     Contracts tab shows the move-out checklist of that day.
// Everything made here is removed in after(), so that the later walks see
// the demo as seeded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, closeBrowsers, openBrowser, problems, signIn, stepper, text } from './lib.mjs';
import { TODAY, db, dbValue, occupierId, operatorId, q, rnd, siteId } from '../http/lib.mjs';

const TAG = `LC${rnd(4)}`.toUpperCase();
const SWITCH = `sw-${TAG.toLowerCase()}`;
const SERVICE = `Guest Wi-Fi ${TAG}`;
const WIFI = 'Wi-Fi devices pack (10)';
let page, step, NW, cw, sd;

before(async () => {
	step = await stepper('lifecycle');
	NW = operatorId();
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	page = await openBrowser();
	await signIn(page, '/occupiers');
});

// By the tag of this run: the occupiers (with their contracts, services and
// history), the switch and its ports, the catalog service.
after(async () => {
	await closeBrowsers();
	const occs = db(`SELECT id FROM occupier WHERE operator_id = ${NW}
		AND (billing_ref LIKE ${q(`${TAG}-%`)} OR name LIKE ${q(`% ${TAG}%`)})`).map((r) => r[0]);
	if (occs.length > 0) {
		const ids = occs.join(',');
		db(`DELETE FROM charge_ledger WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM occupier_service WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM occupier_site_plan WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM contract WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM infra_in_use WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM audit_event WHERE occupier_id IN (${ids})`);
		db(`DELETE FROM occupier WHERE id IN (${ids})`);
	}
	db(`DELETE FROM audit_event WHERE operator_id = ${NW} AND entity IN ('network_switch', 'floor_port')
		AND new_value LIKE ${q(`%${TAG}%`)}`);
	db(`DELETE FROM floor_port WHERE label LIKE ${q(`${TAG}-%`)}`);
	db(`DELETE FROM network_switch WHERE name = ${q(SWITCH)}`);
	const svc = db(`SELECT id FROM service WHERE name = ${q(SERVICE)}`).map((r) => r[0]);
	if (svc.length > 0) {
		const ids = svc.join(',');
		db(`DELETE FROM service_rule WHERE service_id IN (${ids}) OR other_service_id IN (${ids})`);
		db(`DELETE FROM service_site WHERE service_id IN (${ids})`);
		db(`DELETE FROM audit_event WHERE entity = 'service' AND entity_id IN (${ids})`);
		db(`DELETE FROM service WHERE id IN (${ids})`);
		db('UPDATE catalog_version SET version = version + 1');
	}
});

/* Click a link or button and wait for the page it leads to. */
async function go(locator, path) {
	await Promise.all([page.waitForURL((u) => path.test(u.pathname)), locator.click()]);
}

/* Submit the form of the focused field (or button) by the keyboard, and
 * wait for the page it answers (which may have the same address: a refusal
 * or a preview), then check where it is. */
async function enter(path) {
	await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
		page.keyboard.press('Enter')]);
	await page.waitForLoadState();
	assert.match(new URL(page.url()).pathname, path);
}

/* Focus a button by the keyboard's way (Tab lands on it) and press it. */
async function press(button, path) {
	await button.focus();
	await enter(path);
}

async function flash() {
	return text(page.getByRole('status'));
}

/* The rows of the first table.grid under root, as arrays of cell texts. */
async function rows(root) {
	return root.locator('table.grid tbody tr').evaluateAll((trs) => trs.map((tr) =>
		[...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())));
}

/* The error list at the top of a refused form. */
async function errors() {
	return page.locator('#errors li').allInnerTexts();
}

/* ---- 1. floor ports from a CSV ------------------------------------------ */

test('floor ports by CSV: bad rows refused line by line, nothing written; a good file previewed, imported and listed', async () => {
	const ports = () => dbValue(`SELECT COUNT(*) FROM floor_port WHERE site_id = ${sd}`);
	await step(page, 'ports', async () => {
		await page.goto(`${BASE_URL}/sites/${sd}/network`);
		await go(page.getByRole('link', { name: 'Add a switch' }), /\/switches\/new$/);
		await page.getByLabel(/^Name/).fill(SWITCH);
		await page.getByLabel(/^Model/).fill('Aruba CX 6100 12G');
		await page.getByLabel(/^Ports/).fill('8');
		await enter(/\/network$/);
		assert.equal(await flash(), 'Switch added.');

		const before_ = ports();
		await go(page.getByRole('link', { name: 'Import floor ports' }), /\/ports\/import$/);
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Import floor ports');
		await page.getByLabel(/^Floor/).selectOption({ label: 'Ground floor' });
		const bad = [
			'label,switch,port,role,space',
			`${TAG}-01,${SWITCH},1,occupier_lan,`,
			`${TAG}-02,${SWITCH},2,sideways,`,
			`${TAG}-03,${SWITCH},9,voice,`,
			`SD-G-01,${SWITCH},4,voice,`,
		].join('\n');
		await page.getByLabel('Or paste the rows').fill(bad);
		await page.keyboard.press('Tab');	// from the rows to Preview
		await enter(/\/ports\/import$/);
		const errs = await errors();
		assert.ok(errs.some((e) => /^Line 3: Role must be one of/.test(e)), errs.join('\n'));
		assert.ok(errs.some((e) => e.startsWith(`Line 4: Switch ${SWITCH} has ports 1 to 8`)), errs.join('\n'));
		assert.ok(errs.some((e) => e.startsWith('Line 5: This site already has a floor port labelled SD-G-01')),
			errs.join('\n'));
		assert.match(await text(page.locator('#e-csv')), /^Nothing was imported/);
		assert.equal(await page.getByLabel('Or paste the rows').inputValue(), bad, 'the rows kept');
		assert.equal(await page.getByLabel('Or paste the rows').getAttribute('aria-invalid'), 'true');
		assert.equal(await page.getByRole('button', { name: /^Import/ }).count(), 0, 'no Import button');
		assert.equal(ports(), before_, 'nothing written');

		// A good file, chosen as a file: previewed, nothing written yet.
		await page.getByLabel('Or paste the rows').fill('');
		await page.getByLabel('CSV file').setInputFiles({ name: 'ports.csv', mimeType: 'text/csv',
			buffer: Buffer.from(`label,switch,port,role,space\n${TAG}-01,${SWITCH},1,occupier_lan,\n`
				+ `${TAG}-02,${SWITCH},2,,\n${TAG}-03,${SWITCH},3,voice,\n`) });
		await press(page.getByRole('button', { name: 'Preview' }), /\/ports\/import$/);
		const preview = page.getByRole('region', { name: 'Preview: 3 floor ports' });
		assert.deepEqual(await rows(preview), [
			['2', `${TAG}-01`, SWITCH, '1', 'occupier_lan', ''],
			['3', `${TAG}-02`, SWITCH, '2', 'disabled', ''],
			['4', `${TAG}-03`, SWITCH, '3', 'voice', ''],
		]);
		assert.equal(ports(), before_, 'a preview writes nothing');
		await press(preview.getByRole('button', { name: 'Import 3 floor ports' }), /\/network$/);
		assert.equal(await flash(), '3 floor ports imported.');
		const sw = page.locator('table.grid tbody tr', { hasText: SWITCH });
		assert.equal(await text(sw.locator('td[data-label="Floor ports on it"]')), '3');
		assert.equal(ports(), String(Number(before_) + 3));

		// Listed on the Floor ports screen of the site.
		await page.goto(`${BASE_URL}/sites/${sd}/ports`);
		for (const [label, port, role] of [[`${TAG}-01`, '1', /LAN/i], [`${TAG}-02`, '2', /disabled/i],
			[`${TAG}-03`, '3', /voice/i]]) {
			const row = page.locator('table.grid tbody tr', { hasText: label });
			assert.equal(await row.count(), 1, `${label} listed`);
			assert.equal(await text(row.locator('td[data-label="Switch"]')), SWITCH);
			assert.equal(await text(row.locator('td[data-label="Switch port"]')), port);
			assert.match(await text(row.locator('td[data-label="Role"]')), role);
			assert.equal(await text(row.locator('td[data-label="Holder"]')), 'Unassigned');
		}
	});
});

/* ---- 2. a catalog service: added, priced at a site, retired -------------- */

/* The Available services of Manage services for occupier name at site: { name: price }. */
async function offered(name, site) {
	await page.goto(`${BASE_URL}/occupiers/${occupierId(name)}/sites/${site}/services/manage`);
	const list = page.getByRole('region', { name: 'Available services' });
	await list.waitFor();
	return Object.fromEntries(await list.locator('.avail-list li').evaluateAll((lis) => lis.map((li) =>
		[li.querySelector('.svc-name').textContent.trim(), li.querySelector('.svc-price').textContent.trim()])));
}

test('a catalog service: a bad cost refused by its field with the input kept; added, priced at a site, retired', async () => {
	const code = `guest-wifi-${TAG.toLowerCase()}`;
	await step(page, 'catalog', async () => {
		await page.goto(`${BASE_URL}/catalog`);
		await go(page.getByRole('link', { name: 'Add a service' }), /^\/catalog\/new$/);
		const services = dbValue('SELECT COUNT(*) FROM service');
		await page.getByLabel('Code', { exact: true }).fill(code);
		await page.getByLabel('Name', { exact: true }).fill(SERVICE);
		await page.getByLabel('Category', { exact: true }).selectOption('Wi-Fi');
		await page.getByLabel(/^Description/).fill('Wi-Fi for visitors, on its own network.');
		await page.getByLabel('Switch ports', { exact: true }).fill('0');
		await page.getByLabel('Telephony extensions', { exact: true }).fill('0');
		await page.getByLabel('Public IP addresses', { exact: true }).fill('0');
		await page.getByLabel('Wi-Fi devices', { exact: true }).fill('5');
		await page.getByLabel('Wi-Fi accounts', { exact: true }).fill('2');
		await page.getByLabel('Canary Wharf', { exact: true }).check();
		await page.getByLabel('Shoreditch', { exact: true }).check();
		await page.getByLabel('RRP at Canary Wharf').fill('45.00');
		await page.getByLabel(/^RRP \(per unit/).fill('40.00');
		await page.getByLabel(/^Cost/).fill('12,50');
		await enter(/^\/catalog\/new$/);
		assert.match(await text(page.locator('#errors')), /^Nothing was saved: Cost must be an amount such as 12\.50/);
		const cost = page.getByLabel(/^Cost/);
		assert.equal(await cost.getAttribute('aria-invalid'), 'true');
		assert.match(await text(page.locator(`#${await cost.getAttribute('aria-describedby')}`)),
			/^Cost must be an amount such as 12\.50/);
		assert.equal(await cost.inputValue(), '12,50', 'input kept');
		assert.equal(await page.getByLabel('Code', { exact: true }).inputValue(), code);
		assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), SERVICE);
		assert.equal(await page.getByLabel('Category', { exact: true }).inputValue(), 'Wi-Fi');
		assert.equal(await page.getByLabel('Wi-Fi devices', { exact: true }).inputValue(), '5');
		assert.equal(await page.getByLabel('RRP at Canary Wharf').inputValue(), '45.00');
		assert.equal(await page.getByLabel('Shoreditch', { exact: true }).isChecked(), true);
		assert.equal(dbValue('SELECT COUNT(*) FROM service'), services, 'nothing saved');

		await page.getByLabel(/^Cost/).fill('12.50');
		await enter(/^\/catalog\/\d+$/);
		assert.equal(await flash(), 'Created.');
		assert.equal(await text(page.getByRole('heading', { level: 1 })), SERVICE);
		assert.equal(await page.getByLabel('RRP at Shoreditch').inputValue(), '');

		// Its own price at Shoreditch.
		await page.getByLabel('RRP at Shoreditch').fill('38.00');
		await enter(/^\/catalog\/\d+$/);
		assert.equal(await flash(), 'Changes saved.');
		assert.equal(await page.getByLabel('RRP at Shoreditch').inputValue(), '38.00');
		await page.goto(`${BASE_URL}/catalog`);
		const row = page.locator('table.grid tbody tr', { hasText: SERVICE });
		assert.equal(await row.count(), 1);
		assert.equal(await text(row.locator('td[data-label="Category"]')), 'Wi-Fi');
		assert.equal(await text(row.locator('td[data-label="Cost"]')), '£12.50');
		assert.equal(await text(row.locator('td[data-label="RRP"]')), '£40.00');
		assert.equal(await text(row.locator('td[data-label="Entitles (per unit)"]')), '5 Wi-Fi devices, 2 Wi-Fi accounts');
		assert.equal(await text(row.locator('td[data-label="Sites"]')), 'Canary Wharf (RRP 45.00), Shoreditch (RRP 38.00)');
		assert.equal(await row.locator('.chip.retired').count(), 0);
		// Offered at each site at its own price.
		assert.equal((await offered('Juniper Architects', sd))[SERVICE], '£38.00 a month');
		assert.equal((await offered('Acme Analytics Ltd', cw))[SERVICE], '£45.00 a month');

		// Retired: marked so, and no longer offered.
		await page.goto(`${BASE_URL}/catalog`);
		await go(page.getByRole('link', { name: SERVICE }), /^\/catalog\/\d+$/);
		await press(page.getByRole('button', { name: 'Retire' }), /^\/catalog\/\d+$/);
		assert.equal(await flash(), 'The service is retired: no longer offered.');
		assert.equal(await text(page.getByRole('heading', { level: 1 })), `${SERVICE} Retired`);
		assert.match(await text(page.locator('.page-head .sub')), /retired: no longer offered/);
		assert.equal(await page.getByRole('button', { name: 'Offer it again' }).count(), 1);
		assert.equal(await page.getByRole('button', { name: 'Retire' }).count(), 0);
		await page.goto(`${BASE_URL}/catalog`);
		assert.equal(await text(page.locator('table.grid tbody tr', { hasText: SERVICE }).locator('.chip.retired')),
			'Retired');
		assert.equal((await offered('Juniper Architects', sd))[SERVICE], undefined, 'not offered at Shoreditch');
		assert.equal((await offered('Acme Analytics Ltd', cw))[SERVICE], undefined, 'nor at Canary Wharf');
	});
});

/* ---- 3. occupiers from a CSV --------------------------------------------- */

const OCC_HEAD = 'billing_ref,name,legal_name,vat_number,contact_name,contact_email,site,contract_ref,start_date,end_date,value,notice_months,deposit';
const IMPORTED = [
	[`${TAG}-1`, `Harbourview Studio ${TAG}`, 'Canary Wharf', `C-${TAG}-1`],
	[`${TAG}-2`, `Northgate Labs ${TAG}`, 'Shoreditch', `C-${TAG}-2`],
];

/* Everything of Northwind's an occupier import may write. */
function occState() {
	return JSON.stringify(db(`SELECT (SELECT COUNT(*) FROM occupier WHERE operator_id = ${NW}),
		(SELECT COALESCE(SUM(version), 0) FROM occupier WHERE operator_id = ${NW}),
		(SELECT COUNT(*) FROM contract WHERE operator_id = ${NW}),
		(SELECT COUNT(*) FROM audit_event WHERE operator_id = ${NW})`));
}

/* Choose a file on the import page and press Preview by the keyboard. */
async function previewFile(body) {
	await page.getByLabel('CSV file of occupiers').setInputFiles({ name: 'occupiers.csv', mimeType: 'text/csv',
		buffer: Buffer.from(body) });
	await press(page.getByRole('button', { name: 'Preview' }), /^\/occupiers\/import$/);
}

test('occupiers by CSV: a bad line refused, nothing written; a good file previewed, imported, listed; again changes nothing', async () => {
	const good = [OCC_HEAD, ...IMPORTED.map(([ref, name, site, con], i) =>
		`${ref},${name},"${name}, Ltd",GB 123 4567 8${i + 1},Ada Payables,ap${i + 1}@lifecycle.example,`
		+ `${site},${con},2026-03-01,,1250.00,3,2500`)].join('\r\n') + '\r\n';
	const bad = `${good}${TAG}-3,Bad VAT ${TAG},,GB12,,,,,,,,,\r\n${TAG}-1,Twice ${TAG},,,,,,,,,,,\r\n`;
	await step(page, 'occupier-import', async () => {
		await page.goto(`${BASE_URL}/occupiers`);
		await go(page.getByRole('link', { name: 'Import occupiers' }), /^\/occupiers\/import$/);
		const before_ = occState();
		await previewFile(bad);
		assert.match(await text(page.locator('#errors > p')), /^Nothing was imported:$/);
		const errs = await errors();
		assert.ok(errs.some((e) => /^Line 4: vat_number “GB12” must be GB and 9 or 12 digits/.test(e)), errs.join('\n'));
		assert.ok(errs.some((e) => e.startsWith(`Line 5: billing_ref ${TAG}-1 is on line 2 too`)), errs.join('\n'));
		assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).count(), 0, 'no Import button');
		assert.equal(occState(), before_, 'nothing written');

		await previewFile(good);
		const preview = page.getByRole('region', { name: 'Preview' });
		assert.equal(await text(preview.locator('.summary')),
			'This file: 2 new, 0 updated, 0 unchanged occupiers; 2 new, 0 unchanged contracts.');
		assert.deepEqual(await rows(preview), IMPORTED.map(([ref, name, , con], i) =>
			[String(i + 2), ref, name, 'New', con, 'New']));
		assert.equal(occState(), before_, 'a preview writes nothing');
		await press(preview.getByRole('button', { name: 'Import', exact: true }), /^\/occupiers\/import$/);
		assert.equal(await flash(), 'Imported: 2 new, 0 updated, 0 unchanged occupiers; 2 new, 0 unchanged contracts.');

		// Listed, each at its site with its contract.
		await page.goto(`${BASE_URL}/occupiers`);
		await page.getByLabel('Search by name').fill(TAG);
		await enter(/^\/occupiers$/);
		assert.deepEqual((await rows(page)).map((r) => r.slice(0, 3)),
			IMPORTED.map(([ref, name, site]) => [name, ref, site]));
		await go(page.getByRole('link', { name: IMPORTED[0][1] }), /\/services$/);
		await go(page.getByRole('link', { name: 'Contracts', exact: true }), /\/contracts$/);
		const con = page.locator('table.grid tbody tr', { hasText: IMPORTED[0][3] });
		assert.equal(await text(con.locator('td[data-label="Start date"]')), '1 Mar 2026');
		assert.equal(await text(con.locator('td[data-label="Terms"]')), "1,250.00 a month, 3 months' notice, deposit 2,500.00");
		assert.equal(await text(page.locator('#record dd').nth(2)), 'GB123456781');

		// The same file again: the preview says nothing changes, and the import writes nothing.
		const after_ = occState();
		await page.goto(`${BASE_URL}/occupiers/import`);
		await previewFile(good);
		assert.equal(await text(page.locator('.preview .summary')),
			'This file: 0 new, 0 updated, 2 unchanged occupiers; 0 new, 2 unchanged contracts.');
		assert.deepEqual((await rows(page.locator('.preview'))).map((r) => [r[3], r[5]]),
			[['Unchanged', 'Unchanged'], ['Unchanged', 'Unchanged']]);
		await press(page.getByRole('button', { name: 'Import', exact: true }), /^\/occupiers\/import$/);
		assert.equal(await flash(), 'Imported: 0 new, 0 updated, 2 unchanged occupiers; 0 new, 2 unchanged contracts.');
		assert.equal(occState(), after_, 'a re-import changes nothing');
	});
});

/* ---- 4. an occupier's record --------------------------------------------- */

/* New occupier (step 1 of the move-in) by the keyboard; lands on step 2. Its id. */
async function newOccupier(name, ref) {
	await page.goto(`${BASE_URL}/occupiers`);
	await go(page.getByRole('link', { name: 'New occupier' }), /^\/occupiers\/new$/);
	await page.getByLabel('Name (required)').fill(name);
	await page.getByLabel('Billing reference').fill(ref);
	await enter(/^\/occupiers\/\d+\/move-in$/);
	assert.equal(await flash(), `${name} created. Now its site and contract.`);
	return Number(new URL(page.url()).pathname.split('/')[2]);
}

test("an occupier's record: legal name, numbers, billing address and contacts; a bad VAT number refused by its field", async () => {
	const name = `Quayside Partners ${TAG}`;
	await step(page, 'record', async () => {
		const id = await newOccupier(name, `${TAG}-R`);
		await go(page.getByRole('link', { name: 'Skip: no contract yet' }), /\/services$/);
		await go(page.getByRole('link', { name: 'Edit occupier' }).first(), new RegExp(`^/occupiers/${id}/edit$`));
		assert.equal(await text(page.getByRole('heading', { level: 1 })), 'Edit occupier');
		const fields = {
			'Legal name': `${name} LLP`,
			'Company number': 'oc 301 234',
			'VAT number': 'GB 123 45',
			'Billing address': '3 Quayside Walk\nLondon\nE14 9SH',
			'Billing contact name': 'Priya Ledger',
			'Billing contact email': 'ledger@quayside.example',
			'Name of billing contact 2': 'Tom Accounts',
			'E-mail of billing contact 2': 'accounts@quayside.example',
		};
		for (const [label, value] of Object.entries(fields))
			await page.getByLabel(label, { exact: true }).fill(value);
		await page.getByLabel('VAT number', { exact: true }).focus();
		await enter(new RegExp(`^/occupiers/${id}/edit$`));
		const vat = page.getByLabel('VAT number', { exact: true });
		assert.equal(await vat.getAttribute('aria-invalid'), 'true');
		assert.equal(await text(page.locator('#e-vat_number')), 'VAT number must be GB and 9 or 12 digits, e.g. GB123456789');
		assert.equal(await vat.getAttribute('aria-describedby'), 'h-vat_number e-vat_number');
		assert.deepEqual(await errors(), ['VAT number must be GB and 9 or 12 digits, e.g. GB123456789']);
		for (const [label, value] of Object.entries(fields))
			assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), value, `${label} kept`);
		assert.equal(await page.getByLabel('Company number', { exact: true }).getAttribute('aria-invalid'), null,
			'only the bad field is marked');
		assert.deepEqual(db(`SELECT legal_name, vat_number, contact_name, version FROM occupier WHERE id = ${id}`),
			[['', '', '', '1']], 'nothing saved');

		await vat.fill('gb 123 4567 89');
		await enter(/\/services$/);
		assert.equal(await flash(), 'Changes saved.');
		await go(page.getByRole('link', { name: 'Contracts', exact: true }), /\/contracts$/);
		const record = page.getByRole('region', { name: 'Occupier details' });
		const facts = Object.fromEntries(await record.locator('dt').evaluateAll((dts) => dts.map((dt) =>
			[dt.textContent.trim(), dt.nextElementSibling.innerText.trim()])));
		assert.deepEqual(facts, {
			'Legal name': `${name} LLP`,
			'Company number': 'OC301234',
			'VAT number': 'GB123456789',
			'Billing address': '3 Quayside Walk\nLondon\nE14 9SH',
			'Billing contacts': 'Priya Ledger <ledger@quayside.example> Tom Accounts <accounts@quayside.example>',
		});
		await go(record.getByRole('link', { name: 'Edit occupier' }), new RegExp(`^/occupiers/${id}/edit$`));
		assert.equal(await page.getByLabel('VAT number', { exact: true }).inputValue(), 'GB123456789');
		assert.equal(await page.getByLabel('Company number', { exact: true }).inputValue(), 'OC301234');
	});
});

/* ---- 5. the move-out checklist ------------------------------------------- */

test('move-in on a contract with an end date and a service: the Contracts tab shows the move-out checklist', async () => {
	const name = `Larkspur Events ${TAG}`;
	const ref = `MV-${TAG}`;
	await step(page, 'moveout', async () => {
		const id = await newOccupier(name, `${TAG}-M`);
		await page.getByLabel(/^Site/).selectOption({ label: 'Canary Wharf' });
		await page.getByLabel(/^Contract reference/).fill(ref);
		assert.equal(await page.getByLabel(/^Start date/).inputValue(), TODAY, 'starts today unless changed');
		await page.getByLabel(/^End date/).fill('2026-06-30');
		await page.getByLabel(/^Contract value a month/).fill('900');
		await enter(/\/services\/manage$/);
		assert.match(await text(page.locator('ol.steps [aria-current="step"]')), /^3 Services$/);
		await page.getByRole('button', { name: `Add ${WIFI}` }).click();
		const row = page.locator('tr.row', { hasText: WIFI });
		await row.waitFor();
		assert.equal(await text(row.getByLabel(`Contract for ${WIFI}`).locator('option:checked')), ref);
		await Promise.all([page.waitForURL((u) => /\/services$/.test(u.pathname)),
			page.locator('button.save').click()]);
		assert.equal(await flash(), 'Services saved.');

		await go(page.getByRole('link', { name: 'Contracts', exact: true }), /\/contracts$/);
		const con = page.locator('table.grid tbody tr', { hasText: ref });
		assert.equal(await text(con.locator('td[data-label="End date"]')), '30 Jun 2026');
		const moveout = page.locator('#moveout');
		assert.equal(await text(moveout.getByRole('heading')), 'Move-out on 30 Jun 2026');
		assert.equal(await text(moveout.locator('.hint')), 'On its end date the daily job:');
		assert.deepEqual(await moveout.getByRole('listitem').allInnerTexts(), [
			'1 service ends (charges stop on the end day)',
			"disables the occupier's users: no other contract goes on",
		]);
		assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${id} AND end_date = '2026-06-30'`), '1');
	});
});

test('no script errors or server errors along the way; the refusals answered 422', () => {
	const others = problems.filter((x) => !/status of 422 /.test(x));
	assert.deepEqual(others, []);
	assert.equal(problems.length, 4, `the four refusals: ${problems.join('\n')}`);
});
