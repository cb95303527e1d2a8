import type {EventSpec} from './events.ts';
import {containerName} from './inventory.ts';
import type {DeploymentPlan} from './rollout.ts';

const unschedulable =
	'0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

/** The events a restart or scale leaves behind: ReplicaSet scaling, pod creation, shutdown. */
export function rolloutEvents(plan: DeploymentPlan): EventSpec[] {
	const {spec} = plan;
	const namespace = spec.namespace;
	const containers = spec.images.map((image) => ({image, name: containerName(image)}));
	const events: EventSpec[] = [];
	const normal = (reason: string, object: string, message: string, at: number): EventSpec => ({
		namespace,
		type: 'Normal',
		reason,
		object,
		message,
		times: [at],
	});

	for (const step of plan.steps) {
		const verb = step.to > step.from ? 'up' : 'down';
		events.push(
			normal(
				'ScalingReplicaSet',
				`deployment/${spec.name}`,
				`Scaled ${verb} replica set ${step.replicaSet} to ${step.to} from ${step.from}`,
				step.at,
			),
		);
	}
	for (const pod of plan.pods) {
		const replicaSet = `replicaset/${spec.name}-${pod.hash}`;
		const object = `pod/${pod.name}`;
		if (!pod.initial) {
			events.push(
				normal('SuccessfulCreate', replicaSet, `Created pod: ${pod.name}`, pod.createdAt),
			);
			if (pod.node === null) {
				events.push({
					namespace,
					type: 'Warning',
					reason: 'FailedScheduling',
					object,
					message: unschedulable,
					times: {from: pod.createdAt, every: 10, until: pod.terminatingAt},
				});
			} else {
				const at = pod.createdAt;
				events.push(
					normal(
						'Scheduled',
						object,
						`Successfully assigned ${namespace}/${pod.name} to ${pod.node}`,
						at,
					),
				);
				for (const c of containers) {
					events.push(
						normal(
							'Pulled',
							object,
							`Container image "${c.image}" already present on machine`,
							at + 1.2,
						),
					);
					events.push(normal('Created', object, `Created container: ${c.name}`, at + 1.6));
					events.push(normal('Started', object, `Started container ${c.name}`, at + 2.4));
				}
			}
		}
		if (pod.terminatingAt !== null) {
			// A pod that never got a node has no container to stop.
			for (const c of pod.node === null ? [] : containers) {
				events.push(normal('Killing', object, `Stopping container ${c.name}`, pod.terminatingAt));
			}
			events.push(
				normal('SuccessfulDelete', replicaSet, `Deleted pod: ${pod.name}`, pod.terminatingAt),
			);
		}
	}
	return events;
}
