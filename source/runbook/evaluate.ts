import type {Condition, RunbookConfig} from '../config/index.ts';
import type {StoreState} from '../engine/store.ts';
import {formatAge} from '../format/duration.ts';
import type {SourceId} from '../model/index.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {conditionSource, evaluateCondition} from './conditions.ts';

export type StepState = 'todo' | 'done' | 'done-by-hand' | 'blocked' | 'unavailable';

export interface StepView {
	readonly section: string;
	readonly title: string;
	readonly hint: string | null;
	readonly state: StepState;
	/** When its condition became true (or it was marked by hand); null while not done. */
	readonly doneAt: number | null;
	/** Why it is blocked or unavailable, or how far it is (below for 2 min of 5). */
	readonly note: string | null;
	readonly actions: readonly string[];
	/** Whether it has a condition irtop checks (else it is done by hand only). */
	readonly automatic: boolean;
}

/** What the evaluation remembers between snapshots: when each condition became (and stayed) true. */
export type RunbookMemory = Map<string, number>;

export const stepKey = (section: unknown, title: unknown) =>
	`${String(section)}\u0000${String(title)}`;

/** Steps marked done by hand (`x`), from the timeline: the last mark of each step wins. */
export function handMarks(timeline: TimelineState): Map<string, number | null> {
	const marks = new Map<string, number | null>();
	for (const e of timeline.events) {
		if (e.kind !== 'milestone' || e.data?.runbook !== 'hand') continue;
		const key = stepKey(e.data.section, e.data.step);
		marks.set(key, e.data.done === true ? e.at : null);
	}
	return marks;
}

/** Steps the timeline already records as done by their condition, with when (the first record wins). */
export function recordedDone(timeline: TimelineState): Map<string, number> {
	const done = new Map<string, number>();
	for (const e of timeline.events) {
		if (e.kind !== 'milestone' || e.data?.runbook !== 'auto' || e.data.done !== true) continue;
		const key = stepKey(e.data.section, e.data.step);
		if (!done.has(key)) done.set(key, typeof e.data.doneAt === 'number' ? e.data.doneAt : e.at);
	}
	return done;
}

const minutes = (ms: number) => formatAge(Math.max(0, ms));

/**
 * The runbook's steps with their states, from the store and the timeline:
 * done (auto) once the condition holds, by hand when marked, blocked while its
 * check fails, unavailable when the source its condition reads is not configured.
 * `memory` keeps when each condition became true, so "done at" is that moment;
 * after a resume (no memory yet) the timeline's record of it says when.
 */
export function evaluateRunbook(
	runbook: RunbookConfig,
	store: StoreState,
	timeline: TimelineState,
	now: number,
	memory: RunbookMemory,
): StepView[] {
	const marks = handMarks(timeline);
	const recorded = recordedDone(timeline);
	const notConfigured = (id: SourceId) => store.slots[id].phase === 'not-configured';
	return runbook.flatMap(({section, steps}) =>
		steps.map((step): StepView => {
			const key = stepKey(section, step.title);
			const base = {
				section,
				title: step.title,
				hint: step.hint ?? null,
				actions: step.actions ?? [],
				automatic: step.doneWhen !== undefined,
			};
			const hand = marks.get(key);
			if (hand !== undefined && hand !== null)
				return {...base, state: 'done-by-hand', doneAt: hand, note: null};
			if (step.check !== undefined) {
				const passing = evaluateCondition(
					{checkPassing: step.check},
					{store, timeline, now, trueSince: null},
				);
				if (passing === false)
					return {...base, state: 'blocked', doneAt: null, note: `check ${step.check} fails`};
			}
			const condition: Condition | undefined = step.doneWhen;
			if (!condition) return {...base, state: 'todo', doneAt: null, note: null};
			const source = conditionSource(condition);
			if (source && notConfigured(source))
				return {
					...base,
					state: 'unavailable',
					doneAt: null,
					note: `${source} is not configured: mark it by hand (x)`,
				};
			const since = memory.get(key) ?? null;
			// The first look at this step in this process (a fresh session, a --resume): what the
			// timeline recorded is then the best "done at" there is.
			const firstLook = !memory.has(`${key}\u0000seen`);
			memory.set(`${key}\u0000seen`, now);
			const value = evaluateCondition(condition, {store, timeline, now, trueSince: since});
			// "Below for N minutes" counts from when it went below, held or not yet long enough.
			const ratio = 'errorRatioBelow' in condition ? condition.errorRatioBelow : null;
			const below = ratio
				? evaluateCondition(
						{errorRatioBelow: {...ratio, forMinutes: 0}},
						{store, timeline, now, trueSince: null},
					)
				: value;
			const wasDone = recorded.get(key);
			const held = ratio ? ratio.forMinutes * 60_000 : 0;
			if (below === true && since === null)
				memory.set(key, firstLook && wasDone !== undefined ? Math.min(now, wasDone - held) : now);
			if (below === false) memory.delete(key);
			// Held long enough before the restart: a resumed session need not wait again.
			const resumedDone = firstLook && below === true && wasDone !== undefined;
			if (value === true || resumedDone) {
				const reached = (memory.get(key) ?? now) + held;
				return {
					...base,
					state: 'done',
					doneAt: resumedDone ? wasDone : reached,
					note: null,
				};
			}
			const started = memory.get(key);
			// A gauge, not a checklist: the pods were all ready, now one is not.
			const note =
				below === true && ratio && started !== undefined
					? `below for ${minutes(now - started)} of ${minutes(held)}`
					: wasDone !== undefined && value === false
						? `was done ${new Date(wasDone).toISOString().slice(11, 19)}, no longer holds`
						: value === null
							? 'no data yet'
							: null;
			return {...base, state: 'todo', doneAt: null, note};
		}),
	);
}
