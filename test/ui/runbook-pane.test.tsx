// The `:runbook` pane through the whole app at 80x24: R opens it on the
// current step, x marks a step by hand on the timeline (and un-marks it),
// Enter offers the step's actions, each through the one confirmation; in
// --read-only the mutating ones are disabled with the reason and x still marks.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/actions/action.ts';
import type {Mitigations} from '../../source/actions/mitigations.ts';
import {parseConfig} from '../../source/config/parse.ts';
import {Store} from '../../source/engine/store.ts';
import {evaluateRunbook} from '../../source/runbook/evaluate.ts';
import {RunbookProgress} from '../../source/runbook/progress.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.parse('2026-11-28T03:00:00Z');

const config = parseConfig(
	`checks:
  - {name: smoke, command: ["false"]}
actions:
  - {id: page-team, key: F, title: Page the owning team, scope: deployment, command: [echo, "{name}"]}
runbook:
  - section: Detection
    steps:
      - {title: "Pods \\u001b[31mred\\u001b[0m checked", hint: look at the pods, doneWhen: {podsNotRunning: {max: 5}}}
      - {title: Who is on call, hint: the header says}
  - section: Mitigation
    steps:
      - {title: Mitigation applied, actions: [restart, undo, page-team, delete-pod]}
      - {title: Smoke tests pass, check: smoke}
      - {title: Lag drained, doneWhen: {kafkaLagBelow: {max: 0}}}
`,
	null,
);

function recording(runs: string[]): Mitigations {
	return {
		restartDeployment: (ref): Action => ({
			id: 'restart',
			title: 'Rollout restart',
			target: {context: 'prod-eu', namespace: ref.namespace, object: `deployment/${ref.name}`},
			command: `kubectl rollout restart deployment/${ref.name} -n ${ref.namespace}`,
			run: async () => {
				runs.push(ref.name);
				return {ok: true, message: 'restarted'};
			},
		}),
	};
}

async function pane(
	options: {readOnly?: boolean; runs?: string[]; columns?: number; rows?: number} = {},
) {
	const store = new Store({frameMs: 0});
	const data = fixtureData(now);
	store.setData('kubernetes', data.kubernetes, now);
	store.setData(
		'health',
		[{name: 'smoke', ok: false, latencyMs: 3, detail: 'exit 1', certDaysLeft: null}],
		now,
	);
	store.setSlot('kafka', {phase: 'not-configured', hint: 'set kafka in config.yaml'});
	store.flush();
	const timeline = new Timeline({author: 'tester', now: () => now});
	timeline.open({title: 'API 500s', severity: 'P1'});
	const progress = new RunbookProgress(store, timeline, config.runbook!, () => now);
	progress.start();
	const app = await renderApp({
		columns: options.columns ?? 80,
		rows: options.rows ?? 24,
		store,
		timeline,
		now,
		readOnly: options.readOnly ?? false,
		mitigations: recording(options.runs ?? []),
		services: {
			runbook: progress,
			runbookTarget: {namespace: 'business-onboarding', name: 'onboarding-api'},
			configuredActions: config.actions,
		},
	});
	return {...app, progress};
}

