import type {Action, ActionTarget} from '../actions/action.ts';
import type {DeploymentRef, PodRef, WorkloadRef} from '../actions/mitigations.ts';
import {maxLogScroll} from './logs-view.ts';
import type {GridPanelId, PanelId} from './panel-ids.ts';
import {gridPanelIds, isGridPanel, panelIds} from './panel-ids.ts';

export type Overlay =
	| {readonly kind: 'none'}
	/** `scroll`: the first help line shown, when the keys need more rows than the screen has. */
	| {readonly kind: 'help'; readonly scroll: number}
	| {readonly kind: 'jump'; readonly text: string}
	| {readonly kind: 'filter'; readonly text: string}
	| {
			readonly kind: 'scale';
			/** The same one-value prompt also asks for a memory limit, a rate limit or a PVC size. */
			readonly purpose?: 'memory' | 'rate-limit' | 'pvc' | 'max-connections';
			readonly target: DeploymentRef;
			/** Set when the replicas are a StatefulSet's rather than a Deployment's. */
			readonly workload?: WorkloadRef;
			readonly current: number | string;
			readonly text: string;
			/** Why the last input was refused; the prompt stays open to fix it. */
			readonly error?: string;
	  }
	| {readonly kind: 'confirm'; readonly action: Action}
	/** The selected pod's log, followed; `previous`: the last terminated container's. */
	| LogsOverlay
	/** `kubectl describe pod` of the selected pod; `scroll`: the first line shown. */
	| {readonly kind: 'describe'; readonly pod: PodRef; readonly scroll: number}
	/** The note input: multi-line; `amends` is the seq of the note being amended. */
	| {
			readonly kind: 'note';
			readonly text: string;
			readonly amends?: number;
			readonly error?: string;
	  }
	/** A configured action's or check's output; `scroll`: lines up from the newest. */
	| {readonly kind: 'output'; readonly source: OutputSource; readonly scroll: number}
	/** A configured action's inputs, asked one at a time before its confirmation. */
	| ActionInputOverlay
	/** The actions a runbook step offers (Enter in `:runbook`); `index`: the one chosen. */
	| {
			readonly kind: 'runbook-actions';
			readonly section: string;
			readonly title: string;
			readonly index: number;
	  }
	/** One-line incident prompts: a severity, "title [P0-P3] [@owner]", or a new title. */
	| {
			readonly kind: 'severity' | 'incident' | 'title';
			readonly text: string;
			readonly error?: string;
	  };

export type OutputSource =
	| {readonly kind: 'run'; readonly actionId: string}
	| {readonly kind: 'check'; readonly name: string};

export interface ActionInputOverlay {
	readonly kind: 'action-input';
	readonly actionId: string;
	/** The row's values, taken when the key was pressed: the prompt acts on that row. */
	readonly values: Readonly<Record<string, string | undefined>>;
	readonly target: ActionTarget;
	/** The input being asked, and the answers so far. */
	readonly index: number;
	readonly answers: Readonly<Record<string, string>>;
	readonly text: string;
	readonly error?: string;
}

export interface LogsOverlay {
	readonly kind: 'logs';
	readonly pod: PodRef;
	readonly previous: boolean;
	/** Only lines containing this (any case) are shown; `searching` while it is typed. */
	readonly search: string;
	readonly searching: boolean;
	/** The view stays where it is while the log keeps being read. */
	readonly paused: boolean;
	/** Lines scrolled up from the newest; scrolling up pauses. */
	readonly scroll: number;
}

export function logsOverlay(pod: PodRef, previous = false): LogsOverlay {
	return {kind: 'logs', pod, previous, search: '', searching: false, paused: false, scroll: 0};
}

export type Tone = 'error' | 'warn' | 'ok' | 'dim' | 'accent';

export interface UiState {
	readonly focus: PanelId;
	/** The grid panel that Esc goes back to from a view (`:top`), and where Tab counts from. */
	readonly gridFocus: GridPanelId;
	readonly zoomed: boolean;
	readonly cursor: Readonly<Record<PanelId, number>>;
	readonly filters: Readonly<Record<PanelId, string>>;
	readonly overlay: Overlay;
	/** Pods panel: only pods that are not Running/Completed and ready (the runbook's grep -v Running). */
	readonly problemsOnly: boolean;
	/** Top pods: sorted as `kubectl top pods --sort-by=cpu` or `=memory`. */
	readonly topSort: 'cpu' | 'memory';
	readonly message: {readonly text: string; readonly tone: Tone} | null;
}

const perPanel = <T>(value: T) =>
	Object.fromEntries(panelIds.map((id) => [id, value])) as Record<PanelId, T>;

export const initialUiState: UiState = {
	focus: 'errors',
	gridFocus: 'errors',
	zoomed: false,
	cursor: perPanel(0),
	filters: perPanel(''),
	overlay: {kind: 'none'},
	problemsOnly: true,
	topSort: 'cpu',
	message: null,
};

