import type {HealthCheckResult, HealthData} from '../model/index.ts';
import type {ClusterView} from './kubernetes.ts';
import {wobble} from './noise.ts';
import type {Story} from './story.ts';
import {level} from './story.ts';

interface Check {
	readonly name: string;
	readonly latencyMs: number;
	readonly certDaysLeft: number;
}

// The runbook's quick checks (`curl -f https://api.yourdomain.tld/health`)
// plus the tools it links to. Grafana's certificate was renewed this morning.
const checks: readonly Check[] = [
	{name: 'api-gateway', latencyMs: 38, certDaysLeft: 54},
	{name: 'grafana', latencyMs: 22, certDaysLeft: 89},
	{name: 'prometheus', latencyMs: 9, certDaysLeft: 54},
	{name: 'status-page', latencyMs: 64, certDaysLeft: 31},
];

export function healthAt(story: Story, t: number, cluster: ClusterView): HealthData {
	return checks.map((check): HealthCheckResult => {
		const latency = Math.round(check.latencyMs * (1 + 0.25 * wobble(`health:${check.name}`, t, 3)));
		if (check.name !== 'api-gateway') {
			return {
				name: check.name,
				ok: true,
				latencyMs: latency,
				detail: '200 OK',
				certDaysLeft: check.certDaysLeft,
			};
		}
		// The gateway's /health checks its upstreams: it fails while onboarding-api cannot answer.
		const failing = story.above(level.gatewayDown, t) || cluster.running('onboarding-api') === 0;
		return failing
			? {
					name: check.name,
					ok: false,
					latencyMs: Math.round(3200 * (1 + 0.3 * wobble('health:gw-slow', t, 3))),
					detail: '503 Service Unavailable',
					certDaysLeft: check.certDaysLeft,
				}
			: {
					name: check.name,
					ok: true,
					latencyMs: Math.round(latency * (1 + 4 * story.pressure(t))),
					detail: '200 OK',
					certDaysLeft: check.certDaysLeft,
				};
	});
}
