import type {PodPlan} from './rollout.ts';
import {terminationGraceS} from './rollout.ts';

export type Lifecycle =
	| 'absent'
	| 'pending'
	| 'creating'
	| 'starting'
	| 'running'
	| 'terminating'
	| 'gone';

/** Where a planned pod is at t, as the kubelet would report it. */
export function lifecycle(pod: PodPlan, t: number): Lifecycle {
	if (t < pod.createdAt) return 'absent';
	if (pod.terminatingAt !== null && t >= pod.terminatingAt) {
		return t < pod.terminatingAt + terminationGraceS ? 'terminating' : 'gone';
	}
	if (pod.node === null || t < pod.createdAt + 1) return 'pending';
	if (t < pod.createdAt + 3.5) return 'creating';
	if (pod.readyAt === null || t < pod.readyAt) return 'starting';
	return 'running';
}

/** kubectl's STATUS column for a pod that is not (yet) running normally. */
export const lifecycleStatus: Readonly<Record<Exclude<Lifecycle, 'absent' | 'gone'>, string>> = {
	pending: 'Pending',
	creating: 'ContainerCreating',
	starting: 'Running',
	running: 'Running',
	terminating: 'Terminating',
};

/** Ready and serving: past its readiness probe and not shutting down. */
export function aliveAt(pod: PodPlan, t: number): boolean {
	return lifecycle(pod, t) === 'running';
}
