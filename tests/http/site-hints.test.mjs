// The site telephony and floor ports screens say when no occupier holds a
// contract at the site (numbers can then be reserved for the operator
// only), and say nothing of the kind once one does: one seek of the
// contract index, whatever the number of occupiers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, TODAY, assertHtml, db, dbValue, operatorId, occupierId, q, rnd, signedIn, siteId } from './lib.mjs';

let admin, NW, cw;

before(async () => {
	admin = await signedIn(ADMIN);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
});

test('a site without contracts says so on its telephony and ports screens; one contract and it does not', async () => {
	const name = `Hint House ${rnd(6)}`;
	db(`INSERT INTO site (operator_id, name, address) VALUES (${NW}, ${q(name)}, '1 Hint Street')`);
	const site = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW} AND name = ${q(name)}`));
	const tel = () => admin.get(`/sites/${site}/telephony`);
	const ports = () => admin.get(`/sites/${site}/ports`);
	let r = await tel();
	assertHtml(r, 200, 'telephony');
	assert.match(r.body, new RegExp(`No occupier has a contract at ${name}: numbers can be reserved for the operator only\\.`));
	r = await ports();
	assertHtml(r, 200, 'ports');
	assert.match(r.body, /No occupier has a contract at this site yet\./);
	// An ended contract still counts (the occupier may hold numbers there).
	const acme = occupierId('Acme Analytics Ltd');
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date)
		VALUES (${NW}, ${acme}, ${site}, ${q(`HINT-${rnd(6)}`)}, '2020-01-01', '2020-12-31')`);
	assert.doesNotMatch((await tel()).body, /No occupier has a contract at/);
	assert.doesNotMatch((await ports()).body, /No occupier has a contract at/);
	// Canary Wharf, with contracts: no such hint.
	assert.doesNotMatch((await admin.get(`/sites/${cw}/telephony`)).body, /No occupier has a contract at/);
});

test('the counts by state: a number whose cooling off ended (up to today) counts as available, one cooling off until tomorrow does not', async () => {
	const name = `Cool House ${rnd(6)}`;
	db(`INSERT INTO site (operator_id, name, address) VALUES (${NW}, ${q(name)}, '3 Cool Street')`);
	const site = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW} AND name = ${q(name)}`));
	const base = 7000 + Math.floor(Math.random() * 900);
	const num = (k) => `+44 20 3${String(site % 1000).padStart(3, '0')} ${String(base + k).padStart(4, '0')}`;
	db(`INSERT INTO phone_number (operator_id, site_id, number, state) VALUES (${NW}, ${site}, ${q(num(0))}, 'available'),
		(${NW}, ${site}, ${q(num(1))}, 'reserved')`);
	db(`INSERT INTO phone_number (operator_id, site_id, number, state, deactivated_at, cooloff_until) VALUES
		(${NW}, ${site}, ${q(num(2))}, 'cooling_off', DATE_SUB(${q(TODAY)}, INTERVAL 100 DAY), DATE_SUB(${q(TODAY)}, INTERVAL 10 DAY)),
		(${NW}, ${site}, ${q(num(3))}, 'cooling_off', DATE_SUB(${q(TODAY)}, INTERVAL 100 DAY), ${q(TODAY)}),
		(${NW}, ${site}, ${q(num(4))}, 'cooling_off', ${q(TODAY)}, DATE_ADD(${q(TODAY)}, INTERVAL 1 DAY))`);
	const r = await admin.get(`/sites/${site}/telephony`);
	assertHtml(r, 200, 'telephony');
	assert.match(r.text, /5 phone numbers · 3 available · 1 reserved · 0 active · 1 cooling off/);
});
