import {inverseSmoothstep, smoothstep} from './noise.ts';

// The script of the demo incident. One number, the pressure on the database
// (0 = a busy but healthy Tuesday, 1 = the pool is exhausted), drives every
// source; discrete things (a pod crash-looping, an alert firing) happen when
// the pressure crosses their level below. Compressed: the whole story plays
// in about three minutes instead of the runbook's 45.

/** Seconds after the start when the long-running `SELECT … FOR UPDATE` begins. */
export const queryStartS = 30;
/** Seconds from the query's start to the plateau. */
const rampS = 120;
/** Seconds between a mitigation and the blocking transaction going away. */
export const recoveryDelayS = 4;
/** Seconds the pressure takes to drain once the blocker is gone. */
const recoveryS = 36;

/** Pressure at which each part of the story starts (and stops again on the way down). */
export const level = {
	/** One onboarding-worker connection waits on the lock: the group slows down. */
	workerSlow: 0.12,
	/** Both workers wait: the group's committed offsets stop moving. */
	workerStall: 0.5,
	/** Liveness probes start timing out. */
	liveness: 0.65,
	/** api-gateway's /health answers 503. */
	gatewayDown: 0.75,
	/** One onboarding-api pod runs out of memory on every start. */
	crashLoop: 0.8,
	/** prod-node-2 reports MemoryPressure. */
	memoryPressure: 0.85,
	/** More than 90 % of max_connections are in use. */
	connections: 0.87,
} as const;

function ramp(t: number): number {
	return smoothstep((t - queryStartS) / rampS);
}

/**
 * The pressure over time given when (if ever) onboarding-api was restarted or
 * scaled. Rising and falling are both monotonic, so the moment any level is
 * crossed has a closed form, and "is X happening at t" never flickers.
 */
export class Story {
	/** Seconds since the start of the mitigating intervention, or null. */
	readonly mitigatedAt: number | null;
	/** When the pressure starts to drain (the blocker is gone), or null. */
	readonly recoveryStart: number | null;
	readonly #peak: number;

	constructor(mitigatedAt: number | null) {
		this.mitigatedAt = mitigatedAt;
		this.recoveryStart = mitigatedAt === null ? null : mitigatedAt + recoveryDelayS;
		this.#peak = this.recoveryStart === null ? 1 : ramp(this.recoveryStart);
	}

	pressure(t: number): number {
		if (this.recoveryStart === null || t < this.recoveryStart) return ramp(t);
		return this.#peak * (1 - smoothstep((t - this.recoveryStart) / recoveryS));
	}

	/** When the pressure first reaches `value`, or null if it never does. */
	riseAt(value: number): number | null {
		if (value > this.#peak) return null;
		return queryStartS + rampS * inverseSmoothstep(value);
	}

	/** When the pressure falls back below `value` after the mitigation, or null if it never does. */
	fallAt(value: number): number | null {
		if (this.recoveryStart === null || value > this.#peak) return null;
		return this.recoveryStart + recoveryS * inverseSmoothstep(1 - value / this.#peak);
	}

	/** Whether the pressure is at or above `value` at t (consistent with riseAt/fallAt). */
	above(value: number, t: number): boolean {
		const rise = this.riseAt(value);
		if (rise === null || t < rise) return false;
		const fall = this.fallAt(value);
		return fall === null || t < fall;
	}

	/** While the blocking transaction holds its locks: from the query's start to the recovery. */
	blockerAlive(t: number): boolean {
		return t >= queryStartS && (this.recoveryStart === null || t < this.recoveryStart);
	}
}
