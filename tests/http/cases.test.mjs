// Cases: raise (with the pre-fill the Manage services save links
// to), validation, list filters and paging, comments, close and reopen,
// escaping, operator scoping and roles.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, OCC_USER, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue,
	decode, inputValue, occupierId, operatorId, q, rnd, signedIn, siteId, tableRows, textareaValue,
} from './lib.mjs';

let admin, staff, NW, EW, cw, sd, harbour, zephyr, acme;
let ivr, bridge, voice, ewIvr, adminId, adminName;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	NW = operatorId('Northwind Workspaces');
	EW = operatorId('Eastwind Offices');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
	zephyr = occupierId('Zephyr Secret Holdings');
	acme = occupierId('Acme Analytics Ltd');
	const svc = (op, code) => Number(dbValue(`SELECT id FROM service WHERE operator_id = ${op} AND code = ${q(code)}`));
	ivr = svc(NW, 'ivr');
	bridge = svc(NW, 'conference-bridge');
	voice = svc(NW, 'voice-line');
	ewIvr = svc(EW, 'ivr');
	[adminId, adminName] = db(`SELECT id, name FROM app_user WHERE email = ${q(ADMIN)}`)[0];
});

/* A fresh occupier of our own with a contract at each of sites. */
async function newOccupier(sites = [cw], c = admin) {
	const name = `Cases test ${rnd()}`;
	await c.get('/occupiers/new');
	const r = await c.post('/occupiers/new', { name, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create occupier');
	const id = Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
	for (const s of sites) {
		await c.get(`/occupiers/${id}/sites/${s}/contracts/new`);
		const k = await c.post(`/occupiers/${id}/sites/${s}/contracts/new`,
			{ reference: `CASE-${rnd()}`, start_date: TODAY, end_date: '', version: '0' });
		assertRedirect(k, `/occupiers/${id}/sites/${s}/contracts?done=created`, 'create contract');
	}
	return { id, name };
}

/* Raise a case through the form; returns its id. */
async function raise(fields, c = admin) {
	await c.get('/cases/new');
	const r = await c.post('/cases/new', { service: '', details: 'Some details.', ...fields });
	assertRedirect(r, /^\/cases\/\d+\?done=created$/, `raise ${fields.subject}`);
	return Number(r.location.match(/^\/cases\/(\d+)/)[1]);
}

function caseRow(id) {
	return db(`SELECT operator_id, occupier_id, site_id, COALESCE(service_id, '-'), subject, details, status,
		created_by, closed_at IS NULL FROM support_case WHERE id = ${id}`)[0];
}

function audits(id) {
	return db(`SELECT action, old_value, new_value, user_id, occupier_id, site_id FROM audit_event
		WHERE entity = 'case' AND entity_id = ${id} ORDER BY id`);
}

function count(sql) {
	return Number(dbValue(sql));
}

/* The option values marked selected in <select name="name">. */
function selected(html, name) {
	const m = new RegExp(`<select\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`, 'i').exec(html);
	assert.ok(m, `select ${name}`);
	return [...m[1].matchAll(/<option value="([^"]*)" selected>/g)].map((x) => x[1]);
}

/* The occupier named in the occupier picker (the text field occupier_occ). */
function picked(html) {
	const m = /<input id="f-occupier" name="occupier_occ" value="([^"]*)"/.exec(html);
	assert.ok(m, 'the occupier picker');
	return decode(m[1]);
}

/* Status tabs of the list: { Open: 2, Closed: 1, All: 3 }. */
function tabs(html) {
	const nav = /<nav class="tabs" aria-label="Case status">([\s\S]*?)<\/nav>/.exec(html);
	assert.ok(nav, 'status tabs');
	return Object.fromEntries([...nav[1].matchAll(/>(Open|Closed|All) <span class="count">\((\d+)\)<\/span>/g)]
		.map((m) => [m[1], Number(m[2])]));
}

function currentTab(html) {
	const m = /<a href="[^"]*" aria-current="page">(Open|Closed|All) </.exec(html);
	return m ? m[1] : null;
}

