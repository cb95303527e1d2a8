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
		// A DaemonSet's counts have their own names.
		desiredNumberScheduled?: number;
		updatedNumberScheduled?: number;
		currentNumberScheduled?: number;
		numberAvailable?: number;
	};
}

export function rolledOut(w: Workload): boolean {
	const s = w.status ?? {};
	if (s.desiredNumberScheduled !== undefined) {
		const want = s.desiredNumberScheduled;
		return (
			(s.observedGeneration ?? 0) >= (w.metadata.generation ?? 1) &&
			want > 0 &&
			s.updatedNumberScheduled === want &&
			(s.numberAvailable ?? 0) === want
		);
	}
	const want = w.spec.replicas ?? 1;
	return (
		(s.observedGeneration ?? 0) >= (w.metadata.generation ?? 1) &&
		s.updatedReplicas === want &&
		(s.replicas ?? 0) === want &&
		(s.availableReplicas ?? s.readyReplicas ?? 0) === want
	);
}

export function waitRolledOut(
	client: KubeClient,
	kind: 'Deployment' | 'StatefulSet' | 'DaemonSet',
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
