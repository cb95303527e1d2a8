import type {PostgresConfig} from '../../config/index.ts';
import type {Source} from '../../engine/source.ts';
import type {PostgresData} from '../../model/index.ts';
import type {PostgresConnection} from './connection.ts';
import type {MaxConnectionsTracker} from './max-connections.ts';
import {blockedSql, connectionsSql, longQueriesSql} from './sql.ts';

interface CountRow {
	state: string;
	app: string;
	usr: string;
	n: number;
	idle_old: number;
	max: number;
	pending: boolean;
	max_source: string;
	started_ms: number;
}

interface LongRow {
	pid: number;
	seconds: number;
	usr: string;
	app: string;
	state: string;
	query: string;
}

interface BlockedRow {
	pid: number;
	blocked_by: number[];
	seconds: number;
	query: string;
}

/** Connections, slow queries and the lock tree, in the spirit of pg_activity. */
export class PostgresSource implements Source<'postgres'> {
	readonly id = 'postgres';
	readonly #connection: PostgresConnection;
	readonly #config: PostgresConfig;
	readonly #tracker: MaxConnectionsTracker | undefined;

	constructor(
		config: PostgresConfig,
		connection: PostgresConnection,
		/** Follows a raise of max_connections started from irtop. */
		tracker?: MaxConnectionsTracker,
	) {
		this.#config = config;
		this.#connection = connection;
		this.#tracker = tracker;
	}

	async close(): Promise<void> {
		await this.#connection.close();
	}

	async poll(signal: AbortSignal): Promise<PostgresData> {
		const db = this.#connection;
		// One connection runs them in turn: three statements per refresh.
		const counts = await db.query<CountRow>(connectionsSql, [this.#config.idleMinutes], signal);
		const long = await db.query<LongRow>(longQueriesSql, [this.#config.longQuerySeconds], signal);
		const blocked = await db.query<BlockedRow>(blockedSql, [], signal);
		const byState: Record<string, number> = {};
		const byApp = new Map<string, number>();
		let total = 0;
		let idle = 0;
		let max = 0;
		let setting: PostgresData['maxConnections'];
		for (const row of counts) {
			total += row.n;
			idle += row.idle_old;
			max = row.max;
			setting = {
				value: row.max,
				pendingRestart: row.pending === true,
				source: row.max_source,
				serverStartedAt: Math.round(row.started_ms),
			};
			byState[row.state] = (byState[row.state] ?? 0) + row.n;
			const name = row.app || row.usr;
			byApp.set(name, (byApp.get(name) ?? 0) + row.n);
		}
		const permission = db.permission;
		const raise = setting ? this.#tracker?.seen(setting) : undefined;
		return {
			connections: {
				total,
				max,
				byState,
				byApplication: [...byApp]
					.map(([name, count]) => ({name, count}))
					.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
			},
			longQueries: long.map((r) => ({
				pid: r.pid,
				durationSeconds: r.seconds,
				user: r.usr,
				application: r.app,
				state: r.state,
				query: r.query,
			})),
			blocked: blocked.map((r) => ({
				pid: r.pid,
				blockedBy: r.blocked_by,
				waitSeconds: r.seconds,
				query: r.query,
			})),
			idleOver30m: idle,
			...(permission ? {canSignal: permission} : {}),
			...(setting ? {maxConnections: setting} : {}),
			...(raise ? {raise} : {}),
		};
	}
}
