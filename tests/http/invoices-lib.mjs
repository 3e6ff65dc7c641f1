// invoices-lib.mjs: helpers for the invoicing tests (sql/040): bill runs,
// documents and their lines as the database holds them, VAT as the rule
// says it is, CSV, and PDF text through poppler's pdftotext.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, db, dbValue, inputValue, redirectNames } from './lib.mjs';

/* "1,234.50" or "£1,234.50" or "-45.00" → minor units. */
export function pence(s) {
	const t = String(s).replace(/[£,\s]/g, '');
	const neg = t.startsWith('-');
	const [u, f = '0'] = t.replace('-', '').split('.');
	const v = Number(u) * 100 + Number(f.padEnd(2, '0'));
	return neg ? -v : v;
}

/* 12345 → "123.45" (plain), as the exports write it. */
export function plain(v) {
	const neg = v < 0;
	const a = Math.abs(v);
	return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/* VAT of a line: net × bp / 10000, half-up on the magnitude. */
export function vatOf(net, bp) {
	const m = Math.abs(net) * bp;
	const q = Math.floor(m / 10000) + ((m % 10000) * 2 >= 10000 ? 1 : 0);
	return net < 0 ? -q : q;
}

/* GET path (for the csrf token), then POST fields; returns the response. */
export async function postForm(c, path_, fields, from = path_) {
	const g = await c.get(from);
	assert.ok(g.status < 500, `GET ${from}: ${g.status}`);
	return c.post(path_, fields);
}

/* A bill run through the form; returns the run id. */
export async function billRun(c, { period, mode = 'arrears', site = '' }) {
	const r = await postForm(c, '/invoices/runs', { period, mode, site });
	assert.equal(r.status, 303, `bill run ${period} ${mode} ${site}: ${r.status} ${r.text.slice(0, 300)}`);
	const m = /^\/invoices\/runs\/(\d+)\?done=run$/.exec(redirectNames(r)[0]);
	assert.ok(m, `redirect to the run: ${r.location}`);
	return Number(m[1]);
}

export function runRow(id) {
	const [state, occupiers, invoices, lines, net] = db(`SELECT state, occupiers_done, invoices, nlines, net
		FROM bill_run WHERE id = ${id}`)[0];
	return { state, occupiers: Number(occupiers), invoices: Number(invoices), lines: Number(lines), net: Number(net) };
}

/* Documents (and their lines) as stored. */
export function invoices(where) {
	return db(`SELECT i.id, i.occupier_id, o.name, i.kind, i.status, COALESCE(i.number, ''), i.net, i.vat, i.gross,
		i.credited, i.paid, i.version, COALESCE(i.run_id, 0) FROM invoice i JOIN occupier o ON o.id = i.occupier_id
		WHERE ${where} ORDER BY i.id`).map((r) => ({
		id: Number(r[0]), occ: Number(r[1]), occName: r[2], kind: r[3], status: r[4], number: r[5],
		net: Number(r[6]), vat: Number(r[7]), gross: Number(r[8]), credited: Number(r[9]), paid: Number(r[10]),
		version: Number(r[11]), run: Number(r[12]),
	}));
}

export function lines(invoiceId) {
	return db(`SELECT id, line_no, kind, COALESCE(occsvc_id, 0), description, from_day, to_day, unit_price, qty, net,
		vat_rate, vat_bp, vat, COALESCE(service_month, '') FROM invoice_line WHERE invoice_id = ${invoiceId}
		ORDER BY line_no`).map((r) => ({
		id: Number(r[0]), no: Number(r[1]), kind: r[2], occsvc: Number(r[3]), desc: r[4], from: r[5], to: r[6],
		price: Number(r[7]), qty: Number(r[8]), net: Number(r[9]), rate: r[10], bp: Number(r[11]), vat: Number(r[12]),
		month: r[13],
	}));
}

/* Everything of a document that must never change once issued, as one string. */
export function frozen(id) {
	return JSON.stringify([
		db(`SELECT operator_id, occupier_id, kind, status, run_id, site_id, period, mode, credit_of, seq, number,
			issue_date, due_date, bill_name, bill_address, bill_vat, bill_ref, bill_email, seller_name,
			seller_address, seller_vat, seller_email, seller_payment, currency, net, vat, gross, created_at,
			issued_by, issued_at FROM invoice WHERE id = ${id}`),
		db(`SELECT * FROM invoice_line WHERE invoice_id = ${id} ORDER BY id`),
	]);
}

/* The version field of a document's page (its forms carry it). */
export async function versionOf(c, id) {
	const r = await c.get(`/invoices/${id}`);
	assert.equal(r.status, 200, `GET /invoices/${id}`);
	return inputValue(r.body, 'version');
}

/* POST an action of a document's page with its current version. */
export async function act(c, id, fields) {
	const version = await versionOf(c, id);
	return c.post(`/invoices/${id}`, { version, ...fields });
}

/* Approve a draft through its page; returns the number issued. */
export async function approve(c, id) {
	const r = await act(c, id, { op: 'approve' });
	assert.equal(r.status, 303, `approve ${id}: ${r.status} ${r.text.slice(0, 300)}`);
	return dbValue(`SELECT number FROM invoice WHERE id = ${id}`);
}

/* Parse RFC 4180 text (quoted fields, CRLF). */
export function csv(body) {
	assert.ok(body.endsWith('\r\n'), 'records end in CRLF');
	const rows = [];
	let row = [], f = '', i = 0, quoted = false;
	while (i < body.length) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') { f += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			f += ch; i++; continue;
		}
		if (ch === '"') { quoted = true; i++; continue; }
		if (ch === ',') { row.push(f); f = ''; i++; continue; }
		if (ch === '\r' && body[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i += 2; continue; }
		assert.notEqual(ch, '\n', 'no bare LF');
		f += ch; i++;
	}
	return rows;
}

/* The text of a PDF, as poppler's pdftotext extracts it (layout kept). */
export function pdfText(bytes, name) {
	const dir = path.join(process.env.TENANTRY_OUT || path.join(ROOT, 'tests', 'out'), 'pdf');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, name);
	writeFileSync(file, bytes);
	return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/* The Occupier Service Charges report of a month: { total, lines, byOccupier: {name: pence} }. */
export async function chargesReport(c, month) {
	const r = await c.get(`/reports/charges?month=${month}`);
	assert.equal(r.status, 200, `report ${month}`);
	const total = pence(/Total \(\d+ lines\)<\/th><td class="num"><strong>([^<]*)<\/strong>/.exec(r.body)[1]);
	const byOccupier = {};
	for (const m of r.body.matchAll(/<tr class="subtotal"><th scope="row" colspan="8" class="num">([^<]*)<\/th><td class="num"><strong>([^<]*)<\/strong>/g))
		byOccupier[decodeHtml(m[1])] = pence(m[2]);
	return { total, byOccupier };
}

function decodeHtml(s) {
	return s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');
}
