import {Box, Text} from 'ink';
import {fitWidth} from '../../format/table.ts';
import {availableCommands, type Command, type CommandScope} from '../commands.ts';
import type {PanelId} from '../panel-ids.ts';
import {activeScopes} from '../resolve-key.ts';
import {scopeTitle} from '../scope-title.ts';
import {useServices} from '../services.ts';
import {Toned} from './tone.tsx';

/** "1 2 … 9" reads as a range; Esc and Enter as people name them. */
export function keysLabel(keys: readonly string[]): string {
	if (keys.length > 3 && keys.every((k, i) => k === String(i + 1))) return `1-${keys.length}`;
	return keys.map((k) => (k === 'escape' ? 'esc' : k)).join(' ');
}

/** Scopes in the order the help shows them: what applies here first, modal keys last. */
function scopeOrder(focus: PanelId, present: ReadonlySet<CommandScope>): CommandScope[] {
	const here: CommandScope[] = [focus, ...(activeScopes({kind: 'none'}, focus) as CommandScope[])];
	const modal: CommandScope[] = ['logs', 'confirm', 'prompt', 'note'];
	const rest = [...present].filter((s) => !here.includes(s) && !modal.includes(s));
	return [...new Set([...here, ...rest, ...modal])].filter((s) => present.has(s));
}

/**
 * Generated from the command table, so it can never drift from the keys.
 * What applies to the focused panel comes first; on a short screen the
 * groups that do not fit are left out whole, and the last line says so.
 */
export function HelpOverlay({
	width,
	height,
	focus,
}: {
	width: number;
	height: number;
	focus: PanelId;
}) {
	const {readOnly} = useServices();
	const all = availableCommands(readOnly);
	const groups = new Map<CommandScope, Command[]>();
	for (const command of all)
		groups.set(command.scope, [...(groups.get(command.scope) ?? []), command]);
	// Two columns of height - 2 rows; one row is kept for the "more" line.
	const capacity = (height - 2) * 2 - 1;
	const shown: [CommandScope, Command[]][] = [];
	let used = 0;
	let left = 0;
	for (const scope of scopeOrder(focus, new Set(groups.keys()))) {
		const list = groups.get(scope) ?? [];
		if (used + list.length + 1 <= capacity) {
			shown.push([scope, list]);
			used += list.length + 1;
		} else left += list.length;
	}
	const lines: {text: string; title?: boolean}[] = [];
	const keyWidth = Math.min(
		14,
		Math.max(...shown.flatMap(([, list]) => list.map((c) => keysLabel(c.keys).length))),
	);
	for (const [scope, list] of shown) {
		lines.push({text: scopeTitle(scope), title: true});
		for (const command of list) {
			lines.push({
				text: ` ${fitWidth(keysLabel(command.keys), keyWidth)} ${command.description}${command.mutating ? ' *' : ''}`,
			});
		}
	}
	if (left > 0)
		lines.push({text: `${left} more keys: a taller terminal shows them, so does the README`});
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
