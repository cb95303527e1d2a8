import {closeSync, type FSWatcher, fstatSync, openSync, readSync, statSync, watch} from 'node:fs';
import type {TimelineEvent} from './event.ts';
import {parseJournalLine} from './journal-read.ts';

export interface FollowOptions {
	/** Where to start: the bytes a resume already read (0: the whole file). */
	readonly from?: number;
	/** Lines before `from`, so a line without an id is numbered as readJournal numbers it. */
	readonly lines?: number;
	/**
	 * The fallback poll: file watching misses changes on some filesystems (network mounts,
	 * overlay layers) and cannot watch a file that does not exist yet.
	 */
	readonly pollMs?: number;
}

/**
 * Follows one journal for the lines other processes append (several responders on one
 * host, `irtop --resume ID` or `irtop join`). Only whole lines are read: a line still being
 * written (or torn by a crash) waits for its newline. Every line comes back, this process's
 * own too; the timeline applies each id once, so reading a line twice is harmless.
 */
export class JournalFollower {
	readonly #path: string;
	readonly #onEvents: (incidentId: string, events: TimelineEvent[]) => void;
	readonly #pollMs: number;
	#offset: number;
	#lines: number;
	#watcher: FSWatcher | null = null;
	#timer: NodeJS.Timeout | null = null;
	#size = -1;

	constructor(
		path: string,
		onEvents: (incidentId: string, events: TimelineEvent[]) => void,
		options: FollowOptions = {},
	) {
		this.#path = path;
		this.#onEvents = onEvents;
		this.#offset = options.from ?? 0;
		this.#lines = options.lines ?? 0;
		this.#pollMs = options.pollMs ?? 250;
	}

	start(): void {
		this.#watch();
		this.#timer = setInterval(() => {
			// A stat per tick; the read happens only when the size changed.
			if (!this.#watcher) this.#watch();
			this.#check();
		}, this.#pollMs);
		this.#timer.unref();
		// Not now: start() runs inside a timeline listener, which must not see a nested update.
		setImmediate(() => this.#check());
	}

	stop(): void {
		this.#watcher?.close();
		this.#watcher = null;
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	#watch(): void {
		try {
			this.#watcher = watch(this.#path, {persistent: false}, () => this.#check());
			this.#watcher.on('error', () => {
				// Deleted or moved: the poll goes on and watches again when the file is back.
				this.#watcher?.close();
				this.#watcher = null;
			});
		} catch {
			this.#watcher = null;
		}
	}

	#check(): void {
		let size: number;
		try {
			size = statSync(this.#path).size;
		} catch {
			return;
		}
		if (size === this.#size) return;
		this.#size = size;
		if (size < this.#offset) {
			// Replaced by a shorter file (restored from a backup): read it again from the start.
			this.#offset = 0;
			this.#lines = 0;
		}
		this.#read();
	}

	#read(): void {
		let fd: number;
		try {
			fd = openSync(this.#path, 'r');
		} catch {
			return;
		}
		const events: TimelineEvent[] = [];
		let incidentId: string | null = null;
		try {
			const size = fstatSync(fd).size;
			if (size <= this.#offset) return;
			const chunk = Buffer.alloc(size - this.#offset);
			const read = readSync(fd, chunk, 0, chunk.length, this.#offset);
			const whole = chunk.subarray(0, read).lastIndexOf(0x0a) + 1;
			if (whole === 0) return;
			this.#offset += whole;
			for (const line of chunk.subarray(0, whole).toString('utf8').split('\n').slice(0, -1)) {
				this.#lines++;
				if (line === '') continue;
				const parsed = parseJournalLine(line, this.#lines);
				// A fragment a crash left, ended by the next writer: skipped, as resume skips it.
				if ('error' in parsed) continue;
				incidentId = parsed.record.incident.id;
				events.push(parsed.record.event);
			}
		} finally {
			closeSync(fd);
		}
		if (incidentId && events.length > 0) this.#onEvents(incidentId, events);
	}
}
