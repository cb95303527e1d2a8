// Prometheus text exposition (format 0.0.4) of the simulated traffic.
import {renderVolumeStats} from '../volumes.ts';
import type {Cadvisor} from './cadvisor.ts';
import {buckets, type Traffic} from './traffic.ts';

export function renderMetrics(traffic: Traffic, cadvisor?: Cadvisor): string {
	const lines: string[] = [
		'# HELP http_requests_total Requests handled, by service, method and status code.',
		'# TYPE http_requests_total counter',
	];
	for (const [key, count] of [...traffic.requests].sort()) {
		const [service, method, status] = key.split('|');
		lines.push(
			`http_requests_total{service="${service}",method="${method}",status="${status}"} ${count}`,
		);
	}
	lines.push(
		'# HELP http_request_duration_seconds Request latency, by service and method.',
		'# TYPE http_request_duration_seconds histogram',
	);
	for (const [key, h] of [...traffic.latency].sort()) {
		const [service, method] = key.split('|');
		const labels = `service="${service}",method="${method}"`;
		buckets.forEach((le, i) => {
			lines.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${h.buckets[i]}`);
		});
		lines.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
		lines.push(`http_request_duration_seconds_sum{${labels}} ${h.sum}`);
		lines.push(`http_request_duration_seconds_count{${labels}} ${h.count}`);
	}
	lines.push(
		'# HELP lab_service_error_ratio_setting The error ratio the lab asked for.',
		'# TYPE lab_service_error_ratio_setting gauge',
	);
	for (const [service, s] of traffic.settings) {
		lines.push(`lab_service_error_ratio_setting{service="${service}"} ${s.errorRatio}`);
	}
	// The kubelet's volume stats for the lab's claims (PVC use in the Disk view).
	lines.push(...renderVolumeStats());
	// cAdvisor's CFS throttling counters for the containers a scenario throttles.
	lines.push(...(cadvisor?.render() ?? []));
	return `${lines.join('\n')}\n`;
}
