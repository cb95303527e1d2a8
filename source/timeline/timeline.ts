import type {EventKind, NewEvent, TimelineEvent} from './event.ts';
import type {Incident, IncidentStatus} from './incident.ts';
import {newIncidentId} from './incident.ts';
import type {Severity} from './severity.ts';

export interface TimelineState {
	readonly incident: Incident | null;
	readonly events: readonly TimelineEvent[];
}

/**
 * Where an appended event goes before anyone sees it. The durable journal
 * implements this (write + fsync) so that "shown" always means "saved".
 */
export interface TimelineSink {
	write(incident: Incident, event: TimelineEvent): void;
}

export interface TimelineOptions {
	readonly author?: string | null;
	readonly sink?: TimelineSink;
	readonly now?: () => number;
}

type Listener = () => void;

/**
 * The incident and its events: the one piece of data irtop owns. Sources,
 * actions and the UI append; the UI and exporters read.
 */
const humanKinds: ReadonlySet<EventKind> = new Set(['note', 'action']);

export class Timeline {
	readonly #listeners = new Set<Listener>();
	readonly #author: string | null;
	readonly #sink: TimelineSink | undefined;
	readonly #now: () => number;
	#state: TimelineState = {incident: null, events: []};

	constructor(options: TimelineOptions = {}) {
		this.#author = options.author ?? null;
		this.#sink = options.sink;
		this.#now = options.now ?? Date.now;
	}

	readonly getSnapshot = (): TimelineState => this.#state;

	readonly subscribe = (listener: Listener): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	get incident(): Incident | null {
		return this.#state.incident;
	}

	/**
	 * Replaces the state in one step: resuming 10,000 events must not copy the
	 * array per event. Loaded events are already saved, so the sink is skipped.
	 */
	load(incident: Incident, events: readonly TimelineEvent[]): void {
		this.#set({incident, events});
	}

	/** Opens an incident; events appended before any incident (e.g. alerts) stay on its timeline. */
	open(fields: {
		title: string;
		severity: Severity;
		owner?: string | null;
		startedAt?: number;
	}): Incident {
		const startedAt = fields.startedAt ?? this.#now();
		const incident: Incident = {
			id: newIncidentId(startedAt),
			title: fields.title,
			severity: fields.severity,
			status: 'investigating',
			owner: fields.owner ?? null,
			startedAt,
		};
		// A second incident starts its own timeline (the first stays in its journal, resumable by id).
		const events = this.#state.incident ? [] : this.#state.events;
		this.#commit(incident, events, {
			kind: 'incident',
			text: `Incident opened: ${incident.title} (${incident.severity})`,
			data: {title: incident.title, severity: incident.severity, owner: incident.owner},
		});
		return incident;
	}

	/** A better title once it is known: the journal's next line carries it, so resume and export get it. */
	retitle(title: string): void {
		const incident = this.#require();
		if (incident.title === title) return;
		this.#commit({...incident, title}, this.#state.events, {
			kind: 'incident',
			text: `Title: ${incident.title} → ${title}`,
			data: {from: incident.title, title},
		});
	}

	setStatus(status: IncidentStatus): void {
		const incident = this.#require();
		if (incident.status === status) return;
		this.#commit({...incident, status}, this.#state.events, {
			kind: 'status',
			text: `Status: ${incident.status} → ${status}`,
			data: {from: incident.status, to: status},
		});
	}

	setSeverity(severity: Severity): void {
		const incident = this.#require();
		if (incident.severity === severity) return;
		this.#commit({...incident, severity}, this.#state.events, {
			kind: 'severity',
			text: `Severity: ${incident.severity} → ${severity}`,
			data: {from: incident.severity, to: severity},
		});
	}

	append(event: NewEvent): TimelineEvent {
		// A note with no incident starts an untitled one: nothing typed is ever dropped.
		const incident = this.#require();
		return this.#commit(incident, this.#state.events, event);
	}

	/**
	 * The one way state changes with an event: the sink gets the event and the
	 * incident as it will be, and only after it returned (saved) does anyone
	 * see either. A sink that throws leaves the state as it was.
	 */
	#commit(incident: Incident, events: readonly TimelineEvent[], event: NewEvent): TimelineEvent {
		const full: TimelineEvent = {
			seq: (events.at(-1)?.seq ?? 0) + 1,
			at: event.at ?? this.#now(),
			kind: event.kind,
			text: event.text,
			// What a person wrote or ran carries their name; what irtop observed carries none.
			author: event.author ?? (humanKinds.has(event.kind) ? this.#author : null),
			data: event.data ?? null,
		};
		this.#sink?.write(incident, full);
		this.#set({incident, events: [...events, full]});
		return full;
	}

	#require(): Incident {
		return this.#state.incident ?? this.open({title: 'Untitled incident', severity: 'P2'});
	}

	#set(state: TimelineState): void {
		this.#state = state;
		for (const listener of this.#listeners) listener();
	}
}
