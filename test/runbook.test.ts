import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {main} from '../source/cli/main.ts';
import {parseConfig} from '../source/config/parse.ts';
import {Store} from '../source/engine/store.ts';
import {evaluateRunbook} from '../source/runbook/evaluate.ts';
import {Timeline} from '../source/timeline/timeline.ts';
import {capture} from './support/capture.ts';

const rates = (ratio: number) => ({
	services: [{name: 'onboarding-api', errorRatio: ratio, requestRate: 10, p99Seconds: 0.2}],
	threshold: 0.01,
});

async function irtop(argv: string[], configText: string) {
	const stdout = capture();
	const stderr = capture();
	const home = mkdtempSync(join(tmpdir(), 'irtop-runbook-'));
	const file = join(home, 'config.yaml');
	writeFileSync(file, configText);
	const code = await main({
		argv: argv.map((a) => (a === 'FILE' ? file : a)),
		env: {HOME: home, XDG_CONFIG_HOME: home},
		stdout: stdout.stream,
		stderr: stderr.stream,
		version: '0.0.0-test',
	});
	return {code, stdout: stdout.text(), stderr: stderr.text()};
}

describe('runbook', () => {
	it('errorRatioBelow with forMinutes is done once the ratio has stayed below that long, done at the moment that became true', () => {
		const config = parseConfig(
			'prometheus: {url: "http://p:9090"}\nrunbook:\n  - section: Resolution\n    steps:\n      - {title: calm, doneWhen: {errorRatioBelow: {service: onboarding-api, forMinutes: 5}}}\n',
			null,
		);
		const store = new Store({frameMs: 0});
		const timeline = new Timeline({now: () => 0});
		const memory = new Map<string, number>();
		const at = (t: number, ratio: number) => {
			store.setData('prometheus', rates(ratio), t);
			store.flush();
			return evaluateRunbook(
				config.runbook!,
				store.getSnapshot(),
				timeline.getSnapshot(),
				t,
				memory,
			)[0];
		};
		expect(at(0, 0.05)?.state).toBe('todo');
		expect(at(60_000, 0.002)?.state).toBe('todo');
		expect(at(120_000, 0.03)?.state).toBe('todo'); // back above: the clock restarts
		expect(at(180_000, 0.002)?.state).toBe('todo');
		expect(at(400_000, 0.001)?.state).toBe('todo'); // below for 3 min 40 s only
		// Done at the moment the condition became true: 5 minutes after it went below.
		expect(at(500_000, 0.001)).toMatchObject({state: 'done', doneAt: 480_000});
	});

	it('steps read the timeline and the status; unconfigured sources say so', () => {
		const config = parseConfig('', null);
		const store = new Store({frameMs: 0});
		for (const id of [
			'kubernetes',
			'prometheus',
			'alerts',
			'postgres',
			'kafka',
			'health',
			'redis',
		] as const)
			store.setSlot(id, {phase: 'not-configured', hint: 'x'});
		store.flush();
		const timeline = new Timeline({now: () => 1000});
		timeline.open({title: 'x', severity: 'P2'});
		timeline.append({kind: 'note', text: 'pool exhausted'});
		const steps = evaluateRunbook(
			config.runbook ?? [],
			store.getSnapshot(),
			timeline.getSnapshot(),
			1000,
			new Map(),
		);
		expect(steps).toEqual([]); // no runbook: key in the config
		const {defaultRunbook} =
			require('../source/runbook/default-runbook.ts') as typeof import('../source/runbook/default-runbook.ts');
		const built = evaluateRunbook(
			defaultRunbook,
			store.getSnapshot(),
			timeline.getSnapshot(),
			1000,
			new Map(),
		);
		const state = (title: string) => built.find((s) => s.title === title);
		expect(state('Findings written down')).toMatchObject({state: 'done', doneAt: 1000});
		expect(state('Every pod Running and ready')).toMatchObject({
			state: 'unavailable',
			note: expect.stringMatching(/kubernetes is not configured/),
		});
		expect(state('Cause identified')?.state).toBe('todo');
	});

	it('irtop runbook prints the built-in one; --check exits 2 naming file:line:field of an unknown condition', async () => {
		const printed = await irtop(['runbook', '--config', 'FILE'], '');
		expect(printed.code).toBe(0);
		expect(printed.stdout).toMatch(/^Runbook \(built in/);
		expect(printed.stdout).toMatch(
			/\[ \] Every pod Running and ready — done when at most 0 pods not Running \(kubernetes is not configured: by hand\)/,
		);
		const bad = await irtop(
			['runbook', '--check', 'FILE'],
			'runbook:\n  - section: Resolution\n    steps:\n      - {title: calm, doneWhen: {errorsGone: true}}\n',
		);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/config\.yaml:4:\d+: runbook\[0\]\.steps\[0\]\.doneWhen/);
		const good = await irtop(
			['runbook', '--check', 'FILE'],
			'runbook:\n  - section: A\n    steps:\n      - {title: b, doneWhen: {alertsFiring: 0}}\n',
		);
		expect(good).toMatchObject({code: 0, stdout: expect.stringMatching(/ok, 1 steps/)});
	});
});

