// Same-host sharing (issue 14): how long a note appended by one responder's timeline
// takes to reach another's through the journal (write + fdatasync, then fs.watch and
// the follower's read), over 100 notes, and the CPU the follower costs while idle.
// It measures the journal path only, not the terminal drawing (the PTY test in
// test/timeline/shared-tui.test.ts bounds that end to end at 1 s).
// Run: scripts/with-node.sh node scripts/bench-share.ts
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {followJournal} from '../source/timeline/follow-timeline.ts';
import {Journal} from '../source/timeline/journal.ts';
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

const latencies: number[] = [];
for (let i = 0; i < 100; i++) {
	const arrived = new Promise<number>((resolve) => {
		const off = b.subscribe(() => {
			if (b.getSnapshot().events.some((e) => e.text === `note ${i}`)) {
				off();
				resolve(performance.now());
			}
		});
	});
	const sent = performance.now();
	a.append({kind: 'note', text: `note ${i}`});
	latencies.push((await arrived) - sent);
	await sleep(20);
}
latencies.sort((x, y) => x - y);
const pick = (q: number) =>
	latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;

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
	`same host, journal: note A→B p50 ${pick(0.5).toFixed(1)} ms, p99 ${pick(0.99).toFixed(1)} ms (100 notes, incl. fdatasync)`,
);
console.log(
	`idle CPU of two followers: ${(((used.user + used.system) / 1e6 / idleSeconds) * 100).toFixed(2)} % of a core`,
);
