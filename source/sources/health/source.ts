import type {Source} from '../../engine/source.ts';
import type {HealthData} from '../../model/index.ts';
import {type QuickCheck, runCheck} from './check.ts';

/** The runbook's quick checks, all at once, each under its own deadline. */
export class HealthSource implements Source<'health'> {
	readonly id = 'health';
	// New connections each time: every 10 s is plenty for "is it up".
	readonly intervalMs = 10_000;
	// Started with everything else, the first round timed irtop's own start: a 4 ms SELECT 1 read
	// 395 ms in the lab, and stayed on screen for 10 s. One second later the timings are the servers'.
	readonly startDelayMs = 1000;
	readonly timeoutMs: number;
	readonly #checks: readonly QuickCheck[];

	constructor(checks: readonly QuickCheck[]) {
		this.#checks = checks;
		this.timeoutMs = Math.max(1000, ...checks.map((c) => c.timeoutMs)) + 500;
	}

	poll(signal: AbortSignal): Promise<HealthData> {
		return Promise.all(this.#checks.map((check) => runCheck(check, signal)));
	}
}
