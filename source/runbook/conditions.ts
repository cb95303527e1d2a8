import type {Condition} from '../config/index.ts';
import type {StoreState} from '../engine/store.ts';
import type {SourceId} from '../model/index.ts';
import {incidentStatuses} from '../timeline/incident.ts';
import type {TimelineState} from '../timeline/timeline.ts';

/** What a condition reads: the store's snapshot, the timeline, the clock, and how long it has held. */
export interface ConditionInput {
	readonly store: StoreState;
	readonly timeline: TimelineState;
	readonly now: number;
	/** When this condition last became true without a break (for errorRatioBelow's forMinutes), or null. */
	readonly trueSince: number | null;
}

/** true / false, or null: the data it needs is not there (not configured, not polled yet). */
export type ConditionValue = boolean | null;

const data = <K extends SourceId>(store: StoreState, id: K) => {
	const slot = store.slots[id];
	return slot.phase === 'not-configured' ? null : slot.data;
};

/** The source a condition reads, when it reads one (to say "needs Prometheus" when it is not configured). */
export function conditionSource(condition: Condition): SourceId | null {
	if ('alertsFiring' in condition) return 'alerts';
	if ('errorRatioBelow' in condition) return 'prometheus';
	if ('podsNotRunning' in condition || 'deploymentReady' in condition) return 'kubernetes';
	if ('kafkaLagBelow' in condition) return 'kafka';
	if ('pgConnectionsBelow' in condition) return 'postgres';
	if ('checkPassing' in condition) return 'health';
	return null;
}

/** Whether a condition holds now: a pure function of the store's snapshot and the timeline. */
export function evaluateCondition(condition: Condition, input: ConditionInput): ConditionValue {
	const {store, timeline} = input;
	if ('alertsFiring' in condition) {
		const alerts = data(store, 'alerts');
		if (!alerts) return null;
		return (
			alerts.filter((a) => a.state === 'active' && !a.silenced).length <= condition.alertsFiring
		);
	}
	if ('errorRatioBelow' in condition) {
		const prometheus = data(store, 'prometheus');
		if (!prometheus) return null;
		const {service, threshold, forMinutes} = condition.errorRatioBelow;
		const limit = threshold ?? prometheus.threshold;
		const services = prometheus.services.filter((s) => service === undefined || s.name === service);
		if (services.length === 0 || services.some((s) => s.errorRatio === null)) return null;
		const below = services.every((s) => (s.errorRatio ?? 1) < limit);
		if (!below) return false;
		// Held long enough: the caller remembers since when it has been below.
		return (
			forMinutes === 0 ||
			(input.trueSince !== null && input.now - input.trueSince >= forMinutes * 60_000)
		);
	}
	if ('podsNotRunning' in condition) {
		const k = data(store, 'kubernetes');
		if (!k) return null;
		const {namespace, max} = condition.podsNotRunning;
		const bad = k.pods.filter(
			(p) =>
				(namespace === undefined || p.namespace === namespace) &&
				!(p.status === 'Completed' || (p.status === 'Running' && /^(\d+)\/\1$/.test(p.ready))),
		);
		return bad.length <= max;
	}
	if ('deploymentReady' in condition) {
		const k = data(store, 'kubernetes');
		if (!k) return null;
		const {namespace, name} = condition.deploymentReady;
		const d = k.deployments.find((x) => x.namespace === namespace && x.name === name);
		if (!d) return false;
		return d.ready >= d.desired && d.updated >= d.desired && d.available >= d.desired;
	}
	if ('kafkaLagBelow' in condition) {
		const kafka = data(store, 'kafka');
		if (!kafka) return null;
		const {group, max} = condition.kafkaLagBelow;
		const groups = kafka.groups.filter((g) => group === undefined || g.group === group);
		if (groups.length === 0) return null;
		return groups.every((g) => g.lag <= max);
	}
	if ('pgConnectionsBelow' in condition) {
		const pg = data(store, 'postgres');
		if (!pg) return null;
		const {total, max} = pg.connections;
		return max > 0 ? total / max < condition.pgConnectionsBelow.ratio : null;
	}
	if ('checkPassing' in condition) {
		const health = data(store, 'health');
		const check = health?.find((c) => c.name === condition.checkPassing);
		return check === undefined ? null : check.ok;
	}
	if ('statusIs' in condition) {
		// A status the incident has passed counts: "cause identified" stays done once it is monitoring.
		const status = timeline.incident?.status;
		return (
			status !== undefined &&
			incidentStatuses.indexOf(status) >= incidentStatuses.indexOf(condition.statusIs)
		);
	}
	const {kind, contains} = condition.timeline;
	const text = (t: string) =>
		contains === undefined || t.toLowerCase().includes(contains.toLowerCase());
	return timeline.events.some((e) => {
		if (kind === 'note' || kind === 'status') return e.kind === kind && text(e.text);
		const id = String(e.data?.action ?? '');
		if (kind === 'action')
			return (
				e.kind === 'action' && e.data?.ok === true && !id.startsWith('notify-') && text(e.text)
			);
		return e.kind === 'action' && id === kind && e.data?.ok === true;
	});
}
