import {type CommandId, commandById} from '../../source/ui/commands.ts';

/** What a terminal sends for each key name of the command table. */
const sequences: Record<string, string> = {
	tab: '\t',
	'shift+tab': '\u001b[Z',
	up: '\u001b[A',
	down: '\u001b[B',
	right: '\u001b[C',
	left: '\u001b[D',
	enter: '\r',
	'alt+enter': '\u001b\r',
	escape: '\u001b',
	pageup: '\u001b[5~',
	pagedown: '\u001b[6~',
	home: '\u001b[H',
	end: '\u001b[F',
	backspace: '\u007f',
	space: ' ',
};

export function keySequence(key: string): string {
	if (key in sequences) return sequences[key]!;
	const ctrl = /^ctrl\+([a-z])$/.exec(key);
	if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
	if (key.length === 1) return key;
	throw new Error(`no sequence for key ${key}`);
}

/** The bytes a user types to run a command: its first key in the table. */
export function commandKeys(id: CommandId): string {
	return keySequence(commandById(id).keys[0]!);
}
