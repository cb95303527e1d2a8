import {readFileSync} from 'node:fs';
import {Redis, type RedisOptions} from 'ioredis';
import type {ShareConfig} from '../../config/schema-timeline.ts';

/** Reconnects after 0.2 s, then backs off to every 2 s: a restarted Redis is back within 2 s. */
const retry = (attempt: number) => Math.min(200 * attempt, 2000);

/**
 * A connection for sharing. Unlike the Redis panel's client it reconnects by itself
 * (the share is a long-lived link, not a poll), but it still fails fast while down:
 * no offline queue, so a command while Redis is away throws and the event stays in
 * the outbox instead of waiting in a queue irtop cannot see. AUTH and TLS come from
 * the URL (`rediss://user:password@host`); `ca` adds a PEM file to the trusted roots.
 */
export function shareConnection(
	config: ShareConfig,
	name: string,
	options: {blocking?: boolean; lazy?: boolean; retries?: boolean} = {},
): Redis {
	const tls: RedisOptions['tls'] = config.url.startsWith('rediss:')
		? config.ca
			? {ca: readFileSync(config.ca)}
			: {}
		: undefined;
	const client = new Redis(config.url, {
		...(tls ? {tls} : {}),
		lazyConnect: options.lazy ?? false,
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		retryStrategy: options.retries === false ? () => null : retry,
		connectTimeout: 2000,
		// A blocking XREAD waits 5 s by design; every other command answers fast or is "slow".
		commandTimeout: options.blocking ? 10_000 : 2000,
		connectionName: name,
	});
	// An unhandled 'error' would crash irtop: the link's state says Redis is away instead.
	client.on('error', () => {});
	return client;
}
