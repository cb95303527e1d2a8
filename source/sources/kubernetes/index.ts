import type {Mitigations} from '../../actions/mitigations.ts';
import type {PodDescription} from '../../model/index.ts';
import {type ConnectOptions, connect} from './connect.ts';
import {describePod} from './describe.ts';
import {LogTail} from './logs.ts';
import {type KubernetesMitigationSettings, kubernetesMitigations} from './mitigations.ts';
import {PermissionCache} from './permission-cache.ts';
import {extendPvcAction} from './pvc-expand.ts';
import {type RolloutReport, RolloutTracker} from './rollout-tracker.ts';
import {KubernetesSource, type KubernetesSourceOptions} from './source.ts';

export {connect} from './connect.ts';
export {kubernetesMitigations} from './mitigations.ts';
export {podColumns} from './pod-status.ts';
export {KubernetesSource} from './source.ts';

export interface OpenedKubernetes {
	readonly source: KubernetesSource;
	readonly mitigations: Mitigations;
	readonly context: string;
	readonly namespace: string | null;
	/** Tails a pod's log, followed (`kubectl logs --tail=100 -f [--previous]`). */
	podLogs(
		pod: {readonly namespace: string; readonly name: string},
		previous: boolean,
		onChange: () => void,
	): LogTail;
	/** One pod as `kubectl describe pod` shows it, read fresh (one GET). */
	describePod(
		pod: {readonly namespace: string; readonly name: string},
		signal: AbortSignal,
	): Promise<PodDescription>;
}

/** The one entry point session.ts imports (dynamically, so the demo never loads the client). */
export function openKubernetes(
	options: ConnectOptions,
	settings: KubernetesMitigationSettings,
	sourceOptions?: KubernetesSourceOptions,
	/** Told once when a rollout a mitigation started completes or stalls (the timeline). */
	onRollout?: RolloutReport,
): OpenedKubernetes {
	const connection = connect(options);
	const rollouts = onRollout ? new RolloutTracker(onRollout) : undefined;
	const permissions = new PermissionCache(
		connection.kc,
		connection.namespace,
		settings.rateLimit.namespace,
	);
	return {
		source: new KubernetesSource(connection, {...sourceOptions, rollouts, permissions}),
		mitigations: {
			...kubernetesMitigations(connection, settings, rollouts, permissions),
			extendPvc: (ref, size) => extendPvcAction(connection, ref, size),
		},
		context: connection.context,
		namespace: connection.namespace,
		describePod: (pod, signal) => describePod(connection.kc, pod, signal),
		podLogs(pod, previous, onChange) {
			const tail = new LogTail(onChange);
			void tail.start(connection.kc, {
				namespace: pod.namespace,
				pod: pod.name,
				previous,
				follow: !previous,
			});
			return tail;
		},
	};
}
