import type {Action} from './action.ts';

export interface DeploymentRef {
	readonly namespace: string;
	readonly name: string;
}

/** A StatefulSet or DaemonSet: the workloads beside Deployments. */
export interface WorkloadRef {
	readonly kind: 'statefulset' | 'daemonset';
	readonly namespace: string;
	readonly name: string;
}

export interface PodRef {
	readonly namespace: string;
	readonly name: string;
}

/** A PersistentVolumeClaim. */
export interface PvcRef {
	readonly namespace: string;
	readonly name: string;
}

/** A cert-manager Certificate. */
export interface CertificateRef {
	readonly namespace: string;
	readonly name: string;
}

/**
 * The mitigations a backend offers on the object in focus. The real
 * Kubernetes client and the demo implement the same interface, so the keys
 * and the confirmation are the same code for both.
 */
export interface Mitigations {
	/** `kubectl rollout restart deployment/<name> -n <namespace>`. */
	restartDeployment?(target: DeploymentRef): Action;
	/** `kubectl rollout restart statefulset/<name> -n <namespace>` (or daemonset/). */
	restartWorkload?(target: WorkloadRef): Action;
	/** `kubectl scale statefulset/<name> -n <namespace> --replicas=N`. */
	scaleStatefulSet?(target: WorkloadRef, replicas: number): Action;
	/** `kubectl scale deployment/<name> -n <namespace> --replicas=N`. */
	scaleDeployment?(target: DeploymentRef, replicas: number): Action;
	/** `kubectl rollout undo deployment/<name> -n <namespace>`: async, it reads the revisions first. */
	undoDeployment?(target: DeploymentRef): Promise<Action>;
	/** `kubectl set env deployment/<name> -n <namespace> CIRCUIT_BREAKER_ENABLED=true …`. */
	circuitBreaker?(target: DeploymentRef): Action;
	/** `kubectl set resources deployment/<name> -n <namespace> --limits=memory=<limit>`. */
	setMemoryLimit?(target: DeploymentRef, limit: string): Action;
	/** The ingress controller's `limit-rps`, then a restart of the controller. */
	rateLimit?(rps: number): Action;
	/** `kubectl delete pod/<name> -n <namespace>`. */
	deletePod?(target: PodRef): Action;
	/** `kubectl delete certificate <name> -n <namespace>`: cert-manager issues it anew once it is recreated. */
	renewCertificate?(target: CertificateRef): Action;
	/** `SELECT pg_cancel_backend(<pid>);` on irtop's own PostgreSQL connection. */
	cancelQuery?(pid: number): Action;
	/** `SELECT pg_terminate_backend(<pid>);`. */
	terminateBackend?(pid: number): Action;
	/** The runbook's statement: terminate idle connections older than the configured minutes. */
	terminateIdle?(): Action;
	/**
	 * `ALTER SYSTEM SET max_connections = <to>`, then the rollout restart of the
	 * workload that runs PostgreSQL (`postgres.workload`): the runbook's temporary fix.
	 */
	raiseMaxConnections?(from: number, to: number): Action;
	/** `kubectl patch pvc <name> -n <namespace> -p '{"spec":{"resources":{"requests":{"storage":"<size>"}}}}'`. */
	extendPvc?(target: PvcRef, size: string): Action;
	/** `find /var/log -name "*.gz" -mtime +30 -delete` (the configured path and age); null before the first scan. */
	deleteRotatedLogs?(): Action | null;
	/**
	 * Why a mitigation is not allowed in the scope in view, once the backend
	 * knows (so its key can be shown disabled); null when allowed or not known.
	 */
	denied?(name: MitigationName): string | null;
}

export type MitigationName = Exclude<keyof Mitigations, 'denied'>;
