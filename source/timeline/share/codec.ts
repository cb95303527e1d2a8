import {type EventKind, eventKinds, type TimelineEvent} from '../event.ts';
import {type Incident, incidentStatuses} from '../incident.ts';
import {isSeverity} from '../severity.ts';

/**
 * One stream entry is one field, `e`, holding the journal's record ({v, incident, event}) as
 * JSON: the same shape as a journal line, so what is on the stream can be written to a
 * journal as it is. Anything can be on a stream (another program, an attacker with the URL),
 * so decoding validates every field and bounds every size: a bad entry is skipped.
 */
export const entryField = 'e';

/** Bigger than any real event (a note is bounded by its input line); bigger is garbage. */
export const maxEntryBytes = 64 * 1024;
const maxIdLength = 256;
const maxShortText = 1024;

export interface SharedRecord {
	readonly incident: Incident;
	readonly event: TimelineEvent;
}

export function encodeEntry(incident: Incident, event: TimelineEvent): string {
	return JSON.stringify({v: 1, incident, event});
}

export type Decoded = {record: SharedRecord} | {skipped: string};

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const shortString = (value: unknown, max = maxShortText): value is string =>
	typeof value === 'string' && value.length <= max;
const finite = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);
const kinds: ReadonlySet<string> = new Set(eventKinds);

function incidentOf(value: unknown): Incident | null {
	if (!isObject(value)) return null;
	const {id, title, severity, status, owner, startedAt} = value;
	if (!shortString(id, maxIdLength) || id === '' || !shortString(title)) return null;
	if (typeof severity !== 'string' || !isSeverity(severity)) return null;
	if (!incidentStatuses.includes(status as never) || !finite(startedAt)) return null;
	if (owner !== null && !shortString(owner)) return null;
	return {id, title, severity, status: status as Incident['status'], owner, startedAt};
}

function eventOf(value: unknown): TimelineEvent | null {
	if (!isObject(value)) return null;
	const {id, at, kind, text, author, data} = value;
	if (!shortString(id, maxIdLength) || id === '' || !finite(at)) return null;
	if (typeof kind !== 'string' || !kinds.has(kind) || typeof text !== 'string') return null;
	if (author !== null && !shortString(author)) return null;
	if (data !== null && !isObject(data)) return null;
	// seq is each responder's own numbering (merge.ts renumbers): never taken from the wire.
	return {id, seq: 0, at, kind: kind as EventKind, text, author, data};
}

/**
 * A stream entry's fields (ioredis: [name, value, name, value, …]) as a record of the
 * incident `incidentId`, or why it was skipped. Never throws.
 */
export function decodeEntry(fields: unknown, incidentId: string): Decoded {
	if (!Array.isArray(fields)) return {skipped: 'not a field list'};
	const at = fields.indexOf(entryField);
	const raw = at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
	if (typeof raw !== 'string') return {skipped: 'no event field'};
	if (Buffer.byteLength(raw) > maxEntryBytes) return {skipped: 'too big'};
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return {skipped: 'not JSON'};
	}
	if (!isObject(value) || value.v !== 1) return {skipped: 'not an irtop event'};
	const incident = incidentOf(value.incident);
	const event = eventOf(value.event);
	if (!incident || !event) return {skipped: 'not an irtop event'};
	if (incident.id !== incidentId) return {skipped: 'another incident'};
	return {record: {incident, event}};
}
