// Occupier lifecycle: the richer occupier record (legal name, company and
// VAT numbers, billing address, billing contacts) and a contract's terms
// (value, notice, deposit), saved and shown, refused by the field with the
// input kept; the guided move-in (occupier → site and contract → services).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue, fieldA11y, inputValue, q, rnd,
	signedIn, siteId, tableRows, textareaValue,
} from './lib.mjs';

let admin, staff, cw;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	cw = siteId('Canary Wharf');
});

const full = (name) => ({
	name, billing_ref: `REC-${rnd()}`, legal_name: `${name} Limited`, company_no: 'sc 123 456',
	vat_number: 'gb 123 4567 89', billing_address: '1 Dock Road\nLondon E14 5AB',
	contact_name: 'Ada Payables', contact_email: 'ap@rec.example',
	contact2_name: 'Bob Finance', contact2_email: 'bob@rec.example', contact3_name: '', contact3_email: '',
	notes: '', version: '0',
});

async function create(c, fields) {
	await c.get('/occupiers/new');
	const r = await c.post('/occupiers/new', fields);
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, `create ${fields.name}: ${r.text.slice(0, 400)}`);
	return Number(r.location.match(/^\/occupiers\/(\d+)/)[1]);
}

test('the record is saved normalised, shown on the Contracts tab and in the edit form, audited', async () => {
	const name = `Record ${rnd()}`;
	const f = full(name);
	const id = await create(staff, f);
	assert.deepEqual(db(`SELECT legal_name, company_no, vat_number, billing_address, contact_name, contact_email,
		contact2_name, contact2_email, contact3_email FROM occupier WHERE id = ${id}`)[0],
	[`${name} Limited`, 'SC123456', 'GB123456789', '1 Dock Road\nLondon E14 5AB', 'Ada Payables', 'ap@rec.example',
		'Bob Finance', 'bob@rec.example', '']);
	const tab = await staff.get(`/occupiers/${id}/sites/${cw}/contracts`);
	assertHtml(tab, 200, 'contracts tab');
	for (const s of [`${name} Limited`, 'SC123456', 'GB123456789', '1 Dock Road', 'Ada Payables <ap@rec.example>',
		'Bob Finance <bob@rec.example>'])
		assert.ok(tab.text.includes(s), `the tab shows ${s}`);
	const form = await staff.get(`/occupiers/${id}/edit`);
	assert.equal(inputValue(form.body, 'vat_number'), 'GB123456789');
	assert.equal(inputValue(form.body, 'contact2_email'), 'bob@rec.example');
	assert.equal(textareaValue(form.body, 'billing_address'), '1 Dock Road\nLondon E14 5AB');
	const audit = db(`SELECT action, old_value, new_value FROM audit_event WHERE entity = 'occupier'
		AND entity_id = ${id} ORDER BY id`);
	assert.deepEqual(audit.map((a) => a[0]), ['create', 'details']);
	assert.equal(audit[1][1], null);
	assert.match(audit[1][2], /vat_number=GB123456789\n/);
	assert.match(audit[1][2], /contact2=Bob Finance <bob@rec.example>/);
	// An edit that changes nothing of the record adds no details event; one that does adds one.
	const r = await staff.post(`/occupiers/${id}/edit`, { ...f, vat_number: 'GB123456789', company_no: 'SC123456',
		version: '1' });
	assertRedirect(r, `/occupiers/${id}?done=saved`, 'same record');
	const r2 = await staff.post(`/occupiers/${id}/edit`, { ...f, vat_number: 'DE 123 456 789', company_no: 'SC123456',
		contact2_name: '', contact2_email: '', version: '2' });
	assertRedirect(r2, `/occupiers/${id}?done=saved`, 'new VAT');
	const after = db(`SELECT action, old_value, new_value FROM audit_event WHERE entity = 'occupier'
		AND entity_id = ${id} ORDER BY id`);
	assert.deepEqual(after.map((a) => a[0]), ['create', 'details', 'update', 'update', 'details']);
	assert.match(after[4][1], /vat_number=GB123456789/);
	assert.match(after[4][2], /vat_number=DE123456789\n[\s\S]*contact2= <>/);
	assert.equal(dbValue(`SELECT vat_number FROM occupier WHERE id = ${id}`), 'DE123456789');
});

