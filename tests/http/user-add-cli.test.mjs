// user-add-cli.test.mjs: `tenantry user add`, the shell's way to give an
// operator its first admin (and the demo seed's way to add its logins),
// runs the Users screens' operation (ops_user_create) with the password
// read from standard input: the user signs in with it at once, is not
// "invited", gets no set-password link or mail, and the add has its audit
// event. The operation's refusals come back as the command's message and
// exit status 1, with nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DB_SOCKET, TENANTRY_BIN, db, dbValue, occupierId, operatorId, q, rnd, signedIn } from './lib.mjs';

function userAdd(args, password = 'a chosen password') {
	const r = spawnSync(TENANTRY_BIN, ['user', 'add', ...args], {
		input: password + '\n',
		env: { ...process.env, TENANTRY_DB_SOCKET: DB_SOCKET },
		encoding: 'utf8',
	});
	return { status: r.status, out: r.stdout + r.stderr };
}

const users = () => dbValue('SELECT COUNT(*) FROM app_user');
const mails = () => dbValue('SELECT COUNT(*) FROM mail_outbox');
const links = () => dbValue('SELECT COUNT(*) FROM user_token');

test('user add: the operation with the chosen password: signs in at once, not invited, no link or mail, one audit event', async () => {
	const nw = operatorId('Northwind Workspaces');
	const email = `First.Admin-${rnd()}@Example.test`;
	const before = [mails(), links()];
	const r = userAdd(['--email', email, '--name', 'First Admin', '--role', 'operator_admin', '--operator', String(nw)]);
	assert.equal(r.status, 0, r.out);
	assert.match(r.out, new RegExp(`user add: ${email.toLowerCase().replace(/[.+]/g, '\\$&')} \\(operator_admin\\) created`));
	const [[id, invited, disabled]] = db(`SELECT id, invited, disabled FROM app_user WHERE email = ${q(email.toLowerCase())}`);
	assert.deepEqual([invited, disabled], ['0', '0']);
	assert.deepEqual(db(`SELECT action, occupier_id FROM audit_event WHERE entity = 'user' AND entity_id = ${id}`),
		[['create', null]]);
	assert.deepEqual([mails(), links()], before, 'no set-password link, no mail');
	const c = await signedIn(email.toLowerCase(), 'a chosen password');
	const home = await c.get('/occupiers');
	assert.equal(home.status, 200);
});

test("user add: refusals say why and write nothing (email taken, another operator's occupier, role)", () => {
	const nw = operatorId('Northwind Workspaces');
	const zephyr = occupierId('Zephyr Secret Holdings');
	const n = users();
	let r = userAdd(['--email', 'admin@northwind.example', '--name', 'Again', '--role', 'operator_staff', '--operator', String(nw)]);
	assert.equal(r.status, 1);
	assert.match(r.out, /user add: Email is already used by another user: each user signs in with their own email\./);
	r = userAdd(['--email', `x-${rnd()}@example.test`, '--name', 'Cross', '--role', 'occupier_user',
		'--operator', String(nw), '--occupier', String(zephyr)]);
	assert.equal(r.status, 1);
	assert.match(r.out, /user add: No such occupier\./);
	r = userAdd(['--email', `w-${rnd()}@example.test`, '--name', 'Nowhere', '--role', 'operator_admin', '--operator', '999999999']);
	assert.equal(r.status, 1);
	assert.match(r.out, /user add: No such operator\./);
	r = userAdd(['--email', `y-${rnd()}@example.test`, '--name', 'Role', '--role', 'occupier_user', '--operator', String(nw)]);
	assert.equal(r.status, 2);
	assert.match(r.out, /occupier roles need --occupier/);
	r = userAdd(['--email', `z-${rnd()}@example.test`, '--name', 'Short', '--role', 'operator_staff', '--operator', String(nw)], 'short');
	assert.equal(r.status, 2);
	assert.match(r.out, /password must be at least 10 characters/);
	assert.equal(users(), n, 'nothing written');
});
