import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/actions/action.ts';
import {runAction} from '../../source/actions/run-action.ts';
import {recentActionWarning} from '../../source/timeline/recent-action.ts';
import {Timeline} from '../../source/timeline/timeline.ts';

const target = {
	context: 'prod',
	namespace: 'business-onboarding',
	object: 'deployment/onboarding-api',
};
const restart = (object = target.object): Action => ({
	id: 'restart',
	title: 'Rollout restart',
	target: {...target, object},
	command: `kubectl rollout restart ${object} -n business-onboarding`,
	run: async () => ({ok: true, message: 'rollout complete'}),
});

describe("another responder's recent action on the same object", () => {
	it('is named in B’s confirmation after A’s restart, and not in A’s own', async () => {
		let now = Date.UTC(2026, 11, 6, 20, 0);
		const a = new Timeline({author: 'alice@laptop', now: () => now});
		const b = new Timeline({author: 'bob@vps', now: () => now});
		const incident = a.open({title: 'drill', severity: 'P1'});
		b.load(incident, a.getSnapshot().events);
		await runAction(restart(), a, new AbortController().signal);
		b.receive(incident.id, a.getSnapshot().events, false);
		now += 40_000;
		const warning = (t: Timeline, object = target.object) =>
			recentActionWarning(t.getSnapshot().events, {...target, object}, now, t.createdHere);
		expect(warning(b)).toBe(
			'alice@laptop ran Rollout restart on deployment/onboarding-api 40 s ago — done · rollout complete',
		);
		expect(warning(a)).toBeNull();
		expect(warning(b, 'deployment/payments-api')).toBeNull();
		now += 10 * 60_000;
		expect(warning(b)).toBeNull();
	});
});
