// usage-rates.test.mjs: an operator's usage catalog from a rate card,
// through the Catalog's Usage rates page (/catalog/usage) and `tenantry
// usage rates --operator ID FILE`, both through one operation
// (ops_usage_catalog_set, which the demo seed also writes its rates with):
// a tariff named by the card gets exactly the card's rates, what the card
// does not name stays, the other operator's catalog is never touched, one
// audit event says so; a card with bad lines names each line and writes
// nothing. The demo's rates are put back at the end from a card written
// out of them (a round trip).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN, DB_SOCKET, EASTWIND_ADMIN, OCC_ADMIN, STAFF, TENANTRY_BIN, assertHtml, db, dbValue, decode, operatorId, rnd, signedIn } from './lib.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usage-rates-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function rates(card, operator = operatorId('Northwind Workspaces')) {
	const f = path.join(dir, `card-${rnd()}.csv`);
	fs.writeFileSync(f, card);
	const r = spawnSync(TENANTRY_BIN, ['usage', 'rates', '--operator', String(operator), f], {
		env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET }, encoding: 'utf8',
	});
	return { status: r.status, out: r.stdout + r.stderr };
}

/* A tariff's table as text rows, by prefix. */
const table = (op, code) => db(`SELECT r.prefix, g.code, r.per_minute, r.setup, r.minimum, r.first_secs, r.step_secs
	FROM usage_rate r JOIN service s ON s.id = r.service_id JOIN usage_group g ON g.id = r.group_id
	WHERE r.operator_id = ${op} AND s.code = '${code}' ORDER BY r.prefix`);
const everything = () => db(`SELECT r.operator_id, s.code, r.prefix, r.group_id, r.per_minute, r.setup, r.minimum,
	r.first_secs, r.step_secs FROM usage_rate r JOIN service s ON s.id = r.service_id ORDER BY 1, 2, 3`)
	.concat(db('SELECT operator_id, service_id, group_id, COALESCE(minutes, -1), per_line FROM usage_allowance ORDER BY 1, 2, 3'))
	.concat(db('SELECT operator_id, service_id, committed_mbps, burst_per_mbps FROM usage_bandwidth_tier ORDER BY 1, 2'))
	.concat(db('SELECT operator_id, code, name, sort FROM usage_group ORDER BY 1, 2'));

/* Thousandths as the card writes them: 2500 -> "2.500". */
const pence = (v) => `${Math.floor(Number(v) / 1000)}.${String(Number(v) % 1000).padStart(3, '0')}`;

test('a card replaces the tariffs it names, leaves the rest and the other operator alone, with one audit event', () => {
	const nw = operatorId('Northwind Workspaces'), ew = operatorId('Eastwind Offices');
	const payg = table(nw, 'tariff-payg'), unlimited = table(nw, 'tariff-uk-unlimited'), east = table(ew, 'tariff-payg');
	assert.ok(payg.length >= 10, `${payg.length} demo rates`);
	const events = Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'usage_catalog' AND operator_id = ${nw}`));
	try {
		const r = rates([
			'kind,item,...',
			'# Pay as you go, two destinations only',
			'rate,tariff-payg,44,uk_landline,1.5,0,0,60,1',
			'rate,tariff-payg,,international,"25",0.5,5,0,60',
			'tier,bw-100,100,6.50',
		].join('\n') + '\n');
		assert.equal(r.status, 0, r.out);
		assert.match(r.out, /usage rates: 0 groups \(0 new\), 2 rates of 1 tariffs, 0 allowances, 1 tiers/);
		assert.deepEqual(table(nw, 'tariff-payg'), [
			['', 'international', '25000', '500', '5000', '0', '60'],
			['44', 'uk_landline', '1500', '0', '0', '60', '1'],
		]);
		assert.deepEqual(table(nw, 'tariff-uk-unlimited'), unlimited, 'a tariff the card does not name stays');
		assert.deepEqual(table(ew, 'tariff-payg'), east, "the other operator's stays");
		assert.equal(dbValue(`SELECT t.burst_per_mbps FROM usage_bandwidth_tier t JOIN service s ON s.id = t.service_id
			WHERE t.operator_id = ${nw} AND s.code = 'bw-100'`), '650');
		assert.equal(Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'usage_catalog' AND operator_id = ${nw}`)),
			events + 1);
	} finally {
		// The demo's table back, from a card written out of it.
		const back = payg.map(([p, g, m, s, min, f, st]) => `rate,tariff-payg,${p},${g},${pence(m)},${pence(s)},${pence(min)},${f},${st}`);
		const r = rates(back.concat(['tier,bw-100,100,5.00']).join('\n') + '\n');
		assert.equal(r.status, 0, r.out);
	}
	assert.deepEqual(table(nw, 'tariff-payg'), payg, 'the round trip gives the demo table back');
});

