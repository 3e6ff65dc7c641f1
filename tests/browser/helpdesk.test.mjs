// helpdesk.test.mjs: the help desk in a real browser (Debian's chromium,
// headless, playwright-core). A studio of its own gets five cases in
// every state, priority and assignment (through the HTTP forms, as staff
// would); the operator admin then filters the queue with the selects
// (JavaScript submits them), opens a case, starts a canned reply from the
// select, and copies a set-password link with the button. The queue is
// the README's picture (tests/screenshots/case-queue.png with
// UPDATE_SCREENSHOTS=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, db, dbValue, q, signedIn, siteId } from '../http/lib.mjs';
import { day, newContract, newOccupier } from '../http/services-lib.mjs';
import {
	BASE_URL, closeBrowsers, openBrowser, problems, shoot, signIn, stepper, text,
} from './lib.mjs';

let page, step, occ, cases = {};

before(async () => {
	const staff = await signedIn(STAFF);
	const cw = siteId('Canary Wharf');
	occ = await newOccupier(staff, 'Harbour Light Studio');
	// The picture reads better without the random suffix of the fixture.
	db(`UPDATE occupier SET name = 'Harbour Light Studio' WHERE id = ${occ}`);
	await newContract(staff, occ, cw, { start: day(-200) });
	const raise = async (subject, details, priority, category) => {
		await staff.get('/cases/new');
		const r = await staff.post('/cases/new', { occupier: occ, site: cw, subject, details, priority, category });
		assert.equal(r.status, 303, `raise ${subject}: ${r.text.slice(0, 200)}`);
		return Number(/\/cases\/(\d+)/.exec(r.location)[1]);
	};
	const staffId = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`));
	const adminId = Number(dbValue("SELECT id FROM app_user WHERE email = 'admin@northwind.example'"));
	const triage = (id, assignee, priority, category) =>
		staff.post(`/cases/${id}`, { op: 'triage', assignee, priority, category });
	const move = (id, to) => staff.post(`/cases/${id}`, { op: 'status', to });
	cases.ivr = await raise('Reception IVR: new menu', 'Menu: 1 bookings, 2 accounts. Greeting attached.',
		'high', 'ivr');
	cases.wifi = await raise('Wi-Fi drops on floor 3', 'Every hour or so since Monday.', 'urgent', 'wifi');
	cases.bridge = await raise('Conference bridge for the board', 'Six hosts, recorded calls.', 'normal',
		'conference_bridge');
	cases.bill = await raise('Invoice shows two voice lines', 'We have one line.', 'low', 'billing');
	cases.port = await raise('Port 3-14 dead', 'No link light.', 'normal', 'connectivity');
	await staff.get(`/cases/${cases.ivr}`);
	await triage(cases.ivr, staffId, 'high', 'ivr');
	await move(cases.ivr, 'in_progress');
	await triage(cases.wifi, adminId, 'urgent', 'wifi');
	await triage(cases.bridge, staffId, 'normal', 'conference_bridge');
	await move(cases.bridge, 'awaiting_customer');
	await move(cases.bill, 'resolved');
	// The Wi-Fi case came in three days ago and is still unanswered.
	db(`UPDATE support_case SET created_at = created_at - INTERVAL 3 DAY,
		sla_running_since = sla_running_since - 3 * 86400 WHERE id = ${cases.wifi}`);
	page = await openBrowser();
	step = await stepper('helpdesk');
});

after(closeBrowsers);

test('the queue: filters with the selects, SLA and assignee columns; a case with its triage and canned replies', async () => {
	await step(page, 'sign-in', () => signIn(page, `/cases?occupier=${occ}`));
	await step(page, 'queue', async () => {
		await page.goto(`${BASE_URL}/cases?occupier=${occ}`);
		const rows = page.locator('table.grid tbody tr');
		assert.equal(await rows.count(), 5);
		const wifi = page.locator('table.grid tbody tr', { hasText: 'Wi-Fi drops' });
		assert.match(await text(wifi), /Urgent Nadia Admin Breached: reply overdue · /);
		await page.setViewportSize({ width: 1600, height: 900 });
		await shoot(page, 'case-queue.png');
		await page.setViewportSize({ width: 1280, height: 800 });
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('priority') === 'urgent'),
			page.getByLabel('Priority').selectOption({ label: 'Urgent' }),
		]);
		assert.equal(await rows.count(), 1);
		await page.goto(`${BASE_URL}/cases?occupier=${occ}`);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('sla') === 'breached'),
			page.getByLabel('SLA').selectOption({ label: 'Breached' }),
		]);
		assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), ['Wi-Fi drops on floor 3']);
		await page.goto(`${BASE_URL}/cases?occupier=${occ}`);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('state') === 'awaiting_customer'),
			page.getByLabel('Status', { exact: true }).selectOption({ label: 'Awaiting customer' }),
		]);
		assert.deepEqual(await rows.locator('td:first-child').allInnerTexts(), ['Conference bridge for the board']);
	});
	await step(page, 'case', async () => {
		await page.goto(`${BASE_URL}/cases/${cases.ivr}`);
		assert.match(await text(page.locator('#sla')), /left to resolve/);
		assert.equal(await page.getByLabel('Assignee').locator('option:checked').innerText(), 'Sam Staff');
		await page.getByLabel('Canned reply').selectOption({ label: 'Configured, please test' });
		assert.match(await page.getByLabel('Add a comment').inputValue(), /^Your IVR on \[number\] is configured/);
		await page.getByLabel('Add a comment').fill('Your IVR on +44 20 7946 0100 is configured. Please test it.');
		await page.getByLabel(/Attach a file/).setInputFiles({ name: 'menu.txt', mimeType: 'text/plain',
			buffer: Buffer.from('1 bookings\n2 accounts\n') });
		await Promise.all([
			page.waitForURL(/\/cases\/\d+#c\d+$/),
			page.getByRole('button', { name: 'Add comment' }).click(),
		]);
		assert.equal(await text(page.locator('ul.attachments li a')), 'menu.txt');
		await Promise.all([
			page.waitForURL(/\/cases\/\d+$/),
			page.getByRole('button', { name: 'Await customer' }).click(),
		]);
		assert.match(await text(page.locator('#sla')), /clock paused/);
	});
	await step(page, 'copy-link', async () => {
		await page.goto(`${BASE_URL}/team`);
		await page.getByLabel(/^Name/).fill('Copy Tester');
		await page.getByLabel(/^Email/).fill(`copy-${Date.now()}@test.example`);
		await page.getByRole('button', { name: /Invite|Add/ }).last().click();
		const link = await page.locator('#set-password-link').inputValue();
		assert.ok(link.startsWith(`${BASE_URL}/set-password?token=`), link);
		await page.getByRole('button', { name: 'Copy link' }).click();
		await page.getByRole('button', { name: 'Copied' }).waitFor();
	});
	assert.deepEqual(problems, []);
});
