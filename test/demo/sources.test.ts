import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {DemoWorld, demoLatencyMs, demoSources} from '../../source/demo/index.ts';
import {sourceIds} from '../../source/model/index.ts';
import {start} from './helpers.ts';

describe('demoSources', () => {
	let now = start;
	let w: DemoWorld;

	beforeEach(() => {
		vi.useFakeTimers();
		now = start + 120_000;
		w = new DemoWorld(start, {now: () => now});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('offers one source per source id', () => {
		expect(demoSources(w).map((s) => s.id)).toEqual([...sourceIds]);
	});

	it("answers each poll with the world's data for now, after a short latency", async () => {
		for (const source of demoSources(w)) {
			let settled = false;
			const poll = source.poll(new AbortController().signal).finally(() => {
				settled = true;
			});
			await vi.advanceTimersByTimeAsync(4);
			expect(settled, source.id).toBe(false);
			await vi.advanceTimersByTimeAsync(40);
			expect(await poll).toEqual(w.at(now)[source.id]);
		}
	});

	it('reports the demo context for all namespaces', async () => {
		const kubernetes = demoSources(w).find((s) => s.id === 'kubernetes');
		const poll = kubernetes?.poll(new AbortController().signal);
		await vi.advanceTimersByTimeAsync(50);
		await expect(poll).resolves.toMatchObject({context: 'demo', namespace: null});
	});

	it('keeps latency between 5 and 40 ms, varying over time', () => {
		const latencies = sourceIds.flatMap((id) =>
			Array.from({length: 50}, (_, i) => demoLatencyMs(id, start + i * 1000)),
		);
		expect(Math.min(...latencies)).toBeGreaterThanOrEqual(5);
		expect(Math.max(...latencies)).toBeLessThanOrEqual(40);
		expect(new Set(latencies).size).toBeGreaterThan(10);
	});

	it('stops at once when the scheduler aborts', async () => {
		const controller = new AbortController();
		const poll = demoSources(w)[0]?.poll(controller.signal);
		controller.abort(new Error('timed out after 5 s'));
		await expect(poll).rejects.toThrow('timed out after 5 s');
	});
});
