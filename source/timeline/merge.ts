import type {TimelineEvent} from './event.ts';
import {compareEvents, keepsOver} from './event-id.ts';
import {type Incident, incidentStatuses} from './incident.ts';
import {isSeverity, type Severity} from './severity.ts';

const severityOf = (value: unknown) => typeof value === 'string' && isSeverity(value);

/**
 * The events of one incident, one per id, in the one order (at, id). Applying an
 * event twice is a no-op by construction; `seq` is the event's place in that order,
 * so it is the same on every responder once they hold the same events.
 */
export interface EventSet {
	readonly events: readonly TimelineEvent[];
	readonly byId: ReadonlyMap<string, TimelineEvent>;
}

export const emptyEventSet: EventSet = {events: [], byId: new Map()};

/** The set with `incoming` in it, or null when it changes nothing (already there, or a losing copy). */
export function addEvent(set: EventSet, incoming: TimelineEvent): EventSet | null {
	const kept = set.byId.get(incoming.id);
	if (kept && !keepsOver(incoming, kept)) return null;
	const rest = kept ? set.events.filter((e) => e.id !== incoming.id) : set.events;
	// Almost always the newest: search from the end.
	let index = rest.length;
	while (index > 0 && compareEvents(rest[index - 1] as TimelineEvent, incoming) > 0) index--;
	const events = [...rest.slice(0, index), incoming, ...rest.slice(index)];
	const byId = new Map(set.byId);
	byId.set(incoming.id, incoming);
	return {events: renumber(events, kept ? 0 : index, byId), byId};
}

/** Many at once (a resumed journal, a stream read after a reconnect): one sort, not n inserts. */
export function eventSetOf(events: Iterable<TimelineEvent>): EventSet {
	const byId = new Map<string, TimelineEvent>();
	for (const event of events) {
		const kept = byId.get(event.id);
		if (!kept || keepsOver(event, kept)) byId.set(event.id, event);
	}
	const sorted = [...byId.values()].sort(compareEvents);
	return {events: renumber(sorted, 0, byId), byId};
}

/** Sets each event's seq to its place from `from` on, and `byId` to the numbered copies. */
function renumber(
	events: TimelineEvent[],
	from: number,
	byId: Map<string, TimelineEvent>,
): TimelineEvent[] {
	for (let i = from; i < events.length; i++) {
		const event = events[i] as TimelineEvent;
		if (event.seq === i + 1) continue;
		const numbered = {...event, seq: i + 1};
		events[i] = numbered;
		byId.set(numbered.id, numbered);
	}
	return events;
}

/**
 * The incident as its events say, in the one order: what another responder changed
 * (status, severity, title) counts by when it happened, not by which line was last
 * written, so two responders who changed different fields both keep their change.
 */
export function foldIncident(base: Incident, events: readonly TimelineEvent[]): Incident {
	let {title, severity, status} = base;
	for (const e of events) {
		const data = e.data;
		if (!data) continue;
		if (e.kind === 'incident' && typeof data.title === 'string') {
			title = data.title;
			if (data.from === undefined && severityOf(data.severity))
				severity = data.severity as Severity;
		} else if (e.kind === 'severity' && severityOf(data.to)) severity = data.to as Severity;
		else if (e.kind === 'status' && incidentStatuses.includes(data.to as never))
			status = data.to as Incident['status'];
	}
	if (title === base.title && severity === base.severity && status === base.status) return base;
	return {...base, title, severity, status};
}
