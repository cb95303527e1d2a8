import type {Source} from '../../engine/source.ts';
import type {AlertRow, AlertState, AlertsData} from '../../model/index.ts';
import {getJson, SourceError} from '../shared/http.ts';
import type {Observe} from '../shared/observe.ts';

const states: readonly AlertState[] = ['active', 'suppressed', 'unprocessed'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads `/api/v2/alerts`; anything that is not a list of alerts is an error, not a crash. */
export function parseAlerts(body: unknown): AlertRow[] {
	if (!Array.isArray(body))
		throw new SourceError('Alertmanager answered something that is not a list of alerts');
	return body.map((raw: unknown) => {
		if (!isRecord(raw) || typeof raw.fingerprint !== 'string') {
			throw new SourceError('Alertmanager answered an alert without a fingerprint');
		}
		const labels = isRecord(raw.labels) ? raw.labels : {};
		const annotations = isRecord(raw.annotations) ? raw.annotations : {};
		const status = isRecord(raw.status) ? raw.status : {};
		const state = states.find((s) => s === status.state) ?? 'unprocessed';
		const startsAt = Date.parse(text(raw.startsAt));
		return {
			fingerprint: raw.fingerprint,
			name: text(labels.alertname) || '(no alertname)',
			severity: text(labels.severity) || null,
			startsAt: Number.isFinite(startsAt) ? startsAt : 0,
			summary: text(annotations.summary) || text(annotations.description),
			state,
			silenced: Array.isArray(status.silencedBy) && status.silencedBy.length > 0,
			inhibited: Array.isArray(status.inhibitedBy) && status.inhibitedBy.length > 0,
		};
	});
}

/**
 * Firing alerts. Each alert that starts firing, and each that stops, goes to
 * the timeline once, keyed by its fingerprint.
 */
export class AlertmanagerSource implements Source<'alerts'> {
	readonly id = 'alerts';
	readonly #url: string;
	readonly #observe: Observe;
	readonly #firing = new Map<string, AlertRow>();

	constructor(url: string, observe: Observe) {
		this.#url = `${url.replace(/\/$/, '')}/api/v2/alerts`;
		this.#observe = observe;
	}

	async poll(signal: AbortSignal): Promise<AlertsData> {
		const {body} = await getJson(this.#url, signal);
		const alerts = parseAlerts(body).sort((a, b) => a.startsAt - b.startsAt);
		const now = new Set(alerts.map((a) => a.fingerprint));
		for (const alert of alerts) {
			if (this.#firing.has(alert.fingerprint)) continue;
			this.#firing.set(alert.fingerprint, alert);
			this.#observe({
				kind: 'alert',
				text: `firing: ${alert.name}${alert.severity ? ` (${alert.severity})` : ''}${alert.summary ? ` · ${alert.summary}` : ''}`,
				data: {
					source: 'alertmanager',
					fingerprint: alert.fingerprint,
					change: 'firing',
					name: alert.name,
					severity: alert.severity,
					startsAt: alert.startsAt,
				},
			});
		}
		for (const [fingerprint, alert] of this.#firing) {
			if (now.has(fingerprint)) continue;
			this.#firing.delete(fingerprint);
			this.#observe({
				kind: 'alert',
				text: `resolved: ${alert.name}${alert.severity ? ` (${alert.severity})` : ''}`,
				data: {source: 'alertmanager', fingerprint, change: 'resolved', name: alert.name},
			});
		}
		return alerts;
	}
}
