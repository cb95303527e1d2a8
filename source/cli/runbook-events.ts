import type {RunbookConfig} from '../config/index.ts';
import type {Store} from '../engine/store.ts';
import {RunbookProgress} from '../runbook/progress.ts';
import type {Timeline} from '../timeline/timeline.ts';

/**
 * A runbook step that becomes done lands on the open incident's timeline once
 * (runbook/progress.ts). Returns the progress, for the `:runbook` pane, and
 * its stop.
 */
export function recordRunbookSteps(
	store: Store,
	timeline: Timeline,
	runbook: RunbookConfig,
	now: () => number = Date.now,
): RunbookProgress {
	const progress = new RunbookProgress(store, timeline, runbook, now);
	progress.start();
	return progress;
}
