// fieldreport.test.mjs: the bugs of an operator's field report. One-time
// flash messages (a reload does not show them again, each shown once);
// one wording of the Wi-Fi device forms and an explanation instead of the
// occupier's form at 0/0; occupier users raise cases.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, OCC_ADMIN, OCC_USER, TODAY, addUser, assertHtml, db, dbValue, decode, inputValue, q, rnd, signedIn, siteId, text,
} from './lib.mjs';
import {
	allMessages, flashOf, newContract, occupierWith, openManage, parseManage, rowsOf, serviceIds, submit,
} from './services-lib.mjs';
import { csv, pence } from './invoices-lib.mjs';

let admin, cw;

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
});

const flashes = (html) => [...html.matchAll(/<p class="flash" role="status">/g)].length;

test('a flash is shown once, by the page after the redirect, never in the URL nor on a reload', async () => {
	await admin.get('/occupiers/new');
	const r = await admin.post('/occupiers/new', { name: `Flash ${rnd()}`, version: '0' });
	assert.equal(r.status, 303);
	assert.doesNotMatch(r.location, /done=/, 'no flash code in the URL');
	const page = await admin.follow(r.location);
	assertHtml(page, 200, 'after create');
	// A new occupier goes on to the move-in, whose own flash says so.
	assert.match(flashOf(page.body), /^Flash \S+ created\. Now its site and contract\.$/);
	assert.equal(flashes(page.body), 1);
	assert.equal(flashes((await admin.follow(r.location)).body), 0, 'a reload: no flash');
	// A plan saved: "Services saved." once, then not again.
	const S = serviceIds();
	const o = await occupierWith(admin, cw);
	const { m } = await openManage(admin, o.occ, cw);
	const { r: s } = await submit(admin, o.occ, cw, m.version, [...rowsOf(m),
		{ service: S['Standard support'], contract: o.contract.id, start: '', price: '0.00', qty: '1' }], { op: 'save' });
	assert.equal(s.status, 303, s.text.slice(0, 300));
	assert.doesNotMatch(s.location, /done=/);
	const p1 = await admin.get(s.location);
	assert.equal(flashOf(p1.body), 'Services saved.');
	assert.equal(flashes(p1.body), 1);
	assert.equal(flashes((await admin.get(s.location)).body), 0, 'a reload: no flash');
});

test('pages with their own saved notice show "Changes saved." exactly once', async () => {
	const acme = Number(dbValue("SELECT id FROM occupier WHERE name = 'Acme Analytics Ltd'"));
	const form = await admin.get(`/occupiers/${acme}/billing`);
	assertHtml(form, 200, 'billing');
	const ta = /<textarea[^>]*name="billing_address"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.body);
	const r = await admin.post(`/occupiers/${acme}/billing`, {
		billing_name: inputValue(form.body, 'billing_name'), billing_address: ta ? decode(ta[1]) : '',
		vat_number: inputValue(form.body, 'vat_number'), terms_days: inputValue(form.body, 'terms_days'),
		version: inputValue(form.body, 'version') });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const page = await admin.get(r.location);
	assert.equal(flashes(page.body), 1, 'one "Changes saved."');
	assert.equal(flashOf(page.body), 'Changes saved.');
	assert.equal(flashes((await admin.get(r.location)).body), 0, 'a reload: none');
});

const hintOf = (html) => {
	const m = /<p class="hint wifi-hint">([\s\S]*?)<\/p>/.exec(html);
	return m ? text(m[1]) : null;
};

