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
	// Errors surface through the commands; an unhandled 'error' event would crash irtop.
	client.on('error', () => {});
	return client;
}

/** ioredis reports a refused connection as an empty AggregateError on some paths. */
export function redisReason(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0)
		return redisReason(error.errors[0]);
	if (error instanceof Error) return error.message || (error as {code?: string}).code || error.name;
	return String(error);
}
