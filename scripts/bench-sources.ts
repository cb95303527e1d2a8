// Benchmarks of the data sources against the running lab: prints numbers, asserts nothing.
// Targets (issue 5): the Postgres panel adds exactly one connection and at most 4 statements per
// refresh, each <= 50 ms with 200 connections and 1,000 locks; Kafka lag for 200 groups x 50
// partitions in <= 1 s, with broker round trips per refresh that do not grow with the groups.
//
// Run: scripts/with-node.sh node scripts/bench-sources.ts [--only=postgres,kafka] [--private-postgres]
// The lab's PostgreSQL allows 50 connections; --private-postgres starts a throwaway PostgreSQL 15
// (initdb in a temporary directory, max_connections 260, port 25432) so 200 connections fit.
// Everything it creates (schema irtop_bench_*, topic and groups irtop-bench-*) is removed at the end.
import {subscribe} from 'node:diagnostics_channel';
import {Admin, Producer} from '@platformatic/kafka';
import pg from 'pg';
import {KafkaSource} from '../source/sources/kafka/source.ts';
import {PostgresConnection} from '../source/sources/postgres/connection.ts';
import {PostgresSource} from '../source/sources/postgres/source.ts';
import {blockedSql, connectionsSql, longQueriesSql} from '../source/sources/postgres/sql.ts';
import {lab} from '../test/support/lab.ts';

const only = process.argv
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
const wanted = (name: string) => !only || only.includes(name);
const stats = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	return `min ${at(0).toFixed(1)} · median ${at(0.5).toFixed(1)} · p95 ${at(0.95).toFixed(1)} · max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
};
const stamp = Date.now().toString(36);
const l = lab();

async function benchPostgres(url: string): Promise<void> {
	const schema = `irtop_bench_${stamp}`;
	const admin = new pg.Client({connectionString: url, application_name: 'irtop-bench'});
	await admin.connect();
	const clients: pg.Client[] = [];
	try {
		const {rows} = await admin.query<{n: number; max: number}>(
			"SELECT count(*)::int AS n, current_setting('max_connections')::int AS max FROM pg_stat_activity WHERE backend_type = 'client backend'",
		);
		const max = rows[0]?.max ?? 0;
		// Leave room for irtop's own connection, the reserved superuser slots and other users of the lab.
		const extra = Math.max(0, Math.min(200, max - (rows[0]?.n ?? 0) - 6));
		await admin.query(`CREATE SCHEMA ${schema}`);
		await admin.query(
			`DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('CREATE TABLE ${schema}.t%s (id int PRIMARY KEY)', i); END LOOP; END $$`,
		);
		await admin.query(`INSERT INTO ${schema}.t1 VALUES (1)`);
		for (let i = 0; i < extra; i++) {
			const c = new pg.Client({connectionString: url, application_name: `irtop-bench-${i % 5}`});
			c.on('error', () => {});
			await c.connect();
			clients.push(c);
		}
		// One holder takes 1,000 table locks and a row lock; a few waiters queue behind it.
		const [holder, ...rest] = clients;
		let locks = 0;
		if (holder) {
			await holder.query('BEGIN');
			await holder.query(
				`DO $$ BEGIN FOR i IN 1..1000 LOOP EXECUTE format('LOCK TABLE ${schema}.t%s IN ROW EXCLUSIVE MODE', i); END LOOP; END $$`,
			);
			await holder.query(`UPDATE ${schema}.t1 SET id = 1 WHERE id = 1`);
			for (const w of rest.slice(0, 5))
				void w.query(`UPDATE ${schema}.t1 SET id = 1 WHERE id = 1`).catch(() => {});
			for (const s of rest.slice(5, 15)) void s.query('SELECT pg_sleep(30)').catch(() => {});
			// Past the 5 s long-query threshold, so the long-query statement has rows to return.
			await new Promise((resolve) => setTimeout(resolve, 5500));
			locks =
				(await admin.query<{n: number}>('SELECT count(*)::int AS n FROM pg_locks')).rows[0]?.n ?? 0;
		}
		const config = {url, statementTimeoutMs: 2000, longQuerySeconds: 5, idleMinutes: 30};
		const connection = new PostgresConnection(config);
		const source = new PostgresSource(config, connection);
		await source.poll(AbortSignal.timeout(5000));
		const before = connection.statements;
		const refreshes = 30;
		const polls: number[] = [];
		for (let i = 0; i < refreshes; i++) {
			const started = performance.now();
			await source.poll(AbortSignal.timeout(5000));
			polls.push(performance.now() - started);
		}
		const perRefresh = (connection.statements - before) / refreshes;
		const each: Record<string, number[]> = {connections: [], longQueries: [], blocked: []};
		for (let i = 0; i < refreshes; i++) {
			for (const [name, sql, params] of [
				['connections', connectionsSql, [30]],
				['longQueries', longQueriesSql, [5]],
				['blocked', blockedSql, []],
			] as const) {
				const started = performance.now();
				await connection.query(sql, params);
				each[name]?.push(performance.now() - started);
			}
		}
		const data = await source.poll(AbortSignal.timeout(5000));
		const own = (
			await admin.query<{n: number}>(
				"SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'irtop'",
			)
		).rows[0]?.n;
		console.log('PostgreSQL panel');
		console.log(
			`  server: ${data.connections.total} client connections (max_connections ${max}; ${extra} opened by the bench), ${locks} rows in pg_locks, ${data.blocked.length} blocked, ${data.longQueries.length} long queries`,
		);
		console.log(`  irtop connections (application_name irtop): ${own}`);
		console.log(`  statements per refresh: ${perRefresh}`);
		console.log(`  refresh (all statements, one connection): ${stats(polls)}`);
		for (const [name, values] of Object.entries(each))
			console.log(`  ${name.padEnd(12)} ${stats(values)}`);
		if (max < 200)
			console.log(
				`  note: the lab's max_connections is ${max}, so 200 connections cannot be reached here`,
			);
		await source.close();
	} finally {
		for (const c of clients) await c.end().catch(() => {});
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
		await admin.end();
	}
}

