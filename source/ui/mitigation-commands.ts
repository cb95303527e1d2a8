import type {Dispatch} from 'react';
import type {Action} from '../actions/action.ts';
import type {CommandId} from './commands.ts';
import type {Selection} from './panels/panel.ts';
import type {AppServices} from './services.ts';
import type {Overlay, UiEvent} from './state.ts';

/** "restart is not available here", "PostgreSQL actions are not available here". */
export const unavailable = (what: string) =>
	`${what} ${what.endsWith('s') ? 'are' : 'is'} not available here`;

/**
 * Each connection is a backend process with its own memory; past ten times the
 * current value (or PostgreSQL's own limit) the fix is a pooler, not this key.
 */
export const maxConnectionsBound = (current: number) =>
	Math.min(262_143, Math.max(current * 10, 100));

/** Why a new max_connections is refused; null when it is a whole number above `current`, within the bound. */
export function maxConnectionsError(text: string, current: number): string | null {
	const value = Number(text.trim());
	const bound = maxConnectionsBound(current);
	if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value))
		return `a whole number above ${current}`;
	if (value <= current) return `${value} is not above ${current}`;
	if (value > bound) return `at most ${bound} (10× the current)`;
	return null;
}

/** The selected object when it is a `kind` and the backend offers the action; undefined (and said why) otherwise. */
export type Target = <K extends Selection['kind']>(
	kind: K,
	offered: unknown,
	what: string,
) => Extract<Selection, {kind: K}> | undefined;

/**
 * The keys that change a system (Kubernetes and PostgreSQL mitigations) and
 * the one-value prompts some of them ask first. Each ends in `offer`, which
 * checks the permission and opens the one confirmation. Returns false for
 * commands and overlays that are not its own.
 */
