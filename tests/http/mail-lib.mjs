// mail-lib.mjs: the test SMTP sink (tests/mail/sink.py, started by
// tests/run.sh on MAIL_SINK_PORT, writing MAIL_SINK_DIR) read back as
// parsed messages, and the sink taken away and brought back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, db } from './lib.mjs';

export const SINK_DIR = process.env.MAIL_SINK_DIR || '';

/* RFC 2047 encoded-words (UTF-8, B or Q) decoded; whitespace between two
 * adjacent encoded-words dropped, as RFC 2047 says. */
export function decodeWords(s) {
	return s.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (m, cs, enc, t) => {
			const bytes = enc.toUpperCase() === 'B' ? Buffer.from(t, 'base64') :
				Buffer.from(t.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi,
					(x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
			return bytes.toString('utf8');
		});
}

/* Quoted-printable to text. */
export function decodeQP(s) {
	const bytes = [];
	const t = s.replace(/=\r\n/g, '');
	for (let i = 0; i < t.length; i++) {
		if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
			bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
			i += 2;
		} else
			bytes.push(...Buffer.from(t[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

/* Header lines of a header block: [{ name, raw (unfolded), value (decoded) }]. */
export function headerLines(block) {
	const out = [];
	for (const line of block.split('\r\n')) {
		if (/^[ \t]/.test(line) && out.length)
			out[out.length - 1].raw += line;
		else
			out.push({ name: line.slice(0, line.indexOf(':')), raw: line.slice(line.indexOf(':') + 1).trim() });
	}
	for (const h of out)
		h.value = decodeWords(h.raw);
	return out;
}

/* One received message: envelope, headers, text and HTML parts. */
export function parseMessage(rec) {
	const data = rec.data;
	const cut = data.indexOf('\r\n\r\n');
	assert.ok(cut > 0, 'a header block');
	const headers = headerLines(data.slice(0, cut));
	const h = (n) => (headers.find((x) => x.name.toLowerCase() === n.toLowerCase()) || {}).value;
	const ct = h('Content-Type') || '';
	const b = /boundary="([^"]+)"/.exec(ct);
	const parts = {};
	if (b) {
		for (const chunk of data.slice(cut + 4).split('--' + b[1]).slice(1)) {
			if (chunk.startsWith('--'))
				break;
			const pc = chunk.indexOf('\r\n\r\n');
			const ph = headerLines(chunk.slice(2, pc));
			const type = (ph.find((x) => x.name.toLowerCase() === 'content-type') || {}).value || '';
			const body = chunk.slice(pc + 4).replace(/\r\n$/, '');
			parts[type.split(';')[0].trim()] = decodeQP(body);
		}
	}
	return {
		seq: rec.seq, from: rec.mail_from, to: rec.rcpt_tos, tls: rec.tls, auth: rec.auth, raw: data, headers,
		header: h, subject: h('Subject'), messageId: (h('Message-ID') || '').replace(/^<|>$/g, ''),
		contentType: ct, text: parts['text/plain'], html: parts['text/html'],
	};
}

/* Every message the sink has received, oldest first (dir: another sink's). */
export function sinkAll(dir = SINK_DIR) {
	assert.ok(dir, 'MAIL_SINK_DIR must be set (run through tests/run.sh)');
	let files;
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	} catch {
		return [];
	}
	return files.map((f) => parseMessage(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}

export const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/* The messages matching pred once there are at least n of them (waits up to
 * timeout ms; fails with what did arrive). */
export async function waitMail(pred, { n = 1, timeout = 20000, dir } = {}) {
	const end = Date.now() + timeout;
	let got = [];
	for (;;) {
		got = sinkAll(dir).filter(pred);
		if (got.length >= n || Date.now() > end)
			break;
		await sleep(150);
	}
	assert.ok(got.length >= n, `${n} message(s) expected, ${got.length} arrived`);
	return got;
}

/* Messages to address (envelope). */
export const to = (addr) => (m) => m.to.includes(addr);

export function stopSink() {
	execFileSync('sh', [path.join(ROOT, 'tests', 'mail', 'sink.sh'), 'stop'], { stdio: 'inherit' });
}

export function startSink() {
	execFileSync('sh', [path.join(ROOT, 'tests', 'mail', 'sink.sh'), 'start'], { stdio: 'inherit' });
}

/* Outbox rows for rcpt: [{ id, kind, state, attempts, error, messageId, text, sensitive }]. */
export function outboxFor(rcpt) {
	return db(`SELECT id, kind, state, attempts, last_error, message_id, body_text, has_link FROM mail_outbox
		WHERE rcpt = '${rcpt.replace(/'/g, "''")}' ORDER BY id`).map(([id, kind, state, attempts, error, mid, text, s]) =>
		({ id: Number(id), kind, state, attempts: Number(attempts), error, messageId: mid, text, sensitive: s === '1' }));
}

/* Every link of a message's parts: { text: [urls], html: [hrefs] }. */
export function linksOf(m) {
	return {
		text: [...(m.text || '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((x) => x[0]),
		html: [...(m.html || '').matchAll(/href="([^"]*)"/g)].map((x) => x[1].replace(/&amp;/g, '&')),
	};
}
