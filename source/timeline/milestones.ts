import type {TimelineEvent} from './event.ts';
import type {TimelineState} from './timeline.ts';

export interface Milestones {
	readonly started: number;
	/** First alert or threshold crossing. */
	readonly detected: number | null;
	/** The incident opened in irtop. */
	readonly acknowledged: number | null;
	/** First successful mitigation, or marked by hand. */
	readonly mitigated: number | null;
	readonly resolved: number | null;
}

export interface Durations {
	readonly toAcknowledge: number | null;
	readonly toMitigate: number | null;
	readonly toResolve: number | null;
}

/** An action that changed a system; telling people (Slack, status page) mitigates nothing. */
export const isMitigation = (e: TimelineEvent): boolean =>
	e.kind === 'action' &&
	!String(e.data?.action ?? '').startsWith('notify-') &&
	// A configured action that only looks (`mutating: false`) mitigates nothing.
	e.data?.mutating !== false;

const first = (events: readonly TimelineEvent[], test: (e: TimelineEvent) => boolean) =>
	events.find(test)?.at ?? null;

/** The earliest alert start (an alert can predate the incident) or threshold crossing. */
function detectedAt(events: readonly TimelineEvent[]): number | null {
	let earliest: number | null = null;
	for (const e of events) {
		const isAlert = e.kind === 'alert' && e.data?.firing !== false;
		if (!isAlert && !(e.kind === 'observation' && e.data?.above !== false)) continue;
		const startsAt = typeof e.data?.startsAt === 'number' ? e.data.startsAt : e.at;
		if (earliest === null || startsAt < earliest) earliest = startsAt;
	}
	return earliest;
}

/**
 * Derived from the events, never stored: a resumed incident gets the same
 * milestones from its journal, and nothing can drift.
 */
export function milestones(state: TimelineState): Milestones | null {
	const {incident, events} = state;
	if (!incident) return null;
	const resolvedAt = first(events, (e) => e.kind === 'status' && e.data?.to === 'resolved');
	return {
		started: incident.startedAt,
		detected: detectedAt(events),
		acknowledged: first(events, (e) => e.kind === 'incident'),
		mitigated: first(
			events,
			(e) =>
				(isMitigation(e) && e.data?.ok === true) ||
				(e.kind === 'milestone' && e.data?.milestone === 'mitigated'),
		),
		// Resolved counts only while the incident is still resolved (it can be reopened).
		resolved: incident.status === 'resolved' ? resolvedAt : null,
	};
}

/**
 * When the incident really began: its start, or the first alert when that came
 * earlier (an incident is often opened minutes after the page). The runbook's
 * durations count from there.
 */
export function origin(m: Milestones): number {
	return m.detected !== null && m.detected < m.started ? m.detected : m.started;
}

export function durations(m: Milestones): Durations {
	const since = (at: number | null) => (at === null ? null : Math.max(0, at - origin(m)));
	return {
		toAcknowledge: since(m.acknowledged),
		toMitigate: since(m.mitigated),
		toResolve: since(m.resolved),
	};
}
