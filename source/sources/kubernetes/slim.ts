import type {V1Pod} from '@kubernetes/client-node';

/**
 * What a cached pod keeps: its rows need names, owners, node, containers'
 * names and resources, and the status; volumes, env, probes and the rest of
 * the spec only cost memory (a third of a pod's size). Mitigations never
 * act on these copies: they read the object fresh from the API server.
 */
export function slimPod(pod: V1Pod): void {
	const spec = pod.spec;
	if (pod.metadata) pod.metadata.annotations = undefined;
	if (!spec) return;
	spec.volumes = undefined;
	spec.tolerations = undefined;
	spec.affinity = undefined;
	spec.securityContext = undefined;
	spec.ephemeralContainers = undefined;
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
	}
}
