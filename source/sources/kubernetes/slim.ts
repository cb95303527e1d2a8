import type {CoreV1Event, V1Pod} from '@kubernetes/client-node';

// On a big cluster the informers' caches are most of irtop's memory, and a
// full collection has to walk all of it, so what nothing reads is dropped as
// each object arrives. Mitigations never act on these copies: they read the
// object fresh from the API server. A field set to undefined keeps the
// object's shape (V8 keeps it compact); only the value is freed.

/**
 * What a cached pod keeps: its rows need names, owners, node, containers'
 * names, resources and init containers' restartPolicy, and the status'
 * phase, reason, conditions and container states; volumes, env, probes, IPs,
 * image IDs and the rest only cost memory (more than half of a pod's size).
 */
export function slimPod(pod: V1Pod): void {
	const {metadata, spec, status} = pod;
	if (metadata) {
		metadata.annotations = undefined;
		metadata.labels = undefined;
		metadata.uid = undefined;
		metadata.generateName = undefined;
	}
	if (spec) {
		spec.volumes = undefined;
		spec.tolerations = undefined;
		spec.affinity = undefined;
		spec.securityContext = undefined;
		spec.ephemeralContainers = undefined;
		spec.dnsPolicy = undefined;
		spec.schedulerName = undefined;
		spec.serviceAccountName = undefined;
		spec.serviceAccount = undefined;
		spec.enableServiceLinks = undefined;
		spec.preemptionPolicy = undefined;
		spec.priorityClassName = undefined;
		spec.imagePullSecrets = undefined;
		spec.topologySpreadConstraints = undefined;
		spec.nodeSelector = undefined;
		for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
			c.env = undefined;
			c.envFrom = undefined;
			c.volumeMounts = undefined;
			c.ports = undefined;
			c.livenessProbe = undefined;
			c.readinessProbe = undefined;
			c.startupProbe = undefined;
			c.command = undefined;
			c.args = undefined;
			c.securityContext = undefined;
			c.lifecycle = undefined;
			c.image = undefined;
			c.imagePullPolicy = undefined;
			c.terminationMessagePath = undefined;
			c.terminationMessagePolicy = undefined;
			c.resizePolicy = undefined;
		}
	}
	if (status) {
		status.hostIP = undefined;
		status.hostIPs = undefined;
		status.podIP = undefined;
		status.podIPs = undefined;
		status.qosClass = undefined;
		for (const c of [
			...(status.containerStatuses ?? []),
			...(status.initContainerStatuses ?? []),
		]) {
			c.image = undefined as never;
			c.imageID = undefined as never;
			c.containerID = undefined;
			c.volumeMounts = undefined;
			c.allocatedResources = undefined;
			c.resources = undefined;
			c.user = undefined;
		}
	}
}

/**
 * What a cached event keeps: what the Events panel shows (type, reason,
 * object kind and name, message, count, times). Reporting components, the
 * involved object's uid and versions and related objects are dropped.
 */
export function slimEvent(event: CoreV1Event): void {
	if (event.metadata) event.metadata.uid = undefined;
	const involved = event.involvedObject;
	if (involved) {
		involved.uid = undefined;
		involved.apiVersion = undefined;
		involved.resourceVersion = undefined;
		involved.fieldPath = undefined;
	}
	event.source = undefined;
	event.reportingComponent = undefined;
	event.reportingInstance = undefined;
	event.related = undefined;
	event.action = undefined;
}
