import {randomBytes} from 'node:crypto';
import type {Redis} from 'ioredis';
import type {TimelineEvent} from '../event.ts';
import type {Incident} from '../incident.ts';
import type {Timeline} from '../timeline.ts';
import {decodeEntry, encodeEntry} from './codec.ts';
import {shareKeys} from './keys.ts';

/** What the header says: "sharing: online", "sharing: offline, 3 events to send". */
export interface ShareStatus {
	readonly state: 'connecting' | 'online' | 'offline';
	/** Events of this incident not yet known to be on the stream (the outbox). */
	readonly toSend: number;
	/** Stream entries that were not irtop events (skipped, never applied). */
	readonly skipped: number;
	/** Why Redis is away, as Redis or the socket said it (WRONGPASS, ECONNREFUSED), when known. */
	readonly reason?: string;
}

/**
 * Adds one event unless a copy of it is already on the stream (the `ids` hash: event id →
 * its time): two responders sending the same event (an alert both saw, a re-seed after a
 * reconnect) leave one entry. A copy that is earlier than the one there is added too:
 * every responder keeps the earlier of two copies (merge.ts), so it must reach them all.
 * The generation key names this incarnation of the keys: when a FLUSHALL or a restart
 * without persistence lost them, the next add makes a new one, and every responder that
 * sees a generation it does not know re-seeds the stream from its journal.
 */
const addScript = `
local gen = redis.call('GET', KEYS[3])
if not gen then gen = ARGV[4]; redis.call('SET', KEYS[3], gen) end
local known = redis.call('HGET', KEYS[2], ARGV[1])
if known and tonumber(known) <= tonumber(ARGV[5]) then return {0, gen} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[3])
return {1, gen}`;

type AddingRedis = Redis & {
	irtopShareAdd(
		events: string,
		ids: string,
		gen: string,
		id: string,
		maxLength: number,
		entry: string,
		newGen: string,
		at: number,
	): Promise<[number, string]>;
};

const generationKey = (incidentId: string) => `irtop:{${incidentId}}:gen`;
const sendChunk = 200;
const readCount = 500;
/** How long a read blocks: also the longest a re-seed waits before this responder reads it. */
const blockMs = 2000;
/** How often the generation is checked while the link is idle (a FLUSHALL is noticed by then). */
const checkMs = 2000;

export interface StreamLinkOptions {
	readonly maxLength: number;
	/** Removes secrets from every string of an event before it leaves the host (exports' redaction). */
	readonly scrub: (text: string) => string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * The timeline of the current incident through one Redis stream: a source-like module
 * outside the UI. The journal stays the source of truth: the timeline has written an
 * event (fsync'd) before this link sees it; the link then sends it (XADD through the add
 * script) and reads everyone's (XREAD BLOCK from the last id seen, on its own
 * connection), handing new ones to `timeline.receive(…, persist)`, which writes them to
 * this host's journal before showing them. Every event of the timeline not yet confirmed
 * on the stream is in the outbox: Redis down, slow or restarted only delays it.
 */
export class StreamLink {
	readonly #writer: AddingRedis;
	readonly #reader: Redis;
	readonly #timeline: Timeline;
	readonly #options: StreamLinkOptions;
	#incident: string | null = null;
	/** Event ids known to be in the stream's id set (sent, or read from the stream). */
	#confirmed = new Set<string>();
	#lastId = '0-0';
	#generation: string | null = null;
	#toSend = 0;
	#skipped = 0;
	#sending = false;
	#again = false;
	#stopped = false;
	#everOnline = false;
	#reason: string | undefined;
	#checkTimer: NodeJS.Timeout | null = null;
	#unsubscribe: (() => void) | null = null;
	#seenEvents: readonly TimelineEvent[] | null = null;

	constructor(writer: Redis, reader: Redis, timeline: Timeline, options: StreamLinkOptions) {
		writer.defineCommand('irtopShareAdd', {numberOfKeys: 3, lua: addScript});
		this.#writer = writer as AddingRedis;
		// Offline means "was online": known from the connection itself, not from whether
		// someone happened to read the status while it was up.
		if (writer.status === 'ready') this.#everOnline = true;
		writer.on('ready', () => {
			this.#everOnline = true;
		});
		this.#reader = reader;
		this.#timeline = timeline;
		this.#options = options;
	}

