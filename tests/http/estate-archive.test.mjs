// estate-archive.test.mjs: an operator admin archives a site with no
// running contract (one that ended long ago does not count) and restores
// it; a site with running contracts is refused with the count, nothing
// changed; an archived site takes no new contract and is left out of
// move-in and a new catalog service's sites, but stays readable; staff
// may not, another operator gets 404, each change is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, EASTWIND_ADMIN, STAFF, TODAY, assertHtml, assertRedirect, db, dbValue, inputValue, occupierId, q, rnd,
	signedIn, siteId, text } from './lib.mjs';

let admin, staff, east, site, name;
const ref = `ARC-${rnd()}`;

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	east = await signedIn(EASTWIND_ADMIN);
	name = `Archive test ${rnd()}`;
	await admin.get('/sites/new');
	const r = await admin.post('/sites/new', { name, address: '2 Old Yard', timezone: '', currency: '' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	site = Number(dbValue(`SELECT id FROM site WHERE name = ${q(name)}`));
	// A contract that ended long ago: history, not a reason to keep the site.
	db(`INSERT INTO contract (operator_id, occupier_id, site_id, reference, start_date, end_date)
		SELECT operator_id, id, ${site}, ${q(ref)}, '2020-01-01', '2021-12-31' FROM occupier
		WHERE name = 'Acme Analytics Ltd'`);
});

after(() => {
	db(`DELETE FROM contract WHERE reference LIKE 'ARC-%'`);
	db("DELETE FROM site WHERE name LIKE 'Archive test %'");
});

function archive(c, id, what = 'archive') {
	return c.post(`/sites/${id}/archive`, { do: what });
}

test('an operator admin archives a site with no running contract, and restores it, audited', async () => {
	const page = await admin.get(`/sites/${site}`);
	assertHtml(page, 200, 'site page');
	assert.match(page.body, /<button type="submit">Archive site<\/button>/);
	const r = await archive(admin, site);
	assertRedirect(r, `/sites/${site}?done=site_archived`, 'archived');
	assert.equal(dbValue(`SELECT archived_on FROM site WHERE id = ${site}`), TODAY);
	assert.equal(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'site' AND entity_id = ${site}
		AND action = 'archive'`), `archived_on=${TODAY}`);

	const shown = await admin.get(`/sites/${site}?done=site_archived`);
	assertHtml(shown, 200, 'archived site page');
	assert.match(text(shown.body), /Archived on \d{1,2} \w{3} \d{4}\. This site takes no new contract/);
	assert.match(shown.body, /<button type="submit">Restore site<\/button>/);
	assert.doesNotMatch(shown.body, />Archive site</);

	const list = await admin.get('/sites');
	const [live, archived] = list.body.split('<h2>Archived sites</h2>');
	assert.ok(archived, 'an Archived sites table');
	assert.match(archived, new RegExp(`href="/sites/${site}">${name}<`));
	assert.doesNotMatch(live, new RegExp(`href="/sites/${site}"`));
	assert.match(live, /Canary Wharf/);

	assert.equal((await archive(admin, site)).status, 409, 'archived already: someone else did it');

	const back = await archive(admin, site, 'restore');
	assertRedirect(back, `/sites/${site}?done=site_restored`, 'restored');
	assert.equal(dbValue(`SELECT COALESCE(archived_on, '-') FROM site WHERE id = ${site}`), '-');
	assert.equal(dbValue(`SELECT new_value FROM audit_event WHERE entity = 'site' AND entity_id = ${site}
		AND action = 'restore'`), 'archived_on=(in use)');
	assert.equal((await archive(admin, site, 'restore')).status, 409, 'in use already');
});

test('a site with running contracts is refused with their count, nothing changed', async () => {
	const cw = siteId('Canary Wharf');
	const running = Number(dbValue(`SELECT COUNT(*) FROM contract WHERE site_id = ${cw}
		AND (end_date IS NULL OR end_date >= ${q(TODAY)})`));
	assert.ok(running > 1, 'the demo has running contracts at Canary Wharf');
	const audits = dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'site' AND entity_id = ${cw}`);
	const r = await archive(admin, cw);
	assertHtml(r, 422, 'refused');
	assert.match(text(r.body), new RegExp(`Canary Wharf has ${running} contracts that have not ended \\(active or to start\\): end them before archiving the site\\.`));
	assert.match(r.body, /<h1>Canary Wharf<\/h1>/, 'on the site page');
	assert.equal(dbValue(`SELECT COALESCE(archived_on, '-') FROM site WHERE id = ${cw}`), '-');
	assert.equal(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'site' AND entity_id = ${cw}`), audits);
});

test('an archived site takes no new contract and is left out of move-in and new catalog services', async () => {
	assertRedirect(await archive(admin, site), `/sites/${site}?done=site_archived`, 'archived');
	const acme = occupierId('Acme Analytics Ltd');
	const newRef = `ARC-${rnd()}`;
	await admin.get(`/occupiers/${acme}/sites/${site}/contracts/new`);
	const r = await admin.post(`/occupiers/${acme}/sites/${site}/contracts/new`, {
		reference: newRef, start_date: TODAY, end_date: '', value: '', notice_months: '', deposit: '', version: '0' });
	assertHtml(r, 422, 'refused');
	assert.match(text(r.body), new RegExp(`${name} is archived: it takes no new contract`));
	assert.equal(inputValue(r.body, 'reference'), newRef, 'input kept');
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE reference = ${q(newRef)}`), '0');

	const movein = await admin.get(`/occupiers/${acme}/move-in`);
	assertHtml(movein, 200, 'move-in');
	assert.doesNotMatch(movein.body, new RegExp(`<option value="${site}"`));
	assert.match(movein.body, new RegExp(`<option value="${siteId('Canary Wharf')}"`));
	const mv = await admin.post(`/occupiers/${acme}/move-in`, { site: String(site), reference: newRef,
		start_date: TODAY, end_date: '', value: '', notice_months: '', deposit: '', version: '0' });
	assertHtml(mv, 422, 'move-in refused');
	assert.equal(dbValue(`SELECT COUNT(*) FROM contract WHERE reference = ${q(newRef)}`), '0');

	const cat = await admin.get('/catalog/new');
	assertHtml(cat, 200, 'new catalog service');
	assert.doesNotMatch(cat.body, new RegExp(`value="${site}"`));

	// Still readable: the site page and its history contract on the occupier.
	assertHtml(await admin.get(`/sites/${site}`), 200, 'readable');
	assertHtml(await admin.get(`/occupiers/${acme}/sites/${site}/contracts`), 200, 'contracts tab');
	assertRedirect(await archive(admin, site, 'restore'), `/sites/${site}?done=site_restored`, 'restored');
});

test('staff may not archive; another operator\'s site is not found; a bad action is a bad request', async () => {
	assert.equal((await archive(staff, site)).status, 403);
	assert.doesNotMatch((await staff.get(`/sites/${site}`)).body, />Archive site</);
	assert.equal((await archive(east, site)).status, 404);
	assert.equal((await admin.post(`/sites/${site}/archive`, { do: 'delete' })).status, 400);
	assert.equal(dbValue(`SELECT COALESCE(archived_on, '-') FROM site WHERE id = ${site}`), '-');
});
