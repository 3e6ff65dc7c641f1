// confirm.test.mjs: what cannot be undone is done only when confirmed, and
// the question names the consequence. Without JavaScript a post without
// confirm=1 answers a confirmation page (the same fields posted again with
// confirm=1, and Cancel) and changes nothing; the buttons carry the same
// sentence in data-confirm for app.js's dialog. Deactivating a number
// names the day it is available again; a number deactivated by mistake is
// reinstated to its holder within 24 hours (audited), not after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, TODAY, addUser, assertHtml, assertRedirect, db, dbValue, decode, occupierId, signedIn, siteId, text,
} from './lib.mjs';
import { long, occupierWith, openManage, rowsOf, serviceIds, submit } from './services-lib.mjs';

const COOLOFF_DAYS = 90;	// TENANTRY_COOLOFF_DAYS default
let admin, cw;
const taken = [];	// numbers given to our occupiers, handed back in after()

function plusDays(iso, n) {
	const t = new Date(`${iso}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + n);
	return t.toISOString().slice(0, 10);
}

/* The confirmation page: { title, consequence, fields: [[name, value]], button, back }. */
function confirmation(html) {
	const sec = /<section class="card confirm-page"[\s\S]*?<\/section>/.exec(html);
	assert.ok(sec, 'a confirmation page');
	const s = sec[0];
	return {
		title: text((/<h1>([\s\S]*?)<\/h1>/.exec(html) || [, ''])[1]),
		consequence: text(/<p class="consequence" id="consequence">([\s\S]*?)<\/p>/.exec(s)[1]),
		fields: [...s.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [decode(m[1]), decode(m[2])]),
		button: text(/<button type="submit" class="primary">([\s\S]*?)<\/button>/.exec(s)[1]),
		back: decode(/<a href="([^"]*)">Cancel<\/a>/.exec(s)[1]),
	};
}

function phone(id) {
	const [state, occ, until] = db(`SELECT state, COALESCE(occupier_id, 0), COALESCE(cooloff_until, '-')
		FROM phone_number WHERE id = ${id}`)[0];
	return { state, occ: Number(occ), until };
}

before(async () => {
	admin = await signedIn(ADMIN);
	cw = siteId('Canary Wharf');
});

/* The site's pool as the seed has it for the files after this one: each
 * number deactivated through the screen, then its cooling off ended (a
 * cooling-off number counts in no allocation). */
after(async () => {
	for (const t of taken) {
		if (phone(t.id).state === 'active')
			assertRedirect(await admin.post(`/occupiers/${t.occ}/sites/${cw}/telephony`,
				{ op: 'deactivate', number: t.id, confirm: '1' }),
			`/occupiers/${t.occ}/sites/${cw}/telephony?done=saved`, 'hand back');
		db(`UPDATE phone_number SET state = 'available', activated_at = NULL, deactivated_at = NULL,
			cooloff_until = NULL WHERE id = ${t.id} AND state = 'cooling_off'`);
	}
});

/* An occupier of our own holding one active number at Canary Wharf. */
async function withNumber() {
	const o = await occupierWith(admin, cw, [{}], 'Confirm test');
	const { m } = await openManage(admin, o.occ, cw);
	const one = await submit(admin, o.occ, cw, m.version, [], { add: serviceIds()['Voice line'] });
	assertRedirect((await submit(admin, o.occ, cw, m.version, rowsOf(one.m), { op: 'save' })).r,
		`/occupiers/${o.occ}/sites/${cw}/services?done=services_saved`, 'a voice line');
	const [id, number] = db(`SELECT id, number FROM phone_number WHERE occupier_id = ${o.occ}`)[0];
	taken.push({ occ: o.occ, id: Number(id) });
	return { ...o, id: Number(id), number };
}

test('deactivating a number asks first, naming the day it is available again; reinstated within 24 hours', async () => {
	const n = await withNumber();
	const tab = `/occupiers/${n.occ}/sites/${cw}/telephony`;
	const until = long(plusDays(TODAY, COOLOFF_DAYS));
	const want = `${n.number} will be unavailable until ${until}:`;
	// The button carries the question for the script.
	const page = await admin.get(tab);
	assert.match(decode(page.body), new RegExp(`data-confirm="\\${want}[^"]*" data-confirm-label="Deactivate the number"`));
	// Without confirm: the question, nothing changed.
	let r = await admin.post(tab, { op: 'deactivate', number: n.id });
	assertHtml(r, 200, 'the confirmation page');
	const c = confirmation(r.body);
	assert.equal(c.title, `Deactivate ${n.number}?`);
	assert.ok(c.consequence.startsWith(want), c.consequence);
	assert.match(c.consequence, /It can be reinstated within 24 hours\.$/);
	assert.deepEqual(c.fields.filter(([k]) => k !== 'csrf'), [['op', 'deactivate'], ['number', String(n.id)], ['confirm', '1']]);
	assert.equal(c.button, 'Deactivate the number');
	assert.equal(c.back, tab);
	assert.equal(phone(n.id).state, 'active', 'not deactivated without confirm');
	// Confirmed: cooling off until that day.
	r = await admin.post(tab, Object.fromEntries(c.fields.filter(([k]) => k !== 'csrf')));
	assertRedirect(r, `${tab}?done=saved`, 'deactivate, confirmed');
	assert.deepEqual(phone(n.id), { state: 'cooling_off', occ: 0, until: plusDays(TODAY, COOLOFF_DAYS) });
	// The site screen offers Reinstate; it gives the number back, audited.
	const site = await admin.get(`/sites/${cw}/telephony?state=cooling_off`);
	const row = site.body.split(n.number)[1].split('</tr>')[0];
	assert.match(row, /name="op" value="reinstate">/);
	r = await admin.post(`/sites/${cw}/telephony`, { op: 'reinstate', number: n.id });
	assertRedirect(r, `/sites/${cw}/telephony?done=saved`, 'reinstate');
	assert.deepEqual(phone(n.id), { state: 'active', occ: n.occ, until: '-' });
	const ev = db(`SELECT action, user_id IS NOT NULL, occupier_id FROM audit_event WHERE entity = 'phone_number'
		AND entity_id = ${n.id} ORDER BY id`).map((x) => x.join(' '));
	assert.deepEqual(ev.slice(-2), [`deactivate 1 ${n.occ}`, `reinstate 1 ${n.occ}`]);
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM phone_holder WHERE phone_number_id = ${n.id} AND held_until IS NULL
		AND occupier_id = ${n.occ}`)), 1, 'held again from now');
	// An active number cannot be reinstated.
	r = await admin.post(`/sites/${cw}/telephony`, { op: 'reinstate', number: n.id });
	assertHtml(r, 422, 'reinstate an active number');
	assert.match(text(r.body), /Only a number that is cooling off can be reinstated\./);
});

test('after 24 hours a deactivated number is not reinstated', async () => {
	const n = await withNumber();
	const tab = `/occupiers/${n.occ}/sites/${cw}/telephony`;
	assertRedirect(await admin.post(tab, { op: 'deactivate', number: n.id, confirm: '1' }), `${tab}?done=saved`, 'deactivate');
	// Its holding ended a day and a second ago.
	db(`UPDATE phone_holder SET held_until = held_until - 86401 WHERE phone_number_id = ${n.id}
		AND occupier_id = ${n.occ} AND held_until IS NOT NULL`);
	const r = await admin.post(`/sites/${cw}/telephony`, { op: 'reinstate', number: n.id });
	assertHtml(r, 422, 'too late');
	assert.match(text(r.body), new RegExp(`\\${n.number}: It was deactivated more than 24 hours ago: allocate it again once it is available\\.`));
	assert.equal(phone(n.id).state, 'cooling_off');
});

test('the site screen asks before deactivating too', async () => {
	const n = await withNumber();
	const r = await admin.post(`/sites/${cw}/telephony`, { op: 'deactivate', number: n.id, state: 'active', holder: 'all' });
	assertHtml(r, 200, 'the confirmation page');
	const c = confirmation(r.body);
	assert.ok(c.consequence.startsWith(`${n.number} will be unavailable until ${long(plusDays(TODAY, COOLOFF_DAYS))}:`));
	assert.match(c.consequence, /Confirm test/, 'names the holder');
	assert.deepEqual(c.fields.filter(([k]) => k !== 'csrf').map(([k]) => k).sort(), ['confirm', 'holder', 'number', 'op', 'state']);
	assert.equal(phone(n.id).state, 'active');
});

test('removing a user asks first, naming them; confirmed, they are removed', async () => {
	const acme = occupierId('Acme Analytics Ltd');
	const u = addUser({ role: 'occupier_user', occupier: 'Acme Analytics Ltd' });
	const id = Number(dbValue(`SELECT id FROM app_user WHERE email = '${u.email}'`));
	const path = `/occupiers/${acme}/sites/${cw}/users`;
	let r = await admin.post(`${path}/${id}`, { op: 'remove' });
	assertHtml(r, 200, 'the confirmation page');
	const c = confirmation(r.body);
	assert.equal(c.consequence, `Test occupier_user (${u.email}) will no longer be able to sign in: their sessions end now `
		+ 'and they leave this list. This cannot be undone; to give them access again, add them as a new user.');
	assert.equal(c.back, path);
	assert.equal(dbValue(`SELECT removed FROM app_user WHERE id = ${id}`), '0', 'not removed without confirm');
	r = await admin.post(`${path}/${id}`, { op: 'remove', confirm: '1' });
	assertRedirect(r, `${path}?done=user_removed`, 'removed, confirmed');
	assert.notEqual(dbValue(`SELECT removed FROM app_user WHERE id = ${id}`), '0');
});

test('unassigning a floor port, deleting a rule and ending a session ask first; without confirm nothing changes', async () => {
	// A held, inactive port of Canary Wharf.
	const [port, label, holder] = db(`SELECT p.id, p.label, o.name FROM floor_port p JOIN occupier o ON o.id = p.occupier_id
		WHERE p.site_id = ${cw} AND p.state = 'inactive' ORDER BY p.id LIMIT 1`)[0];
	await admin.get(`/sites/${cw}/ports`);
	let r = await admin.post(`/sites/${cw}/ports`, { op: 'unassign', port });
	assertHtml(r, 200, 'unassign: the confirmation page');
	assert.equal(confirmation(r.body).consequence, `${label} goes back to the pool: ${holder} loses it now, and it no longer `
		+ 'counts in its Switch ports.');
	assert.equal(dbValue(`SELECT COALESCE(occupier_id, 0) FROM floor_port WHERE id = ${port}`) !== '0', true, 'still held');
	// A rule of the catalog.
	const [rule, svc, svcName] = db(`SELECT r.id, s.id, s.name FROM service_rule r JOIN service s ON s.id = r.service_id
		WHERE s.name = 'UK Unlimited' AND r.kind = 'max_qty'`)[0];
	r = await admin.post(`/catalog/${svc}`, { op: 'delete_rule', rule });
	assertHtml(r, 200, 'delete rule: the confirmation page');
	assert.equal(confirmation(r.body).consequence, `The rule \u201cAt most 1 per occupier per site\u201d of ${svcName} is `
		+ "deleted: from now on no occupier's services are checked against it. To have it again, add it anew.");
	assert.equal(dbValue(`SELECT COUNT(*) FROM service_rule WHERE id = ${rule}`), '1', 'the rule stays');
	// Another session of ours.
	const me = await signedIn(ADMIN);
	const other = Number(dbValue(`SELECT MAX(s.id) FROM user_session s JOIN app_user u ON u.id = s.user_id
		WHERE u.email = '${ADMIN}'`));
	await admin.get('/account');
	r = await admin.post(`/account/sessions/${other}`, {});
	assertHtml(r, 200, 'end session: the confirmation page');
	assert.match(confirmation(r.body).consequence, /^The session of .* ends now: that browser is signed out and must sign in again\.$/);
	assertHtml(await me.get('/account'), 200, 'that session lives on');
});
