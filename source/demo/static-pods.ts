import {kubeSuffix} from './names.ts';

// Pods that belong to no Deployment (StatefulSets, a DaemonSet, a CronJob's
// job): they never change during the story, but a real `get pods -A` has them.

export interface StaticPodSpec {
	readonly namespace: string;
	readonly name: string;
	readonly node: string;
	readonly status: string;
	readonly ready: string;
	readonly ageS: number;
	readonly restarts: number;
	readonly lastRestartAgoS: number | null;
}

const hour = 3600;
const observability = 'platform-observability';

/** The minute-of-epoch suffix Kubernetes gives a CronJob's job, for a run 17 minutes before the start. */
export function backupJobName(startedAt: number): string {
	return `postgresql-backup-${Math.floor((startedAt - 17 * 60_000) / 60_000)}`;
}

export function staticPods(startedAt: number): StaticPodSpec[] {
	const job = backupJobName(startedAt);
	const fluentBit = (node: string, restarts: number, agoH: number): StaticPodSpec => ({
		namespace: observability,
		name: `fluent-bit-${kubeSuffix(`fluent-bit@${node}`, 5)}`,
		node,
		status: 'Running',
		ready: '1/1',
		ageS: 980 * hour,
		restarts,
		lastRestartAgoS: restarts > 0 ? agoH * hour : null,
	});
	return [
		{
			namespace: observability,
			name: 'postgresql-0',
			node: 'prod-node-2',
			status: 'Running',
			ready: '1/1',
			ageS: 980 * hour,
			restarts: 0,
			lastRestartAgoS: null,
		},
		{
			namespace: observability,
			name: 'kafka-0',
			node: 'prod-node-2',
			status: 'Running',
			ready: '1/1',
			ageS: 980 * hour,
			restarts: 2,
			lastRestartAgoS: 260 * hour,
		},
		{
			namespace: observability,
			name: 'elasticsearch-master-0',
			node: 'prod-node-3',
			status: 'Running',
			ready: '1/1',
			ageS: 980 * hour,
			restarts: 0,
			lastRestartAgoS: null,
		},
		{
			namespace: observability,
			name: 'alertmanager-0',
			node: 'prod-node-1',
			status: 'Running',
			ready: '2/2',
			ageS: 980 * hour,
			restarts: 0,
			lastRestartAgoS: null,
		},
		fluentBit('prod-node-1', 0, 0),
		fluentBit('prod-node-2', 4, 120),
		fluentBit('prod-node-3', 0, 0),
		{
			namespace: observability,
			name: `${job}-${kubeSuffix(job, 5)}`,
			node: 'prod-node-3',
			status: 'Completed',
			ready: '0/1',
			ageS: 17 * 60,
			restarts: 0,
			lastRestartAgoS: null,
		},
	];
}
