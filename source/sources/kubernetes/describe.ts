// `kubectl describe pod`, the pod part: one GET of the pod when the view opens
// (the informer's copy is slimmed of images, QoS and resources, and keeping
// them for 5,000 pods to describe one would cost more than one request).
import {
	CoreV1Api,
	type KubeConfig,
	type V1ContainerState,
	type V1Pod,
} from '@kubernetes/client-node';
import type {ContainerStateView, PodDescription} from '../../model/index.ts';
import {epoch} from './time.ts';

function stateView(state: V1ContainerState | undefined): ContainerStateView | null {
	if (!state) return null;
	const empty = {
		reason: '',
		message: '',
		exitCode: null,
		signal: null,
		startedAt: null,
		finishedAt: null,
	};
	if (state.running) return {...empty, state: 'running', startedAt: epoch(state.running.startedAt)};
	if (state.waiting)
		return {
			...empty,
			state: 'waiting',
			reason: state.waiting.reason ?? '',
			message: state.waiting.message ?? '',
		};
	if (state.terminated) {
		const t = state.terminated;
		return {
			state: 'terminated',
			reason: t.reason ?? '',
			message: t.message ?? '',
			exitCode: t.exitCode ?? null,
			signal: t.signal ?? null,
			startedAt: epoch(t.startedAt),
			finishedAt: epoch(t.finishedAt),
		};
	}
	return null;
}

const unknown: ContainerStateView = {
	state: 'unknown',
	reason: '',
	message: '',
	exitCode: null,
	signal: null,
	startedAt: null,
	finishedAt: null,
};

const quantities = (values: Record<string, unknown> | undefined) =>
	Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));

/** The pod as the describe view shows it; nothing here throws on a partial pod. */
export function podDescription(pod: V1Pod): PodDescription {
	const statuses = new Map(
		[...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].map(
			(s) => [s.name, s],
		),
	);
	const containers = [
		...(pod.spec?.initContainers ?? []).map((c) => ({c, init: true})),
		...(pod.spec?.containers ?? []).map((c) => ({c, init: false})),
	].map(({c, init}) => {
		const s = statuses.get(c.name);
		return {
			name: c.name,
			init,
			image: c.image ?? '',
			ready: s?.ready ?? false,
			restarts: s?.restartCount ?? 0,
			state: stateView(s?.state) ?? unknown,
			lastState: stateView(s?.lastState),
			requests: quantities(c.resources?.requests),
			limits: quantities(c.resources?.limits),
		};
	});
	const owner = pod.metadata?.ownerReferences?.find((o) => o.controller);
	return {
		namespace: pod.metadata?.namespace ?? '',
		name: pod.metadata?.name ?? '',
		node: pod.spec?.nodeName || null,
		phase: pod.status?.phase ?? '',
		qosClass: pod.status?.qosClass ?? null,
		startedAt: epoch(pod.status?.startTime),
		controlledBy: owner ? `${owner.kind}/${owner.name}` : null,
		conditions: (pod.status?.conditions ?? []).map((c) => ({
			type: c.type,
			status: c.status,
			reason: c.reason ?? '',
			message: c.message ?? '',
		})),
		containers,
	};
}

export async function describePod(
	kc: KubeConfig,
	ref: {readonly namespace: string; readonly name: string},
	signal: AbortSignal,
): Promise<PodDescription> {
	const api = kc.makeApiClient(CoreV1Api);
	signal.throwIfAborted();
	return podDescription(await api.readNamespacedPod(ref));
}
