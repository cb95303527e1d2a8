import {
	type ActionConfig,
	type ActionScope,
	type Problem,
	scopesOf,
} from '../actions/configured/config.ts';
import {type Command, type CommandScope, commands} from './commands.ts';
import {isPanelId, type PanelId} from './panel-ids.ts';
import {scopeTitle} from './scope-title.ts';

/** Where a configured action's key works: the panel whose rows are its scope's objects. */
const commandScopes: Readonly<Record<ActionScope, readonly string[]>> = {
	global: ['global'],
	deployment: ['deployments'],
	// Panels another branch adds; until they exist such an action is offered nowhere (said in the docs).
	statefulset: ['statefulsets'],
	daemonset: ['daemonsets'],
	pod: ['pod'],
	node: ['nodes'],
	'postgres-backend': ['db'],
	'kafka-group': ['kafka'],
	alert: ['alerts'],
	check: ['alerts'],
};

const podPanels: readonly PanelId[] = ['pods', 'top'];

function scopesFor(action: ActionConfig): CommandScope[] {
	const out = new Set<CommandScope>();
	for (const scope of scopesOf(action))
		for (const name of commandScopes[scope])
			if (name === 'global' || name === 'pod' || isPanelId(name)) out.add(name as CommandScope);
	return [...out];
}

/** The configured actions as rows of the one command table: keys, help, status bar and read-only follow. */
export function configuredCommandRows(actions: readonly ActionConfig[]): Command[] {
	return actions.flatMap((action) =>
		scopesFor(action).map(
			(scope): Command => ({
				id: `action:${action.id}`,
				keys: [action.key],
				description: `${action.title} (configured${action.mutating ? ', confirmed' : ''})`,
				scope,
				mutating: action.mutating,
				hint: action.title.toLowerCase().slice(0, 16),
			}),
		),
	);
}

/** The scopes whose keys are live at the same time as a key in `scope`. */
function liveWith(scope: CommandScope): (other: CommandScope) => boolean {
	const modal = new Set<CommandScope>([
		'confirm',
		'prompt',
		'note',
		'logs',
		'help',
		'output',
		'step-actions',
	]);
	if (scope === 'global') return (other) => !modal.has(other);
	const panels = scope === 'pod' ? podPanels : isPanelId(scope) ? [scope] : [];
	return (other) =>
		other === scope ||
		other === 'global' ||
		other === 'panel' ||
		(other === 'pod' && panels.some((p) => podPanels.includes(p))) ||
		(scope === 'pod' && (other === 'pods' || other === 'top')) ||
		(isPanelId(other) && panels.includes(other));
}

const where = (scope: CommandScope) => scopeTitle(scope).replace(/^In /, 'in ');

/**
 * A configured key that a built-in one (or another configured action) already
 * uses where both would be live: a config error naming both, never a key that
 * silently does something else.
 */
export function actionKeyProblems(config: {actions: readonly ActionConfig[]}): Problem[] {
	const problems: Problem[] = [];
	const taken: {id: string; scope: CommandScope; key: string}[] = [];
	for (const [index, action] of config.actions.entries()) {
		for (const scope of scopesFor(action)) {
			const live = liveWith(scope);
			const builtIn = commands.find(
				(c) => live(c.scope) && (c.keys as readonly string[]).includes(action.key),
			);
			const other = taken.find(
				(t) =>
					t.key === action.key && t.id !== action.id && (live(t.scope) || liveWith(t.scope)(scope)),
			);
			if (builtIn)
				problems.push({
					path: ['actions', index, 'key'],
					target: 'value',
					text: `"${action.key}" is already the built-in ${builtIn.id} (${builtIn.description}) ${where(builtIn.scope)}; choose another key for ${action.id}`,
				});
			else if (other)
				problems.push({
					path: ['actions', index, 'key'],
					target: 'value',
					text: `"${action.key}" is already the configured action ${other.id} ${where(other.scope)}; choose another key for ${action.id}`,
				});
			if (builtIn || other) break;
			taken.push({id: action.id, scope, key: action.key});
		}
	}
	return problems;
}
