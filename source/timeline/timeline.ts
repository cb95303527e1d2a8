import type {EventKind, NewEvent, TimelineEvent} from './event.ts';
import {newEventId} from './event-id.ts';
import type {Incident, IncidentStatus} from './incident.ts';
import {newIncidentId} from './incident.ts';
import {addEvent, type EventSet, emptyEventSet, eventSetOf, foldIncident} from './merge.ts';
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
	/** Several at once, saved together (one fsync): events read from the stream. */
	writeMany?(records: readonly {incident: Incident; event: TimelineEvent}[]): void;
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
	#set: EventSet = emptyEventSet;
	/** Ids of the events this process created (the rest came from other responders or a resume). */
	readonly #own = new Set<string>();

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
		this.#set = eventSetOf(events);
		this.#publish({incident, events: this.#set.events});
	}

	/**
	 * Events another responder created (read from the shared journal or the stream).
	 * Each id is applied once; a copy already here changes nothing. `persist` writes
	 * the new ones to this host's journal first (the stream's events), so export and
	 * resume here have them too. Events of another incident are ignored.
	 */
	receive(incidentId: string, events: readonly TimelineEvent[], persist: boolean): TimelineEvent[] {
		const current = this.#state.incident;
		if (!current || current.id !== incidentId) return [];
		const added: TimelineEvent[] = [];
		const records: {incident: Incident; event: TimelineEvent}[] = [];
		let set = this.#set;
		let incident = current;
		for (const event of events) {
			const next = addEvent(set, event);
			if (!next) continue;
			const placed = next.byId.get(event.id) as TimelineEvent;
			const folded = shapesIncident(placed) ? foldIncident(incident, next.events) : incident;
			records.push({incident: folded, event: placed});
			set = next;
			incident = folded;
			added.push(placed);
		}
		if (added.length === 0) return added;
		// Saved before anyone sees them, as #commit does; one fsync for the batch.
		if (persist && this.#sink) {
			if (this.#sink.writeMany) this.#sink.writeMany(records);
			else for (const r of records) this.#sink.write(r.incident, r.event);
		}
		this.#set = set;
		this.#publish({incident, events: set.events});
		return added;
	}

	/** Whether this process created the event (and not another responder's irtop). */
	readonly createdHere = (id: string): boolean => this.#own.has(id);

	/** Who this responder is (what their notes and actions carry), or null. */
	get author(): string | null {
		return this.#author;
	}

	/** Whether this timeline already holds an event with this id. */
	has(id: string): boolean {
		return this.#set.byId.has(id);
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
		if (this.#state.incident) this.#set = emptyEventSet;
		this.#commit(incident, {
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
		this.#commit(
			{...incident, title},
			{
				kind: 'incident',
				text: `Title: ${incident.title} → ${title}`,
				data: {from: incident.title, title},
			},
		);
	}

	setStatus(status: IncidentStatus): void {
		const incident = this.#require();
		if (incident.status === status) return;
		this.#commit(
			{...incident, status},
			{
				kind: 'status',
				text: `Status: ${incident.status} → ${status}`,
				data: {from: incident.status, to: status},
			},
		);
	}

	setSeverity(severity: Severity): void {
		const incident = this.#require();
		if (incident.severity === severity) return;
		this.#commit(
			{...incident, severity},
			{
				kind: 'severity',
				text: `Severity: ${incident.severity} → ${severity}`,
				data: {from: incident.severity, to: severity},
			},
		);
	}

	append(event: NewEvent): TimelineEvent {
		// A note with no incident starts an untitled one: nothing typed is ever dropped.
		const incident = this.#require();
		return this.#commit(incident, event);
	}

	/**
	 * The one way state changes with an event: the sink gets the event and the
	 * incident as it will be, and only after it returned (saved) does anyone
	 * see either. A sink that throws leaves the state as it was.
	 */
	#commit(incident: Incident, event: NewEvent): TimelineEvent {
		// Never before what this responder already sees: a note written after reading another
		// host's event stays after it, even when this host's clock is a little behind.
		const at = event.at ?? Math.max(this.#now(), this.#set.events.at(-1)?.at ?? 0);
		// An automatic event brings its own id (what it describes): recorded once per incident,
		// however many responders saw it.
		const known = event.id === undefined ? undefined : this.#set.byId.get(event.id);
		if (known) return known;
		const full: TimelineEvent = {
			id: event.id ?? newEventId(at),
			seq: 0,
			at,
			kind: event.kind,
			text: event.text,
			// What a person wrote or ran carries their name; what irtop observed carries none.
			author: event.author ?? (humanKinds.has(event.kind) ? this.#author : null),
			data: event.data ?? null,
		};
		const set = addEvent(this.#set, full) ?? this.#set;
		const placed = set.byId.get(full.id) ?? full;
		const folded = shapesIncident(placed) ? foldIncident(incident, set.events) : incident;
		this.#sink?.write(folded, placed);
		this.#own.add(placed.id);
		this.#set = set;
		this.#publish({incident: folded, events: set.events});
		return placed;
	}

	#require(): Incident {
		return this.#state.incident ?? this.open({title: 'Untitled incident', severity: 'P2'});
	}

	#publish(state: TimelineState): void {
		this.#state = state;
		for (const listener of this.#listeners) listener();
	}
}

const incidentKinds: ReadonlySet<EventKind> = new Set(['incident', 'status', 'severity']);
const shapesIncident = (event: TimelineEvent) => incidentKinds.has(event.kind);
