// The demo cluster's workloads, laid out the way the runbook names things
// (business-onboarding, platform-observability, -ingress, -security).

export interface DeploymentSpec {
	readonly namespace: string;
	readonly name: string;
	readonly replicas: number;
	readonly revision: number;
	readonly images: readonly string[];
	/** Nodes new pods land on, round robin. */
	readonly nodes: readonly string[];
	/** Age of the pods running when the demo starts. */
	readonly ageHours: number;
	/** Seconds from a pod's creation until its readiness probe passes. */
	readonly readyS: number;
	/** Pods of this deployment the cluster has room for; the rest stay Pending. */
	readonly capacity: number;
	/** [restarts, hours since the last one] of the initial pods, by position. */
	readonly restarts?: readonly (readonly [number, number])[];
}

const [n1, n2, n3] = ['prod-node-1', 'prod-node-2', 'prod-node-3'] as const;

export const deploymentSpecs: readonly DeploymentSpec[] = [
	{
		namespace: 'business-onboarding',
		name: 'onboarding-api',
		replicas: 3,
		revision: 14,
		images: ['registry.yourdomain.tld/onboarding/onboarding-api:2.14.3'],
		nodes: [n1, n2, n3],
		ageHours: 51,
		readyS: 8,
		capacity: 8,
	},
	{
		namespace: 'business-onboarding',
		name: 'onboarding-worker',
		replicas: 2,
		revision: 9,
		images: ['registry.yourdomain.tld/onboarding/onboarding-worker:2.14.3'],
		nodes: [n3, n1],
		ageHours: 51,
		readyS: 6,
		capacity: 6,
	},
	{
		namespace: 'business-payments',
		name: 'payments-api',
		replicas: 2,
		revision: 31,
		images: ['registry.yourdomain.tld/payments/payments-api:5.2.0'],
		nodes: [n1, n3],
		ageHours: 146,
		readyS: 7,
		capacity: 6,
		restarts: [[1, 97]],
	},
	{
		namespace: 'business-payments',
		name: 'notifications-api',
		replicas: 1,
		revision: 12,
		images: ['registry.yourdomain.tld/notifications/notifications-api:1.9.4'],
		nodes: [n2],
		ageHours: 220,
		readyS: 6,
		capacity: 4,
	},
	{
		namespace: 'platform-ingress',
		name: 'api-gateway',
		replicas: 2,
		revision: 22,
		images: ['registry.yourdomain.tld/platform/api-gateway:3.7.1'],
		nodes: [n2, n3],
		ageHours: 310,
		readyS: 6,
		capacity: 6,
	},
	{
		namespace: 'platform-ingress',
		name: 'ingress-nginx-controller',
		replicas: 1,
		revision: 4,
		images: ['registry.k8s.io/ingress-nginx/controller:v1.11.3'],
		nodes: [n1],
		ageHours: 980,
		readyS: 10,
		capacity: 3,
	},
	{
		namespace: 'platform-observability',
		name: 'prometheus-server',
		replicas: 1,
		revision: 6,
		images: [
			'quay.io/prometheus/prometheus:v2.54.1',
			'quay.io/prometheus-operator/prometheus-config-reloader:v0.76.2',
		],
		nodes: [n3],
		ageHours: 980,
		readyS: 15,
		capacity: 2,
	},
	{
		namespace: 'platform-observability',
		name: 'grafana',
		replicas: 1,
		revision: 8,
		images: ['docker.io/grafana/grafana:11.2.2'],
		nodes: [n1],
		ageHours: 700,
		readyS: 10,
		capacity: 2,
		restarts: [[1, 71]],
	},
	// postgresql is a StatefulSet (workloads.ts), as the runbook restarts it.
	{
		namespace: 'platform-observability',
		name: 'redis-master',
		replicas: 1,
		revision: 2,
		images: ['docker.io/bitnami/redis:7.4.1'],
		nodes: [n3],
		ageHours: 980,
		readyS: 6,
		capacity: 2,
	},
	{
		namespace: 'platform-observability',
		name: 'kibana',
		replicas: 1,
		revision: 5,
		images: ['docker.elastic.co/kibana/kibana:8.15.3'],
		nodes: [n1],
		ageHours: 700,
		readyS: 20,
		capacity: 2,
	},
	{
		namespace: 'platform-security',
		name: 'cert-manager',
		replicas: 1,
		revision: 3,
		images: ['quay.io/jetstack/cert-manager-controller:v1.16.1'],
		nodes: [n1],
		ageHours: 1400,
		readyS: 6,
		capacity: 3,
	},
	{
		namespace: 'platform-security',
		name: 'cert-manager-webhook',
		replicas: 1,
		revision: 3,
		images: ['quay.io/jetstack/cert-manager-webhook:v1.16.1'],
		nodes: [n2],
		ageHours: 1400,
		readyS: 6,
		capacity: 3,
	},
];

export function findDeployment(namespace: string, name: string): DeploymentSpec | undefined {
	return deploymentSpecs.find((d) => d.namespace === namespace && d.name === name);
}

/** The container a kubelet message names: the image's last path segment, without the tag. */
export function containerName(image: string): string {
	return (
		image
			.replace(/[:@].*$/, '')
			.split('/')
			.at(-1) ?? image
	);
}
