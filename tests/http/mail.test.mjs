// mail.test.mjs: e-mail through a real SMTP server on loopback (the sink of
// tests/mail/sink.py, started by tests/run.sh as the relay). Every message
// type: recipient, subject, links (absolute, on the public base URL) and
// both parts; the outbox written in the change's transaction; headers that
// no input can break; the sink killed mid-run (messages wait, then go,
// none twice); a relay refusing a recipient (dead letter after the
// retries, shown to operator admins); STARTTLS with credentials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ADMIN, BASE_URL, Client, DB_SOCKET, OCC_ADMIN, STAFF, TENANTRY_BIN, TODAY, assertHtml, assertRedirect, db, dbValue,
	occupierId, operatorId, q, rnd, signedIn, siteId, text,
} from './lib.mjs';
import { addOnScreen, linkOf, setPassword } from './roles-lib.mjs';
import { allMessages, day, newContract, newOccupier, openManage, rowsOf, serviceIds, submit } from './services-lib.mjs';
import {
	linksOf, outboxFor, sinkAll, sleep, startSink, stopSink, to, waitMail,
} from './mail-lib.mjs';

const NW = () => Number(dbValue(`SELECT id FROM operator WHERE name = 'Northwind Workspaces'`));

/* The common checks of every message: one recipient, From the operator,
 * a Message-ID as in the outbox, both parts, every link absolute. */
