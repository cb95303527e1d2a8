import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {sourceStatus} from '../../source/engine/source-slot.ts';
import {Store} from '../../source/engine/store.ts';

describe('Store', () => {
	beforeEach(() => vi.useFakeTimers({now: 0}));
	afterEach(() => vi.useRealTimers());

	it('batches a burst of updates into one notification per frame', async () => {
		const store = new Store({frameMs: 50});
		const listener = vi.fn();
		store.subscribe(listener);
		for (let i = 0; i < 500; i++) store.recordHistory('lag:g', i);
		expect(listener).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(0);
		expect(listener).toHaveBeenCalledTimes(1);
		for (let i = 0; i < 500; i++) store.recordHistory('lag:g', i);
		await vi.advanceTimersByTimeAsync(49);
		expect(listener).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(listener).toHaveBeenCalledTimes(2);
	});

	it('returns the same snapshot object until something changes', async () => {
		const store = new Store({frameMs: 0});
		const first = store.getSnapshot();
		expect(store.getSnapshot()).toBe(first);
		store.setSlot('kafka', {phase: 'not-configured', hint: 'set kafka.brokers'});
		store.flush();
		const second = store.getSnapshot();
		expect(second).not.toBe(first);
		expect(second.version).toBe(first.version + 1);
		expect(second.slots.kafka).toEqual({phase: 'not-configured', hint: 'set kafka.brokers'});
		expect(first.slots.kafka.phase).toBe('loading');
	});

	it('keeps history in a bounded ring, oldest first', () => {
		const store = new Store({historyCapacity: 3});
		for (const v of [1, 2, 3, 4, 5]) store.recordHistory('errors:api', v);
		store.flush();
		expect(store.getSnapshot().history['errors:api']).toEqual([3, 4, 5]);
	});
});

describe('sourceStatus', () => {
	const ok = {phase: 'ok', data: null, error: null, lastOkAt: 0, failures: 0} as const;
	it('is ok while fresh and stale after three missed intervals', () => {
		expect(sourceStatus(ok, 6000, 2000).kind).toBe('ok');
		expect(sourceStatus(ok, 6001, 2000)).toEqual({kind: 'stale', lastOkSecondsAgo: 6, error: null});
	});
	it('is an error, not stale, when no poll ever succeeded', () => {
		expect(
			sourceStatus(
				{phase: 'error', data: null, error: 'ECONNREFUSED', lastOkAt: null, failures: 1},
				0,
				2000,
			),
		).toEqual({kind: 'error', error: 'ECONNREFUSED'});
	});
});