test('raise from the IVR link: pre-filled form, saved case, one audit event', async () => {
	const o = await newOccupier([cw]);
	const url = `/cases/new?occupier=${o.id}&site=${cw}&service=${ivr}&subject=${encodeURIComponent('IVR configuration')}`;
	const form = await admin.get(url);
	assertHtml(form, 200, 'pre-filled form');
	assert.equal(picked(form.body), o.name);
	assert.deepEqual(selected(form.body, 'site'), [String(cw)]);
	assert.deepEqual(selected(form.body, 'service'), [String(ivr)]);
	assert.equal(inputValue(form.body, 'subject'), 'IVR configuration');
	const details = textareaValue(form.body, 'details');
	assert.match(details, /^Please include:\n- The phone number\(s\) the IVR should answer\n/);
	assert.match(details, /menu options/);
	assert.match(form.body, /<optgroup label="IVR">/, 'services grouped by category');

	// The checklist unchanged says nothing: refused, the input kept.
	const same = await admin.post('/cases/new', {
		occupier: String(o.id), site: String(cw), service: String(ivr),
		subject: 'IVR configuration', details: details.replace(/\n/g, '\r\n') + '  ',
	});
	assertHtml(same, 422, 'the checklist unchanged');
	assert.match(same.text, /Details are the checklist unchanged: answer each point of it before sending the case\./);
	assert.equal(textareaValue(same.body, 'details').replace(/\r\n/g, '\n').trim(), details.trim());
	const answered = details + 'Answers: +44 20 7946 0100; greeting attached; 1 sales, 2 support.\n';
	const r = await admin.post('/cases/new', {
		occupier: String(o.id), site: String(cw), service: String(ivr),
		subject: 'IVR configuration', details: answered,
	});
	assertRedirect(r, /^\/cases\/\d+\?done=created$/, 'raise');
	const id = Number(r.location.match(/^\/cases\/(\d+)/)[1]);
	assert.deepEqual(caseRow(id), [String(NW), String(o.id), String(cw), String(ivr), 'IVR configuration',
		answered.trim(), 'open', adminId, '1']);
	const page = await admin.get(r.location);
	assertHtml(page, 200, 'case page');
	assert.match(page.body, /<p class="flash" role="status">Created\.<\/p>/);
	assert.match(page.body, /<h1>IVR configuration<\/h1>/);
	assert.match(page.text, new RegExp(`Raised by ${adminName} on \\d+ \\w{3} \\d{4}, \\d\\d:\\d\\d`));
	assert.match(page.body, new RegExp(`<a href="/occupiers/${o.id}">${o.name}</a>`));
	assert.match(page.body, new RegExp(`<a href="/catalog/${ivr}">IVR</a>`));
	assert.match(page.body, /<span class="badge active">Open<\/span>/);
	assert.match(page.text, /No comments yet\./);
	assert.deepEqual(audits(id).map((a) => a.slice(0, 1).concat(a.slice(3))),
		[['create', adminId, String(o.id), String(cw)]]);
	assert.match(audits(id)[0][2], /^subject=IVR configuration\nservice=IVR\nstatus=open\ndetails=Please include:/);
});

test('the Conference bridge link: subject and checklist chosen by the category', async () => {
	const o = await newOccupier([cw]);
	const form = await admin.get(`/cases/new?occupier=${o.id}&site=${cw}&service=${bridge}`);
	assertHtml(form, 200, 'bridge form');
	assert.equal(inputValue(form.body, 'subject'), 'Conference bridge number and user details');
	assert.match(textareaValue(form.body, 'details'), /host calls: name and email/);
	// An explicit subject wins; a service of no case category pre-fills nothing.
	const given = await admin.get(`/cases/new?service=${bridge}&subject=${encodeURIComponent('Bridge for the board')}`);
	assert.equal(inputValue(given.body, 'subject'), 'Bridge for the board');
	const plain = await admin.get(`/cases/new?service=${voice}`);
	assert.equal(inputValue(plain.body, 'subject'), '');
	assert.equal(textareaValue(plain.body, 'details'), '');
	assert.deepEqual(selected(plain.body, 'service'), [String(voice)]);
	// The empty form selects nothing.
	const empty = await admin.get('/cases/new');
	assertHtml(empty, 200, 'empty form');
	assert.equal(picked(empty.body), '');
	assert.equal(inputValue(empty.body, 'subject'), '');
	// Junk ids in the query are a bad request.
	for (const qs of ['occupier=abc', 'site=01', 'service=-3'])
		assertHtml(await admin.get(`/cases/new?${qs}`), 400, qs);
});

