// Services losing and regaining their last ready endpoint, for the timeline:
// once when it starts and once when it stops, like alerts. What the timeline
// already says is read back first, so a resumed incident does not repeat it.

import {formatDuration} from '../format/duration.ts';
import type {ServiceWithoutEndpointsRow} from '../model/index.ts';
import type {NewEvent, TimelineEvent} from '../timeline/event.ts';

/** "namespace/name" of each Service the timeline last said was without a ready endpoint, and since when. */
export function recordedEndpointless(events: readonly TimelineEvent[]): Map<string, number> {
	const without = new Map<string, number>();
	for (const e of events) {
		const service = e.data?.endpointsOf;
		if (e.kind !== 'observation' || typeof service !== 'string') continue;
		if (e.data?.ready === false) without.set(service, Number(e.data.since ?? e.at));
		else without.delete(service);
	}
	return without;
}

/** The events that bring `known` up to `rows`; `known` is updated to match. */
export function endpointlessChanges(
	known: Map<string, number>,
	rows: readonly ServiceWithoutEndpointsRow[],
	now: number,
): NewEvent[] {
	const events: NewEvent[] = [];
	const current = new Map(rows.map((r) => [`${r.namespace}/${r.name}`, r]));
	for (const [service, row] of current) {
		if (known.has(service)) continue;
		known.set(service, row.since);
		const why = row.notReady > 0 ? `${row.notReady} not ready` : 'none selected';
		events.push({
			// Named after what it describes, so two responders watching it record one event.
			id: `endpoints:${service}:${row.since}:down`,
			kind: 'observation',
			text: `Service ${service} has no ready endpoint (${why})`,
			data: {endpointsOf: service, ready: false, since: row.since, notReady: row.notReady},
		});
	}
	for (const [service, since] of [...known]) {
		if (current.has(service)) continue;
		known.delete(service);
		events.push({
			id: `endpoints:${service}:${since}:up`,
			kind: 'observation',
			text: `Service ${service} has a ready endpoint again, after ${formatDuration(now - since)}`,
			data: {endpointsOf: service, ready: true},
		});
	}
	return events;
}
