// Catalog services that operator admins add, edit, retire and offer again,
// and price by site (an RRP override at a site): the Manage services dialog
// follows on the very next request (the workers' catalog caches see the
// new catalog version); a retired service is no longer offered but the
// plans that hold it keep it, and still save. Every refusal keeps the
// input and writes nothing; staff and occupiers are refused (403), another
// operator's service is 404. The services made here are deleted in after()
// (the catalog is shared by every test of the run).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN, EASTWIND_ADMIN, OCC_ADMIN, STAFF, assertHtml, assertRedirect, db, dbValue, fieldA11y, inputValue, rnd,
	signedIn, siteId, text, textareaValue,
} from './lib.mjs';
import {
	allMessages, openManage, occupierWith, post, rowsOf, servicesPath, submit,
} from './services-lib.mjs';
import { csv } from './invoices-lib.mjs';

let admin, staff, occAdmin, ewAdmin, NW, cw, sd, harbour;
const made = [];	// service ids created here, deleted in after()

before(async () => {
	admin = await signedIn(ADMIN);
	staff = await signedIn(STAFF);
	occAdmin = await signedIn(OCC_ADMIN);
	ewAdmin = await signedIn(EASTWIND_ADMIN);
	NW = Number(dbValue("SELECT id FROM operator WHERE name = 'Northwind Workspaces'"));
	cw = siteId('Canary Wharf');
	sd = siteId('Shoreditch');
	harbour = siteId('Harbour House');
});

after(() => {
	if (made.length === 0)
		return;
	const ids = made.join(',');
	db(`DELETE l FROM charge_ledger l JOIN occupier_service os ON os.id = l.occsvc_id WHERE os.service_id IN (${ids})`);
	db(`DELETE FROM occupier_service WHERE service_id IN (${ids})`);
	db(`DELETE FROM service_rule WHERE service_id IN (${ids}) OR other_service_id IN (${ids})`);
	db(`DELETE FROM service WHERE id IN (${ids})`);
	db('UPDATE catalog_version SET version = version + 1');
});

/* The fields of the add form (and of the whole edit form). */
function serviceFields(over = {}) {
	const f = {
		code: `svc-${rnd()}`, name: `Test service ${rnd()}`, category: 'Wi-Fi', description: 'A service made by a test.',
		cost: '20.00', rrp: '80.00', ent_switch_ports: '0', ent_phone_ext: '0', ent_public_ip: '0',
		ent_wifi_devices: '3', ent_wifi_accounts: '2', sites: [cw, sd], siteRrp: { [cw]: '95.00' }, ...over,
	};
	const pairs = [];
	for (const k of ['code', 'name', 'category', 'description', 'cost', 'rrp', 'ent_switch_ports', 'ent_phone_ext',
		'ent_public_ip', 'ent_wifi_devices', 'ent_wifi_accounts'])
		if (f[k] !== undefined)
			pairs.push([k, f[k]]);
	for (const s of f.sites)
		pairs.push(['site', String(s)]);
	for (const [s, v] of Object.entries(f.siteRrp))
		pairs.push([`site_rrp_${s}`, v]);
	return { f, pairs };
}

async function addService(c, over = {}) {
	await c.get('/catalog/new');
	const { f, pairs } = serviceFields(over);
	const r = await post(c, '/catalog/new', pairs);
	return { r, f };
}

/* Add one through the form; returns { id, f }. */
async function added(over = {}) {
	const { r, f } = await addService(admin, over);
	assertRedirect(r, /^\/catalog\/\d+\?done=created$/, 'add a service');
	const id = Number(r.location.match(/^\/catalog\/(\d+)/)[1]);
	made.push(id);
	return { id, f };
}

