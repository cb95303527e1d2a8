import pg from 'pg';
import type {PostgresConfig} from '../../config/index.ts';
import {foldPostgresUrl} from '../../config/postgres-url.ts';
import {SourceError} from '../shared/http.ts';
import {alterSystemGrantSql, permissionSql} from './sql.ts';

export interface SignalPermission {
	readonly allowed: boolean;
	/** Why the cancel/terminate actions are off, when they are. */
	readonly reason: string | null;
}

/** Whether irtop's role may ALTER SYSTEM SET max_connections (and reload the configuration). */
export interface AlterSystemPermission {
	readonly allowed: boolean;
	/** Why raising max_connections is off, when it is. */
	readonly reason: string | null;
	/** pg_reload_conf() is allowed, so pg_settings.pending_restart can show the written value. */
	readonly reload: boolean;
}

/**
 * irtop's one PostgreSQL connection (application_name irtop, a statement
 * timeout): the dashboard must never add to the pool exhaustion it is
 * diagnosing. A broken connection is dropped and the next poll opens a new
 * one; the scheduler's backoff spaces those attempts.
 */
export class PostgresConnection {
	readonly #config: PostgresConfig;
	#client: pg.Client | undefined;
	#connecting: Promise<pg.Client> | undefined;
	#permission: SignalPermission | undefined;
	#alterSystem: AlterSystemPermission | undefined;
	#tail: Promise<void> = Promise.resolve();
	/** Statements sent since start (the benchmark counts them per refresh). */
	statements = 0;

	constructor(config: PostgresConfig) {
		this.#config = foldPostgresUrl(config);
	}

	get permission(): SignalPermission | undefined {
		return this.#permission;
	}

	/** Read with the role when the connection opens. */
	get alterSystem(): AlterSystemPermission | undefined {
		return this.#alterSystem;
	}

	async query<R extends pg.QueryResultRow>(
		text: string,
		values: readonly unknown[],
		signal?: AbortSignal,
	): Promise<R[]> {
		// pg wants one query at a time per client: polls and actions queue here.
		const turn = this.#tail;
		let done = () => {};
		this.#tail = new Promise<void>((resolve) => {
			done = resolve;
		});
		try {
			await turn;
			return await this.#run<R>(text, values, signal);
		} finally {
			done();
		}
	}

	async #run<R extends pg.QueryResultRow>(
		text: string,
		values: readonly unknown[],
		signal?: AbortSignal,
	): Promise<R[]> {
		if (signal?.aborted) throw new SourceError('cancelled');
		const client = await this.#connect();
		const onAbort = () => this.#drop(client);
		signal?.addEventListener('abort', onAbort, {once: true});
		try {
			this.statements++;
			const result = await client.query<R>(text, [...values]);
			return result.rows;
		} catch (error) {
			// A dead socket or a timeout-aborted call: start clean next time.
			if (signal?.aborted || !isSqlError(error)) this.#drop(client);
			throw new SourceError(describe(error));
		} finally {
			signal?.removeEventListener('abort', onAbort);
		}
	}

	async close(): Promise<void> {
		const client = this.#client;
		this.#client = undefined;
		await client?.end().catch(() => {});
	}

	#drop(client: pg.Client): void {
		if (this.#client === client) this.#client = undefined;
		client.end().catch(() => {});
	}

	async #connect(): Promise<pg.Client> {
		if (this.#client) return this.#client;
		this.#connecting ??= this.#open().finally(() => {
			this.#connecting = undefined;
		});
		return this.#connecting;
	}

	async #open(): Promise<pg.Client> {
		const {url, host, port, user, password, database, statementTimeoutMs} = this.#config;
		const client = new pg.Client({
			...(url ? {connectionString: url} : {host, port, user, password, database}),
			application_name: 'irtop',
			statement_timeout: statementTimeoutMs,
			connectionTimeoutMillis: 5000,
		});
		// An idle connection's socket error must not become an uncaught exception.
		client.on('error', () => this.#drop(client));
		client.on('end', () => this.#drop(client));
		try {
			await client.connect();
		} catch (error) {
			client.end().catch(() => {});
			throw new SourceError(describe(error));
		}
		const [row] = (await client.query(permissionSql)).rows as {
			superuser: boolean;
			signal: boolean;
			usr: string;
			version: number;
			reload: boolean;
		}[];
		this.#permission =
			row?.superuser || row?.signal
				? {allowed: true, reason: null}
				: {
						allowed: false,
						reason: `role ${row?.usr ?? '?'} lacks pg_signal_backend (GRANT pg_signal_backend TO ${row?.usr ?? 'role'})`,
					};
		this.#alterSystem = await alterSystemPermission(client, row);
		this.#client = client;
		return client;
	}
}

async function alterSystemPermission(
	client: pg.Client,
	row: {superuser: boolean; usr: string; version: number; reload: boolean} | undefined,
): Promise<AlterSystemPermission> {
	const usr = row?.usr ?? 'role';
	if (row?.superuser) return {allowed: true, reason: null, reload: true};
	if ((row?.version ?? 0) >= 150000) {
		const [grant] = (await client.query(alterSystemGrantSql)).rows as {granted: boolean}[];
		if (grant?.granted) return {allowed: true, reason: null, reload: row?.reload === true};
		return {
			allowed: false,
			reason: `role ${usr} may not ALTER SYSTEM max_connections (superuser, or GRANT ALTER SYSTEM ON PARAMETER max_connections TO ${usr})`,
			reload: false,
		};
	}
	return {
		allowed: false,
		reason: `role ${usr} is not a superuser (before PostgreSQL 15 only a superuser may ALTER SYSTEM)`,
		reload: false,
	};
}

// A statement's own error (syntax, timeout, permission) leaves the connection usable; socket
// errors (ECONNRESET), connection exceptions (08…) and a terminated backend (57P0x) do not.
const isSqlError = (error: unknown): boolean => {
	const code = error instanceof Error ? (error as {code?: unknown}).code : undefined;
	return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P0)/.test(code);
};

// pg's errors never contain the password; AggregateError (IPv4 + IPv6 refused) has an empty message.
function describe(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
	if (error instanceof Error) {
		const code = (error as {code?: string}).code;
		return error.message || code || error.name;
	}
	return String(error);
}
