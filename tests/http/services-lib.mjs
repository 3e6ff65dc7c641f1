// services-lib.mjs: helpers for the occupier services tests:
// parsers for the Services tab, the Add/Manage services dialog, the History
// tab and the catalog; builders for the dialog's form; and fixtures created
// through the UI (an occupier of our own with contracts), so that tests never
// depend on, or change, the demo occupiers whose answers are asserted.
import assert from 'node:assert/strict';
import { TODAY, assertRedirect, db, dbValue, decode, inputValue, money, q, rnd, text } from './lib.mjs';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* TODAY + n days as YYYY-MM-DD. */
export function day(n) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/* YYYY-MM-DD as the app writes it in lists: "16 Feb 2026". */
export function long(iso) {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MON[m - 1]} ${y}`;
}

/* Northwind's (or another operator's) catalog: { name: id }. */
export function serviceIds(operator = 'Northwind Workspaces') {
	const rows = db(`SELECT s.name, s.id FROM service s JOIN operator o ON o.id = s.operator_id
		WHERE o.name = ${q(operator)}`);
	return Object.fromEntries(rows.map(([n, id]) => [n, Number(id)]));
}

/* ---- small HTML helpers -------------------------------------------------- */

function cells(trHtml) {
	return [...trHtml.matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi)].map((m) => m[3]);
}

function spanText(html, cls) {
	const m = new RegExp(`<span class="${cls}"(?: [^>]*)?>([\\s\\S]*?)</span>`).exec(html);
	return m ? text(m[1]) : null;
}

/* Options of <select name="NAME"> (or id="ID"): [{ value, label, selected }]. */
export function selectOptions(html, { name, id } = {}) {
	const attr = name !== undefined ? `name="${name.replace(/[[\]]/g, '\\$&')}"` : `id="${id}"`;
	const m = new RegExp(`<select\\b[^>]*${attr}[^>]*>([\\s\\S]*?)</select>`).exec(html);
	if (!m)
		return null;
	return [...m[1].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({
		value: decode((/\bvalue="([^"]*)"/.exec(o[1]) || [, ''])[1]),
		label: text(o[2]),
		selected: /\bselected\b/.test(o[1]),
	}));
}

/* The five Provisioned infrastructure fractions: { label: 'X/Y' } (+ over: [labels]). */
export function infraOf(html) {
	const out = {};
	const over = [];
	for (const m of html.matchAll(/<li( class="over")?><span class="infra-label">([^<]*)<\/span> <span class="frac">([^<]*)<\/span><\/li>/g)) {
		out[decode(m[2])] = decode(m[3]);
		if (m[1])
			over.push(decode(m[2]));
	}
	Object.defineProperty(out, 'over', { value: over, enumerable: false });
	return out;
}

/* The flash message text, or null. */
export function flashOf(html) {
	const m = /<p class="flash" role="status">([\s\S]*?)<\/p>/.exec(html);
	return m ? text(m[1]) : null;
}

/* ---- the Services tab ---------------------------------------------------- */

/*
 * { heads, rows: [{ name, description, contract, contractStatus, start, cost,
 * zeroRef, rrp, price, qty, total, status, statusClass, statusNote }], infra,
 * monthTotal, button: { label, href }, empty, emptyText, filteredHint, note,
 * contractOptions, serviceOptions }.
 */
export function parseServicesTab(html) {
	const table = /<table class="grid services">([\s\S]*?)<\/table>/.exec(html);
	const heads = table ? [...table[1].matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1])) : [];
	const rows = [];
	if (table) {
		const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])[1];
		for (const tr of body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
			// Cells by their label (the occupier's view has no Cost or RRP).
			const c = Object.fromEntries([...tr[1].matchAll(/<td\b[^>]*data-label="([^"]*)"[^>]*>([\s\S]*?)<\/td>/g)]
				.map((m) => [m[1], m[2]]));
			const badge = /<span class="badge ([a-z]+)">([^<]*)<\/span>/.exec(c.Status) || [];
			rows.push({
				name: spanText(c.Service, 'svc-name'),
				description: spanText(c.Service, 'svc-desc'),
				contract: text(c.Contract.replace(/<span class="svc-desc">[\s\S]*?<\/span>/, '')),
				contractStatus: spanText(c.Contract, 'svc-desc'),
				start: text(c['Start date']),
				activated: text(c.Activated),
				cost: c.Cost === undefined ? undefined : money(text(c.Cost.replace(/<a class="note-ref"[\s\S]*?<\/a>/, ''))),
				zeroRef: /<a class="note-ref" href="#zero-cost"/.test(c.Cost || ''),
				rrp: c.RRP === undefined ? undefined : money(text(c.RRP)),
				price: money(text(c.Price)),
				qty: text(c.QTY),
				total: money(text(c.Total)),
				statusClass: badge[1],
				status: badge[2] && decode(badge[2]),
				statusNote: spanText(c.Status, 'svc-desc'),
			});
		}
	}
	const btn = /<a class="button primary" href="([^"]*)" data-dialog>([^<]*)<\/a>/.exec(html);
	const empty = /<div class="empty">([\s\S]*?)<\/div>/.exec(html);
	const month = /Total per month: <strong>([^<]*)<\/strong>/.exec(html);
	return {
		heads,
		rows,
		infra: infraOf(html),
		monthTotal: month ? money(decode(month[1])) : null,
		button: btn ? { href: decode(btn[1]), label: decode(btn[2]) } : null,
		empty: !!empty,
		emptyText: empty ? text(empty[1]) : null,
		note: /<p class="note" id="zero-cost">/.test(html),
		noteText: (/<p class="note" id="zero-cost">([\s\S]*?)<\/p>/.exec(html) || [, null])[1],
		contractOptions: selectOptions(html, { id: 'f-contract' }),
		serviceOptions: selectOptions(html, { id: 'f-service' }),
	};
}

/* ---- the Add / Manage services dialog ------------------------------------ */

/*
 * { title, version, q, saveLabel, saveDisabled, blockedWhy, notice, topMsgs,
 *   noContract, avail: [{ id, name, category, description, tip, hidden }],
 *   rows: [{ i, id, service, name, contract, contractRef, contractOptions,
 *   start, cost, rrp, price, qty, total, invalid, msgs }], infra, monthTotal,
 *   noRows }
 */
export function parseManage(html) {
	const form = /<form id="manage"[\s\S]*?<\/form>/.exec(html);
	assert.ok(form, 'the page holds the manage form');
	const f = form[0];
	const save = /<button type="submit" name="op" value="save" class="primary save"([^>]*)>([\s\S]*?)<\/button>/.exec(f);
	assert.ok(save, 'the dialog has a save button');
	const avail = [];
	const list = /<ul class="avail-list">([\s\S]*?)<\/ul>/.exec(f);
	for (const li of (list ? list[1] : '').matchAll(/<li( hidden)? data-name="[^"]*">([\s\S]*?)<\/li>/g)) {
		const nm = /<span class="svc-name" tabindex="0" title="([^"]*)"[^>]*>([\s\S]*?)<\/span>/.exec(li[2]);
		avail.push({
			id: Number((/<button type="submit" name="add" value="(\d+)"/.exec(li[2]) || [])[1]),
			name: text(nm[2]),
			description: decode(nm[1]),
			tip: spanText(li[2], 'tip'),
			category: spanText(li[2], 'svc-cat'),
			hidden: !!li[1],
		});
	}
	const rows = [];
	const re = /<tr class="row( invalid)?" id="row-(\d+)">([\s\S]*?)<\/tr>\s*(?:<tr class="msgs"><td colspan="9"><ul>([\s\S]*?)<\/ul><\/td><\/tr>)?/g;
	for (const m of f.matchAll(re)) {
		const i = Number(m[2]);
		const h = m[3];
		const c = cells(h);
		const opts = selectOptions(h, { name: `row[${i}][contract]` });
		const fixed = inputValue(h, `row[${i}][contract]`);
		rows.push({
			i,
			id: Number(inputValue(h, `row[${i}][id]`)),
			service: Number(inputValue(h, `row[${i}][service]`)),
			name: spanText(c[0], 'svc-name'),
			contract: opts ? ((opts.find((o) => o.selected) || {}).value ?? '') : fixed,
			contractRef: opts ? null : text(c[1]),
			contractOptions: opts,
			start: text(c[2]),
			cost: money(text(c[3].replace(/<a class="note-ref"[\s\S]*?<\/a>/, ''))),
			rrp: money(text(c[4])),
			price: inputValue(h, `row[${i}][price]`),
			qty: inputValue(h, `row[${i}][qty]`),
			total: text(c[7]) === '—' ? '—' : money(text(c[7])),
			invalid: !!m[1],
			msgs: m[4] ? [...m[4].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [],
		});
	}
	const top = /<div class="errors" role="alert"><ul>([\s\S]*?)<\/ul><\/div>/.exec(f);
	const notices = [...f.matchAll(/<div class="notice" role="alert">([\s\S]*?)<\/div>/g)].map((x) => text(x[1]));
	const noContract = notices.find((x) => /has no current contract at this site/.test(x)) || null;
	const month = /<strong class="grand">([^<]*)<\/strong>/.exec(f);
	// Current rows removed in this dialog (hidden drop=ID fields), kept until Save.
	const drops = [...f.matchAll(/<input type="hidden" name="drop" value="(\d+)">/g)].map((x) => Number(x[1]));
	return {
		html: f,
		drops,
		title: text((/<h2 id="manage-title">([\s\S]*?)<\/h2>/.exec(f) || [, ''])[1]),
		version: inputValue(f, 'version'),
		q: inputValue(f, 'q'),
		saveLabel: text(save[2]),
		saveDisabled: /\bdisabled\b/.test(save[1]),
		blockedWhy: (/<p class="err" id="blocked-why">([\s\S]*?)<\/p>/.exec(f) || [, null])[1],
		notice: notices.find((x) => x !== noContract) || null,
		topMsgs: top ? [...top[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [],
		noContract,
		avail,
		rows,
		noRows: /<td colspan="9" class="empty-row">/.test(f),
		infra: infraOf(f),
		monthTotal: month ? (month[1] === '—' ? '—' : money(decode(month[1]))) : null,
	};
}

/* Every message of the dialog, row messages first, as "row i: msg" and "top: msg". */
export function allMessages(m) {
	return [...m.rows.flatMap((r) => r.msgs.map((x) => `row ${r.i}: ${x}`)),
		...m.topMsgs.map((x) => `top: ${x}`)];
}

/*
 * The dialog's form fields as a browser would post them: csrf is added by
 * Client.post. rows: [{ id, service, contract, price, qty }] (missing fields
 * are sent empty, id defaults to 0); extra: more fields (op, add, remove, q,
 * partial; an array value is sent as that key repeated, e.g. drop: [ids] for
 * the current rows the save removes).
 */
export function manageFields(version, rows, extra = {}) {
	const f = [['version', String(version)]];
	rows.forEach((r, i) => {
		f.push([`row[${i}][id]`, String(r.id ?? 0)]);
		f.push([`row[${i}][service]`, String(r.service)]);
		f.push([`row[${i}][contract]`, r.contract === undefined || r.contract === null ? '' : String(r.contract)]);
		f.push([`row[${i}][price]`, r.price === undefined ? '' : String(r.price)]);
		f.push([`row[${i}][qty]`, r.qty === undefined ? '' : String(r.qty)]);
	});
	for (const [k, v] of Object.entries(extra)) {
		for (const x of Array.isArray(v) ? v : [v])
			f.push([k, String(x)]);
	}
	return f;
}

/* The rows of a parsed dialog, ready for manageFields (what the browser would resend). */
export function rowsOf(m) {
	return m.rows.map((r) => ({ id: r.id, service: r.service, contract: r.contract, price: r.price, qty: r.qty }));
}

export function managePath(occ, site) {
	return `/occupiers/${occ}/sites/${site}/services/manage`;
}

export function servicesPath(occ, site, query = '') {
	return `/occupiers/${occ}/sites/${site}/services${query ? `?${query}` : ''}`;
}

/*
 * Client.post() accepts an object; the dialog needs repeated keys in order, so
 * this builds the urlencoded body itself (csrf first, as the form has it).
 */
export async function post(c, path, pairs) {
	const p = new URLSearchParams();
	if (!pairs.some(([k]) => k === 'csrf') && c.csrf)
		p.append('csrf', c.csrf);
	for (const [k, v] of pairs)
		p.append(k, v);
	return c.request('POST', path, { body: p.toString() });
}

/* GET the dialog and parse it. */
export async function openManage(c, occ, site, query = '') {
	const r = await c.get(managePath(occ, site) + (query ? `?${query}` : ''));
	assert.equal(r.status, 200, `GET manage for ${occ}/${site}: ${r.status} ${r.text.slice(0, 200)}`);
	return { r, m: parseManage(r.body) };
}

/* POST the dialog with rows and extra fields; returns { r, m } (m null unless a form came back). */
export async function submit(c, occ, site, version, rows, extra = {}) {
	const r = await post(c, managePath(occ, site), manageFields(version, rows, extra));
	const m = /<form id="manage"/.test(r.body) ? parseManage(r.body) : null;
	return { r, m };
}

/* ---- fixtures through the UI ---------------------------------------------- */

/* A fresh occupier of our own, created through the form; returns its id. */
export async function newOccupier(c, prefix = 'Services test') {
	await c.get('/occupiers/new');
	const r = await c.post('/occupiers/new', { name: `${prefix} ${rnd()}`, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create occupier');
	return Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
}

/* A contract through the form (an overlap with another of the occupier's
 * contracts there confirmed, as a user ticks "Save anyway"); returns
 * { id, reference, start }. */
export async function newContract(c, occ, site, { start = day(-30), end = '', reference = `SVC-${rnd()}` } = {}) {
	await c.get(`/occupiers/${occ}/sites/${site}/contracts/new`);
	const r = await c.post(`/occupiers/${occ}/sites/${site}/contracts/new`,
		{ reference, start_date: start, end_date: end, version: '0', overlap_ok: '1' });
	assertRedirect(r, `/occupiers/${occ}/sites/${site}/contracts?done=created`, `create contract ${reference}`);
	const id = Number(dbValue(`SELECT id FROM contract WHERE reference = ${q(reference)}`));
	return { id, reference, start };
}

/* An occupier of our own with one contract per entry of `contracts` at site. */
export async function occupierWith(c, site, contracts = [{}], prefix) {
	const occ = await newOccupier(c, prefix);
	const cs = [];
	for (const k of contracts)
		cs.push(await newContract(c, occ, site, k));
	return { occ, contracts: cs, contract: cs[0] };
}

/* occupier_service rows of an occupier at a site, as plain objects (DB truth). */
export function occsvcRows(occ, site) {
	return db(`SELECT os.id, s.name, os.contract_id, os.price, os.qty, os.start_date,
			COALESCE(os.activated_at, '-'), COALESCE(os.ended_at, '-'), os.created_by, os.updated_by
		FROM occupier_service os JOIN service s ON s.id = os.service_id
		WHERE os.occupier_id = ${occ} AND os.site_id = ${site} ORDER BY os.id`).map((r) => ({
		id: Number(r[0]), name: r[1], contract: Number(r[2]), price: Number(r[3]), qty: Number(r[4]),
		start: r[5], activated: r[6], ended: r[7], createdBy: r[8], updatedBy: r[9],
	}));
}

export function countOccsvc(where = '1') {
	return Number(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE ${where}`));
}

