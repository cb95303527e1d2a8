// The lab's stand-in for kube-scheduler, as a pure function: taints,
// node selectors and requested resources against allocatable, then the least
// allocated node. Its "no" reads like the real scheduler's FailedScheduling.
import {parseQuantity} from './quantity.ts';
import type {Node, Pod} from './types.ts';

export type Placement = {node: string} | {unschedulable: string};

interface Requests {
	cpu: number;
	memory: number;
}

export function podRequests(pod: Pod): Requests {
	let cpu = 0;
	let memory = 0;
	for (const c of pod.spec.containers) {
		cpu += parseQuantity(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu) ?? 0;
		memory += parseQuantity(c.resources?.requests?.memory ?? c.resources?.limits?.memory) ?? 0;
	}
	return {cpu, memory};
}

function isReady(node: Node): boolean {
	return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function untoleratedTaint(pod: Pod, node: Node): string | undefined {
	const taints = [...(node.spec?.taints ?? [])];
	// Without a node lifecycle controller nobody taints a NotReady node, so the
	// scheduler treats it as the controller would have tainted it.
	if (!isReady(node) && !taints.some((t) => t.key === 'node.kubernetes.io/not-ready')) {
		taints.push({key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule'});
	}
	for (const taint of taints) {
		if (taint.effect === 'PreferNoSchedule') continue;
		const tolerated = (pod.spec.tolerations ?? []).some(
			(t) =>
				(t.key === undefined || t.key === '' ? t.operator === 'Exists' : t.key === taint.key) &&
				(t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')) &&
				(t.effect === undefined || t.effect === '' || t.effect === taint.effect),
		);
		if (!tolerated) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
	}
	return undefined;
}

/**
 * The one node affinity the lab honours: `metadata.name In [...]` match fields,
 * which is how the DaemonSet controller pins each of its pods to its node.
 */
function namedByAffinity(pod: Pod, node: string): boolean {
	const terms =
		pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
			?.nodeSelectorTerms ?? [];
	if (terms.length === 0) return true;
	return terms.some((term) =>
		(term.matchFields ?? []).every(
			(f) => f.key !== 'metadata.name' || f.operator !== 'In' || (f.values ?? []).includes(node),
		),
	);
}

/** Where the pod goes, given the nodes and the pods already bound to each. */
export function place(
	pod: Pod,
	nodes: readonly Node[],
	boundPods: ReadonlyMap<string, readonly Pod[]>,
): Placement {
	const wanted = podRequests(pod);
	const reasons = new Map<string, number>();
	const fits: {node: string; free: number}[] = [];
	const note = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
	for (const node of nodes) {
		if (node.spec?.unschedulable) {
			note('node(s) were unschedulable');
			continue;
		}
		const taint = untoleratedTaint(pod, node);
		if (taint) {
			note(taint);
			continue;
		}
		const selector = pod.spec.nodeSelector ?? {};
		if (
			Object.entries(selector).some(([k, v]) => node.metadata.labels?.[k] !== v) ||
			!namedByAffinity(pod, node.metadata.name)
		) {
			note("node(s) didn't match Pod's node affinity/selector");
			continue;
		}
		const used = (boundPods.get(node.metadata.name) ?? [])
			.map(podRequests)
			.reduce((a, b) => ({cpu: a.cpu + b.cpu, memory: a.memory + b.memory}), {cpu: 0, memory: 0});
		const allocatable = {
			cpu: parseQuantity(node.status?.allocatable?.cpu) ?? 0,
			memory: parseQuantity(node.status?.allocatable?.memory) ?? 0,
			pods: parseQuantity(node.status?.allocatable?.pods) ?? 110,
		};
		let fitsHere = true;
		if (used.cpu + wanted.cpu > allocatable.cpu) {
			note('Insufficient cpu');
			fitsHere = false;
		}
		if (used.memory + wanted.memory > allocatable.memory) {
			note('Insufficient memory');
			fitsHere = false;
		}
		if ((boundPods.get(node.metadata.name)?.length ?? 0) + 1 > allocatable.pods) {
			note('Too many pods');
			fitsHere = false;
		}
		if (fitsHere)
			fits.push({
				node: node.metadata.name,
				free: 1 - (used.cpu + wanted.cpu) / Math.max(allocatable.cpu, 1e-9),
			});
	}
	fits.sort((a, b) => b.free - a.free || a.node.localeCompare(b.node));
	const best = fits[0];
	if (best) return {node: best.node};
	const n = nodes.length;
	const summary = [...reasons]
		.map(([reason, count]) => `${count} ${reason}`)
		.sort()
		.join(', ');
	return {
		unschedulable: `0/${n} nodes are available: ${summary || 'no nodes available to schedule pods'}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`,
	};
}
