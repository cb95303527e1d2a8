export const eventKinds = [
	'incident',
	'note',
	'alert',
	'observation',
	'action',
	'status',
	'severity',
	'source',
	'milestone',
	'pin',
	'notify',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** One line of the incident timeline. Everything irtop saw or did, and every note. */
export interface TimelineEvent {
	/**
	 * Stable and unique across responders, made where the event was created (event-id.ts);
	 * an automatic event's id is made from what it describes, so two observers make one event.
	 */
	readonly id: string;
	/** The event's place (from 1) in the one order (at, id); renumbered when an earlier event arrives. */
	readonly seq: number;
	/** Epoch milliseconds. */
	readonly at: number;
	readonly kind: EventKind;
	readonly text: string;
	readonly author: string | null;
	/** Structured details: an action's command and outcome, an alert's fingerprint, … */
	readonly data: Readonly<Record<string, unknown>> | null;
}

export type NewEvent = Pick<TimelineEvent, 'kind' | 'text'> &
	Partial<Pick<TimelineEvent, 'author' | 'data' | 'at' | 'id'>>;
