import type {DeploymentSpec} from './inventory.ts';
import {kubeSuffix, templateHash} from './names.ts';
import {unit} from './noise.ts';

// A small Deployment controller: replays restarts and scales (times in
// seconds since the start) into each pod's lifecycle, with the defaults
// kubectl users meet (maxSurge 25 %, maxUnavailable 25 %, pods replaced as
// their successors become ready). The result is plain data, computed once
// per set of interventions and then read at any time.

export type DeploymentChange =
	| {readonly at: number; readonly kind: 'restart'}
	| {readonly at: number; readonly kind: 'scale'; readonly replicas: number};

export interface PodPlan {
	readonly name: string;
	/** Creation order within the deployment. */
	readonly ordinal: number;
	readonly hash: string;
	/** Existed before the demo started (no creation events). */
	readonly initial: boolean;
	/** null: the scheduler never found room (the pod stays Pending). */
	readonly node: string | null;
	readonly createdAt: number;
	readonly readyAt: number | null;
	readonly terminatingAt: number | null;
	readonly restarts: number;
	readonly lastRestartAt: number | null;
}

export interface ScaleStep {
	readonly at: number;
	readonly replicaSet: string;
	readonly from: number;
	readonly to: number;
}

export interface Version {
	readonly at: number;
	readonly revision: number;
	readonly hash: string;
	readonly desired: number;
}

export interface DeploymentPlan {
	readonly spec: DeploymentSpec;
	readonly pods: readonly PodPlan[];
	readonly steps: readonly ScaleStep[];
	/** Revision and desired replicas as they changed, oldest first; the first is the initial state. */
	readonly versions: readonly Version[];
}

/** Seconds a terminating pod stays listed (its graceful shutdown). */
export const terminationGraceS = 5;
const tickS = 0.5;
const maxTicks = 20_000;
/** Pending pods materialised past capacity: an absurd --replicas must not build millions of objects. */
const pendingCap = 20;

type MutablePod = {-readonly [K in keyof PodPlan]: PodPlan[K]};

export function versionAt(plan: DeploymentPlan, t: number): Version {
	let current = plan.versions[0] as Version;
	for (const version of plan.versions) if (version.at <= t) current = version;
	return current;
}

