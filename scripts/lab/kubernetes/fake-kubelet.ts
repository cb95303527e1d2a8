// The lab's stand-in for kube-scheduler and the kubelets. No container runs:
// pods are bound to the seeded nodes, their status is written through the
// pods/status subresource as a kubelet would (Running and Ready, or the
// trouble the simulation calls for; see sim-config.ts), events are recorded,
// and deleted pods are finalized. Nodes whose Ready condition is not True
// are left alone, as a node whose kubelet is down would be.
import type {KubeClient} from './client.ts';
import type {RecordEvent} from './events.ts';
import type {Informer} from './informer.ts';
import {desiredPodStatus, type TroubleClock} from './pod-status.ts';
import type {PostgresRestarts} from './postgres-restart.ts';
import {place} from './scheduler.ts';
import {annotations, parseOverrides} from './sim-config.ts';
import {covers} from './status-diff.ts';
import type {ConfigMap, Node, Pod} from './types.ts';

export interface World {
	readonly pods: Informer<Pod>;
	readonly nodes: Informer<Node>;
	readonly config: Informer<ConfigMap>;
}

type ContainerStatus = {
	name: string;
	image: string;
	restartCount?: number;
	state?: {running?: object; waiting?: {reason?: string}; terminated?: {reason?: string}};
};

const terminalPhases = new Set(['Succeeded', 'Failed']);

