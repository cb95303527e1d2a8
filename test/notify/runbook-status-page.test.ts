import {afterEach, describe, expect, it} from 'vitest';
import {runAction} from '../../source/actions/run-action.ts';
import {notifiersFromConfig} from '../../source/notify/from-config.ts';
import {runbookStatusPageAction} from '../../source/notify/runbook-status-page.ts';
import {statuspageAction} from '../../source/notify/statuspage.ts';
import {milestones} from '../../source/timeline/milestones.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {parse, yaml} from '../config/helpers.ts';
import {answer, type Seen, standIn} from './stand-in.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const signal = new AbortController().signal;
const statuses = ['investigating', 'identified', 'monitoring', 'resolved'];
const json = 'application/json';

const keysOf = (body: object) => Object.keys(body).sort().join(',');

/**
 * The runbook's status page API as its curl commands use it: Bearer token,
 * POST /api/incidents {name, status, message}, PATCH /api/incidents/{id}
 * {status, message}; 401 without the token, 422 for a bad body, 404 for an
 * unknown incident.
 */
async function runbookPage() {
	const incidents = new Map<string, string>();
	const server = await standIn((seen: Seen, res) => {
		if (seen.headers.authorization !== 'Bearer tok-123')
			return answer(res, 401, '{"error":"unauthorized"}', json);
		if (seen.headers['content-type'] !== json)
			return answer(res, 415, '{"error":"expected application/json"}', json);
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(seen.body) as Record<string, unknown>;
		} catch {
			return answer(res, 400, '{"error":"invalid JSON"}', json);
		}
		const valid = statuses.includes(String(body.status)) && typeof body.message === 'string';
		if (seen.method === 'POST' && seen.url === '/api/incidents') {
			if (!valid || typeof body.name !== 'string' || keysOf(body) !== 'message,name,status')
				return answer(res, 422, '{"error":"name, status and message are required"}', json);
			const id = `inc-${incidents.size + 1}`;
			incidents.set(id, String(body.status));
			return answer(res, 201, JSON.stringify({id, status: body.status}), json);
		}
		const patch = /^\/api\/incidents\/([^/]+)$/.exec(seen.url);
		if (seen.method === 'PATCH' && patch?.[1]) {
			if (!incidents.has(patch[1])) return answer(res, 404, '{"error":"no such incident"}', json);
			if (!valid || keysOf(body) !== 'message,status')
				return answer(res, 422, '{"error":"status is invalid"}', json);
			incidents.set(patch[1], String(body.status));
			return answer(res, 200, JSON.stringify({id: patch[1], status: body.status}), json);
		}
		answer(res, 404, '{"error":"not found"}', json);
	});
	close = server.close;
	return {...server, incidents, config: {url: `${server.url}/`, token: 'tok-123'}};
}

function incident() {
	const timeline = new Timeline({now: () => start});
	timeline.open({title: 'API Issues', severity: 'P1', owner: '@oncall'});
	return timeline;
}

