import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {Journal} from '../../source/timeline/journal.ts';
import {journalPath} from '../../source/timeline/journal-paths.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {fixtureData} from '../support/fixtures.ts';
import {renderApp} from '../support/render-app.tsx';

const now = Date.UTC(2026, 10, 28, 3, 0, 0);
let cleanup: (() => void) | undefined;
let dir: string | undefined;
afterEach(() => {
	cleanup?.();
	if (dir) rmSync(dir, {recursive: true, force: true});
});

async function app(columns: number, rows: number, timeline?: Timeline) {
	const rendered = await renderApp({columns, rows, data: fixtureData(now), now, timeline});
	cleanup = rendered.unmount;
	return rendered;
}

describe.each([
	[80, 24],
	[120, 40],
])('notes at %ix%i', (columns, rows) => {
	it('n, type, Enter: the note is journaled, then on the timeline with time and author', async () => {
		dir = mkdtempSync(join(tmpdir(), 'irtop-tui-'));
		const journal = new Journal(dir);
		const timeline = new Timeline({author: 'tester', now: () => now, sink: journal});
		timeline.open({title: 'drill', severity: 'P1'});
		const {frame, press, type} = await app(columns, rows, timeline);
		await press('note');
		expect(frame()).toContain('Note · enter save');
		await type('pool at 48/50 nqy'); // n, q, y are keys elsewhere: here they are text
		await press('save-note');
		expect(frame()).toContain('✓ note saved');
		const saved = readJournal(journalPath(dir, timeline.incident!.id));
		expect(saved.events.at(-1)).toMatchObject({
			kind: 'note',
			text: 'pool at 48/50 nqy',
			author: 'tester',
		});
		await press('jump');
		await type('timeline');
		await press('submit');
		await press('zoom');
		expect(frame()).toMatch(/03:00:00 note\s+pool at 48\/50 nqy/);
		journal.close();
	});
});

describe('incident keys', () => {
	it('a note that cannot be saved stays in the input with the reason', async () => {
		const timeline = new Timeline({
			now: () => now,
			sink: {
				write: () => {
					throw new Error('ENOSPC: no space left on device');
				},
			},
		});
		const {frame, press, type} = await app(120, 40, timeline);
		await press('note');
		await type('keep me');
		await press('save-note');
		expect(frame()).toContain('NOT saved: ENOSPC');
		expect(frame()).toContain('keep me');
		expect(timeline.getSnapshot().events).toEqual([]);
	});

	it('multi-line notes, amend, status, severity, mitigated and pin are timeline events', async () => {
		const {frame, press, type, timeline} = await app(120, 40);
		await press('note');
		await type('first line');
		await press('note-newline');
		await type('second line');
		await press('save-note');
		expect(timeline.getSnapshot().events.at(-1)?.text).toBe('first line\nsecond line');
		await press('amend-note');
		await type('!');
		await press('save-note');
		const amended = timeline.getSnapshot().events.at(-1);
		expect(amended).toMatchObject({text: 'first line\nsecond line!', data: {amends: 2}});
		await press('status-next');
		expect(timeline.incident?.status).toBe('identified');
		await press('severity');
		await type('\u007f\u007f0');
		await press('submit');
		expect(timeline.incident?.severity).toBe('P0');
		await press('mitigated');
		await press('jump');
		await type('timeline');
		await press('submit');
		await press('pin');
		const kinds = timeline.getSnapshot().events.map((e) => e.kind);
		expect(kinds).toEqual(['incident', 'note', 'note', 'status', 'severity', 'milestone', 'pin']);
		await press('zoom');
		expect(frame()).toContain('7 events · UTC · mitigated +0:00');
		expect(frame()).toContain('Marked mitigated');
	});

	it('a bracketed paste keeps its lines and does not run keys', async () => {
		const {press, stdin, tick, timeline} = await app(120, 40);
		await press('note');
		stdin.write('\u001b[200~ERROR pool exhausted\nq y n :deploy\u001b[201~');
		await tick(60);
		await press('save-note');
		expect(timeline.getSnapshot().events.at(-1)?.text).toBe('ERROR pool exhausted\nq y n :deploy');
	});

	it('e writes the post-mortem beside the journal, with the impact from Prometheus', async () => {
		dir = mkdtempSync(join(tmpdir(), 'irtop-tui-'));
		const asked: number[] = [];
		const timeline = new Timeline({author: 'tester', now: () => now});
		timeline.open({title: 'drill', severity: 'P1'});
		timeline.append({kind: 'note', text: 'pool at 48/50'});
		const rendered = await renderApp({
			columns: 120,
			rows: 40,
			data: fixtureData(now),
			now,
			timeline,
			services: {
				journalDir: dir,
				// What Prometheus would answer for the incident's window (the CLI's path is tested against it).
				measureImpact: async (from) => {
					asked.push(from);
					return {failedRequests: 1234, peakErrorRatio: 0.081};
				},
			},
		});
		cleanup = rendered.unmount;
		await rendered.press('export');
		await rendered.tick(60);
		expect(asked).toEqual([timeline.incident!.startedAt]);
		const file = join(dir, `${timeline.incident!.id}.md`);
		expect(rendered.frame()).toContain('✓ post-mortem written to');
		const markdown = readFileSync(file, 'utf8');
		expect(markdown).toContain('**Severity:** P1');
		expect(markdown).toContain('Note (tester): pool at 48/50');
		expect(markdown).toContain('Failed requests (5xx over the incident window): 1,234');
	});

	it('i opens an incident from "title P1 @owner"; a second incident starts its own timeline', async () => {
		const {press, type, timeline} = await app(120, 40);
		await press('open-incident');
		await type('API 500 errors spike P1 @oncall');
		await press('submit');
		expect(timeline.incident).toMatchObject({
			title: 'API 500 errors spike',
			severity: 'P1',
			owner: '@oncall',
		});
		await press('open-incident');
		await type('second one');
		await press('submit');
		expect(timeline.getSnapshot().events.map((e) => e.text)).toEqual([
			'Incident opened: second one (P2)',
		]);
	});
});
