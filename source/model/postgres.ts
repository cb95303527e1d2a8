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

export interface PostgresData {
	readonly connections: ConnectionCounts;
	readonly longQueries: readonly LongQuery[];
	readonly blocked: readonly BlockedQuery[];
	readonly idleOver30m: number;
	/** Whether irtop's role may cancel/terminate others' backends (pg_signal_backend), and why not. */
	readonly canSignal?: {readonly allowed: boolean; readonly reason: string | null};
}
