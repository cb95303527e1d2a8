import type {Key} from 'ink';

/**
 * A prompt's text after one key: backspace removes the last character (a whole code
 * point, so an emoji goes at once), typed text is added as `allow` lets it in. Null for
 * a ctrl or meta chord, which edits nothing.
 */
export function editedText(
	text: string,
	input: string,
	key: Key,
	allow: (typed: string) => string,
): string | null {
	if (key.backspace || key.delete) return Array.from(text).slice(0, -1).join('');
	if (key.ctrl || key.meta) return null;
	return text + allow(input);
}

/** Typed text without control characters (one-line prompts). */
export const withoutControls = (typed: string) => typed.replace(/[^\P{C}]/gu, '');
