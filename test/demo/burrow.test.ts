import {describe, expect, it} from 'vitest';
import {evaluateWindow} from '../../source/demo/burrow.ts';

const points = (rows: [number, number][]) => rows.map(([committed, lag]) => ({committed, lag}));

describe('evaluateWindow (Burrow rules)', () => {
	it('is OK when the consumer keeps up', () => {
		expect(
			evaluateWindow(
				points([
					[100, 12],
					[160, 9],
					[220, 14],
					[280, 11],
				]),
			),
		).toBe('OK');
	});

	it('is OK when any lag in the window is zero', () => {
		expect(
			evaluateWindow(
				points([
					[100, 0],
					[100, 300],
					[100, 600],
				]),
			),
		).toBe('OK');
	});

	it('is WARN when offsets move but lag only grows', () => {
		expect(
			evaluateWindow(
				points([
					[100, 20],
					[130, 90],
					[160, 170],
					[190, 260],
				]),
			),
		).toBe('WARN');
	});

	it('is STALL when offsets stop moving while lag remains', () => {
		expect(
			evaluateWindow(
				points([
					[500, 800],
					[500, 900],
					[500, 1000],
				]),
			),
		).toBe('STALL');
	});

	it('does not call noise a slowdown', () => {
		expect(
			evaluateWindow(
				points([
					[100, 20],
					[150, 21],
					[200, 23],
					[250, 24],
				]),
			),
		).toBe('OK');
	});
});