describe('runbook steps on the timeline', () => {
	it('a step that becomes done lands once, and the export has the Runbook section', async () => {
		const {recordRunbookSteps} = await import('../source/cli/runbook-events.ts');
		const {exportMarkdown} = await import('../source/timeline/export-markdown.ts');
		const store = new Store({frameMs: 0});
		const timeline = new Timeline({now: () => 5000});
		const runbook = parseConfig(
			'runbook:\n  - section: Diagnosis\n    steps:\n      - {title: Findings written down, doneWhen: {timeline: {kind: note}}}\n      - {title: Cause identified, doneWhen: {statusIs: identified}}\n',
			null,
		).runbook!;
		const progress = recordRunbookSteps(store, timeline, runbook, () => 5000);
		timeline.open({title: 'x', severity: 'P2'});
		timeline.append({kind: 'note', text: 'pool exhausted'});
		await new Promise((resolve) => setTimeout(resolve, 10));
		timeline.append({kind: 'note', text: 'second note'});
		store.flush();
		await new Promise((resolve) => setTimeout(resolve, 10));
		progress.stop();
		const {incident, events} = timeline.getSnapshot();
		const steps = events.filter((e) => e.kind === 'milestone').map((e) => e.text);
		expect(steps).toEqual(['Runbook: Diagnosis · Findings written down done']);
		const markdown = exportMarkdown(incident!, events, 6000);
		expect(markdown).toMatch(/## Runbook\n- \d\d:\d\d UTC: Diagnosis · Findings written down\n/);
	});

	it('the export lists a step done by hand, but not one unmarked afterwards', async () => {
		const {exportMarkdown} = await import('../source/timeline/export-markdown.ts');
		const {markByHand} = await import('../source/runbook/progress.ts');
		const timeline = new Timeline({now: () => Date.parse('2026-11-28T03:04:00Z')});
		timeline.open({title: 'x', severity: 'P2'});
		markByHand(timeline, {section: 'Detection', title: 'On call checked'}, true, 'ana');
		markByHand(timeline, {section: 'Communication', title: 'Customers told'}, true, 'ana');
		markByHand(timeline, {section: 'Communication', title: 'Customers told'}, false, 'ana');
		const {incident, events} = timeline.getSnapshot();
		const markdown = exportMarkdown(incident!, events, Date.parse('2026-11-28T03:05:00Z'));
		expect(markdown).toMatch(
			/## Runbook\n- 03:04 UTC: Detection · On call checked \(by hand\)\n\n/,
		);
		// The unmarking is on the timeline itself.
		expect(markdown).toContain('Runbook: Communication · Customers told marked not done');
	});

	it('a step done once is todo again when its condition stops holding, saying when it was done; a later status counts', async () => {
		const {RunbookProgress} = await import('../source/runbook/progress.ts');
		const store = new Store({frameMs: 0});
		let t = 1000;
		const timeline = new Timeline({now: () => t});
		const runbook = parseConfig(
			'prometheus: {url: "http://p:9090"}\nrunbook:\n  - section: A\n    steps:\n      - {title: calm, doneWhen: {errorRatioBelow: {service: onboarding-api}}}\n      - {title: identified, doneWhen: {statusIs: identified}}\n',
			null,
		).runbook!;
		timeline.open({title: 'x', severity: 'P2'});
		const progress = new RunbookProgress(store, timeline, runbook, () => t);
		progress.start();
		store.setData('prometheus', rates(0.002), t);
		store.flush();
		timeline.setStatus('identified');
		timeline.setStatus('monitoring');
		await new Promise((resolve) => setTimeout(resolve, 10));
		t = 9000;
		store.setData('prometheus', rates(0.2), t);
		store.flush();
		const [calm, identified] = progress.getSnapshot().steps;
		expect(calm).toMatchObject({
			state: 'todo',
			note: 'was done 00:00:01, no longer holds',
		});
		// Recorded once, when it first became true.
		expect(
			timeline
				.getSnapshot()
				.events.filter((e) => e.data?.runbook === 'auto')
				.map((e) => e.text),
		).toEqual(['Runbook: A · calm done', 'Runbook: A · identified done']);
		// Monitoring is past identified: the step is done, not undone.
		expect(identified).toMatchObject({state: 'done', note: null});
		progress.stop();
	});

	it('snapshot --json reads the open incident from its journal: a step marked by hand is done-by-hand', async () => {
		const {Journal} = await import('../source/timeline/journal.ts');
		const {markByHand} = await import('../source/runbook/progress.ts');
		const {main} = await import('../source/cli/main.ts');
		const home = mkdtempSync(join(tmpdir(), 'irtop-runbook-snap-'));
		const journal = new Journal(join(home, '.local', 'state', 'irtop', 'incidents'));
		const timeline = new Timeline({author: 'ana', sink: journal});
		timeline.open({title: 'pool exhausted', severity: 'P1'});
		markByHand(timeline, {section: 'Detection', title: "Check who's on call"}, true, 'ana');
		journal.close();
		const file = join(home, 'config.yaml');
		// A Prometheus nobody answers: something is configured, so no demo.
		writeFileSync(file, 'prometheus: {url: "http://127.0.0.1:9"}\n');
		const stdout = capture();
		const code = await main({
			argv: ['snapshot', '--json', '--config', file],
			env: {HOME: home, XDG_CONFIG_HOME: home},
			stdout: stdout.stream,
			stderr: capture().stream,
			version: '0.0.0-test',
		});
		expect(code).toBe(0);
		const {runbook} = JSON.parse(stdout.text()) as {
			runbook: {incident: string; steps: {title: string; state: string; doneAt: string | null}[]};
		};
		expect(runbook.incident).toBe(timeline.incident?.id);
		expect(runbook.steps.find((s) => s.title === "Check who's on call")).toMatchObject({
			state: 'done-by-hand',
			doneAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
	});

	it('after a restart the timeline says when a step was done: no second wait for forMinutes', () => {
		const config = parseConfig(
			'prometheus: {url: "http://p:9090"}\nrunbook:\n  - section: R\n    steps:\n      - {title: calm, doneWhen: {errorRatioBelow: {service: onboarding-api, forMinutes: 5}}}\n',
			null,
		);
		const store = new Store({frameMs: 0});
		const timeline = new Timeline({now: () => 0});
		timeline.open({title: 'x', severity: 'P2'});
		timeline.append({
			id: 'runbook:R:calm:done',
			kind: 'milestone',
			text: 'Runbook: R · calm done',
			data: {runbook: 'auto', section: 'R', step: 'calm', done: true, doneAt: 400_000},
		});
		const memory = new Map<string, number>();
		const at = (t: number) => {
			store.setData('prometheus', rates(0.001), t);
			store.flush();
			return evaluateRunbook(
				config.runbook!,
				store.getSnapshot(),
				timeline.getSnapshot(),
				t,
				memory,
			)[0];
		};
		expect(at(900_000)).toMatchObject({state: 'done', doneAt: 400_000});
		expect(at(910_000)).toMatchObject({state: 'done', doneAt: 400_000});
	});
});