export function nodeIsLive(node: Node | undefined): boolean {
	return node?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function fakeKubelet(
	client: KubeClient,
	world: World,
	record: RecordEvent,
	log: (line: string) => void,
	postgres?: PostgresRestarts,
) {
	const queue = new Set<string>();
	// Pods bound but not yet seen bound through the watch (the scheduler's "assume").
	const assumed = new Map<string, Pod>();
	const deletingSince = new Map<string, number>();
	let running = false;
	// When each troubled container's trouble began; forgotten once it is no
	// longer asked about (trouble over), so a later OOM starts a fresh cycle.
	const troubles = new Map<string, {since: number; restarts: number; asked: number}>();
	const trouble: TroubleClock = (container, restartsNow) => {
		const now = Date.now();
		const known = troubles.get(container) ?? {since: now, restarts: restartsNow, asked: now};
		known.asked = now;
		troubles.set(container, known);
		return known;
	};
	const forgetTroubles = () => {
		for (const [key, value] of troubles)
			if (Date.now() - value.asked > 10_000) troubles.delete(key);
	};

	function boundPods(): Map<string, Pod[]> {
		const byNode = new Map<string, Pod[]>();
		const add = (node: string, pod: Pod) => {
			const list = byNode.get(node);
			if (list) list.push(pod);
			else byNode.set(node, [pod]);
		};
		for (const pod of world.pods.items.values()) {
			if (pod.spec.nodeName && !terminalPhases.has(pod.status?.phase ?? ''))
				add(pod.spec.nodeName, pod);
		}
		for (const [key, pod] of assumed) {
			if (world.pods.items.get(key)?.spec.nodeName) assumed.delete(key);
			else if (pod.spec.nodeName) add(pod.spec.nodeName, pod);
		}
		return byNode;
	}

	// Load tests with thousands of pods can turn the kubelet's events off per pod.
	const quiet = (pod: Pod) => pod.metadata.annotations?.[annotations.events] === 'off';

	const podRef = (pod: Pod, fieldPath?: string) => ({
		kind: 'Pod',
		name: pod.metadata.name,
		namespace: pod.metadata.namespace,
		uid: pod.metadata.uid,
		...(fieldPath ? {fieldPath} : {}),
	});
	const podPath = (pod: Pod) =>
		`/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`;

	async function schedule(key: string, pod: Pod): Promise<void> {
		const placement = place(pod, [...world.nodes.items.values()], boundPods());
		if ('node' in placement) {
			await client.create(`${podPath(pod)}/binding`, {
				apiVersion: 'v1',
				kind: 'Binding',
				metadata: {name: pod.metadata.name, namespace: pod.metadata.namespace},
				target: {apiVersion: 'v1', kind: 'Node', name: placement.node},
			});
			assumed.set(key, {...pod, spec: {...pod.spec, nodeName: placement.node}});
			if (!quiet(pod))
				await record({
					involved: podRef(pod),
					type: 'Normal',
					reason: 'Scheduled',
					message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${placement.node}`,
					component: 'default-scheduler',
				});
			return;
		}
		const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
		if (scheduled?.status === 'False' && scheduled.message === placement.unschedulable) return;
		await client.patch(`${podPath(pod)}/status`, {
			status: {
				phase: 'Pending',
				conditions: [
					{
						type: 'PodScheduled',
						status: 'False',
						reason: 'Unschedulable',
						message: placement.unschedulable,
						lastProbeTime: null,
						lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
					},
				],
			},
		});
		if (!quiet(pod))
			await record({
				involved: podRef(pod),
				type: 'Warning',
				reason: 'FailedScheduling',
				message: placement.unschedulable,
				component: 'default-scheduler',
			});
	}

	async function containerEvents(
		pod: Pod,
		node: string,
		before: ContainerStatus[],
		after: ContainerStatus[],
	): Promise<void> {
		if (quiet(pod)) return;
		for (const now of after) {
			const was = before.find((b) => b.name === now.name);
			const ref = podRef(pod, `spec.containers{${now.name}}`);
			const event = (type: 'Normal' | 'Warning', reason: string, message: string, count?: number) =>
				record({
					involved: ref,
					type,
					reason,
					message,
					component: 'kubelet',
					host: node,
					...(count ? {count} : {}),
				});
			const restarts = now.restartCount ?? 0;
			if (now.state?.running && (!was?.state?.running || (was.restartCount ?? 0) !== restarts)) {
				await event(
					'Normal',
					'Pulled',
					`Container image "${now.image}" already present on machine`,
					restarts + 1,
				);
				await event('Normal', 'Created', `Created container: ${now.name}`, restarts + 1);
				await event('Normal', 'Started', `Started container ${now.name}`, restarts + 1);
			}
			const waiting = now.state?.waiting?.reason;
			if (
				waiting === 'CrashLoopBackOff' &&
				!(was?.state?.waiting?.reason === waiting && (was.restartCount ?? 0) === restarts)
			) {
				await event(
					'Warning',
					'BackOff',
					`Back-off restarting failed container ${now.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
					restarts + 1,
				);
			}
			if (waiting === 'ImagePullBackOff' && was?.state?.waiting?.reason !== waiting) {
				await event('Normal', 'Pulling', `Pulling image "${now.image}"`);
				await event(
					'Warning',
					'Failed',
					`Failed to pull image "${now.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${now.image}": not found`,
				);
				await event('Normal', 'BackOff', `Back-off pulling image "${now.image}"`);
			}
		}
	}

	async function sync(key: string): Promise<void> {
		const pod = world.pods.items.get(key);
		if (!pod) {
			assumed.delete(key);
			deletingSince.delete(key);
			return;
		}
		if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
		const nodeName = pod.spec.nodeName ?? assumed.get(key)?.spec.nodeName;
		const node = nodeName ? world.nodes.items.get(nodeName) : undefined;
		if (pod.metadata.deletionTimestamp) {
			// The kubelet stops the containers, then confirms with a zero-grace delete.
			if (!nodeIsLive(node)) return;
			const since = deletingSince.get(key) ?? Date.now();
			deletingSince.set(key, since);
			if (Date.now() - since < 1000) {
				setTimeout(() => self.enqueue(key), 1000 - (Date.now() - since));
				return;
			}
			await client.remove(podPath(pod), {
				apiVersion: 'v1',
				kind: 'DeleteOptions',
				gracePeriodSeconds: 0,
				preconditions: {uid: pod.metadata.uid},
			});
			return;
		}
		if (!nodeName) return schedule(key, pod);
		if (!pod.spec.nodeName || !nodeIsLive(node) || terminalPhases.has(pod.status?.phase ?? ''))
			return;
		// A pod that runs a lab PostgreSQL starts once that server has been restarted.
		if (postgres && !postgres.ready(pod, () => self.enqueue(key))) return;
		const now = Date.now();
		const anchor = Date.parse(pod.status?.startTime ?? '') || now;
		const desired = desiredPodStatus(
			pod,
			node,
			anchor,
			now,
			parseOverrides(world.config.items.values().next().value),
			trouble,
		);
		if (covers(pod.status, desired)) return;
		await client.patch(`${podPath(pod)}/status`, {status: desired});
		// A started container turns Ready in a few seconds: look again soon
		// rather than at the next tick, so rollouts move at a kubelet's pace.
		const statuses = desired.containerStatuses as {ready?: boolean; started?: boolean}[];
		if (statuses.every((c) => c.started) && statuses.some((c) => !c.ready)) {
			setTimeout(() => self.enqueue(key), 500);
		}
		await containerEvents(
			pod,
			nodeName,
			(pod.status?.containerStatuses ?? []) as ContainerStatus[],
			desired.containerStatuses as ContainerStatus[],
		);
	}

	async function drain(): Promise<void> {
		if (running) return;
		running = true;
		try {
			while (queue.size > 0) {
				const key = queue.values().next().value as string;
				queue.delete(key);
				try {
					await sync(key);
				} catch (error) {
					const code = (error as {code?: number}).code;
					// 404/409: the pod changed under us; the watch brings the next version.
					if (code !== 404 && code !== 409) log(`pod ${key}: ${(error as Error).message}`);
				}
			}
		} finally {
			running = false;
		}
	}

	const self = {
		enqueue(key: string): void {
			queue.add(key);
			void drain();
		},
		/** Time moves: crash loops restart, containers become ready. */
		enqueueAll(): void {
			forgetTroubles();
			for (const key of world.pods.items.keys()) queue.add(key);
			void drain();
		},
	};
	return self;
}
