import type {Action, ActionOutcome, Permission} from '../../actions/action.ts';
import type {PostgresConnection} from './connection.ts';
import type {MaxConnectionsTracker} from './max-connections.ts';
import {alterMaxConnectionsSql, reloadConfSql} from './sql.ts';

/** The workload that runs PostgreSQL (config `postgres.workload`). */
export interface PostgresWorkload {
	readonly kind: 'statefulset' | 'deployment';
	readonly namespace: string;
	readonly name: string;
}

/** Where the new value is read back right after ALTER SYSTEM (and the reload). */
const settingSql = `
SELECT setting::int AS value, pending_restart AS pending,
       (extract(epoch FROM pg_postmaster_start_time()) * 1000)::float8 AS started_ms
  FROM pg_settings WHERE name = 'max_connections'`;

/** Sources whose value a restart would not take from postgresql.auto.conf. */
const overriding = new Set(['command line', 'environment variable']);

interface SettingRow {
	value: number;
	pending: boolean;
	started_ms: number;
}

/**
 * pg_settings after the ALTER. pg_reload_conf() only signals the postmaster:
 * backends (irtop's too) re-read the files a moment later, so pending_restart
 * is read again for up to 2 s until it shows.
 */
async function readSetting(
	db: PostgresConnection,
	reloaded: boolean,
	signal: AbortSignal,
): Promise<SettingRow | undefined> {
	for (let attempt = 0; ; attempt++) {
		const [row] = await db.query<SettingRow>(settingSql, [], signal);
		if (!reloaded || row?.pending === true || attempt >= 20) return row;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export interface RaiseDeps {
	readonly db: PostgresConnection;
	readonly tracker: MaxConnectionsTracker;
	/** One step of the raise, for the timeline (the action's own event comes after the run). */
	readonly observe: (text: string, data: Record<string, unknown>) => void;
	readonly now?: () => number;
}

/**
 * Why raising max_connections is refused, as far as is known without a
 * round trip; null when nothing is known against it.
 */
export function raiseDenied(
	deps: Pick<RaiseDeps, 'db' | 'tracker'>,
	workload: PostgresWorkload | undefined,
	restart: Action | undefined,
): string | null {
	if (!workload) return 'postgres.workload is not set: nothing to restart after ALTER SYSTEM';
	if (!restart)
		return `Kubernetes is not configured: nothing can restart ${workload.kind}/${workload.name}`;
	const alter = deps.db.alterSystem;
	if (alter && !alter.allowed) return alter.reason;
	const source = deps.tracker.last?.source;
	if (source && overriding.has(source))
		return `max_connections is set on the server's ${source}: ALTER SYSTEM would not change it`;
	return null;
}

/**
 * The runbook's temporary fix as one action: `ALTER SYSTEM SET
 * max_connections = N` on irtop's own connection, then the rollout restart
 * of the workload that runs PostgreSQL (max_connections only changes when the
 * server starts). The tracker follows it to the value read back after.
 */
export function raiseMaxConnections(
	deps: RaiseDeps,
	from: number,
	to: number,
	workload: PostgresWorkload | undefined,
	restart: Action | undefined,
): Action {
	const sql = alterMaxConnectionsSql(to);
	const restartCommand =
		restart?.command ??
		(workload
			? `kubectl rollout restart ${workload.kind}/${workload.name} -n ${workload.namespace}`
			: '');
	return {
		id: 'pg-raise-max-connections',
		title: `Raise max_connections to ${to}`,
		target: {
			context: restart?.target.context ?? null,
			namespace: workload?.namespace ?? null,
			object: workload ? `${workload.kind}/${workload.name}` : 'max_connections',
		},
		command: `psql -c "${sql}" && ${restartCommand}`,
		details: [
			`max_connections ${from} → ${to}: ALTER SYSTEM writes postgresql.auto.conf,`,
			'the restart applies it, and drops every connection',
			...(restart?.details ?? []),
		],
		checkPermission: async (signal) => {
			const denied = raiseDenied(deps, workload, restart);
			if (denied) return {allowed: false, reason: denied};
			if (!deps.db.alterSystem) await deps.db.query('SELECT 1', [], signal);
			const again = raiseDenied(deps, workload, restart);
			if (again) return {allowed: false, reason: again};
			return (await restart?.checkPermission?.(signal)) ?? ({allowed: true} as Permission);
		},
		run: async (signal): Promise<ActionOutcome> => {
			if (!restart || !workload)
				return {ok: false, message: raiseDenied(deps, workload, restart) ?? 'not configured'};
			const at = (deps.now ?? Date.now)();
			// Alone and without parameters: ALTER SYSTEM cannot run in a transaction block.
			await deps.db.query(sql, [], signal);
			const reload = deps.db.alterSystem?.reload === true;
			if (reload) await deps.db.query(reloadConfSql, [], signal);
			const row = await readSetting(deps.db, reload, signal);
			const serverStartedAt = Math.round(row?.started_ms ?? 0);
			deps.tracker.started({from: row?.value ?? from, to, at, serverStartedAt});
			deps.observe(
				`${sql}: written · pending_restart ${reload ? String(row?.pending === true) : 'unknown (pg_reload_conf not allowed)'}`,
				{postgres: 'max-connections', step: 'altered', from: row?.value ?? from, to, command: sql},
			);
			const restarted = await restart.run(signal);
			if (!restarted.ok)
				return {
					ok: false,
					message: `max_connections = ${to} written (pending restart), but the restart failed: ${restarted.message}`,
				};
			return {
				ok: true,
				message: `max_connections = ${to} written; ${workload.kind}/${workload.name} ${restarted.message}`,
			};
		},
	};
}
