// Where a container that keeps dying is in its life at a given moment, the way
// the kubelet restarts it: run, exit, back off (doubling, capped), start again.
// The lab's back-off starts at 5 s and caps at 80 s (the kubelet's 10 s and
// 5 min) so restarts visibly rise within a drill.
export const backOffBase = 5;
export const backOffCap = 80;

export type CycleState =
	| {kind: 'running'; restarts: number; startedAt: number; previous?: Span}
	| {kind: 'terminated'; restarts: number; current: Span; previous?: Span}
	| {kind: 'waiting'; restarts: number; backOff: number; current: Span};

/** One run of the container, in seconds since the trouble began. */
export interface Span {
	startedAt: number;
	finishedAt: number;
}

/**
 * @param t seconds since the container first started
 * @param runFor seconds each run lasts before the container exits
 * @param terminatedFor seconds a dead container shows as terminated before the back-off shows
 */
export function crashCycle(t: number, runFor: number, terminatedFor: number): CycleState {
	let restarts = 0;
	let start = 0;
	let previous: Span | undefined;
	const backOffAfter = (k: number) => Math.min(backOffBase * 2 ** k, backOffCap);
	// Walk the doubling back-offs one by one, then jump whole capped periods.
	while (backOffAfter(restarts) < backOffCap && t >= start + runFor + backOffAfter(restarts)) {
		previous = {startedAt: start, finishedAt: start + runFor};
		start = start + runFor + backOffAfter(restarts);
		restarts++;
	}
	if (backOffAfter(restarts) >= backOffCap && t >= start + runFor + backOffCap) {
		const period = runFor + backOffCap;
		const skipped = Math.floor((t - start) / period);
		start += skipped * period;
		restarts += skipped;
		previous = {startedAt: start - period, finishedAt: start - period + runFor};
	}
	const current = {startedAt: start, finishedAt: start + runFor};
	if (t < current.finishedAt)
		return {kind: 'running', restarts, startedAt: start, ...(previous ? {previous} : {})};
	if (t < current.finishedAt + terminatedFor)
		return {kind: 'terminated', restarts, current, ...(previous ? {previous} : {})};
	return {kind: 'waiting', restarts, backOff: backOffAfter(restarts), current};
}

/** Seconds from the first start to the start of run `n` (after n restarts). */
export function runStart(n: number, runFor: number): number {
	let start = 0;
	for (let k = 0; k < n; k++) start += runFor + Math.min(backOffBase * 2 ** k, backOffCap);
	return start;
}
