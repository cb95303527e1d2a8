// Each panel's data equals what kubectl shows for the same cluster, read at
// (nearly) the same moment. The lab's world moves (a pod crash-loops), so
// the comparison is retried until both reads agree. Only the seeded world is
// compared: other test files create and delete their own irtop-* namespaces meanwhile.
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {KubernetesData} from '../../../source/model/index.ts';
import {openKubernetes} from '../../../source/sources/kubernetes/index.ts';
import type {KubernetesSource} from '../../../source/sources/kubernetes/source.ts';
import {describeLab} from '../../support/lab.ts';
import {kubeconfigOf, kubectl, seeded} from './helpers.ts';

const settings = {
	circuitBreakerEnv: {CIRCUIT_BREAKER_ENABLED: 'true'},
	rateLimit: {namespace: 'x', configMap: 'x', deployment: 'x', key: 'limit-rps'},
};

function table(text: string): string[][] {
	return text
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((line) => line.trim().split(/\s{2,}|\s(?=\()|\s+/));
}

async function agreed<T>(ours: () => T, theirs: () => Promise<T>): Promise<{ours: T; theirs: T}> {
	let last: {ours: T; theirs: T} | undefined;
	for (let i = 0; i < 10; i++) {
		const before = await theirs();
		const mine = ours();
		const after = await theirs();
		last = {ours: mine, theirs: after};
		if (
			JSON.stringify(before) === JSON.stringify(after) &&
			JSON.stringify(mine) === JSON.stringify(after)
		)
			return last;
		await new Promise((r) => setTimeout(r, 300));
	}
	return last as {ours: T; theirs: T};
}

describeLab('kubernetes panels equal kubectl', ['kubernetes'], (lab) => {
	let source: KubernetesSource;
	let data: () => KubernetesData;

	beforeAll(async () => {
		const opened = openKubernetes({kubeconfig: kubeconfigOf(lab), allNamespaces: true}, settings);
		source = opened.source;
		source.watch(() => {}, new AbortController().signal);
		await source.poll(AbortSignal.timeout(30_000));
		data = () => source.read();
	});
	afterAll(() => source.close());

	it('pods: count and STATUS and READY per pod, as `kubectl get pods -A`', async () => {
		const {ours, theirs} = await agreed(
			() =>
				data()
					.pods.filter((p) => seeded(p.namespace))
					.map((p) => `${p.namespace} ${p.name} ${p.ready} ${p.status} ${p.restarts}`)
					.sort(),
			async () =>
				table(await kubectl(lab, ['get', 'pods', '-A', '--no-headers']))
					.filter(([ns]) => seeded(ns))
					.map(
						([ns, name, ready, status, restarts]) => `${ns} ${name} ${ready} ${status} ${restarts}`,
					)
					.sort(),
		);
		expect(ours.length).toBeGreaterThan(10);
		expect(ours).toEqual(theirs);
		expect(ours.some((line) => line.includes('CrashLoopBackOff') || line.includes('Error'))).toBe(
			true,
		);
		expect(
			ours.some((line) => line.includes('ImagePullBackOff') || line.includes('ErrImagePull')),
		).toBe(true);
	});

	it('nodes: Ready / NotReady as `kubectl get nodes`', async () => {
		const {ours, theirs} = await agreed(
			() =>
				data()
					.nodes.map((n) => `${n.name} ${n.ready ? 'Ready' : 'NotReady'}`)
					.sort(),
			async () =>
				table(await kubectl(lab, ['get', 'nodes', '--no-headers']))
					.map(([name, status]) => `${name} ${(status ?? '').split(',')[0]}`)
					.sort(),
		);
		expect(ours).toEqual(theirs);
		expect(ours).toContain('lab-worker-4 NotReady');
	});

	it('deployments: ready, up-to-date and available as `kubectl get deploy -A`', async () => {
		const {ours, theirs} = await agreed(
			() =>
				data()
					.deployments.filter((d) => seeded(d.namespace))
					.map(
						(d) => `${d.namespace} ${d.name} ${d.ready}/${d.desired} ${d.updated} ${d.available}`,
					)
					.sort(),
			async () =>
				table(await kubectl(lab, ['get', 'deploy', '-A', '--no-headers']))
					.filter(([ns]) => seeded(ns))
					.map(
						([ns, name, ready, updated, available]) =>
							`${ns} ${name} ${ready} ${updated} ${available}`,
					)
					.sort(),
		);
		expect(ours).toEqual(theirs);
		const api = data().deployments.find((d) => d.name === 'onboarding-api');
		expect(api?.revision).toBeGreaterThanOrEqual(2);
	});

	it('events: the same count as `kubectl get events -A`, newest first', async () => {
		const {ours, theirs} = await agreed(
			() => Math.min(data().events.filter((e) => seeded(e.namespace)).length, 500),
			async () =>
				Math.min(
					table(await kubectl(lab, ['get', 'events', '-A', '--no-headers'])).filter(([ns]) =>
						seeded(ns),
					).length,
					500,
				),
		);
		expect(ours).toBe(theirs);
		const times = data().events.map((e) => e.lastSeenAt ?? 0);
		expect(times).toEqual(times.toSorted((a, b) => b - a));
	});

	it('metrics.k8s.io gives nodes CPU and memory %', async () => {
		const nodes = await new Promise<KubernetesData['nodes']>((resolve, reject) => {
			const deadline = Date.now() + 20_000;
			const check = () => {
				const n = data().nodes;
				if (n.some((x) => x.cpuPercent !== null)) resolve(n);
				else if (Date.now() > deadline)
					reject(new Error(data().metricsUnavailable ?? 'no metrics'));
				else setTimeout(check, 250);
			};
			check();
		});
		const ready = nodes.find((n) => n.name === 'lab-worker-1');
		expect(ready?.memoryPercent).toBeTypeOf('number');
	});
});
