import {backgroundEvents} from './background-events.ts';
import type {EventSpec} from './events.ts';
import type {Intervention} from './interventions.ts';
import {incidentDeployment, isDeployment, mitigationAt} from './interventions.ts';
import {deploymentSpecs, findDeployment} from './inventory.ts';
import type {DeploymentChange, DeploymentPlan} from './rollout.ts';
import {planDeployment} from './rollout.ts';
import {rolloutEvents} from './rollout-events.ts';
import type {StaticPodSpec} from './static-pods.ts';
import {staticPods} from './static-pods.ts';
import {Story} from './story.ts';

/**
 * Everything that follows from the start time and the interventions alone:
 * the story's curve, every deployment's pod plan, the events that do not
 * depend on when you look. Rebuilt only when an intervention is recorded.
 */
export interface Scenario {
	readonly startedAt: number;
	/** Seconds since the start → epoch milliseconds. */
	readonly toMs: (s: number) => number;
	readonly story: Story;
	readonly plans: readonly DeploymentPlan[];
	readonly staticPods: readonly StaticPodSpec[];
	readonly events: readonly EventSpec[];
}

export function buildScenario(startedAt: number, interventions: readonly Intervention[]): Scenario {
	const toMs = (s: number) => Math.round(startedAt + s * 1000);
	const sorted = interventions.toSorted((a, b) => a.at - b.at);
	const initialReplicas =
		findDeployment(incidentDeployment.namespace, incidentDeployment.name)?.replicas ?? 0;
	const story = new Story(mitigationAt(sorted, startedAt, initialReplicas));
	const plans = deploymentSpecs.map((spec) => {
		const changes = sorted
			.filter((i) => isDeployment(i, spec))
			.map((i): DeploymentChange => {
				const at = (i.at - startedAt) / 1000;
				return i.kind === 'restart'
					? {at, kind: 'restart'}
					: {at, kind: 'scale', replicas: i.replicas};
			});
		return planDeployment(spec, changes);
	});
	return {
		startedAt,
		toMs,
		story,
		plans,
		staticPods: staticPods(startedAt),
		events: [...backgroundEvents(startedAt), ...plans.flatMap(rolloutEvents)],
	};
}
