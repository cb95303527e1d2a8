// A runbook step with errorRatioBelow against the lab's real Prometheus and
// exporter: not done while the error-spike scenario holds, done (once, on the
// timeline, at the moment it had held for forMinutes) after the scenario is reset.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {parseArgs} from '../source/cli/args.ts';
import {openSession, type Session} from '../source/cli/session.ts';
import {parseConfig} from '../source/config/parse.ts';
import {eventually} from './support/eventually.ts';
import {describeLab, labCli} from './support/lab.ts';
import {takeLabLock} from './support/lab-lock.ts';

// A 30 s Prometheus window to fall through, then 15 s held below: longer than the suite's default.
vi.setConfig({testTimeout: 180_000, hookTimeout: 180_000});

describeLab('runbook errorRatioBelow against the lab', ['prometheus', 'exporter'], (lab) => {
	let release: () => void = () => {};
	let session: Session | undefined;
	const title = 'onboarding-api 5xx below 5 % for 15 s';

	beforeAll(async () => {
		// A scenario reset resets the exporter for everyone: one such test at a time.
		release = await takeLabLock('cluster-wide');
	});
	afterAll(async () => {
		await session?.close();
		await labCli('scenario', 'reset', 'error-spike');
		release();
	});

	const step = () => session?.runbook.getSnapshot().steps.find((s) => s.title === title);
	const ratio = () =>
		(() => {
			const slot = session?.store.getSnapshot().slots.prometheus;
			const data = slot && slot.phase !== 'not-configured' ? slot.data : null;
			return data?.services.find((s) => s.name === 'onboarding-api')?.errorRatio ?? null;
		})();

	it('is not done during the error spike, and goes done after the reset', async () => {
		const home = mkdtempSync(join(tmpdir(), 'irtop-runbook-lab-'));
		const env = {HOME: home, XDG_STATE_HOME: join(home, 'state')};
		const config = parseConfig(
			`prometheus:
  url: ${lab.prometheus.url}
  window: 30s
  services: [{name: onboarding-api}]
runbook:
  - section: Resolution
    steps:
      - {title: "${title}", doneWhen: {errorRatioBelow: {service: onboarding-api, threshold: 0.05, forMinutes: 0.25}}}
`,
			null,
			env,
		);
		const parsed = parseArgs(['--refresh', '1', '--incident', 'lab error spike'], 'test');
		if (!('options' in parsed)) throw new Error('arguments');
		await labCli('scenario', 'error-spike');
		session = await openSession(parsed.options, config, env);
		session.scheduler.start();

		// The spike as irtop's Prometheus source sees it: the step stays todo.
		const high = await eventually(
			async () => ratio(),
			(r) => r !== null && r > 0.05,
			60_000,
			500,
		);
		expect(high).toBeGreaterThan(0.05);
		expect(step()?.state).toBe('todo');

		await labCli('scenario', 'reset', 'error-spike');
		const below = await eventually(
			async () => ratio(),
			(r) => r !== null && r < 0.05,
			60_000,
			500,
		);
		expect(below).toBeLessThan(0.05);
		const wentBelow = Date.now();
		// Below, but not yet for 15 s: todo, saying how long so far.
		expect(step()).toMatchObject({
			state: 'todo',
			note: expect.stringMatching(/^below for \d+s of 15s$/),
		});

		const done = await eventually(
			async () => step(),
			(s) => s?.state === 'done',
			60_000,
			500,
		);
		expect(done?.state).toBe('done');
		// Done at the moment it had held for 15 s (a poll's slack either side).
		expect(done!.doneAt! - wentBelow).toBeGreaterThan(15_000 - 3000);
		expect(done!.doneAt! - wentBelow).toBeLessThan(15_000 + 3000);
		// On the incident's timeline once.
		const recorded = session.timeline
			.getSnapshot()
			.events.filter((e) => e.kind === 'milestone' && e.data?.runbook === 'auto');
		expect(recorded.map((e) => e.text)).toEqual([`Runbook: Resolution · ${title} done`]);
	});
});
