import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseArgs} from '../../source/cli/args.ts';
import {openSession, type Session} from '../../source/cli/session.ts';
import {parseConfig} from '../../source/config/index.ts';
import {eventually} from '../support/eventually.ts';

let session: Session | undefined;
afterEach(async () => {
	await session?.close();
	session = undefined;
});

// Port 1 on loopback: nothing listens, so the first poll fails at once.
const downRedis = 'redis: {url: "redis://127.0.0.1:1"}\n';

async function open(args: string[]): Promise<Session> {
	const parsed = parseArgs(['--refresh', '0.5', ...args], 'test');
	if (parsed.kind !== 'run') throw new Error('bad arguments');
	const env = {XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'irtop-session-'))};
	session = await openSession(parsed.options, parseConfig(downRedis, null, env), env);
	session.scheduler.start();
	const opened = session;
	// The scheduler calls a source down at its second failure in a row (one blip is no event).
	const failures = await eventually(
		async () => {
			const slot = opened.store.slot('redis');
			return slot.phase === 'error' ? slot.failures : 0;
		},
		(n) => n >= 2,
		10_000,
	);
	expect(failures).toBeGreaterThanOrEqual(2);
	return opened;
}

describe('a server going down', () => {
	it('opens no incident when none is open', async () => {
		const {timeline} = await open([]);
		expect(timeline.incident).toBeNull();
		expect(timeline.getSnapshot().events).toEqual([]);
	});

	it('is recorded in the open incident', async () => {
		const {timeline} = await open(['--incident', 'Checkout errors']);
		const event = await eventually(
			async () => timeline.getSnapshot().events.find((e) => e.kind === 'source'),
			(e) => e !== undefined,
		);
		expect(timeline.incident?.title).toBe('Checkout errors');
		expect(event?.text).toMatch(/^redis /);
		expect(event?.data).toMatchObject({source: 'redis', change: 'down'});
	});
});
