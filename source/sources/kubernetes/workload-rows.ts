// StatefulSets and DaemonSets to rows, with the rollout word kubectl's status
// viewers would give (kubectl/pkg/polymorphichelpers/rollout_status.go).
// Nothing here may throw on a partial object.
import type {V1ControllerRevision, V1DaemonSet, V1StatefulSet} from '@kubernetes/client-node';
import type {RolloutState, WorkloadRow} from '../../model/index.ts';

/** "kind/namespace/name" of the controlling owner to its newest revision number. */
export type Revisions = ReadonlyMap<string, number>;

const ownerKey = (kind: string, namespace: string | undefined, name: string) =>
	`${kind.toLowerCase()}/${namespace ?? ''}/${name}`;

/**
 * The newest ControllerRevision of each StatefulSet and DaemonSet: the number
 * `kubectl rollout history` shows. A DaemonSet rolled back renumbers the
 * matching old revision to the highest, so the highest is always current.
 */
export function controllerRevisions(revisions: readonly V1ControllerRevision[]): Revisions {
	const newest = new Map<string, number>();
	for (const r of revisions) {
		const owner = r.metadata?.ownerReferences?.find((o) => o.controller);
		if (!owner || typeof r.revision !== 'number') continue;
		const key = ownerKey(owner.kind, r.metadata?.namespace, owner.name);
		newest.set(key, Math.max(newest.get(key) ?? 0, r.revision));
	}
	return newest;
}

/** `kubectl rollout status statefulset/x`, in one word. */
export function statefulSetRollout(s: V1StatefulSet): RolloutState {
	const status = s.status;
	if (!status) return 'progressing';
	if ((s.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return 'progressing';
	const desired = s.spec?.replicas ?? 1;
	if ((status.readyReplicas ?? 0) < desired) return 'progressing';
	if (s.spec?.updateStrategy?.type === 'OnDelete') return 'complete';
	const partition = s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
	// A partitioned update is done when the pods from the partition up are updated.
	if (partition > 0)
		return (status.updatedReplicas ?? 0) < desired - partition ? 'progressing' : 'complete';
	if (status.updateRevision !== status.currentRevision) return 'progressing';
	return 'complete';
}

/** `kubectl rollout status daemonset/x`, in one word. */
export function daemonSetRollout(d: V1DaemonSet): RolloutState {
	const status = d.status;
	if (!status) return 'progressing';
	if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return 'progressing';
	if (d.spec?.updateStrategy?.type === 'OnDelete') return 'complete';
	const desired = status.desiredNumberScheduled ?? 0;
	if ((status.updatedNumberScheduled ?? 0) < desired) return 'progressing';
	if ((status.numberAvailable ?? 0) < desired) return 'progressing';
	return 'complete';
}

const images = (template: {spec?: {containers?: {image?: string}[]}} | undefined) =>
	(template?.spec?.containers ?? []).map((c) => c.image ?? '');

export function statefulSetRow(s: V1StatefulSet, revisions: Revisions): WorkloadRow {
	const namespace = s.metadata?.namespace ?? '';
	const name = s.metadata?.name ?? '';
	const status = s.status;
	return {
		kind: 'statefulset',
		namespace,
		name,
		desired: s.spec?.replicas ?? 1,
		ready: status?.readyReplicas ?? 0,
		updated: status?.updatedReplicas ?? 0,
		available: status?.availableReplicas ?? 0,
		revision: revisions.get(ownerKey('StatefulSet', namespace, name)) ?? null,
		rollout: statefulSetRollout(s),
		images: images(s.spec?.template),
	};
}

export function daemonSetRow(d: V1DaemonSet, revisions: Revisions): WorkloadRow {
	const namespace = d.metadata?.namespace ?? '';
	const name = d.metadata?.name ?? '';
	const status = d.status;
	return {
		kind: 'daemonset',
		namespace,
		name,
		desired: status?.desiredNumberScheduled ?? 0,
		ready: status?.numberReady ?? 0,
		updated: status?.updatedNumberScheduled ?? 0,
		available: status?.numberAvailable ?? 0,
		revision: revisions.get(ownerKey('DaemonSet', namespace, name)) ?? null,
		rollout: daemonSetRollout(d),
		images: images(d.spec?.template),
	};
}
