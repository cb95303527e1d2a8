// The runbook pane as a user meets it: the real bundle in a pseudo-terminal,
// R, x marks "Check who's on call" by hand; kill -9; --resume still shows
// it ticked; `irtop export --format md` lists it in the Runbook section.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {hasScript, killNine, ptyIrtop} from './support/pty-irtop.ts';

const {env, bundle, terminal} = ptyIrtop('runbook');

// Skipped only where `script` (util-linux) is missing; under CI=true it runs (and fails without it).
describe.skipIf(!hasScript && process.env.CI !== 'true')(
	'the runbook pane in a real terminal',
	() => {
		it('x by hand is journaled, survives --resume, and the export has it', async () => {
			const first = terminal('--demo --incident "runbook drill" --severity P2');
			await first.waitFor('runbook drill');
			await first.type('R');
			await first.waitFor(':Runbook');
			// The incident is open, so the first step is done: the pane opens on the next one.
			await first.waitFor('[✓] Acknowledge the alert');
			await first.waitFor("▶ [ ] Check who's on call");
			await first.type('x');
			await first.waitFor("done by hand: Check who's on call (on the timeline)");
			await first.waitFor("[x] Check who's on call");
			killNine(first.child);
			await new Promise((r) => first.child.once('exit', r));

			const second = terminal('--demo --resume');
			await second.waitFor('resumed');
			await second.type('R');
			await second.waitFor("[x] Check who's on call");
			killNine(second.child);
			await new Promise((r) => second.child.once('exit', r));

			const markdown = execFileSync(process.execPath, [bundle, 'export', '--format', 'md'], {
				env,
			}).toString();
			expect(markdown).toMatch(
				/\n## Runbook\n(- \d\d:\d\d UTC: .*\n)*- \d\d:\d\d UTC: Detection · Check who's on call \(by hand\)\n/,
			);
			expect(markdown).toContain("Runbook: Detection · Check who's on call done by hand");
		}, 90_000);
	},
);
