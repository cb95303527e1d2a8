import type {CoreV1Event, V1Pod} from '@kubernetes/client-node';
import {describe, expect, it} from 'vitest';
import {eventRow, podRow} from '../../../source/sources/kubernetes/rows.ts';
import {slimEvent, slimPod} from '../../../source/sources/kubernetes/slim.ts';

// A pod as the API server sends it, with what slimming drops and everything a row reads:
// a native sidecar (init container with restartPolicy Always), limits, a restart, owners.
const fullPod = (): V1Pod =>
	({
		metadata: {
			name: 'onboarding-api-7d9f-abcde',
			namespace: 'business-onboarding',
			uid: '0f6c2a4e-1111-2222-3333-444455556666',
			generateName: 'onboarding-api-7d9f-',
			labels: {app: 'onboarding-api', 'pod-template-hash': '7d9f'},
			annotations: {'kubectl.kubernetes.io/restartedAt': '2026-11-28T00:00:00Z'},
			creationTimestamp: '2026-11-28T01:00:00Z',
			ownerReferences: [
				{
					apiVersion: 'apps/v1',
					kind: 'ReplicaSet',
					name: 'onboarding-api-7d9f',
					uid: 'x',
					controller: true,
				},
			],
		},
		spec: {
			nodeName: 'node-1',
			schedulerName: 'default-scheduler',
			serviceAccountName: 'default',
			dnsPolicy: 'ClusterFirst',
			volumes: [{name: 'config', configMap: {name: 'c'}}],
			initContainers: [
				{
					name: 'proxy',
					image: 'envoy:1',
					restartPolicy: 'Always',
					resources: {limits: {cpu: '100m', memory: '64Mi'}},
				},
			],
			containers: [
				{
					name: 'app',
					image: 'onboarding-api:2.3.1',
					env: [{name: 'SECRET', value: 'hunter2'}],
					resources: {limits: {cpu: '500m', memory: '512Mi'}},
					livenessProbe: {httpGet: {path: '/healthz', port: 8080}},
				},
			],
		},
		status: {
			phase: 'Running',
			podIP: '10.0.0.7',
			hostIP: '192.168.1.10',
			qosClass: 'Burstable',
			conditions: [{type: 'Ready', status: 'False'}],
			initContainerStatuses: [
				{
					name: 'proxy',
					ready: true,
					restartCount: 0,
					image: 'envoy:1',
					imageID: 'sha256:aa',
					started: true,
					state: {running: {startedAt: '2026-11-28T01:00:05Z'}},
				},
			],
			containerStatuses: [
				{
					name: 'app',
					ready: false,
					restartCount: 3,
					image: 'onboarding-api:2.3.1',
					imageID: 'sha256:bb',
					containerID: 'containerd://cc',
					state: {waiting: {reason: 'CrashLoopBackOff'}},
					lastState: {
						terminated: {reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-28T01:10:00Z'},
					},
				},
			],
		},
	}) as unknown as V1Pod;

describe('slimming cached objects', () => {
	it('changes no pod row (status, ready, restarts, owner, usage against limits)', () => {
		const owners = new Map([['business-onboarding/onboarding-api-7d9f', 'onboarding-api']]);
		const usage = new Map([
			['business-onboarding/onboarding-api-7d9f-abcde', {cpu: 0.45, memory: 500 * 2 ** 20}],
		]);
		const pod = fullPod();
		slimPod(pod);
		expect(podRow(pod, owners, usage)).toEqual(podRow(fullPod(), owners, usage));
		expect(podRow(pod, owners, usage)).toMatchObject({
			status: 'CrashLoopBackOff',
			ready: '1/2',
			restarts: 3,
		});
		// And it did drop what nothing reads, the secret in env among it.
		expect(JSON.stringify(pod)).not.toContain('hunter2');
		expect(pod.spec?.volumes).toBeUndefined();
		expect(pod.status?.podIP).toBeUndefined();
	});

	it('changes no event row', () => {
		const full = (): CoreV1Event =>
			({
				metadata: {
					name: 'e1',
					namespace: 'ns',
					uid: 'u',
					creationTimestamp: '2026-11-28T01:00:00Z',
				},
				involvedObject: {
					kind: 'Pod',
					name: 'p',
					namespace: 'ns',
					uid: 'u2',
					apiVersion: 'v1',
					fieldPath: 'spec.containers{app}',
				},
				type: 'Warning',
				reason: 'BackOff',
				message: 'Back-off restarting failed container',
				count: 7,
				lastTimestamp: '2026-11-28T01:09:00Z',
				source: {component: 'kubelet', host: 'node-1'},
				reportingComponent: 'kubelet',
				reportingInstance: 'node-1',
			}) as unknown as CoreV1Event;
		const event = full();
		slimEvent(event);
		expect(eventRow(event)).toEqual(eventRow(full()));
		expect(event.source).toBeUndefined();
	});
});
