import {Box, Text} from 'ink';
import {availableCommands, type Command, type CommandScope} from '../commands.ts';
import {fit} from '../../format/table.ts';
import {panels} from '../panels/index.ts';
import {isPanelId} from '../panel-ids.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

export function scopeTitle(scope: CommandScope): string {
	if (scope === 'global') return 'Everywhere';
	if (scope === 'panel') return 'In the focused panel';
	if (scope === 'confirm') return 'In a confirmation';
	if (scope === 'prompt') return 'In a prompt (: / s)';
	return isPanelId(scope) ? `In ${panels[scope].title}` : scope;
}

/** Generated from the command table, so it can never drift from the keys. */
export function HelpOverlay({width, height}: {width: number; height: number}) {
	const {readOnly} = useServices();
	const groups = new Map<CommandScope, Command[]>();
	for (const command of availableCommands(readOnly)) {
		groups.set(command.scope, [...(groups.get(command.scope) ?? []), command]);
	}
	const lines: {text: string; title?: boolean}[] = [];
	for (const [scope, list] of groups) {
		lines.push({text: scopeTitle(scope), title: true});
		for (const command of list) {
			const keys = command.keys.map((k) => (k === 'escape' ? 'esc' : k)).join(' ');
			lines.push({text: `  ${fit(keys, 22)} ${command.description}${command.mutating ? ' *' : ''}`});
		}
	}
	// Two columns when the screen is short, so the whole table fits at 80x24.
	const rows = height - 2;
	const columns = lines.length > rows ? 2 : 1;
	const perColumn = Math.ceil(lines.length / columns);
	const columnWidth = Math.floor(width / columns);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate">
				Keys{readOnly ? ' (read-only: mutating keys removed)' : ' (* asks for confirmation first)'} · esc or ? closes
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth}>
						{lines.slice(c * perColumn, (c + 1) * perColumn).map((line, i) => (
							<Toned key={i} tone={line.title ? 'accent' : undefined} bold={line.title === true}>
								{fit(line.text, columnWidth - 1)}
							</Toned>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
