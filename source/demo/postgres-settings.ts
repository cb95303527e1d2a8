import type {WorkloadRef} from '../actions/mitigations.ts';
import type {PostgresData} from '../model/index.ts';
import type {WorkloadChange} from './workloads.ts';

/** The StatefulSet that runs the demo's PostgreSQL (the runbook's). */
export const demoPostgresWorkload: WorkloadRef = {
	kind: 'statefulset',
	namespace: 'platform-observability',
	name: 'postgresql',
};

/** How long the demo's postgresql-0 takes to be replaced (its podS in workloads.ts). */
const restartMs = 12_000;

/** An ALTER SYSTEM SET max_connections run in the demo; `at` is epoch ms. */
export interface DemoRaise {
	readonly from: number;
	readonly to: number;
	readonly at: number;
}

const isPostgres = (ref: WorkloadRef) =>
	ref.kind === demoPostgresWorkload.kind &&
	ref.namespace === demoPostgresWorkload.namespace &&
	ref.name === demoPostgresWorkload.name;

/**
 * The demo's pg_settings for max_connections: ALTER SYSTEM makes it
 * pending_restart; a rollout restart of statefulset/postgresql after it
 * applies the new value once the pod is replaced, as the real server would.
 */
export function withMaxConnections(
	pg: PostgresData,
	raise: DemoRaise | undefined,
	changes: readonly WorkloadChange[],
	startedAt: number,
	now: number,
): PostgresData {
	let serverStartedAt = startedAt;
	let restartedAfterRaise = false;
	for (const change of changes) {
		if (change.kind !== 'restart' || !isPostgres(change.ref)) continue;
		if (change.at + restartMs > now) continue;
		serverStartedAt = change.at + restartMs;
		if (raise && change.at >= raise.at) restartedAfterRaise = true;
	}
	const applied = raise !== undefined && restartedAfterRaise;
	const value = applied ? raise.to : pg.connections.max;
	return {
		...pg,
		connections: {...pg.connections, max: value},
		maxConnections: {
			value,
			pendingRestart: raise !== undefined && !applied,
			source: 'configuration file',
			serverStartedAt,
		},
		...(raise
			? {
					raise: {
						id: String(raise.at),
						from: raise.from,
						to: raise.to,
						at: raise.at,
						serverStartedAt: startedAt,
						phase: applied ? 'applied' : 'pending-restart',
					},
				}
			: {}),
	};
}
