import {Box, useInput, usePaste, useWindowSize} from 'ink';
import {useCallback, useMemo, useReducer, useRef} from 'react';
import {recentActionWarning} from '../timeline/recent-action.ts';
import {ActionInputLine} from './components/action-input-line.tsx';
import {ConfirmDialog} from './components/confirm-dialog.tsx';
import {DescribeOverlay} from './components/describe-overlay.tsx';
import {Header} from './components/header.tsx';
import {HelpOverlay} from './components/help-overlay.tsx';
import {LogsOverlay} from './components/logs-overlay.tsx';
import {NoteInput} from './components/note-input.tsx';
import {OutputOverlay} from './components/output-overlay.tsx';
import {PanelBox} from './components/panel-box.tsx';
import {PromptLine} from './components/prompt-line.tsx';
import {StatusBar} from './components/status-bar.tsx';
import {StepActionsMenu} from './components/step-actions-menu.tsx';
import {TooSmall} from './components/too-small.tsx';
import {useNow, useRunbookSteps, useStoreState, useTimelineState} from './hooks/use-sources.ts';
import {jumpCompletions} from './jump.ts';
import {keyName} from './keys.ts';
import {type PanelBox as Box_, computeLayout} from './layout.ts';
import {isGridPanel, type PanelId, panelIds} from './panel-ids.ts';
import {panels} from './panels/index.ts';
import type {PanelLine, PanelView, VisiblePanel} from './panels/panel.ts';
import {menuEntries} from './runbook-commands.ts';
import {useServices} from './services.ts';
import {initialUiState, reduceUi, type UiState} from './state.ts';
import {useCommandHandler} from './use-command-handler.ts';

export interface AppProps {
	/** Fixed size for tests; the terminal's size otherwise. */
	readonly size?: {readonly columns: number; readonly rows: number};
	readonly initialUi?: Partial<UiState>;
}

function applyFilter(lines: readonly PanelLine[], filter: string): readonly PanelLine[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return lines;
	return lines.filter((line) => (line.match ?? line.text).toLowerCase().includes(needle));
}

