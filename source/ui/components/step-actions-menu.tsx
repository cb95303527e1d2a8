import {Box, Text} from 'ink';
import {sanitizeLine} from '../../format/sanitize.ts';
import {fitWidth} from '../../format/table.ts';
import type {StepActionEntry} from '../runbook-step-actions.ts';
import {Toned} from './tone.tsx';

/**
 * What Enter on a runbook step offers: each action with the row it acts on,
 * or, dimmed, why it cannot run here. Choosing one goes on to the action's own
 * prompt and the one confirmation; nothing runs from this list itself.
 */
export function StepActionsMenu({
	title,
	entries,
	index,
	width,
	height,
}: {
	title: string;
	entries: readonly StepActionEntry[];
	index: number;
	width: number;
	height: number;
}) {
	const boxWidth = Math.min(width, 100);
	const inner = boxWidth - 4;
	// Two rows an entry; on a short screen the window keeps the chosen one in view.
	const fits = Math.max(1, Math.floor((height - 6) / 2));
	const start = Math.max(0, Math.min(index - fits + 1, entries.length - fits));
	return (
		<Box height={height} width={width} alignItems="center" justifyContent="center">
			<Box
				flexDirection="column"
				borderStyle="round"
				borderColor="cyan"
				width={boxWidth}
				paddingX={1}
			>
				<Text bold wrap="truncate">
					{fitWidth(`Actions · ${sanitizeLine(title)}`, inner)}
				</Text>
				{entries.slice(start, start + fits).map((entry, i) => {
					const chosen = start + i === index;
					const head = `${chosen ? '▶' : ' '} ${fitWidth(entry.key, 6)} ${sanitizeLine(entry.title)}`;
					const below = entry.disabled
						? `✗ ${sanitizeLine(entry.disabled)}`
						: entry.target
							? `on ${sanitizeLine(entry.target)}`
							: '';
					return (
						<Box key={entry.id} flexDirection="column">
							<Toned tone={entry.disabled ? 'dim' : undefined} inverse={chosen}>
								{fitWidth(head, inner)}
							</Toned>
							<Toned tone={entry.disabled ? 'dim' : 'accent'}>
								{fitWidth(`         ${below}`, inner)}
							</Toned>
						</Box>
					);
				})}
				<Text wrap="truncate">
					<Text bold>enter</Text> choose (then confirm) · <Text bold>j</Text>/<Text bold>k</Text>{' '}
					move · <Text bold>esc</Text> close
				</Text>
			</Box>
		</Box>
	);
}
