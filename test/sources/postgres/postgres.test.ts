// The PostgreSQL source against the lab's real PostgreSQL 15: the counts
// pg_stat_activity gives, a lock tree a test builds, and the mitigations
// really ending what they say. Each test uses its own schema and application names.
import type pg from 'pg';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {PostgresMitigations} from '../../../source/sources/postgres/actions.ts';
import {PostgresConnection} from '../../../source/sources/postgres/connection.ts';
import {PostgresSource} from '../../../source/sources/postgres/source.ts';
import {describeLab, unique} from '../../support/lab.ts';
import {client, eventually, pgConfig, pidOf, sleep} from './helpers.ts';

describeLab('postgres source', ['postgres'], (lab) => {
	const schema = unique('t_pgsrc');
	const opened: pg.Client[] = [];
	let admin: pg.Client;
	let connection: PostgresConnection;
	let source: PostgresSource;

	const open = async (application: string, role: 'app' | 'superuser' = 'app') => {
		const c = await client(lab.postgres.url(role), application);
		opened.push(c);
		return c;
	};

	beforeAll(async () => {
		admin = await open(`${schema}-admin`, 'superuser');
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.query(`CREATE TABLE ${schema}.items (id int PRIMARY KEY, n int)`);
		await admin.query(`INSERT INTO ${schema}.items VALUES (1, 0)`);
		await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO onboarding_user`);
		await admin.query(`GRANT ALL ON ${schema}.items TO onboarding_user`);
		connection = new PostgresConnection(
			pgConfig(lab.postgres.url('superuser'), {longQuerySeconds: 1}),
		);
		source = new PostgresSource(
			pgConfig(lab.postgres.url('superuser'), {longQuerySeconds: 1}),
			connection,
		);
	});
	afterAll(async () => {
		await source.close();
		for (const c of opened.slice(1)) await c.end().catch(() => {});
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
		await admin.end();
	});

	it('counts client backends exactly as pg_stat_activity does, by state and application', async () => {
		const app = `${schema}-pool`;
		for (let i = 0; i < 3; i++) await open(app);
		// Other test files share the server: compare a poll with a count taken right after, until one pair agrees.
		let data = await source.poll(AbortSignal.timeout(5000));
		let counted = -1;
		for (let attempt = 0; attempt < 10; attempt++) {
			data = await source.poll(AbortSignal.timeout(5000));
			const {rows} = await admin.query<{n: number}>(
				"SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend'",
			);
			counted = rows[0]?.n ?? -1;
			if (counted === data.connections.total) break;
		}
		expect(data.connections.total).toBe(counted);
		expect(data.connections.max).toBe(lab.postgres.maxConnections);
		expect(Object.values(data.connections.byState).reduce((a, b) => a + b, 0)).toBe(
			data.connections.total,
		);
		expect(data.connections.byApplication.find((a) => a.name === app)?.count).toBe(3);
		// irtop's own connection is there under its own name (other files' sources are too, so "exactly
		// one" is checked with a role of its own in check/one-connection.test.ts).
		expect(data.connections.byApplication.find((a) => a.name === 'irtop')?.count).toBeGreaterThan(
			0,
		);
		expect(data.canSignal).toEqual({allowed: true, reason: null});
	});

	it('shows a lock taken by the test with the right blocker and wait, as a tree', async () => {
		const holder = await open(`${schema}-holder`);
		const first = await open(`${schema}-waiter1`);
		const second = await open(`${schema}-waiter2`);
		await holder.query('BEGIN');
		await holder.query(`UPDATE ${schema}.items SET n = n + 1 WHERE id = 1`);
		const holderPid = await pidOf(holder);
		const firstPid = await pidOf(first);
		const secondPid = await pidOf(second);
		const firstDone = first.query(`UPDATE ${schema}.items SET n = n + 10 WHERE id = 1`);
		await sleep(200);
		const secondDone = second.query(`UPDATE ${schema}.items SET n = n + 100 WHERE id = 1`);
		const data = await eventually(
			() => source.poll(AbortSignal.timeout(5000)),
			(d) =>
				d.blocked.some((b) => b.pid === secondPid) && d.blocked.every((b) => b.waitSeconds >= 0),
		);
		await sleep(1100);
		const later = await source.poll(AbortSignal.timeout(5000));
		const one = later.blocked.find((b) => b.pid === firstPid);
		const two = later.blocked.find((b) => b.pid === secondPid);
		expect(data.blocked.length).toBeGreaterThanOrEqual(2);
		expect(one?.blockedBy).toEqual([holderPid]);
		// The second waits on the row lock holder and queues behind the first: pg_blocking_pids names both.
		expect(two?.blockedBy).toEqual(expect.arrayContaining([firstPid]));
		expect(one?.waitSeconds).toBeGreaterThan(1);
		expect(one?.query).toContain(`${schema}.items`);
		// Lock waits are not "long queries", and are counted as waiting, not active.
		expect(later.longQueries.some((q) => q.pid === firstPid)).toBe(false);
		expect(later.connections.byState.waiting).toBeGreaterThanOrEqual(2);
		await holder.query('COMMIT');
		await Promise.all([firstDone, secondDone]);
	});

	it('cancel ends the query and keeps the backend; terminate ends the backend', async () => {
		const mitigations = new PostgresMitigations(connection, 'lab');
		const sleeper = await open(`${schema}-sleeper`);
		const pid = await pidOf(sleeper);
		const sleeping = sleeper.query('SELECT pg_sleep(30)').then(
			() => 'finished',
			(error: {code?: string}) => error.code,
		);
		const slow = await eventually(
			() => source.poll(AbortSignal.timeout(5000)),
			(d) => d.longQueries.some((q) => q.pid === pid),
		);
		expect(slow.longQueries.find((q) => q.pid === pid)).toMatchObject({
			application: `${schema}-sleeper`,
			user: 'onboarding_user',
			state: 'active',
			query: 'SELECT pg_sleep(30)',
		});
		const cancel = mitigations.cancelQuery(pid);
		expect(cancel.command).toBe(`SELECT pg_cancel_backend(${pid});`);
		expect(await cancel.checkPermission?.(AbortSignal.timeout(5000))).toEqual({allowed: true});
		expect(await cancel.run(AbortSignal.timeout(5000))).toMatchObject({ok: true});
		expect(await sleeping).toBe('57014'); // query_canceled
		expect(await pidOf(sleeper)).toBe(pid);

		const terminate = mitigations.terminateBackend(pid);
		expect(terminate.command).toBe(`SELECT pg_terminate_backend(${pid});`);
		expect(await terminate.run(AbortSignal.timeout(5000))).toMatchObject({ok: true});
		await expect(sleeper.query('SELECT 1')).rejects.toThrow();
	});

	it("the idle-connection kill ends only the old idle ones (the runbook's statement)", async () => {
		const app = `${schema}-idle`;
		const old = [await open(app), await open(app)];
		const oldPids = await Promise.all(old.map(pidOf));
		await sleep(3500);
		const fresh = await open(app);
		const freshPid = await pidOf(fresh);
		const mitigations = new PostgresMitigations(connection, 'lab');
		// 0.05 minutes = 3 s; scoped to this test's application so other tests' idle connections live on.
		const action = mitigations.terminateIdle(0.05, app);
		expect(action.command).toBe(
			`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < current_timestamp - INTERVAL '0.05 minutes' AND application_name = '${app}';`,
		);
		expect(mitigations.terminateIdle(30).command).toBe(
			"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle' AND state_change < current_timestamp - INTERVAL '30 minutes';",
		);
		expect(await action.run(AbortSignal.timeout(5000))).toEqual({
			ok: true,
			message: 'terminated 2 of 2 idle connections',
		});
		const {rows} = await eventually(
			() =>
				admin.query<{pid: number}>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
					app,
				]),
			(r) => r.rows.length === 1,
		);
		expect(rows.map((r) => r.pid)).toEqual([freshPid]);
		expect(oldPids).not.toContain(freshPid);
	});

	it('with a role lacking pg_signal_backend, the actions are disabled with the reason', async () => {
		const monitor = new PostgresConnection(pgConfig(lab.postgres.url('monitor')));
		try {
			const data = await new PostgresSource(pgConfig(lab.postgres.url('monitor')), monitor).poll(
				AbortSignal.timeout(5000),
			);
			expect(data.canSignal?.allowed).toBe(false);
			expect(data.canSignal?.reason).toMatch(/irtop_monitor lacks pg_signal_backend/);
			const permission = await new PostgresMitigations(monitor, 'lab')
				.cancelQuery(1)
				.checkPermission?.(AbortSignal.timeout(5000));
			expect(permission).toEqual({
				allowed: false,
				reason: expect.stringMatching(/pg_signal_backend/),
			});
		} finally {
			await monitor.close();
		}
	});

	it('uses one connection named irtop, reconnects after it is killed, and reports an unreachable server', async () => {
		await source.poll(AbortSignal.timeout(5000));
		// Only this source's backend: other files' irtop connections share the server.
		const [own] = await connection.query<{pid: number}>('SELECT pg_backend_pid() AS pid', []);
		expect(own?.pid).toBeGreaterThan(0);
		await admin.query('SELECT pg_terminate_backend($1)', [own?.pid]);
		// The poll that finds the socket dead may fail; the next one opens a new connection.
		await source.poll(AbortSignal.timeout(5000)).catch(() => {});
		const after = await source.poll(AbortSignal.timeout(5000));
		expect(after.connections.total).toBeGreaterThan(0);
		const [reopened] = await connection.query<{pid: number}>('SELECT pg_backend_pid() AS pid', []);
		expect(reopened?.pid).not.toBe(own?.pid);
		const down = new PostgresSource(
			pgConfig('postgres://postgres:secret-pw@127.0.0.1:1/x'),
			new PostgresConnection(pgConfig('postgres://postgres:secret-pw@127.0.0.1:1/x')),
		);
		const error = await down.poll(AbortSignal.timeout(5000)).catch((e: Error) => e);
		expect(String(error)).toMatch(/ECONNREFUSED/);
		expect(String(error)).not.toContain('secret-pw');
	});
});
