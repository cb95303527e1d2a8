import {sanitizeLine} from '../../format/sanitize.ts';
import type {PvcUsage} from '../../model/index.ts';
import {getJson, SourceError} from '../shared/http.ts';

/**
 * The kubelet's volume stats, one series per claim. `max by` folds the
 * duplicates a claim gets when two kubelets (or two scrape jobs) report it.
 */
export const pvcQueries = {
	used: 'max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes)',
	capacity: 'max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes)',
} as const;

type Vector = Map<string, number>;

/** An instant vector keyed "namespace/claim"; Prometheus' own error envelope becomes the message. */
async function vector(base: string, promql: string, signal: AbortSignal): Promise<Vector> {
	const url = `${base.replace(/\/$/, '')}/api/v1/query?${new URLSearchParams({query: promql})}`;
	const {body} = await getJson(url, signal, () => true);
	const answer = body as {
		status?: string;
		error?: unknown;
		data?: {resultType?: string; result?: unknown};
	};
	if (answer.status !== 'success') {
		const reason = typeof answer.error === 'string' ? answer.error : 'not a Prometheus answer';
		throw new SourceError(`Prometheus: ${sanitizeLine(reason)}`);
	}
	if (answer.data?.resultType !== 'vector' || !Array.isArray(answer.data.result))
		throw new SourceError('Prometheus: expected a vector');
	const values: Vector = new Map();
	for (const item of answer.data.result as {metric?: Record<string, string>; value?: unknown[]}[]) {
		const namespace = item.metric?.namespace;
		const claim = item.metric?.persistentvolumeclaim;
		const value = Number(item.value?.[1]);
		if (namespace && claim && Number.isFinite(value)) values.set(`${namespace}/${claim}`, value);
	}
	return values;
}

/** Every claim with both series, fullest first; percent as df rounds it (up). */
export async function pvcUsage(prometheusUrl: string, signal: AbortSignal): Promise<PvcUsage[]> {
	const [used, capacity] = await Promise.all([
		vector(prometheusUrl, pvcQueries.used, signal),
		vector(prometheusUrl, pvcQueries.capacity, signal),
	]);
	const rows: PvcUsage[] = [];
	for (const [key, usedBytes] of used) {
		const capacityBytes = capacity.get(key);
		if (capacityBytes === undefined || capacityBytes <= 0) continue;
		const [namespace = '', name = ''] = key.split('/');
		rows.push({
			namespace,
			name,
			usedBytes,
			capacityBytes,
			usedPercent: Math.ceil((usedBytes / capacityBytes) * 100),
		});
	}
	return rows.sort((a, b) => b.usedPercent - a.usedPercent || a.name.localeCompare(b.name));
}
