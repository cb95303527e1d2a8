import {describe, expect, it} from 'vitest';
import {formatAge, formatClock, formatDuration} from '../../source/format/duration.ts';
import {
	formatBytes,
	formatCount,
	formatPercent,
	formatSeconds,
} from '../../source/format/numbers.ts';
import {sparkline} from '../../source/format/sparkline.ts';
import {fitWidth} from '../../source/format/table.ts';

describe('formatAge (kubectl style)', () => {
	it.each([
		[0, '0s'],
		[119_000, '119s'],
		[120_000, '2m'],
		[3_599_000, '59m'],
		[3_600_000 + 5 * 60_000, '1h5m'],
		[9 * 3_600_000, '9h'],
		[26 * 3_600_000, '1d2h'],
		[10 * 86_400_000, '10d'],
	])('%i ms is %s', (ms, text) => expect(formatAge(ms)).toBe(text));
});

describe('clocks and durations', () => {
	it('formats countdowns', () => {
		expect(formatClock(42 * 60_000 + 13_000)).toBe('42:13');
		expect(formatClock(3_723_000)).toBe('1:02:03');
		expect(formatClock(-65_000)).toBe('-1:05');
	});
	it('formats durations for people', () => {
		expect(formatDuration(45 * 60_000)).toBe('45 min');
		expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
		expect(formatDuration(12_000)).toBe('12 s');
	});
});

describe('numbers', () => {
	it('shows error ratios with the precision the 1 % threshold needs', () => {
		expect(formatPercent(0.0123)).toBe('1.2%');
		expect(formatPercent(0.0004)).toBe('<0.1%');
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(0.5)).toBe('50%');
		expect(formatPercent(null)).toBe('no data');
		expect(formatPercent(Number.NaN)).toBe('NaN');
		expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('+Inf');
	});
	it('formats bytes, counts and seconds', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1536)).toBe('1.5 KiB');
		expect(formatBytes(1024 ** 3)).toBe('1.0 GiB');
		expect(formatCount(999)).toBe('999');
		expect(formatCount(1234)).toBe('1.2k');
		expect(formatCount(45_600)).toBe('46k');
		expect(formatCount(2_500_000)).toBe('2.5M');
		expect(formatSeconds(0.25)).toBe('250 ms');
		expect(formatSeconds(1.5)).toBe('1.50 s');
	});
});

describe('sparkline', () => {
	it('scales from zero to the maximum', () => {
		expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8)).toBe('▁▂▃▄▅▆▇█');
	});
	it('averages a long history into the width', () => {
		const line = sparkline([...Array(100).fill(0), ...Array(100).fill(10)], 4);
		expect(line).toBe('▁▁██');
	});
	it('is flat and low for all zeros, empty for no data', () => {
		expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
		expect(sparkline([], 5)).toBe('');
	});
});

describe('fitWidth', () => {
	it('pads and cuts to exact terminal cells, counting wide characters', () => {
		expect(fitWidth('abc', 5)).toBe('abc  ');
		expect(fitWidth('abc', 5, 'right')).toBe('  abc');
		expect(fitWidth('abcdef', 4)).toBe('abc…');
		expect(fitWidth('日本語', 4)).toBe('日… ');
	});
});
