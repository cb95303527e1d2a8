import {readFileSync} from 'node:fs';
import type {TimelineEvent} from './event.ts';
import type {Incident} from './incident.ts';
import type {JournalRecord} from './journal.ts';

export interface LoadedIncident {
	readonly incident: Incident;
	readonly events: readonly TimelineEvent[];
	/** Lines that could not be read (a torn last line after a crash), named by line number. */
	readonly warnings: readonly string[];
}

function isRecord(value: unknown): value is JournalRecord {
	if (value === null || typeof value !== 'object') return false;
	const {incident, event} = value as Partial<JournalRecord>;
	return (
		typeof incident?.id === 'string' &&
		typeof event?.seq === 'number' &&
		typeof event.at === 'number' &&
		typeof event.text === 'string'
	);
}

/**
 * Reads a journal. A line that does not parse is skipped with a warning and
 * never costs the lines around it; the incident is the one stored with the
 * last good line.
 */
export function readJournal(path: string): LoadedIncident {
	const lines = readFileSync(path, 'utf8').split('\n');
	const events: TimelineEvent[] = [];
	const warnings: string[] = [];
	let incident: Incident | null = null;
	let ordered = true;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? '';
		if (line === '') continue;
		const torn = i === lines.length - 1 ? ' (torn last line: the write was cut short)' : '';
		let record: unknown;
		try {
			record = JSON.parse(line);
		} catch {
			warnings.push(`${path}:${i + 1}: skipped an unreadable line${torn}`);
			continue;
		}
		if (!isRecord(record)) {
			warnings.push(`${path}:${i + 1}: skipped a line that is not a journal record`);
			continue;
		}
		const last = events.at(-1);
		if (last && record.event.seq <= last.seq) ordered = false;
		events.push(record.event);
		incident = record.incident;
	}
	if (!incident) throw new Error(`${path}: no readable entries`);
	// Two processes appending to one incident number their events independently;
	// the file's order is the truth, so renumber rather than show duplicates.
	const numbered = ordered ? events : events.map((event, index) => ({...event, seq: index + 1}));
	return {incident, events: numbered, warnings};
}
