// What the kubelet would report for a pod on a live node: a pure function of
// the pod, its node, the simulation overrides and the clock. The fake kubelet
// writes the result through the pods/status subresource when it changes.
import {createHash} from 'node:crypto';
import {type CycleState, crashCycle, runStart, type Span} from './crash-cycle.ts';
import {annotations, imageIsMissing, type UsageOverrides} from './sim-config.ts';
import type {Condition, Container, Node, Pod} from './types.ts';
import {memoryDemand, memoryLimit} from './usage.ts';

type Json = Record<string, unknown>;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const iso = (ms: number) =>
	new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function nodeInternalIp(node: Node | undefined): string {
	return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
}

/** A stable pod IP inside the node's pod CIDR (10.244.N.0/24 in the seed). */
export function podIp(pod: Pod, node: Node | undefined): string {
	const cidr = node?.spec?.podCIDR ?? '10.244.0.0/24';
	const prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
	return `${prefix}.${2 + (Number.parseInt(sha(pod.metadata.uid ?? pod.metadata.name).slice(0, 6), 16) % 250)}`;
}

interface ContainerView {
	status: Json;
	ready: boolean;
	/** The container has run at least once (the pod is past Pending). */
	ran: boolean;
	/** It is crashing or being OOM-killed right now. */
	troubled: boolean;
}

interface ServedStatus {
	name: string;
	restartCount?: number;
	state?: {running?: {startedAt?: string}; terminated?: Json};
	lastState?: Json;
}

/**
 * When a container's trouble began, and how many restarts it had by then.
 * The fake kubelet remembers the first answer per container.
 */
export type TroubleClock = (
	container: string,
	restartsNow: number,
) => {since: number; restarts: number};

function terminated(
	reason: string,
	exitCode: number,
	span: Span,
	anchor: number,
	id: string,
	message?: string,
): Json {
	return {
		terminated: {
			exitCode,
			reason,
			...(message ? {message} : {}),
			startedAt: iso(anchor + span.startedAt * 1000),
			finishedAt: iso(anchor + span.finishedAt * 1000),
			containerID: `containerd://${id}`,
		},
	};
}

