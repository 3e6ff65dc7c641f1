// invoices.test.mjs: invoicing through the real stack (TENANTRY_TODAY =
// 2026-02-16): a bill run over the demo data bills the charges report to
// the penny, and again nothing; approval numbers and freezes a draft; an
// issued invoice cannot be changed by any route; drafts are edited; credit
// notes reverse exactly; payments; the PDF's text; exports to Xero,
// QuickBooks Online and Sage 50, once each; invoiced months are locked
// (contract edit, Manage services save) or, billed in advance, become
// adjustments; occupiers see their own issued documents only.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
	ROOT, STAFF, db, dbValue, decode, inputValue, occupierId, signedIn, siteId, assertHtml, redirectNames,
} from './lib.mjs';
import { serviceIds, openManage, submit, rowsOf, occupierWith } from './services-lib.mjs';
import {
	act, approve, billRun, chargesReport, csv, frozen, invoices, lines, pdfText, pence, plain, postForm,
	runRow, vatOf,
} from './invoices-lib.mjs';

let admin, staff, acmeUser, acme, fjord, delta, cw, sd, S;
let janRun;		// the run of January 2026 in arrears, all sites

before(async () => {
	admin = await signedIn('admin@northwind.example');
	staff = await signedIn(STAFF);
	acmeUser = await signedIn('admin@acme.example');
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
	delta = occupierId('Delta Robotics');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	S = serviceIds();
});

const NW = () => Number(dbValue(`SELECT id FROM operator WHERE name = 'Northwind Workspaces'`));

test('a bill run of January in arrears bills the charges report to the penny; run again, it bills nothing', async () => {
	const report = await chargesReport(admin, '2026-01');
	assert.ok(report.total > 0, 'January has charges');
	janRun = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	const run = runRow(janRun);
	assert.equal(run.state, 'done');
	const docs = invoices(`i.run_id = ${janRun}`);
	assert.equal(docs.length, run.invoices);
	assert.ok(docs.length >= 4, `drafts: ${docs.length}`);
	// Total and every occupier's subtotal of charge lines equal the
	// report's; the rest is January's usage (usage lines, see
	// usage-invoice.test.mjs), and the run counts both.
	const charged = (d) => lines(d.id).filter((l) => l.kind === 'charge').reduce((a, l) => a + l.net, 0);
	const used = (d) => lines(d.id).filter((l) => l.kind === 'usage').reduce((a, l) => a + l.net, 0);
	const sum = docs.reduce((a, d) => a + charged(d), 0);
	assert.equal(sum, report.total, 'invoices\' charge lines = report total');
	const usage = docs.reduce((a, d) => a + used(d), 0);
	assert.ok(usage > 0, 'the demo\'s January calls are invoiced');
	assert.equal(docs.reduce((a, d) => a + d.net, 0), sum + usage, 'invoices net = charges + usage');
	assert.equal(run.net, report.total + usage, 'the run counts the same');
	const byOcc = {};
	for (const d of docs) {
		assert.equal(d.status, 'draft');
		assert.equal(d.kind, 'invoice');
		if (charged(d) !== 0)
			byOcc[d.occName] = (byOcc[d.occName] || 0) + charged(d);
	}
	for (const [name, amount] of Object.entries(report.byOccupier))
		if (amount !== 0)
			assert.equal(byOcc[name], amount, `${name}: invoiced = report subtotal`);
	assert.equal(Object.keys(byOcc).length,
		Object.values(report.byOccupier).filter((v) => v !== 0).length, 'one draft per occupier billed');
	// Each document: net = Σ lines, VAT per line (20 %, half-up), summed.
	for (const d of docs) {
		const ls = lines(d.id);
		assert.ok(ls.length > 0);
		assert.equal(ls.reduce((a, l) => a + l.net, 0), d.net, `invoice ${d.id} net`);
		for (const l of ls) {
			assert.ok(['charge', 'usage'].includes(l.kind), `line ${l.id} kind ${l.kind}`);
			assert.equal(l.vat, vatOf(l.net, l.bp), `line ${l.id} VAT`);
			if (l.kind === 'charge')
				assert.equal(l.month, '2026-01-01');
		}
		assert.equal(ls.reduce((a, l) => a + l.vat, 0), d.vat, `invoice ${d.id} VAT = Σ line VAT`);
		assert.equal(d.gross, d.net + d.vat);
	}
	// Acme: the seven services of its Charges tab but the free one.
	const acmeDoc = docs.find((d) => d.occ === acme);
	assert.deepEqual(lines(acmeDoc.id).filter((l) => l.kind === 'charge').map((l) => [l.desc, l.qty, l.net]), [
		['Internet (LAN only) 100 Mbps · Canary Wharf', 1, 9000],
		['Public IP (/29) · Canary Wharf', 1, 2500],
		['Bandwidth 500 Mbps · Canary Wharf', 1, 15000],
		['Voice line · Canary Wharf', 3, 4200],
		['Call recording · Canary Wharf', 2, 1000],
		['UK Unlimited · Canary Wharf', 1, 2000],
	]);
	// The run's page.
	admin.jar.set('tn_flash', 'run');	// as the redirect of the action leaves it
	const page = await admin.get(`/invoices/runs/${janRun}`);
	assertHtml(page, 200, 'run page');
	assert.match(page.text, /Bill run \d+: January 2026 in arrears/);
	assert.match(page.text, new RegExp(`The run is done: ${docs.length} draft invoices`));
	// January is closed at both sites.
	assert.deepEqual(db(`SELECT site_id, state FROM billing_period WHERE operator_id = ${NW()}
		AND month = '2026-01-01' ORDER BY site_id`), [[String(cw), 'closed'], [String(sd), 'closed']]);
	// Again: nothing is billed twice.
	const again = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(again).invoices, 0, 'a second run makes no draft');
	assert.equal(invoices(`i.run_id = ${again}`).length, 0);
});