test("at 0/0 the occupier's Wi-Fi form is an explanation; with an allocation both forms say one and the same", async () => {
	const name = `No wifi ${rnd()}`;
	await admin.get('/occupiers/new');
	const r = await admin.post('/occupiers/new', { name, version: '0' });
	assert.equal(r.status, 303);
	const occ = Number(/\/occupiers\/(\d+)/.exec(r.location)[1]);
	const k = await newContract(admin, occ, cw);
	const u = addUser({ role: 'occupier_admin', occupier: name });
	const c = await signedIn(u.email, u.password);
	const page = await c.get(`/my/sites/${cw}/devices`);
	assertHtml(page, 200, 'devices at 0/0');
	assert.match(page.text, /Wi-Fi devices 0\/0/);
	assert.doesNotMatch(page.body, /name="identifier"/, 'no form');
	assert.match(page.text, /include no Wi-Fi devices \(0\/0\)/);
	// A Wi-Fi devices pack: the form, worded as the operator's.
	const S = serviceIds();
	const { m } = await openManage(admin, occ, cw);
	const { r: s1 } = await submit(admin, occ, cw, m.version, [
		{ service: S['Wi-Fi devices pack (10)'], contract: k.id, price: '10.00', qty: '1' }], { op: 'save' });
	assert.equal(s1.status, 303, s1.text.slice(0, 300));
	const my = await c.get(`/my/sites/${cw}/devices`);
	assert.match(my.text, /Wi-Fi devices 0\/10/);
	assert.match(my.body, /name="identifier"/, 'the form');
	assert.doesNotMatch(my.text, /include no Wi-Fi devices/);
	const op = await admin.get(`/occupiers/${occ}/sites/${cw}/devices`);
	assertHtml(op, 200, 'operator devices');
	const a = hintOf(op.body), b = hintOf(my.body);
	assert.ok(a && a.length > 20, `operator hint: ${a}`);
	assert.equal(b, a, 'the same wording');
	assert.doesNotMatch(op.text + my.text, /Registering needs no allocation|active at once when it fits/);
});

