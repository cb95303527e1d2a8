import type {Action} from '../actions/action.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {
	incidentIdFrom,
	type StatusPageApi,
	sendIncident,
	statusMessage,
} from './status-page-incident.ts';

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

const api = (config: RunbookStatusPageConfig): StatusPageApi => ({
	label: 'status page',
	url: config.url,
	authorization: `Bearer ${config.token}`,
	...(config.timeoutMs === undefined ? {} : {timeoutMs: config.timeoutMs}),
	idOf,
	idOnUpdate: false,
});

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
			const outcome = await sendIncident(api(config), method, path, body, signal);
			if (!outcome.ok) return outcome;
			return {
				ok: true,
				message: `${existing ? 'updated' : 'created'} incident ${existing ?? outcome.id} (${incident.status})`,
			};
		},
	};
}
