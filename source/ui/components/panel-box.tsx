import {Box, Text} from 'ink';
import {describeStatus} from '../../engine/source-slot.ts';
import type {StoreState} from '../../engine/store.ts';
import {fitWidth} from '../../format/table.ts';
import {panelStatus} from '../panel-status.ts';
import type {PanelDefinition, PanelLine, PanelView} from '../panels/panel.ts';
import {useServices} from '../services.ts';
import type {Tone} from '../state.ts';
import {Toned} from './tone.tsx';

export interface PanelBoxProps {
	readonly definition: PanelDefinition;
	/** The number key that focuses it; views opened by name have none. */
	readonly number: number | null;
	readonly view: PanelView;
	/** Lines left after the filter. */
	readonly lines: readonly PanelLine[];
	readonly selected: number;
	readonly filter: string;
	readonly focused: boolean;
	readonly width: number;
	readonly height: number;
	readonly store: StoreState;
	readonly now: number;
}

/** First visible line so that `selected` is on screen. */
export function windowStart(selected: number, total: number, rows: number, tail: boolean): number {
	if (total <= rows) return 0;
	if (tail && selected === total - 1) return total - rows;
	return Math.max(0, Math.min(selected - rows + 1, total - rows)) || 0;
}

const statusTone: Record<string, Tone> = {
	error: 'error',
	stale: 'warn',
	loading: 'dim',
	'not-configured': 'dim',
	ok: 'ok',
};

export function PanelBox(props: PanelBoxProps) {
	const {definition, view, lines, focused, width, height, selected} = props;
	const {intervalMs} = useServices();
	const state = panelStatus(props.store, definition.sources, props.now, intervalMs);
	const status = state?.status;
	const bodyRows = Math.max(0, height - 1 - (view.header ? 1 : 0));

	const title = ` ${props.number === null ? ':' : `${props.number} `}${definition.title} `;
	const filter = props.filter ? ` /${props.filter}` : '';
	const statusText = status && status.kind !== 'ok' ? ` ${describeStatus(status)}` : '';
	const summary = status?.kind === 'not-configured' || status?.kind === 'error' ? '' : view.summary;

	let body: {key: string; text: string; tone?: Tone | undefined; selected?: boolean}[];
	if (status?.kind === 'not-configured' || (status?.kind === 'error' && view.lines.length === 0)) {
		body = [
			{
				key: 'status',
				text: describeStatus(status),
				tone: status.kind === 'error' ? 'error' : 'dim',
			},
		];
	} else if (status?.kind === 'loading') {
		body = [{key: 'loading', text: 'loading…', tone: 'dim'}];
	} else if (lines.length === 0) {
		body = [
			{
				key: 'empty',
				text: props.filter ? `nothing matches /${props.filter}` : view.empty,
				tone: 'dim',
			},
		];
	} else {
		// The selected row's detail takes rows from the window, so the row itself stays on screen.
		const detail = focused ? (lines[selected]?.detail ?? []).slice(0, bodyRows - 1) : [];
		const rows = bodyRows - detail.length;
		const start = windowStart(selected, lines.length, rows, definition.tail === true);
		body = lines.slice(start, start + rows).flatMap((line, i) => {
			const row = {key: line.key, text: line.text, tone: line.tone};
			if (!focused || start + i !== selected) return [row];
			return [
				{...row, selected: true},
				...detail.map((text, d) => ({key: `${line.key}:detail:${d}`, text, tone: 'dim' as const})),
			];
		});
	}

	// Every line is cut to the width already (fitWidth, and the title truncates),
	// so only rows are clipped: clipping columns too makes Ink measure and
	// re-slice every line of every panel on every frame.
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<Text wrap="truncate">
				<Text inverse={focused} bold>
					{title}
				</Text>
				<Toned tone={view.summaryTone}>{summary ? ` ${summary}` : ''}</Toned>
				<Toned tone="accent">{filter}</Toned>
				<Toned tone={status ? statusTone[status.kind] : undefined}>
					{fitWidth(
						statusText,
						Math.max(0, width - title.length - summary.length - filter.length - 1),
					).trimEnd()}
				</Toned>
			</Text>
			{view.header && bodyRows > 0 ? (
				<Toned tone="dim">{fitWidth(view.header, width)}</Toned>
			) : null}
			{body.slice(0, bodyRows).map((line) => (
				<Toned key={line.key} tone={line.tone} inverse={line.selected === true}>
					{fitWidth(line.text, width)}
				</Toned>
			))}
		</Box>
	);
}
