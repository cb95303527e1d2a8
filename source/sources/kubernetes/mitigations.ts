// The runbook's mitigations against a real cluster, each exactly what kubectl
// sends (see kubectl's objectrestarter.go, scale.go, rollback.go, set env and
// set resources), each permission-checked first with a SelfSubjectAccessReview.
import {
	AppsV1Api,
	CoreV1Api,
	CustomObjectsApi,
	PatchStrategy,
	setHeaderOptions,
} from '@kubernetes/client-node';
import type {Action} from '../../actions/action.ts';
import type {
	CertificateRef,
	DeploymentRef,
	Mitigations,
	PodRef,
} from '../../actions/mitigations.ts';
import {certificateGroup} from './certificates.ts';
import type {Connection} from './connect.ts';
import {attempt} from './outcome.ts';
import {type Access, checkAccess} from './permission.ts';
import type {PermissionCache} from './permission-cache.ts';
import {applyRollback, imageChanges, planRollback} from './rollback.ts';
import type {RolloutTracker} from './rollout-tracker.ts';
import {workloadMitigations} from './workload-mitigations.ts';

export interface KubernetesMitigationSettings {
	readonly circuitBreakerEnv: Readonly<Record<string, string>>;
	readonly rateLimit: {
		readonly namespace: string;
		readonly configMap: string;
		readonly deployment: string;
		readonly key: string;
	};
}

const strategic = () => setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const merge = () => setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
// The generated models use the API's own field names for pod templates, so a
// JSON round trip is the wire form (dates become strings, undefined vanishes).
const serializeTemplate = (t: unknown): unknown => JSON.parse(JSON.stringify(t ?? {}));

const patchDeployment = (ref: DeploymentRef): Access => ({
	verb: 'patch',
	group: 'apps',
	resource: 'deployments',
	namespace: ref.namespace,
	name: ref.name,
});

