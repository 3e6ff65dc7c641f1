// helpdesk.test.mjs: the help desk. Occupier users raise and
// follow their own cases (admins see all of their occupier's); staff
// triage (assignee, priority, category), move cases through open -> in
// progress -> awaiting customer -> resolved -> closed with the SLA clock
// paused while awaiting the customer, and filter the queue by assignee,
// status, priority and SLA breach; canned replies and checklists are
// never sent unchanged; attachments are size-capped, type-checked and
// served only to those who may see the case, as downloads.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, BASE_URL, EASTWIND_ADMIN, OCC_ADMIN, STAFF, assertHtml, assertRedirect, db, dbValue, occupierId, q,
	rnd, signedIn, siteId, tableRows, textareaValue,
} from './lib.mjs';
import { activeUser } from './roles-lib.mjs';

let staff, admin, acmeAdmin, u1, u2, cw, staffId;

before(async () => {
	staff = await signedIn(STAFF);
	admin = await signedIn(ADMIN);
	acmeAdmin = await signedIn(OCC_ADMIN);
	cw = siteId('Canary Wharf');
	staffId = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`));
	// Two occupier users of Acme, with passwords of their own.
	u1 = await activeUser(acmeAdmin, '/my/users', 'occupier_user');
	u2 = await activeUser(acmeAdmin, '/my/users', 'occupier_user');
});

async function raise(c, fields) {
	await c.get('/my/cases/new');
	const r = await c.post('/my/cases/new', { site: cw, ...fields });
	assertRedirect(r, /^\/my\/cases\/\d+\?done=created$/, `raise: ${r.text.slice(0, 300)}`);
	return Number(/\/my\/cases\/(\d+)/.exec(r.location)[1]);
}

const caseRow = (id) => {
	const [r] = db(`SELECT status, COALESCE(assignee_id, 0), priority, category, COALESCE(first_response_at, 0),
		sla_elapsed, COALESCE(sla_running_since, 0), COALESCE(resolved_at, 0) FROM support_case WHERE id = ${id}`);
	return { status: r[0], assignee: Number(r[1]), priority: r[2], category: r[3], fr: Number(r[4]),
		elapsed: Number(r[5]), running: Number(r[6]), resolved: Number(r[7]) };
};

test('occupier users raise and follow their own cases; admins see all of the occupier', async () => {
	const subject = `Wi-Fi drops ${rnd()}`;
	const id = await raise(u1.client, { subject, details: 'Every hour, on floor 2.', priority: 'high',
		category: 'wifi' });
	assert.deepEqual([caseRow(id).priority, caseRow(id).category, caseRow(id).status], ['high', 'wifi', 'open']);
	assert.ok((await u1.client.get('/my/cases')).text.includes(subject), 'its own list');
	assertHtml(await u1.client.get(`/my/cases/${id}`), 200, 'its own case');
	assert.ok(!(await u2.client.get('/my/cases')).text.includes(subject), "not another user's list");
	assertHtml(await u2.client.get(`/my/cases/${id}`), 404, "another user's case: 404");
	assertHtml(await acmeAdmin.get(`/my/cases/${id}`), 200, 'the occupier admin sees it');
	const page = await acmeAdmin.get(`/my/cases/${id}`);
	assert.match(page.text, /Priority High/);
	assert.match(page.text, /Category Wi-Fi/);
	// A bad choice comes back with a message and the input kept.
	await u1.client.get('/my/cases/new');
	const bad = await u1.client.post('/my/cases/new', { site: cw, subject: 'x', details: 'y', priority: 'asap' });
	assertHtml(bad, 422, 'bad priority');
	assert.match(bad.text, /Priority must be one of the choices/);
});

test('the checklist of an IVR case cannot be sent unchanged', async () => {
	const form = await u1.client.get('/my/cases/new?category=ivr');
	const details = textareaValue(form.body, 'details');
	assert.match(details, /^Please include:/);
	const r = await u1.client.post('/my/cases/new', { site: cw, subject: 'IVR', details, category: 'ivr' });
	assertHtml(r, 422, 'unchanged checklist');
	assert.match(r.text, /Details are the checklist unchanged/);
	await raise(u1.client, { subject: 'IVR', details: details + '- Number: +44 20 7946 0100\n', category: 'ivr' });
});

test('triage, moves and the SLA clock: paused while awaiting the customer; history kept', async () => {
	const id = await raise(u1.client, { subject: `Phones ${rnd()}`, details: 'No dial tone.', category: 'telephony' });
	await staff.get(`/cases/${id}`);
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'triage', assignee: staffId, priority: 'urgent',
		category: 'telephony' }), `/cases/${id}?done=saved`);
	assert.deepEqual([caseRow(id).assignee, caseRow(id).priority], [staffId, 'urgent']);
	const badTriage = await staff.post(`/cases/${id}`, { op: 'triage', assignee: 999999999, priority: 'urgent',
		category: 'telephony' });
	assertHtml(badTriage, 422, 'a foreign assignee');
	assert.match(badTriage.text, /Assignee must be a member of the team/);
	const move = (to) => staff.post(`/cases/${id}`, { op: 'status', to });
	assertRedirect(await move('in_progress'), `/cases/${id}?done=saved`);
	assert.ok(caseRow(id).running > 0, 'the clock runs');
	assertRedirect(await move('awaiting_customer'), `/cases/${id}?done=saved`);
	let row = caseRow(id);
	assert.equal(row.status, 'awaiting_customer');
	assert.equal(row.running, 0, 'paused while awaiting the customer');
	assert.ok(row.fr > 0, 'moving on to awaiting the customer answers the case');
	const page = await staff.get(`/cases/${id}`);
	assert.match(page.text, /clock paused/);
	// The customer answers: the clock runs again, the case is in progress.
	await u1.client.get(`/my/cases/${id}`);
	assertRedirect(await u1.client.post(`/my/cases/${id}`, { comment: 'Still no tone.' }),
		new RegExp(`^/my/cases/${id}\\?done=comment_added`));
	row = caseRow(id);
	assert.equal(row.status, 'in_progress');
	assert.ok(row.running > 0);
	assertRedirect(await move('resolved'), `/cases/${id}?done=saved`);
	assert.ok(caseRow(id).resolved > 0);
	assert.equal((await move('awaiting_customer')).status, 409, 'resolved -> awaiting customer is not a move');
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'close' }), `/cases/${id}?done=saved`);
	assert.deepEqual(db(`SELECT status FROM case_status_event WHERE case_id = ${id} ORDER BY id`).map((x) => x[0]),
		['open', 'in_progress', 'awaiting_customer', 'in_progress', 'resolved', 'closed']);
	assert.equal((await staff.post(`/cases/${id}`, { op: 'status', to: 'pending' })).status, 400);
});

test('the queue: filters by assignee, status, priority and SLA breach', async () => {
	const tag = rnd();
	const a = await raise(u1.client, { subject: `Queue A ${tag}`, details: 'a', priority: 'urgent' });
	const b = await raise(u1.client, { subject: `Queue B ${tag}`, details: 'b', priority: 'low' });
	await staff.get(`/cases/${a}`);
	await staff.post(`/cases/${a}`, { op: 'triage', assignee: staffId, priority: 'urgent', category: 'other' });
	// A raised three weeks ago and never answered: its SLA is breached.
	db(`UPDATE support_case SET created_at = created_at - INTERVAL 21 DAY,
		sla_running_since = sla_running_since - 21 * 86400 WHERE id = ${a}`);
	const subjects = async (query) => tableRows((await staff.get(`/cases?status=all&${query}`)).body)
		.map((r) => r[0]).filter((s) => s.endsWith(tag)).sort();
	// (Newest first, 25 a page: each filter is narrow enough for page 1.)
	assert.deepEqual(await subjects(`assignee=${staffId}&priority=urgent`), [`Queue A ${tag}`]);
	assert.deepEqual(await subjects('assignee=none&priority=low'), [`Queue B ${tag}`]);
	assert.deepEqual(await subjects('priority=low'), [`Queue B ${tag}`]);
	assert.deepEqual(await subjects('state=open&priority=urgent'), [`Queue A ${tag}`]);
	assert.deepEqual(await subjects('state=in_progress&priority=low'), []);
	assert.deepEqual(await subjects(`sla=breached&assignee=${staffId}`), [`Queue A ${tag}`]);
	assert.deepEqual(await subjects('sla=breached&priority=low'), []);
	const r = await staff.get(`/cases?status=all&sla=breached&assignee=${staffId}`);
	const rowA = tableRows(r.body).find((x) => x[0] === `Queue A ${tag}`);
	assert.deepEqual(rowA.slice(7, 9), ['Urgent', 'Sam Staff']);
	assert.match(rowA[9], /^Breached: reply overdue · \d+ h \d\d min over$/);
	assertHtml(await staff.get('/cases?priority=asap'), 400, 'bad priority');
	assertHtml(await staff.get('/cases?sla=maybe'), 400, 'bad sla');
	// Another operator's user is no assignee here.
	const ew = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(EASTWIND_ADMIN)}`));
	assertHtml(await staff.get(`/cases?assignee=${ew}`), 404, 'foreign assignee');
	void b;
});

