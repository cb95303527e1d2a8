import {createInterface} from 'node:readline/promises';
import type {Config} from '../config/index.ts';
import {formatAge} from '../format/duration.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import {Journal} from '../timeline/journal.ts';
import {findIncident, incidentsDir, journalPath, listIncidents} from '../timeline/journal-paths.ts';
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

/** Asks Redis once, without retrying: `irtop join` must not hang on a server that is away. */
async function withShare<T>(
	config: Config,
	io: Io,
	use: (redis: import('ioredis').Redis) => Promise<T>,
): Promise<T | null> {
	const share = config.timeline.share;
	if (!share) return null;
	const {shareConnection} = await import('../timeline/share/connect.ts');
	const {redisReason} = await import('../sources/redis/client.ts');
	let redis: import('ioredis').Redis | undefined;
	try {
		redis = shareConnection(share, 'irtop-join', {lazy: true, retries: false});
		await redis.connect();
		return await use(redis);
	} catch (error) {
		io.stderr.write(
			`irtop: join: sharing: ${sanitizeLine(redisReason(error))} (local journals only)\n`,
		);
		return null;
	} finally {
		redis?.disconnect();
	}
}

/** The open incidents of the stream's index that this host has no journal for. */
async function sharedIncidents(config: Config, io: Io, local: readonly OpenIncident[]) {
	const {listIndex} = await import('../timeline/share/index-key.ts');
	const listed = (await withShare(config, io, listIndex)) ?? [];
	const known = new Set(local.map((i) => i.id));
	return listed.filter((i) => !known.has(i.id));
}

/**
 * `irtop join ID` of an incident this host has no journal for: copied from the stream
 * into a new local journal first, so the resume that follows reads it like any other.
 * Quiet when the journal is here or sharing is off (the resume then says what is missing).
 */
export async function copyFromStream(io: Io, config: Config, id: string): Promise<void> {
	const dir = config.timeline.dir ?? incidentsDir(io.env);
	if (!dir || !config.timeline.share || findIncident(dir, id) !== null) return;
	const {copyIncident} = await import('../timeline/share/index-key.ts');
	const journal = new Journal(dir, {shared: config.timeline.dir !== undefined});
	try {
		const copied = await withShare(config, io, (redis) => copyIncident(redis, id, journal));
		if (copied) io.stderr.write(`irtop: join: copied ${copied} events of ${id} from the stream\n`);
	} finally {
		journal.close();
	}
}

/**
 * `irtop join` without an id: lists the open incidents (this host's journals and, when
 * sharing, the stream's index) and asks which one (by number or id).
 * Returns the id, or null (nothing open, not a terminal, or no answer) after saying why.
 */
export async function pickIncident(
	io: Io,
	config: Config,
	stdin: NodeJS.ReadStream = process.stdin,
): Promise<string | null> {
	const dir = config.timeline.dir ?? incidentsDir(io.env);
	if (!dir) {
		io.stderr.write('irtop: join: no incident journal: set HOME or XDG_STATE_HOME\n');
		return null;
	}
	const local = openIncidents(dir);
	const list = [...local, ...(await sharedIncidents(config, io, local))];
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
