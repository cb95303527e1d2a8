import type {Key} from 'ink';
import {type Dispatch, useRef} from 'react';
import type {Action} from '../actions/action.ts';
import {runAction} from '../actions/run-action.ts';
import {type AnyCommandId, isConfiguredCommand} from './commands.ts';
import {configuredActionCommands} from './configured-action-commands.ts';
import {editedText, withoutControls} from './edit-text.ts';
import {helpLines, helpPage, maxHelpScroll} from './help-view.ts';
import {incidentCommands} from './incident-commands.ts';
import {completeJump, resolveJump} from './jump.ts';
import {bodySize, type Layout} from './layout.ts';
import {logsEvent} from './logs-commands.ts';
import {mitigationCommands, type Target, unavailable} from './mitigation-commands.ts';
import {outcomeText} from './outcome-text.ts';
import {outputText} from './output-lines.ts';
import {type PanelId, panelIds} from './panel-ids.ts';
import {panels} from './panels/index.ts';
import type {Selection, VisiblePanel} from './panels/panel.ts';
import {podForLogs} from './pod-for-logs.ts';
import {resolveKey} from './resolve-key.ts';
import {runbookCommands} from './runbook-commands.ts';
import {searchCommands} from './search-commands.ts';
import {useServices} from './services.ts';
import {logsOverlay, type Overlay, type UiEvent, type UiState} from './state.ts';

type Visible = Readonly<Record<PanelId, VisiblePanel>>;

function pageSize(layout: Layout, focus: PanelId | 'logs'): number {
	// The log view fills the body, one line of which is its title.
	if (focus === 'logs' && layout.kind !== 'too-small')
		return Math.max(1, bodySize(layout).height - 1);
	if (layout.kind === 'zoom') return Math.max(1, layout.box.height - 2);
	if (layout.kind === 'grid')
		return Math.max(1, (layout.rows.flat().find((b) => b.id === focus)?.height ?? 3) - 2);
	return 1;
}

/**
 * Turns key presses into UI events and actions. The command table decides
 * which command a key is; this only says what each command does.
 */