test('bill run form: a month that has not ended cannot be billed in arrears, nor a far month in advance; input kept', async () => {
	for (const [fields, msg] of [
		[{ period: '2026-02', mode: 'arrears', site: '' }, /A run in arrears bills a month that has ended/],
		[{ period: '2026-05', mode: 'advance', site: '' }, /A run in advance bills this month or next month/],
		[{ period: '2026-13', mode: 'arrears', site: '' }, /Month must be written YYYY-MM/],
		[{ period: '2026-01', mode: 'weekly', site: '' }, /Choose in arrears or in advance/],
		[{ period: '2025-12', mode: 'arrears', site: String(siteId('Harbour House')) }, /Site must be one of your sites/],
	]) {
		const before_ = Number(dbValue('SELECT COUNT(*) FROM bill_run'));
		const r = await postForm(admin, '/invoices/runs', fields);
		assertHtml(r, 422, JSON.stringify(fields));
		assert.match(r.text, msg);
		assert.equal(inputValue(r.body, 'period'), fields.period, 'the month typed is kept');
		assert.equal(Number(dbValue('SELECT COUNT(*) FROM bill_run')), before_, 'no run row');
	}
});

test('approval issues gap-free numbers with dates, terms and a copy of the billing details', async () => {
	const docs = invoices(`i.run_id = ${janRun}`);
	const acmeDoc = docs.find((d) => d.occ === acme);
	const next = Number(dbValue(`SELECT COALESCE(MAX(seq), 0) + 1 FROM invoice WHERE operator_id = ${NW()}
		AND kind = 'invoice'`));
	const number = await approve(admin, acmeDoc.id);
	assert.equal(number, `INV-${String(next).padStart(6, '0')}`);
	const [issue, due, bill, addr, vat, ref, seller, sellerVat] = db(`SELECT issue_date, due_date, bill_name,
		bill_address, bill_vat, bill_ref, seller_name, seller_vat FROM invoice WHERE id = ${acmeDoc.id}`)[0];
	assert.equal(issue, '2026-02-16');
	assert.equal(due, '2026-03-02', "Acme's 14-day terms");
	assert.equal(bill, 'Acme Analytics Limited');
	assert.equal(addr, 'Floor 12\n1 Canada Square\nLondon\nE14 5AB');
	assert.equal(vat, 'GB555010122', 'normalised as the occupier form does');
	assert.equal(ref, 'ACME-001');
	assert.equal(seller, 'Northwind Workspaces Ltd');
	assert.equal(sellerVat, 'GB 123 4567 89');
	admin.jar.set('tn_flash', 'approved');	// as the redirect of the action leaves it
	const page = await admin.get(`/invoices/${acmeDoc.id}`);
	assertHtml(page, 200, 'issued invoice');
	assert.match(page.text, /Approved: the invoice is issued/);
	assert.match(page.text, new RegExp(`${number}`));
	assert.match(page.text, /Date of issue \(tax point\) 16 Feb 2026 Payment due 2 Mar 2026/);
	// Approving it again: refused, same number.
	const r = await act(admin, acmeDoc.id, { op: 'approve' });
	assertHtml(r, 409, 'approve twice');
	assert.match(r.text, /issued already: it keeps its number/);
	assert.equal(dbValue(`SELECT number FROM invoice WHERE id = ${acmeDoc.id}`), number);
	// Another approval takes the next number; the default terms are 30 days.
	const fj = docs.find((d) => d.occ === fjord);
	assert.equal(await approve(admin, fj.id), `INV-${String(next + 1).padStart(6, '0')}`);
	assert.equal(dbValue(`SELECT due_date FROM invoice WHERE id = ${fj.id}`), '2026-03-18');
	// A stale form is refused.
	const dl = docs.find((d) => d.occ === delta);
	await admin.get(`/invoices/${dl.id}`);
	const stale = await admin.post(`/invoices/${dl.id}`, { op: 'approve', version: String(dl.version + 7) });
	assertHtml(stale, 409, 'stale approval');
	assert.match(stale.text, /changed by someone else meanwhile/);
	assert.equal(dbValue(`SELECT status FROM invoice WHERE id = ${dl.id}`), 'draft');
});

