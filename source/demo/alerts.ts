import type {
	AlertRow,
	AlertsData,
	KafkaData,
	PostgresData,
	PrometheusData,
} from '../model/index.ts';
import {findDeployment} from './inventory.ts';
import type {ClusterView} from './kubernetes.ts';
import {fingerprint, templateHash} from './names.ts';
import {pressuredNode} from './nodes.ts';
import {errorLevel} from './prometheus.ts';
import {podName} from './rollout.ts';
import type {Scenario} from './scenario.ts';
import {level} from './story.ts';

export interface AlertInputs {
	readonly cluster: ClusterView;
	readonly prometheus: PrometheusData;
	readonly postgres: PostgresData;
	readonly kafka: KafkaData;
}

interface Rule {
	readonly name: string;
	readonly severity: string;
	/** Labels besides alertname and severity, for the fingerprint. */
	readonly labels: string;
	/** Seconds since the start: fired at, resolved at (null = still firing). */
	readonly from: number | null;
	readonly until: number | null;
	readonly summary: () => string;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;

/**
 * Alertmanager's active alerts. Each rule fires once its condition has held
 * for its `for:` (compressed to tens of seconds) and resolves as soon as the
 * condition stops, as Prometheus does.
 */
export function alertsAt(scenario: Scenario, t: number, inputs: AlertInputs): AlertsData {
	const {story, toMs} = scenario;
	const after = (at: number | null, delay: number) => (at === null ? null : at + delay);
	const onboarding = inputs.prometheus.services.find((s) => s.name === 'onboarding-api');
	const workers = inputs.kafka.groups.find((g) => g.group === 'onboarding-workers');
	const node = inputs.cluster.data.nodes.find((n) => n.name === pressuredNode);
	const loop = inputs.cluster.crashLoop;
	const {total, max} = inputs.postgres.connections;

	const rules: Rule[] = [
		{
			name: 'OnboardingApiHighErrorRate',
			severity: 'critical',
			labels: 'namespace=business-onboarding,service=onboarding-api',
			from: after(story.riseAt(errorLevel), 30),
			until: story.fallAt(errorLevel),
			summary: () =>
				onboarding?.errorRatio == null
					? 'onboarding-api 5xx error ratio is above 1% on /onboarding/v1/cases'
					: `onboarding-api 5xx error ratio is ${percent(onboarding.errorRatio)} (threshold 1%) on /onboarding/v1/cases`,
		},
		{
			name: 'PostgresqlTooManyConnections',
			severity: 'warning',
			labels: 'namespace=platform-observability,instance=postgresql',
			from: after(story.riseAt(level.connections), 30),
			until: story.fallAt(level.connections),
			summary: () =>
				`PostgreSQL is using ${Math.round((100 * total) / max)}% of max_connections (${total}/${max})`,
		},
		{
			name: 'KubePodCrashLooping',
			severity: 'warning',
			labels: `namespace=business-onboarding,pod=${loop?.pod ?? ''}`,
			from: after(loop?.cycles[0]?.diedAt ?? null, 45),
			until: loop?.endedAt ?? null,
			summary: () =>
				`Pod business-onboarding/${loop?.pod} (onboarding-api) is in waiting state (reason: "CrashLoopBackOff").`,
		},
		{
			name: 'KafkaConsumerGroupLagging',
			severity: 'warning',
			labels: 'consumergroup=onboarding-workers',
			from: after(story.riseAt(level.workerStall), 40),
			until: after(story.recoveryStart, 22),
			summary: () =>
				`Consumer group onboarding-workers is ${workers?.lag ?? 0} messages behind and not committing`,
		},
		{
			name: 'NodeMemoryHighUtilization',
			severity: 'warning',
			labels: `instance=${pressuredNode}`,
			from: after(story.riseAt(level.memoryPressure), 15),
			until: story.fallAt(level.memoryPressure),
			summary: () =>
				`Memory is filling up on ${pressuredNode} (${node?.memoryPercent ?? '?'}% used)`,
		},
	];

	const firing: AlertRow[] = rules
		.filter(
			(r) =>
				r.from !== null && t >= r.from && (r.until === null || (t < r.until && r.from < r.until)),
		)
		.map((r) => ({
			fingerprint: fingerprint(`${r.name}{${r.labels}}`),
			name: r.name,
			severity: r.severity,
			startsAt: toMs(r.from as number),
			summary: r.summary(),
			state: 'active',
			silenced: false,
			inhibited: false,
		}));
	return [silencedThrottling(scenario), ...firing];
}

/** A long-standing, silenced info alert: real Alertmanagers always carry one. */
function silencedThrottling(scenario: Scenario): AlertRow {
	const revision = findDeployment('business-payments', 'notifications-api')?.revision ?? 1;
	const pod = podName('notifications-api', templateHash('notifications-api', revision), 0);
	return {
		fingerprint: fingerprint(
			'CPUThrottlingHigh{namespace=business-payments,container=notifications-api}',
		),
		name: 'CPUThrottlingHigh',
		severity: 'info',
		startsAt: scenario.toMs(-2 * 3600 - 14 * 60),
		summary: `43% throttling of CPU in namespace business-payments for container notifications-api in pod ${pod}.`,
		state: 'suppressed',
		silenced: true,
		inhibited: false,
	};
}
