// Rollout restart of StatefulSets and DaemonSets and scaling of StatefulSets,
// exactly as kubectl sends them: the restartedAt annotation on the pod
// template (objectrestarter.go handles all three kinds alike) as a
// strategic-merge patch, and a merge patch of the /scale subresource.
import {type AppsV1Api, PatchStrategy, setHeaderOptions} from '@kubernetes/client-node';
import type {Action} from '../../actions/action.ts';
import type {Mitigations, WorkloadRef} from '../../actions/mitigations.ts';
import {attempt} from './outcome.ts';
import type {Access} from './permission.ts';
import type {RolloutTracker} from './rollout-tracker.ts';

const plural = {statefulset: 'statefulsets', daemonset: 'daemonsets'} as const;

export interface WorkloadMitigationDeps {
	readonly apps: AppsV1Api;
	readonly target: (namespace: string, object: string) => Action['target'];
	readonly can: (...needs: Access[]) => Action['checkPermission'];
	readonly rollouts?: RolloutTracker;
}

/** kubectl's restartedAt: RFC 3339 to the second. */
export function restartedAtPatch(now = new Date()) {
	const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
	return {spec: {template: {metadata: {annotations: {'kubectl.kubernetes.io/restartedAt': at}}}}};
}

const patchOf = (ref: WorkloadRef, subresource?: string): Access => ({
	verb: 'patch',
	group: 'apps',
	resource: plural[ref.kind],
	namespace: ref.namespace,
	name: ref.name,
	...(subresource ? {subresource} : {}),
});

export function workloadMitigations({
	apps,
	target,
	can,
	rollouts,
}: WorkloadMitigationDeps): Pick<Mitigations, 'restartWorkload' | 'scaleStatefulSet'> {
	const follow = (ref: WorkloadRef, action: string, changed: {metadata?: {generation?: number}}) =>
		rollouts?.track(
			ref.namespace,
			ref.name,
			action,
			changed.metadata?.generation ?? null,
			ref.kind,
		);
	const strategic = () => setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
	return {
		restartWorkload(ref) {
			return {
				id: 'restart-workload',
				title: 'Rollout restart',
				target: target(ref.namespace, `${ref.kind}/${ref.name}`),
				command: `kubectl rollout restart ${ref.kind}/${ref.name} -n ${ref.namespace}`,
				details: [
					ref.kind === 'statefulset'
						? 'Sets the restartedAt annotation on the pod template: pods are replaced one at a time, highest ordinal first'
						: 'Sets the restartedAt annotation on the pod template: the pod on each node is replaced in turn',
				],
				checkPermission: can(patchOf(ref)),
				run: () =>
					attempt(async () => {
						const request = {name: ref.name, namespace: ref.namespace, body: restartedAtPatch()};
						const changed =
							ref.kind === 'statefulset'
								? await apps.patchNamespacedStatefulSet(request, strategic())
								: await apps.patchNamespacedDaemonSet(request, strategic());
						follow(ref, 'rollout restart', changed);
						return 'restarted';
					}),
			};
		},
		scaleStatefulSet(ref, replicas) {
			return {
				id: 'scale-statefulset',
				title: `Scale to ${replicas}`,
				target: target(ref.namespace, `statefulset/${ref.name}`),
				command: `kubectl scale statefulset/${ref.name} -n ${ref.namespace} --replicas=${replicas}`,
				details: ['Pods are added or removed one at a time, by ordinal'],
				checkPermission: can(patchOf(ref, 'scale')),
				run: () =>
					attempt(async () => {
						const scale = await apps.patchNamespacedStatefulSetScale(
							{name: ref.name, namespace: ref.namespace, body: {spec: {replicas}}},
							setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
						);
						follow(ref, `scale to ${replicas}`, scale);
						return `scaled to ${replicas}`;
					}),
			};
		},
	};
}