test('an occupier user whose cases page says "the support cases you raised" can raise one', async () => {
	const u = await signedIn(OCC_USER);
	const list = await u.get('/my/cases');
	assertHtml(list, 200, '/my/cases');
	assert.match(list.text, /The support cases you raised\./);
	assert.match(list.body, /href="\/my\/cases\/new"/, 'a Raise a case link');
	const form = await u.get('/my/cases/new');
	assertHtml(form, 200, 'the form');
	const subject = `Printer ${rnd()}`;
	const r = await u.post('/my/cases/new', { site: cw, subject, details: 'Jammed on floor 3.' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const id = Number(/\/my\/cases\/(\d+)/.exec(r.location)[1]);
	assert.equal(dbValue(`SELECT u.email FROM support_case c JOIN app_user u ON u.id = c.created_by WHERE c.id = ${id}`),
		OCC_USER);
	assert.match((await u.get('/my/cases')).text, new RegExp(subject));
});


test("this month's charges: a month-to-date draft CSV, marked as such; a month to come offers none", async () => {
	const page = await admin.get('/reports/charges?month=2026-02');
	assert.equal(page.status, 422);
	const links = [...page.body.matchAll(/href="(\/reports\/charges\.csv[^"]*)"[^>]*>([^<]*)</g)];
	assert.equal(links.length, 1, 'one CSV link');
	assert.equal(links[0][2], 'Download month-to-date draft (CSV)');
	const c = await admin.get(links[0][1].replace(/&amp;/g, '&'));
	assert.equal(c.status, 200, c.text.slice(0, 200));
	assert.match(c.headers.get('content-type'), /^text\/csv/);
	assert.match(c.headers.get('content-disposition'),
		/filename="occupier-service-charges-2026-02-draft-month-to-date\.csv"/);
	const recs = csv(c.body);
	assert.match(recs[0][0], /^Draft — month to date: the charges of 2026-02 up to 2026-02-16/);
	assert.equal(recs[1][0], 'Occupier');
	const data = recs.slice(2, -1);
	assert.ok(data.length > 5, `draft lines: ${data.length}`);
	for (const x of data) {
		assert.ok(x[4] <= '2026-02-16' && x[3] <= x[4], `a line up to today: ${x.join(',')}`);
		assert.equal(Number(x[6]), 28);
	}
	const full = data.find((x) => x[3] === '2026-02-01' && x[4] === '2026-02-16');
	assert.ok(full, 'a line of the whole month so far');
	assert.equal(Number(full[5]), 16);
	assert.equal(pence(full[9]), Math.floor((pence(full[7]) * Number(full[8]) * 16 * 2 + 28) / 56),
		'prorated to the days so far, half-up');
	assert.equal(data.reduce((a, x) => a + pence(x[9]), 0), pence(recs.at(-1)[9]), 'lines sum to the total');
	// A month to come: no CSV link at all.
	const next = await admin.get('/reports/charges?month=2026-03');
	assert.doesNotMatch(next.body, /href="\/reports\/charges\.csv/);
	// A complete month: the plain CSV link.
	const jan = await admin.get('/reports/charges?month=2026-01');
	assert.match(jan.body, /href="\/reports\/charges\.csv\?month=2026-01">Download CSV</);
});

/* The catalog form's POST, as the browser sends it (csrf first). */
async function postRule(c, id, pairs) {
	await c.get(`/catalog/${id}`);
	const p = new URLSearchParams([['csrf', c.csrf], ...pairs]);
	return c.request('POST', `/catalog/${id}`, { body: p.toString() });
}

test('a new rule that saved plans break: its impact, a confirmation; those plans stay saveable unless made worse', async () => {
	const S = serviceIds();
	const pack = S['Wi-Fi devices pack (10)'];
	const o = await occupierWith(admin, cw, [{}], '000 Impact');
	const name = dbValue(`SELECT name FROM occupier WHERE id = ${o.occ}`);
	const row = (qty) => ({ service: pack, contract: o.contract.id, price: '12.00', qty: String(qty) });
	let { m } = await openManage(admin, o.occ, cw);
	let x = await submit(admin, o.occ, cw, m.version, [row(4)], { op: 'save' });
	assert.equal(x.r.status, 303, x.r.text.slice(0, 300));
	const rules = () => db(`SELECT id FROM service_rule WHERE service_id = ${pack}`).map((r) => Number(r[0]));
	const before_ = rules();
	const add = [['op', 'add_rule'], ['kind', 'max_qty'], ['other', ''], ['category', ''], ['max', '2']];
	const r = await postRule(admin, pack, add);
	assertHtml(r, 422, 'the impact first');
	assert.match(r.text, /\d+ occupiers? exceeds? this: /);
	assert.ok(r.text.includes(`${name} at Canary Wharf`), r.text.slice(0, 600));
	assert.match(r.text, /Add the rule anyway/);
	assert.deepEqual(rules(), before_, 'nothing saved without the confirmation');
	const c = await postRule(admin, pack, [...add, ['confirm_impact', '1']]);
	assert.equal(c.status, 303, c.text.slice(0, 300));
	const added = rules().filter((id) => !before_.includes(id));
	assert.equal(added.length, 1);
	try {
		// At 4 with another change: saved (the violation as it was).
		const om = await openManage(admin, o.occ, cw);
		m = om.m;
		const cur = rowsOf(m);
		assert.match(om.r.body, /<tr class="msgs kept">[^]*?At most 2 Wi-Fi devices pack \(10\) per occupier per site: saved so before this rule/);
		x = await submit(admin, o.occ, cw, m.version, [...cur,
			{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: '1' }], { op: 'save' });
		assert.equal(x.r.status, 303, `at 4, another change: ${x.m ? JSON.stringify(x.m.topMsgs) : x.r.text.slice(0, 300)}`);
		// At 3: saved.
		({ m } = await openManage(admin, o.occ, cw));
		x = await submit(admin, o.occ, cw, m.version, rowsOf(m).map((w) => (w.service === pack ? { ...w, qty: '3' } : w)),
			{ op: 'save' });
		assert.equal(x.r.status, 303, 'down to 3');
		// At 5 (further than saved): refused with the rule's message.
		({ m } = await openManage(admin, o.occ, cw));
		x = await submit(admin, o.occ, cw, m.version, rowsOf(m).map((w) => (w.service === pack ? { ...w, qty: '5' } : w)),
			{ op: 'save' });
		assert.equal(x.r.status, 422, 'up to 5');
		assert.match(JSON.stringify(allMessages(x.m)), /At most 2 Wi-Fi devices pack \(10\) per occupier per site/);
		assert.equal(dbValue(`SELECT SUM(qty) FROM occupier_service WHERE occupier_id = ${o.occ} AND service_id = ${pack}
			AND ended_at IS NULL`), '3');
	} finally {
		for (const id of added) {
			await admin.get(`/catalog/${pack}`);
			const d = await postRule(admin, pack, [['op', 'delete_rule'], ['rule', String(id)], ['confirm', '1']]);
			assert.equal(d.status, 303, 'the rule deleted again');
		}
	}
});

test('the same name as another occupier (case and spaces aside) is a warning with a confirmation', async () => {
	const name = `Same Name ${rnd()}`;
	await admin.get('/occupiers/new');
	let r = await admin.post('/occupiers/new', { name, version: '0' });
	assert.equal(r.status, 303);
	const variant = `  ${name.toUpperCase().replace(' ', '   ')} `;
	await admin.get('/occupiers/new');
	r = await admin.post('/occupiers/new', { name: variant, billing_ref: 'X', version: '0' });
	assertHtml(r, 422, 'warned');
	assert.ok(r.text.includes(`Another occupier is named ${name}`), r.text.slice(0, 400));
	assert.match(r.body, /name="same_name_ok"/);
	assert.match(r.body, /name="billing_ref"[^>]*value="X"/, 'input kept');
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier WHERE name = ${q(variant)}`), '0', 'nothing saved');
	r = await admin.post('/occupiers/new', { name: variant, billing_ref: '', version: '0', same_name_ok: '1' });
	assert.equal(r.status, 303, 'saved when confirmed');
	// A name of its own is no warning; an edit keeping its own name neither.
	const id = Number(/\/occupiers\/(\d+)/.exec(r.location)[1]);
	await admin.get(`/occupiers/${id}/edit`);
	r = await admin.post(`/occupiers/${id}/edit`, { name: `${name} B`, version: dbValue(`SELECT version FROM occupier WHERE id = ${id}`) });
	assert.equal(r.status, 303);
	await admin.get(`/occupiers/${id}/edit`);
	r = await admin.post(`/occupiers/${id}/edit`, { name: `${name} B`, notes: 'n', version: dbValue(`SELECT version FROM occupier WHERE id = ${id}`) });
	assert.equal(r.status, 303, 'its own name');
});

test('overlapping contracts of one occupier at one site are a warning with a confirmation', async () => {
	const o = await occupierWith(admin, cw, [{ start: '2026-01-01', end: '2026-06-30' }]);
	const path = `/occupiers/${o.occ}/sites/${cw}/contracts/new`;
	const ref = `OV-${rnd()}`;
	await admin.get(path);
	let r = await admin.post(path, { reference: ref, start_date: '2026-06-01', end_date: '', version: '0' });
	assertHtml(r, 422, 'warned');
	assert.ok(r.text.includes(`The dates overlap contract ${o.contract.reference} (2026-01-01 to 2026-06-30)`), r.text.slice(0, 500));
	assert.match(r.body, /name="overlap_ok"/);
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE reference = ${q(ref)}`), '0', 'nothing saved');
	// The day after: no overlap, no warning.
	r = await admin.post(path, { reference: `${ref}-B`, start_date: '2026-07-01', end_date: '', version: '0' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	// Confirmed: saved.
	r = await admin.post(path, { reference: ref, start_date: '2026-06-01', end_date: '2026-06-15', version: '0', overlap_ok: '1' });
	assert.equal(r.status, 303);
	// Another site is not an overlap.
	const sd = siteId('Shoreditch');
	await admin.get(`/occupiers/${o.occ}/sites/${sd}/contracts/new`);
	r = await admin.post(`/occupiers/${o.occ}/sites/${sd}/contracts/new`,
		{ reference: `${ref}-S`, start_date: '2026-01-01', end_date: '', version: '0' });
	assert.equal(r.status, 303);
});

test('a save after the session ended: the dialog comes back after the sign-in with its rows, not saved', async () => {
	const S = serviceIds();
	const o = await occupierWith(admin, cw, [{}], 'Draft');
	const u = addUser({ role: 'operator_admin' });
	const c = await signedIn(u.email, u.password);
	const { m } = await openManage(c, o.occ, cw);
	const rows = [{ service: S['Standard support'], contract: o.contract.id, price: '0.00', qty: '1' },
		{ service: S['Wi-Fi devices pack (10)'], contract: o.contract.id, price: '11.50', qty: '2' }];
	// The session ends (idle: 40 minutes, past the 30 of its idle limit and
	// inside the hour housekeeping leaves an ended session's row, so the
	// housekeeper running meanwhile does not purge it) while the dialog is open.
	db(`UPDATE user_session SET last_seen = last_seen - 2400 WHERE user_id =
		(SELECT id FROM app_user WHERE email = ${q(u.email)})`);
	const x = await submit(c, o.occ, cw, m.version, rows, { op: 'save' });
	assert.equal(x.r.status, 303);
	const back = `/occupiers/${o.occ}/sites/${cw}/services/manage?draft=1`;
	const to = new URL(x.r.location, 'http://x');
	assert.deepEqual([to.pathname, to.searchParams.get('expired'), to.searchParams.get('draft'), to.searchParams.get('next')],
		['/login', '1', '1', back]);
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${o.occ}`), '0', 'nothing saved');
	// Another user's sign-in does not get it.
	const other = await signedIn(ADMIN);
	assert.doesNotMatch((await other.get(back)).text, /Your changes from before you were signed out/);
	// The sign-in page says the changes are kept and comes back to the dialog.
	const login = await c.get(x.r.location);
	assert.match(login.text, /Your unsaved changes are kept/);
	const r = await c.login(u.email, u.password, { next: back });
	assert.equal(r.status, 303);
	assert.equal(r.location, back);
	const page = await c.last;
	assertHtml(page, 200, 'the dialog again');
	assert.match(page.text, /Your changes from before you were signed out are back\. Nothing is saved yet/);
	const p = parseManage(page.body);
	assert.deepEqual(p.rows.map((w) => [w.service, w.price, w.qty]),
		rows.map((w) => [w.service, w.price, w.qty]));
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${o.occ}`), '0', 'still not saved');
	// Given back once; then saved by the user.
	assert.doesNotMatch((await c.get(back)).text, /Your changes from before you were signed out/);
	const s = await submit(c, o.occ, cw, p.version, rowsOf(p), { op: 'save' });
	assert.equal(s.r.status, 303, s.r.text.slice(0, 300));
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${o.occ}`), '2');
	// A forged post with the wrong token after the end keeps nothing.
	db(`UPDATE user_session SET last_seen = last_seen - 86400 WHERE user_id =
		(SELECT id FROM app_user WHERE email = ${q(u.email)})`);
	const f = await submit(c, o.occ, cw, p.version, rows, { op: 'save', csrf: 'a'.repeat(64) });
	assert.equal(f.r.location, '/login?expired=1');
	assert.equal(dbValue(`SELECT COUNT(*) FROM form_draft WHERE user_id = (SELECT id FROM app_user WHERE email = ${q(u.email)})`), '0');
});

test("the occupier's case form offers its current services only, and refuses another", async () => {
	const u = await signedIn(OCC_USER);
	const acme = Number(dbValue("SELECT id FROM occupier WHERE name = 'Acme Analytics Ltd'"));
	const form = await u.get('/my/cases/new');
	assertHtml(form, 200, 'the form');
	const sel = /<select id="f-service"[^>]*>([\s\S]*?)<\/select>/.exec(form.body)[1];
	const offered = [...sel.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
	const held = db(`SELECT DISTINCT service_id FROM occupier_service WHERE occupier_id = ${acme}
		AND (ended_at IS NULL OR ended_at > ${q(TODAY)})`).map(([x]) => Number(x)).sort((a, b) => a - b);
	assert.ok(held.length > 0);
	assert.deepEqual(offered, held, 'exactly the services it has');
	const other = Number(dbValue(`SELECT id FROM service WHERE operator_id = (SELECT operator_id FROM occupier
		WHERE id = ${acme}) AND id NOT IN (${held.join(',')}) ORDER BY id LIMIT 1`));
	const r = await u.post('/my/cases/new', { site: cw, subject: 'x', details: 'y', service: other });
	assertHtml(r, 422, 'a service it does not have');
	assert.match(r.text, /Related service must be one of the choices/);
});
