import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {Scheduler} from '../../source/engine/scheduler.ts';
import type {Source} from '../../source/engine/source.ts';
import {sourceStatus} from '../../source/engine/source-slot.ts';
import {Store} from '../../source/engine/store.ts';
import type {RedisData} from '../../source/model/index.ts';

const redis = (ops: number): RedisData => ({
	pingMs: 1,
	connectedClients: 1,
	blockedClients: 0,
	usedMemoryBytes: 1,
	maxMemoryBytes: 0,
	evictedKeys: 0,
	opsPerSecond: ops,
});

/** A source whose polls are resolved, rejected or left hanging by the test. */
function controllable() {
	const calls: {
		resolve: (d: RedisData) => void;
		reject: (e: Error) => void;
		signal: AbortSignal;
	}[] = [];
	const source: Source<'redis'> = {
		id: 'redis',
		intervalMs: 1000,
		timeoutMs: 500,
		poll: (signal) =>
			new Promise<RedisData>((resolve, reject) => {
				calls.push({resolve, reject, signal});
			}),
	};
	return {source, calls};
}

describe('Scheduler', () => {
	beforeEach(() => vi.useFakeTimers({now: 1_000_000}));
	afterEach(() => vi.useRealTimers());

	it('polls at once, then once per interval after each poll settles', async () => {
		const store = new Store({frameMs: 0});
		const {source, calls} = controllable();
		const scheduler = new Scheduler(store, [source], {intervalMs: 2000});
		scheduler.start();
		expect(calls).toHaveLength(1);
		calls[0]!.resolve(redis(1));
		await vi.advanceTimersByTimeAsync(999);
		expect(calls).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(calls).toHaveLength(2);
		store.flush();
		const slot = store.getSnapshot().slots.redis;
		expect(slot.phase).toBe('ok');
		calls[1]!.resolve(redis(2));
		await scheduler.stop();
	});

	it('waits startDelayMs before the first poll; a refresh does not wait', async () => {
		const store = new Store({frameMs: 0});
		const {source, calls} = controllable();
		const scheduler = new Scheduler(store, [{...source, startDelayMs: 1000}], {intervalMs: 2000});
		scheduler.start();
		await vi.advanceTimersByTimeAsync(999);
		expect(calls).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(calls).toHaveLength(1);
		calls[0]!.resolve(redis(1));
		await scheduler.stop();

		const again = controllable();
		const refreshed = new Scheduler(store, [{...again.source, startDelayMs: 1000}], {
			intervalMs: 2000,
		});
		refreshed.start();
		refreshed.refresh();
		expect(again.calls).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1000);
		expect(again.calls).toHaveLength(1);
		again.calls[0]!.resolve(redis(1));
		await refreshed.stop();
	});

	it('reports a timeout as an error at once but never starts a second poll while one is in flight', async () => {
		const store = new Store({frameMs: 0});
		const {source, calls} = controllable();
		const transitions: string[] = [];
		const scheduler = new Scheduler(store, [source], {
			intervalMs: 1000,
			onTransition: (id, change) => transitions.push(`${id}:${change}`),
		});
		scheduler.start();
		await vi.advanceTimersByTimeAsync(500);
		const slot = store.slot('redis');
		expect(slot.phase).toBe('error');
		expect(slot.phase !== 'not-configured' && slot.error).toBe('timed out after 0.5 s');
		expect(calls[0]!.signal.aborted).toBe(true);
		// The poll ignores its signal and hangs: still only one call, however long we wait.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toHaveLength(1);
		scheduler.refresh();
		expect(calls).toHaveLength(1);
		// Once it finally settles, polling resumes.
		calls[0]!.resolve(redis(1));
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toHaveLength(2);
		calls[1]!.resolve(redis(2));
		await scheduler.stop();
	});

	it('backs off exponentially after failures, up to the cap, and recovers', async () => {
		const store = new Store({frameMs: 0});
		let fail = true;
		const times: number[] = [];
		const source: Source<'redis'> = {
			id: 'redis',
			intervalMs: 1000,
			poll: async () => {
				times.push(Date.now());
				if (fail) throw new Error('ECONNREFUSED 127.0.0.1:6379');
				return redis(2);
			},
		};
		const transitions: string[] = [];
		const scheduler = new Scheduler(store, [source], {
			intervalMs: 1000,
			maxBackoffMs: 8000,
			onTransition: (_id, change, message) => transitions.push(`${change}: ${message}`),
		});
		scheduler.start();
		await vi.advanceTimersByTimeAsync(60_000);
		const gaps = times.slice(1).map((t, i) => t - times[i]!);
		expect(gaps.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 8000]);
		expect(transitions).toEqual(['down: redis is not answering: ECONNREFUSED 127.0.0.1:6379']);
		fail = false;
		await vi.advanceTimersByTimeAsync(8000);
		expect(store.slot('redis').phase).toBe('ok');
		expect(transitions.at(-1)).toBe('up: redis is answering again');
		await scheduler.stop();
	});

	it('keeps the last data and says how old it is when a source starts failing', async () => {
		const store = new Store({frameMs: 0});
		let fail = false;
		const source: Source<'redis'> = {
			id: 'redis',
			poll: async () => {
				if (fail) throw new Error('connection reset');
				return redis(3);
			},
		};
		const scheduler = new Scheduler(store, [source], {intervalMs: 2000});
		scheduler.start();
		await vi.advanceTimersByTimeAsync(0);
		fail = true;
		await vi.advanceTimersByTimeAsync(14_000);
		const slot = store.slot('redis');
		expect(slot.phase !== 'not-configured' && slot.data?.opsPerSecond).toBe(3);
		expect(sourceStatus(slot, Date.now(), 2000)).toEqual({
			kind: 'stale',
			lastOkSecondsAgo: 14,
			error: 'connection reset',
		});
		await scheduler.stop();
	});

	it('pollOnce runs every source once and leaves no timer behind', async () => {
		vi.useRealTimers();
		const store = new Store();
		let polls = 0;
		const source: Source<'redis'> = {
			id: 'redis',
			// The snapshot does not wait for it.
			startDelayMs: 60_000,
			poll: async () => {
				polls++;
				return redis(4);
			},
		};
		const scheduler = new Scheduler(store, [source], {intervalMs: 10});
		await scheduler.pollOnce();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(polls).toBe(1);
		expect(store.getSnapshot().slots.redis.phase).toBe('ok');
	});
});
