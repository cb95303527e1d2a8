// PostgreSQL scenarios: the runbook's pool exhaustion and a lock queue.
// The helper process keeps holding connections and locks after lab:scenario
// returns; each scenario waits until the symptom is visible before it does.

import {join} from 'node:path';
import pg from 'pg';
import {labPort} from '../context.ts';
import {startBurst, stopBurst} from '../opensearch/burst.ts';
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

/** The helper connections of each scenario, by application_name. */
const backendsOf = {
	'pool-exhaustion': "application_name = 'lab-pool-exhaustion'",
	'lock-contention':
		"application_name IN ('lab-lock-holder', 'lab-lock-waiter', 'lab-lock-migration')",
} as const;

/** Stops a scenario's helper and ends its backends (a killed client's backend outlives it by up to a second). */
async function endScenario(ctx: ScenarioContext, scenario: keyof typeof backendsOf): Promise<void> {
	await ctx.stopHelpers(scenario);
	const where = backendsOf[scenario];
	await adminQuery(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${where}`);
	await waitFor(`${scenario}: backends gone`, async () => (await countApp(ctx, where)) === 0, {
		timeoutMs: 10_000,
	});
}

/** Leaves 3 slots for non-superusers (irtop's monitoring role, a test), 3 reserved for superusers. */
export const poolHolders = maxConnections - 3 - 3;

export const postgresScenarios: ScenarioSet = {
	'pool-exhaustion': {
		description: `${poolHolders} connections run long queries (max_connections ${maxConnections}); onboarding-api 5xx up`,
		needs: ['postgres', 'exporter'],
		async run(ctx) {
			await endScenario(ctx, 'pool-exhaustion');
			// An explicit count (`pool-exhaustion 40`) leaves room for tests running beside it.
			const count = ctx.args[0] ? Number(ctx.args[0]) : poolHolders;
			if (!Number.isInteger(count) || count < 1)
				throw new Error(`pool-exhaustion: "${ctx.args[0]}" is not a count`);
			const helper = await ctx.spawnHelper('pool-exhaustion', holder, [
				'--mode',
				'pool',
				'--url',
				postgresUrl('app', labPort(ctx, 'postgres')),
				'--count',
				String(count),
			]);
			await ctx.waitForHelper(
				'pool-exhaustion',
				helper,
				async () =>
					(await countApp(ctx, "application_name = 'lab-pool-exhaustion' AND state = 'active'")) >=
					count,
			);
			await controlExporter(labPort(ctx, 'exporter'), {
				service: 'onboarding-api',
				errorRatio: 0.08,
				p99: 1.8,
			});
			// The application's side of it, in the log store (when the lab runs one).
			await startBurst(ctx, 'pool-exhaustion', {
				app: 'onboarding-api',
				perMinute: 40,
				message:
					'sorry, too many clients already: remaining connection slots are reserved for roles with the SUPERUSER attribute',
			});
		},
		async reset(ctx) {
			stopBurst(ctx.paths, 'pool-exhaustion');
			await endScenario(ctx, 'pool-exhaustion');
			await controlExporter(labPort(ctx, 'exporter'), {service: 'onboarding-api', reset: true});
		},
	},
	'lock-contention': {
		description:
			'a transaction holds a row lock on cases; 3 updates and a schema change wait behind it',
		needs: ['postgres', 'exporter'],
		async run(ctx) {
			await endScenario(ctx, 'lock-contention');
			// A table name (`lock-contention myschema.cases`) keeps a test's lock queue to itself.
			const table = ctx.args[0] ?? 'cases';
			const helper = await ctx.spawnHelper('lock-contention', holder, [
				'--mode',
				'lock',
				'--table',
				table,
				'--url',
				postgresUrl('app', labPort(ctx, 'postgres')),
			]);
			await ctx.waitForHelper(
				'lock-contention',
				helper,
				async () =>
					(await countApp(
						ctx,
						"application_name LIKE 'lab-lock-%' AND wait_event_type = 'Lock'",
					)) >= 4,
			);
			await controlExporter(labPort(ctx, 'exporter'), {service: 'onboarding-api', p99: 2.5});
		},
		async reset(ctx) {
			await endScenario(ctx, 'lock-contention');
			await controlExporter(labPort(ctx, 'exporter'), {service: 'onboarding-api', reset: true});
		},
	},
};
