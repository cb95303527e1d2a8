import stringWidth from 'string-width';

/**
 * Characters that are one cell each and never join a neighbour into a wider
 * cluster: printable ASCII, Latin, general punctuation (…, ·, –), arrows, box
 * drawing, blocks and geometric shapes (▁▂█ ▲), ⚠ and the check marks. That
 * is what irtop's screens are made of; test/format/text-width.test.ts checks
 * every one of them against string-width.
 */
const narrow =
	/^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u202f-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff\u26a0\u2713-\u2718]*$/;

/** True when every character of `text` is one cell (see above), so its width is its length. */
export function isNarrow(text: string): boolean {
	return narrow.test(text);
}

/**
 * string-width, with a fast answer for text made only of the characters
 * above. string-width answers that quickly only for ASCII: one "…" sends the
 * whole line through grapheme segmentation, and Ink measures every line of
 * the screen that way on every frame (the bundle routes Ink's string-width
 * here, see scripts/build.mjs). Anything else, or any option, goes to
 * string-width itself.
 */
export default function textWidth(
	text: string,
	options?: Parameters<typeof stringWidth>[1],
): number {
	if (options === undefined && typeof text === 'string' && isNarrow(text)) return text.length;
	return stringWidth(text, options);
}