test('validation: messages next to the fields, input kept, nothing saved', async () => {
	const o = await newOccupier([cw]);
	const before_ = count('SELECT COUNT(*) FROM support_case');
	const audits_ = count("SELECT COUNT(*) FROM audit_event WHERE entity = 'case'");
	await admin.get('/cases/new');

	// Missing subject.
	let r = await admin.post('/cases/new', { occupier: o.id, site: cw, service: ivr, subject: '  ', details: 'Line 1\nLine 2' });
	assertHtml(r, 422, 'missing subject');
	assert.match(r.body, /<p class="err" id="e-subject">Subject is required<\/p>/);
	assert.equal(textareaValue(r.body, 'details'), 'Line 1\nLine 2');
	assert.equal(picked(r.body), o.name);
	assert.deepEqual(selected(r.body, 'site'), [String(cw)]);
	assert.deepEqual(selected(r.body, 'service'), [String(ivr)]);

	// Over-long subject: 201 bytes (200 is the most).
	r = await admin.post('/cases/new', { occupier: o.id, site: cw, subject: 'x'.repeat(201), details: 'd' });
	assertHtml(r, 422, 'long subject');
	assert.match(r.body, /<p class="err" id="e-subject">Subject is too long \(at most 200 bytes; you entered 201\)<\/p>/);
	assert.equal(inputValue(r.body, 'subject'), 'x'.repeat(201));

	// Missing details, occupier and site all at once.
	r = await admin.post('/cases/new', { occupier: '', site: '', subject: 'Something', details: '' });
	assertHtml(r, 422, 'missing fields');
	assert.match(r.body, /<p class="err" id="e-details">Details are required<\/p>/);
	assert.match(r.body, /<p class="err" id="e-occupier">Occupier is required<\/p>/);
	assert.match(r.body, /<p class="err" id="e-site">Site is required<\/p>/);
	assert.equal(inputValue(r.body, 'subject'), 'Something');

	// Details over 10000 bytes.
	r = await admin.post('/cases/new', { occupier: o.id, site: cw, subject: 'Long', details: 'y'.repeat(10001) });
	assertHtml(r, 422, 'long details');
	assert.match(r.body, /Details are too long \(at most 10000 bytes; you entered 10001\)/);

	// An occupier without a contract at the site.
	r = await admin.post('/cases/new', { occupier: o.id, site: sd, subject: 'Wrong site', details: 'Keep me' });
	assertHtml(r, 422, 'no contract at the site');
	assert.match(r.body, new RegExp(`<p class="err" id="e-site">${o.name} has no contract at Shoreditch: a case must concern an occupier present at that site\\.`));
	assert.equal(inputValue(r.body, 'subject'), 'Wrong site');
	assert.equal(textareaValue(r.body, 'details'), 'Keep me');
	assert.deepEqual(selected(r.body, 'site'), [String(sd)]);

	assert.equal(count('SELECT COUNT(*) FROM support_case'), before_, 'nothing saved');
	assert.equal(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'case'"), audits_, 'no audit event');

	// Exactly 200 bytes is accepted, and so is a contract that has ended
	// (occupiers keep services while a contract is inactive).
	const id = await raise({ occupier: o.id, site: cw, subject: 'z'.repeat(200) });
	assert.equal(caseRow(id)[4], 'z'.repeat(200));
	const cobalt = occupierId('Cobalt Legal LLP');	// ended contract at Shoreditch
	const c2 = await raise({ occupier: cobalt, site: sd, subject: `Ended contract ${rnd()}` });
	assert.equal(caseRow(c2)[6], 'open');
});

test('list: open by default, closed, all, with exact counts; occupier and site filters; empty state', async () => {
	const o = await newOccupier([cw, sd]);
	const px = `LF-${rnd(4)}`;
	const a = await raise({ occupier: o.id, site: cw, subject: `${px} a`, service: ivr });
	const b = await raise({ occupier: o.id, site: cw, subject: `${px} b` });
	const c = await raise({ occupier: o.id, site: sd, subject: `${px} c` });
	await admin.get(`/cases/${b}`);
	assertRedirect(await admin.post(`/cases/${b}`, { op: 'close' }), `/cases/${b}?done=saved`, 'close b');

	// Open by default.
	let r = await admin.get(`/cases?occupier=${o.id}`);
	assertHtml(r, 200, 'open list');
	assert.equal(currentTab(r.body), 'Open');
	assert.deepEqual(tabs(r.body), { Open: 2, Closed: 1, All: 3 });
	let rows = tableRows(r.body);
	assert.equal(rows.length, 2);
	assert.deepEqual(rows.map((x) => x[0]).sort(), [`${px} a`, `${px} c`]);
	const ra = rows.find((x) => x[0] === `${px} a`);
	assert.deepEqual([ra[1], ra[2], ra[3], ra[4], ra[6]], [o.name, 'Canary Wharf', 'IVR', 'Open', '0']);
	assert.match(ra[5], /^\d{1,2} \w{3} \d{4}$/, 'raised date');
	assert.match(r.text, /2 cases/);
	assert.equal(picked(r.body), o.name);
	assert.match(r.body, new RegExp(`href="/cases/new\\?occupier=${o.id}"`), 'raise for this occupier');
	assert.match(r.body, new RegExp(`href="/cases\\?status=closed&amp;occupier=${o.id}"`), 'tabs keep the filter');

	// The same as status=open.
	assert.deepEqual(tableRows((await admin.get(`/cases?status=open&occupier=${o.id}`)).body).length, 2);

	r = await admin.get(`/cases?status=closed&occupier=${o.id}`);
	assert.equal(currentTab(r.body), 'Closed');
	rows = tableRows(r.body);
	assert.deepEqual(rows.map((x) => [x[0], x[4]]), [[`${px} b`, 'Closed']]);
	assert.match(r.body, /<span class="badge inactive">Closed<\/span>/);

	r = await admin.get(`/cases?status=all&occupier=${o.id}`);
	assert.equal(currentTab(r.body), 'All');
	assert.deepEqual(tableRows(r.body).map((x) => x[0]), [`${px} c`, `${px} b`, `${px} a`], 'newest first');

	// Site filter, with and without the occupier.
	r = await admin.get(`/cases?status=all&occupier=${o.id}&site=${sd}`);
	assert.deepEqual(tableRows(r.body).map((x) => [x[0], x[2]]), [[`${px} c`, 'Shoreditch']]);
	assert.deepEqual(tabs(r.body), { Open: 1, Closed: 0, All: 1 });
	assert.deepEqual(selected(r.body, 'site'), [String(sd)]);
	r = await admin.get(`/cases?site=${sd}&status=all`);
	const bySite = tableRows(r.body);
	assert.ok(bySite.every((x) => x[2] === 'Shoreditch'), 'only Shoreditch cases');
	assert.ok(bySite.some((x) => x[0] === `${px} c`));
	assert.ok(!bySite.some((x) => x[0] === `${px} a`));

	// Empty states.
	const none = await newOccupier([cw]);
	r = await admin.get(`/cases?occupier=${none.id}`);
	assertHtml(r, 200, 'empty');
	assert.deepEqual(tableRows(r.body), []);
	assert.match(r.text, new RegExp(`There are no open cases for ${none.name}\\.`));
	assert.match(r.text, /Raise a case/);
	r = await admin.get(`/cases?status=closed&occupier=${o.id}&site=${sd}`);
	assert.match(r.text, new RegExp(`There are no closed cases for ${o.name} at Shoreditch\\. See 1 open case`));

	// A bad status filter is refused; junk ids are a bad request.
	assertHtml(await admin.get('/cases?status=pending'), 400, 'bad status');
	assertHtml(await admin.get('/cases?occupier=x'), 400, 'bad occupier');
	void a; void c;
});

test('list paging by key: 50 a page, Next and Previous keep the filters, no gap and no duplicate', async () => {
	const o = await newOccupier([cw]);
	const px = `PG-${rnd(4)}`;
	for (let i = 0; i < 56; i++)
		await raise({ occupier: o.id, site: cw, subject: `${px} ${String(i).padStart(2, '0')}` });
	const newestFirst = [...Array(56).keys()].reverse().map((i) => `${px} ${String(i).padStart(2, '0')}`);
	const link = (body, rel) => {
		const m = new RegExp(`<a rel="${rel}" href="([^"]+)">`).exec(body);
		return m ? decode(m[1]) : null;
	};
	let r = await admin.get(`/cases?occupier=${o.id}&site=${cw}`);
	assertHtml(r, 200, 'page 1');
	const p1 = tableRows(r.body).map((x) => x[0]);
	assert.equal(p1.length, 50, 'the first page: 50 cases');
	assert.match(r.text, /56 cases/);
	assert.equal(link(r.body, 'prev'), null, 'no Previous on the first page');
	const next = link(r.body, 'next');
	assert.match(next ?? '', new RegExp(`^/cases\\?status=open&occupier=${o.id}&site=${cw}&after=\\d+$`),
		'Next keeps the filters and names the last case shown');
	r = await admin.get(next);
	assertHtml(r, 200, 'page 2');
	const p2 = tableRows(r.body).map((x) => x[0]);
	assert.deepEqual([...p1, ...p2], newestFirst, 'the two pages: every case once, newest first');
	assert.equal(link(r.body, 'next'), null, 'no Next on the last page');
	const prev = link(r.body, 'prev');
	assert.match(prev ?? '', new RegExp(`^/cases\\?status=open&occupier=${o.id}&site=${cw}&before=\\d+$`));
	r = await admin.get(prev);
	assert.deepEqual(tableRows(r.body).map((x) => x[0]), p1, 'Previous: the first page again');
	assert.equal(link(r.body, 'prev'), null);
	assert.ok(link(r.body, 'next'), 'and its Next');
	// Another operator's case as the key matches nothing.
	const foreign = Number(db(`SELECT c.id FROM support_case c JOIN operator p ON p.id = c.operator_id
		WHERE p.name <> 'Northwind Workspaces' LIMIT 1`)[0]?.[0] ?? 0);
	if (foreign > 0) {
		r = await admin.get(`/cases?occupier=${o.id}&after=${foreign}`);
		assertHtml(r, 200, 'a foreign key');
		assert.deepEqual(tableRows(r.body), []);
	}
});

test('comment, close, reopen: conversation, system lines, audit events; closed cases take no comments', async () => {
	const o = await newOccupier([cw]);
	const id = await raise({ occupier: o.id, site: cw, subject: `Conv ${rnd()}` });
	let page = await admin.get(`/cases/${id}`);
	assert.match(page.body, /<textarea id="f-comment" name="comment"/);
	assert.match(page.body, /<input type="hidden" name="op" value="close">/);

	// A comment.
	let r = await admin.post(`/cases/${id}`, { op: 'comment', comment: 'First reply\nwith two lines' });
	const c1 = Number(dbValue(`SELECT MAX(id) FROM case_comment WHERE case_id = ${id}`));
	assertRedirect(r, `/cases/${id}?done=saved#c${c1}`, 'comment');
	page = await admin.get(`/cases/${id}`);
	assert.match(page.body, new RegExp(`<li class="comment" id="c${c1}"><p class="comment-head"><strong>${adminName}</strong> <time`));
	assert.match(page.body, /<div class="pre">First reply\nwith two lines<\/div>/);
	assert.match(page.text, /Conversation \(1 comment\)/);
	assert.deepEqual(db(`SELECT user_id, body FROM case_comment WHERE id = ${c1}`)[0], [adminId, 'First reply\nwith two lines']);

	// An empty comment is refused next to the field.
	r = await admin.post(`/cases/${id}`, { op: 'comment', comment: '   ' });
	assertHtml(r, 422, 'empty comment');
	assert.match(r.body, /<p class="err" id="e-comment">Comment is required<\/p>/);
	r = await admin.post(`/cases/${id}`, { op: 'comment', comment: 'c'.repeat(10001) });
	assertHtml(r, 422, 'long comment');
	assert.equal(textareaValue(r.body, 'comment'), 'c'.repeat(10001), 'input kept');

	// Close (by staff): status, closed_at, system line, audit event.
	await staff.get(`/cases/${id}`);
	r = await staff.post(`/cases/${id}`, { op: 'close' });
	assertRedirect(r, `/cases/${id}?done=saved`, 'close');
	assert.deepEqual(caseRow(id).slice(6), ['closed', adminId, '0']);
	page = await admin.get(`/cases/${id}`);
	assert.match(page.body, /<span class="badge inactive">Closed<\/span>/);
	assert.match(page.text, /— Closed by Sam Staff\./);
	assert.match(page.text, /closed on \d+ \w{3} \d{4}, \d\d:\d\d/);
	assert.match(page.text, /This case is closed\. Reopen it to add a comment\./);
	assert.doesNotMatch(page.body, /name="comment"/, 'no comment form');
	assert.match(page.body, /<input type="hidden" name="op" value="reopen">/);
	assert.match(page.text, /Conversation \(1 comment\)/, 'system lines are not comments');
	const staffId = dbValue(`SELECT id FROM app_user WHERE email = ${q(STAFF)}`);
	assert.deepEqual(audits(id).slice(1).map((a) => a.slice(0, 4)),
		[['comment', null, 'comment=First reply\nwith two lines', adminId], ['close', 'status=open', 'status=closed', staffId]]);
	assert.deepEqual(db(`SELECT user_id, body FROM case_comment WHERE case_id = ${id} ORDER BY id`),
		[[adminId, 'First reply\nwith two lines'], [null, 'Closed by Sam Staff.']]);

	// A comment on a closed case is refused (409), kept to copy; nothing written.
	const lines = count(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`);
	const nAudit = audits(id).length;
	r = await admin.post(`/cases/${id}`, { op: 'comment', comment: 'Too late' });
	assertHtml(r, 409, 'comment on closed');
	assert.match(r.text, /This case is closed: reopen it to add a comment\. Your comment was not saved\./);
	assert.match(r.body, /readonly aria-label="Your comment \(not saved\)">Too late<\/textarea>/);
	// Closing again is refused too.
	r = await admin.post(`/cases/${id}`, { op: 'close' });
	assertHtml(r, 409, 'close twice');
	assert.match(r.text, /This case is already closed\./);
	assert.equal(count(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${id}`), lines);
	assert.equal(audits(id).length, nAudit);

	// Reopen: open again, closed_at cleared, a system line, an audit event.
	r = await admin.post(`/cases/${id}`, { op: 'reopen' });
	assertRedirect(r, `/cases/${id}?done=saved`, 'reopen');
	assert.deepEqual(caseRow(id).slice(6), ['open', adminId, '1']);
	assert.deepEqual(audits(id).at(-1).slice(0, 4), ['reopen', 'status=closed', 'status=open', adminId]);
	page = await admin.get(`/cases/${id}`);
	assert.match(page.text, new RegExp(`— Reopened by ${adminName}\\.`));
	assert.match(page.body, /<span class="badge active">Open<\/span>/);
	r = await admin.post(`/cases/${id}`, { op: 'reopen' });
	assertHtml(r, 409, 'reopen twice');
	assert.match(r.text, /This case is already open\./);

	// Comments work again; the list counts people's comments only.
	assertRedirect(await admin.post(`/cases/${id}`, { op: 'comment', comment: 'Second' }), /^\/cases\/\d+\?done=saved#c\d+$/);
	const list = tableRows((await admin.get(`/cases?occupier=${o.id}`)).body);
	assert.equal(list[0][6], '2');

	// The conversation in order: comment, closed, reopened, comment.
	page = await admin.get(`/cases/${id}`);
	const order = [...page.body.matchAll(/<li class="(comment|system muted)" id="c\d+">/g)].map((m) => m[1]);
	assert.deepEqual(order, ['comment', 'system muted', 'system muted', 'comment']);

	// Unknown or missing op.
	assertHtml(await admin.post(`/cases/${id}`, { op: 'delete' }), 400, 'unknown op');
	assertHtml(await admin.post(`/cases/${id}`, {}), 400, 'no op');
});

test('XSS payloads are stored verbatim and rendered escaped', async () => {
	const o = await newOccupier([cw]);
	const subject = `<script>alert("s")</script> & 'q' ${rnd(3)}`;
	const details = '<img src=x onerror=alert(1)>\n"quoted" & more';
	const id = await raise({ occupier: o.id, site: cw, subject, details });
	assert.deepEqual(caseRow(id).slice(4, 6), [subject, details]);
	await admin.get(`/cases/${id}`);
	const comment = '</textarea><script>alert(2)</script>';
	assertRedirect(await admin.post(`/cases/${id}`, { op: 'comment', comment }), /^\/cases\/\d+\?done=saved#c\d+$/);
	assert.equal(dbValue(`SELECT body FROM case_comment WHERE case_id = ${id}`), comment);

	const page = await admin.get(`/cases/${id}`);
	assertHtml(page, 200, 'case page');
	for (const bad of ['<script>alert', '<img src=x', '</textarea><script>'])
		assert.ok(!page.body.includes(bad), `case page must not contain ${bad}`);
	assert.match(page.body, /&lt;script&gt;alert\(&quot;s&quot;\)&lt;\/script&gt; &amp; &#39;q&#39;/);
	assert.match(page.body, /&lt;img src=x onerror=alert\(1\)&gt;\n&quot;quoted&quot; &amp; more/);
	assert.match(page.body, /&lt;\/textarea&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
	assert.ok(page.text.includes(subject), 'the subject reads as typed');

	const list = await admin.get(`/cases?occupier=${o.id}`);
	assert.ok(!list.body.includes('<script>alert'), 'list escaped');
	assert.equal(tableRows(list.body)[0][0], subject);

	// Kept input on a 422 is escaped as well.
	await admin.get('/cases/new');
	const r = await admin.post('/cases/new', { occupier: o.id, site: sd, subject, details });
	assertHtml(r, 422, '422 with payload');
	assert.ok(!r.body.includes('<script>alert'), '422 escaped');
	assert.equal(inputValue(r.body, 'subject'), subject);
	assert.equal(textareaValue(r.body, 'details'), details);
	// Pre-fill from the query string is escaped too.
	const pre = await admin.get(`/cases/new?subject=${encodeURIComponent('"><script>alert(3)</script>')}`);
	assert.ok(!pre.body.includes('<script>alert(3)'), 'pre-fill escaped');
	assert.equal(inputValue(pre.body, 'subject'), '"><script>alert(3)</script>');
});

test("another operator's case, occupier, site or service → 404 exactly like a missing one", async () => {
	const ew = await signedIn(EASTWIND_ADMIN);
	const ewSubject = `Eastwind secret ${rnd()}`;
	const ewCase = await raise({ occupier: zephyr, site: harbour, service: ewIvr, subject: ewSubject }, ew);
	assert.deepEqual(caseRow(ewCase).slice(0, 4), [String(EW), String(zephyr), String(harbour), String(ewIvr)]);
	const missing = 999999999;
	const snapshot = () => [caseRow(ewCase), count(`SELECT COUNT(*) FROM case_comment WHERE case_id = ${ewCase}`),
		count('SELECT COUNT(*) FROM support_case')];
	const before_ = snapshot();

	await admin.get('/cases');
	const notFound = await admin.get(`/cases/${missing}`);
	assertHtml(notFound, 404, 'missing case');
	const foreign = await admin.get(`/cases/${ewCase}`);
	assertHtml(foreign, 404, 'foreign case');
	assert.equal(foreign.body, notFound.body, 'the same page as a missing case');
	assert.ok(!foreign.text.includes(ewSubject));
	for (const op of ['comment', 'close', 'reopen']) {
		const r = await admin.post(`/cases/${ewCase}`, { op, comment: 'hi' });
		assertHtml(r, 404, `POST ${op} on a foreign case`);
		assert.equal(r.body, notFound.body);
	}

	// Pre-fill and list filters with Eastwind's ids.
	const miss = await admin.get(`/cases/new?occupier=${missing}`);
	assertHtml(miss, 404, 'missing occupier pre-fill');
	for (const qs of [`occupier=${zephyr}`, `site=${harbour}`, `service=${ewIvr}`,
		`occupier=${acme}&site=${harbour}`]) {
		const r = await admin.get(`/cases/new?${qs}`);
		assertHtml(r, 404, `pre-fill ${qs}`);
		assert.equal(r.body, miss.body);
	}
	for (const qs of [`occupier=${zephyr}`, `site=${harbour}`, `occupier=${missing}`, `site=${missing}`])
		assertHtml(await admin.get(`/cases?${qs}`), 404, `list ${qs}`);

	// Raising with Eastwind's ids.
	await admin.get('/cases/new');
	for (const f of [{ occupier: zephyr, site: harbour }, { occupier: acme, site: harbour },
		{ occupier: zephyr, site: cw }, { occupier: acme, site: cw, service: ewIvr },
		{ occupier: missing, site: cw }]) {
		const r = await admin.post('/cases/new', { service: '', subject: 'x', details: 'y', ...f });
		assertHtml(r, 404, `raise with ${JSON.stringify(f)}`);
		assert.equal(r.body, notFound.body);
	}
	assert.deepEqual(snapshot(), before_, 'nothing changed');

	// Each operator's list shows only its own cases.
	const nwAll = await admin.get('/cases?status=all');
	assert.ok(!nwAll.text.includes(ewSubject), 'not in Northwind list');
	const ewAll = await ew.get('/cases?status=all');
	assertHtml(ewAll, 200, 'Eastwind list');
	const ewRows = tableRows(ewAll.body);
	assert.ok(ewRows.some((x) => x[0] === ewSubject));
	assert.ok(ewRows.every((x) => x[1] === 'Zephyr Secret Holdings'), 'only Eastwind cases');
	assert.ok(!ewAll.text.includes('Acme Analytics'), 'no Northwind occupier in the selects');
	// And Eastwind cannot open Northwind's.
	const nwCase = Number(dbValue(`SELECT MAX(id) FROM support_case WHERE operator_id = ${NW}`));
	assertHtml(await ew.get(`/cases/${nwCase}`), 404, 'Eastwind opening a Northwind case');
});

test('occupier roles → 403 on every case route', async () => {
	const o = await newOccupier([cw]);
	const id = await raise({ occupier: o.id, site: cw, subject: `Roles ${rnd()}` });
	const before_ = [caseRow(id), count('SELECT COUNT(*) FROM support_case')];
	for (const email of [OCC_ADMIN, OCC_USER]) {
		const c = await signedIn(email);
		for (const p of ['/cases', '/cases?status=all', '/cases/new', `/cases/new?occupier=${o.id}`, `/cases/${id}`])
			assertHtml(await c.get(p), 403, `${email} GET ${p}`);
		assertHtml(await c.post('/cases/new', { occupier: o.id, site: cw, subject: 's', details: 'd' }), 403,
			`${email} POST /cases/new`);
		for (const op of ['comment', 'close', 'reopen'])
			assertHtml(await c.post(`/cases/${id}`, { op, comment: 'x' }), 403, `${email} POST ${op}`);
		const home = await c.get('/');
		assert.ok(!/href="\/cases"/.test(home.body), `${email}: no Cases menu entry`);
	}
	assert.deepEqual([caseRow(id), count('SELECT COUNT(*) FROM support_case')], before_, 'nothing changed');
});

test('the menu marks Cases, and POST without the CSRF token is refused', async () => {
	const r = await staff.get('/cases');
	assertHtml(r, 200, 'staff list');
	assert.match(r.body, /<a href="\/cases" aria-current="page">Cases<\/a>/);
	const o = await newOccupier([cw]);
	const before_ = count('SELECT COUNT(*) FROM support_case');
	const x = await staff.post('/cases/new', { occupier: o.id, site: cw, subject: 's', details: 'd' }, { csrf: false });
	assertHtml(x, 403, 'no CSRF');
	assert.equal(count('SELECT COUNT(*) FROM support_case'), before_);
});
