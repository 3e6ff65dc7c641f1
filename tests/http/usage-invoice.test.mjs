// usage-invoice.test.mjs: rated calls on invoices (TENANTRY_TODAY =
// 2026-02-16). A bill run of January in arrears puts each occupier's
// January calls on its draft, one usage line per site and destination
// group, with the Billing Usage Report's amounts to the penny; a second
// run, or a run in advance (which bills the last month that has ended),
// adds none of them again; the lines show on the invoice page and PDF.
// (A discarded draft's usage is billed again: invoices.test.mjs, whose
// rerun of a discarded draft compares every line, usage lines included.)
// The demo's January usage (Canary Wharf, Shoreditch) is the data: the
// file holds whether or not invoices.test.mjs billed January before it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { db, siteId, signedIn, assertHtml } from './lib.mjs';
import { billRun, csv, invoices, lines, pdfText, pence, runRow, vatOf } from './invoices-lib.mjs';

let admin, cw, sd;

before(async () => {
	admin = await signedIn('admin@northwind.example');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
});

/* The call lines of the Billing Usage Report of a site for January with
 * an amount: [{ occ (name), label, calls, amount }]. */
async function reportCalls(site) {
	const r = await admin.get(`/sites/${site}/usage.csv?month=2026-01`);
	assert.equal(r.status, 200, 'the report CSV');
	return csv(r.body).slice(1).filter((x) => x[7].startsWith('Calls: ') && pence(x[13]) !== 0)
		.map((x) => ({ occ: x[0], label: x[7], calls: Number(x[8]), amount: pence(x[13]) }));
}

/* The usage lines invoiced for January at a site (invoices, not credit
 * notes), with their occupier's name. */
function invoicedUsage(site) {
	return db(`SELECT o.name, l.description, l.net, l.vat, l.vat_bp, l.qty, i.id FROM invoice_line l
		JOIN invoice i ON i.id = l.invoice_id JOIN occupier o ON o.id = i.occupier_id
		WHERE l.kind = 'usage' AND l.usage_month = 202601 AND l.site_id = ${site} AND i.kind = 'invoice'
		ORDER BY l.id`).map((r) => ({ occ: r[0], desc: r[1], net: Number(r[2]), vat: Number(r[3]),
		bp: Number(r[4]), qty: Number(r[5]), inv: Number(r[6]) }));
}

const key = (x) => `${x.occ}|${x.label}`;

test('a bill run of January in arrears invoices each group of calls once, as the Billing Usage Report says', async () => {
	const run = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(run).state, 'done');
	for (const [site, name] of [[cw, 'Canary Wharf'], [sd, 'Shoreditch']]) {
		const want = await reportCalls(site);
		const got = invoicedUsage(site);
		if (site === cw)
			assert.ok(want.length >= 2, `the demo has January calls at ${name}: ${want.length}`);
		assert.equal(got.length, want.length, `${name}: one usage line per occupier and group`);
		const byKey = new Map(want.map((w) => [key(w), w]));
		const seen = new Set();
		for (const g of got) {
			const label = g.desc.split(' \u00b7 ')[0];
			const w = byKey.get(`${g.occ}|${label}`);
			assert.ok(w, `${name}: ${g.occ} "${g.desc}" is a line of the report`);
			assert.ok(!seen.has(key(w)), `${name}: ${key(w)} invoiced once`);
			seen.add(key(w));
			assert.equal(g.net, w.amount, `${name}: ${key(w)} amount = the report's`);
			assert.equal(g.qty, 1);
			assert.match(g.desc, new RegExp(`^Calls: [^\u00b7]+ \u00b7 ${w.calls} calls?, .* billed.* \u00b7 ${name} \u00b7 January 2026$`),
				`${name}: the description names the group, the calls, the site and the month`);
			assert.equal(g.vat, vatOf(g.net, g.bp), 'VAT per line, half-up');
			assert.equal(g.bp, 2000, 'usage is standard-rated');
		}
		// Per occupier: the report's call total = the invoiced usage.
		const sumBy = (xs, f) => xs.reduce((m, x) => m.set(x.occ, (m.get(x.occ) || 0) + f(x)), new Map());
		assert.deepEqual([...sumBy(got, (x) => x.net)].sort(), [...sumBy(want, (x) => x.amount)].sort(),
			`${name}: report = invoice, occupier by occupier`);
	}
	// Every invoice of the run: total = Σ lines, VAT = Σ line VAT.
	for (const d of invoices(`i.run_id = ${run}`)) {
		const ls = lines(d.id);
		assert.equal(ls.reduce((a, l) => a + l.net, 0), d.net, `invoice ${d.id} net = Σ lines`);
		assert.equal(ls.reduce((a, l) => a + l.vat, 0), d.vat, `invoice ${d.id} VAT = Σ lines`);
		assert.equal(d.gross, d.net + d.vat);
	}
});

test('a second run of January, and a run in advance, add no usage line again', async () => {
	const before_ = db(`SELECT COUNT(*), COALESCE(SUM(net), 0) FROM invoice_line WHERE kind = 'usage'`)[0].join();
	const again = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(again).invoices, 0, 'January again: no draft');
	// In advance: March as the services stand, and the usage of the last
	// month ended (January), which is invoiced already.
	const adv = await billRun(admin, { period: '2026-03', mode: 'advance', site: String(cw) });
	for (const d of invoices(`i.run_id = ${adv}`))
		assert.equal(lines(d.id).filter((l) => l.kind === 'usage').length, 0, `advance draft ${d.id}: no usage`);
	assert.equal(db(`SELECT COUNT(*), COALESCE(SUM(net), 0) FROM invoice_line WHERE kind = 'usage'`)[0].join(),
		before_, 'the usage lines are the same');
});

test('the usage lines show on the invoice page and in its PDF like the other lines', async () => {
	const ids = db(`SELECT DISTINCT i.id FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
		WHERE i.kind = 'invoice' AND l.kind = 'usage' AND l.usage_month = 202601 ORDER BY i.id`)
		.map((r) => Number(r[0]));
	assert.ok(ids.length > 0, 'a January invoice with usage');
	for (const id of ids) {
		const mine = lines(id).filter((l) => l.kind === 'usage');
		const page = await admin.get(`/invoices/${id}`);
		assertHtml(page, 200, `invoice ${id} page`);
		for (const l of mine)
			assert.ok(page.text.includes(l.desc), `invoice ${id}: the page shows "${l.desc}"`);
		const pdf = await admin.get(`/invoices/${id}/pdf`);
		assert.equal(pdf.status, 200);
		const t = pdfText(pdf.bytes, `usage-${id}.pdf`).replace(/\s+/g, ' ');
		for (const l of mine)
			assert.ok(t.includes(l.desc.split(' \u00b7 ')[0]), `invoice ${id}: the PDF shows ${l.desc}`);
	}
});
