import type {ActionOutcome} from '../actions/action.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {request, shortBody} from './http.ts';

/** The runbook's wording per status, used by both status page providers. */
export const statusMessage: Readonly<Record<string, string>> = {
	investigating: 'We are investigating increased error rates.',
	identified: 'The issue has been identified and a fix is being implemented.',
	monitoring: 'A fix has been implemented and we are monitoring the results.',
	resolved: 'Issue has been resolved.',
};

/**
 * The status page incident a successful send of `actionId` created earlier,
 * found in the timeline's recorded outcomes, so it survives --resume. Each
 * provider has its own action id: an id from one is never sent to the other.
 */
export function incidentIdFrom(state: TimelineState, actionId: string): string | null {
	for (let i = state.events.length - 1; i >= 0; i--) {
		const data = state.events[i]?.data;
		if (data?.action !== actionId || data.ok !== true) continue;
		const id = /incident (\S+)/.exec(String(data.message))?.[1];
		if (id) return id;
	}
	return null;
}

/** How one status page provider is spoken to: its name in messages, its auth, its ids. */
export interface StatusPageApi {
	/** "Statuspage", "status page": how the status line names it. */
	readonly label: string;
	readonly url: string;
	readonly authorization: string;
	readonly timeoutMs?: number;
	/** The incident id in a create (or update) answer; null when there is none. */
	readonly idOf: (body: string) => string | null;
	/** An update's answer need not carry the id (the runbook's API does not say it does). */
	readonly idOnUpdate: boolean;
}

/** One create (POST) or update (PATCH) of the status page incident; the outcome carries its id. */
export async function sendIncident(
	api: StatusPageApi,
	method: 'POST' | 'PATCH',
	path: string,
	body: unknown,
	signal: AbortSignal,
): Promise<ActionOutcome & {id?: string}> {
	try {
		const answer = await request(`${api.url.replace(/\/$/, '')}${path}`, {
			method,
			headers: {Authorization: api.authorization},
			body,
			timeoutMs: api.timeoutMs ?? 10_000,
			signal,
		});
		if (answer.status < 200 || answer.status > 299)
			return {
				ok: false,
				message: `${api.label} answered HTTP ${answer.status}: ${sanitizeLine(shortBody(answer.body))}`,
			};
		if (method === 'PATCH' && !api.idOnUpdate) return {ok: true, message: ''};
		const id = api.idOf(answer.body);
		if (id === null) return {ok: false, message: `${api.label} answered without an incident id`};
		return {ok: true, message: '', id};
	} catch (error) {
		return {ok: false, message: `${api.label}: ${(error as Error).message}`};
	}
}
