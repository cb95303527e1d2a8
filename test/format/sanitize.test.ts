import {describe, expect, it} from 'vitest';
import {maxDisplayLength, sanitizeLine, sanitizeText} from '../../source/format/sanitize.ts';

describe('sanitizeLine', () => {
	it.each([
		['colour codes', 'pod\u001b[31m-red\u001b[0m', 'pod-red'],
		['a window title change (OSC)', 'x\u001b]0;owned\u0007y', 'xy'],
		[
			'an OSC 8 hyperlink ended by ST',
			'a\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\b',
			'alinkb',
		],
		['cursor movement and screen clearing', 'a\u001b[2J\u001b[Hb', 'ab'],
		['8-bit CSI', 'a\u009b31mb', 'ab'],
		['a device control string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
		['bell, backspace and carriage return', 'ok\u0007\b\rfake', 'okfake'],
		['newlines and tabs become spaces', 'line1\nline2\tx', 'line1 line2 x'],
	])('removes %s', (_name, input, expected) => {
		expect(sanitizeLine(input)).toBe(expected);
	});

	it('keeps ordinary unicode', () => {
		expect(sanitizeLine('données ✓ 日本')).toBe('données ✓ 日本');
	});

	it('cuts a 1 MB message to the display limit', () => {
		const line = sanitizeLine('x'.repeat(1_000_000));
		expect(line.length).toBe(maxDisplayLength);
		expect(line.endsWith('…')).toBe(true);
	});
});

describe('sanitizeText', () => {
	it('keeps line breaks but strips escapes on every line', () => {
		expect(sanitizeText('a\u001b[1mb\nc\u0007d')).toBe('ab\ncd');
	});
});
