// api-docs.test.mjs: the API reference page for an operator's developers,
// drawn on the server from the very document /api/v1/openapi.json serves:
// every endpoint of the document with its parameters and answers, every
// schema, every link to a schema landing on the page, nothing loaded from
// elsewhere; operator roles only.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, OCC_ADMIN, ROOT, STAFF, Client, assertHtml, assertSecurityHeaders, decode, signedIn } from './lib.mjs';

let admin, staff, occ;
const doc = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'openapi.json'), 'utf8'));

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	occ = await signedIn(OCC_ADMIN);
});

test('every endpoint and every schema of the OpenAPI document is on the page', async () => {
	const r = await admin.get('/settings/api-docs');
	assertHtml(r, 200, 'API reference');
	assertSecurityHeaders(r, 'API reference');
	const body = decode(r.body);
	assert.match(body, new RegExp(`<h1>${doc.info.title} <small>${doc.info.version}</small></h1>`));
	let ops = 0;
	for (const [p, item] of Object.entries(doc.paths))
		for (const [method, op] of Object.entries(item)) {
			if (!op.responses)
				continue;
			ops++;
			const head = `<h2 id="${op.operationId}-h"><code>${method.toUpperCase()} ${p}</code></h2>`;
			assert.ok(body.includes(head), `${method} ${p}`);
			assert.ok(body.includes(`<a href="#${op.operationId}"><code>${method.toUpperCase()} ${p}</code></a>`),
				`${method} ${p} in the contents`);
			const section = body.slice(body.indexOf(head), body.indexOf('</section>', body.indexOf(head)));
			const deref = (x) => (x.$ref ? doc.components.parameters[x.$ref.split('/').pop()] : x);
			for (const prm of (op.parameters || []).map(deref))
				assert.ok(section.includes(`<code>${prm.name}</code>`), `${method} ${p}: parameter ${prm.name}`);
			for (const status of Object.keys(op.responses))
				assert.ok(section.includes(`<td data-label="Status"><code>${status}</code></td>`),
					`${method} ${p}: answer ${status}`);
			if (op.requestBody)
				assert.match(section, /<h3>Body<\/h3>/, `${method} ${p}: its body`);
		}
	assert.ok(ops >= 5, `${ops} operations`);
	for (const [name, schema] of Object.entries(doc.components.schemas)) {
		assert.ok(body.includes(`<h3 id="schema-${name}-h">${name}</h3>`), `schema ${name}`);
		for (const prop of Object.keys(schema.properties || {}))
			assert.ok(body.includes(`<code>${prop}</code>`), `schema ${name}: ${prop}`);
	}
	// Every link to a schema lands on the page.
	const targets = [...body.matchAll(/href="#(schema-[^"]+)"/g)].map((m) => m[1]);
	assert.ok(targets.length > 5, 'schemas are linked');
	for (const t of new Set(targets))
		assert.ok(body.includes(`id="${t}"`), `${t} exists`);
	// Drawn here: no script, stylesheet or image from anywhere else.
	assert.doesNotMatch(r.body, /<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
	// A property's constraints are spelled out (the occupiers' page size).
	assert.match(body, /<code>limit<\/code><\/td><td data-label="In">query<\/td><td data-label="Type">integer<\/td><td data-label="Required">no<\/td><td data-label="Notes">minimum 1; maximum 200; default 50<\/td>/);
});

test('the keys page links to it; staff read it; occupiers and strangers do not', async () => {
	assert.match((await admin.get('/settings/api-keys')).body, /<a class="button" href="\/settings\/api-docs">API reference<\/a>/);
	assertHtml(await staff.get('/settings/api-docs'), 200, 'staff');
	const o = await occ.get('/settings/api-docs');
	assert.ok([403, 404].includes(o.status), `occupier: ${o.status}`);
	assert.doesNotMatch(o.body, /listOccupiers/);
	const anon = await new Client('anon').get('/settings/api-docs');
	assert.equal(anon.status, 303);
	assert.match(anon.headers.get('location') || '', /^\/login/);
});
