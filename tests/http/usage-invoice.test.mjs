// usage-invoice.test.mjs: rated calls and bandwidth bursts on invoices
// (TENANTRY_TODAY = 2026-02-16). A bill run of January in arrears puts
// each occupier's January calls on its draft, one usage line per site and
// destination group, and its burst (95th percentile above the committed
// rate), one line per site, with the Billing Usage Report's amounts to the
// penny; a second run, or a run in advance (which bills the last month
// that has ended), adds none of them again, and a burst that came after
// a run (or whose line is gone) is billed once by the next run; the lines
// show on the invoice page and PDF, and the burst on the occupier's
// Charges.
// (A discarded draft's usage is billed again: invoices.test.mjs, whose
// rerun of a discarded draft compares every line, usage lines included.)
// The demo's January usage (Canary Wharf, Shoreditch) is the data: the
// file holds whether or not invoices.test.mjs billed January before it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DB_SOCKET, TENANTRY_BIN, db, siteId, signedIn, assertHtml, occupierId, rnd, text } from './lib.mjs';
import { billRun, csv, invoices, lines, pdfText, pence, runRow, vatOf } from './invoices-lib.mjs';

let admin, cw, sd, acme;

before(async () => {
	admin = await signedIn('admin@northwind.example');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	acme = occupierId('Acme Analytics Ltd');
});

/* The charge lines (calls and bursts) of the Billing Usage Report of a
 * site for January: [{ occ (name), label, calls, amount }]. */
async function reportLines(site) {
	const r = await admin.get(`/sites/${site}/usage.csv?month=2026-01`);
	assert.equal(r.status, 200, 'the report CSV');
	return csv(r.body).slice(1).filter((x) => x[7].startsWith('Calls: ') || x[7].startsWith('Bandwidth burst'))
		.map((x) => ({ occ: x[0], label: x[7], calls: Number(x[8]), amount: pence(x[13]) }));
}

/* Those with an amount: what is invoiced. */
async function reportCalls(site) {
	return (await reportLines(site)).filter((x) => x.amount !== 0);
}

const isBurst = (label) => label.startsWith('Bandwidth burst');

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
		if (site === cw) {
			assert.ok(want.filter((w) => !isBurst(w.label)).length >= 2,
				`the demo has January calls at ${name}: ${want.length}`);
			assert.equal(want.filter((w) => w.occ === 'Acme Analytics Ltd' && isBurst(w.label)).length, 1,
				'the demo has a January burst of Acme at Canary Wharf');
		}
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
			if (isBurst(label))
				assert.match(g.desc, new RegExp(`^Bandwidth burst above \\d+ Mbps \u00b7 95th percentile [\\d.,]+ Mbps of \\d+ samples: [\\d.,]+ Mbps over, at [^\u00b7]+ a Mbps \u00b7 ${name} \u00b7 January 2026$`),
					`${name}: the burst's description says the percentile, the site and the month: ${g.desc}`);
			else
				assert.match(g.desc, new RegExp(`^Calls: [^\u00b7]+ \u00b7 ${w.calls} calls?, .* billed.* \u00b7 ${name} \u00b7 January 2026$`),
					`${name}: the description names the group, the calls, the site and the month`);
			assert.equal(g.vat, vatOf(g.net, g.bp), 'VAT per line, half-up');
			assert.equal(g.bp, 2000, 'usage is standard-rated');
		}
		// Per occupier: the report's usage total (calls and burst) = the
		// invoiced usage.
		const sumBy = (xs, f) => xs.reduce((m, x) => m.set(x.occ, (m.get(x.occ) || 0) + f(x)), new Map());
		const all = await reportLines(site);
		const nonZero = (m) => [...m].filter(([, v]) => v !== 0).sort();
		assert.deepEqual(nonZero(sumBy(got, (x) => x.net)), nonZero(sumBy(all, (x) => x.amount)),
			`${name}: report = invoice, occupier by occupier`);
		if (site === cw) {
			const acmeGot = got.filter((g) => g.occ === 'Acme Analytics Ltd').reduce((a, g) => a + g.net, 0);
			const acmeWant = all.filter((w) => w.occ === 'Acme Analytics Ltd').reduce((a, w) => a + w.amount, 0);
			assert.equal(acmeGot, acmeWant, "Acme's invoiced usage = its report total with the burst");
			assert.ok(got.some((g) => g.occ === 'Acme Analytics Ltd' && isBurst(g.desc)), "Acme's burst is invoiced");
		}
	}
	// Every invoice of the run: total = Σ lines, VAT = Σ line VAT.
	for (const d of invoices(`i.run_id = ${run}`)) {
		const ls = lines(d.id);
		assert.equal(ls.reduce((a, l) => a + l.net, 0), d.net, `invoice ${d.id} net = Σ lines`);
		assert.equal(ls.reduce((a, l) => a + l.vat, 0), d.vat, `invoice ${d.id} VAT = Σ lines`);
		assert.equal(d.gross, d.net + d.vat);
	}
});

const bursts = () => db(`SELECT l.net, l.site_id FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
	WHERE l.kind = 'usage' AND l.usage_month = 202601 AND l.usage_group = 0 AND i.kind = 'invoice'
	AND i.occupier_id = ${acme}`).map((r) => ({ net: Number(r[0]), site: Number(r[1]) }));

