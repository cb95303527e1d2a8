import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import type {StepView} from '../../runbook/evaluate.ts';
import type {Tone} from '../state.ts';
import type {PanelDefinition, PanelLine} from './panel.ts';

const clock = (at: number) => new Date(at).toISOString().slice(11, 19);

const isDone = (step: StepView) => step.state === 'done' || step.state === 'done-by-hand';

/** The step to do next: the first one that is not done. */
export function currentStep(steps: readonly StepView[]): StepView | undefined {
	return steps.find((s) => !isDone(s));
}

/** The row of `step` in the pane (section headings count as rows). */
export function runbookRow(steps: readonly StepView[], step: StepView | undefined): number {
	if (!step) return 0;
	let row = 0;
	let section: string | null = null;
	for (const s of steps) {
		if (s.section !== section) {
			section = s.section;
			row++;
		}
		if (s === step) return row;
		row++;
	}
	return 0;
}

const box: Readonly<Record<StepView['state'], string>> = {
	todo: '[ ]',
	done: '[✓]',
	'done-by-hand': '[x]',
	blocked: '[!]',
	unavailable: '[-]',
};

function stateText(step: StepView): string {
	switch (step.state) {
		case 'done':
			return `done ${clock(step.doneAt ?? 0)}`;
		case 'done-by-hand':
			return `by hand ${clock(step.doneAt ?? 0)}`;
		case 'blocked':
			return 'blocked';
		case 'unavailable':
			return 'not seen: by hand';
		case 'todo':
			return step.note ?? (step.automatic ? '' : 'by hand (x)');
	}
}

function tone(step: StepView, current: boolean): Tone | undefined {
	if (step.state === 'done' || step.state === 'done-by-hand') return 'ok';
	// Done once, undone since: the error rate went back up.
	if (step.note?.startsWith('was done')) return 'warn';
	if (step.state === 'blocked') return 'error';
	if (current) return 'accent';
	return step.state === 'unavailable' ? 'dim' : undefined;
}

/** Under the selected step: its hint, why it is blocked or unseen, what Enter offers. */
function detail(step: StepView, width: number): string[] {
	const lines = [
		step.hint ? `hint: ${step.hint}` : null,
		// A todo step's note is its state column already.
		step.note && step.state !== 'todo' ? step.note : null,
		step.actions.length > 0 ? `enter: ${step.actions.join(', ')}` : null,
		step.automatic ? null : 'irtop cannot see this one: x marks it done by hand',
	];
	return lines
		.filter((line): line is string => line !== null)
		.map((line) => fitWidth(`      ${sanitizeLine(line)}`, width));
}

function stepLine(step: StepView, current: boolean, width: number): PanelLine {
	const marker = current ? '▶' : ' ';
	const state = sanitizeLine(stateText(step));
	// The state column shrinks first on a narrow screen; the title keeps at least half.
	const stateWidth = Math.min(state.length, Math.max(0, Math.floor(width / 2) - 6));
	const titleWidth = Math.max(1, width - 6 - (stateWidth > 0 ? stateWidth + 1 : 0));
	const title = fitWidth(sanitizeLine(step.title), titleWidth);
	const text = `${marker} ${box[step.state]} ${title}${stateWidth > 0 ? ` ${fitWidth(state, stateWidth, 'right')}` : ''}`;
	return {
		key: `step:${step.section}:${step.title}`,
		text: fitWidth(text, width),
		tone: tone(step, current),
		match: `${step.section} ${step.title} ${step.state} ${step.hint ?? ''}`,
		selection: {kind: 'runbook-step', section: step.section, title: step.title},
		detail: detail(step, width),
	};
}

/** Every step of the runbook by section: done (when), by hand, blocked, todo; the next one marked ▶. */
export function runbookLines(steps: readonly StepView[], width: number): PanelLine[] {
	const current = currentStep(steps);
	const lines: PanelLine[] = [];
	let section: string | null = null;
	for (const step of steps) {
		if (step.section !== section) {
			section = step.section;
			const done = steps.filter((s) => s.section === section && isDone(s)).length;
			const total = steps.filter((s) => s.section === section).length;
			lines.push({
				key: `section:${section}`,
				text: fitWidth(`${sanitizeLine(section)} (${done}/${total})`, width),
				tone: 'dim',
				// Hidden under `/`: the filtered list is steps only (each step matches
				// on its section), so the cursor lands on a step Enter can act on.
				match: '',
			});
		}
		lines.push(stepLine(step, step === current, width));
	}
	return lines;
}

export const runbookPanel: PanelDefinition = {
	id: 'runbook',
	title: 'Runbook',
	sources: [],
	view(context, width) {
		const steps = context.runbook ?? [];
		const done = steps.filter(isDone).length;
		const blocked = steps.filter((s) => s.state === 'blocked').length;
		const next = currentStep(steps);
		return {
			summary:
				steps.length === 0
					? ''
					: `${done}/${steps.length} done${blocked > 0 ? ` · ${blocked} blocked` : ''}${next ? ` · next: ${sanitizeLine(next.title)}` : ' · all done'}`,
			summaryTone: blocked > 0 ? 'error' : next ? undefined : 'ok',
			lines: runbookLines(steps, width),
			empty: 'no runbook steps (runbook: in the config)',
		};
	},
};
