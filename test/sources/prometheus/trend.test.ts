import {describe, expect, it} from 'vitest';
import {Trends, trendWindowMs} from '../../../source/sources/prometheus/trend.ts';

describe('error-ratio trend', () => {
	it('a late seed adds only what is older than the polls already added', () => {
		const trends = new Trends();
		trends.push('api', 3000, 0.3);
		trends.seed('api', [
			[1000, 0.1],
			[2000, 0.2],
			[3000, 0.9],
		]);
		trends.push('api', 4000, 0.4);
		expect(trends.values('api')).toEqual([0.1, 0.2, 0.3, 0.4]);
	});

	it('drops points older than the window', () => {
		const trends = new Trends();
		trends.push('api', 0, 1);
		trends.push('api', trendWindowMs + 1, 2);
		expect(trends.values('api')).toEqual([2]);
	});
});
