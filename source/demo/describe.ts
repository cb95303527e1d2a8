import type {PodDescription} from '../model/index.ts';
import type {DemoWorld} from './world.ts';

/** The demo's pod, described from its row: the same view as a real `kubectl describe pod`. */
export function demoDescribePod(world: DemoWorld) {
	return async (ref: {
		readonly namespace: string;
		readonly name: string;
	}): Promise<PodDescription> => {
		const now = world.now();
		const data = world.at(now).kubernetes;
		const row = data.pods.find((p) => p.namespace === ref.namespace && p.name === ref.name);
		if (!row) throw new Error(`pods "${ref.name}" not found`);
		const owner = data.deployments.find(
			(d) => d.namespace === row.namespace && d.name === row.deployment,
		);
		const running = row.status === 'Running';
		const ready = row.ready.startsWith('0/') === false;
		return {
			namespace: row.namespace,
			name: row.name,
			node: row.node,
			phase: running ? 'Running' : row.status === 'Completed' ? 'Succeeded' : 'Pending',
			qosClass: 'Burstable',
			startedAt: row.createdAt,
			controlledBy: row.deployment ? `ReplicaSet/${row.deployment}` : null,
			conditions: [
				{
					type: 'Ready',
					status: ready ? 'True' : 'False',
					reason: ready ? '' : 'ContainersNotReady',
					message: '',
				},
				{type: 'PodScheduled', status: row.node ? 'True' : 'False', reason: '', message: ''},
			],
			containers: [
				{
					name: row.deployment ?? row.name.replace(/-[a-z0-9]+$/, ''),
					init: false,
					image: owner?.images[0] ?? '',
					ready,
					restarts: row.restarts,
					state: {
						state: running ? 'running' : 'waiting',
						reason: running ? '' : row.status,
						message: '',
						exitCode: null,
						signal: null,
						startedAt: running ? (row.lastRestartAt ?? row.createdAt) : null,
						finishedAt: null,
					},
					lastState:
						row.restarts > 0
							? {
									state: 'terminated',
									reason: 'Error',
									message: '',
									exitCode: 1,
									signal: null,
									startedAt: null,
									finishedAt: row.lastRestartAt,
								}
							: null,
					requests: {cpu: '250m', memory: '256Mi'},
					limits: {memory: owner?.memoryLimit ?? '512Mi'},
				},
			],
		};
	};
}