/** Layout only: state lives in the store, the timeline and the UI reducer. */
export function App({size, initialUi}: AppProps) {
	const terminal = useWindowSize();
	const {columns, rows} = size ?? terminal;
	const [ui, dispatch] = useReducer(reduceUi, {...initialUiState, ...initialUi});
	const store = useStoreState();
	const timeline = useTimelineState();
	const services = useServices();
	const now = useNow();
	const runbook = useRunbookSteps();
	// A view opened by name (`:top`) has no place in the grid: it always fills the body.
	const zoomed = ui.zoomed || !isGridPanel(ui.focus) ? ui.focus : null;
	const layout = useMemo(() => computeLayout(columns, rows, zoomed), [columns, rows, zoomed]);

	// Each panel's view is made again only when what it reads changed: a pod
	// change redraws the Kubernetes panels, not the Kafka one.
	const views = useRef(new Map<PanelId, {inputs: readonly unknown[]; view: PanelView}>());
	const visible = useMemo(() => {
		const boxes =
			layout.kind === 'zoom' ? [layout.box] : layout.kind === 'grid' ? layout.rows.flat() : [];
		const result = {} as Record<PanelId, VisiblePanel>;
		for (const id of panelIds) {
			const box = boxes.find((b) => b.id === id);
			// Views not on screen cost nothing (Top sorts every pod).
			if (!box && id !== ui.focus && !isGridPanel(id)) {
				result[id] = {view: {summary: '', lines: [], empty: ''}, lines: []};
				continue;
			}
			const width = box?.width ?? columns;
			const panel = panels[id];
			const inputs = [
				...[...panel.sources, ...(panel.alsoReads ?? [])].map((source) => store.slots[source]),
				panel.sources.length === 0 ? timeline : null,
				// Sparkline history is recorded with its source's data: that slot changes with it.
				now,
				width,
				ui.problemsOnly,
				ui.topSort,
				id === 'runbook' ? runbook : null,
			];
			const cached = views.current.get(id);
			const view = cached?.inputs.every((value, i) => Object.is(value, inputs[i]))
				? cached.view
				: panel.view(
						{store, timeline, now, problemsOnly: ui.problemsOnly, topSort: ui.topSort, runbook},
						width,
					);
			views.current.set(id, {inputs, view});
			result[id] = {view, lines: applyFilter(view.lines, ui.filters[id])};
		}
		return result;
	}, [
		layout,
		store,
		timeline,
		now,
		runbook,
		ui.problemsOnly,
		ui.topSort,
		ui.filters,
		ui.focus,
		columns,
	]);

	const handle = useCommandHandler(ui, dispatch, visible, layout);
	const onScrollClamped = useCallback(
		(scroll: number) => dispatch({type: 'logs-scroll', scroll}),
		[],
	);
	const lastKeyAt = useRef(0);
	useInput((input, key) => {
		lastKeyAt.current = Date.now();
		handle(input, key, keyName(input, key));
	});
	// Bracketed paste only while a note is open: a pasted log excerpt arrives whole, newlines kept.
	usePaste(handle.paste, {isActive: ui.overlay.kind === 'note'});

	if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} />;

	const selectedIndex = (id: PanelId) => {
		const total = visible[id].lines.length;
		const cursor = Math.min(ui.cursor[id], Math.max(0, total - 1));
		return panels[id].tail ? total - 1 - cursor : cursor;
	};

	const renderBox = (box: Box_) => (
		<PanelBox
			key={box.id}
			definition={panels[box.id]}
			number={isGridPanel(box.id) ? panelIds.indexOf(box.id) + 1 : null}
			view={visible[box.id].view}
			lines={visible[box.id].lines}
			selected={selectedIndex(box.id)}
			filter={ui.filters[box.id]}
			focused={ui.focus === box.id}
			width={box.width}
			height={box.height}
			store={store}
			now={now}
		/>
	);

	const bodyHeight = rows - 3;
	let body: React.ReactNode;
	if (ui.overlay.kind === 'help') {
		body = (
			<HelpOverlay
				width={columns}
				height={bodyHeight}
				focus={ui.focus}
				scroll={ui.overlay.scroll}
			/>
		);
	} else if (ui.overlay.kind === 'confirm') {
		body = (
			<Box height={bodyHeight} width={columns} alignItems="center" justifyContent="center">
				<ConfirmDialog
					action={ui.overlay.action}
					width={columns}
					warning={recentActionWarning(
						timeline.events,
						ui.overlay.action.target,
						now,
						services.timeline.createdHere,
					)}
				/>
			</Box>
		);
	} else if (ui.overlay.kind === 'runbook-actions') {
		body = (
			<StepActionsMenu
				title={ui.overlay.title}
				entries={menuEntries(ui, services, handle.gridSelection())}
				index={ui.overlay.index}
				width={columns}
				height={bodyHeight}
			/>
		);
	} else if (ui.overlay.kind === 'logs') {
		body = (
			<LogsOverlay
				logs={ui.overlay}
				width={columns}
				height={bodyHeight}
				onScrollClamped={onScrollClamped}
			/>
		);
	} else if (ui.overlay.kind === 'describe') {
		body = (
			<DescribeOverlay
				pod={ui.overlay.pod}
				scroll={ui.overlay.scroll}
				width={columns}
				height={bodyHeight}
				now={now}
			/>
		);
	} else if (ui.overlay.kind === 'output') {
		body = (
			<OutputOverlay
				source={ui.overlay.source}
				scroll={ui.overlay.scroll}
				width={columns}
				height={bodyHeight}
			/>
		);
	} else if (ui.overlay.kind === 'note') {
		body = (
			<NoteInput
				text={ui.overlay.text}
				amends={ui.overlay.amends}
				error={ui.overlay.error}
				width={columns}
				height={bodyHeight}
			/>
		);
	} else if (layout.kind === 'zoom') {
		body = renderBox(layout.box);
	} else {
		body = (
			<Box flexDirection="column" height={bodyHeight}>
				{layout.rows.map((row) => (
					<Box key={row.map((b) => b.id).join()} flexDirection="row" columnGap={1}>
						{row.map(renderBox)}
					</Box>
				))}
			</Box>
		);
	}

	const prompting =
		(ui.overlay.kind === 'logs' && ui.overlay.searching) ||
		ui.overlay.kind === 'jump' ||
		ui.overlay.kind === 'filter' ||
		ui.overlay.kind === 'scale' ||
		ui.overlay.kind === 'severity' ||
		ui.overlay.kind === 'incident' ||
		ui.overlay.kind === 'title';
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header timeline={timeline} now={now} width={columns} />
			{body}
			{ui.overlay.kind === 'action-input' ? (
				<ActionInputLine overlay={ui.overlay} width={columns} />
			) : prompting ? (
				<PromptLine
					overlay={ui.overlay}
					completions={ui.overlay.kind === 'jump' ? jumpCompletions(ui.overlay.text) : []}
					width={columns}
				/>
			) : (
				<StatusBar ui={ui} focus={ui.focus} width={columns} />
			)}
		</Box>
	);
}
