// Reads of the Kubernetes source rebuild only what changed: a big cluster is
// read up to ten times a second while it churns. Against the lab's apiserver,
// in a namespace of the test's own.
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {KubernetesSource} from '../../../source/sources/kubernetes/source.ts';
import {describeLab} from '../../support/lab.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubectl,
	ownNamespace,
	rolledOut,
	until,
	watchedSource,
} from './helpers.ts';

describeLab('kubernetes reads rebuild only what changed', ['kubernetes'], (lab) => {
	let ns: string;
	let source: KubernetesSource;

	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-incremental');
		await kubectl(lab, ['apply', '-f', '-'], deploymentYaml(ns, 'api', {replicas: 2}));
		await rolledOut(lab, ns, 'api');
		source = await watchedSource(lab, ns, {metricsIntervalMs: 3_600_000});
		await until(
			async () => source.read().pods,
			(pods) => pods.length === 2,
		);
	}, 90_000);
	afterAll(async () => {
		await source?.close();
		await dropNamespace(lab, ns);
	});

	it('hands back the same data while nothing changes, and new rows only for the changed pod', async () => {
		// The lab's kubelet may still be writing the fresh pods' status: start from a quiet second.
		const settled = async () => {
			for (let before = source.read(); ; ) {
				await new Promise((r) => setTimeout(r, 1000));
				const now = source.read();
				if (now === before) return now;
				before = now;
			}
		};
		const touch = async (name: string, value: string) => {
			const before = await settled();
			await kubectl(lab, [
				'annotate',
				'--overwrite',
				'pod',
				name,
				'-n',
				ns,
				`irtop.test/touched=${value}`,
			]);
			return until(
				async () => source.read(),
				(data) => data !== before,
			);
		};
		const [changed] = source.read().pods;
		const first = await touch(changed!.name, 'once');
		expect(source.read()).toBe(first);
		const untouched = first.pods.find((p) => p.name !== changed!.name);
		const next = await touch(changed!.name, 'twice');
		expect(next.pods).not.toBe(first.pods);
		// The untouched pod's row is the same object; deployments did not move.
		expect(next.pods.find((p) => p.name === untouched!.name)).toBe(untouched);
		expect(next.deployments).toBe(first.deployments);
	}, 30_000);

	it('keeps no server-side-apply bookkeeping (managedFields) in its caches', async () => {
		const served = JSON.parse(
			await kubectl(lab, ['get', 'pods', '-n', ns, '-o', 'json', '--show-managed-fields']),
		) as {items: {metadata: {managedFields?: unknown[]}}[]};
		expect(served.items[0]?.metadata.managedFields?.length).toBeGreaterThan(0);
		for (const pod of source.pods.list()) expect(pod.metadata?.managedFields).toBeUndefined();
	});
});
