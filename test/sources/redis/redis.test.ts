// The Redis source against the lab's real Redis: INFO's numbers as
// redis-cli reports them, and a Redis that does not answer as an error.
import {Redis} from 'ioredis';
import {afterAll, expect, it} from 'vitest';
import {parseInfo} from '../../../source/sources/redis/info.ts';
import {RedisSource} from '../../../source/sources/redis/source.ts';
import {describeLab, tool, unique} from '../../support/lab.ts';

describeLab('redis source', ['redis'], (lab) => {
	const key = unique('t_redis');
	const port = new URL(lab.redis.url).port;
	const blocker = new Redis(lab.redis.url);
	afterAll(async () => {
		blocker.disconnect();
		const cleanup = new Redis(lab.redis.url);
		await cleanup.del(key);
		cleanup.disconnect();
	});

	it("reports INFO's numbers as redis-cli does, with a blocked client of the test's own", async () => {
		// BLPOP on an empty key of ours blocks this client: blocked_clients counts it.
		void blocker.blpop(key, 30).catch(() => {});
		const source = new RedisSource(lab.redis.url, undefined);
		try {
			let data = await source.poll(AbortSignal.timeout(3000));
			for (let i = 0; i < 20 && data.blockedClients < 1; i++) {
				await new Promise((resolve) => setTimeout(resolve, 100));
				data = await source.poll(AbortSignal.timeout(3000));
			}
			const cli = parseInfo(await tool('redis-cli', ['-p', port, 'INFO']));
			expect(data.maxMemoryBytes).toBe(Number(cli.get('maxmemory')));
			expect(data.maxMemoryBytes).toBe(64 * 1024 * 1024);
			expect(data.evictedKeys).toBe(Number(cli.get('evicted_keys')));
			expect(data.blockedClients).toBeGreaterThanOrEqual(1);
			// Clients and memory move with every connection (other test files share this Redis):
			// the same order of magnitude, not the same count. This client and the blocker are two.
			expect(data.connectedClients).toBeGreaterThanOrEqual(2);
			expect(
				Math.abs(data.connectedClients - Number(cli.get('connected_clients'))),
			).toBeLessThanOrEqual(10);
			expect(data.usedMemoryBytes).toBeGreaterThan(0);
			expect(data.pingMs).toBeGreaterThan(0);
			expect(data.pingMs).toBeLessThan(1000);
		} finally {
			await source.close();
		}
	});

	it('a Redis that does not answer is an error, and the source recovers when it does', async () => {
		const down = new RedisSource('redis://:s3cret@127.0.0.1:1', undefined, 1000);
		const error = await down.poll(AbortSignal.timeout(3000)).catch((e: Error) => e);
		expect(String(error)).toMatch(/ECONNREFUSED|connect/);
		expect(String(error)).not.toContain('s3cret');
		await down.close();
		// A dropped connection costs one poll at most. Ours is the client named irtop that appears with
		// the first poll: other test files' irtop clients share this Redis.
		const admin = new Redis(lab.redis.url);
		const irtopIds = async () =>
			String(await admin.client('LIST'))
				.split('\n')
				.filter((line) => / name=irtop /.test(line))
				.map((line) => Number(/\bid=(\d+)/.exec(line)?.[1]));
		const others = new Set(await irtopIds());
		const up = new RedisSource(lab.redis.url, undefined);
		const first = await up.poll(AbortSignal.timeout(3000));
		const ours = (await irtopIds()).filter((id) => !others.has(id));
		expect(ours.length).toBeGreaterThan(0);
		await admin.client('KILL', 'ID', String(Math.min(...ours)));
		admin.disconnect();
		await up.poll(AbortSignal.timeout(3000)).catch(() => {});
		const again = await up.poll(AbortSignal.timeout(3000));
		expect(again.maxMemoryBytes).toBe(first.maxMemoryBytes);
		await up.close();
	});
});
