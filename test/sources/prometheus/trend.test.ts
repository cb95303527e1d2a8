import {describe, expect, it} from 'vitest';
import {Trends, trendWindowMs} from '../../../source/sources/prometheus/trend.ts';

describe('error-ratio trend', () => {
	it("keeps one point per instant: a poll at the seed's last step replaces it", () => {
		const trends = new Trends();
		trends.seed('api', [
			[1000, 0.1],
			[2000, 0.2],
		]);
		trends.push('api', 2000, 0.25);
		trends.push('api', 3000, 0.3);
		expect(trends.values('api')).toEqual([0.1, 0.25, 0.3]);
	});

	it('drops points older than the window', () => {
		const trends = new Trends();
		trends.push('api', 0, 1);
		trends.push('api', trendWindowMs + 1, 2);
		expect(trends.values('api')).toEqual([2]);
	});
});