	status(): ShareStatus {
		const online = this.#writer.status === 'ready';
		return {
			state: online ? 'online' : this.#everOnline ? 'offline' : 'connecting',
			toSend: this.#toSend,
			skipped: this.#skipped,
			...(online || !this.#reason ? {} : {reason: this.#reason}),
		};
	}

	start(): void {
		this.#unsubscribe = this.#timeline.subscribe(() => this.#changed());
		// Back after a restart: send what was missed (reading goes on from the last id by itself).
		this.#writer.on('ready', () => this.#send());
		// Remote text: the first words only, sanitised by the header (never the URL: ioredis does not put it there).
		this.#writer.on('error', (error: Error & {code?: string}) => {
			this.#reason = (error.message || error.code || error.name).split('\n')[0]?.slice(0, 60);
		});
		this.#checkTimer = setInterval(() => void this.#check(), checkMs);
		this.#checkTimer.unref();
		this.#changed();
		void this.#readLoop();
	}

	/** Waits (at most `ms`) until the outbox is sent: a quitting irtop's last events go out. */
	async drain(ms: number): Promise<void> {
		this.#changed();
		const until = Date.now() + ms;
		while (
			(this.#sending || this.#toSend > 0) &&
			Date.now() < until &&
			this.#writer.status === 'ready'
		)
			await sleep(20);
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		if (this.#checkTimer) clearInterval(this.#checkTimer);
	}

	/** The timeline changed: a new event to send, or another incident to follow. */
	#changed(): void {
		const id = this.#timeline.incident?.id ?? null;
		if (id !== this.#incident) {
			this.#incident = id;
			this.#reset();
		}
		const {events} = this.#timeline.getSnapshot();
		if (events === this.#seenEvents) return;
		this.#seenEvents = events;
		this.#countOutbox();
		this.#send();
	}

	/** Everything is to be sent and read again: a new incident, or the stream's keys were lost. */
	#reset(): void {
		this.#confirmed = new Set();
		this.#lastId = '0-0';
		this.#generation = null;
		this.#countOutbox();
	}

	#outbox(): TimelineEvent[] {
		return this.#timeline.getSnapshot().events.filter((e) => !this.#confirmed.has(e.id));
	}

	#countOutbox(): void {
		this.#toSend = this.#outbox().length;
	}

	/** Sends the outbox, oldest first; one run at a time, again if something came meanwhile. */
	#send(): void {
		if (this.#sending) {
			this.#again = true;
			return;
		}
		this.#sending = true;
		void this.#sendAll().finally(() => {
			this.#sending = false;
			if (this.#again && !this.#stopped) {
				this.#again = false;
				this.#send();
			}
		});
	}

	async #sendAll(): Promise<void> {
		const incident = this.#timeline.incident;
		if (!incident || this.#stopped || this.#writer.status !== 'ready') return;
		const keys = shareKeys(incident.id);
		const gen = generationKey(incident.id);
		const mine = randomBytes(8).toString('hex');
		const outbox = this.#outbox();
		for (let i = 0; i < outbox.length; i += sendChunk) {
			const chunk = outbox.slice(i, i + sendChunk);
			const pipeline = this.#writer.pipeline();
			for (const event of chunk)
				(pipeline as unknown as AddingRedis).irtopShareAdd(
					keys.events,
					keys.ids,
					gen,
					event.id,
					this.#options.maxLength,
					this.#entry(incident, event),
					mine,
					event.at,
				);
			let results: [Error | null, unknown][] | null;
			try {
				results = await pipeline.exec();
			} catch {
				return; // Offline: the outbox keeps them; 'ready' sends again.
			}
			if (this.#incident !== incident.id) return;
			for (const [n, [error, reply]] of (results ?? []).entries()) {
				if (error || !Array.isArray(reply)) return this.#countOutbox();
				if (!this.#sameGeneration(String(reply[1]))) return;
				this.#confirmed.add((chunk[n] as TimelineEvent).id);
			}
			this.#countOutbox();
		}
	}

	#entry(incident: Incident, event: TimelineEvent): string {
		const scrub = this.#options.scrub;
		return encodeEntry(
			scrubbed(incident, scrub) as Incident,
			scrubbed(event, scrub) as TimelineEvent,
		);
	}

	/**
	 * False (and a re-seed started) when the stream's keys are not the ones this link
	 * confirmed events in: they were flushed, or Redis restarted without its data.
	 */
	#sameGeneration(generation: string | null): boolean {
		if (this.#generation === null) {
			if (generation !== null) this.#generation = generation;
			return true;
		}
		if (generation === this.#generation) return true;
		this.#reset();
		this.#send();
		return false;
	}

	/** Notices lost keys while nothing is being sent (the adds notice them otherwise). */
	async #check(): Promise<void> {
		const id = this.#incident;
		if (!id || this.#writer.status !== 'ready' || this.#generation === null) return;
		try {
			const generation = await this.#writer.get(generationKey(id));
			if (id === this.#incident) this.#sameGeneration(generation ?? '(none)');
		} catch {
			// Slow or away: the next check, or the reconnect, tries again.
		}
	}

	async #readLoop(): Promise<void> {
		while (!this.#stopped) {
			const id = this.#incident;
			if (!id || this.#reader.status !== 'ready') {
				await sleep(200);
				continue;
			}
			const from = this.#lastId;
			let reply: unknown;
			try {
				reply = await this.#reader.xread(
					'COUNT',
					readCount,
					'BLOCK',
					blockMs,
					'STREAMS',
					shareKeys(id).events,
					from,
				);
			} catch {
				await sleep(200);
				continue;
			}
			// The incident changed, or a re-seed restarted reading, while this read waited.
			if (id !== this.#incident || from !== this.#lastId) continue;
			this.#apply(id, reply);
		}
	}

	#apply(id: string, reply: unknown): void {
		const entries = (Array.isArray(reply) && Array.isArray(reply[0]) ? reply[0][1] : []) as unknown;
		if (!Array.isArray(entries) || entries.length === 0) return;
		const events: TimelineEvent[] = [];
		for (const entry of entries) {
			if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
			this.#lastId = entry[0];
			const decoded = decodeEntry(entry[1], id);
			if ('skipped' in decoded) {
				this.#skipped++;
				continue;
			}
			this.#confirmed.add(decoded.record.event.id);
			events.push(decoded.record.event);
		}
		try {
			this.#timeline.receive(id, events, true);
		} catch {
			// This host's journal failed (disk full): the notes say so; these are read again later.
			for (const e of events) this.#confirmed.delete(e.id);
		}
		this.#countOutbox();
	}
}

/** A copy with `scrub` applied to every string in it (keys stay: they are irtop's own names). */
function scrubbed(value: unknown, scrub: (text: string) => string): unknown {
	if (typeof value === 'string') return scrub(value);
	if (Array.isArray(value)) return value.map((v) => scrubbed(v, scrub));
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, scrub)]));
	return value;
}
