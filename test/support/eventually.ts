/**
 * Reads until `ok` holds or `timeoutMs` has passed, and returns the last
 * value read: the caller's assertions then say what was wrong. Real servers
 * (a Prometheus window, a rollout) take their time.
 */
export async function eventually<T>(
	read: () => Promise<T>,
	ok: (value: T) => boolean,
	timeoutMs = 5000,
	everyMs = 100,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value) || Date.now() > deadline) return value;
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

/** As eventually, but a timeout is an error naming the last value (for setup, where no assertion follows). */
export async function until<T>(
	read: () => Promise<T>,
	ok: (value: T) => boolean,
	timeoutMs = 30_000,
): Promise<T> {
	const value = await eventually(read, ok, timeoutMs, 250);
	if (!ok(value)) throw new Error(`timed out; last value: ${JSON.stringify(value).slice(0, 500)}`);
	return value;
}
