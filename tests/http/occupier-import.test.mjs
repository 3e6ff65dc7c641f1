// Occupier import: a CSV of occupiers with their contracts. A preview with
// each line's action and every error by line number; all or nothing; a
// re-import changes nothing; another operator's references never collide or
// show; occupier roles refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, STAFF, assertHtml, assertRedirect, db, dbValue, fieldA11y, q, rnd, signedIn,
	tableRows, text,
} from './lib.mjs';

let admin, staff, east, NW, EW;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
	NW = dbValue(`SELECT id FROM operator WHERE name = 'Northwind Workspaces'`);
	EW = dbValue(`SELECT operator_id FROM app_user WHERE email = ${q(EASTWIND_ADMIN)}`);
});

async function upload(c, body) {
	if (!c.csrf)
		await c.get('/occupiers/import');
	const fd = new FormData();
	fd.append('csrf', c.csrf);
	fd.append('op', 'preview');
	fd.append('file', new Blob([body], { type: 'text/csv' }), 'occupiers.csv');
	return c.request('POST', '/occupiers/import', { body: fd, contentType: null });
}

function errorsOf(html) {
	const m = /<div class="errors"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [];
}

/* The file field as a screen reader meets it: marked invalid, described
 * by its hint and the message by it (msg), or (msg null) by its hint only. */
const HINT = /^A first line naming the columns, in any order: billing_ref and name/;
const NOTHING = 'Nothing was imported: correct the lines listed above and choose the file again.';

function assertFileField(html, msg) {
	const a = fieldA11y(html, 'f-file');
	assert.ok(a, 'the file field');
	if (msg === null) {
		assert.equal(a.attrs['aria-invalid'], undefined, 'not aria-invalid');
		assert.deepEqual(a.describedBy, ['h-file']);
		assert.match(a.described[0], HINT);
		assert.match(html, /<div class="field">\s*<label for="f-file">/);
		assert.doesNotMatch(html, /id="e-file"/);
		return;
	}
	assert.match(html, /<div class="field invalid">\s*<label for="f-file">/, 'the field marked invalid');
	assert.equal(a.attrs['aria-invalid'], 'true', 'aria-invalid');
	assert.deepEqual(a.describedBy, ['h-file', 'e-file']);
	assert.match(a.described[0], HINT);
	assert.equal(a.described[1], msg, 'the message by the field');
	assert.match(html, /<p class="err" id="e-file">/);
}

/* The hidden text the preview posts back. */
function dataOf(html) {
	const m = /<textarea name="data"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
	return m ? m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&') : null;
}

function state(op) {
	return JSON.stringify(db(`SELECT (SELECT COUNT(*) FROM occupier WHERE operator_id = ${op}),
		(SELECT COALESCE(SUM(version), 0) FROM occupier WHERE operator_id = ${op}),
		(SELECT COUNT(*) FROM contract WHERE operator_id = ${op}),
		(SELECT COUNT(*) FROM audit_event WHERE operator_id = ${op})`));
}

const HEAD = 'billing_ref,name,legal_name,vat_number,contact_name,contact_email,site,contract_ref,start_date,end_date,value,notice_months,deposit';

function file(tag, n, extra = []) {
	const lines = [HEAD];
	for (let i = 1; i <= n; i++)
		lines.push(`IMP-${tag}-${i},Import ${tag} ${i},"Import ${tag} ${i}, Ltd",GB 123 4567 8${i % 10},Ada,ap${i}@imp.example,`
			+ `Canary Wharf,C-${tag}-${i},2026-03-01,,1250.00,3,2500`);
	return [...lines, ...extra].join('\r\n') + '\r\n';
}

