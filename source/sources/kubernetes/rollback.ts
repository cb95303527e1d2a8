// `kubectl rollout undo`, as kubectl/pkg/polymorphichelpers/rollback.go does
// it: the deployment's own ReplicaSets (selector and controllerRef), the
// second-highest revision, skipped when the templates already match (ignoring
// pod-template-hash), then one JSON patch of /spec/template and
// /metadata/annotations.

import {isDeepStrictEqual} from 'node:util';
import {
	type AppsV1Api,
	PatchStrategy,
	setHeaderOptions,
	type V1Deployment,
	type V1PodTemplateSpec,
	type V1ReplicaSet,
} from '@kubernetes/client-node';

const revisionKey = 'deployment.kubernetes.io/revision';
const hashKey = 'pod-template-hash';
// Deployment annotations kubectl keeps from the deployment, not the ReplicaSet.
const annotationsToSkip = new Set([
	'kubectl.kubernetes.io/last-applied-configuration',
	revisionKey,
	'deployment.kubernetes.io/revision-history',
	'deployment.kubernetes.io/desired-replicas',
	'deployment.kubernetes.io/max-replicas',
	'deprecated.deployment.rollback.to',
]);

export interface RollbackPlan {
	readonly deployment: V1Deployment;
	readonly target: V1ReplicaSet | null;
	readonly revision: number | null;
	readonly currentRevision: number | null;
	/** Why there is nothing to do, when there is nothing to do. */
	readonly refusal: string | null;
}

function revisionOf(o: {metadata?: {annotations?: Record<string, string>}}): number | null {
	const value = Number(o.metadata?.annotations?.[revisionKey]);
	return Number.isSafeInteger(value) ? value : null;
}

/** A template as plain JSON without the hash label, for comparison and for the patch. */
function plainTemplate(
	template: V1PodTemplateSpec | undefined,
	serialize: (t: unknown) => unknown,
) {
	const plain = structuredClone(serialize(template ?? {})) as {
		metadata?: {labels?: Record<string, string>};
	};
	if (plain.metadata?.labels) delete plain.metadata.labels[hashKey];
	return plain;
}

export async function planRollback(
	apps: AppsV1Api,
	namespace: string,
	name: string,
	serialize: (t: unknown) => unknown,
): Promise<RollbackPlan> {
	const deployment = await apps.readNamespacedDeployment({name, namespace});
	const currentRevision = revisionOf(deployment);
	const selector = Object.entries(deployment.spec?.selector?.matchLabels ?? {})
		.map(([k, v]) => `${k}=${v}`)
		.join(',');
	const list = await apps.listNamespacedReplicaSet({
		namespace,
		labelSelector: selector || undefined,
	});
	const own = list.items.filter((rs) =>
		rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === deployment.metadata?.uid),
	);
	let latest: {rs: V1ReplicaSet; v: number} | null = null;
	let previous: {rs: V1ReplicaSet; v: number} | null = null;
	for (const rs of own) {
		const v = revisionOf(rs);
		if (v === null) continue;
		if (!latest || latest.v < v) {
			previous = latest;
			latest = {rs, v};
		} else if (!previous || previous.v < v) previous = {rs, v};
	}
	const base = {deployment, currentRevision};
	if (!previous)
		return {
			...base,
			target: null,
			revision: null,
			refusal: `no rollout history found for deployment "${name}"`,
		};
	if (deployment.spec?.paused)
		return {
			...base,
			target: previous.rs,
			revision: previous.v,
			refusal:
				"you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
		};
	const same = isDeepStrictEqual(
		plainTemplate(previous.rs.spec?.template, serialize),
		plainTemplate(deployment.spec?.template, serialize),
	);
	return {
		...base,
		target: previous.rs,
		revision: previous.v,
		refusal: same
			? `skipped rollback (current template already matches revision ${previous.v})`
			: null,
	};
}

export async function applyRollback(
	apps: AppsV1Api,
	plan: RollbackPlan,
	serialize: (t: unknown) => unknown,
): Promise<V1Deployment> {
	const {deployment, target} = plan;
	if (!target) throw new Error('no revision to roll back to');
	const annotations: Record<string, string> = {};
	for (const [k, v] of Object.entries(deployment.metadata?.annotations ?? {}))
		if (annotationsToSkip.has(k)) annotations[k] = v;
	for (const [k, v] of Object.entries(target.metadata?.annotations ?? {}))
		if (!annotationsToSkip.has(k)) annotations[k] = v;
	return apps.patchNamespacedDeployment(
		{
			name: deployment.metadata?.name ?? '',
			namespace: deployment.metadata?.namespace ?? '',
			body: [
				{
					op: 'replace',
					path: '/spec/template',
					value: plainTemplate(target.spec?.template, serialize),
				},
				{op: 'replace', path: '/metadata/annotations', value: annotations},
			],
		},
		setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
	);
}

/** Images that change, "api: repo/app:2.4.1 → repo/app:2.4.0", for the confirmation. */
export function imageChanges(plan: RollbackPlan): string[] {
	const now = new Map(
		(plan.deployment.spec?.template?.spec?.containers ?? []).map((c) => [c.name, c.image]),
	);
	return (plan.target?.spec?.template?.spec?.containers ?? [])
		.filter((c) => now.get(c.name) !== c.image)
		.map((c) => `${c.name}: ${now.get(c.name) ?? '(none)'} → ${c.image}`);
}