export type UiEvent =
	/** `cursor`: the row to select there (`:runbook` opens on the current step). */
	| {readonly type: 'focus'; readonly panel: PanelId; readonly cursor?: number}
	| {readonly type: 'focus-step'; readonly by: 1 | -1}
	/** Moves the cursor; `rows` is how many rows the focused panel has now. */
	| {
			readonly type: 'move';
			readonly to: 'up' | 'down' | 'top' | 'bottom' | 'page-up' | 'page-down';
			readonly rows: number;
			readonly page: number;
	  }
	| {readonly type: 'overlay'; readonly overlay: Overlay}
	/**
	 * The overlay made from the current one, not from the one a handler saw: keys that
	 * arrive in one chunk (backspaces held over SSH) are handled before React renders
	 * again, so an edit computed from the render's overlay would undo the one before it.
	 */
	| {readonly type: 'overlay-update'; readonly update: (overlay: Overlay) => Overlay}
	| {readonly type: 'filter'; readonly text: string}
	| {readonly type: 'toggle-zoom'}
	| {readonly type: 'toggle-problems'}
	| {readonly type: 'toggle-top-sort'}
	/** The log view stopped at its oldest line: the scroll is set to where it stopped. */
	| {readonly type: 'logs-scroll'; readonly scroll: number}
	/** Scroll the log view up (positive) or down; up pauses it. */
	| {readonly type: 'logs-scroll-by'; readonly by: number}
	/** Relative, like the log's, so keys arriving in one chunk all count; `max` is the last full page. */
	| {readonly type: 'help-scroll-by'; readonly by: number; readonly max: number}
	| {readonly type: 'describe-scroll-by'; readonly by: number; readonly max: number}
	/** Scroll an output view up (positive) or down; `max` is how far up there is to go. */
	| {readonly type: 'output-scroll-by'; readonly by: number; readonly max: number}
	| {readonly type: 'message'; readonly text: string; readonly tone: Tone}
	/** Escape: the innermost thing that is open closes. */
	| {readonly type: 'clear'};

export function reduceUi(state: UiState, event: UiEvent): UiState {
	switch (event.type) {
		case 'focus':
			return {
				...state,
				focus: event.panel,
				gridFocus: isGridPanel(event.panel) ? event.panel : state.gridFocus,
				overlay: {kind: 'none'},
				...(event.cursor === undefined
					? {}
					: {cursor: {...state.cursor, [event.panel]: event.cursor}}),
			};
		case 'focus-step': {
			const count = gridPanelIds.length;
			const index = gridPanelIds.indexOf(state.gridFocus);
			const next = gridPanelIds[(index + event.by + count) % count] ?? state.gridFocus;
			return {...state, focus: next, gridFocus: next};
		}
		case 'move': {
			const current = Math.min(state.cursor[state.focus], Math.max(0, event.rows - 1));
			const last = Math.max(0, event.rows - 1);
			const target = {
				up: current - 1,
				down: current + 1,
				top: 0,
				bottom: last,
				'page-up': current - event.page,
				'page-down': current + event.page,
			}[event.to];
			return {
				...state,
				cursor: {...state.cursor, [state.focus]: Math.max(0, Math.min(last, target))},
			};
		}
		case 'overlay':
			return {...state, overlay: event.overlay};
		case 'overlay-update': {
			const overlay = event.update(state.overlay);
			if (overlay === state.overlay) return state;
			// The filter prompt's text is the focused panel's filter as it is typed.
			return overlay.kind === 'filter'
				? reduceUi({...state, overlay}, {type: 'filter', text: overlay.text})
				: {...state, overlay};
		}
		case 'filter':
			return {
				...state,
				filters: {...state.filters, [state.focus]: event.text},
				cursor: {...state.cursor, [state.focus]: 0},
			};
		case 'toggle-zoom':
			if (!isGridPanel(state.focus)) return {...state, focus: state.gridFocus};
			return {...state, zoomed: !state.zoomed};
		case 'toggle-problems':
			return {...state, problemsOnly: !state.problemsOnly, cursor: {...state.cursor, pods: 0}};
		case 'logs-scroll':
			return state.overlay.kind === 'logs'
				? {...state, overlay: {...state.overlay, scroll: event.scroll}}
				: state;
		case 'logs-scroll-by': {
			if (state.overlay.kind !== 'logs') return state;
			const scroll = Math.max(0, Math.min(maxLogScroll, state.overlay.scroll + event.by));
			// Scrolled up, the view holds still; it follows again on G, not by reaching the bottom.
			const paused = state.overlay.paused || scroll > 0;
			return {...state, overlay: {...state.overlay, scroll, paused}};
		}
		case 'help-scroll-by': {
			if (state.overlay.kind !== 'help') return state;
			const scroll = Math.max(0, Math.min(event.max, state.overlay.scroll + event.by));
			return {...state, overlay: {kind: 'help', scroll}};
		}
		case 'describe-scroll-by': {
			if (state.overlay.kind !== 'describe') return state;
			const scroll = Math.max(0, Math.min(event.max, state.overlay.scroll + event.by));
			return {...state, overlay: {...state.overlay, scroll}};
		}
		case 'output-scroll-by': {
			if (state.overlay.kind !== 'output') return state;
			const scroll = Math.max(0, Math.min(event.max, state.overlay.scroll + event.by));
			return {...state, overlay: {...state.overlay, scroll}};
		}
		case 'toggle-top-sort':
			return {
				...state,
				topSort: state.topSort === 'cpu' ? 'memory' : 'cpu',
				cursor: {...state.cursor, top: 0},
			};
		case 'message':
			return {...state, message: {text: event.text, tone: event.tone}};
		case 'clear':
			if (state.overlay.kind !== 'none') return {...state, overlay: {kind: 'none'}};
			if (state.filters[state.focus] !== '') return reduceUi(state, {type: 'filter', text: ''});
			if (!isGridPanel(state.focus)) return {...state, focus: state.gridFocus};
			if (state.zoomed) return {...state, zoomed: false};
			return {...state, message: null};
	}
}