test('the PDF of an invoice: its text (pdftotext) has the seller, buyer, number, lines, VAT summary and totals', async () => {
	const inv = invoices(`i.occupier_id = ${acme} AND i.status = 'issued' AND i.kind = 'invoice'`)[0];
	const r = await admin.get(`/invoices/${inv.id}/pdf`);
	assert.equal(r.status, 200);
	assert.equal(r.type, 'application/pdf');
	assert.equal(r.headers.get('content-disposition'), `inline; filename="${inv.number}.pdf"`);
	assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
	const t = pdfText(r.bytes, `${inv.number}.pdf`);
	for (const s of ['Northwind Workspaces Ltd', 'VAT registration number GB 123 4567 89', 'INVOICE', inv.number,
		'Date of issue (tax point): 16 Feb 2026', 'Payment due: 2 Mar 2026', 'Period: January 2026 in arrears',
		'BILL TO', 'Acme Analytics Limited', 'Floor 12', 'VAT registration number GB555010122',
		'Your reference ACME-001', 'Voice line · Canary Wharf', '1–31 Jan 2026 · 3 × 14.00 · 31/31 days',
		'VAT SUMMARY', 'Barclays Bank plc', `quoting ${inv.number}`, 'Page 1 of 1'])
		assert.ok(t.includes(s), `PDF text has "${s}"`);
	const money = (v) => `£${plain(v).replace(/\B(?=(\d{3})+\.)/g, ',')}`;
	assert.match(t, new RegExp(`Total\\s+${money(inv.gross).replace('.', '\\.')}`));
	assert.match(t, new RegExp(`Net\\s+${money(inv.net).replace('.', '\\.')}`));
	for (const l of lines(inv.id))
		assert.ok(t.includes(plain(l.net)), `line amount ${plain(l.net)}`);
	// README's picture of a PDF page (UPDATE_SCREENSHOTS=1), from the demo data.
	if (process.env.UPDATE_SCREENSHOTS === '1')
		execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile',
			path.join(process.env.TENANTRY_OUT || path.join(ROOT, 'tests', 'out'), 'pdf', `${inv.number}.pdf`),
			path.join(ROOT, 'tests', 'screenshots', 'invoice-pdf')]);
	// The same bytes every time, and for the occupier.
	const again = await admin.get(`/invoices/${inv.id}/pdf`);
	assert.ok(again.bytes.equals(r.bytes), 'an issued document prints the same');
	const mine = await acmeUser.get(`/my/invoices/${inv.id}/pdf`);
	assert.equal(mine.status, 200);
	assert.ok(mine.bytes.equals(r.bytes), 'the occupier downloads the same PDF');
	// A draft says so.
	const draft = invoices(`i.run_id = ${janRun} AND i.status = 'draft'`)[0];
	const dt = pdfText((await admin.get(`/invoices/${draft.id}/pdf`)).bytes, `draft-${draft.id}.pdf`);
	assert.match(dt, /DRAFT – not issued, not a VAT invoice/);
});