/* The RRP Available services shows for service id, or null when not offered. */
function availRrp(m, id) {
	const li = [...m.html.matchAll(/<li(?: hidden)? data-name="[^"]*">([\s\S]*?)<\/li>/g)]
		.find((x) => x[1].includes(`name="add" value="${id}"`));
	return li ? text(/<span class="svc-price">([\s\S]*?)<\/span>/.exec(li[1])[1]) : null;
}

const counts = () => db(`SELECT (SELECT COUNT(*) FROM service), (SELECT COUNT(*) FROM service_site),
	(SELECT COUNT(*) FROM audit_event WHERE entity = 'service'), (SELECT version FROM catalog_version WHERE operator_id = ${NW})`);

test('an admin adds a service: stored, audited, listed, and offered at once at its sites with their RRPs', async () => {
	const page = await admin.get('/catalog');
	assert.match(page.body, /<a class="button primary" href="\/catalog\/new">Add a service<\/a>/);
	const form = await admin.get('/catalog/new');
	assertHtml(form, 200, 'the add form');
	assert.match(form.body, new RegExp(`<input type="checkbox" name="site" value="${cw}"> Canary Wharf`));
	assert.ok(!form.body.includes('Harbour House'), "no other operator's sites");
	const { id, f } = await added();
	assert.deepEqual(db(`SELECT operator_id, code, name, category, description, cost, rrp, ent_switch_ports, ent_phone_ext,
		ent_public_ip, ent_wifi_devices, ent_wifi_accounts, retired, needs_case, needs_device FROM service WHERE id = ${id}`),
	[[String(NW), f.code, f.name, 'Wi-Fi', f.description, '2000', '8000', '0', '0', '0', '3', '2', '0', '0', '0']]);
	assert.deepEqual(db(`SELECT site_id, COALESCE(rrp, 'none') FROM service_site WHERE service_id = ${id} ORDER BY site_id`),
		[[String(cw), '9500'], [String(sd), 'none']].sort((a, b) => Number(a[0]) - Number(b[0])));
	const audit = db(`SELECT action, old_value, new_value, user_id FROM audit_event
		WHERE entity = 'service' AND entity_id = ${id}`);
	assert.equal(audit.length, 1);
	assert.equal(audit[0][0], 'create');
	assert.equal(audit[0][1], null);
	assert.match(audit[0][2], new RegExp(`^code=${f.code}\\nname=${f.name}\\ncategory=Wi-Fi\\ncost=20\\.00\\nrrp=80\\.00\\n`
		+ `entitles=0/0/0/3/2\\nneeds_case=0\\nneeds_device=0\\nsites=[0-9,]+\\nsite_rrp=${cw}:95\\.00\\n`));
	const show = await admin.get(`/catalog/${id}?done=created`);
	assert.match(show.body, /<p class="flash" role="status">Created\.<\/p>/);
	assert.equal(inputValue(show.body, 'code'), f.code);
	assert.equal(inputValue(show.body, 'cost'), '20.00');
	assert.equal(inputValue(show.body, `site_rrp_${cw}`), '95.00');
	assert.equal(inputValue(show.body, `site_rrp_${sd}`), '');
	// Listed, with the RRP at Canary Wharf named.
	const list = text((await admin.get('/catalog')).body);
	assert.ok(list.includes(`${f.name} A service made by a test. Wi-Fi £20.00 £80.00 3 Wi-Fi devices, 2 Wi-Fi accounts`), list.slice(0, 200));
	assert.ok(/Canary Wharf \(RRP 95\.00\), Shoreditch/.test(list));
	// The dialog at Canary Wharf offers it at 95.00, and a new row defaults to that; Shoreditch at 80.00.
	const o = await occupierWith(admin, cw, [{}]);
	const p = await occupierWith(admin, sd, [{}]);
	const m = (await openManage(admin, o.occ, cw)).m;
	assert.equal(availRrp(m, id), '£95.00 a month');
	const a = await submit(admin, o.occ, cw, m.version, [], { add: id });
	assert.deepEqual(a.m.rows.map((x) => [x.name, x.rrp, x.price]), [[f.name, '95.00', '95.00']]);
	const n = (await openManage(admin, p.occ, sd)).m;
	assert.equal(availRrp(n, id), '£80.00 a month', 'the service RRP where the site has none');
	const b = await submit(admin, p.occ, sd, n.version, [], { add: id });
	assert.deepEqual(b.m.rows.map((x) => [x.rrp, x.price]), [['80.00', '80.00']]);
	// Saved at Canary Wharf: the Services tab shows the site's RRP.
	const sv = await submit(admin, o.occ, cw, m.version, rowsOf(a.m), { op: 'save' });
	assertRedirect(sv.r, `${servicesPath(o.occ, cw)}?done=services_saved`, 'saved');
	const tab = await admin.get(servicesPath(o.occ, cw));
	assert.ok(text(tab.body).includes(`${f.name} A service made by a test.`));
	assert.ok(/95\.00/.test(text(tab.body)));
	// The Active services report: the RRP at Canary Wharf.
	const rep = csv((await admin.get('/reports/active-services.csv?kind=full')).body)
		.filter((l) => l[0] === 'Canary Wharf' && l[1] === f.name);
	assert.equal(rep.length, 1, 'one active row of it');
	assert.deepEqual([rep[0][5], rep[0][6], rep[0][7]], ['20.00', '95.00', '95.00'], 'cost, RRP at the site, price');
});

test('an admin edits every field; the dialog shows the change on the very next request', async () => {
	const { id, f } = await added();
	const o = await occupierWith(admin, cw, [{}]);
	assert.equal(availRrp((await openManage(admin, o.occ, cw)).m, id), '£95.00 a month', 'cached once');
	await admin.get(`/catalog/${id}`);
	const code = `edited-${rnd()}`;
	const name = `Edited service ${rnd()}`;
	const { pairs } = serviceFields({ code, name, category: 'Internet', cost: '21.50', rrp: '99.00', ent_switch_ports: '1',
		ent_wifi_devices: '0', ent_wifi_accounts: '0', sites: [cw], siteRrp: { [cw]: '', [sd]: '70.00' } });
	const r = await post(admin, `/catalog/${id}`, [['op', 'save'], ...pairs]);
	assertRedirect(r, `/catalog/${id}?done=saved`, 'edit');
	assert.deepEqual(db(`SELECT code, name, category, cost, rrp, ent_switch_ports, ent_wifi_devices, ent_wifi_accounts
		FROM service WHERE id = ${id}`), [[code, name, 'Internet', '2150', '9900', '1', '0', '0']]);
	// Shoreditch unticked: its RRP typed is not kept; Canary Wharf's emptied: the service RRP there.
	assert.deepEqual(db(`SELECT site_id, COALESCE(rrp, 'none') FROM service_site WHERE service_id = ${id}`), [[String(cw), 'none']]);
	const audit = db(`SELECT old_value, new_value FROM audit_event WHERE entity = 'service' AND entity_id = ${id}
		AND action = 'update' ORDER BY id DESC LIMIT 1`)[0];
	assert.match(audit[0], new RegExp(`^rrp=80\\.00\\ndescription=A service made by a test\\.\\nsites=[0-9,]+\\ncode=${f.code}\\n`
		+ `name=${f.name}\\ncategory=Wi-Fi\\ncost=20\\.00\\nentitles=0/0/0/3/2\\nsite_rrp=${cw}:95\\.00$`));
	assert.equal(audit[1], `rrp=99.00\ndescription=A service made by a test.\ncode=${code}\nname=${name}\ncategory=Internet\n`
		+ 'cost=21.50\nentitles=1/0/0/0/0\nsite_rrp=');
	const m = (await openManage(admin, o.occ, cw)).m;
	assert.equal(availRrp(m, id), '£99.00 a month', 'the next request sees the new catalog');
	assert.ok(m.avail.some((x) => x.id === id && x.name === name && x.category === 'Internet'));
	// A save that sends only RRP, description and sites keeps the rest.
	const r2 = await post(admin, `/catalog/${id}`, [['op', 'save'], ['rrp', '98.00'], ['description', 'short'], ['site', String(cw)]]);
	assertRedirect(r2, `/catalog/${id}?done=saved`, 'partial save');
	assert.deepEqual(db(`SELECT code, name, cost, rrp, description FROM service WHERE id = ${id}`), [[code, name, '2150', '9800', 'short']]);
});

/*
 * The refused field as a screen reader meets it: its control (the Category
 * select is f-svc-category; the rule form's own is f-category) is
 * aria-invalid and described by the error paragraph e-<key>, which holds
 * the message; no other control of the form is aria-invalid.
 */
function assertRefusedField(html, key, msg) {
	const id = key === 'category' ? 'f-svc-category' : `f-${key}`;
	const a = fieldA11y(html, id);
	assert.ok(a, `${id} on the page`);
	assert.equal(a.attrs['aria-invalid'], 'true', `${id} aria-invalid`);
	assert.ok(a.describedBy.includes(`e-${key}`), `${id} described by e-${key}: ${a.describedBy}`);
	assert.ok(a.described[a.describedBy.indexOf(`e-${key}`)]?.includes(msg),
		`e-${key} holds "${msg}": ${a.described}`);
	assert.equal((html.match(/aria-invalid="true"/g) || []).length, 1, `only ${id} is aria-invalid`);
	assert.equal((html.match(new RegExp(`id="e-${key}"`, 'g')) || []).length, 1, `one e-${key}`);
}

test('every refusal of the add form: the message by its field, the input kept, nothing written', async () => {
	const before_ = counts();
	const cases = [
		[{ code: 'inet-lan-100' }, 'code', "Code inet-lan-100 is already another service's: choose another."],
		[{ code: 'INET-LAN-100' }, 'code', "Code INET-LAN-100 is already another service's: choose another."],
		[{ code: 'two words' }, 'code', "Code may hold only letters, digits, '-', '_' and '.'"],
		[{ code: '' }, 'code', 'Code is required'],
		[{ name: '' }, 'name', 'Name is required'],
		[{ category: 'Hovercraft' }, 'category', 'Category must be one of the choices'],
		[{ cost: '-1.00' }, 'cost', 'Cost must be an amount such as 12.50'],
		[{ rrp: '-0.01' }, 'rrp', 'RRP must be an amount such as 12.50'],
		[{ rrp: '' }, 'rrp', 'RRP is required'],
		[{ ent_switch_ports: '-1' }, 'ent_switch_ports', 'Switch ports per unit'],
		[{ ent_phone_ext: '1.5' }, 'ent_phone_ext', 'Telephony extensions per unit must be a whole number'],
		[{ ent_wifi_accounts: 'lots' }, 'ent_wifi_accounts', 'Wi-Fi accounts per unit must be a whole number'],
		[{ siteRrp: { [cw]: '-5.00' } }, null, 'RRP at Canary Wharf must be an amount such as 12.50'],
	];
	for (const [over, field, msg] of cases) {
		const { r, f } = await addService(admin, over);
		assertHtml(r, 422, JSON.stringify(over));
		assert.ok(r.text.includes(msg), `${JSON.stringify(over)}: "${msg}" in ${r.text.slice(0, 600)}`);
		assert.match(r.body, /<p>Nothing was saved:<\/p>/);
		if (field !== null) {
			assert.ok(r.body.includes(`field invalid"><label for="f-${field === 'category' ? 'svc-category' : field}"`),
				`${field} marked invalid`);
		} else
			assert.match(r.body, /<div class="field invalid"><label class="check"><input type="checkbox" name="site" value="\d+" checked> Canary Wharf/);
		assertRefusedField(r.body, field ?? `site_rrp_${cw}`, msg);
		// The input is kept.
		assert.equal(inputValue(r.body, 'name'), f.name);
		assert.equal(inputValue(r.body, 'code'), f.code);
		assert.equal(inputValue(r.body, 'cost'), f.cost);
		assert.equal(inputValue(r.body, `site_rrp_${cw}`), f.siteRrp[cw]);
		assert.equal(textareaValue(r.body, 'description'), f.description);
		assert.match(r.body, new RegExp(`<input type="checkbox" name="site" value="${sd}" checked> Shoreditch`));
	}
	assert.deepEqual(counts(), before_, 'nothing written, no audit event, the catalog version unchanged');
});

test('the add form: one control labelled "Switch ports" (the entitlement); the needs-device box says when it starts', async () => {
	const r = await admin.get('/catalog/new');
	assertHtml(r, 200, 'add form');
	const labels = [...r.body.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/g)].map((m) => [m[1], text(m[2])]);
	const ports = labels.filter(([, t]) => /switch ports/i.test(t));
	assert.deepEqual(ports, [[' for="f-ent_switch_ports"', 'Switch ports']], JSON.stringify(ports));
	assert.ok(labels.some(([, t]) => t === 'Starts only once its ports are active (as Internet services)'),
		'the needs_device box');
	assert.match(r.body, /<label class="check"><input type="checkbox" name="needs_device" value="1"> Starts only once its ports are active/);
});

