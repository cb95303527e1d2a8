/** Fixed-capacity history of numbers for sparklines; the oldest value falls off. */
export class RingBuffer {
	readonly #values: number[] = [];
	readonly capacity: number;

	constructor(capacity: number) {
		if (!Number.isInteger(capacity) || capacity <= 0) {
			throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
		}
		this.capacity = capacity;
	}

	push(value: number): void {
		this.#values.push(value);
		if (this.#values.length > this.capacity) this.#values.shift();
	}

	/** Oldest first; a copy, so a snapshot never changes under a reader. */
	toArray(): number[] {
		return [...this.#values];
	}

	get length(): number {
		return this.#values.length;
	}
}
