// The runbook's Kubernetes symptoms, produced on the real apiserver. Each
// returns once the symptom can be seen (kubectl shows it), and `reset` puts
// the seeded world back.
import {labPort} from '../context.ts';
import type {LabContext} from '../server.ts';
import {controlExporter, type ServiceControl} from '../servers/exporter.ts';
import {objectPath, removeIfPresent} from './apply.ts';
import {certificateCrdName, installCertificates} from './cert-manager.ts';
import type {KubeClient} from './client.ts';
import {seedKubernetes} from './seed.ts';
import {annotations, simConfigMap} from './sim-config.ts';
import type {Pod} from './types.ts';
import {waitFor} from './wait.ts';
import {onboardingApi, registry, scenarioNode} from './world.ts';

export const crashingImage = `${registry}/onboarding/onboarding-api:2.5.0`;
const simulationPath = objectPath('v1', 'ConfigMap', simConfigMap.name, simConfigMap.namespace);
const rfc3339 = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

type ContainerStatus = {
	restartCount?: number;
	state?: {waiting?: {reason?: string}};
	lastState?: {terminated?: {reason?: string}};
};

async function pods(client: KubeClient, namespace: string, app: string): Promise<Pod[]> {
	return (
		await client.get<{items: Pod[]}>(
			`/api/v1/namespaces/${namespace}/pods?labelSelector=app%3D${app}`,
		)
	).items;
}

function statuses(pod: Pod): ContainerStatus[] {
	return (pod.status?.containerStatuses ?? []) as ContainerStatus[];
}

async function setUsage(
	client: KubeClient,
	key: string,
	usage: {cpu?: string; memory?: string} | null,
): Promise<void> {
	await client.patch(simulationPath, {
		data: {[key]: usage === null ? null : JSON.stringify(usage)},
	});
}

/** A bad release of onboarding-api: 2.5.0 exits at start, the rollout stalls, `rollout undo` fixes it. */
export async function crashloop(ctx: LabContext, client: KubeClient): Promise<void> {
	const {namespace, name} = onboardingApi;
	await client.patch(
		objectPath('apps/v1', 'Deployment', name, namespace),
		{
			metadata: {annotations: {'kubernetes.io/change-cause': 'deploy onboarding-api 2.5.0'}},
			spec: {
				template: {
					metadata: {
						annotations: {
							[annotations.crash]:
								'Error: connect ECONNREFUSED 10.96.41.17:5432 (postgresql.platform-observability:5432): pool exhausted at startup',
						},
					},
					spec: {containers: [{name, image: crashingImage}]},
				},
			},
		},
		'strategic',
	);
	await waitFor(
		async () => {
			const crashing = (await pods(client, namespace, name)).filter((p) =>
				statuses(p).some((s) => s.state?.waiting?.reason === 'CrashLoopBackOff'),
			);
			return crashing.length > 0 ? true : undefined;
		},
		{what: 'onboarding-api pods in CrashLoopBackOff', timeoutMs: 60_000, signal: ctx.signal},
	);
	ctx.log(
		`crashloop: deployment/${name} -n ${namespace} rolled out ${crashingImage}; its new pods crash (undo: kubectl rollout undo deployment/${name} -n ${namespace})`,
	);
}

/** kyc-worker's memory grows past its 256Mi limit: OOMKilled, restarts rising, until the limit is raised. */
export async function oom(ctx: LabContext, client: KubeClient): Promise<void> {
	await setUsage(client, 'business-onboarding.kyc-worker', {memory: '420Mi'});
	await waitFor(
		async () => {
			const killed = (await pods(client, 'business-onboarding', 'kyc-worker')).filter((p) =>
				statuses(p).some((s) => s.lastState?.terminated?.reason === 'OOMKilled'),
			);
			return killed.length > 0 ? true : undefined;
		},
		{what: 'kyc-worker pods OOMKilled', timeoutMs: 60_000, signal: ctx.signal},
	);
	ctx.log(
		'oom: kyc-worker needs 420Mi with a 256Mi limit (fix: kubectl set resources deployment/kyc-worker -n business-onboarding --limits=memory=1Gi)',
	);
}

