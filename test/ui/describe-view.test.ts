import type {V1Pod} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {podDescription} from '../../source/sources/kubernetes/describe.ts';
import {describeLines} from '../../source/ui/describe-view.ts';

const now = Date.parse('2026-12-06T20:00:00Z');
const pod = {
	metadata: {
		name: 'kyc-worker-7d9f-abcde',
		namespace: 'business-onboarding',
		ownerReferences: [
			{
				apiVersion: 'apps/v1',
				kind: 'ReplicaSet',
				name: 'kyc-worker-7d9f',
				uid: 'u',
				controller: true,
			},
		],
	},
	spec: {
		nodeName: 'lab-worker-1',
		containers: [
			{
				name: 'kyc-worker',
				image: 'registry/kyc:1.8.2\u001b[31m',
				resources: {requests: {cpu: '100m'}, limits: {memory: '256Mi'}},
			},
		],
	},
	status: {
		phase: 'Running',
		qosClass: 'Burstable',
		conditions: [{type: 'Ready', status: 'False', reason: 'ContainersNotReady'}],
		containerStatuses: [
			{
				name: 'kyc-worker',
				image: 'x',
				imageID: 'x',
				ready: false,
				restartCount: 4,
				state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s'}},
				lastState: {
					terminated: {
						reason: 'OOMKilled',
						exitCode: 137,
						startedAt: '2026-12-06T19:58:00Z',
						finishedAt: '2026-12-06T19:59:00Z',
					},
				},
			},
		],
	},
} as unknown as V1Pod;

describe('pod describe', () => {
	it('shows last state, exit code, resources, QoS, throttling and only its own events, sanitised', () => {
		const text = describeLines(
			podDescription(pod),
			[
				{
					namespace: 'business-onboarding',
					type: 'Warning',
					reason: 'BackOff',
					object: 'pod/kyc-worker-7d9f-abcde',
					message: 'Back-off restarting',
					count: 3,
					lastSeenAt: now - 30_000,
				},
				{
					namespace: 'business-onboarding',
					type: 'Normal',
					reason: 'Pulled',
					object: 'pod/other',
					message: 'x',
					count: 1,
					lastSeenAt: now,
				},
			],
			new Map([['kyc-worker', 0.42]]),
			now,
		).map((l) => l.text);
		expect(text).toContain('QoS Class:   Burstable');
		expect(text).toContain('    State: Waiting (CrashLoopBackOff)');
		expect(text).toContain('    Last State: Terminated (OOMKilled)');
		expect(text).toContain('      exit code 137 · started 2m ago · finished 60s ago');
		expect(text).toContain('    Requests: cpu 100m');
		expect(text).toContain('    Limits:   memory 256Mi');
		expect(text).toContain('    CPU throttled: 42.0 % of periods (5m)');
		expect(text.filter((t) => t.includes('BackOff (x3)'))).toHaveLength(1);
		expect(text.some((t) => t.includes('Pulled'))).toBe(false);
		expect(text.join('\n')).not.toContain('\u001b');
	});
	it('says when there are no cAdvisor series rather than showing nothing', () => {
		const text = describeLines(podDescription({} as V1Pod), [], null, now).map((l) => l.text);
		expect(text.some((t) => t.includes('no cAdvisor series'))).toBe(true);
	});
});
