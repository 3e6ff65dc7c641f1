// api-lib.mjs: what the API tests share (tests/http/api*.test.mjs): calls
// that remember every response, problem checks, keys made on the settings
// page, and a validator for the subset of JSON Schema templates/openapi.json
// uses, to check every response a test file received against its schema.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, ROOT, dbValue, q, rnd } from './lib.mjs';

export const openapi = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'openapi.json'), 'utf8'));
export const seen = [];	// [method, template, status, body, type, path] of every API response

export function resolve(s) {
	while (s && s.$ref) {
		const parts = s.$ref.replace(/^#\//, '').split('/');
		s = parts.reduce((o, k) => o[k], openapi);
	}
	return s;
}

export function validate(schema, v, at = '$') {
	const s = resolve(schema);
	const errs = [];
	if (s.type) {
		const types = Array.isArray(s.type) ? s.type : [s.type];
		const t = v === null ? 'null' : Array.isArray(v) ? 'array' :
			Number.isInteger(v) ? 'integer' : typeof v;
		if (!types.includes(t) && !(t === 'integer' && types.includes('number')))
			return [`${at}: ${JSON.stringify(v)} is not ${types.join('|')}`];
	}
	if (typeof v === 'string') {
		if (s.maxLength !== undefined && [...v].length > s.maxLength)
			errs.push(`${at}: longer than ${s.maxLength}`);
		if (s.pattern && !new RegExp(s.pattern, 'u').test(v))
			errs.push(`${at}: does not match ${s.pattern}`);
	}
	if (typeof v === 'number') {
		if (s.minimum !== undefined && v < s.minimum) errs.push(`${at}: < ${s.minimum}`);
		if (s.maximum !== undefined && v > s.maximum) errs.push(`${at}: > ${s.maximum}`);
	}
	if (Array.isArray(v) && s.items)
		v.forEach((x, i) => errs.push(...validate(s.items, x, `${at}[${i}]`)));
	if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
		for (const k of s.required || [])
			if (!(k in v)) errs.push(`${at}: ${k} is missing`);
		for (const [k, x] of Object.entries(v)) {
			if (s.properties && s.properties[k])
				errs.push(...validate(s.properties[k], x, `${at}.${k}`));
			else if (s.additionalProperties === false)
				errs.push(`${at}: ${k} is not allowed`);
		}
	}
	return errs;
}

/* The route table's API section: [method, OpenAPI path] pairs. */
export function routeTable() {
	const src = fs.readFileSync(path.join(ROOT, 'app', 'front.c'), 'utf8');
	const sect = src.slice(src.indexOf('api_routes[] = {'), src.indexOf('};', src.indexOf('api_routes[] = {')));
	const names = { MG: 'get', MP: 'post', MU: 'put', MA: 'patch' };
	const out = [];
	for (const m of sect.matchAll(/\{\s*([A-Z| ]+),\s*"([^"]+)"/g)) {
		// The first id is {id}; a later one is named by its collection
		// (sites/# {site}, numbers/# {number}, devices/# {device}).
		let i = 0;
		const p = m[2].replace(/([a-z-]+)\/#/g, (all, seg) => `${seg}/${i++ === 0 ? '{id}' : `{${seg.replace(/s$/, '')}}`}`);
		for (const f of m[1].split('|').map((x) => x.trim()))
			out.push(`${names[f]} ${p}`);
	}
	return out.sort();
}

/* The OpenAPI path template of a concrete path. */
export function templateOf(p) {
	const u = p.split('?')[0];
	for (const t of Object.keys(openapi.paths)) {
		const re = new RegExp('^' + t.replace(/\{[^}]+\}/g, '[0-9]+') + '$');
		if (re.test(u)) return t;
	}
	return null;
}

/* ---- calls ---- */

export async function api(method, p, { key, body, headers = {}, raw, type } = {}) {
	const h = { ...headers };
	if (key) h.authorization = `Bearer ${key}`;
	let b;
	if (raw !== undefined) { b = raw; h['content-type'] = type ?? 'application/json'; }
	else if (body !== undefined) { b = JSON.stringify(body); h['content-type'] = type ?? 'application/json'; }
	const res = await fetch(BASE_URL + p, { method, headers: h, body: b, redirect: 'manual' });
	const text = await res.text();
	let json = null;
	try { json = JSON.parse(text); } catch { /* not JSON */ }
	const r = { status: res.status, headers: res.headers, type: res.headers.get('content-type'), text, json };
	if (p.startsWith('/api/'))
		seen.push([method.toLowerCase(), templateOf(p), res.status, json, r.type, p]);
	return r;
}

export function assertProblem(r, status, type, what = '') {
	assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 300)}`);
	assert.equal(r.type, 'application/problem+json', what);
	assert.equal(r.json.status, status, what);
	assert.equal(r.json.type, `urn:tenantry:problem:${type}`, what);
	assert.ok(r.json.title.length > 0, what);
}

/* A key made on the HTML page by an operator admin: the key shown once. */
export async function makeKey(admin, { name = `k-${rnd()}`, scope = 'read', site = '' } = {}) {
	await admin.get('/settings/api-keys');
	const r = await admin.post('/settings/api-keys', { name, scope, site_id: site });
	assert.equal(r.status, 200, r.text.slice(0, 300));
	const m = r.body.match(/id="new-key-value">(tnt_[0-9a-f]{64})</);
	assert.ok(m, `the key is shown once: ${r.text.slice(0, 300)}`);
	return { key: m[1], id: Number(dbValue(`SELECT id FROM api_key WHERE name = ${q(name)}`)), name };
}

/* Every response in seen matched the schema of its path, method and
 * status; returns how many were checked. */
export function checkSeen() {
	let checked = 0;
	const bad = [];
	for (const [m, t, status, json, type, p] of seen) {
		if (t === null) continue;	// an unknown path (its 404 is a problem, checked above)
		const op = openapi.paths[t][m];
		if (!op) { assert.ok([405].includes(status), `${m} ${p}: undocumented method answered ${status}`); continue; }
		let resp = op.responses[String(status)];
		assert.ok(resp, `${m} ${t}: status ${status} is not documented`);
		resp = resolve(resp);
		const ct = Object.keys(resp.content || {})[0];
		assert.equal(type, ct, `${m} ${p} ${status}: content type`);
		const errs = validate(resp.content[ct].schema, json);
		if (errs.length) bad.push(`${m} ${p} ${status}: ${errs.join('; ')}`);
		checked++;
	}
	assert.deepEqual(bad, []);
	return checked;
}
