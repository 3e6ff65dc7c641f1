// Bad input: unknown path 404, wrong method 405, body over 1 MiB
// 413, malformed form encoding 400 naming the field, a field over its cap
// 422 with the form again, awkward names stored verbatim and shown escaped.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, ADMIN, assertHtml, assertRedirect, db, dbValue, inputValue, occupierId, q, rnd, signedIn,
	textareaValue, titleOf,
} from './lib.mjs';

let c;

function occupierCount() {
	return Number(dbValue('SELECT COUNT(*) FROM occupier'));
}

before(async () => {
	c = await signedIn(ADMIN);
	await c.get('/occupiers/new');
});

test('unknown path → 404 HTML page mentioning "Not Found" (signed in and signed out)', async () => {
	for (const p of ['/nope', '/occupiers/abc', '/occupiers/0', '/occupiers/01', '/occupiers/1/',
		'/occupiers/1/sites/1/nope', '/sites/1/nope', '/static-nope', '/occupiers//1',
		'/occupiers/1234567890123456789']) {
		const r = await c.get(p);
		assertHtml(r, 404, p);
		assert.equal(titleOf(r.body), '404 Not Found · Tenantry', p);
		assert.match(r.text, /Not Found/);
		assert.match(r.text, /There is nothing here\./);
	}
	const anon = await new Client().get('/no/such/page');
	assertHtml(anon, 404, 'anonymous unknown path');
	assert.match(anon.text, /404 Not Found/);
});

test('an id that does not exist → 404', async () => {
	const big = Number(dbValue('SELECT MAX(id) FROM occupier')) + 1000;
	for (const p of [`/occupiers/${big}`, `/occupiers/${big}/edit`, `/sites/${big}`]) {
		const r = await c.get(p);
		assertHtml(r, 404, p);
	}
});

// GET addresses answer HEAD too (without a body), so Allow names it.
test('wrong method → 405 with Allow naming the methods the address takes', async () => {
	const cases = [
		['POST', '/occupiers', 'GET, HEAD'],
		['POST', '/sites', 'GET, HEAD'],
		['POST', '/healthz', 'GET, HEAD'],
		['GET', '/logout', 'POST'],
		['PUT', '/occupiers', 'GET, HEAD'],
		['DELETE', '/occupiers/1', 'GET, HEAD'],
		['PATCH', '/occupiers/1/edit', 'GET, HEAD, POST'],
		['PUT', '/login', 'GET, HEAD, POST'],
	];
	const wrong = [];
	for (const [m, p, allow] of cases) {
		const r = m === 'POST' ? await c.post(p, {}) : await c.request(m, p);
		assertHtml(r, 405, `${m} ${p}`);
		assert.match(r.text, /405 Method Not Allowed/);
		const got = (r.headers.get('allow') || '').split(/\s*,\s*/).sort().join(', ');
		if (got !== allow)
			wrong.push(`${m} ${p}: Allow "${got}", expected "${allow}"`);
	}
	assert.deepEqual(wrong, [], 'every 405 names the allowed methods');
});

test('an unknown path with an unknown method is still 404 (the path is checked first)', async () => {
	const r = await c.request('PUT', '/no/such/page');
	assertHtml(r, 404, 'PUT /no/such/page');
});

test('a body over 1 MiB → 413, nothing created', async () => {
	const before_ = occupierCount();
	const name = `Huge ${rnd()}`;
	const body = `csrf=${c.csrf}&name=${encodeURIComponent(name)}&version=0&notes=${'a'.repeat(1024 * 1024)}`;
	const r = await c.post('/occupiers/new', body);
	assert.equal(r.status, 413, `status ${r.status}`);
	assert.match(r.type, /^text\/html/);
	assert.match(r.text, /413/);
	assert.match(r.text, /too large/i);
	assert.equal(occupierCount(), before_);
	// Exactly 1 MiB is allowed through to the form validator (notes cap: 4000 bytes → 422).
	const pad = 1024 * 1024 - `csrf=${c.csrf}&name=x&version=0&notes=`.length;
	const atLimit = await c.post('/occupiers/new', `csrf=${c.csrf}&name=x&version=0&notes=${'b'.repeat(pad)}`);
	assertHtml(atLimit, 422, 'a body of exactly 1 MiB');
	assert.match(atLimit.text, /Notes are too long \(at most 4000 bytes; you entered \d+\)/);
	assert.equal(occupierCount(), before_);
});

