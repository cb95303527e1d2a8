import {
	closeSync,
	constants,
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
	#open: {id: string; fd: number} | null = null;

	constructor(dir: string) {
		this.#dir = dir;
	}

	get dir(): string {
		return this.#dir;
	}

	write(incident: Incident, event: TimelineEvent): void {
		const fd = this.#fd(incident.id);
		const line = Buffer.from(encodeRecord(incident, event));
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
		mkdirSync(this.#dir, {recursive: true, mode: 0o700});
		const fd = openSync(
			journalPath(this.#dir, id),
			constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
			0o600,
		);
		const {size} = fstatSync(fd);
		if (size === 0) {
			// The new directory entry must survive a crash too, not only the data.
			syncDir(this.#dir);
		} else if (!endsWithNewline(journalPath(this.#dir, id), size)) {
			// A torn last line from a crash: end it, so the next record starts on its own line
			// (the reader skips the fragment with a warning).
			writeSync(fd, '\n');
		}
		this.#open = {id, fd};
		return fd;
	}
}

function endsWithNewline(path: string, size: number): boolean {
	const fd = openSync(path, 'r');
	try {
		const byte = Buffer.alloc(1);
		readSync(fd, byte, 0, 1, size - 1);
		return byte[0] === 0x0a;
	} finally {
		closeSync(fd);
	}
}

function syncDir(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