test('canned replies of IVR cases: offered, filled in without JavaScript, never sent unchanged', async () => {
	const details = 'Please include: done.\n- Number: +44 20 7946 0100';
	const id = await raise(u1.client, { subject: 'IVR please', details, category: 'ivr' });
	const page = await staff.get(`/cases/${id}?reply=2`);
	assert.match(page.body, /<select id="f-reply" class="js-only" data-fill="f-comment">/);
	const text = textareaValue(page.body, 'comment');
	assert.match(text, /^Your IVR on \[number\] is configured/);
	const same = await staff.post(`/cases/${id}`, { op: 'comment', comment: text });
	assertHtml(same, 422, 'unchanged canned reply');
	assert.match(same.text, /The comment is a canned reply unchanged/);
	assert.equal(textareaValue(same.body, 'comment'), text, 'the input kept');
	assertRedirect(await staff.post(`/cases/${id}`, { op: 'comment',
		comment: text.replace('[number]', '+44 20 7946 0100') }), new RegExp(`^/cases/${id}\\?done=saved`));
});

/* POST multipart/form-data as client c (its cookies and CSRF token). */
async function upload(c, path_, fields, file) {
	const fd = new FormData();
	fd.append('csrf', c.csrf);
	for (const [k, v] of Object.entries(fields))
		fd.append(k, v);
	if (file)
		fd.append('file', new Blob([file.data], { type: file.type || 'application/octet-stream' }), file.name);
	return c.request('POST', path_, { body: fd, contentType: null });
}

