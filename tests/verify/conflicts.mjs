// conflicts.mjs: the lost-updates experiment, shared by lost_updates.mjs
// (one stack) and cluster.mjs (clients spread over the app hosts of a
// Galera cluster). K clients, each in its own session, load the Manage
// services dialog (for the plan version) and save the plan with a price of
// their own on one row, N times each; then the figures are read from the
// database, through any query function (one per Galera node in the cluster).
import { attempt, auditPrice, formRows, inputValue, manageFields, money } from './vlib.mjs';

/*
 * Run the saves. leanOf(ci) gives client ci's lean client (vlib.mjs Lean),
 * closed here. Returns { saves, loadErrors }; each save is
 * { c, k, cents, base, status, kind: 'ack' | 'conflict' | 'other', err, t0, t1 }.
 */
export async function conflictingSaves({ K, N, path, rowA, deadline, leanOf }) {
	const saves = [];
	const loadErrors = [];
	async function client(ci) {
		const c = leanOf(ci);
		for (let k = 0; k < N && Date.now() < deadline; k++) {
			const g = await attempt(c, 'GET', path);
			if (g.status !== 200) {
				loadErrors.push(`GET ${g.status} ${g.err || ''}`);
				continue;
			}
			const base = Number(inputValue(g.body, 'version'));
			const rows = formRows(g.body);
			const cents = 100000 + ci * 1000 + k;	/* distinct for every save */
			const row = rows.find((r) => Number(r.id) === rowA);
			row.price = money(cents);
			const t0 = Date.now();
			const r = await attempt(c, 'POST', path, manageFields(base, rows, { op: 'save' }));
			let kind = 'other';
			if (r.status === 303 && /\/services$/.test(r.location || ''))
				kind = 'ack';
			else if (r.status === 409 && /changed meanwhile/.test(r.body))
				kind = 'conflict';
			saves.push({ c: ci, k, cents, base, status: r.status, kind, err: r.err, t0, t1: Date.now() });
		}
		c.close();
	}
	await Promise.all(Array.from({ length: K }, (_, i) => client(i)));
	return { saves, loadErrors };
}

/* The plan's version, the row's price and the last audit id before the saves. */
export function conflictStart(q, occ, S, rowA) {
	return {
		v0: Number(q(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${occ} AND site_id = ${S}`)[0][0]),
		p0: Number(q(`SELECT price FROM occupier_service WHERE id = ${rowA}`)[0][0]),
		audit0: Number(q('SELECT COALESCE(MAX(id), 0) FROM audit_event')[0][0]),
	};
}

/*
 * The figures, as one database (q: SQL → rows) holds them: each
 * acknowledged save in the audit trail exactly once, the audit chain
 * unbroken (each update's old price the previous update's new one), the
 * final price the last acknowledged save's (the one made on the highest
 * version), the version bumped once per acknowledged save, and no other
 * audit event of the occupier.
 */
export function conflictFigures(q, { occ, S, rowA, v0, p0, audit0 }, saves) {
	const acks = saves.filter((s) => s.kind === 'ack');
	const bases = new Set(acks.map((s) => s.base));
	const vEnd = Number(q(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${occ} AND site_id = ${S}`)[0][0]);
	const pEnd = Number(q(`SELECT price FROM occupier_service WHERE id = ${rowA}`)[0][0]);
	const ev = q(`SELECT old_value, new_value FROM audit_event WHERE id > ${audit0} AND entity = 'occupier_service'
		AND entity_id = ${rowA} AND action = 'update' ORDER BY id`).map(([a, b]) => ({ old: auditPrice(a), new: auditPrice(b) }));
	const otherAudit = Number(q(`SELECT COUNT(*) FROM audit_event WHERE id > ${audit0} AND occupier_id = ${occ}
		AND NOT (entity = 'occupier_service' AND entity_id = ${rowA} AND action = 'update')`)[0][0]);
	let breaks = 0;
	let prev = p0;
	for (const e of ev) {
		if (e.old !== prev)
			breaks++;
		prev = e.new;
	}
	const auditNew = new Map();
	for (const e of ev)
		auditNew.set(e.new, (auditNew.get(e.new) || 0) + 1);
	const missing = acks.filter((s) => auditNew.get(s.cents) !== 1).length;
	const phantom = ev.filter((e) => !acks.some((s) => s.cents === e.new)).length;
	const last = acks.reduce((a, s) => (a === null || s.base > a.base ? s : a), null);
	const finalOk = last ? pEnd === last.cents && prev === pEnd : pEnd === p0;
	const lost = missing + breaks + (acks.length - bases.size) + (finalOk ? 0 : 1);
	return { acks: acks.length, vEnd, pEnd, ev, otherAudit, breaks, missing, phantom, last, finalOk, lost };
}
