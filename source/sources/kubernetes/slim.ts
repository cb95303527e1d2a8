import type {CoreV1Event, V1Pod} from '@kubernetes/client-node';

// On a big cluster the informers' caches are most of irtop's memory, and a
// full collection has to walk all of it, so what nothing reads is dropped as
// each object arrives. Mitigations never act on these copies: they read the
// object fresh from the API server. A field set to undefined keeps the
// object's shape (V8 keeps it compact); only the value is freed.

/** Sets the named fields of `object` to undefined; the names are checked against its type. */
function drop<T extends object>(object: T | undefined, fields: readonly (keyof T)[]): void {
	if (object) for (const field of fields) object[field] = undefined as never;
}

/**
 * What a cached pod keeps: its rows need names, owners, node, containers'
 * names, resources and init containers' restartPolicy, and the status'
 * phase, reason, conditions and container states; volumes, env, probes, IPs,
 * image IDs and the rest only cost memory (more than half of a pod's size).
 */
export function slimPod(pod: V1Pod): void {
	const {metadata, spec, status} = pod;
	drop(metadata, ['annotations', 'labels', 'uid', 'generateName']);
	drop(spec, [
		'volumes',
		'tolerations',
		'affinity',
		'securityContext',
		'ephemeralContainers',
		'dnsPolicy',
		'schedulerName',
		'serviceAccountName',
		'serviceAccount',
		'enableServiceLinks',
		'preemptionPolicy',
		'priorityClassName',
		'imagePullSecrets',
		'topologySpreadConstraints',
		'nodeSelector',
	]);
	for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])])
		drop(c, [
			'env',
			'envFrom',
			'volumeMounts',
			'ports',
			'livenessProbe',
			'readinessProbe',
			'startupProbe',
			'command',
			'args',
			'securityContext',
			'lifecycle',
			'image',
			'imagePullPolicy',
			'terminationMessagePath',
			'terminationMessagePolicy',
			'resizePolicy',
		]);
	drop(status, ['hostIP', 'hostIPs', 'podIP', 'podIPs', 'qosClass']);
	for (const c of [...(status?.containerStatuses ?? []), ...(status?.initContainerStatuses ?? [])])
		drop(c, [
			'image',
			'imageID',
			'containerID',
			'volumeMounts',
			'allocatedResources',
			'resources',
			'user',
		]);
}

/**
 * What a cached event keeps: what the Events panel shows (type, reason,
 * object kind and name, message, count, times). Reporting components, the
 * involved object's uid and versions and related objects are dropped.
 */
export function slimEvent(event: CoreV1Event): void {
	drop(event.metadata, ['uid']);
	drop(event.involvedObject, ['uid', 'apiVersion', 'resourceVersion', 'fieldPath']);
	drop(event, ['source', 'reportingComponent', 'reportingInstance', 'related', 'action']);
}
