import {appendFileSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {exportJson} from '../../source/timeline/export-json.ts';
import {followJournal} from '../../source/timeline/follow-timeline.ts';
import {Journal} from '../../source/timeline/journal.ts';
import {journalPath} from '../../source/timeline/journal-paths.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {until} from '../support/eventually.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-follow-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** One responder: its own journal writer and timeline, following the shared directory. */
function responder(author: string) {
	const journal = new Journal(dir);
	const timeline = new Timeline({author, sink: journal});
	return {journal, timeline, notes: () => timeline.getSnapshot().events.map((e) => e.text)};
}

describe('two processes on one journal', () => {
	it('each sees the other’s notes, status and pins, once each, in the same order', async () => {
		const a = responder('alice');
		const incident = a.timeline.open({title: 'shared drill', severity: 'P1'});
		const b = responder('bob');
		const resumed = readJournal(journalPath(dir, incident.id));
		b.timeline.load(resumed.incident, resumed.events);
		const stops = [followJournal(a.timeline, dir), followJournal(b.timeline, dir, resumed)];
		try {
			a.timeline.append({kind: 'note', text: 'from alice'});
			await until(
				async () => b.notes(),
				(n) => n.includes('from alice'),
				5000,
			);
			b.timeline.append({kind: 'note', text: 'from bob'});
			b.timeline.setStatus('identified');
			await until(
				async () => a.timeline.incident?.status,
				(s) => s === 'identified',
				5000,
			);
			const note = a.timeline.getSnapshot().events.find((e) => e.text === 'from bob');
			a.timeline.append({kind: 'pin', text: 'Pinned', data: {event: note?.id, pinned: true}});
			a.timeline.setSeverity('P0');
			await until(
				async () => b.timeline.incident?.severity,
				(s) => s === 'P0',
				5000,
			);
			// A torn fragment (a third process killed mid-write) costs nothing.
			appendFileSync(journalPath(dir, incident.id), '{"v":1,"incident":{"id"');
			b.timeline.append({kind: 'note', text: 'after the fragment'});
			await until(
				async () => a.notes(),
				(n) => n.includes('after the fragment'),
				5000,
			);

			expect(exportJson(a.timeline.incident!, a.timeline.getSnapshot().events)).toBe(
				exportJson(b.timeline.incident!, b.timeline.getSnapshot().events),
			);
			const texts = a.notes();
			expect(new Set(texts).size).toBe(texts.length);
			const onDisk = readJournal(journalPath(dir, incident.id));
			expect(onDisk.events).toEqual(a.timeline.getSnapshot().events);
			expect(onDisk.incident).toEqual(a.timeline.incident);
		} finally {
			for (const stop of stops) stop();
			a.journal.close();
			b.journal.close();
		}
	});
});

describe('timeline.dir, shared by a group', () => {
	it('creates group-writable journals whatever the umask', () => {
		const shared = join(dir, 'group');
		const old = process.umask(0o022);
		try {
			const journal = new Journal(shared, {shared: true});
			const timeline = new Timeline({sink: journal});
			const incident = timeline.open({title: 'group drill', severity: 'P2'});
			journal.close();
			expect(statSync(journalPath(shared, incident.id)).mode & 0o777).toBe(0o660);
		} finally {
			process.umask(old);
		}
	});
});
