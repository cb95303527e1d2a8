// PostgreSQL scenarios: the runbook's pool exhaustion and a lock queue.
// The helper process keeps holding connections and locks after lab:scenario
// returns; each scenario waits until the symptom is visible before it does.

import {join} from 'node:path';
import pg from 'pg';
import {labPort} from '../context.ts';
import type {ScenarioContext, ScenarioSet} from '../scenario-types.ts';
import {waitFor} from '../wait.ts';
import {controlExporter} from './exporter.ts';
import {maxConnections, postgresUrl} from './postgres-roles.ts';

const holder = join(import.meta.dirname, 'postgres-holder.ts');

async function adminQuery<T extends pg.QueryResultRow>(
	ctx: ScenarioContext,
	sql: string,
): Promise<T[]> {
	const client = new pg.Client({
		connectionString: postgresUrl('superuser', labPort(ctx, 'postgres')),
		application_name: 'lab-scenario',
	});
	await client.connect();
	try {
		return (await client.query<T>(sql)).rows;
	} finally {
		await client.end();
	}
}

async function countApp(ctx: ScenarioContext, condition: string): Promise<number> {
	const rows = await adminQuery<{n: string}>(
		ctx,
		`SELECT count(*) AS n FROM pg_stat_activity WHERE ${condition}`,
	);
	return Number(rows[0]?.n ?? 0);
}

/** Leaves 3 slots for non-superusers (irtop's monitoring role, a test), 3 reserved for superusers. */
export const poolHolders = maxConnections - 3 - 3;

export const postgresScenarios: ScenarioSet = {
	'pool-exhaustion': {
		description: `${poolHolders} connections run long queries (max_connections ${maxConnections}); onboarding-api 5xx up`,
		needs: ['postgres', 'exporter'],
		async run(ctx) {
			await ctx.stopHelpers('pool-exhaustion');
			await ctx.spawnHelper('pool-exhaustion', holder, [
				'--mode',
				'pool',
				'--url',
				postgresUrl('app', labPort(ctx, 'postgres')),
				'--count',
				String(poolHolders),
			]);
			await waitFor(
				'pool-exhaustion: connections held',
				async () =>
					(await countApp(ctx, "application_name = 'lab-pool-exhaustion' AND state = 'active'")) >=
					poolHolders,
				{timeoutMs: 30_000, signal: ctx.signal},
			);
			await controlExporter(labPort(ctx, 'exporter'), {
				service: 'onboarding-api',
				errorRatio: 0.08,
				p99: 1.8,
			});
		},
		async reset(ctx) {
			await adminQuery(
				ctx,
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'lab-%' AND application_name <> 'lab-scenario'",
			);
		},
	},
	'lock-contention': {
		description:
			'a transaction holds a row lock on cases; 3 updates and a schema change wait behind it',
		needs: ['postgres', 'exporter'],
		async run(ctx) {
			await ctx.stopHelpers('lock-contention');
			await ctx.spawnHelper('lock-contention', holder, [
				'--mode',
				'lock',
				'--url',
				postgresUrl('app', labPort(ctx, 'postgres')),
			]);
			await waitFor(
				'lock-contention: waiters queued',
				async () =>
					(await countApp(
						ctx,
						"application_name LIKE 'lab-lock-%' AND wait_event_type = 'Lock'",
					)) >= 4,
				{timeoutMs: 30_000, signal: ctx.signal},
			);
			await controlExporter(labPort(ctx, 'exporter'), {service: 'onboarding-api', p99: 2.5});
		},
	},
};
