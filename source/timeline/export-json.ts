import type {TimelineEvent} from './event.ts';
import {eventKinds} from './event.ts';
import {legacyEventId} from './event-id.ts';
import type {Incident} from './incident.ts';
import {incidentStatuses} from './incident.ts';
import {isSeverity} from './severity.ts';

export interface IncidentDocument {
	readonly format: 'irtop-incident';
	readonly version: 1;
	readonly incident: Incident;
	readonly events: readonly TimelineEvent[];
}

/** Lossless: every field of the incident and of every event, re-importable with `importJson`. */
export function exportJson(incident: Incident, events: readonly TimelineEvent[]): string {
	const document: IncidentDocument = {format: 'irtop-incident', version: 1, incident, events};
	return `${JSON.stringify(document, null, 2)}\n`;
}

function fail(message: string): never {
	throw new Error(`not an irtop incident export: ${message}`);
}

export function importJson(text: string): {incident: Incident; events: TimelineEvent[]} {
	const value = JSON.parse(text) as Partial<IncidentDocument>;
	if (value.format !== 'irtop-incident' || value.version !== 1) fail('unknown format or version');
	const {incident, events} = value;
	if (!incident || typeof incident.id !== 'string' || typeof incident.startedAt !== 'number')
		fail('incident.id and incident.startedAt are required');
	if (!isSeverity(incident.severity)) fail(`severity "${String(incident.severity)}"`);
	if (!incidentStatuses.includes(incident.status)) fail(`status "${String(incident.status)}"`);
	if (!Array.isArray(events)) fail('events must be a list');
	for (const [index, event] of events.entries()) {
		if (
			typeof event?.seq !== 'number' ||
			typeof event.at !== 'number' ||
			typeof event.text !== 'string' ||
			!eventKinds.includes(event.kind)
		)
			fail(`events[${index}] is not an event`);
	}
	// An export made before events had ids: each gets one from its place, as an old journal's lines do.
	return {
		incident,
		events: events.map((event, index) =>
			typeof event.id === 'string' && event.id !== ''
				? event
				: {...event, id: legacyEventId(index + 1)},
		),
	};
}