test('a bad card names each bad line and writes nothing; a group is added last and kept by code', () => {
	const ew = operatorId('Eastwind Offices');
	const before = everything();
	let r = rates('rate,tariff-payg,44,uk_landline,1.5p,0,0,60,1\nallowance,tariff-payg,uk_mobile,lots,total\nbogus,1\n', ew);
	assert.equal(r.status, 1);
	assert.match(r.out, /line 1: a price is a number of pence \(or cents\) with at most three decimals/);
	assert.match(r.out, /line 2: minutes are a whole number or unlimited/);
	assert.match(r.out, /line 3: not an item: group \(3 fields\), rate \(9\), allowance \(5\) or tier \(4\); this line has 2 fields starting with "bogus"/);
	assert.match(r.out, /nothing was written/);
	r = rates([
		'group,Bad Code,Name',
		'rate,tariff-payg,44,uk_landline,1,0,0,60,1',
		'rate,tariff-payg,44,uk_mobile,1,0,0,60,1',
		'rate,tariff-payg,4x,uk_mobile,1,0,0,60,0',
	].join('\n') + '\n', ew);
	assert.equal(r.status, 1);
	assert.match(r.out, /line 1: Group 1 \(Bad Code\): the code is 1 to 32 lower-case letters, digits or _/);
	assert.match(r.out, /line 3: Rate 2 \(tariff-payg, prefix "44"\): the same prefix as rate 1/);
	assert.match(r.out, /line 4: Rate 3 \(tariff-payg, prefix "4x"\): a prefix is up to 16 digits/);
	assert.match(r.out, /line 4: Rate 3 \(tariff-payg, prefix "4x"\): the first increment is 0 to 3600 seconds, the step 1 to 3600/);
	// What only the database knows: a service that is not a tariff, a group that does not exist,
	// Northwind's group code is not Eastwind's.
	r = rates([
		'rate,bw-100,44,uk_landline,1,0,0,60,1',
		'rate,tariff-payg,44,nogroup,1,0,0,60,1',
		'tier,tariff-payg,100,5.00',
		'tier,no-such-service,100,5.00',
	].join('\n') + '\n', ew);
	assert.equal(r.status, 1);
	assert.match(r.out, /line 1: Rate 1 \(bw-100, prefix "44"\): bw-100 is a Bandwidth service, not a Tariff one/);
	assert.match(r.out, /line 2: Rate 2 \(tariff-payg, prefix "44"\): no destination group has the code nogroup/);
	assert.match(r.out, /line 3: Tier 1 \(tariff-payg\): tariff-payg is a Tariff service, not a Bandwidth one/);
	assert.match(r.out, /line 4: Tier 2 \(no-such-service\): no service of the catalog has the code no-such-service/);
	assert.deepEqual(everything(), before, 'nothing written by any of them');

	// A new group goes last; naming an existing one again renames it only.
	const code = `sat_${rnd()}`;
	r = rates(`group,${code},"Satellite, maritime"\ngroup,premium,Premium and non-geographic\n`, ew);
	assert.equal(r.status, 0, r.out);
	assert.match(r.out, /2 groups \(1 new\)/);
	assert.deepEqual(db(`SELECT name, sort = (SELECT MAX(sort) FROM usage_group WHERE operator_id = ${ew}) FROM usage_group
		WHERE operator_id = ${ew} AND code = '${code}'`), [['Satellite, maritime', '1']]);
	db(`DELETE FROM usage_group WHERE operator_id = ${ew} AND code = '${code}'`);
	assert.deepEqual(everything(), before);
});

/* The text box's card on the page. */
const cardOf = (body) => decode(/<textarea id="f-card" name="card"[^>]*>([^<]*)<\/textarea>/.exec(body)?.[1] ?? '');

