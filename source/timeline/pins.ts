import type {TimelineEvent} from './event.ts';

/**
 * The ids of the events pinned now: the latest pin event per target decides. A pin
 * names its target by id (`data.event`), which stays true when another responder's
 * earlier event renumbers the list; pins written before ids name a `seq`.
 */
export function pinnedIds(events: readonly TimelineEvent[]): Set<string> {
	const bySeq = new Map(events.map((e) => [e.seq, e.id]));
	const state = new Map<string, boolean>();
	for (const e of events) {
		if (e.kind !== 'pin') continue;
		const target =
			typeof e.data?.event === 'string' ? e.data.event : bySeq.get(e.data?.seq as number);
		if (target !== undefined) state.set(target, e.data?.pinned !== false);
	}
	return new Set([...state].filter(([, on]) => on).map(([id]) => id));
}
