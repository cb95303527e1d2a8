import type {Condition, RunbookConfig} from '../config/index.ts';
import type {StoreState} from '../engine/store.ts';
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
	/** Why it is blocked or unavailable. */
	readonly note: string | null;
	readonly actions: readonly string[];
}

/** What the evaluation remembers between snapshots: when each condition became (and stayed) true. */
export type RunbookMemory = Map<string, number>;

const stepKey = (section: string, title: string) => `${section}\u0000${title}`;

/** Steps marked done by hand (`x`), from the timeline: the last mark of each step wins. */
export function handMarks(timeline: TimelineState): Map<string, number | null> {
	const marks = new Map<string, number | null>();
	for (const e of timeline.events) {
		if (e.kind !== 'milestone' || e.data?.runbook !== 'hand') continue;
		const key = stepKey(String(e.data.section), String(e.data.step));
		marks.set(key, e.data.done === true ? e.at : null);
	}
	return marks;
}

/**
 * The runbook's steps with their states, from the store and the timeline:
 * done (auto) once the condition holds, by hand when marked, blocked while its
 * check fails, unavailable when the source its condition reads is not configured.
 * `memory` keeps when each condition became true, so "done at" is that moment.
 */
export function evaluateRunbook(
	runbook: RunbookConfig,
	store: StoreState,
	timeline: TimelineState,
	now: number,
	memory: RunbookMemory,
): StepView[] {
	const marks = handMarks(timeline);
	const notConfigured = (id: SourceId) => store.slots[id].phase === 'not-configured';
	return runbook.flatMap(({section, steps}) =>
		steps.map((step): StepView => {
			const key = stepKey(section, step.title);
			const base = {
				section,
				title: step.title,
				hint: step.hint ?? null,
				actions: step.actions ?? [],
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
			const value = evaluateCondition(condition, {store, timeline, now, trueSince: since});
			// "Below for N minutes" counts from when it went below, held or not yet long enough.
			const below =
				'errorRatioBelow' in condition
					? evaluateCondition(
							{...condition, errorRatioBelow: {...condition.errorRatioBelow, forMinutes: 0}},
							{store, timeline, now, trueSince: null},
						)
					: value;
			if (below === true && since === null) memory.set(key, now);
			if (below === false) memory.delete(key);
			const held =
				'errorRatioBelow' in condition ? condition.errorRatioBelow.forMinutes * 60_000 : 0;
			if (value === true)
				return {...base, state: 'done', doneAt: (memory.get(key) ?? now) + held, note: null};
			return {...base, state: 'todo', doneAt: null, note: null};
		}),
	);
}
