// Detached helper of the PostgreSQL scenarios; runs until lab:down or reset
// signals it. Modes:
//   pool  --count N  N connections each running a long query (pool exhaustion)
//   lock             a transaction holding a row lock, waiters queued behind it,
//                    and a schema-change lock queued behind them (a blocking tree)
import {parseArgs} from 'node:util';
import pg from 'pg';

const {values} = parseArgs({
	options: {
		lab: {type: 'string'},
		mode: {type: 'string'},
		url: {type: 'string'},
		count: {type: 'string', default: '10'},
		table: {type: 'string', default: 'cases'},
	},
});
const url = values.url ?? '';
const clients: pg.Client[] = [];
let open = 0;

async function connect(applicationName: string): Promise<pg.Client> {
	const client = new pg.Client({connectionString: url, application_name: applicationName});
	client.on('error', (error) => {
		// A terminated backend (pg_terminate_backend, the runbook's mitigation) lands here.
		console.log(`${applicationName}: connection lost: ${error.message}`);
	});
	client.on('end', () => {
		open -= 1;
		if (open === 0) {
			console.log('every connection is gone; exiting');
			process.exit(0);
		}
	});
	await client.connect();
	open += 1;
	clients.push(client);
	return client;
}

function hold(client: pg.Client, sql: string, label: string): void {
	client.query(sql).then(
		() => console.log(`${label}: finished`),
		(error: Error) => console.log(`${label}: ${error.message}`),
	);
}

async function pool(count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		const client = await connect('lab-pool-exhaustion');
		hold(client, 'SELECT pg_sleep(86400) /* lab pool exhaustion */', `connection ${i + 1}`);
	}
	console.log(`holding ${count} connections`);
}

/** A quoted, optionally schema-qualified table name. */
const table = (values.table ?? 'cases')
	.split('.')
	.map((part) => `"${part.replaceAll('"', '""')}"`)
	.join('.');

async function lock(): Promise<void> {
	const blocker = await connect('lab-lock-holder');
	if (values.table !== 'cases') {
		// The seeded cases table exists; a test's own table may not yet.
		await blocker.query(`CREATE TABLE IF NOT EXISTS ${table} (id bigint PRIMARY KEY, status text)`);
		await blocker.query(
			`INSERT INTO ${table} (id, status) VALUES (1, 'open') ON CONFLICT DO NOTHING`,
		);
	}
	await blocker.query('BEGIN');
	await blocker.query(`UPDATE ${table} SET status = 'locked-by-lab' WHERE id = 1`);
	// Left idle in transaction: the row lock stays until reset or lab:down.
	for (let i = 1; i <= 3; i++) {
		const waiter = await connect('lab-lock-waiter');
		hold(waiter, `UPDATE ${table} SET status = 'waiter-${i}' WHERE id = 1`, `waiter ${i}`);
	}
	const migration = await connect('lab-lock-migration');
	await migration.query('BEGIN');
	hold(migration, `LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`, 'migration');
	console.log('holding a row lock with 3 waiters and a queued ACCESS EXCLUSIVE lock');
}

async function main() {
	if (values.mode === 'pool') await pool(Number(values.count));
	else if (values.mode === 'lock') await lock();
	else throw new Error(`unknown mode ${values.mode}`);
}

main().catch((error: unknown) => {
	console.log(`failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => process.exit(0));
}
