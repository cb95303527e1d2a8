// Polls until a check passes, failing early when a process it depends on has
// died; the error carries the last lines of that process's log.
import type {StartedProcess} from '../server.ts';
import {isAlive, logTail} from './spawn.ts';

export interface WaitOptions {
	readonly what: string;
	readonly timeoutMs: number;
	readonly processes?: readonly {process: StartedProcess; log: string}[];
	readonly signal?: AbortSignal;
	readonly intervalMs?: number;
}

export async function waitFor<T>(
	check: () => Promise<T | undefined>,
	options: WaitOptions,
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let last: unknown;
	for (;;) {
		options.signal?.throwIfAborted();
		for (const {process, log} of options.processes ?? []) {
			if (!isAlive(process.pid)) {
				throw new Error(
					`kubernetes: ${process.name} (pid ${process.pid}) exited while waiting for ${options.what}; last lines of ${log}:\n${logTail(log)}`,
				);
			}
		}
		try {
			const result = await check();
			if (result !== undefined) return result;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			const logs = (options.processes ?? [])
				.map(({process, log}) => `--- ${process.name} (${log}):\n${logTail(log, 10)}`)
				.join('\n');
			throw new Error(
				`kubernetes: timed out after ${options.timeoutMs / 1000}s waiting for ${options.what}${last ? ` (last error: ${(last as Error).message})` : ''}\n${logs}`,
			);
		}
		await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
	}
}