test('the Usage rates page: the demo catalog, the card in its text box; staff read it, occupiers get 403', async () => {
	const admin = await signedIn(ADMIN);
	const r = await admin.get('/catalog/usage');
	assertHtml(r, 200, 'Usage rates');
	assert.match(r.text, /Destination groups Code Name \(on charge lines\) uk_landline UK landline uk_mobile UK mobile international International premium Premium and non-geographic/);
	assert.match(r.text, /Pay as you go tariff-payg Prefix Group Per minute \(pence\) Set-up \(pence\) Minimum \(pence\) Increments \(first\/step s\) any number International 30 0 5 0\/1 \+1 International 4 0 1 0\/1/);
	assert.match(r.text, /UK Unlimited UK landline unlimited UK Unlimited UK mobile unlimited UK Unlimited International 60 per voice line/);
	assert.match(r.text, /Bandwidth 100 Mbps 100 5\.00 Bandwidth 500 Mbps 500 4\.00 Bandwidth 1 Gbps 1000 3\.00/);
	const card = cardOf(r.body);
	assert.match(card, /^kind,item\ngroup,uk_landline,UK landline\n/);
	assert.match(card, /\nrate,tariff-payg,44,uk_landline,2,0,0,60,1\n/);
	assert.match(card, /\nallowance,tariff-uk-unlimited,international,60,per_line\n/);
	assert.match(card, /\ntier,bw-500,500,4\.00\n/);
	assert.match((await admin.get('/catalog')).body, /<a class="button" href="\/catalog\/usage">Usage rates<\/a>/);
	const staff = await signedIn(STAFF);
	const s = await staff.get('/catalog/usage');
	assertHtml(s, 200, 'staff read');
	assert.ok(!s.body.includes('name="card"'), 'no text box for staff');
	assert.equal((await staff.post('/catalog/usage', { card: card })).status, 403);
	const occ = await signedIn(OCC_ADMIN);
	assert.equal((await occ.get('/catalog/usage')).status, 403);
});

test('the page loads a card through the operation: each bad line named with the text kept, nothing changed; the card as shown loads back unchanged', async () => {
	const admin = await signedIn(ADMIN);
	const before = everything();
	const card = cardOf((await admin.get('/catalog/usage')).body);
	const badCard = 'rate,tariff-payg,44,uk_landline,1.5p,0,0,60,1\nrate,bw-100,44,uk_landline,1,0,0,60,1\n';
	let r = await admin.post('/catalog/usage', { card: badCard });
	assertHtml(r, 422, 'a line of a bad form');
	assert.match(r.text, /Nothing was changed: Rate card line 1: a price is a number of pence \(or cents\) with at most three decimals, e\.g\. 1\.5\./);
	assert.equal(cardOf(r.body), badCard, 'the text kept');
	r = await admin.post('/catalog/usage', { card: 'rate,bw-100,44,uk_landline,1,0,0,60,1\n' });
	assertHtml(r, 422, 'a rule of the operation');
	assert.match(r.text, /Rate card line 1: Rate 1 \(bw-100, prefix "44"\): bw-100 is a Bandwidth service, not a Tariff one\./);
	r = await admin.post('/catalog/usage', { card: '' });
	assertHtml(r, 422, 'empty');
	assert.match(r.text, /Nothing was changed: Rate card is required/);
	assert.equal((await admin.post('/catalog/usage', { card }, { csrf: false })).status, 403, 'no CSRF token');
	assert.deepEqual(everything(), before, 'nothing written');
	const events = Number(dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'usage_catalog'"));
	r = await admin.post('/catalog/usage', { card });
	assert.equal(r.status, 303, r.text.slice(0, 400));
	assert.match(r.location, /^\/catalog\/usage\?done=4%20groups%20%280%20new%29/);
	const done = await admin.get(r.location);
	assert.match(done.text, /Rate card loaded: 4 groups \(0 new\), \d+ rates of 2 tariffs, 3 allowances, 3 tiers\./);
	assert.deepEqual(everything(), before, 'the round trip changes nothing');
	assert.equal(Number(dbValue("SELECT COUNT(*) FROM audit_event WHERE entity = 'usage_catalog'")), events + 1);
	// Eastwind's admin sees and loads its own catalog only.
	const east = await signedIn(EASTWIND_ADMIN);
	const e = await east.get('/catalog/usage');
	assertHtml(e, 200);
	assert.ok(!e.text.includes('Northwind'), e.text.slice(0, 200));
});