test('a page that answers before reading a large body (bad path → 400) answers every time, never 502', async () => {
	// The worker closes a unix-socket connection without libfcgi's wait
	// for the web server only once it has read the whole request; closing
	// with a body still coming makes nginx fail mid-send (502).
	const body = `csrf=${c.csrf}&notes=${'a'.repeat(900 * 1024)}`;
	for (let i = 0; i < 12; i++) {
		const r = await c.post('/%ff', body);
		assertHtml(r, 400, `POST /%ff with a 900 KiB body, try ${i + 1}`);
	}
	const r = await c.get('/occupiers/new');
	assertHtml(r, 200, 'the next page');
});

test('malformed form encoding → 400 with a fixed message that echoes nothing sent, nothing created', async () => {
	const before_ = occupierCount();
	const cases = [
		`name=%zz&version=0`,
		`name=ok&notes=100%&version=0`,
		`name=%ff%fe&version=0`,		// not UTF-8
		`name=a%00b&version=0`,		// NUL byte
		`billing_ref=%C3%28&name=x`,	// bad UTF-8 sequence
		`attacker-chosen-text%3Cb%3E=%zz`,	// a key of the attacker's choosing
	];
	for (const body of cases) {
		const r = await c.post('/occupiers/new', `csrf=${c.csrf}&${body}`);
		assertHtml(r, 400, body);
		assert.match(r.text, /400 Bad Request/);
		assert.ok(r.text.includes('A form field could not be read: it is not correctly encoded. Nothing was saved.'),
			`${body}: the fixed message: ${r.text}`);
		assert.ok(!/attacker-chosen|billing_ref|notes/.test(r.body), `${body}: nothing of the request echoed`);
	}
	assert.equal(occupierCount(), before_);
	// A form that is not url-encoded at all.
	const mp = await c.request('POST', '/occupiers/new', {
		body: `csrf=${c.csrf}&name=x`, contentType: 'text/plain' });
	assertHtml(mp, 400, 'text/plain body');
	assert.equal(occupierCount(), before_);
});

test('a field over its cap (name of 201 bytes) → 422, "Name is too long", input kept', async () => {
	const before_ = occupierCount();
	const name = 'N'.repeat(195) + rnd(3);	// 201 bytes
	assert.equal(Buffer.byteLength(name), 201);
	const r = await c.post('/occupiers/new', { name, billing_ref: 'CAP-1', version: '0' });
	assertHtml(r, 422, 'name 201 bytes');
	assert.match(r.text, /Name is too long \(at most 200 bytes; you entered 201\)/);
	assert.equal(inputValue(r.body, 'name'), name, 'the typed name is kept');
	assert.equal(inputValue(r.body, 'billing_ref'), 'CAP-1', 'other fields kept');
	assert.match(r.body, /<input id="f-name"[^>]*aria-invalid="true"/, 'field marked invalid');
	assert.equal(occupierCount(), before_);
	// Bytes, not characters: 67 × "€" (3 bytes) = 201 bytes.
	const euro = '€'.repeat(67);
	const r2 = await c.post('/occupiers/new', { name: euro, version: '0' });
	assertHtml(r2, 422, 'name of 67 euro signs');
	assert.match(r2.text, /Name is too long \(at most 200 bytes; you entered 201\)/);
	assert.equal(inputValue(r2.body, 'name'), euro);
	// 200 bytes is fine.
	const ok = 'M'.repeat(188) + rnd(6);
	const r3 = await c.post('/occupiers/new', { name: ok, version: '0' });
	assertRedirect(r3, /^\/occupiers\/\d+\?done=created$/, 'name of 200 bytes');
	assert.equal(dbValue(`SELECT name FROM occupier WHERE name = ${q(ok)}`), ok);
});

test('required name: empty and blank names → 422 "Name is required", nothing created', async () => {
	const before_ = occupierCount();
	for (const name of ['', '   ']) {
		const r = await c.post('/occupiers/new', { name, billing_ref: 'REQ', version: '0' });
		assertHtml(r, 422, `name "${name}"`);
		assert.match(r.text, /Name is required/);
		assert.equal(inputValue(r.body, 'billing_ref'), 'REQ');
	}
	const bad = await c.post('/occupiers/new', { name: `Email ${rnd()}`, contact_email: 'not-an-email', version: '0' });
	assertHtml(bad, 422, 'bad email');
	assert.match(bad.text, /Billing contact email must be an email address/);
	const ctl = await c.post('/occupiers/new', { name: `Tab\there ${rnd()}`, version: '0' });
	assertHtml(ctl, 422, 'control character in a one-line field');
	assert.match(ctl.text, /Name must be a single line of text/);
	assert.equal(occupierCount(), before_);
});

