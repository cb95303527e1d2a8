import type {RedisData} from '../model/index.ts';
import {roundTo, wobble} from './noise.ts';
import type {Story} from './story.ts';

const mebibyte = 1024 * 1024;

/**
 * redis-master is not the culprit, but it feels the incident: retrying
 * clients open more connections and fall back to the cache harder.
 */
export function redisAt(story: Story, t: number): RedisData {
	const p = story.pressure(t);
	const w = (key: string, period = 4) => wobble(`redis:${key}`, t, period);
	return {
		pingMs: roundTo(0.35 + 0.12 * w('ping', 2) + 0.5 * p, 2),
		connectedClients: 46 + Math.round(1.5 * w('clients', 7)) + Math.round(9 * p),
		// notifications-api's two BLPOP consumers.
		blockedClients: 2,
		usedMemoryBytes: Math.round((412 + 6 * w('memory', 11) + 38 * p) * mebibyte),
		maxMemoryBytes: 1024 * mebibyte,
		evictedKeys: 0,
		opsPerSecond: Math.round(1850 * (1 + 0.08 * w('ops', 3)) + 600 * p),
	};
}
