// Sharing (issue 14): how long a note appended by one responder's timeline takes to
// reach another's, over 100 notes, on the same host through the journal (write +
// fdatasync, then fs.watch and the follower's read) and across hosts through Redis
// (journal, XADD, XREAD BLOCK on the other link, the other journal), and the CPU each
// costs while idle. It measures the data path, not the terminal drawing (the PTY tests
// in test/timeline/shared-tui.test.ts and share-tui.test.ts bound that at 1 s).
// With IRTOP_SHARE_URL (e.g. the lab's Redis) it also measures Redis, and with
// IRTOP_BENCH_EXTRA_CPU=1 the extra idle CPU of sharing in two whole irtop dashboards
// (the demo, in pseudo-terminals, with and without sharing, /proc ticks over 60 s).
// Run: scripts/with-node.sh npm run build && IRTOP_SHARE_URL=redis://127.0.0.1:PORT \
//   IRTOP_BENCH_EXTRA_CPU=1 scripts/with-node.sh node scripts/bench-share.ts

import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {followJournal} from '../source/timeline/follow-timeline.ts';
import {Journal} from '../source/timeline/journal.ts';
import {openShare} from '../source/timeline/share/open-share.ts';
import {Timeline} from '../source/timeline/timeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-bench-share-'));
const journalA = new Journal(dir);
const journalB = new Journal(dir);
const a = new Timeline({author: 'a', sink: journalA});
const b = new Timeline({author: 'b', sink: journalB});
const incident = a.open({title: 'bench', severity: 'P2'});
b.load(incident, a.getSnapshot().events);
const stops = [followJournal(a, dir), followJournal(b, dir)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The followers never keep a process alive (their timers are unref'd): the bench does.
const alive = setInterval(() => {}, 1000);

const pick = (values: number[], q: number) =>
	[...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))] ??
	0;

/** A's note → in B's timeline, 100 times, 20 ms apart. */
async function latencies(from: Timeline, to: Timeline, tag: string): Promise<number[]> {
	const measured: number[] = [];
	for (let i = 0; i < 100; i++) {
		const text = `${tag} note ${i}`;
		const arrived = new Promise<number>((resolve) => {
			const off = to.subscribe(() => {
				if (to.getSnapshot().events.some((e) => e.text === text)) {
					off();
					resolve(performance.now());
				}
			});
		});
		const sent = performance.now();
		from.append({kind: 'note', text});
		measured.push((await arrived) - sent);
		await sleep(20);
	}
	return measured;
}

const journalPath = await latencies(a, b, 'journal');
const idleSeconds = 10;
const before = process.cpuUsage();
await sleep(idleSeconds * 1000);
const used = process.cpuUsage(before);
for (const stop of stops) stop();
journalA.close();
journalB.close();
rmSync(dir, {recursive: true, force: true});
clearInterval(alive);
console.log(
	`same host, journal: note A→B p50 ${pick(journalPath, 0.5).toFixed(1)} ms, p99 ${pick(journalPath, 0.99).toFixed(1)} ms (100 notes, incl. fdatasync)`,
);
console.log(
	`idle CPU of two followers: ${(((used.user + used.system) / 1e6 / idleSeconds) * 100).toFixed(2)} % of a core`,
);

const url = process.env.IRTOP_SHARE_URL;
if (url) await viaRedis(url);
else console.log('across hosts: set IRTOP_SHARE_URL to a Redis to measure it');
if (url && process.env.IRTOP_BENCH_EXTRA_CPU === '1') await extraCpu(url);

/** Two hosts: two journal directories, two links to one Redis. */
async function viaRedis(redisUrl: string): Promise<void> {
	const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'irtop-bench-redis-')));
	const journals = dirs.map((d) => new Journal(d));
	const [x, y] = journals.map((j, n) => new Timeline({author: `r${n}`, sink: j})) as [
		Timeline,
		Timeline,
	];
	const config = {url: redisUrl, maxLength: 10_000};
	const shares = [openShare(config, x, 'r0@a', (t) => t), openShare(config, y, 'r1@b', (t) => t)];
	const opened = x.open({title: 'bench redis', severity: 'P2'});
	y.load(opened, []);
	const keep = setInterval(() => {}, 1000);
	while (y.getSnapshot().events.length === 0) await sleep(20);
	const measured = await latencies(x, y, 'redis');
	const before = process.cpuUsage();
	await sleep(idleSeconds * 1000);
	const idle = process.cpuUsage(before);
	for (const share of shares) await share.stop();
	for (const j of journals) j.close();
	for (const d of dirs) rmSync(d, {recursive: true, force: true});
	clearInterval(keep);
	console.log(
		`across hosts, Redis: note A→B p50 ${pick(measured, 0.5).toFixed(1)} ms, p99 ${pick(measured, 0.99).toFixed(1)} ms (100 notes, incl. both fdatasyncs)`,
	);
	console.log(
		`idle CPU of two share links in one process: ${(((idle.user + idle.system) / 1e6 / idleSeconds) * 100).toFixed(2)} % of a core`,
	);
}

/** Ticks (user + system) of a process, from /proc/PID/stat. */
function ticks(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** The demo dashboard with and without sharing, side by side, idle for 60 s. */
async function extraCpu(redisUrl: string): Promise<void> {
	const seconds = 60;
	const run = (share: boolean): ChildProcess => {
		const work = mkdtempSync(join(tmpdir(), 'irtop-bench-cpu-'));
		return spawn(
			'script',
			[
				'-qfec',
				`stty cols 100 rows 30; exec ${process.execPath} dist/irtop.js --demo --incident bench`,
				'/dev/null',
			],
			{
				env: {
					...process.env,
					XDG_STATE_HOME: join(work, 'state'),
					XDG_CONFIG_HOME: work,
					TERM: 'xterm-256color',
					IRTOP_SHARE_URL: share ? redisUrl : '',
				},
				stdio: ['pipe', 'ignore', 'ignore'],
			},
		);
	};
	const children = [run(false), run(true)];
	await sleep(5000); // Started, first frames drawn.
	const pids = children.map((c) =>
		Number(
			execFileSync('pgrep', ['-P', String(c.pid)])
				.toString()
				.trim()
				.split('\n')[0],
		),
	);
	const start = pids.map(ticks);
	await sleep(seconds * 1000);
	const used = pids.map((pid, n) => ticks(pid) - (start[n] ?? 0));
	for (const pid of pids) process.kill(pid, 'SIGKILL');
	const hz = 100; // USER_HZ on Linux
	const percent = (t: number) => ((t / hz / seconds) * 100).toFixed(2);
	console.log(
		`idle demo dashboard over ${seconds} s: without sharing ${percent(used[0] ?? 0)} %, with sharing ${percent(used[1] ?? 0)} % of a core (extra ${percent((used[1] ?? 0) - (used[0] ?? 0))} %)`,
	);
}
