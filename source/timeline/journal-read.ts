import {readFileSync} from 'node:fs';
import type {TimelineEvent} from './event.ts';
import {legacyEventId} from './event-id.ts';
import type {Incident} from './incident.ts';
import type {JournalRecord} from './journal.ts';
import {eventSetOf, foldIncident} from './merge.ts';

export interface LoadedIncident {
	readonly incident: Incident;
	readonly events: readonly TimelineEvent[];
	/** Lines that could not be read (a torn last line after a crash), named by line number. */
	readonly warnings: readonly string[];
	/** Bytes read, up to the end of the last whole line: where following the journal starts. */
	readonly bytes?: number;
	/** Lines in those bytes (a follower numbers lines without an id from there). */
	readonly lines?: number;
}

function isRecord(value: unknown): value is JournalRecord {
	if (value === null || typeof value !== 'object') return false;
	const {incident, event} = value as Partial<JournalRecord>;
	return (
		typeof incident?.id === 'string' &&
		typeof event?.seq === 'number' &&
		typeof event.at === 'number' &&
		typeof event.text === 'string' &&
		(event.id === undefined || (typeof event.id === 'string' && event.id !== ''))
	);
}

/**
 * One journal line as a record, or why not. A line written before events had ids
 * gets one from its line number (`line`, from 1), so old journals resume and export.
 */
export function parseJournalLine(
	line: string,
	lineNumber: number,
): {record: JournalRecord} | {error: 'unreadable' | 'not-a-record'} {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return {error: 'unreadable'};
	}
	if (!isRecord(value)) return {error: 'not-a-record'};
	if (typeof value.event.id === 'string') return {record: value};
	return {record: {...value, event: {...value.event, id: legacyEventId(lineNumber)}}};
}

/**
 * Reads a journal. A line that does not parse is skipped with a warning and
 * never costs the lines around it. Several processes may have appended to it:
 * each event counts once (by id), in the one order (at, id), and the incident is
 * what its events say (the last good line's incident is the base).
 */
export function readJournal(path: string): LoadedIncident {
	const buffer = readFileSync(path);
	const whole = buffer.lastIndexOf(0x0a) + 1;
	const lines = buffer.toString('utf8').split('\n');
	const events: TimelineEvent[] = [];
	const warnings: string[] = [];
	let incident: Incident | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? '';
		if (line === '') continue;
		const parsed = parseJournalLine(line, i + 1);
		if ('error' in parsed) {
			const torn = i === lines.length - 1 ? ' (torn last line: the write was cut short)' : '';
			warnings.push(
				parsed.error === 'unreadable'
					? `${path}:${i + 1}: skipped an unreadable line${torn}`
					: `${path}:${i + 1}: skipped a line that is not a journal record`,
			);
			continue;
		}
		events.push(parsed.record.event);
		incident = parsed.record.incident;
	}
	if (!incident) throw new Error(`${path}: no readable entries`);
	const set = eventSetOf(events);
	return {
		incident: foldIncident(incident, set.events),
		events: set.events,
		warnings,
		bytes: whole,
		lines: lines.length - 1,
	};
}
