import type {V1DaemonSet, V1Deployment, V1StatefulSet} from '@kubernetes/client-node';
import type {RolloutState} from '../../model/index.ts';
import {rolloutState} from './rows.ts';
import {daemonSetRollout, statefulSetRollout} from './workload-rows.ts';

/** What a mitigation can have changed: the rollout of each is followed the same way. */
export type RolloutKind = 'deployment' | 'statefulset' | 'daemonset';

type Rolled = V1Deployment | V1StatefulSet | V1DaemonSet;

/** Where a finished rollout is told: the session appends it to the timeline. */
export type RolloutReport = (text: string, data: Readonly<Record<string, unknown>>) => void;

interface Tracked {
	readonly action: string;
	readonly since: number;
	generation: number | null;
}

/**
 * After a mitigation changes a deployment, follows its rollout (as
 * `kubectl rollout status` would) from the informer's updates, and reports
 * once when it is complete, stalled, or still not done after a long while.
 */
export class RolloutTracker {
	readonly #tracked = new Map<string, Tracked>();
	readonly #report: RolloutReport;
	readonly #giveUpMs: number;

	constructor(report: RolloutReport, giveUpMs = 15 * 60_000) {
		this.#report = report;
		this.#giveUpMs = giveUpMs;
	}

	/** `generation`: the object's generation after the change, when the API said it. */
	track(
		namespace: string,
		name: string,
		action: string,
		generation: number | null,
		kind: RolloutKind = 'deployment',
	): void {
		this.#tracked.set(`${kind}/${namespace}/${name}`, {action, since: Date.now(), generation});
	}

	get size(): number {
		return this.#tracked.size;
	}

	check(deployments: readonly V1Deployment[], now = Date.now()): void {
		this.#check('deployment', deployments, rolloutState, now);
	}

	/** The same for StatefulSets and DaemonSets, which have no progress deadline (never stalled). */
	checkWorkloads(
		statefulSets: readonly V1StatefulSet[],
		daemonSets: readonly V1DaemonSet[],
		now = Date.now(),
	): void {
		this.#check('statefulset', statefulSets, statefulSetRollout, now);
		this.#check('daemonset', daemonSets, daemonSetRollout, now);
	}

	#check<T extends Rolled>(
		kind: RolloutKind,
		objects: readonly T[],
		stateOf: (object: T) => RolloutState,
		now: number,
	): void {
		if (this.#tracked.size === 0) return;
		for (const d of objects) {
			const key = `${kind}/${d.metadata?.namespace}/${d.metadata?.name}`;
			const t = this.#tracked.get(key);
			if (!t) continue;
			t.generation ??= d.metadata?.generation ?? null;
			// The controller has not seen our change yet: its status is about the old template.
			if ((d.status?.observedGeneration ?? 0) < (t.generation ?? 0)) continue;
			const state = stateOf(d);
			const object = `${kind}/${d.metadata?.name}`;
			const data = {namespace: d.metadata?.namespace, object, action: t.action, rollout: state};
			const seconds = Math.round((now - t.since) / 1000);
			if (state === 'complete') {
				this.#report(`Rollout of ${object} complete after ${t.action} (${seconds} s)`, data);
			} else if (state === 'stalled') {
				const conditions = (d.status?.conditions ?? []) as {type: string; message?: string}[];
				const why = conditions.find((c) => c.type === 'Progressing')?.message ?? '';
				this.#report(`Rollout of ${object} stalled after ${t.action}: ${why}`.trim(), data);
			} else if (now - t.since > this.#giveUpMs) {
				this.#report(`Rollout of ${object} still progressing ${seconds} s after ${t.action}`, data);
			} else continue;
			this.#tracked.delete(key);
		}
	}
}
