// Issue 14 across hosts: two real irtop bundles in pseudo-terminals, each with its own
// state directory (as two machines have), sharing one incident through Redis
// (`IRTOP_SHARE_URL`). The lab's Redis for the plain exchange; a redis-server of the
// test's own for killing it.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {eventually} from '../support/eventually.ts';
import {describeLab} from '../support/lab.ts';
import {describeWithRedisServer, privateRedis} from '../support/private-redis.ts';
import {hasScript, killNine, notesBothWays, ptyIrtop} from '../support/pty-irtop.ts';

const {work, env, bundle, terminal} = ptyIrtop('share');

type Terminal = ReturnType<typeof terminal>;

/** Host `name`: its own state directory and user, the shared Redis. */
const host = (name: string, url: string) => ({
	XDG_STATE_HOME: join(work, name, 'state'),
	USER: name,
	IRTOP_SHARE_URL: url,
});
const incidentsOf = (name: string) => join(work, name, 'state', 'irtop', 'incidents');
/** The newest incident of that host (ids start with their start time). */
const incidentId = (name: string) =>
	readdirSync(incidentsOf(name))
		.filter((f) => f.endsWith('.jsonl'))
		.sort()
		.at(-1)
		?.replace(/\.jsonl$/, '') ?? '';

const exported = (name: string, id: string) =>
	JSON.parse(
		execFileSync(process.execPath, [bundle, 'export', id, '--format', 'json'], {
			env: {...env, XDG_STATE_HOME: join(work, name, 'state')},
		}).toString(),
	) as {events: {id: string; text: string}[]};

const journalTexts = (name: string, id: string) =>
	readFileSync(join(incidentsOf(name), `${id}.jsonl`), 'utf8')
		.split('\n')
		.filter((l) => l !== '')
		.map((l) => (JSON.parse(l) as {event: {text: string}}).event.text);

async function openTimeline(t: Terminal) {
	await t.type(':');
	await t.type('timeline');
	await t.type('\r');
	await t.type('z');
}

async function note(t: Terminal, text: string) {
	await t.type('n');
	await t.type(text);
	await t.type('\r');
}

/** A on a new incident, B joined to it from another "host" (copied from the stream). */
async function twoHosts(
	url: string,
	title: string,
	started: Terminal[] = [],
): Promise<[Terminal, Terminal, string]> {
	const a = terminal(`--demo --incident "${title}" --severity P1`, host('alice', url));
	started.push(a);
	try {
		// Generous: the setup is not what is measured, and a busy CI host starts Node slowly.
		await a.waitFor('sharing: online', 30_000);
	} catch (error) {
		await end(a);
		throw error;
	}
	const id = incidentId('alice');
	const b = terminal(`join ${id} --demo`, host('bob', url));
	started.push(b);
	try {
		await b.waitFor('copied', 30_000);
		await b.waitFor('sharing: online', 30_000);
		for (const t of [a, b]) await openTimeline(t);
	} catch (error) {
		// Not left running when the setup fails (the test's finally never sees them).
		await end(a, b);
		throw error;
	}
	return [a, b, id];
}

async function end(...terminals: Terminal[]) {
	for (const t of terminals) if (t.child.exitCode === null) killNine(t.child);
	await Promise.all(
		terminals.map((t) =>
			t.child.exitCode === null ? new Promise((r) => t.child.once('exit', r)) : null,
		),
	);
}

const sameEvents = async (id: string) =>
	eventually(
		async () => [exported('alice', id).events, exported('bob', id).events],
		([x, y]) => JSON.stringify(x) === JSON.stringify(y),
		10_000,
		250,
	);

// Skipped only where `script` (util-linux) is missing; under CI=true they run (and fail without it).
const ptyOk = hasScript || process.env.CI === 'true';

