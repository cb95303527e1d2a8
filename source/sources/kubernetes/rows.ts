// API objects to the rows the panels show. Every optional field may be
// missing (a pod without status, an event without timestamps): nothing here
// may throw on a partial object.
import type {CoreV1Event, V1Deployment, V1Node, V1Pod, V1ReplicaSet} from '@kubernetes/client-node';
import type {DeploymentRow, EventRow, NodeRow, PodRow, RolloutState} from '../../model/index.ts';
import {podColumns} from './pod-status.ts';
import {quantity} from './quantity.ts';
import {epoch} from './time.ts';

/** Node name to its usage in base units (CPU cores, bytes), from metrics.k8s.io. */
export type NodeUsage = ReadonlyMap<string, {readonly cpu: number; readonly memory: number}>;

const quietConditions = new Set(['Ready']);

export function nodeRow(node: V1Node, pods: number, usage: NodeUsage | null): NodeRow {
	const name = node.metadata?.name ?? '';
	const conditions = node.status?.conditions ?? [];
	const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
	const used = usage?.get(name);
	const allocatable = node.status?.allocatable ?? {};
	const percent = (value: number | undefined, of: number | null) =>
		value === undefined || of === null || of <= 0 ? null : Math.round((value / of) * 100);
	return {
		name,
		ready,
		conditions: [
			...conditions
				.filter((c) => c.status === 'True' && !quietConditions.has(c.type))
				.map((c) => c.type),
			...(node.spec?.unschedulable ? ['SchedulingDisabled'] : []),
		],
		cpuPercent: percent(used?.cpu, quantity(allocatable.cpu)),
		memoryPercent: percent(used?.memory, quantity(allocatable.memory)),
		pods,
		createdAt: epoch(node.metadata?.creationTimestamp),
	};
}

/** ReplicaSet (namespace/name) to its owning Deployment's name. */
export function replicaSetOwners(replicaSets: readonly V1ReplicaSet[]): Map<string, string> {
	const owners = new Map<string, string>();
	for (const rs of replicaSets) {
		const owner = rs.metadata?.ownerReferences?.find(
			(o) => o.kind === 'Deployment' && o.controller,
		);
		if (owner) owners.set(`${rs.metadata?.namespace}/${rs.metadata?.name}`, owner.name);
	}
	return owners;
}

/** "namespace/pod" to its use in base units (CPU cores, bytes), from metrics.k8s.io. */
export type PodUsage = ReadonlyMap<string, {readonly cpu: number; readonly memory: number}>;

/** The sum of one limit over the containers, or null when one of them has none (no ceiling). */
function limitSum(pod: V1Pod, resource: 'cpu' | 'memory'): number | null {
	let sum = 0;
	const containers = pod.spec?.containers ?? [];
	for (const c of containers) {
		const limit = quantity(c.resources?.limits?.[resource]);
		if (limit === null) return null;
		sum += limit;
	}
	return containers.length > 0 && sum > 0 ? sum : null;
}

function usageColumns(pod: V1Pod, used: {cpu: number; memory: number} | undefined) {
	if (!used) return {};
	const cpuLimit = limitSum(pod, 'cpu');
	const memoryLimit = limitSum(pod, 'memory');
	return {
		cpuMillicores: Math.round(used.cpu * 1000),
		memoryBytes: used.memory,
		cpuLimitPercent: cpuLimit === null ? null : Math.round((used.cpu / cpuLimit) * 100),
		memoryLimitPercent: memoryLimit === null ? null : Math.round((used.memory / memoryLimit) * 100),
	};
}

export function podRow(
	pod: V1Pod,
	owners: ReadonlyMap<string, string>,
	usage?: PodUsage | null,
): PodRow {
	const namespace = pod.metadata?.namespace ?? '';
	const rs = pod.metadata?.ownerReferences?.find((o) => o.kind === 'ReplicaSet' && o.controller);
	return {
		namespace,
		name: pod.metadata?.name ?? '',
		...podColumns(pod),
		node: pod.spec?.nodeName || null,
		createdAt: epoch(pod.metadata?.creationTimestamp),
		deployment: rs ? (owners.get(`${namespace}/${rs.name}`) ?? null) : null,
		// For a configured action's {container}.
		containers: (pod.spec?.containers ?? []).map((c) => c.name),
		defaultContainer:
			pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? null,
		...usageColumns(pod, usage?.get(`${namespace}/${pod.metadata?.name}`)),
	};
}

export function eventRow(event: CoreV1Event): EventRow {
	const involved = event.involvedObject ?? {};
	const lastSeenAt =
		epoch(event.series?.lastObservedTime) ??
		epoch(event.lastTimestamp) ??
		epoch(event.eventTime) ??
		epoch(event.firstTimestamp) ??
		epoch(event.metadata?.creationTimestamp);
	return {
		namespace: event.metadata?.namespace ?? '',
		type: event.type ?? '',
		reason: event.reason ?? '',
		object: `${(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
		// A 1 MB message is cut here, long before the panel sanitises what it shows.
		message: (event.message ?? '').slice(0, 8192).trim(),
		count: event.series?.count ?? event.count ?? 1,
		lastSeenAt,
	};
}

/** What `kubectl rollout status` would say, in one word. */
export function rolloutState(d: V1Deployment): RolloutState {
	const status = d.status ?? {};
	if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return 'progressing';
	const progressing = status.conditions?.find((c) => c.type === 'Progressing');
	if (progressing?.reason === 'ProgressDeadlineExceeded') return 'stalled';
	const desired = d.spec?.replicas ?? 1;
	const updated = status.updatedReplicas ?? 0;
	if (updated < desired) return 'progressing';
	if ((status.replicas ?? 0) > updated) return 'progressing';
	if ((status.availableReplicas ?? 0) < updated) return 'progressing';
	return 'complete';
}

export function deploymentRow(d: V1Deployment): DeploymentRow {
	const status = d.status ?? {};
	const revision = Number(d.metadata?.annotations?.['deployment.kubernetes.io/revision']);
	return {
		namespace: d.metadata?.namespace ?? '',
		name: d.metadata?.name ?? '',
		desired: d.spec?.replicas ?? 1,
		ready: status.readyReplicas ?? 0,
		updated: status.updatedReplicas ?? 0,
		available: status.availableReplicas ?? 0,
		revision: Number.isSafeInteger(revision) && revision > 0 ? revision : null,
		rollout: rolloutState(d),
		images: (d.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
		memoryLimit: memoryLimits(d),
	};
}

function memoryLimits(d: V1Deployment): string | null {
	const limits = new Set<string>();
	for (const c of d.spec?.template?.spec?.containers ?? []) {
		const limit = c.resources?.limits?.memory;
		if (limit !== undefined) limits.add(String(limit));
	}
	return limits.size === 0 ? null : [...limits].join(',');
}
