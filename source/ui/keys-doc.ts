import {type Command, type CommandScope, commands} from './commands.ts';
import {scopeTitle} from './scope-title.ts';

const shown = (key: string) => `\`${key === 'escape' ? 'Esc' : key === 'enter' ? 'Enter' : key}\``;

/** The README's key section, generated from the command table so it cannot drift. */
export function keysMarkdown(): string {
	const groups = new Map<CommandScope, Command[]>();
	for (const command of commands as readonly Command[]) {
		groups.set(command.scope, [...(groups.get(command.scope) ?? []), command]);
	}
	const lines = ['| Where | Keys | What it does |', '|---|---|---|'];
	for (const [scope, list] of groups) {
		for (const command of list) {
			const note = command.mutating ? ' (asks for confirmation; not in `--read-only`)' : '';
			lines.push(
				`| ${scopeTitle(scope)} | ${command.keys.map(shown).join(' ')} | ${command.description}${note} |`,
			);
		}
	}
	return lines.join('\n');
}

export const keysStart =
	'<!-- keys:start (generated from source/ui/commands.ts by `npm run readme:keys`) -->';
export const keysEnd = '<!-- keys:end -->';

/** README text with its key section replaced by the generated one. */
export function withKeysSection(readme: string): string {
	const start = readme.indexOf(keysStart);
	const end = readme.indexOf(keysEnd);
	if (start === -1 || end === -1 || end < start)
		throw new Error('README has no key section markers');
	return `${readme.slice(0, start + keysStart.length)}\n${keysMarkdown()}\n${readme.slice(end)}`;
}