describeLab('two responders on two hosts, one Redis', ['redis'], (lab) => {
	describe.skipIf(!ptyOk)('in pseudo-terminals', () => {
		it('a note typed in A is on B’s timeline within 1 s, and back; both exports are equal', async () => {
			const [a, b, id] = await twoHosts(lab.redis.url, 'cross-host drill');
			try {
				// Presence through Redis: each header names the other.
				await a.waitFor('with bob@');
				await b.waitFor('with alice@');
				await notesBothWays(a, b, ['alice sees the pool at 48/50', 'bob restarts the report job']);
				const [x, y] = await sameEvents(id);
				expect(y).toEqual(x);
				const texts = (x ?? []).map((e) => e.text);
				expect(texts.filter((t) => t === 'alice sees the pool at 48/50')).toHaveLength(1);
				expect(texts.filter((t) => t === 'bob restarts the report job')).toHaveLength(1);
				// Joins are on the timeline too (one each: every responder shows the same event).
				expect(texts.filter((t) => /^bob@.* joined$/.test(t))).toHaveLength(1);
			} finally {
				await end(a, b);
			}
		}, 60_000);

		it('a restart by A: B’s confirmation for the same deployment says so, and y still works', async () => {
			const [a, b] = await twoHosts(lab.redis.url, 'restart drill');
			try {
				await a.type(':');
				await a.type('deploy');
				await a.type('\r');
				await a.type('r');
				await a.waitFor('run · n/esc cancel');
				await a.type('y');
				await b.waitFor('Rollout restart', 5000);
				await b.type(':');
				await b.type('deploy');
				await b.type('\r');
				await b.type('r');
				await b.waitFor('alice ran Rollout restart on deployment/onboarding-api', 5000);
			} finally {
				await end(a, b);
			}
		}, 60_000);

		it('kill -9 of one responder while it appends: nothing it showed is lost, the other goes on', async () => {
			const [a, b, id] = await twoHosts(lab.redis.url, 'crash drill');
			try {
				await note(a, 'written just before the crash');
				await a.waitFor('note saved');
				killNine(a.child);
				await new Promise((r) => a.child.once('exit', r));
				// Acknowledged (shown) means saved on A's host.
				expect(journalTexts('alice', id)).toContain('written just before the crash');
				await note(b, 'bob goes on alone');
				await b.waitFor('bob goes on alone');
				// A back on its journal: whatever it had not sent yet reaches B.
				const again = terminal(`--resume ${id} --demo`, host('alice', lab.redis.url));
				try {
					await b.waitFor('written just before the crash', 10_000);
					await again.waitFor('sharing: online');
					const [x, y] = await sameEvents(id);
					expect(y).toEqual(x);
					expect((x ?? []).filter((e) => e.text === 'written just before the crash')).toHaveLength(
						1,
					);
				} finally {
					await end(again);
				}
			} finally {
				await end(a, b);
			}
		}, 60_000);
	});
});

describeWithRedisServer('two responders on two hosts, Redis killed mid-run', () => {
	describe.skipIf(!ptyOk)('in pseudo-terminals', () => {
		it('both keep taking notes; when Redis is back both hold every event once, in one order', async () => {
			const redis = await privateRedis();
			const started: Terminal[] = [];
			try {
				const [a, b, id] = await twoHosts(redis.url, 'redis outage drill', started);
				await note(a, 'a before the outage');
				await b.waitFor('a before the outage');
				await redis.kill();
				await note(a, 'a during the outage');
				await note(b, 'b during the outage');
				// The header says it, with what waits (100 columns: the long form).
				await a.waitFor('sharing: offline, 1 event to send', 10_000);
				await b.waitFor('sharing: offline', 10_000);
				await a.waitFor('a during the outage');
				await redis.start();
				await a.waitFor('b during the outage', 10_000);
				await b.waitFor('a during the outage', 10_000);
				const [x, y] = await sameEvents(id);
				expect(y).toEqual(x);
				const texts = (x ?? []).map((e) => e.text).filter((t) => t.endsWith(' the outage'));
				expect(new Set(texts).size).toBe(texts.length);
				expect(texts).toHaveLength(3);
			} finally {
				await end(...started);
				await redis.stop();
			}
		}, 90_000);
	});
});