export function auditEvents(occ, site) {
	return db(`SELECT a.action, a.entity_id, COALESCE(a.old_value, '-'), COALESCE(a.new_value, '-'), a.user_id
		FROM audit_event a WHERE a.entity = 'occupier_service' AND a.occupier_id = ${occ}
		AND a.site_id = ${site} ORDER BY a.id`).map((r) => ({
		action: r[0], entity: Number(r[1]), old: r[2], new: r[3], user: r[4],
	}));
}

/*
 * History tab rows: [{ at, iso, who, what, subject, changes }]; changes are
 * the event's labelled fields as read ("Price: £15.00 → £12.50", "Quantity:
 * 2", newlines in values kept), subject what the event is about ("Voice
 * line"), or null.
 */
export function parseHistory(html) {
	const tb = /<table class="grid history">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
	if (!tb)
		return [];
	const raw = (s) => decode(s.replace(/<[^>]*>/g, ''));
	return [...tb[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => {
		const c = cells(tr[1]);
		const subject = /<span class="subject">([\s\S]*?)<\/span>/.exec(c[2]);
		return {
			at: raw(c[0]),
			iso: (/<time datetime="([^"]*)">/.exec(c[0]) || [, null])[1],
			who: raw(c[1]),
			what: raw(c[2].replace(/<span class="subject">[\s\S]*?<\/span>/, '')),
			subject: subject ? raw(subject[1]) : null,
			changes: [...c[3].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => raw(li[1])),
		};
	});
}

