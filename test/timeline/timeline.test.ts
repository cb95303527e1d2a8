import {describe, expect, it} from 'vitest';
import type {TimelineEvent} from '../../source/timeline/event.ts';
import {type Incident, nextStatus} from '../../source/timeline/incident.ts';
import {responseTimeLeft} from '../../source/timeline/severity.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);

describe('Timeline', () => {
	it('opens an incident and records status and severity changes as events', () => {
		let now = start;
		const timeline = new Timeline({author: '@oncall', now: () => now});
		const incident = timeline.open({
			title: 'API 500 errors spike',
			severity: 'P1',
			owner: '@oncall-engineer',
		});
		expect(incident).toMatchObject({
			title: 'API 500 errors spike',
			severity: 'P1',
			status: 'investigating',
			startedAt: start,
		});
		expect(incident.id).toMatch(/^20251021T143000Z-[0-9a-z]{4}$/);
		now += 60_000;
		timeline.setStatus('identified');
		timeline.setSeverity('P0');
		timeline.setSeverity('P0');
		const {events} = timeline.getSnapshot();
		expect(events.map((e) => [e.kind, e.text])).toEqual([
			['incident', 'Incident opened: API 500 errors spike (P1)'],
			['status', 'Status: investigating → identified'],
			['severity', 'Severity: P1 → P0'],
		]);
		expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
		expect(events[1]?.at).toBe(start + 60_000);
	});

	it('stamps notes with their author and starts an untitled incident for the first note', () => {
		const timeline = new Timeline({author: 'alice', now: () => start});
		const note = timeline.append({kind: 'note', text: 'pool at 48/50'});
		expect(note.author).toBe('alice');
		expect(timeline.incident?.title).toBe('Untitled incident');
		expect(timeline.getSnapshot().events.map((e) => e.kind)).toEqual(['incident', 'note']);
	});

	it('writes every event to the sink before subscribers see it', () => {
		const written: TimelineEvent[] = [];
		const seenAtNotify: number[] = [];
		const timeline = new Timeline({
			now: () => start,
			sink: {write: (_incident: Incident, event: TimelineEvent) => void written.push(event)},
		});
		timeline.subscribe(() => seenAtNotify.push(written.length));
		timeline.open({title: 't', severity: 'P3'});
		timeline.append({kind: 'observation', text: 'error ratio above 1 %'});
		expect(written.map((e) => e.kind)).toEqual(['incident', 'observation']);
		// The notification for the second event came after both were written.
		expect(seenAtNotify.at(-1)).toBe(2);
	});

	it('a sink that fails to write keeps the event from being shown', () => {
		const timeline = new Timeline({
			now: () => start,
			sink: {
				write: () => {
					throw new Error('ENOSPC');
				},
			},
		});
		expect(() => timeline.append({kind: 'note', text: 'x'})).toThrow('ENOSPC');
		expect(timeline.getSnapshot().events.filter((e) => e.kind === 'note')).toEqual([]);
	});
});

describe('severity and status', () => {
	it('counts down the runbook response targets', () => {
		expect(responseTimeLeft('P0', start, start + 5 * 60_000)).toBe(10 * 60_000);
		expect(responseTimeLeft('P1', start, start + 61 * 60_000)).toBe(-60_000);
		expect(responseTimeLeft('P3', start, start)).toBe(24 * 3_600_000);
	});
	it('moves through the statuses in the runbook order and stops at resolved', () => {
		expect(nextStatus('investigating')).toBe('identified');
		expect(nextStatus('monitoring')).toBe('resolved');
		expect(nextStatus('resolved')).toBe('resolved');
	});
});