test('refusals of the edit form: a code taken, a negative cost or entitlement; nothing written', async () => {
	const { id, f } = await added();
	await admin.get(`/catalog/${id}`);
	const was = db(`SELECT * FROM service WHERE id = ${id}`);
	const before_ = counts();
	for (const [over, msg, key] of [
		[{ code: 'public-ip-29' }, "Code public-ip-29 is already another service's: choose another.", 'code'],
		[{ cost: '-3' }, 'Cost must be an amount such as 12.50', 'cost'],
		[{ ent_public_ip: '-2' }, 'Public IP addresses per unit', 'ent_public_ip'],
		[{ ent_public_ip: '100000' }, 'Public IP addresses per unit', 'ent_public_ip'],
		[{ siteRrp: { [sd]: 'abc' } }, 'RRP at Shoreditch must be an amount such as 12.50', `site_rrp_${sd}`],
	]) {
		const { f: g, pairs } = serviceFields({ code: f.code, name: f.name, ...over });
		const r = await post(admin, `/catalog/${id}`, [['op', 'save'], ...pairs]);
		assertHtml(r, 422, JSON.stringify(over));
		assert.ok(r.text.includes(msg), `${msg} in ${r.text.slice(0, 500)}`);
		assert.equal(inputValue(r.body, 'code'), g.code, 'kept');
		assert.equal(inputValue(r.body, 'cost'), g.cost, 'kept');
		assertRefusedField(r.body, key, msg);
	}
	assert.deepEqual(db(`SELECT * FROM service WHERE id = ${id}`), was);
	assert.deepEqual(counts(), before_);
});