test('an issued invoice never changes, by any route', async () => {
	const inv = invoices(`i.occupier_id = ${acme} AND i.status = 'issued' AND i.kind = 'invoice'`)[0];
	const before_ = frozen(inv.id);
	const line = lines(inv.id)[0];
	// Every action of its page that a draft has.
	for (const fields of [
		{ op: 'add_line', line_desc: 'Extra', line_qty: '1', line_price: '10.00', line_vat: 'standard' },
		{ op: 'add_discount', disc_desc: 'Goodwill', disc_amount: '5.00', disc_vat: 'standard' },
		{ op: 'remove_line', line: String(line.id) },
		{ op: 'discard' },
		{ op: 'approve' },
	]) {
		const r = await act(admin, inv.id, fields);
		assertHtml(r, 409, fields.op);
		assert.match(r.text, /This invoice is issued|issued already/, fields.op);
		assert.equal(frozen(inv.id), before_, `${fields.op} changed nothing`);
	}
	// What changes around it leaves it alone: a bill run of its month,
	// the occupier's billing details, the catalog's VAT rates and codes,
	// the invoice settings.
	await billRun(admin, { period: '2026-01', mode: 'arrears' });
	// A VAT number that breaks the occupier record's rule: refused by the
	// field, the input kept, nothing written.
	const v0 = dbValue(`SELECT version FROM occupier WHERE id = ${acme}`);
	let r = await postForm(admin, `/occupiers/${acme}/billing`, {
		billing_name: 'Acme Renamed', billing_address: 'Elsewhere', vat_number: 'GB 12', terms_days: '60', version: v0 });
	assert.equal(r.status, 422, r.text.slice(0, 200));
	assert.match(r.body, /<p class="err" id="e-vat_number">VAT registration number must be GB and 9 or 12 digits, e\.g\. GB123456789<\/p>/);
	assert.equal(inputValue(r.body, 'vat_number'), 'GB 12');
	assert.match(r.body, /id="f-vat_number"[^>]* aria-invalid="true" aria-describedby="e-vat_number"/, 'the field announces its error');
	assert.deepEqual(db(`SELECT billing_name, vat_number, version FROM occupier WHERE id = ${acme}`), [['Acme Analytics Limited', 'GB555010122', v0]]);
	r = await postForm(admin, `/occupiers/${acme}/billing`, {
		billing_name: 'Acme Renamed', billing_address: 'Elsewhere', vat_number: 'GB 999 9999 73', terms_days: '60',
		version: dbValue(`SELECT version FROM occupier WHERE id = ${acme}`) });
	assert.equal(r.status, 303, `occupier billing: ${r.text.slice(0, 200)}`);
	const svc = db(`SELECT id, vat_rate FROM service WHERE operator_id = ${NW()} ORDER BY id`);
	const codes = Object.fromEntries(svc.map(([id]) => [`vat_${id}`, 'zero']));
	r = await postForm(admin, '/catalog/billing', codes);
	assert.equal(r.status, 303, `catalog billing: ${r.text.slice(0, 200)}`);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM service WHERE operator_id = ${NW()} AND vat_rate <> 'zero'`)), 0);
	const set = await admin.get('/invoices/settings');
	const fields = Object.fromEntries(['legal_name', 'address', 'vat_number', 'email', 'payment_details',
		'invoice_prefix', 'credit_prefix', 'terms_days', 'xero_account', 'qbo_item', 'sage_nominal', 'version']
		.map((k) => [k, k === 'address' || k === 'payment_details' ?
			decode((new RegExp(`<textarea[^>]*name="${k}"[^>]*>([\\s\\S]*?)</textarea>`).exec(set.body) || [, ''])[1]) :
			inputValue(set.body, k)]));
	r = await admin.post('/invoices/settings', { ...fields, invoice_prefix: 'NW/', legal_name: 'Renamed Ltd' });
	assert.equal(r.status, 303, `settings: ${r.text.slice(0, 300)}`);
	assert.equal(frozen(inv.id), before_, 'unchanged by runs, billing details, codes and settings');
	const page = await admin.get(`/invoices/${inv.id}`);
	assert.match(page.text, /Acme Analytics Limited/, 'the copy made at approval is shown');
	assert.doesNotMatch(page.text, /Acme Renamed|Renamed Ltd/);
	// Put things back (the next tests read the demo details).
	r = await postForm(admin, `/occupiers/${acme}/billing`, {
		billing_name: 'Acme Analytics Limited', billing_address: 'Floor 12\n1 Canada Square\nLondon\nE14 5AB',
		vat_number: 'GB 555 0101 22', terms_days: '14', version: dbValue(`SELECT version FROM occupier WHERE id = ${acme}`) });
	assert.equal(r.status, 303);
	r = await postForm(admin, '/catalog/billing', Object.fromEntries(svc.map(([id, rate]) => [`vat_${id}`, rate])));
	assert.equal(r.status, 303);
	const set2 = await admin.get('/invoices/settings');
	r = await admin.post('/invoices/settings', { ...fields, version: inputValue(set2.body, 'version') });
	assert.equal(r.status, 303);
	// And the database itself refuses, whoever writes.
	assert.throws(() => db(`UPDATE invoice SET net = net + 1 WHERE id = ${inv.id}`), /an issued invoice never changes/);
	assert.throws(() => db(`DELETE FROM invoice_line WHERE invoice_id = ${inv.id}`), /never removed/);
	assert.throws(() => db(`DELETE FROM invoice WHERE id = ${inv.id}`), /never deleted/);
	assert.equal(frozen(inv.id), before_);
});

test('a draft is edited: one-off lines and discounts with their VAT, removed again, validated; discarded and billed again', async () => {
	const d = invoices(`i.run_id = ${janRun} AND i.occupier_id = ${delta}`)[0];
	assert.equal(d.status, 'draft');
	let r = await act(admin, d.id, { op: 'add_line', line_desc: 'Installation visit', line_qty: '2', line_price: '45.50',
		line_vat: 'standard' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(redirectNames(r)[0], `/invoices/${d.id}?done=line_added`);
	r = await act(admin, d.id, { op: 'add_discount', disc_desc: 'Loyalty discount', disc_amount: '12.35', disc_vat: 'standard' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const after = invoices(`i.id = ${d.id}`)[0];
	assert.equal(after.net, d.net + 9100 - 1235);
	assert.equal(after.vat, d.vat + 1820 - 247, 'VAT per line: 18.20 and -2.47 (half-up on 2.47)');
	assert.equal(after.gross, after.net + after.vat);
	const ls = lines(d.id);
	const disc = ls.find((l) => l.kind === 'discount');
	assert.deepEqual([disc.desc, disc.net, disc.vat], ['Loyalty discount', -1235, -247]);
	// Invalid input: kept, explained, nothing saved.
	r = await act(admin, d.id, { op: 'add_line', line_desc: '', line_qty: '0', line_price: 'abc', line_vat: 'standard' });
	assertHtml(r, 422, 'bad line');
	assert.match(r.text, /Description is required/);
	assert.match(r.text, /QTY/);
	assert.match(r.text, /Unit price/);
	assert.equal(inputValue(r.body, 'line_price'), 'abc');
	r = await act(admin, d.id, { op: 'add_line', line_desc: 'x', line_qty: '1', line_price: '1.00', line_vat: '17.5' });
	assertHtml(r, 422, 'bad rate');
	assert.match(r.text, /VAT rate must be standard, zero or exempt/);
	// A charge line cannot be removed; the discount can.
	r = await act(admin, d.id, { op: 'remove_line', line: String(ls.find((l) => l.kind === 'charge').id) });
	assertHtml(r, 422, 'remove a charge');
	assert.match(r.text, /Only a one-off line or a discount/);
	r = await act(admin, d.id, { op: 'remove_line', line: String(disc.id) });
	assert.equal(r.status, 303);
	assert.equal(invoices(`i.id = ${d.id}`)[0].net, d.net + 9100);
	// A draft discarded is billed again by the next run of its month.
	const other = invoices(`i.run_id = ${janRun} AND i.status = 'draft' AND i.occupier_id <> ${delta}`)[0];
	const ls0 = lines(other.id).map((l) => [l.desc, l.net]);
	r = await act(admin, other.id, { op: 'discard' });
	assert.equal(r.status, 303);
	assert.equal(redirectNames(r)[0], '/invoices?done=discarded');
	assert.equal(invoices(`i.id = ${other.id}`).length, 0);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM invoice_line WHERE invoice_id = ${other.id}`)), 0);
	const rerun = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	const again = invoices(`i.run_id = ${rerun}`);
	assert.equal(again.length, 1, 'only the discarded one is billed again');
	assert.equal(again[0].occ, other.occ);
	assert.deepEqual(lines(again[0].id).map((l) => [l.desc, l.net]), ls0);
	// Still exactly the report's total over every January draft and invoice.
	const report = await chargesReport(admin, '2026-01');
	const charged = Number(dbValue(`SELECT SUM(l.net) FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
		WHERE i.operator_id = ${NW()} AND i.kind = 'invoice' AND l.service_month = '2026-01-01'`));
	assert.equal(charged, report.total, 'January is billed once, to the penny');
});

