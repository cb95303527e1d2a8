import {afterEach, describe, expect, it} from 'vitest';
import type {Action} from '../../source/actions/action.ts';
import type {Mitigations} from '../../source/actions/mitigations.ts';
import {commands} from '../../source/ui/commands.ts';
import {fixtureData} from '../support/fixtures.ts';
import {panelTitles} from '../support/panel-titles.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.UTC(2026, 10, 28, 3, 0, 0);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function app(
	columns: number,
	rows: number,
	extra: Partial<Parameters<typeof renderApp>[0]> = {},
) {
	const rendered = await renderApp({columns, rows, data: fixtureData(now), now, ...extra});
	cleanup = rendered.unmount;
	return rendered;
}

function recordingMitigations(runs: string[]): Mitigations {
	const action = (title: string, command: string, object: string): Action => ({
		id: title,
		title,
		target: {context: 'prod-eu', namespace: 'business-onboarding', object},
		command,
		run: async () => {
			runs.push(command);
			return {ok: true, message: 'done'};
		},
	});
	return {
		restartDeployment: (t) =>
			action(
				'Rollout restart',
				`kubectl rollout restart deployment/${t.name} -n ${t.namespace}`,
				`deployment/${t.name}`,
			),
		scaleDeployment: (t, n) =>
			action(
				'Scale',
				`kubectl scale deployment/${t.name} -n ${t.namespace} --replicas=${n}`,
				`deployment/${t.name}`,
			),
	};
}

