import type {Action, ActionOutcome} from '../actions/action.ts';
import {sanitizeLine} from '../format/sanitize.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {request, shortBody} from './http.ts';
import {incidentIdFrom, statusMessage} from './status-page-incident.ts';

/**
 * The runbook's own status page API: `POST {url}/api/incidents` with
 * `{name, status, message}`, then `PATCH {url}/api/incidents/{id}` with
 * `{status, message}`, both with `Authorization: Bearer $STATUS_PAGE_TOKEN`.
 */
export interface RunbookStatusPageConfig {
	readonly url: string;
	readonly token: string;
	readonly timeoutMs?: number;
}

const actionId = 'notify-status-page';

/** The runbook status page incident created earlier (from the timeline, so it survives --resume). */
export const runbookIncidentId = (state: TimelineState): string | null =>
	incidentIdFrom(state, actionId);

// The create answer's id; a number is accepted too, since the runbook does not fix its type.
function idOf(body: string): string | null {
	try {
		const id = (JSON.parse(body) as {id?: unknown}).id;
		if (typeof id === 'number' && Number.isFinite(id)) return String(id);
		// Ends up in a URL path and in the timeline: one printable token only.
		return typeof id === 'string' && /^[\w.-]{1,100}$/.test(id) ? id : null;
	} catch {
		return null;
	}
}

async function send(
	config: RunbookStatusPageConfig,
	method: 'POST' | 'PATCH',
	path: string,
	body: unknown,
	signal: AbortSignal,
): Promise<ActionOutcome & {id?: string}> {
	try {
		const answer = await request(`${config.url.replace(/\/$/, '')}${path}`, {
			method,
			headers: {Authorization: `Bearer ${config.token}`},
			body,
			timeoutMs: config.timeoutMs ?? 10_000,
			signal,
		});
		if (answer.status < 200 || answer.status > 299)
			return {
				ok: false,
				message: `status page answered HTTP ${answer.status}: ${sanitizeLine(shortBody(answer.body))}`,
			};
		if (method === 'PATCH') return {ok: true, message: ''};
		const id = idOf(answer.body);
		if (id === null) return {ok: false, message: 'status page answered without an incident id'};
		return {ok: true, message: '', id};
	} catch (error) {
		return {ok: false, message: `status page: ${(error as Error).message}`};
	}
}

/** Creates the incident on the runbook's status page, or updates it with the current status. */
export function runbookStatusPageAction(
	config: RunbookStatusPageConfig,
	state: TimelineState,
): Action {
	const {incident} = state;
	if (!incident) throw new Error('no incident open');
	const existing = runbookIncidentId(state);
	const message = statusMessage[incident.status] ?? incident.status;
	const body = existing
		? {status: incident.status, message}
		: {name: incident.title, status: incident.status, message};
	const method = existing ? 'PATCH' : 'POST';
	const path = existing ? `/api/incidents/${encodeURIComponent(existing)}` : '/api/incidents';
	const base = config.url.replace(/\/$/, '');
	return {
		id: actionId,
		title: existing
			? `Update the status page (${incident.status})`
			: 'Create a status page incident',
		target: {context: null, namespace: null, object: `status page ${base}`},
		// The runbook's own curl, with the token left as the variable it reads.
		command: `curl -X ${method} ${base}${path} -H "Authorization: Bearer $STATUS_PAGE_TOKEN" -d '${JSON.stringify(body)}'`,
		details: [`status: ${incident.status}`, `message: ${message}`],
		run: async (signal) => {
			const outcome = await send(config, method, path, body, signal);
			if (!outcome.ok) return outcome;
			return {
				ok: true,
				message: `${existing ? 'updated' : 'created'} incident ${existing ?? outcome.id} (${incident.status})`,
			};
		},
	};
}
