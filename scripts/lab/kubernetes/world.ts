// The runbook's world, as objects: namespaces, nodes, workloads (some of them
// in trouble on purpose) and the ingress controller's configmap.
import type {KubeObject} from './apply.ts';
import {annotations} from './sim-config.ts';
import {kubernetesVersion} from './version.ts';

export const namespaces = [
	'business-onboarding',
	'platform-observability',
	'platform-ingress',
	'platform-security',
] as const;

export const registry = 'registry.lab.irtop.dev';

/** onboarding-api's two revisions: the seed rolls out the first, then the second. */
export const onboardingImages = [
	`${registry}/onboarding/onboarding-api:2.4.0`,
	`${registry}/onboarding/onboarding-api:2.4.1`,
] as const;

export function namespaceObjects(): KubeObject[] {
	return namespaces.map((name) => ({
		apiVersion: 'v1',
		kind: 'Namespace',
		metadata: {name, labels: {'irtop.dev/lab': 'true'}},
	}));
}

interface NodeSpec {
	name: string;
	index: number;
	cpu: number;
	memoryGi: number;
	/** MemoryPressure True (the kubelet's eviction threshold is met). */
	memoryPressure?: boolean;
	/** Ready False: the kubelet runs but reports the node not ready. */
	notReady?: boolean;
}

export const nodeSpecs: readonly NodeSpec[] = [
	{name: 'lab-worker-1', index: 1, cpu: 4, memoryGi: 16},
	{name: 'lab-worker-2', index: 2, cpu: 4, memoryGi: 16},
	{name: 'lab-worker-3', index: 3, cpu: 4, memoryGi: 8, memoryPressure: true},
	{name: 'lab-worker-4', index: 4, cpu: 2, memoryGi: 8, notReady: true},
];

/** The node the node-notready scenario takes down (it runs workloads). */
export const scenarioNode = 'lab-worker-2';

