import {Box, Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import {helpLines, helpPage, maxHelpScroll} from '../help-view.ts';
import type {PanelId} from '../panel-ids.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

/**
 * Every key, what applies to the focused panel first. Two columns on a wide
 * screen; when the keys need more rows than the screen has, the view
 * scrolls (j/k, page keys) and the title says which lines are shown.
 */
export function HelpOverlay({
	width,
	height,
	focus,
	scroll,
}: {
	width: number;
	height: number;
	focus: PanelId;
	scroll: number;
}) {
	const {readOnly} = useServices();
	const {columns, rows, maxKeyWidth} = helpPage(width, height);
	const lines = helpLines(focus, readOnly, maxKeyWidth);
	// A resize can leave the scroll past the end; the next key clamps the state too.
	const first = Math.min(scroll, maxHelpScroll(lines.length, width, height));
	const shown = lines.slice(first, first + columns * rows);
	const perColumn = Math.min(rows, Math.ceil(shown.length / columns));
	const columnWidth = Math.floor(width / columns);
	const position =
		shown.length < lines.length
			? ` · ${first + 1}-${first + shown.length} of ${lines.length} · j k pgdn pgup`
			: '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				Keys · {readOnly ? 'read-only: no mutating keys' : '* asks to confirm'} · esc or ? closes
				{position}
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) =>
					shown.slice(c * perColumn, (c + 1) * perColumn),
				).map((slice) => (
					<Box key={slice[0]?.text ?? 'empty'} flexDirection="column" width={columnWidth}>
						{slice.map((line) => (
							<Toned
								key={`${line.title ? 'scope' : 'key'}:${line.text}`}
								tone={line.title ? 'accent' : undefined}
								bold={line.title === true}
							>
								{fitWidth(line.text, columnWidth - 1)}
							</Toned>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
