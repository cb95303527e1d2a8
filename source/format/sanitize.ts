// Everything from a cluster, a database, a log line or an HTTP response is
// untrusted: an escape sequence in a pod name could retitle the terminal,
// move the cursor or worse (kubectl's CVE-2021-25743 is the precedent).

/** CSI, OSC, DCS/SOS/PM/APC strings and two-byte escapes, in 7-bit and 8-bit forms. */
const escapeSequence =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
	/(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]P^_X]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Longest remote string ever kept for display; a 1 MB event message is cut here first. */
export const maxDisplayLength = 4096;

/** Makes a remote string inert for one terminal line: no escapes, no controls, no newlines. */
export function sanitizeLine(text: string, maxLength = maxDisplayLength): string {
	const cut = text.length > maxLength * 2 ? text.slice(0, maxLength * 2) : text;
	const clean = cut
		.replace(escapeSequence, '')
		.replace(/[\t\n]+/g, ' ')
		.replace(controlCharacter, '');
	return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

/** As sanitizeLine, but keeps line breaks (notes, multi-line log output). */
export function sanitizeText(text: string, maxLength = maxDisplayLength * 4): string {
	return text
		.slice(0, maxLength)
		.split('\n')
		.map((line) => sanitizeLine(line, maxLength))
		.join('\n');
}
