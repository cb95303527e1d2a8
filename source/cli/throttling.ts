import type {Config} from '../config/index.ts';
import {query} from '../sources/prometheus/client.ts';

const label = (value: string) => JSON.stringify(value);

/**
 * The runbook's `kubectl describe pod | grep -i throttle`, from cAdvisor in
 * Prometheus: per container, throttled CFS periods over all periods, 5 min.
 * Null when Prometheus is not configured or has no such series.
 */
export async function podThrottling(
	config: Config,
	pod: {readonly namespace: string; readonly name: string},
	signal: AbortSignal,
	/** Evaluate at this instant (epoch ms) rather than Prometheus' now: tests compare at one instant. */
	atMs?: number,
): Promise<ReadonlyMap<string, number> | null> {
	const {url} = config.prometheus;
	if (!url) return null;
	const match = `namespace=${label(pod.namespace)},pod=${label(pod.name)},container!=""`;
	const series = await query(
		url,
		`sum by (container) (rate(container_cpu_cfs_throttled_periods_total{${match}}[5m])) / sum by (container) (rate(container_cpu_cfs_periods_total{${match}}[5m]))`,
		AbortSignal.any([signal, AbortSignal.timeout(5000)]),
		atMs,
	);
	const ratios = new Map<string, number>();
	for (const s of series) {
		const value = s.samples[0]?.[1];
		if (s.labels.container && value !== undefined && Number.isFinite(value))
			ratios.set(s.labels.container, value);
	}
	return ratios.size > 0 ? ratios : null;
}
