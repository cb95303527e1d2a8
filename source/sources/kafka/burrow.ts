import type {GroupStatus} from '../../model/index.ts';

interface Sample {
	readonly at: number;
	/** Sum of committed offsets: moves whenever the group commits progress. */
	readonly committed: number;
	readonly lag: number;
}

/** Samples kept per group: Burrow's default window is 10 offsets; 15 polls span 30 s at 2 s. */
export const windowSize = 15;

/**
 * The shortest stretch a verdict may rest on: a consumer auto-commits every
 * 5 s by default, so a few seconds of unchanged offsets mean nothing yet.
 */
export const minSpanMs = 20_000;

/**
 * A Burrow-style evaluation over a sliding window of polls
 * (linkedin/Burrow, "Consumer Lag Evaluation Rules"), simplified to what an
 * OffsetFetch shows: commit offsets, not commit times.
 * - OK: lag is zero somewhere in the window, or the group is keeping up.
 * - WARN: committed offsets move but lag grew across the whole window.
 * - STALL: committed offsets stand still while lag > 0 and members are there.
 * - STOP: committed offsets stand still while lag > 0 and nobody consumes.
 */
export class LagWindow {
	readonly #samples = new Map<string, Sample[]>();

	add(group: string, sample: Sample): void {
		const list = this.#samples.get(group) ?? [];
		list.push(sample);
		if (list.length > windowSize) list.shift();
		this.#samples.set(group, list);
	}

	/** Forgets groups that no longer exist, so the window does not grow forever. */
	keep(groups: ReadonlySet<string>): void {
		for (const group of this.#samples.keys()) if (!groups.has(group)) this.#samples.delete(group);
	}

	status(group: string, members: number): GroupStatus {
		return evaluate(this.#samples.get(group) ?? [], members);
	}
}

export function evaluate(samples: readonly Sample[], members: number): GroupStatus {
	const last = samples.at(-1);
	if (!last || last.lag === 0 || samples.some((s) => s.lag === 0)) return 'OK';
	const first = samples[0] as Sample;
	// A short window says nothing about movement.
	if (samples.length < 3 || last.at - first.at < minSpanMs) return 'OK';
	if (last.committed === first.committed) return members > 0 ? 'STALL' : 'STOP';
	let growing = true;
	for (let i = 1; i < samples.length; i++) {
		if ((samples[i] as Sample).lag <= (samples[i - 1] as Sample).lag) growing = false;
	}
	return growing ? 'WARN' : 'OK';
}
