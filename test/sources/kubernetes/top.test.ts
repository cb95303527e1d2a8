// Pod use from metrics.k8s.io against `kubectl top pods`, and the near-limit
// hint. The lab's usage comes from ConfigMap kube-system/lab-simulation; this
// test writes (and removes) only the key of its own namespace.
import {afterAll, beforeAll, expect, it} from 'vitest';
import type {KubernetesSource} from '../../../source/sources/kubernetes/source.ts';
import {nearLimit} from '../../../source/ui/panels/pods.ts';
import {describeLab} from '../../support/lab.ts';
import {takeLabLock} from '../../support/lab-lock.ts';
import {
	deploymentYaml,
	dropNamespace,
	kubectl,
	ownNamespace,
	rolledOut,
	until,
	watchedSource,
} from './helpers.ts';

describeLab('kubernetes pod use and limits', ['kubernetes'], (lab) => {
	let ns: string;
	let source: KubernetesSource;
	const key = () => `${ns}.hot`;
	/** Sets (or, with null, removes) this file's key in the lab's usage ConfigMap, by merge patch. */
	const simulateUsage = (usage: string | null) =>
		kubectl(lab, [
			'patch',
			'configmap/lab-simulation',
			'-n',
			'kube-system',
			'--type',
			'merge',
			'-p',
			JSON.stringify({data: {[key()]: usage}}),
		]);
	// The lab's scenario reset rewrites lab-simulation whole: hold it off while this file's key is in use.
	let release = () => {};
	beforeAll(async () => {
		release = await takeLabLock('cluster-wide');
	}, 660_000);

	beforeAll(async () => {
		ns = await ownNamespace(lab, 'irtop-k8s-top');
		const hot = JSON.parse(deploymentYaml(ns, 'hot', {memory: '256Mi'}));
		hot.spec.template.spec.containers[0].resources.limits.cpu = '200m';
		await kubectl(lab, ['apply', '-f', '-'], JSON.stringify(hot));
		await simulateUsage(JSON.stringify({cpu: '190m', memory: '100Mi'}));
		await rolledOut(lab, ns, 'hot');
		source = await watchedSource(lab, ns, {metricsIntervalMs: 1000});
	}, 90_000);
	afterAll(async () => {
		try {
			await source?.close();
			// Null removes the key, and does not fail when it is already gone.
			await simulateUsage(null);
			await dropNamespace(lab, ns);
		} finally {
			release();
		}
	});

	it('CPU and memory per pod equal kubectl top pods; 95 % of the CPU limit is hinted', async () => {
		const pod = await until(
			async () => source.read().pods.find((p) => p.deployment === 'hot'),
			(p) => (p?.cpuMillicores ?? 0) > 150,
			30_000,
		);
		// The lab's usage wavers a little from one scrape to the next, as real use does.
		const top = (await kubectl(lab, ['top', 'pods', '-n', ns, '--no-headers'])).trim().split(/\s+/);
		expect(top[0]).toBe(pod?.name);
		expect(
			Math.abs((pod?.cpuMillicores ?? 0) - Number.parseInt(top[1] ?? '', 10)),
		).toBeLessThanOrEqual(10);
		expect(
			Math.abs((pod?.memoryBytes ?? 0) / 2 ** 20 - Number.parseInt(top[2] ?? '', 10)),
		).toBeLessThanOrEqual(5);
		expect(pod?.cpuLimitPercent).toBeGreaterThanOrEqual(90);
		expect(pod?.cpuLimitPercent).toBeLessThanOrEqual(100);
		expect(nearLimit(pod!)).toMatch(/^cpu (9\d|100)%$/);
	}, 40_000);
});