test('retire: gone from Available services and refused on a new row; a plan that holds it keeps it and saves; offered again', async () => {
	const { id, f } = await added();
	const o = await occupierWith(admin, cw, [{}]);
	let m = (await openManage(admin, o.occ, cw)).m;
	const a = await submit(admin, o.occ, cw, m.version, [], { add: id });
	assertRedirect((await submit(admin, o.occ, cw, m.version, rowsOf(a.m), { op: 'save' })).r,
		`${servicesPath(o.occ, cw)}?done=services_saved`, 'on the plan');
	const p = await occupierWith(admin, cw, [{}]);
	await admin.get(`/catalog/${id}`);
	const r = await post(admin, `/catalog/${id}`, [['op', 'retire']]);
	assertRedirect(r, `/catalog/${id}?done=retired`, 'retire');
	assert.equal(dbValue(`SELECT retired FROM service WHERE id = ${id}`), '1');
	assert.deepEqual(db(`SELECT action, old_value, new_value FROM audit_event WHERE entity = 'service' AND entity_id = ${id}
		ORDER BY id DESC LIMIT 1`), [['retire', `name=${f.name}\nretired=0`, `name=${f.name}\nretired=1`]]);
	const page = await admin.get(r.location);
	assert.match(page.body, /The service is retired: no longer offered\./);
	assert.match(page.body, /<h1>[^<]*<span class="chip retired">Retired<\/span><\/h1>/);
	assert.match(page.body, /<input type="hidden" name="op" value="unretire"><button type="submit">Offer it again<\/button>/);
	assert.match((await admin.get('/catalog')).body, new RegExp(`${f.name}</a><span class="svc-desc">[^<]*</span><span class="chip retired">Retired</span>`));
	// Not offered to a new plan, not even by id.
	const n = (await openManage(admin, p.occ, cw)).m;
	assert.equal(availRrp(n, id), null, 'not in Available services');
	const add = await submit(admin, p.occ, cw, n.version, [], { add: id });
	assert.deepEqual(allMessages(add.m), ['top: That service is not available at this site.']);
	const forced = await submit(admin, p.occ, cw, n.version,
		[{ service: id, contract: p.contract.id, price: '80.00', qty: 1 }], { op: 'save' });
	assertHtml(forced.r, 422, 'a new row of a retired service');
	assert.ok(allMessages(forced.m).includes(`row 0: ${f.name} is not available at this site.`), JSON.stringify(allMessages(forced.m)));
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM occupier_service WHERE occupier_id = ${p.occ}`)), 0);
	// The plan that holds it keeps it, marked, and still saves (QTY 2).
	m = (await openManage(admin, o.occ, cw)).m;
	assert.deepEqual(m.rows.map((x) => x.name), [f.name]);
	assert.match(m.html, /<span class="svc-name">[^<]*<\/span> <span class="chip retired">Retired<\/span>/);
	assert.deepEqual(allMessages(m), []);
	const rows = rowsOf(m);
	rows[0].qty = '2';
	const kept = await submit(admin, o.occ, cw, m.version, rows, { op: 'save' });
	assertRedirect(kept.r, `${servicesPath(o.occ, cw)}?done=services_saved`, 'the plan still saves');
	assert.equal(dbValue(`SELECT qty FROM occupier_service WHERE occupier_id = ${o.occ} AND service_id = ${id} AND ended_at IS NULL`), '2');
	assert.match((await admin.get(servicesPath(o.occ, cw))).body, /<span class="chip retired">Retired<\/span>/, 'the Services tab says so');
	// Retired twice: 409, nothing written.
	const audits = Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'service' AND entity_id = ${id}`));
	assertHtml(await post(admin, `/catalog/${id}`, [['op', 'retire']]), 409, 'retired already');
	assert.equal(Number(dbValue(`SELECT COUNT(*) FROM audit_event WHERE entity = 'service' AND entity_id = ${id}`)), audits);
	// Offered again: back in Available services on the next request.
	assertRedirect(await post(admin, `/catalog/${id}`, [['op', 'unretire']]), `/catalog/${id}?done=offered`, 'un-retire');
	assert.equal(dbValue(`SELECT retired FROM service WHERE id = ${id}`), '0');
	assert.equal(availRrp((await openManage(admin, p.occ, cw)).m, id), '£95.00 a month');
	assertHtml(await post(admin, `/catalog/${id}`, [['op', 'unretire']]), 409, 'offered already');
});

