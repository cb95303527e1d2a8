// kubectl's STATUS, READY and RESTARTS columns, ported line by line from
// printPod in kubernetes/pkg/printers/internalversion/printers.go (v1.33) so
// the panel says exactly what `kubectl get pods` says. Objects arrive either
// from a list (dates as Date) or a watch (dates as strings), so every field is
// read defensively.
import type {V1ContainerStatus, V1Pod} from '@kubernetes/client-node';
import {epoch} from './time.ts';

export interface PodColumns {
	readonly status: string;
	readonly ready: string;
	readonly restarts: number;
	readonly lastRestartAt: number | null;
}

function terminatedAt(container: V1ContainerStatus): number | null {
	return epoch(container.lastState?.terminated?.finishedAt);
}

function later(a: number | null, b: number | null): number | null {
	if (b === null) return a;
	return a === null || a < b ? b : a;
}

export function podColumns(pod: V1Pod): PodColumns {
	const spec = pod.spec;
	const status = pod.status ?? {};
	const conditions = status.conditions ?? [];
	const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
	const restartable = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
	let total = spec?.containers?.length ?? 0;
	for (const c of initSpecs.values()) if (c.restartPolicy === 'Always') total++;
	let readyCount = 0;
	let restarts = 0;
	let sidecarRestarts = 0;
	let lastRestart: number | null = null;
	let sidecarLastRestart: number | null = null;

	let reason = status.reason || status.phase || '';
	for (const condition of conditions)
		if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')
			reason = 'SchedulingGated';

	let initializing = false;
	const initStatuses = status.initContainerStatuses ?? [];
	for (const [i, container] of initStatuses.entries()) {
		restarts += container.restartCount ?? 0;
		lastRestart = later(lastRestart, terminatedAt(container));
		if (restartable(container.name)) {
			sidecarRestarts += container.restartCount ?? 0;
			sidecarLastRestart = later(sidecarLastRestart, terminatedAt(container));
		}
		const terminated = container.state?.terminated;
		const waiting = container.state?.waiting;
		if (terminated && terminated.exitCode === 0) continue;
		if (restartable(container.name) && container.started === true) {
			if (container.ready) readyCount++;
			continue;
		}
		if (terminated) {
			if (!terminated.reason) {
				reason = terminated.signal
					? `Init:Signal:${terminated.signal}`
					: `Init:ExitCode:${terminated.exitCode}`;
			} else reason = `Init:${terminated.reason}`;
		} else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
			reason = `Init:${waiting.reason}`;
		} else {
			reason = `Init:${i}/${initSpecs.size}`;
		}
		initializing = true;
		break;
	}

	const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
	// kubectl looks only at the first Initialized condition; the API never has two.
	if (!initializing || initialized) {
		restarts = sidecarRestarts;
		lastRestart = sidecarLastRestart;
		let hasRunning = false;
		const statuses = status.containerStatuses ?? [];
		for (let i = statuses.length - 1; i >= 0; i--) {
			const container = statuses[i] as V1ContainerStatus;
			restarts += container.restartCount ?? 0;
			lastRestart = later(lastRestart, terminatedAt(container));
			const {waiting, terminated, running} = container.state ?? {};
			if (waiting?.reason) reason = waiting.reason;
			else if (terminated?.reason) reason = terminated.reason;
			else if (terminated)
				reason = terminated.signal
					? `Signal:${terminated.signal}`
					: `ExitCode:${terminated.exitCode}`;
			else if (container.ready && running) {
				hasRunning = true;
				readyCount++;
			}
		}
		if (reason === 'Completed' && hasRunning) {
			const ready = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
			reason = ready ? 'Running' : 'NotReady';
		}
	}

	const deleting = pod.metadata?.deletionTimestamp != null;
	const phase = status.phase;
	if (deleting && status.reason === 'NodeLost') reason = 'Unknown';
	else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

	return {
		status: reason,
		ready: `${readyCount}/${total}`,
		restarts,
		lastRestartAt: restarts !== 0 ? lastRestart : null,
	};
}
