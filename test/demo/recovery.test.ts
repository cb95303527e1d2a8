import {describe, expect, it} from 'vitest';
import type {DemoWorld} from '../../source/demo/index.ts';
import type {SourceDataMap} from '../../source/model/index.ts';
import {
	at,
	ms,
	onboardingApi,
	onboardingErrors,
	onboardingPods,
	seconds,
	workersGroup,
	world,
} from './helpers.ts';

/** The promise: within a minute of the fix, the dashboard is green again. */
function expectRecovered(data: SourceDataMap) {
	expect(onboardingErrors(data)).toBeLessThan(0.01);
	expect(data.postgres.connections.total).toBeLessThan(40);
	expect(data.postgres.blocked).toEqual([]);
	expect(data.postgres.longQueries).toEqual([]);
	for (const pod of onboardingPods(data))
		expect(`${pod.name} ${pod.status} ${pod.ready}`).toMatch(/ Running 1\/1$/);
	expect(workersGroup(data).status).toBe('OK');
	expect(workersGroup(data).lag).toBeLessThan(200);
	expect(data.alerts.filter((a) => a.state === 'active')).toEqual([]);
	expect(data.health.every((h) => h.ok)).toBe(true);
	expect(data.kubernetes.nodes.every((n) => n.conditions.length === 0)).toBe(true);
}

function fixedAt(fix: (w: DemoWorld) => unknown): DemoWorld {
	const w = world();
	fix(w);
	return w;
}

describe('demo recovery', () => {
	it('recovers within 60 s of a rollout restart at the height of the incident', () => {
		const w = fixedAt((w) => w.restart(onboardingApi, ms(180)));
		expect(onboardingErrors(at(w, 181))).toBeGreaterThan(0.05);
		const during = at(w, 190).kubernetes.deployments.find((d) => d.name === 'onboarding-api');
		expect(during?.rollout).toBe('progressing');
		expect(during?.revision).toBe(15);
		expect(
			at(w, 240).kubernetes.deployments.find((d) => d.name === 'onboarding-api'),
		).toMatchObject({
			desired: 3,
			ready: 3,
			updated: 3,
			available: 3,
			revision: 15,
			rollout: 'complete',
		});
		expectRecovered(at(w, 240));
		// The old pods are gone, replaced by new ones of the new ReplicaSet.
		const before = new Set(onboardingPods(at(w, 179)).map((p) => p.name));
		expect(onboardingPods(at(w, 240)).some((p) => before.has(p.name))).toBe(false);
	});

	it('drops below 1 % errors no later than ~45 s after the fix', () => {
		const w = fixedAt((w) => w.restart(onboardingApi, ms(180)));
		const firstGood = seconds(180, 300).find((t) => (onboardingErrors(at(w, t)) ?? 1) < 0.01);
		expect(firstGood).toBeGreaterThanOrEqual(195);
		expect(firstGood).toBeLessThanOrEqual(225);
	});

	it('recovers after scaling to 5, with 5 pods Running', () => {
		const w = fixedAt((w) => w.scale(onboardingApi, 5, ms(150)));
		expect(
			onboardingPods(at(w, 151)).filter(
				(p) => p.status === 'Pending' || p.status === 'ContainerCreating',
			),
		).toHaveLength(2);
		const data = at(w, 210);
		expectRecovered(data);
		expect(onboardingPods(data)).toHaveLength(5);
		expect(data.kubernetes.deployments.find((d) => d.name === 'onboarding-api')).toMatchObject({
			desired: 5,
			ready: 5,
			revision: 14,
			rollout: 'complete',
		});
	});

	it('stays healthy long after the fix', () => {
		const w = fixedAt((w) => w.restart(onboardingApi, ms(180)));
		for (const t of [300, 600, 1800]) expectRecovered(at(w, t));
	});

	it('is not fooled by a restart before the incident began', () => {
		const w = fixedAt((w) => w.restart(onboardingApi, ms(10)));
		expect(onboardingErrors(at(w, 200))).toBeGreaterThan(0.05);
		expect(onboardingPods(at(w, 240)).flatMap((p) => p.status)).toEqual(
			expect.arrayContaining(['Running']),
		);
		expect(
			at(w, 240).kubernetes.deployments.find((d) => d.name === 'onboarding-api')?.revision,
		).toBe(15);
	});

	it('changes only the row when another deployment is restarted', () => {
		const plain = world();
		const w = fixedAt((w) =>
			w.restart({namespace: 'platform-observability', name: 'grafana'}, ms(100)),
		);
		const before = at(plain, 200);
		const after = at(w, 200);
		expect(after.prometheus).toEqual(before.prometheus);
		expect(after.postgres).toEqual(before.postgres);
		expect(after.kafka).toEqual(before.kafka);
		expect(onboardingPods(after)).toEqual(onboardingPods(before));
		expect(after.kubernetes.deployments.find((d) => d.name === 'grafana')?.revision).toBe(
			(before.kubernetes.deployments.find((d) => d.name === 'grafana')?.revision ?? 0) + 1,
		);
		const grafanaPods = (data: SourceDataMap) =>
			data.kubernetes.pods.filter((p) => p.deployment === 'grafana').map((p) => p.name);
		expect(grafanaPods(after)).not.toEqual(grafanaPods(before));
	});

	it('scaling onboarding-api to 0 ends the database trouble but leaves the service down', () => {
		const w = fixedAt((w) => w.scale(onboardingApi, 0, ms(150)));
		const data = at(w, 220);
		expect(onboardingPods(data)).toEqual([]);
		expect(onboardingErrors(data)).toBeNull();
		expect(data.postgres.blocked).toEqual([]);
		expect(data.health.find((h) => h.name === 'api-gateway')?.ok).toBe(false);
		const gateway = data.prometheus.services.find((s) => s.name === 'api-gateway');
		expect(gateway?.errorRatio).toBeGreaterThan(0.1);
	});

	it('leaves pods the cluster has no room for Pending, with FailedScheduling', () => {
		const w = fixedAt((w) => w.scale(onboardingApi, 12, ms(150)));
		const data = at(w, 300);
		const pending = onboardingPods(data).filter((p) => p.status === 'Pending');
		expect(pending.length).toBe(4);
		expect(pending.every((p) => p.node === null)).toBe(true);
		expect(
			data.kubernetes.events.some(
				(e) => e.reason === 'FailedScheduling' && e.object === `pod/${pending[0]?.name}`,
			),
		).toBe(true);
		expect(data.kubernetes.deployments.find((d) => d.name === 'onboarding-api')?.rollout).toBe(
			'stalled',
		);
	});
});
