import {describe, expect, it} from 'vitest';
import type {SourceDataMap} from '../../source/model/index.ts';
import {at, ms, onboardingApi, seconds, world} from './helpers.ts';

// Invariants a real cluster never breaks, checked at every few seconds of
// the story, with and without a fix, so no moment of the demo looks fake.

const kubectlStatuses = new Set([
	'Running',
	'Pending',
	'ContainerCreating',
	'CrashLoopBackOff',
	'OOMKilled',
	'Completed',
	'Terminating',
	'Error',
]);
const eventReasons = new Set([
	'BackOff',
	'Unhealthy',
	'Killing',
	'Pulled',
	'Created',
	'Started',
	'Scheduled',
	'FailedScheduling',
	'SuccessfulCreate',
	'SuccessfulDelete',
	'ScalingReplicaSet',
	'Completed',
	'SawCompletedJob',
	'Sync',
	'Issuing',
	'SystemOOM',
	'NodeHasInsufficientMemory',
	'NodeHasSufficientMemory',
	'EvictionThresholdMet',
]);

function check(data: SourceDataMap, label: string) {
	const k8s = data.kubernetes;
	expect(k8s.context).toBe('demo');
	expect(k8s.namespace).toBeNull();
	for (const pod of k8s.pods) {
		expect(kubectlStatuses, `${label} ${pod.name}`).toContain(pod.status);
		expect(pod.ready, `${label} ${pod.name}`).toMatch(/^\d+\/\d+$/);
		const [ready, total] = pod.ready.split('/').map(Number);
		expect(ready).toBeLessThanOrEqual(total ?? 0);
		if (pod.status !== 'Running') expect(ready, `${label} ${pod.name} ${pod.status}`).toBe(0);
		expect(pod.restarts === 0 || pod.lastRestartAt !== null).toBe(true);
	}
	for (const node of k8s.nodes) {
		const onNode = k8s.pods.filter((p) => p.node === node.name && p.status !== 'Completed').length;
		expect(node.pods, `${label} ${node.name}`).toBe(onNode);
	}
	for (const d of k8s.deployments) {
		const ready = k8s.pods.filter(
			(p) => p.deployment === d.name && p.status === 'Running' && !p.ready.startsWith('0/'),
		);
		expect(d.ready, `${label} ${d.name}`).toBe(ready.length);
		expect(d.available).toBe(d.ready);
	}
	for (const event of k8s.events) {
		expect(eventReasons, `${label} ${event.reason}`).toContain(event.reason);
		expect(['Normal', 'Warning']).toContain(event.type);
		expect(event.object).toMatch(/^[a-z]+\/[a-z0-9.-]+$/);
		expect(event.count).toBeGreaterThan(0);
		expect(event.lastSeenAt).toBeLessThanOrEqual(ms(Number(label)));
	}

	const {connections} = data.postgres;
	const states = Object.values(connections.byState).reduce((n, c) => n + c, 0);
	expect(states, label).toBe(connections.total);
	expect(
		connections.byApplication.reduce((n, a) => n + a.count, 0),
		label,
	).toBe(connections.total);
	expect(connections.total).toBeLessThanOrEqual(connections.max);
	expect(Object.values(connections.byState).every((c) => c >= 0)).toBe(true);
	expect(connections.byState.waiting).toBe(data.postgres.blocked.length);

	for (const group of data.kafka.groups) {
		let groupLag = 0;
		for (const topic of group.topics) {
			let topicLag = 0;
			for (const p of topic.partitions) {
				expect(p.committed).not.toBeNull();
				expect(p.lag, `${label} ${group.group}`).toBe(p.logEnd - (p.committed ?? 0));
				expect(p.lag).toBeGreaterThanOrEqual(0);
				topicLag += p.lag ?? 0;
			}
			expect(topic.lag).toBe(topicLag);
			groupLag += topic.lag;
		}
		expect(group.lag).toBe(groupLag);
	}
	for (const service of data.prometheus.services) {
		if (service.errorRatio !== null) expect(service.errorRatio).toBeGreaterThanOrEqual(0);
		if (service.errorRatio !== null) expect(service.errorRatio).toBeLessThanOrEqual(1);
	}
	// Snapshot output is JSON: no Infinity, NaN or undefined may sneak in.
	expect(JSON.parse(JSON.stringify(data))).toEqual(data);
}

describe('demo data invariants', () => {
	it('hold at every moment of the untouched story', () => {
		const w = world();
		for (const t of seconds(-5, 300, 3)) check(at(w, t), String(t));
	});

	it('hold through a restart and a scale', () => {
		const w = world();
		w.restart(onboardingApi, ms(140));
		w.scale(onboardingApi, 5, ms(200));
		for (const t of seconds(130, 320, 1)) check(at(w, t), String(t));
	});

	it('keeps Kafka offsets monotonic', () => {
		const w = world();
		w.restart(onboardingApi, ms(170));
		let previous = at(w, 0).kafka;
		for (const t of seconds(1, 300, 1)) {
			const current = at(w, t).kafka;
			current.groups.forEach((group, g) => {
				group.topics.forEach((topic, i) => {
					topic.partitions.forEach((p, j) => {
						const before = previous.groups[g]?.topics[i]?.partitions[j];
						expect(p.logEnd).toBeGreaterThanOrEqual(before?.logEnd ?? 0);
						expect(p.committed ?? 0, `${group.group} ${t}s`).toBeGreaterThanOrEqual(
							before?.committed ?? 0,
						);
					});
				});
			});
			previous = current;
		}
	});
});
