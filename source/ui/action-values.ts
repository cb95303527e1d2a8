import type {ActionTarget} from '../actions/action.ts';
import type {ActionConfig, ActionScope} from '../actions/configured/config.ts';
import {scopesOf} from '../actions/configured/config.ts';
import type {Selection} from './panels/panel.ts';

export interface RowValues {
	readonly values: Readonly<Record<string, string | undefined>>;
	readonly target: ActionTarget;
}

/** A pod's containers as the store knows them (PodRow), for `{container}`. */
export interface PodContainers {
	readonly containers?: readonly string[];
	readonly defaultContainer?: string | null;
}

interface Around {
	readonly context: string | null;
	readonly namespace: string | null;
	readonly incident: {readonly id: string; readonly title: string} | null;
	/** The selected pod's row in the store, when there is one. */
	readonly pod?: PodContainers;
}

/**
 * `{container}` of a pod: its only container, or the one its
 * `kubectl.kubernetes.io/default-container` annotation names (as kubectl
 * logs and exec choose). A pod with several and no default has no choice
 * irtop could make for the user: refused, naming them (k9s offers
 * `$CONTAINER` only once a container is selected).
 */
export function containerOf(
	pod: string,
	known: PodContainers | undefined,
): {readonly value: string} | {readonly error: string} {
	const containers = known?.containers;
	if (!containers || containers.length === 0)
		return {error: `{container}: the containers of pod ${pod} are not known yet`};
	if (containers.length === 1) return {value: containers[0] as string};
	const chosen = known.defaultContainer;
	if (chosen && containers.includes(chosen)) return {value: chosen};
	return {
		error: `{container}: pod ${pod} has ${containers.length} containers (${containers.join(', ')}) and no kubectl.kubernetes.io/default-container annotation: irtop will not guess which one`,
	};
}

const scopeOfSelection: Readonly<Record<Selection['kind'], ActionScope | null>> = {
	deployment: 'deployment',
	pod: 'pod',
	node: 'node',
	backend: 'postgres-backend',
	'kafka-group': 'kafka-group',
	alert: 'alert',
	check: 'check',
	// A StatefulSet's or DaemonSet's scope is its own kind (statefulset, daemonset).
	workload: null,
	certificate: null,
	pvc: null,
	'rotated-logs': null,
	'runbook-step': null,
};

function scopeOf(selection: Selection): ActionScope | null {
	return selection.kind === 'workload' ? selection.ref.kind : scopeOfSelection[selection.kind];
}

function rowValues(selection: Selection): Record<string, string | undefined> & {object: string} {
	switch (selection.kind) {
		case 'deployment':
			return {
				kind: 'deployment',
				name: selection.ref.name,
				namespace: selection.ref.namespace,
				object: `deployment/${selection.ref.name}`,
			};
		case 'pod':
			return {
				kind: 'pod',
				name: selection.ref.name,
				pod: selection.ref.name,
				namespace: selection.ref.namespace,
				node: selection.node ?? undefined,
				object: `pod/${selection.ref.name}`,
			};
		case 'node':
			return {
				kind: 'node',
				name: selection.name,
				node: selection.name,
				object: `node/${selection.name}`,
			};
		case 'backend':
			return {
				kind: 'postgres-backend',
				pid: String(selection.pid),
				object: `backend ${selection.pid}`,
			};
		case 'kafka-group':
			return {
				kind: 'kafka-group',
				name: selection.group,
				group: selection.group,
				object: `group ${selection.group}`,
			};
		case 'alert':
			return {
				kind: 'alert',
				name: selection.name,
				alertname: selection.name,
				object: `alert ${selection.name}`,
			};
		case 'check':
			return {kind: 'check', name: selection.name, object: `check ${selection.name}`};
		case 'workload':
			return {
				kind: selection.ref.kind,
				name: selection.ref.name,
				namespace: selection.ref.namespace,
				object: `${selection.ref.kind}/${selection.ref.name}`,
			};
		case 'certificate':
			return {
				kind: 'certificate',
				name: selection.ref.name,
				object: `certificate/${selection.ref.name}`,
			};
		case 'pvc':
			return {
				kind: 'persistentvolumeclaim',
				name: selection.ref.name,
				namespace: selection.ref.namespace,
				object: `persistentvolumeclaim/${selection.ref.name}`,
			};
		case 'rotated-logs':
			return {kind: 'rotated-logs', name: selection.root, object: selection.root};
		case 'runbook-step':
			return {kind: 'runbook-step', name: selection.title, object: selection.title};
	}
}

const usesContainer = (action: ActionConfig) =>
	action.command.some((element) => element.includes('{container}'));

/**
 * What a configured action's placeholders are filled with on this row, or why
 * it cannot run here ("select a deployment first"). A global action takes no
 * row; a scoped one takes the selected row only when it is of its scope.
 */
export function valuesFor(
	action: ActionConfig,
	selection: Selection | undefined,
	around: Around,
): RowValues | {readonly error: string} {
	const scopes = scopesOf(action);
	const common = {
		context: around.context ?? undefined,
		namespace: around.namespace ?? undefined,
		'incident.id': around.incident?.id,
		'incident.title': around.incident?.title,
	};
	const rowScope = selection ? scopeOf(selection) : null;
	if (selection && rowScope && scopes.includes(rowScope)) {
		const {object, ...row} = rowValues(selection);
		if (selection.kind === 'pod' && usesContainer(action)) {
			const container = containerOf(selection.ref.name, around.pod);
			if ('error' in container) return {error: `${action.title}: ${container.error}`};
			row.container = container.value;
		}
		const values = {...common, ...row};
		return {values, target: {context: around.context, namespace: values.namespace ?? null, object}};
	}
	if (scopes.includes('global'))
		return {
			values: common,
			target: {context: around.context, namespace: around.namespace, object: action.id},
		};
	return {error: `${action.title}: select a ${scopes.join(' or ')} first`};
}
