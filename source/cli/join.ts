import {createInterface} from 'node:readline/promises';
import {formatAge} from '../format/duration.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import {incidentsDir, journalPath, listIncidents} from '../timeline/journal-paths.ts';
import {readJournal} from '../timeline/journal-read.ts';
import type {Io} from './io.ts';

export interface OpenIncident {
	readonly id: string;
	readonly title: string;
	readonly severity: string;
	readonly startedAt: number;
	/** Everyone who wrote a note or ran an action on it (and its owner). */
	readonly responders: readonly string[];
}

/** The incidents of this host's journals that are not resolved, newest first. */
export function openIncidents(dir: string): OpenIncident[] {
	const open: OpenIncident[] = [];
	for (const id of listIncidents(dir).reverse()) {
		let loaded: ReturnType<typeof readJournal>;
		try {
			loaded = readJournal(journalPath(dir, id));
		} catch {
			continue; // An empty or unreadable journal is nothing to join.
		}
		const {incident, events} = loaded;
		if (incident.status === 'resolved') continue;
		const responders = new Set<string>();
		if (incident.owner) responders.add(incident.owner);
		for (const e of events) if (e.author) responders.add(e.author);
		open.push({
			id,
			title: incident.title,
			severity: incident.severity,
			startedAt: incident.startedAt,
			responders: [...responders],
		});
	}
	return open;
}

/** One line per incident, like kubectl's tables: what a responder needs to pick one. */
export function formatOpenIncidents(list: readonly OpenIncident[], now: number): string {
	const rows = list.map((i, n) => [
		String(n + 1),
		i.id,
		i.severity,
		formatAge(now - i.startedAt),
		sanitizeLine(i.responders.join(',') || '-'),
		sanitizeLine(i.title),
	]);
	const header = ['#', 'ID', 'SEV', 'AGE', 'RESPONDERS', 'TITLE'];
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
	return [header, ...rows]
		.map((r) =>
			r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  '),
		)
		.join('\n')
		.concat('\n');
}

/**
 * `irtop join` without an id: lists the open incidents and asks which one (by number or id).
 * Returns the id, or null (nothing open, not a terminal, or no answer) after saying why.
 */
export async function pickIncident(
	io: Io,
	configuredDir: string | undefined,
	stdin: NodeJS.ReadStream = process.stdin,
): Promise<string | null> {
	const dir = configuredDir ?? incidentsDir(io.env);
	if (!dir) {
		io.stderr.write('irtop: join: no incident journal: set HOME or XDG_STATE_HOME\n');
		return null;
	}
	const list = openIncidents(dir);
	if (list.length === 0) {
		io.stderr.write(`irtop: join: no open incident in ${dir}\n`);
		return null;
	}
	io.stdout.write(formatOpenIncidents(list, Date.now()));
	if (list.length === 1) return list[0]?.id ?? null;
	if (!stdin.isTTY) {
		io.stderr.write('irtop: join: several are open: irtop join ID\n');
		return null;
	}
	const prompt = createInterface({input: stdin, output: io.stdout});
	try {
		const answer = (await prompt.question('join which? (number or id) ')).trim();
		const byNumber = list[Number(answer) - 1];
		const found = byNumber ?? list.find((i) => i.id === answer || i.id.startsWith(answer));
		if (!found || answer === '') io.stderr.write(`irtop: join: no incident "${answer}"\n`);
		return answer === '' ? null : (found?.id ?? null);
	} finally {
		prompt.close();
	}
}
