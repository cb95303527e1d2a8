import type {
	CoreV1Event,
	KubeConfig,
	KubernetesObject,
	V1Deployment,
	V1Node,
	V1Pod,
	V1ReplicaSet,
} from '@kubernetes/client-node';
import type {Source} from '../../engine/source.ts';
import type {KubernetesData} from '../../model/index.ts';
import {CertificateWatch} from './certificates.ts';
import type {Connection} from './connect.ts';
import {Memo, RowCache} from './memo.ts';
import {NodeMetricsPoller} from './metrics.ts';
import type {PermissionCache} from './permission-cache.ts';
import type {RolloutTracker} from './rollout-tracker.ts';
import {deploymentRow, eventRow, nodeRow, podRow, replicaSetOwners} from './rows.ts';
import {slimEvent, slimPod} from './slim.ts';
import {Watched, type WatchedOptions} from './watched.ts';
import {WorkloadWatches} from './workloads.ts';

/**
 * Changes closer together than this are read (and drawn) once: a churning
 * cluster then costs two frames a second, not one per change. Each frame is
 * the whole screen for Ink (about 3 MB allocated at 120x40), so this is most
 * of what a churning cluster costs; half a second is still quicker than a
 * person reads a table (k9s redraws every 2 s), and keys are answered at once.
 */
const coalesceMs = 500;

/** Newest events kept in a snapshot; the panel shows far fewer. */
const maxEvents = 500;

function scoped(namespace: string | null, resource: string, group = '/api/v1'): string {
	return namespace === null
		? `${group}/${resource}`
		: `${group}/namespaces/${encodeURIComponent(namespace)}/${resource}`;
}

export interface KubernetesSourceOptions extends WatchedOptions {
	readonly metricsIntervalMs?: number;
	/** Follows rollouts that mitigations started; fed from the deployments informer. */
	readonly rollouts?: RolloutTracker;
	/** Asked when the source starts, closed with it. */
	readonly permissions?: PermissionCache;
	/** How often the cert-manager API group is looked up. */
	readonly certificateDiscoveryMs?: number;
}

/**
 * The Kubernetes source: five informers and a metrics poller. `poll` is a
 * cheap read of their caches; `watch` tells the scheduler to read again as
 * soon as a cache moves, so steady state costs no list calls at all.
 */
export class KubernetesSource implements Source<'kubernetes'> {
	readonly id = 'kubernetes' as const;
	readonly intervalMs = 5000;
	// The first poll waits for the initial lists, which take a while on a big cluster.
	readonly timeoutMs = 30_000;
	readonly pods: Watched<V1Pod>;
	readonly nodes: Watched<V1Node>;
	readonly events: Watched<CoreV1Event>;
	readonly deployments: Watched<V1Deployment>;
	readonly replicaSets: Watched<V1ReplicaSet>;
	/** StatefulSets, DaemonSets, their revisions and EndpointSlices (workloads.ts). */
	readonly workloads: WorkloadWatches;
	readonly #all: Watched<never>[];
	readonly #metrics: NodeMetricsPoller;
	readonly certificates: CertificateWatch;
	readonly #permissions: PermissionCache | undefined;
	readonly #connection: Connection;
	readonly #memo = new Memo();
	readonly #podRows = new RowCache(podRow);
	readonly #eventRows = new RowCache((event: CoreV1Event, _a: null, _b: null) => eventRow(event));
	#changed: () => void = () => {};
	#started = false;