test('credit notes: by line, then the rest; each reverses its lines exactly, with its own numbers', async () => {
	const inv = invoices(`i.occupier_id = ${acme} AND i.status = 'issued' AND i.kind = 'invoice'`)[0];
	const ls = lines(inv.id);
	const nextCn = Number(dbValue(`SELECT COALESCE(MAX(seq), 0) + 1 FROM invoice WHERE operator_id = ${NW()}
		AND kind = 'credit'`));
	let r = await act(admin, inv.id, { op: 'credit', line: String(ls[3].id) });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const cn1 = Number(/^\/invoices\/(\d+)\?done=credited$/.exec(redirectNames(r)[0])[1]);
	const c1 = invoices(`i.id = ${cn1}`)[0];
	assert.equal(c1.kind, 'credit');
	assert.equal(c1.status, 'issued');
	assert.equal(c1.number, `CN-${String(nextCn).padStart(6, '0')}`);
	assert.deepEqual([c1.net, c1.vat], [ls[3].net, ls[3].vat]);
	assert.equal(invoices(`i.id = ${inv.id}`)[0].credited, c1.gross);
	// The same line again: refused.
	r = await act(admin, inv.id, { op: 'credit', line: String(ls[3].id) });
	assertHtml(r, 422, 'credit twice');
	assert.match(r.text, /lines credited already cannot be credited again/);
	// The whole invoice: the rest of its lines.
	r = await act(admin, inv.id, { op: 'credit_all' });
	assert.equal(r.status, 303);
	const cn2 = Number(/^\/invoices\/(\d+)/.exec(r.location)[1]);
	const c2 = invoices(`i.id = ${cn2}`)[0];
	assert.equal(c2.number, `CN-${String(nextCn + 1).padStart(6, '0')}`);
	assert.equal(c1.net + c2.net, inv.net, 'net reversed exactly');
	assert.equal(c1.vat + c2.vat, inv.vat, 'VAT reversed exactly');
	assert.equal(c1.gross + c2.gross, inv.gross);
	const after = invoices(`i.id = ${inv.id}`)[0];
	assert.equal(after.credited, inv.gross);
	const page = await admin.get(`/invoices/${inv.id}`);
	assert.match(page.text, /Credited/);
	assert.match(page.text, new RegExp(`Credited by ${c1.number}`));
	// (No credit form is left on the page: the current version, by hand.)
	r = await admin.post(`/invoices/${inv.id}`, { op: 'credit_all', version: String(after.version) });
	assertHtml(r, 422, 'nothing left');
	assert.match(r.text, /Every line of this invoice is credited already/);
	// Line by line: each credit line copies its invoice line.
	const cl = [...lines(cn1), ...lines(cn2)];
	assert.equal(cl.length, ls.length);
	for (const l of ls) {
		const c = cl.find((x) => x.desc === l.desc && x.from === l.from);
		assert.ok(c, l.desc);
		assert.deepEqual([c.kind, c.net, c.vat, c.rate], ['credit', l.net, l.vat, l.rate]);
	}
	const cnPdf = pdfText((await admin.get(`/invoices/${cn2}/pdf`)).bytes, `${c2.number}.pdf`);
	assert.match(cnPdf, /CREDIT NOTE/);
	assert.match(cnPdf, new RegExp(`Credits invoice ${inv.number}`));
	assert.match(cnPdf, /CREDIT TO/);
	// A credit note is neither paid nor credited.
	r = await act(admin, cn2, { op: 'payment', pay_date: '2026-02-16', pay_amount: '1.00', pay_ref: '' });
	assertHtml(r, 409, 'pay a credit note');
});