describe.each([
	[80, 24],
	[120, 40],
])('the dashboard at %ix%i', (columns, rows) => {
	it('shows all nine panels, the incident header and no line wider than the terminal', async () => {
		const {frame, timeline} = await app(columns, rows);
		timeline.open({title: 'API 500 errors spike', severity: 'P1', startedAt: now - 10 * 60_000});
		await new Promise((r) => setTimeout(r, 30));
		const screen = frame();
		for (const title of panelTitles) expect(screen).toContain(title);
		expect(screen).toContain('P1 API 500 errors spike');
		expect(screen).toContain('50:00 left');
		const lines = screen.split('\n');
		expect(lines.length).toBeLessThanOrEqual(rows);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
	});

	it('never lets a remote escape sequence reach the terminal', async () => {
		const {frame, press} = await app(columns, rows);
		await press('jump');
		const screen = frame();
		expect(screen).not.toContain('\u001b]');
		expect(screen).not.toContain('\u0007');
	});

	it('shows help generated from the command table, every key reached by scrolling', async () => {
		const {frame, press} = await app(columns, rows);
		await press('help');
		const pages = [frame()];
		for (
			let i = 0;
			i < 10 && !/ · \d+-(\d+) of \1 · /.test(frame()) && / of \d+ · /.test(frame());
			i++
		) {
			await press('help-page-down');
			pages.push(frame());
		}
		// Past the last full page it stays put.
		await press('help-page-down');
		expect(frame()).toBe(pages.at(-1));
		const seen = pages.join('\n');
		for (const command of commands) expect(seen).toContain(command.description.slice(0, 30));
		for (const page of pages)
			for (const line of page.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
		await press('help-page-up', 10);
		expect(frame()).toBe(pages[0]);
		await press('clear');
		expect(frame()).toContain('Deployments');
	});
});

describe('keys', () => {
	it(':deploy jumps to deployments, r shows the exact command, y runs it once and the timeline records it', async () => {
		const runs: string[] = [];
		const {frame, press, type, timeline} = await app(120, 40, {
			mitigations: recordingMitigations(runs),
		});
		await press('jump');
		await type('deploy');
		await press('submit');
		await press('restart');
		expect(frame()).toContain(
			'$ kubectl rollout restart deployment/onboarding-api -n business-onboarding',
		);
		await press('confirm', 3);
		expect(runs).toEqual([
			'kubectl rollout restart deployment/onboarding-api -n business-onboarding',
		]);
		await new Promise((r) => setTimeout(r, 50));
		expect(frame()).toContain('✓ Rollout restart deployment/onboarding-api: done');
		const events = timeline.getSnapshot().events.filter((e) => e.kind === 'action');
		expect(events).toHaveLength(1);
		expect(events[0]?.data).toMatchObject({command: runs[0], ok: true});
		expect(frame()).toMatch(/action\s+Rollout restart/);
	});

	it('scale prompts for replicas, shows the current count and rejects nonsense', async () => {
		const runs: string[] = [];
		const {frame, press, type} = await app(120, 40, {mitigations: recordingMitigations(runs)});
		await press('focus-number'); // "1": errors
		await press('focus-next', 2); // pods
		await press('focus-next');
		await press('scale');
		expect(frame()).toContain('replicas for onboarding-api (now 3)');
		await type('\u007f');
		await type('x');
		await press('submit');
		expect(frame()).toContain('replicas must be a whole number');
		await type('\u007f5');
		await press('submit');
		expect(frame()).toContain('--replicas=5');
		await press('cancel');
		expect(runs).toEqual([]);
	});

	it('at 80x24 an outcome stays whole on the status line, and a confirmation keeps its own keys', async () => {
		const runs: string[] = [];
		const mitigations = recordingMitigations(runs);
		const slow: Mitigations = {
			...mitigations,
			restartDeployment: (t) => {
				const action = mitigations.restartDeployment!(t);
				return action && {...action, run: async () => ({ok: false, message: 'x'.repeat(20)})};
			},
		};
		const {frame, press, type} = await app(80, 24, {mitigations: slow});
		await press('jump');
		await type('deploy');
		await press('submit');
		await press('restart');
		await press('confirm');
		await new Promise((r) => setTimeout(r, 50));
		const status = () => frame().split('\n').at(-1) ?? '';
		expect(status()).toContain(`✗ Rollout restart deployment/onboarding-api: ${'x'.repeat(20)}`);
		expect(status()).toContain('? help');
		await press('restart');
		expect(status()).toContain('y run');
		expect(status()).toContain('n cancel');
	});

	it('read-only removes the mutating keys from the help and does nothing on r', async () => {
		const runs: string[] = [];
		const {frame, press, type} = await app(120, 40, {
			mitigations: recordingMitigations(runs),
			readOnly: true,
		});
		await press('jump');
		await type('deploy');
		await press('submit');
		await press('help');
		expect(frame()).not.toContain('Rollout restart the deployment');
		await press('help');
		await type('r');
		expect(frame()).not.toContain('kubectl rollout restart');
	});

	it('/ filters the focused panel and Esc clears it', async () => {
		const {frame, press, type} = await app(120, 40);
		await press('jump');
		await type('events');
		await press('submit');
		await press('filter');
		await type('BackOff');
		await press('submit');
		expect(frame()).toContain('/BackOff');
		expect(frame()).not.toContain('Pulled');
		expect(frame()).toContain('(x14) Back-off');
		await press('clear');
		expect(frame()).toContain('Pulled');
	});

	it('a toggles problem pods and all pods', async () => {
		const {frame, press, type} = await app(120, 40);
		await press('jump');
		await type('pods');
		await press('submit');
		expect(frame()).not.toContain('postgresql-0');
		await press('toggle-problems');
		expect(frame()).toContain('postgresql-0');
	});

	it('q quits', async () => {
		const rendered = await app(80, 24);
		await rendered.press('quit');
		expect(rendered.quit).toBe(true);
	});

	it('a terminal below 80x24 gets a clear message', async () => {
		const {frame} = await app(79, 24);
		expect(frame()).toContain('Terminal too small');
	});
});

describe('keys typed fast over SSH', () => {
	it('a prompt takes text and Enter arriving in one chunk', async () => {
		const {frame, press, stdin} = await app(120, 40);
		await press('jump');
		stdin.write('events\r');
		await new Promise((r) => setTimeout(r, 50));
		await press('filter');
		stdin.write('BackOff\r');
		await new Promise((r) => setTimeout(r, 50));
		expect(frame()).toContain('5 Events');
		expect(frame()).toContain('/BackOff');
		expect(frame()).not.toContain('Pulled');
	});

	it('backspaces arriving in one chunk (held over SSH) each delete a character', async () => {
		const {frame, press, stdin} = await app(120, 40);
		await press('filter');
		stdin.write('BackOffxyz');
		await new Promise((r) => setTimeout(r, 50));
		stdin.write('\u007f\u007f\u007f');
		await new Promise((r) => setTimeout(r, 50));
		expect(frame()).toContain('/BackOff');
		expect(frame()).not.toContain('/BackOffx');
		stdin.write('\r');
		await new Promise((r) => setTimeout(r, 50));
		await press('note');
		stdin.write('pool at 48/50!!');
		await new Promise((r) => setTimeout(r, 50));
		stdin.write('\u007f\u007f');
		await new Promise((r) => setTimeout(r, 50));
		expect(frame()).toContain('pool at 48/50');
		expect(frame()).not.toContain('48/50!');
	});
});