	constructor(connection: Connection, options: KubernetesSourceOptions = {}) {
		this.#connection = connection;
		const {kc, namespace: ns} = connection;
		const changed = () => {
			// Any change may be the one that ends a tracked rollout (or its wait); the
			// deployments are listed only while one is tracked, not for each of 15,000 list items.
			if (options.rollouts?.size) {
				options.rollouts.check(this.deployments.list());
				options.rollouts.checkWorkloads(
					this.workloads.statefulSets.list(),
					this.workloads.daemonSets.list(),
				);
			}
			this.#changed();
		};
		const make = <T extends KubernetesObject>(
			resource: string,
			path: string,
			slim?: (object: T) => void,
		) => new Watched<T>(resource, kc, path, changed, options, slim);
		this.pods = make<V1Pod>('pods', scoped(ns, 'pods'), slimPod);
		this.nodes = make<V1Node>('nodes', '/api/v1/nodes');
		this.events = make<CoreV1Event>('events', scoped(ns, 'events'), slimEvent);
		this.deployments = make<V1Deployment>(
			'deployments',
			scoped(ns, 'deployments', '/apis/apps/v1'),
		);
		this.replicaSets = make<V1ReplicaSet>(
			'replicasets',
			scoped(ns, 'replicasets', '/apis/apps/v1'),
		);
		this.workloads = new WorkloadWatches(make, (resource, group) => scoped(ns, resource, group));
		this.#all = [
			this.pods,
			this.nodes,
			this.events,
			this.deployments,
			this.replicaSets,
			...this.workloads.all,
		] as never;
		this.#permissions = options.permissions;
		this.#metrics = new NodeMetricsPoller(kc as KubeConfig, changed, options.metricsIntervalMs, ns);
		this.certificates = new CertificateWatch(kc, ns, changed, {
			...options,
			discoveryIntervalMs: options.certificateDiscoveryMs,
		});
	}

	watch(changed: () => void, signal: AbortSignal): void {
		// A burst of watch events (a rollout, a node going away) becomes one read
		// per coalesceMs, and so one frame.
		let pending: ReturnType<typeof setTimeout> | undefined;
		this.#changed = () => {
			if (pending) return;
			pending = setTimeout(() => {
				pending = undefined;
				changed();
			}, coalesceMs);
			pending.unref();
		};
		this.#start();
		signal.addEventListener('abort', () => void this.close(), {once: true});
	}

	#start(): void {
		if (this.#started) return;
		this.#started = true;
		for (const w of this.#all) w.start();
		this.#metrics.start();
		this.certificates.start();
		this.#permissions?.start();
	}

	async poll(signal: AbortSignal): Promise<KubernetesData> {
		this.#start();
		await waitOrAbort(Promise.all(this.#all.map((w) => w.firstAttempt)), signal);
		// Until every cache has been listed once, a partial picture would pass for the truth.
		const never = this.#all.find((w) => !w.everSynced);
		if (never) throw new Error(`${never.resource}: ${never.lastError ?? 'not listed yet'}`);
		return this.read();
	}

	/**
	 * The caches as rows, right now. Only what changed since the last read is
	 * rebuilt (see memo.ts): unchanged parts keep their identity, which also
	 * lets the panels skip work on them.
	 */
	read(): KubernetesData {
		const memo = this.#memo;
		const metrics = this.#metrics;
		const owners = memo.get('owners', [this.replicaSets.version], () =>
			replicaSetOwners(this.replicaSets.list()),
		);
		// A pod's row depends on the pod, its owners and the metrics poll: the
		// pod object and those two identities say whether it is still right.
		const pods = memo.get('pods', [this.pods.version, owners, metrics.pods], () =>
			this.pods.list().map((pod) => this.#podRows.get(pod, owners, metrics.pods)),
		);
		const nodes = memo.get(
			'nodes',
			[this.nodes.version, this.pods.version, metrics.version],
			() => {
				const perNode = new Map<string, number>();
				for (const pod of this.pods.list()) {
					const node = pod.spec?.nodeName;
					const phase = pod.status?.phase;
					if (node && phase !== 'Succeeded' && phase !== 'Failed')
						perNode.set(node, (perNode.get(node) ?? 0) + 1);
				}
				return this.nodes
					.list()
					.map((n) => nodeRow(n, perNode.get(n.metadata?.name ?? '') ?? 0, metrics.usage));
			},
		);
		const events = memo.get('events', [this.events.version], () =>
			this.events
				.list()
				.map((event) => this.#eventRows.get(event, null, null))
				.sort((a, b) => (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0))
				.slice(0, maxEvents),
		);
		const deployments = memo.get('deployments', [this.deployments.version], () =>
			this.deployments.list().map(deploymentRow),
		);
		const workloads = this.workloads.read();
		const certificates = this.certificates.rows();
		const certificatesError = this.certificates.error();
		const reconnecting = this.#all
			.filter((w) => w.state === 'reconnecting')
			.map((w) => `${w.resource}: ${w.lastError ?? 'reconnecting'}`);
		return memo.get(
			'data',
			[
				pods,
				nodes,
				events,
				deployments,
				certificates,
				certificatesError,
				reconnecting.join('\n'),
				metrics.unavailable,
				workloads,
			],
			() => ({
				context: this.#connection.context,
				namespace: this.#connection.namespace,
				nodes,
				pods,
				events,
				deployments,
				...(reconnecting.length > 0 ? {reconnecting} : {}),
				...(metrics.unavailable ? {metricsUnavailable: metrics.unavailable} : {}),
				...(certificates ? {certificates} : {}),
				...(certificatesError ? {certificatesError} : {}),
				...workloads,
			}),
		);
	}

	async close(): Promise<void> {
		this.#metrics.close();
		this.#permissions?.close();
		await this.certificates.close();
		await Promise.all(this.#all.map((w) => w.close()));
	}
}

function waitOrAbort(promise: Promise<unknown>, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(signal.reason);
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, {once: true});
		void promise.then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}
