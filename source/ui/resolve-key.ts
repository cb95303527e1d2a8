import type {AnyCommandId, Command, CommandScope} from './commands.ts';
import {availableCommands} from './commands.ts';
import type {PanelId} from './panel-ids.ts';
import type {Overlay} from './state.ts';

const podPanels: ReadonlySet<PanelId> = new Set(['pods', 'top']);

/** The scopes in force, most specific first: modal > focused panel > global. */
export function activeScopes(overlay: Overlay, focus: PanelId): readonly CommandScope[] {
	switch (overlay.kind) {
		case 'confirm':
			return ['confirm'];
		case 'jump':
		case 'filter':
		case 'scale':
		case 'severity':
		case 'incident':
		case 'title':
			return ['prompt'];
		case 'note':
			return ['note'];
		case 'logs':
			return overlay.searching ? ['prompt'] : ['logs'];
		case 'help':
			return ['help', 'global'];
		case 'describe':
			return ['describe', 'global'];
		case 'output':
			return ['output', 'global'];
		case 'action-input':
			return ['prompt'];
		case 'runbook-actions':
			return ['step-actions'];
		case 'none':
			return [focus, ...(podPanels.has(focus) ? (['pod'] as const) : []), 'panel', 'global'];
	}
}

/** The command a key runs now, or null. The table decides; nothing else does. */
export function resolveKey(
	key: string,
	overlay: Overlay,
	focus: PanelId,
	readOnly: boolean,
): AnyCommandId | null {
	const commands = availableCommands(readOnly);
	for (const scope of activeScopes(overlay, focus)) {
		const command = commands.find((c: Command) => c.scope === scope && c.keys.includes(key));
		if (command) return command.id;
	}
	return null;
}

/** Commands worth showing in the status bar right now. */
export function statusBarCommands(
	overlay: Overlay,
	focus: PanelId,
	readOnly: boolean,
): readonly Command[] {
	const commands = availableCommands(readOnly);
	return activeScopes(overlay, focus).flatMap((scope) =>
		commands.filter((c: Command) => c.scope === scope && c.hint !== undefined),
	);
}