/* The input key described by its hint h-<key> (text hint) and, when err
 * (a RegExp of the message) is given, by e-<key> too and aria-invalid. */
function assertDescribed(html, key, hint, err) {
	const a = fieldA11y(html, `f-${key}`);
	assert.ok(a, `f-${key}`);
	assert.deepEqual(a.describedBy, err ? [`h-${key}`, `e-${key}`] : [`h-${key}`], `${key} aria-describedby`);
	assert.equal(a.described[0], hint, `${key} hint`);
	if (err) {
		assert.equal(a.attrs['aria-invalid'], 'true', `${key} aria-invalid`);
		assert.match(a.described[1], err, `${key} message`);
	} else
		assert.equal(a.attrs['aria-invalid'], undefined, `${key} not aria-invalid`);
}

test('the company and VAT number hints describe their inputs, on the new and the edit form', async () => {
	const r = await staff.get('/occupiers/new');
	assertHtml(r, 200, 'new form');
	assertDescribed(r.body, 'company_no', 'e.g. 01234567 or SC123456', null);
	assertDescribed(r.body, 'vat_number', 'GB and 9 or 12 digits, or an EU prefix, e.g. GB123456789', null);
	const id = await create(staff, full(`Hints ${rnd()}`));
	const e = await staff.get(`/occupiers/${id}/edit`);
	assertHtml(e, 200, 'edit form');
	assertDescribed(e.body, 'company_no', 'e.g. 01234567 or SC123456', null);
	assertDescribed(e.body, 'vat_number', 'GB and 9 or 12 digits, or an EU prefix, e.g. GB123456789', null);
});

test('a bad VAT number, company number or contact e-mail is refused by its field, input kept, nothing saved', async () => {
	const name = `Bad record ${rnd()}`;
	const f = { ...full(name), vat_number: 'GB12345', company_no: 'ABC', contact2_email: 'not-an-email',
		contact3_name: 'Carla', contact3_email: '' };
	await staff.get('/occupiers/new');
	const r = await staff.post('/occupiers/new', f);
	assertHtml(r, 422, 'refused');
	assert.match(r.body, /<p class="err" id="e-vat_number">VAT number must be GB and 9 or 12 digits/);
	assert.match(r.body, /<p class="err" id="e-company_no">Company number must be 2 to 12 letters or digits/);
	assert.match(r.body, /<p class="err" id="e-contact2_email">E-mail of billing contact 2 /);
	assert.match(r.body, /<p class="err" id="e-contact3_email">E-mail of billing contact 3 is required: Carla has a name/);
	assert.equal(inputValue(r.body, 'vat_number'), 'GB12345', 'input kept');
	// Each described by its hint and its message.
	assertDescribed(r.body, 'company_no', 'e.g. 01234567 or SC123456', /^Company number must be 2 to 12 letters or digits/);
	assertDescribed(r.body, 'vat_number', 'GB and 9 or 12 digits, or an EU prefix, e.g. GB123456789',
		/^VAT number must be GB and 9 or 12 digits/);
	assert.equal(inputValue(r.body, 'contact2_email'), 'not-an-email');
	assert.equal(inputValue(r.body, 'name'), name);
	assert.equal(dbValue(`SELECT COUNT(*) FROM occupier WHERE name = ${q(name)}`), '0', 'nothing saved');
	// An unknown country prefix, with the name missing too: every message at once.
	const r2 = await staff.post('/occupiers/new', { ...full(''), vat_number: 'US123456789' });
	assertHtml(r2, 422, 'two errors');
	assert.match(r2.body, /id="e-name">Name is required/);
	assert.match(r2.body, /id="e-vat_number">VAT number must start with GB, XI or the prefix of an EU member state/);
	// On an edit too: the stored record stays.
	const id = await create(staff, full(`Edit bad ${rnd()}`));
	const r3 = await staff.post(`/occupiers/${id}/edit`, { ...full('x'), vat_number: 'FR1', version: '1' });
	assertHtml(r3, 422, 'bad VAT on edit');
	assert.equal(inputValue(r3.body, 'vat_number'), 'FR1');
	assertDescribed(r3.body, 'vat_number', 'GB and 9 or 12 digits, or an EU prefix, e.g. GB123456789', /^VAT number /);
	assertDescribed(r3.body, 'company_no', 'e.g. 01234567 or SC123456', null);
	assert.equal(dbValue(`SELECT CONCAT(vat_number, '/', version) FROM occupier WHERE id = ${id}`), 'GB123456789/1');
});

