// webhooks-ipv6.test.mjs: IPv6 delegations raise webhook events. Delegating
// a prefix to an occupier queues "ipv6_delegation.created" (data: the
// delegation's id, occupier, site, prefix and pool) and releasing it
// "ipv6_delegation.released", each in the outbox (webhook_delivery) of
// every endpoint that asked for it, written in the same transaction as
// the change: a refused delegation queues nothing. The endpoint form
// offers both events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, assertHtml, assertRedirect, db, dbValue, q, signedIn, siteId } from './lib.mjs';

const URL = 'https://127.0.0.1:9/ipv6-events';
let admin, sd, cw, occ, occName, ep;

before(async () => {
	admin = await signedIn(ADMIN);
	sd = siteId('Shoreditch');
	cw = siteId('Canary Wharf');
	[occ, occName] = db(`SELECT o.id, o.name FROM occupier o WHERE EXISTS (SELECT 1 FROM contract c
		WHERE c.occupier_id = o.id AND c.site_id = ${sd}) ORDER BY o.id LIMIT 1`)[0];
});

after(() => {
	// Nothing more for this endpoint: later tests queue nothing for it.
	db(`UPDATE webhook_endpoint SET enabled = 0 WHERE url = ${q(URL)}`);
	db(`DELETE FROM ipv6_delegation WHERE pool_id IN (SELECT id FROM ipv6_pool WHERE delegation_len = 64
		AND HEX(prefix) LIKE '20010DB87700%')`);
	db(`DELETE FROM ipv6_pool WHERE HEX(prefix) LIKE '20010DB87700%' OR HEX(prefix) LIKE '20010DB87701%'`);
});

const queued = (type) => db(`SELECT payload FROM webhook_delivery WHERE endpoint_id = ${ep}
	AND event_type = ${q(type)} ORDER BY id`).map((x) => JSON.parse(x[0]));

test('the endpoint form offers the IPv6 delegation events', async () => {
	const g = await admin.get('/settings/webhooks');
	assertHtml(g, 200);
	for (const ev of ['ipv6_delegation.created', 'ipv6_delegation.released'])
		assert.match(g.body, new RegExp(`name="ev\\.${ev.replace('.', '\\.')}"`), ev);
	const r = await admin.post('/settings/webhooks', { op: 'save', url: URL, enabled: '1', allow_private: '1',
		'ev.ipv6_delegation.created': '1', 'ev.ipv6_delegation.released': '1' });
	assertHtml(r, 201, 'endpoint added');
	ep = Number(dbValue(`SELECT id FROM webhook_endpoint WHERE url = ${q(URL)}`));
	assert.equal(dbValue(`SELECT events FROM webhook_endpoint WHERE id = ${ep}`),
		'ipv6_delegation.created,ipv6_delegation.released');
});

test('a delegation and its release are queued for the endpoint, in the same transaction; a refusal queues nothing', async () => {
	for (const [site, prefix] of [[sd, '2001:db8:7700::/48'], [cw, '2001:db8:7701::/48']]) {
		const p = await admin.post(`/sites/${site}/ipv6/new`, { prefix, dlen: '64' });
		assert.equal(p.status, 303, p.text.slice(0, 300));
	}
	const pool = dbValue(`SELECT id FROM ipv6_pool WHERE site_id = ${sd} AND HEX(prefix) LIKE '20010DB87700%'`);
	const cwPool = dbValue(`SELECT id FROM ipv6_pool WHERE site_id = ${cw} AND HEX(prefix) LIKE '20010DB87701%'`);
	assert.equal(queued('ipv6_delegation.created').length, 0, 'a pool is no delegation');

	const r = await admin.post(`/sites/${sd}/ipv6/delegate`, { pool, occ: occName });
	assertRedirect(r, `/sites/${sd}/network?done=ipv_delegated`);
	const id = Number(dbValue(`SELECT id FROM ipv6_delegation WHERE pool_id = ${pool}`));
	const [ev, ...more] = queued('ipv6_delegation.created');
	assert.equal(more.length, 0, 'one event');
	assert.equal(ev.type, 'ipv6_delegation.created');
	assert.match(ev.id, /^evt_[0-9a-f]{32}$/);
	assert.equal(ev.data.id, id);
	assert.equal(ev.data.occupier_id, Number(occ));
	assert.equal(ev.data.site_id, sd);
	assert.equal(ev.data.prefix, '2001:db8:7700::/64');
	assert.equal(ev.data.pool, '2001:db8:7700::/48');

	// Refused (a pool of another site: 404): no delegation, no event.
	const before = Number(dbValue(`SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ${ep}`));
	assert.equal((await admin.post(`/sites/${sd}/ipv6/delegate`, { pool: cwPool, occ: occName })).status, 404);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ${ep}`)), before);

	const rel = await admin.post(`/sites/${sd}/ipv6/release`, { delegation: id, confirm: '1' });
	assertRedirect(rel, `/sites/${sd}/network?done=ipv_released`);
	const [gone, ...again] = queued('ipv6_delegation.released');
	assert.equal(again.length, 0, 'one event');
	assert.equal(gone.data.id, id);
	assert.equal(gone.data.occupier_id, Number(occ));
	assert.equal(gone.data.site_id, sd);
	assert.equal(gone.data.prefix, '2001:db8:7700::/64');
	assert.notEqual(gone.id, ev.id, 'each event its own id');
	// Released twice: not found, nothing queued.
	assert.equal((await admin.post(`/sites/${sd}/ipv6/release`, { delegation: id, confirm: '1' })).status, 404);
	assert.equal(queued('ipv6_delegation.released').length, 1);
});
