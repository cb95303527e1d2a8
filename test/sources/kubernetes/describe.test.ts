// Pod describe reads the pod from the lab's API server; kubectl reads it too.
import type {V1Pod} from '@kubernetes/client-node';
import {expect, it} from 'vitest';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import {describeLab} from '../../support/lab.ts';
import {kubeconfigOf, kubectlJson} from './helpers.ts';

describeLab('kubernetes pod describe', ['kubernetes'], (lab) => {
	it("the seeded pdf-renderer's OOMKilled last state, resources, node and QoS are kubectl's", async () => {
		const pods = await kubectlJson<{items: V1Pod[]}>(lab, [
			'get',
			'pods',
			'-n',
			'business-onboarding',
			'-l',
			'app=pdf-renderer',
		]);
		const pod = pods.items[0];
		const name = pod?.metadata?.name ?? '';
		const k = openKubernetes(
			{kubeconfig: kubeconfigOf(lab), namespace: 'business-onboarding'},
			{
				circuitBreakerEnv: {},
				rateLimit: {namespace: 'x', configMap: 'x', deployment: 'x', key: 'k'},
			},
		);
		const d = await k.describePod(
			{namespace: 'business-onboarding', name},
			AbortSignal.timeout(10_000),
		);
		expect(d).toMatchObject({
			name,
			node: pod?.spec?.nodeName,
			qosClass: pod?.status?.qosClass,
			controlledBy: `ReplicaSet/${pod?.metadata?.ownerReferences?.[0]?.name}`,
		});
		const c = d.containers[0];
		const status = pod?.status?.containerStatuses?.[0];
		expect(c?.image).toBe(pod?.spec?.containers[0]?.image);
		expect(c?.limits).toEqual(pod?.spec?.containers[0]?.resources?.limits);
		expect(c?.requests).toEqual(pod?.spec?.containers[0]?.resources?.requests);
		expect(c?.restarts).toBe(status?.restartCount);
		expect(c?.lastState?.reason).toBe(status?.lastState?.terminated?.reason);
		expect(c?.lastState?.exitCode).toBe(status?.lastState?.terminated?.exitCode);
		expect(c?.lastState?.reason).toBe('OOMKilled');
		await expect(
			k.describePod(
				{namespace: 'business-onboarding', name: 'no-such-pod'},
				AbortSignal.timeout(10_000),
			),
		).rejects.toThrow();
	}, 60_000);
});
