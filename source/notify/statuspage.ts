import type {Action} from '../actions/action.ts';
import type {Severity} from '../timeline/severity.ts';
import type {TimelineState} from '../timeline/timeline.ts';
import {
	incidentIdFrom,
	type StatusPageApi,
	sendIncident,
	statusMessage,
} from './status-page-incident.ts';

export interface StatuspageConfig {
	readonly url: string;
	readonly pageId: string;
	readonly apiKey: string;
	readonly timeoutMs?: number;
}

const impact: Readonly<Record<Severity, string>> = {
	P0: 'critical',
	P1: 'major',
	P2: 'minor',
	P3: 'none',
};

/** The status page incident created earlier, found in the timeline (so it survives --resume). */
export const statuspageIncidentId = (state: TimelineState): string | null =>
	incidentIdFrom(state, 'notify-statuspage');

const api = (config: StatuspageConfig): StatusPageApi => ({
	label: 'Statuspage',
	url: config.url,
	authorization: `OAuth ${config.apiKey}`,
	...(config.timeoutMs === undefined ? {} : {timeoutMs: config.timeoutMs}),
	idOf: (body) => {
		const id = (JSON.parse(body) as {id?: unknown}).id;
		return typeof id === 'string' ? id : null;
	},
	idOnUpdate: true,
});

/**
 * Creates the status page incident (POST), or updates it (PATCH) with the
 * incident's current status; `resolved` resolves it.
 */
export function statuspageAction(config: StatuspageConfig, state: TimelineState): Action {
	const {incident} = state;
	if (!incident) throw new Error('no incident open');
	const existing = statuspageIncidentId(state);
	const pages = `/pages/${encodeURIComponent(config.pageId)}/incidents`;
	const body = existing
		? {incident: {status: incident.status, body: statusMessage[incident.status]}}
		: {
				incident: {
					name: incident.title,
					status: incident.status,
					body: statusMessage[incident.status],
					impact_override: impact[incident.severity],
				},
			};
	const method = existing ? 'PATCH' : 'POST';
	const path = existing ? `${pages}/${encodeURIComponent(existing)}` : pages;
	return {
		id: 'notify-statuspage',
		title: existing
			? `Update the status page (${incident.status})`
			: 'Create a status page incident',
		target: {context: null, namespace: null, object: `status page ${config.pageId}`},
		command: `curl -X ${method} "${config.url}${path}" -H "Authorization: OAuth $STATUSPAGE_API_KEY" -d '${JSON.stringify(body)}'`,
		details: [`status: ${incident.status}`, `message: ${body.incident.body}`],
		run: async (signal) => {
			const outcome = await sendIncident(api(config), method, path, body, signal);
			if (!outcome.ok) return outcome;
			return {
				ok: true,
				message: `${existing ? 'updated' : 'created'} incident ${outcome.id} (${incident.status})`,
			};
		},
	};
}
