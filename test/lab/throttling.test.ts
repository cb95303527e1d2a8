// The pod describe's CPU throttling (the runbook's `kubectl describe pod | grep
// -i throttle`) in the high-cpu scenario: the lab's exporter serves cAdvisor's
// CFS counters for the onboarding-api pods near their limit, Prometheus scrapes
// them, and irtop's figure equals the runbook's PromQL sent straight to
// Prometheus, both evaluated at one instant.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {podThrottling} from '../../source/cli/throttling.ts';
import {parseConfig} from '../../source/config/index.ts';
import {eventually} from '../support/eventually.ts';
import {describeLab, labCli, tool} from '../support/lab.ts';
import {takeLabLock} from '../support/lab-lock.ts';

describeLab(
	'CPU throttling in the high-cpu scenario',
	['kubernetes', 'prometheus', 'exporter'],
	(lab) => {
		const kubeconfig = String(lab.details('kubernetes').kubeconfig);
		const config = parseConfig(
			`prometheus: {url: ${JSON.stringify(lab.prometheus.url)}}\n`,
			null,
			{},
		);
		let release = () => {};

		beforeAll(async () => {
			// The scenario changes the shared world (usage ConfigMap, the exporter): one at a time.
			release = await takeLabLock('cluster-wide');
			await labCli('scenario', 'high-cpu');
		}, 660_000);
		afterAll(async () => {
			try {
				await labCli('scenario', 'reset', 'high-cpu');
			} finally {
				release();
			}
		}, 180_000);

		it("irtop's throttling figure per container equals the PromQL sent straight to Prometheus", async () => {
			const names = (
				await tool('kubectl', [
					'--kubeconfig',
					kubeconfig,
					'get',
					'pods',
					'-n',
					'business-onboarding',
					'-l',
					'app=onboarding-api',
					'--field-selector=status.phase=Running',
					'-o',
					'jsonpath={.items[*].metadata.name}',
				])
			)
				.trim()
				.split(/\s+/);
			expect(names.length).toBeGreaterThan(0);
			const pod = {namespace: 'business-onboarding', name: names[0] ?? ''};
			// One instant a few seconds back, so every scrape before it is stored, on both sides;
			// rate() needs two scrapes before it (the lab scrapes every second).
			let at = 0;
			const mine = await eventually(
				() => {
					at = Date.now() - 3000;
					return podThrottling(config, pod, AbortSignal.timeout(5000), at);
				},
				(r) => r !== null,
				30_000,
				500,
			);
			const promql = `rate(container_cpu_cfs_throttled_periods_total{namespace="${pod.namespace}",pod="${pod.name}"}[5m]) / rate(container_cpu_cfs_periods_total{namespace="${pod.namespace}",pod="${pod.name}"}[5m])`;
			const response = await fetch(
				`${lab.prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}&time=${at / 1000}`,
			);
			const body = (await response.json()) as {
				data: {result: {metric: {container: string}; value: [number, string]}[]};
			};
			const theirs = new Map(body.data.result.map((r) => [r.metric.container, Number(r.value[1])]));
			expect(mine).toEqual(theirs);
			expect([...theirs.keys()]).toEqual(['onboarding-api']);
			// Throttled as the scenario set it (0.42, 0.35 or 0.28 of the periods), give or take whole periods.
			const ratio = theirs.get('onboarding-api') ?? 0;
			expect(ratio).toBeGreaterThan(0.2);
			expect(ratio).toBeLessThan(0.5);
		}, 60_000);

		it('a pod the scenario does not throttle has no figure (no cAdvisor series)', async () => {
			const none = await podThrottling(
				config,
				{namespace: 'business-onboarding', name: 'no-such-pod'},
				AbortSignal.timeout(5000),
			);
			expect(none).toBeNull();
		});
	},
);
