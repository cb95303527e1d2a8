import type {ActionConfig} from '../actions/configured/config.ts';
import {scopesOf} from '../actions/configured/config.ts';
import {valuesFor} from './action-values.ts';
import {type AnyCommandId, type Command, type CommandId, commandById} from './commands.ts';
import {aroundOf} from './configured-action-commands.ts';
import {actionKeyProblems} from './configured-commands.ts';
import type {Selection} from './panels/panel.ts';
import type {AppServices} from './services.ts';

/**
 * Built-in commands a runbook step may offer by id (`actions: [restart, notify-slack]`),
 * with the kind of row each acts on (none: it needs no row).
 */
const builtInTargets = {
	restart: ['deployment', 'workload'],
	scale: ['deployment', 'workload'],
	undo: ['deployment'],
	'circuit-breaker': ['deployment'],
	'memory-limit': ['deployment'],
	'delete-pod': ['pod'],
	'pg-cancel': ['backend'],
	'pg-terminate': ['backend'],
	'renew-certificate': ['certificate'],
	'extend-pvc': ['pvc'],
	'rate-limit': [],
	'pg-terminate-idle': [],
	'delete-rotated-logs': [],
	'notify-slack': [],
	'notify-statuspage': [],
	note: [],
	'status-next': [],
	mitigated: [],
	export: [],
	'open-incident': [],
} as const satisfies Partial<Record<CommandId, readonly Selection['kind'][]>>;

export type StepBuiltIn = keyof typeof builtInTargets;
export const stepBuiltInIds = Object.keys(builtInTargets) as readonly StepBuiltIn[];
const isBuiltIn = (id: string): id is StepBuiltIn => Object.hasOwn(builtInTargets, id);

/** One line of a step's actions: what it is, what it acts on, and why it cannot run, if so. */
export interface StepActionEntry {
	readonly id: string;
	readonly key: string;
	readonly title: string;
	/** "deployment/onboarding-api", or null when it acts on no row. */
	readonly target: string | null;
	readonly disabled: string | null;
	readonly command: AnyCommandId;
	/** The row it acts on, handed to the command as if it were selected. */
	readonly selection?: Selection;
}

const objectOf = (selection: Selection): string => {
	switch (selection.kind) {
		case 'deployment':
			return `deployment/${selection.ref.name}`;
		case 'workload':
			return `${selection.ref.kind}/${selection.ref.name}`;
		case 'pod':
			return `pod/${selection.ref.name}`;
		case 'backend':
			return `backend ${selection.pid}`;
		case 'certificate':
			return `certificate/${selection.ref.name}`;
		case 'pvc':
			return `persistentvolumeclaim/${selection.ref.name}`;
		default:
			return selection.kind;
	}
};

const where: Partial<Record<Selection['kind'], string>> = {
	deployment: 'a deployment (:deploy)',
	workload: 'a deployment (:deploy)',
	pod: 'a pod (:pods)',
	backend: 'a PostgreSQL backend (:db)',
	certificate: 'a certificate (:certs)',
	pvc: 'a PVC (:disk)',
};

/**
 * The row a step's action acts on: the one selected in the grid panel the
 * user came from when it is of the right kind (as a key there would), else,
 * for a deployment, the runbook's own target (`mitigations.defaultTarget`)
 * as the cluster shows it now.
 */
function rowFor(
	kinds: readonly Selection['kind'][],
	services: AppServices,
	selected: Selection | undefined,
): Selection | {readonly error: string} {
	if (selected && kinds.includes(selected.kind)) return selected;
	const target = services.runbookTarget;
	if (kinds.includes('deployment') && target) {
		const slot = services.store.getSnapshot().slots.kubernetes;
		const data = slot.phase === 'not-configured' ? null : slot.data;
		const d = data?.deployments.find(
			(x) => x.namespace === target.namespace && x.name === target.name,
		);
		if (d)
			return {
				kind: 'deployment',
				ref: target,
				replicas: d.desired,
				memoryLimit: d.memoryLimit ?? null,
			};
		return {
			error: `deployment ${target.namespace}/${target.name} (mitigations.defaultTarget) is not in the cluster view: select ${where.deployment} first`,
		};
	}
	return {error: `select ${where[kinds[0] ?? 'deployment'] ?? 'a row'} first, then come back (R)`};
}

