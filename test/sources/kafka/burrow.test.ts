import {describe, expect, it} from 'vitest';
import {evaluate, LagWindow, windowSize} from '../../../source/sources/kafka/burrow.ts';
import {groupLag, partitionKey} from '../../../source/sources/kafka/lag.ts';

const samples = (rows: [committed: number, lag: number][]) =>
	rows.map(([committed, lag], i) => ({at: i * 10_000, committed, lag}));

describe('Burrow-style group status', () => {
	it('is OK when lag reaches zero in the window, or with too few samples', () => {
		expect(
			evaluate(
				samples([
					[10, 5],
					[10, 0],
					[10, 5],
				]),
				1,
			),
		).toBe('OK');
		expect(
			evaluate(
				samples([
					[10, 5],
					[10, 6],
				]),
				1,
			),
		).toBe('OK');
	});
	it('is WARN when commits move but lag grows across the window', () => {
		expect(
			evaluate(
				samples([
					[10, 5],
					[12, 7],
					[14, 9],
					[16, 12],
				]),
				1,
			),
		).toBe('WARN');
		expect(
			evaluate(
				samples([
					[10, 5],
					[12, 7],
					[14, 6],
				]),
				1,
			),
		).toBe('OK');
	});
	it('is STALL when offsets stand still with lag and members, STOP without members', () => {
		const still = samples([
			[10, 5],
			[10, 8],
			[10, 11],
		]);
		expect(evaluate(still, 2)).toBe('STALL');
		expect(evaluate(still, 0)).toBe('STOP');
	});
	it('keeps a sliding window per group and forgets deleted groups', () => {
		const window = new LagWindow();
		for (let i = 0; i < windowSize + 5; i++)
			window.add('g', {at: i * 2000, committed: 10, lag: i === 0 ? 0 : 5});
		// The zero-lag sample slid out of the window: offsets stood still since.
		expect(window.status('g', 1)).toBe('STALL');
		window.keep(new Set());
		expect(window.status('g', 1)).toBe('OK');
	});
});

describe('lag as kafka-consumer-groups computes it', () => {
	it('counts log-end minus committed, "-" (null) without a commit, and sums per topic and group', () => {
		const committed = new Map([
			[partitionKey('t', 0), 4],
			[partitionKey('t', 1), 15],
		]);
		const logEnd = new Map([
			[partitionKey('t', 0), 10],
			[partitionKey('t', 1), 15],
			[partitionKey('t', 2), 20],
		]);
		const {lag, topics} = groupLag(committed, [['t', 2]], logEnd);
		expect(lag).toBe(6);
		expect(topics).toEqual([
			{
				topic: 't',
				lag: 6,
				partitions: [
					{partition: 0, committed: 4, logEnd: 10, lag: 6},
					{partition: 1, committed: 15, logEnd: 15, lag: 0},
					{partition: 2, committed: null, logEnd: 20, lag: null},
				],
			},
		]);
	});
});