test('awkward names are stored verbatim and rendered escaped', async () => {
	const sfx = rnd(4);
	const names = [
		`<script>alert(1)</script> ${sfx}`,
		`O'Brien; DROP TABLE occupier;-- ${sfx}`,
		`"Quotes" & <b>bold</b> ${sfx}`,
		`Ünïcødé 🚀 ${sfx}`,
	];
	for (const name of names) {
		const r = await c.post('/occupiers/new', { name, version: '0' });
		assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, name);
		const id = Number(r.location.match(/\/occupiers\/(\d+)/)[1]);
		assert.equal(dbValue(`SELECT name FROM occupier WHERE id = ${id}`), name, 'stored verbatim');
		const page = await c.follow(r.location);
		assertHtml(page, 200, 'occupier page');
		assert.ok(page.text.includes(name), 'shown as text');
		const edit = await c.get(`/occupiers/${id}/edit`);
		assert.equal(inputValue(edit.body, 'name'), name, 'round-trips through the edit form');
		for (const body of [page.body, edit.body]) {
			assert.ok(!body.includes('<script>alert(1)</script>'), 'raw <script> never in the page');
			assert.ok(!body.includes('<b>bold</b>'), 'raw <b> never in the page');
		}
	}
	const s = await c.get(`/occupiers?q=${encodeURIComponent(sfx)}`);
	assertHtml(s, 200, 'search for the awkward names');
	assert.ok(s.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped <script> in the list');
	assert.ok(!s.body.includes('<script>alert'), 'no raw <script> in the list');
	assert.ok(s.body.includes('O&#39;Brien; DROP TABLE occupier;--'), "escaped O'Brien in the list");
	assert.match(s.text, /4 occupiers/);
	// The occupier table is intact.
	assert.ok(Number(dbValue('SELECT COUNT(*) FROM occupier')) >= 30);
	assert.ok(occupierId('Acme Analytics Ltd') > 0);
	// The search box echoes the query escaped.
	const echo = await c.get(`/occupiers?q=${encodeURIComponent('"><script>x</script>')}`);
	assertHtml(echo, 200, 'search echo');
	assert.ok(!echo.body.includes('<script>x</script>'));
	assert.equal(inputValue(echo.body, 'q'), '"><script>x</script>');
});

test('multi-line notes survive the edit form unchanged', async () => {
	const name = `Notes ${rnd()}`;
	const notes = 'Line one\nLine two\n\tindented & <tagged>';
	const r = await c.post('/occupiers/new', { name, notes, version: '0' });
	assertRedirect(r, /^\/occupiers\/\d+\?done=created$/, 'create with notes');
	const id = Number(r.location.match(/\/occupiers\/(\d+)/)[1]);
	assert.equal(dbValue(`SELECT notes FROM occupier WHERE id = ${id}`), notes, 'stored verbatim');
	const edit = await c.get(`/occupiers/${id}/edit`);
	assertHtml(edit, 200, 'edit form');
	assert.equal(textareaValue(edit.body, 'notes'), notes, 'the textarea holds the notes as stored');
});

test('a search text over 200 bytes → 400', async () => {
	const r = await c.get(`/occupiers?q=${'x'.repeat(201)}`);
	assertHtml(r, 400, 'long search');
	assert.match(r.text, /The search text is too long/);
	assertHtml(await c.get(`/occupiers?q=${'x'.repeat(200)}`), 200, 'search of 200 bytes');
});

test('nothing is half-saved: a rejected edit leaves the row and its version untouched', async () => {
	const name = `Half ${rnd()}`;
	const r = await c.post('/occupiers/new', { name, billing_ref: 'H-1', version: '0' });
	const id = Number(r.location.match(/\/occupiers\/(\d+)/)[1]);
	const before_ = db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${id}`)[0];
	const audits = dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id}`);
	const bad = await c.post(`/occupiers/${id}/edit`, {
		name: 'Changed', billing_ref: 'B'.repeat(65), version: before_[3] });
	assertHtml(bad, 422, 'billing_ref over its cap');
	assert.match(bad.text, /Billing reference is too long \(at most 64 bytes; you entered 65\)/);
	assert.deepEqual(db(`SELECT name, billing_ref, notes, version FROM occupier WHERE id = ${id}`)[0], before_);
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'occupier' AND entity_id = ${id}`),
		audits, 'no audit event for a refused save');
});