test('payments: part, then the rest (paid); more than is due, or in the future, is refused', async () => {
	const dl = invoices(`i.run_id = ${janRun} AND i.occupier_id = ${delta}`)[0];
	await approve(admin, dl.id);
	const inv = invoices(`i.id = ${dl.id}`)[0];
	let r = await act(admin, inv.id, { op: 'payment', pay_date: '2026-02-16', pay_amount: plain(inv.gross + 1), pay_ref: '' });
	assertHtml(r, 422, 'overpay');
	assert.match(r.text, new RegExp(`at most what is due \\(${plain(inv.gross).replace(/\B(?=(\d{3})+\.)/g, ',')}\\)`));
	r = await act(admin, inv.id, { op: 'payment', pay_date: '2026-02-17', pay_amount: '1.00', pay_ref: '' });
	assertHtml(r, 422, 'future');
	assert.match(r.text, /cannot be in the future/);
	r = await act(admin, inv.id, { op: 'payment', pay_date: '2026-02-10', pay_amount: '10.00', pay_ref: 'BACS 1' });
	assert.equal(r.status, 303);
	admin.jar.set('tn_flash', 'paid');	// as the redirect of the action leaves it
	let page = await admin.get(`/invoices/${inv.id}`);
	assert.match(page.text, /Issued/);
	assert.match(page.text, /10 Feb 2026: £10\.00 \(BACS 1\)/);
	r = await act(admin, inv.id, { op: 'payment', pay_date: '2026-02-16', pay_amount: plain(inv.gross - 1000), pay_ref: '' });
	assert.equal(r.status, 303);
	assert.equal(invoices(`i.id = ${inv.id}`)[0].paid, inv.gross);
	page = await admin.get('/invoices?status=paid');
	assert.ok(page.text.includes(inv.number) || page.body.includes(`/invoices/${inv.id}"`), 'listed as paid');
	const list = await admin.get('/invoices?status=issued');
	assert.ok(!list.body.includes(`href="/invoices/${inv.id}"`), 'not in issued-unpaid');
});

test('exports: Xero, QuickBooks Online and Sage 50 rows of what was issued; each document once unless asked', async () => {
	const issued = invoices(`i.operator_id = ${NW()} AND i.status = 'issued'`);
	const sumSigned = issued.reduce((a, d) => a + (d.kind === 'credit' ? -d.net : d.net), 0);
	let r = await postForm(admin, '/invoices/export', { format: 'xero', from: '2026-02', to: '2026-02' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const xid = Number(/done=(\d+)$/.exec(r.location)[1]);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM invoice WHERE operator_id = ${NW()} AND status = 'issued'
		AND exported_at IS NULL`)), 0, 'all marked exported');
	let f = await admin.get(`/invoices/exports/${xid}`);
	assert.equal(f.status, 200);
	assert.match(f.type, /^text\/csv/);
	assert.match(f.headers.get('content-disposition'), /attachment; filename="tenantry-xero-2026-02-to-2026-02-export-\d+\.csv"/);
	let rows = csv(f.body);
	assert.deepEqual(rows[0].slice(0, 4), ['*ContactName', 'EmailAddress', 'POAddressLine1', 'POAddressLine2']);
	const H = Object.fromEntries(rows[0].map((h, i) => [h, i]));
	const nlines = Number(dbValue(`SELECT COUNT(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
		WHERE i.operator_id = ${NW()} AND i.status = 'issued'`));
	assert.equal(rows.length - 1, nlines, 'one row per line');
	assert.equal(rows.slice(1).reduce((a, x) => a + pence(x[H['*UnitAmount']]), 0), sumSigned,
		'Σ amounts = invoices − credit notes');
	const cnRow = rows.find((x) => x[H['*InvoiceNumber']].startsWith('CN-'));
	assert.ok(pence(cnRow[H['*UnitAmount']]) < 0, 'a credit note is negative for Xero');
	assert.match(cnRow[H.Reference], /^Credit for INV-/);
	const acmeRow = rows.find((x) => x[0] === 'Acme Analytics Limited' && x[H['*InvoiceNumber']].startsWith('INV-'));
	assert.deepEqual([acmeRow[2], acmeRow[3], acmeRow[H['*InvoiceDate']], acmeRow[H['*DueDate']],
		acmeRow[H['*AccountCode']], acmeRow[H['*TaxType']], acmeRow[H['*Quantity']]],
	['Floor 12', '1 Canada Square', '16/02/2026', '02/03/2026', '200', '20% (VAT on Income)', '1']);
	// Again: nothing new to export...
	r = await postForm(admin, '/invoices/export', { format: 'xero', from: '2026-02', to: '2026-02' });
	assertHtml(r, 422, 'nothing new');
	assert.match(r.text, /Nothing to export: every document issued in those months is exported already/);
	// ... unless asked. QuickBooks: invoices only; Sage: SI and SC rows.
	r = await postForm(admin, '/invoices/export', { format: 'qbo', from: '2026-02', to: '2026-02', again: '1' });
	assert.equal(r.status, 303);
	f = await admin.get(`/invoices/exports/${/done=(\d+)$/.exec(r.location)[1]}`);
	rows = csv(f.body);
	assert.equal(rows[0].join('|'), 'InvoiceNo|Customer|InvoiceDate|DueDate|Terms|Location|Memo|Item(Product/Service)|'
		+ 'ItemDescription|ItemQuantity|ItemRate|ItemAmount|ItemTaxCode|ItemTaxAmount|Currency|Service Date');
	assert.ok(rows.slice(1).every((x) => x[0].startsWith('INV-')), 'no credit note in QuickBooks');
	assert.ok(rows.slice(1).some((x) => x[4] === 'Net 14'), "Acme's terms");
	r = await postForm(admin, '/invoices/export', { format: 'sage', from: '2026-02', to: '2026-02', again: '1' });
	assert.equal(r.status, 303);
	f = await admin.get(`/invoices/exports/${/done=(\d+)$/.exec(r.location)[1]}`);
	rows = csv(f.body);
	assert.equal(rows[0][0], 'Type');
	const si = rows.filter((x) => x[0] === 'SI'), sc = rows.filter((x) => x[0] === 'SC');
	assert.ok(si.length > 0 && sc.length > 0);
	assert.equal(si.reduce((a, x) => a + pence(x[7]), 0) - sc.reduce((a, x) => a + pence(x[7]), 0), sumSigned,
		'Σ SI − Σ SC = invoices − credit notes');
	assert.ok(rows.slice(1).every((x) => ['T0', 'T1', 'T2'].includes(x[8])));
	// Bad input is explained.
	r = await postForm(admin, '/invoices/export', { format: 'csv', from: '2026-02', to: '2026-02' });
	assertHtml(r, 422, 'format');
	assert.match(r.text, /Choose the accounting system/);
	r = await postForm(admin, '/invoices/export', { format: 'sage', from: '2026-03', to: '2026-02' });
	assertHtml(r, 422, 'range');
	assert.match(r.text, /To must be the same month as From or a later one/);
	assert.equal((await admin.get('/invoices/exports/999999')).status, 404);
});

test('an invoiced (closed) month is locked: a contract date moved into it, or a services save dated in it, is refused', async () => {
	const c = db(`SELECT id, reference, start_date, version FROM contract WHERE occupier_id = ${acme} ORDER BY id LIMIT 1`)[0];
	await admin.get(`/occupiers/${acme}/contracts/${c[0]}/edit`);
	let r = await admin.post(`/occupiers/${acme}/contracts/${c[0]}/edit`,
		{ reference: c[1], start_date: c[2], end_date: '2026-01-20', version: c[3] });
	assertHtml(r, 422, 'end into January');
	assert.match(r.text, /January 2026 is invoiced at this site and locked/);
	assert.equal(inputValue(r.body, 'end_date'), '2026-01-20', 'input kept');
	assert.equal(dbValue(`SELECT end_date FROM contract WHERE id = ${c[0]}`), null, 'nothing saved');
	// A date outside invoiced months is fine.
	r = await admin.post(`/occupiers/${acme}/contracts/${c[0]}/edit`,
		{ reference: c[1], start_date: c[2], end_date: '2027-06-30', version: c[3] });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	r = await admin.post(`/occupiers/${acme}/contracts/${c[0]}/edit`,
		{ reference: c[1], start_date: c[2], end_date: '', version: Number(c[3]) + 1 });
	assert.equal(r.status, 303);
	// A services save is dated today: refused while this month is closed.
	const o = await occupierWith(admin, cw, [{ start: '2025-06-01' }], 'Lock test');
	const { m } = await openManage(admin, o.occ, cw);
	db(`INSERT INTO billing_period (operator_id, site_id, month, state, run_id) VALUES (${NW()}, ${cw}, '2026-02-01',
		'closed', 0)`);
	try {
		const x = await submit(admin, o.occ, cw, m.version,
			[{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: 1 }], { op: 'save' });
		assert.equal(x.r.status, 422, x.r.text.slice(0, 300));
		assert.ok(x.m.topMsgs.some((t) => /February 2026 is invoiced at this site and locked/.test(t)), x.m.topMsgs.join(' | '));
		assert.equal(Number(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${o.occ}`)), 0);
	} finally {
		db(`DELETE FROM billing_period WHERE operator_id = ${NW()} AND site_id = ${cw} AND month = '2026-02-01'`);
	}
	const x = await submit(admin, o.occ, cw, m.version,
		[{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: 1 }], { op: 'save' });
	assert.equal(x.r.status, 303, 'saved once the month is open');
});

