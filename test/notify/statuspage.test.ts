import {afterEach, describe, expect, it} from 'vitest';
import {runAction} from '../../source/actions/run-action.ts';
import {statuspageAction} from '../../source/notify/statuspage.ts';
import {milestones} from '../../source/timeline/milestones.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {answer, standIn} from './stand-in.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const signal = new AbortController().signal;
const statuses = ['investigating', 'identified', 'monitoring', 'resolved'];

/** Statuspage's REST API as documented: OAuth key, POST to create, PATCH to update, JSON errors. */
async function statuspage(options: {fail?: number} = {}) {
	const server = await standIn((seen, res) => {
		if (seen.headers.authorization !== 'OAuth key-123')
			return answer(res, 401, '{"error":"Could not authenticate"}', 'application/json');
		if (options.fail) return answer(res, options.fail, '{"error":"Service unavailable"}');
		const body = JSON.parse(seen.body) as {incident?: {status?: string; name?: string}};
		if (!body.incident || !statuses.includes(body.incident.status ?? ''))
			return answer(res, 422, '{"error":"status is invalid"}', 'application/json');
		if (seen.method === 'POST' && seen.url === '/v1/pages/page-1/incidents') {
			if (!body.incident.name) return answer(res, 422, '{"error":"name can\'t be blank"}');
			return answer(res, 201, '{"id":"inc-9","status":"investigating"}', 'application/json');
		}
		if (seen.method === 'PATCH' && seen.url === '/v1/pages/page-1/incidents/inc-9')
			return answer(
				res,
				200,
				`{"id":"inc-9","status":"${body.incident.status}"}`,
				'application/json',
			);
		answer(res, 404, '{"error":"Not found"}', 'application/json');
	});
	close = server.close;
	return {...server, config: {url: `${server.url}/v1`, pageId: 'page-1', apiKey: 'key-123'}};
}

function incident() {
	const timeline = new Timeline({now: () => start});
	timeline.open({title: 'API Issues', severity: 'P1', owner: '@oncall'});
	return timeline;
}

describe('status page', () => {
	it('creates with POST, updates and resolves with PATCH, finding the id in the timeline', async () => {
		const {config, seen} = await statuspage();
		const timeline = incident();
		const create = statuspageAction(config, timeline.getSnapshot());
		expect(create.title).toBe('Create a status page incident');
		expect(await runAction(create, timeline, signal)).toEqual({
			ok: true,
			message: 'created incident inc-9 (investigating)',
		});
		expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
			incident: {
				name: 'API Issues',
				status: 'investigating',
				body: 'We are investigating increased error rates.',
				impact_override: 'major',
			},
		});
		expect(seen[0]?.headers['content-type']).toBe('application/json');

		timeline.setStatus('identified');
		timeline.setStatus('monitoring');
		timeline.setStatus('resolved');
		// A resumed timeline knows the id too: it comes from the recorded events.
		const resumed = new Timeline();
		resumed.load(timeline.incident!, timeline.getSnapshot().events);
		const resolve = statuspageAction(config, resumed.getSnapshot());
		expect(resolve.title).toBe('Update the status page (resolved)');
		expect(await runAction(resolve, resumed, signal)).toMatchObject({ok: true});
		expect(seen[1]).toMatchObject({method: 'PATCH', url: '/v1/pages/page-1/incidents/inc-9'});
		expect(JSON.parse(seen[1]?.body ?? '')).toEqual({
			incident: {status: 'resolved', body: 'Issue has been resolved.'},
		});
		expect(resolve.command).not.toContain('key-123');
		expect(JSON.stringify(resumed.getSnapshot())).not.toContain('key-123');
		expect(milestones(resumed.getSnapshot())?.mitigated).toBeNull();
	});

	it('a wrong key is the vendor’s 401 reason; a 5xx and a timeout are failures that can be retried', async () => {
		const {config} = await statuspage();
		const timeline = incident();
		const bad = statuspageAction({...config, apiKey: 'wrong'}, timeline.getSnapshot());
		expect(await bad.run(signal)).toEqual({
			ok: false,
			message: 'Statuspage answered HTTP 401: {"error":"Could not authenticate"}',
		});
		await close?.();
		const down = await statuspage({fail: 503});
		const failing = statuspageAction(down.config, timeline.getSnapshot());
		expect((await failing.run(signal)).message).toBe(
			'Statuspage answered HTTP 503: {"error":"Service unavailable"}',
		);
		await close?.();
		const silent = await standIn(() => {});
		close = silent.close;
		const slow = statuspageAction(
			{url: silent.url, pageId: 'p', apiKey: 'k', timeoutMs: 150},
			timeline.getSnapshot(),
		);
		expect(await slow.run(signal)).toEqual({
			ok: false,
			message: 'Statuspage: no answer within 0.15 s',
		});
	});
});
