import type {SourceDataMap, SourceId} from '../model/index.ts';

/**
 * One backend as the engine sees it: a read that returns plain typed data.
 *
 * The scheduler owns timing (interval, timeout, backoff); a source owns its
 * client and must stop work when `signal` aborts. Sources fed by watches
 * (Kubernetes) answer `poll` from their cache and call `changed` when the
 * cache moves, so the engine reads them at once instead of waiting a tick.
 */
export interface Source<K extends SourceId = SourceId> {
	readonly id: K;
	/** Milliseconds between polls; the configured refresh when absent. */
	readonly intervalMs?: number;
	/** Milliseconds a poll may take before it counts as failed. */
	readonly timeoutMs?: number;
	/**
	 * Milliseconds after start before the first poll, for a source whose readings
	 * are timings: irtop's own start-up (first frames, the other sources' first
	 * answers) would count in them. `pollOnce` does not wait for it.
	 */
	readonly startDelayMs?: number;
	poll(signal: AbortSignal): Promise<SourceDataMap[K]>;
	/** Called once by the scheduler; the source calls `changed` when fresh data is ready. */
	watch?(changed: () => void, signal: AbortSignal): void;
	close?(): Promise<void>;
}

export type AnySource = {[K in SourceId]: Source<K>}[SourceId];
