import type {Store} from '../engine/store.ts';
import type {AlertRow} from '../model/alerts.ts';
import type {TimelineEvent} from '../timeline/event.ts';
import type {Timeline} from '../timeline/timeline.ts';
import {endpointlessChanges, recordedEndpointless} from './endpoint-events.ts';
import {errorJump} from './log-jump.ts';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

/**
 * What the timeline already says is firing / above threshold, so a resumed incident does not
 * repeat it, and how many crossings each service has had (for their ids). Read from the
 * timeline every time it changed: another responder's irtop may have recorded it first.
 */
function recorded(events: readonly TimelineEvent[]) {
	const firing = new Map<string, {name: string; startsAt: unknown}>();
	const above = new Set<string>();
	let logsJumped = false;
	const crossings = new Map<string, number>();
	for (const e of events) {
		if (e.kind === 'observation' && e.data?.source === 'logs' && typeof e.data.jump === 'boolean')
			logsJumped = e.data.jump;
		const fingerprint = e.data?.fingerprint;
		if (e.kind === 'alert' && typeof fingerprint === 'string') {
			if (e.data?.firing === true)
				firing.set(fingerprint, {
					name: String(e.data.name ?? fingerprint),
					startsAt: e.data.startsAt,
				});
			else firing.delete(fingerprint);
		}
		const service = e.data?.service;
		if (
			e.kind === 'observation' &&
			typeof service === 'string' &&
			typeof e.data?.above === 'boolean'
		) {
			if (e.data.above) above.add(service);
			else above.delete(service);
			crossings.set(service, (crossings.get(service) ?? 0) + 1);
		}
	}
	return {firing, above, logsJumped, crossings, endpointless: recordedEndpointless(events)};
}

/**
 * Ids made from what an automatic event describes, so two irtops that observe the same
 * thing make the same event, and the timeline keeps one (merge.ts). An alert is its
 * fingerprint and start; a crossing or a source's change is its place in that series.
 */
export const automaticIds = {
	fired: (fingerprint: string, startsAt: unknown) =>
		`alert:${fingerprint}:${String(startsAt)}:fired`,
	resolved: (fingerprint: string, startsAt: unknown) =>
		`alert:${fingerprint}:${String(startsAt)}:resolved`,
	crossing: (service: string, nth: number) => `ratio:${service}:${nth}`,
	source: (events: readonly TimelineEvent[], source: string, change: string) => {
		const nth = events.filter((e) => e.kind === 'source' && e.data?.source === source).length + 1;
		return `source:${source}:${nth}:${change}`;
	},
};

/**
 * Turns what the sources see into timeline events: alerts fired and resolved,
 * and error ratios crossing the runbook's threshold (both ways). Nothing is
 * recorded before an incident is open: an alert does not start an incident,
 * and alerts still firing when one opens are recorded then.
 */
