import type {EventRow} from '../model/index.ts';

// Kubernetes events as the API aggregates them: one object per
// (object, reason, message) with a count and a last-seen time.

/** A repeating event: every `every` seconds from `from` until `until` (exclusive; null = still going). */
export interface Series {
	readonly from: number;
	readonly every: number;
	readonly until: number | null;
}

export interface EventSpec {
	readonly namespace: string;
	readonly type: 'Normal' | 'Warning';
	readonly reason: string;
	/** "kind/name", as kubectl prints it. */
	readonly object: string;
	readonly message: string;
	/** Seconds since the start: each occurrence, or a series. */
	readonly times: readonly number[] | Series;
}

/** Kubernetes keeps events for an hour (the apiserver's --event-ttl). */
const ttlS = 3600;

function occurrences(times: EventSpec['times'], t: number): {count: number; last: number} | null {
	if (Array.isArray(times)) {
		const seen = (times as readonly number[]).filter((at) => at <= t);
		return seen.length === 0 ? null : {count: seen.length, last: Math.max(...seen)};
	}
	const series = times as Series;
	const end = Math.min(t, series.until === null ? t : series.until - 1e-9);
	if (end < series.from) return null;
	const count = Math.floor((end - series.from) / series.every) + 1;
	return {count, last: series.from + (count - 1) * series.every};
}

export function eventRows(
	specs: readonly EventSpec[],
	t: number,
	toMs: (s: number) => number,
	limit = 80,
): EventRow[] {
	const merged = new Map<string, {spec: EventSpec; count: number; last: number}>();
	for (const spec of specs) {
		const seen = occurrences(spec.times, t);
		if (!seen || seen.last < t - ttlS) continue;
		const key = `${spec.namespace}\u0000${spec.object}\u0000${spec.reason}\u0000${spec.message}`;
		const previous = merged.get(key);
		merged.set(key, {
			spec,
			count: seen.count + (previous?.count ?? 0),
			last: Math.max(seen.last, previous?.last ?? seen.last),
		});
	}
	return [...merged.values()]
		.toSorted((a, b) => a.last - b.last)
		.slice(-limit)
		.map(({spec, count, last}) => ({
			namespace: spec.namespace,
			type: spec.type,
			reason: spec.reason,
			object: spec.object,
			message: spec.message,
			count,
			lastSeenAt: toMs(last),
		}));
}
