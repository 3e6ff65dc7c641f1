// api-usage.test.mjs: GET /api/v1/occupiers/{id}/sites/{site}/usage — an
// occupier's month of usage through the API is the one its Usage tab
// shows (every line's label, detail and amount, and the total); a bad
// month is 400; another operator's key, or another site's, gets 404;
// every response matches templates/openapi.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, signedIn, db, siteId, money, text } from './lib.mjs';
import { api, assertProblem, makeKey, checkSeen } from './api-lib.mjs';

/* Minor units of "£1,234.50". */
const minor = (s) => Math.round(Number(money(s).replace(/,/g, '')) * 100);

test('the month of the occupier with the most rated calls, as its Usage tab shows it', async () => {
	const admin = await signedIn(ADMIN);
	const key = await makeKey(admin, { scope: 'read' });
	const east = await makeKey(await signedIn(EASTWIND_ADMIN), { scope: 'read' });
	const [occ, site, month] = db(`SELECT c.occupier_id, c.site_id, DATE_FORMAT(FROM_UNIXTIME(c.started), '%Y-%m') m
		FROM usage_call c JOIN occupier o ON o.id = c.occupier_id JOIN operator op ON op.id = o.operator_id
		WHERE op.name = 'Northwind Workspaces' AND c.kind = 0 AND c.amount > 0
		GROUP BY c.occupier_id, c.site_id, m ORDER BY COUNT(*) DESC, c.occupier_id LIMIT 1`)[0];
	const p = `/api/v1/occupiers/${occ}/sites/${site}/usage`;
	const r = await api('GET', `${p}?month=${month}`, { key: key.key });
	assert.equal(r.status, 200, r.text);
	assert.ok(r.json.calls > 0 && r.json.lines.length > 0, 'the demo month has rated calls');
	assert.equal(r.json.total, r.json.lines.reduce((s, l) => s + l.amount, 0), 'the total is the lines\' sum');
	const tab = await admin.get(`/occupiers/${occ}/sites/${site}/usage?month=${month}`);
	assert.equal(tab.status, 200);
	const table = /<table[^>]*>[\s\S]*?Usage charges for[\s\S]*?<\/table>/.exec(tab.body)[0];
	const rows = [...table.matchAll(/<tr><td data-label="Line">([\s\S]*?)<\/td><td data-label="Detail">([\s\S]*?)<\/td><td class="num" data-label="Amount">([\s\S]*?)<\/td><\/tr>/g)]
		.map((m) => [text(m[1]), text(m[2]), minor(text(m[3]))]);
	assert.deepEqual(r.json.lines.map((l) => [l.label, l.detail, l.amount]), rows, 'line for line');
	const total = /Usage charges for [^£]*(£[0-9,.]+)$/.exec(text(table));
	assert.ok(total, 'the tab\'s total');
	assert.equal(minor(total[1]), r.json.total);

	assertProblem(await api('GET', p, { key: key.key }), 400, 'bad-request', 'no month');
	assertProblem(await api('GET', `${p}?month=2026-13`, { key: key.key }), 400, 'bad-request', 'month 13');
	assertProblem(await api('GET', `${p}?month=${month}`, { key: east.key }), 404, 'not-found', 'another operator');
	const other = siteId(Number(site) === siteId('Canary Wharf') ? 'Shoreditch' : 'Canary Wharf');
	const siteKey = await makeKey(admin, { scope: 'read', site: String(other) });
	assertProblem(await api('GET', `${p}?month=${month}`, { key: siteKey.key }), 404, 'not-found', 'another site\'s key');
	assert.ok(checkSeen() >= 5);
});
