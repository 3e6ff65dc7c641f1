// roles-lib.mjs: helpers for the roles, users, self-service and account
// tests of roles (tests/http/roles*.test.mjs): the menu of a page, the
// one-time set-password link of the users screens, fixtures through the UI
// (a fresh occupier with a contract and services, a user that sets its
// password through its link) and DB truths about users and sessions.
import assert from 'node:assert/strict';
import {
	BASE_URL, Client, assertHtml, assertRedirect, blake2b, db, dbValue, decode, q, rnd, text,
} from './lib.mjs';
import { allMessages, day, newContract, newOccupier, openManage, rowsOf, serviceIds, submit } from './services-lib.mjs';

/* The labels of the left-hand menu, in order, and the current one. */
export function menuOf(html) {
	const nav = /<nav class="menu"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
	if (!nav)
		return { items: [], current: null, hrefs: [] };
	const items = [...nav[1].matchAll(/<li><a href="([^"]*)"( aria-current="page")?>([^<]*)<\/a><\/li>/g)];
	return {
		items: items.map((m) => decode(m[3])),
		hrefs: items.map((m) => decode(m[1])),
		current: (items.find((m) => m[2]) || [])[3] || null,
	};
}

/* The flash message of a page, or null. */
export function flash(html) {
	const m = /<p class="flash" role="status">([\s\S]*?)<\/p>/.exec(html);
	return m ? text(m[1]) : null;
}

/* The error messages of a form page. */
export function errorsOf(html) {
	const m = /<div class="errors"[^>]*>([\s\S]*?)<\/div>/.exec(html);
	return m ? [...m[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((x) => text(x[1])) : [];
}

/* The one-time link shown on a users screen, absolute (the public base URL
 * first): { url (its path), full, token } or null. */
export function linkOf(html) {
	const m = /<input id="set-password-link"[^>]*value="([^"]*)"/.exec(html);
	if (!m)
		return null;
	const full = decode(m[1]);
	assert.ok(full.startsWith(BASE_URL + '/'), `an absolute link on ${BASE_URL}: ${full}`);
	const url = full.slice(BASE_URL.length);
	const t = /^\/set-password\?token=([0-9a-f]{64})$/.exec(url);
	assert.ok(t, `a set-password link: ${full}`);
	return { url, full, token: t[1] };
}

/* Rows of the users table: [{ id, name, email, role, status, sessions, actions }]. */
export function usersOf(html) {
	const t = /<table class="grid users">([\s\S]*?)<\/table>/.exec(html);
	if (!t)
		return [];
	return [...t[1].matchAll(/<tr id="user-(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => {
		const cells = [...m[2].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
		return {
			id: Number(m[1]),
			name: text(cells[0]).replace(/ \(you\)$/, ''),
			me: /\(you\)/.test(cells[0]),
			email: text(cells[1]),
			role: text(cells[2]),
			status: text(cells[3]),
			sessions: Number(text(cells[4])),
			actions: [...cells[5].matchAll(/name="op" value="([a-z]+)"/g)].map((x) => x[1]),
		};
	});
}

/* Add a user on a users screen (base: /team, /my/users, /occupiers/O/sites/S/users). */
export async function addOnScreen(c, base, { name = `User ${rnd(3)}`, email = `u-${rnd()}@test.example`,
	role } = {}) {
	await c.get(base);
	const r = await c.post(base, { name, email, role });
	assertHtml(r, 200, `add ${email} on ${base}: ${errorsOf(r.body).join('; ')}`);
	const link = linkOf(r.body);
	assert.ok(link, `the link is shown after adding ${email}`);
	const id = Number(dbValue(`SELECT id FROM app_user WHERE email = ${q(email.toLowerCase())} AND removed = 0`));
	return { r, id, name, email: email.toLowerCase(), ...link };
}

/* Set the password through a link, as the new user in a browser of their own. */
export async function setPassword(url, password) {
	const c = new Client('newcomer');
	const g = await c.get(url);
	assertHtml(g, 200, `GET ${url}`);
	const token = /token=([0-9a-f]{64})/.exec(url)[1];
	const r = await c.post('/set-password', { token, password, confirm: password });
	assertRedirect(r, '/login?done=password_set', 'set the password');
	return c;
}

/* A user added on a screen who has set their password: { id, email, password, client } signed in. */
export async function activeUser(c, base, role, password = `pw-${rnd(6)}`) {
	const u = await addOnScreen(c, base, { role });
	await setPassword(u.url, password);
	const me = new Client(u.email);
	await me.signIn(u.email, password);
	return { ...u, password, client: me };
}

export function userRow(id) {
	const [r] = db(`SELECT email, name, role, disabled, invited, removed, COALESCE(occupier_id, 0), pw_hash
		FROM app_user WHERE id = ${id}`);
	return r && { email: r[0], name: r[1], role: r[2], disabled: r[3] === '1', invited: r[4] === '1',
		removed: r[5] !== '0', occupier: Number(r[6]), hash: r[7] };
}

export function sessionCount(userId) {
	return Number(dbValue(`SELECT COUNT(*) FROM user_session WHERE user_id = ${userId}`));
}

export function tokenRows(userId) {
	return db(`SELECT HEX(token_hash), created_at, expires_at, used_at FROM user_token WHERE user_id = ${userId}
		ORDER BY id`).map(([h, c, e, u]) => ({ hash: h.toLowerCase(), created: Number(c), expires: Number(e),
		used: u === null ? null : Number(u) }));
}

export function hashOf(token) {
	return blake2b(Buffer.from(token, 'hex')).toString('hex');
}

export function auditOf(entityId, entity = 'user') {
	return db(`SELECT action, COALESCE(old_value, ''), COALESCE(new_value, ''), COALESCE(user_id, 0),
		COALESCE(occupier_id, 0) FROM audit_event WHERE entity = ${q(entity)} AND entity_id = ${entityId}
		ORDER BY id`).map(([action, o, n, u, occ]) => ({ action, old: o, new: n, user: Number(u),
		occupier: Number(occ) }));
}

/*
 * A fresh occupier of Northwind with one contract at site and the given
 * services ([name, price, qty]) saved through the Manage services dialog
 * by operator client c. Returns { occ, contract }.
 */
export async function occupierWithServices(c, site, services, prefix = 'Roles test') {
	const S = serviceIds();
	const occ = await newOccupier(c, prefix);
	const contract = await newContract(c, occ, site, { start: day(-30) });
	if (services.length > 0) {
		const { m } = await openManage(c, occ, site);
		const rows = [...rowsOf(m), ...services.map(([n, price, qty]) => ({ service: S[n],
			contract: contract.id, price, qty }))];
		const x = await submit(c, occ, site, m.version, rows, { op: 'save' });
		assert.equal(x.r.status, 303, `save services: ${x.m ? JSON.stringify(allMessages(x.m)) : x.r.status}`);
	}
	return { occ, contract };
}
