import {afterEach, describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/args.ts';
import {openSession, type Session} from '../../source/cli/session.ts';
import {parseConfig} from '../../source/config/index.ts';
import {panelTitles} from '../support/panel-titles.ts';
import {renderApp} from '../support/render-app.tsx';

let session: Session | undefined;
let unmount: (() => void) | undefined;
afterEach(async () => {
	unmount?.();
	await session?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function demo(columns: number, rows: number) {
	const parsed = parseArgs(['--demo', '--refresh', '0.5'], 'test');
	if (parsed.kind !== 'run') throw new Error('bad arguments');
	session = await openSession(parsed.options, parseConfig('', null, {}), {});
	session.scheduler.start();
	const rendered = await renderApp({
		columns,
		rows,
		store: session.store,
		timeline: session.timeline,
	});
	unmount = rendered.unmount;
	return rendered;
}

describe.each([
	[80, 24],
	[120, 40],
])('the built-in demo at %ix%i', (columns, rows) => {
	it('fills all nine panels from the demo sources and keeps them moving', async () => {
		const {frame} = await demo(columns, rows);
		await sleep(400);
		const first = frame();
		for (const title of panelTitles) {
			expect(first).toContain(title);
		}
		expect(first).not.toContain('loading…');
		expect(first).not.toContain('not configured');
		expect(first).toContain('API 500 errors spike');
		expect(first).toMatch(/conn \d+\/50/);
		await sleep(1500);
		expect(frame()).not.toBe(first);
	});
});
