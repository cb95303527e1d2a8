import type {CommandScope} from './commands.ts';
import {isPanelId} from './panel-ids.ts';
import {panels} from './panels/index.ts';

const titles: Readonly<Record<Exclude<CommandScope, keyof typeof panels>, string>> = {
	global: 'Everywhere',
	panel: 'In the focused panel',
	pod: 'In Pods and Top pods',
	confirm: 'In a confirmation',
	prompt: 'In a prompt (: / s)',
	note: 'In the note input',
	logs: 'In the log view',
	describe: 'In the pod describe view',
	help: 'In the help',
	output: 'In an output view',
	'step-actions': "In a runbook step's actions",
};

/** How the help overlay and the README name where a command applies. */
export function scopeTitle(scope: CommandScope): string {
	return isPanelId(scope) ? `In ${panels[scope].title}` : titles[scope];
}
