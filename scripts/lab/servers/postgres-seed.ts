// Seeds the runbook's database: the roles, the onboarding database and its
// cases table. Every statement is safe to run again.
import pg from 'pg';
import {database, postgresUrl, roles} from './postgres-roles.ts';

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({connectionString: url, application_name: 'lab-seed'});
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function seedPostgres(port: number): Promise<void> {
	await withClient(postgresUrl('superuser', port, 'postgres'), async (admin) => {
		const {app, monitor} = roles;
		for (const role of [app, monitor]) {
			await admin.query(
				`DO $$ BEGIN
					IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quote(role.user)}) THEN
						CREATE ROLE ${role.user} LOGIN;
					END IF;
				END $$`,
			);
			await admin.query(`ALTER ROLE ${role.user} LOGIN PASSWORD ${quote(role.password)}`);
		}
		// pg_monitor reads every pg_stat_* view; pg_signal_backend is deliberately absent.
		await admin.query(`GRANT pg_monitor TO ${monitor.user}`);
		await admin.query(`REVOKE pg_signal_backend FROM ${monitor.user}`);
		const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
		if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database} OWNER ${app.user}`);
	});
	await withClient(postgresUrl('app', port), async (client) => {
		await client.query(`CREATE TABLE IF NOT EXISTS cases (
			id bigserial PRIMARY KEY,
			customer text NOT NULL,
			status text NOT NULL,
			created_at timestamptz NOT NULL DEFAULT now()
		)`);
		await client.query(`INSERT INTO cases (customer, status)
			SELECT 'customer-' || n, (ARRAY['open', 'review', 'approved', 'rejected'])[1 + n % 4]
			FROM generate_series(1, 200) AS n
			WHERE NOT EXISTS (SELECT FROM cases)`);
		await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${roles.monitor.user}`);
	});
}
