import {Box, Text} from 'ink';
import type {Action} from '../../actions/action.ts';
import {sanitizeLine} from '../../format/sanitize.ts';
import {Toned} from './tone.tsx';

/**
 * The one confirmation every mutation goes through: what, where, and the
 * exact command a human would type to do the same. Only `y` runs it.
 */
export function ConfirmDialog({
	action,
	width,
	warning,
}: {
	action: Action;
	width: number;
	/** Another responder's recent action on the same object (timeline/recent-action.ts). */
	warning?: string | null;
}) {
	const {target} = action;
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			borderColor="yellow"
			width={Math.min(width, 100)}
			paddingX={1}
		>
			<Text bold wrap="truncate">
				{action.title}?
			</Text>
			<Text wrap="truncate">
				context {sanitizeLine(target.context ?? '-')} · namespace{' '}
				{sanitizeLine(target.namespace ?? '-')} · {sanitizeLine(target.object)}
			</Text>
			{(action.details ?? []).map((line) => (
				<Text key={line} wrap="truncate">
					{sanitizeLine(line)}
				</Text>
			))}
			{warning ? (
				<Toned tone="warn" wrap="wrap">
					⚠ {sanitizeLine(warning)}
				</Toned>
			) : null}
			<Text> </Text>
			<Toned tone="accent" wrap="wrap">
				$ {action.command}
			</Toned>
			<Text> </Text>
			<Text wrap="truncate">
				<Text bold>y</Text> run · <Text bold>n</Text>/<Text bold>esc</Text> cancel
			</Text>
		</Box>
	);
}