test('contract terms: saved, shown on the Contracts tab and the form, refused when malformed, audited', async () => {
	const id = await create(staff, full(`Terms ${rnd()}`));
	const ref = `TRM-${rnd()}`;
	await staff.get(`/occupiers/${id}/sites/${cw}/contracts/new`);
	const bad = await staff.post(`/occupiers/${id}/sites/${cw}/contracts/new`, {
		reference: ref, start_date: TODAY, end_date: '', value: '12.345', notice_months: '99', deposit: '-5', version: '0' });
	assertHtml(bad, 422, 'bad terms');
	assert.match(bad.body, /id="e-value">/);
	assert.match(bad.body, /id="e-notice_months">/);
	assert.match(bad.body, /id="e-deposit">/);
	assert.equal(inputValue(bad.body, 'value'), '12.345', 'input kept');
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE reference = ${q(ref)}`), '0');
	const r = await staff.post(`/occupiers/${id}/sites/${cw}/contracts/new`, {
		reference: ref, start_date: TODAY, end_date: '', value: '1,250.50', notice_months: '3', deposit: '2500',
		version: '0' });
	assertRedirect(r, `/occupiers/${id}/sites/${cw}/contracts?done=created`, 'saved');
	const cid = dbValue(`SELECT id FROM contract WHERE reference = ${q(ref)}`);
	assert.deepEqual(db(`SELECT value_minor, notice_months, deposit_minor FROM contract WHERE id = ${cid}`)[0],
		['125050', '3', '250000']);
	const tab = await staff.get(`/occupiers/${id}/sites/${cw}/contracts`);
	const row = tableRows(tab.body).find((x) => x[0] === ref);
	assert.equal(row[4], "1,250.50 a month, 3 months' notice, deposit 2,500.00");
	const form = await staff.get(`/occupiers/${id}/contracts/${cid}/edit`);
	assert.equal(inputValue(form.body, 'value'), '1250.50');
	assert.equal(inputValue(form.body, 'notice_months'), '3');
	assert.equal(inputValue(form.body, 'deposit'), '2500.00');
	const e = await staff.post(`/occupiers/${id}/contracts/${cid}/edit`, {
		reference: ref, start_date: TODAY, end_date: '', value: '1300', notice_months: '1', deposit: '2500', version: '1' });
	assertRedirect(e, `/occupiers/${id}/sites/${cw}/contracts?done=saved`, 'edit terms');
	const audit = db(`SELECT action, old_value, new_value FROM audit_event WHERE entity = 'contract'
		AND entity_id = ${cid} ORDER BY id`);
	assert.deepEqual(audit.map((a) => a[0]), ['create', 'terms', 'update', 'terms']);
	assert.deepEqual(audit[3].slice(1), ['value=1250.50\nnotice_months=3\ndeposit=2500.00',
		'value=1300.00\nnotice_months=1\ndeposit=2500.00']);
});

test('move-in: New occupier → site and contract → Manage services of that site, each step saved', async () => {
	const name = `Move-in ${rnd()}`;
	const form = await staff.get('/occupiers/new');
	assertHtml(form, 200, 'step 1');
	assert.match(form.body, /<ol class="steps"[^>]*><li aria-current="step">1 Occupier<\/li>/);
	const id = await create(staff, full(name));
	const r = await staff.get(`/occupiers/${id}`);	// with the create's flash
	assertRedirect(r, `/occupiers/${id}/move-in?done=moving_in`, 'a new occupier goes on to step 2');
	const s2 = await staff.get(r.location);
	assertHtml(s2, 200, 'step 2');
	assert.match(s2.body, /<li aria-current="step">2 Site and contract<\/li>/);
	assert.match(s2.body, new RegExp(`<p class="flash" role="status">${name} created\\.`));
	assert.equal(inputValue(s2.body, 'start_date'), TODAY, 'starts today unless changed');
	assert.match(s2.body, new RegExp(`<option value="${cw}">Canary Wharf</option>`));
	assert.match(s2.body, new RegExp(`href="/occupiers/${id}/edit\\?movein=1">Back</a>`));
	// Back: step 1 again, as an edit of the occupier just created; its save comes back to step 2.
	const back = await staff.get(`/occupiers/${id}/edit?movein=1`);
	assertHtml(back, 200, 'back to step 1');
	assert.match(back.body, /<li aria-current="step">1 Occupier<\/li>/);
	assert.equal(inputValue(back.body, 'movein'), '1');
	const resave = await staff.post(`/occupiers/${id}/edit`, { ...full(`${name} Ltd`), movein: '1', version: '1' });
	assertRedirect(resave, `/occupiers/${id}/move-in`, 'step 1 saved again → step 2');
	assert.equal(dbValue(`SELECT name FROM occupier WHERE id = ${id}`), `${name} Ltd`);
	assert.match(s2.body, new RegExp(`href="/occupiers/${id}">Skip: no contract yet</a>`));
	// Refused: no site, no reference; input kept, nothing saved.
	const bad = await staff.post(`/occupiers/${id}/move-in`, { site: '', reference: '', start_date: TODAY,
		value: '900', version: '0' });
	assertHtml(bad, 422, 'step 2 refused');
	assert.match(bad.body, /id="e-site">Site is required/);
	assert.match(bad.body, /id="e-reference">Reference is required/);
	assert.equal(inputValue(bad.body, 'value'), '900');
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${id}`), '0');
	// Another operator's site is not one of ours.
	const east = dbValue(`SELECT s.id FROM site s JOIN operator o ON o.id = s.operator_id
		WHERE o.name <> 'Northwind Workspaces' LIMIT 1`);
	const foreign = await staff.post(`/occupiers/${id}/move-in`, { site: east, reference: `MV-${rnd()}`,
		start_date: TODAY, version: '0' });
	assertHtml(foreign, 422, 'foreign site');
	assert.match(foreign.body, /id="e-site">Site is not one of your sites/);
	const ref = `MV-${rnd()}`;
	const ok = await staff.post(`/occupiers/${id}/move-in`, { site: String(cw), reference: ref, start_date: TODAY,
		end_date: '', value: '800', notice_months: '2', deposit: '1600', version: '0' });
	assertRedirect(ok, `/occupiers/${id}/sites/${cw}/services/manage?movein=1`, 'step 3: Manage services there');
	assert.deepEqual(db(`SELECT site_id, value_minor, notice_months, deposit_minor FROM contract
		WHERE occupier_id = ${id}`), [[String(cw), '80000', '2', '160000']]);
	const s3 = await staff.get(ok.location);
	assertHtml(s3, 200, 'step 3');
	assert.match(s3.body, /<li aria-current="step">3 Services<\/li>/);
	assert.doesNotMatch(s3.body, /has no current contract at this site/, 'the contract is there');
	// The occupier page of an occupier with a contract opens its site.
	const again = await staff.get(`/occupiers/${id}`);
	assertRedirect(again, `/occupiers/${id}/sites/${cw}/services`, 'has a contract now');
});

test('move-in: another operator\'s occupier is not found; occupier roles are refused', async () => {
	const east = await signedIn(EASTWIND_ADMIN);
	const id = await create(staff, full(`Iso ${rnd()}`));
	const r = await east.get(`/occupiers/${id}/move-in`);
	assert.equal(r.status, 404);
	await east.get('/occupiers/new');
	const p = await east.post(`/occupiers/${id}/move-in`, { site: '1', reference: `X-${rnd()}`, start_date: TODAY,
		version: '0' });
	assert.equal(p.status, 404);
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE occupier_id = ${id}`), '0');
	const occ = await signedIn(OCC_ADMIN);
	const o = await occ.get(`/occupiers/${id}/move-in`);
	assert.ok(o.status === 403 || o.status === 404, `occupier admin: ${o.status}`);
});