export function kubernetesMitigations(
	connection: Connection,
	settings: KubernetesMitigationSettings,
	rollouts?: RolloutTracker,
	permissions?: PermissionCache,
): Mitigations {
	const {kc, context} = connection;
	const apps = kc.makeApiClient(AppsV1Api);
	const core = kc.makeApiClient(CoreV1Api);
	const custom = kc.makeApiClient(CustomObjectsApi);
	const target = (namespace: string, object: string): Action['target'] => ({
		context,
		namespace,
		object,
	});
	const can =
		(...needs: Access[]) =>
		(signal: AbortSignal) =>
			checkAccess(kc, needs, signal);

	const follow = (
		ref: DeploymentRef,
		action: string,
		changed: {metadata?: {generation?: number}} | undefined,
	) => rollouts?.track(ref.namespace, ref.name, action, changed?.metadata?.generation ?? null);

	const restartPatch = (ref: DeploymentRef) =>
		apps.patchNamespacedDeployment(
			{
				name: ref.name,
				namespace: ref.namespace,
				body: {
					spec: {
						template: {
							metadata: {
								annotations: {
									'kubectl.kubernetes.io/restartedAt': new Date()
										.toISOString()
										.replace(/\.\d+Z$/, 'Z'),
								},
							},
						},
					},
				},
			},
			strategic(),
		);

	/** A strategic-merge patch of some fields of every container, keyed by name as kubectl's are. */
	const patchContainers = async (ref: DeploymentRef, change: (name: string) => object) => {
		const deployment = await apps.readNamespacedDeployment(ref);
		const containers = (deployment.spec?.template?.spec?.containers ?? []).map((c) => ({
			name: c.name,
			...change(c.name),
		}));
		return {
			count: containers.length,
			patched: await apps.patchNamespacedDeployment(
				{...ref, body: {spec: {template: {spec: {containers}}}}},
				strategic(),
			),
		};
	};

	return {
		denied: (name) => permissions?.denied(name) ?? null,
		...workloadMitigations({apps, target, can, rollouts}),
		restartDeployment(ref) {
			return {
				id: 'restart-deployment',
				title: 'Rollout restart',
				target: target(ref.namespace, `deployment/${ref.name}`),
				command: `kubectl rollout restart deployment/${ref.name} -n ${ref.namespace}`,
				details: [
					'Sets the restartedAt annotation on the pod template: pods are replaced one by one',
				],
				checkPermission: can(patchDeployment(ref)),
				run: () =>
					attempt(async () => {
						follow(ref, 'rollout restart', await restartPatch(ref));
						return 'restarted';
					}),
			};
		},
		scaleDeployment(ref, replicas) {
			return {
				id: 'scale-deployment',
				title: `Scale to ${replicas}`,
				target: target(ref.namespace, `deployment/${ref.name}`),
				command: `kubectl scale deployment/${ref.name} -n ${ref.namespace} --replicas=${replicas}`,
				checkPermission: can({...patchDeployment(ref), subresource: 'scale'}),
				run: () =>
					attempt(async () => {
						const scale = await apps.patchNamespacedDeploymentScale(
							{...ref, body: {spec: {replicas}}},
							merge(),
						);
						follow(ref, `scale to ${replicas}`, scale);
						return `scaled to ${replicas}`;
					}),
			};
		},
		async undoDeployment(ref) {
			const plan = await planRollback(apps, ref.namespace, ref.name, serializeTemplate);
			const images = imageChanges(plan);
			return {
				id: 'undo-deployment',
				title:
					plan.revision === null ? 'Rollout undo' : `Rollout undo to revision ${plan.revision}`,
				target: target(ref.namespace, `deployment/${ref.name}`),
				command: `kubectl rollout undo deployment/${ref.name} -n ${ref.namespace}`,
				details: [
					plan.refusal ??
						`Revision ${plan.currentRevision ?? '?'} → the template of revision ${plan.revision}`,
					...images,
				],
				checkPermission: async (signal) =>
					plan.refusal && plan.target === null
						? {allowed: false, reason: plan.refusal}
						: can(patchDeployment(ref), {
								verb: 'list',
								group: 'apps',
								resource: 'replicasets',
								namespace: ref.namespace,
							})(signal),
				run: () =>
					attempt(async () => {
						// Planned again: the deployment may have moved since the dialog opened.
						const fresh = await planRollback(apps, ref.namespace, ref.name, serializeTemplate);
						if (fresh.refusal) {
							if (fresh.refusal.startsWith('skipped')) return fresh.refusal;
							throw new Error(fresh.refusal);
						}
						follow(ref, 'rollout undo', await applyRollback(apps, fresh, serializeTemplate));
						return `rolled back to revision ${fresh.revision}`;
					}),
			};
		},
		circuitBreaker(ref) {
			const env = Object.entries(settings.circuitBreakerEnv);
			return {
				id: 'circuit-breaker',
				title: 'Circuit breaker on',
				target: target(ref.namespace, `deployment/${ref.name}`),
				command: `kubectl set env deployment/${ref.name} -n ${ref.namespace} ${env.map(([k, v]) => `${k}=${v}`).join(' ')}`,
				details: ['Sets the variables on every container: the pods are replaced'],
				checkPermission: can(patchDeployment(ref)),
				run: () =>
					attempt(async () => {
						const {count: n, patched} = await patchContainers(ref, () => ({
							env: env.map(([name, value]) => ({name, value})),
						}));
						follow(ref, 'set env', patched);
						return `set on ${n} container${n === 1 ? '' : 's'}`;
					}),
			};
		},
		setMemoryLimit(ref, limit) {
			return {
				id: 'memory-limit',
				title: `Memory limit ${limit}`,
				target: target(ref.namespace, `deployment/${ref.name}`),
				command: `kubectl set resources deployment/${ref.name} -n ${ref.namespace} --limits=memory=${limit}`,
				checkPermission: can(patchDeployment(ref)),
				run: () =>
					attempt(async () => {
						const {count: n, patched} = await patchContainers(ref, () => ({
							resources: {limits: {memory: limit}},
						}));
						follow(ref, 'set resources', patched);
						return `limit ${limit} on ${n} container${n === 1 ? '' : 's'}`;
					}),
			};
		},
		rateLimit(rps) {
			const r = settings.rateLimit;
			const controller = {namespace: r.namespace, name: r.deployment};
			return {
				id: 'rate-limit',
				title: `Rate limit ${rps} rps`,
				target: target(r.namespace, `configmap/${r.configMap}`),
				command: `kubectl patch configmap ${r.configMap} -n ${r.namespace} --type merge -p '{"data":{"${r.key}":"${rps}"}}' && kubectl rollout restart deployment/${r.deployment} -n ${r.namespace}`,
				details: [`Sets ${r.key}: "${rps}", then restarts deployment/${r.deployment}`],
				checkPermission: can(
					{verb: 'patch', resource: 'configmaps', namespace: r.namespace, name: r.configMap},
					patchDeployment(controller),
				),
				run: () =>
					attempt(async () => {
						await core.patchNamespacedConfigMap(
							{name: r.configMap, namespace: r.namespace, body: {data: {[r.key]: String(rps)}}},
							merge(),
						);
						follow(controller, 'rate limit restart', await restartPatch(controller));
						return `${r.key}=${rps}, ${r.deployment} restarted`;
					}),
			};
		},
		deletePod(ref: PodRef) {
			return {
				id: 'delete-pod',
				title: 'Delete pod',
				target: target(ref.namespace, `pod/${ref.name}`),
				command: `kubectl delete pod/${ref.name} -n ${ref.namespace}`,
				checkPermission: can({
					verb: 'delete',
					resource: 'pods',
					namespace: ref.namespace,
					name: ref.name,
				}),
				run: () =>
					attempt(async () => {
						await core.deleteNamespacedPod({name: ref.name, namespace: ref.namespace});
						return 'deleted';
					}),
			};
		},
		renewCertificate(ref: CertificateRef) {
			return {
				id: 'renew-certificate',
				title: 'Force certificate renewal',
				target: target(ref.namespace, `certificate/${ref.name}`),
				command: `kubectl delete certificate ${ref.name} -n ${ref.namespace}`,
				details: [
					'Deletes the Certificate, as the runbook does: once it is recreated (ingress-shim,',
					'GitOps), cert-manager issues a new one. The Secret and its current certificate stay.',
				],
				checkPermission: can({
					verb: 'delete',
					group: certificateGroup,
					resource: 'certificates',
					namespace: ref.namespace,
					name: ref.name,
				}),
				run: () =>
					attempt(async () => {
						await custom.deleteNamespacedCustomObject({
							group: certificateGroup,
							version: 'v1',
							namespace: ref.namespace,
							plural: 'certificates',
							name: ref.name,
						});
						return 'deleted; cert-manager reissues it when it is recreated';
					}),
			};
		},
	};
}
