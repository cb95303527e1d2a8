/** What a child process printed, kept to its last `limit` bytes (64 KiB by default). */
export const defaultOutputLimit = 64 * 1024;

/**
 * stdout and stderr interleaved as they arrived, bounded: a script that
 * prints forever costs `limit` bytes, and the end (where the error usually
 * is) is what stays. Text is kept raw; it is sanitised where it is shown.
 */
export class BoundedOutput {
	readonly #limit: number;
	#chunks: Buffer[] = [];
	#bytes = 0;
	/** Bytes dropped from the front to stay under the limit. */
	dropped = 0;

	constructor(limit = defaultOutputLimit) {
		this.#limit = limit;
	}

	push(chunk: Buffer): void {
		this.#chunks.push(chunk);
		this.#bytes += chunk.length;
		while (this.#bytes > this.#limit && this.#chunks.length > 0) {
			const first = this.#chunks[0] as Buffer;
			const excess = this.#bytes - this.#limit;
			if (first.length <= excess) {
				this.#chunks.shift();
				this.#bytes -= first.length;
				this.dropped += first.length;
			} else {
				this.#chunks[0] = first.subarray(excess);
				this.#bytes -= excess;
				this.dropped += excess;
			}
		}
	}

	text(): string {
		// A cut in the middle of a UTF-8 sequence decodes to U+FFFD, never throws.
		return Buffer.concat(this.#chunks).toString('utf8');
	}

	/** The non-empty lines, for "first and last lines" summaries. */
	lines(): string[] {
		return this.text()
			.split(/\r?\n/)
			.filter((line) => line.trim() !== '');
	}
}
