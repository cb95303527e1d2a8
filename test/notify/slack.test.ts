import {afterEach, describe, expect, it} from 'vitest';
import {runAction} from '../../source/actions/run-action.ts';
import {postSlack, slackAction} from '../../source/notify/slack.ts';
import {Timeline} from '../../source/timeline/timeline.ts';
import {answer, standIn} from './stand-in.ts';

const start = Date.UTC(2025, 9, 21, 14, 30);
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** Slack's incoming webhook as documented: POST JSON with text; 200 "ok"; plain-text error codes. */
async function slack() {
	const server = await standIn((seen, res) => {
		if (seen.method !== 'POST') return answer(res, 405, 'invalid_method');
		if (!seen.url.startsWith('/services/')) return answer(res, 404, 'no_service');
		if (!String(seen.headers['content-type']).startsWith('application/json'))
			return answer(res, 400, 'invalid_payload');
		let payload: {text?: unknown};
		try {
			payload = JSON.parse(seen.body) as {text?: unknown};
		} catch {
			return answer(res, 400, 'invalid_payload');
		}
		if (typeof payload.text !== 'string' || payload.text === '') return answer(res, 400, 'no_text');
		if (payload.text.includes('boom')) return answer(res, 500, 'internal error');
		answer(res, 200, 'ok');
	});
	close = server.close;
	return {...server, webhook: `${server.url}/services/T000/B000/XXXXsecretXXXX`};
}

function incident(title = 'API 500 errors spike') {
	const timeline = new Timeline({now: () => start});
	timeline.open({title, severity: 'P1', owner: '@oncall-engineer'});
	return timeline;
}

describe('Slack incoming webhook', () => {
	it('posts the runbook update format and records it without the webhook URL', async () => {
		const {webhook, seen} = await slack();
		const timeline = incident();
		const action = slackAction(webhook, timeline.getSnapshot());
		expect(action.details).toEqual([
			'Status: Investigating',
			'Severity: P1',
			'Impact: API 500 errors spike',
			'Started: 2025-10-21 14:30 UTC',
			'Owner: @oncall-engineer',
		]);
		const outcome = await runAction(action, timeline, new AbortController().signal);
		expect(outcome).toEqual({ok: true, message: 'posted'});
		expect(seen).toHaveLength(1);
		expect(seen[0]?.url).toBe('/services/T000/B000/XXXXsecretXXXX');
		expect(JSON.parse(seen[0]?.body ?? '')).toEqual({text: action.details?.join('\n')});
		const recorded = JSON.stringify(timeline.getSnapshot());
		expect(recorded).toContain('Post a status update to Slack');
		expect(recorded).not.toContain('XXXXsecretXXXX');
		expect(action.command).not.toContain('XXXXsecretXXXX');
		// Telling people is not a mitigation.
		expect(timeline.getSnapshot().events.at(-1)?.data).toMatchObject({action: 'notify-slack'});
	});

	it('shows Slack’s plain-text error codes and HTTP errors', async () => {
		const {webhook} = await slack();
		expect(await postSlack(webhook, '')).toEqual({
			ok: false,
			message: 'Slack answered HTTP 400: no_text',
		});
		expect(await postSlack(webhook, 'boom')).toEqual({
			ok: false,
			message: 'Slack answered HTTP 500: internal error',
		});
		expect(await postSlack(webhook.replace('/services', '/x'), 'hi')).toMatchObject({
			ok: false,
			message: 'Slack answered HTTP 404: no_service',
		});
	});

	it('a server that never answers is a timeout with the reason, not a hang', async () => {
		const server = await standIn(() => {});
		close = server.close;
		const outcome = await postSlack(`${server.url}/services/x`, 'hi', {timeoutMs: 200});
		expect(outcome).toEqual({ok: false, message: 'Slack: no answer within 0.2 s'});
	});

	it('a refused connection names the reason and never the URL', async () => {
		const outcome = await postSlack('http://127.0.0.1:1/services/secret-path', 'hi');
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toContain('cannot connect');
		expect(outcome.message).not.toContain('secret-path');
	});
});
