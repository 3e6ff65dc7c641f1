// Security headers, set centrally on every response (STYLE 10): a CSP
// without inline script and with frame-ancestors 'none', nosniff and a
// Referrer-Policy; and pages that keep to their own CSP (no inline script,
// no inline event handlers, no inline styles).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	Client, ADMIN, OCC_ADMIN, assertHtml, assertSecurityHeaders, cspDirectives, occupierId, rnd,
	signedIn, siteId,
} from './lib.mjs';

let admin, occ, pages = [];

/* Nothing in the page that its CSP would block. */
function assertNoInline(r, what) {
	const b = r.body;
	for (const m of b.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		assert.match(m[1], /\bsrc="\/static\/[^"]+"/, `${what}: a <script> without a same-origin src`);
		assert.equal(m[2].trim(), '', `${what}: inline script body`);
	}
	assert.doesNotMatch(b, /<[^>]+\son[a-z]+\s*=/i, `${what}: inline event handler attribute`);
	assert.doesNotMatch(b, /<[^>]+\sstyle\s*=/i, `${what}: inline style attribute (style-src 'self')`);
	assert.doesNotMatch(b, /<style\b/i, `${what}: <style> element (style-src 'self')`);
	assert.doesNotMatch(b, /href\s*=\s*"javascript:/i, `${what}: javascript: URL`);
}

before(async () => {
	admin = await signedIn(ADMIN);
	occ = await signedIn(OCC_ADMIN);
	const acme = occupierId('Acme Analytics Ltd');
	const cw = siteId('Canary Wharf');
	const anon = new Client();
	await admin.get('/occupiers/new');
	const csrf = admin.csrf;
	const add = async (what, status, r) => pages.push({ what, status, r });
	await add('GET /login', 200, await anon.get('/login'));
	await add('POST /login wrong password', 401, await anon.login(`nobody-${rnd()}@test.example`, 'x-password'));
	await add('POST /login empty', 422, await anon.login('', ''));
	await add('GET /occupiers', 200, await admin.get('/occupiers'));
	await add('GET /occupiers/new', 200, await admin.get('/occupiers/new'));
	await add('GET /occupiers/ID/edit', 200, await admin.get(`/occupiers/${acme}/edit`));
	await add('GET contracts', 200, await admin.get(`/occupiers/${acme}/sites/${cw}/contracts`));
	await add('GET contract new', 200, await admin.get(`/occupiers/${acme}/sites/${cw}/contracts/new`));
	await add('GET /sites', 200, await admin.get('/sites'));
	await add('GET /sites/ID', 200, await admin.get(`/sites/${cw}`));
	await add('404', 404, await admin.get('/nope'));
	await add('404 anonymous', 404, await anon.get('/nope'));
	await add('405 POST /occupiers', 405, await admin.post('/occupiers', {}));
	await add('405 GET /logout', 405, await admin.get('/logout'));
	await add('403 CSRF', 403, await admin.post('/occupiers/new', { name: 'x' }, { csrf: 'f'.repeat(64) }));
	await add('403 role', 403, await occ.get('/occupiers'));
	await add('400 malformed form', 400, await admin.post('/occupiers/new', `csrf=${csrf}&name=%zz`));
	await add('400 long search', 400, await admin.get(`/occupiers?q=${'x'.repeat(300)}`));
	await add('422 name too long', 422, await admin.post('/occupiers/new', { name: 'x'.repeat(201) }, { csrf }));
	await add('occupier self-service', 200, await occ.follow('/'));
});

test('every HTML response carries the security headers', () => {
	assert.ok(pages.length >= 20);
	for (const { what, status, r } of pages) {
		assertHtml(r, status, what);
		assertSecurityHeaders(r, what);
	}
});

test('application responses: one CSP everywhere, explicit script-src \'self\', X-Frame-Options DENY, no-store', () => {
	const csp = pages[0].r.headers.get('content-security-policy');
	for (const { what, r } of pages) {
		assert.equal(r.headers.get('content-security-policy'), csp, `${what}: same CSP as /login`);
		assert.equal(r.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
		assert.equal(r.headers.get('cache-control'), 'no-store', `${what}: Cache-Control`);
	}
	const d = cspDirectives(csp);
	assert.deepEqual(d['script-src'], ["'self'"]);
	assert.deepEqual(d['frame-ancestors'], ["'none'"]);
	assert.deepEqual(d['object-src'], ["'none'"]);
	assert.deepEqual(d['base-uri'], ["'none'"]);
	assert.deepEqual(d['form-action'], ["'self'"]);
});

test('pages keep to their CSP: no inline script, handlers or styles', () => {
	for (const { what, r } of pages)
		assertNoInline(r, what);
});

test('redirects and plain-text answers carry the headers too', async () => {
	const r303 = await new Client().get('/occupiers');
	assert.equal(r303.status, 303);
	assertSecurityHeaders(r303, '303 to /login');
	const r303b = await admin.get('/');
	assert.equal(r303b.status, 303);
	assertSecurityHeaders(r303b, '303 / → /occupiers');
	const h = await new Client().get('/healthz');
	assert.equal(h.status, 200);
	assertSecurityHeaders(h, '/healthz');
});

test('413 from nginx (body over 1 MiB): an HTML page with the security headers', async () => {
	const r = await admin.post('/occupiers/new', `csrf=${admin.csrf}&notes=${'a'.repeat(1024 * 1024 + 1)}`);
	assert.equal(r.status, 413);
	assert.match(r.type, /^text\/html/);
	assert.match(r.body, /^<!doctype html>/i);
	assertSecurityHeaders(r, '413');
	assertNoInline(r, '413');
});

test('static files: nosniff, the CSP and a correct type', async () => {
	const css = await new Client().get('/static/app.css');
	assert.equal(css.status, 200);
	assert.match(css.type, /^text\/css/);
	assertSecurityHeaders(css, '/static/app.css');
	const js = await new Client().get('/static/app.js');
	assert.equal(js.status, 200);
	assert.match(js.type, /javascript/);
	assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
});
