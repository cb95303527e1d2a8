// The demo cluster's StatefulSets and DaemonSets: the owners of the static
// pods (kafka-0, fluent-bit-…), plus postgresql, which the runbook restarts as
// a StatefulSet. A restart or scale recorded on the world rolls out over a
// few seconds per pod, as the controllers would replace them one at a time.
import type {WorkloadRef} from '../actions/mitigations.ts';
import type {RolloutState, WorkloadRow} from '../model/index.ts';

interface WorkloadSpec {
	readonly kind: 'statefulset' | 'daemonset';
	readonly namespace: string;
	readonly name: string;
	/** Replicas, or the nodes a DaemonSet runs on. */
	readonly desired: number;
	readonly revision: number;
	readonly image: string;
	/** Seconds one pod takes to be replaced and pass its readiness probe. */
	readonly podS: number;
}

const observability = 'platform-observability';

const specs: readonly WorkloadSpec[] = [
	{
		kind: 'statefulset',
		namespace: observability,
		name: 'postgresql',
		desired: 1,
		revision: 3,
		image: 'docker.io/bitnami/postgresql:15.8.0',
		podS: 12,
	},
	{
		kind: 'statefulset',
		namespace: observability,
		name: 'kafka',
		desired: 1,
		revision: 5,
		image: 'docker.io/bitnami/kafka:3.9.0',
		podS: 20,
	},
	{
		kind: 'statefulset',
		namespace: observability,
		name: 'elasticsearch-master',
		desired: 1,
		revision: 2,
		image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3',
		podS: 25,
	},
	{
		kind: 'statefulset',
		namespace: observability,
		name: 'alertmanager',
		desired: 1,
		revision: 4,
		image: 'quay.io/prometheus/alertmanager:v0.27.0',
		podS: 6,
	},
	{
		kind: 'daemonset',
		namespace: observability,
		name: 'fluent-bit',
		desired: 3,
		revision: 6,
		image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
		podS: 5,
	},
];

/** A restart or a scale of one of them; `at` is epoch ms. */
export type WorkloadChange =
	| {readonly kind: 'restart'; readonly ref: WorkloadRef; readonly at: number}
	| {
			readonly kind: 'scale';
			readonly ref: WorkloadRef;
			readonly replicas: number;
			readonly at: number;
	  };

const same = (spec: WorkloadSpec, ref: WorkloadRef) =>
	spec.kind === ref.kind && spec.namespace === ref.namespace && spec.name === ref.name;

export function findWorkload(ref: WorkloadRef): boolean {
	return specs.some((s) => same(s, ref));
}

function rowAt(spec: WorkloadSpec, changes: readonly WorkloadChange[], now: number): WorkloadRow {
	let desired = spec.desired;
	let revision = spec.revision;
	// Pods still to replace, and since when the current rollout runs.
	let rolling: {since: number; pods: number} | null = null;
	for (const change of changes) {
		if (!same(spec, change.ref) || change.at > now) continue;
		if (change.kind === 'restart') {
			revision++;
			rolling = {since: change.at, pods: desired};
		} else {
			const added = Math.max(0, change.replicas - desired);
			desired = change.replicas;
			rolling = added > 0 ? {since: change.at, pods: added} : rolling;
		}
	}
	const done = rolling ? Math.floor((now - rolling.since) / 1000 / spec.podS) : 0;
	const pending = rolling ? Math.max(0, rolling.pods - done) : 0;
	const rollout: RolloutState = pending > 0 ? 'progressing' : 'complete';
	// One pod at a time is down while it is replaced (OrderedReady, maxUnavailable 1).
	const ready = Math.max(0, desired - (pending > 0 ? 1 : 0));
	return {
		kind: spec.kind,
		namespace: spec.namespace,
		name: spec.name,
		desired,
		ready,
		updated: pending > 0 && rolling ? Math.min(desired, done) : desired,
		available: ready,
		revision,
		rollout,
		images: [spec.image],
	};
}

export function workloadsAt(
	changes: readonly WorkloadChange[],
	now: number,
): {statefulsets: WorkloadRow[]; daemonsets: WorkloadRow[]} {
	const rows = specs.map((s) => rowAt(s, changes, now));
	return {
		statefulsets: rows.filter((r) => r.kind === 'statefulset'),
		daemonsets: rows.filter((r) => r.kind === 'daemonset'),
	};
}
