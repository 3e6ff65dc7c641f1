// tick.test.mjs: the daily job (`tenantry tick`) and the move-out it
// performs. The job runs with TENANTRY_TODAY set to each day stepped
// through, against the test database, as an operator's cron or the serve
// master's housekeeping process would on that day:
//
//  1. A contract that ends on a day is moved out by that day's tick: its
//     services end on the end day (the ledger closes on it, so the end
//     day is not charged), its numbers cool off, its floor ports and
//     public IPs are free again, its Wi-Fi devices are gone, and the
//     occupier's users are disabled (it holds no other contract); one
//     audit event says so. The day before, nothing happens.
//  2. A second tick the same day changes nothing.
//  3. Two ticks started at once do the day once: one runs, one skips.
//  4. When the cooling off is over, a tick makes the numbers available.
//  5. A service that needs a device (a switch port) and could not start at
//     the save starts on its start date when a port is free by then.
//  6. A contract entered already ended (history) is kept as moved out on
//     its end date: no tick moves it out.
//
// The occupier is this file's own.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, DB_SOCKET, TENANTRY_BIN, addUser, assertHtml, assertRedirect, db, dbValue, operatorId, q, rnd, signedIn, siteId, tableRows } from './lib.mjs';
import { day, newContract, newOccupier, occupierWith, openManage, rowsOf, serviceIds, submit } from './services-lib.mjs';

const run = promisify(execFile);
let admin, cw, S;

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
	S = serviceIds();
});

function env(day) {
	return { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET, TENANTRY_TODAY: day };
}

