// The lab's Redis answers through ioredis (irtop's client) and redis-cli.
import {Redis} from 'ioredis';
import {afterAll, expect, it} from 'vitest';
import {describeLab, tool, unique} from '../support/lab.ts';

describeLab('lab redis', ['redis'], (lab) => {
	const key = unique('test:redis');
	const redis = new Redis(lab.redis.url, {lazyConnect: true, maxRetriesPerRequest: 1});
	afterAll(async () => {
		await redis.del(key);
		redis.disconnect();
	});

	it('answers PING, SET and GET through ioredis', async () => {
		await redis.connect();
		expect(await redis.ping()).toBe('PONG');
		await redis.set(key, 'value', 'EX', 60);
		expect(await redis.get(key)).toBe('value');
	});

	it('has seeded sessions, a maxmemory ceiling and no persistence', async () => {
		expect(await redis.exists('session:1')).toBe(1);
		const info = await redis.info('memory');
		expect(info).toMatch(/maxmemory:67108864/);
		expect(await redis.config('GET', 'save')).toEqual(['save', '']);
	});

	it('answers redis-cli -u REDIS_URL ping', async () => {
		const out = await tool('redis-cli', ['-u', lab.env.REDIS_URL ?? '', 'ping']);
		expect(out.trim()).toBe('PONG');
	});
});
