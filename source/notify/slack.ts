import type {Action, ActionOutcome} from '../actions/action.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {request, shortBody} from './http.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const utc = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The runbook's Slack update: Status / Severity / Impact / Started / Owner. */
export function slackUpdateText(state: TimelineState): string {
	const {incident} = state;
	if (!incident) throw new Error('no incident open');
	return [
		`Status: ${capitalize(incident.status)}`,
		`Severity: ${incident.severity}`,
		`Impact: ${incident.title}`,
		`Started: ${utc(incident.startedAt)}`,
		`Owner: ${incident.owner ?? '-'}`,
	].join('\n');
}

/**
 * Posts to an incoming webhook. Slack answers 200 "ok", or an HTTP error with
 * a plain-text code (invalid_payload, no_text, channel_not_found …).
 */
export async function postSlack(
	webhookUrl: string,
	text: string,
	options: {timeoutMs?: number; signal?: AbortSignal} = {},
): Promise<ActionOutcome> {
	try {
		const answer = await request(webhookUrl, {
			method: 'POST',
			body: {text},
			timeoutMs: options.timeoutMs ?? 10_000,
			signal: options.signal,
		});
		if (answer.status === 200) return {ok: true, message: 'posted'};
		return {ok: false, message: `Slack answered HTTP ${answer.status}: ${shortBody(answer.body)}`};
	} catch (error) {
		return {ok: false, message: `Slack: ${(error as Error).message}`};
	}
}

/** The update as a confirmable action: the preview is the message, the command hides the URL. */
export function slackAction(webhookUrl: string, state: TimelineState, timeoutMs?: number): Action {
	const text = slackUpdateText(state);
	return {
		id: 'notify-slack',
		title: 'Post a status update to Slack',
		target: {context: null, namespace: null, object: 'Slack incoming webhook'},
		command: `curl -X POST "$SLACK_WEBHOOK_URL" -H 'Content-Type: application/json' -d '${JSON.stringify({text})}'`,
		details: text.split('\n'),
		run: (signal) => postSlack(webhookUrl, text, {signal, timeoutMs}),
	};
}