/* The History lines of one occupier service as written by auditText
 * (a creation or removal: every field). */
export function historyLines(service, contract, price, qty) {
	return [`Service: ${service}`, `Contract: ${contract}`, `Price: £${price}`, `Quantity: ${qty}`];
}

/* The audit text the app writes for one occupier service (services_manage.c). */
export function auditText(service, contract, price, qty) {
	return `service=${service}\ncontract=${contract}\nprice=${price}\nqty=${qty}`;
}

/*
 * What is in use (X) of the five device types for an occupier at a site,
 * counted from the data as domain §3 defines it: floor ports assigned and
 * active, active phone numbers, active public IP addresses, active Wi-Fi
 * devices and accounts. The demo data of other features may hold some.
 */
export function inUse(occ, site) {
	const n = (sql) => Number(dbValue(sql));
	const w = `occupier_id = ${occ} AND site_id = ${site}`;
	const has = (t) => Number(dbValue(`SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = DATABASE() AND table_name = ${q(t)}`)) > 0;
	return [
		n(`SELECT COUNT(*) FROM floor_port WHERE ${w} AND state = 'active'`),
		has('phone_number') ? n(`SELECT COUNT(*) FROM phone_number WHERE ${w} AND state = 'active'`) : 0,
		has('public_ip') ? n(`SELECT COUNT(*) FROM public_ip WHERE ${w} AND state = 'active'`) : 0,
		has('device') ? n(`SELECT COUNT(*) FROM device WHERE ${w} AND type = 'wifi_device' AND state = 'active'`) : 0,
		has('device') ? n(`SELECT COUNT(*) FROM device WHERE ${w} AND type = 'wifi_account' AND state = 'active'`) : 0,
	];
}

export const INFRA_LABELS = ['Switch ports', 'Telephony extensions', 'Public IP addresses', 'Wi-Fi devices', 'Wi-Fi accounts'];

/* The expected Provisioned infrastructure entries: X from the data, Y as given. */
export function expectInfra(occ, site, allocated) {
	const x = inUse(occ, site);
	return INFRA_LABELS.map((l, i) => [l, `${x[i]}/${allocated[i]}`]);
}
