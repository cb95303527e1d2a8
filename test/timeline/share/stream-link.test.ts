// Issue 14 across hosts, in this process: two responders with their own journals and one
// real redis-server of the test's own (it is killed, restarted and flushed here).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {recordAutomaticEvents} from '../../../source/cli/auto-events.ts';
import {Store} from '../../../source/engine/store.ts';
import {sanitizeLine} from '../../../source/format/sanitize.ts';
import type {AlertRow} from '../../../source/model/alerts.ts';
import {Journal} from '../../../source/timeline/journal.ts';
import {journalPath} from '../../../source/timeline/journal-paths.ts';
import {readJournal} from '../../../source/timeline/journal-read.ts';
import {copyIncident, listIndex} from '../../../source/timeline/share/index-key.ts';
import {shareKeys} from '../../../source/timeline/share/keys.ts';
import {until} from '../../support/eventually.ts';
import {
	describeWithRedisServer,
	type PrivateRedis,
	privateRedis,
} from '../../support/private-redis.ts';
import {type Responder, responder, shown} from './support.ts';

describeWithRedisServer('sharing the timeline through a Redis stream', () => {
	let redis: PrivateRedis;
	beforeAll(async () => {
		redis = await privateRedis();
	}, 20_000);
	afterAll(async () => {
		await redis.stop();
	});

	/** A opens an incident, B is on the same one (as `irtop join ID` leaves it). */
	async function pair(scrub?: (t: string) => string): Promise<[Responder, Responder]> {
		const a = responder('alice', redis.url, scrub);
		const b = responder('bob', redis.url, scrub);
		const incident = a.timeline.open({title: 'shared', severity: 'P1'});
		b.timeline.load(incident, []);
		await until(
			async () => shown(b).length,
			(n) => n === 1,
			10_000,
		);
		return [a, b];
	}

	const converged = async (a: Responder, b: Responder, count: number) => {
		await until(
			async () => [shown(a), shown(b)],
			([x, y]) => x?.length === count && JSON.stringify(x) === JSON.stringify(y),
			20_000,
		);
		const texts = shown(a).map((e) => e.text);
		// Exactly once each, the same order everywhere, and in both journals (export, --resume).
		expect(new Set(shown(a).map((e) => e.id)).size).toBe(count);
		expect(shown(b)).toEqual(shown(a));
		expect(a.journaled()).toEqual(shown(a));
		expect(b.journaled()).toEqual(shown(a));
		return texts;
	};

	const streamIds = async (incidentId: string) => {
		const entries = (await redis.client().xrange(shareKeys(incidentId).events, '-', '+')) as [
			string,
			string[],
		][];
		return entries.map(
			([, fields]) => (JSON.parse(fields[1] ?? '{}') as {event: {id: string}}).event.id,
		);
	};

	it('a note in A is in B’s timeline and journal, and back', async () => {
		const [a, b] = await pair();
		try {
			a.timeline.append({kind: 'note', text: 'alice: pool at 48/50'});
			b.timeline.append({kind: 'note', text: 'bob: restarting the report job'});
			const texts = await converged(a, b, 3);
			expect(texts).toContain('alice: pool at 48/50');
			expect(texts).toContain('bob: restarting the report job');
			expect(a.share.status()).toMatchObject({state: 'online', toSend: 0});
		} finally {
			await a.close();
			await b.close();
		}
	}, 30_000);

	it('Redis killed and started again: both keep taking notes, then hold every event once, in one order', async () => {
		const [a, b] = await pair();
		try {
			a.timeline.append({kind: 'note', text: 'before the kill'});
			await converged(a, b, 2);
			await redis.kill();
			a.timeline.append({kind: 'note', text: 'a while Redis is down'});
			b.timeline.append({kind: 'note', text: 'b while Redis is down'});
			b.timeline.append({kind: 'note', text: 'b again while down'});
			const offline = await until(
				async () => a.share.status(),
				(s) => s.state === 'offline',
				10_000,
			);
			expect(offline.toSend).toBeGreaterThanOrEqual(1);
			expect(b.share.status().toSend).toBeGreaterThanOrEqual(2);
			// Each side has its own notes, saved, while Redis is away.
			expect(a.journaled().map((e) => e.text)).toContain('a while Redis is down');
			await redis.start();
			const texts = await converged(a, b, 5);
			expect(texts.filter((t) => t.includes('down'))).toHaveLength(3);
			// The restarted Redis came back empty: the stream was re-seeded with every event.
			expect((await streamIds(a.timeline.incident?.id ?? '')).sort()).toEqual(
				shown(a)
					.map((e) => e.id)
					.sort(),
			);
		} finally {
			await a.close();
			await b.close();
		}
	}, 60_000);

	it('FLUSHALL mid-run: the stream is re-seeded from the journals, nobody loses or repeats an event', async () => {
		const [a, b] = await pair();
		try {
			a.timeline.append({kind: 'note', text: 'a before the flush'});
			b.timeline.append({kind: 'note', text: 'b before the flush'});
			await converged(a, b, 3);
			await redis.client().flushall();
			b.timeline.append({kind: 'note', text: 'b after the flush'});
			a.timeline.append({kind: 'note', text: 'a after the flush'});
			await converged(a, b, 5);
			const id = a.timeline.incident?.id ?? '';
			const onStream = await until(
				() => streamIds(id),
				(ids) => ids.length >= 5,
				10_000,
			);
			// One entry per event: the re-seed of two responders does not add an event twice.
			expect([...onStream].sort()).toEqual(
				shown(a)
					.map((e) => e.id)
					.sort(),
			);
		} finally {
			await a.close();
			await b.close();
		}
	}, 60_000);

	it('an alert both irtops observe is one event on the stream and on both timelines', async () => {
		const [a, b] = await pair();
		const stores = [new Store({frameMs: 0}), new Store({frameMs: 0})];
		const stops = [recordAutomaticEvents(stores[0] as Store, a.timeline)];
		stops.push(recordAutomaticEvents(stores[1] as Store, b.timeline));
		try {
			const alert: AlertRow = {
				fingerprint: 'f00d',
				name: 'HighErrorRate',
				severity: 'critical',
				startsAt: Date.now() - 60_000,
				summary: '5xx above 1 %',
				state: 'active',
				silenced: false,
				inhibited: false,
			};
			for (const store of stores) {
				store.setData('alerts', [alert], Date.now());
				store.flush();
			}
			await converged(a, b, 2);
			const id = a.timeline.incident?.id ?? '';
			const ids = await until(
				() => streamIds(id),
				(list) => list.length >= 2,
			);
			// One event: one id on the stream (a second entry only if a later copy got there
			// first, so the earlier one, which every responder keeps, followed it).
			expect(new Set(ids.filter((e) => e.startsWith('alert:f00d:'))).size).toBe(1);
			expect(shown(a).filter((e) => e.text.startsWith('Alert fired'))).toHaveLength(1);
			expect(shown(b).filter((e) => e.text.startsWith('Alert fired'))).toHaveLength(1);
		} finally {
			for (const stop of stops) stop();
			await a.close();
			await b.close();
		}
	}, 30_000);

	it('garbage on the stream is skipped, escapes stay inert, irtop goes on', async () => {
		const [a, b] = await pair();
		try {
			const incident = a.timeline.incident!;
			const key = shareKeys(incident.id).events;
			const c = redis.client();
			await c.xadd(key, '*', 'foo', 'bar');
			await c.xadd(key, '*', 'e', 'not json {');
			await c.xadd(key, '*', 'e', JSON.stringify({v: 1, incident, event: {id: 'x'.repeat(10)}}));
			await c.xadd(key, '*', 'e', `"${'x'.repeat(200_000)}"`);
			const event = {
				id: 'zz-escape',
				seq: 1,
				at: Date.now(),
				kind: 'note',
				text: 'look \u001b]0;pwned\u0007\u001b[2J here',
				author: 'mallory\u001b[31m',
				data: null,
			};
			await c.xadd(key, '*', 'e', JSON.stringify({v: 1, incident, event}));
			a.timeline.append({kind: 'note', text: 'still taking notes'});
			await converged(a, b, 3);
			expect(b.share.status().skipped).toBe(4);
			const escaped = b.timeline.getSnapshot().events.find((e) => e.id === 'zz-escape');
			// Kept as written (every responder holds the same event); drawn inert.
			expect(escaped?.text).toContain('\u001b]0;pwned');
			expect(sanitizeLine(escaped?.text ?? '')).not.toContain('\u001b');
			expect(sanitizeLine(escaped?.text ?? '')).not.toContain('\u0007');
			expect(sanitizeLine(escaped?.author ?? '')).not.toContain('\u001b');
		} finally {
			await a.close();
			await b.close();
		}
	}, 30_000);

	it('the index lists the open incident for `irtop join`, and copies it into a new journal', async () => {
		const [a, b] = await pair();
		const dir = mkdtempSync(join(tmpdir(), 'irtop-share-copy-'));
		try {
			a.timeline.append({kind: 'note', text: 'alice: first look'});
			const id = a.timeline.incident?.id ?? '';
			const listed = await until(
				() => listIndex(redis.client()),
				(list) => list.some((i) => i.id === id && i.responders.includes('alice')),
				10_000,
			);
			expect(listed.find((i) => i.id === id)).toMatchObject({
				title: 'shared',
				severity: 'P1',
				status: 'investigating',
			});
			// Presence through Redis: each names the other.
			await until(
				async () => b.share.others(),
				(o) => o.includes('alice@host-alice'),
				10_000,
			);
			const journal = new Journal(dir);
			const copied = await copyIncident(redis.client(), id, journal);
			journal.close();
			expect(copied).toBeGreaterThanOrEqual(2);
			const loaded = readJournal(journalPath(dir, id));
			expect(loaded.incident.title).toBe('shared');
			expect(loaded.events.map((e) => e.text)).toContain('alice: first look');
			a.timeline.setStatus('resolved');
			await until(
				() => listIndex(redis.client()),
				(list) => !list.some((i) => i.id === id),
				10_000,
			);
		} finally {
			rmSync(dir, {recursive: true, force: true});
			await a.close();
			await b.close();
		}
	}, 40_000);

	it('no secret on the stream: every string is scrubbed as exports are', async () => {
		const scrub = (t: string) => t.split('hunter2').join('***');
		const [a, b] = await pair(scrub);
		try {
			a.timeline.append({kind: 'note', text: 'the password is hunter2', data: {pw: 'hunter2'}});
			await converged(a, b, 2);
			const raw = JSON.stringify(
				await redis.client().xrange(shareKeys(a.timeline.incident?.id ?? '').events, '-', '+'),
			);
			expect(raw).not.toContain('hunter2');
			expect(raw).toContain('the password is ***');
		} finally {
			await a.close();
			await b.close();
		}
	}, 30_000);
});

describe('share status text', () => {
	it('says offline and how many events wait, shorter on 80 columns', async () => {
		const {shareStatusText} = await import('../../../source/timeline/share/status-text.ts');
		expect(shareStatusText({state: 'offline', toSend: 3, skipped: 0})).toBe(
			'sharing: offline, 3 events to send',
		);
		expect(shareStatusText({state: 'offline', toSend: 1, skipped: 0}, true)).toBe(
			'sharing: offline, 1 to send',
		);
		expect(shareStatusText({state: 'online', toSend: 0, skipped: 2})).toBe(
			'sharing: online, 2 skipped',
		);
		const refused = {
			state: 'offline',
			toSend: 2,
			skipped: 0,
			reason: 'connect ECONNREFUSED',
		} as const;
		expect(shareStatusText(refused)).toBe(
			'sharing: offline, 2 events to send (connect ECONNREFUSED)',
		);
		expect(shareStatusText(refused, true)).toBe('sharing: offline, 2 to send');
	});
});
