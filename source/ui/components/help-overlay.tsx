import {Box, Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import {availableCommands, type Command, type CommandScope} from '../commands.ts';
import {scopeTitle} from '../scope-title.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

/** "1 2 … 9" reads as a range; Esc and Enter as people name them. */
export function keysLabel(keys: readonly string[]): string {
	if (keys.length > 3 && keys.every((k, i) => k === String(i + 1))) return `1-${keys.length}`;
	return keys.map((k) => (k === 'escape' ? 'esc' : k)).join(' ');
}

/** Generated from the command table, so it can never drift from the keys. */
export function HelpOverlay({width, height}: {width: number; height: number}) {
	const {readOnly} = useServices();
	const groups = new Map<CommandScope, Command[]>();
	const all = availableCommands(readOnly);
	// On a short screen the modal scopes go first: their keys are on the status bar whenever they apply.
	const modal: readonly CommandScope[] = ['confirm', 'prompt', 'note'];
	const scopes = new Set(all.map((c) => c.scope));
	const fits = (height - 2) * 2 >= all.length + scopes.size;
	let shown = all.filter((c) => fits || !modal.includes(c.scope));
	// Still too long: the cursor keys every panel shares go next (the status bar names / and z).
	if (shown.length + new Set(shown.map((c) => c.scope)).size > (height - 2) * 2) {
		shown = shown.filter((c) => c.scope !== 'panel');
	}
	for (const command of shown) {
		groups.set(command.scope, [...(groups.get(command.scope) ?? []), command]);
	}
	const lines: {text: string; title?: boolean}[] = [];
	const keyWidth = Math.min(
		14,
		Math.max(...[...groups.values()].flat().map((c) => keysLabel(c.keys).length)),
	);
	for (const [scope, list] of groups) {
		lines.push({text: scopeTitle(scope), title: true});
		for (const command of list) {
			lines.push({
				text: ` ${fitWidth(keysLabel(command.keys), keyWidth)} ${command.description}${command.mutating ? ' *' : ''}`,
			});
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
				Keys{readOnly ? ' (read-only: mutating keys removed)' : ' (* asks for confirmation first)'}{' '}
				· esc or ? closes
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) =>
					lines.slice(c * perColumn, (c + 1) * perColumn),
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