describe('the :runbook pane', () => {
	it('R opens it with the current step selected; done, blocked and unseen steps say so', async () => {
		const app = await pane();
		await app.press('runbook');
		const frame = app.frame();
		expect(frame).toMatch(/:Runbook\s+1\/5 done · 1 blocked · next: Who is on call/);
		expect(frame).toMatch(/\[✓\] Pods red checked\s+done 03:00:00/);
		// The current step: marked, selected, its hint under it.
		expect(frame).toMatch(/▶ \[ \] Who is on call\s+by hand \(x\)\n\s+hint: the header says/);
		expect(frame).toMatch(/\[!\] Smoke tests pass\s+blocked/);
		expect(frame).toMatch(/\[-\] Lag drained\s+not seen: by hand/);
		expect(frame).not.toContain('\u001b[31m');
		// Every line fits the 80 columns.
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
		app.unmount();
	});

	it('x marks the step done by hand on the timeline, x again un-marks it (recorded too)', async () => {
		const app = await pane();
		await app.press('runbook');
		await app.press('runbook-toggle');
		expect(app.frame()).toMatch(/\[x\] Who is on call\s+by hand 03:00:00/);
		expect(app.frame()).toContain('✓ done by hand: Who is on call (on the timeline)');
		await app.press('runbook-toggle');
		expect(app.frame()).toMatch(/\[ \] Who is on call/);
		const marks = app.timeline
			.getSnapshot()
			.events.filter((e) => e.kind === 'milestone' && e.data?.runbook === 'hand');
		expect(marks.map((e) => [e.text, e.author, e.data?.done])).toEqual([
			['Runbook: Detection · Who is on call done by hand', 'tester', true],
			['Runbook: Detection · Who is on call marked not done', 'tester', false],
		]);
		// The snapshot's state follows the last mark.
		const state = () =>
			evaluateRunbook(
				config.runbook!,
				app.store.getSnapshot(),
				app.timeline.getSnapshot(),
				now,
				new Map(),
			).find((s) => s.title === 'Who is on call')?.state;
		expect(state()).toBe('todo');
		await app.press('runbook-toggle');
		expect(state()).toBe('done-by-hand');
		app.unmount();
	});

	it("Enter offers the step's actions on the runbook's target, disabled ones with why; y runs one", async () => {
		const runs: string[] = [];
		const app = await pane({runs});
		await app.press('runbook');
		await app.press('down', 2); // the Mitigation heading, then its first step
		await app.press('runbook-actions');
		const menu = app.frame();
		expect(menu).toContain('Actions · Mitigation applied');
		expect(menu).toMatch(/▶ r\s+Rollout restart the deployment/);
		expect(menu).toContain('on deployment/onboarding-api');
		expect(menu).toMatch(/u\s+Rollout undo[^\n]*\n[^\n]*✗ not offered here/);
		expect(menu).toMatch(/F\s+Page the owning team[^\n]*\n[^\n]*on deployment\/onboarding-api/);
		expect(menu).toMatch(/x\s+Delete the pod[^\n]*\n[^\n]*✗ not offered here/);
		await app.press('step-action-run');
		expect(app.frame()).toContain(
			'$ kubectl rollout restart deployment/onboarding-api -n business-onboarding',
		);
		await app.press('confirm');
		await app.tick(50);
		expect(runs).toEqual(['onboarding-api']);
		expect(app.timeline.getSnapshot().events.some((e) => e.kind === 'action')).toBe(true);
		app.unmount();
	});

	it('/ keeps the steps only, so Enter acts on the first match', async () => {
		const app = await pane();
		await app.press('runbook');
		await app.type('/mitigation\r');
		const frame = app.frame();
		expect(frame).toContain('Mitigation applied');
		expect(frame).not.toMatch(/Mitigation \(\d\/\d\)/);
		await app.press('runbook-actions');
		expect(app.frame()).toContain('Actions · Mitigation applied');
		app.unmount();
	});

	it('--read-only: mutating actions are disabled with the reason; x still marks', async () => {
		const runs: string[] = [];
		const app = await pane({readOnly: true, runs});
		await app.press('runbook');
		await app.press('runbook-toggle');
		expect(app.frame()).toMatch(/\[x\] Who is on call/);
		await app.press('down', 2);
		await app.press('runbook-actions');
		expect(app.frame()).toMatch(
			/r\s+Rollout restart[^\n]*\n[^\n]*✗ read-only: irtop changes nothing/,
		);
		await app.press('step-action-run');
		expect(app.frame()).toContain('read-only: irtop changes nothing');
		expect(app.frame()).not.toContain('$ kubectl');
		expect(runs).toEqual([]);
		app.unmount();
	});

	it(':runbook opens the same pane; at 120x40 the titles and states have room', async () => {
		const app = await pane({columns: 120, rows: 40});
		await app.type(':runbook\r');
		const frame = app.frame();
		expect(frame).toMatch(/▶ \[ \] Who is on call\s+by hand \(x\)/);
		expect(frame).toMatch(/\[-\] Lag drained\s+not seen: by hand/);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
		app.unmount();
	});
});