function cycling(
	pod: Pod,
	c: Container,
	cycle: CycleState,
	anchor: number,
	reason: string,
	exitCode: number,
	message: string | undefined,
): Json {
	const id = (n: number) => sha(`${pod.metadata.uid}/${c.name}/${n}`);
	const previous =
		'previous' in cycle && cycle.previous
			? terminated(reason, exitCode, cycle.previous, anchor, id(cycle.restarts - 1), message)
			: {};
	switch (cycle.kind) {
		case 'running':
			return {
				state: {running: {startedAt: iso(anchor + cycle.startedAt * 1000)}},
				lastState: previous,
				restartCount: cycle.restarts,
				containerID: `containerd://${id(cycle.restarts)}`,
				started: true,
			};
		case 'terminated':
			return {
				state: terminated(reason, exitCode, cycle.current, anchor, id(cycle.restarts), message),
				lastState: previous,
				restartCount: cycle.restarts,
				containerID: `containerd://${id(cycle.restarts)}`,
				started: false,
			};
		case 'waiting':
			return {
				state: {
					waiting: {
						reason: 'CrashLoopBackOff',
						message: `back-off ${cycle.backOff}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
					},
				},
				lastState: terminated(reason, exitCode, cycle.current, anchor, id(cycle.restarts), message),
				restartCount: cycle.restarts,
				containerID: `containerd://${id(cycle.restarts)}`,
				started: false,
			};
	}
}

function containerView(
	pod: Pod,
	index: number,
	anchor: number,
	now: number,
	overrides: UsageOverrides,
	trouble: TroubleClock,
): ContainerView {
	const c = pod.spec.containers[index]!;
	const notes = pod.metadata.annotations ?? {};
	const base = {
		name: c.name,
		image: c.image,
		imageID: `${c.image.split(':')[0]}@sha256:${sha(c.image)}`,
	};
	const number = (key: string, fallback: number) => {
		const value = Number(notes[key]);
		return Number.isFinite(value) && notes[key] !== undefined ? value : fallback;
	};
	if (imageIsMissing(c.image)) {
		return {
			status: {
				...base,
				imageID: '',
				ready: false,
				started: false,
				restartCount: 0,
				lastState: {},
				state: {
					waiting: {reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"`},
				},
			},
			ready: false,
			ran: false,
			troubled: false,
		};
	}
	const crash = index === 0 ? notes[annotations.crash] : undefined;
	const limit = memoryLimit(c);
	const current = (pod.status?.containerStatuses as ServedStatus[] | undefined)?.find(
		(s) => s.name === c.name,
	);
	if (crash !== undefined || (limit !== undefined && memoryDemand(pod, index, overrides) > limit)) {
		const oom = crash === undefined;
		const runFor = number(annotations.runFor, oom ? 8 : 0);
		// A crash in the template troubles the container from its start (and, with
		// history, from before it); an OOM begins when usage passes the limit.
		const began = oom
			? trouble(`${pod.metadata.uid}/${c.name}`, current?.restartCount ?? 0)
			: {
					since: anchor - runStart(number(annotations.priorRestarts, 0), runFor) * 1000,
					restarts: 0,
				};
		const cycle = crashCycle(
			Math.max(0, (now - began.since) / 1000),
			runFor,
			number(annotations.terminatedFor, 5),
		);
		const shifted = {...cycle, restarts: cycle.restarts + began.restarts};
		const status = cycling(
			pod,
			c,
			shifted,
			began.since,
			oom ? 'OOMKilled' : 'Error',
			oom ? 137 : number(annotations.exitCode, 1),
			oom ? undefined : crash || undefined,
		);
		// A container that crashes at start never passes its readiness probe.
		return {status: {...base, ...status, ready: false}, ready: false, ran: true, troubled: true};
	}
	const readyAfter = number(annotations.readyAfter, 3) * 1000;
	if (
		current &&
		(current.restartCount ?? 0) > 0 &&
		!(index === 0 && notes[annotations.oomOnce] === 'true')
	) {
		// Trouble is over (usage fell below the limit): restarts never go back to
		// zero, and the last crash stays as the last state.
		const startedAt = Date.parse(current.state?.running?.startedAt ?? '') || now;
		const ready = now >= startedAt + readyAfter;
		const restarts = current.restartCount ?? 0;
		return {
			status: {
				...base,
				ready,
				started: true,
				restartCount: current.state?.running ? restarts : restarts + 1,
				lastState: current.state?.terminated
					? {terminated: current.state.terminated}
					: (current.lastState ?? {}),
				state: {running: {startedAt: iso(startedAt)}},
				containerID: `containerd://${sha(`${pod.metadata.uid}/${c.name}/${current.state?.running ? restarts : restarts + 1}`)}`,
			},
			ready,
			ran: true,
			troubled: false,
		};
	}
	// One OOM kill 5 s after the start, restarted 1 s later.
	const lastOom = index === 0 && notes[annotations.oomOnce] === 'true' ? anchor + 5000 : Number.NaN;
	const startedAt = Number.isNaN(lastOom) ? anchor + 1000 : lastOom + 1000;
	const ready = now >= startedAt + readyAfter;
	const lastState = Number.isNaN(lastOom)
		? {}
		: terminated(
				'OOMKilled',
				137,
				{startedAt: -4, finishedAt: 0},
				lastOom,
				sha(`${pod.metadata.uid}/${c.name}/0`),
			);
	return {
		status: {
			...base,
			ready,
			started: true,
			restartCount: Number.isNaN(lastOom) ? 0 : 1,
			lastState,
			state: {running: {startedAt: iso(startedAt)}},
			containerID: `containerd://${sha(`${pod.metadata.uid}/${c.name}/${Number.isNaN(lastOom) ? 0 : 1}`)}`,
		},
		ready,
		ran: true,
		troubled: false,
	};
}

function condition(
	pod: Pod,
	type: string,
	status: boolean,
	now: number,
	reason?: string,
	message?: string,
): Condition {
	const value = status ? 'True' : 'False';
	const previous = pod.status?.conditions?.find((c) => c.type === type);
	// Keep the transition time while the value holds, as the kubelet does.
	const since =
		previous?.status === value && previous.lastTransitionTime
			? previous.lastTransitionTime
			: iso(now);
	return {
		type,
		status: value,
		lastProbeTime: null,
		lastTransitionTime: since,
		...(reason ? {reason} : {}),
		...(message ? {message} : {}),
	};
}

/** The status a live kubelet would report now. `anchor` is the pod's start time (ms). */
export function desiredPodStatus(
	pod: Pod,
	node: Node | undefined,
	anchor: number,
	now: number,
	overrides: UsageOverrides,
	trouble: TroubleClock = () => ({since: anchor, restarts: 0}),
): Json {
	const views = pod.spec.containers.map((_, i) =>
		containerView(pod, i, anchor, now, overrides, trouble),
	);
	const unready = pod.spec.containers.filter((_, i) => !views[i]!.ready).map((c) => c.name);
	const allReady = unready.length === 0;
	const notReadyMessage = `containers with unready status: [${unready.join(' ')}]`;
	const hostIp = nodeInternalIp(node);
	const ip = podIp(pod, node);
	const init = (pod.spec.initContainers ?? []).map((c) => ({
		name: c.name,
		image: c.image,
		imageID: `${c.image.split(':')[0]}@sha256:${sha(c.image)}`,
		ready: true,
		started: false,
		restartCount: 0,
		lastState: {},
		state: terminated(
			'Completed',
			0,
			{startedAt: 0, finishedAt: 1},
			anchor,
			sha(`${pod.metadata.uid}/${c.name}/0`),
		),
	}));
	return {
		phase: views.some((v) => v.ran) ? 'Running' : 'Pending',
		conditions: [
			condition(pod, 'PodReadyToStartContainers', true, now),
			condition(pod, 'Initialized', true, now),
			condition(
				pod,
				'Ready',
				allReady,
				now,
				allReady ? undefined : 'ContainersNotReady',
				allReady ? undefined : notReadyMessage,
			),
			condition(
				pod,
				'ContainersReady',
				allReady,
				now,
				allReady ? undefined : 'ContainersNotReady',
				allReady ? undefined : notReadyMessage,
			),
			condition(pod, 'PodScheduled', true, now),
		],
		hostIP: hostIp,
		hostIPs: [{ip: hostIp}],
		podIP: ip,
		podIPs: [{ip}],
		startTime: iso(anchor),
		containerStatuses: views.map((v) => v.status),
		...(init.length > 0 ? {initContainerStatuses: init} : {}),
	};
}
