import type {Mitigations} from '../../actions/mitigations.ts';
import {type ConnectOptions, connect} from './connect.ts';
import {type KubernetesMitigationSettings, kubernetesMitigations} from './mitigations.ts';
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
}

/** The one entry point session.ts imports (dynamically, so the demo never loads the client). */
export function openKubernetes(
	options: ConnectOptions,
	settings: KubernetesMitigationSettings,
	sourceOptions?: KubernetesSourceOptions,
): OpenedKubernetes {
	const connection = connect(options);
	return {
		source: new KubernetesSource(connection, sourceOptions),
		mitigations: kubernetesMitigations(connection, settings),
		context: connection.context,
		namespace: connection.namespace,
	};
}