export function mitigationCommands(
	dispatch: Dispatch<UiEvent>,
	services: AppServices,
	target: Target,
	/** The selected row's object, to tell a Deployment from a StatefulSet before asking for one. */
	selected: () => Selection | undefined,
	offer: (build: () => Action | undefined | Promise<Action | undefined>, missing: string) => void,
) {
	const {mitigations} = services;
	const currentMaxConnections = () => {
		const slot = services.store.getSnapshot().slots.postgres;
		return slot.phase === 'not-configured' ? undefined : slot.data?.connections.max || undefined;
	};
	/** The action on the selected object, confirmed: most mitigation keys are just this. */
	const confirmOn = <K extends Selection['kind']>(
		kind: K,
		offered: unknown,
		what: string,
		build: (
			selected: Extract<Selection, {kind: K}>,
		) => Action | undefined | Promise<Action | undefined>,
	): true => {
		const selected = target(kind, offered, what);
		if (selected) offer(() => build(selected), unavailable(what));
		return true;
	};

	const run = (command: CommandId): boolean => {
		switch (command) {
			case 'renew-certificate':
				return confirmOn('certificate', mitigations.renewCertificate, 'renewal', (c) =>
					mitigations.renewCertificate?.(c.ref),
				);
			case 'restart':
				if (selected()?.kind === 'workload')
					return confirmOn('workload', mitigations.restartWorkload, 'restart', (w) =>
						mitigations.restartWorkload?.(w.ref),
					);
				return confirmOn('deployment', mitigations.restartDeployment, 'restart', (d) =>
					mitigations.restartDeployment?.(d.ref),
				);
			case 'scale': {
				const current = selected();
				if (current?.kind === 'workload') {
					if (current.ref.kind === 'daemonset') {
						const text = 'a DaemonSet runs one pod per node: it cannot be scaled';
						dispatch({type: 'message', text, tone: 'warn'});
						return true;
					}
					const w = target('workload', mitigations.scaleStatefulSet, 'scale');
					if (w) {
						const {namespace, name} = w.ref;
						const text = String(w.replicas);
						dispatch({
							type: 'overlay',
							overlay: {
								kind: 'scale',
								target: {namespace, name},
								workload: w.ref,
								current: w.replicas,
								text,
							},
						});
					}
					return true;
				}
				const d = target('deployment', mitigations.scaleDeployment, 'scale');
				if (d) {
					const text = String(d.replicas);
					dispatch({
						type: 'overlay',
						overlay: {kind: 'scale', target: d.ref, current: d.replicas, text},
					});
				}
				return true;
			}
			case 'memory-limit': {
				const d = target('deployment', mitigations.setMemoryLimit, 'memory limit');
				if (d) {
					const current = d.memoryLimit ?? 'none';
					dispatch({
						type: 'overlay',
						overlay: {kind: 'scale', purpose: 'memory', target: d.ref, current, text: '1Gi'},
					});
				}
				return true;
			}
			case 'rate-limit': {
				// The target is configured (mitigations.rateLimit), so the action names it.
				const probe = mitigations.rateLimit?.(0);
				if (!probe) {
					dispatch({type: 'message', text: unavailable('rate limit'), tone: 'warn'});
					return true;
				}
				const [kind, name = ''] = probe.target.object.split('/');
				dispatch({
					type: 'overlay',
					overlay: {
						kind: 'scale',
						purpose: 'rate-limit',
						target: {
							namespace: probe.target.namespace ?? '',
							name: kind === 'configmap' ? name : '',
						},
						current: '?',
						text: '200',
					},
				});
				return true;
			}
			case 'undo':
				return confirmOn('deployment', mitigations.undoDeployment, 'undo', (d) =>
					mitigations.undoDeployment?.(d.ref),
				);
			case 'circuit-breaker':
				return confirmOn('deployment', mitigations.circuitBreaker, 'the circuit breaker', (d) =>
					mitigations.circuitBreaker?.(d.ref),
				);
			case 'delete-pod':
				return confirmOn('pod', mitigations.deletePod, 'delete', (pod) =>
					mitigations.deletePod?.(pod.ref),
				);
			case 'pg-cancel':
				return confirmOn('backend', mitigations.cancelQuery, 'PostgreSQL actions', (b) =>
					mitigations.cancelQuery?.(b.pid),
				);
			case 'pg-terminate':
				return confirmOn('backend', mitigations.terminateBackend, 'PostgreSQL actions', (b) =>
					mitigations.terminateBackend?.(b.pid),
				);
			case 'extend-pvc': {
				const pvc = target('pvc', mitigations.extendPvc, 'extend PVC');
				if (pvc) {
					// The runbook's example doubles a 10Gi claim to 20Gi: offer twice the capacity.
					const gibibytes = Math.max(1, Math.ceil(pvc.capacityBytes / 2 ** 30));
					dispatch({
						type: 'overlay',
						overlay: {
							kind: 'scale',
							purpose: 'pvc',
							target: pvc.ref,
							current: `${gibibytes}Gi`,
							text: `${gibibytes * 2}Gi`,
						},
					});
				}
				return true;
			}
			case 'delete-rotated-logs':
				offer(
					() => mitigations.deleteRotatedLogs?.() ?? undefined,
					mitigations.deleteRotatedLogs
						? 'the rotated logs are still being counted'
						: unavailable('log cleanup'),
				);
				return true;
			case 'pg-raise-max-connections': {
				// Disabled (✗ in the status bar): say why before asking for a value.
				const denied = mitigations.denied?.('raiseMaxConnections');
				if (denied) {
					dispatch({type: 'message', text: `max_connections: ${denied}`, tone: 'warn'});
					return true;
				}
				const current = currentMaxConnections();
				// The workload is configured: a probe action names it for the prompt.
				const probe = current ? mitigations.raiseMaxConnections?.(current, current + 1) : undefined;
				if (!probe || !current) {
					const text = probe ? 'max_connections is not known yet' : unavailable('max_connections');
					dispatch({type: 'message', text, tone: 'warn'});
					return true;
				}
				// The runbook's 200, or twice the current value once that is not a raise.
				const suggested = current < 200 ? 200 : current * 2;
				dispatch({
					type: 'overlay',
					overlay: {
						kind: 'scale',
						purpose: 'max-connections',
						target: {
							namespace: probe.target.namespace ?? '',
							name: probe.target.object.split('/').at(-1) ?? '',
						},
						current,
						text: String(Math.min(suggested, maxConnectionsBound(current))),
					},
				});
				return true;
			}
			case 'pg-terminate-idle':
				offer(() => mitigations.terminateIdle?.(), unavailable('PostgreSQL actions'));
				return true;
			default:
				return false;
		}
	};

	const submit = (overlay: Overlay): boolean => {
		if (overlay.kind === 'scale' && overlay.purpose === 'memory') {
			const limit = overlay.text.trim();
			if (!/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(limit)) {
				dispatch({
					type: 'overlay',
					overlay: {...overlay, error: `a quantity such as 512Mi or 1Gi, not "${overlay.text}"`},
				});
				return true;
			}
			offer(() => mitigations.setMemoryLimit?.(overlay.target, limit), unavailable('memory limit'));
			return true;
		}
		if (overlay.kind === 'scale' && overlay.purpose === 'pvc') {
			const size = overlay.text.trim();
			if (!/^\d+(Ki|Mi|Gi|Ti|Pi)$/.test(size)) {
				dispatch({
					type: 'overlay',
					overlay: {...overlay, error: `a size such as 20Gi, not "${overlay.text}"`},
				});
				return true;
			}
			offer(() => mitigations.extendPvc?.(overlay.target, size), unavailable('extend PVC'));
			return true;
		}
		if (overlay.kind === 'scale' && overlay.purpose === 'max-connections') {
			const current = Number(overlay.current);
			const error = maxConnectionsError(overlay.text, current);
			if (error) {
				dispatch({type: 'overlay', overlay: {...overlay, error}});
				return true;
			}
			const to = Number(overlay.text.trim());
			offer(() => mitigations.raiseMaxConnections?.(current, to), unavailable('max_connections'));
			return true;
		}
		if (overlay.kind === 'scale' && overlay.purpose === 'rate-limit') {
			const rps = Number(overlay.text.trim());
			if (!/^\d+$/.test(overlay.text.trim()) || rps < 1 || !Number.isSafeInteger(rps)) {
				dispatch({
					type: 'overlay',
					overlay: {
						...overlay,
						error: `requests per second, a whole number ≥ 1, not "${overlay.text}"`,
					},
				});
				return true;
			}
			offer(() => mitigations.rateLimit?.(rps), unavailable('rate limit'));
			return true;
		}
		if (overlay.kind === 'scale') {
			const replicas = Number(overlay.text);
			if (!/^\d+$/.test(overlay.text.trim()) || !Number.isSafeInteger(replicas)) {
				dispatch({
					type: 'overlay',
					overlay: {
						...overlay,
						error: `replicas must be a whole number ≥ 0, not "${overlay.text}"`,
					},
				});
				return true;
			}
			const {workload} = overlay;
			offer(
				() =>
					workload
						? mitigations.scaleStatefulSet?.(workload, replicas)
						: mitigations.scaleDeployment?.(overlay.target, replicas),
				unavailable('scale'),
			);
			return true;
		}
		return false;
	};

	return {run, submit};
}
