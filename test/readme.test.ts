import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {commands} from '../source/ui/commands.ts';
import {keysMarkdown, withKeysSection} from '../source/ui/keys-doc.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
	it('has the key section the command table generates (npm run readme:keys)', () => {
		expect(readme).toBe(withKeysSection(readme));
	});
	it('lists every command of the table', () => {
		const section = keysMarkdown();
		for (const command of commands) expect(section).toContain(command.description);
	});
});
