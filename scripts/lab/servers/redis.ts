// Redis from Debian with its own port and no persistence: the lab's cache is
// seeded on every start and thrown away by lab:down.

import {mkdirSync} from 'node:fs';
import {Redis} from 'ioredis';
import {aptInstall, stopSystemServices} from '../apt.ts';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import type {LabServer} from '../server.ts';
import {waitFor} from '../wait.ts';

export const redisUrl = (port: number) => `redis://127.0.0.1:${port}`;

function client(port: number): Redis {
	return new Redis(port, '127.0.0.1', {
		lazyConnect: true,
		maxRetriesPerRequest: 0,
		retryStrategy: () => null,
		connectTimeout: 1000,
	});
}

async function withRedis<T>(port: number, use: (redis: Redis) => Promise<T>): Promise<T> {
	const redis = client(port);
	redis.on('error', () => {});
	try {
		await redis.connect();
		return await use(redis);
	} finally {
		redis.disconnect();
	}
}

export const redis: LabServer = {
	name: 'redis',

	async provision(ctx) {
		await aptInstall(['redis-server', 'redis-tools'], ctx.log);
		await stopSystemServices(['redis-server'], ctx.log);
	},

	async start(ctx) {
		const dir = ctx.paths.dataDir('redis');
		mkdirSync(dir, {recursive: true});
		const server = await spawnDetached({
			name: 'redis',
			command: '/usr/bin/redis-server',
			args: [
				'--port',
				String(labPort(ctx, 'redis')),
				'--bind',
				'127.0.0.1',
				'--dir',
				dir,
				'--save',
				'',
				'--appendonly',
				'no',
				'--daemonize',
				'no',
				// A ceiling, so "used memory vs maxmemory" has a meaning in irtop's Redis panel.
				'--maxmemory',
				'64mb',
				'--maxmemory-policy',
				'allkeys-lru',
			],
			cwd: dir,
			logFile: ctx.paths.logFile('redis'),
		});
		return [server];
	},

	async waitReady(ctx) {
		await waitFor(
			'redis',
			() => withRedis(labPort(ctx, 'redis'), async (r) => (await r.ping()) === 'PONG'),
			{signal: ctx.signal, timeoutMs: 20_000},
		);
	},

	async seed(ctx) {
		await withRedis(labPort(ctx, 'redis'), async (r) => {
			const pipeline = r.pipeline();
			for (let i = 1; i <= 50; i++) {
				pipeline.set(`session:${i}`, JSON.stringify({user: `customer-${i}`}), 'EX', 86_400);
			}
			pipeline.set('feature:circuit-breaker', 'off');
			pipeline.del('queue:onboarding');
			pipeline.rpush('queue:onboarding', 'case-1', 'case-2', 'case-3');
			await pipeline.exec();
		});
	},

	endpoint(ctx) {
		const url = redisUrl(labPort(ctx, 'redis'));
		return {
			env: {REDIS_URL: url},
			config: {redis: {url}},
			details: {host: '127.0.0.1', port: labPort(ctx, 'redis'), url, cli: '/usr/bin/redis-cli'},
		};
	},
};