test('staff and occupiers are refused (403); nothing changes', async () => {
	const { id } = await added();
	const before_ = counts();
	const was = db(`SELECT * FROM service WHERE id = ${id}`);
	await staff.get('/catalog');
	assertHtml(await staff.get('/catalog/new'), 403, 'staff GET the add form');
	const { pairs } = serviceFields();
	assertHtml(await post(staff, '/catalog/new', pairs), 403, 'staff add');
	for (const op of ['retire', 'unretire'])
		assertHtml(await post(staff, `/catalog/${id}`, [['op', op]]), 403, `staff ${op}`);
	assertHtml(await post(staff, `/catalog/${id}`, [['op', 'save'], ...pairs]), 403, 'staff edit');
	assert.ok(!(await staff.get('/catalog')).body.includes('href="/catalog/new"'), 'no Add button for staff');
	const sp = await staff.get(`/catalog/${id}`);
	assertHtml(sp, 200, 'staff read the service');
	assert.ok(!/name="op" value="retire"/.test(sp.body), 'no Retire button for staff');
	assert.match(text(sp.body), /Canary Wharf \(RRP 95\.00\) Shoreditch/, 'the RRP by site, read-only');
	assertHtml(await occAdmin.get('/catalog/new'), 403, 'occupier admin');
	assertHtml(await post(occAdmin, '/catalog/new', pairs), 403, 'occupier admin add');
	assertHtml(await post(occAdmin, `/catalog/${id}`, [['op', 'retire']]), 403, 'occupier admin retire');
	assert.deepEqual(db(`SELECT * FROM service WHERE id = ${id}`), was);
	assert.deepEqual(counts(), before_);
});

