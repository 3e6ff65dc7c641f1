// The occupiers per site that the Sites list shows are kept by triggers on
// contract (sql/105): a first contract of an occupier at a site counts it,
// a second does not, moving or deleting the last uncounts it; writes of
// other columns and rolled-back ones change nothing. That every site's
// count equals a count of the contracts after the whole suite is checked
// by tests/http/after-suite.mjs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, assertHtml, db, dbValue, occupierId, operatorId, q, rnd, signedIn, siteId, tableRows } from './lib.mjs';

let admin, NW, cw, sd, acme, fjord;

before(async () => {
	admin = await signedIn(ADMIN);
	NW = operatorId('Northwind Workspaces');
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	acme = occupierId('Acme Analytics Ltd');
	fjord = occupierId('Fjord Media');
});

const kept = (site) => Number(dbValue(`SELECT COALESCE(MAX(occupiers), 0) FROM site_occupiers WHERE site_id = ${site}`));
const counted = (site) => Number(dbValue(`SELECT COUNT(DISTINCT occupier_id) FROM contract WHERE site_id = ${site}`));

test('contracts added, moved, changed and deleted move the kept occupiers of a site exactly', async () => {
	const name = `Count House ${rnd(6)}`;
	db(`INSERT INTO site (operator_id, name, address) VALUES (${NW}, ${q(name)}, '2 Count Street')`);
	const site = Number(dbValue(`SELECT id FROM site WHERE operator_id = ${NW} AND name = ${q(name)}`));
	const add = (occ) => {
		db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date)
			VALUES (${NW}, ${occ}, ${site}, ${q(`CNT-${rnd(8)}`)}, '2026-01-01')`);
		return Number(dbValue(`SELECT MAX(id) FROM contract WHERE site_id = ${site}`));
	};
	assert.equal(kept(site), 0, 'a new site: none');
	const a1 = add(acme);
	assert.equal(kept(site), 1, 'Acme\'s first contract');
	const a2 = add(acme);
	assert.equal(kept(site), 1, 'a second contract of Acme: still one occupier');
	const f1 = add(fjord);
	assert.equal(kept(site), 2, 'Fjord');
	db(`UPDATE contract SET reference = ${q(`CNT-${rnd(8)}`)}, end_date = '2026-12-31' WHERE id = ${f1}`);
	assert.equal(kept(site), 2, 'other columns: unchanged');
	db(`UPDATE contract SET occupier_id = ${acme} WHERE id = ${f1}`);
	assert.equal(kept(site), 1, 'Fjord\'s only contract given to Acme');
	const cw0 = kept(cw);
	db(`UPDATE contract SET site_id = ${cw} WHERE id = ${a1}`);
	assert.equal(kept(site), 1, 'one of Acme\'s three moved away: Acme still here');
	assert.equal(kept(cw), cw0, 'Acme was already at Canary Wharf');
	db(`START TRANSACTION; DELETE FROM contract WHERE id IN (${a2}, ${f1}); ROLLBACK`);
	assert.equal(kept(site), 1, 'rolled back');
	db(`DELETE FROM contract WHERE id IN (${a2}, ${f1}, ${a1})`);
	assert.equal(kept(site), 0, 'the last contracts deleted');
	assert.equal(kept(cw), counted(cw), 'Canary Wharf as counted');
	// The Sites list shows the kept figure, equal to a count of the rows.
	const r = await admin.get('/sites');
	assertHtml(r, 200, '/sites');
	const rows = tableRows(r.body);
	for (const [s, n] of [['Canary Wharf', counted(cw)], ['Shoreditch', counted(sd)]])
		assert.equal(rows.find((x) => x[0] === s)[4], String(n), s);
	assert.equal(rows.find((x) => x[0] === name)[4], '0', name);
});
