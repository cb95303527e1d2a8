import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {TimelineEvent} from '../../source/timeline/event.ts';
import {exportJson, importJson} from '../../source/timeline/export-json.ts';
import {exportMarkdown} from '../../source/timeline/export-markdown.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
const golden = new URL('./support/post-mortem.golden.md', import.meta.url);

function runbookIncident() {
	let now = start;
	const timeline = new Timeline({author: '@alice', now: () => now});
	timeline.load(
		{
			id: '20251021T143000Z-abcd',
			title: 'API 500 errors spike',
			severity: 'P1',
			status: 'investigating',
			owner: '@oncall-engineer',
			startedAt: start,
		},
		[],
	);
	timeline.append({kind: 'alert', text: 'HighErrorRate fired: 5xx ratio 12 %'});
	now += 5 * 60_000;
	timeline.append({kind: 'incident', text: 'Incident acknowledged in irtop'});
	const note = timeline.append({
		kind: 'note',
		text: 'pool at 48/50\nlong queries from the report job',
	});
	timeline.append({kind: 'pin', text: 'Pinned', data: {seq: note.seq}});
	now += 10 * 60_000;
	timeline.setStatus('identified');
	timeline.setSeverity('P0');
	now += 30 * 60_000;
	timeline.append({
		kind: 'action',
		text: 'Rollout restart deployment/onboarding-api: done',
		data: {
			command: 'kubectl rollout restart deployment/onboarding-api -n business-onboarding',
			ok: true,
			message: 'restarted',
		},
	});
	now += 5 * 60_000;
	timeline.append({kind: 'note', text: 'error \u001b]0;pwned\u0007rate back to 0.1 %'});
	timeline.setStatus('resolved');
	return timeline;
}

describe('export', () => {
	it('Markdown follows the runbook post-mortem template (golden)', () => {
		const {incident, events} = runbookIncident().getSnapshot();
		const markdown = exportMarkdown(incident!, events, start + 3 * 3_600_000);
		if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, markdown);
		expect(markdown).toBe(readFileSync(golden, 'utf8'));
		const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
		expect(headings).toEqual([
			'## Summary',
			'## Timeline',
			'## Root Cause',
			'## Impact',
			'## Resolution',
			// irtop's addition (issue 12): the runbook's steps and when each was done.
			'## Runbook',
			'## Action Items',
			'## Lessons Learned',
		]);
		expect(markdown).toContain('**Duration:** 50 min\n');
		expect(markdown).not.toContain('\u001b');
	});

	it('an ongoing incident says so and counts its duration to now', () => {
		const timeline = new Timeline({now: () => start});
		timeline.open({title: 'drill', severity: 'P2'});
		const {incident, events} = timeline.getSnapshot();
		const markdown = exportMarkdown(incident!, events, start + 65 * 60_000);
		expect(markdown).toContain('**Duration:** 1 h 5 min (ongoing)');
		expect(markdown).toContain('- Resolved: not yet');
	});

	it('JSON is lossless: export, import, export again gives the same document', () => {
		const {incident, events} = runbookIncident().getSnapshot();
		const json = exportJson(incident!, events);
		const back = importJson(json);
		expect(back.incident).toEqual(incident);
		expect(back.events).toEqual(events);
		expect(exportJson(back.incident, back.events)).toBe(json);
	});

	it('import refuses what is not an export, naming the problem', () => {
		expect(() => importJson('{"format":"other"}')).toThrow('unknown format');
		const {incident, events} = runbookIncident().getSnapshot();
		const broken = JSON.parse(exportJson(incident!, events)) as {events: Partial<TimelineEvent>[]};
		broken.events[1] = {text: 'x'};
		expect(() => importJson(JSON.stringify(broken))).toThrow('events[1]');
	});
});
