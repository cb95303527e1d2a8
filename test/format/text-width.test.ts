import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitWidth} from '../../source/format/table.ts';
import textWidth, {isNarrow} from '../../source/format/text-width.ts';

const segmenter = new Intl.Segmenter();
const clusters = (text: string) => [...segmenter.segment(text)].length;

/** Every BMP code point the fast path takes as one cell. */
function narrowCharacters(): string[] {
	const found: string[] = [];
	for (let code = 0; code <= 0xffff; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates
		const char = String.fromCharCode(code);
		if (isNarrow(char)) found.push(char);
	}
	return found;
}

describe('textWidth', () => {
	const narrow = narrowCharacters();

	it('takes the characters irtop draws with, and not wide, joining or invisible ones', () => {
		for (const char of ['a', '…', '·', '–', '→', '▲', '▁', '█', '│', '✓', '✗', '⚠', 'é', 'ß'])
			expect(isNarrow(char), char).toBe(true);
		for (const char of [
			'中',
			'界',
			'\u0301',
			'\u200b',
			'\u200d',
			'\ufe0f',
			'\u00ad',
			'\u001b',
			'\t',
			'\n',
			'◽',
			'⛔',
			'✅',
		])
			expect(isNarrow(char), JSON.stringify(char)).toBe(false);
		expect(isNarrow('🔥')).toBe(false);
	});

	it('agrees with string-width on every character it answers for, alone and next to others', () => {
		expect(narrow.length).toBeGreaterThan(1000);
		for (const char of narrow) {
			expect(stringWidth(char), JSON.stringify(char)).toBe(1);
			// Never joined with a neighbour into one cluster, so a run of them is its length.
			expect(clusters(`a${char}a`), JSON.stringify(char)).toBe(3);
			expect(clusters(char + char), JSON.stringify(char)).toBe(2);
			expect(stringWidth(`a${char}${char}a`), JSON.stringify(char)).toBe(4);
		}
	});

	it('gives what string-width gives for mixed text, wide text and ANSI codes', () => {
		for (const text of [
			'',
			'onboarding-api-7d9f… CrashLoopBackOff · 3 (2m ago)',
			'▁▂▃▅█ 0.3% ↑',
			'日本語のログ',
			'e\u0301cole',
			'\u001b[31mred\u001b[39m …',
			'⚠️ warning',
			'👩‍💻 dev',
		])
			expect(textWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
		expect(textWidth('…', {ambiguousIsNarrow: false})).toBe(
			stringWidth('…', {ambiguousIsNarrow: false}),
		);
	});

	it('lets fitWidth pad and cut such text by cells', () => {
		expect(fitWidth('a·b', 5)).toBe('a·b  ');
		expect(fitWidth('ab…cdef', 4)).toBe('ab……');
		expect(fitWidth('日本語', 5)).toBe('日本…');
		expect(textWidth(fitWidth('日本語のログ', 7))).toBe(7);
	});
});
