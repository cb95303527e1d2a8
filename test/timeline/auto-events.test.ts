import {describe, expect, it} from 'vitest';
import {recordAutomaticEvents} from '../../source/cli/auto-events.ts';
import {Store} from '../../source/engine/store.ts';
import type {AlertRow} from '../../source/model/alerts.ts';
import {durations, milestones} from '../../source/timeline/milestones.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
const alert = (fingerprint: string, extra: Partial<AlertRow> = {}): AlertRow => ({
	fingerprint,
	name: 'HighErrorRate',
	severity: 'critical',
	startsAt: start - 5 * 60_000,
	summary: '5xx above 1 %',
	state: 'active',
	silenced: false,
	inhibited: false,
	...extra,
});
const rates = (ratio: number) => ({
	services: [{name: 'onboarding-api', errorRatio: ratio, requestRate: 10, p99Seconds: 0.2}],
	threshold: 0.01,
});

describe('automatic timeline events', () => {
	it('records alerts fired and resolved, and threshold crossings both ways, once each', () => {
		const store = new Store({frameMs: 0});
		// The clock moves between polls: events of one instant are ordered by id, not by call.
		let now = start;
		const timeline = new Timeline({now: () => now});
		const stop = recordAutomaticEvents(store, timeline);
		store.setData('alerts', [alert('a1')], start);
		store.flush();
		expect(timeline.getSnapshot().events).toEqual([]); // no incident: nothing recorded, none started
		timeline.open({title: 'x', severity: 'P1'});
		store.setData('alerts', [alert('a1'), alert('s1', {silenced: true})], start);
		store.flush();
		now += 1000;
		store.setData('prometheus', rates(0.042), start);
		store.flush();
		store.setData('prometheus', rates(0.05), start);
		store.flush();
		now += 1000;
		store.setData('alerts', [], start);
		store.flush();
		now += 1000;
		store.setData('prometheus', rates(0.002), start);
		store.flush();
		const texts = timeline.getSnapshot().events.map((e) => e.text);
		expect(texts).toEqual([
			'Incident opened: x (P1)',
			'Alert fired: HighErrorRate (critical) · 5xx above 1 %',
			'onboarding-api 5xx ratio 4.2 % above 1.0 %',
			'Alert resolved: HighErrorRate',
			'onboarding-api 5xx ratio 0.2 % back under 1.0 %',
		]);
		// Detection is when the alert started, before the incident was opened.
		const m = milestones(timeline.getSnapshot())!;
		expect(m.detected).toBe(start - 5 * 60_000);
		// Acknowledged 5 minutes after the alert started, not 0 after the incident was opened.
		expect(durations(m).toAcknowledge).toBe(5 * 60_000);
		stop();
	});

	it('a resumed incident does not record again what its journal says is firing', () => {
		const first = new Timeline({now: () => start});
		const store = new Store({frameMs: 0});
		first.open({title: 'x', severity: 'P1'});
		const stop = recordAutomaticEvents(store, first);
		store.setData('alerts', [alert('a1')], start);
		store.flush();
		stop();
		const resumed = new Timeline({now: () => start});
		resumed.load(first.incident!, first.getSnapshot().events);
		const again = new Store({frameMs: 0});
		recordAutomaticEvents(again, resumed);
		again.setData('alerts', [alert('a1')], start);
		again.flush();
		expect(resumed.getSnapshot().events).toHaveLength(2);
	});

	it('two responders who both saw an alert fire and resolve keep one event each, the same one', () => {
		const responders = [start + 400, start + 900].map((clock) => {
			const timeline = new Timeline({now: () => clock});
			const store = new Store({frameMs: 0});
			recordAutomaticEvents(store, timeline);
			return {timeline, store};
		});
		const [a, b] = responders as [(typeof responders)[0], (typeof responders)[0]];
		a.timeline.open({title: 'shared', severity: 'P1'});
		const opened = a.timeline.getSnapshot().events;
		b.timeline.load(a.timeline.incident!, opened);
		// Both poll Alertmanager before either has seen the other's event.
		for (const r of responders) {
			r.store.setData('alerts', [alert('a1')], start);
			r.store.flush();
			r.store.setData('alerts', [], start);
			r.store.flush();
		}
		const id = a.timeline.incident!.id;
		a.timeline.receive(id, b.timeline.getSnapshot().events, false);
		b.timeline.receive(id, a.timeline.getSnapshot().events, false);
		const alerts = (r: typeof a) =>
			r.timeline.getSnapshot().events.filter((e) => e.kind === 'alert');
		expect(alerts(a).map((e) => e.text)).toEqual([
			'Alert fired: HighErrorRate (critical) · 5xx above 1 %',
			'Alert resolved: HighErrorRate',
		]);
		expect(alerts(b)).toEqual(alerts(a));
		expect(b.timeline.getSnapshot().events).toEqual(a.timeline.getSnapshot().events);
	});

	it('does not contradict another responder’s crossing at every poll (two irtops reading different numbers)', () => {
		const store = new Store({frameMs: 0});
		const timeline = new Timeline();
		const stop = recordAutomaticEvents(store, timeline);
		const incident = timeline.open({title: 'x', severity: 'P1'});
		store.setData('prometheus', rates(0.002), start);
		store.flush();
		const other = (nth: number, above: boolean) => ({
			id: `ratio:onboarding-api:${nth}`,
			seq: 0,
			at: start + nth,
			kind: 'observation' as const,
			text: `other responder: ${above ? 'above' : 'under'}`,
			author: null,
			data: {service: 'onboarding-api', above, ratio: above ? 0.05 : 0.001},
		});
		// Another responder saw it above; this one still sees it under, poll after poll.
		timeline.receive(incident.id, [other(1, true)], false);
		for (let i = 0; i < 5; i++) {
			store.setData('prometheus', rates(0.002 + i / 10_000), start);
			store.flush();
		}
		const crossings = () =>
			timeline.getSnapshot().events.filter((e) => e.id.startsWith('ratio:')).length;
		expect(crossings()).toBe(1);
		// Its own observation changing is recorded as ever.
		store.setData('prometheus', rates(0.2), start);
		store.flush();
		store.setData('prometheus', rates(0.001), start);
		store.flush();
		expect(crossings()).toBe(2);
		stop();
	});
});
