import type {Action, ActionOutcome} from '../actions/action.ts';
import type {DeploymentRef, Mitigations} from '../actions/mitigations.ts';
import {formatBytes} from '../format/numbers.ts';
import {delay} from './delay.ts';
import {demoPvcs} from './disk.ts';
import {demoPostgresWorkload} from './postgres-settings.ts';
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
		raiseMaxConnections(from, to) {
			const {namespace, name} = demoPostgresWorkload;
			const sql = `ALTER SYSTEM SET max_connections = ${to}`;
			return {
				id: 'pg-raise-max-connections',
				title: `Raise max_connections to ${to}`,
				target: {context: 'demo', namespace, object: `statefulset/${name}`},
				command: `psql -c "${sql}" && kubectl rollout restart statefulset/${name} -n ${namespace}`,
				details: [
					`max_connections ${from} → ${to}: ALTER SYSTEM writes postgresql.auto.conf,`,
					'the restart applies it, and drops every connection',
				],
				checkPermission: async () => ({allowed: true}),
				run: (signal) => apply(signal, () => world.raiseMaxConnections(from, to)),
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
		extendPvc(ref, size) {
			const pvc = demoPvcs.find((c) => c.namespace === ref.namespace && c.name === ref.name);
			const bytes =
				Number.parseInt(size, 10) *
				1024 ** ({Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5}[size.replace(/^\d+/, '')] ?? 3);
			return {
				id: 'extend-pvc',
				title: `Extend PVC to ${size}`,
				target: {context: 'demo', namespace: ref.namespace, object: `pvc/${ref.name}`},
				command: `kubectl patch pvc ${ref.name} -n ${ref.namespace} -p '{"spec":{"resources":{"requests":{"storage":"${size}"}}}}'`,
				details: ['The volume grows online when its CSI driver supports it; it never shrinks.'],
				checkPermission: async () => {
					if (!pvc)
						return {allowed: false, reason: `persistentvolumeclaims "${ref.name}" not found`};
					if (!pvc.expandable)
						return {
							allowed: false,
							reason: `StorageClass ${pvc.storageClass} does not set allowVolumeExpansion`,
						};
					const current = world.at(world.now()).disk.pvcs?.find((c) => c.name === ref.name);
					if (current && bytes <= current.capacityBytes)
						return {allowed: false, reason: 'a PVC can only grow'};
					return {allowed: true};
				},
				run: (signal) => apply(signal, () => world.extendPvc(ref.namespace, ref.name, bytes)),
			};
		},
		deleteRotatedLogs() {
			const {rotatedLogs} = world.at(world.now()).disk;
			const count = rotatedLogs?.count ?? 0;
			const bytes = rotatedLogs?.bytes ?? 0;
			return {
				id: 'delete-rotated-logs',
				title: 'Delete rotated logs',
				target: {context: null, namespace: null, object: '/var/log'},
				command: 'find /var/log -name "*.gz" -mtime +30 -delete',
				details: [
					`${count} files, ${formatBytes(bytes)}: *.gz older than 30 days`,
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
