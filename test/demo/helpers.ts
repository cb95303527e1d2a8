import type {DeploymentRef} from '../../source/actions/mitigations.ts';
import {DemoWorld} from '../../source/demo/index.ts';
import type {SourceDataMap} from '../../source/model/index.ts';

/** The runbook's example start: 2025-10-21 14:30 UTC. */
export const start = Date.UTC(2025, 9, 21, 14, 30);
export const onboardingApi: DeploymentRef = {
	namespace: 'business-onboarding',
	name: 'onboarding-api',
};

export const ms = (seconds: number) => start + seconds * 1000;

export function world(): DemoWorld {
	return new DemoWorld(start, {now: () => start});
}

export function at(w: DemoWorld, seconds: number): SourceDataMap {
	return w.at(ms(seconds));
}

export function onboardingErrors(data: SourceDataMap): number | null {
	return data.prometheus.services.find((s) => s.name === 'onboarding-api')?.errorRatio ?? null;
}

export function onboardingPods(data: SourceDataMap) {
	return data.kubernetes.pods.filter((p) => p.deployment === 'onboarding-api');
}

export function workersGroup(data: SourceDataMap) {
	const group = data.kafka.groups.find((g) => g.group === 'onboarding-workers');
	if (!group) throw new Error('no onboarding-workers group');
	return group;
}

/** Every second in [from, to] (inclusive), for "at some moment" and "at every moment" checks. */
export function seconds(from: number, to: number, step = 1): number[] {
	return Array.from({length: Math.floor((to - from) / step) + 1}, (_, i) => from + i * step);
}
