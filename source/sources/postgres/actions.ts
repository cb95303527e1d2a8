import type {Action, Permission} from '../../actions/action.ts';
import type {PostgresConnection} from './connection.ts';
import {MaxConnectionsTracker} from './max-connections.ts';
import {type PostgresWorkload, raiseDenied, raiseMaxConnections} from './raise-max-connections.ts';
import {cancelSql, terminateIdleSql, terminateSql} from './sql.ts';

/**
 * The runbook's database mitigations as actions whose `command` is the exact
 * SQL run. They use irtop's own connection, so they work even when the pool
 * the application uses is exhausted.
 */
export class PostgresMitigations {
	readonly #db: PostgresConnection;
	readonly #target: string;
	/** Shared with the source, which reads the setting each poll. */
	readonly tracker: MaxConnectionsTracker;

	constructor(db: PostgresConnection, target: string, tracker = new MaxConnectionsTracker()) {
		this.#db = db;
		this.#target = target;
		this.tracker = tracker;
	}

	/** `ALTER SYSTEM SET max_connections = <to>`, then `restart` (the workload's rollout restart). */
	raiseMaxConnections(
		from: number,
		to: number,
		workload: PostgresWorkload | undefined,
		restart: Action | undefined,
		observe: (text: string, data: Record<string, unknown>) => void,
	): Action {
		return raiseMaxConnections(
			{db: this.#db, tracker: this.tracker, observe},
			from,
			to,
			workload,
			restart,
		);
	}

	/** Why raising max_connections is off, as far as is known now. */
	raiseDenied(workload: PostgresWorkload | undefined, restart: Action | undefined): string | null {
		return raiseDenied({db: this.#db, tracker: this.tracker}, workload, restart);
	}

	cancelQuery(pid: number): Action {
		return this.#signal('pg-cancel', 'Cancel query', `backend ${pid}`, cancelSql(pid), (ok) =>
			ok ? `sent cancel to backend ${pid}` : `backend ${pid} was not signalled (already gone?)`,
		);
	}

	terminateBackend(pid: number): Action {
		return this.#signal('pg-terminate', 'Terminate', `backend ${pid}`, terminateSql(pid), (ok) =>
			ok ? `terminated backend ${pid}` : `backend ${pid} was not signalled (already gone?)`,
		);
	}

	terminateIdle(minutes: number, application?: string): Action {
		if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError('minutes must be > 0');
		const sql = terminateIdleSql(minutes, application);
		return {
			id: 'pg-terminate-idle',
			title: `Terminate idle connections older than ${minutes} min`,
			target: {context: this.#target, namespace: null, object: `idle > ${minutes} min`},
			command: sql,
			checkPermission: () => this.#permission(),
			run: async (signal) => {
				const rows = await this.#db.query<{pg_terminate_backend: boolean}>(sql, [], signal);
				const ended = rows.filter((r) => r.pg_terminate_backend).length;
				return {ok: true, message: `terminated ${ended} of ${rows.length} idle connections`};
			},
		};
	}

	#signal(
		id: string,
		title: string,
		object: string,
		sql: string,
		message: (ok: boolean) => string,
	): Action {
		return {
			id,
			title,
			target: {context: this.#target, namespace: null, object},
			command: sql,
			checkPermission: () => this.#permission(),
			run: async (signal) => {
				const [row] = await this.#db.query<Record<string, boolean>>(sql, [], signal);
				const ok = Object.values(row ?? {})[0] === true;
				return {ok, message: message(ok)};
			},
		};
	}

	/** Why cancel/terminate are refused, once the connection has read the role; null otherwise. */
	denied(): string | null {
		const permission = this.#db.permission;
		return permission && !permission.allowed ? permission.reason : null;
	}

	async #permission(): Promise<Permission> {
		// The permission is read when the connection opens; open it if need be.
		if (!this.#db.permission) await this.#db.query('SELECT 1', []);
		const permission = this.#db.permission;
		return permission?.allowed
			? {allowed: true}
			: {allowed: false, reason: permission?.reason ?? 'permission unknown'};
	}
}
