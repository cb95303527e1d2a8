import type {Action, ActionOutcome} from '../actions/action.ts';
import type {DeploymentRef, Mitigations} from '../actions/mitigations.ts';
import {formatBytes} from '../format/numbers.ts';
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
		deleteRotatedLogs() {
			const {rotatedLogs} = world.at(world.now()).disk;
			const count = rotatedLogs?.count ?? 0;
			const bytes = rotatedLogs?.bytes ?? 0;
			return {
				id: 'delete-rotated-logs',
				title: `Delete ${count} rotated logs (${formatBytes(bytes)})`,
				target: {context: null, namespace: null, object: '/var/log (*.gz older than 30 days)'},
				command: 'find /var/log -name "*.gz" -mtime +30 -delete',
				details: [
					'/var/log/nginx/access.log.31.gz (52.4 MiB)',
					`… and ${Math.max(0, count - 1)} more`,
				],
				checkPermission: async () =>
					count > 0
						? {allowed: true}
						: {allowed: false, reason: 'no *.gz older than 30 days under /var/log'},
				run: (signal) => apply(signal, () => world.cleanLogs()),
			};
		},
	};
}
