// Plain data the Kubernetes source delivers. Times are epoch milliseconds so
// that ages are computed at render (or snapshot) time, never frozen.

export interface NodeRow {
	readonly name: string;
	readonly ready: boolean;
	/** Pressure and other abnormal conditions that are True, e.g. "MemoryPressure". */
	readonly conditions: readonly string[];
	readonly cpuPercent: number | null;
	readonly memoryPercent: number | null;
	readonly pods: number;
	readonly createdAt: number | null;
}

export interface PodRow {
	readonly namespace: string;
	readonly name: string;
	/** Exactly the text kubectl prints in its STATUS column. */
	readonly status: string;
	/** "ready/total" containers, as kubectl's READY column. */
	readonly ready: string;
	readonly restarts: number;
	readonly lastRestartAt: number | null;
	readonly node: string | null;
	readonly createdAt: number | null;
	/** Owning deployment, when the pod belongs to one (through its ReplicaSet). */
	readonly deployment: string | null;
	/** Its containers' names in spec order (not init containers); absent when not known. */
	readonly containers?: readonly string[];
	/** The `kubectl.kubernetes.io/default-container` annotation: the one kubectl logs/exec pick. */
	readonly defaultContainer?: string | null;
	/** Use from metrics.k8s.io (kubectl top pods); absent or null without metrics. */
	readonly cpuMillicores?: number | null;
	readonly memoryBytes?: number | null;
	/** Use as % of the containers' summed limits, when every container has one: near 100 % CPU throttles, memory OOM-kills. */
	readonly cpuLimitPercent?: number | null;
	readonly memoryLimitPercent?: number | null;
}

export interface EventRow {
	readonly namespace: string;
	readonly type: string;
	readonly reason: string;
	/** "kind/name" of the involved object, as kubectl prints it. */
	readonly object: string;
	readonly message: string;
	readonly count: number;
	readonly lastSeenAt: number | null;
}

export type RolloutState = 'complete' | 'progressing' | 'stalled';

export interface DeploymentRow {
	readonly namespace: string;
	readonly name: string;
	readonly desired: number;
	readonly ready: number;
	readonly updated: number;
	readonly available: number;
	readonly revision: number | null;
	readonly rollout: RolloutState;
	readonly images: readonly string[];
	/** The containers' memory limits ("256Mi", or "256Mi,1Gi"); null when none is set. */
	readonly memoryLimit?: string | null;
}

/** A cert-manager Certificate, as `kubectl get certificates` and `describe` show it. */
export interface CertificateRow {
	readonly namespace: string;
	readonly name: string;
	/** The Ready condition: true, false, or null when cert-manager has not written one. */
	readonly ready: boolean | null;
	/** The Ready condition's reason and message ("Failed", "… rateLimited"). */
	readonly reason: string;
	readonly message: string;
	/** status.notAfter and status.renewalTime, epoch ms; null when not issued yet. */
	readonly notAfter: number | null;
	readonly renewalAt: number | null;
	readonly secretName: string;
	readonly issuer: string;
	readonly dnsNames: readonly string[];
}

export interface KubernetesData {
	readonly context: string;
	/** null means every namespace (-A). */
	readonly namespace: string | null;
	readonly nodes: readonly NodeRow[];
	readonly pods: readonly PodRow[];
	readonly events: readonly EventRow[];
	readonly deployments: readonly DeploymentRow[];
	/** Watches that stopped and are being restarted ("pods: connection refused"); absent when all are live. */
	readonly reconnecting?: readonly string[];
	/** Why nodes have no CPU/memory %, said once (metrics.k8s.io absent or failing). */
	readonly metricsUnavailable?: string;
	/** cert-manager Certificates; absent when the cert-manager CRD is not installed. */
	readonly certificates?: readonly CertificateRow[];
	/** Why Certificates could not be read although the CRD exists (a 403, say). */
	readonly certificatesError?: string;
	/** StatefulSets and DaemonSets, shown beside the Deployments; absent from sources that do not watch them. */
	readonly statefulsets?: readonly WorkloadRow[];
	readonly daemonsets?: readonly WorkloadRow[];
	/** Services whose EndpointSlices have no ready endpoint: an outage by themselves. */
	readonly servicesWithoutEndpoints?: readonly ServiceWithoutEndpointsRow[];
}

/** A StatefulSet or a DaemonSet, as `kubectl get sts` / `get ds` and `rollout status` show it. */
export interface WorkloadRow {
	readonly kind: 'statefulset' | 'daemonset';
	readonly namespace: string;
	readonly name: string;
	/** spec.replicas, or the nodes a DaemonSet should run on (desiredNumberScheduled). */
	readonly desired: number;
	readonly ready: number;
	readonly updated: number;
	readonly available: number;
	/** The newest ControllerRevision's number, as `kubectl rollout history` lists it; null before one exists. */
	readonly revision: number | null;
	/** StatefulSets and DaemonSets have no progress deadline: never 'stalled'. */
	readonly rollout: RolloutState;
	readonly images: readonly string[];
}

/** A Service none of whose EndpointSlices has a ready endpoint. */
export interface ServiceWithoutEndpointsRow {
	readonly namespace: string;
	readonly name: string;
	/** Endpoints there, but not ready (a crash-looping backend) rather than none at all (a selector matching nothing). */
	readonly notReady: number;
	/** Since when, epoch ms: the slices' last change, or when irtop first saw it without one. */
	readonly since: number;
}
