import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {TimelineEvent} from '../../source/timeline/event.ts';
import {newEventId} from '../../source/timeline/event-id.ts';
import type {Incident} from '../../source/timeline/incident.ts';
import {readJournal} from '../../source/timeline/journal-read.ts';
import {addEvent, emptyEventSet, eventSetOf, foldIncident} from '../../source/timeline/merge.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const dir = mkdtempSync(join(tmpdir(), 'irtop-merge-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const incident: Incident = {
	id: '20261206T190000Z-abcd',
	title: 'drill',
	severity: 'P2',
	status: 'investigating',
	owner: null,
	startedAt: 1_000,
};
const event = (id: string, at: number, text = id): TimelineEvent => ({
	id,
	seq: 0,
	at,
	kind: 'note',
	text,
	author: null,
	data: null,
});
// A fixed shuffle (no randomness in a unit test): every third, then the rest reversed.
const shuffled = <T>(items: T[]) => [
	...items.filter((_, i) => i % 3 === 0),
	...items.filter((_, i) => i % 3 !== 0).reverse(),
];

describe('event ids', () => {
	it('are unique and sort in creation order within one millisecond', () => {
		const ids = Array.from({length: 5000}, () => newEventId(1_700_000_000_000));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(ids);
	});

	it('sort by time across milliseconds', () => {
		const early = newEventId(1_700_000_000_000);
		const late = newEventId(1_700_000_000_001);
		expect(early < late).toBe(true);
	});
});

describe('one event set per incident', () => {
	const events = Array.from({length: 30}, (_, i) =>
		event(`id-${String(i).padStart(2, '0')}`, 100 * Math.floor(i / 4)),
	);

	it('holds each id once, however often it arrives', () => {
		let set = emptyEventSet;
		for (const e of [...events, ...events]) set = addEvent(set, e) ?? set;
		expect(set.events).toHaveLength(events.length);
		expect(addEvent(set, events[5]!)).toBeNull();
	});

	it('shows one order, (at, id), whatever order the events came in', () => {
		let inOrder = emptyEventSet;
		for (const e of events) inOrder = addEvent(inOrder, e) ?? inOrder;
		let mixed = emptyEventSet;
		for (const e of shuffled(events)) mixed = addEvent(mixed, e) ?? mixed;
		expect(mixed.events).toEqual(inOrder.events);
		expect(eventSetOf(shuffled(events)).events).toEqual(inOrder.events);
		expect(mixed.events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
		expect(mixed.byId.get('id-07')).toBe(mixed.events[7]);
	});

	it('keeps the same copy of a twice-made id on every responder (the earlier)', () => {
		const a = {...event('alert:fp', 2_000, 'seen by A'), kind: 'alert' as const};
		const b = {...event('alert:fp', 1_500, 'seen by B'), kind: 'alert' as const};
		const first = eventSetOf([a, b]);
		const second = eventSetOf([b, a]);
		expect(first.events).toEqual(second.events);
		expect(first.events.map((e) => e.text)).toEqual(['seen by B']);
		const incremental = addEvent(eventSetOf([a]), b);
		expect(incremental?.events.map((e) => e.text)).toEqual(['seen by B']);
		expect(addEvent(eventSetOf([b]), a)).toBeNull();
	});
});

describe('the incident from its events', () => {
	it('keeps both responders’ changes to different fields', () => {
		const severity = {
			...event('s', 2_000),
			kind: 'severity' as const,
			data: {from: 'P2', to: 'P1'},
		};
		const status = {
			...event('t', 3_000),
			kind: 'status' as const,
			data: {from: 'investigating', to: 'identified'},
		};
		// Each line carries its writer's view: the status writer had not seen the severity yet.
		expect(foldIncident(incident, [severity, status])).toMatchObject({
			severity: 'P1',
			status: 'identified',
		});
	});

	it('a remote event that changes the severity updates the live incident', () => {
		const timeline = new Timeline({now: () => 5_000});
		timeline.load(incident, []);
		const remote = {...event('r', 4_000), kind: 'severity' as const, data: {from: 'P2', to: 'P0'}};
		expect(timeline.receive(incident.id, [remote], false)).toHaveLength(1);
		expect(timeline.receive(incident.id, [remote], false)).toHaveLength(0);
		expect(timeline.receive('another-incident', [event('x', 1)], false)).toHaveLength(0);
		expect(timeline.incident?.severity).toBe('P0');
	});
});

describe('journals written before events had ids', () => {
	it('resume with an id per line, in file order, renumbered', () => {
		const path = join(dir, 'legacy.jsonl');
		const line = (seq: number, at: number, text: string) =>
			JSON.stringify({
				v: 1,
				incident,
				event: {seq, at, kind: 'note', text, author: 'a', data: null},
			});
		// Two old processes numbered their lines independently: seq repeats.
		writeFileSync(
			path,
			`${[line(1, 10, 'one'), line(1, 10, 'two'), line(2, 20, 'three')].join('\n')}\n`,
		);
		const loaded = readJournal(path);
		expect(loaded.events.map((e) => [e.seq, e.text])).toEqual([
			[1, 'one'],
			[2, 'two'],
			[3, 'three'],
		]);
		expect(new Set(loaded.events.map((e) => e.id)).size).toBe(3);
		expect(loaded.warnings).toEqual([]);
	});
});
