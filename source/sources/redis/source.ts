import type {Redis} from 'ioredis';
import type {Source} from '../../engine/source.ts';
import type {RedisData} from '../../model/index.ts';
import {SourceError} from '../shared/http.ts';
import {createRedis, failureOf} from './client.ts';
import {infoNumber, parseInfo} from './info.ts';

/** PING latency and the INFO numbers that matter in an incident. */
export class RedisSource implements Source<'redis'> {
	readonly id = 'redis';
	readonly timeoutMs: number;
	readonly #url: string;
	readonly #password: string | undefined;
	#client: Redis | undefined;

	constructor(url: string, password: string | undefined, timeoutMs = 3000) {
		this.#url = url;
		this.#password = password;
		this.timeoutMs = timeoutMs;
	}

	async poll(signal: AbortSignal): Promise<RedisData> {
		const onAbort = () => this.#reset();
		signal.addEventListener('abort', onAbort, {once: true});
		try {
			const client = await this.#connect();
			const started = performance.now();
			await client.ping();
			const pingMs = performance.now() - started;
			const info = parseInfo(await client.info());
			return {
				pingMs,
				connectedClients: infoNumber(info, 'connected_clients'),
				blockedClients: infoNumber(info, 'blocked_clients'),
				usedMemoryBytes: infoNumber(info, 'used_memory'),
				maxMemoryBytes: infoNumber(info, 'maxmemory'),
				evictedKeys: infoNumber(info, 'evicted_keys'),
				opsPerSecond: infoNumber(info, 'instantaneous_ops_per_sec'),
			};
		} catch (error) {
			const reason = failureOf(this.#client, error);
			this.#reset();
			throw new SourceError(reason);
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	}

	async close(): Promise<void> {
		this.#reset();
	}

	async #connect(): Promise<Redis> {
		if (this.#client) return this.#client;
		const client = createRedis(this.#url, this.#password, this.timeoutMs);
		this.#client = client;
		await client.connect();
		return client;
	}

	#reset(): void {
		const client = this.#client;
		this.#client = undefined;
		client?.disconnect();
	}
}