export function nodeObject(spec: NodeSpec): KubeObject {
	const taints = [
		// What TaintNodesByCondition would add; the lab runs no node lifecycle controller.
		...(spec.memoryPressure
			? [{key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule'}]
			: []),
		...(spec.notReady ? [{key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule'}] : []),
	];
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {
			name: spec.name,
			labels: {
				'kubernetes.io/hostname': spec.name,
				'kubernetes.io/os': 'linux',
				'kubernetes.io/arch': 'amd64',
				'beta.kubernetes.io/os': 'linux',
				'beta.kubernetes.io/arch': 'amd64',
				'node.kubernetes.io/instance-type': spec.cpu >= 4 ? 'lab.xlarge' : 'lab.large',
				'topology.kubernetes.io/zone': `lab-zone-${String.fromCharCode(96 + spec.index)}`,
			},
		},
		spec: {podCIDR: `10.244.${spec.index}.0/24`, podCIDRs: [`10.244.${spec.index}.0/24`], taints},
	};
}

function condition(
	type: string,
	status: boolean,
	reason: string,
	message: string,
	since: string,
	heartbeat: string,
) {
	return {
		type,
		status: status ? 'True' : 'False',
		reason,
		message,
		lastHeartbeatTime: heartbeat,
		lastTransitionTime: since,
	};
}

/** The node's status as its kubelet would post it; `now` is an RFC 3339 time. */
export function nodeStatus(
	spec: NodeSpec,
	now: string,
	bootedAt: string,
	kubeletPort: number,
): KubeObject {
	const gi = 2 ** 20; // Ki per Gi
	const capacityMemory = spec.memoryGi * gi;
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {name: spec.name},
		status: {
			capacity: {
				cpu: String(spec.cpu),
				memory: `${capacityMemory}Ki`,
				pods: '110',
				'ephemeral-storage': '102350Mi',
				'hugepages-2Mi': '0',
			},
			allocatable: {
				cpu: `${spec.cpu * 1000 - 200}m`,
				memory: `${capacityMemory - 800 * 1024}Ki`,
				pods: '110',
				'ephemeral-storage': '94321Mi',
				'hugepages-2Mi': '0',
			},
			conditions: [
				spec.memoryPressure
					? condition(
							'MemoryPressure',
							true,
							'KubeletHasInsufficientMemory',
							'kubelet has insufficient memory available',
							now,
							now,
						)
					: condition(
							'MemoryPressure',
							false,
							'KubeletHasSufficientMemory',
							'kubelet has sufficient memory available',
							bootedAt,
							now,
						),
				condition(
					'DiskPressure',
					false,
					'KubeletHasNoDiskPressure',
					'kubelet has no disk pressure',
					bootedAt,
					now,
				),
				condition(
					'PIDPressure',
					false,
					'KubeletHasSufficientPID',
					'kubelet has sufficient PID available',
					bootedAt,
					now,
				),
				spec.notReady
					? condition(
							'Ready',
							false,
							'KubeletNotReady',
							'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
							now,
							now,
						)
					: condition(
							'Ready',
							true,
							'KubeletReady',
							'kubelet is posting ready status',
							bootedAt,
							now,
						),
			],
			addresses: [
				{type: 'InternalIP', address: `10.0.0.${10 + spec.index}`},
				{type: 'Hostname', address: spec.name},
				// Where the apiserver reaches this node's (fake) kubelet for logs.
				{type: 'InternalDNS', address: 'localhost'},
			],
			daemonEndpoints: {kubeletEndpoint: {Port: kubeletPort}},
			nodeInfo: {
				machineID: `${spec.index}`.padStart(32, 'a'),
				systemUUID: `${String(spec.index).padStart(8, '0')}-0000-4000-8000-000000000000`,
				bootID: `${String(spec.index).padStart(8, 'b')}-0000-4000-8000-000000000000`,
				kernelVersion: '6.1.0-28-amd64',
				osImage: 'Debian GNU/Linux 12 (bookworm)',
				containerRuntimeVersion: 'containerd://1.7.24',
				kubeletVersion: kubernetesVersion,
				kubeProxyVersion: kubernetesVersion,
				operatingSystem: 'linux',
				architecture: 'amd64',
			},
		},
	};
}

interface ContainerSpec {
	name?: string;
	image: string;
	cpu: string;
	memory: string;
	cpuLimit?: string;
	memoryLimit?: string;
	port?: number;
	env?: Record<string, string>;
}

interface WorkloadSpec {
	namespace: string;
	name: string;
	replicas: number;
	containers: ContainerSpec[];
	/** Simulation annotations on the pod template (see sim-config.ts). */
	sim?: Record<string, string>;
	/** Expected to become available; the seed waits for these. */
	healthy: boolean;
	kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet';
	strategy?: Record<string, unknown>;
	progressDeadlineSeconds?: number;
	tolerations?: Record<string, unknown>[];
}

export function podTemplate(w: WorkloadSpec): Record<string, unknown> {
	return {
		metadata: {labels: {app: w.name}, ...(w.sim ? {annotations: w.sim} : {})},
		spec: {
			...(w.tolerations ? {tolerations: w.tolerations} : {}),
			containers: w.containers.map((c) => ({
				name: c.name ?? w.name,
				image: c.image,
				...(c.port ? {ports: [{containerPort: c.port, name: 'http', protocol: 'TCP'}]} : {}),
				...(c.env ? {env: Object.entries(c.env).map(([name, value]) => ({name, value}))} : {}),
				resources: {
					requests: {cpu: c.cpu, memory: c.memory},
					limits: {cpu: c.cpuLimit ?? c.cpu, memory: c.memoryLimit ?? c.memory},
				},
			})),
		},
	};
}

export function workloadObject(
	w: WorkloadSpec,
	template = podTemplate(w),
	extraAnnotations: Record<string, string> = {},
): KubeObject {
	const kind = w.kind ?? 'Deployment';
	return {
		apiVersion: 'apps/v1',
		kind,
		metadata: {
			name: w.name,
			namespace: w.namespace,
			labels: {app: w.name, 'irtop.dev/lab': 'true'},
			annotations: extraAnnotations,
		},
		spec: {
			// A DaemonSet runs one pod per eligible node: it has no replicas.
			...(kind === 'DaemonSet' ? {} : {replicas: w.replicas}),
			selector: {matchLabels: {app: w.name}},
			template,
			...(kind === 'StatefulSet' ? {serviceName: w.name} : {}),
			...(kind === 'Deployment' ? {strategy: w.strategy ?? defaultStrategy(w)} : {}),
			...(w.progressDeadlineSeconds ? {progressDeadlineSeconds: w.progressDeadlineSeconds} : {}),
		},
	};
}

// A workload that never becomes available is replaced all at once: a rolling
// update would keep its old pod forever beside the new one.
function defaultStrategy(w: WorkloadSpec): Record<string, unknown> {
	return w.healthy
		? {type: 'RollingUpdate', rollingUpdate: {maxSurge: '25%', maxUnavailable: '25%'}}
		: {type: 'Recreate'};
}

const app = (
	image: string,
	cpu: string,
	memory: string,
	extra: Partial<ContainerSpec> = {},
): ContainerSpec => ({image, cpu, memory, ...extra});

export const onboardingApi: WorkloadSpec = {
	namespace: 'business-onboarding',
	name: 'onboarding-api',
	replicas: 3,
	healthy: true,
	containers: [
		app(onboardingImages[1], '250m', '256Mi', {
			cpuLimit: '1',
			memoryLimit: '512Mi',
			port: 8080,
			env: {
				DATABASE_URL:
					'postgres://onboarding_user@postgresql.platform-observability:5432/onboarding',
				REDIS_URL: 'redis://redis-master.platform-observability:6379',
			},
		}),
	],
	// One surge plus one unavailable: a bad rollout takes two pods down with it.
	strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 1}},
	// Stalled rollouts are reported after two minutes rather than ten.
	progressDeadlineSeconds: 120,
};

export const workloads: readonly WorkloadSpec[] = [
	onboardingApi,
	// The oom scenario raises its memory past this limit.
	{
		namespace: 'business-onboarding',
		name: 'kyc-worker',
		replicas: 2,
		healthy: true,
		containers: [
			app(`${registry}/onboarding/kyc-worker:1.8.2`, '100m', '128Mi', {
				cpuLimit: '500m',
				memoryLimit: '256Mi',
			}),
		],
	},
	// Crashes at start and has been doing so for a while.
	{
		namespace: 'business-onboarding',
		name: 'document-parser',
		replicas: 1,
		healthy: false,
		// Its port gives it a Service whose only endpoint never becomes ready.
		containers: [
			app(`${registry}/onboarding/document-parser:0.9.3`, '100m', '128Mi', {port: 8080}),
		],
		sim: {
			[annotations.crash]: 'panic: open /etc/parser/config.yaml: no such file or directory',
			[annotations.priorRestarts]: '12',
			[annotations.terminatedFor]: '0',
		},
	},
	// Was OOM-killed once, fine since.
	{
		namespace: 'business-onboarding',
		name: 'pdf-renderer',
		replicas: 1,
		healthy: true,
		containers: [
			app(`${registry}/onboarding/pdf-renderer:3.1.0`, '200m', '384Mi', {memoryLimit: '512Mi'}),
		],
		sim: {[annotations.oomOnce]: 'true'},
	},
	// Asks for more CPU than any node has: Pending, Unschedulable.
	{
		namespace: 'business-onboarding',
		name: 'risk-scoring',
		replicas: 1,
		healthy: false,
		containers: [app(`${registry}/onboarding/risk-scoring:2.0.0`, '16', '24Gi')],
	},
	{
		namespace: 'platform-observability',
		name: 'prometheus-server',
		replicas: 1,
		healthy: true,
		containers: [
			app('quay.io/prometheus/prometheus:v2.53.0', '500m', '1Gi', {memoryLimit: '2Gi', port: 9090}),
		],
	},
	{
		namespace: 'platform-observability',
		name: 'grafana',
		replicas: 1,
		healthy: true,
		containers: [app('grafana/grafana:11.1.0', '100m', '256Mi', {port: 3000})],
	},
	// A StatefulSet, as the runbook restarts it (`kubectl rollout restart statefulset/postgresql`).
	{
		namespace: 'platform-observability',
		name: 'postgresql',
		kind: 'StatefulSet',
		replicas: 1,
		healthy: true,
		containers: [app('postgres:15.8', '500m', '1Gi', {memoryLimit: '2Gi', port: 5432})],
	},
	{
		namespace: 'platform-observability',
		name: 'redis-master',
		replicas: 1,
		healthy: true,
		containers: [app('redis:7.2.5', '100m', '256Mi', {port: 6379})],
	},
	{
		namespace: 'platform-observability',
		name: 'kafka',
		kind: 'StatefulSet',
		replicas: 1,
		healthy: true,
		containers: [app('apache/kafka:3.9.1', '500m', '1Gi', {memoryLimit: '2Gi', port: 9092})],
	},
	{
		namespace: 'platform-ingress',
		name: 'ingress-nginx-controller',
		replicas: 2,
		healthy: true,
		containers: [
			app('registry.k8s.io/ingress-nginx/controller:v1.11.2', '100m', '90Mi', {
				cpuLimit: '1',
				memoryLimit: '256Mi',
				port: 80,
				name: 'controller',
			}),
		],
	},
	{
		namespace: 'platform-security',
		name: 'cert-manager',
		replicas: 1,
		healthy: true,
		containers: [
			app('quay.io/jetstack/cert-manager-controller:v1.15.3', '50m', '64Mi', {
				memoryLimit: '256Mi',
			}),
		],
	},
	// One pod per schedulable node (the DaemonSet controller leaves out the NotReady one).
	{
		namespace: 'platform-observability',
		name: 'fluent-bit',
		kind: 'DaemonSet',
		replicas: 0,
		healthy: true,
		containers: [
			app('cr.fluentbit.io/fluent/fluent-bit:3.1.9', '50m', '64Mi', {
				memoryLimit: '128Mi',
				port: 2020,
			}),
		],
	},
	// Its image tag does not exist: ImagePullBackOff.
	{
		namespace: 'platform-security',
		name: 'vault-agent-injector',
		replicas: 1,
		healthy: false,
		containers: [app('hashicorp/vault-k8s:1.99.0-does-not-exist', '50m', '64Mi')],
	},
	{
		namespace: 'kube-system',
		name: 'coredns',
		replicas: 2,
		healthy: true,
		containers: [
			app('registry.k8s.io/coredns/coredns:v1.12.0', '100m', '70Mi', {
				memoryLimit: '170Mi',
				port: 53,
			}),
		],
		tolerations: [{key: 'CriticalAddonsOnly', operator: 'Exists'}],
	},
];

export const ingressConfigMap: KubeObject = {
	apiVersion: 'v1',
	kind: 'ConfigMap',
	metadata: {
		name: 'ingress-nginx-controller',
		namespace: 'platform-ingress',
		labels: {app: 'ingress-nginx-controller'},
	},
	data: {'limit-rps': '100', 'proxy-body-size': '8m', 'use-forwarded-headers': 'true'},
};

/** ClusterIP Services in front of the workloads that serve something. */
export function serviceObjects(): KubeObject[] {
	return workloads
		.filter((w) => w.containers[0]?.port)
		.map((w) => ({
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: w.name, namespace: w.namespace, labels: {app: w.name}},
			spec: {
				selector: {app: w.name},
				ports: [
					{
						name: 'main',
						port: w.containers[0]!.port!,
						targetPort: w.containers[0]!.port!,
						protocol: w.name === 'coredns' ? 'UDP' : 'TCP',
					},
				],
			},
		}));
}
