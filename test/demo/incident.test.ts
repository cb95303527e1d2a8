import {describe, expect, it} from 'vitest';
import {at, ms, onboardingErrors, onboardingPods, seconds, workersGroup, world} from './helpers.ts';

// The story without any intervention: healthy-but-busy at first, the
// runbook's pool exhaustion by the end of the third minute.

describe('demo incident, left alone', () => {
	const w = world();

	it('starts healthy but busy', () => {
		const data = at(w, 0);
		expect(onboardingErrors(data)).toBeLessThan(0.01);
		expect(data.kubernetes.nodes).toHaveLength(3);
		expect(data.kubernetes.nodes.every((n) => n.ready && n.conditions.length === 0)).toBe(true);
		expect(data.kubernetes.pods.length).toBeGreaterThanOrEqual(15);
		expect(data.kubernetes.pods.length).toBeLessThanOrEqual(25);
		expect(new Set(data.kubernetes.pods.map((p) => p.namespace))).toEqual(
			new Set([
				'business-onboarding',
				'business-payments',
				'platform-ingress',
				'platform-observability',
				'platform-security',
			]),
		);
		expect(data.prometheus.services.map((s) => s.name)).toEqual(
			expect.arrayContaining([
				'onboarding-api',
				'payments-api',
				'notifications-api',
				'api-gateway',
			]),
		);
		expect(data.prometheus.services.every((s) => (s.requestRate ?? 0) > 10)).toBe(true);
		expect(data.postgres.connections.total).toBeGreaterThan(15);
		expect(data.postgres.connections.total).toBeLessThan(35);
		expect(data.postgres.blocked).toEqual([]);
		expect(data.kafka.groups.every((g) => g.status === 'OK')).toBe(true);
		expect(data.alerts.filter((a) => a.state === 'active')).toEqual([]);
		expect(data.health.every((h) => h.ok)).toBe(true);
		expect(data.redis.connectedClients).toBeGreaterThan(0);
		expect(data.kubernetes.events.some((e) => e.type === 'Normal')).toBe(true);
		expect(onboardingPods(data).map((p) => `${p.status} ${p.ready}`)).toEqual(
			Array(3).fill('Running 1/1'),
		);
	});

	it('passes the 1 % error threshold mid-story', () => {
		const data = at(w, 120);
		expect(onboardingErrors(data)).toBeGreaterThan(data.prometheus.threshold);
		expect(data.prometheus.threshold).toBe(0.01);
	});

	it('brings connections near max_connections', () => {
		const totals = seconds(160, 240, 5).map((t) => at(w, t).postgres.connections);
		for (const c of totals) {
			expect(c.max).toBe(50);
			expect(c.total).toBeGreaterThanOrEqual(44);
			expect(c.total).toBeLessThanOrEqual(c.max);
		}
		expect(Math.max(...totals.map((c) => c.total))).toBeGreaterThanOrEqual(47);
	});

	it('shows a long query and the queries it blocks', () => {
		const {postgres} = at(w, 150);
		const blocker = postgres.longQueries.find((q) =>
			q.query.includes('FROM cases c JOIN documents d'),
		);
		expect(blocker?.durationSeconds).toBeGreaterThanOrEqual(40);
		expect(blocker?.application).toBe('onboarding-api');
		expect(postgres.blocked.length).toBeGreaterThan(3);
		for (const b of postgres.blocked) expect(b.blockedBy).toContain(blocker?.pid);
		expect(postgres.connections.byState.waiting).toBe(postgres.blocked.length);
	});

	it('crash-loops one onboarding-api pod, with rising restarts', () => {
		const statuses = seconds(100, 240).map((t) => onboardingPods(at(w, t)));
		const looping = statuses.flat().filter((p) => p.status === 'CrashLoopBackOff');
		expect(looping.length).toBeGreaterThan(10);
		expect(new Set(looping.map((p) => p.name)).size).toBe(1);
		expect(looping[0]?.node).toBe('prod-node-2');
		const name = looping[0]?.name;
		const restarts = (t: number) =>
			onboardingPods(at(w, t)).find((p) => p.name === name)?.restarts ?? -1;
		expect(restarts(240)).toBeGreaterThan(restarts(130));
		expect(restarts(130)).toBeGreaterThan(0);
		expect(statuses.flat().some((p) => p.status === 'OOMKilled')).toBe(true);
	});

	it('lets the workers fall behind: lag grows, OK → WARN → STALL', () => {
		const lag = (t: number) => workersGroup(at(w, t)).lag;
		expect(lag(180)).toBeGreaterThan(lag(120));
		expect(lag(120)).toBeGreaterThan(lag(60));
		expect(lag(180)).toBeGreaterThan(2000);
		const sequence = seconds(0, 240).map((t) => workersGroup(at(w, t)).status);
		const changes = sequence.filter((s, i) => i === 0 || s !== sequence[i - 1]);
		expect(changes).toEqual(['OK', 'WARN', 'STALL']);
		expect(
			at(w, 240)
				.kafka.groups.filter((g) => g.group !== 'onboarding-workers')
				.every((g) => g.status === 'OK'),
		).toBe(true);
	});

	it('fires OnboardingApiHighErrorRate (critical) once the ratio has held', () => {
		const firing = (t: number) =>
			at(w, t).alerts.find((a) => a.name === 'OnboardingApiHighErrorRate');
		expect(firing(60)).toBeUndefined();
		const alert = firing(150);
		expect(alert?.severity).toBe('critical');
		expect(alert?.state).toBe('active');
		// Errors cross 1 % a minute in; the rule's `for:` holds it another 30 s.
		expect(alert?.startsAt).toBeGreaterThan(ms(80));
		expect(alert?.startsAt).toBeLessThan(ms(120));
	});

	it('fails the api-gateway health check and puts prod-node-2 under memory pressure', () => {
		const data = at(w, 200);
		expect(data.health.find((h) => h.name === 'api-gateway')?.ok).toBe(false);
		expect(data.health.filter((h) => h.name !== 'api-gateway').every((h) => h.ok)).toBe(true);
		expect(data.kubernetes.nodes.find((n) => n.name === 'prod-node-2')?.conditions).toEqual([
			'MemoryPressure',
		]);
	});

	it('grows the warning event stream as the incident develops', () => {
		const warnings = (t: number) =>
			at(w, t)
				.kubernetes.events.filter((e) => e.type === 'Warning')
				.reduce((n, e) => n + e.count, 0);
		expect(warnings(100)).toBeGreaterThan(warnings(0));
		expect(warnings(200)).toBeGreaterThan(warnings(100));
		const reasons = new Set(at(w, 240).kubernetes.events.map((e) => e.reason));
		for (const reason of ['BackOff', 'Unhealthy', 'Killing', 'Pulled', 'SuccessfulCreate']) {
			expect(reasons, reason).toContain(reason);
		}
	});
});
