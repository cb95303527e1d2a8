import {wobble} from './noise.ts';
import {aliveAt} from './pod-lifecycle.ts';
import type {DeploymentPlan, PodPlan} from './rollout.ts';
import type {Story} from './story.ts';
import {level} from './story.ts';

// What the incident does to onboarding-api's pods: readiness fails as the
// pool runs dry, liveness probes time out and kill two containers once, and
// one pod (on prod-node-2) runs out of memory on every start: CrashLoopBackOff.

export interface CrashCycle {
	readonly diedAt: number;
	/** null: the pod was deleted during the back-off, so the container never came back. */
	readonly restartAt: number | null;
}

export interface CrashLoop {
	readonly pod: string;
	readonly cycles: readonly CrashCycle[];
	/** When the loop ended (a start that survived, or the pod went away); null while it goes on. */
	readonly endedAt: number | null;
}

export interface PodTrouble {
	/** Readiness starts failing once the pressure reaches this. */
	readonly readinessLevel: number;
	/** The most of the time readiness fails at full pressure, 0..1. */
	readonly readinessDuty: number;
	readonly crashes: readonly CrashCycle[];
	/** Liveness kills; the container restarts at once. */
	readonly kills: readonly number[];
}

export interface Trouble {
	readonly byPod: ReadonlyMap<string, PodTrouble>;
	readonly crashLoop: CrashLoop | null;
}

// Per pod (by creation order, mod 3): when readiness starts failing and how
// often at worst. One pod keeps mostly serving, as a real Service usually does,
// which is why the errors stay around 12 % rather than 100 %.
const readiness = [
	{level: 0.45, duty: 0.65},
	// The pod that will crash-loop: once its memory is gone it never passes again.
	{level: 0.35, duty: 1},
	{level: 0.7, duty: 0.3},
] as const;
/** kubelet's back-off doubles from 10 s; capped at 40 s (not 5 min) to fit the compressed story. */
const backoffS = [10, 20, 40] as const;
/** Seconds an OOMing container lives before it is killed again. */
const runS = 12;
/** Seconds kubectl shows OOMKilled before the pod turns CrashLoopBackOff. */
const oomShownS = 3;

export function podTrouble(plan: DeploymentPlan, story: Story, t: number): Trouble {
	const pick = (at: number | null, index: number): PodPlan | null => {
		if (at === null) return null;
		const alive = plan.pods.filter((p) => aliveAt(p, at));
		return alive[Math.min(index, alive.length - 1)] ?? null;
	};
	const crashStart = story.riseAt(level.crashLoop);
	const looper = pick(crashStart, 1);
	const crashLoop =
		looper && crashStart !== null ? crashCycles(looper, story, crashStart, t) : null;

	const kills = new Map<string, number[]>();
	for (const [rise, delay, index] of [
		[story.riseAt(level.liveness), 7, 0],
		[story.riseAt(0.92), 3, 2],
	] as const) {
		const at = rise === null ? null : rise + delay;
		const pod = pick(at, index);
		if (at === null || !pod || pod === looper || !story.above(level.liveness, at)) continue;
		kills.set(pod.name, [...(kills.get(pod.name) ?? []), at]);
	}

	const byPod = new Map<string, PodTrouble>();
	for (const pod of plan.pods) {
		const probe = readiness[pod.ordinal % readiness.length] ?? readiness[0];
		byPod.set(pod.name, {
			readinessLevel: probe.level,
			readinessDuty: probe.duty,
			crashes: pod === looper ? (crashLoop?.cycles ?? []) : [],
			kills: kills.get(pod.name) ?? [],
		});
	}
	return {byPod, crashLoop};
}

function crashCycles(pod: PodPlan, story: Story, start: number, t: number): CrashLoop {
	const cycles: CrashCycle[] = [];
	const end = pod.terminatingAt ?? Number.POSITIVE_INFINITY;
	let died = start;
	let endedAt: number | null = null;
	for (let k = 0; ; k++) {
		if (died >= end) {
			endedAt = end;
			break;
		}
		if (died > t) break;
		const restartAt = died + (backoffS[Math.min(k, backoffS.length - 1)] ?? 40);
		if (restartAt >= end) {
			cycles.push({diedAt: died, restartAt: null});
			endedAt = end;
			break;
		}
		cycles.push({diedAt: died, restartAt});
		const nextDeath = restartAt + runS;
		if (!story.above(level.crashLoop, nextDeath)) {
			endedAt = restartAt;
			break;
		}
		died = nextDeath;
	}
	return {pod: pod.name, cycles, endedAt};
}

export interface TroubledState {
	readonly status: string;
	readonly ready: boolean;
	readonly restarts: number;
	readonly lastRestartAt: number | null;
}

/** A running onboarding-api pod as the incident leaves it at t. */
export function troubledState(
	pod: PodPlan,
	trouble: PodTrouble,
	story: Story,
	t: number,
): TroubledState {
	let restarts = pod.restarts;
	let lastRestartAt = pod.lastRestartAt;
	let status = 'Running';
	let down = false;
	for (const cycle of trouble.crashes) {
		if (cycle.restartAt !== null && cycle.restartAt <= t) {
			restarts += 1;
			lastRestartAt = cycle.restartAt;
		} else if (cycle.diedAt <= t) {
			down = true;
			status = t < cycle.diedAt + oomShownS ? 'OOMKilled' : 'CrashLoopBackOff';
		}
	}
	for (const kill of trouble.kills) {
		if (kill > t) continue;
		restarts += 1;
		lastRestartAt = Math.max(lastRestartAt ?? kill, kill);
	}
	const ready = !down && !readinessFailing(pod, trouble, story, t);
	return {status, ready, restarts, lastRestartAt};
}

/** Probes fail on and off, more often the further the pressure is past the pod's level. */
function readinessFailing(pod: PodPlan, trouble: PodTrouble, story: Story, t: number): boolean {
	if (!story.above(trouble.readinessLevel, t)) return false;
	const depth = (story.pressure(t) - trouble.readinessLevel) / (1 - trouble.readinessLevel);
	const duty = trouble.readinessDuty * Math.min(1, 0.3 + 1.5 * depth);
	// The wobble is roughly uniform on [-1, 1]: below -1 + 2·duty about `duty` of the time.
	return wobble(`ready:${pod.name}`, t, 6) < -1 + 2 * duty;
}
