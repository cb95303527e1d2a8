import type {Dispatch} from 'react';
import type {Action} from '../actions/action.ts';
import type {CommandId} from './commands.ts';
import type {Selection} from './panels/panel.ts';
import type {AppServices} from './services.ts';
import type {Overlay, UiEvent} from './state.ts';

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
	offer: (build: () => Action | undefined | Promise<Action | undefined>, missing: string) => void,
) {
	const {mitigations} = services;

	const run = (command: CommandId): boolean => {
		switch (command) {
			case 'renew-certificate': {
				const cert = target('certificate', mitigations.renewCertificate, 'renewal');
				if (cert)
					offer(() => mitigations.renewCertificate?.(cert.ref), 'renewal is not available here');
				return true;
			}
			case 'restart': {
				const d = target('deployment', mitigations.restartDeployment, 'restart');
				if (d) offer(() => mitigations.restartDeployment?.(d.ref), 'restart is not available here');
				return true;
			}
			case 'scale': {
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
					dispatch({type: 'message', text: 'rate limit is not available here', tone: 'warn'});
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
			case 'undo': {
				const d = target('deployment', mitigations.undoDeployment, 'undo');
				if (d) offer(() => mitigations.undoDeployment?.(d.ref), 'undo is not available here');
				return true;
			}
			case 'circuit-breaker': {
				const d = target('deployment', mitigations.circuitBreaker, 'the circuit breaker');
				if (d)
					offer(
						() => mitigations.circuitBreaker?.(d.ref),
						'the circuit breaker is not available here',
					);
				return true;
			}
			case 'delete-pod': {
				const pod = target('pod', mitigations.deletePod, 'delete');
				if (pod) offer(() => mitigations.deletePod?.(pod.ref), 'delete is not available here');
				return true;
			}
			case 'pg-cancel': {
				const backend = target('backend', mitigations.cancelQuery, 'PostgreSQL actions');
				if (backend)
					offer(
						() => mitigations.cancelQuery?.(backend.pid),
						'PostgreSQL actions are not available here',
					);
				return true;
			}
			case 'pg-terminate': {
				const backend = target('backend', mitigations.terminateBackend, 'PostgreSQL actions');
				if (backend)
					offer(
						() => mitigations.terminateBackend?.(backend.pid),
						'PostgreSQL actions are not available here',
					);
				return true;
			}
			case 'pg-terminate-idle':
				offer(() => mitigations.terminateIdle?.(), 'PostgreSQL actions are not available here');
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
			offer(
				() => mitigations.setMemoryLimit?.(overlay.target, limit),
				'memory limit is not available here',
			);
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
			offer(() => mitigations.rateLimit?.(rps), 'rate limit is not available here');
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
			offer(
				() => mitigations.scaleDeployment?.(overlay.target, replicas),
				'scale is not available here',
			);
			return true;
		}
		return false;
	};

	return {run, submit};
}