/** onboarding-api burns 95% of its CPU limit; scaling out spreads the load. */
export async function highCpu(ctx: LabContext, client: KubeClient): Promise<void> {
	// The app's total: 3 pods x 950m of a 1-core limit.
	await setUsage(client, 'business-onboarding.onboarding-api', {cpu: '2850m'});
	await setUsage(client, `node.${scenarioNode}`, {cpu: '1800m'});
	ctx.log(
		'high-cpu: onboarding-api pods near their 1-core CPU limit (kubectl top pods -A --sort-by=cpu)',
	);
	// Near the limit, CFS throttles them: cAdvisor's counters from the exporter, when it runs.
	const running = (await pods(client, onboardingApi.namespace, onboardingApi.name)).filter(
		(p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp,
	);
	const throttle = running.map((p, i) => ({
		namespace: onboardingApi.namespace,
		pod: p.metadata.name,
		container: onboardingApi.name,
		image: p.spec.containers[0]?.image ?? '',
		ratio: [0.42, 0.35, 0.28][i % 3] ?? 0.3,
	}));
	await throttleInExporter(ctx, throttle);
}

/** cAdvisor's throttling series (the exporter's), when the lab runs the exporter. */
async function throttleInExporter(
	ctx: LabContext,
	throttle: NonNullable<ServiceControl['throttle']>,
): Promise<void> {
	if (ctx.ports.exporter === undefined) return;
	try {
		await controlExporter(labPort(ctx, 'exporter'), {throttle});
		if (throttle.length > 0)
			ctx.log(
				`high-cpu: CFS throttling of ${throttle.map((t) => t.pod).join(', ')} (container_cpu_cfs_throttled_periods_total)`,
			);
	} catch (error) {
		ctx.log(`high-cpu: no throttling series (exporter: ${(error as Error).message})`);
	}
}

/** lab-worker-2's kubelet stops posting status: Unknown, tainted unreachable, its pods not ready. */
export async function nodeNotReady(ctx: LabContext, client: KubeClient): Promise<void> {
	const now = rfc3339();
	const unknown = (type: string) => ({
		type,
		status: 'Unknown',
		reason: 'NodeStatusUnknown',
		message: 'Kubelet stopped posting node status.',
		lastTransitionTime: now,
	});
	const nodePath = objectPath('v1', 'Node', scenarioNode);
	// Status first: the fake kubelet leaves a node alone once it is not Ready.
	await client.patch(
		`${nodePath}/status`,
		{status: {conditions: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(unknown)}},
		'strategic',
	);
	// What the node lifecycle controller would do next (the lab does not run it, so nothing is evicted).
	await client.patch(nodePath, {
		spec: {
			taints: [
				{key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: now},
				{key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: now},
			],
		},
	});
	const onNode = (
		await client.get<{items: Pod[]}>(`/api/v1/pods?fieldSelector=spec.nodeName%3D${scenarioNode}`)
	).items;
	for (const pod of onNode) {
		await client.patch(
			`/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`,
			{
				status: {
					conditions: [
						{type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: now},
					],
				},
			},
			'strategic',
		);
	}
	const node = await client.get<{metadata: {uid: string}}>(nodePath);
	await client.create('/api/v1/namespaces/default/events', {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {generateName: `${scenarioNode}.`, namespace: 'default'},
		involvedObject: {kind: 'Node', name: scenarioNode, uid: node.metadata.uid, apiVersion: 'v1'},
		type: 'Normal',
		reason: 'NodeNotReady',
		message: `Node ${scenarioNode} status is now: NodeNotReady`,
		source: {component: 'node-controller'},
		firstTimestamp: now,
		lastTimestamp: now,
		count: 1,
	});
	ctx.log(
		`node-notready: ${scenarioNode} is NotReady (Unknown); ${onNode.length} pods on it are not ready`,
	);
}

/** cert-manager Certificates, one expiring in three days and one failing to renew. */
export async function certExpiry(ctx: LabContext, client: KubeClient): Promise<void> {
	await installCertificates(client);
	ctx.log(
		'cert-expiry: kubectl get certificates -A (onboarding-api-tls expires in 3 days; wildcard-yourdomain-tld is not Ready)',
	);
}

/** Back to the seeded world: overrides cleared, CRD gone, nodes and templates as seeded. */
export async function reset(ctx: LabContext, client: KubeClient): Promise<void> {
	await client.request('PUT', simulationPath, {
		apiVersion: 'v1',
		kind: 'ConfigMap',
		metadata: {name: simConfigMap.name, namespace: simConfigMap.namespace},
		data: {},
	});
	await removeIfPresent(
		client,
		`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${certificateCrdName}`,
	);
	await seedKubernetes(ctx, client);
	await throttleInExporter(ctx, []);
}
