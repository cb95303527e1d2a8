// Waiting for workloads the way `kubectl rollout status` decides they are done.

import {objectPath} from './apply.ts';
import type {KubeClient} from './client.ts';
import {waitFor} from './wait.ts';

interface Workload {
	metadata: {generation?: number};
	spec: {replicas?: number};
	status?: {
		observedGeneration?: number;
		replicas?: number;
		updatedReplicas?: number;
		availableReplicas?: number;
		readyReplicas?: number;
	};
}

export function rolledOut(w: Workload): boolean {
	const want = w.spec.replicas ?? 1;
	const s = w.status ?? {};
	return (
		(s.observedGeneration ?? 0) >= (w.metadata.generation ?? 1) &&
		s.updatedReplicas === want &&
		(s.replicas ?? 0) === want &&
		(s.availableReplicas ?? s.readyReplicas ?? 0) === want
	);
}

export function waitRolledOut(
	client: KubeClient,
	kind: 'Deployment' | 'StatefulSet',
	namespace: string,
	name: string,
	timeoutMs = 90_000,
): Promise<true> {
	const path = objectPath('apps/v1', kind, name, namespace);
	return waitFor(async () => (rolledOut(await client.get<Workload>(path)) ? true : undefined), {
		what: `${kind.toLowerCase()} ${namespace}/${name} to roll out`,
		timeoutMs,
		intervalMs: 500,
	});
}
