import type {EventSpec, Series} from './events.ts';
import {containerName} from './inventory.ts';
import {uid} from './names.ts';
import {nodeSpecs, pressuredNode} from './nodes.ts';
import {hash} from './noise.ts';
import type {Trouble} from './pod-trouble.ts';
import type {DeploymentPlan, PodPlan} from './rollout.ts';
import type {Story} from './story.ts';
import {level} from './story.ts';

// The warning stream that grows with the incident: failing probes, kills,
// back-offs, OOMs and the node's memory pressure.

function podIp(pod: PodPlan): string {
	const node = Math.max(
		0,
		nodeSpecs.findIndex((n) => n.name === pod.node),
	);
	return `10.42.${node}.${10 + (hash(pod.name) % 200)}`;
}

/** From the later of two starts until the earlier of two ends; null when empty. */
function window(
	from: number,
	until: number | null,
	podEnd: number | null,
	every: number,
): Series | null {
	const end = Math.min(until ?? Number.POSITIVE_INFINITY, podEnd ?? Number.POSITIVE_INFINITY);
	if (from >= end) return null;
	return {from, every, until: Number.isFinite(end) ? end : null};
}

export function incidentEvents(plan: DeploymentPlan, trouble: Trouble, story: Story): EventSpec[] {
	const {namespace} = plan.spec;
	const image = plan.spec.images[0] ?? '';
	const container = containerName(image);
	const events: EventSpec[] = [];
	const add = (
		type: 'Normal' | 'Warning',
		reason: string,
		object: string,
		message: string,
		times: EventSpec['times'],
	) => events.push({namespace, type, reason, object, message, times});

	for (const pod of plan.pods) {
		const info = trouble.byPod.get(pod.name);
		if (!info || pod.readyAt === null) continue;
		const object = `pod/${pod.name}`;
		const readinessRise = story.riseAt(info.readinessLevel);
		const readiness =
			readinessRise === null
				? null
				: window(
						Math.max(readinessRise, pod.readyAt),
						story.fallAt(info.readinessLevel),
						pod.terminatingAt,
						5,
					);
		if (readiness)
			add(
				'Warning',
				'Unhealthy',
				object,
				'Readiness probe failed: HTTP probe failed with statuscode: 503',
				readiness,
			);

		if (info.kills.length === 0 && info.crashes.length === 0) continue;
		const livenessRise = story.riseAt(level.liveness);
		const liveness =
			livenessRise === null
				? null
				: window(
						Math.max(livenessRise, pod.readyAt),
						story.fallAt(level.liveness),
						pod.terminatingAt,
						10,
					);
		const probe = `Get "http://${podIp(pod)}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
		if (liveness) add('Warning', 'Unhealthy', object, `Liveness probe failed: ${probe}`, liveness);
		if (info.kills.length > 0) {
			add(
				'Normal',
				'Killing',
				object,
				`Container ${container} failed liveness probe, will be restarted`,
				info.kills,
			);
		}
		for (const cycle of info.crashes) {
			const backOff = `Back-off restarting failed container ${container} in pod ${pod.name}_${namespace}(${uid(pod.name)})`;
			add('Warning', 'BackOff', object, backOff, {
				from: cycle.diedAt + 1,
				every: 10,
				until: cycle.restartAt ?? pod.terminatingAt,
			});
			events.push({
				namespace: 'default',
				type: 'Warning',
				reason: 'SystemOOM',
				object: `node/${pod.node ?? pressuredNode}`,
				message: `System OOM encountered, victim process: node, pid: ${30_000 + (hash(`${pod.name}@${cycle.diedAt}`) % 20_000)}`,
				times: [cycle.diedAt],
			});
		}
		const starts = [
			...info.kills.map((k) => k + 1),
			...info.crashes.flatMap((c) => (c.restartAt === null ? [] : [c.restartAt])),
		];
		add(
			'Normal',
			'Pulled',
			object,
			`Container image "${image}" already present on machine`,
			starts,
		);
		add('Normal', 'Created', object, `Created container: ${container}`, starts);
		add('Normal', 'Started', object, `Started container ${container}`, starts);
	}
	return [...events, ...nodeEvents(story)];
}

function nodeEvents(story: Story): EventSpec[] {
	const rise = story.riseAt(level.memoryPressure);
	if (rise === null) return [];
	const fall = story.fallAt(level.memoryPressure);
	const object = `node/${pressuredNode}`;
	const node = (
		type: 'Normal' | 'Warning',
		reason: string,
		message: string,
		times: EventSpec['times'],
	): EventSpec => ({
		namespace: 'default',
		type,
		reason,
		object,
		message,
		times,
	});
	return [
		node(
			'Normal',
			'NodeHasInsufficientMemory',
			`Node ${pressuredNode} status is now: NodeHasInsufficientMemory`,
			[rise],
		),
		node('Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory', {
			from: rise,
			every: 10,
			until: fall,
		}),
		...(fall === null
			? []
			: [
					node(
						'Normal',
						'NodeHasSufficientMemory',
						`Node ${pressuredNode} status is now: NodeHasSufficientMemory`,
						[fall],
					),
				]),
	];
}