export function recordAutomaticEvents(store: Store, timeline: Timeline): () => void {
	let known: ReturnType<typeof recorded> | null = null;
	let readFrom: readonly TimelineEvent[] | null = null;
	// What this irtop itself saw at its last poll, per service. A crossing is recorded when
	// this observation changes (or on the first one): another responder's crossing that this
	// irtop does not see is not contradicted at every poll, which between two irtops that
	// read slightly different numbers (or two demo worlds) would go back and forth forever.
	const observed = new Map<string, boolean>();
	const update = () => {
		if (!timeline.incident) return;
		const {events} = timeline.getSnapshot();
		if (events !== readFrom || !known) {
			known = recorded(events);
			readFrom = events;
		}
		const {slots} = store.getSnapshot();
		const append = (event: Parameters<Timeline['append']>[0]) => {
			try {
				timeline.append(event);
			} catch {
				// The journal failed (disk full); the status bar of the next note says so.
			}
		};
		const alerts = slots.alerts.phase === 'not-configured' ? null : slots.alerts.data;
		if (alerts) {
			const firing = new Map<string, AlertRow>();
			for (const a of alerts) if (a.state === 'active' && !a.silenced) firing.set(a.fingerprint, a);
			for (const [fingerprint, a] of firing) {
				if (known.firing.has(fingerprint)) continue;
				known.firing.set(fingerprint, {name: a.name, startsAt: a.startsAt});
				append({
					id: automaticIds.fired(fingerprint, a.startsAt),
					kind: 'alert',
					text: `Alert fired: ${a.name}${a.severity ? ` (${a.severity})` : ''} · ${a.summary}`,
					data: {fingerprint, name: a.name, firing: true, startsAt: a.startsAt},
				});
			}
			for (const [fingerprint, {name, startsAt}] of [...known.firing]) {
				if (firing.has(fingerprint)) continue;
				known.firing.delete(fingerprint);
				append({
					id: automaticIds.resolved(fingerprint, startsAt),
					kind: 'alert',
					text: `Alert resolved: ${name}`,
					data: {fingerprint, name, firing: false},
				});
			}
		}
		const kubernetes = slots.kubernetes.phase === 'not-configured' ? null : slots.kubernetes.data;
		// Services without a ready endpoint; a source that does not watch them says nothing.
		if (kubernetes?.servicesWithoutEndpoints)
			for (const e of endpointlessChanges(
				known.endpointless,
				kubernetes.servicesWithoutEndpoints,
				Date.now(),
			))
				append(e);
		const prometheus = slots.prometheus.phase === 'not-configured' ? null : slots.prometheus.data;
		if (prometheus) {
			for (const s of prometheus.services) {
				if (s.errorRatio === null) continue;
				const above = s.errorRatio > prometheus.threshold;
				const before = observed.get(s.name);
				observed.set(s.name, above);
				if (above === known.above.has(s.name) || above === before) continue;
				if (above) known.above.add(s.name);
				else known.above.delete(s.name);
				const nth = (known.crossings.get(s.name) ?? 0) + 1;
				known.crossings.set(s.name, nth);
				append({
					id: automaticIds.crossing(s.name, nth),
					kind: 'observation',
					text: `${s.name} 5xx ratio ${percent(s.errorRatio)} ${above ? 'above' : 'back under'} ${percent(prometheus.threshold)}`,
					data: {service: s.name, above, ratio: s.errorRatio},
				});
			}
		}
	};
	const unsubscribe = store.subscribe(() => {
		update();
		if (known && timeline.incident)
			recordLogJump(store, known, (event) => {
				try {
					timeline.append(event);
				} catch {
					// As above: a failing journal must not stop the dashboard.
				}
			});
	});
	const unsubscribeTimeline = timeline.subscribe(() => {
		// An incident opened (or resumed) after the sources started: record what is firing now.
		if (known === null && timeline.incident) queueMicrotask(update);
	});
	return () => {
		unsubscribe();
		unsubscribeTimeline();
	};
}

/** A jump in the log store's ERRORs per minute lands on the timeline once, and its end once. */
function recordLogJump(
	store: Store,
	known: ReturnType<typeof recorded>,
	append: (event: Parameters<Timeline['append']>[0]) => void,
): void {
	const slot = store.getSnapshot().slots.logs;
	const data = slot.phase === 'not-configured' ? null : slot.data;
	if (!data) return;
	const {recent, usual, jumped, settled} = errorJump(data.perMinute);
	if (!known.logsJumped && jumped) {
		known.logsJumped = true;
		append({
			kind: 'observation',
			text: `Log store: ERROR lines jumped to ${recent}/min (usually ${usual}/min) in ${data.index}`,
			data: {source: 'logs', jump: true, perMinute: recent, usual},
		});
	} else if (known.logsJumped && settled) {
		known.logsJumped = false;
		append({
			kind: 'observation',
			text: `Log store: ERROR lines back to ${recent}/min in ${data.index}`,
			data: {source: 'logs', jump: false, perMinute: recent, usual},
		});
	}
}
