import type {PrometheusData, ServiceRates} from '../model/index.ts';
import type {ClusterView} from './kubernetes.ts';
import {roundTo, wobble} from './noise.ts';
import type {Story} from './story.ts';

/** The runbook's "if > 1 %, investigate further". */
export const errorThreshold = 0.01;

const onboardingBase = 0.0025;
const onboardingAmp = 0.12;
const onboardingExp = 1.6;

/** onboarding-api's 5xx ratio without jitter: 0.25 % at rest, about 12 % when the pool is exhausted. */
export function onboardingErrorRatio(pressure: number): number {
	return onboardingBase + onboardingAmp * pressure ** onboardingExp;
}

/** The pressure at which onboarding-api crosses the threshold (≈ 0.18). */
export const errorLevel =
	((errorThreshold - onboardingBase) / onboardingAmp) ** (1 / onboardingExp);

function service(name: string, rate: number, ratio: number, p99: number): ServiceRates {
	return {
		name,
		errorRatio: roundTo(ratio, 5),
		requestRate: roundTo(rate, 1),
		p99Seconds: roundTo(p99, 3),
	};
}

export function prometheusAt(story: Story, t: number, cluster: ClusterView): PrometheusData {
	const p = story.pressure(t);
	const w = (key: string, period = 4) => wobble(`prom:${key}`, t, period);

	// Clients retry failed calls, so the request rate rises with the errors.
	const onboardingRate = 42 * (1 + 0.25 * p) * (1 + 0.05 * w('onb-rate'));
	const onboardingUp = cluster.running('onboarding-api') > 0;
	const onboarding: ServiceRates = onboardingUp
		? service(
				'onboarding-api',
				onboardingRate,
				onboardingErrorRatio(p) * (1 + 0.1 * w('onb-err', 3)),
				Math.min(10, 0.24 + 9.6 * p ** 1.3) * (1 + 0.06 * w('onb-p99')),
			)
		: // No pod left to scrape: Prometheus has no series for the service.
			{name: 'onboarding-api', errorRatio: null, requestRate: null, p99Seconds: null};
	// payments-api shares the database, so it feels the locks too, but stays under 1 %.
	const payments = service(
		'payments-api',
		118 * (1 + 0.06 * w('pay-rate')),
		(0.0012 + 0.003 * p) * (1 + 0.15 * w('pay-err', 3)),
		(0.11 + 0.5 * p) * (1 + 0.08 * w('pay-p99')),
	);
	const notifications = service(
		'notifications-api',
		27 * (1 + 0.08 * w('not-rate')),
		0.0006 * (1 + 0.3 * w('not-err', 3)),
		0.08 * (1 + 0.1 * w('not-p99')),
	);

	// The gateway sees every request; when onboarding-api is gone, its share fails with 503.
	const downstream = [
		{
			rate: onboardingRate,
			ratio: onboardingUp ? (onboarding.errorRatio ?? 0) : 1,
			p99: onboarding.p99Seconds ?? 0,
		},
		{
			rate: payments.requestRate ?? 0,
			ratio: payments.errorRatio ?? 0,
			p99: payments.p99Seconds ?? 0,
		},
		{
			rate: notifications.requestRate ?? 0,
			ratio: notifications.errorRatio ?? 0,
			p99: notifications.p99Seconds ?? 0,
		},
	];
	const gatewayRate = downstream.reduce((n, d) => n + d.rate, 0) + 6;
	const gatewayErrors = downstream.reduce((n, d) => n + d.rate * d.ratio, 0) + 0.0002 * gatewayRate;
	const gateway = service(
		'api-gateway',
		gatewayRate,
		gatewayErrors / gatewayRate,
		Math.max(...downstream.map((d) => d.p99)) + 0.015,
	);
	return {services: [onboarding, payments, notifications, gateway], threshold: errorThreshold};
}
