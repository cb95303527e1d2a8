// A PostgreSQL 15 of one test's own, for what the shared lab PostgreSQL must
// not do while other test files use it: restart. Its data directory is under
// the lab's (`<lab>/data/postgres-restartable-*`), so the Kubernetes
// simulator's stand-in for a PostgreSQL pod may `pg_ctl restart` it
// (kubernetes/postgres-restart.ts). max_connections is in postgresql.conf,
// not on the command line, so ALTER SYSTEM can change it at a restart.
import {execFileSync, spawnSync} from 'node:child_process';
import {appendFileSync, chownSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {freePort} from '../free-port.ts';
import {systemUser} from '../users.ts';
import {postgresBin} from './postgres.ts';

function asPostgres(command: string, args: readonly string[]): void {
	const root = process.getuid?.() === 0;
	execFileSync(
		root ? 'runuser' : command,
		root ? ['-u', 'postgres', '--', command, ...args] : args,
		{
			stdio: 'ignore',
			timeout: 60_000,
		},
	);
}

export interface RestartablePostgres {
	readonly dataDir: string;
	readonly port: number;
	/** As the superuser `postgres` (trust on loopback: a throwaway server of one test). */
	url(user?: string): string;
	stop(): void;
}

export async function startRestartablePostgres(
	labDir: string,
	maxConnections: number,
): Promise<RestartablePostgres> {
	mkdirSync(join(labDir, 'data'), {recursive: true});
	const dir = mkdtempSync(join(labDir, 'data', 'postgres-restartable-'));
	const dataDir = join(dir, 'data');
	const owner = systemUser('postgres');
	chownSync(dir, owner.uid, owner.gid);
	asPostgres(join(postgresBin, 'initdb'), [
		'-D',
		dataDir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-instructions',
	]);
	appendFileSync(join(dataDir, 'postgresql.conf'), `\nmax_connections = ${maxConnections}\n`);
	const port = await freePort();
	asPostgres(join(postgresBin, 'pg_ctl'), [
		'-D',
		dataDir,
		'-w',
		'-l',
		join(dir, 'log'),
		'-o',
		`-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`,
		'start',
	]);
	return {
		dataDir,
		port,
		url: (user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/postgres`,
		stop() {
			const root = process.getuid?.() === 0;
			const pgCtl = join(postgresBin, 'pg_ctl');
			spawnSync(root ? 'runuser' : pgCtl, [
				...(root ? ['-u', 'postgres', '--', pgCtl] : []),
				'-D',
				dataDir,
				'-m',
				'immediate',
				'stop',
			]);
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
