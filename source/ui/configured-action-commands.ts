import type {Key} from 'ink';
import type {Dispatch} from 'react';
import type {Action} from '../actions/action.ts';
import {buildConfiguredAction} from '../actions/configured/build.ts';
import type {ActionConfig, ActionInputConfig} from '../actions/configured/config.ts';
import {ActionRuns} from '../actions/configured/runs.ts';
import {runAction} from '../actions/run-action.ts';
import {valuesFor} from './action-values.ts';
import type {AnyCommandId, ConfiguredCommandId} from './commands.ts';
import {editedText, withoutControls} from './edit-text.ts';
import {outcomeText} from './outcome-text.ts';
import type {Selection} from './panels/panel.ts';
import type {AppServices} from './services.ts';
import type {ActionInputOverlay, UiEvent, UiState} from './state.ts';

// Without a session's own (tests, the README generator), runs still have somewhere to go.
const fallbackRuns = new ActionRuns();

/** What fills the placeholders besides the row: context, namespace, incident, the pod's containers. */
export function aroundOf(services: AppServices, selection: Selection | undefined) {
	const incident = services.timeline.getSnapshot().incident;
	const slot = services.store.getSnapshot().slots.kubernetes;
	const pod =
		selection?.kind === 'pod' && slot.phase !== 'not-configured'
			? slot.data?.pods.find(
					(p) => p.namespace === selection.ref.namespace && p.name === selection.ref.name,
				)
			: undefined;
	return {
		context: services.kubeContext,
		namespace: services.namespace,
		incident: incident ? {id: incident.id, title: incident.title} : null,
		...(pod ? {pod} : {}),
	};
}

/** Why an input's answer is refused, or null. */
export function inputProblem(input: ActionInputConfig, text: string): string | null {
	const label = input.label ?? input.name;
	if (text === '') return input.required ? `${label} is required` : null;
	if (input.type === 'number' && !/^-?\d+(\.\d+)?$/.test(text))
		return `${label}: expected a number`;
	if (input.type === 'choice' && !(input.choices ?? []).includes(text))
		return `${label}: one of ${(input.choices ?? []).join(', ')}`;
	if (input.validation !== undefined && !new RegExp(input.validation).test(text))
		return `${label}: must match /${input.validation}/`;
	return null;
}

/**
 * Configured actions (`actions:`): the key takes the selected row's values,
 * asks the inputs one by one, then goes through the one confirmation when it
 * is mutating (or runs at once when it only looks); running, it opens the
 * output view. Returns false for commands that are not its own.
 */
