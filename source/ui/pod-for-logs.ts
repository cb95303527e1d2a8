import type {PodRow} from '../model/index.ts';

const phaseRank = (pod: PodRow) =>
	pod.status === 'Running'
		? 0
		: /Pending|ContainerCreating|Init:|PodInitializing/.test(pod.status)
			? 2
			: 1;
const isReady = (pod: PodRow) => {
	const [ready, total] = pod.ready.split('/').map(Number);
	return ready === total && (total ?? 0) > 0;
};

/**
 * The pod `kubectl logs deployment/NAME` reads: kubectl sorts the
 * deployment's pods with ByLogging and takes the first. From the rows irtop
 * has: on a node first, then Running before Unknown before Pending, ready
 * before not, more restarts first, older first (kubectl's ready-since step
 * has no column here and is skipped).
 */
export function podForLogs(
	pods: readonly PodRow[],
	namespace: string,
	deployment: string,
): PodRow | undefined {
	return pods
		.filter((p) => p.namespace === namespace && p.deployment === deployment)
		.toSorted(
			(a, b) =>
				Number(a.node === null) - Number(b.node === null) ||
				phaseRank(a) - phaseRank(b) ||
				Number(isReady(b)) - Number(isReady(a)) ||
				b.restarts - a.restarts ||
				(a.createdAt ?? Number.POSITIVE_INFINITY) - (b.createdAt ?? Number.POSITIVE_INFINITY),
		)[0];
}
