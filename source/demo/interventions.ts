import type {DeploymentRef} from '../actions/mitigations.ts';
import {queryStartS} from './story.ts';

/** What a user did to the demo cluster; `at` is epoch milliseconds. */
export type Intervention =
	| {
			readonly kind: 'restart';
			readonly namespace: string;
			readonly name: string;
			readonly at: number;
	  }
	| {
			readonly kind: 'scale';
			readonly namespace: string;
			readonly name: string;
			readonly replicas: number;
			readonly at: number;
	  };

/** The deployment whose restart or scale ends the incident. */
export const incidentDeployment: DeploymentRef = {
	namespace: 'business-onboarding',
	name: 'onboarding-api',
};

export function isDeployment(intervention: Intervention, ref: DeploymentRef): boolean {
	return intervention.namespace === ref.namespace && intervention.name === ref.name;
}

/** What kubectl prints for a --replicas value it refuses (flag parsing, then validation), or null. */
export function replicasError(replicas: number): string | null {
	if (!Number.isInteger(replicas)) {
		const text = String(replicas);
		return `Error: invalid argument "${text}" for "--replicas" flag: strconv.ParseInt: parsing "${text}": invalid syntax`;
	}
	if (replicas < 0)
		return 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0';
	return null;
}

/**
 * Seconds after the start when onboarding-api was first restarted or
 * rescaled while the incident was under way, or null. A restart before the
 * long query exists fixes nothing, and scaling to the current count is a no-op.
 */
export function mitigationAt(
	interventions: readonly Intervention[],
	startedAt: number,
	initialReplicas: number,
): number | null {
	let desired = initialReplicas;
	for (const intervention of interventions) {
		if (!isDeployment(intervention, incidentDeployment)) continue;
		const t = (intervention.at - startedAt) / 1000;
		const changes = intervention.kind === 'restart' || intervention.replicas !== desired;
		if (intervention.kind === 'scale') desired = intervention.replicas;
		if (changes && t >= queryStartS) return t;
	}
	return null;
}