/* `tenantry tick` on day; its summary line. */
function tick(day) {
	return execFileSync(TENANTRY_BIN, ['tick'], { env: env(day), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function counts(out) {
	const m = /tick: (\d+) run, (\d+) skipped/.exec(out);
	assert.ok(m, `tick's summary: ${out}`);
	return { run: Number(m[1]), skipped: Number(m[2]) };
}

/* Everything a tick may change, of occupier occ (and the day's claims). */
function state(occ) {
	return JSON.stringify([
		db(`SELECT id, moved_out_on, version FROM contract WHERE occupier_id = ${occ} ORDER BY id`),
		db(`SELECT id, COALESCE(ended_at, '-') FROM occupier_service WHERE occupier_id = ${occ} ORDER BY id`),
		db(`SELECT occsvc_id, from_day, COALESCE(to_day, '-') FROM charge_ledger WHERE occupier_id = ${occ} ORDER BY 1, 2`),
		db(`SELECT id, state, COALESCE(occupier_id, 0), COALESCE(cooloff_until, '-'), version FROM phone_number
			WHERE id IN (SELECT entity_id FROM audit_event WHERE entity = 'phone_number' AND occupier_id = ${occ}) ORDER BY id`),
		db(`SELECT id, disabled FROM app_user WHERE occupier_id = ${occ} ORDER BY id`),
		db(`SELECT COUNT(*) FROM audit_event WHERE occupier_id = ${occ}`),
		db('SELECT operator_id, day, COALESCE(finished_at, 0) > 0 FROM tick_run ORDER BY 1, 2'),
	]);
}

test('a move-out over tick: services end on the end day, infrastructure freed, users disabled; idempotent; once across hosts', async () => {
	const END = '2026-02-19';
	const occ = await newOccupier(admin, 'Tick test');
	const name = dbValue(`SELECT name FROM occupier WHERE id = ${occ}`);
	const contract = await newContract(admin, occ, cw, { start: '2026-01-01', end: END });

	// A voice line: the save allocates and activates a number of the pool.
	const { m } = await openManage(admin, occ, cw);
	const rows = [...rowsOf(m), { service: S['Voice line'], contract: contract.id, price: '15.00', qty: 1 }];
	const x = await submit(admin, occ, cw, m.version, rows, { op: 'save' });
	assertRedirect(x.r, /\/services\?done=/, 'save the voice line');
	const numbers = db(`SELECT id FROM phone_number WHERE occupier_id = ${occ} AND state = 'active'`).map((r) => r[0]);
	assert.equal(numbers.length, 1, 'one number active');
	// A floor port, a public IP, a Wi-Fi device and a user of the occupier.
	const port = dbValue(`SELECT id FROM floor_port WHERE site_id = ${cw} AND occupier_id IS NULL
		AND role = 'occupier_lan' AND state = 'inactive' ORDER BY id LIMIT 1`);
	const ip = dbValue(`SELECT id FROM public_ip WHERE site_id = ${cw} AND occupier_id IS NULL ORDER BY id LIMIT 1`);
	db(`UPDATE floor_port SET occupier_id = ${occ}, state = 'active' WHERE id = ${port};
		UPDATE public_ip SET occupier_id = ${occ}, state = 'assigned' WHERE id = ${ip};
		INSERT INTO device (operator_id, site_id, occupier_id, type, identifier, label, state)
			SELECT operator_id, ${cw}, ${occ}, 'wifi_device', '02:00:00:00:17:01', 'Tick laptop', 'active'
			FROM occupier WHERE id = ${occ}`);
	// And an IPv6 prefix of a pool of the site.
	db(`INSERT INTO ipv6_pool (operator_id, site_id, prefix, prefix_len, delegation_len)
			SELECT operator_id, ${cw}, UNHEX('20010db8ff0000000000000000000000'), 48, 64 FROM occupier WHERE id = ${occ};
		INSERT INTO ipv6_delegation (operator_id, site_id, pool_id, idx, occupier_id)
			SELECT p.operator_id, p.site_id, p.id, 0, ${occ} FROM ipv6_pool p
			WHERE p.site_id = ${cw} AND p.prefix = UNHEX('20010db8ff0000000000000000000000')`);
	const user = addUser({ role: 'occupier_admin', occupier: name });
	const occUser = await signedIn(user.email, user.password);
	assertHtml(await occUser.get(`/my/sites/${cw}/services`), 200, 'the occupier user\'s own view');

	// Beforehand, the Contracts tab shows the checklist of the move-out.
	const ct = await admin.get(`/occupiers/${occ}/sites/${cw}/contracts`);
	assertHtml(ct, 200, 'Contracts tab');
	assert.match(ct.text, /Move-out on 19 Feb 2026/);
	for (const item of ['1 service ends (charges stop on the end day)', '1 phone number is deactivated (cooling off)',
		'1 floor port is released', '1 public IP address is released', '1 Wi-Fi device or account is removed',
		'1 IPv6 prefix is released'])
		assert.ok(ct.text.includes(item), `checklist: ${item}`);
	assert.match(ct.text, /disables the occupier.s users: no other contract goes on/);

	// The day before the end: nothing of ours moves.
	const before_ = state(occ);
	counts(tick('2026-02-18'));
	assert.equal(dbValue(`SELECT COALESCE(moved_out_on, '-') FROM contract WHERE id = ${contract.id}`), '-');
	assert.equal(dbValue(`SELECT COUNT(*) FROM phone_number WHERE occupier_id = ${occ} AND state = 'active'`), '1');
	assert.equal(dbValue(`SELECT COUNT(*) FROM phone_holder WHERE phone_number_id = ${numbers[0]} AND occupier_id = ${occ}
		AND held_until IS NULL`), '1', 'the occupier holds the number');

	// The end day: the move-out.
	const c1 = counts(tick(END));
	assert.ok(c1.run >= 1, 'the end day\'s run was done');
	assert.equal(dbValue(`SELECT moved_out_on FROM contract WHERE id = ${contract.id}`), END);
	assert.deepEqual(db(`SELECT COALESCE(ended_at, '-') FROM occupier_service WHERE occupier_id = ${occ}`), [[END]],
		'the service ended on the end day');
	assert.deepEqual(db(`SELECT COALESCE(to_day, '-') FROM charge_ledger WHERE occupier_id = ${occ}`), [[END]],
		'its charges stop on the end day');
	assert.deepEqual(db(`SELECT state, COALESCE(occupier_id, 0), deactivated_at, cooloff_until FROM phone_number
		WHERE id = ${numbers[0]}`), [['cooling_off', '0', END, '2026-05-20']], 'the number cools off for 90 days');
	assert.equal(dbValue(`SELECT COUNT(*) FROM phone_holder WHERE phone_number_id = ${numbers[0]} AND occupier_id = ${occ}
		AND held_until IS NULL`), '0', 'its holding ended (calls after it are not the occupier\'s)');
	assert.deepEqual(db(`SELECT COALESCE(occupier_id, 0), state FROM floor_port WHERE id = ${port}`), [['0', 'inactive']]);
	assert.deepEqual(db(`SELECT COALESCE(occupier_id, 0), state FROM public_ip WHERE id = ${ip}`), [['0', 'free']]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM device WHERE occupier_id = ${occ}`), '0');
	assert.equal(dbValue(`SELECT disabled FROM app_user WHERE email = '${user.email}'`), '1', 'the occupier\'s user is disabled');
	assertRedirect(await occUser.get(`/my/sites/${cw}/services`), `/login?next=/my/sites/${cw}/services`, 'and signed out at its next request');
	const ev = dbValue(`SELECT new_value FROM audit_event WHERE entity = 'contract' AND entity_id = ${contract.id}
		AND action = 'move_out'`);
	assert.match(ev, /services ended=1\nnumbers deactivated=1\nports released=1\npublic IPs released=1\nWi-Fi removed=1\nusers disabled=1\nIPv6 prefixes released=1$/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM ipv6_delegation WHERE occupier_id = ${occ}`), '0', 'its IPv6 prefix went back');
	db("DELETE FROM ipv6_pool WHERE prefix = UNHEX('20010db8ff0000000000000000000000')");
	assert.notEqual(state(occ), before_);

	// The Charges tab of February: the voice line from the 16th to the 18th.
	const r = await admin.get(`/occupiers/${occ}/sites/${cw}/charges?month=2026-02`);
	assertHtml(r, 200, 'Charges of February');
	const lines = tableRows(r.body).filter((l) => l.length === 7 && l[0] === 'Voice line').map((l) => l.join(' | '));
	assert.deepEqual(lines, ['Voice line | 16 Feb 2026 | 18 Feb 2026 | 3/28 | £15.00 | 1 | £1.61'],
		'charged the 16th, 17th and 18th: not the end day');

	// Once it has run, the checklist is gone.
	assert.doesNotMatch((await admin.get(`/occupiers/${occ}/sites/${cw}/contracts`)).text, /Move-out on/);

	// A second tick the same day: nothing changes.
	const after1 = state(occ);
	assert.deepEqual(counts(tick(END)).run, 0, 'the day was run already');
	assert.equal(state(occ), after1, 'the second tick changed nothing');

	// Two ticks at once on a new day: one does it, the other skips.
	const [a, b] = await Promise.all([
		run(TENANTRY_BIN, ['tick'], { env: env('2026-02-20') }),
		run(TENANTRY_BIN, ['tick'], { env: env('2026-02-20') }),
	]);
	const ca = counts(a.stdout), cb = counts(b.stdout);
	const ops = Number(dbValue('SELECT COUNT(*) FROM operator'));
	assert.equal(ca.run + cb.run, ops, 'each operator\'s day run once');
	assert.equal(ca.skipped + cb.skipped, ops, 'and skipped by the other');
	assert.equal(dbValue("SELECT COUNT(*) FROM tick_run WHERE day = '2026-02-20' AND finished_at IS NOT NULL"), String(ops));

	// The cooling off is over on 20 May: the number is available again.
	assert.equal(dbValue(`SELECT state FROM phone_number WHERE id = ${numbers[0]}`), 'cooling_off');
	counts(tick('2026-05-20'));
	assert.deepEqual(db(`SELECT state, COALESCE(occupier_id, 0), COALESCE(cooloff_until, '-') FROM phone_number
		WHERE id = ${numbers[0]}`), [['available', '0', '-']]);
});

test('a service that needs a device starts on its start date when a port is free by then (after this file\'s days)', async () => {
	// Contract A ends on the 21st, B starts on the 22nd. The occupier's one
	// active port serves A's Internet service; B's waits for it (no port is
	// free at the save). The 21st's tick moves A out (its service ends on
	// the 21st); the 22nd's starts B's service, that day, once.
	const occ = await newOccupier(admin, 'Tick device');
	const a = await newContract(admin, occ, cw, { start: '2026-01-01', end: '2026-02-21' });
	const b = await newContract(admin, occ, cw, { start: '2026-02-22' });
	const port = dbValue(`SELECT id FROM floor_port WHERE site_id = ${cw} AND occupier_id IS NULL
		AND role = 'occupier_lan' AND state = 'inactive' ORDER BY id LIMIT 1`);
	db(`UPDATE floor_port SET occupier_id = ${occ}, state = 'active' WHERE id = ${port}`);
	const { m } = await openManage(admin, occ, cw);
	const rows = [{ service: S['Internet (LAN only) 100 Mbps'], contract: a.id, price: '90.00', qty: 1 },
		{ service: S['Internet (LAN + Wi-Fi) 100 Mbps'], contract: b.id, price: '110.00', qty: 1 }];
	assertRedirect((await submit(admin, occ, cw, m.version, rows, { op: 'save' })).r, /\/services\?done=/, 'save both');
	const svc = (contract) => db(`SELECT id, COALESCE(activated_at, '-'), COALESCE(ended_at, '-') FROM occupier_service
		WHERE occupier_id = ${occ} AND contract_id = ${contract}`)[0];
	const [sa] = svc(a.id), [sb] = svc(b.id);
	assert.deepEqual(svc(a.id), [sa, '2026-02-16', '-'], "A's service started on its port at the save");
	assert.deepEqual(svc(b.id), [sb, '-', '-'], "B's waits: the port is A's");
	const events = () => db(`SELECT new_value FROM audit_event WHERE entity = 'occupier_service' AND entity_id = ${sb}
		AND action = 'activate'`);

	counts(tick('2026-02-21'));
	assert.deepEqual(svc(a.id), [sa, '2026-02-16', '2026-02-21'], 'A moved out on its end date');
	assert.deepEqual(svc(b.id), [sb, '-', '-'], 'B not due yet');
	assert.deepEqual(db(`SELECT occupier_id, state FROM floor_port WHERE id = ${port}`), [[String(occ), 'active']],
		'the port stays: B goes on at the site');
	assert.deepEqual(events(), []);

	const c = counts(tick('2026-02-22'));
	assert.ok(c.run >= 1, 'the 22nd was run');
	assert.deepEqual(svc(b.id), [sb, '2026-02-22', '-'], "B's service starts on its start date");
	assert.deepEqual(events(), [['service=Internet (LAN + Wi-Fi) 100 Mbps\nactivated=2026-02-22']]);
	assert.deepEqual(db(`SELECT user_id FROM audit_event WHERE entity = 'occupier_service' AND entity_id = ${sb}
		AND action = 'activate'`), [[null]], 'by the system');

	// Again the same day, and the next day: nothing more.
	const once = state(occ);
	assert.equal(counts(tick('2026-02-22')).run, 0);
	assert.equal(state(occ), once, 'the second tick of the day changed nothing');
	const ours = () => JSON.parse(state(occ)).slice(0, -1);	// without the days' claims
	const kept = ours();
	counts(tick('2026-02-23'));
	assert.deepEqual(ours(), kept, 'the next day: nothing more of ours');
	assert.deepEqual(svc(b.id), [sb, '2026-02-22', '-']);
	assert.equal(events().length, 1);
});

test('a contract entered already ended is history: kept as moved out on its end date, so no tick moves it out; one ending later waits for its tick', async () => {
	const { occ, contracts: [past, later] } = await occupierWith(admin, cw,
		[{ start: day(-300), end: day(-20) }, { start: day(-10), end: day(40) }], 'Entered ended');
	assert.deepEqual(db(`SELECT id, COALESCE(moved_out_on, '-') FROM contract WHERE occupier_id = ${occ} ORDER BY id`),
		[[String(past.id), day(-20)], [String(later.id), '-']]);
	// The tick's list of move-outs due by the later contract's end: only that one.
	assert.deepEqual(db(`SELECT id FROM contract WHERE occupier_id = ${occ} AND end_date <= ${q(day(40))}
		AND moved_out_on IS NULL`), [[String(later.id)]]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'contract' AND entity_id = ${past.id}
		AND action = 'create'`), '1', 'entered like any contract, with its audit event');
});

test('a moved-out contract\'s dates are history: editing them is refused by the field, the input kept; its reference can still change', async () => {
	const { occ, contracts: [past] } = await occupierWith(admin, cw, [{ start: day(-300), end: day(-20) }], 'Moved out');
	const version = dbValue(`SELECT version FROM contract WHERE id = ${past.id}`);
	await admin.get(`/occupiers/${occ}/contracts/${past.id}/edit`);
	const r = await admin.post(`/occupiers/${occ}/contracts/${past.id}/edit`,
		{ reference: past.reference, start_date: day(-300), end_date: day(200), version });
	assertHtml(r, 422, 'the end date of a moved-out contract');
	assert.match(r.body, new RegExp(`<p class="err" id="e-end_date">This contract was moved out on ${day(-20)}: its services ended and its numbers, ports and addresses were released, so its dates can no longer change\\. Add a new contract to go on at this site</p>`));
	assert.match(r.body, new RegExp(`id="f-end_date"[^>]*value="${day(200)}"`), 'input kept');
	assert.deepEqual(db(`SELECT end_date, moved_out_on, version FROM contract WHERE id = ${past.id}`),
		[[day(-20), day(-20), version]], 'nothing saved');
	const ok = await admin.post(`/occupiers/${occ}/contracts/${past.id}/edit`,
		{ reference: `${past.reference}-R`, start_date: day(-300), end_date: day(-20), version });
	assertRedirect(ok, `/occupiers/${occ}/sites/${cw}/contracts?done=saved`, 'a new reference');
	assert.equal(dbValue(`SELECT reference FROM contract WHERE id = ${past.id}`), `${past.reference}-R`);
});

test('more move-outs due on one day than a list holds (500): one tick runs them all', async () => {
	// A day after every other tick of this file: only these contracts end
	// on it (the demo's next end dates are months later).
	const END = '2026-05-21';
	const occ = dbValue(`SELECT id FROM occupier WHERE name = 'Acme Analytics Ltd'`);
	const tag = `BATCH-${rnd(4)}`;
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date)
		SELECT ${operatorId()}, ${occ}, ${cw}, CONCAT(${q(tag)}, '-', seq), '2026-01-01', ${q(END)} FROM seq_1_to_501`);
	const due = () => Number(dbValue(`SELECT COUNT(*) FROM contract WHERE reference LIKE ${q(`${tag}-%`)} AND moved_out_on IS NULL`));
	const disabled = () => dbValue(`SELECT COUNT(*) FROM app_user WHERE occupier_id = ${occ} AND disabled = 1`);
	const disabledBefore = disabled();
	assert.equal(due(), 501);
	try {
		assert.equal(counts(tick(END)).skipped, 0, 'the day was not run before');
		assert.equal(due(), 0, 'all 501 moved out by the one run');
		assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'contract' AND action = 'move_out'
			AND entity_id IN (SELECT id FROM contract WHERE reference LIKE ${q(`${tag}-%`)})`), '501');
		assert.equal(disabled(), disabledBefore, 'Acme keeps its open-ended contract: its users stay as they were');
	} finally {
		db(`DELETE FROM audit_event WHERE entity = 'contract' AND entity_id IN (SELECT id FROM contract WHERE reference LIKE ${q(`${tag}-%`)})`);
		db(`DELETE FROM contract WHERE reference LIKE ${q(`${tag}-%`)}`);
	}
});

test('the serve master runs the daily job by itself from the configured hour, once per operator and day', async () => {
	// A day after every other of this file; hour 0: every hour is past it.
	const DAY = '2026-05-22';
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tick-serve-'));
	const claims = () => db(`SELECT operator_id, host, finished_at IS NOT NULL FROM tick_run WHERE day = ${q(DAY)} ORDER BY 1`);
	assert.deepEqual(claims(), []);
	const nops = Number(dbValue('SELECT COUNT(*) FROM operator'));
	const serve = spawn(TENANTRY_BIN, ['serve'], {
		env: { ...env(DAY), TENANTRY_TICK_HOUR: '0', TENANTRY_WORKERS: '1', TENANTRY_LISTEN: path.join(tmp, 'fcgi.sock') },
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let log = '';
	serve.stderr.on('data', (b) => { log += b; });
	try {
		const until = Date.now() + 30000;
		while (claims().length < nops || claims().some((c) => c[2] !== '1')) {
			assert.ok(Date.now() < until, `no daily run within 30 s: ${JSON.stringify(claims())}\n${log}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	} finally {
		serve.kill('SIGTERM');
		await new Promise((r) => serve.exitCode !== null ? r() : serve.on('exit', r));
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	// Every operator's day, claimed by this host; by hand the same day is skipped.
	assert.deepEqual(claims().map((c) => [c[1], c[2]]), Array(nops).fill([os.hostname(), '1']));
	assert.match(log, new RegExp(`tick: ${nops} operator days run`));
	assert.deepEqual(counts(tick(DAY)), { run: 0, skipped: nops });
});
