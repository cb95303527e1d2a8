import type {StoreState} from '../engine/store.ts';
import type {DiskData, KubernetesData, SourceId, WorkloadRow} from '../model/index.ts';
import {sourceIds} from '../model/index.ts';
import type {StepView} from '../runbook/evaluate.ts';
import type {TimelineState} from '../timeline/timeline.ts';

const ageSeconds = (at: number | null, now: number) =>
	at === null ? null : Math.max(0, Math.round((now - at) / 1000));
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** StatefulSets, DaemonSets and Services without a ready endpoint; [] from a source that has none. */
function workloadsDocument(data: KubernetesData, now: number) {
	const workload = (w: WorkloadRow) => ({
		namespace: w.namespace,
		name: w.name,
		desired: w.desired,
		ready: w.ready,
		revision: w.revision,
		rollout: w.rollout,
	});
	return {
		statefulsets: (data.statefulsets ?? []).map(workload),
		daemonsets: (data.daemonsets ?? []).map(workload),
		servicesWithoutEndpoints: (data.servicesWithoutEndpoints ?? []).map((s) => ({
			namespace: s.namespace,
			name: s.name,
			notReadyEndpoints: s.notReady,
			since: iso(s.since),
			forSeconds: ageSeconds(s.since, now),
		})),
	};
}

/** Kubernetes rows with ages as numbers, the shape documented in the README. */
function kubernetesDocument(data: KubernetesData, now: number) {
	return {
		context: data.context,
		namespace: data.namespace,
		nodes: data.nodes.map((n) => ({
			name: n.name,
			ready: n.ready,
			conditions: n.conditions,
			cpuPercent: n.cpuPercent,
			memoryPercent: n.memoryPercent,
			pods: n.pods,
			ageSeconds: ageSeconds(n.createdAt, now),
		})),
		pods: data.pods.map((p) => ({
			namespace: p.namespace,
			name: p.name,
			status: p.status,
			ready: p.ready,
			restarts: p.restarts,
			lastRestartSecondsAgo: ageSeconds(p.lastRestartAt, now),
			node: p.node,
			ageSeconds: ageSeconds(p.createdAt, now),
			cpuMillicores: p.cpuMillicores ?? null,
			memoryBytes: p.memoryBytes ?? null,
		})),
		events: data.events.map((e) => ({
			namespace: e.namespace,
			type: e.type,
			reason: e.reason,
			object: e.object,
			message: e.message,
			count: e.count,
			lastSeen: iso(e.lastSeenAt),
		})),
		deployments: data.deployments,
		// null: cert-manager's CRD is not installed.
		certificates:
			data.certificates?.map((c) => ({
				namespace: c.namespace,
				name: c.name,
				ready: c.ready,
				reason: c.reason,
				message: c.message,
				notAfter: iso(c.notAfter),
				renewalTime: iso(c.renewalAt),
				secretName: c.secretName,
				issuer: c.issuer,
				dnsNames: c.dnsNames,
			})) ?? null,
		...(data.certificatesError ? {certificatesError: data.certificatesError} : {}),
		...workloadsDocument(data, now),
		// Watches being restarted, and why there is no CPU/memory use: present only when true.
		...(data.reconnecting ? {reconnecting: data.reconnecting} : {}),
		...(data.metricsUnavailable ? {metricsUnavailable: data.metricsUnavailable} : {}),
	};
}

/** df's rows, PVC use, and the background measurements with their times as ISO strings. */
function diskDocument(data: DiskData | null) {
	if (!data) return null;
	return {
		filesystems: data.filesystems,
		...(data.unreadable ? {unreadable: data.unreadable} : {}),
		pvcs: data.pvcs,
		...(data.pvcsError ? {pvcsError: data.pvcsError} : {}),
		directories: data.directories?.map((d) => ({...d, measuredAt: iso(d.measuredAt)})) ?? null,
		rotatedLogs: data.rotatedLogs
			? {...data.rotatedLogs, measuredAt: iso(data.rotatedLogs.measuredAt)}
			: null,
	};
}

function sourceState(state: StoreState, id: SourceId) {
	const slot = state.slots[id];
	if (slot.phase === 'not-configured') return {state: 'not-configured', hint: slot.hint};
	if (slot.phase === 'ok') return {state: 'ok', lastOk: iso(slot.lastOkAt)};
	if (slot.phase === 'error')
		return {state: 'error', error: slot.error, lastOk: iso(slot.lastOkAt)};
	return {state: 'loading'};
}

/** The log store's search: its state, the runbook's ERROR count and the hits (newest first). */
function logsDocument(state: StoreState) {
	const slot = state.slots.logs;
	if (slot.phase === 'not-configured') return null;
	const data = slot.data;
	return {
		...sourceState(state, 'logs'),
		errorsLastHour: data?.errorsLastHour ?? null,
		total: data?.total ?? null,
		hits:
			data?.hits.map((h) => ({
				time: iso(h.time),
				level: h.level,
				namespace: h.namespace,
				pod: h.pod,
				container: h.container,
				message: h.message,
			})) ?? [],
	};
}

/**
 * The store as one JSON document: a key per source (null when it has no data)
 * plus `sources` with each one's state, and the incident with its timeline.
 */
export function snapshotDocument(
	state: StoreState,
	timeline: TimelineState,
	now: number,
	runbook?: readonly StepView[],
	/** The incident whose timeline the runbook's steps were read against (hand marks), if any. */
	runbookIncident: string | null = null,
) {
	const data = <K extends SourceId>(id: K) => {
		const slot = state.slots[id];
		return slot.phase === 'not-configured' ? null : slot.data;
	};
	const kubernetes = data('kubernetes');
	return {
		generatedAt: new Date(now).toISOString(),
		sources: Object.fromEntries(sourceIds.map((id) => [id, sourceState(state, id)])),
		kubernetes: kubernetes ? kubernetesDocument(kubernetes, now) : null,
		prometheus: data('prometheus'),
		alerts: data('alerts')?.map((a) => ({...a, startsAt: iso(a.startsAt)})) ?? null,
		// {name, kind, ok, latencyMs, error} for every check; detail and certDaysLeft as before.
		health:
			data('health')?.map(({output: _output, ...c}) => ({
				...c,
				kind: c.kind ?? null,
				error: c.ok ? null : c.detail,
			})) ?? null,
		postgres: data('postgres'),
		redis: data('redis'),
		kafka: data('kafka'),
		disk: diskDocument(data('disk')),
		logs: logsDocument(state),
		// Each step's state as the runbook pane would show it now.
		...(runbook
			? {
					runbook: {
						incident: runbookIncident,
						steps: runbook.map((s) => ({
							section: s.section,
							title: s.title,
							state: s.state,
							doneAt: iso(s.doneAt),
						})),
					},
				}
			: {}),
		incident: timeline.incident
			? {
					...timeline.incident,
					startedAt: iso(timeline.incident.startedAt),
					timeline: timeline.events.map((e) => ({...e, at: iso(e.at)})),
				}
			: null,
	};
}
