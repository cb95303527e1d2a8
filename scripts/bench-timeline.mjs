// The timeline's benchmark: prints numbers, asserts nothing. Targets (issue #6):
// a note appended including fsync <= 5 ms p99; resume of a 10,000-event
// incident <= 300 ms; export of it <= 500 ms. Several runs: min and median.
// Run: scripts/with-node.sh node scripts/bench-timeline.mjs [--quick]
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {exportJson} from '../source/timeline/export-json.ts';
import {exportMarkdown} from '../source/timeline/export-markdown.ts';
import {Journal} from '../source/timeline/journal.ts';
import {journalPath} from '../source/timeline/journal-paths.ts';
import {readJournal} from '../source/timeline/journal-read.ts';
import {Timeline} from '../source/timeline/timeline.ts';

const runs = process.argv.includes('--quick') ? 3 : 5;
const dir = mkdtempSync(join(tmpdir(), 'irtop-bench-timeline-'));
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const sorted = (values) => [...values].sort((a, b) => a - b);
const pct = (values, p) =>
	sorted(values)[Math.min(values.length - 1, Math.floor(values.length * p))];
const summary = (values) => {
	const s = sorted(values);
	return `min ${s[0].toFixed(2)} ms · median ${s[Math.floor(s.length / 2)].toFixed(2)} ms`;
};
const kinds = ['note', 'alert', 'observation', 'action', 'source'];

function build(events) {
	const journal = new Journal(dir);
	const timeline = new Timeline({author: 'bench', sink: journal});
	const incident = timeline.open({title: 'bench', severity: 'P1', owner: '@bench'});
	const appendTimes = [];
	for (let i = 1; i < events; i++) {
		const start = process.hrtime.bigint();
		timeline.append({
			kind: kinds[i % kinds.length],
			text: `event ${i}: pool at ${i % 50}/50, p99 latency ${i % 900} ms on onboarding-api`,
			data: i % 5 === 3 ? {command: 'kubectl rollout restart deployment/x -n y', ok: true} : null,
		});
		appendTimes.push(ms(start));
	}
	journal.close();
	return {incident, appendTimes};
}

try {
	const p99 = [];
	const p50 = [];
	let path = '';
	for (let run = 0; run < runs; run++) {
		const {incident, appendTimes} = build(run === 0 ? 10_000 : 1_000);
		if (run === 0) path = journalPath(dir, incident.id);
		p99.push(pct(appendTimes, 0.99));
		p50.push(pct(appendTimes, 0.5));
	}
	console.log(`note append incl. fdatasync, p50 per run: ${summary(p50)}`);
	console.log(`note append incl. fdatasync, p99 per run: ${summary(p99)}  (target <= 5 ms)`);

	const resume = [];
	const md = [];
	const json = [];
	for (let run = 0; run < runs; run++) {
		let start = process.hrtime.bigint();
		const loaded = readJournal(path);
		const timeline = new Timeline();
		timeline.load(loaded.incident, loaded.events);
		resume.push(ms(start));
		start = process.hrtime.bigint();
		exportMarkdown(loaded.incident, loaded.events, Date.now());
		md.push(ms(start));
		start = process.hrtime.bigint();
		exportJson(loaded.incident, loaded.events);
		json.push(ms(start));
		if (loaded.events.length !== 10_000)
			throw new Error(`expected 10000 events, got ${loaded.events.length}`);
	}
	console.log(
		`resume of 10,000 events (read + parse + load): ${summary(resume)}  (target <= 300 ms)`,
	);
	console.log(`export of it, Markdown: ${summary(md)}  (target <= 500 ms)`);
	console.log(`export of it, JSON: ${summary(json)}`);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
