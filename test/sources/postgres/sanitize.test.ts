// A query text is remote and untrusted: an escape sequence hidden in it
// (here a terminal title change) reaches the data as sent, and never the screen.
import type pg from 'pg';
import {afterAll, expect, it} from 'vitest';
import {PostgresConnection} from '../../../source/sources/postgres/connection.ts';
import {PostgresSource} from '../../../source/sources/postgres/source.ts';
import {dbPanel} from '../../../source/ui/panels/db.ts';
import {describeLab} from '../../support/lab.ts';
import {panelView} from '../../support/panel-view.ts';
import {client, eventually, pgConfig, pidOf} from './helpers.ts';

describeLab('postgres strings on screen', ['postgres'], (lab) => {
	const opened: pg.Client[] = [];
	afterAll(async () => {
		for (const c of opened) await c.end().catch(() => {});
	});

	it('strips terminal escapes from query text before it is rendered', async () => {
		const sleeper = await client(lab.postgres.url('app'), 'irtop-test-escape');
		opened.push(sleeper);
		const pid = await pidOf(sleeper);
		void sleeper.query('SELECT pg_sleep(8) /* \u001b]0;pwned\u0007 \u001b[2J */').catch(() => {});
		const config = pgConfig(lab.postgres.url('superuser'), {longQuerySeconds: 1});
		const connection = new PostgresConnection(config);
		const source = new PostgresSource(config, connection);
		try {
			const data = await eventually(
				() => source.poll(AbortSignal.timeout(5000)),
				(d) => d.longQueries.some((q) => q.pid === pid),
			);
			expect(data.longQueries.find((q) => q.pid === pid)?.query).toContain('\u001b]0;pwned');
			const view = panelView(dbPanel, {postgres: data}, {width: 200, problemsOnly: false});
			const line = view.lines.find((l) => l.key === `pg:long:${pid}`);
			expect(line?.text).toContain('SELECT pg_sleep(8)');
			// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
			expect(line?.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		} finally {
			await sleeper.query('SELECT 1').catch(() => {});
			await source.close();
		}
	});
});