test('attachments: checked, stored with the comment, served as downloads only to those who see the case', async () => {
	const id = await raise(u1.client, { subject: `Attach ${rnd()}`, details: 'See the file.' });
	const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41), Buffer.from([0, 1, 2, 255])]);
	await u1.client.get(`/my/cases/${id}`);
	const r = await upload(u1.client, `/my/cases/${id}`, { comment: 'The report.' },
		{ name: 'C:\\Users\\me\\Q1 "report".pdf', data: pdf, type: 'application/pdf' });
	assertRedirect(r, new RegExp(`^/my/cases/${id}\\?done=comment_added`), `upload: ${r.status} ${r.text.slice(0, 300)}`);
	const [att] = db(`SELECT id, filename, content_type, size, COALESCE(comment_id, 0) FROM case_attachment
		WHERE case_id = ${id}`);
	assert.deepEqual(att.slice(1, 4), ['Q1 _report_.pdf', 'application/pdf', String(pdf.length)]);
	assert.ok(Number(att[4]) > 0, 'with its comment');
	const check = async (c, p) => {
		const g = await c.get(p);
		assert.equal(g.status, 200, `GET ${p}`);
		assert.equal(g.type, 'application/pdf');
		assert.equal(g.headers.get('content-disposition'),
			'attachment; filename="Q1 _report_.pdf"; filename*=UTF-8\'\'Q1%20_report_.pdf');
		assert.equal(g.headers.get('x-content-type-options'), 'nosniff');
		assert.ok(g.bytes.equals(pdf), 'the bytes as uploaded');
	};
	await check(u1.client, `/my/cases/${id}/attachments/${att[0]}`);
	await check(acmeAdmin, `/my/cases/${id}/attachments/${att[0]}`);
	await check(staff, `/cases/${id}/attachments/${att[0]}`);
	assert.match((await staff.get(`/cases/${id}`)).body, new RegExp(`href="/cases/${id}/attachments/${att[0]}" download`));
	assert.equal((await u2.client.get(`/my/cases/${id}/attachments/${att[0]}`)).status, 404, 'another occupier user');
	const ew = await signedIn(EASTWIND_ADMIN);
	assert.equal((await ew.get(`/cases/${id}/attachments/${att[0]}`)).status, 404, 'another operator');
	assert.equal((await staff.get(`/cases/${id}/attachments/999999999`)).status, 404);
	// Refused: a type not taken (HTML named .pdf), too large; the comment kept, nothing saved.
	const n = dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`);
	await u1.client.get(`/my/cases/${id}`);
	const html = await upload(u1.client, `/my/cases/${id}`, { comment: 'Evil.' },
		{ name: 'x.pdf', data: Buffer.from('<script>alert(1)</script>'), type: 'application/pdf' });
	assertHtml(html, 422, 'wrong type');
	assert.match(html.text, /x\.pdf cannot be attached: only PDF, PNG, JPEG, GIF, WAV, MP3 and text files/);
	assert.equal(textareaValue(html.body, 'comment'), 'Evil.');
	const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(4 * 1024 * 1024, 0x20)]);
	await u1.client.get(`/my/cases/${id}`);
	const tooBig = await upload(u1.client, `/my/cases/${id}`, { comment: 'Big.' }, { name: 'big.pdf', data: big });
	assertHtml(tooBig, 422, 'too large');
	assert.match(tooBig.text, /big\.pdf is too large: files of up to 4 MiB can be attached/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`), n, 'nothing saved');
	// Staff attach a WAV greeting; text files too.
	await staff.get(`/cases/${id}`);
	const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(64)]);
	assertRedirect(await upload(staff, `/cases/${id}`, { op: 'comment', comment: 'Greeting.' },
		{ name: 'greeting.wav', data: wav }), new RegExp(`^/cases/${id}\\?done=saved`));
	assert.equal(dbValue(`SELECT content_type FROM case_attachment WHERE case_id = ${id} AND filename = 'greeting.wav'`),
		'audio/wav');
	// A new case may come with its file (an IVR greeting here).
	await u1.client.get('/my/cases/new');
	const withFile = await upload(u1.client, '/my/cases/new', { site: cw, subject: 'Greeting for the IVR',
		details: 'The recording is attached.', category: 'ivr' }, { name: 'greeting.wav', data: wav });
	assertRedirect(withFile, /^\/my\/cases\/\d+\?done=created$/);
	const nid = Number(/\/my\/cases\/(\d+)/.exec(withFile.location)[1]);
	assert.deepEqual(db(`SELECT filename, content_type, COALESCE(comment_id, 0) FROM case_attachment
		WHERE case_id = ${nid}`), [['greeting.wav', 'audio/wav', '0']]);
	await u1.client.get('/my/cases/new');
	const badNew = await upload(u1.client, '/my/cases/new', { site: cw, subject: 'Bad file', details: 'x' },
		{ name: 'run.exe', data: Buffer.from('MZ\x90\x00') });
	assertHtml(badNew, 422, 'a new case with a file not taken');
	assert.equal(dbValue("SELECT COUNT(*) FROM support_case WHERE subject = 'Bad file'"), '0', 'nothing saved');
	// A multipart body to a screen that takes no files is refused.
	await staff.get('/account');
	const acc = await upload(staff, '/account', { name: 'x' });
	assert.equal(acc.status, 400);
	// Past nginx's limit for the case screens: 413 before any worker.
	const huge = await upload(staff, `/cases/${id}`, { op: 'comment', comment: 'x' },
		{ name: 'huge.pdf', data: Buffer.alloc(6 * 1024 * 1024, 0x41) });
	assert.equal(huge.status, 413);
	void admin;
	void BASE_URL;
	void occupierId;
});