export function planDeployment(
	spec: DeploymentSpec,
	changes: readonly DeploymentChange[],
): DeploymentPlan {
	const pods: MutablePod[] = [];
	const steps: ScaleStep[] = [];
	let revision = spec.revision;
	let hash = templateHash(spec.name, revision);
	let desired = spec.replicas;
	const versions: Version[] = [{at: Number.NEGATIVE_INFINITY, revision, hash, desired}];

	for (let i = 0; i < spec.replicas; i++) {
		const createdAt = -spec.ageHours * 3600 + i * 41;
		const [restarts, agoH] = spec.restarts?.[i] ?? [0, 0];
		pods.push({
			...identity(spec, hash, i),
			initial: true,
			node: spec.nodes[i % spec.nodes.length] ?? null,
			createdAt,
			readyAt: createdAt + spec.readyS,
			terminatingAt: null,
			restarts,
			lastRestartAt: restarts > 0 ? -agoH * 3600 : null,
		});
	}

	const isReady = (pod: MutablePod, now: number) => pod.readyAt !== null && pod.readyAt <= now;
	const live = () => pods.filter((p) => p.terminatingAt === null);

	const create = (count: number, now: number) => {
		for (let i = 0; i < count; i++) {
			const running = live().length;
			if (running >= spec.capacity + pendingCap) return;
			const ordinal = pods.length;
			const fits = running < spec.capacity;
			pods.push({
				...identity(spec, hash, ordinal),
				initial: false,
				node: fits ? (spec.nodes[ordinal % spec.nodes.length] ?? null) : null,
				createdAt: now,
				readyAt: fits ? now + spec.readyS + 1.5 * unit(ordinal, spec.readyS) : null,
				terminatingAt: null,
				restarts: 0,
				lastRestartAt: null,
			});
		}
	};

	// The ReplicaSet controller removes pods that are not ready first, then the newest.
	const terminate = (candidates: MutablePod[], count: number, now: number) => {
		const ranked = candidates.toSorted(
			(a, b) => Number(isReady(a, now)) - Number(isReady(b, now)) || b.ordinal - a.ordinal,
		);
		for (const pod of ranked.slice(0, Math.max(0, count))) pod.terminatingAt = now;
	};

	const sizes = () => {
		const bySet = new Map<string, number>();
		for (const pod of live()) bySet.set(pod.hash, (bySet.get(pod.hash) ?? 0) + 1);
		return bySet;
	};

	const reconcile = (now: number): boolean => {
		const before = pods.length;
		const beforeLive = live().length;
		const fresh = live().filter((p) => p.hash === hash);
		const old = live().filter((p) => p.hash !== hash);
		if (fresh.length > desired) {
			terminate(fresh, fresh.length - desired, now);
		} else if (old.length === 0) {
			create(desired - fresh.length, now);
		} else {
			const surge = Math.ceil(desired * 0.25);
			const maxUnavailable = Math.floor(desired * 0.25);
			const room = desired + surge - live().length;
			create(Math.min(desired - fresh.length, room), now);
			// Old pods go only while enough pods stay available; unready new pods do not count.
			const all = live();
			const freshUnavailable = all.filter((p) => p.hash === hash && !isReady(p, now)).length;
			terminate(old, all.length - (desired - maxUnavailable) - freshUnavailable, now);
		}
		return pods.length !== before || live().length !== beforeLive;
	};

	let next = 0;
	let now = changes[0]?.at ?? 0;
	for (let tick = 0; tick < maxTicks && changes.length > 0; tick++) {
		for (; next < changes.length && (changes[next] as DeploymentChange).at <= now; next++) {
			const change = changes[next] as DeploymentChange;
			if (change.kind === 'restart') {
				revision += 1;
				hash = templateHash(spec.name, revision);
			} else {
				desired = change.replicas;
			}
			versions.push({at: change.at, revision, hash, desired});
		}
		const before = sizes();
		const changed = reconcile(now);
		recordSteps(steps, spec.name, before, sizes(), now);
		const waiting = live().some((p) => p.readyAt !== null && p.readyAt > now);
		if (next >= changes.length && !changed && !waiting) break;
		const upcoming = changes[next]?.at ?? Number.POSITIVE_INFINITY;
		now = Math.min(now + tickS, upcoming);
	}
	return {spec, pods, steps, versions};
}

/** The name the ReplicaSet gives its pod: deployment, template hash, random suffix. */
export function podName(deployment: string, hash: string, ordinal: number): string {
	return `${deployment}-${hash}-${kubeSuffix(`${deployment}/${ordinal}`, 5)}`;
}

function identity(
	spec: DeploymentSpec,
	hash: string,
	ordinal: number,
): Pick<PodPlan, 'name' | 'ordinal' | 'hash'> {
	return {name: podName(spec.name, hash, ordinal), ordinal, hash};
}

function recordSteps(
	steps: ScaleStep[],
	name: string,
	before: Map<string, number>,
	after: Map<string, number>,
	now: number,
): void {
	const hashes = new Set([...before.keys(), ...after.keys()]);
	const changed = [...hashes]
		.map((hash) => ({hash, from: before.get(hash) ?? 0, to: after.get(hash) ?? 0}))
		.filter((s) => s.from !== s.to)
		// Kubernetes scales the new ReplicaSet up before it scales old ones down.
		.toSorted((a, b) => Number(a.to < a.from) - Number(b.to < b.from));
	for (const step of changed)
		steps.push({at: now, replicaSet: `${name}-${step.hash}`, from: step.from, to: step.to});
}
