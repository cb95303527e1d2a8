// The log view's keys on a log the test writes into: search, pause (the
// tail keeps reading), scrolling back, and following again. The real tail
// against the lab's apiserver is in test/sources/kubernetes/logs.test.ts.
import {afterEach, describe, expect, it} from 'vitest';
import type {LogView} from '../../source/ui/services.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.UTC(2026, 10, 28, 3, 0, 0);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A log that grows when the test says so. */
function fakeLog() {
	const view = {lines: [] as string[], received: 0, error: null, ended: false, stop() {}};
	let changed = () => {};
	return {
		podLogs: (_pod: unknown, _previous: boolean, onChange: () => void): LogView => {
			changed = onChange;
			return view;
		},
		write(...lines: string[]) {
			view.lines.push(...lines);
			view.received += lines.length;
			changed();
		},
	};
}

async function openLogs(columns = 80, rows = 24) {
	const log = fakeLog();
	const app = await renderApp({columns, rows, data: fixtureData(now), now, podLogs: log.podLogs});
	cleanup = app.unmount;
	await app.type(':pods\r');
	await app.press('logs');
	log.write(
		...Array.from({length: 60}, (_, i) => `line ${i} ${i % 10 === 0 ? 'ERROR timeout' : 'ok'}`),
	);
	await app.tick(150);
	return {...app, log};
}

describe('the log view', () => {
	it('follows the newest lines', async () => {
		const {frame} = await openLogs();
		expect(frame()).toContain('following');
		expect(frame()).toContain('line 59 ok');
		expect(frame()).not.toContain('line 30 ');
	});

	it('/ shows only the lines that contain the search, Esc clears it, Esc again closes', async () => {
		const {frame, press, type} = await openLogs();
		await press('logs-search');
		await type('timeout');
		expect(frame()).toContain('/timeout█');
		await press('submit');
		const screen = frame();
		expect(screen).toContain('/timeout: 6 of 60 lines');
		expect(screen).toContain('line 50 ERROR timeout');
		expect(screen).toContain('line 0 ERROR timeout');
		expect(screen).not.toContain('line 59 ok');
		await press('logs-close');
		expect(frame()).toContain('line 59 ok');
		expect(frame()).toContain('Logs ');
		await press('logs-close');
		expect(frame()).not.toContain('Logs ');
	});

	it('a search typed fast arrives with its Enter in one chunk and is kept', async () => {
		const {frame, press, stdin, tick} = await openLogs();
		await press('logs-search');
		stdin.write('timeout\r');
		await tick();
		expect(frame()).toContain('/timeout: 6 of 60 lines');
		await press('logs-pause');
		expect(frame()).toContain('paused');
		expect(frame()).not.toContain('/timeout ');
	});

	it('":top" or "/text" typed ahead in one chunk with Enter open and fill the prompt', async () => {
		const {frame, stdin, tick} = await openLogs(120, 30);
		stdin.write('/ERROR\r');
		await tick();
		expect(frame()).toContain('/ERROR: 6 of 60 lines');
		stdin.write('\u001b');
		await tick();
		stdin.write('\u001b');
		await tick();
		stdin.write(':top\r');
		await tick();
		expect(frame()).toContain(':Top pods');
	});

	it('keys arriving in one chunk ("kkk") are each pressed', async () => {
		const {frame, stdin, tick} = await openLogs();
		stdin.write('kkk');
		await tick();
		expect(frame()).toContain('3 up');
	});

	it('l on a deployment opens the log of the pod kubectl logs deployment/NAME would read', async () => {
		const log = fakeLog();
		const app = await renderApp({
			columns: 120,
			rows: 40,
			data: fixtureData(now),
			now,
			podLogs: log.podLogs,
		});
		cleanup = app.unmount;
		await app.type(':deploy\r');
		await app.press('deployment-logs');
		// The ready pod, not the one in CrashLoopBackOff (kubectl's ByLogging order).
		expect(app.frame()).toContain('business-onboarding/onboarding-api-7d9f8-fghij');
	});

	it('pause keeps the view while lines keep coming, and says how many; G follows again', async () => {
		const {frame, press, log, tick} = await openLogs();
		await press('logs-pause');
		log.write('line 60 new', 'line 61 new');
		await tick(150);
		expect(frame()).toContain('paused · 2 new lines');
		expect(frame()).not.toContain('line 61 new');
		await press('logs-follow');
		await tick(150);
		expect(frame()).toContain('following');
		expect(frame()).toContain('line 61 new');
	});

	it('scrolling up pauses and goes back no further than the oldest line', async () => {
		const {frame, press} = await openLogs();
		await press('logs-up', 3);
		expect(frame()).toContain('paused');
		expect(frame()).toContain('3 up');
		expect(frame()).toContain('line 56 ok');
		expect(frame()).not.toContain('line 57 ok');
		await press('logs-page-up', 10);
		expect(frame()).toContain('line 0 ERROR');
		// Clamped at the top: one line down moves the view at once.
		await press('logs-down');
		expect(frame()).not.toContain('line 0 ERROR');
	});
});
