import type {RunbookConfig} from '../config/index.ts';
import type {Store} from '../engine/store.ts';
import type {Timeline} from '../timeline/timeline.ts';
import {evaluateRunbook, type RunbookMemory, type StepView, stepKey} from './evaluate.ts';

export interface RunbookSnapshot {
	readonly steps: readonly StepView[];
}

/**
 * The runbook's live state: evaluated again whenever the store or the
 * timeline changes (subscribe/getSnapshot, like the store), for the `:runbook`
 * pane. A step that becomes done lands on the open incident's timeline once
 * (a `milestone` with `data.runbook: 'auto'`), which is also what the
 * post-mortem's Runbook section lists; what the journal already holds is not
 * repeated, however many responders watch it tick.
 */
export class RunbookProgress {
	readonly runbook: RunbookConfig;
	readonly #store: Store;
	readonly #timeline: Timeline;
	readonly #now: () => number;
	readonly #memory: RunbookMemory = new Map();
	readonly #listeners = new Set<() => void>();
	#snapshot: RunbookSnapshot = {steps: []};
	#stops: (() => void)[] = [];
	#queued = false;

	constructor(
		store: Store,
		timeline: Timeline,
		runbook: RunbookConfig,
		now: () => number = Date.now,
	) {
		this.#store = store;
		this.#timeline = timeline;
		this.runbook = runbook;
		this.#now = now;
		this.#update();
	}

	getSnapshot = (): RunbookSnapshot => this.#snapshot;

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	/** Follows the store and the timeline until `stop`. */
	start(): void {
		if (this.#stops.length > 0) return;
		this.#stops = [
			this.#store.subscribe(() => this.#update()),
			// A status change, a note or a mark can complete a step; once per burst of events.
			this.#timeline.subscribe(() => {
				if (this.#queued) return;
				this.#queued = true;
				queueMicrotask(() => {
					this.#queued = false;
					this.#update();
				});
			}),
		];
	}

	stop(): void {
		for (const stop of this.#stops) stop();
		this.#stops = [];
	}

	#update(): void {
		const state = this.#timeline.getSnapshot();
		const steps = evaluateRunbook(
			this.runbook,
			this.#store.getSnapshot(),
			state,
			this.#now(),
			this.#memory,
		);
		if (state.incident) this.#record(steps);
		const before = this.#snapshot.steps;
		const same =
			before.length === steps.length &&
			before.every(
				(s, i) =>
					s.state === steps[i]?.state && s.doneAt === steps[i]?.doneAt && s.note === steps[i]?.note,
			);
		if (same) return;
		this.#snapshot = {steps};
		for (const listener of this.#listeners) listener();
	}

	#record(steps: readonly StepView[]): void {
		for (const step of steps) {
			if (step.state !== 'done') continue;
			// One id per step and incident: a second responder's irtop makes the same event.
			const id = `runbook:${step.section}:${step.title}:done`;
			if (this.#timeline.has(id)) continue;
			try {
				this.#timeline.append({
					id,
					kind: 'milestone',
					text: `Runbook: ${step.section} · ${step.title} done`,
					data: {
						runbook: 'auto',
						section: step.section,
						step: step.title,
						done: true,
						doneAt: step.doneAt,
					},
				});
			} catch {
				// The journal failed (disk full); the status bar of the next note says so.
			}
		}
	}
}

/**
 * A step marked done by hand (`x`), or unmarked: a milestone on the timeline
 * (journaled, so it survives --resume and reaches the other responders), the
 * last mark of a step winning. It carries who marked it.
 */
export function markByHand(
	timeline: Timeline,
	step: Pick<StepView, 'section' | 'title'>,
	done: boolean,
	author: string | null,
): void {
	timeline.append({
		kind: 'milestone',
		text: `Runbook: ${step.section} · ${step.title} ${done ? 'done by hand' : 'marked not done'}`,
		author,
		data: {runbook: 'hand', section: step.section, step: step.title, done},
	});
}

export {stepKey};
