import type {SourceId} from '../model/index.ts';
import {historyPoints} from './history.ts';
import type {AnySource} from './source.ts';
import type {Store} from './store.ts';

export interface SchedulerOptions {
	/** Interval for sources that do not set their own (the --refresh flag). */
	readonly intervalMs: number;
	readonly timeoutMs?: number;
	/** Longest wait between two polls of a failing source. */
	readonly maxBackoffMs?: number;
	/** A source went down (consecutive failures) or came back: the timeline records it. */
	readonly onTransition?: (id: SourceId, change: 'down' | 'up', message: string) => void;
}

/** Failures in a row before a source counts as down (one blip is not an event). */
const downAfterFailures = 2;

interface Runner {
	readonly source: AnySource;
	timer: ReturnType<typeof setTimeout> | undefined;
	inFlight: Promise<void> | undefined;
	refreshWanted: boolean;
	down: boolean;
}

/**
 * Polls every source on its own interval. One poll per source at a time: a
 * poll that outlives its timeout is reported as failed at once, but the next
 * one starts only after it has really settled, so calls can never pile up on
 * a slow server. Failures back off exponentially up to a cap.
 */
export class Scheduler {
	readonly #store: Store;
	readonly #options: Required<Omit<SchedulerOptions, 'onTransition'>> &
		Pick<SchedulerOptions, 'onTransition'>;
	readonly #runners: Runner[];
	readonly #stop = new AbortController();

	constructor(store: Store, sources: readonly AnySource[], options: SchedulerOptions) {
		this.#store = store;
		this.#options = {timeoutMs: 5000, maxBackoffMs: 30_000, ...options};
		this.#runners = sources.map((source) => ({
			source,
			timer: undefined,
			inFlight: undefined,
			refreshWanted: false,
			down: false,
		}));
	}

	start(): void {
		for (const runner of this.#runners) {
			runner.source.watch?.(() => this.#pollNow(runner), this.#stop.signal);
			const delay = runner.source.startDelayMs ?? 0;
			if (delay > 0) runner.timer = setTimeout(() => this.#pollNow(runner), delay);
			else this.#pollNow(runner);
		}
	}

	/** Polls one source (or all) now, unless a poll is already in flight. */
	refresh(id?: SourceId): void {
		for (const runner of this.#runners)
			if (id === undefined || runner.source.id === id) this.#pollNow(runner);
	}

	/** One complete poll of every source, for `irtop snapshot`; no timers left behind. */
	async pollOnce(): Promise<void> {
		await Promise.all(this.#runners.map((runner) => this.#run(runner)));
		this.#store.flush();
	}

	async stop(): Promise<void> {
		this.#stop.abort();
		for (const runner of this.#runners) clearTimeout(runner.timer);
		// Polls were aborted; one that ignores its signal must not hold up quitting.
		await settledWithin(
			this.#runners.map((runner) => runner.inFlight),
			stopGraceMs,
		);
		await settledWithin(
			this.#runners.map((runner) => runner.source.close?.()),
			stopGraceMs,
		);
	}

	#pollNow(runner: Runner): void {
		if (this.#stop.signal.aborted) return;
		if (runner.inFlight) {
			runner.refreshWanted = true;
			return;
		}
		clearTimeout(runner.timer);
		runner.timer = undefined;
		runner.inFlight = this.#run(runner).finally(() => {
			runner.inFlight = undefined;
			this.#scheduleNext(runner);
		});
	}

	#scheduleNext(runner: Runner): void {
		if (this.#stop.signal.aborted) return;
		if (runner.refreshWanted) {
			runner.refreshWanted = false;
			this.#pollNow(runner);
			return;
		}
		runner.timer = setTimeout(() => this.#pollNow(runner), this.#delay(runner));
	}

	#delay(runner: Runner): number {
		const interval = runner.source.intervalMs ?? this.#options.intervalMs;
		const slot = this.#store.slot(runner.source.id);
		const failures = slot.phase === 'not-configured' ? 0 : slot.failures;
		if (failures === 0) return interval;
		return Math.min(interval * 2 ** (failures - 1), Math.max(interval, this.#options.maxBackoffMs));
	}

	async #run(runner: Runner): Promise<void> {
		const {source} = runner;
		const timeoutMs = source.timeoutMs ?? this.#options.timeoutMs;
		const controller = new AbortController();
		const abortOnStop = () => controller.abort(this.#stop.signal.reason);
		this.#stop.signal.addEventListener('abort', abortOnStop, {once: true});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			const message = `timed out after ${formatSeconds(timeoutMs)}`;
			controller.abort(new Error(message));
			this.#failed(runner, message);
		}, timeoutMs);
		try {
			const data = await source.poll(controller.signal);
			if (!timedOut && !this.#stop.signal.aborted) this.#succeeded(runner, data);
		} catch (error) {
			if (!timedOut && !this.#stop.signal.aborted) this.#failed(runner, errorMessage(error));
		} finally {
			clearTimeout(timer);
			this.#stop.signal.removeEventListener('abort', abortOnStop);
		}
	}

	#succeeded(runner: Runner, data: unknown): void {
		const id = runner.source.id;
		const now = Date.now();
		// The source's own type guarantees data matches its id.
		this.#store.setData(id, data as never, now);
		for (const [key, value] of historyPoints(id, data as never))
			this.#store.recordHistory(key, value);
		if (runner.down) {
			runner.down = false;
			this.#options.onTransition?.(id, 'up', `${id} is answering again`);
		}
	}

	#failed(runner: Runner, message: string): void {
		const id = runner.source.id;
		const previous = this.#store.slot(id);
		if (previous.phase === 'not-configured') return;
		const failures = previous.failures + 1;
		this.#store.setSlot(id, {...previous, phase: 'error', error: message, failures});
		if (!runner.down && failures >= downAfterFailures) {
			runner.down = true;
			this.#options.onTransition?.(id, 'down', `${id} is not answering: ${message}`);
		}
	}
}

const stopGraceMs = 1000;

async function settledWithin(
	promises: readonly (Promise<unknown> | undefined)[],
	ms: number,
): Promise<void> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const grace = new Promise<void>((resolve) => {
		timer = setTimeout(resolve, ms);
	});
	await Promise.race([Promise.allSettled(promises), grace]);
	clearTimeout(timer);
}

function formatSeconds(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function errorMessage(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0)
		return errorMessage(error.errors[0]);
	if (error instanceof Error) return error.message || error.name;
	return String(error);
}
