// PostgreSQL 15 from Debian, run from its own data directory under .lab/ as the
// `postgres` system user (the server refuses root). Loopback TCP only, with a
// low max_connections so the runbook's pool exhaustion is reachable.

import {chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import pg from 'pg';
import {aptInstall, stopSystemServices} from '../apt.ts';
import {labPort} from '../context.ts';
import {spawnDetached} from '../process.ts';
import {run} from '../run.ts';
import type {LabContext, LabServer} from '../server.ts';
import {systemUser} from '../users.ts';
import {waitFor} from '../wait.ts';
import {database, maxConnections, postgresUrl, roles} from './postgres-roles.ts';
import {seedPostgres} from './postgres-seed.ts';

export const postgresBin = '/usr/lib/postgresql/15/bin';

async function initdb(ctx: LabContext, dataDir: string): Promise<void> {
	const owner = systemUser('postgres');
	mkdirSync(dataDir, {recursive: true});
	chownSync(dataDir, owner.uid, owner.gid);
	chmodSync(dataDir, 0o700);
	const pwfile = join(dataDir, '..', 'postgres.pw');
	writeFileSync(pwfile, `${roles.superuser.password}\n`, {mode: 0o600});
	chownSync(pwfile, owner.uid, owner.gid);
	try {
		ctx.log('  initdb');
		await run(
			join(postgresBin, 'initdb'),
			[
				'-D',
				dataDir,
				'-U',
				roles.superuser.user,
				`--pwfile=${pwfile}`,
				'--auth-host=scram-sha-256',
				'--auth-local=trust',
				'--encoding=UTF8',
				'--locale=C.UTF-8',
				'--no-instructions',
			],
			{uid: owner.uid, gid: owner.gid, cwd: dataDir},
		);
	} finally {
		rmSync(pwfile, {force: true});
	}
}

export const postgres: LabServer = {
	name: 'postgres',

	async provision(ctx) {
		await aptInstall(['postgresql-15', 'postgresql-client-15'], ctx.log);
		await stopSystemServices(['postgresql'], ctx.log);
		if (!existsSync(join(postgresBin, 'postgres'))) {
			throw new Error(`postgres: ${postgresBin}/postgres is missing after the install`);
		}
	},

	async start(ctx) {
		const dataDir = ctx.paths.dataDir('postgres');
		if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdb(ctx, dataDir);
		const owner = systemUser('postgres');
		const settings = {
			port: labPort(ctx, 'postgres'),
			listen_addresses: '127.0.0.1',
			unix_socket_directories: dataDir,
			max_connections: maxConnections,
			// Throwaway data: durability costs start-up and seed time for nothing.
			fsync: 'off',
			synchronous_commit: 'off',
			full_page_writes: 'off',
			shared_buffers: '64MB',
			log_lock_waits: 'on',
			deadlock_timeout: '1s',
			// Backends of a killed client (a stopped scenario helper) end within a second.
			client_connection_check_interval: '1s',
		};
		const server = await spawnDetached({
			name: 'postgres',
			command: join(postgresBin, 'postgres'),
			args: ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
			cwd: dataDir,
			logFile: ctx.paths.logFile('postgres'),
			uid: owner.uid,
			gid: owner.gid,
			// SIGTERM is a "smart" shutdown that waits for every client; SIGINT ends them.
			stopSignal: 'SIGINT',
		});
		return [server];
	},

	async waitReady(ctx) {
		await waitFor(
			'postgres',
			async () => {
				const client = new pg.Client({
					connectionString: postgresUrl('superuser', labPort(ctx, 'postgres'), 'postgres'),
					connectionTimeoutMillis: 1000,
				});
				await client.connect();
				try {
					await client.query('SELECT 1');
					return true;
				} finally {
					await client.end();
				}
			},
			{signal: ctx.signal, timeoutMs: 30_000},
		);
	},

	async seed(ctx) {
		await seedPostgres(labPort(ctx, 'postgres'));
	},

	endpoint(ctx) {
		const port = labPort(ctx, 'postgres');
		const url = (role: keyof typeof roles) => postgresUrl(role, port);
		return {
			env: {DATABASE_URL: url('app')},
			// irtop runs the runbook's mitigations (terminate idle connections): the superuser can.
			config: {postgres: {url: url('superuser')}},
			details: {
				host: '127.0.0.1',
				port,
				database,
				maxConnections,
				roles: Object.fromEntries(
					Object.entries(roles).map(([name, role]) => [
						name,
						{...role, url: url(name as keyof typeof roles)},
					]),
				),
				psql: '/usr/bin/psql',
			},
		};
	},
};