function checkMessage(m, { rcpt, subject, links = 1 }) {
	assert.deepEqual(m.to, [rcpt], 'the envelope recipient');
	assert.match(m.header('To'), new RegExp(`<${rcpt.replace(/[.+]/g, '\\$&')}>$`), 'the To header');
	assert.equal(m.header('From'), 'Northwind Workspaces <tenantry@northwind.example>', 'From: the operator');
	if (subject instanceof RegExp)
		assert.match(m.subject, subject);
	else
		assert.equal(m.subject, subject);
	assert.match(m.contentType, /^multipart\/alternative;/);
	assert.ok(m.text && m.text.length > 20, 'a text part');
	assert.ok(m.html && /^<!doctype html>/i.test(m.html), 'an HTML part');
	assert.match(m.header('Date'), /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
	const row = dbValue(`SELECT COUNT(*) FROM mail_outbox WHERE message_id = ${q(m.messageId)} AND rcpt = ${q(rcpt)}`);
	assert.equal(row, '1', `the Message-ID <${m.messageId}> is the outbox row's`);
	const l = linksOf(m);
	assert.ok(l.text.length >= links && l.html.length >= links, `links in both parts: ${JSON.stringify(l)}`);
	for (const u of [...l.text, ...l.html])
		assert.ok(u.startsWith(BASE_URL + '/'), `absolute link on ${BASE_URL}: ${u}`);
	return l;
}

test('invitation: the absolute link on screen and by e-mail is the same, works once; a new link is mailed too', async () => {
	const admin = await signedIn(ADMIN);
	const email = `mail-${rnd()}@test.example`;
	const u = await addOnScreen(admin, '/team', { name: 'Ines Invite', email, role: 'operator_staff' });
	assert.ok(u.full.startsWith(`${BASE_URL}/set-password?token=`), 'shown absolute');
	assert.match(u.r.body, /<button type="button" class="small js-only" data-copy="set-password-link">Copy link<\/button>/);
	const [m] = await waitMail(to(email));
	const l = checkMessage(m, { rcpt: email, subject: 'You are invited to Northwind Workspaces' });
	assert.match(m.header('To'), /^Ines Invite </);
	assert.ok(l.text.includes(u.full) && l.html.includes(u.full), 'the link on screen is the link in both parts');
	assert.match(m.text, /Hello Ines Invite,/);
	assert.match(m.text, new RegExp(`You sign in with ${email.replace(/[.]/g, '\\.')}`));
	// Sent: the one-time link is erased from the outbox.
	const [row] = outboxFor(email);
	assert.deepEqual([row.kind, row.state, row.sensitive, row.text], ['invite', 'sent', true, '']);
	await setPassword(u.url, 'a-good-password-1');
	assertHtml(await new Client().get(u.url), 404, 'used once');
	// A new link for a user who has a password: "set_password".
	await admin.get('/team');
	const r = await admin.post(`/team/${u.id}`, { op: 'link' });
	const second = linkOf(r.body);
	const [m2] = await waitMail((x) => x.to.includes(email) && x.seq > m.seq);
	checkMessage(m2, { rcpt: email, subject: 'A new link to set your Northwind Workspaces password' });
	assert.ok(linksOf(m2).text.includes(second.full));
});

test('forgot password: one answer for every address; a one-time link by e-mail; three an hour at most', async () => {
	const admin = await signedIn(ADMIN);
	const email = `reset-${rnd()}@test.example`;
	const u = await addOnScreen(admin, '/team', { name: 'Rita Reset', email, role: 'operator_staff' });
	await setPassword(u.url, 'old-password-123');
	await waitMail(to(email));
	const before = sinkAll().length;
	const login = await new Client().get('/login');
	assert.match(login.body, /<a href="\/forgot-password">Forgot your password\?<\/a>/);
	const ask = async (addr) => {
		const c = new Client();
		await c.get('/forgot-password');
		return c.post('/forgot-password', { email: addr });
	};
	const known = await ask(email.toUpperCase());
	const unknown = await ask(`nobody-${rnd()}@test.example`);
	assertHtml(known, 200, 'known');
	assertHtml(unknown, 200, 'unknown');
	const norm = (r) => r.text.replace(/\S+@test\.example/gi, 'ADDR');
	assert.equal(norm(known), norm(unknown), 'the same answer whether or not the address has an account');
	const [m] = await waitMail((x) => x.to.includes(email) && x.subject.startsWith('Reset'));
	const l = checkMessage(m, { rcpt: email, subject: 'Reset your Northwind Workspaces password' });
	const link = l.text.find((x) => x.includes('/set-password?token='));
	await sleep(600);
	assert.equal(sinkAll().length, before + 1, 'nothing for the unknown address');
	// The link: same rules as set-password (once; the sessions end).
	const path_ = link.slice(BASE_URL.length);
	await setPassword(path_, 'new-password-456');
	assertHtml(await new Client().get(path_), 404, 'once');
	const c = new Client();
	assert.equal((await c.login(email, 'new-password-456')).status, 303, 'the new password works');
	// Bad input: a message on the page, the input kept.
	const bad = await ask('not an address');
	assertHtml(bad, 422, 'bad address');
	assert.match(bad.text, /Email/);
	// At most 3 an hour per address; the answer stays the same.
	for (let i = 0; i < 3; i++)
		assert.equal(norm(await ask(email)), norm(unknown));
	assert.equal(outboxFor(email).filter((x) => x.kind === 'password_reset').length, 3);
});

test('cases: raised, commented and closed reach the other side, with absolute links to the right side', async () => {
	const acme = await signedIn(OCC_ADMIN);
	const staff = await signedIn(STAFF);
	const cw = siteId('Canary Wharf');
	const subject = `Mail case ${rnd()}`;
	await acme.get('/my/cases/new');
	const r = await acme.post('/my/cases/new', { site: cw, subject, details: 'The printer is offline.' });
	assertRedirect(r, /^\/my\/cases\/\d+\?done=created$/);
	const id = Number(/\/my\/cases\/(\d+)/.exec(r.location)[1]);
	// Raised by the occupier: the whole team (nobody assigned), not the author.
	const team = db(`SELECT email FROM app_user WHERE operator_id = ${NW()} AND occupier_id IS NULL
		AND disabled = 0 AND removed = 0`).map((x) => x[0]);
	const raised = await waitMail((x) => x.subject === `Case ${id} raised: ${subject}`, { n: team.length });
	assert.deepEqual(raised.map((x) => x.to[0]).sort(), team.slice().sort());
	for (const m of raised) {
		const l = checkMessage(m, { rcpt: m.to[0], subject: `Case ${id} raised: ${subject}` });
		assert.ok(l.text.includes(`${BASE_URL}/cases/${id}`), 'the operator side links to /cases/ID');
		assert.match(m.text, /The printer is offline\./);
		assert.match(m.html, /The printer is offline\./);
	}
	assert.ok(!sinkAll().some((x) => x.to.includes(OCC_ADMIN) && x.subject.includes(subject)), 'not to the author');
	// Staff comments: to the occupier side.
	await staff.get(`/cases/${id}`);
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'comment', comment: 'Restarted it & <checked> the queue.' }),
		/done=saved/);
	const [cm] = await waitMail((x) => x.to.includes(OCC_ADMIN) && x.subject === `New comment on case ${id}: ${subject}`);
	const l = checkMessage(cm, { rcpt: OCC_ADMIN, subject: `New comment on case ${id}: ${subject}` });
	assert.ok(l.text.includes(`${BASE_URL}/my/cases/${id}`) && l.html.includes(`${BASE_URL}/my/cases/${id}`));
	assert.match(cm.text, /Restarted it & <checked> the queue\./, 'the text part as written');
	assert.match(cm.html, /Restarted it &amp; &lt;checked&gt; the queue\./, 'the HTML part escaped');
	assert.match(cm.text, /Sam Staff commented/);
	// The occupier answers: back to the team.
	await acme.get(`/my/cases/${id}`);
	await acme.post(`/my/cases/${id}`, { comment: 'Thanks, works now.' });
	await waitMail((x) => x.to.includes(STAFF) && x.subject === `New comment on case ${id}: ${subject}`);
	// Closed by staff: to the occupier side.
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'close' }), /done=saved/);
	const [cl] = await waitMail((x) => x.to.includes(OCC_ADMIN) && x.subject === `Case ${id} closed: ${subject}`);
	checkMessage(cl, { rcpt: OCC_ADMIN, subject: `Case ${id} closed: ${subject}` });
	// No mail for a change that did not happen: a refused close writes nothing.
	const n = dbValue(`SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ${q(`%${subject}%`)}`);
	assert.equal((await staff.post(`/cases/${id}`, { op: 'close' })).status, 409);
	assert.equal(dbValue(`SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ${q(`%${subject}%`)}`), n);
});

