// How the lab's world is simulated without kubelets, in one place.
//
// Behaviour travels with the pod template (annotations below), so a rollout
// undo or `kubectl set resources` changes it exactly as it would change a real
// workload. Resource usage is live, in the ConfigMap kube-system/lab-simulation
// (key `<namespace>.<app label>`, value JSON {"cpu": "2850m", "memory": "400Mi"}),
// so a scenario can raise CPU or memory without a rollout. `cpu` is the app's
// total across its running pods (scaling out spreads it, as it would a real
// load); `memory` is per pod, and above a container's memory limit it is
// OOM-killed, over and over, until the limit is raised.
// Key `node.<node name>` sets a node's own overhead the same way.
import type {ConfigMap, Pod} from './types.ts';

export const simPrefix = 'sim.lab.irtop.dev';
export const annotations = {
	/** The container exits with this message; it restarts with back-off (CrashLoopBackOff). */
	crash: `${simPrefix}/crash`,
	/** Exit code of a crashing container (default 1). */
	exitCode: `${simPrefix}/exit-code`,
	/** Seconds a crashing container runs before it exits (default 0: at once). */
	runFor: `${simPrefix}/run-for`,
	/** Seconds a dead container is shown terminated before CrashLoopBackOff (default 5). */
	terminatedFor: `${simPrefix}/terminated-for`,
	/** Restarts a crashing container already had when its pod started (a seeded history). */
	priorRestarts: `${simPrefix}/prior-restarts`,
	/** "true": OOM-killed once just after it started, fine since (Running, last state OOMKilled). */
	oomOnce: `${simPrefix}/oom-once`,
	/** "off": no Scheduled/Pulled/Started/BackOff events for this pod (load tests). */
	events: `${simPrefix}/events`,
	/** Seconds before a started container reports Ready (default 3). */
	readyAfter: `${simPrefix}/ready-after`,
	/** A PostgreSQL data directory under the lab's: starting the pod restarts that server (postgres-restart.ts). */
	postgresDataDir: `${simPrefix}/postgres-data-dir`,
} as const;

export const simConfigMap = {namespace: 'kube-system', name: 'lab-simulation'} as const;

/** Images that no registry has: their pods stay in ImagePullBackOff. */
export function imageIsMissing(image: string): boolean {
	return image.includes('does-not-exist') || image.startsWith('registry.invalid/');
}

export interface UsageOverride {
	cpu?: string;
	memory?: string;
}

export type UsageOverrides = ReadonlyMap<string, UsageOverride>;

export function parseOverrides(config: ConfigMap | undefined): UsageOverrides {
	const result = new Map<string, UsageOverride>();
	for (const [key, value] of Object.entries(config?.data ?? {})) {
		try {
			result.set(key, JSON.parse(value) as UsageOverride);
		} catch {
			// A hand-edited value that is not JSON is ignored rather than fatal.
		}
	}
	return result;
}

export function appOf(pod: Pod): string | undefined {
	const labels = pod.metadata.labels ?? {};
	return labels.app ?? labels['app.kubernetes.io/name'];
}

export function overrideKey(pod: Pod): string | undefined {
	const app = appOf(pod);
	return app ? `${pod.metadata.namespace}.${app}` : undefined;
}
