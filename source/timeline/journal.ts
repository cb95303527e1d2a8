import {
	closeSync,
	constants,
	fchmodSync,
	fdatasyncSync,
	fstatSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readSync,
	writeSync,
} from 'node:fs';
import type {TimelineEvent} from './event.ts';
import type {Incident} from './incident.ts';
import {journalPath} from './journal-paths.ts';
import type {TimelineSink} from './timeline.ts';

/** One line of the journal: the incident as it was after the event, and the event. */
export interface JournalRecord {
	readonly v: 1;
	readonly incident: Incident;
	readonly event: TimelineEvent;
}

export function encodeRecord(incident: Incident, event: TimelineEvent): string {
	const record: JournalRecord = {v: 1, incident, event};
	return `${JSON.stringify(record)}\n`;
}

/**
 * The durable journal: one append-only JSONL file per incident, mode 0600.
 *
 * `write` returns only after the line is on disk (write + fdatasync), and the
 * Timeline calls it before any subscriber sees the event, so a note shown on
 * screen survives kill -9, SIGHUP and a power cut.
 *
 * Two processes on one file: the file is opened O_APPEND and every record is
 * one write(2) of a whole line. O_APPEND makes "seek to end + write" atomic,
 * and Linux serialises writes to a regular file under the inode lock, so two
 * writers' lines never interleave (no lock file, which a kill -9 could leave
 * behind). This does not hold on NFS; the state directory is local.
 */
export class Journal implements TimelineSink {
	readonly #dir: string;
	readonly #shared: boolean;
	#open: {id: string; fd: number} | null = null;

	/**
	 * `shared`: the directory is `timeline.dir`, which several Unix users of one group write
	 * (docs/configuration.md): journals are made group-writable (0660) whatever the umask.
	 */
	constructor(dir: string, options: {shared?: boolean} = {}) {
		this.#dir = dir;
		this.#shared = options.shared === true;
	}

	get dir(): string {
		return this.#dir;
	}

	write(incident: Incident, event: TimelineEvent): void {
		this.writeMany([{incident, event}]);
	}

	/**
	 * Several records in one write(2) and one fdatasync (a stream read after a reconnect
	 * brings hundreds): whole lines still, so they never interleave with another writer's.
	 */
	writeMany(records: readonly {incident: Incident; event: TimelineEvent}[]): void {
		const first = records[0];
		if (!first) return;
		const fd = this.#fd(first.incident.id);
		// Another responder killed mid-write leaves a fragment at the end: start this record on a
		// line of its own (in the same single write), or the fragment would cost this event too.
		const torn = !endsWithNewline(fd);
		const lines = records.map((r) => encodeRecord(r.incident, r.event)).join('');
		const line = Buffer.from(`${torn ? '\n' : ''}${lines}`);
		const written = writeSync(fd, line);
		// A short write only happens when the disk is full; report it rather than
		// write the rest separately, which could interleave with another writer.
		if (written !== line.length)
			throw new Error(`journal: short write (${written}/${line.length} bytes)`);
		fdatasyncSync(fd);
	}

	close(): void {
		if (this.#open) closeSync(this.#open.fd);
		this.#open = null;
	}

	#fd(id: string): number {
		if (this.#open?.id === id) return this.#open.fd;
		this.close();
		mkdirSync(this.#dir, {recursive: true, mode: this.#shared ? 0o2770 : 0o700});
		const fd = openSync(
			journalPath(this.#dir, id),
			constants.O_RDWR | constants.O_APPEND | constants.O_CREAT,
			0o600,
		);
		if (fstatSync(fd).size === 0) {
			if (this.#shared) fchmodSync(fd, 0o660);
			// The new directory entry must survive a crash too, not only the data.
			syncDir(this.#dir);
		}
		this.#open = {id, fd};
		return fd;
	}
}

/** True for an empty file or one whose last byte ends a line (the reader skips a torn fragment). */
function endsWithNewline(fd: number): boolean {
	const {size} = fstatSync(fd);
	if (size === 0) return true;
	const byte = Buffer.alloc(1);
	// pread on the O_APPEND descriptor needs read access: the journal opens it O_RDWR.
	readSync(fd, byte, 0, 1, size - 1);
	return byte[0] === 0x0a;
}

function syncDir(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
