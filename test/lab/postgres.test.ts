// The lab's PostgreSQL answers through pg (irtop's client) and psql, with the
// roles and limits the runbook's scenarios rely on.
import pg from 'pg';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {describeLab, tool, unique} from '../support/lab.ts';

describeLab('lab postgres', ['postgres'], (lab) => {
	const schema = unique('t_pg');
	let app: pg.Client;

	beforeAll(async () => {
		app = new pg.Client({connectionString: lab.postgres.url('app'), application_name: 'lab-test'});
		await app.connect();
		await app.query(`CREATE SCHEMA ${schema}`);
	});
	afterAll(async () => {
		await app.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await app.end();
	});

	it('answers the application role through pg, in its own schema', async () => {
		await app.query(`CREATE TABLE ${schema}.items (id int PRIMARY KEY)`);
		await app.query(`INSERT INTO ${schema}.items VALUES (1), (2)`);
		const {rows} = await app.query(`SELECT count(*)::int AS n FROM ${schema}.items`);
		expect(rows[0].n).toBe(2);
	});

	it('has the seeded onboarding database and max_connections 50', async () => {
		const {rows} = await app.query(
			"SELECT current_database() AS db, current_setting('max_connections')::int AS max",
		);
		expect(rows[0]).toEqual({db: 'onboarding', max: 50});
		expect(lab.postgres.maxConnections).toBe(50);
		const cases = await app.query("SELECT to_regclass('public.cases') IS NOT NULL AS present");
		expect(cases.rows[0].present).toBe(true);
	});

	it('gives the monitoring role pg_monitor but not pg_signal_backend', async () => {
		const monitor = new pg.Client({connectionString: lab.postgres.url('monitor')});
		await monitor.connect();
		try {
			const {rows} = await monitor.query(`SELECT
				pg_has_role(current_user, 'pg_monitor', 'member') AS monitor,
				pg_has_role(current_user, 'pg_signal_backend', 'member') AS signal,
				(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`);
			expect(rows[0]).toEqual({monitor: true, signal: false, super: false});
			// pg_monitor sees other roles' query text in pg_stat_activity.
			const activity = await monitor.query(
				"SELECT query FROM pg_stat_activity WHERE application_name = 'lab-test'",
			);
			expect(activity.rows[0]?.query).not.toBe('<insufficient privilege>');
		} finally {
			await monitor.end();
		}
	});

	it('has a superuser', async () => {
		const admin = new pg.Client({connectionString: lab.postgres.url('superuser')});
		await admin.connect();
		try {
			const {rows} = await admin.query(
				'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
			);
			expect(rows[0].rolsuper).toBe(true);
		} finally {
			await admin.end();
		}
	});

	it('answers psql with DATABASE_URL from .lab/env', async () => {
		const out = await tool('psql', [lab.env.DATABASE_URL ?? '', '-Atc', 'select 1']);
		expect(out.trim()).toBe('1');
	});
});
