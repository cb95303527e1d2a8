// Rewrites the README's key section from the command table (`npm run readme:keys`).
import {readFileSync, writeFileSync} from 'node:fs';
import {withKeysSection} from '../source/ui/keys-doc.ts';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withKeysSection(before);
if (process.argv.includes('--write')) {
	writeFileSync(file, after);
	console.log(before === after ? 'README keys already up to date' : 'README keys updated');
} else if (before !== after) {
	console.error('README keys differ from source/ui/commands.ts: run npm run readme:keys');
	process.exitCode = 1;
}