function builtInEntry(
	id: StepBuiltIn,
	services: AppServices,
	selected: Selection | undefined,
): StepActionEntry {
	const command: Command = commandById(id);
	const base = {id, key: command.keys[0] ?? '', title: command.description, command: id};
	if (services.readOnly && command.mutating)
		return {...base, target: null, disabled: 'read-only: irtop changes nothing'};
	const mitigation = command.mitigation;
	if (mitigation && !services.mitigations[mitigation])
		return {...base, target: null, disabled: 'not offered here (no configured backend does it)'};
	const denied = mitigation ? services.mitigations.denied?.(mitigation) : null;
	if (denied) return {...base, target: null, disabled: `not allowed: ${denied}`};
	const kinds: readonly Selection['kind'][] = builtInTargets[id];
	if (kinds.length === 0) return {...base, target: null, disabled: null};
	const row = rowFor(kinds, services, selected);
	if ('error' in row) return {...base, target: null, disabled: row.error};
	return {...base, target: objectOf(row), disabled: null, selection: row};
}

const scopeKinds: Readonly<Record<string, readonly Selection['kind'][]>> = {
	deployment: ['deployment'],
	statefulset: ['workload'],
	daemonset: ['workload'],
	pod: ['pod'],
	node: ['node'],
	'postgres-backend': ['backend'],
	'kafka-group': ['kafka-group'],
	alert: ['alert'],
	check: ['check'],
};

function configuredEntry(
	config: ActionConfig,
	services: AppServices,
	selected: Selection | undefined,
): StepActionEntry {
	const base = {
		id: config.id,
		key: config.key,
		title: config.title,
		command: `action:${config.id}` as const,
	};
	if (services.readOnly && config.mutating)
		return {...base, target: null, disabled: 'read-only: irtop changes nothing'};
	const scopes = scopesOf(config);
	const kinds = scopes.flatMap((scope) => scopeKinds[scope] ?? []);
	let row: Selection | undefined;
	if (kinds.length > 0) {
		const found = rowFor(kinds, services, selected);
		if ('error' in found) {
			if (!scopes.includes('global')) return {...base, target: null, disabled: found.error};
		} else row = found;
	}
	const values = valuesFor(config, row, aroundOf(services, row));
	if ('error' in values) return {...base, target: null, disabled: values.error};
	return {
		...base,
		target: row ? values.target.object : null,
		disabled: null,
		...(row ? {selection: row} : {}),
	};
}

/** What Enter on a runbook step offers: its actions in order, each runnable or disabled with why. */
export function stepActionEntries(
	ids: readonly string[],
	services: AppServices,
	selected: Selection | undefined,
): StepActionEntry[] {
	return ids.map((id): StepActionEntry => {
		if (isBuiltIn(id)) return builtInEntry(id, services, selected);
		const config = services.configuredActions?.find((a) => a.id === id);
		if (config) return configuredEntry(config, services, selected);
		return {
			id,
			key: '',
			title: id,
			target: null,
			disabled: 'no built-in or configured action has this id',
			command: `action:${id}`,
		};
	});
}

/**
 * A step naming an action that is neither a built-in one nor in `actions:` is
 * a config error (file:line:field), not a dead entry found at 3 a.m.
 */
export function stepActionProblems(config: {
	actions: readonly ActionConfig[];
	runbook?: readonly {steps: readonly {actions?: readonly string[]}[]}[] | undefined;
}) {
	const configured = new Set(config.actions.map((a) => a.id));
	const known = [...stepBuiltInIds, ...config.actions.map((a) => a.id)];
	return (config.runbook ?? []).flatMap((section, s) =>
		section.steps.flatMap((step, i) =>
			(step.actions ?? []).flatMap((id, a) =>
				isBuiltIn(id) || configured.has(id)
					? []
					: [
							{
								path: ['runbook', s, 'steps', i, 'actions', a],
								target: 'value' as const,
								text: `"${id}" is neither a built-in action nor an id in actions: (known: ${known.join(', ')})`,
							},
						],
			),
		),
	);
}

/** The config errors only the UI can find: key collisions, and steps naming unknown actions. */
export const uiConfigProblems = (
	config: Parameters<typeof actionKeyProblems>[0] & Parameters<typeof stepActionProblems>[0],
) => [...actionKeyProblems(config), ...stepActionProblems(config)];
