import type {CommandScope} from './commands.ts';
import {isPanelId} from './panel-ids.ts';
import {panels} from './panels/index.ts';

/** How the help overlay and the README name where a command applies. */
export function scopeTitle(scope: CommandScope): string {
	if (scope === 'global') return 'Everywhere';
	if (scope === 'panel') return 'In the focused panel';
	if (scope === 'confirm') return 'In a confirmation';
	if (scope === 'prompt') return 'In a prompt (: / s)';
	return isPanelId(scope) ? `In ${panels[scope].title}` : scope;
}
