// Issue 14, as two users on one host: two real irtop bundles in pseudo-terminals
// (util-linux `script`) on one incident, one started with --incident, the other
// with --resume ID; each one's note shows on the other's :timeline within 1 s.
import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasScript, killNine, notesBothWays, ptyIrtop} from '../support/pty-irtop.ts';

const {work, env, bundle, terminal} = ptyIrtop('shared');

// Skipped only locally without util-linux `script`; under CI a missing `script` fails the test.
describe.skipIf(!hasScript && process.env.CI !== 'true')('two responders on one host', () => {
	it('a note typed in A is on B’s timeline within 1 s, and back; the export has both, in order', async () => {
		const a = terminal('--demo --incident "shared drill" --severity P1');
		await a.waitFor('shared drill');
		const dir = join(work, 'state', 'irtop', 'incidents');
		const id = readdirSync(dir)
			.find((f) => f.endsWith('.jsonl'))
			?.replace(/\.jsonl$/, '');
		const b = terminal(`--demo --resume ${id}`);
		await b.waitFor('resumed');
		for (const t of [a, b]) {
			await t.type(':');
			await t.type('timeline');
			await t.type('\r');
			await t.type('z');
		}
		try {
			await notesBothWays(a, b, ['alice sees the pool at 48/50', 'bob restarts the report job']);
			const exported = () =>
				execFileSync(process.execPath, [bundle, 'export', id ?? '', '--format', 'json'], {
					env,
				}).toString();
			const json = JSON.parse(exported()) as {events: {text: string; author: string | null}[]};
			const notes = json.events.filter((e) => e.text.includes('alice') || e.text.includes('bob'));
			expect(notes.map((e) => e.text)).toEqual([
				'alice sees the pool at 48/50',
				'bob restarts the report job',
			]);
		} finally {
			killNine(a.child);
			killNine(b.child);
			await Promise.all([a, b].map((t) => new Promise((r) => t.child.once('exit', r))));
		}
	}, 60_000);
});
