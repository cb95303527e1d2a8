import type {SourceDataMap, SourceId} from '../model/index.ts';

/**
 * What the store knows of one source. `phase` is what happened last; whether
 * the data is stale is derived from the times (see sourceStatus), so it can
 * never disagree with the clock.
 */
export type SourceSlot<K extends SourceId = SourceId> =
	| {readonly phase: 'not-configured'; readonly hint: string}
	| {
			readonly phase: 'loading' | 'ok' | 'error';
			readonly data: SourceDataMap[K] | null;
			/** Message of the last failure; null once a poll succeeds again. */
			readonly error: string | null;
			readonly lastOkAt: number | null;
			readonly failures: number;
	  };

export type SourceSlots = {readonly [K in SourceId]: SourceSlot<K>};

export type SourceStatus =
	| {readonly kind: 'not-configured'; readonly hint: string}
	| {readonly kind: 'loading'}
	| {readonly kind: 'ok'}
	/** Data is shown but no longer fresh: the last poll failed or none succeeded lately. */
	| {readonly kind: 'stale'; readonly lastOkSecondsAgo: number; readonly error: string | null}
	| {readonly kind: 'error'; readonly error: string};

/** A source is stale when its last success is older than this many intervals. */
const staleAfterIntervals = 3;

export function sourceStatus(slot: SourceSlot, now: number, intervalMs: number): SourceStatus {
	if (slot.phase === 'not-configured') return {kind: 'not-configured', hint: slot.hint};
	const lastOkSecondsAgo =
		slot.lastOkAt === null ? null : Math.max(0, Math.round((now - slot.lastOkAt) / 1000));
	if (slot.phase === 'error') {
		if (slot.data === null || lastOkSecondsAgo === null) {
			return {kind: 'error', error: slot.error ?? 'failed'};
		}
		return {kind: 'stale', lastOkSecondsAgo, error: slot.error};
	}
	if (slot.phase === 'loading' && slot.data === null) return {kind: 'loading'};
	if (
		lastOkSecondsAgo !== null &&
		now - (slot.lastOkAt ?? now) > staleAfterIntervals * intervalMs
	) {
		return {kind: 'stale', lastOkSecondsAgo, error: null};
	}
	return {kind: 'ok'};
}

export function describeStatus(status: SourceStatus): string {
	switch (status.kind) {
		case 'not-configured':
			return `not configured · ${status.hint}`;
		case 'loading':
			return 'loading…';
		case 'ok':
			return 'ok';
		case 'stale':
			return `stale · last ok ${status.lastOkSecondsAgo} s ago${status.error ? ` · ${status.error}` : ''}`;
		case 'error':
			return `error · ${status.error}`;
	}
}
