import {fitWidth} from '../format/table.ts';
import {availableCommands, type Command, type CommandScope} from './commands.ts';
import type {PanelId} from './panel-ids.ts';
import {activeScopes} from './resolve-key.ts';
import {scopeTitle} from './scope-title.ts';

export interface HelpLine {
	readonly text: string;
	readonly title?: boolean;
}

/** "1 2 … 9" reads as a range; Esc and Enter as people name them. */
export function keysLabel(keys: readonly string[]): string {
	if (keys.length > 3 && keys.every((k, i) => k === String(i + 1))) return `1-${keys.length}`;
	return keys.map((k) => (k === 'escape' ? 'esc' : k)).join(' ');
}

/** Scopes in the order the help shows them: what applies here first, modal keys last. */
function scopeOrder(focus: PanelId, present: ReadonlySet<CommandScope>): CommandScope[] {
	const here: CommandScope[] = [focus, ...(activeScopes({kind: 'none'}, focus) as CommandScope[])];
	const modal: CommandScope[] = ['logs', 'describe', 'confirm', 'prompt', 'note', 'help'];
	const rest = [...present].filter((s) => !here.includes(s) && !modal.includes(s));
	return [...new Set([...here, ...rest, ...modal])].filter((s) => present.has(s));
}

/**
 * Every key, grouped by where it applies: generated from the command table, so it never drifts.
 * Key lists longer than `maxKeyWidth` are cut, so a narrow column keeps room for the description.
 */
export function helpLines(
	focus: PanelId,
	readOnly: boolean,
	maxKeyWidth = 14,
): readonly HelpLine[] {
	const groups = new Map<CommandScope, Command[]>();
	for (const command of availableCommands(readOnly))
		groups.set(command.scope, [...(groups.get(command.scope) ?? []), command]);
	const ordered = scopeOrder(focus, new Set(groups.keys())).map(
		(scope) => [scope, groups.get(scope) ?? []] as const,
	);
	const keyWidth = Math.min(
		maxKeyWidth,
		Math.max(...ordered.flatMap(([, list]) => list.map((c) => keysLabel(c.keys).length))),
	);
	return ordered.flatMap(([scope, list]) => [
		{text: scopeTitle(scope), title: true},
		...list.map((c) => ({
			text: ` ${fitWidth(keysLabel(c.keys), keyWidth)} ${c.description}${c.mutating ? ' *' : ''}`,
		})),
	]);
}

/** Two columns once each is wide enough for a description; otherwise one, scrolled. */
const minColumnWidth = 60;

/** How the help fills a body of `width` x `height`: the title line, then columns of rows. */
export function helpPage(
	width: number,
	height: number,
): {columns: number; rows: number; maxKeyWidth: number} {
	const columns = width >= 2 * minColumnWidth ? 2 : 1;
	return {columns, rows: Math.max(1, height - 1), maxKeyWidth: columns === 1 ? 22 : 14};
}

/** The furthest the help scrolls: to where its last page is full. */
export function maxHelpScroll(total: number, width: number, height: number): number {
	const {columns, rows} = helpPage(width, height);
	return Math.max(0, total - columns * rows);
}