test('numbers activated: the occupier admin gets the list of numbers', async () => {
	const admin = await signedIn(ADMIN);
	const cw = siteId('Canary Wharf');
	const occ = await newOccupier(admin, 'Mail numbers');
	await newContract(admin, occ, cw, { start: day(-10) });
	const u = await addOnScreen(admin, `/occupiers/${occ}/sites/${cw}/users`, { role: 'occupier_admin' });
	// Reserve a number for it, then activate it (the site pool screen).
	const num = db(`SELECT id, number FROM phone_number WHERE operator_id = ${NW()} AND site_id = ${cw}
		AND state = 'available' ORDER BY number LIMIT 1`)[0];
	db(`UPDATE phone_number SET state = 'reserved', occupier_id = ${occ}, version = version + 1 WHERE id = ${num[0]}`);
	// A voice line allocates the extension the activation needs.
	db(`INSERT INTO occupier_service (operator_id, occupier_id, site_id, service_id, contract_id, price, qty,
		start_date, activated_at) SELECT ${NW()}, ${occ}, ${cw}, v.id, k.id, 1500, 1, k.start_date, k.start_date
		FROM service v JOIN contract k ON k.occupier_id = ${occ} WHERE v.operator_id = ${NW()}
		AND v.name = 'Voice line'`);
	await admin.get(`/occupiers/${occ}/sites/${cw}/telephony`);
	const r = await admin.post(`/occupiers/${occ}/sites/${cw}/telephony`, { op: 'activate', number: num[0] });
	assert.equal(r.status, 303, `activate: ${r.status} ${r.text.slice(0, 300)}`);
	const [m] = await waitMail(to(u.email));
	const invite = m.subject.startsWith('You are invited');
	const [n] = invite ? await waitMail((x) => x.to.includes(u.email) && x.subject.includes('is active')) : [m];
	checkMessage(n, { rcpt: u.email, subject: `Phone number ${num[1]} is active` });
	assert.ok(n.text.includes(num[1]) && n.html.includes(num[1]), 'the number in both parts');
	assert.ok(linksOf(n).text.includes(`${BASE_URL}/my/sites/${cw}/telephony`));
});

