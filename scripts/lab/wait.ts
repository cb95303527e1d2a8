// Polls until a server answers. Fails fast when the server's process has
// already died, instead of waiting out the whole timeout.

export interface WaitOptions {
	readonly timeoutMs?: number;
	readonly intervalMs?: number;
	readonly signal?: AbortSignal;
	/** Returns false once the server's process is gone. */
	readonly alive?: () => boolean;
}

export async function waitFor(
	what: string,
	check: () => Promise<boolean>,
	options: WaitOptions = {},
): Promise<void> {
	const {timeoutMs = 60_000, intervalMs = 200, signal, alive} = options;
	const deadline = Date.now() + timeoutMs;
	let lastError = '';
	for (;;) {
		signal?.throwIfAborted();
		try {
			if (await check()) return;
		} catch (error) {
			lastError = error instanceof Error ? error.message : String(error);
		}
		if (alive && !alive()) throw new Error(`${what}: the process exited before it answered`);
		if (Date.now() > deadline) {
			throw new Error(
				`${what}: no answer after ${timeoutMs / 1000} s${lastError ? ` (${lastError})` : ''}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** GET url; true on a 2xx. */
export async function httpOk(url: string): Promise<boolean> {
	const response = await fetch(url, {signal: AbortSignal.timeout(2000)});
	await response.body?.cancel();
	return response.ok;
}
