import type {Redis} from 'ioredis';
import type {TimelineEvent} from '../event.ts';
import {type Incident, incidentStatuses} from '../incident.ts';
import type {Journal} from '../journal.ts';
import {isSeverity} from '../severity.ts';
import {decodeEntry} from './codec.ts';
import {incidentsKey, shareKeys} from './keys.ts';

/** An incident as the stream's index lists it (`irtop join` on any host). */
export interface IndexedIncident {
	readonly id: string;
	readonly title: string;
	readonly severity: string;
	readonly status: string;
	readonly startedAt: number;
	readonly responders: readonly string[];
}

/** How long an index entry outlives the last heartbeat that refreshed it. */
const indexTtlSeconds = 7 * 24 * 3600;

/** Refreshes the incident's index entry (the presence beat calls it every 5 s). */
export async function writeIndex(
	redis: Redis,
	incident: Incident,
	events: readonly TimelineEvent[],
	present: readonly string[],
): Promise<void> {
	const responders = new Set<string>(present.map((p) => p.replace(/@.*$/, '')));
	if (incident.owner) responders.add(incident.owner);
	for (const e of events) if (e.author) responders.add(e.author);
	const key = shareKeys(incident.id).meta;
	await redis
		.multi()
		.hset(key, {
			title: incident.title,
			severity: incident.severity,
			status: incident.status,
			startedAt: String(incident.startedAt),
			responders: JSON.stringify([...responders].slice(0, 20)),
		})
		.expire(key, indexTtlSeconds)
		.exec();
}

const parseResponders = (raw: string | undefined): string[] => {
	try {
		const value: unknown = JSON.parse(raw ?? '[]');
		return Array.isArray(value) ? value.filter((v) => typeof v === 'string').slice(0, 20) : [];
	} catch {
		return [];
	}
};

/** The open incidents of the index (anything that does not read as one is left out). */
export async function listIndex(redis: Redis): Promise<IndexedIncident[]> {
	const ids = (await redis.smembers(incidentsKey)).filter((id) => id.length <= 256).slice(0, 500);
	const pipeline = redis.pipeline();
	for (const id of ids) pipeline.hgetall(shareKeys(id).meta);
	const replies = (await pipeline.exec()) ?? [];
	const list: IndexedIncident[] = [];
	const gone: string[] = [];
	for (const [n, id] of ids.entries()) {
		const meta = (replies[n]?.[1] ?? {}) as Record<string, string>;
		const startedAt = Number(meta.startedAt);
		if (!meta.title) gone.push(id); // Expired: nobody refreshed it for a week.
		if (!meta.title || !isSeverity(meta.severity ?? '') || !Number.isFinite(startedAt)) continue;
		if (!incidentStatuses.includes(meta.status as never) || meta.status === 'resolved') continue;
		list.push({
			id,
			title: meta.title,
			severity: meta.severity as string,
			status: meta.status as string,
			startedAt,
			responders: parseResponders(meta.responders),
		});
	}
	if (gone.length > 0) await redis.srem(incidentsKey, ...gone).catch(() => 0);
	return list;
}

/**
 * `irtop join ID` of an incident this host has no journal for: the stream's events are
 * written to a new local journal (one fsync), so the usual resume reads it and the
 * journal is the source of truth from then on. Returns how many events were copied.
 */
export async function copyIncident(redis: Redis, id: string, journal: Journal): Promise<number> {
	const key = shareKeys(id).events;
	const records: {incident: Incident; event: TimelineEvent}[] = [];
	let from = '-';
	for (;;) {
		const entries = (await redis.xrange(key, from, '+', 'COUNT', 1000)) as [string, string[]][];
		for (const [entryId, fields] of entries) {
			const decoded = decodeEntry(fields, id);
			if ('record' in decoded) records.push(decoded.record);
			from = `(${entryId}`;
		}
		if (entries.length < 1000) break;
	}
	if (records.length === 0) return 0;
	// Every line carries the newest incident record: the journal's reader folds events over it.
	const latest = (records.at(-1) as {incident: Incident}).incident;
	journal.writeMany(records.map((r) => ({incident: latest, event: {...r.event, seq: 0}})));
	return records.length;
}