export function configuredActionCommands(
	ui: UiState,
	dispatch: Dispatch<UiEvent>,
	services: AppServices,
	selection: () => Selection | undefined,
	offer: (build: () => Action | undefined, missing: string) => void,
) {
	const runs = services.actionRuns ?? fallbackRuns;
	const find = (id: string): ActionConfig | undefined =>
		services.configuredActions?.find((a) => a.id === id);

	const start = (action: Action, config: ActionConfig) => {
		dispatch({
			type: 'overlay',
			overlay: {kind: 'output', source: {kind: 'run', actionId: config.id}, scroll: 0},
		});
		void runAction(action, services.timeline, new AbortController().signal).then((outcome) => {
			dispatch({
				type: 'message',
				text: outcomeText(action, outcome.ok, outcome.message),
				tone: outcome.ok ? 'ok' : 'error',
			});
		});
	};

	const proceed = (
		config: ActionConfig,
		overlay: Pick<ActionInputOverlay, 'values' | 'target'>,
		answers: Readonly<Record<string, string>>,
	) => {
		const inputs = Object.fromEntries(
			Object.entries(answers).map(([name, value]) => [`input.${name}`, value]),
		);
		const built = buildConfiguredAction(
			config,
			{...overlay.values, ...inputs},
			overlay.target,
			runs,
		);
		if (!built.ok) {
			dispatch({type: 'overlay', overlay: {kind: 'none'}});
			dispatch({type: 'message', text: built.error, tone: 'error'});
			return;
		}
		if (config.mutating) {
			dispatch({type: 'overlay', overlay: {kind: 'none'}});
			offer(() => built.action, config.title);
		} else start(built.action, config);
	};

	const run = (command: ConfiguredCommandId): void => {
		const config = find(command.slice('action:'.length));
		if (!config) return;
		// Read-only removes the row; this is the belt to its braces.
		if (config.mutating && services.readOnly) return;
		const row = valuesFor(config, selection(), aroundOf(services, selection()));
		if ('error' in row) {
			dispatch({type: 'message', text: row.error, tone: 'warn'});
			return;
		}
		const [first] = config.inputs;
		if (!first) {
			proceed(config, row, {});
			return;
		}
		dispatch({
			type: 'overlay',
			overlay: {
				kind: 'action-input',
				actionId: config.id,
				values: row.values,
				target: row.target,
				index: 0,
				answers: {},
				text: first.default === undefined ? '' : String(first.default),
			},
		});
	};

	const submit = (): boolean => {
		const {overlay} = ui;
		if (overlay.kind !== 'action-input') return false;
		const config = find(overlay.actionId);
		const input = config?.inputs[overlay.index];
		if (!config || !input) return true;
		const problem = inputProblem(input, overlay.text);
		if (problem) {
			dispatch({type: 'overlay', overlay: {...overlay, error: problem}});
			return true;
		}
		const answers = {...overlay.answers, [input.name]: overlay.text};
		const next = config.inputs[overlay.index + 1];
		if (next)
			dispatch({
				type: 'overlay',
				overlay: {
					...overlay,
					index: overlay.index + 1,
					answers,
					text: next.default === undefined ? '' : String(next.default),
					error: undefined,
				},
			});
		else proceed(config, overlay, answers);
		return true;
	};

	/** Typing into the input prompt; control characters never get in. */
	const edit = (input: string, key: Key): boolean => {
		const {overlay} = ui;
		if (overlay.kind !== 'action-input') return false;
		if (editedText('', input, key, withoutControls) === null) return true;
		dispatch({
			type: 'overlay-update',
			update: (current) =>
				current.kind === 'action-input'
					? {
							...current,
							text: editedText(current.text, input, key, withoutControls) ?? current.text,
							error: undefined,
						}
					: current,
		});
		return true;
	};

	/** After a confirmed configured action starts: show its output. */
	const confirmed = (action: Action): void => {
		if (!action.id.startsWith('action:')) return;
		dispatch({
			type: 'overlay',
			overlay: {
				kind: 'output',
				source: {kind: 'run', actionId: action.id.slice('action:'.length)},
				scroll: 0,
			},
		});
	};

	const output = (command: AnyCommandId, page: number, lines: number): boolean => {
		const {overlay} = ui;
		if (command === 'action-output') {
			const last = runs.getSnapshot().runs.at(-1);
			if (last)
				dispatch({
					type: 'overlay',
					overlay: {kind: 'output', source: {kind: 'run', actionId: last.actionId}, scroll: 0},
				});
			else dispatch({type: 'message', text: 'no configured action has run yet', tone: 'dim'});
			return true;
		}
		if (command === 'check-output') {
			const selected = selection();
			if (selected?.kind === 'check' && selected.checkKind === 'command')
				dispatch({
					type: 'overlay',
					overlay: {kind: 'output', source: {kind: 'check', name: selected.name}, scroll: 0},
				});
			else dispatch({type: 'toggle-zoom'});
			return true;
		}
		if (overlay.kind !== 'output') return false;
		const max = Math.max(0, lines - page);
		const by = (n: number) => dispatch({type: 'output-scroll-by', by: n, max});
		switch (command) {
			case 'output-up':
				by(1);
				return true;
			case 'output-down':
				by(-1);
				return true;
			case 'output-page-up':
				by(page);
				return true;
			case 'output-page-down':
				by(-page);
				return true;
			case 'output-follow':
				dispatch({type: 'overlay', overlay: {...overlay, scroll: 0}});
				return true;
			case 'output-close':
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				return true;
			case 'output-cancel': {
				if (overlay.source.kind !== 'run') return true;
				const {actionId} = overlay.source;
				const live = runs
					.running()
					.filter((r) => r.actionId === actionId)
					.at(-1);
				if (live) {
					live.cancel();
					dispatch({
						type: 'message',
						text: `${live.title}: cancelling (SIGTERM, SIGKILL after 5 s)`,
						tone: 'warn',
					});
				}
				return true;
			}
			default:
				return false;
		}
	};

	return {run, submit, edit, confirmed, output, runs};
}
