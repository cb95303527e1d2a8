// The lab's Kubernetes control plane, seen the way irtop and the runbook see
// it: through kubectl and through @kubernetes/client-node with .lab/kubeconfig.
// Needs `npm run lab:up` (skipped locally without it, a failure under CI=true).
import {
	AppsV1Api,
	CoreV1Api,
	KubeConfig,
	Metrics,
	PatchStrategy,
	setHeaderOptions,
	type V1Pod,
} from '@kubernetes/client-node';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {kubernetesScenarioNames} from '../../scripts/lab/scenario.ts';
import {seeded} from '../sources/kubernetes/helpers.ts';
import {eventually as poll} from '../support/eventually.ts';
import {describeLab, labCli, tool} from '../support/lab.ts';
import {takeLabLock} from '../support/lab-lock.ts';

// Prometheus windows and controllers take seconds: a longer wait, read every half second.
const eventually = <T>(read: () => Promise<T>, ok: (value: T) => boolean) =>
	poll(read, ok, 45_000, 500);

describeLab('lab kubernetes', ['kubernetes'], (lab) => {
	const kubeconfig = String(lab.details('kubernetes').kubeconfig);
	const readonlyContext = String(lab.details('kubernetes').readonlyContext);
	const kubectl = (...args: string[]) => tool('kubectl', ['--kubeconfig', kubeconfig, ...args]);
	const config = (context?: string) => {
		const kc = new KubeConfig();
		kc.loadFromFile(kubeconfig);
		if (context) kc.setCurrentContext(context);
		return kc;
	};
	let pods: V1Pod[] = [];
	const pod = (app: string) => pods.find((p) => p.metadata?.labels?.app === app);

	// Other test files run their own deployments (some named onboarding-api) in irtop-* namespaces.
	beforeAll(async () => {
		pods = (await config().makeApiClient(CoreV1Api).listPodForAllNamespaces()).items.filter((p) =>
			seeded(p.metadata?.namespace),
		);
	});

	it('answers kubectl get ns with the runbook namespaces', async () => {
		const names = (await kubectl('get', 'ns', '-o', 'name')).split('\n');
		for (const ns of [
			'business-onboarding',
			'platform-observability',
			'platform-ingress',
			'platform-security',
		]) {
			expect(names).toContain(`namespace/${ns}`);
		}
	});

	it('shows the seeded pod states in kubectl STATUS', async () => {
		const rows = (await kubectl('get', 'pods', '-A', '--no-headers'))
			.trim()
			.split('\n')
			.map((line) => line.split(/\s+/))
			.filter((r) => seeded(r[0]));
		const status = (prefix: string) =>
			rows.filter((r) => r[1]?.startsWith(prefix)).map((r) => r[3]);
		expect(status('onboarding-api-')).toEqual(['Running', 'Running', 'Running']);
		expect(status('document-parser-')).toEqual(['CrashLoopBackOff']);
		expect(status('risk-scoring-')).toEqual(['Pending']);
		expect(status('vault-agent-injector-')).toEqual(['ImagePullBackOff']);
		const pdf = rows.find((r) => r[1]?.startsWith('pdf-renderer-'));
		expect(pdf?.[3]).toBe('Running');
		expect(pdf?.[4]).toBe('1');
	});

	it('gives client-node the same pods, with reasons and last states', () => {
		const crashing = pod('document-parser')?.status?.containerStatuses?.[0];
		expect(crashing?.state?.waiting?.reason).toBe('CrashLoopBackOff');
		expect(crashing?.restartCount).toBeGreaterThan(0);
		expect(crashing?.lastState?.terminated?.reason).toBe('Error');
		expect(pod('pdf-renderer')?.status?.containerStatuses?.[0]?.lastState?.terminated?.reason).toBe(
			'OOMKilled',
		);
		const scheduled = pod('risk-scoring')?.status?.conditions?.find(
			(c) => c.type === 'PodScheduled',
		);
		expect(scheduled?.status).toBe('False');
		expect(scheduled?.reason).toBe('Unschedulable');
		expect(scheduled?.message).toMatch(/Insufficient cpu/);
		const running = pods.filter((p) => p.metadata?.labels?.app === 'onboarding-api');
		expect(running.every((p) => p.status?.phase === 'Running' && p.spec?.nodeName)).toBe(true);
		expect(
			running.every((p) =>
				p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
			),
		).toBe(true);
	});

	it('has two real revisions of onboarding-api, made by the controller manager', async () => {
		const apps = config().makeApiClient(AppsV1Api);
		const sets = (
			await apps.listNamespacedReplicaSet({
				namespace: 'business-onboarding',
				labelSelector: 'app=onboarding-api',
			})
		).items;
		const owned = sets.filter((rs) =>
			rs.metadata?.ownerReferences?.some(
				(o) => o.kind === 'Deployment' && o.name === 'onboarding-api',
			),
		);
		expect(owned.length).toBeGreaterThanOrEqual(2);
		const images = owned.map((rs) => rs.spec?.template?.spec?.containers[0]?.image);
		expect(images).toContain('registry.lab.irtop.dev/onboarding/onboarding-api:2.4.0');
		expect(images).toContain('registry.lab.irtop.dev/onboarding/onboarding-api:2.4.1');
		const deployment = await apps.readNamespacedDeployment({
			name: 'onboarding-api',
			namespace: 'business-onboarding',
		});
		expect(deployment.status?.availableReplicas).toBe(3);
		const history = await kubectl(
			'rollout',
			'history',
			'deployment/onboarding-api',
			'-n',
			'business-onboarding',
		);
		expect(history).toMatch(/deploy onboarding-api 2\.4\.0/);
	});

	it("reports nodes' Ready and pressure conditions alike to kubectl and client-node", async () => {
		const rows = (await kubectl('get', 'nodes', '--no-headers'))
			.trim()
			.split('\n')
			.map((l) => l.split(/\s+/));
		const kubectlStatus = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
		expect(kubectlStatus['lab-worker-1']).toBe('Ready');
		expect(kubectlStatus['lab-worker-4']).toBe('NotReady');
		const nodes = (await config().makeApiClient(CoreV1Api).listNode()).items;
		const condition = (name: string, type: string) =>
			nodes.find((n) => n.metadata?.name === name)?.status?.conditions?.find((c) => c.type === type)
				?.status;
		expect(nodes.length).toBeGreaterThanOrEqual(3);
		for (const node of nodes) {
			const ready = condition(node.metadata!.name!, 'Ready') === 'True';
			expect(kubectlStatus[node.metadata!.name!]?.startsWith(ready ? 'Ready' : 'NotReady')).toBe(
				true,
			);
			expect(node.status?.allocatable?.cpu).toBeTruthy();
			expect(node.status?.allocatable?.memory).toBeTruthy();
		}
		expect(condition('lab-worker-3', 'MemoryPressure')).toBe('True');
	});

	it('has Normal and Warning events with counts and timestamps', async () => {
		const events = (await config().makeApiClient(CoreV1Api).listEventForAllNamespaces()).items;
		expect(events.some((e) => e.type === 'Warning' && e.reason === 'BackOff')).toBe(true);
		expect(events.some((e) => e.type === 'Warning' && e.reason === 'FailedScheduling')).toBe(true);
		expect(events.some((e) => e.type === 'Normal' && e.reason === 'ScalingReplicaSet')).toBe(true);
		expect(events.some((e) => (e.count ?? 0) > 1 && e.lastTimestamp)).toBe(true);
	});

	it('lets the read-only user read but not patch', async () => {
		const readonly = config(readonlyContext);
		const apps = readonly.makeApiClient(AppsV1Api);
		await expect(
			apps.readNamespacedDeployment({name: 'onboarding-api', namespace: 'business-onboarding'}),
		).resolves.toBeTruthy();
		await expect(
			apps.patchNamespacedDeployment(
				{name: 'onboarding-api', namespace: 'business-onboarding', body: {spec: {replicas: 5}}},
				setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
			),
		).rejects.toMatchObject({code: 403});
		const denied = await kubectl(
			'--context',
			readonlyContext,
			'auth',
			'can-i',
			'patch',
			'deployments',
			'-n',
			'business-onboarding',
		).catch((error: {stdout?: string}) => error.stdout ?? '');
		expect(denied.trim()).toBe('no');
	});

	it('answers kubectl top pods -A and top nodes through the metrics.k8s.io stand-in', async () => {
		const top = await kubectl('top', 'pods', '-A');
		expect(top).toMatch(/onboarding-api-\S+\s+\d+m\s+\d+Mi/);
		expect(await kubectl('top', 'nodes')).toMatch(/lab-worker-1\s+\d+m/);
		const metrics = new Metrics(config());
		const nodes = await metrics.getNodeMetrics();
		expect(nodes.items.map((n) => n.metadata.name)).toContain('lab-worker-1');
		const podMetrics = await metrics.getPodMetrics('business-onboarding');
		expect(podMetrics.items.some((p) => p.metadata.name.startsWith('onboarding-api-'))).toBe(true);
	});

	it('serves container logs through the apiserver: tail, previous, and a refusal while pulling', async () => {
		const tail = await kubectl(
			'logs',
			'deployment/onboarding-api',
			'-n',
			'business-onboarding',
			'--tail=5',
		);
		expect(tail.trim().split('\n')).toHaveLength(5);
		expect(tail).toMatch(/(INFO|WARN|ERROR) /);
		const crashing = pod('document-parser')!;
		const previous = await kubectl(
			'logs',
			crashing.metadata!.name!,
			'-n',
			'business-onboarding',
			'--previous',
		);
		expect(previous.trim().split('\n').at(-1)).toMatch(/^panic: /);
		const core = config().makeApiClient(CoreV1Api);
		const viaClient = await core.readNamespacedPodLog({
			name: crashing.metadata!.name!,
			namespace: 'business-onboarding',
			tailLines: 1,
		});
		expect(viaClient.trim()).toMatch(/^panic: /);
		const pulling = pod('vault-agent-injector')!;
		await expect(
			kubectl('logs', pulling.metadata!.name!, '-n', 'platform-security'),
		).rejects.toThrow(/waiting to start: trying and failing to pull image/);
	});

	// The scenarios change the shared world, so they run last, one after another, and reset after.
	describe('scenarios', () => {
		// The reset below removes the cluster-wide Certificate CRD that another file may be using.
		let release = () => {};
		beforeAll(async () => {
			release = await takeLabLock('cluster-wide');
		}, 660_000);
		afterAll(async () => {
			try {
				// Only these scenarios: a bare reset would also end other files' Postgres and Kafka scenarios.
				await labCli('scenario', 'reset', ...kubernetesScenarioNames);
			} finally {
				release();
			}
		}, 180_000);
		const statuses = async (app: string) =>
			(
				await config()
					.makeApiClient(CoreV1Api)
					.listNamespacedPod({namespace: 'business-onboarding', labelSelector: `app=${app}`})
			).items.flatMap((p) => p.status?.containerStatuses ?? []);

		it('crashloop: a bad onboarding-api release crashes, rollout undo brings it back', async () => {
			await labCli('scenario', 'crashloop');
			const crashing = (await statuses('onboarding-api')).filter(
				(s) => s.state?.waiting?.reason === 'CrashLoopBackOff',
			);
			expect(crashing.length).toBeGreaterThan(0);
			expect(crashing[0]?.lastState?.terminated?.reason).toBe('Error');
			await kubectl('rollout', 'undo', 'deployment/onboarding-api', '-n', 'business-onboarding');
			await kubectl(
				'rollout',
				'status',
				'deployment/onboarding-api',
				'-n',
				'business-onboarding',
				'--timeout=60s',
			);
			const after = await eventually(
				() => statuses('onboarding-api'),
				(s) => s.length === 3 && s.every((c) => c.ready),
			);
			expect(after.map((c) => c.image)).toEqual(
				Array(3).fill('registry.lab.irtop.dev/onboarding/onboarding-api:2.4.1'),
			);
		}, 120_000);

		it('oom: kyc-worker is OOMKilled until its memory limit is raised', async () => {
			await labCli('scenario', 'oom');
			const killed = await statuses('kyc-worker');
			expect(
				killed.some(
					(s) => s.lastState?.terminated?.reason === 'OOMKilled' && (s.restartCount ?? 0) > 0,
				),
			).toBe(true);
			await kubectl(
				'set',
				'resources',
				'deployment/kyc-worker',
				'-n',
				'business-onboarding',
				'--limits=memory=1Gi',
			);
			await kubectl(
				'rollout',
				'status',
				'deployment/kyc-worker',
				'-n',
				'business-onboarding',
				'--timeout=60s',
			);
			const healthy = await eventually(
				() => statuses('kyc-worker'),
				(s) => s.length === 2 && s.every((c) => c.ready && c.restartCount === 0),
			);
			expect(healthy.every((c) => c.state?.running)).toBe(true);
		}, 120_000);

		it('high-cpu: onboarding-api pods run near their CPU limit in kubectl top', async () => {
			await labCli('scenario', 'high-cpu');
			const top = await kubectl(
				'top',
				'pods',
				'-n',
				'business-onboarding',
				'-l',
				'app=onboarding-api',
				'--no-headers',
			);
			const millicores = top
				.trim()
				.split('\n')
				.map((l) => Number.parseInt(l.split(/\s+/)[1] ?? '0', 10));
			expect(millicores.every((m) => m >= 850)).toBe(true);
		});

		it('node-notready: lab-worker-2 goes NotReady and its pods not ready', async () => {
			await labCli('scenario', 'node-notready');
			const rows = (await kubectl('get', 'nodes', '--no-headers')).split('\n');
			expect(rows.find((r) => r.startsWith('lab-worker-2'))).toMatch(/NotReady/);
			const pods = (
				await config()
					.makeApiClient(CoreV1Api)
					.listPodForAllNamespaces({fieldSelector: 'spec.nodeName=lab-worker-2'})
			).items;
			expect(pods.length).toBeGreaterThan(0);
			expect(
				pods.every((p) =>
					p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'False'),
				),
			).toBe(true);
		});

		it('cert-expiry: a cert-manager Certificate expires within days', async () => {
			await labCli('scenario', 'cert-expiry');
			const out = await kubectl(
				'get',
				'certificates',
				'-A',
				'-o',
				'jsonpath={range .items[*]}{.metadata.name} {.status.notAfter}{"\\n"}{end}',
			);
			const soon = out
				.trim()
				.split('\n')
				.map((l) => l.split(' '))
				.filter(([, notAfter]) => Date.parse(notAfter ?? '') - Date.now() < 14 * 24 * 3600_000);
			expect(soon.map(([name]) => name)).toContain('onboarding-api-tls');
		});
	});
});
