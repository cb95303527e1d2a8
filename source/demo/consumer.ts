import {smoothstep} from './noise.ts';
import type {Story} from './story.ts';
import {level} from './story.ts';

// Where a consumer group "is" in its topics, expressed as the moment whose
// log-end offsets it has reached. Offsets are then logEnd(consumerTime), so
// committed offsets can never run backwards or pass the log end.

/** Seconds a healthy consumer trails the producers. */
const trailS = 0.6;
/** onboarding-workers' speed while one of its two connections waits on the lock. */
const slowSpeed = 0.35;
/** Seconds the workers take to work off the backlog once the lock is gone. */
const catchUpS = 35;

export function steadyConsumerTime(t: number, trail = trailS): number {
	return t - trail;
}

export function workersConsumerTime(story: Story, t: number): number {
	const slowStart = story.riseAt(level.workerSlow);
	if (slowStart === null || t < slowStart) return t - trailS;
	const stallStart = story.riseAt(level.workerStall) ?? Number.POSITIVE_INFINITY;
	const catchStart =
		story.recoveryStart === null ? Number.POSITIVE_INFINITY : story.recoveryStart + 2;
	const slowEnd = Math.min(stallStart, catchStart);
	if (t < slowEnd) return slowStart - trailS + slowSpeed * (t - slowStart);
	const frozen = slowStart - trailS + slowSpeed * (slowEnd - slowStart);
	if (t < catchStart) return frozen;
	return frozen + (t - trailS - frozen) * smoothstep((t - catchStart) / catchUpS);
}
