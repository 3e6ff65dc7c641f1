// lib.mjs: what the browser walks share (Debian's /usr/bin/chromium,
// headless, driven by playwright-core) against the stack tests/run.sh
// starts. Each test file runs in its own process, so the state here (open
// browsers, problems seen) is per file.
//
//   BASE_URL            the stack (set by tests/run.sh)
//   TENANTRY_OUT        where screenshots and failure shots go (tests/out)
//   UPDATE_SCREENSHOTS  1: also refresh tests/screenshots/*.png (README)
import { mkdtemp, mkdir, readdir, rm, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const OUT = process.env.TENANTRY_OUT || fileURLToPath(new URL('../out/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
export const ADMIN = { email: 'admin@northwind.example', password: 'tenantry-demo' };
export const TIMEOUT = 15000;
const VIEWPORT = { width: 1280, height: 800 };

// Debian's chromium as root, on a closed network: no sandbox (root), no GPU,
// no QUIC and nothing that calls home.
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking', '--disable-component-update',
	'--disable-sync'];

const profiles = [];	// fresh user-data dirs, removed by closeBrowsers()
const contexts = [];
export const problems = [];	// console errors, page errors, 5xx answers

/* A browser with a fresh profile; options are Playwright context options. */
export async function openBrowser(options = {}) {
	const dir = await mkdtemp(join(tmpdir(), 'tenantry-chromium-'));
	profiles.push(dir);
	const ctx = await chromium.launchPersistentContext(dir, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: VIEWPORT,
		locale: 'en-GB',
		timezoneId: 'Europe/London',
		...options,
	});
	contexts.push(ctx);
	ctx.setDefaultTimeout(TIMEOUT);
	ctx.setDefaultNavigationTimeout(TIMEOUT);
	const p = ctx.pages()[0] || await ctx.newPage();
	p.on('console', (m) => {
		// The browser asks for /favicon.ico by itself; the app has none.
		if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || ''))
			problems.push(`console: ${m.text()} (${m.location().url || p.url()})`);
	});
	p.on('pageerror', (e) => problems.push(`page error: ${e.message} (${p.url()})`));
	p.on('response', (r) => {
		if (r.status() >= 500)
			problems.push(`HTTP ${r.status()} for ${r.url()}`);
	});
	return p;
}

export async function closeBrowsers() {
	for (const c of contexts)
		await c.close().catch(() => {});
	for (const d of profiles)
		await rm(d, { recursive: true, force: true });
}

/* Screenshot to TENANTRY_OUT, and, for the README's pictures (readme), to
 * tests/screenshots when UPDATE_SCREENSHOTS=1. */
export async function shoot(p, name, readme = true) {
	await mkdir(OUT, { recursive: true });
	await p.mouse.move(0, 0);	// no hover styles in the picture
	const file = join(OUT, name);
	await p.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
	if (UPDATE && readme) {
		await mkdir(SHOTS, { recursive: true });
		await copyFile(file, join(SHOTS, name));
	}
}

/* step(p, name, fn) for one test file: run fn, and on failure keep a
 * picture of the page as browser-failed-WALK-name.png in TENANTRY_OUT
 * (those of an earlier run are removed first). */
export async function stepper(walk) {
	const prefix = `browser-failed-${walk}-`;
	await mkdir(OUT, { recursive: true });
	for (const f of await readdir(OUT))
		if (f.startsWith(prefix))
			await rm(join(OUT, f), { force: true });
	return async (p, name, fn) => {
		try {
			await fn();
		} catch (e) {
			await mkdir(OUT, { recursive: true }).catch(() => {});
			await p.screenshot({ path: join(OUT, `${prefix}${name}.png`), fullPage: true })
				.catch(() => {});
			throw e;
		}
	};
}

/* Sign in through the labelled fields of the sign-in page. */
export async function signIn(p, next = '/', who = ADMIN) {
	await p.goto(`${BASE_URL}${next}`);
	await p.waitForURL(/\/login(\?|$)/);
	await p.getByLabel('Email', { exact: true }).fill(who.email);
	await p.getByLabel('Password', { exact: true }).fill(who.password);
	await Promise.all([
		p.waitForURL((u) => !u.pathname.startsWith('/login')),
		p.getByRole('button', { name: 'Sign in' }).click(),
	]);
}

/* Poll fn until it returns a truthy value; fail with what after TIMEOUT. */
export async function until(fn, what) {
	const end = Date.now() + TIMEOUT;
	let last;
	for (;;) {
		try {
			last = await fn();
			if (last)
				return last;
		} catch (e) {
			last = e.message;
		}
		if (Date.now() > end)
			throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/* A locator's visible text, whitespace collapsed. */
export async function text(locator) {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
