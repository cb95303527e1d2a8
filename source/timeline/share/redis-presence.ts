import {randomBytes} from 'node:crypto';
import type {Redis} from 'ioredis';
import {sanitizeLine} from '../../format/sanitize.ts';
import {expiryMs, heartbeatMs} from '../presence.ts';
import type {Timeline} from '../timeline.ts';
import {writeIndex} from './index-key.ts';
import {incidentsKey, shareKeys} from './keys.ts';

/** A field of the presence hash: who, and a token for this process (one user, two terminals). */
const fieldOf = (who: string, token: string) => `${who}~${token}`;
const whoOf = (field: string) => field.replace(/~[^~]*$/, '');

/**
 * Who is on the incident from other hosts: every 5 s this process sets its field of the
 * incident's presence hash to its expiry (now + 15 s) and reads the others; the key itself
 * expires when everyone is gone. A field past its expiry is someone who vanished (killed,
 * laptop closed): recorded once as gone (the event's id names the field, so every responder
 * that notices makes the same event), and removed. The same-host Presence records joins
 * and orderly leaves; those events reach the other hosts through the stream. The beat also
 * refreshes the incident's index entry (`irtop join` on another host lists it).
 */
export class RedisPresence {
	readonly #redis: Redis;
	readonly #timeline: Timeline;
	readonly #field: string;
	#incident: string | null = null;
	/** Who, until when: read at the last beat; the header drops one whose time passed. */
	#others: {who: string; until: number}[] = [];
	#timer: NodeJS.Timeout | null = null;
	readonly #seen = new Set<string>();

	constructor(redis: Redis, who: string, timeline: Timeline) {
		this.#redis = redis;
		this.#timeline = timeline;
		this.#field = fieldOf(who, randomBytes(4).toString('hex'));
	}

	/** user@host of the others, still within their heartbeat (Redis away: shown until they expire). */
	readonly others = (): readonly string[] => {
		const now = Date.now();
		return [...new Set(this.#others.filter((o) => o.until >= now).map((o) => o.who))].sort();
	};

	start(): void {
		this.#timer = setInterval(() => void this.#beat(), heartbeatMs);
		this.#timer.unref();
		// Soon after connecting, not 5 s later: the other host's header shows this one at once.
		this.#redis.on('ready', () => void this.#beat());
		void this.#beat();
	}

	async stop(): Promise<void> {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
		const id = this.#incident;
		if (!id || this.#redis.status !== 'ready') return;
		try {
			await this.#redis.hdel(shareKeys(id).presence, this.#field);
		} catch {
			// It expires by itself in 15 s.
		}
	}

	async #beat(): Promise<void> {
		const incident = this.#timeline.incident;
		if (incident?.id !== this.#incident) {
			const previous = this.#incident;
			this.#incident = incident?.id ?? null;
			this.#others = [];
			this.#seen.clear();
			if (previous && this.#redis.status === 'ready')
				await this.#redis.hdel(shareKeys(previous).presence, this.#field).catch(() => {});
		}
		if (!incident || this.#redis.status !== 'ready') return;
		const key = shareKeys(incident.id).presence;
		const now = Date.now();
		let fields: Record<string, string>;
		try {
			const replies = await this.#redis
				.multi()
				.hset(key, this.#field, String(now + expiryMs))
				.pexpire(key, expiryMs * 2)
				.hgetall(key)
				.exec();
			fields = (replies?.[2]?.[1] ?? {}) as Record<string, string>;
			await writeIndex(this.#redis, incident, this.#timeline.getSnapshot().events, this.others());
			await this.#redis.sadd(incidentsKey, incident.id);
		} catch {
			return; // Offline: the header says so; presence comes back with the link.
		}
		if (this.#timeline.incident?.id !== incident.id) return;
		const alive: {who: string; until: number}[] = [];
		for (const [field, value] of Object.entries(fields)) {
			if (field === this.#field) continue;
			const who = sanitizeLine(whoOf(field), 100);
			if (Number(value) >= now) {
				alive.push({who, until: Number(value)});
				this.#seen.add(field);
			} else if (this.#seen.delete(field)) {
				try {
					this.#timeline.append({
						id: `presence:${incident.id}:${field}:gone`,
						kind: 'observation',
						text: `${who} left (no heartbeat for ${Math.round(expiryMs / 1000)} s)`,
						data: {presence: true},
					});
				} catch {
					// The journal failed; the next note says so.
				}
				await this.#redis.hdel(key, field).catch(() => {});
			}
		}
		this.#others = alive;
	}
}
