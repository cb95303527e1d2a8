import {afterEach, describe, expect, it} from 'vitest';
import {measureImpact} from '../../source/cli/impact.ts';
import {parseConfig} from '../../source/config/index.ts';
import {exportMarkdown} from '../../source/timeline/export-markdown.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {answer, standIn} from '../notify/stand-in.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
const end = start + 50 * 60_000;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** Prometheus' HTTP API shapes: {status, data: {resultType, result}}; errors {status: "error", errorType, error}. */
async function prometheus(fail = false) {
	const server = await standIn((seen, res) => {
		if (seen.headers.authorization !== `Basic ${Buffer.from('reader:pw').toString('base64')}`)
			return answer(res, 401, 'Unauthorized');
		if (fail)
			return answer(
				res,
				400,
				'{"status":"error","errorType":"bad_data","error":"parse error at char 5"}',
				'application/json',
			);
		const query = new URL(seen.url, 'http://x').searchParams.get('query') ?? '';
		const value = query.startsWith('sum(increase(') ? '1234.4' : '0.123';
		answer(
			res,
			200,
			JSON.stringify({
				status: 'success',
				data: {resultType: 'vector', result: [{metric: {}, value: [end / 1000, value]}]},
			}),
			'application/json',
		);
	});
	close = server.close;
	const url = server.url.replace('http://', 'http://reader:pw@');
	return {...server, config: parseConfig(`prometheus:\n  url: ${url}\n`, null, {})};
}

describe('impact from Prometheus over the incident window', () => {
	it('failed requests = increase of the 5xx count; peak 5xx ratio; credentials sent as Basic', async () => {
		const {config, seen} = await prometheus();
		const impact = await measureImpact(config, start, end);
		expect(impact).toEqual({failedRequests: 1234, peakErrorRatio: 0.123});
		const queries = seen.map((s) => new URL(s.url, 'http://x').searchParams);
		expect(queries.map((q) => q.get('query'))).toEqual([
			'sum(increase(http_requests_total{status=~"5.."}[3000s]))',
			'max_over_time((sum(rate(http_requests_total{status=~"5.."}[1m])) / sum(rate(http_requests_total[1m])))[3000s:30s])',
		]);
		expect(queries.every((q) => q.get('time') === String(end / 1000))).toBe(true);

		const timeline = new Timeline({now: () => start});
		timeline.open({title: 't', severity: 'P1'});
		const markdown = exportMarkdown(timeline.incident!, timeline.getSnapshot().events, end, impact);
		expect(markdown).toContain('- Failed requests (5xx over the incident window): 1,234\n');
		expect(markdown).toContain('- Peak error ratio: 12.3 %\n');
	});

	it('an error answer is reported in the export, not thrown; no URL is quoted', async () => {
		const {config} = await prometheus(true);
		const impact = await measureImpact(config, start, end);
		expect(impact).toEqual({error: 'Prometheus: parse error at char 5'});
		expect(await measureImpact(parseConfig('', null, {}), start, end)).toBeNull();
	});
});