test('in advance: next month billed as the services stand; a change made since becomes adjustment lines on the next run', async () => {
	const o = await occupierWith(admin, sd, [{ start: '2025-06-01' }], 'Advance test');
	let { m } = await openManage(admin, o.occ, sd);
	let x = await submit(admin, o.occ, sd, m.version,
		[{ service: S['Voice line'], contract: o.contract.id, price: '15.00', qty: 1 }], { op: 'save' });
	assert.equal(x.r.status, 303);
	const r1 = await billRun(admin, { period: '2026-03', mode: 'advance', site: String(sd) });
	const d1 = invoices(`i.run_id = ${r1} AND i.occupier_id = ${o.occ}`);
	assert.equal(d1.length, 1);
	assert.deepEqual(lines(d1[0].id).map((l) => [l.kind, l.from, l.to, l.qty, l.net]),
		[['charge', '2026-03-01', '2026-03-31', 1, 1500]]);
	assert.equal(dbValue(`SELECT state FROM billing_period WHERE operator_id = ${NW()} AND site_id = ${sd}
		AND month = '2026-03-01'`), 'billed', 'March billed, not closed');
	// QTY 1 → 3 today: allowed (March is billed in advance, not closed).
	({ m } = await openManage(admin, o.occ, sd));
	const rows = rowsOf(m);
	rows[0].qty = 3;
	x = await submit(admin, o.occ, sd, m.version, rows, { op: 'save' });
	assert.equal(x.r.status, 303);
	const r2 = await billRun(admin, { period: '2026-03', mode: 'advance', site: String(sd) });
	const d2 = invoices(`i.run_id = ${r2}`);
	assert.deepEqual(d2.map((d) => d.occ), [o.occ], 'only the occupier that changed');
	assert.deepEqual(lines(d2[0].id).map((l) => [l.kind, l.from, l.to, l.qty, l.net]), [
		['adjust', '2026-03-01', '2026-03-31', 1, -1500],
		['adjust', '2026-03-01', '2026-03-31', 3, 4500],
	]);
	assert.match(lines(d2[0].id)[0].desc, /reversal of a line invoiced before/);
	assert.equal(d2[0].net, 3000);
	assert.equal(runRow(r2).invoices, 1);
	// Billed in full now: a third run finds nothing.
	assert.equal(runRow(await billRun(admin, { period: '2026-03', mode: 'advance', site: String(sd) })).invoices, 0);
});

