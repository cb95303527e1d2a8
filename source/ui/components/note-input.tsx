import {Box, Text} from 'ink';
import {sanitizeLine} from '../../format/sanitize.ts';
import {Toned} from './tone.tsx';

/**
 * The note being written: multi-line, the last lines visible when it grows
 * past the box. Saved (written and fsync'd) only on Enter.
 */
export function NoteInput({
	text,
	amends,
	error,
	width,
	height,
}: {
	text: string;
	amends?: number;
	error?: string;
	width: number;
	height: number;
}) {
	const room = Math.max(1, height - 4);
	const lines = text.split('\n').map((line) => sanitizeLine(line));
	const shown = lines.slice(-room);
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor="cyan"
			width={width}
			height={height}
			paddingX={1}
		>
			<Text bold wrap="truncate">
				{amends === undefined ? 'Note' : `Amend note #${amends}`} · enter save · alt+enter new line
				· paste keeps lines · esc cancel
			</Text>
			{shown.map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of one text have no other identity
				<Text key={index} wrap="truncate-start">
					{index === shown.length - 1 ? `${line}█` : line}
				</Text>
			))}
			{error ? (
				<Toned tone="error" wrap="truncate">
					{error}
				</Toned>
			) : null}
		</Box>
	);
}
