// leaks_report.mjs (make verify, check 3): the figures of the leaks check from
// the two load runs (load.mjs output) and valgrind's per-process logs.
//   node leaks_report.mjs RSS_JSON VG_JSON VALGRIND_MASTER_PID RUN_DIR FIRST LAST VG_REQUESTS
// Workers leave with _exit(0) (app/serve.c), which LeakSanitizer does not
// see; valgrind checks at any exit, so each worker's log has a LEAK SUMMARY.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { log, n, report } from './vlib.mjs';

const [RSS, VG, MASTER, RUN, FIRST, LAST, VGREQ] = process.argv.slice(2);
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const rss = read(RSS);
const vg = read(VG);
const errorsOf = (r) => (r ? Object.entries(r.byStatus).filter(([s]) => s === '0' || Number(s) >= 500)
	.reduce((a, [, v]) => a + v, 0) : 0);

// valgrind: one log per process; the master's and each worker's.
const logs = readdirSync(RUN).filter((f) => /^valgrind\.\d+\.log$/.test(f));
let def = 0;
let ind = 0;
let errs = 0;
let workersSeen = 0;
let summaries = 0;
for (const f of logs) {
	const pid = Number(f.split('.')[1]);
	const t = readFileSync(`${RUN}/${f}`, 'utf8');
	const bytes = (what) => Number(((new RegExp(`${what}: ([\\d,]+) bytes`).exec(t) || [, '0'])[1]).replace(/,/g, ''));
	const e = Number((/ERROR SUMMARY: ([\d,]+) errors/.exec(t) || [, '0'])[1].replace(/,/g, ''));
	const hasSummary = /LEAK SUMMARY|All heap blocks were freed/.test(t);
	if (pid !== Number(MASTER))
		workersSeen++;
	if (hasSummary)
		summaries++;
	def += bytes('definitely lost');
	ind += bytes('indirectly lost');
	errs += e;
	log(`${f}: definitely ${bytes('definitely lost')} B, indirectly ${bytes('indirectly lost')} B, ${e} errors` +
		`${hasSummary ? '' : ' (no summary)'}${pid === Number(MASTER) ? ' (master)' : ''}`);
}

const first = rss?.rss?.find((x) => x.at >= Number(FIRST) && x.at < Number(LAST));
const last = rss?.rss?.length ? rss.rss[rss.rss.length - 1] : null;
const growth = first && last && first.kib ? ((last.kib - first.kib) / first.kib) * 100 : NaN;
const samePid = first && last && first.pid === last.pid && first.pid > 0;

log(`rss run: ${JSON.stringify(rss)}`);
log(`valgrind run: ${JSON.stringify(vg)}`);
const vgErr = errorsOf(vg);
const rssErr = errorsOf(rss);
const m = vg?.byMethod || {};
const pass = vg && vg.requests >= Number(VGREQ) && summaries === logs.length && workersSeen >= 1 && def === 0 &&
	ind === 0 && errs === 0 && vgErr === 0 && rss && last && last.at >= Number(LAST) && samePid &&
	Math.abs(growth) <= 5 && rssErr === 0;
report('leaks', `valgrind: ${n(vg?.requests ?? 0)} requests (${n(m.GET ?? 0)} GET, ${n(m.POST ?? 0)} POST, ` +
	`${vgErr} 5xx) to 1 worker: ${n(def)} bytes definitely + ${n(ind)} indirectly lost, ${errs} errors ` +
	`(${workersSeen} worker + master logs, ${summaries}/${logs.length} summaries); worker RSS ` +
	`${first ? `${n(first.kib)} KiB after ${n(first.at)}` : '?'} → ${last ? `${n(last.kib)} KiB after ${n(last.at)}` : '?'} ` +
	`requests (${Number.isFinite(growth) ? `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %` : '?'}, limit ±5 %` +
	`${samePid ? '' : ', worker REPLACED'}; ${rssErr} 5xx, ${rss ? rss.seconds.toFixed(0) : '?'} s)`, !!pass);