test('occupiers see their own issued invoices and credit notes, never a draft or another occupier\'s', async () => {
	const r0 = await billRun(admin, { period: '2026-03', mode: 'advance', site: String(cw) });
	const draft = invoices(`i.run_id = ${r0} AND i.occupier_id = ${acme}`)[0];
	assert.ok(draft, 'Acme has a March draft');
	const own = invoices(`i.occupier_id = ${acme} AND i.status = 'issued'`);
	const list = await acmeUser.get('/my/invoices');
	assertHtml(list, 200, '/my/invoices');
	for (const d of own)
		assert.ok(list.text.includes(d.number), `lists ${d.number}`);
	assert.ok(!list.body.includes(`/my/invoices/${draft.id}"`), 'no draft');
	const page = await acmeUser.get(`/my/invoices/${own[0].id}`);
	assertHtml(page, 200, 'own invoice');
	assert.match(page.text, /Acme Analytics Limited/);
	assert.doesNotMatch(page.body, /name="op"/, 'no action forms for the occupier');
	const fj = invoices(`i.occupier_id = ${fjord} AND i.status = 'issued'`)[0];
	for (const p of [`/my/invoices/${draft.id}`, `/my/invoices/${draft.id}/pdf`, `/my/invoices/${fj.id}`,
		`/my/invoices/${fj.id}/pdf`, '/my/invoices/999999'])
		assert.equal((await acmeUser.get(p)).status, 404, p);
	for (const p of [`/invoices/${own[0].id}`, `/invoices/${own[0].id}/pdf`, '/invoices', '/invoices/runs'])
		assert.equal((await acmeUser.get(p)).status, 403, p);
});

test('invoice settings and billing codes: staff read, admins change; bad input explained and kept', async () => {
	let r = await staff.get('/invoices/settings');
	assertHtml(r, 200, 'staff reads');
	assert.match(r.text, /Only an operator admin changes these settings/);
	assert.equal((await staff.post('/invoices/settings', { legal_name: 'x' })).status, 403);
	assert.equal((await staff.post('/catalog/billing', {})).status, 403);
	const set = await admin.get('/invoices/settings');
	r = await admin.post('/invoices/settings', { legal_name: 'Northwind Workspaces Ltd', invoice_prefix: 'X-',
		credit_prefix: 'X-', terms_days: '400', xero_account: '200', qbo_item: 'Services', sage_nominal: '4000',
		version: inputValue(set.body, 'version') });
	assertHtml(r, 422, 'bad settings');
	assert.match(r.text, /Payment terms \(days\)/);
	r = await admin.post('/invoices/settings', { legal_name: 'Northwind Workspaces Ltd', invoice_prefix: 'X-',
		credit_prefix: 'X-', terms_days: '30', xero_account: '200', qbo_item: 'Services', sage_nominal: '4000',
		version: inputValue(set.body, 'version') });
	assertHtml(r, 422, 'same prefixes');
	assert.match(r.text, /must differ from the invoice number prefix/);
	assert.equal(inputValue(r.body, 'credit_prefix'), 'X-');
	r = await admin.post('/invoices/settings', { legal_name: 'Northwind Workspaces Ltd', invoice_prefix: 'INV "1"',
		credit_prefix: 'CN-', terms_days: '30', xero_account: '200', qbo_item: 'Services', sage_nominal: '4000',
		version: inputValue(set.body, 'version') });
	assertHtml(r, 422, 'prefix characters');
	assert.match(r.text, /letters, digits/);
	const codes = await admin.get('/catalog/billing');
	assertHtml(codes, 200, 'billing codes');
	const svc = db(`SELECT id FROM service WHERE operator_id = ${NW()} ORDER BY id`).map((x) => x[0]);
	r = await admin.post('/catalog/billing', { [`vat_${svc[0]}`]: 'standard' });
	assert.equal(r.status, 400, 'a form without every service is not read');
	const all = Object.fromEntries(svc.map((id) => [`vat_${id}`, 'standard']));
	r = await admin.post('/catalog/billing', { ...all, [`vat_${svc[1]}`]: 'reduced', [`sn_${svc[2]}`]: '123456789' });
	assertHtml(r, 422, 'bad codes');
	assert.match(r.text, /VAT rate must be standard, zero or exempt/);
	assert.match(r.text, /Sage nominal code must be at most 8 characters/);
	assert.equal(inputValue(r.body, `sn_${svc[2]}`), '123456789');
	r = await admin.post('/catalog/billing', { ...all, [`vat_${svc[0]}`]: 'exempt', [`xa_${svc[0]}`]: '205',
		[`st_${svc[0]}`]: 'T9' });
	assert.equal(r.status, 303);
	assert.deepEqual(db(`SELECT vat_rate, xero_account, sage_tax_code FROM service WHERE id = ${svc[0]}`)[0],
		['exempt', '205', 'T9']);
	r = await admin.post('/catalog/billing', { ...all, [`xa_${svc[0]}`]: '', [`st_${svc[0]}`]: '' });
	assert.equal(r.status, 303);
});