test('a second run of January, and a run in advance, add no usage line again', async () => {
	const before_ = db(`SELECT COUNT(*), COALESCE(SUM(net), 0) FROM invoice_line WHERE kind = 'usage'`)[0].join();
	assert.equal(bursts().length, 1, "Acme's January burst is on one invoice line");
	const again = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(again).invoices, 0, 'January again: no draft');
	// In advance: March as the services stand, and the usage of the last
	// month ended (January), which is invoiced already.
	const adv = await billRun(admin, { period: '2026-03', mode: 'advance', site: String(cw) });
	for (const d of invoices(`i.run_id = ${adv}`))
		assert.equal(lines(d.id).filter((l) => l.kind === 'usage').length, 0, `advance draft ${d.id}: no usage`);
	assert.equal(db(`SELECT COUNT(*), COALESCE(SUM(net), 0) FROM invoice_line WHERE kind = 'usage'`)[0].join(),
		before_, 'the usage lines are the same');
	assert.equal(bursts().length, 1, "Acme's January burst is still on one invoice line");
});

test('a burst that comes after a run is billed by the next run once, and again once when its line is gone', async () => {
	// Fjord Media at Canary Wharf takes a 100 Mbps tier from December and
	// its January traffic arrives after January was billed: 40 samples at
	// 150 Mbps, 50 Mbps over (whatever ran before, January's other usage
	// is invoiced already).
	const fjord = occupierId('Fjord Media');
	const nw = Number(db(`SELECT operator_id FROM occupier WHERE id = ${fjord}`)[0][0]);
	const contract = Number(db(`SELECT MAX(id) FROM contract WHERE occupier_id = ${fjord} AND site_id = ${cw}`)[0][0]);
	assert.ok(contract > 0, 'Fjord has a contract at Canary Wharf');
	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
		start_date, activated_at) SELECT ${nw}, ${fjord}, ${cw}, id, ${contract}, 0, 1, '2025-12-01', '2025-12-01'
		FROM service WHERE operator_id = ${nw} AND code = 'bw-100'`);
	await billRun(admin, { period: '2026-01', mode: 'arrears' });
	const fjordBursts = () => db(`SELECT l.net, i.id FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
		WHERE l.usage_month = 202601 AND l.usage_group = 0 AND i.kind = 'invoice' AND i.occupier_id = ${fjord}`)
		.map((r) => ({ net: Number(r[0]), inv: Number(r[1]) }));
	assert.deepEqual(fjordBursts(), [], 'no traffic yet: no burst');
	const dir = mkdtempSync(path.join(tmpdir(), 'burst-'));
	const file = path.join(dir, 'fjord-traffic.csv');
	const t0 = Date.parse('2026-01-20T00:00:00Z') / 1000;
	let body = 'timestamp,bytes_in,bytes_out\n';
	for (let i = 0; i < 40; i++)
		body += `${new Date((t0 + i * 300) * 1000).toISOString().replace('.000', '')},${150 * 37500000},${10 * 37500000}\n`;
	writeFileSync(file, body);
	execFileSync(TENANTRY_BIN, ['usage', 'traffic', '--site', String(cw), '--occupier', String(fjord),
		'--interface', `CW-burst-${rnd(4)}`, file], { env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET }, stdio: 'pipe' });
	rmSync(dir, { recursive: true, force: true });
	const want = (await reportLines(cw)).filter((x) => x.occ === 'Fjord Media' && isBurst(x.label));
	assert.equal(want.length, 1, 'the report has Fjord\'s burst');
	assert.ok(want[0].amount > 0, `a burst to bill: ${want[0].amount}`);

	const run = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(run).state, 'done');
	let got = fjordBursts();
	assert.deepEqual(got.map((x) => x.net), [want[0].amount], 'the next run bills it, at the report\'s amount');
	assert.deepEqual(lines(got[0].inv).map((l) => l.kind), ['usage'], 'a draft of its own: the burst');
	// As if a run had stopped before the chunk with the burst: its line is
	// not there (a draft: its lines can go).
	db(`DELETE FROM invoice_line WHERE invoice_id = ${got[0].inv}`);
	db(`DELETE FROM invoice WHERE id = ${got[0].inv}`);
	assert.deepEqual(fjordBursts(), []);
	const rerun = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(rerun).invoices, 1, 'billed again: one draft');
	assert.deepEqual(fjordBursts().map((x) => x.net), [want[0].amount], 'once');
	const again = await billRun(admin, { period: '2026-01', mode: 'arrears' });
	assert.equal(runRow(again).invoices, 0, 'and not a third time');
	assert.equal(fjordBursts().length, 1);
});

test("the occupier's Charges show the burst line with the calls, at the amount invoiced", async () => {
	const [b] = bursts();
	for (const [c, path_] of [[admin, `/occupiers/${acme}/sites/${cw}/charges?month=2026-01`],
		[await signedIn('admin@acme.example'), `/my/sites/${cw}/charges?month=2026-01`]]) {
		const r = await c.get(path_);
		assertHtml(r, 200, path_);
		const block = /<section class="usage-block"[\s\S]*?<\/section>/.exec(r.body);
		assert.ok(block, `${path_}: the usage block`);
		const t = text(block[0]);
		assert.match(t, /Calls: /, `${path_}: call lines`);
		const m = /Bandwidth burst above \d+ Mbps .*? £([\d,]+\.\d\d)(?= Usage charges| Calls| Bandwidth|$)/.exec(t);
		assert.ok(m, `${path_}: the burst line: ${t}`);
		assert.equal(pence(m[1]), b.net, `${path_}: the burst's amount = the invoiced one`);
	}
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
