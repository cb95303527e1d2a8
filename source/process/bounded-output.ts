/** What a child process printed, kept to its last `limit` bytes (64 KiB by default). */
export const defaultOutputLimit = 64 * 1024;

/**
 * stdout and stderr interleaved as they arrived, bounded: a script that
 * prints forever costs `limit` bytes, and the end (where the error usually
 * is) is what stays. Text is kept raw; it is sanitised where it is shown.
 */
export class BoundedOutput {
	readonly #limit: number;
	readonly #secrets: readonly string[];
	#chunks: Buffer[] = [];
	#bytes = 0;
	/** Bytes dropped from the front to stay under the limit. */
	dropped = 0;

	/** `secrets`: values (a token from the command's env) that `text()` never returns. */
	constructor(limit = defaultOutputLimit, secrets: readonly string[] = []) {
		this.#limit = limit;
		this.#secrets = secrets.filter((s) => s !== '').toSorted((a, b) => b.length - a.length);
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
		let text = Buffer.concat(this.#chunks).toString('utf8');
		if (this.#secrets.length === 0) return text;
		// The cut may have left the tail of a secret at the front: that line goes.
		if (this.dropped > 0) text = text.slice(text.indexOf('\n') + 1);
		for (const secret of this.#secrets) text = text.split(secret).join('***');
		return text;
	}

	/** The non-empty lines, for "first and last lines" summaries. */
	lines(): string[] {
		return this.text()
			.split(/\r?\n/)
			.filter((line) => line.trim() !== '');
	}
}
