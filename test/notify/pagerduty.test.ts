import {afterEach, describe, expect, it} from 'vitest';
import {fetchOncall, OncallWatcher} from '../../source/notify/pagerduty.ts';
import {eventually} from '../support/eventually.ts';
import {answer, standIn} from './stand-in.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const oncalls = {
	oncalls: [
		{
			escalation_level: 1,
			user: {summary: 'Alice Doe'},
			schedule: {summary: 'Primary'},
			start: '2025-10-21T00:00:00Z',
			end: '2025-10-22T00:00:00Z',
		},
		{escalation_level: 2, user: {summary: 'Platform Lead'}, schedule: null, start: null, end: null},
	],
};

/** PagerDuty REST as documented: GET /oncalls, `Authorization: Token token=<key>`, v2 Accept header. */
async function pagerduty() {
	const server = await standIn((seen, res) => {
		if (seen.headers.authorization !== 'Token token=pd-key')
			return answer(
				res,
				401,
				'{"error":{"message":"Unauthorized","code":2006}}',
				'application/json',
			);
		if (seen.headers.accept !== 'application/vnd.pagerduty+json;version=2')
			return answer(res, 406, '{"error":{"message":"Not Acceptable"}}');
		if (seen.method !== 'GET' || !seen.url.startsWith('/oncalls?'))
			return answer(res, 404, '{"error":{"message":"Not Found"}}');
		answer(res, 200, JSON.stringify(oncalls), 'application/json');
	});
	close = server.close;
	return server;
}

describe('PagerDuty on-call', () => {
	it('reads who is on call at the first escalation level, for the configured schedules', async () => {
		const {url, seen} = await pagerduty();
		expect(await fetchOncall({url, token: 'pd-key', scheduleIds: ['P1', 'P2']})).toEqual([
			'Alice Doe',
		]);
		const query = new URL(seen[0]?.url ?? '', url).searchParams;
		expect(query.getAll('schedule_ids[]')).toEqual(['P1', 'P2']);
		expect(query.get('earliest')).toBe('true');
	});

	it('a wrong token is the vendor’s reason, never the token; the header watcher shows it', async () => {
		const {url} = await pagerduty();
		await expect(fetchOncall({url, token: 'nope'})).rejects.toThrow(
			'PagerDuty answered HTTP 401: {"error":{"message":"Unauthorized","code":2006}}',
		);
		const watcher = new OncallWatcher({url, token: 'pd-key'});
		watcher.start();
		expect(
			await eventually(
				async () => watcher.current(),
				(name) => name !== null,
			),
		).toBe('Alice Doe');
		watcher.stop();
	});
});
