import {describe, expect, it} from 'vitest';
import {endpointlessChanges, recordedEndpointless} from '../../source/cli/endpoint-events.ts';
import type {TimelineEvent} from '../../source/timeline/event.ts';

const row = (name: string, since: number, notReady = 1) => ({
	namespace: 'business-onboarding',
	name,
	notReady,
	since,
});

describe('services without a ready endpoint on the timeline', () => {
	it('is told once when it starts and once when it stops', () => {
		const known = new Map<string, number>();
		const first = endpointlessChanges(known, [row('document-parser', 1000)], 2000);
		expect(first.map((e) => e.text)).toEqual([
			'Service business-onboarding/document-parser has no ready endpoint (1 not ready)',
		]);
		expect(endpointlessChanges(known, [row('document-parser', 1000)], 3000)).toEqual([]);
		const back = endpointlessChanges(known, [], 1000 + 5 * 60_000);
		expect(back.map((e) => e.text)).toEqual([
			'Service business-onboarding/document-parser has a ready endpoint again, after 5 min',
		]);
		expect(endpointlessChanges(known, [], 400_000)).toEqual([]);
	});

	it('a resumed timeline is read back, so nothing is said twice', () => {
		const events = endpointlessChanges(
			new Map(),
			[row('api', 1000, 0), row('web', 1500)],
			2000,
		).map(
			(e, seq): TimelineEvent => ({
				id: `endpointless-${seq}`,
				seq,
				at: 2000,
				author: null,
				kind: e.kind,
				text: e.text,
				data: e.data ?? null,
			}),
		);
		expect(events[0]?.text).toContain('(none selected)');
		const known = recordedEndpointless(events);
		expect([...known]).toEqual([
			['business-onboarding/api', 1000],
			['business-onboarding/web', 1500],
		]);
		expect(endpointlessChanges(known, [row('api', 1000, 0)], 9000).map((e) => e.text)).toEqual([
			'Service business-onboarding/web has a ready endpoint again, after 8 s',
		]);
	});
});
