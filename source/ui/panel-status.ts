import {type SourceStatus, sourceStatus} from '../engine/source-slot.ts';
import type {StoreState} from '../engine/store.ts';
import type {SourceId} from '../model/index.ts';

const severity: Readonly<Record<SourceStatus['kind'], number>> = {
	error: 4,
	stale: 3,
	loading: 2,
	'not-configured': 1,
	ok: 0,
};

/**
 * The state a panel shows for its sources: the worst of them, except that a
 * source that is merely not configured never hides one that works.
 */
export function panelStatus(
	state: StoreState,
	sources: readonly SourceId[],
	now: number,
	intervalMs: number,
): {status: SourceStatus; source: SourceId} | null {
	const statuses = sources.map((source) => ({
		source,
		status: sourceStatus(state.slots[source], now, intervalMs),
	}));
	const configured = statuses.filter((s) => s.status.kind !== 'not-configured');
	const pool = configured.length > 0 ? configured : statuses;
	return pool.toSorted((a, b) => severity[b.status.kind] - severity[a.status.kind])[0] ?? null;
}