test('numbers activated by the first voice service: one message listing every number', async () => {
	const admin = await signedIn(ADMIN);
	const cw = siteId('Canary Wharf');
	const occ = await newOccupier(admin, 'Mail voice');
	const contract = await newContract(admin, occ, cw, { start: day(-10) });
	const u = await addOnScreen(admin, `/occupiers/${occ}/sites/${cw}/users`, { role: 'occupier_admin' });
	await waitMail(to(u.email));
	const { m } = await openManage(admin, occ, cw);
	const rows = [...rowsOf(m), { service: serviceIds()['Voice line'], contract: contract.id, price: '15.00', qty: '2' }];
	const x = await submit(admin, occ, cw, m.version, rows, { op: 'save' });
	assert.equal(x.r.status, 303, `save: ${x.m ? JSON.stringify(allMessages(x.m)) : x.r.status}`);
	const nums = db(`SELECT number FROM phone_number WHERE occupier_id = ${occ} AND state = 'active'
		ORDER BY number`).map((r) => r[0]);
	assert.equal(nums.length, 2);
	const [n] = await waitMail((y) => y.to.includes(u.email) && y.subject === '2 phone numbers are active');
	checkMessage(n, { rcpt: u.email, subject: '2 phone numbers are active' });
	for (const num of nums)
		assert.ok(n.text.includes(num) && n.html.includes(num), `${num} listed in both parts`);
});