test('preview → import: every line created with its record and contract, then a re-import is a no-op', async () => {
	const tag = rnd(4);
	const body = file(tag, 12);
	const before = state(NW);
	const p = await upload(staff, body);
	assertHtml(p, 200, 'preview');
	assert.match(p.text, /This file: 12 new, 0 updated, 0 unchanged occupiers; 12 new, 0 unchanged contracts\./);
	const rows = tableRows(p.body);
	assert.equal(rows.length, 12);
	assert.deepEqual(rows[0], ['2', `IMP-${tag}-1`, `Import ${tag} 1`, 'New', `C-${tag}-1`, 'New']);
	assert.equal(state(NW), before, 'a preview writes nothing');
	const r = await staff.post('/occupiers/import', { op: 'import', data: dataOf(p.body) });
	assertRedirect(r, '/occupiers/import?on=12&ou=0&os=0&cn=12&cs=0', 'imported');
	const done = await staff.get(r.location);
	assert.match(done.text, /Imported: 12 new, 0 updated, 0 unchanged occupiers; 12 new, 0 unchanged contracts\./);
	// The message is made from the numbers: no text of the URL is shown.
	for (const spoof of ['done=0%20new%20occupiers%20were%20deleted%2C%20call%200800%20123', 'on=1&ou=2&os=3&cn=4&cs=x', 'on=-1&ou=0&os=0&cn=0&cs=0'])
		assert.doesNotMatch((await staff.get(`/occupiers/import?${spoof}`)).body, /class="flash"/, spoof);
	assert.deepEqual(db(`SELECT o.name, o.legal_name, o.vat_number, o.contact_name, o.contact_email, c.reference,
		c.start_date, c.end_date, c.value_minor, c.notice_months, c.deposit_minor
		FROM occupier o JOIN contract c ON c.occupier_id = o.id
		WHERE o.operator_id = ${NW} AND o.billing_ref = ${q(`IMP-${tag}-3`)}`),
	[[`Import ${tag} 3`, `Import ${tag} 3, Ltd`, 'GB123456783', 'Ada', 'ap3@imp.example', `C-${tag}-3`,
		'2026-03-01', null, '125000', '3', '250000']]);
	const id = dbValue(`SELECT id FROM occupier WHERE billing_ref = ${q(`IMP-${tag}-3`)}`);
	assert.deepEqual(db(`SELECT entity, action FROM audit_event WHERE occupier_id = ${id} ORDER BY id`),
		[['occupier', 'create'], ['occupier', 'details'], ['contract', 'create'], ['contract', 'terms']]);
	// Again: the preview says nothing changes, and the import writes nothing.
	const after = state(NW);
	const p2 = await upload(staff, body);
	assert.match(p2.text, /This file: 0 new, 0 updated, 12 unchanged occupiers; 0 new, 12 unchanged contracts\./);
	const r2 = await staff.post('/occupiers/import', { op: 'import', data: dataOf(p2.body) });
	assertRedirect(r2, '/occupiers/import?on=0&ou=0&os=12&cn=0&cs=12', 're-imported');
	assert.equal(state(NW), after, 'a re-import changes nothing');
	// One line changed, one added: 1 new, 1 updated, 11 unchanged.
	const changed = file(tag, 13).replace(`Import ${tag} 5,"Import`, `Import ${tag} 5 renamed,"Import`);
	const p3 = await upload(staff, changed);
	assert.match(p3.text, /This file: 1 new, 1 updated, 11 unchanged occupiers; 1 new, 12 unchanged contracts\./);
	const r3 = await staff.post('/occupiers/import', { op: 'import', data: dataOf(p3.body) });
	assertRedirect(r3, '/occupiers/import?on=1&ou=1&os=11&cn=1&cs=12', 'third');
	assert.equal(dbValue(`SELECT CONCAT(name, '/', version) FROM occupier WHERE billing_ref = ${q(`IMP-${tag}-5`)}`),
		`Import ${tag} 5 renamed/2`);
});

