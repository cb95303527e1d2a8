import type {ActionRun} from '../actions/configured/runs.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {AppServices} from './services.ts';
import type {OutputSource} from './state.ts';

export interface OutputText {
	readonly title: string;
	readonly status: string;
	readonly lines: readonly string[];
	readonly running: boolean;
}

const split = (text: string): string[] => {
	const lines = text.split(/\r?\n/).map((line) => sanitizeLine(line));
	if (lines.at(-1) === '') lines.pop();
	return lines;
};

/** The latest run of a configured action. */
export const latestRun = (
	services: Pick<AppServices, 'actionRuns'>,
	actionId: string,
): ActionRun | undefined =>
	services.actionRuns
		?.getSnapshot()
		.runs.filter((r) => r.actionId === actionId)
		.at(-1);

/** What an output view shows: sanitised lines (bounded where they were captured) and a status. */
export function outputText(
	source: OutputSource,
	services: Pick<AppServices, 'actionRuns' | 'store'>,
	now: number,
): OutputText {
	if (source.kind === 'check') {
		const slot = services.store.getSnapshot().slots.health;
		const check = (slot.phase === 'not-configured' ? null : slot.data)?.find(
			(c) => c.name === source.name,
		);
		return {
			title: `Check ${sanitizeLine(source.name)}`,
			status: check
				? `${check.ok ? 'passing' : 'failing'} · ${sanitizeLine(check.detail)}`
				: 'no result yet',
			lines: split(check?.output ?? ''),
			running: false,
		};
	}
	const run = latestRun(services, source.actionId);
	if (!run) return {title: source.actionId, status: 'not run yet', lines: [], running: false};
	const dropped = run.output.dropped > 0 ? ` · first ${run.output.dropped} bytes dropped` : '';
	const status = run.finished
		? `${run.finished.ok ? '✓' : '✗'} ${sanitizeLine(run.finished.message)}`
		: `running ${Math.round((now - run.startedAt) / 1000)} s · ctrl+c cancels · esc detaches`;
	return {
		title: sanitizeLine(run.title),
		status: `${status}${dropped}`,
		lines: [`$ ${sanitizeLine(run.command)}`, ...split(run.output.text())],
		running: run.finished === null,
	};
}
