// clock.mjs: step through dates on the test data. Tenantry takes "today"
// from TENANTRY_TODAY when it starts, so a Clock runs a second stack
// (tenantry serve and nginx, tests/http/clock.sh) on the same database with
// another today, restarted whenever the day changes. Sessions live in the
// database, so a client signed in on the main stack is signed in there too:
// clock.client(c) shares c's cookies and CSRF token.
//
//   const clock = new Clock();
//   await clock.at('2026-08-03');
//   const a = clock.client(admin);    // a Client talking to that day
//   ...
//   await clock.stop();               // in after(): also fails on any
//                                     // sanitizer report in its log
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, ROOT } from './lib.mjs';

const SCRIPT = path.join(ROOT, 'tests', 'http', 'clock.sh');

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

export class Clock {
	constructor() {
		this.dir = mkdtempSync(path.join(os.tmpdir(), 'tenantry-clock-'));
		this.day = null;
		this.base = null;
		this.logs = '';
	}

	/* Serve day (YYYY-MM-DD) as today; no-op when it already does. */
	async at(day) {
		assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
		if (this.day === day)
			return this;
		this.halt();
		const port = await freePort();
		try {
			execFileSync('sh', [SCRIPT, 'start', this.dir, day, String(port)], {
				env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
		} catch (e) {
			this.halt();
			throw new Error(`clock: the stack for ${day} did not start: ${e.stderr}`);
		}
		this.day = day;
		this.base = `http://127.0.0.1:${port}`;
		return this;
	}

	/* A Client on this clock's stack sharing c's session (cookies, CSRF). */
	client(c) {
		assert.ok(this.base, 'clock.at(day) first');
		const k = new Client(`${c.name}@${this.day}`, this.base);
		k.jar = c.jar;
		k.csrf = c.csrf;
		return k;
	}

	/* Stop the stack (keeping its server log for stop()'s check). */
	halt() {
		const log = path.join(this.dir, 'run', 'tenantry.log');
		execFileSync('sh', [SCRIPT, 'stop', this.dir], { stdio: 'ignore' });
		if (existsSync(log)) {
			this.logs += readFileSync(log, 'utf8');
			rmSync(log);
		}
		this.day = null;
		this.base = null;
	}

	/* Stop for good; fail on any sanitizer report its servers wrote. */
	async stop() {
		this.halt();
		rmSync(this.dir, { recursive: true, force: true });
		const bad = this.logs.split('\n').filter((l) =>
			/AddressSanitizer|LeakSanitizer|runtime error:/.test(l));
		assert.deepEqual(bad, [], 'sanitizer reports in the clock stack\'s server log');
	}
}
