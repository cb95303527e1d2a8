// Starts a long-running lab process detached from the caller, with its output
// appended to a log file, so it survives the `lab:up` process that started it.
import {spawn} from 'node:child_process';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import type {StartedProcess} from '../server.ts';

export interface ProcessSpec {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
	readonly logFile: string;
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
}

export function startDetached(spec: ProcessSpec): StartedProcess {
	const log = openSync(spec.logFile, 'a');
	try {
		const child = spawn(spec.command, spec.args, {
			cwd: spec.cwd,
			env: spec.env ?? process.env,
			detached: true,
			stdio: ['ignore', log, log],
		});
		if (child.pid === undefined) throw new Error(`${spec.name}: could not start ${spec.command}`);
		child.unref();
		return {name: spec.name, pid: child.pid};
	} finally {
		closeSync(log);
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The last lines of a log, for error messages that explain a failed start. */
export function logTail(file: string, lines = 20): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Rejects with a clear message when something already listens on the port. */
export function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				new Error(
					error.code === 'EADDRINUSE'
						? `${what}: port 127.0.0.1:${port} is already in use (set IRTOP_LAB_PORT_… to move it)`
						: `${what}: cannot listen on 127.0.0.1:${port}: ${error.message}`,
				),
			);
		});
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}