async function benchKafka(): Promise<void> {
	const brokers = l.kafka.brokers;
	const topic = `irtop-bench-${stamp}`;
	const admin = new Admin({clientId: 'irtop-bench', bootstrapBrokers: brokers});
	const groups = Array.from(
		{length: 200},
		(_, i) => `${topic}-${i < 20 ? 'a' : 'b'}-${String(i).padStart(3, '0')}`,
	);
	let requests = 0;
	subscribe('tracing:plt:kafka:connections:api:start', () => {
		requests++;
	});
	try {
		await admin.createTopics({topics: [topic], partitions: 50, replicas: 1});
		const producer = new Producer({clientId: 'irtop-bench', bootstrapBrokers: brokers});
		await producer.send({
			messages: Array.from({length: 50 * 20}, (_, i) => ({
				topic,
				partition: i % 50,
				value: Buffer.from('x'),
			})),
		});
		await producer.close();
		for (const [i, groupId] of groups.entries()) {
			await admin.alterConsumerGroupOffsets({
				groupId,
				topics: [
					{
						name: topic,
						partitionOffsets: Array.from({length: 50}, (_, p) => ({
							partition: p,
							offset: BigInt((i + p) % 20),
						})),
					},
				],
			});
		}
		console.log(`Kafka lag (Kafka ${l.kafka.version}, ${topic}: 50 partitions)`);
		for (const [label, pattern] of [
			['20 groups x 50 partitions', `^${topic}-a-`],
			['200 groups x 50 partitions', `^${topic}-`],
		] as const) {
			const source = new KafkaSource({brokers, clientId: 'irtop-bench', groups: pattern});
			await source.poll(AbortSignal.timeout(10_000));
			const times: number[] = [];
			const trips: number[] = [];
			let partitions = 0;
			for (let i = 0; i < 10; i++) {
				const before = requests;
				const started = performance.now();
				const data = await source.poll(AbortSignal.timeout(10_000));
				times.push(performance.now() - started);
				trips.push(requests - before);
				partitions = data.groups.reduce(
					(n, g) => n + g.topics.reduce((m, t) => m + t.partitions.length, 0),
					0,
				);
			}
			console.log(
				`  ${label}: ${partitions} partition lags per refresh; refresh ${stats(times)}; broker requests per refresh ${[...new Set(trips)].join('/')}`,
			);
			await source.close();
		}
	} finally {
		await admin.deleteGroups({groups}).catch(() => {});
		await admin.deleteTopics({topics: [topic]}).catch(() => {});
		await admin.close();
	}
}

if (wanted('postgres')) {
	if (process.argv.includes('--private-postgres')) {
		const {startPrivatePostgres} = await import('./bench-private-postgres.ts');
		const server = await startPrivatePostgres(25432, 260);
		try {
			await benchPostgres(server.url);
		} finally {
			await server.stop();
		}
	} else {
		await benchPostgres(l.postgres.url('superuser'));
	}
}
if (wanted('kafka')) await benchKafka();
