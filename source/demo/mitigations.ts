import type {Action, ActionOutcome} from '../actions/action.ts';
import type {DeploymentRef, Mitigations} from '../actions/mitigations.ts';
import {delay} from './delay.ts';
import type {DemoWorld} from './world.ts';

/** How long the demo "API server" takes to accept a change. */
const apiLatencyMs = 350;

function target(ref: DeploymentRef): Action['target'] {
	return {context: 'demo', namespace: ref.namespace, object: `deployment/${ref.name}`};
}

async function apply(signal: AbortSignal, change: () => ActionOutcome): Promise<ActionOutcome> {
	await delay(apiLatencyMs, signal);
	return change();
}

/** The runbook's quick fixes against the demo cluster: same Action shape and commands as the real thing. */
export function demoMitigations(world: DemoWorld): Mitigations {
	return {
		restartDeployment(ref) {
			const row = world.deployment(ref);
			return {
				id: 'restart-deployment',
				title: 'Rollout restart',
				target: target(ref),
				command: `kubectl rollout restart deployment/${ref.name} -n ${ref.namespace}`,
				details: row
					? [
							`Replaces the ${row.desired} pods of revision ${row.revision ?? '?'} with new ones, one at a time`,
						]
					: [],
				checkPermission: async () => ({allowed: true}),
				run: (signal) => apply(signal, () => world.restart(ref)),
			};
		},
		restartWorkload(ref) {
			return {
				id: 'restart-workload',
				title: 'Rollout restart',
				target: {context: 'demo', namespace: ref.namespace, object: `${ref.kind}/${ref.name}`},
				command: `kubectl rollout restart ${ref.kind}/${ref.name} -n ${ref.namespace}`,
				details: ['Sets the restartedAt annotation on the pod template: pods are replaced in turn'],
				checkPermission: async () => ({allowed: true}),
				run: (signal) => apply(signal, () => world.restartWorkload(ref)),
			};
		},
		scaleStatefulSet(ref, replicas) {
			return {
				id: 'scale-statefulset',
				title: `Scale to ${replicas}`,
				target: {context: 'demo', namespace: ref.namespace, object: `statefulset/${ref.name}`},
				command: `kubectl scale statefulset/${ref.name} -n ${ref.namespace} --replicas=${replicas}`,
				checkPermission: async () => ({allowed: true}),
				run: (signal) => apply(signal, () => world.scaleStatefulSet(ref, replicas)),
			};
		},
		scaleDeployment(ref, replicas) {
			const row = world.deployment(ref);
			return {
				id: 'scale-deployment',
				title: `Scale to ${replicas}`,
				target: target(ref),
				command: `kubectl scale deployment/${ref.name} -n ${ref.namespace} --replicas=${replicas}`,
				details: row ? [`Replicas: ${row.desired} → ${replicas}`] : [],
				checkPermission: async () => ({allowed: true}),
				run: (signal) => apply(signal, () => world.scale(ref, replicas)),
			};
		},
	};
}
