import {Redis} from 'ioredis';

/**
 * An ioredis client that fails fast instead of queueing: a stopped Redis must
 * show as an error on the next poll, not as a poll that never ends. The
 * scheduler's backoff replaces ioredis' own reconnect loop.
 */
export function createRedis(url: string, password: string | undefined, timeoutMs: number): Redis {
	const client = new Redis(url, {
		...(password !== undefined ? {password} : {}),
		lazyConnect: true,
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		retryStrategy: () => null,
		connectTimeout: timeoutMs,
		commandTimeout: timeoutMs,
		connectionName: 'irtop',
	});
	// An unhandled 'error' event would crash irtop; the socket's own reason (ECONNREFUSED) is kept,
	// because the command then fails with only "Connection is closed.".
	client.on('error', (error: Error) => {
		lastErrors.set(client, error);
	});
	return client;
}

const lastErrors = new WeakMap<Redis, Error>();

/** The reason a command failed: the socket's error when there was one, else the command's. */
export function failureOf(client: Redis | undefined, error: unknown): string {
	const socket = client ? lastErrors.get(client) : undefined;
	return redisReason(socket ?? error);
}

/** ioredis reports a refused connection as an empty AggregateError on some paths. */
export function redisReason(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0)
		return redisReason(error.errors[0]);
	if (error instanceof Error) return error.message || (error as {code?: string}).code || error.name;
	return String(error);
}