describe('the runbook’s status page', () => {
	it('creates with POST, then updates with PATCH the id found in a resumed timeline', async () => {
		const {config, seen, incidents} = await runbookPage();
		const timeline = incident();
		const create = runbookStatusPageAction(config, timeline.getSnapshot());
		expect(create.title).toBe('Create a status page incident');
		expect(create.command).toBe(
			`curl -X POST ${config.url.replace(/\/$/, '')}/api/incidents -H "Authorization: Bearer $STATUS_PAGE_TOKEN" -d '{"name":"API Issues","status":"investigating","message":"We are investigating increased error rates."}'`,
		);
		expect(await runAction(create, timeline, signal)).toEqual({
			ok: true,
			message: 'created incident inc-1 (investigating)',
		});
		expect(seen[0]).toMatchObject({method: 'POST', url: '/api/incidents'});
		expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
			name: 'API Issues',
			status: 'investigating',
			message: 'We are investigating increased error rates.',
		});

		timeline.setStatus('resolved');
		const resumed = new Timeline();
		resumed.load(timeline.incident!, timeline.getSnapshot().events);
		const resolve = runbookStatusPageAction(config, resumed.getSnapshot());
		expect(resolve.title).toBe('Update the status page (resolved)');
		expect(await runAction(resolve, resumed, signal)).toEqual({
			ok: true,
			message: 'updated incident inc-1 (resolved)',
		});
		expect(seen[1]).toMatchObject({method: 'PATCH', url: '/api/incidents/inc-1'});
		expect(JSON.parse(seen[1]?.body ?? '')).toEqual({
			status: 'resolved',
			message: 'Issue has been resolved.',
		});
		expect(incidents.get('inc-1')).toBe('resolved');
		expect(seen).toHaveLength(2);
		const recorded = JSON.stringify(resumed.getSnapshot());
		expect(recorded).not.toContain('tok-123');
		expect(resolve.command).not.toContain('tok-123');
		// Telling people is not a mitigation.
		expect(milestones(resumed.getSnapshot())?.mitigated).toBeNull();
	});

	it('never PATCHes a Statuspage.io incident id to the runbook page', async () => {
		const {config} = await runbookPage();
		const timeline = incident();
		timeline.append({
			kind: 'action',
			text: 'status page',
			data: {
				action: 'notify-statuspage',
				ok: true,
				message: 'created incident sp-7 (investigating)',
			},
		});
		const action = runbookStatusPageAction(config, timeline.getSnapshot());
		expect(action.command).toContain('-X POST');
		expect(
			statuspageAction({url: 'http://x', pageId: 'p', apiKey: 'k'}, timeline.getSnapshot()).title,
		).toBe('Update the status page (investigating)');
	});

	it('shows the server’s 401, 422 and 404 and a timeout as failures, sanitised', async () => {
		const {config} = await runbookPage();
		const timeline = incident();
		const denied = runbookStatusPageAction({...config, token: 'wrong'}, timeline.getSnapshot());
		expect(await denied.run(signal)).toEqual({
			ok: false,
			message: 'status page answered HTTP 401: {"error":"unauthorized"}',
		});
		timeline.setStatus('identified');
		timeline.append({
			kind: 'action',
			text: 'status page',
			data: {
				action: 'notify-status-page',
				ok: true,
				message: 'created incident gone-1 (investigating)',
			},
		});
		const unknown = runbookStatusPageAction(config, timeline.getSnapshot());
		expect(await unknown.run(signal)).toEqual({
			ok: false,
			message: 'status page answered HTTP 404: {"error":"no such incident"}',
		});
		await close?.();

		const hostile = await standIn((_seen, res) =>
			answer(res, 422, '{"error":"\u001b[2Jbad status"}', json),
		);
		close = hostile.close;
		const rejected = runbookStatusPageAction(
			{url: hostile.url, token: 't'},
			incident().getSnapshot(),
		);
		const outcome = await rejected.run(signal);
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toContain('HTTP 422');
		expect(outcome.message).not.toContain('\u001b');
		await close?.();

		const silent = await standIn(() => {});
		close = silent.close;
		const slow = runbookStatusPageAction(
			{url: silent.url, token: 't', timeoutMs: 150},
			incident().getSnapshot(),
		);
		expect(await slow.run(signal)).toEqual({
			ok: false,
			message: 'status page: no answer within 0.15 s',
		});
	});

	it('is chosen by provider: runbook, with the token from STATUS_PAGE_TOKEN', async () => {
		const {url, seen} = await runbookPage();
		const config = parse(
			yaml('integrations:', '  statuspage:', '    provider: runbook', `    url: ${url}`),
			{STATUS_PAGE_TOKEN: 'tok-123'},
		);
		const build = notifiersFromConfig(config).notifiers.statuspage;
		expect(build).toBeDefined();
		const outcome = await build!(incident().getSnapshot()).run(signal);
		expect(outcome).toEqual({ok: true, message: 'created incident inc-1 (investigating)'});
		expect(seen[0]?.url).toBe('/api/incidents');
		// Without the token (or the url) it is not configured, as Statuspage.io without its key.
		expect(
			notifiersFromConfig(
				parse(yaml('integrations:', '  statuspage: {provider: runbook}'), {
					STATUS_PAGE_TOKEN: 't',
				}),
			).notifiers.statuspage,
		).toBeUndefined();
	});
});
