import type {RunbookConfig} from '../config/index.ts';
import type {Store} from '../engine/store.ts';
import {evaluateRunbook, type RunbookMemory} from '../runbook/evaluate.ts';
import type {Timeline} from '../timeline/timeline.ts';

const stepKey = (section: unknown, step: unknown) => `${String(section)}\u0000${String(step)}`;

/**
 * A runbook step that becomes done lands on the open incident's timeline once
 * (a `milestone` with `data.runbook`), which is also what the post-mortem's
 * Runbook section lists. What the journal already holds is not repeated.
 */
export function recordRunbookSteps(
	store: Store,
	timeline: Timeline,
	runbook: RunbookConfig,
	now: () => number = Date.now,
): () => void {
	const memory: RunbookMemory = new Map();
	let recorded: Set<string> | null = null;
	const update = () => {
		const state = timeline.getSnapshot();
		if (!state.incident) return;
		recorded ??= new Set(
			state.events
				.filter((e) => e.kind === 'milestone' && e.data?.runbook !== undefined)
				.map((e) => stepKey(e.data?.section, e.data?.step)),
		);
		const steps = evaluateRunbook(runbook, store.getSnapshot(), state, now(), memory);
		for (const step of steps) {
			const key = stepKey(step.section, step.title);
			if (step.state !== 'done' || recorded.has(key)) continue;
			recorded.add(key);
			try {
				timeline.append({
					// One event per step and incident, however many responders watch it tick.
					id: `runbook:${step.section}:${step.title}:done`,
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
	};
	const unsubscribe = store.subscribe(update);
	let queued = false;
	const unsubscribeTimeline = timeline.subscribe(() => {
		// A status change or a note can complete a step; once per burst of events.
		if (queued) return;
		queued = true;
		queueMicrotask(() => {
			queued = false;
			update();
		});
	});
	return () => {
		unsubscribe();
		unsubscribeTimeline();
	};
}
