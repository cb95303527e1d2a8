// A throwaway PostgreSQL 15 for the sources benchmark, when the lab's 50 connections are too few.
// It runs as the `postgres` system user (PostgreSQL refuses root) and is removed afterwards.
import {execFileSync, spawnSync} from 'node:child_process';
import {chownSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const bin = '/usr/lib/postgresql/15/bin';

function asPostgres(command: string, args: string[]): void {
	const root = process.getuid?.() === 0;
	execFileSync(
		root ? 'runuser' : command,
		root ? ['-u', 'postgres', '--', command, ...args] : args,
		{
			stdio: 'ignore',
		},
	);
}

export async function startPrivatePostgres(
	port: number,
	maxConnections: number,
): Promise<{url: string; stop(): Promise<void>}> {
	const dir = mkdtempSync(join(tmpdir(), 'irtop-bench-pg-'));
	const data = join(dir, 'data');
	if (process.getuid?.() === 0) {
		const {uid, gid} = {
			uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
			gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
		};
		chownSync(dir, uid, gid);
	}
	asPostgres(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres']);
	asPostgres(`${bin}/pg_ctl`, [
		'-D',
		data,
		'-w',
		'-l',
		join(dir, 'log'),
		'-o',
		`-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=${maxConnections} -c fsync=off -c max_locks_per_transaction=128`,
		'start',
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		async stop() {
			spawnSync(process.getuid?.() === 0 ? 'runuser' : `${bin}/pg_ctl`, [
				...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', `${bin}/pg_ctl`] : []),
				'-D',
				data,
				'-m',
				'immediate',
				'stop',
			]);
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
