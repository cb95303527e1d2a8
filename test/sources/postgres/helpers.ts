import pg from 'pg';
import type {PostgresConfig} from '../../../source/config/index.ts';

export const pgConfig = (url: string, extra: Partial<PostgresConfig> = {}): PostgresConfig => ({
	url,
	statementTimeoutMs: 2000,
	longQuerySeconds: 5,
	idleMinutes: 30,
	...extra,
});

/** A client of the test's own, named so it can be found in pg_stat_activity. */
export async function client(url: string, application: string): Promise<pg.Client> {
	const c = new pg.Client({connectionString: url, application_name: application});
	// A terminated backend emits 'error' on the client; the test looks at the query's rejection instead.
	c.on('error', () => {});
	await c.connect();
	return c;
}

export const pidOf = async (c: pg.Client): Promise<number> =>
	(await c.query<{pid: number}>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export {eventually} from '../../support/eventually.ts';
