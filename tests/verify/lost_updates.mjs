// lost_updates.mjs (issue 7, check 4): K clients × N conflicting saves of
// the same occupier's services. Each client, in its own session, loads the
// Manage services dialog (for the plan version) and saves the plan with its
// own distinct price on the first row. Every reply must be 303 (saved) or
// 409 "changed meanwhile"; each acknowledged save must be in the audit trail
// exactly once, the audit chain unbroken (each update's old price is the
// previous update's new one), the final price the last acknowledged save's
// and the plan version bumped once per acknowledged save.
//   node lost_updates.mjs [CLIENTS] [SAVES_PER_CLIENT]
import {
	FAST, Lean, STOP_AT, attempt, auditPrice, db, dbValue, formRows, inputValue, log, manageFields, managePath, money, n,
	ownPlan, report, serverEvents, serverLogSince, signInMany, siteId,
} from './vlib.mjs';

const K = Number(process.argv[2] || (FAST ? 4 : 16));
const N = Number(process.argv[3] || (FAST ? 25 : 200));
const deadline = Math.min(Date.now() + (FAST ? 60 : 300) * 1000, STOP_AT - 8000);
const t0 = Date.now();

const clients = await signInMany(K);
const admin = clients[0];
const S = siteId('Canary Wharf');
const o = await ownPlan(admin, S, 'Lost updates');
const path = managePath(o.occ, S);
const rowA = o.rowA;
const v0 = Number(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${S}`));
const p0 = Number(dbValue(`SELECT price FROM occupier_service WHERE id = ${rowA}`));
const audit0 = Number(dbValue('SELECT COALESCE(MAX(id), 0) FROM audit_event'));
log(`occupier ${o.occ} site ${S}: row ${rowA} price ${p0}, plan version ${v0}`);

const saves = [];	/* { c, k, cents, base, status, kind, t1 } */
const loadErrors = [];

async function client(ci) {
	const c = new Lean(clients[ci], { maxSockets: 1 });
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
		const r = await attempt(c, 'POST', path, manageFields(base, rows, { op: 'save' }));
		let kind = 'other';
		if (r.status === 303 && /\/services\?done=services_saved$/.test(r.location || ''))
			kind = 'ack';
		else if (r.status === 409 && /changed meanwhile/.test(r.body))
			kind = 'conflict';
		saves.push({ c: ci, k, cents, base, status: r.status, kind, t1: performance.now(), err: r.err });
	}
	c.close();
}

await Promise.all(clients.map((_, i) => client(i)));
const secs = (Date.now() - t0) / 1000;

const acks = saves.filter((s) => s.kind === 'ack');
const conflicts = saves.filter((s) => s.kind === 'conflict');
const other = saves.filter((s) => s.kind === 'other');
const bases = new Set(acks.map((s) => s.base));
const vEnd = Number(dbValue(`SELECT version FROM occupier_site_plan WHERE occupier_id = ${o.occ} AND site_id = ${S}`));
const pEnd = Number(dbValue(`SELECT price FROM occupier_service WHERE id = ${rowA}`));
const ev = db(`SELECT old_value, new_value FROM audit_event WHERE id > ${audit0} AND entity = 'occupier_service'
	AND entity_id = ${rowA} AND action = 'update' ORDER BY id`).map(([a, b]) => ({ old: auditPrice(a), new: auditPrice(b) }));
const otherAudit = Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE id > ${audit0} AND occupier_id = ${o.occ}
	AND NOT (entity = 'occupier_service' AND entity_id = ${rowA} AND action = 'update')`));

// The audit chain: each update starts from the previous one's price.
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
// The last acknowledged save is the one made on the highest version.
const last = acks.reduce((a, s) => (a === null || s.base > a.base ? s : a), null);
const finalOk = last ? pEnd === last.cents && prev === pEnd : pEnd === p0;
const lost = missing + breaks + (acks.length - bases.size) + (finalOk ? 0 : 1);

log(`saves ${saves.length}, acks ${acks.length}, conflicts ${conflicts.length}, other ${other.length}`);
log(`statuses of other: ${JSON.stringify(other.slice(0, 10).map((s) => [s.status, s.err]))}`);
log(`load errors (GET): ${loadErrors.length} ${JSON.stringify(loadErrors.slice(0, 5))}`);
log(`version ${v0} → ${vEnd} (+${vEnd - v0}); audit updates ${ev.length}; chain breaks ${breaks}; ` +
	`acked missing from audit ${missing}; audit without ack ${phantom}; other audit rows ${otherAudit}`);
log(`final price ${pEnd}; last acknowledged ${last ? `${last.cents} (client ${last.c}, version ${last.base})` : '-'}`);

const ev0 = serverEvents(serverLogSince());
log(`server log: ${JSON.stringify(ev0)}`);
const planned = K * N;
const capped = saves.length < planned ? ` (time cap: ${n(saves.length)} of ${n(planned)})` : '';
const pass = ev0.sanitizer === 0 && ev0.crashed === 0 && saves.length === planned && other.length === 0 && loadErrors.length === 0 && lost === 0 &&
	phantom === 0 && ev.length === acks.length && vEnd - v0 === acks.length && otherAudit === 0 && acks.length > 0;
const hist = {};
for (const s of other)
	hist[s.status || s.err] = (hist[s.status || s.err] || 0) + 1;
const otherText = Object.entries(hist).map(([k, v]) => `${k}×${v}`).join(', ');
report('lost-updates', `${n(saves.length)} saves (${K} clients × ${N}), ${n(acks.length)} acknowledged, ` +
	`${n(conflicts.length)} conflicts, ${n(other.length + loadErrors.length)} other${otherText ? ` (${otherText})` : ''}, ` +
	`${lost} lost; ` +
	`audit updates ${n(ev.length)} = acknowledged ${n(acks.length)}, version +${n(vEnd - v0)}, ` +
	`final = last acknowledged: ${finalOk ? 'yes' : 'NO'}; ${ev0.sanitizer} sanitizer reports, ` +
	`${ev0.crashed} worker crashes (${secs.toFixed(0)} s)${capped}`, pass);
