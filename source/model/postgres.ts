export interface ConnectionCounts {
	/** Client backends, as pg_stat_activity counts them. */
	readonly total: number;
	readonly max: number;
	readonly byState: Readonly<Record<string, number>>;
	readonly byApplication: readonly {readonly name: string; readonly count: number}[];
}

export interface LongQuery {
	readonly pid: number;
	readonly durationSeconds: number;
	readonly user: string;
	readonly application: string;
	readonly state: string;
	readonly query: string;
}

export interface BlockedQuery {
	readonly pid: number;
	readonly blockedBy: readonly number[];
	readonly waitSeconds: number;
	readonly query: string;
}

/** max_connections as pg_settings has it. */
export interface MaxConnectionsSetting {
	/** The running server's value. */
	readonly value: number;
	/** pg_settings.pending_restart: the configuration files hold another value, applied at the next restart. */
	readonly pendingRestart: boolean;
	/** pg_settings.source: "command line" means ALTER SYSTEM cannot change it. */
	readonly source: string;
	/** pg_postmaster_start_time() (epoch ms): a new one is a restart. */
	readonly serverStartedAt: number;
}

/** A raise of max_connections started from irtop (ALTER SYSTEM, then a restart of the workload). */
export interface MaxConnectionsRaise {
	readonly id: string;
	readonly from: number;
	readonly to: number;
	/** When ALTER SYSTEM was run (epoch ms). */
	readonly at: number;
	/** The server's start time when ALTER SYSTEM was run. */
	readonly serverStartedAt: number;
	readonly phase: 'pending-restart' | 'applied' | 'not-applied';
	/** The value the server restarted with, when not the one asked for. */
	readonly after?: number;
}

export interface PostgresData {
	readonly connections: ConnectionCounts;
	readonly longQueries: readonly LongQuery[];
	readonly blocked: readonly BlockedQuery[];
	readonly idleOver30m: number;
	/** Whether irtop's role may cancel/terminate others' backends (pg_signal_backend), and why not. */
	readonly canSignal?: {readonly allowed: boolean; readonly reason: string | null};
	readonly maxConnections?: MaxConnectionsSetting;
	/** The last raise of max_connections started from irtop, and how far it got. */
	readonly raise?: MaxConnectionsRaise;
}