function runBin(args, env = {}) {
	return execFileSync(TENANTRY_BIN, args, { env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET, ...env },
		encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('contract ending: the 60- and 30-day notices, once each, from the daily step', async () => {
	const admin = await signedIn(ADMIN);
	const cw = siteId('Canary Wharf');
	const occ = await newOccupier(admin, 'Mail contracts');
	const c1 = await newContract(admin, occ, cw, { start: day(-100), end: day(45) });
	const c2 = await newContract(admin, occ, cw, { start: day(-100), end: day(20) });
	const contact = `billing-${rnd()}@test.example`;
	db(`UPDATE occupier SET contact_email = ${q(contact)} WHERE id = ${occ}`);
	const notices = () => db(`SELECT contract_id, days FROM contract_notice WHERE contract_id IN (${c1.id}, ${c2.id})
		ORDER BY contract_id, days`).map((x) => x.map(Number));
	const out1 = runBin(['notify-contracts']);
	assert.match(out1, /notify-contracts: \d+ contracts? noticed/);
	assert.deepEqual(notices(), [[c1.id, 60], [c2.id, 30]], 'the 60-day notice for 45 days, the 30-day one for 20');
	const mine = (ref) => (x) => x.to.includes(contact) && x.subject.startsWith(`Contract ${ref} ends on`);
	const [a] = await waitMail(mine(c1.reference));
	checkMessage(a, { rcpt: contact, subject: new RegExp(`^Contract ${c1.reference} ends on `) });
	assert.match(a.text, /in 45 days \(our 60-day notice\)/);
	const [b] = await waitMail(mine(c2.reference));
	assert.match(b.text, /in 20 days \(our 30-day notice\)/);
	// The operator admins hear of it too, with the operator-side link.
	const [op] = await waitMail((x) => x.to.includes(ADMIN) && x.subject.startsWith(`Contract ${c1.reference} ends`));
	assert.ok(linksOf(op).text.includes(`${BASE_URL}/occupiers/${occ}/sites/${cw}/contracts`));
	// Again the same day: nothing new.
	runBin(['notify-contracts']);
	assert.deepEqual(notices(), [[c1.id, 60], [c2.id, 30]]);
	// 16 days on: the first is 29 days away, its 30-day notice; then never again.
	const later = new Date(Date.parse(TODAY + 'T12:00:00Z') + 16 * 86400000).toISOString().slice(0, 10);
	runBin(['notify-contracts'], { TENANTRY_TODAY: later });
	runBin(['notify-contracts'], { TENANTRY_TODAY: later });
	assert.deepEqual(notices(), [[c1.id, 30], [c1.id, 60], [c2.id, 30]]);
	await waitMail(mine(c1.reference), { n: 2 });
	await sleep(800);
	assert.equal(sinkAll().filter(mine(c1.reference)).length, 2, 'each notice once');
	assert.equal(sinkAll().filter(mine(c2.reference)).length, 1);
});

test('invoice issued: the hook mails the billing contact and the occupier admins', async () => {
	const occ = occupierId('Acme Analytics Ltd');
	const contact = `acme-billing-${rnd()}@test.example`;
	db(`UPDATE occupier SET contact_email = ${q(contact)} WHERE id = ${occ}`);
	const number = `INV-${rnd(3)}`;
	runBin(['notify-invoice', '--operator', String(NW()), '--occupier', String(occ), '--number', number,
		'--total', '12345', '--issued', TODAY, '--due', '2026-03-18', '--path', '/my']);
	for (const rcpt of [contact, OCC_ADMIN]) {
		const [m] = await waitMail((x) => x.to.includes(rcpt) && x.subject.startsWith(`Invoice ${number}`));
		checkMessage(m, { rcpt, subject: new RegExp(`^Invoice ${number}: GBP .*123\\.45 due on 18 Mar 2026$`) });
		assert.match(m.text, /Total: GBP .*123\.45/);
	}
});

test('headers: a name with CR/LF and non-ASCII is encoded, never a new header', async () => {
	const admin = await signedIn(ADMIN);
	const email = `evil-${rnd()}@test.example`;
	const u = await addOnScreen(admin, '/team', { name: 'Zoë Mallory', email, role: 'operator_staff' });
	await waitMail(to(email));
	// Names come from forms that refuse control characters; the database
	// may still hold anything: put CR/LF in by hand.
	db(`UPDATE app_user SET name = CONCAT('Eve', CHAR(13), CHAR(10), 'Bcc: victim@evil.example') WHERE id = ${u.id}`);
	await admin.get('/team');
	await admin.post(`/team/${u.id}`, { op: 'link' });
	const got = await waitMail(to(email), { n: 2 });
	const first = got[0], m = got[1];
	assert.match(first.raw, /^To: =\?UTF-8\?B\?[^?]+\?= </m, 'a non-ASCII name is an encoded-word');
	assert.equal(first.header('To'), `Zoë Mallory <${email}>`);
	assert.deepEqual(m.to, [email], 'one recipient');
	assert.ok(!m.headers.some((h) => /^bcc$/i.test(h.name)), 'no Bcc header');
	assert.equal(m.header('To'), `"Eve  Bcc: victim@evil.example" <${email}>`, 'the name, quoted, on the To line');
	assert.ok(!sinkAll().some((x) => x.to.includes('victim@evil.example')));
});

test('the sink killed mid-run: messages wait (attempts not counted) and go when it is back, none twice', async () => {
	const admin = await signedIn(ADMIN);
	stopSink();
	try {
		const emails = [];
		for (let i = 0; i < 3; i++) {
			const email = `wait-${i}-${rnd()}@test.example`;
			emails.push(email);
			await addOnScreen(admin, '/team', { email, role: 'operator_staff' });
		}
		await sleep(2500);
		const rows = emails.map((e) => outboxFor(e)[0]);
		for (const row of rows) {
			assert.equal(row.state, 'pending', `${row.id} waits`);
			assert.equal(row.attempts, 0, 'an unreachable relay costs no attempt');
		}
		// The sender tried (the first due row) and kept the reason.
		assert.ok(rows.some((row) => /connect/i.test(row.error)), `the reason is kept: ${JSON.stringify(rows)}`);
		const page = await admin.get('/outbox?state=pending');
		assertHtml(page, 200, 'outbox');
		for (const e of emails)
			assert.ok(page.text.includes(e), `${e} listed as waiting`);
	} finally {
		startSink();
	}
	const got = await waitMail((x) => x.to.some((t) => t.startsWith('wait-')), { n: 3, timeout: 40000 });
	await sleep(1500);
	const all = sinkAll().filter((x) => x.to.some((t) => t.startsWith('wait-')));
	const ids = all.map((x) => x.messageId);
	assert.equal(new Set(ids).size, ids.length, 'no message twice');
	assert.ok(got.length >= 3);
	for (const m of all)
		assert.equal(outboxFor(m.to[0])[0].state, 'sent');
});

test('three senders (as on three hosts) share the outbox: every row sent once, none twice', async () => {
	const tag = rnd(4);
	const values = [];
	for (let i = 0; i < 40; i++)
		values.push(`(${NW()}, 'test', 'tn.multi${tag}x${i}@northwind.example', 'multi-${tag}-${i}@test.example',
			'Multi ${i}', 'Text ${i}', '<p>HTML ${i}</p>', 0, UNIX_TIMESTAMP())`);
	// Two more senders beside the serve master's, racing for the same rows.
	const env = { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET };
	const extra = [0, 1].map(() => spawn(TENANTRY_BIN, ['mail', 'run'], { env, stdio: 'ignore' }));
	try {
		await sleep(500);
		db(`INSERT INTO mail_outbox (operator_id, kind, message_id, rcpt, subject, body_text, body_html,
			next_attempt_at, created_at) VALUES ${values.join(', ')}`);
		await waitMail((x) => x.to[0].startsWith(`multi-${tag}-`), { n: 40, timeout: 40000 });
		await sleep(1500);
	} finally {
		for (const p of extra)
			p.kill('SIGTERM');
	}
	const got = sinkAll().filter((x) => x.to[0].startsWith(`multi-${tag}-`));
	assert.equal(got.length, 40, 'each row delivered once');
	assert.equal(new Set(got.map((x) => x.messageId)).size, 40);
	assert.equal(dbValue(`SELECT COUNT(*) FROM mail_outbox WHERE message_id LIKE 'tn.multi${tag}x%' AND state = 'sent'
		AND attempts = 1`), '40', 'one attempt each');
});

test('a relay refusing a recipient: dead letter after the retries, shown to operator admins only; retry', async () => {
	const admin = await signedIn(ADMIN);
	const email = `refuse-${rnd()}@test.example`;
	await addOnScreen(admin, '/team', { email, role: 'operator_staff' });
	const end = Date.now() + 30000;
	let row;
	do {
		await sleep(300);
		[row] = outboxFor(email);
	} while (row.state !== 'dead' && Date.now() < end);
	assert.equal(row.state, 'dead');
	assert.equal(row.attempts, 3, 'TENANTRY_MAIL_MAX_ATTEMPTS attempts');
	assert.match(row.error, /550/);
	assert.equal(row.text, '', 'its one-time link erased');
	assert.ok(!sinkAll().some(to(email)));
	const page = await admin.get('/outbox?state=dead');
	assertHtml(page, 200, 'dead letters');
	assert.match(page.body, /id="dead-letters"/);
	assert.ok(page.text.includes(email));
	assert.equal((await (await signedIn(STAFF)).get('/outbox')).status, 403, 'staff: not theirs');
	assert.equal((await (await signedIn(OCC_ADMIN)).get('/outbox')).status, 403);
	// A carried one-time link cannot be sent again: a new link is the way.
	const one = await admin.get(`/outbox/${row.id}`);
	assert.doesNotMatch(one.body, /value="retry"/);
	assert.equal((await admin.post(`/outbox/${row.id}`, { op: 'retry' })).status, 409);
	// A plain dead letter is sent again on request.
	const okTo = `again-${rnd()}@test.example`;
	db(`INSERT INTO mail_outbox (operator_id, kind, message_id, rcpt, subject, body_text, body_html, state, attempts,
		next_attempt_at, created_at, last_error) VALUES (${NW()}, 'case_comment', 'tn.retry${rnd()}@northwind.example',
		${q(okTo)}, 'Retry me', 'Text', '<p>HTML</p>', 'dead', 3, 0, UNIX_TIMESTAMP(), '550 earlier')`);
	const [dead] = outboxFor(okTo);
	await admin.get(`/outbox/${dead.id}`);
	assertRedirect(await admin.post(`/outbox/${dead.id}`, { op: 'retry' }), `/outbox/${dead.id}?done=mail_retry`);
	const [m] = await waitMail(to(okTo));
	assert.equal(m.messageId, dead.messageId, 'the same Message-ID');
});

test('STARTTLS with credentials: `tenantry mail test` through a relay that requires both', async () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-sink-'));
	const cert = path.join(dir, 'cert.pem'), key = path.join(dir, 'key.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
		'-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'], { stdio: 'ignore' });
	const port = 20000 + Math.floor(Math.random() * 20000);
	const out = path.join(dir, 'mail');
	const sink = spawn('/usr/bin/python3', [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'mail', 'sink.py'),
		'--port', String(port), '--dir', out, '--tls-cert', cert, '--tls-key', key, '--auth', 'relayuser:s3cret'],
	{ stdio: 'ignore' });
	try {
		await sleep(1200);
		const env = { TENANTRY_SMTP_URL: `smtp://localhost:${port}`, TENANTRY_SMTP_TLS: 'required',
			TENANTRY_SMTP_USER: 'relayuser', TENANTRY_SMTP_PASSWORD: 's3cret', TENANTRY_SMTP_CA_FILE: cert };
		const rcpt = `tls-${rnd()}@test.example`;
		assert.match(runBin(['mail', 'test', '--to', rcpt], env), /mail test: sent to/);
		const [m] = await waitMail(to(rcpt), { dir: out });
		assert.equal(m.tls, true, 'over STARTTLS');
		assert.equal(m.auth, 'relayuser', 'logged in');
		assert.equal(m.subject, 'Tenantry test message');
		// A wrong password is refused, and a password is never sent in the clear.
		assert.throws(() => runBin(['mail', 'test', '--to', rcpt], { ...env, TENANTRY_SMTP_PASSWORD: 'wrong' }));
		assert.throws(() => runBin(['mail', 'test', '--to', rcpt], { ...env, TENANTRY_SMTP_TLS: 'try' }),
			/smtp_tls = required/);
		writeFileSync(path.join(dir, 'done'), '');
	} finally {
		sink.kill('SIGTERM');
	}
});