test('a file with bad lines imports nothing and names each line', async () => {
	const tag = rnd(4);
	const body = file(tag, 3, [
		`IMP-${tag}-9,Bad VAT,,GB12,,,,,,,,,`,
		`IMP-${tag}-10,Bad mail,,,Bo,not-mail,,,,,,,`,
		`IMP-${tag}-11,No site,,,,,Atlantis,C-${tag}-11,2026-03-01,,,,`,
		`IMP-${tag}-1,Twice,,,,,,,,,,,`,
		`,No ref,,,,,,,,,,,`,
	]);
	const before = state(NW);
	const p = await upload(admin, body);
	assertHtml(p, 422, 'preview with errors');
	const errs = errorsOf(p.body);
	assert.ok(errs.some((e) => /^Line 5: vat_number “GB12” must be GB and 9 or 12 digits/.test(e)), errs.join('\n'));
	assert.ok(errs.some((e) => /^Line 6: contact_email “not-mail” is not an e-mail address/.test(e)), errs.join('\n'));
	assert.ok(errs.some((e) => /^Line 7: site “Atlantis” is not one of your sites/.test(e)), errs.join('\n'));
	assert.ok(errs.some((e) => new RegExp(`^Line 8: billing_ref IMP-${tag}-1 is on line 2 too`).test(e)), errs.join('\n'));
	assert.ok(errs.some((e) => /^Line 9: billing_ref is required/.test(e)), errs.join('\n'));
	assert.doesNotMatch(p.body, /name="data"/, 'no Import button');
	// By the file field one short message; the lines are in the summary only.
	assertFileField(p.body, NOTHING);
	assert.equal(errs.at(-1), NOTHING, 'the summary ends with it, linked to the field');
	assert.match(p.body, /<li><a href="#f-file">Nothing was imported: correct the lines listed above/);
	assert.equal(errs.filter((e) => e === NOTHING).length, 1);
	assert.doesNotMatch(p.body, /<li><a href="#f-file">Line /, 'the lines are not the field\'s');
	assertFileField((await admin.get('/occupiers/import')).body, null);
	// Posting the text anyway: refused, nothing written.
	const r = await admin.post('/occupiers/import', { op: 'import', data: body });
	assertHtml(r, 422, 'import refused');
	assert.ok(errorsOf(r.body).some((e) => /^Line 5: /.test(e)));
	assert.equal(state(NW), before, 'nothing written');
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier WHERE billing_ref LIKE ${q(`IMP-${tag}-%`)}`), '0');
	// A malformed file: an unknown column, an unterminated quote.
	const u = await upload(admin, 'billing_ref,name,colour\r\nX,Y,red\r\n');
	assertHtml(u, 422, 'unknown column');
	assert.match(errorsOf(u.body)[0], /^Line 1: column “colour” is not one of the columns/);
	assertFileField(u.body, NOTHING);
	const qt = await upload(admin, `billing_ref,name\r\nIMP-${tag}-q,"open\r\n`);
	assertHtml(qt, 422, 'quote');
	assert.match(errorsOf(qt.body)[0], /^Line 2: has a quote that is never closed/);
	const none = await admin.post('/occupiers/import', { op: 'preview' });
	assertHtml(none, 422, 'no file');
	assert.match(none.text, /Choose a CSV file to import\./);
	assertFileField(none.body, 'Choose a CSV file to import.');
	// A file with a header and no line: the field says so.
	const empty = await upload(admin, `${HEAD}\r\n`);
	assertHtml(empty, 422, 'empty file');
	assertFileField(empty.body, 'The file has no occupier: nothing to import.');
});

test('billing references are per operator: the same ones import for both, neither sees the other', async () => {
	const tag = rnd(4);
	const nwBody = file(tag, 2);
	const p = await upload(admin, nwBody);
	await admin.post('/occupiers/import', { op: 'import', data: dataOf(p.body) });
	// Eastwind has no Canary Wharf: the same billing refs with its own site and contract refs.
	const eSite = dbValue(`SELECT name FROM site WHERE operator_id = ${EW} LIMIT 1`);
	const eBody = `billing_ref,name,site,contract_ref,start_date\r\nIMP-${tag}-1,East ${tag},${eSite},C-${tag}-1,2026-03-01\r\n`;
	const before = state(NW);
	const ep = await upload(east, eBody);
	assertHtml(ep, 200, 'eastwind preview');
	assert.match(ep.text, /This file: 1 new, 0 updated, 0 unchanged occupier; 1 new, 0 unchanged contract\./,
		"Northwind's billing and contract references are not Eastwind's");
	assert.doesNotMatch(ep.text, new RegExp(`Import ${tag}`), "Northwind's names never show");
	const er = await east.post('/occupiers/import', { op: 'import', data: dataOf(ep.body) });
	assertRedirect(er, /^\/occupiers\/import\?on=\d+&ou=\d+&os=\d+&cn=\d+&cs=\d+$/, 'eastwind import');
	assert.equal(state(NW), before, "Northwind's occupiers untouched");
	const eid = dbValue(`SELECT id FROM occupier WHERE operator_id = ${EW} AND billing_ref = ${q(`IMP-${tag}-1`)}
		AND name = ${q(`East ${tag}`)}`);
	assert.ok(eid, "Eastwind's own occupier");
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE operator_id = ${EW} AND occupier_id = ${eid}
		AND reference = ${q(`C-${tag}-1`)}`), '1');
	// Other tests count Eastwind's occupiers: leave it as it was.
	db(`DELETE FROM contract WHERE operator_id = ${EW} AND occupier_id = ${eid}`);
	db(`DELETE FROM occupier WHERE operator_id = ${EW} AND id = ${eid}`);
	// Northwind's site names are not Eastwind's.
	const x = await upload(east, `billing_ref,name,site,contract_ref,start_date\r\nIMP-${tag}-7,X,Canary Wharf,C-${tag}-7,2026-03-01\r\n`);
	assertHtml(x, 422, 'foreign site');
	assert.match(errorsOf(x.body)[0], /site “Canary Wharf” is not one of your sites/);
});

test('occupier roles cannot import', async () => {
	const occ = await signedIn(OCC_ADMIN);
	const r = await occ.get('/occupiers/import');
	assert.equal(r.status, 403);
	const before = state(NW);
	const p = await occ.post('/occupiers/import', { op: 'import', data: file(rnd(4), 1) });
	assert.equal(p.status, 403);
	assert.equal(state(NW), before);
});
