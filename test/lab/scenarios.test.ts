// Each scenario produces its runbook symptom on the real servers, seen
// through the same tools the runbook uses, and `reset` takes it away.
// Scenarios share the lab, so they run one after another in this file.
import axios from 'axios';
import pg from 'pg';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {eventually as poll} from '../support/eventually.ts';
import {describeLab, labCli, tool, unique} from '../support/lab.ts';
import {parseGroupDescribe} from '../support/lab-kafka.ts';

// Scenarios wait for Prometheus' 30 s windows and JVM tools: longer than the suite's default.
vi.setConfig({testTimeout: 90_000});

// Prometheus windows and controllers take seconds: a longer wait, read every half second.
const eventually = <T>(read: () => Promise<T>, ok: (value: T) => boolean) =>
	poll(read, ok, 30_000, 500);

describeLab('lab scenarios', ['postgres', 'exporter', 'prometheus', 'kafka'], (lab) => {
	let admin: pg.Client;
	const schema = unique('t_scn');

	const count = async (where = 'true') => {
		const {rows} = await admin.query(
			`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${where}`,
		);
		return rows[0].n as number;
	};
	const errorRatio = async (service: string) => {
		const promql = `sum(rate(http_requests_total{service="${service}",status=~"5.."}[30s])) / sum(rate(http_requests_total{service="${service}"}[30s]))`;
		const {data} = await axios.get(`${lab.prometheus.url}/api/v1/query`, {params: {query: promql}});
		return Number(data.data.result[0]?.value[1] ?? 0);
	};

	beforeAll(async () => {
		// The superuser keeps a reserved slot even when the pool is exhausted.
		admin = new pg.Client({
			connectionString: lab.postgres.url('superuser'),
			application_name: 'lab-test',
		});
		await admin.connect();
		await admin.query(`CREATE SCHEMA ${schema} AUTHORIZATION onboarding_user`);
	});
	afterAll(async () => {
		// Only this file's scenarios: other test files may be running their own.
		await labCli(
			'scenario',
			'reset',
			'pool-exhaustion',
			'lock-contention',
			'error-spike',
			'kafka-lag',
		);
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
	});

	it('pool-exhaustion: pg_stat_activity near max_connections, onboarding-api 5xx above 1 %', async () => {
		// 35 holders rather than the default 44 leave room for other test files' connections, which
		// share the server; client backends (not the server's own processes) are what max_connections caps.
		await labCli('scenario', 'pool-exhaustion', '35');
		const clients = await count("backend_type = 'client backend'");
		expect(clients).toBeGreaterThanOrEqual(36);
		expect(clients).toBeLessThanOrEqual(lab.postgres.maxConnections);
		expect(await count("application_name = 'lab-pool-exhaustion' AND state = 'active'")).toBe(35);
		const ratio = await eventually(
			() => errorRatio('onboarding-api'),
			(r) => r > 0.01,
		);
		expect(ratio).toBeGreaterThan(0.01);

		await labCli('scenario', 'reset', 'pool-exhaustion');
		expect(
			await eventually(
				() => count("application_name = 'lab-pool-exhaustion'"),
				(n) => n === 0,
			),
		).toBe(0);
		const {data} = await axios.get(`${lab.exporter.url}/control`);
		expect(data.services['onboarding-api'].errorRatio).toBeLessThan(0.01);
	});

	it('lock-contention: a blocker with waiters queued behind it (pg_blocking_pids)', async () => {
		await labCli('scenario', 'lock-contention', `${schema}.cases`);
		const {rows} =
			await admin.query(`SELECT pid, application_name, pg_blocking_pids(pid) AS blockers
			FROM pg_stat_activity WHERE application_name LIKE 'lab-lock-%' ORDER BY pid`);
		const holder = rows.find((r) => r.application_name === 'lab-lock-holder');
		const waiters = rows.filter((r) => r.blockers.length > 0);
		expect(holder?.blockers).toEqual([]);
		expect(waiters).toHaveLength(4);
		// A tree, not a star: the first updater waits on the holder, later ones on the updater
		// ahead of them (the tuple lock), and the schema change on everyone.
		expect(waiters.filter((w) => w.blockers.includes(holder.pid)).length).toBeGreaterThanOrEqual(2);
		const migration = rows.find((r) => r.application_name === 'lab-lock-migration');
		expect(migration?.blockers).toContain(holder.pid);
		const notGranted = await admin.query(
			'SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted',
		);
		expect(notGranted.rows[0].n).toBeGreaterThanOrEqual(4);

		await labCli('scenario', 'reset', 'lock-contention');
		expect(
			await eventually(
				() => count("application_name LIKE 'lab-lock-%'"),
				(n) => n === 0,
			),
		).toBe(0);
	});

	it('error-spike: the named service crosses 1 % in Prometheus', async () => {
		await labCli('scenario', 'error-spike', 'payments-api');
		const ratio = await eventually(
			() => errorRatio('payments-api'),
			(r) => r > 0.01,
		);
		expect(ratio).toBeGreaterThan(0.01);
		await labCli('scenario', 'reset', 'error-spike');
	});

	it('kafka-lag: the group stops committing while the producer goes on', async () => {
		const topic = unique('test-lag');
		const group = unique('test-lag-group');
		const broker = lab.kafka.brokers[0] ?? '';
		const describe = async () =>
			parseGroupDescribe(
				await tool(lab.kafka.tools.consumerGroups, [
					'--bootstrap-server',
					broker,
					'--describe',
					'--group',
					group,
				]),
			);
		const sum = (rows: {lag: number | null}[]) => rows.reduce((s, r) => s + (r.lag ?? 0), 0);
		await labCli('scenario', 'kafka-lag', '--topic', topic, '--group', group);
		const first = await eventually(describe, (rows) => sum(rows) > 0);
		const later = await eventually(describe, (rows) => sum(rows) > sum(first) + 10);
		expect(sum(later)).toBeGreaterThan(sum(first));
		// Committed offsets did not move: the consumer stopped.
		expect(later.map((r) => r.current)).toEqual(first.map((r) => r.current));
		await labCli('scenario', 'reset', 'kafka-lag');
	});

	it('names an unknown scenario and lists the known ones', async () => {
		await expect(labCli('scenario', 'no-such-scenario')).rejects.toThrow(/unknown scenario/);
		const list = await labCli('scenario');
		for (const name of ['pool-exhaustion', 'lock-contention', 'error-spike', 'kafka-lag']) {
			expect(list).toContain(name);
		}
	});
});