export function useCommandHandler(
	ui: UiState,
	dispatch: Dispatch<UiEvent>,
	visible: Visible,
	layout: Layout,
) {
	const services = useServices();
	const running = useRef(false);
	const actionsSignal = useRef(new AbortController());

	// A runbook step's action runs the ordinary command on the row the step names.
	const override = useRef<Selection | undefined>(undefined);
	const selection = (): Selection | undefined => {
		if (override.current) return override.current;
		const {lines} = visible[ui.focus];
		const cursor = Math.min(ui.cursor[ui.focus], Math.max(0, lines.length - 1));
		const index = panels[ui.focus].tail ? lines.length - 1 - cursor : cursor;
		return lines[index]?.selection;
	};

	const offer = async (
		build: () => Action | undefined | Promise<Action | undefined>,
		missing: string,
	) => {
		// A value prompt (scale, memory, PVC size) is drawn over the status line:
		// close it, or the refusal would be hidden behind it and Enter would seem dead.
		const refuse = (text: string, tone: 'warn' | 'error') => {
			if (ui.overlay.kind === 'scale') dispatch({type: 'overlay', overlay: {kind: 'none'}});
			dispatch({type: 'message', text, tone});
		};
		let action: Action | undefined;
		try {
			action = await build();
		} catch (error) {
			// Building may read the cluster (undo reads the revisions): its error is a message.
			refuse(error instanceof Error ? error.message : String(error), 'error');
			return;
		}
		if (!action) {
			refuse(missing, 'warn');
			return;
		}
		if (action.checkPermission) {
			const permission = await action.checkPermission(actionsSignal.current.signal);
			if (!permission.allowed) {
				refuse(`${action.title}: not allowed · ${permission.reason}`, 'error');
				return;
			}
		}
		dispatch({type: 'overlay', overlay: {kind: 'confirm', action}});
	};

	const selectedLine = () => {
		const {lines} = visible[ui.focus];
		const cursor = Math.min(ui.cursor[ui.focus], Math.max(0, lines.length - 1));
		return lines[panels[ui.focus].tail ? lines.length - 1 - cursor : cursor];
	};
	const incident = incidentCommands(ui, dispatch, services, selectedLine, (build, missing) => {
		void offer(build, missing);
	});

	/**
	 * The selected object when it is a `kind` and the backend offers the
	 * action; otherwise says what to select, or that it is not offered here.
	 */
	const target: Target = (kind, offered, what) => {
		const selected = selection();
		if (selected?.kind === kind && offered) return selected as never;
		const text = selected ? unavailable(what) : `select a ${kind} first`;
		dispatch({type: 'message', text, tone: 'warn'});
		return undefined;
	};
	const mitigation = mitigationCommands(dispatch, services, target, selection, (build, missing) => {
		void offer(build, missing);
	});
	const search = searchCommands(ui, dispatch, services, target);

	const configured = configuredActionCommands(
		ui,
		dispatch,
		services,
		selection,
		(build, missing) => {
			void offer(build, missing);
		},
	);

	/** The row selected in the grid panel behind a view (what a runbook step's action acts on). */
	const gridSelection = (): Selection | undefined => {
		const {lines} = visible[ui.gridFocus];
		const cursor = Math.min(ui.cursor[ui.gridFocus], Math.max(0, lines.length - 1));
		return lines[panels[ui.gridFocus].tail ? lines.length - 1 - cursor : cursor]?.selection;
	};
	const runbook = runbookCommands(
		ui,
		dispatch,
		services,
		selection,
		gridSelection,
		(command, row) => {
			override.current = row;
			try {
				run(command, null);
			} finally {
				override.current = undefined;
			}
		},
	);

	const run = (command: AnyCommandId, key: string | null) => {
		if (isConfiguredCommand(command)) {
			configured.run(command);
			return;
		}
		const outputRows =
			ui.overlay.kind === 'output'
				? outputText(ui.overlay.source, services, Date.now()).lines.length
				: 0;
		if (configured.output(command, pageSize(layout, 'logs'), outputRows)) return;
		const move = (to: 'up' | 'down' | 'top' | 'bottom' | 'page-up' | 'page-down') => {
			// Tail panels count the cursor from the bottom, so the keys keep their visual meaning.
			const flip = {
				up: 'down',
				down: 'up',
				top: 'bottom',
				bottom: 'top',
				'page-up': 'page-down',
				'page-down': 'page-up',
			} as const;
			dispatch({
				type: 'move',
				to: panels[ui.focus].tail ? flip[to] : to,
				rows: visible[ui.focus].lines.length,
				page: pageSize(layout, ui.focus),
			});
		};
		switch (command) {
			case 'quit':
				services.quit();
				return;
			case 'help':
				dispatch({
					type: 'overlay',
					overlay: ui.overlay.kind === 'help' ? {kind: 'none'} : {kind: 'help', scroll: 0},
				});
				return;
			case 'jump':
				dispatch({type: 'overlay', overlay: {kind: 'jump', text: ''}});
				return;
			case 'focus-next':
				dispatch({type: 'focus-step', by: 1});
				return;
			case 'focus-previous':
				dispatch({type: 'focus-step', by: -1});
				return;
			case 'focus-number': {
				const panel = panelIds[Number(key) - 1];
				if (panel) dispatch({type: 'focus', panel});
				return;
			}
			case 'refresh':
				services.refresh();
				dispatch({type: 'message', text: 'refreshing every source', tone: 'dim'});
				return;
			case 'help-down':
			case 'help-up':
			case 'help-page-down':
			case 'help-page-up': {
				const {width, height} = bodySize(layout);
				const {columns, rows} = helpPage(width, height);
				const page = columns * rows;
				const by = {'help-down': 1, 'help-up': -1, 'help-page-down': page, 'help-page-up': -page}[
					command
				];
				const total = helpLines(ui.focus, services.readOnly).length;
				dispatch({type: 'help-scroll-by', by, max: maxHelpScroll(total, width, height)});
				return;
			}
			case 'down':
			case 'up':
			case 'top':
			case 'bottom':
			case 'page-down':
			case 'page-up':
				move(command);
				return;
			case 'filter':
				dispatch({type: 'overlay', overlay: {kind: 'filter', text: ui.filters[ui.focus]}});
				return;
			case 'zoom':
				dispatch({type: 'toggle-zoom'});
				return;
			case 'clear':
				dispatch({type: 'clear'});
				return;
			case 'toggle-problems':
				dispatch({type: 'toggle-problems'});
				return;
			case 'top-sort':
				dispatch({type: 'toggle-top-sort'});
				return;
			case 'logs': {
				const pod = target('pod', services.podLogs, 'logs');
				if (pod) dispatch({type: 'overlay', overlay: logsOverlay(pod.ref)});
				return;
			}
			case 'describe': {
				const pod = target('pod', services.describePod, 'describe');
				if (pod) dispatch({type: 'overlay', overlay: {kind: 'describe', pod: pod.ref, scroll: 0}});
				return;
			}
			case 'describe-up':
			case 'describe-down':
			case 'describe-page-up':
			case 'describe-page-down': {
				const page = Math.max(1, pageSize(layout, 'logs'));
				const by = {
					'describe-up': -1,
					'describe-down': 1,
					'describe-page-up': -page,
					'describe-page-down': page,
				}[command];
				// The view clamps to its last page; this bound only stops runaway scrolling.
				dispatch({type: 'describe-scroll-by', by, max: 500});
				return;
			}
			case 'describe-close':
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				return;
			case 'deployment-logs': {
				const d = target('deployment', services.podLogs, 'logs');
				if (!d) return;
				const slot = services.store.getSnapshot().slots.kubernetes;
				const pods = slot.phase === 'not-configured' ? [] : (slot.data?.pods ?? []);
				const pod = podForLogs(pods, d.ref.namespace, d.ref.name);
				if (pod)
					dispatch({
						type: 'overlay',
						overlay: logsOverlay({namespace: pod.namespace, name: pod.name}),
					});
				else
					dispatch({type: 'message', text: `deployment/${d.ref.name} has no pods`, tone: 'warn'});
				return;
			}
			case 'confirm': {
				if (ui.overlay.kind !== 'confirm' || running.current) return;
				const {action} = ui.overlay;
				// Closed before anything runs: a held or repeated `y` finds no dialog.
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				running.current = true;
				dispatch({type: 'message', text: `${action.title} ${action.target.object}…`, tone: 'dim'});
				const opens = services.timeline.getSnapshot().incident === null;
				// A configured action's output streams in its view (Esc detaches).
				configured.confirmed(action);
				void runAction(action, services.timeline, actionsSignal.current.signal).then((outcome) => {
					running.current = false;
					const outcomeLine = outcomeText(action, outcome.ok, outcome.message);
					dispatch({
						type: 'message',
						// The incident it opened was named for the user: say how to rename it.
						text: opens
							? `${outcomeLine} · opened a P2 incident: T retitles, P severity`
							: outcomeLine,
						tone: outcome.ok ? 'ok' : 'error',
					});
				});
				return;
			}
			case 'cancel':
			case 'dismiss':
				if (ui.overlay.kind === 'logs') {
					dispatch({type: 'overlay', overlay: {...ui.overlay, search: '', searching: false}});
					return;
				}
				if (ui.overlay.kind === 'filter') dispatch({type: 'filter', text: ''});
				dispatch({type: 'overlay', overlay: {kind: 'none'}});
				return;
			case 'submit':
				submit();
				return;
			case 'complete':
				if (ui.overlay.kind === 'jump')
					dispatch({
						type: 'overlay',
						overlay: {...ui.overlay, text: completeJump(ui.overlay.text)},
					});
				return;
			default: {
				const logs =
					ui.overlay.kind === 'logs'
						? logsEvent(command, ui.overlay, pageSize(layout, 'logs'))
						: undefined;
				if (logs) dispatch(logs);
				else if (!mitigation.run(command) && !search.run(command) && !runbook.run(command))
					incident.run(command);
				return;
			}
		}
	};

	const submit = (overlay = ui.overlay) => {
		if (overlay.kind === 'action-input') {
			configured.submit();
		} else if (overlay.kind === 'logs') {
			dispatch({type: 'overlay', overlay: {...overlay, searching: false}});
		} else if (overlay.kind === 'jump') {
			const panel = resolveJump(overlay.text);
			if (panel === 'runbook') runbook.open();
			else if (panel) dispatch({type: 'focus', panel});
			else
				dispatch({
					type: 'message',
					text: `no panel named "${overlay.text}" (try ${jumpCompletions()})`,
					tone: 'warn',
				});
			dispatch({type: 'overlay', overlay: {kind: 'none'}});
		} else if (search.submit(overlay)) {
			return;
		} else if (overlay.kind === 'filter') {
			dispatch({type: 'overlay', overlay: {kind: 'none'}});
		} else if (!mitigation.submit(overlay)) incident.submit();
	};

	const edit = (input: string, key: Key) => {
		const {overlay} = ui;
		if (editedText('', input, key, withoutControls) === null) return;
		const edited = (text: string) => editedText(text, input, key, withoutControls) ?? text;
		if (overlay.kind === 'logs' && overlay.searching) {
			dispatch({
				type: 'overlay-update',
				update: (current) =>
					current.kind === 'logs' && current.searching
						? {...current, search: edited(current.search), scroll: 0}
						: current,
			});
			return;
		}
		if (overlay.kind !== 'jump' && overlay.kind !== 'filter' && overlay.kind !== 'scale') return;
		dispatch({
			type: 'overlay-update',
			update: (current) => {
				if (current.kind === 'scale')
					return {...current, text: edited(current.text), error: undefined};
				if (current.kind === 'jump' || current.kind === 'filter')
					return {...current, text: edited(current.text)};
				return current;
			},
		});
	};

	// Keys typed fast over SSH can arrive as one chunk ("deploy\r"): the text,
	// then Enter. Without this the Enter would be dropped with the control bytes.
	const submitsTypedLine = (input: string): boolean => {
		const {overlay} = ui;
		const end = input.search(/[\r\n]/);
		if (input.length < 2 || end === -1) return false;
		const typed = input.slice(0, end).replace(/[^\P{C}]/gu, '');
		if (overlay.kind === 'logs' && overlay.searching) {
			submit({...overlay, search: overlay.search + typed});
			return true;
		}
		if (overlay.kind !== 'jump' && overlay.kind !== 'filter' && overlay.kind !== 'scale')
			return false;
		const text = overlay.text + typed;
		if (overlay.kind === 'filter') dispatch({type: 'filter', text});
		submit({...overlay, text});
		return true;
	};

	// ":deploy\r" in one chunk (typed ahead over SSH): the key that opens the
	// prompt, then the line for it. Other keys in a chunk are not guessed at.
	const opensPromptWithLine = (input: string, key: Key): boolean => {
		if (input.length < 2 || key.ctrl || key.meta) return false;
		const opener = resolveKey(input[0]!, ui.overlay, ui.focus, services.readOnly);
		const rest = input.slice(1);
		const text = rest.split(/[\r\n]/)[0]!.replace(/[^\P{C}]/gu, '');
		const entered = /[\r\n]/.test(rest);
		let overlay: Overlay;
		if (opener === 'jump') overlay = {kind: 'jump', text};
		else if (opener === 'filter') overlay = {kind: 'filter', text};
		else if (opener === 'logs-search' && ui.overlay.kind === 'logs')
			overlay = {...ui.overlay, searching: true, search: text};
		else return false;
		if (opener === 'filter') dispatch({type: 'filter', text});
		if (entered) submit(overlay);
		else dispatch({type: 'overlay', overlay});
		return true;
	};

	// "jjj" in one chunk (a held key over a slow link) is three presses. Each
	// resolves against this render's state: a key that a previous one would
	// have enabled (y after r) does nothing, which is the safe way to be wrong.
	const runsEachKey = (input: string, key: Key): boolean => {
		const typing = [
			'jump',
			'filter',
			'scale',
			'note',
			'severity',
			'incident',
			'title',
			'action-input',
		].includes(ui.overlay.kind);
		if (typing || input.length < 2 || key.ctrl || key.meta || /[^\P{C}]/u.test(input)) return false;
		if (ui.overlay.kind === 'logs' && ui.overlay.searching) return false;
		for (const char of input) {
			const command = resolveKey(char, ui.overlay, ui.focus, services.readOnly);
			if (command) run(command, char);
		}
		return true;
	};

	// Rebuilt each render on purpose: it reads the state of this render.
	const handle = (input: string, key: Key, name: string | null) => {
		const command =
			name === null ? null : resolveKey(name, ui.overlay, ui.focus, services.readOnly);
		if (command) run(command, name);
		else if (opensPromptWithLine(input, key)) return;
		else if (runsEachKey(input, key)) return;
		else if (submitsTypedLine(input)) return;
		else if (incident.edit(input, key)) return;
		else if (configured.edit(input, key)) return;
		else if (
			ui.overlay.kind === 'jump' ||
			ui.overlay.kind === 'filter' ||
			ui.overlay.kind === 'scale' ||
			(ui.overlay.kind === 'logs' && ui.overlay.searching)
		)
			edit(input, key);
	};
	return Object.assign(handle, {paste: incident.paste, gridSelection});
}

function jumpCompletions(): string {
	return panelIds.map((id) => `:${id === 'deployments' ? 'deploy' : id}`).join(' ');
}
