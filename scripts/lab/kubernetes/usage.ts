// Simulated resource usage of pods and nodes: what the lab's metrics.k8s.io
// stand-in reports and what decides an OOM kill. Pure functions of the
// objects, the lab-simulation overrides and the clock.
import {parseQuantity} from './quantity.ts';
import {overrideKey, type UsageOverrides} from './sim-config.ts';
import type {Container, Node, Pod} from './types.ts';

export interface Usage {
	/** Cores. */
	cpu: number;
	/** Bytes. */
	memory: number;
}

const mi = 2 ** 20;

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return (h >>> 0) / 2 ** 32;
}

/** A slow, per-object wobble in [1 - amplitude, 1 + amplitude], so numbers look alive. */
function wobble(key: string, now: number, amplitude: number): number {
	return 1 + amplitude * Math.sin(now / 47_000 + hash(key) * 2 * Math.PI);
}

function request(container: Container, resource: 'cpu' | 'memory'): number | undefined {
	return (
		parseQuantity(container.resources?.requests?.[resource]) ??
		parseQuantity(container.resources?.limits?.[resource])
	);
}

export function memoryLimit(container: Container): number | undefined {
	return parseQuantity(container.resources?.limits?.memory);
}

/** Memory a container wants, before any wobble: compared with its limit for OOM kills. */
export function memoryDemand(pod: Pod, index: number, overrides: UsageOverrides): number {
	const container = pod.spec.containers[index];
	if (!container) return 0;
	const override =
		index === 0 ? parseQuantity(overrides.get(overrideKey(pod) ?? '')?.memory) : undefined;
	return override ?? (request(container, 'memory') ?? 64 * mi) * 0.6;
}

/**
 * Usage of each container of a running pod. `replicas` is how many running pods
 * share the app's CPU override.
 */
export function podUsage(
	pod: Pod,
	overrides: UsageOverrides,
	replicas: number,
	now: number,
): Usage[] {
	const override = overrides.get(overrideKey(pod) ?? '');
	const cpuTotal = parseQuantity(override?.cpu);
	return pod.spec.containers.map((container, index) => {
		const key = `${pod.metadata.uid ?? pod.metadata.name}/${container.name}`;
		const cpu =
			index === 0 && cpuTotal !== undefined
				? (cpuTotal / Math.max(1, replicas)) * wobble(key, now, 0.03)
				: (request(container, 'cpu') ?? 0.05) * 0.35 * wobble(key, now, 0.25);
		const demand = memoryDemand(pod, index, overrides);
		const limit = memoryLimit(container);
		// Reported usage never passes the limit: the kernel kills first.
		const memory = Math.min(demand * wobble(key, now, 0.04), limit ?? Number.POSITIVE_INFINITY);
		return {cpu, memory};
	});
}

/** A node's usage: its pods plus the system's own overhead (or the node's override). */
export function nodeUsage(
	node: Node,
	pods: readonly Usage[],
	overrides: UsageOverrides,
	now: number,
): Usage {
	const override = overrides.get(`node.${node.metadata.name}`);
	const overhead = {
		cpu: parseQuantity(override?.cpu) ?? 0.15 * wobble(node.metadata.name, now, 0.3),
		memory: parseQuantity(override?.memory) ?? 600 * mi,
	};
	return pods.reduce((sum, u) => ({cpu: sum.cpu + u.cpu, memory: sum.memory + u.memory}), overhead);
}
