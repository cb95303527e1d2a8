import type {Dispatch} from 'react';
import {markByHand} from '../runbook/progress.ts';
import type {AnyCommandId, CommandId} from './commands.ts';
import type {Selection} from './panels/panel.ts';
import {currentStep, runbookRow} from './panels/runbook.ts';
import {type StepActionEntry, stepActionEntries} from './runbook-step-actions.ts';
import type {AppServices} from './services.ts';
import type {UiEvent, UiState} from './state.ts';

const clock = (at: number) => new Date(at).toISOString().slice(11, 19);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The step's actions as the menu shows them, for the state's step. */
export function menuEntries(
	ui: UiState,
	services: AppServices,
	gridSelection: Selection | undefined,
): StepActionEntry[] {
	if (ui.overlay.kind !== 'runbook-actions') return [];
	const {section, title} = ui.overlay;
	const step = services.runbook
		?.getSnapshot()
		.steps.find((s) => s.section === section && s.title === title);
	return step ? stepActionEntries(step.actions, services, gridSelection) : [];
}

/**
 * The `:runbook` pane's keys: R opens it on the current step, x marks a step
 * done by hand (or not), Enter lists the step's actions, and choosing one runs
 * the ordinary command on the row it names (so its prompt and the one
 * confirmation follow). Returns false for commands that are not its own.
 */
export function runbookCommands(
	ui: UiState,
	dispatch: Dispatch<UiEvent>,
	services: AppServices,
	selection: () => Selection | undefined,
	gridSelection: () => Selection | undefined,
	runAs: (command: AnyCommandId, selection: Selection | undefined) => void,
) {
	const say = (text: string, tone: 'ok' | 'warn' | 'error' | 'dim') =>
		dispatch({type: 'message', text, tone});
	const steps = () => services.runbook?.getSnapshot().steps ?? [];
	const selectedStep = () => {
		const selected = selection();
		if (selected?.kind !== 'runbook-step') return undefined;
		return steps().find((s) => s.section === selected.section && s.title === selected.title);
	};

	/** Focus the pane with the current step (the first not done) selected. */
	const open = () => {
		const all = steps();
		dispatch({type: 'focus', panel: 'runbook', cursor: runbookRow(all, currentStep(all))});
	};

	const toggle = () => {
		const step = selectedStep();
		if (!step) return say('select a step (j/k)', 'warn');
		if (step.state === 'done')
			return say(
				`done by its condition at ${clock(step.doneAt ?? 0)} UTC: x is for what irtop cannot tick`,
				'dim',
			);
		const done = step.state !== 'done-by-hand';
		const opens = services.timeline.getSnapshot().incident === null;
		try {
			markByHand(services.timeline, step, done, services.timeline.author);
		} catch (error) {
			return say(`✗ runbook mark NOT saved: ${errorText(error)}`, 'error');
		}
		say(
			`${done ? '✓ done by hand' : 'marked not done'}: ${step.title} (on the timeline)${opens ? ' · opened an incident: T retitles' : ''}`,
			done ? 'ok' : 'dim',
		);
	};

	const showActions = () => {
		const step = selectedStep();
		if (!step) return say('select a step (j/k)', 'warn');
		if (step.actions.length === 0)
			return say('this step offers no actions (actions: on the step in runbook:)', 'dim');
		const entries = stepActionEntries(step.actions, services, gridSelection());
		const first = entries.findIndex((e) => e.disabled === null);
		dispatch({
			type: 'overlay',
			overlay: {
				kind: 'runbook-actions',
				section: step.section,
				title: step.title,
				index: Math.max(0, first),
			},
		});
	};

	const menu = (command: CommandId): boolean => {
		if (ui.overlay.kind !== 'runbook-actions') return false;
		const entries = menuEntries(ui, services, gridSelection());
		const {overlay} = ui;
		const move = (by: number) =>
			dispatch({
				type: 'overlay',
				overlay: {
					...overlay,
					index: Math.max(0, Math.min(entries.length - 1, overlay.index + by)),
				},
			});
		switch (command) {
			case 'step-action-down':
				move(1);
				return true;
			case 'step-action-up':
				move(-1);
				return true;
			case 'step-action-close':
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				return true;
			case 'step-action-run': {
				const entry = entries[overlay.index];
				if (!entry) return true;
				if (entry.disabled) {
					say(`${entry.title}: ${entry.disabled}`, 'warn');
					return true;
				}
				// Closed first: the command opens its own prompt or confirmation, or says why not.
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				runAs(entry.command, entry.selection);
				return true;
			}
			default:
				return false;
		}
	};

	const run = (command: CommandId): boolean => {
		switch (command) {
			case 'runbook':
				open();
				return true;
			case 'runbook-toggle':
				toggle();
				return true;
			case 'runbook-actions':
				showActions();
				return true;
			default:
				return menu(command);
		}
	};

	return {run, open};
}
