import type {DeploymentRow, KubernetesData, NodeRow, PodRow} from '../model/index.ts';
import {demoCertificates} from './certificates.ts';
import {eventRows} from './events.ts';
import {incidentEvents} from './incident-events.ts';
import {incidentDeployment} from './interventions.ts';
import {nodeSpecs, pressuredNode} from './nodes.ts';
import {clamp, wobble} from './noise.ts';
import type {Lifecycle} from './pod-lifecycle.ts';
import {lifecycle, lifecycleStatus} from './pod-lifecycle.ts';
import type {CrashLoop, Trouble} from './pod-trouble.ts';
import {podTrouble, troubledState} from './pod-trouble.ts';
import type {DeploymentPlan} from './rollout.ts';
import {versionAt} from './rollout.ts';
import type {Scenario} from './scenario.ts';
import {level} from './story.ts';
import {withUsage} from './usage.ts';

export interface ClusterView {
	readonly data: KubernetesData;
	/** Pods of a deployment whose containers run (ready or not) and that are not shutting down. */
	running(deployment: string): number;
	readonly crashLoop: CrashLoop | null;
}

/** Seconds a rollout may make no progress before it counts as stalled (progressDeadlineSeconds, compressed). */
const progressDeadlineS = 60;

interface PodView {
	readonly row: PodRow;
	readonly hash: string;
	readonly stage: Lifecycle;
	readonly ready: boolean;
}

export function clusterAt(scenario: Scenario, t: number): ClusterView {
	const {story, toMs} = scenario;
	const onboarding = scenario.plans.find(
		(p) =>
			p.spec.namespace === incidentDeployment.namespace && p.spec.name === incidentDeployment.name,
	);
	const trouble = onboarding ? podTrouble(onboarding, story, t) : null;

	const views = new Map<string, PodView[]>();
	const rows: PodRow[] = [];
	const deployments: DeploymentRow[] = [];
	for (const plan of scenario.plans) {
		const pods = podViews(plan, plan === onboarding ? trouble : null, scenario, t);
		views.set(plan.spec.name, pods);
		rows.push(...pods.map((v) => v.row));
		deployments.push(deploymentRow(plan, pods, t));
	}
	for (const pod of scenario.staticPods) {
		rows.push({
			namespace: pod.namespace,
			name: pod.name,
			status: pod.status,
			ready: pod.ready,
			restarts: pod.restarts,
			lastRestartAt: pod.lastRestartAgoS === null ? null : toMs(-pod.lastRestartAgoS),
			node: pod.node,
			createdAt: toMs(-pod.ageS),
			deployment: null,
		});
	}
	rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));

	const events = [
		...scenario.events,
		...(onboarding && trouble ? incidentEvents(onboarding, trouble, story) : []),
	];
	const nodes: NodeRow[] = nodeSpecs.map((spec) => {
		const p = story.pressure(t);
		return {
			name: spec.name,
			ready: true,
			conditions:
				spec.name === pressuredNode && story.above(level.memoryPressure, t)
					? ['MemoryPressure']
					: [],
			cpuPercent: Math.round(
				clamp(spec.cpuPercent + 4 * wobble(`cpu:${spec.name}`, t) + spec.cpuLoad * p, 1, 99),
			),
			memoryPercent: Math.round(
				clamp(
					spec.memoryPercent + 1.5 * wobble(`mem:${spec.name}`, t, 9) + spec.memoryLoad * p,
					1,
					99,
				),
			),
			pods: rows.filter((r) => r.node === spec.name && r.status !== 'Completed').length,
			createdAt: toMs(-spec.ageDays * 86_400),
		};
	});

	return {
		data: {
			context: 'demo',
			namespace: null,
			nodes,
			pods: rows.map((row) => withUsage(row, story.pressure(t), t)),
			events: eventRows(events, t, toMs),
			deployments,
			certificates: demoCertificates(toMs),
		},
		running: (name) =>
			(views.get(name) ?? []).filter(
				(v) => (v.stage === 'running' || v.stage === 'starting') && v.row.status === 'Running',
			).length,
		crashLoop: trouble?.crashLoop ?? null,
	};
}

function podViews(
	plan: DeploymentPlan,
	trouble: Trouble | null,
	scenario: Scenario,
	t: number,
): PodView[] {
	const {story, toMs} = scenario;
	const containers = plan.spec.images.length;
	const views: PodView[] = [];
	for (const pod of plan.pods) {
		const stage = lifecycle(pod, t);
		if (stage === 'absent' || stage === 'gone') continue;
		const podTroubles = trouble?.byPod.get(pod.name);
		const troubled = podTroubles ? troubledState(pod, podTroubles, story, t) : null;
		// Restarts survive into Terminating; status and readiness only apply to a running pod.
		const state =
			troubled && stage === 'running'
				? troubled
				: {
						status: lifecycleStatus[stage],
						ready: stage === 'running',
						restarts: troubled?.restarts ?? pod.restarts,
						lastRestartAt: troubled?.lastRestartAt ?? pod.lastRestartAt,
					};
		views.push({
			hash: pod.hash,
			stage,
			ready: state.ready,
			row: {
				namespace: plan.spec.namespace,
				name: pod.name,
				status: state.status,
				ready: `${state.ready ? containers : 0}/${containers}`,
				restarts: state.restarts,
				lastRestartAt: state.lastRestartAt === null ? null : toMs(state.lastRestartAt),
				node: pod.node,
				createdAt: toMs(pod.createdAt),
				deployment: plan.spec.name,
				containers: [plan.spec.name],
			},
		});
	}
	return views;
}

function deploymentRow(plan: DeploymentPlan, pods: readonly PodView[], t: number): DeploymentRow {
	const version = versionAt(plan, t);
	const serving = pods.filter((v) => v.stage !== 'terminating');
	const updated = serving.filter((v) => v.hash === version.hash);
	const ready = serving.filter((v) => v.ready).length;
	// Rollout progress is about the controller's view (new pods passed readiness once), not the incident.
	const settled = updated.filter((v) => v.stage === 'running').length;
	const progressing =
		updated.length !== version.desired ||
		serving.length !== updated.length ||
		settled < updated.length;
	const rollout = !progressing
		? 'complete'
		: t - version.at > progressDeadlineS
			? 'stalled'
			: 'progressing';
	return {
		namespace: plan.spec.namespace,
		name: plan.spec.name,
		desired: version.desired,
		ready,
		updated: updated.length,
		available: ready,
		revision: version.revision,
		rollout,
		images: plan.spec.images,
	};
}
