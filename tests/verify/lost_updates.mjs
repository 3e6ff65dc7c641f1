// lost_updates.mjs (make verify, check 4): K clients × N conflicting saves of
// the same occupier's services. Each client, in its own session, loads the
// Manage services dialog (for the plan version) and saves the plan with its
// own distinct price on the first row. Every reply must be 303 (saved) or
// 409 "changed meanwhile"; each acknowledged save must be in the audit trail
// exactly once, the audit chain unbroken (each update's old price is the
// previous update's new one), the final price the last acknowledged save's
// and the plan version bumped once per acknowledged save.
//   node lost_updates.mjs [CLIENTS] [SAVES_PER_CLIENT]
import {
	FAST, Lean, STOP_AT, db, log, managePath, n, ownPlan, report, serverEvents, serverLogSince, signInMany, siteId,
} from './vlib.mjs';
import { conflictFigures, conflictStart, conflictingSaves } from './conflicts.mjs';

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
const start = { occ: o.occ, S, rowA, ...conflictStart(db, o.occ, S, rowA) };
log(`occupier ${o.occ} site ${S}: row ${rowA} price ${start.p0}, plan version ${start.v0}`);

const { saves, loadErrors } = await conflictingSaves({
	K, N, path, rowA, deadline, leanOf: (ci) => new Lean(clients[ci], { maxSockets: 1 }),
});
const secs = (Date.now() - t0) / 1000;

const acks = saves.filter((s) => s.kind === 'ack');
const conflicts = saves.filter((s) => s.kind === 'conflict');
const other = saves.filter((s) => s.kind === 'other');
const f = conflictFigures(db, start, saves);
const { ev, otherAudit, breaks, missing, phantom, last, finalOk, lost, vEnd, pEnd } = f;
const v0 = start.v0;

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