test("another operator's service is 404; its admin adds to its own catalog only", async () => {
	const { id } = await added();
	const was = db(`SELECT * FROM service WHERE id = ${id}`);
	await ewAdmin.get('/catalog');
	assertHtml(await ewAdmin.get(`/catalog/${id}`), 404, 'read');
	for (const pairs of [[['op', 'retire']], [['op', 'unretire']], [['op', 'save'], ...serviceFields().pairs]])
		assertHtml(await post(ewAdmin, `/catalog/${id}`, pairs), 404, `Eastwind ${pairs[0][1]}`);
	assert.deepEqual(db(`SELECT * FROM service WHERE id = ${id}`), was);
	// Eastwind's add, naming a Northwind site and Northwind's code: its own catalog, its own site only.
	const code = dbValue(`SELECT code FROM service WHERE id = ${id}`);
	await ewAdmin.get('/catalog/new');
	const { pairs } = serviceFields({ code, sites: [harbour, cw], siteRrp: { [harbour]: '12.00', [cw]: '1.00' } });
	const r = await post(ewAdmin, '/catalog/new', pairs);
	assertRedirect(r, /^\/catalog\/\d+\?done=created$/, 'Eastwind adds with the same code');
	const ew = Number(r.location.match(/^\/catalog\/(\d+)/)[1]);
	made.push(ew);
	assert.equal(dbValue(`SELECT o.name FROM service s JOIN operator o ON o.id = s.operator_id WHERE s.id = ${ew}`), 'Eastwind Offices');
	assert.deepEqual(db(`SELECT site_id, rrp FROM service_site WHERE service_id = ${ew}`), [[String(harbour), '1200']]);
	assert.ok(!(await admin.get('/catalog')).body.includes(`/catalog/${ew}"`), "not in Northwind's catalog");
	assertHtml(await admin.get(`/catalog/${ew}`), 404, 'Northwind reading it');
});
