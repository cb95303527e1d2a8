// The dashboard adds exactly one PostgreSQL connection: the panel and the
// health strip's `SELECT 1` share irtop's dedicated connection.
import pg from 'pg';
import {expect, it} from 'vitest';
import {dataSources} from '../../../source/cli/data-sources.ts';
import {parseConfig} from '../../../source/config/index.ts';
import {describeLab, unique} from '../../support/lab.ts';

describeLab('one postgres connection', ['postgres'], (lab) => {
	it('polls the panel and the health check on one connection named irtop', async () => {
		// A role of the test's own, so connections of other tests and dashboards are not counted.
		const role = unique('t_one');
		const admin = new pg.Client({connectionString: lab.postgres.url('superuser')});
		await admin.connect();
		await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'pw-${role}' IN ROLE pg_monitor`);
		const url = lab.postgres
			.url('superuser')
			.replace('postgres:lab-postgres@', `${role}:pw-${role}@`);
		const config = parseConfig(`postgres:\n  url: ${url}\n`, null);
		const {sources} = dataSources(config);
		try {
			for (let i = 0; i < 3; i++) {
				for (const source of sources) await source.poll(AbortSignal.timeout(5000));
			}
			const {rows} = await admin.query<{app: string; n: number}>(
				'SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 GROUP BY 1',
				[role],
			);
			expect(rows).toEqual([{app: 'irtop', n: 1}]);
			expect(sources.map((s) => s.id).sort()).toEqual(['health', 'postgres']);
		} finally {
			for (const source of sources) await source.close?.();
			await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
			await admin.end();
		}
	});
});