test('housekeeping: messages sent or given up over 90 days ago go; recent ones and those still to send stay', () => {
	const op = operatorId();
	const tag = rnd(5);
	const rows = [['sent', 91, 'gone'], ['dead', 120, 'gone'], ['sent', 89, 'kept'], ['pending', 200, 'kept']]
		.map(([state, days, fate], i) => ({ id: `tn.purge${i}${tag}@test.example`, state, days, fate }));
	db(`INSERT INTO mail_outbox (operator_id, kind, message_id, rcpt, subject, body_text, body_html, state,
		next_attempt_at, created_at) VALUES ${rows.map((r) => `(${op}, 'test', '${r.id}', 'purge@test.example',
		'Purge ${tag}', 'x', 'x', '${r.state}', UNIX_TIMESTAMP() + 86400 * 365, UNIX_TIMESTAMP() - 86400 * ${r.days})`).join(', ')}`);
	const out = execFileSync(TENANTRY_BIN, ['purge'], { env: { ...process.env }, encoding: 'utf8' });
	assert.match(out, /purge: \d+ expired rows deleted/);
	assert.deepEqual(db(`SELECT message_id FROM mail_outbox WHERE subject = 'Purge ${tag}' ORDER BY message_id`)
		.map((x) => x[0]), rows.filter((r) => r.fate === 'kept').map((r) => r.id));
	db(`DELETE FROM mail_outbox WHERE subject = 'Purge ${tag}'`);
});
