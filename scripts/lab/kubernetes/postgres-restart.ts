// The lab's stand-in for the container of a PostgreSQL pod. A pod whose
// template carries `sim.lab.irtop.dev/postgres-data-dir: <dir>` "runs" the
// PostgreSQL of that data directory: when the kubelet stand-in starts such a
// pod (a new pod of the StatefulSet, as after `kubectl rollout restart`), it
// restarts that server with `pg_ctl restart` and reports the pod Running only
// once the server is back. So ALTER SYSTEM SET max_connections really changes
// when the StatefulSet is restarted. The shared lab PostgreSQL is never named
// here (tests use it concurrently): a test starts its own instance for this.
import {statSync} from 'node:fs';
import {isAbsolute, join, relative} from 'node:path';
import {run} from '../run.ts';
import {annotations} from './sim-config.ts';
import type {Pod} from './types.ts';

const pgCtl = '/usr/lib/postgresql/15/bin/pg_ctl';

export interface PostgresRestarts {
	/** true when the pod may be reported started: no PostgreSQL, or its restart is done. */
	ready(pod: Pod, onDone: () => void): boolean;
}

/** `labDir`: only data directories under the lab's own directory are restarted. */
export function postgresRestarts(labDir: string, log: (line: string) => void): PostgresRestarts {
	// Pod uid → the restart for that pod: running, or done (with or without error).
	const restarts = new Map<string, 'running' | 'done'>();
	return {
		ready(pod, onDone) {
			const dir = pod.metadata.annotations?.[annotations.postgresDataDir];
			if (!dir) return true;
			// Restarted once per pod, when the kubelet first starts its container.
			const uid = pod.metadata.uid;
			if (pod.status?.startTime || !uid) return true;
			const state = restarts.get(uid);
			if (state === 'done') return true;
			if (state === 'running') return false;
			const inside = relative(labDir, dir);
			if (!isAbsolute(dir) || inside.startsWith('..') || isAbsolute(inside)) {
				log(`pod ${pod.metadata.name}: ${dir} is not under ${labDir}; no PostgreSQL restarted`);
				return true;
			}
			restarts.set(uid, 'running');
			const owner = statSync(dir);
			log(`pod ${pod.metadata.namespace}/${pod.metadata.name}: pg_ctl restart -D ${dir}`);
			void run(
				pgCtl,
				['restart', '-D', dir, '-m', 'fast', '-w', '-t', '60', '-l', join(dir, 'restart.log')],
				{
					uid: owner.uid,
					gid: owner.gid,
					cwd: dir,
					timeoutMs: 90_000,
					allowFailure: true,
				},
			)
				.then((result) => {
					log(
						`pod ${pod.metadata.name}: pg_ctl restart exited ${result.code} ${result.stderr.trim()}`,
					);
				})
				.catch((error: Error) => log(`pod ${pod.metadata.name}: pg_ctl restart: ${error.message}`))
				.finally(() => {
					restarts.set(uid, 'done');
					onDone();
				});
			return false;
		},
	};
}
